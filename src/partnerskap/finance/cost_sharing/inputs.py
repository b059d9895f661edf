"""The cost sharing's inputs: owners and keys, refusals with their codes, and exact money."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Context, Decimal, Inexact, InvalidOperation, Rounded
from enum import StrEnum
from fractions import Fraction
from typing import TypeVar

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
