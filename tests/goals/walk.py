"""The goals app's routes in the access walk (tests/access_rules.py says how)."""

from decimal import Decimal

from partnerskap.goals import services
from partnerskap.goals.models import Direction, Goal

from ..access_rules import EDIT, INTERNAL, READ, AppWalk, Rule

SECRET_GOAL = "Hemmelig mål for Ørland 5c2e"
SECRET_MEASURE = "Hemmelig måltall 5c2e"
SECRET_SIGNAL = "Hemmelig styringssignal 5c2e"

PAGES: dict[str, Rule] = {
    "goals:goal_list": READ,
    "goals:goal_create": EDIT,
    "goals:goals_pdf": READ,
    "goals:paper_attach": EDIT,
    "goals:goal_detail": READ,
    "goals:goal_edit": EDIT,
    "goals:indicator_add": EDIT,
    "goals:target_set": EDIT,
    "goals:measurement_add": EDIT,
    "goals:signal_list": READ,
    "goals:signal_create": EDIT,
}
CREATED = Rule(INTERNAL, EDIT.allowed, ok=201)
API: dict[str, Rule] = {
    "GET /api/v1/partnerships/{partnership_id}/goals": READ,
    "POST /api/v1/partnerships/{partnership_id}/goals": CREATED,
    "GET /api/v1/goals/{goal_id}": READ,
    "PATCH /api/v1/goals/{goal_id}": EDIT,
    "POST /api/v1/goals/{goal_id}/indicators": CREATED,
    "POST /api/v1/goal-indicators/{goal_indicator_id}/targets": CREATED,
    "POST /api/v1/goal-indicators/{goal_indicator_id}/measurements": CREATED,
    "GET /api/v1/partnerships/{partnership_id}/steering-signals": READ,
    "POST /api/v1/partnerships/{partnership_id}/steering-signals": CREATED,
}


def build(world) -> AppWalk:
    goal = services.goal_create(
        actor=world.nav_leader, partnership=world.orland, year=2026, title=SECRET_GOAL
    )
    indicator = services.indicator_add(
        actor=world.nav_leader,
        goal=goal,
        name=SECRET_MEASURE,
        direction=Direction.UP,
        baseline=Decimal(10),
    )
    signal = services.signal_create(
        actor=world.nav_leader,
        partnership=world.orland,
        year=2026,
        owner="state",
        title=SECRET_SIGNAL,
    )
    about = {
        "goals:goal_detail": goal,
        "goals:goal_edit": goal,
        "goals:indicator_add": goal,
        "goals:target_set": indicator,
        "goals:measurement_add": indicator,
    }
    return AppWalk(
        params={"goal_id": goal.pk, "goal_indicator_id": indicator.pk},
        bodies={
            "POST /api/v1/partnerships/{partnership_id}/goals": {"year": 2026, "title": "Nytt mål"},
            "PATCH /api/v1/goals/{goal_id}": lambda: {
                "revision": Goal.objects.get(pk=goal.pk).revision,
                "title": SECRET_GOAL,
            },
            "POST /api/v1/goals/{goal_id}/indicators": {
                "name": "Antall samtaler",
                "baseline": "10",
            },
            "POST /api/v1/goal-indicators/{goal_indicator_id}/targets": {
                "period": "2026",
                "value": "20",
            },
            "POST /api/v1/goal-indicators/{goal_indicator_id}/measurements": {
                "period": "2026-T1",
                "value": "12",
            },
            "POST /api/v1/partnerships/{partnership_id}/steering-signals": {
                "year": 2026,
                "owner": "municipality",
                "title": "Kommunens signal",
                "pulls_against_id": signal.pk,
            },
        },
        markers=[SECRET_GOAL, SECRET_MEASURE, SECRET_SIGNAL],
        pages={name: about.get(name, world.orland) for name in PAGES},
    )
