"""The analysis of a period, saved scenarios next to today, their PDF and attaching it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from partnerskap.core.forms import add_service_errors
from partnerskap.core.pages import posted
from partnerskap.meetings import services as meeting_services
from partnerskap.registry.access import access_scope

from .. import selectors, services
from ..documents import locations_context, outcome_context, pdf_name, scenario_pdf, side_by_side
from ..forms import AnalysisForm, AttachForm, ChangeForm, ScenarioForm
from ..models import Location
from ._common import form_page, form_view, office_url


@require_GET
def analysis(request: HttpRequest, pk: int) -> HttpResponse:
    """Every location of the office (or the one chosen) over the period chosen; by default the
    last twelve months of the period with data."""
    office = selectors.office_for_user(request.user, pk)
    every = selectors.office_locations(office)
    chosen = request.GET.get("sted", "")
    locations = [loc for loc in every if str(loc.pk) == chosen] or every
    span = selectors.data_period([loc.pk for loc in locations])
    span = selectors.default_period(span) if span else None
    initial = {"first_day": span[0], "last_day": span[1]} if span else {}
    form = AnalysisForm(request.GET if "first_day" in request.GET else None, initial=initial)
    context: dict = {
        "office": office,
        "form": form,
        "chosen": chosen,
        "all_locations": every,
        "default_span": not form.is_bound,
    }
    period = None
    if form.is_bound and form.is_valid():
        period = (form.cleaned_data["first_day"], form.cleaned_data["last_day"])
    elif not form.is_bound and span:
        period = span
    if period:
        analyses = selectors.analyse_locations(locations, *period)
        shown = locations_context(analyses)
        context |= {"locations": shown, "side_by_side": side_by_side(shown), "period": period}
    return render(request, "reception/analysis.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
def scenario_create(request: HttpRequest, pk: int) -> HttpResponse:
    office = selectors.office_for_user(request.user, pk, change=True)
    span = selectors.data_period([loc.pk for loc in office.reception_locations.all()])
    initial = {"open_weeks": 30} | ({"first_day": span[0], "last_day": span[1]} if span else {})
    form = ScenarioForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            scenario = services.scenario_create(
                actor=request.user, office=office, **form.scenario_fields()
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return redirect("reception:change_add", scenario.pk)
    return form_page(
        request,
        form,
        title=_("New scenario"),
        submit=_("Create the scenario"),
        back=office_url(office.pk),
        office=office,
    )


@require_GET
def scenario_detail(request: HttpRequest, pk: int) -> HttpResponse:
    scenario = selectors.scenario_for_user(request.user, pk)
    context = {"office": scenario.office, "error": None}
    try:
        context |= outcome_context(selectors.scenario_outcome(scenario))
    except ValidationError as exc:
        context |= {"scenario": scenario, "error": exc.messages}
    context["can_edit"] = access_scope(request.user).can_edit_office(scenario.office_id)
    return render(request, "reception/scenario_detail.html", context)


@require_http_methods(["GET", "POST"])
def scenario_edit(request: HttpRequest, pk: int) -> HttpResponse:
    scenario = selectors.scenario_for_user(request.user, pk, change=True)
    form = ScenarioForm(posted(request), instance=scenario, initial={"revision": scenario.revision})
    return form_view(
        request,
        form,
        save=lambda data: services.scenario_update(
            actor=request.user,
            scenario=scenario,
            revision=data["revision"],
            **form.scenario_fields(),
        ),
        then=lambda saved: ("reception:scenario_detail", saved.pk),
        saved=_("The scenario was saved."),
        title=_("Edit “%(title)s”") % {"title": scenario.name},
        submit=_("Save"),
        back=reverse("reception:scenario_detail", args=[scenario.pk]),
        office=scenario.office,
    )


@require_http_methods(["GET", "POST"])
def change_add(request: HttpRequest, pk: int) -> HttpResponse:
    scenario = selectors.scenario_for_user(request.user, pk, change=True)
    locations = Location.objects.filter(office_id=scenario.office_id).order_by("name")
    form = ChangeForm(posted(request), locations=locations)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_add(actor=request.user, scenario=scenario, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The change was added to the scenario."))
            return redirect("reception:scenario_detail", scenario.pk)
    return form_page(
        request,
        form,
        title=_("Add a change to %(name)s") % {"name": scenario.name},
        submit=_("Add the change"),
        back=reverse("reception:scenario_detail", args=[scenario.pk]),
        office=scenario.office,
        intro=_(
            "One change per location; a new change at the same location replaces the old one. "
            "Scenarios are compared with today over the scenario's open weeks."
        ),
    )


@require_http_methods(["GET", "POST"])
def change_remove(request: HttpRequest, pk: int) -> HttpResponse:
    """Remove one change from a scenario; GET asks first."""
    change = selectors.change_for_user(request.user, pk, change=True)
    back = reverse("reception:scenario_detail", args=[change.scenario_id])
    if request.method == "POST":
        services.change_remove(actor=request.user, change=change)
        messages.success(request, _("The change was removed."))
        return redirect(back)
    return form_page(
        request,
        Form(),
        title=_("Remove the change at %(place)s") % {"place": change.location.name},
        submit=_("Remove the change"),
        back=back,
        office=change.scenario.office,
        intro=_("The scenario keeps its other changes."),
    )


def _outcome_or_404(request: HttpRequest, pk: int, *, change: bool = False):
    scenario = selectors.scenario_for_user(request.user, pk, change=change)
    return selectors.scenario_outcome(scenario)


@require_GET
def scenario_pdf_view(request: HttpRequest, pk: int) -> HttpResponse:
    outcome = _outcome_or_404(request, pk)
    disposition = content_disposition_header(as_attachment=True, filename=pdf_name(outcome))
    return HttpResponse(
        scenario_pdf(outcome),
        content_type="application/pdf",
        headers={"Content-Disposition": disposition},
    )


@require_http_methods(["GET", "POST"])
def scenario_attach(request: HttpRequest, pk: int) -> HttpResponse:
    """The scenario's PDF as an attachment to an agenda item of a meeting the person runs."""
    scenario = selectors.scenario_for_user(request.user, pk, change=True)
    items = selectors.attach_targets(request.user, scenario.office)
    form = AttachForm(posted(request), items=items, initial={"title": scenario.name})
    if request.method == "POST" and form.is_valid():
        item = form.cleaned_data["item"]
        try:
            outcome = selectors.scenario_outcome(scenario)
            attachment = meeting_services.attachment_add(
                actor=request.user,
                item=item,
                file=ContentFile(scenario_pdf(outcome), name=pdf_name(outcome)),
                title=form.cleaned_data["title"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("The scenario was attached to “%(item)s”.") % {"item": item.title},
            )
            meeting_page = reverse("meetings:meeting_detail", args=[attachment.item.meeting_id])
            return redirect(f"{meeting_page}#item-{item.pk}")
    return form_page(
        request,
        form,
        title=_("Attach %(name)s to a meeting") % {"name": scenario.name},
        submit=_("Attach the PDF"),
        back=reverse("reception:scenario_detail", args=[scenario.pk]),
        office=scenario.office,
        no_items=not items.exists(),
    )
