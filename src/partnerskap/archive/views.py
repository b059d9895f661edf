"""The archive staff's extraction page and the public index, agendas and feeds."""

import tempfile
from datetime import date

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods

from partnerskap.core.forms import add_service_errors
from partnerskap.core.nav import public_links
from partnerskap.core.pagination import paginate
from partnerskap.meetings import selectors as meeting_selectors

from . import extraction, selectors
from .feeds import BodyFeed
from .forms import ExtractionForm


@require_GET
def extract_index(request: HttpRequest) -> HttpResponse:
    page = paginate(request, selectors.extractable_bodies(request.user))
    return render(request, "archive/extract_index.html", {"page": page})


@require_http_methods(["GET", "POST"])
def extract(request: HttpRequest, pk: int) -> HttpResponse:
    body = selectors.archive_body_for_user(request.user, pk)
    if request.method == "POST":
        form = ExtractionForm(request.POST)
        if form.is_valid():
            start, end = form.cleaned_data["start"], form.cleaned_data["end"]
            # On disk, not in memory: a decade of PDFs goes out as it was written.
            out = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it
            try:
                summary = extraction.extract(
                    body=body, start=start, end=end, out=out, by=request.user.display_name
                )
            except ValidationError as exc:
                out.close()
                add_service_errors(form, exc)
            else:
                out.seek(0)
                name = f"noark5-{body.slug}-{start:%Y%m%d}-{end:%Y%m%d}-{summary.package_id}.tar"
                return FileResponse(
                    out, as_attachment=True, filename=name, content_type="application/x-tar"
                )
    else:
        year = date.today().year - 1
        form = ExtractionForm(initial={"start": date(year, 1, 1), "end": date(year, 12, 31)})
    status = 400 if form.errors else 200
    return render(request, "archive/extract.html", {"form": form, "body": body}, status=status)


@login_not_required
@require_GET
def public_index(request: HttpRequest) -> HttpResponse:
    page = paginate(request, selectors.public_bodies())
    upcoming = list(selectors.upcoming_meetings()[:20])
    context = {"page": page, "upcoming": upcoming, "public_links": public_links()}
    return render(request, "archive/public_index.html", context)


@login_not_required
@require_GET
def public_upcoming(request: HttpRequest, slug: str) -> HttpResponse:
    body = meeting_selectors.public_body(slug)
    meetings = selectors.upcoming_meetings(body).prefetch_related(selectors.public_items())
    page = paginate(request, meetings, per_page=10)
    return render(request, "archive/public_upcoming.html", {"body": body, "page": page})


public_feed = login_not_required(require_GET(BodyFeed()))
