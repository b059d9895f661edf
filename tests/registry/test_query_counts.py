"""Every registry page and API route costs the same number of queries with 5 or 200 partnerships.

The world grows from 5 to 200 partnerships, each with an office, owners, opening hours, roles and
history; every page is requested at both sizes and must hit its exact count both times. A page
that starts to query once per row fails here; fix the selector rather than raise the number.
"""

from dataclasses import dataclass
from datetime import date, time

import pytest
from django.db import connection
from django.db.models import Model
from django.test.utils import CaptureQueriesContext

from partnerskap.core.models import RoleKind, User
from partnerskap.registry import services
from partnerskap.registry.models import (
    Municipality,
    Office,
    OpeningHours,
    Owner,
    OwnerKind,
    Partnership,
    Role,
    ServiceArea,
)


@dataclass(frozen=True)
class Page:
    name: str
    persona: str
    path: str  # formatted with the ids of Ørland's objects
    queries: int


# Every count starts with the session and the user (2). Access costs one query for the person's
# roles and, for anyone but an administrator, one for the partnerships those roles reach. Lists
# add a count and a page; details their prefetches; change logs one query per history table and
# one per kind of object the shown changes name (office, county, person, …).
PAGES = [
    # The front page asks every app what waits for the person (core/needs.py): a fixed number each
    # (the plans app added one: a plan that waits for an owner's approval).
    Page("home", "nav_leader", "/", 17),
    Page("partnership list (admin)", "admin", "/partnerskap/", 7),
    Page("partnership list", "county_director", "/partnerskap/", 8),
    Page("partnership detail", "county_director", "/partnerskap/{partnership}/", 11),
    Page(
        "partnership change log", "county_director", "/partnerskap/{partnership}/endringslogg/", 17
    ),
    Page("office list (admin)", "admin", "/kontor/", 5),
    Page("office list", "county_director", "/kontor/", 6),
    Page("office detail", "county_director", "/kontor/{office}/", 12),
    Page("office opening hours form", "nav_leader", "/kontor/{office}/apningstider/", 7),
    Page("county list", "member", "/fylker/", 6),
    Page("county detail", "member", "/fylker/{county}/", 7),
    Page("municipality list", "member", "/kommuner/", 6),
    Page("municipality detail", "member", "/kommuner/{municipality}/", 6),
    Page("service area list", "member", "/tjenesteomrader/", 6),
    Page("service area detail", "member", "/tjenesteomrader/{service_area}/", 5),
    Page("API me", "member", "/api/v1/me", 2),
    Page("API county list", "member", "/api/v1/counties", 4),
    Page("API county detail", "member", "/api/v1/counties/{county}", 5),
    Page("API service area list", "member", "/api/v1/service-areas", 4),
    Page("API service area detail", "member", "/api/v1/service-areas/{service_area}", 3),
    Page("API municipality list", "member", "/api/v1/municipalities", 4),
    Page("API municipality detail", "member", "/api/v1/municipalities/{municipality}", 4),
    Page("API office list (admin)", "admin", "/api/v1/offices", 5),
    Page("API office list", "county_director", "/api/v1/offices", 6),
    Page("API office detail", "county_director", "/api/v1/offices/{office}", 7),
    Page("API partnership list (admin)", "admin", "/api/v1/partnerships", 7),
    Page("API partnership list", "county_director", "/api/v1/partnerships", 8),
    Page("API partnership detail", "county_director", "/api/v1/partnerships/{partnership}", 9),
]


def _bulk(objs: list[Model], actor: User, *, changed: bool = False) -> list[Model]:
    """bulk_create skips save(), so write the history rows simple-history would have written."""
    model = type(objs[0])
    objs = model.objects.bulk_create(objs)
    model.history.bulk_history_create(objs, default_user=actor)
    if changed:
        model.history.bulk_history_create(objs, default_user=actor, update=True)
    return objs


def add_partnerships(world, area: ServiceArea, first: int, count: int) -> None:
    """`count` more partnerships in Trøndelag, each like Ørland: owners, hours, roles, history."""
    numbers = range(first, first + count)
    admin, county, since = world.admin, world.county, date(2019, 1, 1)
    municipalities = _bulk(
        [
            Municipality(number=f"{6000 + i}", name=f"Kommune {i}", county=county, valid_from=since)
            for i in numbers
        ],
        admin,
    )
    offices = _bulk(
        [
            Office(
                unit_number=f"{7000 + i}",
                name=f"NAV Test {i:03d}",
                county=county,
                service_area=area,
                visiting_address=f"Gata {i}",
                valid_from=since,
            )
            for i in numbers
        ],
        admin,
    )
    partnerships = _bulk(
        [
            Partnership(name=f"NAV Test {i:03d}", office=office, valid_from=since)
            for i, office in zip(numbers, offices, strict=True)
        ],
        admin,
        changed=True,
    )
    owners = []
    for partnership, municipality in zip(partnerships, municipalities, strict=True):
        owners.append(Owner(partnership=partnership, kind=OwnerKind.STATE, county=county))
        owners.append(
            Owner(partnership=partnership, kind=OwnerKind.MUNICIPALITY, municipality=municipality)
        )
    _bulk(owners, admin)
    _bulk(
        [
            OpeningHours(office=office, weekday=day, opens=time(9), closes=time(15))
            for office in offices
            for day in (0, 3)
        ],
        admin,
    )
    kinds = [RoleKind.NAV_LEADER, RoleKind.MEMBER]
    people = User.objects.bulk_create(
        [
            User(username=f"p{i}-{kind}", first_name=kind, last_name=str(i), password="!")
            for i in numbers
            for kind in kinds
        ]
    )
    _bulk(
        [
            Role(
                person=person, kind=kinds[n % 2], partnership=partnerships[n // 2], valid_from=since
            )
            for n, person in enumerate(people)
        ],
        admin,
    )


@pytest.fixture
def area(world) -> ServiceArea:
    area = services.service_area_save(
        actor=world.admin, county=world.county, name="Fosen", valid_from=date(2018, 1, 1)
    )
    office = services.office_save(actor=world.admin, office=world.orland_office, service_area=area)
    # A change by a person, so that the change logs name someone and show old → new.
    services.office_opening_hours_set(
        actor=world.nav_leader,
        office=office,
        hours=[services.DayHours(0, time(10), time(15)), services.DayHours(2, time(9), time(14))],
    )
    return area


def _paths(world, area: ServiceArea) -> dict:
    return {
        "partnership": world.orland.pk,
        "office": world.orland_office.pk,
        "county": world.county.pk,
        "municipality": world.orland_municipality.pk,
        "service_area": area.pk,
    }


def _measure(client, world, area, django_assert_num_queries, subtests, size: int) -> dict:
    people = world.personas()
    counts = {}
    for page in PAGES:
        client.force_login(people[page.persona])
        url = page.path.format(**_paths(world, area))
        with subtests.test(page=page.name, partnerships=size):
            info = f"{page.name} ({url}) with {size} partnerships"
            with django_assert_num_queries(page.queries, info=info) as captured:
                response = client.get(url)
            counts[page.name] = len(captured)
            assert response.status_code == 200
    return counts


def test_query_counts_are_exact_and_the_same_for_5_and_200_partnerships(
    world, area, client, django_assert_num_queries, subtests
):
    add_partnerships(world, area, first=1, count=3)
    assert Partnership.objects.count() == 5
    small = _measure(client, world, area, django_assert_num_queries, subtests, 5)
    add_partnerships(world, area, first=4, count=195)
    assert Partnership.objects.count() == 200
    large = _measure(client, world, area, django_assert_num_queries, subtests, 200)
    assert small == large == {page.name: page.queries for page in PAGES}
    _assert_pages_are_full(client, world)


def _assert_pages_are_full(client, world) -> None:
    """Guard against a count that holds only because the pages show nothing."""
    client.force_login(world.county_director)
    listing = client.get("/api/v1/partnerships").json()
    assert listing["count"] == 199  # all of Trøndelag's; Ålesund is Møre og Romsdal's
    assert len(listing["items"]) == 50
    assert all(len(p["owners"]) == 2 and p["leader"] for p in listing["items"])
    assert client.get("/api/v1/partnerships?page=4").json()["items"][-1]["name"] == "NAV Ørland"
    # The API reads one page of rows, not all 200 to hand out 50.
    with CaptureQueriesContext(connection) as captured:
        client.get("/api/v1/partnerships")
    reads = [q["sql"] for q in captured if 'FROM "registry_partnership"' in q["sql"]]
    assert any("LIMIT 50" in sql for sql in reads) and not any(
        "LIMIT" not in sql and "COUNT" not in sql and "DISTINCT" not in sql for sql in reads
    ), reads
    page = client.get("/partnerskap/").content.decode()
    assert page.count('href="/partnerskap/') >= 50
    office = client.get(f"/kontor/{world.orland_office.pk}/").content.decode()
    assert "10:00" in office and world.nav_leader.display_name in office
