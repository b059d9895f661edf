"""The annual pages: the wheel of a year, the council report (draft, texts, send) and the sent
versions' files. Thin: reads in selectors, writes in services."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from partnerskap.core.pages import form_view, posted
from partnerskap.registry.selectors import partnership_for_user

from . import selectors, services
from .forms import ReportForm
from .report import report_content
from .wheel import year_entries

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@require_GET
def wheel_now(request: HttpRequest, pk: int) -> HttpResponse:
    return wheel(request, pk, timezone.localdate().year)


@require_GET
def wheel(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    partnership = partnership_for_user(request.user, pk)
    selectors.check_year(year)
    entries = year_entries(partnership, year)
    months = [
        (MONTHS[month], [e for e in entries if e.day.month == month]) for month in range(1, 13)
    ]
    this_year = timezone.localdate().year
    context = {
        "partnership": partnership,
        "year": year,
        "months": months,
        "bodies": partnership.bodies.all(),  # prefetched: each body's annual plan of the year
        "previous": year - 1 if year > this_year - selectors.YEARS_BACK else None,
        "next": year + 1 if year < this_year + selectors.YEARS_AHEAD else None,
    }
    return render(request, "annual/wheel.html", context)


@require_GET
def report(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    partnership = partnership_for_user(request.user, pk)
    draft = selectors.report_of(partnership, year)
    context = {
        "partnership": partnership,
        "report": draft,
        "content": report_content(draft),
        "versions": list(selectors.versions_of(draft)),
        "can_change": selectors.can_change(request.user, partnership.pk),
    }
    return render(request, "annual/report.html", context)


@require_http_methods(["GET", "POST"])
def report_edit(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    partnership = partnership_for_user(request.user, pk, change=True)
    draft = selectors.report_of(partnership, year)
    initial = {"due": draft.due, "revision": draft.revision, **draft.texts}
    form = ReportForm(posted(request), initial=initial)
    return form_view(
        request,
        form,
        template="annual/form.html",
        save=lambda _data: services.report_edit(
            actor=request.user, partnership=partnership, year=year, **form.service_data()
        ),
        then=lambda saved: reverse("annual:report", args=[partnership.pk, saved.year]),
        saved=_("The report was saved."),
        title=_("The report to the municipal council %(year)s") % {"year": year},
        submit=_("Save"),
        back=reverse("annual:report", args=[partnership.pk, year]),
    )


@require_POST
def report_send(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    partnership = partnership_for_user(request.user, pk, change=True)
    selectors.check_year(year)
    try:
        version = services.report_send(actor=request.user, partnership=partnership, year=year)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("Version %(number)s was frozen as Word and PDF/A.") % {"number": version.number},
        )
    return redirect("annual:report", pk=partnership.pk, year=year)


def _file(version_file: object, content_type: str) -> FileResponse:
    name = version_file.name.rsplit("/", 1)[-1]  # type: ignore[attr-defined]
    return FileResponse(
        version_file.open("rb"),  # type: ignore[attr-defined]
        as_attachment=True,
        filename=name,
        content_type=content_type,
    )


@require_GET
def version_docx(request: HttpRequest, pk: int) -> FileResponse:
    return _file(selectors.version_for_user(request.user, pk).docx, DOCX)


@require_GET
def version_pdf(request: HttpRequest, pk: int) -> FileResponse:
    return _file(selectors.version_for_user(request.user, pk).pdf, "application/pdf")
