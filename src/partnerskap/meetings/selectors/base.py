"""Access functions, lists and the reads the meeting pages need, each a fixed number of queries."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.core.exceptions import PermissionDenied
from django.db.models import Max, Min, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerskap.core.models import User
from partnerskap.registry.access import access_scope
from partnerskap.registry.models import County, Partnership

from .. import lifecycle
from ..access import body_scope
from ..models import (
    OPEN_ACTION_STATUSES,
    ActionItem,
    AgendaItem,
    AnnualPlan,
    Attachment,
    Attendance,
    Body,
    BodyMember,
    ItemStatus,
    Meeting,
    MeetingStatus,
    MinutesComment,
    MinutesVersion,
)

# --- access functions -----------------------------------------------------------------------


def body_for_user(user: User, pk: int, *, change: bool = False) -> Body:
    scope = body_scope(user)
    if not scope.can_read(pk):
        raise Http404
    if change and not scope.can_edit(pk):
        raise PermissionDenied
    try:
        return (
            Body.objects.select_related("partnership", "county")
            .prefetch_related(
                "standard_items",
                Prefetch("members", queryset=BodyMember.objects.current().select_related("person")),
            )
            .get(pk=pk)
        )
    except Body.DoesNotExist:
        raise Http404 from None


def _meeting_qs() -> QuerySet[Meeting]:
    return Meeting.objects.select_related(
        "body",
        "body__partnership",
        "body__county",
        "chair",
        "minute_taker",
        "minutes",
        "minutes__approved_by",
    )


def meeting_for_user(user: User, pk: int, *, change: bool = False) -> Meeting:
    try:
        meeting = _meeting_qs().get(pk=pk)
    except Meeting.DoesNotExist:
        raise Http404 from None
    scope = body_scope(user)
    if not scope.can_read(meeting.body_id):
        raise Http404
    if change and not scope.can_edit(meeting.body_id):
        raise PermissionDenied
    return meeting


def item_for_user(user: User, pk: int, *, change: bool = False) -> AgendaItem:
    try:
        item = AgendaItem.objects.select_related(
            "meeting", "meeting__body", "meeting__minutes", "numbering_body"
        ).get(pk=pk)
    except AgendaItem.DoesNotExist:
        raise Http404 from None
    scope = body_scope(user)
    if not scope.can_read(item.meeting.body_id):
        raise Http404
    if change and not scope.can_edit(item.meeting.body_id):
        raise PermissionDenied
    return item


def action_for_user(user: User, pk: int, *, change: bool = False) -> ActionItem:
    try:
        action = ActionItem.objects.select_related("item", "item__meeting", "body", "owner").get(
            pk=pk
        )
    except ActionItem.DoesNotExist:
        raise Http404 from None
    scope = body_scope(user)
    if not scope.can_read(action.body_id):
        raise Http404
    # The person responsible may always report progress on their own follow-up.
    if change and not (scope.can_edit(action.body_id) or action.owner_id == user.pk):
        raise PermissionDenied
    return action


def attachment_for_user(user: User, pk: int) -> Attachment:
    try:
        attachment = Attachment.objects.select_related("item__meeting").get(pk=pk)
    except Attachment.DoesNotExist:
        raise Http404 from None
    if not body_scope(user).can_read(attachment.item.meeting.body_id):
        raise Http404
    return attachment


def member_for_user(user: User, pk: int, *, change: bool = False) -> BodyMember:
    member = BodyMember.objects.select_related("body", "person").filter(pk=pk).first()
    scope = body_scope(user)
    if member is None or not scope.can_read(member.body_id):
        raise Http404
    if change and not scope.can_edit(member.body_id):
        raise PermissionDenied
    return member


def minutes_version_for_user(user: User, pk: int) -> MinutesVersion:
    """A frozen version of minutes, readable by whoever may read its meeting."""
    version = (
        MinutesVersion.objects.select_related("minutes__meeting", "created_by")
        .filter(pk=pk)
        .first()
    )
    if version is None or not body_scope(user).can_read(version.minutes.meeting.body_id):
        raise Http404
    return version


# --- lists ----------------------------------------------------------------------------------


def body_list(user: User) -> QuerySet[Body]:
    scope = body_scope(user)
    qs = Body.objects.select_related("partnership", "county").order_by("name")
    return qs if scope.is_admin else qs.filter(id__in=scope.readable)


def body_meetings(body: Body) -> QuerySet[Meeting]:
    """A body's meetings, newest first, ready for `lifecycle.effective_status` on every row
    (it reads the body and the objections) in a fixed number of queries per page."""
    return (
        Meeting.objects.filter(body=body)
        .select_related("body", "minutes")
        .prefetch_related("minutes__comments")
        .order_by("-starts_at")
    )


def open_actions(body_id: int, *, before: datetime | None = None) -> QuerySet[ActionItem]:
    """Follow-ups of the body still open (decided before `before`), oldest due first."""
    qs = ActionItem.objects.filter(body_id=body_id, status__in=OPEN_ACTION_STATUSES)
    if before is not None:
        qs = qs.filter(item__meeting__starts_at__lt=before)
    return qs.select_related("owner", "item", "item__meeting").order_by("due_date", "pk")


def body_calendar(body: Body, *, since: date | None = None) -> QuerySet[Meeting]:
    """A body's meetings for its calendar feed, from a year back, with the agenda each event
    describes prefetched: the feed costs two queries however many meetings it holds."""
    since = since or timezone.localdate() - timedelta(days=365)
    items = AgendaItem.objects.filter(status=ItemStatus.ACTIVE).order_by("position")
    return (
        Meeting.objects.filter(body=body, starts_at__date__gte=since)
        .prefetch_related(Prefetch("items", queryset=items))
        .order_by("starts_at")
    )


def my_actions(user: User) -> QuerySet[ActionItem]:
    return (
        ActionItem.objects.filter(owner=user, status__in=OPEN_ACTION_STATUSES)
        .select_related("owner", "body", "item", "item__meeting")
        .order_by("due_date", "pk")
    )


def overdue_actions(today: date) -> QuerySet[ActionItem]:
    return ActionItem.objects.filter(
        status__in=OPEN_ACTION_STATUSES, due_date__lt=today, remind=True
    ).select_related("owner", "body", "item", "item__meeting")


# --- the meeting page -----------------------------------------------------------------------


def meeting_detail(meeting: Meeting) -> Meeting:
    """Prefetch everything the meeting page, its documents and its API need."""
    items = (
        AgendaItem.objects.order_by("position")
        .select_related("numbering_body", "forwarded_from", "forwarded_from__meeting__body")
        .prefetch_related(
            Prefetch("attachments", queryset=Attachment.objects.order_by("created_at")),
            Prefetch(
                "actions",
                queryset=ActionItem.objects.select_related("owner").order_by("due_date", "pk"),
            ),
            Prefetch("forwarded_to", queryset=AgendaItem.objects.select_related("meeting__body")),
        )
    )
    return (
        _meeting_qs()
        .prefetch_related(
            Prefetch("items", queryset=items),
            Prefetch(
                "attendances", queryset=Attendance.objects.select_related("person").order_by("name")
            ),
            Prefetch(
                "minutes__comments",
                queryset=MinutesComment.objects.select_related("author", "item"),
            ),
            Prefetch(
                "minutes__versions",
                queryset=MinutesVersion.objects.select_related("created_by").order_by("-number"),
            ),
        )
        .get(pk=meeting.pk)
    )


@dataclass
class ScheduledItem:
    item: AgendaItem | None
    starts: datetime
    minutes: int
    is_break: bool = False


def agenda_schedule(meeting: Meeting, items: list[AgendaItem]) -> list[ScheduledItem]:
    """Start time of each active item from the meeting's start and the planned durations, with
    the meeting's breaks (lunch at 12:00) inserted when the clock reaches them."""
    clock = timezone.localtime(meeting.starts_at)
    pending = sorted(
        (
            datetime.combine(
                clock.date(), datetime.strptime(b["at"], "%H:%M").time(), tzinfo=clock.tzinfo
            ),
            int(b.get("minutes", 30)),
        )
        for b in meeting.breaks or []
    )
    out: list[ScheduledItem] = []
    for item in items:
        if item.status != ItemStatus.ACTIVE:
            continue
        while pending and clock >= pending[0][0]:
            _at, length = pending.pop(0)
            out.append(ScheduledItem(None, clock, length, is_break=True))
            clock += timedelta(minutes=length)
        out.append(ScheduledItem(item, clock, item.planned_minutes))
        clock += timedelta(minutes=item.planned_minutes)
    return out


@dataclass
class Overrun:
    """The agenda's planned items end after the meeting's planned end (issue 14)."""

    agenda_ends: datetime
    meeting_ends: datetime
    minutes: int

    @property
    def duration(self) -> str:
        """ "1 h 40 min", "40 min", "2 h"."""
        hours, minutes = divmod(self.minutes, 60)
        if not hours:
            return _("%(minutes)d min") % {"minutes": minutes}
        if not minutes:
            return _("%(hours)d h") % {"hours": hours}
        return _("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": minutes}


def agenda_overrun(meeting: Meeting, schedule: list[ScheduledItem]) -> Overrun | None:
    """How far the scheduled agenda runs past the meeting's end, or None when it fits."""
    if not schedule:
        return None
    last = schedule[-1]
    agenda_ends = last.starts + timedelta(minutes=last.minutes)
    meeting_ends = timezone.localtime(meeting.ends_at)
    if agenda_ends <= meeting_ends:
        return None
    return Overrun(agenda_ends, meeting_ends, (agenda_ends - meeting_ends) // timedelta(minutes=1))


# --- the meeting pages ----------------------------------------------------------------------


def member_candidates() -> QuerySet[User]:
    """Who can be made a member of a body: any active person (a body has outside members)."""
    return User.objects.filter(is_active=True).order_by("first_name", "last_name", "username")


def body_people(body: Body) -> QuerySet[User]:
    """Who can chair, take the minutes or be responsible for a follow-up: the body's members
    and the people with a role in its partnership."""
    people = Q(body_memberships__body=body)
    if body.partnership_id is not None:
        people |= Q(roles__partnership_id=body.partnership_id)
    return (
        User.objects.filter(people, is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def _recent(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """Meetings from the start of last year on: the ones an item can sensibly go to."""
    since = timezone.localdate().replace(month=1, day=1)
    since = since.replace(year=since.year - 1)
    return meetings.exclude(status=MeetingStatus.CANCELLED).filter(starts_at__date__gte=since)


def move_targets(item: AgendaItem) -> QuerySet[Meeting]:
    """Other meetings of the item's body; the service refuses those whose agenda is closed."""
    meetings = Meeting.objects.filter(body_id=item.meeting.body_id).exclude(pk=item.meeting_id)
    return _recent(meetings).order_by("-starts_at")


def forward_targets(user: User, item: AgendaItem) -> QuerySet[Meeting]:
    """Coming meetings of other bodies the person may run."""
    scope = body_scope(user)
    meetings = Meeting.objects.exclude(body_id=item.numbering_body_id).filter(
        status__in=(MeetingStatus.PLANNED, MeetingStatus.NOTICE_SENT)
    )
    if not scope.is_admin:
        meetings = meetings.filter(body_id__in=scope.editable)
    return _recent(meetings).select_related("body").order_by("starts_at")


def minutes_version(meeting: Meeting, number: int) -> MinutesVersion:
    version = (
        MinutesVersion.objects.filter(minutes__meeting=meeting, number=number)
        .select_related("created_by")
        .first()
    )
    if version is None:
        raise Http404
    return version


def annual_plan(body: Body, year: int) -> AnnualPlan | None:
    return AnnualPlan.objects.filter(body=body, year=year).first()


def plan_years(body: Body) -> tuple[int, int]:
    """The years a body's annual plan pages lead between: from its first meeting or plan (or
    last year) to its last one (or next year). One query; Min and Max do not mind the join of
    meetings and plans. Links beyond them led a crawler to 1935 and 2117 (issue 14)."""
    this_year = timezone.localdate().year
    row = Body.objects.filter(pk=body.pk).aggregate(
        first_meeting=Min("meetings__starts_at"),
        last_meeting=Max("meetings__starts_at"),
        first_plan=Min("annual_plans__year"),
        last_plan=Max("annual_plans__year"),
    )
    firsts, lasts = [this_year - 1, row["first_plan"]], [this_year + 1, row["last_plan"]]
    if row["first_meeting"] is not None:
        firsts.append(timezone.localtime(row["first_meeting"]).year)
        lasts.append(timezone.localtime(row["last_meeting"]).year)
    return min(y for y in firsts if y is not None), max(y for y in lasts if y is not None)


def year_meetings(body: Body, year: int) -> QuerySet[Meeting]:
    tz = timezone.get_current_timezone()
    return (
        Meeting.objects.filter(
            body=body,
            starts_at__gte=datetime(year, 1, 1, tzinfo=tz),
            starts_at__lt=datetime(year + 1, 1, 1, tzinfo=tz),
        )
        .select_related("minutes")
        .order_by("starts_at")
    )


def body_partnerships(user: User) -> QuerySet[Partnership]:
    """The partnerships the person may create bodies in: those they may change."""
    scope = access_scope(user)
    partnerships = Partnership.objects.order_by("name")
    if scope.is_admin:
        return partnerships
    return partnerships.filter(id__in=scope.editable_partnerships)


def attachable_items(user: User) -> QuerySet[AgendaItem]:
    """Agenda items the person may attach a document to (a status report, an analysis, an
    evaluation): items of meetings whose agenda is still open, in bodies the person runs. Callers
    narrow it to their partnership, office or body."""
    scope = body_scope(user)
    qs = AgendaItem.objects.filter(
        meeting__status__in=lifecycle.AGENDA_OPEN, status=ItemStatus.ACTIVE
    )
    if not scope.is_admin:
        qs = qs.filter(meeting__body_id__in=scope.editable)
    return qs.select_related("meeting", "meeting__body").order_by(
        "meeting__starts_at", "meeting_id", "position"
    )


def body_counties(user: User) -> QuerySet[County]:
    """The counties the person may create bodies in: those whose state owner they are."""
    scope = access_scope(user)
    counties = County.objects.order_by("name")
    return counties if scope.is_admin else counties.filter(id__in=scope.county_state_owner)


def people(*, query: str = "", without_login: bool = False) -> QuerySet[User]:
    """Everyone Partnerskap names, for the administrators' people page; those without a login
    have an unusable password (it starts with "!")."""
    qs = User.objects.order_by("first_name", "last_name", "pk")
    for word in query.split():
        qs = qs.filter(
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(organisation__icontains=word)
        )
    if without_login:
        qs = qs.filter(password__startswith=UNUSABLE_PASSWORD_PREFIX)
    return qs
