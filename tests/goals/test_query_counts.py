"""Done 5: the goals page costs the same number of queries with 5 goals as with 50, each with a
key-figure indicator and a measure entered by hand, each with a target and values."""

from decimal import Decimal

import pytest
from django.urls import reverse

from partnerskap.figures.models import Indicator
from partnerskap.goals import selectors, services
from partnerskap.goals.models import Direction

from .conftest import import_figure


def add_goals(world, how_many: int) -> None:
    series = Indicator.objects.get(code="users_follow_up")
    for n in range(how_many):
        goal = services.goal_create(
            actor=world.nav_leader, partnership=world.orland, year=2020, title=f"Mål {n}"
        )
        for kwargs in ({"series": series}, {"name": f"Tiltak {n}", "unit": "stk"}):
            indicator = services.indicator_add(
                actor=world.nav_leader,
                goal=goal,
                direction=Direction.UP,
                baseline=Decimal(581),
                **kwargs,
            )
            services.target_set(
                actor=world.nav_leader, indicator=indicator, period_text="2020", value=1200
            )
            if "name" in kwargs:
                services.measurement_add(
                    actor=world.nav_leader, indicator=indicator, period_text="2020-T1", value=900
                )


@pytest.mark.parametrize("how_many", [5, 50])
def test_the_goals_page_costs_the_same_with_5_and_50_goals(
    world, client, django_assert_num_queries, how_many
):
    import_figure(world, "2020-W10", 581)
    import_figure(world, "2020-W18", 1130)
    client.force_login(world.member)
    url = reverse("goals:goal_list", args=[world.orland.pk]) + "?ar=2020"
    client.get(url)  # the session and the person's scope, as on any later page
    add_goals(world, 5)
    with django_assert_num_queries(QUERIES):
        assert client.get(url).status_code == 200
    if how_many == 50:
        add_goals(world, 45)
        with django_assert_num_queries(QUERIES):
            response = client.get(url)
        assert response.content.decode().count("goals-goal") == 50


def test_the_selector_costs_the_same_with_5_and_50_goals(world, django_assert_num_queries):
    import_figure(world, "2020-W18", 1130)
    add_goals(world, 5)
    with django_assert_num_queries(SELECTOR_QUERIES):
        assert len(selectors.goals_with_progress(world.orland, 2020)) == 5
    add_goals(world, 45)
    with django_assert_num_queries(SELECTOR_QUERIES):
        rows = selectors.goals_with_progress(world.orland, 2020)
    assert len(rows) == 50
    assert {row.readings[0].actual for row in rows} == {1130}


# as measured: the session, access, the partnership, the page's list and papers, the base page,
# and the six of the selector
QUERIES = 18
# goals, indicators, targets, measurements, the figures catalogue and the figures
SELECTOR_QUERIES = 6
