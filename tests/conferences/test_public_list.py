"""The public list of conferences: published events only, the coming ones first, linked from
the public index at /offentlig/."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils import timezone

from partnerskap.conferences.models import Event
from partnerskap.meetings import services as meeting_services
from partnerskap.meetings.models import BodyKind

from .conftest import make_event

pytestmark = pytest.mark.django_db


def test_the_public_list_shows_published_events_coming_first(client, world):
    coming = make_event(world, slug="coming", title="Fagdag om mottak")
    later = make_event(world, slug="later", title="Samling om ungdom")
    Event.objects.filter(pk=later.pk).update(
        first_day=F("first_day") + timedelta(days=30), last_day=F("last_day") + timedelta(days=30)
    )
    held = make_event(world, slug="held", title="Konferansen i fjor")
    a_year_ago = timezone.localdate() - timedelta(days=300)
    Event.objects.filter(pk=held.pk).update(
        first_day=a_year_ago, last_day=a_year_ago + timedelta(days=1)
    )
    make_event(world, slug="draft", title="Utkast til samling", publish=False)

    response = client.get("/offentlig/arrangementer/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Utkast til samling" not in html
    positions = [html.index(title) for title in ("Fagdag om mottak", "Samling om ungdom")]
    assert positions == sorted(positions)
    assert html.index("Samling om ungdom") < html.index("Konferansen i fjor")
    assert f'href="/offentlig/arrangementer/{coming.slug}/"' in html


def test_the_public_index_links_to_the_list(client):
    html = client.get("/offentlig/").content.decode()
    assert 'href="/offentlig/arrangementer/"' in html


def test_the_list_costs_the_same_queries_for_one_and_for_many(
    client, world, django_assert_max_num_queries
):
    make_event(world, slug="one")
    with django_assert_max_num_queries(3) as few:
        client.get("/offentlig/arrangementer/")
    for n in range(12):
        make_event(world, slug=f"e{n}", title=f"Samling {n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/offentlig/arrangementer/")


def test_no_body_may_take_the_list_address(world):
    with pytest.raises(ValidationError) as caught:
        meeting_services.body_create(
            actor=world.nav_leader,
            name="Arrangementsgruppa",
            kind=BodyKind.PROJECT_GROUP,
            slug="arrangementer",
            partnership=world.orland,
        )
    assert "slug" in caught.value.message_dict
