"""A year projected from the analysis, and what-if scenarios compared with today."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import time
from fractions import Fraction

from .changes import (
    Change,
    CloseForWalkIns,
    CutHours,
    FewerDays,
    ScenarioResult,
    ShorterHours,
    YearFigures,
    project_year,
)
from .inputs import (
    _HOUR,
    MINUTES_PER_DAY,
    Assumption,
    Derivation,
    ErrorCode,
    Location,
    OpeningHours,
    ScenarioError,
    VisitsBasis,
    Year,
    _minute_of_day,
    _weekday,
)
from .observed import (
    Analysis,
    _location_assumptions,
)

# --------------------------------------------------------------------------------------------
# A year, and scenarios compared with today
# --------------------------------------------------------------------------------------------


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
                cuts.append(OpeningHours(interval.weekday, time(a // 60, a % 60), time_of(b)))
    return ShorterHours(tuple(cuts))


def time_of(minute: int) -> time:
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


_SHORTER_HOURS_DERIVATIONS = (
    Derivation("staff_hours_saved", ("cuts", "staff_on_duty", "weekday_occurrences_per_year")),
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

_FEWER_DAYS_DERIVATIONS = (
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

_CLOSE_DERIVATIONS = (
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


def compare(analysis: Analysis, change: Change, year: Year) -> ScenarioResult:
    """A scenario for one location next to today, over ``year``."""
    location = analysis.location
    today = project_year(analysis, year)
    days, weeks = year.resolve(location)
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
    if isinstance(change, ShorterHours):
        effect = _shorter_hours(analysis, change, today, weeks)
    elif isinstance(change, FewerDays):
        effect = _fewer_days(analysis, change, today, weeks)
    elif isinstance(change, CloseForWalkIns):
        effect = _close_for_walk_ins(analysis, change, today)
    else:
        raise ScenarioError("change", ErrorCode.NOTHING_TO_CHANGE, change)
    extra = effect.pop("assumptions")
    zero = Fraction(0)
    unchanged = {
        "cuts": (),
        "visits_to_other_location": zero,
        "visits_to_appointments": zero,
        "visits_to_other_channels": zero,
        "staff_hours_added_for_appointments": zero,
    }
    return ScenarioResult(
        **(unchanged | effect),
        location=location.name,
        year=year,
        today=today,
        assumptions=(*base, *extra),
    )


def _shorter_hours(
    analysis: Analysis, change: ShorterHours, today: YearFigures, weeks: Fraction
) -> dict:
    """Cut intervals from the opening hours: their staff hours, and the visits seen in them."""
    location, zero = analysis.location, Fraction(0)
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
                staff_hours_saved=Fraction(cut.minutes) * location.staff_on_duty * weeks / _HOUR,
                visits_in_period=seen,
                visits_per_year=per_year,
                basis=basis,
            )
        )
    cuts = tuple(rows)
    hours_fewer = sum((Fraction(c.minutes) for c in change.cuts), zero) * weeks / _HOUR
    duty_saved = sum((c.staff_hours_saved for c in cuts), zero)
    return {
        "kind": "shorter_hours",
        "scenario": _scenario_figures(
            today,
            days_fewer=zero,
            hours_fewer=hours_fewer,
            duty_saved=duty_saved,
            travel_saved=zero,
            visits_lost=zero,
        ),
        "staff_hours_saved": duty_saved,
        "travel_hours_saved": zero,
        "visits_affected": sum((c.visits_per_year for c in cuts), zero),
        "visits_affected_basis": _combine_basis(c.basis for c in cuts),
        "cuts": cuts,
        "assumptions": [
            Assumption("cuts", tuple((c.weekday, c.opens, c.closes) for c in change.cuts), "input"),
            Assumption("rule_cut_visits", "visitors_of_cut_hours_come_in_remaining_hours", "rule"),
        ],
        "derivations": _SHORTER_HOURS_DERIVATIONS,
    }


def _closed_weekdays(location: Location, change: FewerDays) -> tuple[int, ...]:
    """The weekdays to close: at least one, each open today and named once."""
    weekdays = tuple(change.weekdays)
    if not weekdays:
        raise ScenarioError("weekdays", ErrorCode.NOTHING_TO_CHANGE, ())
    for index, weekday in enumerate(weekdays):
        _weekday(weekday, f"weekdays[{index}]")
        if weekday in weekdays[:index]:
            raise ScenarioError(f"weekdays[{index}]", ErrorCode.DUPLICATE_WEEKDAY, weekday)
        if weekday not in location.open_weekdays:
            raise ScenarioError(f"weekdays[{index}]", ErrorCode.DAY_NOT_OPEN, weekday)
    return weekdays


def _fewer_days(analysis: Analysis, change: FewerDays, today: YearFigures, weeks: Fraction) -> dict:
    """Close on some weekdays: their staff and travel hours, and the visits of those days."""
    location, zero = analysis.location, Fraction(0)
    weekdays = _closed_weekdays(location, change)
    minutes_fewer = sum(location.opening_minutes_on(d) for d in weekdays)
    hours_fewer = Fraction(minutes_fewer) * weeks / _HOUR
    duty_saved = hours_fewer * location.staff_on_duty
    days_fewer = weeks * len(weekdays)
    travel_saved = days_fewer * location.travel_hours_per_open_day
    per_day = [_visits_in(analysis, d, 0, MINUTES_PER_DAY, weeks) for d in weekdays]
    if analysis.basis == "registrations" and all(b == "registrations" for _, _, b in per_day):
        visits_affected = sum((v for _, v, _ in per_day), zero)
        basis_all: VisitsBasis = "registrations"
    else:
        visits_affected = (analysis.visits_per_open_day or zero) * days_fewer
        basis_all = "even_spread" if analysis.visits_per_open_day is not None else "none"
    return {
        "kind": "fewer_days",
        "scenario": _scenario_figures(
            today,
            days_fewer=days_fewer,
            hours_fewer=hours_fewer,
            duty_saved=duty_saved,
            travel_saved=travel_saved,
            visits_lost=zero,
        ),
        "staff_hours_saved": duty_saved,
        "travel_hours_saved": travel_saved,
        "visits_affected": visits_affected,
        "visits_affected_basis": basis_all,
        "assumptions": [
            Assumption("weekdays_closed", weekdays, "input"),
            Assumption(
                "rule_closed_day_visits", "visitors_of_closed_days_come_on_open_days", "rule"
            ),
        ],
        "derivations": _FEWER_DAYS_DERIVATIONS,
    }


def _close_for_walk_ins(analysis: Analysis, change: CloseForWalkIns, today: YearFigures) -> dict:
    """Close the location for walk-ins: where its visitors go, and the staff hours left over."""
    zero = Fraction(0)
    visits_affected = today.visits
    moved = visits_affected * Fraction(change.share_to_other_location)
    booked = visits_affected * Fraction(change.share_to_appointments)
    minutes_each = (
        Fraction(change.minutes_per_appointment)
        if change.minutes_per_appointment is not None
        else analysis.average_minutes_per_visit or zero
    )
    added = booked * minutes_each / _HOUR
    return {
        "kind": "close_for_walk_ins",
        "scenario": YearFigures(
            open_days=zero,
            opening_hours=zero,
            staff_hours_on_duty=zero,
            staff_hours_with_visitors=zero,
            idle_staff_hours=zero,
            travel_hours=zero,
            visits=zero,
        ),
        "staff_hours_saved": today.staff_hours_on_duty - added,
        "travel_hours_saved": today.travel_hours,
        "visits_affected": visits_affected,
        "visits_affected_basis": "registrations"
        if analysis.basis == "registrations"
        else "even_spread",
        "visits_to_other_location": moved,
        "visits_to_appointments": booked,
        "visits_to_other_channels": visits_affected - moved - booked,
        "staff_hours_added_for_appointments": added,
        "assumptions": [
            Assumption("share_to_other_location", change.share_to_other_location),
            Assumption("other_location", change.other_location),
            Assumption("share_to_appointments", change.share_to_appointments),
            Assumption(
                "minutes_per_appointment",
                minutes_each,
                "input" if change.minutes_per_appointment is not None else "derived",
            ),
            Assumption("rule_moved_visits", "moved_visits_fit_in_idle_time_elsewhere", "rule"),
        ],
        "derivations": _CLOSE_DERIVATIONS,
    }


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
