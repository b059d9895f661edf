"""The public side: the index of public bodies, coming agendas with exempt items by their
public title only, and an Atom feed per body that feedparser reads without complaint."""

from datetime import date, timedelta

import feedparser
import pytest
from django.utils import timezone

from partnerskap.meetings import services as meeting_services
from partnerskap.meetings.models import BodyKind, ItemKind

from ..meetings.conftest import at
from ..search.conftest import SECRET_DECISION

SECRET_TITLE = "Omstilling av mottaket i Rissa"


@pytest.fixture
def coming(world, forum):
    day = timezone.localdate() + timedelta(days=20)
    meeting = meeting_services.meeting_schedule(
        actor=world.county_director,
        body=forum,
        starts_at=at(day, 10),
        ends_at=at(day, 12),
        location="Fylkeshuset, Steinkjer",
    )
    meeting_services.item_add(
        actor=world.county_director,
        meeting=meeting,
        title=SECRET_TITLE,
        kind=ItemKind.DISCUSSION,
        exempt=True,
        legal_ground="Offentleglova § 23",
        public_title="Drøfting av mottaket",
    )
    meeting_services.meeting_send_notice(actor=world.county_director, meeting=meeting)
    return meeting


def test_the_index_lists_bodies_with_something_public(client, world, forum, coming):
    quiet = meeting_services.body_create(
        actor=world.nav_leader,
        name="Brukerutvalget i Ørland",
        kind=BodyKind.USER_COUNCIL,
        slug="orland-brukerutvalg",
        partnership=world.orland,
    )
    response = client.get("/offentlig/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Samarbeidsforum i Trøndelag" in html
    assert quiet.name not in html  # nothing published, nothing coming
    assert f"/offentlig/{forum.slug}/atom.xml" in html
    assert f"/offentlig/{forum.slug}/moter/#meeting-{coming.pk}" in html


def test_a_coming_agenda_shows_exempt_items_by_their_public_title(client, forum, coming):
    response = client.get(f"/offentlig/{forum.slug}/moter/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Drøfting av mottaket" in html and "Offentleglova § 23" in html
    assert "Felles tiltak" in html  # the standard item, public
    assert SECRET_TITLE not in html
    assert "Fylkeshuset, Steinkjer" in html
    assert client.get("/offentlig/finnes-ikke/moter/").status_code == 404


def test_the_atom_feed_validates_and_keeps_exempt_titles_out(client, forum, coming):
    response = client.get(f"/offentlig/{forum.slug}/atom.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    titles = [e.title for e in feed.entries]
    day = timezone.localtime(coming.starts_at).strftime("%d.%m.%Y")
    assert titles == [f"Møte {day}", "Referat fra møtet 04.10.2024"]
    assert all(e.id.startswith("urn:uuid:") for e in feed.entries)
    assert SECRET_TITLE not in response.content.decode()
    assert SECRET_DECISION not in response.content.decode()


@pytest.mark.parametrize("extra", [0, 5])
def test_public_pages_cost_the_same_queries(
    client, world, forum, coming, extra, django_assert_num_queries
):
    for n in range(extra):
        day = date.today() + timedelta(days=30 + n)
        meeting = meeting_services.meeting_schedule(
            actor=world.county_director, body=forum, starts_at=at(day, 10), ends_at=at(day, 11)
        )
        meeting_services.item_add(
            actor=world.county_director,
            meeting=meeting,
            title=f"Sak {n}",
            kind=ItemKind.INFORMATION,
        )
    for url, queries in (
        ("/offentlig/", 3),
        (f"/offentlig/{forum.slug}/moter/", 4),
        (f"/offentlig/{forum.slug}/atom.xml", 2),
    ):
        with django_assert_num_queries(queries):
            assert client.get(url).status_code == 200, url
