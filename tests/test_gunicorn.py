"""gunicorn with the shipped config: JSON lines with a request id, metrics from every worker,
and a graceful stop on SIGTERM (what Kubernetes sends)."""

import json
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from prometheus_client.parser import text_string_to_metric_families

from .test_backup_restore import partnerskap  # with time for a migration on a loaded machine
from .test_deploy_check import production_env

GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str, **headers: str) -> tuple[int, str, dict]:
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - our own server
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
        return response.status, response.read().decode(), dict(response.headers)


def wait_until_ready(base: str, server: subprocess.Popen) -> None:
    for _ in range(240):
        assert server.poll() is None, "gunicorn stopped"
        try:
            if get(f"{base}/internal/isready")[0] == 200:
                return
        except OSError:
            time.sleep(0.5)
    raise AssertionError("gunicorn never became ready")


def test_gunicorn_logs_json_serves_metrics_and_stops_gracefully(tmp_path):
    port = free_port()
    env = production_env(
        tmp_path,
        PORT=str(port),
        HOST="127.0.0.1",
        WEB_CONCURRENCY="2",
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        PROMETHEUS_MULTIPROC_DIR=str(tmp_path / "metrics"),
    )
    assert partnerskap(env, "migrate", "--no-input").returncode == 0
    server = subprocess.Popen(  # noqa: S603 - our own gunicorn and config
        [str(GUNICORN), "-c", "python:partnerskap.gunicorn_conf"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_ready(base, server)
        for _ in range(4):  # spread over both workers
            status, _body, headers = get(f"{base}/logg-inn/", **{"X-Request-ID": "req-gunicorn-1"})
            assert status == 200 and headers["X-Request-ID"] == "req-gunicorn-1"
        _status, scraped, _headers = get(f"{base}/internal/metrics")
    finally:
        server.send_signal(signal.SIGTERM)
        output, _ = server.communicate(timeout=60)

    assert server.returncode == 0, output
    lines = [json.loads(line) for line in output.splitlines() if line.strip()]
    assert all("request_id" in line and "level" in line for line in lines)
    logins = [line for line in lines if line.get("view") == "login"]
    assert len(logins) == 4 and {line["request_id"] for line in logins} == {"req-gunicorn-1"}
    assert any(line["message"] == "Handling signal: term" for line in lines)
    assert lines[-1]["message"].startswith("Shutting down: Master")

    families = {f.name: f for f in text_string_to_metric_families(scraped)}
    served = [
        s
        for s in families["partnerskap_http_requests"].samples
        if s.name.endswith("_total") and s.labels["view"] == "login"
    ]
    assert sum(s.value for s in served) == 4  # added up over the workers
