"""The overview app's routes in the access walk (tests/access_rules.py says how).

Everyone signed in may open the overview and the registers; each lists only the partnerships the
person may read, which tests/overview/test_overview.py checks persona by persona.
"""

from ..access_rules import EVERY_SIGNED_IN, AppWalk, Rule

PAGES: dict[str, Rule] = {
    "overview:county_overview": EVERY_SIGNED_IN,
    "overview:county_overview_xlsx": EVERY_SIGNED_IN,
    "overview:follow_ups": EVERY_SIGNED_IN,
    "overview:decisions": EVERY_SIGNED_IN,
}

API: dict[str, Rule] = {}


def build(world) -> AppWalk:
    return AppWalk()
