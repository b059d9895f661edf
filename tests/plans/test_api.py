"""Yearly plans in the API, through a session client that enforces CSRF: the leader drafts, each
owner approves as their party, a change after approval is a new version; the same rules as the
pages."""

import json

from partnerskap.plans.models import PlanStatus

from ..clients import BrowserClient
from .conftest import NEXT_YEAR

API = "/api/v1"


def _api(person):
    client = BrowserClient()
    client.force_login(person)

    def call(method: str, url: str, body=None):
        response = client.generic(
            method,
            API + url,
            json.dumps(body) if body is not None else "",
            content_type="application/json",
        )
        return response, (response.json() if response.content else None)

    return call


def test_draft_approve_and_change_a_plan(world):
    leader = _api(world.nav_leader)
    response, plan = leader(
        "POST", f"/partnerships/{world.orland.pk}/plans", {"kind": "business", "year": NEXT_YEAR}
    )
    assert response.status_code == 201, plan
    pid, section = plan["id"], plan["sections"][0]
    response, _ = leader(
        "PUT",
        f"/plans/{pid}/sections/{section['id']}",
        {"heading": section["heading"], "text": "30 flere i arbeid", "revision": plan["revision"]},
    )
    assert response.status_code == 200
    response, measure = leader(
        "POST",
        f"/plans/{pid}/measures",
        {
            "title": "Felles kurs",
            "deadline": f"{NEXT_YEAR}-03-01",
            "owner_name": "Kari Nordmann",
            "owner_organisation": "Ørland kommune",
            "revision": plan["revision"] + 1,
        },
    )
    assert response.status_code == 201, measure
    assert measure["organisation"] == "Ørland kommune"
    response, version = leader("POST", f"/plans/{pid}/submit", {"revision": plan["revision"] + 2})
    assert response.status_code == 201, version

    response, _ = leader("POST", f"/plans/{pid}/approve", {"approved_as": "NAV-leder"})
    assert response.status_code == 403  # the leader is no owner
    for person, side in ((world.municipal_owner, "municipality"), (world.county_director, "state")):
        call = _api(person)
        _, seen = call("GET", f"/plans/{pid}")
        assert seen["my_sides"] == [side]
        response, approval = call(
            "POST", f"/plans/{pid}/approve", {"approved_as": "Eier", "revision": seen["revision"]}
        )
        assert response.status_code == 201, approval
        assert approval["side"] == side

    _, plan = leader("GET", f"/plans/{pid}")
    assert plan["status"] == PlanStatus.APPROVED and plan["ever_approved"]
    response, refused = leader(
        "POST", f"/plans/{pid}/sections", {"heading": "Ny", "revision": plan["revision"]}
    )
    assert response.status_code == 422, refused
    response, plan = leader(
        "POST", f"/plans/{pid}/revise", {"reason": "Nytt tiltak", "revision": plan["revision"]}
    )
    assert response.status_code == 200
    assert (plan["status"], plan["number"], plan["reason"]) == ("draft", 2, "Nytt tiltak")
    response, frozen = leader("GET", f"/plan-versions/{plan['versions'][0]['id']}")
    assert frozen["sections"][0]["text"] == "30 flere i arbeid"
    assert len(frozen["approvals"]) == 2


def test_a_stale_approval_is_a_conflict(world, plan):
    from partnerskap.plans import services

    services.plan_submit(actor=world.nav_leader, plan=plan, revision=plan.revision)
    seen = plan.revision
    owner = _api(world.municipal_owner)
    response, _ = owner(
        "POST", f"/plans/{plan.pk}/approve", {"approved_as": "Ordfører", "revision": seen}
    )
    assert response.status_code == 201
    director = _api(world.county_director)
    response, _ = director(
        "POST", f"/plans/{plan.pk}/approve", {"approved_as": "Fylkesdirektør", "revision": seen}
    )
    assert response.status_code == 409


def test_outsiders_and_members(world, plan):
    response, _ = _api(world.other_leader)("GET", f"/plans/{plan.pk}")
    assert response.status_code == 404
    member = _api(world.member)
    response, _ = member("GET", f"/plans/{plan.pk}")
    assert response.status_code == 200
    response, _ = member(
        "POST", f"/plans/{plan.pk}/sections", {"heading": "Ny", "revision": plan.revision}
    )
    assert response.status_code == 403


def test_record_an_evaluation(world):
    leader = _api(world.nav_leader)
    url = f"/partnerships/{world.orland.pk}/participation-evaluations"
    body = {"year": NEXT_YEAR - 1, "held_on": f"{NEXT_YEAR - 1}-10-01", "findings": "Funn"}
    response, evaluation = leader("POST", url, body)
    assert response.status_code == 201, evaluation
    response, again = leader("POST", url, body)
    assert response.status_code == 422 and "year" in json.dumps(again)
    _, listed = leader("GET", url)
    assert [e["id"] for e in listed] == [evaluation["id"]]
