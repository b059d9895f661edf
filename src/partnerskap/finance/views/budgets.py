"""Budget pages (C6): budgets, the report, and the import with a preview before it is saved."""

import base64
import binascii

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from partnerskap.core.pages import posted
from partnerskap.core.pagination import paginate
from partnerskap.registry.selectors import partnership_for_user

from .. import documents, selectors, services
from ..budget_report import budget_report, report_from_lines
from ..forms import BudgetEditForm, BudgetForm, BudgetUploadForm
from ._common import PDF, XLSX, download, form_page, form_view, service_error

__all__ = [
    "budget_create",
    "budget_detail",
    "budget_edit",
    "budget_import",
    "budget_list",
    "budget_pdf",
    "budget_xlsx",
]


@require_GET
def budget_list(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for_user(request.user, pk)
    context = {
        "partnership": partnership,
        "page": paginate(request, selectors.budgets_of(partnership.pk)),
        "can_change": selectors.can_change(request.user, partnership.pk),
    }
    return render(request, "finance/budget_list.html", context)


@require_http_methods(["GET", "POST"])
def budget_create(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for_user(request.user, pk, change=True)
    return form_view(
        request,
        BudgetForm(posted(request)),
        save=lambda data: services.budget_create(
            actor=request.user, partnership=partnership, **data
        ),
        then=lambda budget: ("finance:budget_import", budget.pk),
        saved=_("The budget was created. Import the first report."),
        title=_("New budget for %(name)s") % {"name": partnership.name},
        submit=_("Create"),
        back=reverse("finance:budget_list", args=[partnership.pk]),
    )


@require_GET
def budget_detail(request: HttpRequest, pk: int) -> HttpResponse:
    budget = selectors.budget_for_user(request.user, pk)
    context = {
        "budget": budget,
        "report": budget_report(budget),
        "imports": budget.imports.all()[:5],
        "can_change": selectors.can_change(request.user, budget.partnership_id),
    }
    return render(request, "finance/budget_detail.html", context)


@require_http_methods(["GET", "POST"])
def budget_edit(request: HttpRequest, pk: int) -> HttpResponse:
    budget = selectors.budget_for_user(request.user, pk, change=True)

    def save(data: dict) -> object:
        revision = data.pop("revision", None)
        return services.budget_update(actor=request.user, budget=budget, revision=revision, **data)

    return form_view(
        request,
        BudgetEditForm(posted(request), instance=budget, initial={"revision": budget.revision}),
        save=save,
        then=lambda saved: ("finance:budget_detail", saved.pk),
        saved=_("The budget was saved."),
        title=_("Change %(name)s") % {"name": budget.name},
        submit=_("Save"),
        back=reverse("finance:budget_detail", args=[budget.pk]),
    )


@require_http_methods(["GET", "POST"])
def budget_import(request: HttpRequest, pk: int) -> HttpResponse:
    """Upload shows a preview (nothing saved); confirming the preview imports the same bytes."""
    budget = selectors.budget_for_user(request.user, pk, change=True)
    back = reverse("finance:budget_detail", args=[budget.pk])
    if request.method == "POST" and "content" in request.POST:
        return _commit(request, budget, back)
    form = BudgetUploadForm(posted(request), request.FILES or None)
    status = None
    if request.method == "POST" and form.is_valid() and not form.cleaned_data["file"]:
        form.add_error("file", _("Choose the file to import."))
        status = 400
    elif request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        content = upload.read()
        try:
            report = services.budget_import_preview(
                budget=budget, filename=upload.name, content=content
            )
        except ValidationError as exc:
            status = service_error(form, exc)
        else:
            context = {
                "budget": budget,
                "report": report,
                "preview": report_from_lines(
                    budget,
                    [line.arithmetic() for line in report.lines],
                    report.months or budget.periods_elapsed,
                    [(name, groups) for _row, name, groups, _amounts in report.super_groups],
                ),
                "differences": report.differences(),
                "content": base64.b64encode(content).decode(),
                "back": back,
            }
            return render(request, "finance/budget_preview.html", context)
    return form_page(
        request,
        form,
        title=_("Import a budget report into %(name)s") % {"name": budget.name},
        submit=_("Show preview"),
        back=back,
        status=status,
        multipart=True,
    )


def _commit(request: HttpRequest, budget, back: str) -> HttpResponse:
    form = BudgetUploadForm(data={}, files={})
    form.is_valid()  # bound and clean, so that errors can be added to it
    filename = request.POST.get("filename", "")[:255]
    try:
        content = base64.b64decode(request.POST["content"], validate=True)
        revision = int(request.POST.get("revision", ""))
    except (binascii.Error, ValueError):
        form.add_error(None, _("The preview could not be read back. Upload the file again."))
        return form_page(
            request,
            form,
            title=_("Import a budget report"),
            submit=_("Show preview"),
            back=back,
            status=400,
            multipart=True,
        )
    try:
        imported = services.budget_import_commit(
            actor=request.user,
            budget=budget,
            revision=revision,
            filename=filename,
            content=content,
        )
    except ValidationError as exc:
        status = service_error(form, exc)
        return form_page(
            request,
            form,
            title=_("Import a budget report into %(name)s") % {"name": budget.name},
            submit=_("Show preview"),
            back=back,
            status=status,
            multipart=True,
        )
    messages.success(
        request,
        _("%(file)s was imported: %(count)s lines.")
        % {"file": imported.filename, "count": imported.line_count},
    )
    return redirect("finance:budget_detail", pk=budget.pk)


@require_GET
def budget_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    budget = selectors.budget_for_user(request.user, pk)
    report = budget_report(budget)
    return download(documents.budget_pdf(report), f"budsjett-{budget.pk}.pdf", PDF)


@require_GET
def budget_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    budget = selectors.budget_for_user(request.user, pk)
    report = budget_report(budget)
    return download(documents.budget_xlsx(report), f"budsjett-{budget.pk}.xlsx", XLSX)
