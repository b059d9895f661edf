"""The front page, "Til meg": what waits for the person, its empty state, and its constant cost."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from partnerskap.core.needs import Need, needs_for, register_needs_provider
from partnerskap.meetings import services
from partnerskap.meetings.models import Body, BodyKind, ItemKind
from partnerskap.meetings.standard import PARTNERSHIP_MEETING_AGENDA

from ..factories import MunicipalityFactory, partnership_with_owners
from ..meetings.conftest import at


@pytest.fixture
def body(world) -> Body:
    """Ørland's partnership meeting, with no members: the NAV leader leads it as the leader."""
    return services.body_create(
        actor=world.nav_leader,
        name="Partnerskapsmøtet i NAV Ørland",
        kind=BodyKind.PARTNERSHIP_MEETING,
        slug="orland-partnerskapsmote",
        partnership=world.orland,
        standard_items=PARTNERSHIP_MEETING_AGENDA,
    )


def _client(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def test_nothing_waiting_says_so(world):
    response = _client(world.outsider).get("/")
    assert response.status_code == 200
    assert "Ingenting venter på deg." in response.content.decode()


def test_needs_are_sorted_overdue_first_then_by_deadline_then_undated(world):
    today = date(2026, 12, 7)

    def provider(user, day):
        return [
            Need("b", "B", "later", "/b/", due=today + timedelta(days=3)),
            Need("c", "C", "undated", "/c/"),
            Need("a", "A", "overdue", "/a/", due=today - timedelta(days=9)),
        ]

    register_needs_provider("zz-test", provider)
    try:
        titles = [n.title for n in needs_for(world.outsider, today)]
    finally:
        from partnerskap.core.needs import PROVIDERS

        del PROVIDERS["zz-test"]
    assert titles == ["overdue", "later", "undated"]


def _follow_up(world, body, owner, day, title):
    meeting = services.meeting_schedule(
        actor=world.nav_leader, body=body, starts_at=at(day, 10), ends_at=at(day, 12)
    )
    item = meeting.items.filter(kind=ItemKind.DECISION).first()
    return services.action_add(
        actor=world.nav_leader, item=item, title=title, owner=owner, due_date=day
    )


def test_the_page_lists_an_overdue_follow_up_with_its_link(world, body):
    day = timezone.localdate() - timedelta(days=3)
    action = _follow_up(world, body, world.nav_leader, day, "Lag budsjettforslag")
    page = _client(world.nav_leader).get("/").content.decode()
    assert "Lag budsjettforslag" in page and f"/oppfolginger/{action.pk}/?next=/" in page
    assert "Over fristen" in page
    assert "Ingenting venter på deg." not in page


def _grow(world, body, n):
    """n more partnerships in Ørland's county with a body each, and n more follow-ups and
    meetings for the NAV leader."""
    for i in range(n):
        m = MunicipalityFactory(number=f"{7000 + i}", county=world.county)
        partnership_with_owners(world.county, m, name=f"NAV Prøve {i}")
        day = timezone.localdate() + timedelta(days=i + 1)
        _follow_up(world, body, world.nav_leader, day, f"Oppfølging {i}")


@pytest.mark.parametrize("persona", ["nav_leader", "county_director", "outsider", "admin"])
def test_the_front_page_costs_the_same_with_more_data(world, body, persona):
    user = getattr(world, persona)

    def count() -> int:
        client = _client(user)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/").status_code == 200
        return len(ctx.captured_queries)

    small = count()
    _grow(world, body, 6)
    assert count() == small
