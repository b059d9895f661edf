"""Operating agreement pages (C4): agreements, periods, member keys and the settlement."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from partnerskap.core.pages import posted
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
from ._common import PDF, XLSX, download, form_view

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
    "special_service_remove",
]


def _revision(data: dict) -> tuple[dict, int | None]:
    revision = data.pop("revision", None)
    return data, revision


@require_GET
def agreement_list(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for_user(request.user, pk)
    context = {
        "partnership": partnership,
        "page": paginate(request, selectors.agreements_of(partnership.pk)),
        "can_change": selectors.can_change(request.user, partnership.pk),
    }
    return render(request, "finance/agreement_list.html", context)


@require_http_methods(["GET", "POST"])
def agreement_create(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for_user(request.user, pk, change=True)
    return form_view(
        request,
        AgreementForm(posted(request)),
        save=lambda data: services.agreement_create(
            actor=request.user, partnership=partnership, **data
        ),
        then=lambda agreement: ("finance:agreement_detail", agreement.pk),
        saved=_("The operating agreement was created."),
        title=_("New operating agreement for %(name)s") % {"name": partnership.name},
        submit=_("Create"),
        back=reverse("finance:agreement_list", args=[partnership.pk]),
    )


@require_GET
def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = selectors.agreement_for_user(request.user, pk)
    context = {
        "agreement": agreement,
        "page": paginate(request, selectors.periods_of(agreement)),
        "can_change": selectors.can_change(request.user, agreement.partnership_id),
    }
    return render(request, "finance/agreement_detail.html", context)


@require_http_methods(["GET", "POST"])
def agreement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = selectors.agreement_for_user(request.user, pk, change=True)

    def save(data: dict) -> object:
        data, revision = _revision(data)
        return services.agreement_update(
            actor=request.user, agreement=agreement, revision=revision, **data
        )

    return form_view(
        request,
        AgreementEditForm(
            posted(request), instance=agreement, initial={"revision": agreement.revision}
        ),
        save=save,
        then=lambda saved: ("finance:agreement_detail", saved.pk),
        saved=_("The operating agreement was saved."),
        title=_("Change %(title)s") % {"title": agreement.title},
        submit=_("Save"),
        back=reverse("finance:agreement_detail", args=[agreement.pk]),
    )


@require_http_methods(["GET", "POST"])
def period_create(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = selectors.agreement_for_user(request.user, pk, change=True)
    return form_view(
        request,
        PeriodForm(posted(request)),
        save=lambda data: services.period_create(actor=request.user, agreement=agreement, **data),
        then=lambda period: ("finance:period_detail", period.pk),
        saved=_("The period was saved."),
        title=_("New period in %(title)s") % {"title": agreement.title},
        submit=_("Save"),
        back=reverse("finance:agreement_detail", args=[agreement.pk]),
    )


@require_http_methods(["GET", "POST"])
def period_edit(request: HttpRequest, pk: int) -> HttpResponse:
    period = selectors.period_for_user(request.user, pk, change=True)

    def save(data: dict) -> object:
        data, revision = _revision(data)
        return services.period_update(actor=request.user, period=period, revision=revision, **data)

    return form_view(
        request,
        PeriodEditForm(posted(request), instance=period, initial={"revision": period.revision}),
        save=save,
        then=lambda saved: ("finance:period_detail", saved.pk),
        saved=_("The period was saved."),
        title=_("Change the period %(label)s") % {"label": period.label},
        submit=_("Save"),
        back=reverse("finance:period_detail", args=[period.pk]),
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
    form = MemberWeightsForm(
        posted(request),
        municipalities=services.member_municipalities(period.agreement.partnership),
        saved={w.municipality_id: w for w in period.member_weights.all()},
        initial={"revision": period.revision},
    )
    return form_view(
        request,
        form,
        save=lambda data: services.member_weights_set(
            actor=request.user, period=period, revision=data["revision"], weights=form.weights()
        ),
        then=lambda saved: ("finance:period_detail", saved.pk),
        saved=_("The member municipalities' key was saved."),
        title=_("Key between the member municipalities, %(label)s") % {"label": period.label},
        submit=_("Save"),
        back=reverse("finance:period_detail", args=[period.pk]),
    )


@require_http_methods(["GET", "POST"])
def special_service_add(request: HttpRequest, pk: int) -> HttpResponse:
    period = selectors.period_for_user(request.user, pk, change=True)
    return form_view(
        request,
        SpecialServiceForm(posted(request)),
        save=lambda data: services.special_service_add(actor=request.user, period=period, **data),
        then=lambda _service: ("finance:period_detail", period.pk),
        saved=_("The special service was added."),
        title=_("Special service in %(label)s") % {"label": period.label},
        submit=_("Add"),
        back=reverse("finance:period_detail", args=[period.pk]),
    )


@require_POST
def special_service_remove(request: HttpRequest, pk: int) -> HttpResponse:
    service = selectors.special_service_for_user(request.user, pk)
    services.special_service_remove(actor=request.user, service=service)
    messages.success(request, _("%(name)s was removed.") % {"name": service.name})
    return redirect("finance:period_detail", pk=service.period_id)


@require_GET
def settlement_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    result = period_settlement(selectors.period_for_user(request.user, pk))
    return download(documents.settlement_pdf(result), documents.filename(result, "pdf"), PDF)


@require_GET
def settlement_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    result = period_settlement(selectors.period_for_user(request.user, pk))
    return download(documents.settlement_xlsx(result), documents.filename(result, "xlsx"), XLSX)
