"""The analysis of a period: what the registrations or the counted totals show."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from typing import Literal

from .inputs import (
    _HOUR,
    MINUTES_PER_DAY,
    Assumption,
    Basis,
    Derivation,
    ErrorCode,
    Location,
    OpeningHoursError,
    Period,
    PeriodError,
    ReceptionInputError,
    Traced,
    Visit,
    VisitTotals,
    _minute_of_day,
    _ratio,
)

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
class Analysis(Traced):
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


@dataclass
class _Tally:
    """Registered visits sorted into inside and outside opening hours, by hour and weekday."""

    inside: list[Visit] = field(default_factory=list)
    outside_minutes: int = 0
    hour_inside: list[int] = field(default_factory=lambda: [0] * 24)
    hour_outside: list[int] = field(default_factory=lambda: [0] * 24)
    weekday_inside: list[int] = field(default_factory=lambda: [0] * 7)
    weekday_outside: list[int] = field(default_factory=lambda: [0] * 7)


def _sort_visits(
    location: Location, period: Period, visits: Sequence[Visit], open_dates: set[date]
) -> _Tally:
    tally = _Tally()
    spans = {
        d: [(i.start_minute, i.end_minute) for i in location.intervals_on(d)] for d in range(7)
    }
    for index, visit in enumerate(visits):
        if not isinstance(visit, Visit):
            raise ReceptionInputError(f"visits[{index}]", ErrorCode.NOT_A_NUMBER, visit)
        if visit.day not in period:
            raise PeriodError(f"visits[{index}].day", ErrorCode.VISIT_OUTSIDE_PERIOD, visit.day)
        weekday = visit.day.weekday()
        minute = _minute_of_day(visit.arrival)
        if visit.day in open_dates and any(a <= minute < b for a, b in spans[weekday]):
            tally.inside.append(visit)
            tally.hour_inside[visit.arrival.hour] += 1
            tally.weekday_inside[weekday] += 1
        else:
            tally.outside_minutes += visit.minutes
            tally.hour_outside[visit.arrival.hour] += 1
            tally.weekday_outside[weekday] += 1
    return tally


def _staff_minutes_with_visitors(location: Location, inside: list[Visit]) -> int:
    """Staff minutes with visitors: at each minute the visits in progress, capped at the staff on
    duty, summed over the opening intervals. Computed by interval arithmetic (issue 16): the
    visits of a day, sorted by their ends, cut the day into stretches in which the number in
    progress does not change, and each stretch counts for its overlap with the opening intervals.
    The same figure as counting minute by minute, in time linear in the visits."""
    staff = location.staff_on_duty
    intervals = {
        weekday: [(i.start_minute, i.end_minute) for i in location.intervals_on(weekday)]
        for weekday in location.open_weekdays
    }
    by_day: dict[date, list[tuple[int, int]]] = {}
    for visit in inside:
        if visit.minutes:
            start = _minute_of_day(visit.arrival)
            end = min(start + visit.minutes, MINUTES_PER_DAY)
            by_day.setdefault(visit.day, []).extend(((start, 1), (end, -1)))
    with_minutes = 0
    for day, events in by_day.items():
        day_intervals = intervals.get(day.weekday(), ())
        events.sort()
        running, previous = 0, 0
        for moment, delta in events:
            if running and moment > previous:
                with_minutes += min(running, staff) * _overlap(previous, moment, day_intervals)
            running += delta
            previous = moment
    return with_minutes


def _overlap(start: int, end: int, intervals: Sequence[tuple[int, int]]) -> int:
    """Minutes of [start, end) inside the intervals (which do not overlap each other)."""
    return sum(max(0, min(end, b) - max(start, a)) for a, b in intervals)


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
    weekday_open_days = [0] * 7
    for day in open_dates:
        weekday_open_days[day.weekday()] += 1
    tally = _sort_visits(location, period, visits, set(open_dates))
    inside = tally.inside
    with_minutes = _staff_minutes_with_visitors(location, inside)
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
        outside_minutes=Fraction(tally.outside_minutes),
        by_hour=tuple(HourBar(h, tally.hour_inside[h], tally.hour_outside[h]) for h in range(24)),
        by_weekday=tuple(
            WeekdayBar(d, weekday_open_days[d], tally.weekday_inside[d], tally.weekday_outside[d])
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
