"""What the reception pages share: the one-form page and the office's page link."""

from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from partnerskap.registry.models import Office


def form_page(
    request: HttpRequest,
    form: Form,
    *,
    title: str,
    submit: str,
    back: str,
    office: Office,
    status: int | None = None,
    template: str = "reception/form.html",
    **extra: object,
) -> HttpResponse:
    """A page with one form; 400 when the form has errors, or the status given."""
    context = {
        "form": form,
        "title": title,
        "submit": submit,
        "back": back,
        "office": office,
        **extra,
    }
    return render(request, template, context, status=status or (400 if form.errors else 200))


def office_url(office_id: int) -> str:
    return reverse("reception:office_reception", args=[office_id])
