"""The conferences API: the same services and access rules as the pages, tested as a client would
use it — a personal token for writes, a client that enforces CSRF, and the public routes with a
participant's token instead of a login."""

import json
from datetime import time, timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from partnerskap.conferences.models import CheckIn, Event, Registration, RegistrationStatus
from partnerskap.core.models import ApiToken

from .conftest import register

pytestmark = pytest.mark.django_db
API = "/api/v1"


def _api(world, person=None):
    """A client that enforces CSRF, authenticated by a personal token (or not at all)."""
    client = Client(enforce_csrf_checks=True)
    headers = {}
    if person is not None:
        _token, key = ApiToken.issue(user=person, name="test")
        headers["HTTP_AUTHORIZATION"] = f"Bearer {key}"

    def call(method: str, url: str, body=None):
        response = client.generic(
            method.upper(),
            API + url,
            json.dumps(body or {}),
            content_type="application/json",
            **headers,
        )
        return response, (
            response.json()
            if response.content and response["Content-Type"].startswith("application/json")
            else None
        )

    return call


def test_create_an_event_and_its_programme(world):
    call = _api(world, world.nav_leader)
    first = timezone.localdate() + timedelta(days=50)
    response, data = call(
        "post",
        "/events",
        {
            "title": "Partnerskapsdag",
            "slug": "partnerskapsdag",
            "organiser_partnership_id": world.orland.pk,
            "first_day": first.isoformat(),
            "last_day": first.isoformat(),
            "place": "Brekstad",
            "capacity": 1,
            "registration_closes": (timezone.now() + timedelta(days=20)).isoformat(),
            "audience_municipality_ids": [world.orland_municipality.pk],
            "questions": ["organisation"],
        },
    )
    assert response.status_code == 201, data
    event_id = data["id"]
    assert data["counts"] == {
        "registered": 0,
        "offered": 0,
        "waitlisted": 0,
        "cancelled": 0,
        "places_left": 1,
    }
    response, session = call(
        "post",
        f"/events/{event_id}/sessions",
        {
            "day": first.isoformat(),
            "starts": "10:00",
            "ends": "11:00",
            "title": "Ungdom og arbeid",
            "speaker_ids": [world.municipal_owner.pk],
            "new_speakers": [{"first_name": "Ivar", "last_name": "Forsker", "organisation": "NAV"}],
        },
    )
    assert response.status_code == 201 and len(session["speaker_ids"]) == 2
    response, version = call("post", f"/events/{event_id}/programme/publish", {})
    assert response.status_code == 201 and version["number"] == 1
    speakers = version["content"]["days"][0]["sessions"][0]["speakers"]
    assert [s["name"] for s in speakers][1] == "Ivar Forsker"
    # A stale revision is a conflict, with nothing saved.
    response, _ = call("patch", f"/events/{event_id}", {"revision": 99, "place": "Bodø"})
    assert response.status_code == 409
    assert Event.objects.get(pk=event_id).place == "Brekstad"


def test_bad_input_names_the_field(world, event):
    call = _api(world, world.nav_leader)
    response, data = call(
        "post",
        f"/events/{event.pk}/sessions",
        {"day": "2001-01-01", "starts": "10:00", "ends": "11:00", "title": "For tidlig"},
    )
    assert response.status_code == 422
    assert data["detail"][0]["loc"] == ["body", "day"]
    assert data["detail"][0]["msg"].startswith("Dagen må være en av arrangementets dager")
    response, data = call(
        "post",
        f"/events/{event.pk}/registrations",
        {"name": "Ada", "email": "ada@x.no", "municipality_id": 999999},
    )
    assert response.status_code == 422 and data["detail"][0]["loc"] == ["body", "municipality_id"]


def test_writes_with_the_session_need_the_csrf_token(world, event):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.nav_leader)
    url = f"{API}/events/{event.pk}/organisations/remind"
    assert client.post(url, "{}", content_type="application/json").status_code == 403
    client.get("/")
    token = client.cookies["csrftoken"].value
    assert (
        client.post(url, "{}", content_type="application/json", HTTP_X_CSRFTOKEN=token).status_code
        == 200
    )


def test_access_like_the_pages(world, event):
    ada = register(event, "Ada Berg", dietary_needs="Glutenfri")
    url = f"/events/{event.pk}/registrations"
    for person, status in (
        (world.nav_leader, 200),
        (world.minute_taker, 200),  # member of the following body
        (world.member, 403),  # reads the partnership, does not manage the event
        (world.outsider, 404),
        (world.other_leader, 404),
    ):
        response, data = _api(world, person)("get", url)
        assert response.status_code == status, person
    _response, data = _api(world, world.nav_leader)("get", url)
    assert [r["dietary_needs"] for r in data["items"]] == ["Glutenfri"]
    response, _ = _api(world)("get", url)
    assert response.status_code == 401
    response, _ = _api(world, world.outsider)("get", "/events")
    assert response.json()["items"] == []
    response, _ = _api(world, world.member)("post", f"/registrations/{ada.pk}/cancel")
    assert response.status_code == 403


def test_check_in_and_the_list(world, event):
    ada = register(event, "Ada Berg")
    call = _api(world, world.nav_leader)
    response, data = call(
        "put",
        f"/events/{event.pk}/check-ins",
        {"registration_id": ada.pk, "day": event.first_day.isoformat()},
    )
    assert response.status_code == 200 and data == {
        "registration_id": ada.pk,
        "day": event.first_day.isoformat(),
        "checked_in": True,
        "arrived": 1,
    }
    _response, listed = call(
        "get", f"/events/{event.pk}/check-ins?day={event.first_day.isoformat()}"
    )
    assert listed["items"] == [
        {"registration_id": ada.pk, "name": "Ada Berg", "organisation": "", "checked_in": True}
    ]
    assert CheckIn.objects.count() == 1


def test_the_public_routes(world, event, django_capture_on_commit_callbacks):
    public = _api(world)
    response, data = public("get", f"/public/events/{event.slug}")
    assert response.status_code == 200
    assert data["programme_version"] == 1 and data["places_left"] == 3
    assert data["organiser"] == "NAV Ørland"
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(4):
            response, data = public(
                "post",
                f"/public/events/{event.slug}/registrations",
                {
                    "name": f"Deltaker {n}",
                    "email": f"d{n}@example.no",
                    "days": [event.first_day.isoformat()],
                },
            )
            assert response.status_code == 201
    assert data["status"] == "waitlisted"
    first = Registration.objects.get(email="d0@example.no")
    from partnerskap.conferences.tokens import registration_token

    token = registration_token(first)
    response, mine = public("get", f"/public/registrations/{token}")
    assert (mine["name"], mine["status"]) == ("Deltaker 0", "registered")
    response, mine = public("post", f"/public/registrations/{token}/cancel")
    assert mine["status"] == "cancelled"
    offered = Registration.objects.get(email="d3@example.no")
    assert offered.status == RegistrationStatus.OFFERED
    response, accepted = public(
        "post", f"/public/registrations/{registration_token(offered)}/accept"
    )
    assert accepted["status"] == "registered"
    response, _ = public("get", "/public/registrations/ikke-et-token")
    assert response.status_code == 404


def test_the_evaluation_through_the_api(world, event, django_capture_on_commit_callbacks):
    ada = register(event, "Ada Berg")
    call = _api(world, world.nav_leader)
    response, survey = call(
        "post", f"/events/{event.pk}/evaluation", {"title": "Evaluering", "anonymous": True}
    )
    assert response.status_code == 201 and len(survey["questions"]) == 5
    response, survey = call(
        "post",
        f"/events/{event.pk}/evaluation/questions",
        {"kind": "single", "text": "Hvilken dag var best?", "choices": ["Dag 1", "Dag 2"]},
    )
    assert survey["questions"][-1]["choices"] == ["Dag 1", "Dag 2"]
    last = survey["questions"][-1]["id"]
    response, _ = call(
        "delete", f"/events/{event.pk}/evaluation/questions/{survey['questions'][3]['id']}"
    )
    assert response.status_code == 204
    response, survey = call(
        "patch",
        f"/events/{event.pk}/evaluation",
        {"revision": survey["revision"], "title": "Evaluering av dagen"},
    )
    assert (survey["title"], len(survey["questions"]), survey["questions"][-1]["id"]) == (
        "Evaluering av dagen",
        5,
        last,
    )
    response, _ = call(
        "patch", f"/events/{event.pk}/evaluation", {"revision": 1, "title": "Gammel"}
    )
    assert response.status_code == 409
    with django_capture_on_commit_callbacks(execute=True):
        response, survey = call("post", f"/events/{event.pk}/evaluation/open")
    assert survey["status"] == "open" and mail.outbox[-1].to == ["ada@example.no"]
    from partnerskap.conferences.tokens import registration_token

    token = registration_token(ada)
    public = _api(world)
    response, questions = public("get", f"/public/evaluations/{token}")
    ids = [q["id"] for q in questions["questions"]]
    response, _ = public(
        "post", f"/public/evaluations/{token}", {"answers": {str(ids[0]): 5, str(ids[4]): "Dag 2"}}
    )
    assert response.status_code == 201
    response, _data = public("post", f"/public/evaluations/{token}", {"answers": {str(ids[0]): 1}})
    assert response.status_code == 422
    _response, survey = call("get", f"/events/{event.pk}/evaluation")
    results = {r["question_id"]: r for r in survey["results"]}
    assert results[ids[0]]["mean"] == 5.0
    assert {c["answer"]: c["count"] for c in results[ids[4]]["counts"]} == {"Dag 1": 0, "Dag 2": 1}
    assert (survey["responses"], survey["not_answered"]) == (1, 0)


def test_a_session_can_be_changed_and_removed(world, event):
    session = event.sessions.get(title="Velkommen")
    call = _api(world, world.nav_leader)
    response, data = call(
        "patch", f"/sessions/{session.pk}", {"revision": session.revision, "ends": "11:20"}
    )
    assert response.status_code == 200 and data["ends"] == "11:20:00"
    response, _ = call(
        "patch", f"/sessions/{session.pk}", {"revision": session.revision, "ends": "11:25"}
    )
    assert response.status_code == 409
    response, _ = call("delete", f"/sessions/{session.pk}")
    assert response.status_code == 204
    assert not event.sessions.filter(pk=session.pk).exists()
    assert time(11) not in list(event.sessions.values_list("starts", flat=True))
