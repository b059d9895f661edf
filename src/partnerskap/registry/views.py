"""Registry pages: thin views that parse a form, call a service or selector, and render."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from partnerskap.core import nav
from partnerskap.core.forms import add_service_errors
from partnerskap.core.history import history_entries
from partnerskap.core.needs import needs_for
from partnerskap.core.pages import posted
from partnerskap.core.pagination import paginate
from partnerskap.core.summary import partnership_summary

from . import selectors, services
from .access import access_scope
from .forms import (
    CountyForm,
    MunicipalityForm,
    OfficeForm,
    OpeningHoursForm,
    PartnershipForm,
    RoleForm,
    ServiceAreaForm,
)
from .models import Office, OpeningHours, Owner, Partnership, Role

# A county director owns every partnership of the county: the front page shows the most urgent of
# what they need, and the county overview shows all of it.
PARTNERSHIP_NEEDS_SHOWN = 15


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """The home page, "Til meg": what waits for the person (core/needs.py), and their roles."""
    today = timezone.localdate()
    needs = needs_for(request.user, today)
    partnership_needs = [(n, n.is_overdue(today)) for n in needs if n.for_partnership]
    context = {
        "mine": [(n, n.is_overdue(today)) for n in needs if not n.for_partnership],
        "partnerships": partnership_needs[:PARTNERSHIP_NEEDS_SHOWN],
        "partnerships_more": max(0, len(partnership_needs) - PARTNERSHIP_NEEDS_SHOWN),
        "roles": selectors.roles_of(request.user),
    }
    return render(request, "registry/home.html", context)


# --- partnerships ---------------------------------------------------------------------------


@require_GET
def partnership_list(request: HttpRequest) -> HttpResponse:
    page = paginate(request, selectors.partnership_list(request.user))
    can_create = access_scope(request.user).can_create_partnership
    return render(
        request, "registry/partnership_list.html", {"page": page, "can_create": can_create}
    )


@require_GET
def partnership_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Opens with the summary its owners follow (core/summary.py); the change log is a link."""
    partnership = selectors.partnership_for_user(request.user, pk)
    context = {
        "partnership": partnership,
        "leader": selectors.partnership_leader(partnership),
        "can_edit": access_scope(request.user).can_edit_partnership(pk),
        "summary": partnership_summary(pk, timezone.localdate()),
        "sections": nav.links(nav.PARTNERSHIP_SECTIONS, pk),
    }
    return render(request, "registry/partnership_detail.html", context)


@require_GET
def partnership_history(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = selectors.partnership_for_user(request.user, pk)
    history = history_entries(
        Partnership.history.filter(id=pk),
        Owner.history.filter(partnership_id=pk),
        Role.history.filter(partnership_id=pk),
    )
    context = {"partnership": partnership, "history": history}
    return render(request, "registry/partnership_history.html", context)


@require_http_methods(["GET", "POST"])
def partnership_create(request: HttpRequest) -> HttpResponse:
    if not access_scope(request.user).can_create_partnership:
        raise PermissionDenied
    return _partnership_form(request, None)


@require_http_methods(["GET", "POST"])
def partnership_edit(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = selectors.partnership_for_user(request.user, pk, change=True)
    return _partnership_form(request, partnership)


def _partnership_form(request: HttpRequest, partnership: Partnership | None) -> HttpResponse:
    offices = selectors.office_choices(request.user)
    form = PartnershipForm(posted(request), instance=partnership, offices=offices)
    if request.method == "POST" and form.is_valid():
        try:
            if partnership is None:
                selectors.require_partnership_owner(request.user, form.cleaned_data["state_county"])
            saved = services.partnership_save(
                actor=request.user,
                partnership=partnership,
                **form.owner_fields(),
                **form.model_fields(),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The partnership was saved."))
            return redirect("registry:partnership_detail", pk=saved.pk)
    return render(
        request,
        "registry/partnership_form.html",
        {"form": form, "partnership": partnership},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def partnership_role_add(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = selectors.partnership_for_user(request.user, pk, change=True)
    form = RoleForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.role_assign(actor=request.user, partnership=partnership, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The role was added."))
            return redirect("registry:partnership_detail", pk=pk)
    return render(
        request,
        "registry/role_form.html",
        {"form": form, "partnership": partnership},
        status=400 if form.errors else 200,
    )


# --- offices --------------------------------------------------------------------------------


@require_GET
def office_list(request: HttpRequest) -> HttpResponse:
    page = paginate(request, selectors.office_list(request.user))
    is_admin = access_scope(request.user).is_admin
    return render(request, "registry/office_list.html", {"page": page, "can_create": is_admin})


@require_GET
def office_detail(request: HttpRequest, pk: int) -> HttpResponse:
    office = selectors.office_for_user(request.user, pk)
    history = history_entries(
        Office.history.filter(id=pk), OpeningHours.history.filter(office_id=pk)
    )
    context = {
        "office": office,
        "can_edit": access_scope(request.user).can_edit_office(pk),
        "history": history,
        "sections": nav.links(nav.OFFICE_SECTIONS, pk),
    }
    return render(request, "registry/office_detail.html", context)


@require_http_methods(["GET", "POST"])
def office_opening_hours(request: HttpRequest, pk: int) -> HttpResponse:
    office = selectors.office_for_user(request.user, pk, change=True)
    form = OpeningHoursForm(posted(request), office=office)
    if request.method == "POST" and form.is_valid():
        try:
            services.office_opening_hours_set(actor=request.user, office=office, hours=form.hours())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The opening hours were saved."))
            return redirect("registry:office_detail", pk=pk)
    return render(
        request,
        "registry/opening_hours_form.html",
        {"form": form, "office": office},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def office_create(request: HttpRequest) -> HttpResponse:
    selectors.require_reference_change(request.user)
    return _object_form(
        request,
        OfficeForm,
        services.office_save,
        "office",
        None,
        offices=selectors.office_choices(request.user),
    )


@require_http_methods(["GET", "POST"])
def office_edit(request: HttpRequest, pk: int) -> HttpResponse:
    office = selectors.office_for_user(request.user, pk, change=True)
    return _object_form(
        request,
        OfficeForm,
        services.office_save,
        "office",
        office,
        offices=selectors.office_choices(request.user),
    )


# --- reference data -------------------------------------------------------------------------


def _object_form(
    request: HttpRequest,
    form_class: type,
    save: Callable[..., Model],
    kind: str,
    instance: Model | None,
    **form_kwargs: object,
) -> HttpResponse:
    """Create or edit one registry object through its service; errors stay on the form."""
    form = form_class(posted(request), instance=instance, **form_kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(actor=request.user, **{kind: instance}, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect(f"registry:{kind}_detail", pk=saved.pk)
    context = {"form": form, "object": instance, "kind": kind}
    return render(request, "registry/object_form.html", context, status=400 if form.errors else 200)


@require_GET
def county_list(request: HttpRequest) -> HttpResponse:
    page = paginate(request, selectors.county_list())
    is_admin = access_scope(request.user).is_admin
    return render(request, "registry/county_list.html", {"page": page, "can_create": is_admin})


@require_GET
def county_detail(request: HttpRequest, pk: int) -> HttpResponse:
    county = selectors.county_detail(pk)
    is_admin = access_scope(request.user).is_admin
    return render(request, "registry/county_detail.html", {"county": county, "can_edit": is_admin})


@require_http_methods(["GET", "POST"])
def county_create(request: HttpRequest) -> HttpResponse:
    selectors.require_reference_change(request.user)
    return _object_form(request, CountyForm, services.county_save, "county", None)


@require_http_methods(["GET", "POST"])
def county_edit(request: HttpRequest, pk: int) -> HttpResponse:
    selectors.require_reference_change(request.user)
    county = selectors.county_detail(pk)
    return _object_form(request, CountyForm, services.county_save, "county", county)


@require_GET
def service_area_list(request: HttpRequest) -> HttpResponse:
    page = paginate(request, selectors.service_area_list())
    is_admin = access_scope(request.user).is_admin
    return render(
        request, "registry/service_area_list.html", {"page": page, "can_create": is_admin}
    )


@require_GET
def service_area_detail(request: HttpRequest, pk: int) -> HttpResponse:
    area = selectors.service_area_detail(pk)
    is_admin = access_scope(request.user).is_admin
    return render(
        request, "registry/service_area_detail.html", {"area": area, "can_edit": is_admin}
    )


@require_http_methods(["GET", "POST"])
def service_area_create(request: HttpRequest) -> HttpResponse:
    selectors.require_reference_change(request.user)
    return _object_form(request, ServiceAreaForm, services.service_area_save, "service_area", None)


@require_http_methods(["GET", "POST"])
def service_area_edit(request: HttpRequest, pk: int) -> HttpResponse:
    selectors.require_reference_change(request.user)
    area = selectors.service_area_detail(pk)
    return _object_form(request, ServiceAreaForm, services.service_area_save, "service_area", area)


@require_GET
def municipality_list(request: HttpRequest) -> HttpResponse:
    page = paginate(request, selectors.municipality_list())
    is_admin = access_scope(request.user).is_admin
    return render(
        request, "registry/municipality_list.html", {"page": page, "can_create": is_admin}
    )


@require_GET
def municipality_detail(request: HttpRequest, pk: int) -> HttpResponse:
    municipality = selectors.municipality_detail(pk)
    is_admin = access_scope(request.user).is_admin
    context = {"municipality": municipality, "can_edit": is_admin}
    return render(request, "registry/municipality_detail.html", context)


@require_http_methods(["GET", "POST"])
def municipality_create(request: HttpRequest) -> HttpResponse:
    selectors.require_reference_change(request.user)
    return _object_form(request, MunicipalityForm, services.municipality_save, "municipality", None)


@require_http_methods(["GET", "POST"])
def municipality_edit(request: HttpRequest, pk: int) -> HttpResponse:
    selectors.require_reference_change(request.user)
    municipality = selectors.municipality_detail(pk)
    return _object_form(
        request, MunicipalityForm, services.municipality_save, "municipality", municipality
    )
