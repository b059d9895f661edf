"""A plan's goals (of its own partnership only, frozen with the version) and the front page's
"a plan awaits your approval" for each owner who has not approved yet."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from partnerskap.core.needs import needs_for
from partnerskap.goals import services as goal_services
from partnerskap.plans import services

from .conftest import NEXT_YEAR


def _goal(world, partnership, title: str):
    leader = world.nav_leader if partnership == world.orland else world.other_leader
    return goal_services.goal_create(
        actor=leader, partnership=partnership, year=NEXT_YEAR, title=title
    )


def test_a_plan_links_goals_of_its_own_partnership_only(world, plan):
    own = _goal(world, world.orland, "Flere unge i arbeid")
    other = _goal(world, world.other, "Kortere ventetid i Ålesund")
    with pytest.raises(ValidationError) as caught:
        services.plan_set_goals(
            actor=world.nav_leader, plan=plan, goals=[own, other], revision=plan.revision
        )
    assert "goals" in caught.value.message_dict
    services.plan_set_goals(actor=world.nav_leader, plan=plan, goals=[own], revision=plan.revision)
    version = services.plan_submit(actor=world.nav_leader, plan=plan, revision=plan.revision)
    assert version.content["goals"] == ["Flere unge i arbeid"]


def _approval_needs(person) -> list[str]:
    return [n.url for n in needs_for(person, timezone.localdate()) if n.kind == "plan_approval"]


def test_each_owner_sees_the_plan_until_they_have_approved(world, plan):
    assert _approval_needs(world.municipal_owner) == []
    services.plan_submit(actor=world.nav_leader, plan=plan, revision=plan.revision)
    url = f"/planer/{plan.pk}/godkjenn/"
    assert _approval_needs(world.municipal_owner) == [url]
    assert _approval_needs(world.county_director) == [url]
    assert _approval_needs(world.nav_leader) == []
    assert _approval_needs(world.other_leader) == []
    services.plan_approve(
        actor=world.municipal_owner, plan=plan, approved_as="Ordfører", revision=plan.revision
    )
    assert _approval_needs(world.municipal_owner) == []
    assert _approval_needs(world.county_director) == [url]


def test_the_needs_cost_the_same_with_more_plans(world, django_assert_max_num_queries):
    from .conftest import draft

    for year in (NEXT_YEAR, NEXT_YEAR + 1, NEXT_YEAR + 2):
        plan = draft(world, year=year)
        services.plan_submit(actor=world.nav_leader, plan=plan, revision=plan.revision)
    from partnerskap.plans.needs import approvals

    with django_assert_max_num_queries(5):
        assert len(approvals(world.county_director)) == 3
