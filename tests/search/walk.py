"""The search app's routes in the access walk (tests/access_rules.py says how).

Everyone signed in may search; what each finds is their own scope, which tests/search/
test_search.py checks persona by persona (the walk requests the routes without a query).
"""

from ..access_rules import EVERY_SIGNED_IN, AppWalk, Rule

PAGES: dict[str, Rule] = {
    "search:search": EVERY_SIGNED_IN,
}

API: dict[str, Rule] = {
    "GET /api/v1/search": EVERY_SIGNED_IN,
}


def build(world) -> AppWalk:
    return AppWalk()
