"""Follow-up progress takes the revision the person read: of two saves from the same revision
the second is refused (409) instead of overwriting the first; and the API names as chair,
minute-taker or person responsible only the people the pages offer (issue 11, defects 5, 10)."""

import json
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse

from partnerskap.meetings import services
from partnerskap.meetings.models import ActionItem, ActionStatus, ItemKind

from .conftest import later_in_year

API = "/api/v1"


def _send(client: Client, method: str, url: str, body: dict):
    """An API call with the session cookie and its CSRF token, as a browser would send it."""
    if "csrftoken" not in client.cookies:
        client.get("/")  # a page sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    data = json.dumps(body)
    return client.generic(
        method, API + url, data, content_type="application/json", HTTP_X_CSRFTOKEN=token
    )


@pytest.fixture
def action(world, meeting) -> ActionItem:
    decision = meeting.items.filter(kind=ItemKind.DECISION).first()
    return services.action_add(
        actor=world.nav_leader,
        item=decision,
        title="Lag en plan",
        owner=world.municipal_owner,
        due_date=later_in_year(20),
    )


@pytest.fixture
def api(world) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.municipal_owner)
    return client


def test_the_second_of_two_api_updates_from_one_revision_is_refused(api, action):
    url = f"/follow-ups/{action.pk}"
    read = api.get(API + "/follow-ups/mine").json()["items"][0]["revision"]
    first = _send(api, "PATCH", url, {"revision": read, "progress": "Første"})
    assert first.status_code == 200 and first.json()["revision"] == read + 1
    second = _send(api, "PATCH", url, {"revision": read, "progress": "Andre"})
    assert second.status_code == 409
    assert ActionItem.objects.get(pk=action.pk).progress == "Første"


def test_an_api_update_without_its_revision_is_refused(api, action):
    response = _send(api, "PATCH", f"/follow-ups/{action.pk}", {"progress": "Uten"})
    assert response.status_code == 422
    assert ActionItem.objects.get(pk=action.pk).progress == ""


def test_the_second_of_two_page_updates_from_one_revision_is_refused(client, world, action):
    client.force_login(world.municipal_owner)
    url = reverse("meetings:action_update", args=[action.pk])
    page = client.get(url).content.decode()
    assert f'name="action-{action.pk}-revision" value="1"' in page
    prefix = f"action-{action.pk}-"

    def post(progress: str):
        data = {prefix + "status": ActionStatus.IN_PROGRESS, prefix + "progress": progress}
        return client.post(url, data | {prefix + "revision": 1})

    assert post("Første").status_code == 302
    assert post("Andre").status_code == 409
    assert ActionItem.objects.get(pk=action.pk).progress == "Første"


def test_my_follow_ups_page_carries_each_revision(client, world, action):
    ActionItem.objects.filter(pk=action.pk).update(revision=7)
    client.force_login(world.municipal_owner)
    page = client.get(reverse("meetings:my_actions")).content.decode()
    assert f'name="action-{action.pk}-revision" value="7"' in page


def test_the_api_takes_as_responsible_only_whom_the_page_offers(api, world, meeting, action):
    """The neighbour's leader is an active user, but has nothing to do with Ørland's body."""
    decision = action.item
    api.force_login(world.nav_leader)
    body = {
        "title": "Noe",
        "owner_id": world.other_leader.pk,
        "due_date": str(later_in_year(30)),
    }
    response = _send(api, "POST", f"/items/{decision.pk}/follow-ups", body)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "owner_id"]
    assert not ActionItem.objects.filter(title="Noe").exists()
    ok = _send(
        api, "POST", f"/items/{decision.pk}/follow-ups", body | {"owner_id": world.member.pk}
    )
    assert ok.status_code == 201


@pytest.mark.parametrize("field", ["chair_id", "minute_taker_id"])
def test_the_api_takes_as_chair_or_minute_taker_only_whom_the_page_offers(
    api, world, body, meeting, field
):
    api.force_login(world.nav_leader)
    starts = meeting.starts_at + timedelta(days=7)
    plan = {
        "starts_at": starts.isoformat(),
        "ends_at": (starts + timedelta(hours=2)).isoformat(),
        field: world.other_leader.pk,
    }
    response = _send(api, "POST", f"/bodies/{body.pk}/meetings", plan)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", field]
    assert body.meetings.count() == 1
    patch = {"revision": meeting.revision, field: world.other_leader.pk}
    response = _send(api, "PATCH", f"/meetings/{meeting.pk}", patch)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", field]
    patch[field] = world.minute_taker.pk
    assert _send(api, "PATCH", f"/meetings/{meeting.pk}", patch).status_code == 200
