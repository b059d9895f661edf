"""Done point 2 of issue 13: the county overview shows Trøndelag's and Nordland's partnerships of
the demo with the right status, and costs the same number of queries with 8 partnerships as with
250 (the benchmark's generator, bench/generate.py, at two scales)."""

import re
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from partnerskap.core.models import User
from partnerskap.demo.loader import DemoLoader

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from generate import Scale, generate  # bench/ is no package: its modules by path

pytestmark = pytest.mark.django_db

ROW = re.compile(
    r'<tr class="aksel-table__row" data-partnership="\d+">\s*<th[^>]*><a[^>]*>([^<]+)</a></th>'
    r"\s*<td[^>]*>([^<]*)</td>\s*<td[^>]*data-status=\"(\w+)\">(?:<a[^>]*>)?([^<]+)(?:</a>)?</td>"
    r"\s*<td[^>]*>([^<]*)</td>\s*<td[^>]*>([^<]*)</td>"
)


def _client(user: User) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def _rows(username: str) -> dict[str, tuple[str, str, str, str, str]]:
    """Name -> (county, status, status as shown, expires, hearing deadline) from the page."""
    response = _client(User.objects.get(username=username)).get("/oversikt/")
    assert response.status_code == 200
    html = response.content.decode()
    found = {m[0]: tuple(m[1:]) for m in ROW.findall(html)}
    assert len(found) == html.count("data-partnership="), "every row read"
    return found


def test_trondelag_and_nordland_show_every_partnership_with_its_status():
    DemoLoader().load()
    hearing = (timezone.localdate() + timedelta(days=21)).strftime("%d.%m.%Y")
    assert _rows("fylkesdirektor.trondelag") == {
        "NAV Ørland": ("NAV Trøndelag", "in_force", "Gjeldende", "31.12.2027", "–"),
        "NAV Indre Fosen": ("NAV Trøndelag", "hearing", "På høring", "–", hearing),
    }
    nothing = ("NAV Nordland", "none", "Ingen avtale", "–", "–")
    assert _rows("fylkesdirektor.nordland") == {
        name: nothing
        for name in ("NAV Ofoten", "NAV Indre Salten", "NAV Meløy", "NAV Rødøy", "NAV Gildeskål")
    }
    # The administrator sees the same rows among the others, filtered to each county.
    admin = _client(User.objects.get(username="admin"))
    everything = admin.get("/oversikt/").context["rows"]
    by_county = {r.partnership.name: r.county for r in everything}
    assert {n for n, c in by_county.items() if c == "NAV Trøndelag"} == {
        "NAV Ørland",
        "NAV Indre Fosen",
    }
    assert {n for n, c in by_county.items() if c == "NAV Nordland"} == {
        "NAV Ofoten",
        "NAV Indre Salten",
        "NAV Meløy",
        "NAV Rødøy",
        "NAV Gildeskål",
    }


class _Measured(Exception):
    """Carries the counts out of the savepoint that is rolled back."""

    def __init__(self, counts: dict[str, int]) -> None:
        self.counts = counts


def _queries(client: Client, path: str) -> int:
    client.get(path)  # warm: the session and the user's roles as on any later request
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def _measure(partnerships: int) -> tuple[int, dict[str, int]]:
    scale = Scale(
        partnerships=partnerships,
        municipalities=partnerships + 4,
        big_body_years=1,
        other_meetings=3 * partnerships,
    )
    try:
        with transaction.atomic():
            generate(scale)
            admin = _client(User.objects.get(username="bench.admin"))
            director = _client(User.objects.get(username="fylkesdirektor.03"))
            shown = admin.get("/oversikt/").context["total"]
            raise _Measured(
                {
                    "admin page": _queries(admin, "/oversikt/"),
                    "admin XLSX": _queries(admin, "/oversikt.xlsx"),
                    "director page": _queries(director, "/oversikt/"),
                    "director XLSX": _queries(director, "/oversikt.xlsx"),
                    "sorted by next meeting": _queries(admin, "/oversikt/?sort=next_meeting"),
                    "page 2": _queries(admin, "/oversikt/?side=2"),
                    "shown": shown,
                }
            )
    except _Measured as measured:
        shown = measured.counts.pop("shown")
        return shown, measured.counts


def test_the_overview_costs_the_same_with_8_and_250_partnerships():
    small_shown, small = _measure(8)
    big_shown, big = _measure(250)
    assert (small_shown, big_shown) == (8, 250)
    assert big == small, (small, big)
