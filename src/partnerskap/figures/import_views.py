"""The import pages: upload, preview (with the columns to change), commit and discard.

Thin views over the selectors and services, as the other figures pages.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from partnerskap.core.forms import add_service_errors
from partnerskap.core.pages import posted
from partnerskap.registry.access import access_scope
from partnerskap.registry.selectors import partnership_for_user

from . import columns, selectors, services
from .forms import UploadForm

COLUMN_FIELD = "kolonne-"  # the page's select for file column 0 is "kolonne-0"


@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for_user(request.user, pk, change=True)
    form = UploadForm(posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            batch = services.import_preview(
                actor=request.user,
                partnership=partnership,
                file=form.cleaned_data["file"],
                source=form.cleaned_data["source"],
                extracted_on=form.cleaned_data["extracted_on"],
                period_text=form.cleaned_data["period"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return redirect("figures:import_preview", pk=pk, batch_id=batch.pk)
    return render(
        request,
        "figures/form.html",
        {
            "form": form,
            "partnership": partnership,
            "title": _("Import key figures"),
            "submit": _("Read the file and show a preview"),
            "multipart": True,
            "back": reverse("figures:overview", args=[pk]),
        },
    )


@require_GET
def import_preview(request: HttpRequest, pk: int, batch_id: int) -> HttpResponse:
    partnership = partnership_for_user(request.user, pk)
    batch = selectors.batch_for_user(request.user, partnership, batch_id)
    context = {
        "partnership": partnership,
        "batch": batch,
        "can_edit": access_scope(request.user).can_edit_partnership(pk),
        "reading": columns.described(batch),
        "column_field": COLUMN_FIELD,
    }
    return render(request, "figures/import_preview.html", context)


@require_POST
def import_columns(request: HttpRequest, pk: int, batch_id: int) -> HttpResponse:
    """Read the previewed file again with the columns as chosen on the page."""
    partnership = partnership_for_user(request.user, pk, change=True)
    batch = selectors.batch_for_user(request.user, partnership, batch_id)
    changes = {
        int(name.removeprefix(COLUMN_FIELD)): value
        for name, value in request.POST.items()
        if name.startswith(COLUMN_FIELD) and name.removeprefix(COLUMN_FIELD).isdigit()
    }
    try:
        services.import_remap(
            actor=request.user,
            batch=batch,
            revision=_int(request.POST.get("revision")),
            changes=changes,
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The file was read again with the columns as you chose."))
    return redirect("figures:import_preview", pk=pk, batch_id=batch_id)


@require_POST
def import_commit(request: HttpRequest, pk: int, batch_id: int) -> HttpResponse:
    partnership = partnership_for_user(request.user, pk, change=True)
    batch = selectors.batch_for_user(request.user, partnership, batch_id)
    try:
        written = services.import_commit(
            actor=request.user, batch=batch, revision=_int(request.POST.get("revision"))
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("figures:import_preview", pk=pk, batch_id=batch_id)
    messages.success(request, _("%(count)s figures were imported.") % {"count": written})
    return redirect("figures:overview", pk=pk)


@require_POST
def import_discard(request: HttpRequest, pk: int, batch_id: int) -> HttpResponse:
    partnership = partnership_for_user(request.user, pk, change=True)
    batch = selectors.batch_for_user(request.user, partnership, batch_id)
    try:
        services.import_discard(
            actor=request.user, batch=batch, revision=_int(request.POST.get("revision"))
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("figures:import_preview", pk=pk, batch_id=batch_id)
    messages.success(request, _("The import was discarded; nothing was saved."))
    return redirect("figures:overview", pk=pk)


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None
