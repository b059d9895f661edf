"""The lines of a computation, and amounts allocated to the øre by weights."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from .inputs import (
    ZeroTotalError,
    _display,
    _from_ore,
    _money,
    _non_negative,
    _to_ore,
)

# --------------------------------------------------------------------------------------------
# Lines of a computation
# --------------------------------------------------------------------------------------------


class LineKey(StrEnum):
    """What a :class:`Line` states; each maps to one translated description in the UI."""

    FTE_REPORTED = "fte.reported"
    LEADER_POSITION = "fte.leader_position"
    FTE_COUNTED = "fte.counted"
    FTE_TOTAL = "fte.total"
    POOL_AMOUNT = "pool.amount"
    SHARE_EXACT = "share.exact"
    SHARE_ROUNDED_DOWN = "share.rounded_down"
    SHARE_REMAINDER = "share.remainder"
    SHARE = "share"
    SHARE_CHECK = "share.check"
    SHARED_TOTAL = "owner.shared_total"
    SPECIAL_SERVICE = "special_service"
    SPECIAL_TOTAL = "owner.special_total"
    OWNER_TOTAL = "owner.total"
    GRAND_TOTAL = "total"
    MEMBER_WEIGHT = "member.weight"
    MEMBER_WEIGHT_TOTAL = "member.weight_total"


@dataclass(frozen=True)
class Line:
    """One step of a computation: ``formula`` applied to ``inputs`` gives ``result``.

    ``inputs`` holds the named values the step uses (numbers as ``Decimal``, names and choices as
    ``str``); ``formula`` is a plain expression over those names, not a translatable text.
    ``result`` is exact except for :attr:`LineKey.SHARE_EXACT` lines, which show the exact quota
    to :data:`EXACT_DISPLAY_PLACES` decimals.
    """

    key: LineKey
    inputs: dict[str, Decimal | str]
    formula: str
    result: Decimal


# --------------------------------------------------------------------------------------------
# Largest-remainder allocation
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Part:
    exact: Fraction  # the exact quota in øre
    floor: int  # rounded down, in øre
    extra: int  # 0 or 1 øre from the remainder
    rank: int | None  # place in the remainder order, when it got an øre

    @property
    def ore(self) -> int:
        return self.floor + self.extra


def _allocate_ore(total_ore: int, weights: Sequence[Fraction]) -> list[_Part]:
    weight_sum = sum(weights, Fraction(0))
    exact = [total_ore * w / weight_sum for w in weights]
    floors = [q.numerator // q.denominator for q in exact]
    remainder = total_ore - sum(floors)
    # Largest discarded fraction first; ties in the order the parts were given.
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - floors[i]), i))
    ranks = {i: rank for rank, i in enumerate(order[:remainder], start=1)}
    return [
        _Part(exact[i], floors[i], 1 if i in ranks else 0, ranks.get(i))
        for i in range(len(weights))
    ]


def allocate(total: Decimal, weights: Sequence[Decimal | int]) -> tuple[Decimal, ...]:
    """Split ``total`` (NOK, øre precision, non-negative) in proportion to ``weights``.

    Largest-remainder method: the parts are the exact quotas rounded down to the øre, and the øre
    left over go to the parts with the largest discarded fractions, ties to the earlier part.
    The parts are non-negative, add up to ``total`` exactly, and each differs from its exact
    quota by less than one øre.

    Raises :class:`CostSharingError` for a negative or too precise total, a negative or non-number
    weight, or weights that add up to zero (field ``weights``).
    """
    total = _money(total, "total")
    checked = [Fraction(_non_negative(w, "weights", item=i)) for i, w in enumerate(weights)]
    if not sum(checked, Fraction(0)):
        raise ZeroTotalError("weights", list(weights))
    return tuple(_from_ore(part.ore) for part in _allocate_ore(_to_ore(total), checked))


def _part_lines(
    part: _Part,
    who: dict[str, Decimal | str],
    weight: Decimal,
    weight_total: Decimal,
    amount: Decimal,
    left_over: int,
) -> list[Line]:
    """One part's lines: its exact share, rounded down, its øre of the remainder, its share."""
    return [
        Line(
            LineKey.SHARE_EXACT,
            {**who, "amount": amount, "weight": weight, "weight_total": weight_total},
            "amount * weight / weight_total",
            _display(part.exact / 100),
        ),
        Line(
            LineKey.SHARE_ROUNDED_DOWN,
            {**who, "exact": _display(part.exact / 100)},
            "floor_to_ore(exact)",
            _from_ore(part.floor),
        ),
        Line(
            LineKey.SHARE_REMAINDER,
            {
                **who,
                "remainder_rank": Decimal(part.rank) if part.rank else "-",
                "ore_left_over": Decimal(left_over),
            },
            "0.01 if remainder_rank <= ore_left_over else 0.00",
            _from_ore(part.extra),
        ),
        Line(
            LineKey.SHARE,
            {**who, "rounded_down": _from_ore(part.floor), "remainder": _from_ore(part.extra)},
            "rounded_down + remainder",
            _from_ore(part.ore),
        ),
    ]


def _share_lines(
    parts: list[_Part],
    labels: Sequence[tuple[str, str]],
    weights: Sequence[Decimal],
    weight_total: Decimal,
    amount: Decimal,
    context: dict[str, Decimal | str],
) -> list[Line]:
    """The lines of one largest-remainder split: per part exact, rounded down, remainder, share.

    ``labels`` are ``(input name, value)`` pairs naming each part (e.g. ``("owner", "state")``).
    """
    left_over = sum(part.extra for part in parts)
    lines: list[Line] = []
    for part, (label, name), weight in zip(parts, labels, weights, strict=True):
        who: dict[str, Decimal | str] = {**context, label: name}
        lines += _part_lines(part, who, weight, weight_total, amount, left_over)
    lines.append(
        Line(
            LineKey.SHARE_CHECK,
            {
                **context,
                **{name: _from_ore(p.ore) for p, (_, name) in zip(parts, labels, strict=True)},
            },
            "sum(shares)",
            _from_ore(sum(p.ore for p in parts)),
        )
    )
    return lines
