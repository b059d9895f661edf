"""The public side of the conferences API, without login: a published programme, registering,
and a participant's own registration and evaluation through their personal token (the same
token as in the link they got by e-mail, decision 0045)."""

from django.http import Http404, HttpRequest
from ninja import Router, Status

from .. import selectors, services
from ..models import Registration, SurveyStatus
from ..services._common import late_registration_is_open, registration_is_open
from ..tokens import registration_token
from .registrations import registration_fields
from .schemas import (
    ParticipantOut,
    PublicEventOut,
    PublicSurveyOut,
    RegistrationIn,
    SurveyAnsweredOut,
    SurveyAnswersIn,
)

# auth=None on the router overrides the API's default authentication for every route on it.
public_router = Router(auth=None)


def _participant(registration: Registration) -> dict:
    return {
        "token": registration_token(registration),
        "event": registration.event.title,
        **{
            name: getattr(registration, name)
            for name in (
                "status",
                "name",
                "email",
                "organisation",
                "job_title",
                "days",
                "offer_expires_at",
            )
        },
    }


@public_router.get(
    "/events/{event_slug}", response=PublicEventOut, summary="A published event and programme"
)
def public_event(request: HttpRequest, event_slug: str) -> dict:
    event = selectors.public_event(event_slug)
    version = selectors.latest_version(event)
    return {
        **{
            name: getattr(event, name)
            for name in (
                "title",
                "slug",
                "kind",
                "description",
                "co_organisers",
                "first_day",
                "last_day",
                "place",
                "address",
                "audience",
                "registration_closes",
            )
        },
        "organiser": str(event.organiser),
        "registration_open": registration_is_open(event) or late_registration_is_open(event),
        "places_left": selectors.event_counts(event).places_left,
        "programme_version": version.number,
        "programme": version.content,
    }


@public_router.post(
    "/events/{event_slug}/registrations",
    response={201: ParticipantOut},
    summary="Register (a place, or the waiting list when full); the answer has your token",
)
def public_register(
    request: HttpRequest, event_slug: str, payload: RegistrationIn, invitation: str = ""
) -> Status[dict]:
    event = selectors.public_event(event_slug)
    registration = services.registration_create(
        actor=None,
        event=event,
        invitation=selectors.invitation_from_token(event, invitation),
        base_url=request.build_absolute_uri("/").rstrip("/"),
        **registration_fields(event, payload),
    )
    return Status(201, _participant(registration))


# The evaluation before the registration routes: the access walk requests them in this order.
@public_router.get(
    "/evaluations/{participant_token}",
    response=PublicSurveyOut,
    summary="The evaluation's questions, for a participant",
)
def evaluation(request: HttpRequest, participant_token: str):
    registration = selectors.participant_from_token(participant_token)
    survey = selectors.event_survey(registration.event)
    if survey is None or survey.status != SurveyStatus.OPEN:
        raise Http404
    return {
        "title": survey.title,
        "introduction": survey.introduction,
        "anonymous": survey.anonymous,
        "questions": list(survey.questions.order_by("position")),
    }


@public_router.post(
    "/evaluations/{participant_token}",
    response={201: SurveyAnsweredOut},
    summary="Answer the evaluation (once)",
)
def evaluation_answer(
    request: HttpRequest, participant_token: str, payload: SurveyAnswersIn
) -> Status[dict]:
    registration = selectors.participant_from_token(participant_token)
    survey = selectors.event_survey(registration.event)
    if survey is None:
        raise Http404
    services.survey_answer(survey=survey, registration=registration, answers=payload.answers)
    return Status(201, {"answered": True})


@public_router.get(
    "/registrations/{participant_token}", response=ParticipantOut, summary="Your registration"
)
def participant(request: HttpRequest, participant_token: str) -> dict:
    return _participant(selectors.participant_from_token(participant_token))


@public_router.post(
    "/registrations/{participant_token}/cancel",
    response=ParticipantOut,
    summary="Cancel your registration or your place on the waiting list",
)
def participant_cancel(request: HttpRequest, participant_token: str) -> dict:
    registration = selectors.participant_from_token(participant_token)
    return _participant(
        services.registration_cancel(
            actor=None,
            registration=registration,
            base_url=request.build_absolute_uri("/").rstrip("/"),
        )
    )


@public_router.post(
    "/registrations/{participant_token}/accept",
    response=ParticipantOut,
    summary="Accept a place offered to you from the waiting list",
)
def participant_accept(request: HttpRequest, participant_token: str) -> dict:
    registration = selectors.participant_from_token(participant_token)
    return _participant(
        services.offer_accept(
            actor=None,
            registration=registration,
            base_url=request.build_absolute_uri("/").rstrip("/"),
        )
    )
