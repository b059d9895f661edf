"""Search and the Noark 5 extraction over the bench data: p95 of the search page and API,
and the peak Python memory (tracemalloc) of extracting the big body's ten years.

    .venv/bin/python bench/search_archive.py [-n 20]   # SQLite, or DATABASE_URL for PostgreSQL
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=20)
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        path = Path(tempfile.gettempdir()) / "bench-search.sqlite3"
        path.unlink(missing_ok=True)
        os.environ["SQLITE_PATH"] = str(path)
    os.environ.setdefault("DEBUG", "1")
    generate.setup_django()
    from django.core.management import call_command
    from django.test import Client

    from partnerskap.archive import extraction
    from partnerskap.search import services

    call_command("migrate", verbosity=0)
    data = generate.generate()
    started = time.perf_counter()
    counts = services.index_rebuild()
    print(f"index: {sum(counts.values())} entries in {time.perf_counter() - started:.1f} s")
    client = Client()
    client.force_login(data.persona)
    for label, url in (
        ("search page", "/sok/?q=partnerskapsmøtene"),
        ("search page, 2 words", "/sok/?q=oppfølging+budsjett"),
        ("search API", "/api/v1/search?q=partnerskapsmøte"),
    ):
        client.get(url)
        times = []
        for _ in range(args.n):
            t = time.perf_counter()
            assert client.get(url).status_code == 200, url
            times.append((time.perf_counter() - t) * 1000)
        p95 = sorted(times)[int(0.95 * (len(times) - 1))]
        print(f"{label:24} median {statistics.median(times):6.1f} ms  p95 {p95:6.1f} ms")
    tracemalloc.start()
    t = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        summary = extraction.extract(
            body=data.big_body, start=date(2000, 1, 1), end=date.today(), out=out, by="bench"
        )
        size = out.tell()
    _current, peak = tracemalloc.get_traced_memory()
    print(
        f"extraction: {summary.meetings} meetings, {summary.counts.files} PDFs, "
        f"{size / 1e6:.1f} MB tar in {time.perf_counter() - t:.0f} s, "
        f"peak Python memory {peak / 1e6:.1f} MB"
    )


if __name__ == "__main__":
    main()
