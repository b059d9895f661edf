"""The programme: the working copy with its sessions, adding and changing them, publishing."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from partnerskap.core.pages import service_error

from .. import selectors, services
from ..forms import PublishForm, SessionForm
from ..models import Session
from ..programme import days_with_slots
from ._common import base_url, bound, event_context, form_page


@require_GET
def programme(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_for_user(request.user, pk)
    content, sessions = selectors.draft_programme(event)
    latest = selectors.latest_version(event)
    days = days_with_slots(content, sessions)
    context = event_context(request, event, "programme") | {
        "days": days,
        "latest": latest,
        "changed": latest is None or latest.content != content,
        "versions": selectors.versions(event)[:10],
    }
    return render(request, "conferences/programme.html", context)


def _speakers(request: HttpRequest, form: SessionForm) -> list:
    """The chosen speakers, and the new one from outside the registry last."""
    speakers = list(form.cleaned_data["speakers"])
    new = form.new_speaker()
    if new is not None:
        speakers.append(services.speaker_create(actor=request.user, **new))
    return speakers


def _session_page(
    request: HttpRequest, form: SessionForm, event, *, title: str, submit: str, status=None
) -> HttpResponse:
    return form_page(
        request,
        form,
        title=title,
        submit=submit,
        back=reverse("conferences:programme", args=[event.pk]),
        event=event,
        status=status,
    )


@require_http_methods(["GET", "POST"])
def session_add(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_for_user(request.user, pk, change=True)
    form = SessionForm(
        bound(request),
        event=event,
        people=selectors.speaker_choices(),
        initial={"day": request.GET.get("dag", event.first_day.isoformat())},
    )
    status = None
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():  # a new speaker is not kept if the session is refused
                session = services.session_add(
                    actor=request.user,
                    event=event,
                    speakers=_speakers(request, form),
                    **form.session_fields(),
                )
        except ValidationError as exc:
            status = service_error(form, exc)
        else:
            messages.success(request, _("“%(title)s” was added.") % {"title": session.title})
            return redirect(
                f"{reverse('conferences:programme', args=[event.pk])}#session-{session.pk}"
            )
    return _session_page(
        request, form, event, title=_("New session"), submit=_("Add the session"), status=status
    )


@require_http_methods(["GET", "POST"])
def session_edit(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.session_for_user(request.user, pk, change=True)
    event = session.event
    initial = {
        "day": session.day.isoformat(),
        "starts": session.starts,
        "ends": session.ends,
        "title": session.title,
        "kind": session.kind,
        "track": session.track,
        "description": session.description,
        "moderator": session.moderator,
        "speakers": [link.person for link in session.speaker_links.all()],
        "revision": session.revision,
    }
    form = SessionForm(
        bound(request), event=event, people=selectors.speaker_choices(), initial=initial
    )
    status = None
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                services.session_update(
                    actor=request.user,
                    session=session,
                    revision=form.cleaned_data["revision"],
                    speakers=_speakers(request, form),
                    **form.session_fields(),
                )
        except ValidationError as exc:
            status = service_error(form, exc)
        else:
            messages.success(request, _("The session was saved."))
            return redirect(
                f"{reverse('conferences:programme', args=[event.pk])}#session-{session.pk}"
            )
    return _session_page(
        request,
        form,
        event,
        title=_("Edit “%(title)s”") % {"title": session.title},
        submit=_("Save"),
        status=status,
    )


@require_http_methods(["GET", "POST"])
def session_remove(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks first; POST removes the session from the working programme."""
    session: Session = selectors.session_for_user(request.user, pk, change=True)
    event = session.event
    if request.method == "POST":
        services.session_remove(actor=request.user, session=session)
        messages.success(request, _("“%(title)s” was removed.") % {"title": session.title})
        return redirect("conferences:programme", pk=event.pk)
    return form_page(
        request,
        Form(),
        title=_("Remove “%(title)s”") % {"title": session.title},
        intro=_("The published programme keeps it until you publish again."),
        submit=_("Remove the session"),
        back=reverse("conferences:programme", args=[event.pk]),
        event=event,
    )


@require_http_methods(["GET", "POST"])
def programme_publish(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_for_user(request.user, pk, change=True)
    latest = selectors.latest_version(event)
    form = PublishForm(bound(request))
    status = None
    if request.method == "POST" and form.is_valid():
        try:
            version = services.programme_publish(
                actor=request.user,
                event=event,
                note=form.cleaned_data["note"],
                base_url=base_url(request),
            )
        except ValidationError as exc:
            status = service_error(form, exc)
        else:
            text = (
                _("The programme was published.")
                if version.number == 1
                else _(
                    "Version %(number)s of the programme was published, and the participants "
                    "were told."
                )
                % {"number": version.number}
            )
            messages.success(request, text)
            return redirect("conferences:programme", pk=event.pk)
    intro = (
        _("The public page opens with this programme, and registration with it.")
        if latest is None
        else _(
            "The programme was published before (version %(number)s). Say what changed: everyone "
            "registered or waiting is told by e-mail."
        )
        % {"number": latest.number}
    )
    return form_page(
        request,
        form,
        title=_("Publish the programme"),
        intro=intro,
        submit=_("Publish"),
        back=reverse("conferences:programme", args=[event.pk]),
        event=event,
        status=status,
    )
