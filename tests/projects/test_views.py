"""The project pages: who sees what, bad input on the pages, the history of a pilot's status,
and the query counts of the portfolio and the project page at two sizes."""

from datetime import date

import pytest
from django.test import Client

from partnerskap.projects import services
from partnerskap.projects.models import (
    Milestone,
    Pilot,
    Project,
    Risk,
    StatusEntry,
    StatusRow,
)

from .conftest import YEAR

SECRET_INDRE = "Rådmannen i Fauske vurderer å trekke seg"
OFOTEN_RISK = "Personalløp i Narvik tar tid"


def _client(user) -> Client:
    client = Client(enforce_csrf_checks=False)
    client.force_login(user)
    return client


@pytest.fixture
def risks(world, nordland):
    for pilot, title in ((nordland.indre, SECRET_INDRE), (nordland.ofoten, OFOTEN_RISK)):
        services.risk_add(
            actor=world.nav_leader,
            project=nordland.project,
            pilot=pilot,
            title=title,
            probability=3,
            consequence=4,
        )


def test_a_pilot_group_member_sees_the_shared_pages_not_another_pilots_internals(
    world, nordland, risks
):
    client = _client(nordland.ofoten_member)
    project_page = client.get(f"/prosjekter/{nordland.project.pk}/").content.decode()
    assert "Indre Salten" in project_page  # the shared status table names every pilot
    assert OFOTEN_RISK in project_page  # inside their own pilot
    assert SECRET_INDRE not in project_page
    indre = client.get(f"/prosjekter/piloter/{nordland.indre.pk}/")
    assert indre.status_code == 200 and SECRET_INDRE not in indre.content.decode()
    assert "I rute" in indre.content.decode()  # the shared status is there
    ofoten = client.get(f"/prosjekter/piloter/{nordland.ofoten.pk}/").content.decode()
    assert OFOTEN_RISK in ofoten
    # The other pilot's local group and its meetings are internal to that group.
    assert client.get(f"/organer/{nordland.indre.local_group_id}/").status_code == 404
    assert client.get(f"/prosjekter/{nordland.project.pk}/rediger/").status_code == 403
    api = client.get(f"/api/v1/projects/{nordland.project.pk}").json()
    titles = [r["title"] for r in api["risks"]]
    assert OFOTEN_RISK in titles and SECRET_INDRE not in titles


def test_the_county_director_and_leader_see_every_pilots_risks(world, nordland, risks):
    for person in (world.county_director, world.nav_leader):
        page = _client(person).get(f"/prosjekter/{nordland.project.pk}/").content.decode()
        assert SECRET_INDRE in page and OFOTEN_RISK in page


def test_an_outsider_gets_404(world, nordland):
    client = _client(world.outsider)
    assert client.get(f"/prosjekter/{nordland.project.pk}/").status_code == 404
    assert client.get(f"/prosjekter/piloter/{nordland.indre.pk}/").status_code == 404
    assert client.get(f"/api/v1/pilots/{nordland.indre.pk}/status").status_code == 404


def test_the_history_of_a_pilot_reads_back_every_entry_by_date(world, nordland):
    services.status_report(
        actor=world.nav_leader,
        project=nordland.project,
        reported_on=date(YEAR, 2, 20),
        values={nordland.sor.status_row.pk: {"health": "off_track", "progress": "Søknad uavklart"}},
    )
    client = _client(world.member)
    page = client.get(f"/prosjekter/piloter/{nordland.sor.pk}/").content.decode()
    assert page.index("20.02.") < page.index("05.01.")  # newest first
    assert "Søknad uavklart" in page and "Ikke i rute" in page and "I rute" in page
    api = client.get(f"/api/v1/pilots/{nordland.sor.pk}/status").json()
    assert [e["reported_on"] for e in api] == [f"{YEAR}-02-20", f"{YEAR}-01-05"]
    assert [e["health"] for e in api] == ["off_track", "on_track"]


def test_a_milestone_outside_the_period_on_the_page(world, nordland):
    client = _client(world.nav_leader)
    response = client.post(
        f"/prosjekter/{nordland.project.pk}/milepaeler/ny/",
        {"title": "Sluttrapport", "kind": "milestone", "due_on": f"{YEAR + 3}-01-01"},
    )
    assert response.status_code == 400
    assert "utenfor prosjektperioden" in response.content.decode()
    assert not Milestone.objects.filter(title="Sluttrapport").exists()


def test_a_pilot_without_partnership_or_municipality_on_the_page(world, nordland):
    response = _client(world.nav_leader).post(
        f"/prosjekter/{nordland.project.pk}/piloter/ny/", {"name": "Lofoten", "model": "other"}
    )
    assert response.status_code == 400
    assert "minst ett partnerskap eller én kommune" in response.content.decode()
    assert not Pilot.objects.filter(name="Lofoten").exists()


def _status_data(nordland, day: str) -> dict:
    """The status form as the page fills it in: every row as it was."""
    data = {"reported_on": day}
    for pilot in nordland.pilots:
        row = pilot.status_row.pk
        data |= {f"health_{row}": "on_track", f"status_text_{row}": "I rute"}
        data |= {f"progress_{row}": "Plan"}
    return data


def test_a_reported_date_again_on_the_page(world, nordland):
    before = StatusEntry.objects.count()
    response = _client(world.nav_leader).post(
        f"/prosjekter/{nordland.project.pk}/status/",
        _status_data(nordland, f"{YEAR}-01-05"),
    )
    assert response.status_code == 400
    assert "allerede rapportert" in response.content.decode()
    assert StatusEntry.objects.count() == before


def test_the_status_page_changes_one_row_and_copies_the_rest(world, nordland):
    client = _client(world.nav_leader)
    form = client.get(f"/prosjekter/{nordland.project.pk}/status/")
    assert form.status_code == 200 and "I rute" in form.content.decode()
    data = _status_data(nordland, f"{YEAR}-02-01")
    data[f"health_{nordland.indre.status_row.pk}"] = "at_risk"
    response = client.post(f"/prosjekter/{nordland.project.pk}/status/", data)
    assert response.status_code == 302
    entries = StatusEntry.objects.filter(reported_on=date(YEAR, 2, 1))
    assert {e.row.label: e.copied for e in entries} == {
        "Ofoten": True,
        "Indre Salten": False,
        "Sør-Salten": True,
    }


# --- query counts -------------------------------------------------------------------------


def _bulk(world, projects: int, pilots: int) -> Project:
    made = Project.objects.bulk_create(
        Project(
            county=world.county,
            name=f"Prosjekt {Project.objects.count() + n:03d}",
            starts_on=date(YEAR - 1, 1, 1),
            ends_on=date(YEAR + 1, 12, 31),
            leader=world.nav_leader,
        )
        for n in range(projects)
    )
    pilot_rows = Pilot.objects.bulk_create(
        Pilot(project=p, name=f"Pilot {n}", position=n) for p in made for n in range(pilots)
    )
    Pilot.partnerships.through.objects.bulk_create(
        Pilot.partnerships.through(pilot=p, partnership=world.orland) for p in pilot_rows
    )
    rows = StatusRow.objects.bulk_create(
        StatusRow(project=p.project, pilot=p, label=p.name, position=p.position) for p in pilot_rows
    )
    StatusEntry.objects.bulk_create(
        StatusEntry(row=r, reported_on=date(YEAR, m, 1), health="on_track", status_text="I rute")
        for r in rows
        for m in (1, 2)
    )
    Milestone.objects.bulk_create(
        Milestone(project=p, title=f"Milepæl {n}", due_on=date(YEAR, 6, n + 1))
        for p in made
        for n in range(3)
    )
    Risk.objects.bulk_create(
        Risk(project=p.project, pilot=p, title="Risiko", probability=2, consequence=2)
        for p in pilot_rows
    )
    return made[0]


def _queries(client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_portfolio_and_project_page_cost_constant_queries(world):
    """3 and then 100 projects of 10 pilots each: the same number of queries."""
    first = _bulk(world, 3, 10)
    client = _client(world.member)
    portfolio, page = f"/prosjekter/fylke/{world.county.pk}/", f"/prosjekter/{first.pk}/"
    small = (_queries(client, portfolio), _queries(client, page))
    _bulk(world, 97, 10)
    large = (_queries(client, portfolio), _queries(client, page))
    assert small == large, (small, large)
    assert large[0] <= 15 and large[1] <= 30, large
    assert Project.objects.count() == 100 and Pilot.objects.count() == 1000
