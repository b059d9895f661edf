"""The annual pages: the wheel and the council report, read by Ørland's people, written and sent
by those who change the partnership, at a constant number of queries."""

from datetime import date
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from partnerskap.annual.models import CouncilReport, CouncilReportVersion
from partnerskap.figures.models import Indicator
from partnerskap.goals import services as goal_services
from partnerskap.goals.models import Direction
from partnerskap.meetings import services as meetings
from partnerskap.meetings.models import Body, BodyKind, ItemKind, Meeting, MeetingStatus

from ..meetings.conftest import at
from .conftest import SECRET_TEXT


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def _more(world, year: int, how_many: int) -> None:
    """More bodies, each with a held meeting and a decision in the year."""
    for n in range(how_many):
        body = meetings.body_create(
            actor=world.nav_leader,
            name=f"Arbeidsgruppe {n}",
            kind=BodyKind.PROJECT_GROUP,
            slug=f"orland-gruppe-{n}-{Body.objects.count()}",
            partnership=world.orland,
        )
        day = date(year, 1 + n % 12, 1 + n % 27)
        meeting = meetings.meeting_schedule(
            actor=world.nav_leader, body=body, starts_at=at(day, 9), ends_at=at(day, 10)
        )
        meetings.item_add(
            actor=world.nav_leader,
            meeting=meeting,
            title=f"Sak {n}",
            kind=ItemKind.DECISION,
            decision_text=f"Vedtak {n}",
        )
        Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.HELD)


def test_the_report_and_the_wheel_cost_the_same_with_more_data(client, world, orland_year):
    client.force_login(world.nav_leader)
    pk = world.orland.pk
    urls = [
        f"/partnerskap/{pk}/kommunestyret/{orland_year}/",
        f"/partnerskap/{pk}/arshjul/{orland_year}/",
    ]
    _more(world, orland_year, 2)
    small = [_queries(client, url) for url in urls]
    _more(world, orland_year, 20)
    assert [_queries(client, url) for url in urls] == small


def test_the_leader_writes_sends_and_downloads(client, world, orland_year):
    client.force_login(world.nav_leader)
    base = f"/partnerskap/{world.orland.pk}/kommunestyret/{orland_year}/"
    response = client.get(base)
    assert "Partnerskapsmøtet i NAV Ørland" in response.content.decode()
    response = client.post(
        base + "rediger/",
        {"due": f"{orland_year + 1}-03-15", "revision": "0", "introduction": SECRET_TEXT},
    )
    assert response.status_code == 302
    report = CouncilReport.objects.get()
    assert report.texts == {"introduction": SECRET_TEXT}
    assert report.due == date(orland_year + 1, 3, 15)
    stale = client.post(base + "rediger/", {"due": f"{orland_year + 1}-03-15", "revision": "0"})
    assert stale.status_code == 409
    assert client.post(base + "send/").status_code == 302
    version = CouncilReportVersion.objects.get()
    page = client.get(base).content.decode()
    assert SECRET_TEXT in page
    assert f"/kommunestyret/versjoner/{version.pk}.pdf" in page
    pdf = client.get(f"/kommunestyret/versjoner/{version.pk}.pdf")
    assert pdf.status_code == 200
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")


def test_a_bad_date_is_named(client, world, orland_year):
    client.force_login(world.nav_leader)
    url = f"/partnerskap/{world.orland.pk}/kommunestyret/{orland_year}/rediger/"
    response = client.post(url, {"due": "31.02.2026", "revision": "0"})
    assert response.status_code == 400
    assert "Frist" in response.content.decode()


def test_other_partnerships_see_nothing(client, world, orland_year):
    client.force_login(world.other_leader)
    pk = world.orland.pk
    assert client.get(f"/partnerskap/{pk}/kommunestyret/{orland_year}/").status_code == 404
    assert client.get(f"/partnerskap/{pk}/arshjul/{orland_year}/").status_code == 404


def test_years_far_away_are_not_found(client, world):
    client.force_login(world.nav_leader)
    assert client.get(f"/partnerskap/{world.orland.pk}/arshjul/1935/").status_code == 404


def _add_goals(world, year: int, how_many: int) -> None:
    """Goals with a key-figure indicator and a measure entered by hand, each with a target."""
    series = Indicator.objects.get(code="users_follow_up")
    for n in range(how_many):
        goal = goal_services.goal_create(
            actor=world.nav_leader, partnership=world.orland, year=year, title=f"Mål {n}"
        )
        for kwargs in ({"series": series}, {"name": f"Tiltak {n}", "unit": "stk"}):
            indicator = goal_services.indicator_add(
                actor=world.nav_leader,
                goal=goal,
                direction=Direction.UP,
                baseline=Decimal(581),
                **kwargs,
            )
            goal_services.target_set(
                actor=world.nav_leader, indicator=indicator, period_text=str(year), value=1200
            )
            if "name" in kwargs:
                goal_services.measurement_add(
                    actor=world.nav_leader,
                    indicator=indicator,
                    period_text=f"{year}-T1",
                    value=900,
                )


def test_the_report_page_costs_the_same_with_5_and_50_goals(client, world, orland_year):
    """Issue 20 done 5 (the report's part)."""
    client.force_login(world.member)
    url = f"/partnerskap/{world.orland.pk}/kommunestyret/{orland_year}/"
    client.get(url)  # the session and the person's scope, as on any later page
    _add_goals(world, orland_year, 4)  # and the fixture's own: 5
    five = _queries(client, url)
    _add_goals(world, orland_year, 45)
    assert _queries(client, url) == five
    page = client.get(url).content.decode()
    assert page.count("Tiltak ") == 49
