"""The figures pages and API cost the same number of queries with 50 offices as with 300
(done 7), and the office page the same with 10 periods as with 200."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partnerskap.figures.models import Indicator, Level, Observation, PeriodKind
from partnerskap.registry.models import Office

START = date(2018, 11, 1)
END = date(2018, 11, 30)


def add_offices(world, first: int, how_many: int) -> None:
    offices = Office.objects.bulk_create(
        Office(
            unit_number=f"{7000 + i:04d}",
            name=f"NAV Kontor {i}",
            county=world.county,
            valid_from=date(2007, 1, 1),
        )
        for i in range(first, first + how_many)
    )
    codes = dict(Indicator.objects.values_list("code", "id"))
    Observation.objects.bulk_create(
        Observation(
            partnership=world.orland,
            indicator_id=codes[code],
            level=Level.OFFICE,
            office=office,
            period_kind=PeriodKind.MONTH,
            period_start=START,
            period_end=END,
            value=Decimal(value),
            source="Datavarehuset",
            extracted_on=date(2018, 11, 12),
        )
        for n, office in enumerate(offices)
        for code, value in (
            ("users_digital", 100 + n),
            ("users_manual", 2 + n % 5),
            ("users_followed_up", 102 + n + n % 5),
            ("users_agreed_activity", 80 + n),
            ("users_follow_up", 120 + n),
        )
    )


def add_weeks(world, first: int, how_many: int) -> None:
    codes = dict(Indicator.objects.values_list("code", "id"))
    monday = date(2016, 1, 4)
    Observation.objects.bulk_create(
        Observation(
            partnership=world.orland,
            indicator_id=codes[code],
            level=level,
            office=world.orland_office if level == Level.OFFICE else None,
            county=world.county if level == Level.COUNTY else None,
            period_kind=PeriodKind.WEEK,
            period_start=monday + timedelta(weeks=w),
            period_end=monday + timedelta(weeks=w, days=6),
            value=Decimal(500 + w),
            source="Datavarehuset",
            extracted_on=date(2020, 6, 1),
        )
        for w in range(first, first + how_many)
        for code in ("users_follow_up", "users_follow_up_aap", "users_agreed_activity")
        for level in (Level.OFFICE, Level.COUNTY, Level.COUNTRY)
    )


def count_queries(client, url: str, params: dict | None = None) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize(
    "url",
    [
        "figures:county",
        "/api/v1/partnerships/{pk}/figures/county",
    ],
)
def test_county_table_constant_with_50_and_300_offices(world, client, url):
    client.force_login(world.nav_leader)
    target = reverse(url, args=[world.orland.pk]) if ":" in url else url.format(pk=world.orland.pk)
    add_offices(world, 0, 50)
    small = count_queries(client, target, {"periode": "2018-11", "period": "2018-11"})
    add_offices(world, 50, 250)
    assert Observation.objects.filter(level=Level.OFFICE).values("office").distinct().count() == 300
    assert count_queries(client, target, {"periode": "2018-11", "period": "2018-11"}) == small


@pytest.mark.parametrize(
    "url",
    [
        "figures:overview",
        "figures:comparison",
        "/api/v1/partnerships/{pk}/figures",
        "/api/v1/partnerships/{pk}/figures/areas",
        "/api/v1/partnerships/{pk}/figures/comparison",
    ],
)
def test_office_pages_constant_with_10_and_200_weeks(world, client, url):
    client.force_login(world.nav_leader)
    target = reverse(url, args=[world.orland.pk]) if ":" in url else url.format(pk=world.orland.pk)
    add_weeks(world, 0, 10)
    small = count_queries(client, target)
    add_weeks(world, 10, 190)
    assert count_queries(client, target) == small


def test_status_report_constant_with_10_and_200_weeks(world, client):
    from partnerskap.figures import services
    from partnerskap.figures.models import Comparison

    indicator = Indicator.objects.get(code="users_follow_up")
    report = services.report_create(actor=world.nav_leader, partnership=world.orland, title="S")
    for comparison in (Comparison.NONE, Comparison.PREVIOUS, Comparison.AREAS):
        services.block_add(
            actor=world.nav_leader,
            report=report,
            section_kind="users",
            indicator=indicator,
            period_text="2016-W10",
            comparison=comparison,
            compare_period_text="2016-W02",
            chart=True,
        )
    client.force_login(world.member)
    url = reverse("figures:report_detail", args=[report.pk])
    add_weeks(world, 0, 10)
    small = count_queries(client, url)
    add_weeks(world, 10, 190)
    assert count_queries(client, url) == small
