"""Every read the project pages, the API and the status PDF need, in a constant number of
queries; `project_for_user` and `pilot_for_user` are the one access function of each."""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone

from partnerskap.core.models import User
from partnerskap.meetings.models import AgendaItem, Meeting, MeetingStatus

from .access import project_scope
from .models import (
    STATUS_FIELDS,
    Milestone,
    MilestoneState,
    Pilot,
    Project,
    ProjectStatusReport,
    Risk,
    StatusEntry,
    StatusRow,
)


def _next_milestone(column: str) -> Subquery:
    upcoming = Milestone.objects.filter(
        project=OuterRef("pk"), state=MilestoneState.PLANNED
    ).order_by("due_on", "pk")
    return Subquery(upcoming.values(column)[:1])


def project_list(user: User) -> QuerySet[Project]:
    """The projects the person may read, each with its next milestone and overdue count."""
    scope = project_scope(user)
    readable = Project.objects.filter(scope.readable()).values("pk")
    today = timezone.localdate()
    return (
        Project.objects.filter(pk__in=readable)
        .select_related("county", "leader")
        .annotate(
            next_milestone_title=_next_milestone("title"),
            next_milestone_due=_next_milestone("due_on"),
            overdue=Count(
                "milestones",
                filter=Q(milestones__state=MilestoneState.PLANNED, milestones__due_on__lt=today),
            ),
            pilot_count=Count("pilots", distinct=True),
        )
        .order_by("name", "pk")
    )


def portfolio(user: User, county_id: int) -> QuerySet[Project]:
    return project_list(user).filter(county_id=county_id)


def partnership_projects(user: User, partnership_id: int) -> QuerySet[Project]:
    concerned = Project.objects.filter(
        Q(partnerships__id=partnership_id) | Q(pilots__partnerships__id=partnership_id)
    ).values("pk")
    return project_list(user).filter(pk__in=concerned)


def project_for_user(user: User, pk: int, *, change: bool = False) -> Project:
    """The one access function for projects: 404 if not readable, 403 if not manageable. The
    project carries `can_manage` for the page."""
    scope = project_scope(user)
    qs = Project.objects.select_related(
        "county", "leader", "steering_group", "project_group"
    ).filter(pk=pk)
    project = qs.first()
    if project is None or not (
        scope.is_admin or Project.objects.filter(scope.readable(), pk=pk).exists()
    ):
        raise Http404
    project.can_manage = scope.is_admin or (  # type: ignore[attr-defined]
        Project.objects.filter(scope.manageable(), pk=pk).exists()
    )
    if change and not project.can_manage:  # type: ignore[attr-defined]
        raise PermissionDenied
    return project


def insider_pilot_ids(user: User, project: Project) -> set[int]:
    """The pilots of the project whose internal parts the person may see."""
    if getattr(project, "can_manage", False):
        return set(project.pilots.values_list("pk", flat=True))
    scope = project_scope(user)
    return set(
        Pilot.objects.filter(scope.pilot_insiders(), project=project).values_list("pk", flat=True)
    )


def pilot_for_user(user: User, pk: int) -> tuple[Pilot, bool]:
    """The pilot, if its project is readable, and whether the person is inside it."""
    project_id = Pilot.objects.filter(pk=pk).values_list("project_id", flat=True).first()
    if project_id is None:
        raise Http404
    project = project_for_user(user, project_id)
    pilot = (
        Pilot.objects.select_related("local_group", "local_leader")
        .prefetch_related("partnerships", "municipalities")
        .get(pk=pk)
    )
    pilot.project = project
    return pilot, pk in insider_pilot_ids(user, project)


def _latest_entry_prefetch(as_of: date | None = None) -> Prefetch:
    entries = StatusEntry.objects.order_by("-reported_on")
    if as_of is not None:
        entries = entries.filter(reported_on__lte=as_of)
    return Prefetch("entries", queryset=entries, to_attr="entries_newest_first")


@dataclass
class StatusLine:
    row: StatusRow
    entry: StatusEntry | None
    before: StatusEntry | None = None  # the entry in effect at the previous meeting
    changed: list[str] = field(default_factory=list)  # fields changed since then

    @property
    def is_new(self) -> bool:
        return self.entry is not None and self.before is None


def status_table(project: Project, *, since: date | None = None) -> list[StatusLine]:
    """Each row's latest status; with `since`, what changed after that day (two queries)."""
    rows = project.status_rows.select_related("pilot").prefetch_related(_latest_entry_prefetch())
    lines = []
    for row in rows:
        newest = row.entries_newest_first  # type: ignore[attr-defined]
        entry = newest[0] if newest else None
        line = StatusLine(row, entry)
        if since is not None and entry is not None:
            line.before = next((e for e in newest if e.reported_on <= since), None)
            line.changed = [
                f
                for f in STATUS_FIELDS
                if line.before is None or getattr(entry, f) != getattr(line.before, f)
            ]
        lines.append(line)
    return lines


def reporting_dates(project: Project) -> list[date]:
    return list(
        StatusEntry.objects.filter(row__project=project)
        .values_list("reported_on", flat=True)
        .distinct()
        .order_by("-reported_on")
    )


def pilot_history(pilot: Pilot) -> QuerySet[StatusEntry]:
    """Every status entry of the pilot, newest first."""
    return (
        StatusEntry.objects.filter(row__pilot=pilot)
        .select_related("author")
        .order_by("-reported_on")
    )


def visible_risks(project: Project, insider_pilots: set[int]) -> QuerySet[Risk]:
    """The project's own risks, and the pilots' risks for those inside them."""
    return (
        project.risks.filter(Q(pilot__isnull=True) | Q(pilot_id__in=insider_pilots))
        .select_related("owner", "pilot")
        .order_by("-probability", "-consequence", "pk")
    )


def project_detail(project: Project, insider_pilots: set[int]) -> dict:
    """What the project's page shows, in a fixed number of queries whatever its size."""
    pilots = project.pilots.select_related("local_group", "local_leader").prefetch_related(
        "partnerships", "municipalities"
    )
    return {
        "project": project,
        "owners": list(project.owners.all()),
        "owner_municipalities": list(project.owner_municipalities.all()),
        "partnerships": list(project.partnerships.all()),
        "municipalities": list(project.municipalities.all()),
        "budgets": list(project.budgets.select_related("partnership")),
        "phases": list(project.phases.all()),
        "pilots": list(pilots),
        "status": status_table(project),
        "milestones": list(project.milestones.select_related("owner", "pilot")),
        "risks": list(visible_risks(project, insider_pilots)),
        "decisions": list(
            project.decisions.select_related("item", "item__meeting", "item__meeting__body")
        ),
        "communication": list(project.communication.all()),
        "reports": list(
            project.reports.select_related("item", "item__meeting", "frozen_attachment")
        ),
    }


def previous_meeting_day(meeting: Meeting) -> date | None:
    """The day of the body's last meeting before this one: what "changed since" compares to."""
    previous = (
        Meeting.objects.filter(body_id=meeting.body_id, starts_at__lt=meeting.starts_at)
        .exclude(status=MeetingStatus.CANCELLED)
        .order_by("-starts_at")
        .values_list("starts_at", flat=True)
        .first()
    )
    return timezone.localdate(previous) if previous else None


def report_content(report: ProjectStatusReport) -> dict:
    """The status report as it stands now: every row's latest status, marked where it changed
    since the steering group's previous meeting, with milestones, open risks of the project and
    the decisions needed. Pilots' internal risks stay out of the steering group's papers."""
    project = report.project
    item: AgendaItem | None = report.item
    since = previous_meeting_day(item.meeting) if item is not None else None
    today = timezone.localdate()
    status = status_table(project, since=since) if since else status_table(project)
    return {
        "changed": [line.row.label for line in status if line.changed],
        "report": report,
        "project": project,
        "item": item,
        "since": since,
        "status": status,
        "milestones": list(
            project.milestones.filter(state=MilestoneState.PLANNED).select_related("owner")
        ),
        "risks": list(visible_risks(project, set()).filter(status="open")),
        "decisions": list(project.decisions.select_related("item")),
        "today": today,
    }


def my_overdue_milestones(user: User) -> QuerySet[Milestone]:
    """Overdue milestones the person owns or whose project they lead, for "Til meg"."""
    return (
        Milestone.objects.overdue()
        .filter(Q(owner=user) | Q(project__leader=user))
        .select_related("project")
        .distinct()
    )


def county_overdue_milestones(user: User, county_id: int) -> QuerySet[Milestone]:
    readable = Project.objects.filter(project_scope(user).readable(), county_id=county_id)
    return (
        Milestone.objects.overdue()
        .filter(project__in=readable.values("pk"))
        .select_related("project", "owner")
    )


def project_people(county_ids: set[int]) -> QuerySet[User]:
    """Who may lead, own or be responsible: the people of the county and its partnerships."""
    return (
        User.objects.filter(
            Q(roles__county_id__in=county_ids)
            | Q(roles__partnership__office__county_id__in=county_ids)
            | Q(body_memberships__body__county_id__in=county_ids),
            is_active=True,
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )
