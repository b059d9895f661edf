"""A budget as a report: its lines, a subtotal per group, the total and a forecast.

Page, PDF and API all read this, so a line without a budget shows no per cent everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from . import budget as arithmetic
from .models import Budget


@dataclass(frozen=True)
class ReportRow:
    line: arithmetic.BudgetLine
    kind: str  # "line", "group" or "total"
    forecast: arithmetic.Forecast | None = None

    @property
    def per_cent_to_date(self) -> Decimal | None:
        return self.line.per_cent_of_budget_to_date

    @property
    def per_cent_annual(self) -> Decimal | None:
        return self.line.per_cent_of_annual_budget


@dataclass(frozen=True)
class BudgetReport:
    budget: Budget
    rows: list[ReportRow]
    total: ReportRow
    months: int

    @property
    def all_rows(self) -> list[ReportRow]:
        return [*self.rows, self.total]


def _lines(budget: Budget) -> Iterable[arithmetic.BudgetLine]:
    for line in budget.lines.all():  # prefetched, ordered by position
        yield arithmetic.BudgetLine(
            account=line.account,
            name=line.name,
            group=line.group,
            annual_budget=line.annual_budget,
            budget_to_date=line.budget_to_date,
            spend_to_date=line.spend_to_date,
            spend_period=line.spend_period,
        )


def budget_report(budget: Budget) -> BudgetReport:
    super_groups = [(s.name, list(s.groups)) for s in budget.super_groups.all()]  # prefetched
    return report_from_lines(
        budget, list(_lines(budget)), budget.periods_elapsed or 12, super_groups
    )


def report_from_lines(
    budget: Budget,
    lines: list[arithmetic.BudgetLine],
    months: int,
    super_groups: Sequence[tuple[str, list[str]]] = (),
) -> BudgetReport:
    """The report of `lines` (a saved budget's, or an import's preview); a sum of groups the
    ERP report prints follows the last of its groups, computed from their lines."""
    rows: list[ReportRow] = []
    subtotals = arithmetic.group_subtotals(lines)
    closing = {groups[-1]: (name, groups) for name, groups in super_groups if groups}
    for group, subtotal in subtotals.items():
        rows += [
            ReportRow(line, "line", arithmetic.forecast(line, months))
            for line in lines
            if line.group == group
        ]
        rows.append(ReportRow(subtotal, "group", arithmetic.forecast(subtotal, months)))
        if group in closing:
            name, groups = closing[group]
            summed = arithmetic.subtotal([x for x in lines if x.group in groups], name, name)
            rows.append(ReportRow(summed, "supergroup", arithmetic.forecast(summed, months)))
    total = arithmetic.subtotal(lines)
    return BudgetReport(
        budget, rows, ReportRow(total, "total", arithmetic.forecast(total, months)), months
    )
