"""Benchmark of the figures import: one million observations through the streamed import path.

    .venv/bin/python bench/figures_import.py [--rows 1000000] [--batch 5000]

Builds a fresh SQLite database in var/ (or a database of its own on DATABASE_URL's server, as
bench/run.py does), a county with 300 offices and a partnership, writes a long-format CSV
(indicator; unit; period; value: 300 offices × 3 indicators × enough weeks), then imports it with
`figures.services.import_long_stream`: every row checked as the preview checks it, written by
COPY and set-based SQL on PostgreSQL (figures/bulk.py), with bulk_create in batches elsewhere, all
in one transaction. Prints rows per second and peak memory (resident size; BENCH_TRACEMALLOC=1 adds
Python's own peak, at about a quarter of the speed). On PostgreSQL it then COPYs the same rows
straight into the observation table (units resolved by a dict, nothing checked, rolled back) and
prints the import's speed as a share of that (issue 16 done 4: at least 0.25).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("PARTNERSKAP_ALLOW_DEV_KEY", "1")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("LOG_LEVEL", "ERROR")

OFFICES = 300
INDICATORS = ("users_follow_up", "users_follow_up_aap", "users_agreed_activity")


def _database() -> None:
    path = ROOT / "var" / "bench-figures.sqlite3"
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
        connection.settings_dict["TEST"]["NAME"] = f"bench_figures_{name}_{os.getpid()}"
        connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    else:
        call_command("migrate", verbosity=0)


def _world():
    from partnerskap.registry.models import County, Office, Partnership

    county = County.objects.create(
        number="15", name="NAV Møre og Romsdal", valid_from=date(2006, 7, 1)
    )
    offices = Office.objects.bulk_create(
        Office(
            unit_number=f"{1000 + i}",
            name=f"NAV Kontor {i}",
            county=county,
            valid_from=date(2000, 1, 1),
        )
        for i in range(OFFICES)
    )
    return Partnership.objects.create(
        name="NAV Kontor 0", office=offices[0], valid_from=date(2000, 1, 1)
    ), offices


def _write_csv(path: Path, rows: int, offices) -> int:
    weeks = -(-rows // (len(offices) * len(INDICATORS)))
    monday = date(2000, 1, 3)
    written = 0
    with path.open("w", encoding="utf-8") as out:
        out.write("Indikator;Enhet;Periode;Verdi\n")
        for w in range(weeks):
            year, week, _ = (monday + timedelta(weeks=w)).isocalendar()
            for office in offices:
                for code in INDICATORS:
                    if written == rows:
                        return written
                    value = (w * 7 + written) % 2000
                    out.write(f"{code};{office.unit_number};{year}-W{week:02d};{value}\n")
                    written += 1
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--batch", type=int, default=5_000)
    args = parser.parse_args()
    _database()
    from django.db import connection

    from partnerskap.figures import services
    from partnerskap.figures.models import Observation

    partnership, offices = _world()
    source = ROOT / "var" / "bench-figures.csv"
    started = time.perf_counter()
    rows = _write_csv(source, args.rows, offices)
    print(f"generated {rows:,} rows ({source.stat().st_size / 1e6:.0f} MB) "
          f"in {time.perf_counter() - started:.1f} s")  # fmt: skip

    if os.environ.get("BENCH_TRACEMALLOC") == "1":
        tracemalloc.start()
    started = time.perf_counter()
    with source.open(encoding="utf-8") as lines:
        written = services.import_long_stream(
            actor=None,
            partnership=partnership,
            name=source.name,
            lines=lines,
            source="Benchmark",
            extracted_on=date.today(),
            batch_size=args.batch,
        )
    elapsed = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory() if tracemalloc.is_tracing() else (0, 0)
    tracemalloc.stop()
    assert written == rows == Observation.objects.count()
    database = connection.vendor
    print(f"imported {written:,} observations into {database} in {elapsed:.1f} s: "
          f"{written / elapsed:,.0f} rows per second (batches of {args.batch:,})")  # fmt: skip
    resident = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3  # kB on Linux
    print(f"peak resident memory of the process: {resident:.0f} MB")
    if peak:
        print(f"peak Python allocations during the import: {peak / 1e6:.0f} MB (tracemalloc)")
    if database == "postgresql":
        raw = _raw_copy(source, partnership, offices)
        print(f"PostgreSQL COPY of the same rows: {raw:,.0f} rows per second; "
              f"the import runs at {written / elapsed / raw:.2f}× COPY")  # fmt: skip
    source.unlink()


def _raw_copy(source: Path, partnership, offices) -> float:
    """Rows per second of a bare COPY of the file's rows into the observation table, with the
    indicator, office and period resolved by lookups and nothing checked; rolled back."""
    from django.db import connection, transaction

    from partnerskap.figures.models import Indicator, Observation
    from partnerskap.figures.periods import parse_period

    indicator_ids = dict(Indicator.objects.values_list("code", "id"))
    office_ids = {office.unit_number: office.pk for office in offices}
    periods: dict[str, object] = {}
    columns = (
        "partnership_id, indicator_id, level, office_id, label, period_kind, period_start, "
        "period_end, value, source, extracted_on, version, is_current, created_at"
    )
    table = Observation._meta.db_table
    started = time.perf_counter()
    count = 0
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table}")  # noqa: S608 - the model's table
        with (
            cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
            source.open(encoding="utf-8") as lines,
        ):
            next(lines)
            for line in lines:
                code, unit, period_code, value = line.rstrip("\n").split(";")
                period = periods.get(period_code) or periods.setdefault(
                    period_code, parse_period(period_code)
                )
                copy.write_row((
                    partnership.pk, indicator_ids[code], "office", office_ids[unit], "",
                    period.kind, period.start, period.end, value, "Benchmark", date.today(), 1,
                    True, "now",
                ))  # fmt: skip
                count += 1
        elapsed = time.perf_counter() - started
        transaction.set_rollback(True)
    return count / elapsed


if __name__ == "__main__":
    main()
