"""The county overview page and its XLSX export."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from . import filtering, registers, selectors, spreadsheets
from .forms import SORTS, FollowUpFilter, OverviewFilter, RegisterFilter

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _rows(request: HttpRequest) -> tuple[OverviewFilter, list[selectors.Row]]:
    today = timezone.localdate()
    rows = selectors.overview_rows(request.user, today)
    counties = sorted({(r.county_id, r.county) for r in rows if r.county_id}, key=lambda c: c[1])
    form = OverviewFilter(request.GET, counties)
    data = form.cleaned_data if form.is_valid() else {}
    rows = filtering.filtered(rows, data, today)
    return form, filtering.sorted_rows(rows, data.get("sort", ""), data.get("descending", False))


@require_GET
def county_overview(request: HttpRequest) -> HttpResponse:
    form, rows = _rows(request)
    page = Paginator(rows, 100).get_page(request.GET.get("side"))
    query = request.GET.copy()
    query.pop("side", None)
    context = {
        "form": form,
        "page": page,
        "rows": page.object_list,
        "total": len(rows),
        "today": timezone.localdate(),
        "query": query.urlencode(),
        "sorts": SORTS,
    }
    return render(request, "overview/county.html", context, status=400 if form.errors else 200)


@require_GET
def county_overview_xlsx(request: HttpRequest) -> HttpResponse:
    _form, rows = _rows(request)
    response = HttpResponse(spreadsheets.overview_xlsx(rows), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="partnerskap-oversikt.xlsx"'
    return response


def _register(request: HttpRequest, form_class: type[RegisterFilter]) -> tuple:
    bodies = list(registers.readable_bodies(request.user))
    form = form_class(request.GET, bodies)
    query = request.GET.copy()
    query.pop("side", None)
    return form, (form.cleaned_data if form.is_valid() else None), query.urlencode()


@require_GET
def follow_ups(request: HttpRequest) -> HttpResponse:
    form, data, query = _register(request, FollowUpFilter)
    today = timezone.localdate()
    rows = registers.follow_up_register(request.user, data or {}, today)
    page = Paginator(rows, 50).get_page(request.GET.get("side"))
    context = {"form": form, "page": page, "today": today, "query": query}
    return render(request, "overview/follow_ups.html", context, status=400 if form.errors else 200)


@require_GET
def decisions(request: HttpRequest) -> HttpResponse:
    form, data, query = _register(request, RegisterFilter)
    rows = registers.decision_register(request.user, data or {})
    page = Paginator(rows, 50).get_page(request.GET.get("side"))
    context = {"form": form, "page": page, "query": query}
    return render(request, "overview/decisions.html", context, status=400 if form.errors else 200)
