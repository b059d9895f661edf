"""The figures pages: thin views over selectors (reads, suppressed) and services (writes)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from partnerskap.core.forms import add_service_errors
from partnerskap.core.models import User
from partnerskap.core.pages import posted
from partnerskap.core.pagination import paginate
from partnerskap.meetings.models import AgendaItem
from partnerskap.meetings.selectors import attachable_items
from partnerskap.registry.access import access_scope
from partnerskap.registry.models import Office, Partnership
from partnerskap.registry.selectors import partnership_for_user

from . import catalogue, documents, selectors, services
from .charts import cell_text, table_chart
from .content import report_content
from .forms import BlockForm, ManualForm, PeriodsForm, ReportForm
from .models import Level
from .periods import Period, PeriodError, parse_period

# What the overview shows by default: the Indre Fosen status figures and the digital ones.
OVERVIEW_CODES = [
    "users_follow_up",
    "users_follow_up_aap",
    "users_follow_up_unemployment",
    "users_follow_up_under_30",
    "social_assistance_recipients",
    "users_agreed_activity",
    "share_agreed_activity",
    "share_digital",
]


def _columns(every, codes=OVERVIEW_CODES):
    by_code = {i.code: i for i in every}
    return [by_code[c] for c in codes if c in by_code]


def _office(request: HttpRequest, partnership: Partnership) -> tuple[Office, list[Office]]:
    """The office the page is about: the partnership's own, or one it replaced (?kontor=)."""
    offices = selectors.own_offices(partnership)
    wanted = request.GET.get("kontor")
    chosen = next((o for o in offices if str(o.pk) == wanted), None)
    if chosen is None:
        # the office with the latest figures: after a merger, often a predecessor's
        wanted_pk = selectors.latest_office(partnership, offices) or partnership.office_id
        chosen = next(o for o in offices if o.pk == wanted_pk)
    return chosen, offices


def _period(text: str, periods: list[Period]) -> Period | None:
    if text:
        try:
            return parse_period(text)
        except PeriodError:
            return None
    return periods[0] if periods else None


def _table_rows(table) -> list[dict]:
    return [
        {"label": row.label, "cells": [cell_text(c) for c in row.cells], "row": row}
        for row in table.rows
    ]


def overview_context(request: HttpRequest, partnership: Partnership) -> dict:
    every = selectors.indicators()
    office, offices = _office(request, partnership)
    over_time = selectors.office_over_time(partnership, office, _columns(every), every)
    periods = [row.key for row in over_time.rows]
    period = _period(request.GET.get("periode", ""), periods)
    areas = (
        selectors.area_comparison(partnership, office, period, _columns(every), every)
        if period
        else None
    )
    chart = None
    if over_time.rows:
        code = "users_follow_up"
        chart = table_chart(
            over_time,
            code,
            _("%(name)s at %(office)s over time")
            % {
                "name": catalogue.label(over_time.columns[over_time.column(code)]),
                "office": office.name,
            },
            line=True,
        )
    return {
        "partnership": partnership,
        "office": office,
        "offices": offices,
        "headers": over_time.headers,
        "over_time": _table_rows(over_time),
        "period": period,
        "periods": periods,
        "areas": _table_rows(areas) if areas else [],
        "area_headers": areas.headers if areas else [],
        "chart": chart,
        "threshold": over_time.threshold,
    }


@require_GET
def overview(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for_user(request.user, pk)
    context = overview_context(request, partnership)
    context["can_edit"] = access_scope(request.user).can_edit_partnership(pk)
    context["imports"] = paginate(request, selectors.imports(partnership))
    context["reports"] = selectors.reports(partnership)[:10]
    return render(request, "figures/overview.html", context)


@require_GET
def overview_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for_user(request.user, pk)
    pdf = documents.overview_pdf(overview_context(request, partnership))
    return _pdf(pdf, f"nokkeltall-{partnership.pk}.pdf")


def _pdf(data: bytes, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(False, name)
    return response


@require_GET
def comparison(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for_user(request.user, pk)
    office, offices = _office(request, partnership)
    every = selectors.indicators()
    periods = selectors.observed_periods(partnership, Level.OFFICE)
    form = PeriodsForm(request.GET)
    form.is_valid()
    before = _period(form.cleaned_data.get("fra", ""), periods[1:])
    after = _period(form.cleaned_data.get("til", ""), periods)
    figures = []
    if before and after:
        figures = selectors.period_comparison(
            partnership, Level.OFFICE, office.pk, before, after, _columns(every), every
        )
    context = {
        "partnership": partnership,
        "office": office,
        "offices": offices,
        "periods": periods,
        "before": before,
        "after": after,
        "figures": [
            {
                "name": catalogue.label(f.indicator),
                "before": cell_text(f.before),
                "after": cell_text(f.after),
                "change": _signed(f.change),
                "per_cent": _signed(f.per_cent),
            }
            for f in figures
            if f.before is not None or f.after is not None
        ],
    }
    return render(request, "figures/comparison.html", context)


def _signed(value: object) -> str:
    text = cell_text(value)
    if value in (None, selectors.SUPPRESSED):
        return text
    return f"+{text}" if value > 0 else text


def county_context(request: HttpRequest, partnership: Partnership) -> dict:
    every = selectors.indicators()
    county = partnership.office.county
    periods = selectors.observed_periods(partnership, Level.OFFICE)
    period = _period(request.GET.get("periode", ""), periods)
    codes = [
        "users_digital", "users_manual", "users_followed_up", "share_digital",
        "users_agreed_activity", "users_follow_up", "share_agreed_activity",
    ]  # fmt: skip
    table = (
        selectors.county_table(partnership, county, period, _columns(every, codes), every)
        if period
        else None
    )
    return {
        "partnership": partnership,
        "county": county,
        "period": period,
        "periods": periods,
        "headers": table.headers if table else [],
        "rows": _table_rows(table) if table else [],
        "threshold": selectors.threshold(),
    }


@require_GET
def county(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for_user(request.user, pk)
    return render(request, "figures/county.html", county_context(request, partnership))


@require_GET
def county_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for_user(request.user, pk)
    pdf = documents.county_pdf(county_context(request, partnership))
    return _pdf(pdf, f"fylke-{partnership.pk}.pdf")


@require_http_methods(["GET", "POST"])
def manual_entry(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for_user(request.user, pk, change=True)
    form = ManualForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        area = {
            Level.OFFICE: partnership.office_id,
            Level.COUNTY: partnership.office.county_id,
            Level.COUNTRY: None,
        }
        try:
            level = data["level"]
            if level == Level.MUNICIPALITY:
                owner = next((o for o in partnership.owners.all() if o.municipality_id), None)
                area_id = owner.municipality_id if owner else None
            else:
                area_id = area[level]
            services.observation_add(
                actor=request.user,
                partnership=partnership,
                indicator=data["indicator"],
                level=level,
                area_id=area_id,
                period_text=data["period"],
                value=data["value"],
                source=data["source"],
                extracted_on=data["extracted_on"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The figure was saved."))
            return redirect("figures:overview", pk=pk)
    return render(
        request,
        "figures/form.html",
        {
            "form": form,
            "partnership": partnership,
            "title": _("Enter a figure"),
            "intro": _(
                "The figure is saved for the partnership's office, its county or the country, "
                "as you choose under level."
            ),
            "submit": _("Save the figure"),
            "back": reverse("figures:overview", args=[pk]),
        },
    )


# --- status reports --------------------------------------------------------------------------


def _items(user: User, partnership: Partnership) -> QuerySet[AgendaItem]:
    """The partnership's agenda items the person may attach the report to."""
    return attachable_items(user).filter(meeting__body__partnership=partnership)


@require_http_methods(["GET", "POST"])
def report_create(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for_user(request.user, pk, change=True)
    form = ReportForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            report = services.report_create(
                actor=request.user, partnership=partnership, title=form.cleaned_data["title"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return redirect("figures:report_edit", pk=report.pk)
    return render(
        request,
        "figures/form.html",
        {
            "form": form,
            "partnership": partnership,
            "title": _("New status report"),
            "submit": _("Create the report"),
            "back": reverse("figures:overview", args=[pk]),
        },
    )


@require_GET
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_for_user(request.user, pk)
    context = {
        "report": report,
        "partnership": report.partnership,
        "sections": report_content(report, report.partnership.office),
        "can_edit": access_scope(request.user).can_edit_partnership(report.partnership_id)
        and report.frozen_at is None,
    }
    return render(request, "figures/report_detail.html", context)


@require_GET
def report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_for_user(request.user, pk)
    return _pdf(documents.report_pdf(report), f"statusrapport-{report.pk}.pdf")


@require_http_methods(["GET", "POST"])
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_for_user(request.user, pk, change=True)
    if report.frozen_at is not None:
        raise Http404
    sections = list(report.sections.all())
    initial = {"title": report.title, "revision": report.revision, "item": report.item_id}
    form = ReportForm(
        posted(request),
        initial=initial,
        items=_items(request.user, report.partnership),
        sections=sections,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.report_update(
                actor=request.user,
                report=report,
                revision=form.cleaned_data["revision"],
                title=form.cleaned_data["title"],
                texts=form.texts(),
                item=form.cleaned_data.get("item"),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The report was saved."))
            return redirect("figures:report_detail", pk=pk)
    return render(
        request,
        "figures/form.html",
        {
            "form": form,
            "partnership": report.partnership,
            "title": _("Edit “%(title)s”") % {"title": report.title},
            "submit": _("Save the report"),
            "back": reverse("figures:report_detail", args=[pk]),
        },
    )


@require_http_methods(["GET", "POST"])
def block_add(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_for_user(request.user, pk, change=True)
    form = BlockForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.block_add(
                actor=request.user,
                report=report,
                section_kind=data["section"],
                indicator=data["indicator"],
                period_text=data["period"],
                comparison=data["comparison"],
                compare_period_text=data["compare_period"],
                chart=data["chart"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The figure was added to the report."))
            return redirect("figures:report_detail", pk=pk)
    return render(
        request,
        "figures/form.html",
        {
            "form": form,
            "partnership": report.partnership,
            "title": _("Add a figure to %(title)s") % {"title": report.title},
            "submit": _("Add the figure"),
            "back": reverse("figures:report_detail", args=[pk]),
        },
    )


@require_POST
def block_remove(request: HttpRequest, pk: int) -> HttpResponse:
    block = selectors.block_for_user(request.user, pk)
    report_id = block.section.report_id
    try:
        services.block_remove(actor=request.user, block=block)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The figure was removed from the report."))
    return redirect("figures:report_detail", pk=report_id)
