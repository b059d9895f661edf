"""Properties through the models and selectors that feed the pages, the API and the charts."""

from datetime import date, time, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnerskap.reception import selectors, services
from partnerskap.reception.charts import hour_chart
from partnerskap.reception.models import ChangeKind, Scenario, Visit, VisitSource

START = date(2020, 1, 6)  # a Monday
DB_SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _at(minute: int) -> time:
    return time(minute // 60, minute % 60)


hours = st.lists(
    st.tuples(st.integers(0, 4), st.integers(8 * 60, 12 * 60), st.integers(30, 300)),
    min_size=1,
    max_size=5,
    unique_by=lambda t: t[0],
).map(lambda rows: [services.Interval(d, _at(o), _at(min(o + n, 23 * 60))) for d, o, n in rows])
visits = st.lists(
    st.tuples(st.integers(0, 20), st.integers(7 * 60, 18 * 60), st.integers(0, 240)),
    max_size=60,
)


def _set_up(
    world, location, intervals, rows, staff: int, travellers: int = 0, travel: int = 0
) -> tuple[date, date]:
    location.staff_on_duty = staff
    location.travelling_staff = min(travellers, staff)
    location.travel_hours = Decimal(travel) / 2
    location.save()
    services.location_hours_set(
        actor=world.nav_leader, location=location, hours=intervals, revision=location.revision
    )
    Visit.objects.filter(location=location).delete()
    Visit.objects.bulk_create(
        Visit(
            location=location,
            day=START + timedelta(days=day),
            arrival=_at(minute),
            minutes=minutes,
            source=VisitSource.IMPORT,
            created_by=world.nav_leader,
        )
        for day, minute, minutes in rows
    )
    return START, START + timedelta(days=20)


@DB_SETTINGS
@given(intervals=hours, rows=visits, staff=st.integers(0, 4))
def test_idle_plus_with_visitors_is_on_duty_and_the_chart_sums_to_the_visits(
    world, locations, intervals, rows, staff
):
    first, last = _set_up(world, locations.rissa, intervals, rows, staff)
    (result,) = selectors.analyse_locations(
        [selectors.location_for_user(world.nav_leader, locations.rissa.pk)], first, last
    )
    analysis = result.analysis
    if not rows:  # a period nobody counted in has no figures, not zero visits
        assert analysis is None
        return
    assert analysis.idle_staff_hours + analysis.staff_hours_with_visitors == (
        analysis.staff_hours_on_duty
    )
    bars = selectors.hour_bars(analysis)
    assert sum(bar.total for bar in bars) == len(rows)
    chart = hour_chart(analysis, "Rissa")  # its table is what a screen reader reads
    assert (sum(row[-1] for row in chart["rows"]) if chart else 0) == len(rows)


@DB_SETTINGS
@given(
    intervals=hours,
    rows=visits,
    staff=st.integers(1, 4),
    kind=st.sampled_from(list(ChangeKind)),
    window=st.tuples(st.integers(8 * 60, 14 * 60), st.integers(30, 300)),
    weeks=st.integers(1, 52),
    travellers=st.integers(1, 4),
    half_hours=st.integers(1, 12),  # travel there and back: 0.5 to 6 hours per person a day
)
def test_savings_never_exceed_the_hours_on_duty(
    world, locations, intervals, rows, staff, kind, window, weeks, travellers, half_hours
):
    first, last = _set_up(world, locations.rissa, intervals, rows, staff, travellers, half_hours)
    Scenario.objects.all().delete()
    scenario = services.scenario_create(
        actor=world.nav_leader,
        office=world.orland_office,
        name="Hva om",
        first_day=first,
        last_day=last,
        open_weeks=weeks,
    )
    start, length = window
    try:
        services.change_add(
            actor=world.nav_leader,
            scenario=scenario,
            location=locations.rissa,
            kind=kind,
            from_time=_at(start),
            to_time=_at(min(start + length, 23 * 60)),
            weekdays=[intervals[0].weekday],
            percent_to_appointments=50 if kind == ChangeKind.CLOSE else 0,
        )
    except ValidationError:
        return  # a change the schedule cannot take is refused with a message, and not saved
    (row,) = selectors.scenario_outcome(scenario).rows
    # Appointments may cost more than the hours saved, never the other way round.
    assert row.result.staff_hours_saved <= row.result.today.staff_hours_on_duty
    assert row.result.today.travel_hours > 0  # someone travels: the bound below is real
    assert 0 <= row.result.travel_hours_saved <= row.result.today.travel_hours
