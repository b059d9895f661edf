"""Who needs the CSRF token on the API (issue 11, defect 1 and done point 3): a browser's session
does, a personal token does not, and an anonymous unsafe call is answered 401, not a CSRF 403.

Every client here enforces the CSRF check (tests/clients.py), as every test client in the suite
does; Django's plain test client would skip it and hide the difference.
"""

import json

import pytest

from partnerskap.core.models import ApiToken

from ..clients import BrowserClient
from ..test_access_walker import API, _request, api_routes
from ..test_access_walker import walk as walk  # the walker's fixture: every app's objects

URL = "/api/v1/offices/{}/opening-hours"
HOURS = json.dumps([{"weekday": 0, "opens": "10:00", "closes": "15:00"}])
APPS = ("registry", "meetings", "agreements", "finance", "figures", "reception", "conferences")


def _put(client, url: str, **extra):
    return client.generic("PUT", url, HOURS, content_type="application/json", **extra)


def _bearer(user) -> dict:
    _token, key = ApiToken.issue(user=user, name="script")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_a_token_writes_without_a_csrf_token(world):
    client = BrowserClient()
    response = _put(client, URL.format(world.orland_office.pk), **_bearer(world.nav_leader))
    assert response.status_code == 200, response.content
    assert world.orland_office.opening_hours.get().opens.hour == 10


def test_a_session_writes_only_with_the_csrf_token(world):
    client = BrowserClient()
    client.force_login(world.nav_leader)
    client.get("/")  # the page sets the CSRF cookie, as in a browser
    token = client.cookies["csrftoken"].value
    url = URL.format(world.orland_office.pk)
    # A forged request carries the cookies but not the token.
    forged = _put(client, url, HTTP_X_CSRFTOKEN="x" * 32)
    assert forged.status_code == 403
    assert world.orland_office.opening_hours.get().opens.hour == 9
    assert _put(client, url, HTTP_X_CSRFTOKEN=token).status_code == 200


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("POST", "/api/v1/municipalities"),
        ("PUT", "/api/v1/offices/1/opening-hours"),
        ("PATCH", "/api/v1/meetings/1"),
    ],
)
def test_an_anonymous_unsafe_call_gets_401(db, method, url):
    response = BrowserClient().generic(method, url, HOURS, content_type="application/json")
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")


def test_a_wrong_token_gets_401_not_a_csrf_refusal(world):
    client = BrowserClient()
    response = _put(client, URL.format(world.orland_office.pk), HTTP_AUTHORIZATION="Bearer nope")
    assert response.status_code == 401


def test_a_token_writes_through_one_route_of_every_app(walk):
    """Done point 3: for each app, its first unsafe route in the OpenAPI order that an
    administrator may use, sent with nothing but the administrator's personal token."""
    headers = _bearer(walk.people["admin"])
    client = BrowserClient(**headers)
    tried = {}
    for route in api_routes(walk):
        rule = API[route.key]
        unsafe = not route.key.startswith("GET ")
        if route.app in tried or not unsafe or "admin" not in rule.allowed or rule.ok >= 300:
            continue
        response = _request(client, route, walk)
        tried[route.app] = (route.key, response.status_code, rule.ok)
    assert set(APPS) <= set(tried), f"no token write tried for {set(APPS) - set(tried)}"
    wrong = {app: t for app, t in tried.items() if t[1] != t[2]}
    assert not wrong, wrong
