"""Cost sharing between the state and the municipal owner of a NAV office (DOMAIN.md C4).

Rule from the national template: each owner pays its share of the shared operating costs in
proportion to the FTEs (årsverk) it has in the office, and the NAV leader's position is split
equally between the owners whoever employs the leader. Services outside the agreement are
invoiced separately to one owner. In a host-municipality partnership the municipal share is
split further among the member municipalities by an agreed key.

Money is ``decimal.Decimal`` in NOK with øre precision (at most two decimals). FTEs are
non-negative ``Decimal`` (or ``int``) of any precision. All intermediate arithmetic is exact
(``Fraction`` for the quotas, an exact ``Decimal`` context for the FTEs); only the final split
is rounded to the øre, by the largest-remainder method, so the parts always add up to the
total exactly.

Largest-remainder method (:func:`allocate`): every part first gets its exact quota
``total * weight / sum(weights)`` rounded *down* to the øre; the øre left over (fewer than the
number of parts) go one each to the parts with the largest discarded fractions. Ties are broken
by the order the parts were given in -- for the owners always *state first, then municipality*;
for member municipalities the order of the mapping passed in. The result therefore depends only
on the input: the same input gives the same output, and a part with weight zero never gets an øre.

Each pool is split on its own (so every pool's split adds up on the settlement document); the
owners' totals are the sums of their pool shares, which therefore add up to the pools' total.

Every settlement carries its computation as :class:`Line` objects -- a machine-readable
:class:`LineKey`, the inputs, a formula in plain notation and the result -- so a document can
show each step; the user interface maps the key to a translated description. Invalid input
raises a :class:`CostSharingError` (a ``ValueError``) with a machine-readable :class:`ErrorCode`
and the name of the offending field; there is deliberately no user-facing text here.

Public API:

* :class:`Owner`, :class:`LeaderKey`, :class:`PoolKind`, :class:`HostKey` -- enumerations.
* :class:`Staffing`, :class:`CostPool`, :class:`SpecialService` -- validated inputs.
* :func:`allocate` -- largest-remainder split of an amount by weights, exact to the øre.
* :func:`counted_ftes` -- FTEs per owner after applying the leader key, with lines.
* :func:`settle` -- the settlement of a period: every pool split, special services, totals.
* :func:`split_among_members` -- a host-municipality split of the municipal share.
* :class:`CostSharingError` and its subclasses; :class:`ErrorCode`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_EVEN, Context, Decimal, Inexact, InvalidOperation, Rounded
from enum import StrEnum
from fractions import Fraction
from typing import TypeVar

__all__ = [
    "CostPool",
    "CostSharingError",
    "CountedFtes",
    "ErrorCode",
    "HostKey",
    "InvalidNumberError",
    "LeaderKey",
    "LeaderPositionError",
    "Line",
    "LineKey",
    "MemberShare",
    "MemberSplit",
    "NegativeValueError",
    "NotWholeNumberError",
    "Owner",
    "PercentagesError",
    "PoolKind",
    "PoolShare",
    "PrecisionError",
    "Settlement",
    "SpecialService",
    "Staffing",
    "ZeroTotalError",
    "allocate",
    "counted_ftes",
    "settle",
    "split_among_members",
]

#: One øre.
ORE = Decimal("0.01")
#: Exact quotas are shown on the lines with this many decimals (they are rarely finite decimals).
EXACT_DISPLAY_PLACES = 6

_E = TypeVar("_E", bound=StrEnum)

# FTE arithmetic is additions and halvings of finite decimals: exact with enough precision. The
# context traps ``Inexact`` so that any rounding would be an error rather than a silent change.
_EXACT = Context(prec=200, traps=[InvalidOperation, Inexact, Rounded])


# --------------------------------------------------------------------------------------------
# Enumerations
# --------------------------------------------------------------------------------------------


class Owner(StrEnum):
    """The two owners of a NAV office, in the fixed order used to break ties."""

    STATE = "state"
    MUNICIPALITY = "municipality"


class LeaderKey(StrEnum):
    """How the NAV leader's position counts in the FTE key."""

    #: Half to each owner, whoever employs the leader (the national template's rule; default).
    EQUAL_SPLIT = "equal_split"
    #: The position counts with the owner that employs the leader.
    WITH_EMPLOYER = "with_employer"


class PoolKind(StrEnum):
    """The kinds of shared operating costs."""

    RENT = "rent"
    ICT = "ict"
    OTHER = "other"


class HostKey(StrEnum):
    """The agreed key for splitting the municipal share among a host partnership's members."""

    FTE = "fte"
    POPULATION = "population"
    FIXED_PERCENTAGES = "fixed_percentages"


# --------------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------------


class ErrorCode(StrEnum):
    """Machine-readable reasons for refusing input; the UI maps them to translated messages."""

    NOT_A_NUMBER = "not_a_number"
    NEGATIVE = "negative"
    SUB_ORE_PRECISION = "sub_ore_precision"
    NOT_WHOLE_NUMBER = "not_whole_number"
    ZERO_TOTAL = "zero_total"
    PERCENTAGES_NOT_100 = "percentages_not_100"
    LEADER_EXCEEDS_EMPLOYER_FTE = "leader_exceeds_employer_fte"
    NO_MEMBERS = "no_members"
    UNKNOWN_CHOICE = "unknown_choice"
    DUPLICATE_NAME = "duplicate_name"


class CostSharingError(ValueError):
    """Invalid cost-sharing input.

    ``code`` says what is wrong, ``field`` which input (the parameter or attribute name), ``item``
    which element of a collection when relevant (a member municipality's name, a pool's index),
    and ``value`` the offending value. The message is for logs only, never for users.
    """

    code: ErrorCode = ErrorCode.NOT_A_NUMBER

    def __init__(
        self,
        field: str,
        value: object = None,
        *,
        item: str | int | None = None,
        code: ErrorCode | None = None,
    ) -> None:
        if code is not None:
            self.code = code
        self.field = field
        self.item = item
        self.value = value
        where = field if item is None else f"{field}[{item!r}]"
        super().__init__(f"{self.code}: {where}={value!r}")


class InvalidNumberError(CostSharingError):
    """Not a finite ``Decimal`` or ``int`` (floats, booleans, strings and NaN are refused)."""

    code = ErrorCode.NOT_A_NUMBER


class NegativeValueError(CostSharingError):
    """A negative FTE, amount, population or percentage."""

    code = ErrorCode.NEGATIVE


class PrecisionError(CostSharingError):
    """An amount of money with more than two decimals (finer than the øre)."""

    code = ErrorCode.SUB_ORE_PRECISION


class NotWholeNumberError(CostSharingError):
    """A population that is not a whole number."""

    code = ErrorCode.NOT_WHOLE_NUMBER


class ZeroTotalError(CostSharingError):
    """The weights to split by add up to zero (e.g. no FTEs at all), or there is nothing to
    split among."""

    code = ErrorCode.ZERO_TOTAL


class PercentagesError(CostSharingError):
    """Fixed percentages that do not add up to exactly 100."""

    code = ErrorCode.PERCENTAGES_NOT_100


class LeaderPositionError(CostSharingError):
    """The leader's position is larger than the FTEs reported by the leader's employer."""

    code = ErrorCode.LEADER_EXCEEDS_EMPLOYER_FTE


def _number(value: object, field: str, *, item: str | int | None = None) -> Decimal:
    """``value`` as a finite Decimal; anything else is an :class:`InvalidNumberError`."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise InvalidNumberError(field, value, item=item)
    number = Decimal(value)
    if not number.is_finite():
        raise InvalidNumberError(field, value, item=item)
    return number


def _non_negative(value: object, field: str, *, item: str | int | None = None) -> Decimal:
    number = _number(value, field, item=item)
    if number < 0:
        raise NegativeValueError(field, value, item=item)
    return number.copy_abs() if number.is_zero() else number  # normalise -0 to 0


def _money(value: object, field: str, *, item: str | int | None = None) -> Decimal:
    """A non-negative amount in NOK with at most two decimals."""
    number = _non_negative(value, field, item=item)
    if Fraction(number) * 100 % 1:
        raise PrecisionError(field, value, item=item)
    return _from_ore(_to_ore(number))  # always two decimals


def _choice(enum: type[_E], value: object, field: str) -> _E:
    try:
        return enum(value)
    except ValueError:
        raise CostSharingError(field, value, code=ErrorCode.UNKNOWN_CHOICE) from None


def _to_ore(amount: Decimal) -> int:
    return int(Fraction(amount) * 100)


def _from_ore(ore: int) -> Decimal:
    """An integer number of øre as NOK with exactly two decimals (``ore`` is non-negative)."""
    return Decimal(f"{ore // 100}.{ore % 100:02d}")


def _display(exact: Fraction) -> Decimal:
    """An exact quota for display on a line, rounded half-even to a few decimals."""
    quantum = Decimal(1).scaleb(-EXACT_DISPLAY_PLACES)
    ctx = Context(prec=200, rounding=ROUND_HALF_EVEN)
    return ctx.divide(Decimal(exact.numerator), Decimal(exact.denominator)).quantize(
        quantum, context=ctx
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
        lines.append(
            Line(
                LineKey.SHARE_EXACT,
                {**who, "amount": amount, "weight": weight, "weight_total": weight_total},
                "amount * weight / weight_total",
                _display(part.exact / 100),
            )
        )
        lines.append(
            Line(
                LineKey.SHARE_ROUNDED_DOWN,
                {**who, "exact": _display(part.exact / 100)},
                "floor_to_ore(exact)",
                _from_ore(part.floor),
            )
        )
        lines.append(
            Line(
                LineKey.SHARE_REMAINDER,
                {
                    **who,
                    "remainder_rank": Decimal(part.rank) if part.rank else "-",
                    "ore_left_over": Decimal(left_over),
                },
                "0.01 if remainder_rank <= ore_left_over else 0.00",
                _from_ore(part.extra),
            )
        )
        lines.append(
            Line(
                LineKey.SHARE,
                {**who, "rounded_down": _from_ore(part.floor), "remainder": _from_ore(part.extra)},
                "rounded_down + remainder",
                _from_ore(part.ore),
            )
        )
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
    names = [pool.name for pool in pools]
    for index, name in enumerate(names):
        if name in names[:index]:
            raise CostSharingError("pools", name, item=index, code=ErrorCode.DUPLICATE_NAME)
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
    for owner in Owner:
        lines.append(
            Line(
                LineKey.SHARED_TOTAL,
                {"owner": owner.value, **{s.pool.name: s.of(owner) for s in shares}},
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
    return replace(settlement, lines=tuple(lines))


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
    if not weights:
        raise CostSharingError("members", {}, code=ErrorCode.NO_MEMBERS)
    names = list(weights)
    checked: list[Decimal] = []
    for name in names:
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
