"""gunicorn's configuration, sized for a pod by environment variables (docs/deploy.md).

    gunicorn -c python:partnerskap.gunicorn_conf

SIGTERM (what Kubernetes sends) is a graceful stop: the workers finish the requests they hold,
for at most GUNICORN_GRACEFUL_TIMEOUT seconds, which stays under the pod's 30-second grace period.
"""

import os
import shutil
import tempfile

from partnerskap.core.logs import logging_config

wsgi_app = "partnerskap.wsgi:application"
bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"  # noqa: S104
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# Generating a long PDF may take a while; anything slower belongs in a background task.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "25"))
keepalive = 5
# Recycle workers now and then so a slow leak never takes a pod down.
max_requests = 2000
max_requests_jitter = 200
# The filesystem is read-only but for /tmp; the heartbeat file lives there.
worker_tmp_dir = tempfile.gettempdir()
# X-Forwarded-* is trusted from the proxy in front only (the pod's sidecar or a local nginx).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# The application writes one JSON access line per request, with its request id; gunicorn's own
# lines (start, stop, worker timeouts) go through the same formatter.
accesslog = None
errorlog = "-"
logconfig_dict = logging_config(
    json_format=os.environ.get("LOG_FORMAT", "json") == "json",
    level=os.environ.get("LOG_LEVEL", "INFO"),
)

# Metrics from every worker, added up at each scrape (partnerskap/core/metrics.py).
METRICS_DIR = os.environ.setdefault(
    "PROMETHEUS_MULTIPROC_DIR", os.path.join(tempfile.gettempdir(), "partnerskap-metrics")
)


def on_starting(server: object) -> None:
    shutil.rmtree(METRICS_DIR, ignore_errors=True)
    os.makedirs(METRICS_DIR, exist_ok=True)


def child_exit(server: object, worker: object) -> None:
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)  # type: ignore[attr-defined]
