"""The reception app's routes in the access walk (tests/access_rules.py says how)."""

from ..access_rules import AppWalk, Rule

PAGES: dict[str, Rule] = {}
API: dict[str, Rule] = {}


def build(world) -> AppWalk:
    return AppWalk()
