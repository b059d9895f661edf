"""Reads for the meeting pages, the API and the documents, each a fixed number of queries."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from partnerskap.core.models import User

from . import minutes_state
from .access import body_scope
from .models import (
    OPEN_ACTION_STATUSES,
    ActionItem,
    AgendaItem,
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
        return Body.objects.select_related("partnership", "county").prefetch_related(
            "standard_items",
            Prefetch("members", queryset=BodyMember.objects.current().select_related("person")),
        ).get(pk=pk)
    except Body.DoesNotExist:
        raise Http404 from None


def _meeting_qs() -> QuerySet[Meeting]:
    return Meeting.objects.select_related(
        "body", "body__partnership", "body__county", "chair", "minute_taker", "minutes",
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
        item = AgendaItem.objects.select_related("meeting", "meeting__body", "meeting__minutes", "numbering_body").get(pk=pk)
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
        action = ActionItem.objects.select_related("item", "item__meeting", "body", "owner").get(pk=pk)
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


# --- lists ----------------------------------------------------------------------------------


def body_list(user: User) -> QuerySet[Body]:
    scope = body_scope(user)
    qs = Body.objects.select_related("partnership", "county").order_by("name")
    return qs if scope.is_admin else qs.filter(id__in=scope.readable)


def body_meetings(body: Body) -> QuerySet[Meeting]:
    return Meeting.objects.filter(body=body).select_related("minutes").order_by("-starts_at")


def open_actions(body_id: int, *, before: datetime | None = None) -> QuerySet[ActionItem]:
    """Follow-ups of the body still open (decided before `before`), oldest due first."""
    qs = ActionItem.objects.filter(body_id=body_id, status__in=OPEN_ACTION_STATUSES)
    if before is not None:
        qs = qs.filter(item__meeting__starts_at__lt=before)
    return qs.select_related("owner", "item", "item__meeting").order_by("due_date", "pk")


def my_actions(user: User) -> QuerySet[ActionItem]:
    return (
        ActionItem.objects.filter(owner=user, status__in=OPEN_ACTION_STATUSES)
        .select_related("body", "item", "item__meeting")
        .order_by("due_date", "pk")
    )


def overdue_actions(today: date) -> QuerySet[ActionItem]:
    return ActionItem.objects.filter(status__in=OPEN_ACTION_STATUSES, due_date__lt=today).select_related(
        "owner", "body", "item", "item__meeting"
    )


# --- the meeting page -----------------------------------------------------------------------


def meeting_detail(meeting: Meeting) -> Meeting:
    """Prefetch everything the meeting page, its documents and its API need."""
    items = AgendaItem.objects.order_by("position").select_related("numbering_body", "forwarded_from", "forwarded_from__meeting__body").prefetch_related(
        Prefetch("attachments", queryset=Attachment.objects.order_by("created_at")),
        Prefetch("actions", queryset=ActionItem.objects.select_related("owner").order_by("due_date", "pk")),
        Prefetch("forwarded_to", queryset=AgendaItem.objects.select_related("meeting__body")),
    )
    return _meeting_qs().prefetch_related(
        Prefetch("items", queryset=items),
        Prefetch("attendances", queryset=Attendance.objects.select_related("person").order_by("name")),
        Prefetch("minutes__comments", queryset=MinutesComment.objects.select_related("author", "item")),
        Prefetch("minutes__versions", queryset=MinutesVersion.objects.select_related("created_by").order_by("-number")),
    ).get(pk=meeting.pk)


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
        (datetime.combine(clock.date(), datetime.strptime(b["at"], "%H:%M").time(), tzinfo=clock.tzinfo),
         int(b.get("minutes", 30)))
        for b in meeting.breaks or []
    )
    out: list[ScheduledItem] = []
    for item in items:
        if item.status != ItemStatus.ACTIVE:
            continue
        while pending and clock >= pending[0][0]:
            at, length = pending.pop(0)
            out.append(ScheduledItem(None, clock, length, is_break=True))
            clock += timedelta(minutes=length)
        out.append(ScheduledItem(item, clock, item.planned_minutes))
        clock += timedelta(minutes=item.planned_minutes)
    return out


def minutes_status(meeting: Meeting) -> str:
    return minutes_state.effective_status(meeting.minutes)


def _person(user: User | None) -> str:
    return user.display_name if user else ""


def minutes_content(meeting: Meeting) -> dict:
    """The minutes as plain data: what documents render and what a version freezes."""
    meeting = meeting_detail(meeting)
    carried = list(open_actions(meeting.body_id, before=meeting.starts_at))
    local = timezone.localtime(meeting.starts_at)
    items = []
    for item in meeting.items.all():
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
            "background": item.background,
            "notes": item.notes,
            "decision": item.decision_text,
            "review_date": item.review_date.isoformat() if item.review_date else None,
            "actions": [
                {"title": a.title, "owner": _person(a.owner), "due_date": a.due_date.isoformat(),
                 "status": a.status, "status_display": str(a.get_status_display())}
                for a in item.actions.all()
            ],
            "attachments": [
                {"id": a.pk, "title": a.title, "exempt": a.exempt} for a in item.attachments.all()
            ],
        }
        if item.kind == ItemKind.FOLLOW_UPS:
            entry["carried_actions"] = [
                {"title": a.title, "owner": _person(a.owner), "due_date": a.due_date.isoformat(),
                 "status_display": str(a.get_status_display()), "from": a.item.label,
                 "exempt": a.item.exempt}
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
        "attendance": [
            {"name": a.name, "represents": a.represents, "status": a.status,
             "status_display": str(a.get_status_display())}
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
            public_items.append({
                "id": item["id"], "label": item["label"], "number": item["number"],
                "year": item["year"], "kind": item["kind"], "kind_display": item["kind_display"],
                "status": item["status"], "status_note": "", "title": item["public_title"],
                "public_title": item["public_title"], "exempt": True,
                "legal_ground": item["legal_ground"], "presenter": "",
                "planned_minutes": item["planned_minutes"], "background": "", "notes": "",
                "decision": "", "review_date": None, "actions": [], "attachments": [],
            })
        else:
            public_items.append({
                **item,
                "attachments": [a for a in item["attachments"] if not a["exempt"]],
            })
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
