"""The conferences API for signed-in people: every route reaches its event through the same
access function as the pages (`selectors.event_for_user`) and writes through the same service.
Registrations and check-ins are personal data: only the event's managers get them."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.pagination import PageNumberPagination, paginate

from partnerskap.core.models import User
from partnerskap.meetings import services as meeting_services
from partnerskap.meetings.models import Body
from partnerskap.registry.models import County, Municipality, Partnership

from .. import selectors, services
from ..documents import file_name, summary_pdf
from ..models import CancelReason, Event, Registration, Session, Survey
from .schemas import (
    CheckInIn,
    CheckInOut,
    CheckInRowOut,
    EventConflictOut,
    EventDeadlineIn,
    EventDetailOut,
    EventIn,
    EventOrganisationsOut,
    EventOut,
    EventPatch,
    EventRemindOut,
    InvitationIn,
    InvitationOut,
    ProgrammeOut,
    ProgrammePublishIn,
    ProgrammeVersionOut,
    RegistrationIn,
    RegistrationOut,
    SessionIn,
    SessionOut,
    SessionPatch,
    SurveyAttachIn,
    SurveyAttachOut,
    SurveyIn,
    SurveyOut,
    SurveyQuestionIn,
    SurveyRemindOut,
)

router = Router()

CHANGED = {200: EventDetailOut, 409: EventConflictOut}


def _base(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _no_such(field: str, pk: int) -> ValidationError:
    return ValidationError({field: _("No such object: %(id)s.") % {"id": pk}})


def _one(model, pk: int | None, field: str, qs: QuerySet | None = None):
    if pk is None:
        return None
    found = (qs if qs is not None else model.objects).filter(pk=pk).first()
    if found is None:
        raise _no_such(field, pk)
    return found


def _people(ids: list[int], field: str) -> list[User]:
    found = {p.pk: p for p in User.objects.filter(pk__in=ids, is_active=True)}
    for pk in ids:
        if pk not in found:
            raise _no_such(field, pk)
    return [found[pk] for pk in ids]


def event_detail_out(event: Event) -> dict:
    counts = selectors.event_counts(event)
    latest = selectors.latest_version(event)
    return {
        **{
            name: getattr(event, name)
            for name in (
                "id",
                "title",
                "slug",
                "kind",
                "description",
                "organiser_county_id",
                "organiser_partnership_id",
                "co_organisers",
                "following_body_id",
                "first_day",
                "last_day",
                "place",
                "address",
                "capacity",
                "audience",
                "registration_mode",
                "registration_opens",
                "registration_closes",
                "late_registration",
                "questions",
                "contact_email",
                "offer_hours",
                "retention_days",
                "published_at",
                "personal_data_deleted_at",
                "revision",
            )
        },
        "uuid": str(event.uuid),
        "audience_municipality_ids": list(
            event.audience_municipalities.values_list("pk", flat=True)
        ),
        "programme_version": latest.number if latest else None,
        "counts": {
            "registered": counts.registered,
            "offered": counts.offered,
            "waitlisted": counts.waitlisted,
            "cancelled": counts.cancelled,
            "places_left": counts.places_left,
        },
    }


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
        organiser_county=_one(County, payload.organiser_county_id, "organiser_county_id"),
        organiser_partnership=_one(
            Partnership, payload.organiser_partnership_id, "organiser_partnership_id"
        ),
        following_body=_one(Body, payload.following_body_id, "following_body_id"),
        audience_municipalities=[
            _one(Municipality, pk, "audience_municipality_ids")
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
        data["following_body"] = _one(Body, data.pop("following_body_id"), "following_body_id")
    services.event_update(
        actor=request.user,
        event=event,
        revision=revision,
        base_url=_base(request),
        audience_municipalities=None
        if municipalities is None
        else [_one(Municipality, pk, "audience_municipality_ids") for pk in municipalities],
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
    people = _people(ids, "speaker_ids")
    for speaker in new:
        people.append(services.speaker_create(actor=request.user, **speaker.dict()))
    return people


@router.post("/events/{event_id}/sessions", response={201: SessionOut}, summary="Add a session")
@transaction.atomic
def session_add(request: HttpRequest, event_id: int, payload: SessionIn) -> Status[dict]:
    event = selectors.event_for_user(request.user, event_id, change=True)
    data = payload.dict(exclude={"speaker_ids", "new_speakers", "moderator_id"})
    session = services.session_add(
        actor=request.user,
        event=event,
        moderator=_one(User, payload.moderator_id, "moderator_id"),
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
        data["moderator"] = _one(User, data.pop("moderator_id"), "moderator_id")
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
        actor=request.user, event=event, note=payload.note, base_url=_base(request)
    )
    return Status(201, version)


# --- registrations --------------------------------------------------------------------------


@router.get(
    "/events/{event_id}/registrations",
    response=list[RegistrationOut],
    summary="Registrations (for the event's organisers)",
)
@paginate(PageNumberPagination)
def registration_list(request: HttpRequest, event_id: int, status: str = "") -> QuerySet:
    event = selectors.event_for_user(request.user, event_id, change=True)
    return selectors.registrations(event, status=status)


def registration_fields(event: Event, payload: RegistrationIn) -> dict:
    data = payload.dict(exclude={"municipality_id"})
    data["municipality"] = _one(
        Municipality,
        payload.municipality_id,
        "municipality_id",
        qs=event.audience_municipalities.all(),
    )
    return data


@router.post(
    "/events/{event_id}/registrations",
    response={201: RegistrationOut},
    summary="Register a participant (an organiser registering someone)",
)
def registration_add(
    request: HttpRequest, event_id: int, payload: RegistrationIn
) -> Status[Registration]:
    event = selectors.event_for_user(request.user, event_id, change=True)
    registration = services.registration_create(
        actor=request.user,
        event=event,
        by_organiser=True,
        base_url=_base(request),
        **registration_fields(event, payload),
    )
    return Status(201, registration)


@router.post(
    "/registrations/{registration_id}/cancel",
    response=RegistrationOut,
    summary="Cancel a registration (its place goes to the first on the waiting list)",
)
def registration_cancel(request: HttpRequest, registration_id: int) -> Registration:
    registration = selectors.registration_for_user(request.user, registration_id)
    return services.registration_cancel(
        actor=request.user,
        registration=registration,
        reason=CancelReason.BY_ORGANISER,
        base_url=_base(request),
    )


@router.get(
    "/events/{event_id}/organisations",
    response=EventOrganisationsOut,
    summary="Registrations per invited municipality and per other organisation",
)
def organisations(request: HttpRequest, event_id: int) -> dict:
    event = selectors.event_for_user(request.user, event_id)
    rows = selectors.organisation_rows(event)
    return {
        "municipalities": [
            {
                "municipality_id": r.municipality.pk,
                "number": r.municipality.number,
                "name": r.municipality.name,
                "registered": r.registered,
                "waitlisted": r.waitlisted,
                "reminded_at": r.reminded_at,
            }
            for r in rows.municipalities
        ],
        "without_registrations": [r.municipality.pk for r in rows.missing],
        "others": [
            {"organisation": name, "registered": reg, "waitlisted": wait}
            for name, reg, wait in rows.others
        ],
    }


@router.post(
    "/events/{event_id}/organisations/remind",
    response=EventRemindOut,
    summary="Remind the NAV leaders of invited municipalities without registrations (once each)",
)
def municipalities_remind(request: HttpRequest, event_id: int) -> dict:
    event = selectors.event_for_user(request.user, event_id, change=True)
    sent = services.municipalities_remind(actor=request.user, event=event, base_url=_base(request))
    return {"reminded_municipality_ids": [r.municipality_id for r in sent]}


@router.post(
    "/events/{event_id}/invitations", response={201: InvitationOut}, summary="Invite a person"
)
def invitation_add(request: HttpRequest, event_id: int, payload: InvitationIn):
    event = selectors.event_for_user(request.user, event_id, change=True)
    invitation = services.invitation_add(
        actor=request.user,
        event=event,
        name=payload.name,
        email=payload.email,
        organisation=payload.organisation,
        municipality=_one(
            Municipality,
            payload.municipality_id,
            "municipality_id",
            qs=event.audience_municipalities.all(),
        ),
        base_url=_base(request),
    )
    return Status(201, invitation)


# --- check-in -------------------------------------------------------------------------------


def _event_day(event: Event, day: date | None) -> date:
    if day is None:
        return event.first_day
    if day not in event.days:
        raise ValidationError({"day": _("The event does not run on that day.")})
    return day


@router.get(
    "/events/{event_id}/check-ins",
    response=list[CheckInRowOut],
    summary="The registered participants and whether they arrived on a day",
)
@paginate(PageNumberPagination)
def check_in_list(request: HttpRequest, event_id: int, day: date | None = None) -> QuerySet:
    event = selectors.event_for_user(request.user, event_id, change=True)
    rows = selectors.check_in_list(event, _event_day(event, day))
    return rows.values("name", "organisation", "checked_in", registration_id=F("pk"))


@router.put("/events/{event_id}/check-ins", response=CheckInOut, summary="Check a person in or out")
def check_in(request: HttpRequest, event_id: int, payload: CheckInIn) -> dict:
    event = selectors.event_for_user(request.user, event_id, change=True)
    registration = event.registrations.filter(pk=payload.registration_id).first()
    if registration is None:
        raise _no_such("registration_id", payload.registration_id)
    day = _event_day(event, payload.day)
    result = services.check_in(
        actor=request.user, registration=registration, day=day, present=payload.present
    )
    return {
        "registration_id": registration.pk,
        "day": day,
        "checked_in": result is not None,
        "arrived": selectors.check_in_totals(event)[day],
    }


# --- the evaluation -------------------------------------------------------------------------


def survey_out(survey: Survey) -> dict:
    summary = selectors.survey_summary(survey)
    return {
        "id": survey.pk,
        "title": survey.title,
        "introduction": survey.introduction,
        "anonymous": survey.anonymous,
        "status": survey.status,
        "reminder_sent_at": survey.reminder_sent_at,
        "questions": [q.question for q in summary.questions],
        "responses": summary.responses,
        "invited": summary.invited,
        "not_answered": selectors.not_answered(survey),
        "results": [
            {
                "question_id": q.question.pk,
                "answered": q.answered,
                "counts": [{"answer": str(label), "count": n} for label, n in q.counts],
                "mean": q.mean,
                "texts": q.texts,
            }
            for q in summary.questions
        ],
    }


def _survey(request: HttpRequest, event_id: int, *, change: bool = False) -> Survey:
    event = selectors.event_for_user(request.user, event_id, change=change)
    return selectors.survey_for_user(request.user, event)


@router.get(
    "/events/{event_id}/evaluation",
    response=SurveyOut,
    summary="The evaluation with its results (counts, means, free texts)",
)
def evaluation(request: HttpRequest, event_id: int) -> dict:
    return survey_out(_survey(request, event_id))


@router.post(
    "/events/{event_id}/evaluation", response={201: SurveyOut}, summary="Create the evaluation"
)
def survey_create(request: HttpRequest, event_id: int, payload: SurveyIn) -> Status[dict]:
    event = selectors.event_for_user(request.user, event_id, change=True)
    survey = services.survey_create(actor=request.user, event=event, **payload.dict())
    return Status(201, survey_out(survey))


@router.post(
    "/events/{event_id}/evaluation/questions",
    response={201: SurveyOut},
    summary="Add a question (before the evaluation opens)",
)
def question_add(request: HttpRequest, event_id: int, payload: SurveyQuestionIn) -> Status[dict]:
    survey = _survey(request, event_id, change=True)
    services.question_add(actor=request.user, survey=survey, **payload.dict())
    return Status(201, survey_out(survey))


@router.post(
    "/events/{event_id}/evaluation/open",
    response=SurveyOut,
    summary="Open the evaluation: the participants get their links",
)
def survey_open(request: HttpRequest, event_id: int) -> dict:
    survey = _survey(request, event_id, change=True)
    return survey_out(
        services.survey_open(actor=request.user, survey=survey, base_url=_base(request))
    )


@router.post(
    "/events/{event_id}/evaluation/remind",
    response=SurveyRemindOut,
    summary="The one reminder to those who have not answered",
)
def survey_remind(request: HttpRequest, event_id: int) -> dict:
    survey = _survey(request, event_id, change=True)
    count = services.survey_remind(actor=request.user, survey=survey, base_url=_base(request))
    return {"reminded": count}


@router.post("/events/{event_id}/evaluation/close", response=SurveyOut, summary="Close it")
def survey_close(request: HttpRequest, event_id: int) -> dict:
    survey = _survey(request, event_id, change=True)
    return survey_out(services.survey_close(actor=request.user, survey=survey))


@router.post(
    "/events/{event_id}/evaluation/attach",
    response={201: SurveyAttachOut},
    summary="Attach the summary (PDF) to an item of the following body's meeting",
)
def summary_attach(request: HttpRequest, event_id: int, payload: SurveyAttachIn):
    survey = _survey(request, event_id, change=True)
    items = selectors.attach_targets(request.user, survey.event)
    item = items.filter(pk=payload.item_id).first()
    if item is None:
        raise _no_such("item_id", payload.item_id)
    attachment = meeting_services.attachment_add(
        actor=request.user,
        item=item,
        file=ContentFile(
            summary_pdf(selectors.survey_summary(survey)),
            name=file_name(survey.event, "evaluering", "pdf"),
        ),
        title=payload.title or survey.title,
    )
    return Status(
        201,
        {"attachment_id": attachment.pk, "item_id": item.pk, "meeting_id": item.meeting_id},
    )
