"""The organisers' side of registration: the participant list and its exports, adding and
cancelling registrations, invitations, and registrations per organisation with the reminder."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods

from partnerskap.core.pagination import paginate

from .. import selectors, services
from ..documents import badges_pdf, file_name
from ..forms import InvitationForm, RegistrationForm
from ..models import CancelReason, CheckIn, RegistrationStatus
from ..spreadsheets import participants_xlsx
from ._common import PDF, XLSX, base_url, bound, download, event_context, form_page, form_view

STATUS_FILTERS = [("", gettext_lazy("Registered or waiting"))] + [
    (value, label) for value, label in RegistrationStatus.choices
]


@require_GET
def registration_list(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_for_user(request.user, pk, change=True)
    status = request.GET.get("status", "")
    if status not in RegistrationStatus.values:
        status = ""
    search = request.GET.get("q", "")
    page = paginate(request, selectors.registrations(event, status=status, search=search))
    context = event_context(request, event, "registrations") | {
        "page": page,
        "counts": selectors.event_counts(event),
        "status": status,
        "search": search,
        "statuses": STATUS_FILTERS,
        "query": urlencode({k: v for k, v in (("status", status), ("q", search)) if v}),
    }
    return render(request, "conferences/registrations.html", context)


@require_http_methods(["GET", "POST"])
def registration_add(request: HttpRequest, pk: int) -> HttpResponse:
    """An organiser registers someone (a speaker, a guest from the university)."""
    event = selectors.event_for_user(request.user, pk, change=True)
    form = RegistrationForm(bound(request), event=event)
    return form_view(
        request,
        form,
        save=lambda data: services.registration_create(
            actor=request.user,
            event=event,
            by_organiser=True,
            base_url=base_url(request),
            **form.registration_fields(),
        ),
        then=lambda saved: ("conferences:registration_list", event.pk),
        saved=_("The registration was added."),
        title=_("Register a participant"),
        intro=_("The person gets the confirmation by e-mail, with their own link."),
        submit=_("Register"),
        back=reverse("conferences:registration_list", args=[event.pk]),
        event=event,
    )


@require_http_methods(["GET", "POST"])
def registration_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks first; the place goes to the first on the waiting list."""
    registration = selectors.registration_for_user(request.user, pk)
    event = registration.event
    back = reverse("conferences:registration_list", args=[event.pk])
    form = Form(bound(request))
    if request.method == "POST":
        try:
            services.registration_cancel(
                actor=request.user,
                registration=registration,
                reason=CancelReason.BY_ORGANISER,
                base_url=base_url(request),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("The registration of %(name)s was cancelled.") % {"name": registration.name},
            )
            return redirect(back)
    return form_page(
        request,
        form,
        title=_("Cancel the registration of %(name)s") % {"name": registration.name},
        intro=_("If it holds a place, the first on the waiting list is offered it."),
        submit=_("Cancel the registration"),
        back=back,
        event=event,
    )


@require_GET
def registrations_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_for_user(request.user, pk, change=True)
    rows = list(selectors.registrations(event))
    checked: dict[int, set] = {}
    for registration_id, day in CheckIn.objects.filter(registration__event=event).values_list(
        "registration_id", "day"
    ):
        checked.setdefault(registration_id, set()).add(day)
    return download(
        participants_xlsx(event, rows, checked), XLSX, file_name(event, "deltakere", "xlsx")
    )


@require_GET
def badges(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_for_user(request.user, pk, change=True)
    people = list(
        selectors.registrations(event, status=RegistrationStatus.REGISTERED).order_by("name")
    )
    return download(badges_pdf(event, people), PDF, file_name(event, "navneskilt", "pdf"))


@require_GET
def organisations(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_for_user(request.user, pk)
    context = event_context(request, event, "organisations") | {
        "rows": selectors.organisation_rows(event),
        "counts": selectors.event_counts(event),
    }
    return render(request, "conferences/organisations.html", context)


@require_http_methods(["GET", "POST"])
def municipalities_remind(request: HttpRequest, pk: int) -> HttpResponse:
    """GET lists who will be reminded; POST sends, once per municipality."""
    event = selectors.event_for_user(request.user, pk, change=True)
    back = reverse("conferences:organisations", args=[event.pk])
    if request.method == "POST":
        sent = services.municipalities_remind(
            actor=request.user, event=event, base_url=base_url(request)
        )
        messages.success(
            request,
            ngettext(
                "The NAV leaders of %(count)s municipality were reminded.",
                "The NAV leaders of %(count)s municipalities were reminded.",
                len(sent),
            )
            % {"count": len(sent)},
        )
        return redirect(back)
    rows = selectors.organisation_rows(event)
    return render(
        request,
        "conferences/remind.html",
        event_context(request, event, "organisations") | {"rows": rows.to_remind, "back": back},
    )


@require_http_methods(["GET", "POST"])
def invitations(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_for_user(request.user, pk, change=True)
    form = InvitationForm(bound(request), event=event)
    return form_view(
        request,
        form,
        save=lambda data: services.invitation_add(
            actor=request.user, event=event, base_url=base_url(request), **data
        ),
        then=lambda saved: ("conferences:invitations", event.pk),
        saved=_("The invitation was sent."),
        title=_("Invitations"),
        submit=_("Send the invitation"),
        back=reverse("conferences:event_detail", args=[event.pk]),
        event=event,
        template="conferences/invitations.html",
        invited=paginate(
            request, event.invitations.select_related("municipality").order_by("name")
        ),
    )
