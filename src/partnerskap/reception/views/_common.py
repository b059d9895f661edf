"""What the reception pages share: the one-form page and the office's page link."""

from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from partnerskap.core import pages


def form_page(request: HttpRequest, form: Form, **kwargs: object) -> HttpResponse:
    """core.pages.form_page with the reception template, which names the office (`office=`)."""
    kwargs.setdefault("template", "reception/form.html")
    return pages.form_page(request, form, **kwargs)  # type: ignore[arg-type]


def form_view(request: HttpRequest, form: Form, **kwargs: object) -> HttpResponse:
    """core.pages.form_view with the reception template, which names the office (`office=`)."""
    kwargs.setdefault("template", "reception/form.html")
    return pages.form_view(request, form, **kwargs)  # type: ignore[arg-type]


def office_url(office_id: int) -> str:
    return reverse("reception:office_reception", args=[office_id])
