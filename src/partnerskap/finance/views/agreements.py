"""Operating agreement pages (C4): agreements, periods, member keys and the settlement."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from partnerskap.core.pagination import paginate
from partnerskap.registry.selectors import partnership_for_user

from .. import documents, selectors, services
from ..forms import (
    AgreementEditForm,
    AgreementForm,
    MemberWeightsForm,
    PeriodEditForm,
    PeriodForm,
    SpecialServiceForm,
)
from ..settlement import period_settlement
from ._common import PDF, XLSX, download, form_page, service_error

__all__ = [
    "agreement_create",
    "agreement_detail",
    "agreement_edit",
    "agreement_list",
    "member_weights",
    "period_create",
    "period_detail",
    "period_edit",
    "settlement_pdf",
    "settlement_xlsx",
    "special_service_add",
]


@require_GET
def agreement_list(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for_user(request.user, pk)
    page = paginate(request, selectors.agreements_of(partnership.pk))
    context = {
        "partnership": partnership,
        "page": page,
        "can_change": selectors.can_change(request.user, partnership.pk),
    }
    return render(request, "finance/agreement_list.html", context)


@require_http_methods(["GET", "POST"])
def agreement_create(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for_user(request.user, pk, change=True)
    form = AgreementForm(request.POST or None)
    status = None
    if request.method == "POST" and form.is_valid():
        try:
            agreement = services.agreement_create(
                actor=request.user, partnership=partnership, **form.cleaned_data
            )
        except ValidationError as exc:
            status = service_error(form, exc)
        else:
            messages.success(request, _("The operating agreement was created."))
            return redirect("finance:agreement_detail", pk=agreement.pk)
    return form_page(
        request,
        form,
        title=_("New operating agreement for %(name)s") % {"name": partnership.name},
        submit=_("Create"),
        back=reverse("finance:agreement_list", args=[partnership.pk]),
        status=status,
    )


@require_GET
def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = selectors.agreement_for_user(request.user, pk)
    page = paginate(request, selectors.periods_of(agreement))
    context = {
        "agreement": agreement,
        "page": page,
        "can_change": selectors.can_change(request.user, agreement.partnership_id),
    }
    return render(request, "finance/agreement_detail.html", context)


@require_http_methods(["GET", "POST"])
def agreement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = selectors.agreement_for_user(request.user, pk, change=True)
    form = AgreementEditForm(
        request.POST or None, instance=agreement, initial={"revision": agreement.revision}
    )
    status = None
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        revision = data.pop("revision")
        try:
            services.agreement_update(
                actor=request.user, agreement=agreement, revision=revision, **data
            )
        except ValidationError as exc:
            status = service_error(form, exc)
        else:
            messages.success(request, _("The operating agreement was saved."))
            return redirect("finance:agreement_detail", pk=agreement.pk)
    return form_page(
        request,
        form,
        title=_("Change %(title)s") % {"title": agreement.title},
        submit=_("Save"),
        back=reverse("finance:agreement_detail", args=[agreement.pk]),
        status=status,
    )


@require_http_methods(["GET", "POST"])
def period_create(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = selectors.agreement_for_user(request.user, pk, change=True)
    form = PeriodForm(request.POST or None)
    status = None
    if request.method == "POST" and form.is_valid():
        try:
            period = services.period_create(
                actor=request.user, agreement=agreement, **form.values()
            )
        except ValidationError as exc:
            status = service_error(form, exc)
        else:
            messages.success(request, _("The period was saved."))
            return redirect("finance:period_detail", pk=period.pk)
    return form_page(
        request,
        form,
        title=_("New period in %(title)s") % {"title": agreement.title},
        submit=_("Save"),
        back=reverse("finance:agreement_detail", args=[agreement.pk]),
        status=status,
    )


@require_http_methods(["GET", "POST"])
def period_edit(request: HttpRequest, pk: int) -> HttpResponse:
    period = selectors.period_for_user(request.user, pk, change=True)
    form = PeriodEditForm(
        request.POST or None, instance=period, initial={"revision": period.revision}
    )
    status = None
    if request.method == "POST" and form.is_valid():
        try:
            services.period_update(
                actor=request.user,
                period=period,
                revision=form.cleaned_data["revision"],
                **form.values(),
            )
        except ValidationError as exc:
            status = service_error(form, exc)
        else:
            messages.success(request, _("The period was saved."))
            return redirect("finance:period_detail", pk=period.pk)
    return form_page(
        request,
        form,
        title=_("Change the period %(label)s") % {"label": period.label},
        submit=_("Save"),
        back=reverse("finance:period_detail", args=[period.pk]),
        status=status,
    )


@require_GET
def period_detail(request: HttpRequest, pk: int) -> HttpResponse:
    period = selectors.period_for_user(request.user, pk)
    context = {
        "period": period,
        "agreement": period.agreement,
        "result": period_settlement(period),
        "can_change": selectors.can_change(request.user, period.agreement.partnership_id),
    }
    return render(request, "finance/period_detail.html", context)


@require_http_methods(["GET", "POST"])
def member_weights(request: HttpRequest, pk: int) -> HttpResponse:
    period = selectors.period_for_user(request.user, pk, change=True)
    municipalities = services.member_municipalities(period.agreement.partnership)
    saved = {w.municipality_id: w for w in period.member_weights.all()}
    form = MemberWeightsForm(
        request.POST or None,
        municipalities=municipalities,
        saved=saved,
        initial={"revision": period.revision},
    )
    status = None
    if request.method == "POST" and form.is_valid():
        try:
            services.member_weights_set(
                actor=request.user,
                period=period,
                revision=form.cleaned_data["revision"],
                weights=form.weights(),
            )
        except ValidationError as exc:
            status = service_error(form, exc)
        else:
            messages.success(request, _("The member municipalities' key was saved."))
            return redirect("finance:period_detail", pk=period.pk)
    return form_page(
        request,
        form,
        title=_("Key between the member municipalities, %(label)s") % {"label": period.label},
        submit=_("Save"),
        back=reverse("finance:period_detail", args=[period.pk]),
        status=status,
    )


@require_http_methods(["GET", "POST"])
def special_service_add(request: HttpRequest, pk: int) -> HttpResponse:
    period = selectors.period_for_user(request.user, pk, change=True)
    form = SpecialServiceForm(request.POST or None)
    status = None
    if request.method == "POST" and form.is_valid():
        try:
            services.special_service_add(actor=request.user, period=period, **form.cleaned_data)
        except ValidationError as exc:
            status = service_error(form, exc)
        else:
            messages.success(request, _("The special service was added."))
            return redirect("finance:period_detail", pk=period.pk)
    return form_page(
        request,
        form,
        title=_("Special service in %(label)s") % {"label": period.label},
        submit=_("Add"),
        back=reverse("finance:period_detail", args=[period.pk]),
        status=status,
    )


@require_GET
def settlement_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    result = period_settlement(selectors.period_for_user(request.user, pk))
    return download(documents.settlement_pdf(result), documents.filename(result, "pdf"), PDF)


@require_GET
def settlement_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    result = period_settlement(selectors.period_for_user(request.user, pk))
    return download(documents.settlement_xlsx(result), documents.filename(result, "xlsx"), XLSX)
