"""The plans pages: the leader's forms, the approval page for owners only, and constant query
counts with little and much data."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partnerskap.plans import services
from partnerskap.plans.models import Plan, PlanStatus

from ..clients import BrowserClient
from .conftest import NEXT_YEAR, approved


def _client(person) -> BrowserClient:
    client = BrowserClient()
    client.force_login(person)
    return client


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _grow(world, plan: Plan, n: int) -> None:
    for i in range(n):
        plan.refresh_from_db()
        services.section_add(
            actor=world.nav_leader,
            plan=plan,
            heading=f"Del {i}",
            text="Tekst",
            revision=plan.revision,
        )
        plan.refresh_from_db()
        services.measure_add(
            actor=world.nav_leader,
            plan=plan,
            title=f"Tiltak {i}",
            deadline=date(NEXT_YEAR, 6, 1),
            new_owner={"name": f"Person {i}", "organisation": "Ørland kommune"},
            revision=plan.revision,
        )


def test_the_plan_page_costs_the_same_with_more_sections_measures_and_versions(world, plan):
    client = _client(world.nav_leader)
    url = f"/planer/{plan.pk}/"
    small = _queries(client, url)
    _grow(world, plan, 6)
    assert _queries(client, url) == small


def test_the_list_costs_the_same_with_more_plans(world):
    client = _client(world.member)
    url = f"/partnerskap/{world.orland.pk}/planer/"
    approved(world)
    small = _queries(client, url)
    for year in (NEXT_YEAR + 1, NEXT_YEAR + 2, NEXT_YEAR + 3):
        approved(world, year=year)
    assert _queries(client, url) == small


def test_the_leader_starts_and_writes_a_plan_on_the_pages(world):
    client = _client(world.nav_leader)
    response = client.post(
        f"/partnerskap/{world.orland.pk}/planer/ny/", {"kind": "competence", "year": NEXT_YEAR}
    )
    assert response.status_code == 302
    plan = Plan.objects.get(kind="competence")
    section = plan.sections.first()
    response = client.post(
        f"/planer/seksjoner/{section.pk}/",
        {"heading": section.heading, "text": "Kurs i veiledning", "revision": plan.revision},
    )
    assert response.status_code == 302
    response = client.post(f"/planer/{plan.pk}/send/", {"revision": plan.revision + 1})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.AWAITING


def test_a_bad_year_is_named_on_the_form(world):
    response = _client(world.nav_leader).post(
        f"/partnerskap/{world.orland.pk}/planer/ny/", {"kind": "business", "year": 1066}
    )
    assert response.status_code == 400
    assert "Oppgi et år fra 2000 til 2100." in response.content.decode()


def test_the_approval_page_is_for_the_owners(world, plan):
    services.plan_submit(actor=world.nav_leader, plan=plan, revision=plan.revision)
    url = f"/planer/{plan.pk}/godkjenn/"
    assert _client(world.nav_leader).get(url).status_code == 403
    assert _client(world.other_leader).get(url).status_code == 404
    owner = _client(world.municipal_owner)
    assert owner.get(url).status_code == 200
    response = owner.post(
        url, {"approved_as": "Ordfører", "side": "municipality", "revision": plan.revision}
    )
    assert response.status_code == 302
    stale = _client(world.county_director).post(
        url, {"approved_as": "Fylkesdirektør", "side": "state", "revision": plan.revision}
    )
    assert stale.status_code == 409


def test_an_approved_plan_shows_no_editing(world):
    plan = approved(world)
    body = _client(world.nav_leader).get(f"/planer/{plan.pk}/").content.decode()
    assert f"/planer/{plan.pk}/seksjoner/ny/" not in body
    assert f"/planer/{plan.pk}/ny-versjon/" in body


@pytest.mark.parametrize("path", ["/planer/{pk}/seksjoner/ny/", "/planer/{pk}/send/"])
def test_a_member_may_not_draft(world, plan, path):
    assert _client(world.member).get(path.format(pk=plan.pk)).status_code == 403
