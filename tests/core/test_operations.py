"""The platform's probes, the metrics scrape and the request id on every log line."""

import io
import json
import logging

import pytest
from django.db import OperationalError, connection
from django.db.migrations.recorder import MigrationRecorder
from django.test import Client
from django.test.signals import template_rendered
from prometheus_client.parser import text_string_to_metric_families

from partnerskap.core import health, metrics
from partnerskap.core.logs import JsonFormatter, RequestIdFilter

from ..factories import UserFactory

# The kubelet asks by the pod's address, which is no allowed host name.
POD = {"HTTP_HOST": "10.1.2.3:8000"}


@pytest.fixture
def fresh_migration_state():
    health.forget_migration_state()
    yield
    health.forget_migration_state()


def test_isalive_answers_anyone_by_any_host_name():
    response = Client().get("/internal/isalive", **POD)
    assert response.status_code == 200
    assert response.content == b"ok\n"


@pytest.mark.django_db
def test_isready_fails_while_a_migration_is_pending_and_passes_after(fresh_migration_state):
    recorder = MigrationRecorder(connection)
    last = recorder.migration_qs.filter(app="core").order_by("-id").first()
    last.delete()  # as if the new code's migration had not run yet
    response = Client().get("/internal/isready", **POD)
    assert response.status_code == 503
    assert f"core.{last.name}" in response.content.decode()

    recorder.record_applied("core", last.name)
    response = Client().get("/internal/isready", **POD)
    assert response.status_code == 200
    assert response.content == b"ready\n"


@pytest.mark.django_db
def test_isready_fails_when_the_database_does_not_answer(monkeypatch, fresh_migration_state):
    def unreachable(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", unreachable)
    response = Client().get("/internal/isready", **POD)
    assert response.status_code == 503
    assert b"database unreachable" in response.content


def test_probes_refuse_writes():
    assert Client().post("/internal/isalive").status_code == 405


def _scrape() -> dict:
    response = Client().get("/internal/metrics", **POD)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain; version=0.0.4")
    return {f.name: f for f in text_string_to_metric_families(response.content.decode())}


def _value(family, **labels) -> float:
    matching = [s.value for s in family.samples if labels.items() <= s.labels.items()]
    return sum(matching)


@pytest.mark.django_db
def test_metrics_count_requests_latencies_imports_and_the_queue():
    before = _scrape()
    Client().get("/logg-inn/")
    metrics.import_committed("figures", 120)
    after = _scrape()

    requests = after["partnerskap_http_requests"]
    login = {"method": "GET", "view": "login", "status": "200"}
    old = _value(before["partnerskap_http_requests"], **login)
    assert _value(requests, **login) == old + 1
    latency = after["partnerskap_http_request_duration_seconds"]
    assert any(s.name.endswith("_count") and s.labels["view"] == "login" for s in latency.samples)
    assert _value(after["partnerskap_imports"], kind="figures") == (
        _value(before["partnerskap_imports"], kind="figures") + 1
    )
    assert _value(after["partnerskap_imported_rows"], kind="figures") >= 120
    queue = after["partnerskap_task_queue_depth"]
    assert queue.type == "gauge"
    assert [s.labels["queue"] for s in queue.samples] == ["default"]


@pytest.fixture
def json_log():
    """Everything logged during the test, as the production handler writes it."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    yield stream
    root.removeHandler(handler)


@pytest.mark.django_db
def test_every_log_line_is_json_with_the_request_id(json_log, client):
    user = UserFactory()
    client.force_login(user)

    def log_inside_the_view(**kwargs):
        logging.getLogger("partnerskap.test").warning("rendering", extra={"answer": 42})

    template_rendered.connect(log_inside_the_view, dispatch_uid="log_inside_the_view")
    try:
        response = client.get("/", HTTP_X_REQUEST_ID="req-0123456789")
    finally:
        template_rendered.disconnect(dispatch_uid="log_inside_the_view")
    logging.getLogger("partnerskap.test").warning("outside any request")
    assert response["X-Request-ID"] == "req-0123456789"

    lines = [json.loads(line) for line in json_log.getvalue().splitlines()]
    assert lines, "nothing was logged"
    assert all(
        {"time", "level", "logger", "message", "request_id"} <= line.keys() for line in lines
    )
    inside = [line for line in lines if line["message"] == "rendering"]
    assert inside and all(line["request_id"] == "req-0123456789" for line in inside)
    assert inside[0]["answer"] == 42
    access = [line for line in lines if line["logger"] == "partnerskap.requests"]
    assert access[-1]["request_id"] == "req-0123456789"
    assert access[-1] | {"duration_ms": 0} == access[-1] | {
        "method": "GET",
        "path": "/",
        "view": "home",
        "status": 200,
        "duration_ms": 0,
    }
    assert lines[-1]["message"] == "outside any request"
    assert lines[-1]["request_id"] == "-"


@pytest.mark.django_db
def test_a_request_without_an_acceptable_id_gets_a_new_one(client):
    first = client.get("/logg-inn/", HTTP_X_REQUEST_ID="bad id\nwith newline")
    second = client.get("/logg-inn/")
    assert len(first["X-Request-ID"]) == 32
    assert first["X-Request-ID"] != second["X-Request-ID"]


def test_personal_link_tokens_are_masked_in_the_access_log(json_log, db):
    token = "secret-participant-token-123"
    Client().get(f"/offentlig/arrangementer/deltaker/{token}/", HTTP_X_REQUEST_ID="req-masking")
    lines = [json.loads(line) for line in json_log.getvalue().splitlines()]
    access = [line for line in lines if line["logger"] == "partnerskap.requests"]
    assert access[-1]["path"] == "/offentlig/arrangementer/deltaker/***/"
    assert token not in access[-1]["message"]
    # Django's own line about the response comes after the middleware, with the same id.
    assert all(line["request_id"] == "req-masking" for line in lines)
    assert all("request" not in line for line in lines)
