"""Benchmark of the two slowest pages of issue 16: the reception analysis and a status report.

    .venv/bin/python bench/issue16.py [--visits 33000] [--weeks 637] [-n 20]

Builds a fresh database (SQLite in var/, or a database of its own on DATABASE_URL's server, as
bench/run.py does), loads the demo, then gives Rissa (NAV Indre Fosen) `--visits` registered
visits spread over the last twelve years on its open weekdays (some outside walk-in hours, some
overlapping), and gives every office of Trøndelag `--weeks` weekly key figures (users in
work-oriented follow-up), with a status report whose block shows the last week alone with a chart
over time. Then it times, signed in as the office's leader, the analysis page with its default
span and with the whole data span, and the status report page: the first request (charts not yet
rendered) and the median and p95 of the next ones, the process's CPU time per request (which a
loaded machine inflates less than the wall-clock time) and the number of queries.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
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
    path = ROOT / "var" / "bench-issue16.sqlite3"
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
        connection.settings_dict["TEST"]["NAME"] = f"bench_issue16_{name}_{os.getpid()}"
        connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
        os.environ["BENCH_OLD_NAME"] = name
    else:
        call_command("migrate", verbosity=0)
    call_command("demo", i_know=True, verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115


def add_visits(count: int, rng: random.Random):
    """`count` visits at Rissa over the last twelve years, on its open weekdays."""
    from datetime import time as clock

    from partnerskap.reception.models import Location, Visit, VisitSource

    rissa = Location.objects.get(name="Rissa")
    from partnerskap.core.models import User

    actor = User.objects.get(username="leder.indrefosen")
    open_weekdays = {h.weekday for h in rissa.hours.all()}
    today = date.today()
    days = [
        today - timedelta(days=n)
        for n in range(12 * 365)
        if (today - timedelta(days=n)).weekday() in open_weekdays
    ]
    rows = []
    for _ in range(count):
        day = rng.choice(days)
        hour = rng.choice([10, 11, 11, 12, 12, 13, 13, 14])
        rows.append(
            Visit(
                location=rissa,
                day=day,
                arrival=clock(hour, rng.randrange(60)),
                minutes=rng.randint(2, 30),
                source=VisitSource.COUNTER,
                created_by=actor,
            )
        )
    Visit.objects.bulk_create(rows, batch_size=5000)
    return rissa


def add_weeks(weeks: int) -> tuple[int, str]:
    """Weekly figures for every office of Trøndelag, and a status report charting them."""
    from partnerskap.core.models import User
    from partnerskap.figures import services
    from partnerskap.figures.models import Comparison, Indicator, Level, Observation, PeriodKind
    from partnerskap.figures.periods import week
    from partnerskap.registry.models import Office, Partnership

    partnership = Partnership.objects.get(office__unit_number="5054")
    offices = list(Office.objects.filter(county_id=partnership.office.county_id))
    indicator = Indicator.objects.get(code="users_follow_up")
    leader = User.objects.get(username="leder.indrefosen")
    monday = date.today() - timedelta(days=date.today().weekday() + 7)
    periods = []
    for n in range(weeks):
        start = monday - timedelta(weeks=n)
        iso = start.isocalendar()
        periods.append(week(iso[0], iso[1]))
    Observation.objects.bulk_create(
        (
            Observation(
                partnership=partnership,
                indicator=indicator,
                level=Level.OFFICE,
                office=office,
                period_kind=PeriodKind.WEEK,
                period_start=p.start,
                period_end=p.end,
                value=500 + (i * 7 + k * 13) % 400,
                source="bench",
                extracted_on=date.today(),
            )
            for i, p in enumerate(periods)
            for k, office in enumerate(offices)
        ),
        batch_size=5000,
    )
    report = services.report_create(actor=leader, partnership=partnership, title="Benk")
    services.block_add(
        actor=leader,
        report=report,
        section_kind="users",
        indicator=indicator,
        period_text=periods[0].code,
        comparison=Comparison.NONE,
        compare_period_text="",
        chart=True,
    )
    return report.pk, periods[0].code


def _measure(client, path: str, requests: int) -> tuple[float, float, float, int, float]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    began = time.perf_counter()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    first = (time.perf_counter() - began) * 1000
    assert response.status_code == 200, (path, response.status_code)
    count = len(captured)
    times, cpu = [], []
    for _ in range(requests):
        began, began_cpu = time.perf_counter(), time.process_time()
        client.get(path)
        times.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return first, statistics.median(times), p95, count, statistics.median(cpu)


def _profile(client, path: str) -> None:
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.runcall(client.get, path)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=33_000)
    parser.add_argument("--weeks", type=int, default=637)
    parser.add_argument("-n", type=int, default=20, help="requests per route")
    parser.add_argument("--profile", action="store_true", help="print a profile of each route")
    args = parser.parse_args()
    began = time.perf_counter()
    _database()
    import logging

    from django.db import connection
    from django.test import Client

    from partnerskap.core.models import User

    logging.getLogger("partnerskap.requests").setLevel(logging.WARNING)
    rissa = add_visits(args.visits, random.Random(16))
    report, last_week = add_weeks(args.weeks)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(
        f"Partnerskap issue 16 bench — {connection.vendor} — {args.visits:,} visits at Rissa, "
        f"{args.weeks} weeks of figures (last {last_week}), data built in "
        f"{time.perf_counter() - began:.1f} s, {args.n} requests per route"
    )
    client = Client()
    client.force_login(User.objects.get(username="leder.indrefosen"))
    office = rissa.office_id
    routes = [
        ("reception analysis (default span)", f"/kontor/{office}/mottak/analyse/"),
        (
            "reception analysis (all 12 years)",
            f"/kontor/{office}/mottak/analyse/?first_day={date.today().year - 12}-01-01"
            f"&last_day={date.today().isoformat()}",
        ),
        ("status report", f"/statusrapporter/{report}/"),
    ]
    print(
        f"load {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs; 'CPU ms' is this process's CPU"
        " time per request (median): Django and Python, without PostgreSQL's own work"
    )
    print(
        f"{'route':36} {'first ms':>9} {'median ms':>10} {'p95 ms':>8} {'CPU ms':>7} {'queries':>8}"
    )
    for label, path in routes:
        first, median, p95, count, cpu = _measure(client, path, args.n)
        print(f"{label:36} {first:9.1f} {median:10.1f} {p95:8.1f} {cpu:7.1f} {count:8d}")
        if args.profile:
            _profile(client, path)
    if connection.vendor == "postgresql":
        connection.creation.destroy_test_db(os.environ["BENCH_OLD_NAME"], verbosity=0)


if __name__ == "__main__":
    main()
