"""Goals in the API: a session client that sends its CSRF token as a browser does, a personal
token without one, and the same access rules as the pages."""

import json

from partnerskap.core.models import ApiToken
from partnerskap.goals.models import Goal

from ..clients import BrowserClient
from .conftest import import_figure

API = "/api/v1"


def _session(person):
    client = BrowserClient()
    client.force_login(person)

    def call(method: str, url: str, body=None):
        payload = json.dumps(body) if body is not None else ""
        response = client.generic(method, API + url, payload, content_type="application/json")
        return response, (response.json() if response.content else None)

    return call


def test_the_leader_builds_a_goal_on_the_follow_up_figure_and_a_member_reads_it(world):
    import_figure(world, "2020-W10", 581)
    import_figure(world, "2020-W18", 1130)
    call = _session(world.nav_leader)
    partnership = world.orland.pk
    response, goal = call(
        "POST",
        f"/partnerships/{partnership}/goals",
        {"year": 2020, "title": "Flere i arbeidsrettet oppfølging", "source": "state"},
    )
    assert response.status_code == 201, goal
    response, goal = call(
        "POST",
        f"/goals/{goal['id']}/indicators",
        {"key_figure": "users_follow_up", "baseline": "581", "baseline_period": "2020-W10"},
    )
    assert response.status_code == 201, goal
    [indicator] = goal["indicators"]
    assert (indicator["actual"], indicator["status"]) == ("1130", "no_data")  # no target yet
    response, goal = call(
        "POST",
        f"/goal-indicators/{indicator['indicator_id']}/targets",
        {"period": "2020", "value": "1200"},
    )
    assert response.status_code == 201, goal

    response, goals = _session(world.member)("GET", f"/partnerships/{partnership}/goals?year=2020")
    assert response.status_code == 200
    [read] = goals
    assert (read["status"], read["progress_percent"]) == ("on_the_way", 89)
    assert read["indicators"][0]["target"] == "1200"


def test_readers_may_not_write_and_outsiders_see_nothing(world):
    goal = Goal.objects.create(partnership=world.orland, year=2026, title="Ørlands mål")
    response, _data = _session(world.member)(
        "PATCH", f"/goals/{goal.pk}", {"revision": 1, "title": "Endret"}
    )
    assert response.status_code == 403
    response, _data = _session(world.other_leader)("GET", f"/goals/{goal.pk}")
    assert response.status_code == 404
    response, _data = _session(world.other_leader)(
        "GET", f"/partnerships/{world.orland.pk}/goals?year=2026"
    )
    assert response.status_code == 404


def test_a_stale_revision_is_a_conflict_and_a_token_client_needs_no_csrf(world):
    goal = Goal.objects.create(partnership=world.orland, year=2026, title="Ørlands mål")
    call = _session(world.municipal_owner)
    response, data = call("PATCH", f"/goals/{goal.pk}", {"revision": 1, "title": "Første"})
    assert response.status_code == 200 and data["revision"] == 2
    response, _data = call("PATCH", f"/goals/{goal.pk}", {"revision": 1, "title": "Andre"})
    assert response.status_code == 409
    _token, key = ApiToken.issue(user=world.nav_leader, name="test")
    response = BrowserClient().generic(
        "PATCH",
        f"{API}/goals/{goal.pk}",
        json.dumps({"revision": 2, "title": "Tredje"}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert response.status_code == 200
    goal.refresh_from_db()
    assert goal.title == "Tredje"


def test_steering_signals_pull_apart_only_within_the_partnership(world):
    call = _session(world.nav_leader)
    url = f"/partnerships/{world.orland.pk}/steering-signals"
    response, state = call(
        "POST", url, {"year": 2026, "owner": "state", "title": "Flere ut i arbeid"}
    )
    assert response.status_code == 201, state
    response, municipal = call(
        "POST",
        url,
        {
            "year": 2026,
            "owner": "municipality",
            "title": "Lavere sosialhjelpsutgifter",
            "pulls_against_id": state["id"],
            "conflict_note": "Tiltaksplasser koster kommunen penger først",
        },
    )
    assert response.status_code == 201 and municipal["pulls_against_id"] == state["id"]
    response, signals = call("GET", url + "?year=2026")
    assert [s["owner"] for s in signals] == ["state", "municipality"]
