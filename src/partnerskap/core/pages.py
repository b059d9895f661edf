"""Page helpers every app's views share: the one-form page and saving it through a service."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render

from .errors import ConflictError
from .forms import add_service_errors


def posted(request: HttpRequest) -> QueryDict | None:
    """The submitted data for a form: the POST when the request is one, even an empty one (an
    empty POST is a submission with every field missing, not a GET), else None (unbound)."""
    return request.POST if request.method == "POST" else None


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


def service_error(form: Form, exc: ValidationError) -> int:
    """Put the service's errors on the form; 409 for a conflict, else 400."""
    add_service_errors(form, exc)
    return 409 if isinstance(exc, ConflictError) else 400


def form_view(
    request: HttpRequest,
    form: Form,
    *,
    template: str,
    save: Callable[[dict], object],
    then: Callable[[object], tuple[str, int] | str],
    saved: str | Callable[[object], str],
    title: str,
    submit: str,
    back: str,
    **extra: object,
) -> HttpResponse:
    """The one-form page: on a valid POST `save(cleaned_data)` through a service, then redirect
    to `then(result)` (URL name and pk, or a URL) with the message `saved` (or `saved(result)`);
    service errors go on the form."""
    status = None
    if request.method == "POST" and form.is_valid():
        try:
            result = save(dict(form.cleaned_data))
        except ValidationError as exc:
            status = service_error(form, exc)
        else:
            message = saved(result) if callable(saved) else saved
            if message:
                messages.success(request, message)
            target = then(result)
            if isinstance(target, str):
                return redirect(target)
            return redirect(target[0], pk=target[1])
    return form_page(
        request,
        form,
        template=template,
        title=title,
        submit=submit,
        back=back,
        status=status,
        **extra,
    )
