"""Prometheus metrics served at /internal/metrics: requests, latencies, queue depth and imports.

Under gunicorn each worker process counts for itself; with PROMETHEUS_MULTIPROC_DIR set (the
gunicorn config sets it) the counts are kept in files there and added up at each scrape, so a
scrape that lands on one worker still sees them all.
"""

import os
from collections.abc import Iterator

from django.db import DatabaseError
from prometheus_client import (
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily, Metric

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"

REQUESTS = Counter(
    "partnerskap_http_requests",
    "Requests answered, by method, URL name and status code.",
    ["method", "view", "status"],
)
LATENCY = Histogram(
    "partnerskap_http_request_duration_seconds",
    "Time from the request reaching Django to the response leaving it.",
    ["method", "view"],
    buckets=(0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
IMPORTS = Counter(
    "partnerskap_imports",
    "Imports committed, by kind (figures, budget, reception).",
    ["kind"],
)
IMPORTED_ROWS = Counter(
    "partnerskap_imported_rows",
    "Rows written by committed imports, by kind.",
    ["kind"],
)


def import_committed(kind: str, rows: int) -> None:
    """Count one committed import of `rows` rows; call it after the import's commit."""
    IMPORTS.labels(kind=kind).inc()
    IMPORTED_ROWS.labels(kind=kind).inc(rows)


class QueueDepthCollector:
    """Tasks waiting for the worker, read from the database queue at scrape time."""

    def collect(self) -> Iterator[Metric]:
        gauge = GaugeMetricFamily(
            "partnerskap_task_queue_depth",
            "Background tasks enqueued and not yet picked up by a worker, by queue.",
            labels=["queue"],
        )
        for queue, waiting in _waiting_by_queue().items():
            gauge.add_metric([queue], waiting)
        yield gauge


def _waiting_by_queue() -> dict[str, int]:
    from django.conf import settings
    from django.db.models import Count

    backend = settings.TASKS["default"]["BACKEND"]
    if not backend.startswith("django_tasks_db."):
        return {"default": 0}  # the tasks run at once in the request: nothing ever waits
    from django_tasks_db.models import DBTaskResult

    try:
        rows = DBTaskResult.objects.ready().values("queue_name").annotate(n=Count("id"))
        return {"default": 0} | {row["queue_name"]: row["n"] for row in rows}
    except DatabaseError:
        return {}


def exposition() -> bytes:
    """The text the scraper reads: this process's (or all workers') metrics and the queue."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        counted = generate_latest(registry)
    else:
        counted = generate_latest(REGISTRY)
    queue = CollectorRegistry()
    queue.register(QueueDepthCollector())
    return counted + generate_latest(queue)
