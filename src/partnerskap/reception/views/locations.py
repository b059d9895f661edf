"""The office's reception page and its locations: details, walk-in hours, counted totals."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from partnerskap.core.forms import add_service_errors
from partnerskap.core.pages import posted
from partnerskap.core.pagination import paginate
from partnerskap.registry.access import access_scope
from partnerskap.registry.selectors import partnership_for_user

from .. import selectors, services
from ..forms import HoursForm, LocationForm, TotalsForm
from ._common import form_page, form_view, office_url


@require_GET
def office_reception(request: HttpRequest, pk: int) -> HttpResponse:
    office = selectors.office_for_user(request.user, pk)
    locations = selectors.office_locations(office)
    return render(
        request,
        "reception/office.html",
        {
            "office": office,
            "locations": locations,
            "scenarios": paginate(request, selectors.scenario_list(office)),
            "can_edit": access_scope(request.user).can_edit_office(office.pk),
        },
    )


@require_GET
def partnership_reception(request: HttpRequest, pk: int) -> HttpResponse:
    """From a partnership's page to the reception of its office."""
    partnership = partnership_for_user(request.user, pk)
    return redirect(office_url(partnership.office_id))


@require_http_methods(["GET", "POST"])
def location_create(request: HttpRequest, pk: int) -> HttpResponse:
    office = selectors.office_for_user(request.user, pk, change=True)
    form = LocationForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            location = services.location_create(
                actor=request.user, office=office, **form.location_fields()
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("%(place)s was added.") % {"place": location.name})
            return redirect("reception:location_hours", location.pk)
    return form_page(
        request,
        form,
        title=_("New reception location"),
        submit=_("Add the location"),
        back=office_url(office.pk),
        office=office,
    )


@require_GET
def location_detail(request: HttpRequest, pk: int) -> HttpResponse:
    location = selectors.location_for_user(request.user, pk)
    return render(
        request,
        "reception/location_detail.html",
        {
            "location": location,
            "office": location.office,
            "visits": selectors.recent_visits(location),
            "totals": list(location.totals.order_by("-first_day")[:20]),
            "can_edit": access_scope(request.user).can_edit_office(location.office_id),
        },
    )


@require_http_methods(["GET", "POST"])
def location_edit(request: HttpRequest, pk: int) -> HttpResponse:
    location = selectors.location_for_user(request.user, pk, change=True)
    form = LocationForm(posted(request), instance=location, initial={"revision": location.revision})
    return form_view(
        request,
        form,
        save=lambda data: services.location_update(
            actor=request.user,
            location=location,
            revision=data["revision"],
            **form.location_fields(),
        ),
        then=lambda saved: ("reception:location_detail", saved.pk),
        saved=_("%(place)s was saved.") % {"place": location.name},
        title=_("Edit “%(title)s”") % {"title": location.name},
        submit=_("Save"),
        back=reverse("reception:location_detail", args=[location.pk]),
        office=location.office,
    )


@require_http_methods(["GET", "POST"])
def location_hours(request: HttpRequest, pk: int) -> HttpResponse:
    location = selectors.location_for_user(request.user, pk, change=True)
    if not HoursForm.fits(location):
        # More than two intervals a weekday (set through the API): the form would drop some.
        messages.error(
            request,
            _(
                "This location has more than two intervals on one weekday. "
                "Change its hours through the API."
            ),
        )
        return redirect("reception:location_detail", location.pk)
    form = HoursForm(
        request.POST if request.method == "POST" else None, initial=HoursForm.initial_for(location)
    )
    status = None
    if request.method == "POST" and form.is_valid():
        try:
            services.location_hours_set(
                actor=request.user,
                location=location,
                hours=form.intervals(),
                revision=form.cleaned_data["revision"],
            )
        except services.ConflictError as exc:
            add_service_errors(form, exc)
            status = 409
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, _("The walk-in hours of %(place)s were saved.") % {"place": location.name}
            )
            return redirect("reception:location_detail", location.pk)
    return form_page(
        request,
        form,
        title=_("Walk-in hours of %(place)s") % {"place": location.name},
        submit=_("Save the hours"),
        back=reverse("reception:location_detail", args=[location.pk]),
        office=location.office,
        status=status,
        template="reception/hours_form.html",
        weekdays=[
            (
                label,
                [form[f"{edge}_{value}_{slot}"] for slot in (1, 2) for edge in ("opens", "closes")],
            )
            for value, label in HoursForm.weekday_choices()
        ],
    )


@require_http_methods(["GET", "POST"])
def totals_add(request: HttpRequest, pk: int) -> HttpResponse:
    location = selectors.location_for_user(request.user, pk, change=True)
    form = TotalsForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.totals_add(actor=request.user, location=location, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The counted totals were saved."))
            return redirect("reception:location_detail", location.pk)
    return form_page(
        request,
        form,
        title=_("Counted totals for %(place)s") % {"place": location.name},
        submit=_("Save the totals"),
        back=reverse("reception:location_detail", args=[location.pk]),
        office=location.office,
    )
