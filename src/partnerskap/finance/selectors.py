"""Reads for the finance pages, API and documents: one access check, a fixed number of queries.

Every object is reached through its partnership: 404 for people who may not read the
partnership, 403 (with `change=True`) for readers who may not change it.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404

from partnerskap.core.models import User
from partnerskap.registry.access import access_scope
from partnerskap.registry.models import Owner

from .models import AgreementPeriod, Budget, BudgetImport, OperatingAgreement, SpecialService


def _check(user: User, partnership_id: int, change: bool) -> None:
    scope = access_scope(user)
    if not scope.can_read_partnership(partnership_id):
        raise Http404
    if change and not scope.can_edit_partnership(partnership_id):
        raise PermissionDenied


def can_change(user: User, partnership_id: int) -> bool:
    return access_scope(user).can_edit_partnership(partnership_id)


def agreements_of(partnership_id: int) -> QuerySet[OperatingAgreement]:
    return (
        OperatingAgreement.objects.filter(partnership_id=partnership_id)
        .annotate(period_count=Count("periods"))
        .order_by("title", "pk")
    )


def agreement_for_user(user: User, pk: int, *, change: bool = False) -> OperatingAgreement:
    agreement = OperatingAgreement.objects.select_related("partnership").filter(pk=pk).first()
    if agreement is None:
        raise Http404
    _check(user, agreement.partnership_id, change)
    return agreement


def periods_of(agreement: OperatingAgreement) -> QuerySet[AgreementPeriod]:
    return agreement.periods.order_by("-starts", "pk")


def period_for_user(user: User, pk: int, *, change: bool = False) -> AgreementPeriod:
    """The period with what its settlement needs: four queries whatever the data."""
    period = (
        AgreementPeriod.objects.select_related("agreement", "agreement__partnership")
        .prefetch_related(
            Prefetch("special_services", queryset=SpecialService.objects.order_by("name", "pk")),
            "member_weights",
            Prefetch(
                "agreement__partnership__owners",
                queryset=Owner.objects.select_related("municipality", "county"),
            ),
        )
        .filter(pk=pk)
        .first()
    )
    if period is None:
        raise Http404
    _check(user, period.agreement.partnership_id, change)
    return period


def special_service_for_user(user: User, pk: int) -> SpecialService:
    service = SpecialService.objects.select_related("period__agreement").filter(pk=pk).first()
    if service is None:
        raise Http404
    _check(user, service.period.agreement.partnership_id, True)
    return service


def budgets_of(partnership_id: int) -> QuerySet[Budget]:
    return Budget.objects.filter(partnership_id=partnership_id).order_by("-year", "name", "pk")


def budget_for_user(user: User, pk: int, *, change: bool = False) -> Budget:
    budget = (
        Budget.objects.select_related("partnership")
        .prefetch_related(
            "lines",
            "super_groups",
            Prefetch(
                "imports",
                queryset=BudgetImport.objects.select_related("imported_by").order_by(
                    "-created_at", "-pk"
                ),
            ),
        )
        .filter(pk=pk)
        .first()
    )
    if budget is None:
        raise Http404
    _check(user, budget.partnership_id, change)
    return budget
