"""Shared fixtures: a small world with Ørland and one neighbour, and a persona for every role."""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, time

import pytest
from django.conf import settings
from django.utils import translation

from partnerskap.core.models import RoleKind, User
from partnerskap.registry.models import County, Municipality, Office, OpeningHours, Partnership

from .clients import BrowserClient
from .factories import (
    CountyFactory,
    MunicipalityFactory,
    UserFactory,
    give_role,
    partnership_with_owners,
)


@dataclass
class World:
    county: County
    orland_municipality: Municipality
    orland: Partnership
    orland_office: Office
    other: Partnership
    other_office: Office
    admin: User
    nav_leader: User
    municipal_owner: User
    county_director: User
    minute_taker: User
    member: User
    outsider: User
    other_leader: User

    def personas(self) -> dict[str, User]:
        """Every persona by name, for tests that walk all of them."""
        return {
            "admin": self.admin,
            "nav_leader": self.nav_leader,
            "municipal_owner": self.municipal_owner,
            "county_director": self.county_director,
            "minute_taker": self.minute_taker,
            "member": self.member,
            "outsider": self.outsider,
            "other_leader": self.other_leader,
        }


# Personas that may read Ørland's internal pages, and those that may also change them.
ORLAND_READERS = {
    "admin",
    "nav_leader",
    "municipal_owner",
    "county_director",
    "minute_taker",
    "member",
}
ORLAND_EDITORS = {"admin", "nav_leader", "municipal_owner", "county_director"}


@pytest.fixture(autouse=True)
def _meeting_days_have_come(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):
    """The fixtures schedule meetings next year and hold them and approve their minutes today;
    for them every meeting's day has come. Tests of the day checks themselves (a meeting is not
    held, nor its minutes approved, before its day: issue 14) ask for `real_meeting_days`."""
    if "real_meeting_days" not in request.fixturenames:
        from partnerskap.meetings.services import meetings

        monkeypatch.setattr(meetings, "today", lambda: date.max)


@pytest.fixture
def real_meeting_days() -> None:
    """The meetings' day checks compare with the real today (see _meeting_days_have_come)."""


@pytest.fixture
def world(db: None) -> World:
    return build_world()


def build_world() -> World:
    """The world of the `world` fixture, for fixtures of a wider scope (tests/test_walk_ids.py)."""
    county = CountyFactory(number="50", name="NAV Trøndelag")
    other_county = CountyFactory(number="15", name="NAV Møre og Romsdal")
    orland_m = MunicipalityFactory(number="5057", name="Ørland", county=county)
    other_m = MunicipalityFactory(number="1507", name="Ålesund", county=other_county)
    orland = partnership_with_owners(
        county, orland_m, name="NAV Ørland", office__unit_number="5057", office__name="NAV Ørland"
    )
    other = partnership_with_owners(
        other_county,
        other_m,
        name="NAV Ålesund",
        office__unit_number="1507",
        office__name="NAV Ålesund",
    )
    OpeningHours.objects.create(office=orland.office, weekday=0, opens=time(9), closes=time(15))
    people = {
        name: UserFactory(username=name)
        for name in (
            "admin",
            "nav_leader",
            "municipal_owner",
            "county_director",
            "minute_taker",
            "member",
            "outsider",
            "other_leader",
        )
    }
    give_role(people["admin"], RoleKind.ADMINISTRATOR)
    give_role(people["nav_leader"], RoleKind.NAV_LEADER, partnership=orland)
    give_role(people["municipal_owner"], RoleKind.MUNICIPAL_OWNER, partnership=orland)
    give_role(people["county_director"], RoleKind.STATE_OWNER, county=county)
    give_role(people["minute_taker"], RoleKind.MINUTE_TAKER, partnership=orland)
    give_role(people["member"], RoleKind.MEMBER, partnership=orland)
    give_role(people["other_leader"], RoleKind.NAV_LEADER, partnership=other)
    return World(
        county=county,
        orland_municipality=orland_m,
        orland=orland,
        orland_office=orland.office,
        other=other,
        other_office=other.office,
        **people,
    )


@pytest.fixture
def client() -> BrowserClient:
    """pytest-django's client, with the CSRF check enforced (tests/clients.py)."""
    return BrowserClient()


@pytest.fixture
def admin_client(db: None, admin_user: User) -> BrowserClient:
    client = BrowserClient()
    client.force_login(admin_user)
    return client


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings) -> None:
    """Tests create many people; the production hasher is deliberately slow."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _bokmal() -> Iterator[None]:
    """Every test starts in bokmål, as a request without a language cookie does. The language
    middleware activates the chosen language for the thread and leaves it there (as Django's
    own does), so a test that requests a page in English would otherwise leave English behind."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


def pytest_collection_modifyitems(config, items) -> None:
    """Tests marked `postgres` need PostgreSQL's concurrency: skip them on any other database."""
    from django.db import connection

    if connection.vendor == "postgresql":
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL: run with DATABASE_URL=postgres://…")
    for item in items:
        if item.get_closest_marker("postgres"):
            item.add_marker(skip)
