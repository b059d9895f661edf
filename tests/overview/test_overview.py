"""The county overview: one row per partnership the person follows, filters, XLSX, constant cost;
and the partnership page that opens with the same summary."""

import io
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from partnerskap.agreements import services as agreement_services
from partnerskap.meetings import services
from partnerskap.meetings.models import ItemKind
from partnerskap.overview.selectors import overview_rows

from ..agreements.conftest import in_force
from ..factories import MunicipalityFactory, partnership_with_owners


def _client(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def _names(user, query=""):
    page = _client(user).get("/oversikt/" + query)
    assert page.status_code == 200
    return [r.partnership.name for r in page.context["rows"]]


def test_each_person_sees_the_partnerships_they_follow(world):
    assert _names(world.admin) == ["NAV Ålesund", "NAV Ørland"]
    assert _names(world.county_director) == ["NAV Ørland"]
    assert _names(world.other_leader) == ["NAV Ålesund"]
    assert _names(world.outsider) == []


def test_a_row_says_agreement_meeting_minutes_and_follow_ups(world, meeting, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    agreement = agreement_services.agreement_create(
        actor=world.nav_leader, partnership=world.orland
    )
    in_force(agreement, world)
    item = meeting.items.filter(kind=ItemKind.DECISION).first()
    day = timezone.localtime(meeting.starts_at).date()
    services.action_add(
        actor=world.nav_leader, item=item, title="A", owner=world.member, due_date=day
    )
    services.action_add(
        actor=world.nav_leader,
        item=item,
        title="B",
        owner=world.member,
        due_date=day + timedelta(days=9),
    )
    after = day + timedelta(days=3)
    (row,) = [r for r in overview_rows(world.admin, after) if r.partnership == world.orland]
    assert (row.status, row.expires, row.county) == (
        "in_force",
        date(2030, 12, 31),
        "NAV Trøndelag",
    )
    assert row.next_meeting == meeting.starts_at
    assert (row.open_follow_ups, row.overdue_follow_ups) == (2, 1)
    assert row.last_approved is None and row.hearing_deadline is None
    (other,) = [r for r in overview_rows(world.admin, after) if r.partnership == world.other]
    assert (other.status, other.open_follow_ups, other.next_meeting) == ("none", 0, None)


def test_filters_status_overdue_expiring_county_and_sort(world, meeting, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    agreement = agreement_services.agreement_create(
        actor=world.nav_leader, partnership=world.orland
    )
    in_force(agreement, world)
    assert _names(world.admin, "?status=in_force") == ["NAV Ørland"]
    assert _names(world.admin, "?status=none") == ["NAV Ålesund"]
    months = (date(2030, 12, 31) - timezone.localdate()).days // 30 + 2
    assert _names(world.admin, f"?expiring={months}") == ["NAV Ørland"]
    assert _names(world.admin, "?expiring=1") == []
    assert _names(world.admin, "?overdue=on") == []
    assert _names(world.admin, f"?county={world.county.pk}") == ["NAV Ørland"]
    assert _names(world.admin, "?sort=expires") == ["NAV Ørland", "NAV Ålesund"]  # empty last
    assert _names(world.admin, "?sort=name&descending=on") == ["NAV Ørland", "NAV Ålesund"]
    assert _names(world.admin, "?q=lesund") == ["NAV Ålesund"]


def test_bad_filter_says_what_is_wrong(world):
    response = _client(world.admin).get("/oversikt/?expiring=abc")
    assert response.status_code == 400
    assert "Oppgi et heltall." in response.content.decode()


def test_the_export_has_the_same_rows(world):
    response = _client(world.admin).get("/oversikt.xlsx?sort=name&descending=on")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == ["NAV Ørland", "NAV Ålesund"]
    assert rows[1][2] == "Ingen avtale"


def _grow(world, n):
    for i in range(n):
        m = MunicipalityFactory(number=f"{7000 + i}", county=world.county)
        partnership_with_owners(world.county, m, name=f"NAV Prøve {i}")


@pytest.mark.parametrize("persona", ["admin", "county_director"])
def test_the_overview_costs_the_same_with_more_partnerships(world, meeting, persona):
    def count() -> int:
        client = _client(getattr(world, persona))
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/oversikt/").status_code == 200
        return len(ctx.captured_queries)

    small = count()
    _grow(world, 12)
    assert count() == small


def test_the_partnership_page_opens_with_the_summary_and_links_the_change_log(world, meeting):
    client = _client(world.member)
    page = client.get(f"/partnerskap/{world.orland.pk}/").content.decode()
    summary = page[page.index('data-testid="summary"') :]
    summary = summary[: summary.index("</dl>")]
    assert (
        "Neste møte" in summary
        and timezone.localtime(meeting.starts_at).strftime("%d.%m.%Y") in summary
    )
    assert "Ingen avtale" in summary and "0 åpne, 0 over fristen" in summary
    assert 'id="history-heading"' not in page
    assert f"/partnerskap/{world.orland.pk}/endringslogg/" in page
    log = client.get(f"/partnerskap/{world.orland.pk}/endringslogg/")
    assert log.status_code == 200 and 'id="history-heading"' in log.content.decode()
