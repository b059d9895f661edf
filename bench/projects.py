"""Benchmark of the project pages: a county's portfolio and a project's page at two sizes.

    .venv/bin/python bench/projects.py [--projects 100] [--pilots 10] [-n 10]

Builds a fresh SQLite database in var/ (or a database of its own on DATABASE_URL's server, as
bench/run.py does), a county with one partnership and a reader, then 3 projects of 10 pilots
(each pilot with a year of monthly status entries, a risk; each project with milestones), measures
the portfolio page, the project page, their API routes and the status PDF, grows the data to 100
projects and measures again. Prints queries and the median time per route at each size: the query
counts must not grow with the data (issue 19, done 3).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("PARTNERSKAP_ALLOW_DEV_KEY", "1")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("SECURE_HSTS_SECONDS", "0")
os.environ.setdefault("LOG_LEVEL", "ERROR")


def _database() -> None:
    path = ROOT / "var" / "bench-projects.sqlite3"
    if not os.environ.get("DATABASE_URL"):
        path.parent.mkdir(exist_ok=True)
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        os.environ["SQLITE_PATH"] = str(path)
    from generate import setup_django

    setup_django()
    from django.core.management import call_command
    from django.db import connection

    if os.environ.get("DATABASE_URL"):
        name = connection.settings_dict["NAME"]
        connection.settings_dict["TEST"]["NAME"] = f"bench_projects_{name}_{os.getpid()}"
        connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    else:
        call_command("migrate", verbosity=0)


def _world():
    from partnerskap.core.models import RoleKind, User
    from partnerskap.registry.models import County, Municipality, Office, Partnership, Role

    county = County.objects.create(number="18", name="NAV Nordland", valid_from=date(2006, 7, 1))
    office = Office.objects.create(
        unit_number="1806", name="NAV Ofoten", county=county, valid_from=date(2020, 1, 1)
    )
    partnership = Partnership.objects.create(
        name="NAV Ofoten", office=office, valid_from=date(2020, 1, 1)
    )
    Municipality.objects.create(
        number="1806", name="Narvik", county=county, valid_from=date(2020, 1, 1)
    )
    reader = User.objects.create(username="leser", first_name="Lise", last_name="Leser")
    Role.objects.create(
        person=reader, kind=RoleKind.MEMBER, partnership=partnership, valid_from=date(2020, 1, 1)
    )
    return county, partnership, reader


def grow(county, partnership, leader, projects: int, pilots: int) -> list:
    """`projects` more projects of `pilots` pilots each, written in bulk."""
    from partnerskap.projects.models import (
        Milestone,
        Pilot,
        Project,
        Risk,
        StatusEntry,
        StatusRow,
    )

    start = Project.objects.count()
    made = Project.objects.bulk_create(
        Project(
            county=county,
            name=f"Prosjekt {start + n:03d}",
            starts_on=date(2019, 1, 1),
            ends_on=date(2021, 12, 31),
            leader=leader,
        )
        for n in range(projects)
    )
    pilot_rows = Pilot.objects.bulk_create(
        Pilot(project=p, name=f"Pilot {n}", position=n) for p in made for n in range(pilots)
    )
    Pilot.partnerships.through.objects.bulk_create(
        Pilot.partnerships.through(pilot=p, partnership=partnership) for p in pilot_rows
    )
    rows = StatusRow.objects.bulk_create(
        StatusRow(project=p.project, pilot=p, label=p.name, position=p.position) for p in pilot_rows
    )
    StatusEntry.objects.bulk_create(
        StatusEntry(row=r, reported_on=date(2020, m, 1), health="on_track", status_text="I rute")
        for r in rows
        for m in range(1, 13)
    )
    Milestone.objects.bulk_create(
        Milestone(project=p, title=f"Milepæl {n}", due_on=date(2020, n + 1, 1))
        for p in made
        for n in range(6)
    )
    Risk.objects.bulk_create(
        Risk(project=p.project, pilot=p, title="Risiko", probability=2, consequence=3)
        for p in pilot_rows
    )
    return made


def _measure(client, path: str, requests: int) -> tuple[int, float]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)  # warm: templates compiled, caches filled
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    count = len(captured)  # read now: the next request empties the query log
    times = []
    for _ in range(requests):
        began = time.perf_counter()
        client.get(path)
        times.append((time.perf_counter() - began) * 1000)
    return count, statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=100)
    parser.add_argument("--pilots", type=int, default=10)
    parser.add_argument("-n", type=int, default=10, help="requests per route")
    args = parser.parse_args()
    _database()
    from django.test import Client

    county, partnership, reader = _world()
    first = grow(county, partnership, reader, 3, args.pilots)[0]
    client = Client()
    client.force_login(reader)
    routes = [
        ("portfolio page", f"/prosjekter/fylke/{county.pk}/"),
        ("project page", f"/prosjekter/{first.pk}/"),
        ("GET /counties/{id}/projects", f"/api/v1/counties/{county.pk}/projects"),
        ("GET /projects/{id}", f"/api/v1/projects/{first.pk}"),
        ("status PDF", f"/prosjekter/{first.pk}/statusrapport.pdf"),
    ]
    results = {}
    for size in (3, args.projects):
        if size > 3:
            grow(county, partnership, reader, size - 3, args.pilots)
        for label, path in routes:
            results[(label, size)] = _measure(client, path, args.n)
    print(f"{'route':32} {'3 projects':>22} {args.projects:>8} projects")
    for label, _path in routes:
        small, large = results[(label, 3)], results[(label, args.projects)]
        print(
            f"{label:32} {small[0]:>4} queries {small[1]:>7.1f} ms"
            f" {large[0]:>4} queries {large[1]:>7.1f} ms"
        )
        assert small[0] == large[0], f"{label}: the queries grow with the data"


if __name__ == "__main__":
    main()
