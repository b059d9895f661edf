"""Pure analysis of walk-in reception: visits, opening hours, staffing and what-if scenarios.

No Django, no database, no user-facing text. Everything here is a frozen dataclass or a pure
function, so the same figures can be shown on a page, put in a PDF or served by the API.

Conventions
-----------
* Weekdays are ``date.weekday()`` numbers: Monday is 0, Sunday is 6.
* All quantities are exact: durations are held as :class:`~fractions.Fraction` hours (or whole
  minutes where the input is in minutes), so identities such as "idle + with visitors = on duty"
  hold exactly. :func:`to_decimal` and :func:`to_percent` round for display.
* Inputs given in hours accept ``int``, ``Decimal``, ``Fraction`` or ``float`` (floats are read
  through their shortest ``repr``, so ``1.5`` is exactly 3/2).

How visits are counted (registrations)
--------------------------------------
* A visit is *inside* opening hours when it arrives on an open day of the period, at or after an
  interval opens and before it closes. Seconds of the arrival time are ignored.
* Every other visit (closed day, closed weekday, before opening, after closing) is counted
  separately as *outside opening hours*: it appears in the charts and in
  ``visits_outside_opening_hours`` but is not part of the duty-time arithmetic.
* Staff time with visitors is counted minute by minute over the opening intervals: in each minute
  it is the number of inside visits going on, **capped at the staff on duty**. Visitors beyond that
  capacity were waiting, not being served by an extra person, so they add no staff time. The part of
  a visit running past closing time is not duty time either. What was cut off either way is
  reported as ``visit_hours_beyond_capacity``. Hence
  ``idle_staff_hours + staff_hours_with_visitors == staff_hours_on_duty`` always.

How visits are counted (totals)
-------------------------------
Where only totals were counted, the minutes with visitors are capped at the staff hours on duty
(the excess goes to ``visit_hours_beyond_capacity``); there are no hour-of-day or weekday bars.

How a year is projected
-----------------------
* A :class:`Year` is a number of open weeks and/or open days. A scheduled weekday occurs
  ``open_days / open weekdays per week`` times in the year.
* Staff hours on duty per year follow the weekly schedule; the share of them spent with visitors is
  the observed share; visits per year are the observed visits per open day times the open days;
  travel per year is the travel per open day times the open days.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from fractions import Fraction
from itertools import pairwise
from typing import Literal

__all__ = [
    "MINUTES_PER_DAY",
    "Analysis",
    "Assumption",
    "CloseForWalkIns",
    "CutHours",
    "Derivation",
    "ErrorCode",
    "FewerDays",
    "HourBar",
    "InconsistentInputError",
    "Location",
    "NegativeValueError",
    "OpeningHours",
    "OpeningHoursError",
    "OutOfRangeError",
    "Period",
    "PeriodError",
    "PlanTotals",
    "ReceptionInputError",
    "ScenarioError",
    "ScenarioResult",
    "ShorterHours",
    "Visit",
    "VisitTotals",
    "WeekdayBar",
    "Year",
    "YearFigures",
    "analyse_registrations",
    "analyse_totals",
    "combine",
    "compare",
    "cuts_to_keep",
    "project_year",
    "to_decimal",
    "to_percent",
]

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


class _Traced:
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


# --------------------------------------------------------------------------------------------
# The analysis of a period
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HourBar:
    """Visits that arrived in one hour of the day (e.g. hour 10 is 10:00-10:59)."""

    hour: int
    inside: int
    outside: int

    @property
    def total(self) -> int:
        return self.inside + self.outside


@dataclass(frozen=True)
class WeekdayBar:
    """Visits that arrived on one weekday, and how many open days that weekday had."""

    weekday: int
    open_days: int
    inside: int
    outside: int

    @property
    def total(self) -> int:
        return self.inside + self.outside


@dataclass(frozen=True)
class Analysis(_Traced):
    """Reception at one location over a period. Hours are exact :class:`Fraction` values."""

    location: Location
    basis: Basis
    open_days: int
    opening_hours: Fraction
    staff_on_duty: int
    visits: int
    visits_outside_opening_hours: int
    visit_hours: Fraction
    visit_hours_outside_opening_hours: Fraction
    staff_hours_on_duty: Fraction
    staff_hours_with_visitors: Fraction
    visit_hours_beyond_capacity: Fraction
    idle_staff_hours: Fraction
    idle_share: Fraction | None
    travel_hours: Fraction
    visits_per_open_day: Fraction | None
    visits_per_open_hour: Fraction | None
    average_minutes_per_visit: Fraction | None
    by_hour: tuple[HourBar, ...]
    by_weekday: tuple[WeekdayBar, ...]
    inside_visits: tuple[Visit, ...]
    assumptions: tuple[Assumption, ...]
    derivations: tuple[Derivation, ...]

    @property
    def total_visits(self) -> int:
        """All visits registered, inside and outside opening hours."""
        return self.visits + self.visits_outside_opening_hours

    def open_days_on(self, weekday: int) -> int:
        for bar in self.by_weekday:
            if bar.weekday == weekday:
                return bar.open_days
        return 0


_PERIOD_DERIVATIONS = (
    Derivation(
        "open_days", ("period", "opening_hours_by_weekday", "closed_dates", "observed_days")
    ),
    Derivation("opening_hours", ("open_days", "opening_hours_by_weekday")),
    Derivation("staff_hours_on_duty", ("opening_hours", "staff_on_duty")),
    Derivation(
        "staff_hours_with_visitors",
        ("visit_minutes", "staff_on_duty", "opening_hours", "rule_capacity"),
    ),
    Derivation("idle_staff_hours", ("staff_hours_on_duty", "staff_hours_with_visitors")),
    Derivation("idle_share", ("idle_staff_hours", "staff_hours_on_duty")),
    Derivation(
        "travel_hours", ("open_days", "travelling_staff", "travel_hours_per_staff_per_open_day")
    ),
    Derivation("visits_per_open_day", ("visits", "open_days")),
    Derivation("visits_per_open_hour", ("visits", "opening_hours")),
    Derivation("average_minutes_per_visit", ("visit_minutes", "visits")),
    Derivation("visits_outside_opening_hours", ("visits_outside", "rule_inside")),
)

_TOTALS_DERIVATIONS = (
    Derivation("open_days", ("days_observed",)),
    Derivation("opening_hours", ("opening_hours_observed",)),
    *(d for d in _PERIOD_DERIVATIONS if d.figure not in {"open_days", "opening_hours"}),
)


def _location_assumptions(location: Location) -> list[Assumption]:
    return [
        Assumption("location", location.name),
        Assumption(
            "opening_hours_by_weekday",
            tuple((i.weekday, i.opens, i.closes) for i in location.opening_hours),
        ),
        Assumption("staff_on_duty", location.staff_on_duty),
        Assumption("travelling_staff", location.travellers),
        Assumption("travel_hours_per_staff_per_open_day", location.travel_hours_per_staff),
    ]


def _finish(
    *,
    location: Location,
    basis: Basis,
    open_days: int,
    opening_minutes: Fraction,
    visits: int,
    visit_minutes: Fraction,
    with_minutes: Fraction,
    outside_visits: int,
    outside_minutes: Fraction,
    by_hour: tuple[HourBar, ...],
    by_weekday: tuple[WeekdayBar, ...],
    inside_visits: tuple[Visit, ...],
    assumptions: list[Assumption],
) -> Analysis:
    staff = location.staff_on_duty
    duty_hours = opening_minutes * staff / _HOUR
    with_hours = with_minutes / _HOUR
    idle_hours = duty_hours - with_hours
    opening_hours = opening_minutes / _HOUR
    travel_hours = open_days * location.travel_hours_per_open_day
    derived = [
        Assumption("open_days", open_days, "derived"),
        Assumption("opening_hours", opening_hours, "derived"),
        Assumption("staff_hours_on_duty", duty_hours, "derived"),
        Assumption("staff_hours_with_visitors", with_hours, "derived"),
        Assumption("idle_staff_hours", idle_hours, "derived"),
    ]
    return Analysis(
        location=location,
        basis=basis,
        open_days=open_days,
        opening_hours=opening_hours,
        staff_on_duty=staff,
        visits=visits,
        visits_outside_opening_hours=outside_visits,
        visit_hours=visit_minutes / _HOUR,
        visit_hours_outside_opening_hours=outside_minutes / _HOUR,
        staff_hours_on_duty=duty_hours,
        staff_hours_with_visitors=with_hours,
        visit_hours_beyond_capacity=(visit_minutes - with_minutes) / _HOUR,
        idle_staff_hours=idle_hours,
        idle_share=_ratio(idle_hours, duty_hours),
        travel_hours=travel_hours,
        visits_per_open_day=_ratio(visits, open_days),
        visits_per_open_hour=_ratio(visits, opening_hours),
        average_minutes_per_visit=_ratio(visit_minutes, visits),
        by_hour=by_hour,
        by_weekday=by_weekday,
        inside_visits=inside_visits,
        assumptions=(*_location_assumptions(location), *assumptions, *derived),
        derivations=_PERIOD_DERIVATIONS if basis == "registrations" else _TOTALS_DERIVATIONS,
    )


_RULE_CAPACITY = Assumption(
    "rule_capacity", "with_visitors_per_minute=min(visits_in_progress,staff_on_duty)", "rule"
)
_RULE_INSIDE = Assumption(
    "rule_inside", "inside=arrival_on_open_day_within_an_opening_interval", "rule"
)


def analyse_registrations(location: Location, period: Period, visits: Sequence[Visit]) -> Analysis:
    """Analyse individually registered visits at a location over a period.

    Raises :class:`PeriodError` (``visit_outside_period``) for a visit dated outside the period;
    the caller chooses the period and filters.
    """
    open_dates = [
        day
        for day in period.days()
        if day not in period.closed_dates
        and (period.observed is None or day in period.observed)
        and location.intervals_on(day.weekday())
    ]
    open_set = set(open_dates)
    hour_inside = [0] * 24
    hour_outside = [0] * 24
    weekday_inside = [0] * 7
    weekday_outside = [0] * 7
    weekday_open_days = [0] * 7
    for day in open_dates:
        weekday_open_days[day.weekday()] += 1

    inside: list[Visit] = []
    outside_minutes = 0
    for index, visit in enumerate(visits):
        if not isinstance(visit, Visit):
            raise ReceptionInputError(f"visits[{index}]", ErrorCode.NOT_A_NUMBER, visit)
        if visit.day not in period:
            raise PeriodError(f"visits[{index}].day", ErrorCode.VISIT_OUTSIDE_PERIOD, visit.day)
        weekday = visit.day.weekday()
        if visit.day in open_set and location.is_open_at(weekday, visit.arrival):
            inside.append(visit)
            hour_inside[visit.arrival.hour] += 1
            weekday_inside[weekday] += 1
        else:
            outside_minutes += visit.minutes
            hour_outside[visit.arrival.hour] += 1
            weekday_outside[weekday] += 1

    # Staff minutes with visitors: minute by minute, capped at the staff on duty.
    staff = location.staff_on_duty
    by_day: dict[date, list[Visit]] = {}
    for visit in inside:
        by_day.setdefault(visit.day, []).append(visit)
    with_minutes = 0
    for day, day_visits in by_day.items():
        change = [0] * (MINUTES_PER_DAY + 1)
        for visit in day_visits:
            start = _minute_of_day(visit.arrival)
            change[start] += 1
            change[min(start + visit.minutes, MINUTES_PER_DAY)] -= 1
        in_progress = []
        running = 0
        for delta in change[:MINUTES_PER_DAY]:
            running += delta
            in_progress.append(running)
        for interval in location.intervals_on(day.weekday()):
            with_minutes += sum(
                min(count, staff)
                for count in in_progress[interval.start_minute : interval.end_minute]
            )

    opening_minutes = sum(location.opening_minutes_on(day.weekday()) for day in open_dates)
    visit_minutes = sum(visit.minutes for visit in inside)
    return _finish(
        location=location,
        basis="registrations",
        open_days=len(open_dates),
        opening_minutes=Fraction(opening_minutes),
        visits=len(inside),
        visit_minutes=Fraction(visit_minutes),
        with_minutes=Fraction(with_minutes),
        outside_visits=len(visits) - len(inside),
        outside_minutes=Fraction(outside_minutes),
        by_hour=tuple(HourBar(h, hour_inside[h], hour_outside[h]) for h in range(24)),
        by_weekday=tuple(
            WeekdayBar(d, weekday_open_days[d], weekday_inside[d], weekday_outside[d])
            for d in range(7)
        ),
        inside_visits=tuple(inside),
        assumptions=[
            Assumption("period", (period.start, period.end)),
            Assumption("closed_dates", tuple(sorted(period.closed_dates))),
            Assumption("observed_days", None if period.observed is None else len(period.observed)),
            Assumption("visits", len(inside), "derived"),
            Assumption("visits_outside", len(visits) - len(inside), "derived"),
            Assumption("visit_minutes", visit_minutes, "derived"),
            _RULE_CAPACITY,
            _RULE_INSIDE,
        ],
    )


def analyse_totals(location: Location, totals: VisitTotals) -> Analysis:
    """Analyse counted totals: days observed, visits, minutes with visitors (and opening hours)."""
    days = totals.days_observed
    source: Literal["input", "derived"] = "input"
    if totals.opening_hours is not None:
        opening_minutes = Fraction(totals.opening_hours) * _HOUR
    else:
        per_week = len(location.open_weekdays)
        if per_week == 0:
            raise OpeningHoursError("opening_hours", ErrorCode.NO_OPENING_HOURS, None)
        opening_minutes = Fraction(location.weekly_opening_minutes, per_week) * days
        source = "derived"
    minutes = Fraction(totals.minutes_with_visitors)
    duty_minutes = opening_minutes * location.staff_on_duty
    return _finish(
        location=location,
        basis="totals",
        open_days=days,
        opening_minutes=opening_minutes,
        visits=totals.visits,
        visit_minutes=minutes,
        with_minutes=min(minutes, duty_minutes),
        outside_visits=0,
        outside_minutes=Fraction(0),
        by_hour=(),
        by_weekday=(),
        inside_visits=(),
        assumptions=[
            Assumption("period", ("days_observed", days)),
            Assumption("closed_dates", ()),
            Assumption("days_observed", days),
            Assumption("opening_hours_observed", opening_minutes / _HOUR, source),
            Assumption("visits", totals.visits),
            Assumption("visits_outside", 0, "derived"),
            Assumption("visit_minutes", minutes),
            Assumption(
                "rule_capacity", "with_visitors=min(visit_minutes,staff_hours_on_duty)", "rule"
            ),
            Assumption("rule_inside", "totals_count_only_visits_in_opening_hours", "rule"),
        ],
    )


# --------------------------------------------------------------------------------------------
# A year, and scenarios compared with today
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class YearFigures:
    """One location's reception over a year, today or under a scenario."""

    open_days: Fraction
    opening_hours: Fraction
    staff_hours_on_duty: Fraction
    staff_hours_with_visitors: Fraction
    idle_staff_hours: Fraction
    travel_hours: Fraction
    visits: Fraction


def project_year(analysis: Analysis, year: Year) -> YearFigures:
    """Today's reception over a year, from the weekly schedule and the observed rates."""
    location = analysis.location
    days, weeks = year.resolve(location)
    opening_hours = location.weekly_opening_minutes * weeks / _HOUR
    duty = opening_hours * location.staff_on_duty
    share_with = _ratio(analysis.staff_hours_with_visitors, analysis.staff_hours_on_duty)
    with_visitors = duty * share_with if share_with is not None else Fraction(0)
    return YearFigures(
        open_days=days,
        opening_hours=opening_hours,
        staff_hours_on_duty=duty,
        staff_hours_with_visitors=with_visitors,
        idle_staff_hours=duty - with_visitors,
        travel_hours=days * location.travel_hours_per_open_day,
        visits=(analysis.visits_per_open_day or Fraction(0)) * days,
    )


@dataclass(frozen=True)
class ShorterHours:
    """Cut these intervals from the opening hours (each must lie inside today's hours)."""

    cuts: tuple[OpeningHours, ...]


@dataclass(frozen=True)
class FewerDays:
    """Stop opening on these weekdays."""

    weekdays: tuple[int, ...]


@dataclass(frozen=True)
class CloseForWalkIns:
    """Close the location for walk-ins; its visitors go elsewhere or book an appointment.

    The rest (1 - both shares) is assumed to be served by phone or digitally. Visits moved to
    another location are assumed to fit in its idle time; appointments cost
    ``minutes_per_appointment`` (default: today's average minutes per visit) of staff time each.
    """

    share_to_other_location: Number = 0
    share_to_appointments: Number = 0
    other_location: str | None = None
    minutes_per_appointment: Number | None = None

    def __post_init__(self) -> None:
        other = _share(self.share_to_other_location, "share_to_other_location")
        booked = _share(self.share_to_appointments, "share_to_appointments")
        if other + booked > 1:
            raise InconsistentInputError(
                "share_to_appointments", ErrorCode.SHARES_ABOVE_ONE, other + booked
            )
        object.__setattr__(self, "share_to_other_location", other)
        object.__setattr__(self, "share_to_appointments", booked)
        if self.minutes_per_appointment is not None:
            minutes = _non_negative(self.minutes_per_appointment, "minutes_per_appointment")
            object.__setattr__(self, "minutes_per_appointment", minutes)


Change = ShorterHours | FewerDays | CloseForWalkIns


@dataclass(frozen=True)
class CutHours:
    """One cut interval and the visits it had: in the period, and projected over the year."""

    weekday: int
    opens: time
    closes: time
    staff_hours_saved: Fraction
    visits_in_period: int | None
    visits_per_year: Fraction
    basis: VisitsBasis


@dataclass(frozen=True)
class ScenarioResult(_Traced):
    """A scenario next to today, over the same year."""

    kind: Literal["shorter_hours", "fewer_days", "close_for_walk_ins"]
    location: str
    year: Year
    today: YearFigures
    scenario: YearFigures
    staff_hours_saved: Fraction
    travel_hours_saved: Fraction
    visits_affected: Fraction
    visits_affected_basis: VisitsBasis
    cuts: tuple[CutHours, ...]
    visits_to_other_location: Fraction
    visits_to_appointments: Fraction
    visits_to_other_channels: Fraction
    staff_hours_added_for_appointments: Fraction
    assumptions: tuple[Assumption, ...]
    derivations: tuple[Derivation, ...]

    @property
    def total_hours_saved(self) -> Fraction:
        """Staff hours on duty and travel hours saved together."""
        return self.staff_hours_saved + self.travel_hours_saved


def cuts_to_keep(
    location: Location, opens: time, closes: time, weekdays: Iterable[int] | None = None
) -> ShorterHours:
    """The cuts that leave only ``opens``-``closes`` open (on the given weekdays, or all)."""
    keep = OpeningHours(0, opens, closes)
    listed = list(location.open_weekdays if weekdays is None else weekdays)
    for index, weekday in enumerate(listed):
        _weekday(weekday, f"weekdays[{index}]")
    chosen = set(listed)
    cuts: list[OpeningHours] = []
    for interval in location.opening_hours:
        if interval.weekday not in chosen:
            continue
        start, end = interval.start_minute, interval.end_minute
        pieces = [
            (start, min(end, keep.start_minute)),
            (max(start, keep.end_minute), end),
        ]
        for a, b in pieces:
            if a < b:
                cuts.append(OpeningHours(interval.weekday, time(a // 60, a % 60), _time_of(b)))
    return ShorterHours(tuple(cuts))


def _time_of(minute: int) -> time:
    if minute >= MINUTES_PER_DAY:
        return time(23, 59)  # pragma: no cover - opening hours cannot reach 24:00 with `time`
    return time(minute // 60, minute % 60)


def _visits_in(
    analysis: Analysis, weekday: int, start: int, end: int, weeks: Fraction
) -> tuple[int | None, Fraction, VisitsBasis]:
    """Visits arriving on ``weekday`` in [start, end), observed and projected over a year."""
    occurrences = analysis.open_days_on(weekday)
    if analysis.basis == "registrations" and occurrences:
        seen = sum(
            1
            for v in analysis.inside_visits
            if v.day.weekday() == weekday and start <= _minute_of_day(v.arrival) < end
        )
        return seen, Fraction(seen, occurrences) * weeks, "registrations"
    per_hour = analysis.visits_per_open_hour
    if per_hour is None:
        return None, Fraction(0), "none"
    return None, per_hour * Fraction(end - start) / _HOUR * weeks, "even_spread"


def _validate_cuts(location: Location, cuts: tuple[OpeningHours, ...]) -> None:
    if not cuts:
        raise ScenarioError("cuts", ErrorCode.NOTHING_TO_CHANGE, ())
    for index, cut in enumerate(cuts):
        if not isinstance(cut, OpeningHours):
            raise ScenarioError(f"cuts[{index}]", ErrorCode.NOT_A_NUMBER, cut)
        if not any(
            i.start_minute <= cut.start_minute and cut.end_minute <= i.end_minute
            for i in location.intervals_on(cut.weekday)
        ):
            raise ScenarioError(f"cuts[{index}]", ErrorCode.CUT_OUTSIDE_OPENING_HOURS, cut)
        for other in cuts[:index]:
            if (
                other.weekday == cut.weekday
                and cut.start_minute < other.end_minute
                and other.start_minute < cut.end_minute
            ):
                raise ScenarioError(f"cuts[{index}]", ErrorCode.OVERLAPPING_CUTS, cut)


def _scenario_figures(
    today: YearFigures,
    *,
    days_fewer: Fraction,
    hours_fewer: Fraction,
    duty_saved: Fraction,
    travel_saved: Fraction,
    visits_lost: Fraction,
) -> YearFigures:
    duty = today.staff_hours_on_duty - duty_saved
    # Visitors of the cut hours are assumed to come in the remaining hours, if there is room.
    with_visitors = min(today.staff_hours_with_visitors, duty)
    return YearFigures(
        open_days=today.open_days - days_fewer,
        opening_hours=today.opening_hours - hours_fewer,
        staff_hours_on_duty=duty,
        staff_hours_with_visitors=with_visitors,
        idle_staff_hours=duty - with_visitors,
        travel_hours=today.travel_hours - travel_saved,
        visits=today.visits - visits_lost,
    )


def compare(analysis: Analysis, change: Change, year: Year) -> ScenarioResult:
    """A scenario for one location next to today, over ``year``."""
    location = analysis.location
    today = project_year(analysis, year)
    days, weeks = year.resolve(location)
    staff = location.staff_on_duty
    base = [
        *_location_assumptions(location),
        Assumption("open_weeks", year.open_weeks),
        Assumption("open_days_per_year", days, "input" if year.open_days else "derived"),
        Assumption("weekday_occurrences_per_year", weeks, "derived"),
        Assumption("observed_visits_per_open_day", analysis.visits_per_open_day, "derived"),
        Assumption("observed_visits_per_open_hour", analysis.visits_per_open_hour, "derived"),
        Assumption("observed_idle_share", analysis.idle_share, "derived"),
        Assumption("observation_basis", analysis.basis, "derived"),
    ]
    zero = Fraction(0)
    cuts: tuple[CutHours, ...] = ()
    moved = booked = other_channels = added = zero

    if isinstance(change, ShorterHours):
        kind: Literal["shorter_hours", "fewer_days", "close_for_walk_ins"] = "shorter_hours"
        _validate_cuts(location, tuple(change.cuts))
        rows = []
        for cut in change.cuts:
            seen, per_year, basis = _visits_in(
                analysis, cut.weekday, cut.start_minute, cut.end_minute, weeks
            )
            rows.append(
                CutHours(
                    weekday=cut.weekday,
                    opens=cut.opens,
                    closes=cut.closes,
                    staff_hours_saved=Fraction(cut.minutes) * staff * weeks / _HOUR,
                    visits_in_period=seen,
                    visits_per_year=per_year,
                    basis=basis,
                )
            )
        cuts = tuple(rows)
        hours_fewer = sum((Fraction(c.minutes) for c in change.cuts), zero) * weeks / _HOUR
        duty_saved = sum((c.staff_hours_saved for c in cuts), zero)
        travel_saved = zero
        visits_affected = sum((c.visits_per_year for c in cuts), zero)
        basis_all = _combine_basis(c.basis for c in cuts)
        scenario = _scenario_figures(
            today,
            days_fewer=zero,
            hours_fewer=hours_fewer,
            duty_saved=duty_saved,
            travel_saved=zero,
            visits_lost=zero,
        )
        extra = [
            Assumption("cuts", tuple((c.weekday, c.opens, c.closes) for c in change.cuts), "input"),
            Assumption("rule_cut_visits", "visitors_of_cut_hours_come_in_remaining_hours", "rule"),
        ]
        derivations = (
            Derivation(
                "staff_hours_saved", ("cuts", "staff_on_duty", "weekday_occurrences_per_year")
            ),
            Derivation("travel_hours_saved", ()),
            Derivation(
                "visits_affected",
                (
                    "cuts",
                    "observation_basis",
                    "observed_visits_per_open_hour",
                    "weekday_occurrences_per_year",
                ),
            ),
        )
    elif isinstance(change, FewerDays):
        kind = "fewer_days"
        weekdays = tuple(change.weekdays)
        if not weekdays:
            raise ScenarioError("weekdays", ErrorCode.NOTHING_TO_CHANGE, ())
        for index, weekday in enumerate(weekdays):
            _weekday(weekday, f"weekdays[{index}]")
            if weekday in weekdays[:index]:
                raise ScenarioError(f"weekdays[{index}]", ErrorCode.DUPLICATE_WEEKDAY, weekday)
            if weekday not in location.open_weekdays:
                raise ScenarioError(f"weekdays[{index}]", ErrorCode.DAY_NOT_OPEN, weekday)
        minutes_fewer = sum(location.opening_minutes_on(d) for d in weekdays)
        hours_fewer = Fraction(minutes_fewer) * weeks / _HOUR
        duty_saved = hours_fewer * staff
        days_fewer = weeks * len(weekdays)
        travel_saved = days_fewer * location.travel_hours_per_open_day
        per_day = [_visits_in(analysis, d, 0, MINUTES_PER_DAY, weeks) for d in weekdays]
        if analysis.basis == "registrations" and all(b == "registrations" for _, _, b in per_day):
            visits_affected = sum((v for _, v, _ in per_day), zero)
            basis_all = "registrations"
        else:
            visits_affected = (analysis.visits_per_open_day or zero) * days_fewer
            basis_all = "even_spread" if analysis.visits_per_open_day is not None else "none"
        scenario = _scenario_figures(
            today,
            days_fewer=days_fewer,
            hours_fewer=hours_fewer,
            duty_saved=duty_saved,
            travel_saved=travel_saved,
            visits_lost=zero,
        )
        extra = [
            Assumption("weekdays_closed", weekdays, "input"),
            Assumption(
                "rule_closed_day_visits", "visitors_of_closed_days_come_on_open_days", "rule"
            ),
        ]
        derivations = (
            Derivation(
                "staff_hours_saved",
                (
                    "weekdays_closed",
                    "opening_hours_by_weekday",
                    "staff_on_duty",
                    "weekday_occurrences_per_year",
                ),
            ),
            Derivation(
                "travel_hours_saved",
                (
                    "weekdays_closed",
                    "weekday_occurrences_per_year",
                    "travelling_staff",
                    "travel_hours_per_staff_per_open_day",
                ),
            ),
            Derivation(
                "visits_affected",
                (
                    "weekdays_closed",
                    "observation_basis",
                    "observed_visits_per_open_day",
                    "weekday_occurrences_per_year",
                ),
            ),
        )
    elif isinstance(change, CloseForWalkIns):
        kind = "close_for_walk_ins"
        visits_affected = today.visits
        basis_all = "registrations" if analysis.basis == "registrations" else "even_spread"
        moved = visits_affected * Fraction(change.share_to_other_location)
        booked = visits_affected * Fraction(change.share_to_appointments)
        other_channels = visits_affected - moved - booked
        minutes_each = (
            Fraction(change.minutes_per_appointment)
            if change.minutes_per_appointment is not None
            else analysis.average_minutes_per_visit or zero
        )
        added = booked * minutes_each / _HOUR
        duty_saved = today.staff_hours_on_duty - added
        travel_saved = today.travel_hours
        scenario = YearFigures(
            open_days=zero,
            opening_hours=zero,
            staff_hours_on_duty=zero,
            staff_hours_with_visitors=zero,
            idle_staff_hours=zero,
            travel_hours=zero,
            visits=zero,
        )
        extra = [
            Assumption("share_to_other_location", change.share_to_other_location),
            Assumption("other_location", change.other_location),
            Assumption("share_to_appointments", change.share_to_appointments),
            Assumption(
                "minutes_per_appointment",
                minutes_each,
                "input" if change.minutes_per_appointment is not None else "derived",
            ),
            Assumption("rule_moved_visits", "moved_visits_fit_in_idle_time_elsewhere", "rule"),
        ]
        derivations = (
            Derivation(
                "staff_hours_saved",
                (
                    "opening_hours_by_weekday",
                    "staff_on_duty",
                    "weekday_occurrences_per_year",
                    "share_to_appointments",
                    "minutes_per_appointment",
                    "rule_moved_visits",
                ),
            ),
            Derivation(
                "travel_hours_saved",
                ("open_days_per_year", "travelling_staff", "travel_hours_per_staff_per_open_day"),
            ),
            Derivation(
                "visits_affected",
                ("observed_visits_per_open_day", "open_days_per_year", "observation_basis"),
            ),
        )
    else:
        raise ScenarioError("change", ErrorCode.NOTHING_TO_CHANGE, change)

    return ScenarioResult(
        kind=kind,
        location=location.name,
        year=year,
        today=today,
        scenario=scenario,
        staff_hours_saved=duty_saved,
        travel_hours_saved=travel_saved,
        visits_affected=visits_affected,
        visits_affected_basis=basis_all,
        cuts=cuts,
        visits_to_other_location=moved,
        visits_to_appointments=booked,
        visits_to_other_channels=other_channels,
        staff_hours_added_for_appointments=added,
        assumptions=(*base, *extra),
        derivations=derivations,
    )


def _combine_basis(bases: Iterable[VisitsBasis]) -> VisitsBasis:
    found = set(bases)
    if found == {"registrations"}:
        return "registrations"
    if found <= {"none"}:
        return "none"
    return "even_spread"


@dataclass(frozen=True)
class PlanTotals:
    """Several scenarios taken together, e.g. close one location and shorten another's hours."""

    results: tuple[ScenarioResult, ...]
    staff_hours_saved: Fraction
    travel_hours_saved: Fraction
    visits_affected: Fraction

    @property
    def total_hours_saved(self) -> Fraction:
        return self.staff_hours_saved + self.travel_hours_saved


def combine(results: Sequence[ScenarioResult]) -> PlanTotals:
    """Add up scenarios for different locations; each result keeps its own assumptions.

    Two changes to the same location would count its hours twice, so that is refused.
    """
    seen: set[str] = set()
    for index, result in enumerate(results):
        if result.location in seen:
            raise ScenarioError(f"results[{index}]", ErrorCode.SAME_LOCATION_TWICE, result.location)
        seen.add(result.location)
    zero = Fraction(0)
    return PlanTotals(
        results=tuple(results),
        staff_hours_saved=sum((r.staff_hours_saved for r in results), zero),
        travel_hours_saved=sum((r.travel_hours_saved for r in results), zero),
        visits_affected=sum((r.visits_affected for r in results), zero),
    )
