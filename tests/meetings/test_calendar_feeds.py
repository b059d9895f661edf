"""Personal, revocable calendar addresses (issue 11, defect 9): a calendar app fetches them with
no session; they show only what their person may see, checked on every fetch."""

import re

import pytest
from django.test import Client
from icalendar import Calendar

from partnerskap.meetings import services
from partnerskap.meetings.models import BodyKind, CalendarFeed


def _address(client, body=None) -> str:
    """Make the address on the page, as the person would, and read it off the page."""
    value = "" if body is None else str(body.pk)
    assert client.post("/kalender/ny/", {"body": value}).status_code == 302
    page = client.get("/kalender/").content.decode()
    addresses = re.findall(r'value="(http://testserver/kalender/[^"]+)"', page)
    feed = CalendarFeed.objects.get(body=body)
    return next(a for a in addresses if str(feed.uuid) in a).removeprefix("http://testserver")


def _events(response) -> list[str]:
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    return [str(e["summary"]) for e in Calendar.from_ical(response.content).walk("VEVENT")]


def test_a_body_address_works_without_a_session(client, world, body, meeting):
    client.force_login(world.nav_leader)
    address = _address(client, body)
    assert _events(Client().get(address)) == [body.name]
    assert Client().get(address[:-8] + "0" * 4 + ".ics").status_code == 404  # a wrong secret


def test_my_meetings_holds_the_bodies_i_am_a_member_of(client, world, body, meeting):
    other_body = services.body_create(
        actor=world.nav_leader,
        name="Brukerrådet",
        kind=BodyKind.USER_COUNCIL,
        slug="orland-brukerrad",
        partnership=world.orland,
    )
    services.meeting_schedule(
        actor=world.nav_leader,
        body=other_body,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
    )
    client.force_login(world.minute_taker)  # a member of the partnership meeting only
    address = _address(client)
    assert _events(Client().get(address)) == [body.name]


def test_a_revoked_address_stops_working(client, world, body, meeting):
    client.force_login(world.nav_leader)
    address = _address(client, body)
    assert client.post("/kalender/trekk-tilbake/", {"body": str(body.pk)}).status_code == 302
    assert Client().get(address).status_code == 404
    assert not CalendarFeed.objects.exists()
    assert _address(client, body) != address  # a new address, not the old one back


def test_the_address_shows_only_what_its_person_may_see_today(client, world, body, meeting):
    client.force_login(world.member)
    address = _address(client, body)
    assert Client().get(address).status_code == 200
    world.member.roles.update(valid_to="2000-01-01", valid_from="1999-01-01")
    world.member.body_memberships.update(valid_to="2000-01-01", valid_from="1999-01-01")
    assert Client().get(address).status_code == 404


def test_an_inactive_person_s_address_stops_working(client, world, body, meeting):
    client.force_login(world.nav_leader)
    address = _address(client, body)
    world.nav_leader.is_active = False
    world.nav_leader.save()
    assert Client().get(address).status_code == 404


def test_nobody_makes_an_address_for_a_body_they_may_not_read(client, world, body):
    client.force_login(world.other_leader)
    assert client.post("/kalender/ny/", {"body": str(body.pk)}).status_code == 404
    assert not CalendarFeed.objects.exists()


@pytest.mark.parametrize("n", [1, 5])
def test_the_page_costs_a_constant_number_of_queries(
    client, world, body, n, django_assert_max_num_queries
):
    for i in range(n):
        services.body_create(
            actor=world.nav_leader,
            name=f"Prosjektgruppe {i}",
            kind=BodyKind.PROJECT_GROUP,
            slug=f"orland-prosjekt-{i}",
            partnership=world.orland,
        )
    client.force_login(world.nav_leader)
    client.post("/kalender/ny/", {"body": ""})
    with django_assert_max_num_queries(12):
        assert client.get("/kalender/").status_code == 200
