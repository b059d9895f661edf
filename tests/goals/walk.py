"""The goals app's routes in the access walk (tests/access_rules.py says how)."""

from decimal import Decimal

from partnerskap.goals import services
from partnerskap.goals.models import Direction

from ..access_rules import EDIT, READ, AppWalk, Rule

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
API: dict[str, Rule] = {}


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
    services.signal_create(
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
        markers=[SECRET_GOAL, SECRET_MEASURE, SECRET_SIGNAL],
        pages={name: about.get(name, world.orland) for name in PAGES},
    )
