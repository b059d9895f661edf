"""Reads for the meeting pages, the API and the documents, each a fixed number of queries."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q, QuerySet, prefetch_related_objects
from django.http import Http404
from django.utils import timezone

from partnerskap.core.models import User
from partnerskap.registry.access import access_scope
from partnerskap.registry.models import Partnership

from . import minutes_state
from .access import body_scope
from .models import (
    OPEN_ACTION_STATUSES,
    ActionItem,
    AgendaItem,
    AnnualPlan,
    ApprovalKind,
    Attachment,
    Attendance,
    Body,
    BodyMember,
    ItemKind,
    ItemStatus,
    Meeting,
    MeetingStatus,
    MinutesComment,
    MinutesStatus,
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
    """A body's meetings, newest first, ready for `minutes_state.effective_status` on every row
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
        status__in=OPEN_ACTION_STATUSES, due_date__lt=today
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


def minutes_status(meeting: Meeting) -> str:
    return minutes_state.effective_status(meeting.minutes)


def _person(user: User | None) -> str:
    return user.display_name if user else ""


def _schedule(meeting: Meeting, items: list[AgendaItem]) -> tuple[dict[int, str], list[dict]]:
    """Each active item's computed start ("HH:MM"), and the breaks, each tied to the item it
    comes before, so a document can print the agenda without the meeting object."""
    starts: dict[int, str] = {}
    breaks: list[dict] = []
    waiting: list[dict] = []
    for slot in agenda_schedule(meeting, items):
        at = slot.starts.strftime("%H:%M")
        if slot.item is None:
            waiting.append({"start": at, "minutes": slot.minutes})
            continue
        breaks += [{**b, "before_item": slot.item.pk} for b in waiting]
        waiting = []
        starts[slot.item.pk] = at
    return starts, breaks


def _approval(meeting: Meeting) -> dict:
    """Where the minutes stand, for the status line of the documents. Deemed approval counts
    as soon as it is true, even before the nightly job records it."""
    minutes = meeting.minutes
    status = minutes_state.effective_status(minutes)
    deemed = minutes_state.is_deemed_approved(minutes)
    approved_at = minutes_state.deemed_approved_at(minutes) if deemed else minutes.approved_at
    return {
        "status": status,
        "kind": ApprovalKind.DEEMED.value if deemed else minutes.approval_kind,
        "approved_at": timezone.localdate(approved_at).isoformat() if approved_at else None,
        "approved_by": _person(minutes.approved_by),
        "comment_deadline": (
            minutes.comment_deadline.isoformat() if minutes.comment_deadline else None
        ),
    }


def minutes_content(meeting: Meeting) -> dict:
    """The minutes as plain data: what documents render and what a version freezes."""
    meeting = meeting_detail(meeting)
    carried = list(open_actions(meeting.body_id, before=meeting.starts_at))
    local = timezone.localtime(meeting.starts_at)
    agenda = list(meeting.items.all())
    starts, breaks = _schedule(meeting, agenda)
    items = []
    for item in agenda:
        entry = {
            "id": item.pk,
            "label": item.label,
            "number": item.number,
            "year": item.year,
            "kind": item.kind,
            "kind_display": str(item.get_kind_display()),
            "status": item.status,
            "status_note": item.status_note,
            "title": item.title,
            "public_title": item.shown_publicly_as,
            "exempt": item.exempt,
            "legal_ground": item.legal_ground,
            "presenter": item.presenter,
            "planned_minutes": item.planned_minutes,
            "start": starts.get(item.pk),
            "background": item.background,
            "notes": item.notes,
            "decision": item.decision_text,
            "review_date": item.review_date.isoformat() if item.review_date else None,
            "actions": [
                {
                    "title": a.title,
                    "owner": _person(a.owner),
                    "due_date": a.due_date.isoformat(),
                    "status": a.status,
                    "status_display": str(a.get_status_display()),
                }
                for a in item.actions.all()
            ],
            "attachments": [
                {"id": a.pk, "title": a.title, "exempt": a.exempt} for a in item.attachments.all()
            ],
        }
        if item.kind == ItemKind.FOLLOW_UPS:
            entry["carried_actions"] = [
                {
                    "title": a.title,
                    "owner": _person(a.owner),
                    "due_date": a.due_date.isoformat(),
                    "status_display": str(a.get_status_display()),
                    "from": a.item.label,
                    "exempt": a.item.exempt,
                }
                for a in carried
            ]
        items.append(entry)
    return {
        "meeting_id": meeting.pk,
        "uuid": str(meeting.uuid),
        "body": meeting.body.name,
        "title": str(meeting),
        "date": local.date().isoformat(),
        "starts": local.strftime("%H:%M"),
        "ends": timezone.localtime(meeting.ends_at).strftime("%H:%M"),
        "location": meeting.location,
        "video_link": meeting.video_link,
        "chair": _person(meeting.chair),
        "minute_taker": _person(meeting.minute_taker),
        "introduction": meeting.minutes.introduction,
        "approval": _approval(meeting),
        "breaks": breaks,
        "attendance": [
            {
                "name": a.name,
                "represents": a.represents,
                "status": a.status,
                "status_display": str(a.get_status_display()),
            }
            for a in meeting.attendances.all()
        ],
        "items": items,
    }


# --- public ---------------------------------------------------------------------------------


def public_meetings_q(today: date | None = None) -> Q:
    """Meetings whose minutes are public: published, or deemed approved and published on read."""
    today = today or timezone.localdate()
    deemed = Q(
        minutes__status=MinutesStatus.IN_COMMENT,
        minutes__comment_deadline__lt=today,
        body__publish_on_approval=True,
    ) & ~Q(minutes__comments__is_objection=True)
    return Q(minutes__status=MinutesStatus.PUBLISHED) | deemed


def public_meetings(bodies: QuerySet[Body]) -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(body__in=bodies)
        .filter(public_meetings_q())
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("body", "minutes")
        .distinct()
        .order_by("-starts_at")
    )


def public_meeting(pk: int) -> Meeting:
    meeting = public_meetings(Body.objects.all()).filter(pk=pk).first()
    if meeting is None:
        raise Http404
    return meeting


def strip_exempt(content: dict) -> dict:
    """The public form of minutes content: exempt items keep only their number, public title and
    legal ground; exempt attachments and the video link are left out."""
    public_items = []
    for item in content["items"]:
        if item["exempt"]:
            public_items.append(
                {
                    "id": item["id"],
                    "label": item["label"],
                    "number": item["number"],
                    "year": item["year"],
                    "kind": item["kind"],
                    "kind_display": item["kind_display"],
                    "status": item["status"],
                    "status_note": "",
                    "title": item["public_title"],
                    "public_title": item["public_title"],
                    "exempt": True,
                    "legal_ground": item["legal_ground"],
                    "presenter": "",
                    "planned_minutes": item["planned_minutes"],
                    "start": item.get("start"),
                    "background": "",
                    "notes": "",
                    "decision": "",
                    "review_date": None,
                    "actions": [],
                    "attachments": [],
                }
            )
        else:
            public_items.append(
                {
                    **item,
                    "attachments": [a for a in item["attachments"] if not a["exempt"]],
                }
            )
            if "carried_actions" in item:
                public_items[-1]["carried_actions"] = [
                    a for a in item["carried_actions"] if not a.get("exempt")
                ]
    return {**content, "video_link": "", "items": public_items}


def approved_content(meeting: Meeting) -> dict:
    """The latest frozen version if there is one, else the live minutes (deemed approval that
    no scheduled job has recorded yet, or minutes not yet approved)."""
    version = meeting.minutes.versions.order_by("-number").first()
    return version.content if version is not None else minutes_content(meeting)


# --- the meeting pages ----------------------------------------------------------------------


def with_effective_status(meetings: list[Meeting], body: Body) -> list[Meeting]:
    """A page of one body's meetings, ready for `minutes_state.effective_status` without a query
    per row: each meeting gets the body, and minutes out for comments get their comments."""
    for meeting in meetings:
        meeting.body = body
    in_comment = [
        m.minutes
        for m in meetings
        if hasattr(m, "minutes") and m.minutes.status == MinutesStatus.IN_COMMENT
    ]
    prefetch_related_objects(in_comment, "comments")
    return meetings


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


def public_body(slug: str) -> Body:
    body = Body.objects.select_related("partnership", "county").filter(slug=slug).first()
    if body is None:
        raise Http404
    return body


def public_partnership(pk: int) -> tuple[Partnership, list[Body]]:
    """A partnership and its bodies that have published minutes."""
    partnership = Partnership.objects.filter(pk=pk).first()
    if partnership is None:
        raise Http404
    bodies = Body.objects.filter(partnership=partnership)
    with_minutes = public_meetings(bodies).order_by().values("body_id")
    return partnership, list(bodies.filter(id__in=with_minutes).order_by("name"))


def public_attachment(meeting: Meeting, pk: int) -> Attachment:
    """An attachment the public minutes list: never one that is exempt or on an exempt item."""
    listed = {
        attachment["id"]
        for item in strip_exempt(approved_content(meeting))["items"]
        for attachment in item["attachments"]
    }
    attachment = (
        Attachment.objects.filter(pk=pk, exempt=False, item__exempt=False).first()
        if pk in listed
        else None
    )
    if attachment is None:
        raise Http404
    return attachment


def body_partnerships(user: User) -> QuerySet[Partnership]:
    """The partnerships the person may create bodies in: those they may change."""
    scope = access_scope(user)
    partnerships = Partnership.objects.order_by("name")
    if scope.is_admin:
        return partnerships
    return partnerships.filter(id__in=scope.editable_partnerships)
