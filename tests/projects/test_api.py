"""Projects in the API: a personal token, a client that enforces CSRF, the same rules as pages."""

import json

from django.test import Client

from partnerskap.core.models import ApiToken
from partnerskap.projects.models import Milestone, StatusEntry

from .conftest import YEAR

API = "/api/v1"


def _api(person):
    client = Client(enforce_csrf_checks=True)
    _token, key = ApiToken.issue(user=person, name="test")

    def call(method: str, url: str, body=None):
        response = client.generic(
            method,
            API + url,
            json.dumps(body) if body is not None else "",
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {key}",
        )
        return response, (response.json() if response.content else None)

    return call


def test_report_status_and_raise_a_decision(world, nordland):
    call = _api(world.nav_leader)
    row = nordland.indre.status_row.pk
    response, data = call(
        "POST",
        f"/projects/{nordland.project.pk}/status",
        {"reported_on": f"{YEAR}-02-01", "rows": [{"row_id": row, "health": "at_risk"}]},
    )
    assert response.status_code == 201, data
    assert {d["label"]: d["latest"]["copied"] for d in data} == {
        "Ofoten": True,
        "Indre Salten": False,
        "Sør-Salten": True,
    }
    response, decision = call(
        "POST", f"/projects/{nordland.project.pk}/decisions", {"title": "Velge vertskommune"}
    )
    assert response.status_code == 201
    response, raised = call(
        "POST", f"/decisions/{decision['id']}/agenda", {"meeting_id": nordland.second.pk}
    )
    assert response.status_code == 201 and raised["meeting_id"] == nordland.second.pk
    assert nordland.second.items.filter(title="Velge vertskommune", kind="decision").exists()
    response, detail = call("GET", f"/projects/{nordland.project.pk}")
    assert detail["decisions"][0]["item_id"] == raised["item_id"]
    assert {s["label"]: s["latest"]["health"] for s in detail["status"]}[
        "Indre Salten"
    ] == "at_risk"


def test_bad_input_is_refused_in_norwegian_and_nothing_saved(world, nordland):
    call = _api(world.nav_leader)
    response, data = call(
        "POST",
        f"/projects/{nordland.project.pk}/milestones",
        {"title": "Sluttrapport", "due_on": f"{YEAR + 3}-01-01"},
    )
    assert response.status_code == 422
    assert data["detail"][0]["loc"] == ["body", "due_on"]
    assert "utenfor prosjektperioden" in data["detail"][0]["msg"]
    assert not Milestone.objects.exists()
    before = StatusEntry.objects.count()
    response, data = call(
        "POST", f"/projects/{nordland.project.pk}/status", {"reported_on": f"{YEAR}-01-05"}
    )
    assert response.status_code == 422 and "allerede rapportert" in data["detail"][0]["msg"]
    assert StatusEntry.objects.count() == before
    response, data = call("POST", f"/projects/{nordland.project.pk}/pilots", {"name": "Lofoten"})
    assert response.status_code == 422 and "minst ett partnerskap" in data["detail"][0]["msg"]


def test_a_reader_cannot_write_and_an_outsider_sees_nothing(world, nordland):
    response, _ = _api(world.member)(
        "POST", f"/projects/{nordland.project.pk}/decisions", {"title": "X"}
    )
    assert response.status_code == 403
    outsider = _api(world.outsider)
    assert outsider("GET", f"/projects/{nordland.project.pk}")[0].status_code == 404
    response, data = outsider("GET", "/projects")
    assert response.status_code == 200 and data["items"] == []


def test_mark_a_milestone_done_but_not_in_the_future(world, nordland):
    from partnerskap.projects import services

    milestone = services.milestone_add(
        actor=world.nav_leader,
        project=nordland.project,
        title="Delrapport 1",
        due_on=nordland.project.starts_on,
    )
    call = _api(world.nav_leader)
    future = f"{YEAR + 5}-01-01"
    response, data = call("POST", f"/milestones/{milestone.pk}/done", {"done_on": future})
    assert response.status_code == 422 and data["detail"][0]["loc"] == ["body", "done_on"]
    assert "dag som ennå ikke er kommet" in data["detail"][0]["msg"]
    milestone.refresh_from_db()
    assert milestone.state == "planned"
    done_on = nordland.project.starts_on.isoformat()
    response, data = call("POST", f"/milestones/{milestone.pk}/done", {"done_on": done_on})
    assert response.status_code == 200 and data["state"] == "done"
    response, data = call("POST", f"/milestones/{milestone.pk}/done", {"done_on": done_on})
    assert response.status_code == 422
    member = _api(world.member)
    assert (
        member("POST", f"/milestones/{milestone.pk}/done", {"done_on": done_on})[0].status_code
        == 403
    )
