"""Every write to projects: the project and its pilots, status over time, milestones, risks,
decisions raised to the steering group, the communication plan and the frozen status report."""

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from partnerskap.core.models import User
from partnerskap.core.services import claim_revision, locked, save
from partnerskap.meetings.models import AgendaItem, ItemKind, Meeting, MeetingStatus

from .models import (
    STATUS_FIELDS,
    CommunicationActivity,
    DecisionNeeded,
    Health,
    Milestone,
    Phase,
    Pilot,
    Project,
    ProjectPhase,
    ProjectStatusReport,
    Risk,
    StatusEntry,
    StatusRow,
)

PROJECT_M2M = ("owners", "owner_municipalities", "partnerships", "municipalities", "budgets")
# The worst health of the rows is the project's.
HEALTH_ORDER = [Health.OFF_TRACK, Health.AT_RISK, Health.ON_TRACK, Health.NOT_STARTED, Health.DONE]


def _day(value: date) -> str:
    return date_format(value, "SHORT_DATE_FORMAT")


def _set_m2m(instance: object, values: dict[str, Iterable[object]]) -> None:
    for name, objects in values.items():
        getattr(instance, name).set(list(objects))


def _check_period(starts_on: date | None, ends_on: date | None) -> None:
    if starts_on and ends_on and ends_on < starts_on:
        raise ValidationError({"ends_on": _("The project cannot end before it starts.")})


@transaction.atomic
def project_create(
    *, actor: User, county: object, name: str, starts_on: date, ends_on: date, **fields: object
) -> Project:
    """A project with its four phases (concept, planning, execution, closure)."""
    _check_period(starts_on, ends_on)
    m2m = {k: fields.pop(k) for k in PROJECT_M2M if k in fields}
    project = save(
        Project(county=county, name=name.strip(), starts_on=starts_on, ends_on=ends_on, **fields),
        actor=actor,
    )
    _set_m2m(project, m2m)  # type: ignore[arg-type]
    for position, phase in enumerate(Phase.values):
        save(ProjectPhase(project=project, phase=phase, position=position), actor=actor)
    return project


@transaction.atomic
def project_update(
    *, actor: User, project: Project, revision: int | None, **fields: object
) -> Project:
    claim_revision(Project, project.pk, revision)
    project = locked(Project, project.pk)
    m2m = {k: fields.pop(k) for k in PROJECT_M2M if k in fields}
    for key, value in fields.items():
        setattr(project, key, value)
    _check_period(project.starts_on, project.ends_on)
    save(project, actor=actor)
    _set_m2m(project, m2m)  # type: ignore[arg-type]
    return project


@transaction.atomic
def pilot_add(
    *,
    actor: User,
    project: Project,
    name: str,
    partnerships: Iterable[object] = (),
    municipalities: Iterable[object] = (),
    **fields: object,
) -> Pilot:
    """A pilot concerns at least one partnership or municipality; it gets its status row."""
    partnerships, municipalities = list(partnerships), list(municipalities)
    if not partnerships and not municipalities:
        raise ValidationError(
            {
                "partnerships": _(
                    "Choose at least one partnership or municipality that the pilot concerns."
                )
            }
        )
    position = project.pilots.count()
    pilot = save(
        Pilot(project=project, name=name.strip(), position=position, **fields), actor=actor
    )
    pilot.partnerships.set(partnerships)
    pilot.municipalities.set(municipalities)
    _add_row(project, label=pilot.name, pilot=pilot)
    return pilot


def _add_row(project: Project, **fields: object) -> StatusRow:
    if project.status_rows.filter(label=fields["label"]).exists():
        raise ValidationError(
            {"label": _("The status table already has a row called “%(label)s”.") % fields}
        )
    position = project.status_rows.count()
    return save(StatusRow(project=project, position=position, **fields), actor=None)


@transaction.atomic
def status_row_add(
    *, actor: User, project: Project, label: str, service_area: object = None
) -> StatusRow:
    """A row of the status table for a service area (TO) rather than a pilot."""
    if not label.strip():
        raise ValidationError({"label": _("Name the row, for example the service area.")})
    return _add_row(project, label=label.strip(), service_area=service_area)


def _latest_before(row: StatusRow, day: date) -> StatusEntry | None:
    return row.entries.filter(reported_on__lt=day).order_by("-reported_on").first()


def _check_reporting_date(project: Project, reported_on: date) -> None:
    entries = StatusEntry.objects.filter(row__project=project)
    if entries.filter(reported_on=reported_on).exists():
        raise ValidationError(
            {
                "reported_on": _(
                    "The status for %(date)s has already been reported. Choose a later date."
                )
                % {"date": _day(reported_on)}
            }
        )
    later = entries.filter(reported_on__gt=reported_on).order_by("-reported_on").first()
    if later is not None:
        raise ValidationError(
            {
                "reported_on": _(
                    "The status has been reported for %(later)s already. A new report must come "
                    "after that date."
                )
                % {"later": _day(later.reported_on)}
            }
        )


@transaction.atomic
def status_report(
    *, actor: User, project: Project, reported_on: date, values: dict[int, dict[str, str]]
) -> list[StatusEntry]:
    """Every row's status on `reported_on`: the values given for a row, the rest copied forward
    from its last entry. A date is reported once; a row left as it was is marked copied."""
    project = locked(Project, project.pk)
    _check_reporting_date(project, reported_on)
    entries = []
    for row in project.status_rows.all():
        previous = _latest_before(row, reported_on)
        carried = {f: getattr(previous, f) for f in STATUS_FIELDS} if previous else {}
        given = {k: v for k, v in values.get(row.pk, {}).items() if k in STATUS_FIELDS}
        fields = {"health": Health.NOT_STARTED, **carried, **given}
        copied = previous is not None and all(fields[f] == carried.get(f) for f in STATUS_FIELDS)
        entry = StatusEntry(row=row, reported_on=reported_on, copied=copied, author=actor, **fields)
        entries.append(save(entry, actor=actor))
    healths = {e.health for e in entries}
    project.health = next((h for h in HEALTH_ORDER if h in healths), Health.NOT_STARTED)
    save(project, actor=actor)
    return entries


def _check_in_period(project: Project, day: date, field: str) -> None:
    if not project.starts_on <= day <= project.ends_on:
        raise ValidationError(
            {
                field: _(
                    "The date %(date)s is outside the project period (%(start)s–%(end)s). Choose "
                    "a date within it, or change the period first."
                )
                % {
                    "date": _day(day),
                    "start": _day(project.starts_on),
                    "end": _day(project.ends_on),
                }
            }
        )


def _check_pilot(project: Project, pilot: Pilot | None) -> None:
    if pilot is not None and pilot.project_id != project.pk:
        raise ValidationError({"pilot": _("Choose one of this project's pilots.")})


@transaction.atomic
def milestone_add(
    *, actor: User, project: Project, title: str, due_on: date, **fields: object
) -> Milestone:
    _check_in_period(project, due_on, "due_on")
    _check_pilot(project, fields.get("pilot"))  # type: ignore[arg-type]
    return save(
        Milestone(project=project, title=title.strip(), due_on=due_on, **fields), actor=actor
    )


@transaction.atomic
def milestone_complete(*, actor: User, milestone: Milestone, done_on: date) -> Milestone:
    milestone = locked(Milestone, milestone.pk)
    if milestone.state != "planned":
        raise ValidationError(_("This milestone is not planned any more."))
    if done_on > timezone.localdate():
        raise ValidationError({"done_on": _("A milestone cannot be done on a day still to come.")})
    milestone.state = "done"
    milestone.done_on = done_on
    return save(milestone, actor=actor)


@transaction.atomic
def risk_add(*, actor: User, project: Project, title: str, **fields: object) -> Risk:
    _check_pilot(project, fields.get("pilot"))  # type: ignore[arg-type]
    return save(Risk(project=project, title=title.strip(), **fields), actor=actor)


@transaction.atomic
def decision_add(*, actor: User, project: Project, title: str, **fields: object) -> DecisionNeeded:
    return save(DecisionNeeded(project=project, title=title.strip(), **fields), actor=actor)


def steering_meetings(project: Project):
    """The steering group's meetings whose agenda may still change: where decisions and the
    status report can go."""
    return Meeting.objects.filter(
        body_id=project.steering_group_id, status=MeetingStatus.PLANNED
    ).order_by("starts_at")


@transaction.atomic
def decision_raise(*, actor: User, decision: DecisionNeeded, meeting: Meeting) -> AgendaItem:
    """Put the decision on a steering-group meeting's agenda as a decision item."""
    from partnerskap.meetings.services import item_add

    decision = locked(DecisionNeeded, decision.pk, "project")
    if decision.item_id is not None:
        raise ValidationError(_("This decision is on an agenda already."))
    if meeting.body_id != decision.project.steering_group_id:
        raise ValidationError({"meeting": _("Choose a meeting of the project's steering group.")})
    item = item_add(
        actor=actor,
        meeting=meeting,
        title=decision.title,
        kind=ItemKind.DECISION,
        background=decision.background,
    )
    decision.item = item
    save(decision, actor=actor)
    return item


@transaction.atomic
def communication_add(
    *, actor: User, project: Project, audience: str, channel: str, **fields: object
) -> CommunicationActivity:
    planned_on = fields.get("planned_on")
    if planned_on is not None:
        _check_in_period(project, planned_on, "planned_on")  # type: ignore[arg-type]
    activity = CommunicationActivity(
        project=project, audience=audience.strip(), channel=channel.strip(), **fields
    )
    return save(activity, actor=actor)


@transaction.atomic
def communication_mark_done(
    *, actor: User, activity: CommunicationActivity
) -> CommunicationActivity:
    activity = locked(CommunicationActivity, activity.pk)
    activity.done = True
    return save(activity, actor=actor)


@transaction.atomic
def report_attach(*, actor: User, project: Project, item: AgendaItem) -> ProjectStatusReport:
    """The project's status report goes with a steering-group item; it is frozen into a PDF
    when the meeting's notice is sent, so the papers show the status as it was then."""
    if item.meeting.body_id != project.steering_group_id:
        raise ValidationError({"item": _("Choose an item of the project's steering group.")})
    if item.meeting.status != MeetingStatus.PLANNED:
        raise ValidationError(
            {"item": _("The notice of that meeting has gone out; choose a later meeting.")}
        )
    existing = ProjectStatusReport.objects.filter(project=project, item=item).first()
    if existing is not None:
        return existing
    return save(ProjectStatusReport(project=project, item=item), actor=actor)
