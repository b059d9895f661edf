"""The reception analysis core (C7): the Indre Fosen seed, bad input and properties."""

from datetime import date, time, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partnerskap.reception.analysis import (
    Analysis,
    CloseForWalkIns,
    ErrorCode,
    FewerDays,
    InconsistentInputError,
    Location,
    NegativeValueError,
    OpeningHours,
    OpeningHoursError,
    OutOfRangeError,
    Period,
    PeriodError,
    ReceptionInputError,
    ScenarioError,
    ScenarioResult,
    ShorterHours,
    Visit,
    VisitTotals,
    Year,
    analyse_registrations,
    analyse_totals,
    combine,
    compare,
    cuts_to_keep,
    project_year,
    to_decimal,
    to_percent,
)

MON, TUE, WED, THU, FRI = range(5)

# The seed gives Rissa's totals but not its weekly hours; three days a week (as in "30 uker x 3
# dager i uken") from 10 to 14 is an assumption of these tests.
RISSA = Location(
    "Rissa",
    tuple(OpeningHours(day, time(10), time(14)) for day in (MON, TUE, THU)),
    staff_on_duty=2,
)
RISSA_TOTALS = VisitTotals(
    days_observed=17, visits=218, minutes_with_visitors=15 * 60, opening_hours=45
)

# Leksvik: one day a week, 3 hours (15 opening hours over 5 days in 5 weeks), two staff who each
# travel 3 hours there and back.
LEKSVIK = Location(
    "Leksvik",
    (OpeningHours(WED, time(10), time(13)),),
    staff_on_duty=2,
    travel_hours_per_staff=3,
)
LEKSVIK_TOTALS = VisitTotals(
    days_observed=5, visits=16, minutes_with_visitors=4 * 60, opening_hours=15
)


def assert_traceable(result: Analysis | ScenarioResult) -> None:
    keys = {a.key for a in result.assumptions}
    assert len(keys) == len(result.assumptions), "assumption keys are unique"
    for derivation in result.derivations:
        assert hasattr(result, derivation.figure), derivation.figure
        assert set(derivation.inputs) <= keys, derivation


# --- Rissa -----------------------------------------------------------------------------------


def test_rissa_from_the_seed():
    rissa = analyse_totals(RISSA, RISSA_TOTALS)

    assert rissa.open_days == 17
    assert rissa.visits == 218
    assert to_decimal(rissa.visits_per_open_day) == Decimal("12.8")
    assert rissa.opening_hours == 45
    assert rissa.staff_hours_on_duty == 90
    assert rissa.staff_hours_with_visitors == 15
    assert rissa.idle_staff_hours == 75
    assert rissa.idle_share == Fraction(5, 6)
    assert to_percent(rissa.idle_share) == Decimal("83")
    assert to_decimal(rissa.visits_per_open_hour) == Decimal("4.8")
    assert rissa.travel_hours == 0
    assert rissa.visits_outside_opening_hours == 0
    assert rissa.by_hour == ()
    assert_traceable(rissa)
    assert [a.value for a in rissa.inputs_of("staff_hours_on_duty")] == [45, 2]


def test_rissa_one_hour_less_three_days_a_week_for_30_weeks_saves_180_staff_hours():
    rissa = analyse_totals(RISSA, RISSA_TOTALS)
    one_hour_less = ShorterHours(
        tuple(OpeningHours(day, time(10), time(11)) for day in (MON, TUE, THU))
    )

    result = compare(rissa, one_hour_less, Year(open_weeks=30))

    assert result.staff_hours_saved == 180
    assert result.travel_hours_saved == 0
    assert [c.staff_hours_saved for c in result.cuts] == [60, 60, 60]
    # Totals say nothing about the hour of day: the visits of the cut hour are estimated from an
    # even spread over the opening hours (218 / 45 an hour, 90 cut hours a year).
    assert result.visits_affected_basis == "even_spread"
    assert result.visits_affected == Fraction(218, 45) * 90
    assert result.today.staff_hours_on_duty == 2 * 4 * 3 * 30
    assert result.scenario.staff_hours_on_duty == 720 - 180
    assert result.assumption("open_weeks").value == 30
    assert_traceable(result)
    assert {a.key for a in result.inputs_of("staff_hours_saved")} == {
        "cuts",
        "staff_on_duty",
        "weekday_occurrences_per_year",
    }


def test_cuts_to_keep_builds_the_same_cut_as_opening_at_eleven():
    rissa = analyse_totals(RISSA, RISSA_TOTALS)
    assert cuts_to_keep(RISSA, time(11), time(14)) == ShorterHours(
        tuple(OpeningHours(day, time(10), time(11)) for day in (MON, TUE, THU))
    )
    # The seed's conclusion: "Reduser åpningstiden i Rissa til 12 – 14".
    twelve_to_two = compare(rissa, cuts_to_keep(RISSA, time(12), time(14)), Year(open_weeks=30))
    assert twelve_to_two.staff_hours_saved == 360


# --- Leksvik ---------------------------------------------------------------------------------


def test_leksvik_from_the_seed():
    leksvik = analyse_totals(LEKSVIK, LEKSVIK_TOTALS)

    assert leksvik.staff_hours_on_duty == 30
    assert leksvik.staff_hours_with_visitors == 4
    assert leksvik.idle_staff_hours == 26
    assert leksvik.travel_hours == 30
    assert to_decimal(leksvik.visits_per_open_day) == Decimal("3.2")
    assert_traceable(leksvik)
    assert [a.value for a in leksvik.inputs_of("travel_hours")] == [5, 2, 3]


def test_leksvik_over_a_year_of_30_open_days():
    """The inputs imply 2 staff x 3 h x 30 days = 180 travel hours and 26/5 x 30 = 156 idle.

    The seed's slide says "900 timer kun i reisetid" for 30 days; that is the 30 travel hours of
    the five observed days multiplied by 30 days, not what its own inputs give.
    """
    leksvik = analyse_totals(LEKSVIK, LEKSVIK_TOTALS)
    year = project_year(leksvik, Year(open_days=30))

    assert year.open_days == 30
    assert year.travel_hours == 2 * 3 * 30 == 180
    assert year.staff_hours_on_duty == 2 * 3 * 30 == 180
    assert year.staff_hours_with_visitors == Fraction(4, 5) * 30 == 24
    assert year.idle_staff_hours == Fraction(26, 5) * 30 == 156
    assert year.visits == Fraction(16, 5) * 30 == 96


def test_close_leksvik_for_walk_ins():
    leksvik = analyse_totals(LEKSVIK, LEKSVIK_TOTALS)
    close = CloseForWalkIns(
        share_to_other_location=Fraction(1, 2),
        share_to_appointments=Fraction(1, 4),
        other_location="Rissa",
        minutes_per_appointment=30,
    )

    result = compare(leksvik, close, Year(open_days=30))

    assert result.visits_affected == 96
    assert result.visits_to_other_location == 48
    assert result.visits_to_appointments == 24
    assert result.visits_to_other_channels == 24
    assert result.staff_hours_added_for_appointments == 12
    assert result.staff_hours_saved == 180 - 12
    assert result.travel_hours_saved == 180
    assert result.total_hours_saved == 348
    assert result.scenario.staff_hours_on_duty == 0
    assert_traceable(result)


def test_close_leksvik_and_open_rissa_twelve_to_two_taken_together():
    """The seed's conclusion as one plan, over 30 weeks (Leksvik: one day a week)."""
    year = Year(open_weeks=30)
    rissa = compare(
        analyse_totals(RISSA, RISSA_TOTALS), cuts_to_keep(RISSA, time(12), time(14)), year
    )
    leksvik = compare(
        analyse_totals(LEKSVIK, LEKSVIK_TOTALS),
        CloseForWalkIns(share_to_other_location=1, other_location="Rissa"),
        year,
    )

    plan = combine([rissa, leksvik])

    assert plan.staff_hours_saved == 360 + 180
    assert plan.travel_hours_saved == 180
    assert plan.total_hours_saved == 720
    assert plan.visits_affected == rissa.visits_affected + 96
    with pytest.raises(ScenarioError) as caught:
        combine([rissa, rissa])
    assert (caught.value.code, caught.value.field) == (
        ErrorCode.SAME_LOCATION_TWICE,
        "results[1]",
    )


def test_leksvik_registered_visit_by_visit_gives_the_same_figures():
    wednesdays = [date(2026, 1, 7) + timedelta(weeks=n) for n in range(5)]
    visits = [Visit(wednesdays[n % 5], time(10 + n % 3, 5), 15) for n in range(16)]
    leksvik = analyse_registrations(LEKSVIK, Period(date(2026, 1, 5), date(2026, 2, 8)), visits)

    assert leksvik.open_days == 5
    assert leksvik.opening_hours == 15
    assert leksvik.visits == 16
    assert leksvik.staff_hours_on_duty == 30
    assert leksvik.staff_hours_with_visitors == 4
    assert leksvik.idle_staff_hours == 26
    assert leksvik.travel_hours == 30
    assert leksvik.average_minutes_per_visit == 15
    assert sum(bar.total for bar in leksvik.by_hour) == 16
    assert [bar.inside for bar in leksvik.by_hour[10:13]] == [6, 5, 5]
    assert leksvik.by_weekday[WED].open_days == 5
    assert_traceable(leksvik)


# --- Registrations: what counts where --------------------------------------------------------


def test_visits_outside_opening_hours_are_counted_separately():
    location = Location("Branch", (OpeningHours(MON, time(10), time(12)),), staff_on_duty=1)
    monday = date(2026, 1, 5)
    visits = [
        Visit(monday, time(9, 50), 20),  # before opening
        Visit(monday, time(10, 0), 30),
        Visit(monday, time(12, 0), 10),  # at closing time
        Visit(monday + timedelta(days=1), time(10, 30), 10),  # closed weekday
    ]
    result = analyse_registrations(location, Period(monday, monday + timedelta(days=1)), visits)

    assert result.visits == 1
    assert result.visits_outside_opening_hours == 3
    assert result.visit_hours_outside_opening_hours == Fraction(40, 60)
    assert result.staff_hours_with_visitors == Fraction(30, 60)
    assert result.by_hour[9].outside == 1
    assert result.by_hour[10].inside == 1
    assert result.by_hour[10].outside == 1
    assert result.total_visits == 4 == sum(bar.total for bar in result.by_hour)


def test_staff_time_with_visitors_is_capped_at_staff_on_duty_and_closing_time():
    location = Location("Branch", (OpeningHours(MON, time(10), time(11)),), staff_on_duty=2)
    monday = date(2026, 1, 5)
    visits = [Visit(monday, time(10, 0), 30) for _ in range(3)] + [
        Visit(monday, time(10, 50), 30)  # runs 20 minutes past closing
    ]
    result = analyse_registrations(location, Period(monday, monday), visits)

    assert result.visit_hours == Fraction(120, 60)
    # 10:00-10:30: three visitors, two staff -> 60 staff minutes; 10:50-11:00 -> 10.
    assert result.staff_hours_with_visitors == Fraction(70, 60)
    assert result.visit_hours_beyond_capacity == Fraction(50, 60)
    assert result.idle_staff_hours == Fraction(50, 60)


def test_closed_dates_are_not_open_days():
    location = Location("Branch", (OpeningHours(MON, time(10), time(11)),), staff_on_duty=1)
    monday = date(2026, 1, 5)
    period = Period(monday, monday + timedelta(days=7), frozenset({monday}))
    result = analyse_registrations(location, period, [Visit(monday, time(10), 5)])
    assert result.open_days == 1
    assert result.visits_outside_opening_hours == 1


def test_shorter_hours_from_registrations_counts_the_visits_those_hours_had():
    location = Location(
        "Branch",
        (OpeningHours(MON, time(9), time(12)), OpeningHours(WED, time(9), time(12))),
        staff_on_duty=1,
    )
    monday = date(2026, 1, 5)
    visits = [
        Visit(monday, time(9, 15), 10),
        Visit(monday, time(11, 15), 10),
        Visit(monday + timedelta(weeks=1), time(9, 40), 10),
    ]
    analysis = analyse_registrations(location, Period(monday, monday + timedelta(days=13)), visits)
    result = compare(analysis, cuts_to_keep(location, time(10), time(12)), Year(open_weeks=40))

    monday_cut, wednesday_cut = result.cuts
    assert (monday_cut.visits_in_period, monday_cut.basis) == (2, "registrations")
    assert monday_cut.visits_per_year == Fraction(2, 2) * 40
    assert wednesday_cut.visits_in_period == 0
    assert result.visits_affected == 40
    assert result.staff_hours_saved == 2 * 40


def test_fewer_days_saves_that_day_and_its_travel():
    location = Location(
        "Branch",
        (OpeningHours(MON, time(9), time(12)), OpeningHours(THU, time(9), time(11))),
        staff_on_duty=2,
        travel_hours_per_staff=Decimal("1.5"),
        travelling_staff=1,
    )
    analysis = analyse_totals(location, VisitTotals(10, 20, 200))
    result = compare(analysis, FewerDays((THU,)), Year(open_weeks=30, open_days=58))

    weeks = Fraction(58, 2)
    assert result.staff_hours_saved == 2 * 2 * weeks
    assert result.travel_hours_saved == Fraction(3, 2) * weeks
    assert result.visits_affected == 2 * weeks
    assert result.scenario.open_days == 58 - weeks
    assert_traceable(result)


# --- Bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "error", "code", "field"),
    [
        (
            lambda: Visit(date(2026, 1, 5), time(10), -5),
            NegativeValueError,
            ErrorCode.NEGATIVE,
            "minutes",
        ),
        (
            lambda: OpeningHours(MON, time(14), time(10)),
            OpeningHoursError,
            ErrorCode.CLOSES_BEFORE_OPENS,
            "closes",
        ),
        (
            lambda: OpeningHours(MON, time(10), time(10)),
            OpeningHoursError,
            ErrorCode.CLOSES_BEFORE_OPENS,
            "closes",
        ),
        (
            lambda: OpeningHours(7, time(10), time(11)),
            OutOfRangeError,
            ErrorCode.INVALID_WEEKDAY,
            "weekday",
        ),
        (
            lambda: OpeningHours(MON, time(10, 0, 30), time(11)),
            OpeningHoursError,
            ErrorCode.NOT_WHOLE_MINUTE,
            "opens",
        ),
        (
            lambda: Location("X", (), staff_on_duty=-1),
            NegativeValueError,
            ErrorCode.NEGATIVE,
            "staff_on_duty",
        ),
        (
            lambda: Location("X", (), staff_on_duty=True),
            ReceptionInputError,
            ErrorCode.NOT_WHOLE,
            "staff_on_duty",
        ),
        (
            lambda: Location("X", (), staff_on_duty=1, travel_hours_per_staff=-1),
            NegativeValueError,
            ErrorCode.NEGATIVE,
            "travel_hours_per_staff",
        ),
        (
            lambda: Location("X", (), staff_on_duty=1, travel_hours_per_staff=float("nan")),
            ReceptionInputError,
            ErrorCode.NOT_A_NUMBER,
            "travel_hours_per_staff",
        ),
        (
            lambda: Location("X", (), staff_on_duty=1, travelling_staff=2),
            InconsistentInputError,
            ErrorCode.TRAVELLING_EXCEEDS_STAFF,
            "travelling_staff",
        ),
        (
            lambda: Location(
                "X",
                (OpeningHours(MON, time(10), time(12)), OpeningHours(MON, time(11), time(13))),
                staff_on_duty=1,
            ),
            OpeningHoursError,
            ErrorCode.OVERLAPPING_OPENING_HOURS,
            "opening_hours[1]",
        ),
        (
            lambda: Period(date(2026, 2, 1), date(2026, 1, 1)),
            PeriodError,
            ErrorCode.END_BEFORE_START,
            "end",
        ),
        (
            lambda: VisitTotals(0, 0, 0),
            InconsistentInputError,
            ErrorCode.NO_OPEN_DAYS,
            "days_observed",
        ),
        (
            lambda: VisitTotals(5, 16, -1),
            NegativeValueError,
            ErrorCode.NEGATIVE,
            "minutes_with_visitors",
        ),
        (lambda: VisitTotals(5, -1, 0), NegativeValueError, ErrorCode.NEGATIVE, "visits"),
        (lambda: Year(), InconsistentInputError, ErrorCode.MISSING_YEAR, "open_weeks"),
        (lambda: Year(open_weeks=-3), NegativeValueError, ErrorCode.NEGATIVE, "open_weeks"),
        (
            lambda: CloseForWalkIns(share_to_appointments=Decimal("1.5")),
            OutOfRangeError,
            ErrorCode.SHARE_ABOVE_ONE,
            "share_to_appointments",
        ),
        (
            lambda: CloseForWalkIns(share_to_other_location=0.75, share_to_appointments=0.5),
            InconsistentInputError,
            ErrorCode.SHARES_ABOVE_ONE,
            "share_to_appointments",
        ),
    ],
)
def test_bad_input_names_code_and_field(build, error, code, field):
    with pytest.raises(error) as caught:
        build()
    assert isinstance(caught.value, ValueError)
    assert caught.value.code == code
    assert caught.value.field == field


def test_a_visit_outside_the_period_is_refused_with_its_position():
    monday = date(2026, 1, 5)
    visits = [Visit(monday, time(10), 5), Visit(monday + timedelta(days=9), time(10), 5)]
    with pytest.raises(PeriodError) as caught:
        analyse_registrations(RISSA, Period(monday, monday + timedelta(days=6)), visits)
    assert caught.value.code == ErrorCode.VISIT_OUTSIDE_PERIOD
    assert caught.value.field == "visits[1].day"


def test_scenarios_refuse_what_the_schedule_does_not_have():
    rissa = analyse_totals(RISSA, RISSA_TOTALS)
    year = Year(open_weeks=30)
    cases = [
        (
            ShorterHours((OpeningHours(WED, time(10), time(11)),)),
            ErrorCode.CUT_OUTSIDE_OPENING_HOURS,
            "cuts[0]",
        ),
        (
            ShorterHours((OpeningHours(MON, time(13), time(15)),)),
            ErrorCode.CUT_OUTSIDE_OPENING_HOURS,
            "cuts[0]",
        ),
        (
            ShorterHours(
                (OpeningHours(MON, time(10), time(12)), OpeningHours(MON, time(11), time(13)))
            ),
            ErrorCode.OVERLAPPING_CUTS,
            "cuts[1]",
        ),
        (ShorterHours(()), ErrorCode.NOTHING_TO_CHANGE, "cuts"),
        (FewerDays((WED,)), ErrorCode.DAY_NOT_OPEN, "weekdays[0]"),
        (FewerDays((MON, MON)), ErrorCode.DUPLICATE_WEEKDAY, "weekdays[1]"),
    ]
    for change, code, field in cases:
        with pytest.raises(ScenarioError) as caught:
            compare(rissa, change, year)
        assert (caught.value.code, caught.value.field) == (code, field)

    with pytest.raises(InconsistentInputError) as caught:
        compare(rissa, FewerDays((MON,)), Year(open_weeks=10, open_days=31))
    assert caught.value.code == ErrorCode.MORE_DAYS_THAN_WEEKS_ALLOW


# --- Properties ------------------------------------------------------------------------------

START = date(2026, 1, 5)


@st.composite
def locations(draw) -> Location:
    weekdays = draw(st.sets(st.integers(0, 6), min_size=1, max_size=4))
    hours = []
    for weekday in sorted(weekdays):
        opens = draw(st.integers(6 * 60, 12 * 60))
        length = draw(st.integers(15, 6 * 60))
        hours.append(OpeningHours(weekday, _at(opens), _at(opens + length)))
        if draw(st.booleans()):
            later = opens + length + draw(st.integers(0, 60))
            hours.append(OpeningHours(weekday, _at(later), _at(later + draw(st.integers(15, 120)))))
    staff = draw(st.integers(0, 4))
    return Location(
        "Anywhere",
        tuple(hours),
        staff_on_duty=staff,
        travel_hours_per_staff=draw(st.fractions(0, 4, max_denominator=4)),
        travelling_staff=draw(st.integers(0, staff)),
    )


def _at(minute: int) -> time:
    return time(minute // 60, minute % 60)


@st.composite
def registrations(draw) -> tuple[Location, Period, list[Visit]]:
    location = draw(locations())
    days = draw(st.integers(1, 21))
    period = Period(START, START + timedelta(days=days - 1))
    visits = draw(
        st.lists(
            st.builds(
                Visit,
                st.integers(0, days - 1).map(lambda n: START + timedelta(days=n)),
                st.integers(5 * 60, 20 * 60).map(_at),
                st.integers(0, 240),
            ),
            max_size=40,
        )
    )
    return location, period, visits


@settings(max_examples=60, deadline=None)
@given(registrations())
def test_idle_plus_with_visitors_is_on_duty_and_bars_sum_to_the_visits(case):
    location, period, visits = case
    result = analyse_registrations(location, period, visits)

    assert result.idle_staff_hours + result.staff_hours_with_visitors == result.staff_hours_on_duty
    assert 0 <= result.staff_hours_with_visitors <= result.staff_hours_on_duty
    assert result.staff_hours_with_visitors <= result.visit_hours
    assert len(result.by_hour) == 24
    assert sum(bar.total for bar in result.by_hour) == len(visits) == result.total_visits
    assert sum(bar.inside for bar in result.by_hour) == result.visits
    assert sum(bar.outside for bar in result.by_hour) == result.visits_outside_opening_hours
    assert sum(bar.total for bar in result.by_weekday) == len(visits)


@settings(max_examples=60, deadline=None)
@given(
    locations(),
    st.integers(1, 60),
    st.integers(0, 500),
    st.integers(0, 20_000),
    st.one_of(st.none(), st.integers(0, 300)),
)
def test_totals_keep_the_same_identity(location, days, visits, minutes, opening_hours):
    result = analyse_totals(location, VisitTotals(days, visits, minutes, opening_hours))
    assert result.idle_staff_hours + result.staff_hours_with_visitors == result.staff_hours_on_duty
    assert result.idle_staff_hours >= 0
    assert result.staff_hours_with_visitors + result.visit_hours_beyond_capacity == Fraction(
        minutes, 60
    )


@st.composite
def scenarios(draw) -> tuple[Analysis, object, Year]:
    location, period, visits = draw(registrations())
    analysis = analyse_registrations(location, period, visits)
    kind = draw(st.sampled_from(["shorter", "fewer", "close"]))
    if kind == "shorter":
        opens = draw(st.integers(6 * 60, 14 * 60))
        change = cuts_to_keep(location, _at(opens), _at(opens + draw(st.integers(1, 6 * 60))))
    elif kind == "fewer":
        days = draw(st.sets(st.sampled_from(location.open_weekdays), min_size=1))
        change = FewerDays(tuple(sorted(days)))
    else:
        other = draw(st.fractions(0, 1, max_denominator=10))
        booked = draw(st.fractions(0, 1 - other, max_denominator=10))
        change = CloseForWalkIns(other, booked, minutes_per_appointment=draw(st.integers(0, 90)))
    per_week = len(location.open_weekdays)
    weeks = draw(st.integers(0, 52))
    open_days = draw(st.one_of(st.none(), st.integers(0, weeks * per_week)))
    return analysis, change, Year(open_weeks=weeks, open_days=open_days)


@settings(max_examples=60, deadline=None)
@given(scenarios())
def test_savings_never_exceed_the_hours_on_duty(case):
    analysis, change, year = case
    try:
        result = compare(analysis, change, year)
    except ScenarioError as error:
        assert error.code == ErrorCode.NOTHING_TO_CHANGE  # the window kept every hour open
        return
    assert result.staff_hours_saved <= result.today.staff_hours_on_duty
    assert 0 <= result.travel_hours_saved <= result.today.travel_hours
    assert result.visits_affected >= 0
    scenario = result.scenario
    assert scenario.idle_staff_hours + scenario.staff_hours_with_visitors == (
        scenario.staff_hours_on_duty
    )
    assert scenario.staff_hours_on_duty >= 0
    if not isinstance(change, CloseForWalkIns):
        assert result.staff_hours_saved >= 0
        assert (
            result.today.staff_hours_on_duty - result.staff_hours_saved
            == scenario.staff_hours_on_duty
        )
    assert_traceable(result)
