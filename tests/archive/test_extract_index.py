"""The archive staff's list of bodies they may extract (the way into the extraction page)."""

import pytest
from django.test import Client

from partnerskap.archive.selectors import extractable_bodies
from partnerskap.meetings import services as meeting_services
from partnerskap.meetings.models import BodyKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def orland_body(world):
    return meeting_services.body_create(
        actor=world.nav_leader,
        name="Partnerskapsmøtet i Ørland",
        kind=BodyKind.PARTNERSHIP_MEETING,
        slug="orland-pm",
        partnership=world.orland,
    )


def test_each_persona_sees_the_bodies_the_extraction_page_lets_them_extract(
    world, forum, orland_body
):
    expected = {
        "admin": {forum.pk, orland_body.pk},
        "county_director": {forum.pk, orland_body.pk},
        "municipal_owner": {orland_body.pk},
        "nav_leader": set(),
        "outsider": set(),
    }
    for name, pks in expected.items():
        user = world.personas()[name]
        found = set(extractable_bodies(user).values_list("pk", flat=True))
        assert found == pks, name
        client = Client()
        client.force_login(user)
        for pk in pks:  # the page itself agrees: each listed body may be extracted
            assert client.get(f"/organer/{pk}/arkivuttrekk/").status_code == 200


def test_the_page_links_to_the_extraction_of_bodies_with_closed_meetings(world, forum, orland_body):
    client = Client()
    client.force_login(world.county_director)
    response = client.get("/arkivuttrekk/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'href="/organer/{forum.pk}/arkivuttrekk/"' in html  # published minutes
    assert f'href="/organer/{orland_body.pk}/arkivuttrekk/"' not in html  # nothing closed yet
    assert "Partnerskapsmøtet i Ørland" in html


def test_the_page_costs_the_same_queries_with_more_bodies(
    world, forum, orland_body, django_assert_max_num_queries
):
    client = Client()
    client.force_login(world.admin)
    with django_assert_max_num_queries(20) as few:
        client.get("/arkivuttrekk/")
    for n in range(8):
        meeting_services.body_create(
            actor=world.nav_leader,
            name=f"Prosjektgruppe {n}",
            kind=BodyKind.PROJECT_GROUP,
            slug=f"pg-{n}",
            partnership=world.orland,
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/arkivuttrekk/")
