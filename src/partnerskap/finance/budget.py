"""Budget follow-up (DOMAIN.md C6): the columns of an ERP budget report, recomputed.

A :class:`BudgetLine` holds what the ERP export gives per account: annual budget, budget to date
("HIÅ budsjett"), spend to date ("HIÅ forbruk") and spend this period. From these it computes
the columns the report shows: remaining for the year ("disponibelt ut året"), the difference to
date ("HIÅ bud - HIÅ forbruk"), and spend to date as a whole per cent (rounded half up) of the
budget to date and of the annual budget. A missing budget counts as zero in the amounts and gives
no per cent (``None``) rather than an error.

:func:`subtotal` adds lines up (a group, a sum of groups, everything); :func:`group_subtotals`
gives one subtotal per group in the order the groups first appear. :func:`forecast` extends the
spend to date linearly to the end of the year and gives the over- (positive) or underspend
(negative) against the annual budget.

Amounts are ``Decimal`` (ints are accepted); floats are refused, this is money.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from partnerskap.core.numbers import per_cent, round_half_up

__all__ = ["BudgetLine", "Forecast", "forecast", "group_subtotals", "subtotal"]

Amount = int | Decimal


def _amount(value: Amount | None, name: str) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise TypeError(f"{name} must be an int or Decimal, not {type(value).__name__}")
    if isinstance(value, Decimal) and not value.is_finite():
        raise ValueError(f"{name} must be finite, not {value}")
    return Decimal(value)


@dataclass(frozen=True)
class BudgetLine:
    """One account (or a subtotal) of a budget report."""

    account: str
    name: str
    group: str = ""
    annual_budget: Decimal | None = None
    budget_to_date: Decimal | None = None
    spend_to_date: Decimal = Decimal(0)
    spend_period: Decimal = Decimal(0)

    def __post_init__(self) -> None:
        for field in ("annual_budget", "budget_to_date", "spend_to_date", "spend_period"):
            value = _amount(getattr(self, field), field)
            if value is None and field in ("spend_to_date", "spend_period"):
                value = Decimal(0)
            object.__setattr__(self, field, value)

    @property
    def remaining(self) -> Decimal:
        """Left of the annual budget for the rest of the year; negative when overspent."""
        return (self.annual_budget or Decimal(0)) - self.spend_to_date

    @property
    def difference_to_date(self) -> Decimal:
        """Budget to date minus spend to date; negative when spending is ahead of the budget."""
        return (self.budget_to_date or Decimal(0)) - self.spend_to_date

    @property
    def per_cent_of_budget_to_date(self) -> Decimal | None:
        """Spend to date as a whole per cent of the budget to date; ``None`` without a budget."""
        return per_cent(self.spend_to_date, self.budget_to_date)

    @property
    def per_cent_of_annual_budget(self) -> Decimal | None:
        """Spend to date as a whole per cent of the annual budget; ``None`` without a budget."""
        return per_cent(self.spend_to_date, self.annual_budget)


def _sum_budget(values: Iterable[Decimal | None]) -> Decimal | None:
    """Missing budgets add up to missing; a missing budget next to a real one counts as zero."""
    present = [value for value in values if value is not None]
    return sum(present, Decimal(0)) if present else None


def subtotal(lines: Iterable[BudgetLine], name: str = "", group: str = "") -> BudgetLine:
    """The sum of ``lines`` as a line of its own (a group, a sum of groups or the whole budget)."""
    items = list(lines)
    return BudgetLine(
        account="",
        name=name,
        group=group,
        annual_budget=_sum_budget(line.annual_budget for line in items),
        budget_to_date=_sum_budget(line.budget_to_date for line in items),
        spend_to_date=sum((line.spend_to_date for line in items), Decimal(0)),
        spend_period=sum((line.spend_period for line in items), Decimal(0)),
    )


def group_subtotals(lines: Iterable[BudgetLine]) -> dict[str, BudgetLine]:
    """One subtotal per group, in the order the groups first appear."""
    groups: dict[str, list[BudgetLine]] = {}
    for line in lines:
        groups.setdefault(line.group, []).append(line)
    return {group: subtotal(items, group, group) for group, items in groups.items()}


@dataclass(frozen=True)
class Forecast:
    """Spend at year end if it goes on at the pace so far, and the resulting over/underspend.

    ``overspend`` is positive for an overspend and negative for an underspend; ``None`` when
    there is no annual budget to measure against.
    """

    year_end_spend: Decimal
    overspend: Decimal | None
    per_cent_of_annual_budget: Decimal | None


def forecast(line: BudgetLine, periods_elapsed: int, periods_in_year: int = 12) -> Forecast:
    """Linear forecast: spend to date / periods elapsed * periods in the year, to the øre.

    ``periods_elapsed`` counts the periods the spend to date covers (11 after November).
    """
    for name, value in (("periods_elapsed", periods_elapsed), ("periods_in_year", periods_in_year)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    if not 0 < periods_elapsed <= periods_in_year:
        raise ValueError(
            f"periods_elapsed must be between 1 and {periods_in_year}, got {periods_elapsed}"
        )
    year_end = round_half_up(
        Fraction(line.spend_to_date) * periods_in_year / periods_elapsed, places=2
    )
    overspend = None if line.annual_budget is None else year_end - line.annual_budget
    return Forecast(
        year_end_spend=year_end,
        overspend=overspend,
        per_cent_of_annual_budget=per_cent(year_end, line.annual_budget),
    )
