"""The archive app's routes in the access walk (tests/access_rules.py says how).

The extraction is for the owners of the body (docs/decisions/0047): administrators, the
municipal owner of Ørland and the county's state owner. The NAV leader and the other readers of
Ørland's body get 403, outsiders 404. The public pages are walked with the county forum's slug.
"""

from partnerskap.meetings.models import Body

from ..access_rules import EVERY_SIGNED_IN, INTERNAL, PUBLIC, AppWalk, Rule

PAGES: dict[str, Rule] = {
    "archive:extract_index": EVERY_SIGNED_IN,  # lists only the bodies you may extract
    "archive:extract": Rule(INTERNAL, frozenset({"admin", "municipal_owner", "county_director"})),
    "archive:public_index": Rule(PUBLIC, anonymous=200),
    "archive:public_upcoming": Rule(PUBLIC, anonymous=200),
    "archive:public_feed": Rule(PUBLIC, anonymous=200),
}

API: dict[str, Rule] = {}


def build(world) -> AppWalk:
    body = Body.objects.get(slug="orland-partnerskapsmote")
    return AppWalk(pages={"archive:extract": body})
