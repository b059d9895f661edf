"""Bodies above one partnership in the access walk: county, multi-county and country level.

Issue 15 (done 3), decision 0032. Five bodies, each with a meeting planned next year (an item
with an attachment and a follow-up) and one held last year with approved minutes:

- network A: Trøndelag's, spanning Nordland too; network B: Møre og Romsdal's, spanning
  Vestland; each with members of its own who hold no role in the registry;
- a county forum of Trøndelag and one of Møre og Romsdal;
- a national forum, whose only readers are its members.

Every meetings page and API route read with GET that is about one body (the READ and RUN routes
of tests/test_access_walker.py) is requested for every body as each persona below, and each
answer is the one the persona's rights give (`EXPECTED`): 200, 403 (reads but may not run), 404
(existence not confirmed), or the login. The lists (pages and API) name exactly the bodies the
persona reads. One world for the module; each route is a test, so a failure names it.
"""

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.db import transaction
from django.test import override_settings
from django.urls import get_resolver
from django.utils import timezone

from partnerskap.api import api
from partnerskap.core.models import RoleKind, User
from partnerskap.meetings import services as meeting_services
from partnerskap.meetings.models import Body, BodyKind, ItemKind, Meeting, MemberRole

from .access_rules import READ, RUN
from .clients import BrowserClient
from .conftest import build_world
from .factories import CountyFactory, UserFactory, give_role
from .meetings.conftest import at
from .test_access_walker import (
    API,
    LOGIN_URL,
    PAGES,
    Walk,
    _concrete,
    _file,
    _hold,
    _patterns,
    _quiet_refusals,  # noqa: F401  (the autouse fixture, for this module too)
    _schema,
)
from .test_access_walker_ids import (
    _changed,
    _snapshot_sql,
    probe_database,  # noqa: F401  (the module's database)
    snapshot,
)

BODIES = ("network_a", "network_b", "forum_trondelag", "forum_more", "national")
# Who reads and who runs each body (meetings/access.py, decision 0032).
READS = {
    "network_a_member": {"network_a"},
    "network_b_member": {"network_b"},
    "county_director": {"network_a", "forum_trondelag"},  # Trøndelag's state owner
    "nordland_director": {"network_a"},  # network A spans Nordland
    "more_director": {"network_b", "forum_more"},
    "member": set(),  # a member of Ørland's partnership, in no body
    "national_member": {"national"},
}
RUNS = {
    "county_director": {"network_a", "forum_trondelag"},
    "nordland_director": {"network_a"},
    "more_director": {"network_b", "forum_more"},
}
PERSONAS = (*READS, None)

# The body routes: those the walk gives READ or RUN (GET only; the unsafe ones are probed in
# tests/test_access_walker_ids.py), by what they are about.
PAGE_NAMES = [
    name
    for _p, _n, name, _v in _patterns(get_resolver())
    if name in PAGES and name.startswith("meetings:") and PAGES[name].method == "GET"
    if PAGES[name].allowed in (READ.allowed, RUN.allowed)
]
API_PARAMS = ("body_id", "meeting_id", "item_id", "attachment_id", "version_id")
API_KEYS = [
    key
    for key, rule in API.items()
    if key.startswith("GET ")
    and "/public/" not in key
    and rule.allowed in (READ.allowed, RUN.allowed)
    if "{" in key and set(re.findall(r"\{(\w+)\}", key)) <= set(API_PARAMS)
]
# The object of the Ørland walk each page is about, by its model: see _meetings_world.
ABOUT = {
    "meetings:minutes_version": "held",
    "meetings:member_send_notice": "member",
    "meetings:attachment_download": "attachment",
    "meetings:action_update": "action",
}


SNAPSHOT = ""  # the snapshot query of tests/test_access_walker_ids.py, built with the world


@dataclass
class Level:
    body: Body
    planned: Meeting
    held: Meeting
    objects: dict[str, object]
    secret: str  # the title of its item: nobody who does not read the body may see it


@dataclass
class LevelsWorld:
    levels: dict[str, Level]
    people: dict[str, User]


def _level(name: str, body: Body, actor: User) -> Level:
    today = timezone.localdate()
    secret = f"Intern sak for {body.name}"

    def plan(day: date) -> Meeting:
        return meeting_services.meeting_schedule(
            actor=actor, body=body, starts_at=at(day, 11), ends_at=at(day, 14), location="Stjørdal"
        )

    held = plan(date(today.year - 1, 9, 2))
    meeting_services.item_add(actor=actor, meeting=held, title="Sak", kind=ItemKind.DECISION)
    _hold(held, actor)
    meeting_services.minutes_approve(actor=actor, meeting=held)
    planned = plan(date(today.year + 1, 3, 4))
    item = meeting_services.item_add(
        actor=actor, meeting=planned, title=secret, kind=ItemKind.DECISION
    )
    attachment = _file(f"Vedlegg for {body.name}", item)
    action = meeting_services.action_add(
        actor=actor,
        item=item,
        title=f"Oppfølging for {body.name}",
        owner=actor,
        due_date=planned.starts_at.date() + timedelta(days=60),
    )
    objects = {
        "body": body,
        "meeting": planned,
        "item": item,
        "attachment": attachment,
        "action": action,
        "held": held,
        "member": body.members.order_by("pk").first(),
        "version": held.minutes.versions.get(number=1),
    }
    return Level(body, planned, held, objects, secret)


def _build() -> LevelsWorld:
    world = build_world()
    trondelag, more = world.county, world.other.owners.get(kind="state").county
    nordland = CountyFactory(number="18", name="NAV Nordland")
    vestland = CountyFactory(number="46", name="NAV Vestland")
    people = {name: UserFactory(username=name) for name in READS if name != "county_director"}
    people["county_director"] = world.county_director
    people["member"] = world.member
    give_role(people["nordland_director"], RoleKind.STATE_OWNER, county=nordland)
    give_role(people["more_director"], RoleKind.STATE_OWNER, county=more)
    director, admin = world.county_director, world.admin

    def create(slug, actor, kind, members, **where) -> Body:
        body = meeting_services.body_create(
            actor=actor, name=slug.replace("-", " ").title(), kind=kind, slug=slug, **where
        )
        # Every body has a member (the page offering a late member the notice is about one).
        for person in members or [UserFactory(first_name="Ekstern", last_name=slug)]:
            meeting_services.body_member_add(
                actor=actor,
                body=body,
                person=person,
                role=MemberRole.MEMBER,
                valid_from=date(2018, 1, 1),
            )
        return body

    bodies = {
        "network_a": (
            create(
                "nettverk-trondelag-nordland",
                director,
                BodyKind.NETWORK,
                [people["network_a_member"]],
                county=trondelag,
                other_counties=[nordland],
            ),
            director,
        ),
        "network_b": (
            create(
                "nettverk-more-vestland",
                people["more_director"],
                BodyKind.NETWORK,
                [people["network_b_member"]],
                county=more,
                other_counties=[vestland],
            ),
            people["more_director"],
        ),
        "forum_trondelag": (
            create("forum-trondelag", director, BodyKind.FORUM, [], county=trondelag),
            director,
        ),
        "forum_more": (
            create("forum-more", people["more_director"], BodyKind.FORUM, [], county=more),
            people["more_director"],
        ),
        "national": (
            create(
                "nasjonalt-forum",
                admin,
                BodyKind.FORUM,
                [people["national_member"]],
                national=True,
            ),
            admin,
        ),
    }
    levels = {name: _level(name, body, actor) for name, (body, actor) in bodies.items()}
    return LevelsWorld(levels, people)


@pytest.fixture(scope="module")
def levels(probe_database, django_db_blocker, tmp_path_factory) -> Iterator[LevelsWorld]:  # noqa: F811
    schema = _schema()
    fast = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        django_db_blocker.unblock(),
        pytest.MonkeyPatch.context() as patch,
        override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media")), PASSWORD_HASHERS=fast),
        transaction.atomic(),
    ):
        patch.setattr(api, "get_openapi_schema", lambda *args, **kwargs: schema)
        global SNAPSHOT
        SNAPSHOT = _snapshot_sql()
        yield _build()
        transaction.set_rollback(True)


@pytest.fixture
def db_open(levels, django_db_blocker) -> Iterator[None]:
    with django_db_blocker.unblock():
        yield


def _client(persona: str | None, world: LevelsWorld) -> BrowserClient:
    client = BrowserClient()
    if persona is not None:
        client.force_login(world.people[persona])
    return client


def expected(persona: str | None, body: str, runs: bool, *, api_route: bool) -> int:
    if persona is None:
        return 401 if api_route else 302
    if body not in READS[persona]:
        return 404
    if runs and body not in RUNS.get(persona, set()):
        return 403
    return 200


def _page_url(name: str, level: Level) -> str:
    about = ABOUT.get(name)
    rule_object = about or _kind(name)
    walk = Walk({}, {"year": level.planned.starts_at.year, "number": 1}, {}, [], {})
    walk.pages = {name: level.objects[rule_object]}
    for pieces, _namespace, pattern_name, _view in _patterns(get_resolver()):
        if pattern_name == name:
            return _concrete(pieces, name, walk)
    raise AssertionError(name)


# Which of a body's objects each page is about, as in the Ørland walk (_meetings_world).
BODY_PAGES = {
    "body_detail",
    "body_member_add",
    "meeting_schedule",
    "annual_plan_create",
    "annual_plan",
    "body_ics",
}
ITEM_PAGES = {
    "item_edit",
    "item_move",
    "item_forward",
    "item_withdraw",
    "attachment_add",
    "action_add",
    "decision_excerpt_pdf",
}


def _kind(name: str) -> str:
    short = name.split(":", 1)[1]
    if short in BODY_PAGES:
        return "body"
    if short in ITEM_PAGES:
        return "item"
    return "meeting"


def _api_url(key: str, level: Level) -> str:
    params = {
        "body_id": level.body.pk,
        "meeting_id": level.planned.pk,
        "item_id": level.objects["item"].pk,
        "attachment_id": level.objects["attachment"].pk,
        "version_id": level.objects["version"].pk,
    }
    path = key.split(" ", 1)[1]
    return path.format(**params)


@pytest.mark.parametrize("persona", PERSONAS, ids=[p or "anonymous" for p in PERSONAS])
@pytest.mark.parametrize("name", PAGE_NAMES + API_KEYS)
def test_body_routes_by_level(levels, db_open, name, persona):
    client = _client(persona, levels)
    api_route = name in API
    runs = (API[name] if api_route else PAGES[name]).allowed == RUN.allowed
    failures = []
    for body, level in levels.levels.items():
        url = _api_url(name, level) if api_route else _page_url(name, level)
        response = client.get(url)
        want = expected(persona, body, runs, api_route=api_route)
        got = response.status_code
        if got != want:
            failures.append(f"{persona or 'anonymous'} {body} {url}: expected {want}, got {got}")
        elif got == 302 and not response["Location"].startswith(LOGIN_URL + "?next="):
            failures.append(f"anonymous {body} {url}: redirected to {response['Location']}")
        text = "" if response.streaming else response.content.decode(errors="replace")
        shown = level.secret in text or json.dumps(level.secret)[1:-1] in text
        if want in (302, 401, 404) and shown:
            failures.append(f"{persona or 'anonymous'} {body} {url}: shows its item")
        if want == 200 and name in SHOW_THE_ITEM and not shown:
            failures.append(f"{persona} {body} {url}: does not show its item")
    assert not failures, "\n".join(failures)


# The body routes that change something: page forms of RUN routes and the API's unsafe routes.
UNSAFE_API = [
    f"{method.upper()} {path}"
    for path, methods in _schema()["paths"].items()
    for method in methods
    if method != "get" and "/public/" not in path
    if re.findall(r"\{(\w+)\}", path) and set(re.findall(r"\{(\w+)\}", path)) <= set(API_PARAMS)
]
RUN_PAGES = [n for n in PAGE_NAMES if PAGES[n].allowed == RUN.allowed]
# Each persona is refused on every body they do not run.
REFUSED = PERSONAS


@pytest.mark.parametrize("persona", REFUSED, ids=[p or "anonymous" for p in REFUSED])
@pytest.mark.parametrize("name", RUN_PAGES + UNSAFE_API)
def test_body_changes_refused_by_level(levels, db_open, name, persona):
    """Sent by someone who does not run the body, a change is refused before anything else
    (the form or the payload is not even read: an empty one) and nothing changes."""
    client = _client(persona, levels)
    api_route = name not in PAGES
    failures = []
    for body, level in levels.levels.items():
        if persona is not None and body in RUNS.get(persona, set()):
            continue  # theirs to run
        url = _api_url(name, level) if api_route else _page_url(name, level)
        before = snapshot(SNAPSHOT)
        if api_route:
            method = name.split()[0]
            response = client.generic(method, url, "{}", content_type="application/json")
        else:
            response = client.post(url, {})
        changed = _changed(before, snapshot(SNAPSHOT))
        want = expected(persona, body, True, api_route=api_route)
        got = response.status_code
        # An API route whose payload has required fields answers 422 before the access check,
        # to everyone; that refuses too.
        if got != want and not (api_route and got == 422 and want in (403, 404)):
            failures.append(f"{persona or 'anonymous'} {body} {name} {url}: {want}, got {got}")
        if changed:
            failures.append(f"{persona or 'anonymous'} {body} {name}: changed {changed}")
    assert not failures, "\n".join(failures)


# Pages that list the meeting's items: a reader must find the item there (the 200 is real).
SHOW_THE_ITEM = {"meetings:meeting_detail", "GET /api/v1/meetings/{meeting_id}"}


@pytest.mark.parametrize("persona", READS)
def test_lists_name_exactly_the_bodies_a_persona_reads(levels, db_open, persona):
    client = _client(persona, levels)
    bodies = client.get("/api/v1/bodies?page_size=100").json()["items"]
    ids = {b["id"] for b in bodies}
    for name, level in levels.levels.items():
        assert (level.body.pk in ids) == (name in READS[persona]), (persona, name)
    page = client.get("/organer/").content.decode()
    for name, level in levels.levels.items():
        assert (level.body.name in page) == (name in READS[persona]), (persona, name)
