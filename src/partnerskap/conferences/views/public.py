"""The public side, without login: the published programme, the registration form, and each
participant's own page and evaluation through their personal link (decision 0045)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from partnerskap.core.forms import add_service_errors
from partnerskap.core.pagination import paginate

from .. import selectors, services
from ..forms import AnswerForm, RegistrationForm
from ..models import RegistrationMode, RegistrationStatus, SurveyStatus
from ..programme import days_with_slots
from ..services._common import late_registration_is_open, registration_is_open
from ..tokens import registration_token
from ._common import base_url, bound


def _registration_state(event) -> dict:
    counts = selectors.event_counts(event)
    is_open = registration_is_open(event)
    late = late_registration_is_open(event) and counts.places_left != 0
    return {
        "over": event.last_day < timezone.localdate() or event.personal_data_deleted_at is not None,
        "counts": counts,
        "open": is_open or late,
        "late": late and not is_open,
        "full": counts.places_left == 0,
        "by_invitation": event.registration_mode == RegistrationMode.INVITATION,
    }


@login_not_required
@require_GET
def public_events(request: HttpRequest) -> HttpResponse:
    page = paginate(request, selectors.public_events())
    return render(
        request, "conferences/public/events.html", {"page": page, "today": timezone.localdate()}
    )


@login_not_required
@require_GET
def public_event(request: HttpRequest, event_slug: str) -> HttpResponse:
    event = selectors.public_event(event_slug)
    version = selectors.latest_version(event)
    days = days_with_slots(version.content)
    context = {"event": event, "version": version, "days": days} | _registration_state(event)
    return render(request, "conferences/public/event.html", context)


@login_not_required
@require_http_methods(["GET", "POST"])
def public_register(request: HttpRequest, event_slug: str) -> HttpResponse:
    event = selectors.public_event(event_slug)
    token = request.GET.get("invitasjon", "")
    invitation = selectors.invitation_from_token(event, token)
    initial = {}
    if invitation is not None:
        initial = {
            "name": invitation.name,
            "email": invitation.email,
            "organisation": invitation.organisation,
            "municipality": invitation.municipality,
        }
    form = RegistrationForm(bound(request), event=event, initial=initial)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            registration = services.registration_create(
                actor=request.user if request.user.is_authenticated else None,
                event=event,
                invitation=invitation,
                base_url=base_url(request),
                **form.registration_fields(),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
            status = 400
        else:
            return redirect(
                "conferences:participant", participant_token=registration_token(registration)
            )
    elif request.method == "POST":
        status = 400
    context = {"event": event, "form": form, "invitation": invitation, "token": token}
    context |= _registration_state(event)
    return render(request, "conferences/public/register.html", context, status=status)


@login_not_required
@require_GET
def participant(request: HttpRequest, participant_token: str) -> HttpResponse:
    """The participant's own registration: status, what they answered, cancel or accept."""
    registration = selectors.participant_from_token(participant_token)
    survey = selectors.event_survey(registration.event)
    return render(
        request,
        "conferences/public/participant.html",
        {
            "registration": registration,
            "event": registration.event,
            "token": participant_token,
            "survey_open": survey is not None
            and survey.status == SurveyStatus.OPEN
            and registration.status == RegistrationStatus.REGISTERED
            and not registration.evaluation_answered,
        },
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def participant_cancel(request: HttpRequest, participant_token: str) -> HttpResponse:
    """GET asks first; POST cancels (a place held goes to the first on the waiting list)."""
    registration = selectors.participant_from_token(participant_token)
    form = Form(bound(request))
    status = 200
    if request.method == "POST":
        try:
            services.registration_cancel(
                actor=None, registration=registration, base_url=base_url(request)
            )
        except ValidationError as exc:
            form.add_error(None, exc)
            status = 400
        else:
            messages.success(request, _("Your registration is cancelled."))
            return redirect("conferences:participant", participant_token=participant_token)
    return render(
        request,
        "conferences/public/cancel.html",
        {
            "registration": registration,
            "event": registration.event,
            "token": participant_token,
            "form": form,
        },
        status=status,
    )


@login_not_required
@require_POST
def participant_accept(request: HttpRequest, participant_token: str) -> HttpResponse:
    registration = selectors.participant_from_token(participant_token)
    try:
        services.offer_accept(actor=None, registration=registration, base_url=base_url(request))
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("The place is yours. Welcome!"))
    return redirect("conferences:participant", participant_token=participant_token)


@login_not_required
@require_http_methods(["GET", "POST"])
def evaluation_answer(request: HttpRequest, participant_token: str) -> HttpResponse:
    registration = selectors.participant_from_token(participant_token)
    event = registration.event
    survey = selectors.event_survey(event)
    if survey is None or survey.status == SurveyStatus.DRAFT:
        return render(
            request,
            "conferences/public/evaluation_closed.html",
            {"event": event, "message": _("The evaluation is not open yet.")},
            status=404,
        )
    if registration.evaluation_answered or survey.status == SurveyStatus.CLOSED:
        message = (
            _("You have answered the evaluation. Thank you!")
            if registration.evaluation_answered
            else _("The evaluation is closed.")
        )
        return render(
            request,
            "conferences/public/evaluation_closed.html",
            {"event": event, "message": message},
        )
    questions = list(survey.questions.order_by("position"))
    form = AnswerForm(bound(request), questions=questions)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.survey_answer(survey=survey, registration=registration, answers=form.answers())
        except ValidationError as exc:
            add_service_errors(form, exc)
            status = 400
        else:
            messages.success(request, _("Thank you for your answers!"))
            return redirect("conferences:evaluation_answer", participant_token=participant_token)
    elif request.method == "POST":
        status = 400
    return render(
        request,
        "conferences/public/evaluation.html",
        {"event": event, "survey": survey, "form": form, "token": participant_token},
        status=status,
    )
