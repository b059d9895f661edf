"""The staff time with visitors by interval arithmetic gives exactly the figures of the old
minute-by-minute walk (issue 16, done 3). The old algorithm is kept here as the reference and
compared with the new on random visit sets and on the demo's Rissa and Leksvik."""

from datetime import date, time, timedelta
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from partnerskap.demo.reception import (
    FIRST_DAY,
    LAST_DAY,
    LEKSVIK_FIRST,
    LEKSVIK_HOURS,
    LEKSVIK_LAST,
    RISSA_HOURS,
    leksvik_visits,
    rissa_visits,
)
from partnerskap.reception import analysis as core
from partnerskap.reception.analysis import observed
from partnerskap.reception.analysis.inputs import MINUTES_PER_DAY, _minute_of_day

START = date(2020, 1, 6)  # a Monday


def reference_staff_minutes(location: core.Location, inside: list[core.Visit]) -> int:
    """The algorithm before issue 16, unchanged: minute by minute over every day with visits."""
    staff = location.staff_on_duty
    by_day: dict[date, list[core.Visit]] = {}
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
    return with_minutes


def _at(minute: int) -> time:
    return time(minute // 60, minute % 60)


def _intervals(rows: list[tuple[int, int, int]]) -> tuple[core.OpeningHours, ...]:
    """Up to two non-overlapping intervals per weekday from (weekday, opens, length) rows."""
    taken: dict[int, list[tuple[int, int]]] = {}
    out = []
    for weekday, opens, length in rows:
        closes = min(opens + length, MINUTES_PER_DAY - 1)
        if closes <= opens:
            continue
        spans = taken.setdefault(weekday, [])
        if len(spans) >= 2 or any(opens < b and a < closes for a, b in spans):
            continue
        spans.append((opens, closes))
        out.append(core.OpeningHours(weekday, _at(opens), _at(closes)))
    return tuple(out)


opening = st.lists(
    st.tuples(st.integers(0, 6), st.integers(0, 23 * 60), st.integers(1, 600)),
    min_size=1,
    max_size=8,
).map(_intervals)
visit_rows = st.lists(
    st.tuples(st.integers(0, 27), st.integers(0, MINUTES_PER_DAY - 1), st.integers(0, 30 * 60)),
    max_size=80,
)


def _analyse(location, period, visits, *, reference: bool) -> core.Analysis:
    if not reference:
        return core.analyse_registrations(location, period, visits)
    with mock.patch.object(observed, "_staff_minutes_with_visitors", reference_staff_minutes):
        return core.analyse_registrations(location, period, visits)


@settings(max_examples=300, deadline=None)
@given(opening, visit_rows, st.integers(0, 4), st.sets(st.integers(0, 27), max_size=5))
def test_interval_arithmetic_equals_the_minute_walk(intervals, rows, staff, closed):
    location = core.Location("Sted", intervals, staff_on_duty=staff)
    visits = [core.Visit(START + timedelta(days=d), _at(m), n) for d, m, n in rows]
    period = core.Period(
        START,
        START + timedelta(days=27),
        closed_dates=frozenset(START + timedelta(days=d) for d in closed),
    )
    new = _analyse(location, period, visits, reference=False)
    old = _analyse(location, period, visits, reference=True)
    assert new == old
    assert observed._staff_minutes_with_visitors(
        location, list(new.inside_visits)
    ) == reference_staff_minutes(location, list(new.inside_visits))


def test_the_demo_gives_the_same_figures_as_before():
    for hours, first, last, rows in (
        (RISSA_HOURS, FIRST_DAY, LAST_DAY, rissa_visits()),
        (LEKSVIK_HOURS, LEKSVIK_FIRST, LEKSVIK_LAST, leksvik_visits()),
    ):
        location = core.Location(
            "Sted", tuple(core.OpeningHours(*h) for h in hours), staff_on_duty=2
        )
        visits = [core.Visit(*row) for row in rows]
        period = core.Period(first, last, observed=frozenset(v.day for v in visits))
        new = _analyse(location, period, visits, reference=False)
        assert new == _analyse(location, period, visits, reference=True)
        assert new.visits == len(visits) and new.staff_hours_with_visitors > 0
    # Leksvik visit by visit, as the seed counted it: 16 visits, 4 staff hours with visitors
    assert (new.visits, new.staff_hours_with_visitors) == (16, 4)
