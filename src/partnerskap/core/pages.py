"""Page helpers every app's views share."""

from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def form_page(
    request: HttpRequest,
    form: Form,
    *,
    template: str,
    title: str,
    submit: str,
    back: str,
    status: int | None = None,
    **extra: object,
) -> HttpResponse:
    """A page with one form; 400 when the form has errors, or the status given (409 for a
    conflict)."""
    context = {"form": form, "title": title, "submit": submit, "back": back, **extra}
    return render(request, template, context, status=status or (400 if form.errors else 200))
