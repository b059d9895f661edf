"""Done 1: a goal on the follow-up series shows 581 → 1 130 against its target with the right
status, and a new import moves its progress with no other edit; the arithmetic on its own."""

from decimal import Decimal

import pytest
from django.urls import reverse

from partnerskap.goals import selectors, services
from partnerskap.goals.models import Direction
from partnerskap.goals.progress import Status, combined, progress, status

from .conftest import follow_up_goal, import_figure


def test_the_follow_up_goal_is_on_the_way_at_1130(world, follow_up):
    [row] = selectors.goals_with_progress(world.orland, 2020)
    [reading] = row.readings
    assert reading.baseline == 581
    assert reading.actual == 1130
    assert reading.target_value == 1200
    assert reading.percent == 89  # (1130 − 581) / (1200 − 581) = 0.887
    assert reading.status == row.status == Status.ON_THE_WAY


def test_the_page_shows_581_to_1130_against_the_target(world, follow_up, client):
    client.force_login(world.member)
    html = client.get(reverse("goals:goal_list", args=[world.orland.pk]) + "?ar=2020")
    text = html.content.decode()
    assert html.status_code == 200
    for shown in ("581", "1\xa0130", "1\xa0200", "89 %", "på vei"):
        assert shown in text, shown


def test_a_new_import_moves_the_progress_with_no_other_edit(world, follow_up):
    import_figure(world, "2020-W20", 1250)
    [row] = selectors.goals_with_progress(world.orland, 2020)
    assert row.readings[0].actual == 1250
    assert row.status == Status.REACHED
    assert row.percent == 100


def test_a_target_far_off_is_behind(world):
    import_figure(world, "2020-W10", 581)
    import_figure(world, "2020-W18", 1130)
    follow_up_goal(world, target=2000)  # 549 of 1 419: 39 %
    [row] = selectors.goals_with_progress(world.orland, 2020)
    assert (row.percent, row.status) == (39, Status.BEHIND)


def test_a_suppressed_figure_is_shown_as_colon_and_counts_as_no_data(world):
    import_figure(world, "2020-W10", 2)
    follow_up_goal(world)
    [row] = selectors.goals_with_progress(world.orland, 2020)
    assert row.readings[0].actual == ":"
    assert row.status == Status.NO_DATA
    assert row.readings[0].values == [("uke 10 2020", ":")]


def test_a_measure_entered_by_hand_lower_is_better(world):
    goal = services.goal_create(
        actor=world.nav_leader, partnership=world.orland, year=2026, title="Kortere ventetid"
    )
    indicator = services.indicator_add(
        actor=world.nav_leader,
        goal=goal,
        name="Dager til første samtale",
        unit="dager",
        direction=Direction.DOWN,
        baseline=Decimal(20),
        baseline_period="2025",
    )
    services.target_set(
        actor=world.nav_leader, indicator=indicator, period_text="2026", value=Decimal(10)
    )
    assert selectors.goal_progress(goal).status == Status.NO_DATA
    services.measurement_add(
        actor=world.nav_leader, indicator=indicator, period_text="2026-T1", value=Decimal(14)
    )
    row = selectors.goal_progress(goal)
    assert (row.readings[0].actual, row.percent, row.status) == (14, 60, Status.ON_THE_WAY)


@pytest.mark.parametrize(
    ("baseline", "target", "actual", "up", "expected"),
    [
        (581, 1200, 1130, True, Decimal(549) / Decimal(619)),
        (581, 1200, 500, True, Decimal(0)),  # the wrong way: clamped to 0
        (581, 1200, 1300, True, Decimal(1)),  # past the target: clamped to 1
        (20, 10, 14, False, Decimal("0.6")),
        (20, 10, 9, False, Decimal(1)),
        (10, 10, 9, True, Decimal(0)),  # baseline is the target and not met
        (10, 10, 10, True, Decimal(1)),
        (10, 20, None, True, None),
    ],
)
def test_progress_is_clamped_linear(baseline, target, actual, up, expected):
    actual = None if actual is None else Decimal(actual)
    assert progress(Decimal(baseline), Decimal(target), actual, up) == expected


def test_status_thresholds_and_the_goal_of_several_indicators():
    assert [status(v) for v in (None, Decimal(1), Decimal("0.5"), Decimal("0.49"))] == [
        Status.NO_DATA,
        Status.REACHED,
        Status.ON_THE_WAY,
        Status.BEHIND,
    ]
    assert combined([Decimal(1), Decimal("0.5")]) == Decimal("0.75")
    assert combined([Decimal(1), None]) == Decimal("0.99")  # one without data: not reached
    assert combined([None]) is None
