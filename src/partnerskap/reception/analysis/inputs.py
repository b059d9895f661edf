"""The analysis' inputs: errors, exact numbers, traced assumptions, and the location, visits,
period and year it is given (no Django, no database, no user-facing text)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from fractions import Fraction
from itertools import pairwise
from typing import Literal

MINUTES_PER_DAY = 24 * 60
_HOUR = Fraction(60)

Number = int | Decimal | Fraction | float
Basis = Literal["registrations", "totals"]
VisitsBasis = Literal["registrations", "even_spread", "none"]


# --------------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------------


class ErrorCode(StrEnum):
    """Machine-readable reasons for rejecting input; a page maps them to its own messages."""

    NEGATIVE = "negative"
    NOT_A_NUMBER = "not_a_number"
    NOT_WHOLE = "not_whole"
    INVALID_WEEKDAY = "invalid_weekday"
    CLOSES_BEFORE_OPENS = "closes_before_opens"
    NOT_WHOLE_MINUTE = "not_whole_minute"
    OVERLAPPING_OPENING_HOURS = "overlapping_opening_hours"
    TRAVELLING_EXCEEDS_STAFF = "travelling_exceeds_staff"
    END_BEFORE_START = "end_before_start"
    VISIT_OUTSIDE_PERIOD = "visit_outside_period"
    NO_OPEN_DAYS = "no_open_days"
    NO_OPENING_HOURS = "no_opening_hours"
    MISSING_YEAR = "missing_year"
    MORE_DAYS_THAN_WEEKS_ALLOW = "more_days_than_weeks_allow"
    SHARE_ABOVE_ONE = "share_above_one"
    SHARES_ABOVE_ONE = "shares_above_one"
    CUT_OUTSIDE_OPENING_HOURS = "cut_outside_opening_hours"
    OVERLAPPING_CUTS = "overlapping_cuts"
    NOTHING_TO_CHANGE = "nothing_to_change"
    DAY_NOT_OPEN = "day_not_open"
    DUPLICATE_WEEKDAY = "duplicate_weekday"
    SAME_LOCATION_TWICE = "same_location_twice"


class ReceptionInputError(ValueError):
    """Bad input to the analysis. ``code`` says what, ``field`` says where (a dotted path)."""

    default_code: ErrorCode = ErrorCode.NOT_A_NUMBER

    def __init__(self, field: str, code: ErrorCode | None = None, value: object = None) -> None:
        self.field = field
        self.code = code or self.default_code
        self.value = value
        super().__init__(f"{self.code}: {field}={value!r}")


class NegativeValueError(ReceptionInputError):
    default_code = ErrorCode.NEGATIVE


class OutOfRangeError(ReceptionInputError):
    default_code = ErrorCode.INVALID_WEEKDAY


class OpeningHoursError(ReceptionInputError):
    default_code = ErrorCode.CLOSES_BEFORE_OPENS


class PeriodError(ReceptionInputError):
    default_code = ErrorCode.END_BEFORE_START


class InconsistentInputError(ReceptionInputError):
    default_code = ErrorCode.TRAVELLING_EXCEEDS_STAFF


class ScenarioError(ReceptionInputError):
    default_code = ErrorCode.CUT_OUTSIDE_OPENING_HOURS


# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------


def _exact(value: object, field: str) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, int | Decimal | Fraction | float):
        raise ReceptionInputError(field, ErrorCode.NOT_A_NUMBER, value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ReceptionInputError(field, ErrorCode.NOT_A_NUMBER, value)
        return Fraction(repr(value))
    if isinstance(value, Decimal) and not value.is_finite():
        raise ReceptionInputError(field, ErrorCode.NOT_A_NUMBER, value)
    return Fraction(value)


def _non_negative(value: object, field: str) -> Fraction:
    exact = _exact(value, field)
    if exact < 0:
        raise NegativeValueError(field, ErrorCode.NEGATIVE, value)
    return exact


def _count(value: object, field: str) -> int:
    """A whole, non-negative count (staff, visits, days, minutes)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ReceptionInputError(field, ErrorCode.NOT_WHOLE, value)
    if value < 0:
        raise NegativeValueError(field, ErrorCode.NEGATIVE, value)
    return value


def _share(value: object, field: str) -> Fraction:
    exact = _non_negative(value, field)
    if exact > 1:
        raise OutOfRangeError(field, ErrorCode.SHARE_ABOVE_ONE, value)
    return exact


def _weekday(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 6:
        raise OutOfRangeError(field, ErrorCode.INVALID_WEEKDAY, value)
    return value


def _minute_of_day(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def _ratio(numerator: Fraction | int, denominator: Fraction | int) -> Fraction | None:
    return Fraction(numerator) / denominator if denominator else None


def to_decimal(value: Fraction | int | None, places: int = 1) -> Decimal | None:
    """Round an exact figure for display (half up), e.g. 218/17 -> Decimal('12.8')."""
    if value is None:
        return None
    exact = Fraction(value)
    quantum = Decimal(1).scaleb(-places)
    return (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(
        quantum, rounding=ROUND_HALF_UP
    )


def to_percent(share: Fraction | int | None, places: int = 0) -> Decimal | None:
    """A share as a rounded percentage, e.g. 5/6 -> Decimal('83')."""
    return None if share is None else to_decimal(Fraction(share) * 100, places)


# --------------------------------------------------------------------------------------------
# Assumptions: every figure can name the inputs it came from
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Assumption:
    """One input or rule a result rests on. ``source`` is "input", "derived" or "rule"."""

    key: str
    value: object
    source: Literal["input", "derived", "rule"] = "input"


@dataclass(frozen=True)
class Derivation:
    """Which assumptions (by key) a figure (by field name) was computed from."""

    figure: str
    inputs: tuple[str, ...]


class Traced:
    """Mixin for results: look up assumptions and the inputs behind a figure."""

    assumptions: tuple[Assumption, ...]
    derivations: tuple[Derivation, ...]

    def assumption(self, key: str) -> Assumption:
        for item in self.assumptions:
            if item.key == key:
                return item
        raise KeyError(key)

    def inputs_of(self, figure: str) -> tuple[Assumption, ...]:
        """The assumptions a figure was computed from, in the order they were used."""
        for derivation in self.derivations:
            if derivation.figure == figure:
                return tuple(self.assumption(key) for key in derivation.inputs)
        raise KeyError(figure)


# --------------------------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OpeningHours:
    """One opening interval on one weekday, e.g. Tuesday 10:00-14:00."""

    weekday: int
    opens: time
    closes: time

    def __post_init__(self) -> None:
        _weekday(self.weekday, "weekday")
        for name in ("opens", "closes"):
            moment = getattr(self, name)
            if not isinstance(moment, time):
                raise ReceptionInputError(name, ErrorCode.NOT_A_NUMBER, moment)
            if moment.second or moment.microsecond:
                raise OpeningHoursError(name, ErrorCode.NOT_WHOLE_MINUTE, moment)
        if self.closes <= self.opens:
            raise OpeningHoursError("closes", ErrorCode.CLOSES_BEFORE_OPENS, self.closes)

    @property
    def start_minute(self) -> int:
        return _minute_of_day(self.opens)

    @property
    def end_minute(self) -> int:
        return _minute_of_day(self.closes)

    @property
    def minutes(self) -> int:
        return self.end_minute - self.start_minute

    def contains(self, moment: time) -> bool:
        return self.start_minute <= _minute_of_day(moment) < self.end_minute


@dataclass(frozen=True)
class Location:
    """A place where NAV receives walk-ins: the main office, a branch, a room in a town hall.

    ``travel_hours_per_staff`` is the round trip per open day for each travelling staff member;
    ``travelling_staff`` defaults to all staff on duty.
    """

    name: str
    opening_hours: tuple[OpeningHours, ...]
    staff_on_duty: int
    travel_hours_per_staff: Number = 0
    travelling_staff: int | None = None

    def __post_init__(self) -> None:
        _count(self.staff_on_duty, "staff_on_duty")
        travel = _non_negative(self.travel_hours_per_staff, "travel_hours_per_staff")
        object.__setattr__(self, "travel_hours_per_staff", travel)
        if self.travelling_staff is not None:
            _count(self.travelling_staff, "travelling_staff")
            if self.travelling_staff > self.staff_on_duty:
                raise InconsistentInputError(
                    "travelling_staff", ErrorCode.TRAVELLING_EXCEEDS_STAFF, self.travelling_staff
                )
        hours = tuple(self.opening_hours)
        for index, interval in enumerate(hours):
            if not isinstance(interval, OpeningHours):
                raise OpeningHoursError(f"opening_hours[{index}]", ErrorCode.NOT_A_NUMBER, interval)
        ordered = sorted(enumerate(hours), key=lambda pair: (pair[1].weekday, pair[1].start_minute))
        for (_, previous), (index, current) in pairwise(ordered):
            if previous.weekday == current.weekday and current.start_minute < previous.end_minute:
                raise OpeningHoursError(
                    f"opening_hours[{index}]", ErrorCode.OVERLAPPING_OPENING_HOURS, current
                )
        object.__setattr__(self, "opening_hours", tuple(interval for _, interval in ordered))

    @property
    def open_weekdays(self) -> tuple[int, ...]:
        return tuple(sorted({interval.weekday for interval in self.opening_hours}))

    def intervals_on(self, weekday: int) -> tuple[OpeningHours, ...]:
        return tuple(i for i in self.opening_hours if i.weekday == weekday)

    def opening_minutes_on(self, weekday: int) -> int:
        return sum(i.minutes for i in self.intervals_on(weekday))

    @property
    def weekly_opening_minutes(self) -> int:
        return sum(i.minutes for i in self.opening_hours)

    @property
    def travellers(self) -> int:
        return self.staff_on_duty if self.travelling_staff is None else self.travelling_staff

    @property
    def travel_hours_per_open_day(self) -> Fraction:
        return Fraction(self.travel_hours_per_staff) * self.travellers

    def is_open_at(self, weekday: int, moment: time) -> bool:
        return any(i.contains(moment) for i in self.intervals_on(weekday))


@dataclass(frozen=True)
class Visit:
    """One walk-in visit: no personal data, only when it came and how long it took."""

    day: date
    arrival: time
    minutes: int

    def __post_init__(self) -> None:
        if not isinstance(self.day, date):
            raise ReceptionInputError("day", ErrorCode.NOT_A_NUMBER, self.day)
        if not isinstance(self.arrival, time):
            raise ReceptionInputError("arrival", ErrorCode.NOT_A_NUMBER, self.arrival)
        _count(self.minutes, "minutes")


@dataclass(frozen=True)
class VisitTotals:
    """Where only totals were counted: days observed, visits and minutes with visitors.

    ``opening_hours`` is the total over the observed days; when left out it is the days observed
    times the location's average opening hours per open day.
    """

    days_observed: int
    visits: int
    minutes_with_visitors: Number
    opening_hours: Number | None = None

    def __post_init__(self) -> None:
        _count(self.days_observed, "days_observed")
        if self.days_observed == 0:
            raise InconsistentInputError("days_observed", ErrorCode.NO_OPEN_DAYS, 0)
        _count(self.visits, "visits")
        minutes = _non_negative(self.minutes_with_visitors, "minutes_with_visitors")
        object.__setattr__(self, "minutes_with_visitors", minutes)
        if self.opening_hours is not None:
            hours = _non_negative(self.opening_hours, "opening_hours")
            object.__setattr__(self, "opening_hours", hours)


@dataclass(frozen=True)
class Period:
    """The days analysed, both ends included; ``closed_dates`` are holidays and other closures.

    ``observed`` are the days someone counted visits; when given, only those days are open days
    (a day nobody counted is not a day without visitors).
    """

    start: date
    end: date
    closed_dates: frozenset[date] = field(default_factory=frozenset)
    observed: frozenset[date] | None = None

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise PeriodError("end", ErrorCode.END_BEFORE_START, self.end)
        object.__setattr__(self, "closed_dates", frozenset(self.closed_dates))
        if self.observed is not None:
            object.__setattr__(self, "observed", frozenset(self.observed))

    def days(self) -> Iterable[date]:
        for offset in range((self.end - self.start).days + 1):
            yield self.start + timedelta(days=offset)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


@dataclass(frozen=True)
class Year:
    """A year of opening: a number of open weeks, of open days, or both.

    With both, ``open_days`` is the count used (weeks minus holidays) and may not exceed the open
    weeks times the open weekdays.
    """

    open_weeks: int | None = None
    open_days: int | None = None

    def __post_init__(self) -> None:
        if self.open_weeks is None and self.open_days is None:
            raise InconsistentInputError("open_weeks", ErrorCode.MISSING_YEAR, None)
        if self.open_weeks is not None:
            _count(self.open_weeks, "open_weeks")
        if self.open_days is not None:
            _count(self.open_days, "open_days")

    def resolve(self, location: Location) -> tuple[Fraction, Fraction]:
        """(open days in the year, times each scheduled weekday occurs) for this location."""
        per_week = len(location.open_weekdays)
        if per_week == 0:
            raise OpeningHoursError("opening_hours", ErrorCode.NO_OPENING_HOURS, ())
        if self.open_days is None:
            assert self.open_weeks is not None
            days = Fraction(self.open_weeks * per_week)
        else:
            if self.open_weeks is not None and self.open_days > self.open_weeks * per_week:
                raise InconsistentInputError(
                    "open_days", ErrorCode.MORE_DAYS_THAN_WEEKS_ALLOW, self.open_days
                )
            days = Fraction(self.open_days)
        return days, days / per_week
