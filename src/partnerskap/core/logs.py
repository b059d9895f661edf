"""Log lines as one JSON object each, every one carrying the id of the request it belongs to.

Pure standard library: gunicorn's own loggers use the same formatter before Django is set up.
"""

import contextvars
import json
import logging
import re
import uuid
from datetime import UTC, datetime

# The request being served on this thread (or task), "-" outside any request.
request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")

# An id a proxy in front passes on is kept when it looks like one; anything else is replaced.
_ACCEPTABLE_ID = re.compile(r"^[A-Za-z0-9._:-]{8,100}$")

# The attributes every LogRecord has; anything else on a record was passed as `extra=`. Django
# passes the request object itself, whose repr says nothing the line does not (and could hold a
# personal link's token).
_STANDARD = set(logging.makeLogRecord({}).__dict__) | {
    "message",
    "asctime",
    "request_id",
    "request",
}


def new_request_id(offered: str | None) -> str:
    return offered if offered and _ACCEPTABLE_ID.match(offered) else uuid.uuid4().hex


class RequestIdFilter(logging.Filter):
    """Puts the current request id on the record, for text formats that print `%(request_id)s`."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None) or request_id_var.get(),
        }
        entry |= {k: v for k, v in record.__dict__.items() if k not in _STANDARD}
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def logging_config(*, json_format: bool, level: str) -> dict:
    """The dictConfig for Django and gunicorn alike: everything to stdout, one format."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "partnerskap.core.logs.RequestIdFilter"}},
        "formatters": {
            "json": {"()": "partnerskap.core.logs.JsonFormatter"},
            "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        },
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": "json" if json_format else "text",
                "filters": ["request_id"],
            }
        },
        "root": {"handlers": ["stdout"], "level": level},
        "loggers": {
            # One line per request, written by RequestContextMiddleware.
            "partnerskap.requests": {"level": "INFO"},
            # gunicorn's own handlers would print plain text: route it through ours instead.
            "gunicorn.error": {"level": "INFO", "handlers": [], "propagate": True},
            # gunicorn would add its own access line without the request id: kept silent.
            "gunicorn.access": {"level": "CRITICAL", "handlers": [], "propagate": False},
        },
    }
