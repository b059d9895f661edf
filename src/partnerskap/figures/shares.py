"""Shares, totals and period comparisons computed the way NAV's reports do (DOMAIN.md C5).

All arithmetic is exact (``Fraction``); only the final result is rounded. NAV rounds *half up*:
a share of exactly 94.5 % is shown as 95 %. For negative values (which only occur in budgets and
period changes) the half is rounded away from zero, as a spreadsheet's ``ROUND`` does, so that
``-x`` always rounds to the negation of ``x``.

Public API:

* :func:`round_half_up` -- round an exact number to ``places`` decimals.
* :func:`per_cent` -- ``part`` as a per cent of ``whole``; ``None`` when ``whole`` is zero/missing.
* :func:`share` -- the same for non-negative counts, as a whole per cent by default.
* :func:`total` -- the sum of counts.
* :class:`Discrepancy`, :func:`check_share`, :func:`check_total`, :func:`check_row` -- compare a
  table's stated shares and totals with those recomputed from its counts.
* :class:`Change`, :func:`compare` -- period against period: change and per cent change.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from partnerskap.core.numbers import Number, exact, per_cent, round_half_up

__all__ = [
    "Change",
    "Discrepancy",
    "Number",
    "check_row",
    "check_share",
    "check_total",
    "compare",
    "per_cent",
    "round_half_up",
    "share",
    "total",
]


def _count(value: int, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    if value < 0:
        raise ValueError(f"{name} must not be negative, got {value}")
    return value


def share(part: int, whole: int, places: int = 0) -> Decimal | None:
    """The share of ``whole`` that ``part`` is, in per cent; for counts (``0 <= part <= whole``).

    ``None`` when ``whole`` is zero: there is no share of nobody.

    >>> share(15_726, 16_641)
    Decimal('95')
    """
    _count(part, "part")
    _count(whole, "whole")
    if part > whole:
        raise ValueError(f"part ({part}) cannot be larger than whole ({whole})")
    return per_cent(part, whole, places)


def total(counts: Iterable[int]) -> int:
    """The sum of non-negative counts."""
    return sum(_count(count, "count") for count in counts)


@dataclass(frozen=True)
class Discrepancy:
    """A stated figure that does not agree with the one recomputed from the counts."""

    field: str
    stated: Decimal | int
    computed: Decimal | int | None


def _places(stated: Decimal | int) -> int:
    """How many decimals a stated share was given with (95 -> 0, Decimal('94.9') -> 1)."""
    if isinstance(stated, Decimal):
        exponent = stated.as_tuple().exponent
        return max(0, -exponent) if isinstance(exponent, int) else 0
    return 0


def check_share(
    part: int, whole: int, stated: Decimal | int | None, field: str = "share"
) -> Discrepancy | None:
    """Compare a stated share with ``part`` of ``whole``, at the precision the share was stated.

    A missing stated share is not a discrepancy; a stated share where none can be computed
    (``whole`` is zero) or one outside 0-100 is.
    """
    if stated is None:
        return None
    if isinstance(stated, bool) or not isinstance(stated, int | Decimal):
        raise TypeError(f"stated share must be an int or Decimal, not {type(stated).__name__}")
    computed = share(part, whole, _places(stated)) if part <= whole else None
    if computed is None or computed != Decimal(stated) or not 0 <= stated <= 100:
        return Discrepancy(field, stated, computed)
    return None


def check_total(
    counts: Iterable[int], stated: int | None, field: str = "total"
) -> Discrepancy | None:
    """Compare a stated total with the sum of ``counts``; a missing total is not a discrepancy."""
    if stated is None:
        return None
    computed = total(counts)
    return None if computed == stated else Discrepancy(field, stated, computed)


def check_row(
    *,
    part: int,
    whole: int,
    stated_share: Decimal | int | None = None,
    parts: Sequence[int] | None = None,
    stated_total: int | None = None,
) -> list[Discrepancy]:
    """Every way a table row's stated share or total disagrees with its counts.

    ``part`` of ``whole`` gives the share; ``parts`` (if given) are the counts that should add up
    to ``stated_total`` (``whole`` when no total is stated separately). A part larger than the
    whole is reported as a discrepancy of the field ``part``.

    >>> check_row(part=2_387, whole=2_731, stated_share=87)
    []
    """
    _count(part, "part")
    _count(whole, "whole")
    found: list[Discrepancy] = []
    if part > whole:
        found.append(Discrepancy("part", part, None))
    share_problem = check_share(part, whole, stated_share)
    if share_problem is not None:
        found.append(share_problem)
    if parts is not None:
        total_problem = check_total(parts, whole if stated_total is None else stated_total)
        if total_problem is not None:
            found.append(total_problem)
    return found


@dataclass(frozen=True)
class Change:
    """One figure in two periods: the change and the per cent change (``None`` from zero)."""

    before: Decimal
    after: Decimal
    change: Decimal
    per_cent: Decimal | None


def compare(before: Number, after: Number, places: int = 1) -> Change:
    """Period against period; per cent change with one decimal, rounded half up.

    >>> compare(581, 1_130).per_cent
    Decimal('94.5')
    """
    old, new = exact(before, "before"), exact(after, "after")
    difference = new - old
    relative = None if old == 0 else round_half_up(difference * 100 / abs(old), places)
    return Change(
        before=_decimal(old), after=_decimal(new), change=_decimal(difference), per_cent=relative
    )


def _decimal(value: Fraction) -> Decimal:
    """An exact fraction as a decimal; inputs are ints and Decimals, so their sums terminate."""
    return Decimal(value.numerator) / Decimal(value.denominator)
