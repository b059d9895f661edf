"""Who may request a route: the rule kinds of tests/test_access_walker.py (docs/decisions/0003).

Each app below the registry classifies its own routes in `tests/<app>/walk.py`:

    PAGES: dict[str, Rule]  URL name → rule, e.g. {"agreements:agreement_detail": READ}
    API: dict[str, Rule]    "METHOD /api/v1/path" → rule, in the OpenAPI order
    def build(world) -> AppWalk   Ørland's objects for the walk: the object each page name is
                                  about (its <int:pk>), the API's path parameters, a valid-looking
                                  body for every POST/PUT/PATCH, and Ørland's secrets (texts no
                                  outsider may ever see in a response)

Path parameter names are shared by all apps in one walk: give yours a name of your own
(`agreement_id`, not `id`).
"""

from dataclasses import dataclass, field

from django.db.models import Model

from .conftest import ORLAND_EDITORS, ORLAND_READERS

PERSONAS = (
    "admin",
    "nav_leader",
    "municipal_owner",
    "county_director",
    "minute_taker",
    "member",
    "outsider",
    "other_leader",
)
EVERYONE = frozenset(PERSONAS)
OUTSIDERS = frozenset({"outsider", "other_leader"})

# The four kinds of route.
PUBLIC = "public"  # (a) no login needed
SIGNED_IN = "signed-in"  # (b) reference data and your own lists: every signed-in person
INTERNAL = "internal"  # (c) internal to the partnership (here Ørland): 404 to everyone else
ADMIN = "admin"  # (d) changes to reference data (and creating partnerships): 403 to others
DJANGO_ADMIN = "django-admin"  # (d) Django's admin: staff only, everyone else to its login


@dataclass(frozen=True)
class Rule:
    kind: str
    allowed: frozenset[str] = EVERYONE  # the personas who get `ok`
    ok: int = 200
    method: str = "GET"
    anonymous: int | None = None  # public routes only: what a visitor without login gets


READ = Rule(INTERNAL, frozenset(ORLAND_READERS))
EDIT = Rule(INTERNAL, frozenset(ORLAND_EDITORS))
# Ørland's bodies are run by those who may change the partnership and by its minute-taker
# (meetings/access.py): they plan meetings, keep the agenda and write the minutes.
RUN = Rule(INTERNAL, frozenset(ORLAND_EDITORS | {"minute_taker"}))
EVERY_SIGNED_IN = Rule(SIGNED_IN)
ADMINS = Rule(ADMIN, frozenset({"admin"}))
# The state owner creates the partnerships of its county (docs/decisions/0003).
PARTNERSHIP_CREATORS = Rule(ADMIN, frozenset({"admin", "county_director"}))


@dataclass
class AppWalk:
    """What one app adds to the walk's world."""

    params: dict[str, object] = field(default_factory=dict)
    # A body, or a function giving it at the time of the request (a revision as it is then).
    bodies: dict[str, object] = field(default_factory=dict)
    markers: list[str] = field(default_factory=list)
    pages: dict[str, Model] = field(default_factory=dict)
