"""The counter page (one tap per visit), visits at another time, and imports with a preview."""

from datetime import datetime, timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from partnerskap.core.forms import add_service_errors
from partnerskap.core.pages import posted

from .. import selectors, services
from ..forms import ConfirmImportForm, ImportForm, TapForm, VisitForm
from ..models import ImportStatus, Location
from ._common import form_page, office_url

TAP_MINUTES = (2, 5, 10, 15, 20, 30, 45, 60)


def _counter(
    request: HttpRequest,
    location: Location,
    *,
    form: VisitForm | None = None,
    confirm: dict | None = None,
    status: int = 200,
) -> HttpResponse:
    today = timezone.localdate()
    count, outside = selectors.todays_counts(location, today)
    return render(
        request,
        "reception/counter.html",
        {
            "location": location,
            "office": location.office,
            "taps": TAP_MINUTES,
            "today": today,
            "count": count,
            "outside": outside,
            "recent": selectors.recent_visits(location, 5),
            "form": form or VisitForm(initial={"day": today}),
            "confirm": confirm,
        },
        status=status,
    )


def _registered(request: HttpRequest, visit) -> HttpResponse:
    messages.success(
        request,
        _("Visit registered: %(minutes)s minutes, arrived %(time)s on %(date)s.")
        % {
            "minutes": visit.minutes,
            "time": f"{visit.arrival:%H:%M}",
            "date": f"{visit.day:%d.%m.%Y}",
        },
    )
    return redirect("reception:counter", visit.location_id)


@require_http_methods(["GET", "POST"])
def counter(request: HttpRequest, pk: int) -> HttpResponse:
    """A tap when a visit ends: it arrived the chosen number of minutes ago."""
    location = selectors.location_for_user(request.user, pk, change=True)
    if request.method == "GET":
        return _counter(request, location)
    form = TapForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose how many minutes the visit took."))
        return _counter(request, location, status=400)
    minutes = form.cleaned_data["minutes"]
    now = timezone.localtime()
    arrived = max(
        now - timedelta(minutes=minutes),
        datetime.combine(now.date(), now.time().min, tzinfo=now.tzinfo),
    )
    try:
        visit = services.visit_register(
            actor=request.user,
            location=location,
            day=now.date(),
            arrival=arrived.time(),
            minutes=minutes,
            keep_outside_hours=form.cleaned_data["keep_outside_hours"],
        )
    except ValidationError as exc:
        return _counter(
            request,
            location,
            confirm={"minutes": minutes, "messages": exc.messages},
            status=400,
        )
    return _registered(request, visit)


@require_POST
def visit_add(request: HttpRequest, pk: int) -> HttpResponse:
    """A visit at a date and time given by hand."""
    location = selectors.location_for_user(request.user, pk, change=True)
    form = VisitForm(request.POST)
    if form.is_valid():
        try:
            visit = services.visit_register(
                actor=request.user, location=location, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return _registered(request, visit)
    return _counter(request, location, form=form, status=400)


@require_http_methods(["GET", "POST"])
def visit_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Take back a visit registered by mistake; GET asks first."""
    visit = selectors.visit_for_user(request.user, pk, change=True)
    if request.method == "POST":
        services.visit_delete(actor=request.user, visit=visit)
        messages.success(request, _("The visit was removed."))
        return redirect("reception:counter", visit.location_id)
    question = _("Remove the visit to %(place)s on %(date)s at %(time)s?") % {
        "place": visit.location.name,
        "date": f"{visit.day:%d.%m.%Y}",
        "time": f"{visit.arrival:%H:%M}",
    }
    return form_page(
        request,
        Form(),
        title=_("Remove a visit"),
        submit=_("Remove the visit"),
        back=reverse("reception:counter", args=[visit.location_id]),
        office=visit.location.office,
        intro=question,
    )


@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest, pk: int) -> HttpResponse:
    office = selectors.office_for_user(request.user, pk, change=True)
    form = ImportForm(posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            visit_import, _parsed = services.import_preview(
                actor=request.user, office=office, file=form.cleaned_data["file"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return redirect("reception:import_preview", visit_import.pk)
    return form_page(
        request,
        form,
        title=_("Import visits"),
        submit=_("Check the file"),
        back=office_url(office.pk),
        office=office,
        multipart=True,
        template="reception/import_form.html",
    )


@require_http_methods(["GET", "POST"])
def import_preview(request: HttpRequest, pk: int) -> HttpResponse:
    visit_import = selectors.import_for_user(request.user, pk, change=True)
    office = visit_import.office
    if visit_import.status == ImportStatus.DONE:
        messages.info(request, _("This file has already been imported."))
        return redirect(office_url(office.pk))
    parsed = services.parse_visits(office, visit_import.file_name, bytes(visit_import.content))
    form = ConfirmImportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            count = services.import_confirm(
                actor=request.user,
                visit_import=visit_import,
                keep_outside_hours=form.cleaned_data["keep_outside_hours"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("%(count)s visits from “%(name)s” were imported.")
                % {"count": count, "name": visit_import.file_name},
            )
            return redirect(office_url(office.pk))
    by_place: dict[str, list[int]] = {}
    for visit in parsed.visits:
        counts = by_place.setdefault(visit.location.name, [0, 0])
        counts[0] += 1
        counts[1] += visit.outside
    days = [v.day for v in parsed.visits]
    return form_page(
        request,
        form,
        title=_("Check the import of “%(name)s”") % {"name": visit_import.file_name},
        submit=_("Import the visits"),
        back=reverse("reception:import_upload", args=[office.pk]),
        office=office,
        template="reception/import_preview.html",
        total=len(parsed.visits),
        by_place=sorted(by_place.items()),
        first_day=min(days) if days else None,
        last_day=max(days) if days else None,
        sample=parsed.visits[:20],
        outside=parsed.outside[:50],
        outside_count=len(parsed.outside),
    )
