"""Budgets and their imports from ERP reports (C6): all or nothing, never the same file twice."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from partnerskap.core.metrics import import_committed
from partnerskap.core.models import User
from partnerskap.core.services import claim_revision, save
from partnerskap.registry.models import Partnership

from ..budget_import import ParsedReport, parse_report
from ..models import Budget, BudgetImport, BudgetLine, BudgetSuperGroup

__all__ = [
    "budget_create",
    "budget_import_commit",
    "budget_import_preview",
    "budget_update",
]

BUDGET_FIELDS = ("name", "project", "year", "periods_elapsed")


def _check_months(value: object) -> None:
    if not isinstance(value, int) or not 1 <= value <= 12:
        raise ValidationError({"periods_elapsed": _("Months reported must be from 1 to 12.")})


@transaction.atomic
def budget_create(*, actor: User, partnership: Partnership, **fields) -> Budget:
    values = {k: v for k, v in fields.items() if k in BUDGET_FIELDS}
    budget = Budget(partnership=partnership, **values)
    _check_months(budget.periods_elapsed)
    return save(budget, actor=actor)


@transaction.atomic
def budget_update(*, actor: User, budget: Budget, revision: int | None, **fields) -> Budget:
    if "periods_elapsed" in fields:
        _check_months(fields["periods_elapsed"])
    claim_revision(Budget, budget.pk, revision)
    fresh = Budget.objects.select_for_update().get(pk=budget.pk)
    for name in BUDGET_FIELDS:
        if name in fields:
            setattr(fresh, name, fields[name])
    return save(fresh, actor=actor)


def budget_import_preview(*, budget: Budget, filename: str, content: bytes) -> ParsedReport:
    """The lines the file would give, or a ValidationError; nothing is saved."""
    report = parse_report(filename, content)
    report.check_year(budget.year)
    earlier = BudgetImport.objects.filter(budget=budget, sha256=report.sha256).first()
    if earlier is not None:
        raise ValidationError(
            _(
                "%(file)s has already been imported into this budget (as %(earlier)s on "
                "%(date)s). Nothing was imported."
            )
            % {
                "file": filename,
                "earlier": earlier.filename,
                "date": date_format(earlier.created_at, "SHORT_DATE_FORMAT"),
            }
        )
    return report


@transaction.atomic
def budget_import_commit(
    *, actor: User, budget: Budget, revision: int | None, filename: str, content: bytes
) -> BudgetImport:
    """Replace the budget's lines with the file's, in one transaction.

    `revision` is the budget's revision when the preview was shown: if someone changed the
    budget or imported into it since, this raises ConflictError and changes nothing.
    """
    report = budget_import_preview(budget=budget, filename=filename, content=content)
    claim_revision(Budget, budget.pk, revision)
    fresh = Budget.objects.select_for_update().get(pk=budget.pk)
    if report.months:
        fresh.periods_elapsed = report.months
    save(fresh, actor=actor)
    BudgetLine.objects.filter(budget=fresh).delete()
    BudgetLine.objects.bulk_create(
        BudgetLine(
            budget=fresh,
            position=position,
            group=line.group,
            account=line.account,
            name=line.name,
            annual_budget=line.annual_budget,
            budget_to_date=line.budget_to_date,
            spend_to_date=line.spend_to_date,
            spend_period=line.spend_period,
        )
        for position, line in enumerate(report.lines, start=1)
    )
    BudgetSuperGroup.objects.filter(budget=fresh).delete()
    BudgetSuperGroup.objects.bulk_create(
        BudgetSuperGroup(budget=fresh, position=position, name=name, groups=groups)
        for position, (_row, name, groups, _amounts) in enumerate(report.super_groups, start=1)
    )
    transaction.on_commit(lambda: import_committed("budget", len(report.lines)))
    return BudgetImport.objects.create(
        budget=fresh,
        filename=filename[:255],
        sha256=report.sha256,
        period_name=report.period_name,
        line_count=len(report.lines),
        imported_by=actor,
    )
