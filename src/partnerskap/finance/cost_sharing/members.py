"""The municipal share split among the member municipalities of a host partnership."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from .inputs import (
    _EXACT,
    CostSharingError,
    ErrorCode,
    HostKey,
    NotWholeNumberError,
    PercentagesError,
    ZeroTotalError,
    _choice,
    _from_ore,
    _money,
    _non_negative,
    _to_ore,
)
from .lines import Line, LineKey, _allocate_ore, _share_lines

# --------------------------------------------------------------------------------------------
# Host-municipality split
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberShare:
    """One member municipality's weight under the key and its share."""

    name: str
    weight: Decimal
    share: Decimal


@dataclass(frozen=True)
class MemberSplit:
    """The municipal share split among the members of a host-municipality partnership."""

    key: HostKey
    amount: Decimal
    members: tuple[MemberShare, ...]
    lines: tuple[Line, ...] = field(repr=False)

    def share_of(self, name: str) -> Decimal:
        for member in self.members:
            if member.name == name:
                return member.share
        raise KeyError(name)

    def as_dict(self) -> dict[str, Decimal]:
        return {member.name: member.share for member in self.members}


def _checked_weights(
    key: HostKey, weights: Mapping[str, Decimal | int], field_name: str
) -> tuple[list[Decimal], Decimal]:
    """The members' weights, checked for the key, and their exact total."""
    if not weights:
        raise CostSharingError("members", {}, code=ErrorCode.NO_MEMBERS)
    checked: list[Decimal] = []
    for name in weights:
        value = _non_negative(weights[name], field_name, item=name)
        if key is HostKey.POPULATION and value != value.to_integral_value():
            raise NotWholeNumberError(field_name, weights[name], item=name)
        checked.append(value)
    weight_total = Decimal(0)
    for value in checked:
        weight_total = _EXACT.add(weight_total, value)
    if key is HostKey.FIXED_PERCENTAGES and weight_total != 100:
        raise PercentagesError(field_name, weight_total)
    if weight_total.is_zero():
        raise ZeroTotalError(field_name, weight_total)
    return checked, weight_total


def split_among_members(
    amount: Decimal, key: HostKey, weights: Mapping[str, Decimal | int]
) -> MemberSplit:
    """Split ``amount`` (the municipal share) among member municipalities by the agreed ``key``.

    ``weights`` maps each member's name to its FTEs (:attr:`HostKey.FTE`, non-negative),
    population (:attr:`HostKey.POPULATION`, a non-negative whole number) or fixed percentage
    (:attr:`HostKey.FIXED_PERCENTAGES`, non-negative, adding up to exactly 100). The split uses
    the largest-remainder method with ties to the member given first, and adds up to ``amount``
    exactly.
    """
    key = _choice(HostKey, key, "key")
    amount = _money(amount, "amount")
    field_name = {
        HostKey.FTE: "fte",
        HostKey.POPULATION: "population",
        HostKey.FIXED_PERCENTAGES: "percentage",
    }[key]
    names = list(weights)
    checked, weight_total = _checked_weights(key, weights, field_name)

    lines: list[Line] = [
        Line(LineKey.MEMBER_WEIGHT, {"member": name, "key": key.value}, field_name, value)
        for name, value in zip(names, checked, strict=True)
    ]
    lines.append(
        Line(
            LineKey.MEMBER_WEIGHT_TOTAL,
            {"key": key.value, **dict(zip(names, checked, strict=True))},
            f"sum({field_name})",
            weight_total,
        )
    )
    parts = _allocate_ore(_to_ore(amount), [Fraction(v) for v in checked])
    lines += _share_lines(
        parts,
        [("member", name) for name in names],
        checked,
        weight_total,
        amount,
        {"key": key.value},
    )
    members = tuple(
        MemberShare(name, value, _from_ore(part.ore))
        for name, value, part in zip(names, checked, parts, strict=True)
    )
    return MemberSplit(key, amount, members, tuple(lines))
