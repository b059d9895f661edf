"""Schemathesis against the API's own OpenAPI document (issue 11, done point 2).

Every operation gets generated requests, valid and invalid, once with a personal token and once
with a browser's session and CSRF token; each response must be no server error, carry a status
the document declares for that operation, and match the declared shape. The Django app is called
through WSGI in this process, so it runs in the test's transaction; no server, no network.

It runs on PostgreSQL only: that is the database the product runs on, and the one whose range
errors (a 64-bit OFFSET, a 32-bit integer column) the document has to hold against.
"""

from collections import Counter
from dataclasses import dataclass, field

import pytest
import schemathesis
from django.conf import settings
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from partnerskap.api import api
from partnerskap.core.models import ApiToken
from partnerskap.wsgi import application

from ..clients import BrowserClient

pytestmark = pytest.mark.postgres

# Examples per operation and way of signing in: about 170 operations × 2 × 4 ≈ 1 400 cases.
EXAMPLES = 4
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@dataclass
class Tally:
    cases: int = 0
    failures: Counter = field(default_factory=Counter)
    examples: dict = field(default_factory=dict)

    def record(self, operation: str, exc: BaseException) -> None:
        for failure in getattr(exc, "exceptions", [exc]):
            kind = type(failure).__name__
            self.failures[kind] += 1
            self.examples.setdefault((operation, kind), str(failure)[:600])


@pytest.fixture
def in_process_requests():
    """Keep Django from closing the test's connection at the end of each WSGI request (its test
    client does the same)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def _token(user) -> dict:
    _token, key = ApiToken.issue(user=user, name="schemathesis")
    return {"headers": {"Authorization": f"Bearer {key}"}}


def _session(user) -> dict:
    client = BrowserClient()
    client.force_login(user)
    csrf = "c" * 32
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    return {
        "headers": {"X-CSRFToken": csrf},
        "cookies": {settings.SESSION_COOKIE_NAME: session, settings.CSRF_COOKIE_NAME: csrf},
    }


def _fuzz(schema, credentials: dict, tally: Tally, known: dict) -> None:
    """Every operation, `EXAMPLES` generated cases each; every other case is sent to Ørland's
    real objects (the walker's), so that writes reach the services and reads real rows."""
    for result in schema.get_all_operations():
        operation = result.ok()

        @hypothesis_settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            derandomize=True,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy())
        def run(case) -> None:
            tally.cases += 1
            if tally.cases % 2:
                for name in case.path_parameters:
                    case.path_parameters[name] = known.get(name, case.path_parameters[name])
            response = case.call(**credentials)
            try:
                case.validate_response(response, checks=CHECKS)
            except (AssertionError, BaseExceptionGroup) as exc:
                tally.record(case.operation.label, exc)

        run()


def test_the_api_keeps_its_openapi_document(walk, in_process_requests):
    document = api.get_openapi_schema()
    schema = schemathesis.openapi.from_dict(document)
    schema.app = application
    tally = Tally()
    _fuzz(schema, _token(walk.people["admin"]), tally, walk.params)
    _fuzz(schema, _session(walk.people["nav_leader"]), tally, walk.params)
    report = "\n".join(f"{op} {kind}: {text}" for (op, kind), text in tally.examples.items())
    print(f"\nschemathesis: {tally.cases} cases, failures {dict(tally.failures)}")
    assert tally.cases >= 1000
    assert not tally.failures, report
