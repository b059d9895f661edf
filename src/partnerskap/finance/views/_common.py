"""What the finance pages share: the one-form page and the download response."""

from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.utils.http import content_disposition_header

from partnerskap.core import pages
from partnerskap.core.pages import service_error

__all__ = ["PDF", "XLSX", "download", "form_page", "form_view", "service_error"]

PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def form_page(request: HttpRequest, form: Form, **kwargs: object) -> HttpResponse:
    """core.pages.form_page with the finance template."""
    kwargs.setdefault("template", "finance/form.html")
    return pages.form_page(request, form, **kwargs)  # type: ignore[arg-type]


def form_view(request: HttpRequest, form: Form, **kwargs: object) -> HttpResponse:
    """core.pages.form_view with the finance template."""
    kwargs.setdefault("template", "finance/form.html")
    return pages.form_view(request, form, **kwargs)  # type: ignore[arg-type]


def download(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
