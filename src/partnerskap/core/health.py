"""The platform's probes and the metrics scrape, under /internal/ (docs/deploy.md).

They need no login, no session and no allowed host name: the kubelet asks by the pod's address.
RequestContextMiddleware answers them before the rest of the middleware runs.
"""

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse

from . import metrics

# Once every migration is applied it stays so for the life of the process: check again only
# while some are pending (loading the migration graph costs more than the probe should).
_migrated = False


def pending_migrations() -> list[str]:
    global _migrated
    if _migrated:
        return []
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    pending = [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]
    _migrated = not pending
    return pending


def forget_migration_state() -> None:
    """For tests that change what is applied."""
    global _migrated
    _migrated = False


def isalive(request: HttpRequest) -> HttpResponse:
    """The process answers: nothing else is asked, so a slow database does not restart pods."""
    return HttpResponse("ok\n", content_type="text/plain")


def isready(request: HttpRequest) -> HttpResponse:
    """Ready for traffic: the database answers and has every migration this code expects."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        pending = pending_migrations()
    except DatabaseError as error:
        return HttpResponse(
            f"database unreachable: {error.__class__.__name__}\n",
            status=503,
            content_type="text/plain",
        )
    if pending:
        body = "migrations not applied: " + ", ".join(pending) + "\n"
        return HttpResponse(body, status=503, content_type="text/plain")
    return HttpResponse("ready\n", content_type="text/plain")


def prometheus_metrics(request: HttpRequest) -> HttpResponse:
    return HttpResponse(metrics.exposition(), content_type=metrics.CONTENT_TYPE)


# Path → view, for the middleware and for urls.py (reverse, and the access walk).
PROBES = {
    "/internal/isalive": isalive,
    "/internal/isready": isready,
    "/internal/metrics": prometheus_metrics,
}
