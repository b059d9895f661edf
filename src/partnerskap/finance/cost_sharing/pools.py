"""The owners' counted FTEs and the settlement of the cost pools between them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction

from .inputs import (
    _EXACT,
    CostSharingError,
    ErrorCode,
    LeaderKey,
    LeaderPositionError,
    Owner,
    PoolKind,
    ZeroTotalError,
    _choice,
    _from_ore,
    _money,
    _non_negative,
    _to_ore,
)
from .lines import Line, LineKey, _allocate_ore, _share_lines

# --------------------------------------------------------------------------------------------
# FTEs and the leader key
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Staffing:
    """FTEs reported by each owner for a period.

    ``state_fte`` and ``municipal_fte`` include the NAV leader's position when that owner employs
    the leader. ``leader_employer`` is ``None`` when the leader's position is not in the numbers
    (e.g. vacant); ``leader_fte`` is the size of the leader's position (a whole position by
    default).
    """

    state_fte: Decimal
    municipal_fte: Decimal
    leader_employer: Owner | None = None
    leader_fte: Decimal = Decimal(1)

    def __post_init__(self) -> None:
        object.__setattr__(self, "state_fte", _non_negative(self.state_fte, "state_fte"))
        object.__setattr__(
            self, "municipal_fte", _non_negative(self.municipal_fte, "municipal_fte")
        )
        if self.leader_employer is not None:
            employer = _choice(Owner, self.leader_employer, "leader_employer")
            object.__setattr__(self, "leader_employer", employer)
        object.__setattr__(self, "leader_fte", _non_negative(self.leader_fte, "leader_fte"))
        if _EXACT.add(self.state_fte, self.municipal_fte).is_zero():
            raise ZeroTotalError("total_fte", Decimal(0))
        if self.leader_employer is not None and self.leader_fte > self.reported(
            self.leader_employer
        ):
            raise LeaderPositionError("leader_fte", self.leader_fte)

    def reported(self, owner: Owner) -> Decimal:
        return self.state_fte if owner is Owner.STATE else self.municipal_fte


@dataclass(frozen=True)
class CountedFtes:
    """FTEs per owner as they count in the key, after the leader key is applied."""

    state: Decimal
    municipality: Decimal
    lines: tuple[Line, ...]

    @property
    def total(self) -> Decimal:
        return _EXACT.add(self.state, self.municipality)

    def of(self, owner: Owner) -> Decimal:
        return self.state if owner is Owner.STATE else self.municipality


def counted_ftes(staffing: Staffing, leader_key: LeaderKey = LeaderKey.EQUAL_SPLIT) -> CountedFtes:
    """The FTEs each owner counts with, and the lines showing how.

    With :attr:`LeaderKey.EQUAL_SPLIT` the leader's position is taken out of the employer's FTEs
    and half of it is added to each owner; with :attr:`LeaderKey.WITH_EMPLOYER` the reported FTEs
    count as they are. The total is the same either way.
    """
    leader_key = _choice(LeaderKey, leader_key, "leader_key")
    lines: list[Line] = []
    counted: dict[Owner, Decimal] = {}
    for owner in Owner:
        lines.append(
            Line(LineKey.FTE_REPORTED, {"owner": owner.value}, "fte", staffing.reported(owner))
        )
    employer = staffing.leader_employer
    if employer is not None:
        lines.append(
            Line(
                LineKey.LEADER_POSITION,
                {"employer": employer.value, "leader_key": leader_key.value},
                "leader_fte",
                staffing.leader_fte,
            )
        )
    half = _EXACT.multiply(staffing.leader_fte, Decimal("0.5"))
    for owner in Owner:
        reported = staffing.reported(owner)
        if employer is None or leader_key is LeaderKey.WITH_EMPLOYER:
            adjustment = Decimal(0)
        elif owner is employer:
            adjustment = _EXACT.subtract(half, staffing.leader_fte)
        else:
            adjustment = half
        counted[owner] = _EXACT.add(reported, adjustment)
        lines.append(
            Line(
                LineKey.FTE_COUNTED,
                {"owner": owner.value, "reported": reported, "leader_adjustment": adjustment},
                "reported + leader_adjustment",
                counted[owner],
            )
        )
    state, municipality = counted[Owner.STATE], counted[Owner.MUNICIPALITY]
    lines.append(
        Line(
            LineKey.FTE_TOTAL,
            {"state": state, "municipality": municipality},
            "state + municipality",
            _EXACT.add(state, municipality),
        )
    )
    return CountedFtes(state, municipality, tuple(lines))


# --------------------------------------------------------------------------------------------
# Settlement of a period
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CostPool:
    """A pool of shared operating costs for a period, split between the owners by FTEs.

    ``name`` identifies the pool on the settlement (defaults to the kind); it is data, not text
    to translate.
    """

    kind: PoolKind
    amount: Decimal
    name: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", _choice(PoolKind, self.kind, "kind"))
        object.__setattr__(self, "amount", _money(self.amount, "amount"))
        if not self.name:
            object.__setattr__(self, "name", self.kind.value)


@dataclass(frozen=True)
class SpecialService:
    """A service outside the agreement, invoiced separately to one owner and not split."""

    name: str
    amount: Decimal
    owner: Owner

    def __post_init__(self) -> None:
        object.__setattr__(self, "amount", _money(self.amount, "amount"))
        object.__setattr__(self, "owner", _choice(Owner, self.owner, "owner"))


@dataclass(frozen=True)
class PoolShare:
    """One pool split between the owners."""

    pool: CostPool
    state: Decimal
    municipality: Decimal

    def of(self, owner: Owner) -> Decimal:
        return self.state if owner is Owner.STATE else self.municipality


@dataclass(frozen=True)
class Settlement:
    """The cost sharing of one period: each pool's split, special services and the totals."""

    leader_key: LeaderKey
    ftes: CountedFtes
    pools: tuple[PoolShare, ...]
    special_services: tuple[SpecialService, ...]
    lines: tuple[Line, ...] = field(repr=False)

    def shared(self, owner: Owner) -> Decimal:
        """The owner's share of the shared operating costs (all pools)."""
        return _from_ore(sum(_to_ore(p.of(owner)) for p in self.pools))

    def special(self, owner: Owner) -> Decimal:
        """The special services invoiced to the owner."""
        return _from_ore(sum(_to_ore(s.amount) for s in self.special_services if s.owner is owner))

    def owner_total(self, owner: Owner) -> Decimal:
        """Everything the owner pays for the period."""
        return _from_ore(_to_ore(self.shared(owner)) + _to_ore(self.special(owner)))

    @property
    def shared_total(self) -> Decimal:
        return _from_ore(sum(_to_ore(p.pool.amount) for p in self.pools))

    @property
    def total(self) -> Decimal:
        """All pools and special services: always the sum of the owners' totals."""
        special = sum(_to_ore(s.amount) for s in self.special_services)
        return _from_ore(_to_ore(self.shared_total) + special)


def _check_unique_names(pools: Sequence[CostPool]) -> None:
    names = [pool.name for pool in pools]
    for index, name in enumerate(names):
        if name in names[:index]:
            raise CostSharingError("pools", name, item=index, code=ErrorCode.DUPLICATE_NAME)


def _total_lines(settlement: Settlement) -> list[Line]:
    """The totals after the pools: shared per owner, special services, owners', grand total."""
    lines: list[Line] = []
    for owner in Owner:
        lines.append(
            Line(
                LineKey.SHARED_TOTAL,
                {
                    "owner": owner.value,
                    **{s.pool.name: s.of(owner) for s in settlement.pools},
                },
                "sum(pool shares)",
                settlement.shared(owner),
            )
        )
    for service in settlement.special_services:
        lines.append(
            Line(
                LineKey.SPECIAL_SERVICE,
                {"service": service.name, "owner": service.owner.value},
                "amount",
                service.amount,
            )
        )
    for owner in Owner:
        lines.append(
            Line(
                LineKey.SPECIAL_TOTAL,
                {"owner": owner.value},
                "sum(special services of owner)",
                settlement.special(owner),
            )
        )
    for owner in Owner:
        lines.append(
            Line(
                LineKey.OWNER_TOTAL,
                {
                    "owner": owner.value,
                    "shared": settlement.shared(owner),
                    "special": settlement.special(owner),
                },
                "shared + special",
                settlement.owner_total(owner),
            )
        )
    lines.append(
        Line(
            LineKey.GRAND_TOTAL,
            {owner.value: settlement.owner_total(owner) for owner in Owner},
            "state + municipality",
            settlement.total,
        )
    )
    return lines


def settle(
    pools: Sequence[CostPool],
    staffing: Staffing,
    *,
    leader_key: LeaderKey = LeaderKey.EQUAL_SPLIT,
    special_services: Sequence[SpecialService] = (),
) -> Settlement:
    """The settlement of a period: every pool split by counted FTEs, plus special services.

    Each pool is split with the largest-remainder method (state first on ties) so that the two
    shares add up to the pool's amount exactly; the owners' totals are sums of whole-øre shares
    and therefore add up to the total exactly. Lines record every step in order: FTEs, each
    pool's split, each owner's shared total, special services, each owner's total, grand total.
    Pool names must be unique within a settlement (:attr:`ErrorCode.DUPLICATE_NAME`).
    """
    leader_key = _choice(LeaderKey, leader_key, "leader_key")
    _check_unique_names(pools)
    ftes = counted_ftes(staffing, leader_key)
    lines: list[Line] = list(ftes.lines)
    weights = [ftes.of(owner) for owner in Owner]
    owner_labels = [("owner", owner.value) for owner in Owner]
    shares: list[PoolShare] = []
    for pool in pools:
        context: dict[str, Decimal | str] = {"pool": pool.name, "kind": pool.kind.value}
        lines.append(Line(LineKey.POOL_AMOUNT, context, "amount", pool.amount))
        parts = _allocate_ore(_to_ore(pool.amount), [Fraction(w) for w in weights])
        lines += _share_lines(parts, owner_labels, weights, ftes.total, pool.amount, context)
        shares.append(PoolShare(pool, _from_ore(parts[0].ore), _from_ore(parts[1].ore)))
    settlement = Settlement(leader_key, ftes, tuple(shares), tuple(special_services), ())
    lines += _total_lines(settlement)
    return replace(settlement, lines=tuple(lines))
