"""What the conference pages share: the form page with the event's header, downloads, and the
address e-mails link back to."""

from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.utils.http import content_disposition_header

from partnerskap.core import pages

from ..access import event_scope
from ..models import Event

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF = "application/pdf"


def base_url(request: HttpRequest) -> str:
    """This server's address, for the links in the e-mails a change sends."""
    return request.build_absolute_uri("/").rstrip("/")


def event_context(request: HttpRequest, event: Event, tab: str) -> dict:
    """What the event's header and tabs need on every internal page."""
    return {"event": event, "tab": tab, "can_manage": event_scope(request.user).can_manage(event)}


def form_page(request: HttpRequest, form: Form, **kwargs: object) -> HttpResponse:
    kwargs.setdefault("template", "conferences/form.html")
    return pages.form_page(request, form, **kwargs)  # type: ignore[arg-type]


def form_view(request: HttpRequest, form: Form, **kwargs: object) -> HttpResponse:
    kwargs.setdefault("template", "conferences/form.html")
    return pages.form_view(request, form, **kwargs)  # type: ignore[arg-type]


def download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    return HttpResponse(
        content,
        content_type=content_type,
        headers={
            "Content-Disposition": content_disposition_header(as_attachment=True, filename=filename)
        },
    )


def bound(request: HttpRequest) -> dict | None:
    """The POST data for a form, or None on GET (an empty POST is still a POST)."""
    return request.POST if request.method == "POST" else None
