"""The reception pages and API cost the same number of queries with 218 visits or 10 000."""

from datetime import date, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partnerskap.demo import reception as seed
from partnerskap.reception import services
from partnerskap.reception.models import ChangeKind, Visit, VisitSource


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def _more_visits(location, user, how_many: int) -> None:
    """Visits over earlier years, on Rissa's open weekdays at 11:xx (bulk: the shape matters)."""
    start = date(2015, 1, 5)  # a Monday
    Visit.objects.bulk_create(
        Visit(
            location=location,
            day=start + timedelta(weeks=n // 3, days=(0, 1, 3)[n % 3]),
            arrival=time(11, n % 50),
            minutes=5,
            source=VisitSource.IMPORT,
            created_by=user,
        )
        for n in range(how_many)
    )


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_the_visits(client, world, reception):
    scenario = services.scenario_create(
        actor=world.nav_leader,
        office=world.orland_office,
        name="Steng Leksvik",
        first_day=date(2015, 1, 1),
        last_day=seed.LAST_DAY,
        open_weeks=30,
    )
    for location, kind in ((reception.leksvik, ChangeKind.CLOSE), (reception.rissa, "keep")):
        services.change_add(
            actor=world.nav_leader,
            scenario=scenario,
            location=location,
            kind=kind if kind != "keep" else ChangeKind.KEEP_HOURS,
            from_time=None if kind != "keep" else time(12),
            to_time=None if kind != "keep" else time(14),
        )
    office = world.orland_office.pk
    routes = {
        "reception page": reverse("reception:office_reception", args=[office]),
        "analysis page": reverse("reception:analysis", args=[office]),
        "counter page": reverse("reception:counter", args=[reception.rissa.pk]),
        "location page": reverse("reception:location_detail", args=[reception.rissa.pk]),
        "scenario page": reverse("reception:scenario_detail", args=[scenario.pk]),
        "GET analysis": f"/api/v1/offices/{office}/reception/analysis",
        "GET locations": f"/api/v1/offices/{office}/reception/locations",
        "GET scenario": f"/api/v1/reception/scenarios/{scenario.pk}",
        "GET scenarios": f"/api/v1/offices/{office}/reception/scenarios",
    }
    client.force_login(world.nav_leader)
    for url in routes.values():
        client.get(url)
    small = {name: _queries(client, url) for name, url in routes.items()}
    _more_visits(reception.rissa, world.nav_leader, 10_000)
    for n in range(30):
        services.scenario_create(
            actor=world.nav_leader,
            office=world.orland_office,
            name=f"Scenario {n:02d}",
            first_day=seed.FIRST_DAY,
            last_day=seed.LAST_DAY,
            open_weeks=30,
        )
    large = {name: _queries(client, url) for name, url in routes.items()}
    assert small == large, "a query per visit or location: see which route differs"
    assert large == EXPECTED


# The exact number of queries each route costs; if one changes, find out why. Pages: session,
# user, access scope (2-3), the office or location; then the reads named below.
EXPECTED = {
    # office (+ its hours and partnerships), locations with hours, edit check, scenario page
    "reception page": 11,
    # office, locations with hours (2) twice for the choice, data period (2), visits, totals
    "analysis page": 13,
    # location with hours, today's visits, recent visits
    "counter page": 8,
    # location with hours, recent visits, totals, edit check
    "location page": 8,
    # scenario with changes, office's locations with hours, visits, totals, edit check
    "scenario page": 10,
    "GET analysis": 13,
    "GET locations": 9,
    "GET scenario": 10,
    "GET scenarios": 9,  # paginated: count, page
}
