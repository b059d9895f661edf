"""Benchmark: builds national-scale data (bench/generate.py) in a fresh database, then prints
median and p95 response times and query counts for the meeting pages and the API, and the time
to render the biggest meeting's minutes as PDF.
The county overview is measured for the administrator (all partnerships), its small column for
one county director.

    .venv/bin/python bench/run.py                    # a fresh SQLite file in var/
    DATABASE_URL=postgres://… .venv/bin/python bench/run.py   # a fresh test_… database

Requests go through Django's test Client in this process (no network, no gunicorn), signed in
as the NAV leader of the partnership whose body has ten years of meetings. Every GET page of the
meetings app and every GET route of the meetings API is measured, whatever urls.py holds today;
the "5 mtgs" column repeats the query count against a body with five meetings, which must be
the same if a page costs a constant number of queries.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import math
import os
import platform
import re
import statistics
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

# Production-like settings: DEBUG off (no query log, cached templates), but no SSL redirect and
# the development key, since nothing leaves this process.
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("PARTNERSKAP_ALLOW_DEV_KEY", "1")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("SECURE_HSTS_SECONDS", "0")
os.environ.setdefault("LOG_LEVEL", "ERROR")

# Routes whose label says what they are in the words.
LABELS = {
    "meetings:meeting_detail": "meeting page",
    "meetings:body_detail": "body page",
    "meetings:my_actions": "my follow-ups",
    "registry:partnership_detail": "partnership page",
}
SKIP_SUFFIXES = (".pdf", ".docx")  # documents: measured by calling the renderer, below
# Search as people use it (docs/decisions/0046): an inflected compound, two words, a prefix;
# the page and the API. Each query is measured for the NAV leader of the big body.
SEARCHES = (
    ("search: inflected compound", "/sok/?q=partnerskapsm%C3%B8tene"),
    ("search: two words", "/sok/?q=oppf%C3%B8lging+budsjett"),
    ("search: prefix, one kind", "/sok/?q=tjeneste&kind=item"),
    ("search API", "/api/v1/search?q=partnerskapsm%C3%B8te"),
)
# The county overview (issue 13): measured for the administrator, who sees every partnership;
# the small column is the county director of Trøndelag, who sees the county's share of them.
OVERVIEW = (
    ("county overview", "/oversikt/"),
    ("county overview, by next meeting", "/oversikt/?sort=next_meeting"),
    ("county overview XLSX", "/oversikt.xlsx"),
)

# What a path parameter refers to, from the segment before it ("moter/<int:pk>") or its name.
SEGMENT_TARGETS = {
    "moter": "meeting", "organer": "body", "saker": "item", "oppfolginger": "action",
    "partnerskap": "partnership", "kontor": "office", "fylker": "county",
    "kommuner": "municipality", "versjon": "version_number", "arshjul": "body",
    "meetings": "meeting", "bodies": "body", "items": "item", "follow-ups": "action",
    "partnerships": "partnership", "offices": "office", "counties": "county",
    "municipalities": "municipality", "versions": "version",
}  # fmt: skip
PARAM_TARGETS = {
    "slug": "slug", "year": "year", "number": "version_number", "meeting_uuid": "uuid",
    "meeting_id": "meeting", "body_id": "body", "item_id": "item", "action_id": "action",
    "partnership_id": "partnership", "office_id": "office", "county_id": "county",
    "municipality_id": "municipality", "version_id": "version",
}  # fmt: skip


@dataclass
class Row:
    label: str
    path: str
    samples: list[float]
    queries: int
    small_queries: int | None
    status: int

    @property
    def median_ms(self) -> float:
        return statistics.median(self.samples) * 1000

    @property
    def p95_ms(self) -> float:
        ordered = sorted(self.samples)
        return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)] * 1000


def _prepare_database(keep: bool) -> Callable[[], None]:
    """A fresh database; returns how to clean it up."""
    if os.environ.get("DATABASE_URL"):
        from generate import setup_django

        setup_django()
        from django.db import connection

        # A database of its own, created empty and migrated: never the real one, and not the
        # test_… database a test run on the same server may be using right now.
        old_name = connection.settings_dict["NAME"]
        connection.settings_dict["TEST"]["NAME"] = f"bench_{old_name}_{os.getpid()}"
        connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
        if keep:
            return lambda: None
        return lambda: connection.creation.destroy_test_db(old_name, verbosity=0)
    path = ROOT / "var" / "bench.sqlite3"
    path.parent.mkdir(exist_ok=True)
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    os.environ["SQLITE_PATH"] = str(path)
    from generate import setup_django

    setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return lambda: None if keep else path.unlink(missing_ok=True)


def _targets(data: object, *, small: bool) -> dict[str, object]:
    from partnerskap.meetings.models import ActionItem, MinutesVersion

    body = data.small_body if small else data.big_body
    meeting = data.small_meeting if small else data.biggest_meeting
    partnership = body.partnership
    item = meeting.items.order_by("position").last()
    action = ActionItem.objects.filter(body=body).order_by("-pk").first()
    version = MinutesVersion.objects.filter(minutes__meeting=meeting).first()
    return {
        "meeting": meeting.pk, "body": body.pk, "slug": body.slug, "uuid": meeting.uuid,
        "year": meeting.starts_at.year, "item": item.pk, "action": action.pk if action else None,
        "partnership": partnership.pk, "office": partnership.office_id,
        "county": partnership.office.county_id,
        "municipality": partnership.owners.filter(municipality__isnull=False)
        .values_list("municipality_id", flat=True).first(),
        "version": version.pk if version else None, "version_number": 1,
    }  # fmt: skip


PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>|\{(\w+)\}")  # Django's <int:pk>, OpenAPI's {pk}


def _fill(route: str, targets: dict[str, object]) -> str | None:
    """The route with its parameters filled in, or None if one of them has no object here."""
    parts, last = [], 0
    for match in PARAMETER.finditer(route):
        name = match.group(1) or match.group(2)
        before = route[: match.start()].rstrip("/").rsplit("/", 1)[-1]
        target = PARAM_TARGETS.get(name)
        if target is None and name in ("pk", "id"):
            # offentlig/<slug:slug>/<int:pk>/ is a meeting of the body with that slug.
            target = "meeting" if before.startswith("<slug") else SEGMENT_TARGETS.get(before)
        found = targets.get(target) if target else None
        if found is None:
            return None
        parts += [route[last : match.start()], str(found)]
        last = match.end()
    parts.append(route[last:])
    return "/" + "".join(parts).lstrip("/")


def _page_routes() -> Iterator[tuple[str, str]]:
    """(name, route) of every page in the meetings app, and the partnership page."""
    from django.urls import URLPattern, URLResolver, get_resolver

    def walk(patterns: list, prefix: str, namespace: str | None) -> Iterator[tuple[str, str]]:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(
                    pattern.url_patterns, prefix + str(pattern.pattern),
                    pattern.namespace or namespace,
                )  # fmt: skip
            elif isinstance(pattern, URLPattern) and namespace and pattern.name:
                yield f"{namespace}:{pattern.name}", prefix + str(pattern.pattern)

    for name, route in walk(get_resolver().url_patterns, "", None):
        wanted = name.startswith(("meetings:", "search:", "archive:"))
        wanted = wanted or name == "registry:partnership_detail"
        if wanted and not route.endswith(SKIP_SUFFIXES):
            yield name, route


def _api_routes() -> Iterator[tuple[str, str]]:
    """(label, path) of every GET route of the meetings API and the partnership route."""
    from partnerskap.api import api

    for path, operations in api.get_openapi_schema()["paths"].items():
        get = operations.get("get")
        if get is None:
            continue
        if set(get.get("tags", [])) & {"meetings", "public"} or path.endswith(
            "/partnerships/{partnership_id}"
        ):
            yield f"GET {path.removeprefix('/api/v1')}", path


def _measure(client: object, path: str, requests: int) -> tuple[int, list[float], int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(path)  # warm: templates compiled, caches filled
    if response.status_code != 200:
        return response.status_code, [], 0
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    count = len(queries)  # read now: the next request empties the query log
    samples = []
    for _ in range(requests):
        start = time.perf_counter()
        client.get(path)
        samples.append(time.perf_counter() - start)
    return 200, samples, count


def _count_queries(client: object, path: str) -> int | None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return len(queries) if response.status_code == 200 else None


def _overview_rows(requests: int) -> list[Row]:
    from django.test import Client

    from partnerskap.core.models import User

    admin, director = Client(), Client()
    admin.force_login(User.objects.get(username="bench.admin"))
    director.force_login(User.objects.get(username="fylkesdirektor.50"))
    rows = []
    for label, path in OVERVIEW:
        status, samples, queries = _measure(admin, path, requests)
        if status == 200:
            rows.append(Row(label, path, samples, queries, _count_queries(director, path), 200))
    return rows


def _documents(meeting: object) -> list[tuple[str, str]]:
    """Render time of the biggest meeting's minutes; "n/a" while the renderer is missing."""
    from partnerskap.meetings.selectors import minutes_content

    try:
        documents = importlib.import_module("partnerskap.meetings.documents")
    except ImportError:
        documents = None
    content = minutes_content(meeting)
    out = []
    for name in ("minutes_pdf", "minutes_docx"):
        render = getattr(documents, name, None)
        if render is None:
            out.append((name, "n/a"))
            continue
        start = time.perf_counter()
        size = len(render(content))
        first = time.perf_counter() - start
        warm = []
        for _ in range(3):
            start = time.perf_counter()
            render(content)
            warm.append(time.perf_counter() - start)
        out.append((
            name,
            f"first {first * 1000:,.0f} ms, then median {statistics.median(warm) * 1000:,.0f} ms"
            f" ({size / 1024:,.0f} KiB)",
        ))  # fmt: skip
    return out


def _extraction(body: object) -> str:
    """The Noark 5 extraction of every closed meeting of the big body: time, size, and the peak
    of Python's allocations while it runs (the package is written to disk as it goes)."""
    import tempfile
    import tracemalloc
    from datetime import date

    from django.utils import timezone

    from partnerskap.archive import extraction

    tracemalloc.start()
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        summary = extraction.extract(
            body=body, start=date(1990, 1, 1), end=timezone.localdate(), out=out, by="bench"
        )
        size = out.tell()
    elapsed = time.perf_counter() - start
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return (
        f"Noark 5 extraction of the big body: {summary.meetings} meetings, "
        f"{summary.counts.registrations:,} registrations, {summary.counts.files} PDF/A files, "
        f"{size / 1e6:,.1f} MB tar in {elapsed:,.0f} s; peak traced memory {peak / 1e6:,.1f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description="Partnerskap benchmark")
    parser.add_argument("-n", "--requests", type=int, default=20, help="timed requests per route")
    parser.add_argument("--meetings", type=int, default=3000, help="meetings besides the big body")
    parser.add_argument(
        "--years", type=int, default=10, help="years of meetings in the big body (4–6 a year)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument(
        "--only",
        metavar="TEXT",
        help="measure only the routes whose label or path contains TEXT (e.g. search); "
        "skips the documents and the extraction",
    )
    args = parser.parse_args()

    cleanup = _prepare_database(args.keep)
    try:
        _run(args)
    finally:
        cleanup()


def _run(args: argparse.Namespace) -> None:
    import django
    from django.db import connection
    from django.test import Client
    from generate import Scale, generate

    # 405s and 404s of routes that are not measured are reported below, not logged.
    logging.getLogger("django.request").setLevel(logging.ERROR)
    warnings.filterwarnings("ignore", message="No directory at")  # static files: not served here

    start = time.perf_counter()
    data = generate(Scale(other_meetings=args.meetings, big_body_years=args.years))
    generated_in = time.perf_counter() - start
    big_meetings = data.big_body.meetings.count()
    from partnerskap.search.services import index_rebuild

    start = time.perf_counter()
    entries = sum(index_rebuild().values())
    indexed_in = time.perf_counter() - start
    # What autovacuum does within a minute of a bulk load in production: without statistics,
    # PostgreSQL guesses a few dozen rows per table and picks nested loops over 40,000 entries.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    database = connection.vendor
    if database == "sqlite":
        database += " " + connection.Database.sqlite_version
    print(
        f"Partnerskap bench — {database} — Python {platform.python_version()}, "
        f"Django {django.get_version()}, {os.cpu_count()} CPUs (load {os.getloadavg()[0]:.1f}), "
        f"{args.requests} requests per route"
    )
    print(
        f"Data: {data.counts['Partnership']} partnerships, {data.counts['Body']} bodies, "
        f"{data.counts['Meeting']:,} meetings, {data.counts['AgendaItem']:,} items, "
        f"{data.counts['ActionItem']:,} follow-ups, {data.counts['MinutesVersion']:,} minutes "
        f"versions; the big body has {big_meetings} meetings over {args.years} years, its biggest "
        f"meeting {data.biggest_meeting.items.count()} items (generated in {generated_in:.1f} s); "
        f"{entries:,} search entries (indexed in {indexed_in:.1f} s)."
    )
    big, small = Client(), Client()
    big.force_login(data.persona)
    small.force_login(data.small_persona)
    big_targets, small_targets = _targets(data, small=False), _targets(data, small=True)

    rows, skipped = [], []
    routes = [(LABELS.get(n, n.split(":")[1]), r) for n, r in _page_routes()]
    routes += list(_api_routes())
    routes += list(SEARCHES)
    if args.only:
        routes = [
            (label, r)
            for label, r in routes
            if args.only in label or args.only in r or label == "partnership page"  # reference
        ]
    for label, route in routes:
        path = _fill(route, big_targets)
        if path is None:
            skipped.append(f"{label} ({route}): no such object in the data")
            continue
        status, samples, queries = _measure(big, path, args.requests)
        if status != 200:
            skipped.append(f"{label} ({path}): HTTP {status}")
            continue
        small_path = _fill(route, small_targets)
        small_queries = _count_queries(small, small_path) if small_path else None
        rows.append(Row(label, path, samples, queries, small_queries, status))

    if not args.only or "overview" in args.only or "oversikt" in args.only:
        rows += _overview_rows(args.requests)
    key = [r for r in rows if r.label in LABELS.values()]
    rows = key + [r for r in rows if r not in key]
    width = max(len(r.label) for r in rows)
    print()
    print(
        f"{'route':{width}}  {'median ms':>9}  {'p95 ms':>7}  {'queries':>7}  {'5 mtgs':>6}  path"
    )
    for r in rows:
        small_q = "-" if r.small_queries is None else str(r.small_queries)
        print(
            f"{r.label:{width}}  {r.median_ms:9.1f}  {r.p95_ms:7.1f}  {r.queries:7d}  "
            f"{small_q:>6}  {r.path}"
        )
    print()
    if not args.only:
        for name, figure in _documents(data.biggest_meeting):
            print(f"{name} of the biggest meeting: {figure}")
        print(_extraction(data.big_body))
    if skipped:
        print("\nNot measured:")
        for line in skipped:
            print(f"  {line}")


if __name__ == "__main__":
    main()
