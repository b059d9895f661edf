"""Benchmark of a long budget's documents: the PDF and the spreadsheet of a 1 000-line budget.

    .venv/bin/python bench/budget_pdf.py [--lines 1000] [--groups 40]

Builds a fresh database (SQLite in var/, or a database of its own on DATABASE_URL's server, as
bench/run.py does), a partnership with one budget of `--lines` lines in `--groups` groups, and
times `finance.documents.budget_pdf` and `budget_xlsx` on its report: the first render in the
process and the median of three more, with the growth of the process's peak resident memory. A
budget over `finance.documents.PDF_LINES` lines prints its sums per group; its lines go to the
spreadsheet (issue 16, docs/decisions/0079).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("PARTNERSKAP_ALLOW_DEV_KEY", "1")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("LOG_LEVEL", "ERROR")


def _database() -> None:
    path = ROOT / "var" / "bench-budget.sqlite3"
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
        connection.settings_dict["TEST"]["NAME"] = f"bench_budget_{name}_{os.getpid()}"
        connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    else:
        call_command("migrate", verbosity=0)


def _budget(lines: int, groups: int):
    from partnerskap.finance.models import Budget, BudgetLine
    from partnerskap.registry.models import County, Office, Partnership

    county = County.objects.create(number="50", name="NAV Trøndelag", valid_from=date(2018, 1, 1))
    office = Office.objects.create(
        unit_number="5057", name="NAV Ørland", county=county, valid_from=date(2018, 1, 1)
    )
    partnership = Partnership.objects.create(
        name="NAV Ørland", office=office, valid_from=date(2018, 1, 1)
    )
    budget = Budget.objects.create(partnership=partnership, name="Drift", year=2026)
    BudgetLine.objects.bulk_create(
        BudgetLine(
            budget=budget,
            position=n,
            group=f"{n % groups:02d} Gruppe",
            account=f"{500000000000 + n}",
            name=f"Konto {n}",
            annual_budget=Decimal(120_000 + n),
            budget_to_date=Decimal(110_000 + n),
            spend_to_date=Decimal(100_000 + 3 * n),
            spend_period=Decimal(9_000 + n),
        )
        for n in range(lines)
    )
    return budget


def _time(render) -> tuple[float, float]:
    started = time.perf_counter()
    render()
    first = time.perf_counter() - started
    rest = []
    for _ in range(3):
        started = time.perf_counter()
        render()
        rest.append(time.perf_counter() - started)
    return first, statistics.median(rest)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1000)
    parser.add_argument("--groups", type=int, default=40)
    args = parser.parse_args()
    _database()
    from django.utils import translation

    from partnerskap.finance import documents
    from partnerskap.finance.budget_report import budget_report
    from partnerskap.finance.selectors import budget_for_user  # noqa: F401 - app loaded

    translation.activate("nb")
    budget = _budget(args.lines, args.groups)
    report = budget_report(
        type(budget).objects.prefetch_related("lines", "super_groups").get(pk=budget.pk)
    )
    for name, render in (
        ("budget PDF", lambda: documents.budget_pdf(report)),
        ("budget XLSX", lambda: documents.budget_xlsx(report)),
    ):
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
        first, median = _time(render)
        grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3 - before
        print(f"{name}, {args.lines:,} lines in {args.groups} groups: first {first:.2f} s, "
              f"then median {median:.2f} s; peak memory grew {grown:.0f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
