"""The meetings API for signed-in people: every route reaches its object through the same access
function as the page (`selectors.*_for_user`) and writes through the same service.

The routes are declared in the order of a meeting's life (plan, notice, held, agenda, follow-ups,
minutes); the OpenAPI document and the access walker list them in this order.
"""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet, prefetch_related_objects
from django.http import FileResponse, Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.pagination import PageNumberPagination, paginate

from partnerskap.core.models import User
from partnerskap.registry.access import access_scope
from partnerskap.registry.models import County
from partnerskap.registry.selectors import partnership_for_user

from .. import selectors, services
from ..models import (
    ActionItem,
    AgendaItem,
    Body,
    BodyKind,
    Meeting,
)
from ..standard import PARTNERSHIP_MEETING_AGENDA
from .schemas import (
    ActionIn,
    ActionOut,
    ActionPatch,
    AttendanceIn,
    BodyDetailOut,
    BodyIn,
    BodyOut,
    ConflictOut,
    ItemIn,
    ItemOut,
    ItemPatch,
    MeetingDetailOut,
    MeetingIn,
    MeetingOut,
    MeetingPatch,
    MemberIn,
    OrderIn,
    ReasonIn,
    TargetIn,
)

router = Router()

# A stale `revision` is answered 409 by the API's ConflictError handler.
CHANGED = {200: MeetingDetailOut, 409: ConflictOut}


def _no_such(field: str, pk: int) -> ValidationError:
    return ValidationError({field: _("No such object: %(id)s.") % {"id": pk}})


def _person(pk: int | None, field: str, people: QuerySet[User]) -> User | None:
    """A person named in the payload, from those the page's form offers for the same field
    (`people`): anyone else is a 422, as if they did not exist."""
    if pk is None:
        return None
    person = people.filter(pk=pk).first()
    if person is None:
        raise _no_such(field, pk)
    return person


def _target_meeting(user: User, pk: int) -> Meeting:
    """A meeting named in the payload: one the person cannot see is a 422, like one that does
    not exist, rather than a 404 for the route."""
    try:
        return selectors.meeting_for_user(user, pk, change=True)
    except Http404:
        raise _no_such("meeting_id", pk) from None


def _aware(value: datetime) -> datetime:
    return value if timezone.is_aware(value) else timezone.make_aware(value)


def _require_legal_ground(exempt: bool, legal_ground: str) -> None:
    if exempt and not legal_ground.strip():
        raise ValidationError(
            {"legal_ground": _("Give the legal ground for exempting the item from public access.")}
        )


def _meeting_out(meeting: Meeting) -> Meeting:
    """The whole meeting page as data: MeetingDetailOut reads it in a fixed number of queries."""
    return selectors.meeting_detail(meeting)


def _item_out(user: User, item_id: int) -> AgendaItem:
    """An item as on its meeting's agenda, with its computed start time."""
    item = selectors.item_for_user(user, item_id)
    items = MeetingDetailOut.resolve_items(selectors.meeting_detail(item.meeting))
    return next(i for i in items if i.pk == item_id)


# --- bodies ---------------------------------------------------------------------------------


@router.get("/bodies", response=list[BodyOut], summary="Bodies you have access to")
@paginate(PageNumberPagination)
def body_list(request: HttpRequest) -> QuerySet[Body]:
    return selectors.body_list(request.user).prefetch_related("other_counties")


def _body_out(user: User, pk: int) -> Body:
    body = selectors.body_for_user(user, pk)
    prefetch_related_objects([body], "other_counties")
    return body


def _county(pk: int, field: str) -> County:
    county = County.objects.filter(pk=pk).first()
    if county is None:
        raise _no_such(field, pk)
    return county


def _body_owner(user: User, payload: BodyIn) -> dict:
    """The partnership, county (with the other counties it spans) or country the new body
    belongs to, if the person may create bodies there."""
    scope = access_scope(user)
    owners = (payload.partnership_id is not None, payload.county_id is not None, payload.national)
    if sum(owners) != 1:
        raise ValidationError(
            {"partnership_id": _("Give either a partnership, a county or the whole country.")}
        )
    if payload.national:
        if not scope.is_admin:
            raise PermissionDenied
        return {"national": True}
    if payload.partnership_id is not None:
        return {"partnership": partnership_for_user(user, payload.partnership_id, change=True)}
    county = _county(payload.county_id, "county_id")  # type: ignore[arg-type]
    if not (scope.is_admin or county.pk in scope.county_state_owner):
        raise PermissionDenied
    others = [_county(pk, "other_county_ids") for pk in payload.other_county_ids]
    return {"county": county, "other_counties": others}


@router.post(
    "/bodies",
    response={201: BodyDetailOut},
    summary="Create a body of a partnership you may change, or of your county",
)
def body_create(request: HttpRequest, payload: BodyIn) -> Status[Body]:
    owner = _body_owner(request.user, payload)
    if payload.standard_agenda is not None:
        standard = [
            services.StandardItem(s.title, s.kind, s.planned_minutes)
            for s in payload.standard_agenda
        ]
    elif payload.kind == BodyKind.PARTNERSHIP_MEETING:
        standard = PARTNERSHIP_MEETING_AGENDA
    else:
        standard = []
    body = services.body_create(
        actor=request.user,
        name=payload.name,
        kind=payload.kind,
        slug=payload.slug,
        description=payload.description,
        default_location=payload.default_location,
        standard_items=standard,
        **owner,
    )
    request.user._partnerskap_bodies = None  # type: ignore[union-attr]  # scope has a new body
    return Status(201, _body_out(request.user, body.pk))


@router.get(
    "/bodies/{body_id}",
    response=BodyDetailOut,
    summary="One body, its current members and its standard agenda",
)
def body_detail(request: HttpRequest, body_id: int) -> Body:
    return _body_out(request.user, body_id)


@router.post("/bodies/{body_id}/members", response={201: BodyDetailOut}, summary="Add a member")
def body_member_add(request: HttpRequest, body_id: int, payload: MemberIn) -> Status[Body]:
    body = selectors.body_for_user(request.user, body_id, change=True)
    services.body_member_add(
        actor=request.user,
        body=body,
        person=_person(payload.person_id, "person_id", selectors.member_candidates()),
        role=payload.role,
        represents=payload.represents,
        valid_from=payload.valid_from,
        valid_to=payload.valid_to,
    )
    return Status(201, _body_out(request.user, body_id))


@router.get(
    "/bodies/{body_id}/meetings",
    response=list[MeetingOut],
    summary="The body's meetings, newest first",
)
@paginate(PageNumberPagination)
def body_meetings(request: HttpRequest, body_id: int) -> QuerySet[Meeting]:
    return selectors.body_meetings(selectors.body_for_user(request.user, body_id))


@router.post(
    "/bodies/{body_id}/meetings",
    response={201: MeetingDetailOut},
    summary="Plan a meeting: the standard agenda, previous minutes and open follow-ups",
)
def meeting_schedule(request: HttpRequest, body_id: int, payload: MeetingIn) -> Status[Meeting]:
    body = selectors.body_for_user(request.user, body_id, change=True)
    meeting = services.meeting_schedule(
        actor=request.user,
        body=body,
        starts_at=_aware(payload.starts_at),
        ends_at=_aware(payload.ends_at),
        title=payload.title,
        location=payload.location,
        video_link=payload.video_link,
        chair=_person(payload.chair_id, "chair_id", selectors.body_people(body)),
        minute_taker=_person(
            payload.minute_taker_id, "minute_taker_id", selectors.body_people(body)
        ),
        breaks=[b.dict() for b in payload.breaks],
    )
    return Status(201, _meeting_out(meeting))


@router.get(
    "/bodies/{body_id}/follow-ups",
    response=list[ActionOut],
    summary="The body's open follow-ups, oldest due first",
)
@paginate(PageNumberPagination)
def body_open_actions(request: HttpRequest, body_id: int) -> QuerySet[ActionItem]:
    return selectors.open_actions(selectors.body_for_user(request.user, body_id).pk)


# --- meetings -------------------------------------------------------------------------------


@router.get(
    "/meetings/{meeting_id}",
    response=MeetingDetailOut,
    summary="A meeting with its agenda, attendance and minutes",
)
def meeting_detail(request: HttpRequest, meeting_id: int) -> Meeting:
    return _meeting_out(selectors.meeting_for_user(request.user, meeting_id))


@router.patch(
    "/meetings/{meeting_id}",
    response=CHANGED,
    summary="Change time, place, chair or breaks (give the revision you read)",
)
def meeting_update(request: HttpRequest, meeting_id: int, payload: MeetingPatch) -> Meeting:
    meeting = selectors.meeting_for_user(request.user, meeting_id, change=True)
    fields = payload.dict(exclude_unset=True)
    revision = fields.pop("revision")
    for key in ("chair_id", "minute_taker_id"):
        if key in fields:
            people = selectors.body_people(meeting.body)
            fields[key.removesuffix("_id")] = _person(fields.pop(key), key, people)
    for key in ("starts_at", "ends_at"):
        if key in fields and fields[key] is None:
            raise ValidationError({key: _("This field cannot be blank.")})
        if key in fields:
            fields[key] = _aware(fields[key])
    services.meeting_update(actor=request.user, meeting=meeting, revision=revision, **fields)
    return _meeting_out(meeting)


@router.post(
    "/meetings/{meeting_id}/notice",
    response=MeetingDetailOut,
    summary="Send the notice to the invited members",
)
def meeting_send_notice(request: HttpRequest, meeting_id: int) -> Meeting:
    meeting = selectors.meeting_for_user(request.user, meeting_id, change=True)
    services.meeting_send_notice(actor=request.user, meeting=meeting)
    return _meeting_out(meeting)


@router.post(
    "/meetings/{meeting_id}/held",
    response=MeetingDetailOut,
    summary="Mark the meeting as held (every decision item needs its decision)",
)
def meeting_mark_held(request: HttpRequest, meeting_id: int) -> Meeting:
    meeting = selectors.meeting_for_user(request.user, meeting_id, change=True)
    services.meeting_mark_held(actor=request.user, meeting=meeting)
    return _meeting_out(meeting)


@router.post(
    "/meetings/{meeting_id}/cancel",
    response=MeetingDetailOut,
    summary="Cancel the meeting, with the reason",
)
def meeting_cancel(request: HttpRequest, meeting_id: int, payload: ReasonIn) -> Meeting:
    meeting = selectors.meeting_for_user(request.user, meeting_id, change=True)
    services.meeting_cancel(actor=request.user, meeting=meeting, reason=payload.reason)
    return _meeting_out(meeting)


@router.put(
    "/meetings/{meeting_id}/attendance",
    response=MeetingDetailOut,
    summary="Record who came, who sent notice of absence, and guests",
)
def attendance_record(request: HttpRequest, meeting_id: int, payload: AttendanceIn) -> Meeting:
    meeting = selectors.meeting_for_user(request.user, meeting_id, change=True)
    statuses = {a.id: a.status for a in payload.attendance}
    known = set(meeting.attendances.filter(pk__in=statuses).values_list("pk", flat=True))
    for pk in sorted(set(statuses) - known):
        raise _no_such("attendance", pk)
    services.attendance_record(
        actor=request.user, meeting=meeting, statuses=statuses, guests=payload.guests
    )
    return _meeting_out(meeting)


# --- agenda items ---------------------------------------------------------------------------


@router.put(
    "/meetings/{meeting_id}/items/order",
    response=MeetingDetailOut,
    summary="Reorder the agenda: list every item once (numbers stay)",
)
def item_reorder(request: HttpRequest, meeting_id: int, payload: OrderIn) -> Meeting:
    meeting = selectors.meeting_for_user(request.user, meeting_id, change=True)
    services.item_reorder(actor=request.user, meeting=meeting, item_ids=payload.item_ids)
    return _meeting_out(meeting)


@router.post(
    "/meetings/{meeting_id}/items",
    response={201: ItemOut},
    summary="Add an item: it gets the body's next number for the year",
)
def item_add(request: HttpRequest, meeting_id: int, payload: ItemIn) -> Status[AgendaItem]:
    meeting = selectors.meeting_for_user(request.user, meeting_id, change=True)
    _require_legal_ground(payload.exempt, payload.legal_ground)
    item = services.item_add(actor=request.user, meeting=meeting, **payload.dict())
    return Status(201, _item_out(request.user, item.pk))


@router.get("/items/{item_id}", response=ItemOut, summary="One agenda item")
def item_detail(request: HttpRequest, item_id: int) -> AgendaItem:
    return _item_out(request.user, item_id)


@router.patch(
    "/items/{item_id}",
    response={200: ItemOut, 409: ConflictOut},
    summary="Change an item: text, notes, decision (give the revision you read)",
)
def item_update(request: HttpRequest, item_id: int, payload: ItemPatch) -> AgendaItem:
    item = selectors.item_for_user(request.user, item_id, change=True)
    fields = payload.dict(exclude_unset=True)
    revision = fields.pop("revision")
    _require_legal_ground(
        fields.get("exempt", item.exempt), fields.get("legal_ground", item.legal_ground) or ""
    )
    services.item_update(actor=request.user, item=item, revision=revision, **fields)
    return _item_out(request.user, item_id)


@router.post(
    "/items/{item_id}/move",
    response=ItemOut,
    summary="Move to another meeting of any body (keeps its number)",
)
def item_move(request: HttpRequest, item_id: int, payload: TargetIn) -> AgendaItem:
    item = selectors.item_for_user(request.user, item_id, change=True)
    target = _target_meeting(request.user, payload.meeting_id)
    services.item_move(actor=request.user, item=item, target=target)
    return _item_out(request.user, item_id)


@router.post(
    "/items/{item_id}/forward",
    response={201: ItemOut},
    summary="Forward to another body's meeting (a new, linked item there)",
)
def item_forward(request: HttpRequest, item_id: int, payload: TargetIn) -> Status[AgendaItem]:
    item = selectors.item_for_user(request.user, item_id, change=True)
    target = _target_meeting(request.user, payload.meeting_id)
    forwarded = services.item_forward(actor=request.user, item=item, target=target)
    return Status(201, _item_out(request.user, forwarded.pk))


@router.post(
    "/items/{item_id}/withdraw",
    response=ItemOut,
    summary="Withdraw, with the reason (keeps its number)",
)
def item_withdraw(request: HttpRequest, item_id: int, payload: ReasonIn) -> AgendaItem:
    item = selectors.item_for_user(request.user, item_id, change=True)
    services.item_withdraw(actor=request.user, item=item, reason=payload.reason)
    return _item_out(request.user, item_id)


@router.post(
    "/items/{item_id}/follow-ups",
    response={201: ActionOut},
    summary="Add a follow-up to the item's decision",
)
def action_add(request: HttpRequest, item_id: int, payload: ActionIn) -> Status[ActionItem]:
    item = selectors.item_for_user(request.user, item_id, change=True)
    action = services.action_add(
        actor=request.user,
        item=item,
        title=payload.title,
        owner=_person(payload.owner_id, "owner_id", selectors.body_people(item.meeting.body)),
        due_date=payload.due_date,
    )
    return Status(201, selectors.action_for_user(request.user, action.pk))


@router.get("/attachments/{attachment_id}", summary="Download an attachment")
def attachment_download(request: HttpRequest, attachment_id: int) -> FileResponse:
    attachment = selectors.attachment_for_user(request.user, attachment_id)
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        content_type=attachment.content_type,
        filename=attachment.file.name.rsplit("/", 1)[-1],
    )


# --- follow-ups -----------------------------------------------------------------------------


@router.get(
    "/follow-ups/mine", response=list[ActionOut], summary="Your open follow-ups, oldest due first"
)
@paginate(PageNumberPagination)
def my_actions(request: HttpRequest) -> QuerySet[ActionItem]:
    return selectors.my_actions(request.user)


@router.patch(
    "/follow-ups/{action_id}",
    response=ActionOut,
    summary="Report progress, close, or move the due date",
)
def action_update(request: HttpRequest, action_id: int, payload: ActionPatch) -> ActionItem:
    action = selectors.action_for_user(request.user, action_id, change=True)
    services.action_update(actor=request.user, action=action, **payload.dict(exclude_unset=True))
    return selectors.action_for_user(request.user, action_id)
