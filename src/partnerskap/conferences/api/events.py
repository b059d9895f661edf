"""The events and their programme in the API: the same access functions and services as the
pages."""

from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Status
from ninja.pagination import paginate

from partnerskap.core.api import PageNumberPagination
from partnerskap.core.models import User
from partnerskap.meetings.models import Body
from partnerskap.registry.models import County, Municipality, Partnership

from .. import selectors, services
from ..models import Event, Session
from ._common import CHANGED, base_url, event_detail_out, one, people, router
from .schemas import (
    EventConflictOut,
    EventDeadlineIn,
    EventDetailOut,
    EventIn,
    EventOut,
    EventPatch,
    ProgrammeOut,
    ProgrammePublishIn,
    ProgrammeVersionOut,
    SessionIn,
    SessionOut,
    SessionPatch,
)

# --- events ---------------------------------------------------------------------------------


@router.get("/events", response=list[EventOut], summary="Events you organise or follow")
@paginate(PageNumberPagination)
def event_list(request: HttpRequest) -> QuerySet[Event]:
    return selectors.event_list(request.user)


@router.post("/events", response={201: EventDetailOut}, summary="Create an event in draft")
def event_create(request: HttpRequest, payload: EventIn) -> Status[dict]:
    data = payload.dict(
        exclude={
            "organiser_county_id",
            "organiser_partnership_id",
            "following_body_id",
            "audience_municipality_ids",
        }
    )
    event = services.event_create(
        actor=request.user,
        organiser_county=one(County, payload.organiser_county_id, "organiser_county_id"),
        organiser_partnership=one(
            Partnership, payload.organiser_partnership_id, "organiser_partnership_id"
        ),
        following_body=one(Body, payload.following_body_id, "following_body_id"),
        audience_municipalities=[
            one(Municipality, pk, "audience_municipality_ids")
            for pk in payload.audience_municipality_ids
        ],
        **data,
    )
    request.user._partnerskap_events = None  # type: ignore[union-attr]  # a new event to manage
    return Status(201, event_detail_out(selectors.event_for_user(request.user, event.pk)))


@router.get("/events/{event_id}", response=EventDetailOut, summary="One event and its counts")
def event_detail(request: HttpRequest, event_id: int) -> dict:
    return event_detail_out(selectors.event_for_user(request.user, event_id))


@router.patch("/events/{event_id}", response=CHANGED, summary="Change an event")
def event_update(request: HttpRequest, event_id: int, payload: EventPatch) -> dict:
    event = selectors.event_for_user(request.user, event_id, change=True)
    data = payload.dict(exclude_unset=True)
    revision = data.pop("revision")
    municipalities = data.pop("audience_municipality_ids", None)
    if "following_body_id" in data:
        data["following_body"] = one(Body, data.pop("following_body_id"), "following_body_id")
    services.event_update(
        actor=request.user,
        event=event,
        revision=revision,
        base_url=base_url(request),
        audience_municipalities=None
        if municipalities is None
        else [one(Municipality, pk, "audience_municipality_ids") for pk in municipalities],
        **data,
    )
    return event_detail_out(selectors.event_for_user(request.user, event_id))


@router.post("/events/{event_id}/deadline", response=CHANGED, summary="Extend the deadline")
def deadline_extend(request: HttpRequest, event_id: int, payload: EventDeadlineIn) -> dict:
    event = selectors.event_for_user(request.user, event_id, change=True)
    services.event_extend_deadline(
        actor=request.user,
        event=event,
        registration_closes=payload.registration_closes,
        revision=payload.revision,
    )
    return event_detail_out(selectors.event_for_user(request.user, event_id))


# --- the programme --------------------------------------------------------------------------


def _session_out(session: Session) -> dict:
    return {
        **{
            name: getattr(session, name)
            for name in (
                "id",
                "day",
                "starts",
                "ends",
                "title",
                "kind",
                "track",
                "description",
                "moderator_id",
                "revision",
            )
        },
        "speaker_ids": [link.person_id for link in session.speaker_links.all()],
    }


@router.get("/events/{event_id}/programme", response=ProgrammeOut, summary="The programme")
def programme(request: HttpRequest, event_id: int) -> dict:
    event = selectors.event_for_user(request.user, event_id)
    content, sessions = selectors.draft_programme(event)
    latest = selectors.latest_version(event)
    return {
        "event_id": event.pk,
        "draft": content,
        "sessions": [_session_out(s) for s in sessions],
        "published_version": latest.number if latest else None,
        "unpublished_changes": latest is None or latest.content != content,
    }


def _speakers(request: HttpRequest, ids: list[int], new: list) -> list[User]:
    speakers = people(ids, "speaker_ids")
    for speaker in new:
        speakers.append(services.speaker_create(actor=request.user, **speaker.dict()))
    return speakers


@router.post("/events/{event_id}/sessions", response={201: SessionOut}, summary="Add a session")
@transaction.atomic
def session_add(request: HttpRequest, event_id: int, payload: SessionIn) -> Status[dict]:
    event = selectors.event_for_user(request.user, event_id, change=True)
    data = payload.dict(exclude={"speaker_ids", "new_speakers", "moderator_id"})
    session = services.session_add(
        actor=request.user,
        event=event,
        moderator=one(User, payload.moderator_id, "moderator_id"),
        speakers=_speakers(request, payload.speaker_ids, payload.new_speakers),
        **data,
    )
    return Status(201, _session_out(session))


@router.patch(
    "/sessions/{session_id}",
    response={200: SessionOut, 409: EventConflictOut},
    summary="Change a session",
)
@transaction.atomic
def session_update(request: HttpRequest, session_id: int, payload: SessionPatch) -> dict:
    session = selectors.session_for_user(request.user, session_id, change=True)
    data = payload.dict(exclude_unset=True, exclude={"new_speakers"})
    revision = data.pop("revision")
    speaker_ids = data.pop("speaker_ids", None)
    if "moderator_id" in data:
        data["moderator"] = one(User, data.pop("moderator_id"), "moderator_id")
    speakers = None
    if speaker_ids is not None or payload.new_speakers:
        current = (
            speaker_ids
            if speaker_ids is not None
            else [link.person_id for link in session.speaker_links.all()]
        )
        speakers = _speakers(request, current, payload.new_speakers)
    updated = services.session_update(
        actor=request.user, session=session, revision=revision, speakers=speakers, **data
    )
    return _session_out(updated)


@router.delete("/sessions/{session_id}", response={204: None}, summary="Remove a session")
def session_remove(request: HttpRequest, session_id: int) -> Status[None]:
    session = selectors.session_for_user(request.user, session_id, change=True)
    services.session_remove(actor=request.user, session=session)
    return Status(204, None)


@router.post(
    "/events/{event_id}/programme/publish",
    response={201: ProgrammeVersionOut},
    summary="Publish the programme (a new version, announced, when it changed after publishing)",
)
def programme_publish(request: HttpRequest, event_id: int, payload: ProgrammePublishIn):
    event = selectors.event_for_user(request.user, event_id, change=True)
    version = services.programme_publish(
        actor=request.user, event=event, note=payload.note, base_url=base_url(request)
    )
    return Status(201, version)
