"""The meetings API: the same access rules, services and messages as the pages, 409 on a stale
revision, and public minutes in OParl's shape with exempt parts left out."""

import json
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from partnerskap.meetings import services
from partnerskap.meetings.models import (
    AgendaItem,
    Attachment,
    AttendanceStatus,
    ItemKind,
    ItemStatus,
    Minutes,
    MinutesStatus,
)

from .conftest import at, later_in_year

API = "/api/v1"


def _json(client, method: str, url: str, data: dict | list | None = None):
    response = getattr(client, method)(
        API + url, data=json.dumps(data or {}), content_type="application/json"
    )
    is_json = response.get("Content-Type", "").startswith("application/json")
    return response, (response.json() if is_json else None)


@pytest.fixture
def as_leader(client, world):
    client.force_login(world.nav_leader)
    return client


def _decide_all(meeting) -> None:
    for item in meeting.items.filter(kind=ItemKind.DECISION):
        AgendaItem.objects.filter(pk=item.pk).update(decision_text="Vedtatt som foreslått.")


# --- bodies ---------------------------------------------------------------------------------


def test_body_list_and_detail_follow_access(client, world, body):
    client.force_login(world.member)
    assert [b["id"] for b in client.get(f"{API}/bodies").json()["items"]] == [body.pk]
    detail = client.get(f"{API}/bodies/{body.pk}").json()
    assert detail["can_edit"] is False
    assert {m["role"] for m in detail["members"]} == {"chair", "member", "minute_taker"}
    assert len(detail["standard_agenda"]) == 8
    client.force_login(world.other_leader)
    assert client.get(f"{API}/bodies").json()["items"] == []
    assert client.get(f"{API}/bodies/{body.pk}").status_code == 404


def test_body_create(client, world):
    client.force_login(world.nav_leader)
    payload = {
        "name": "Styringsgruppe",
        "kind": "steering_group",
        "slug": "orland-styring",
        "partnership_id": world.orland.pk,
    }
    response, data = _json(client, "post", "/bodies", payload)
    assert response.status_code == 201, data
    assert data["standard_agenda"] == [] and data["can_edit"] is True
    payload = {**payload, "kind": "partnership_meeting", "slug": "orland-pm"}
    assert len(_json(client, "post", "/bodies", payload)[1]["standard_agenda"]) == 8
    # the slug is taken: the field is named
    response, data = _json(client, "post", "/bodies", payload)
    assert response.status_code == 422 and data["detail"][0]["loc"] == ["body", "slug"]
    response, data = _json(client, "post", "/bodies", {**payload, "county_id": world.county.pk})
    assert response.status_code == 422 and data["detail"][0]["loc"] == ["body", "partnership_id"]
    # a partnership the person cannot see: 404, as for its page
    assert (
        _json(client, "post", "/bodies", {**payload, "partnership_id": world.other.pk})[
            0
        ].status_code
        == 404
    )
    client.force_login(world.member)
    assert _json(client, "post", "/bodies", {**payload, "slug": "x"})[0].status_code == 403


def test_county_body_needs_the_county_state_owner(client, world):
    payload = {
        "name": "Samarbeidsforum",
        "kind": "cooperation_forum",
        "slug": "trondelag-forum",
        "county_id": world.county.pk,
    }
    client.force_login(world.nav_leader)
    assert _json(client, "post", "/bodies", payload)[0].status_code == 403
    client.force_login(world.county_director)
    assert _json(client, "post", "/bodies", payload)[0].status_code == 201


def test_body_member_add(client, world, body):
    client.force_login(world.nav_leader)
    payload = {"person_id": world.member.pk, "role": "member", "valid_from": "2024-01-01"}
    response, data = _json(client, "post", f"/bodies/{body.pk}/members", payload)
    assert response.status_code == 201
    assert world.member.pk in {m["person"]["id"] for m in data["members"]}
    response, data = _json(
        client, "post", f"/bodies/{body.pk}/members", {**payload, "person_id": 99999}
    )
    assert response.status_code == 422 and data["detail"][0]["loc"] == ["body", "person_id"]


# --- meetings -------------------------------------------------------------------------------


def test_schedule_a_meeting_from_the_standard_agenda(as_leader, body):
    day = later_in_year()
    payload = {
        "starts_at": at(day, 11).isoformat(),
        "ends_at": at(day, 14, 30).isoformat(),
        "breaks": [{"at": "12:00", "minutes": 30}],
    }
    response, data = _json(as_leader, "post", f"/bodies/{body.pk}/meetings", payload)
    assert response.status_code == 201, data
    assert [i["kind"] for i in data["items"]][:1] == ["information"]  # nothing to follow up
    assert len(data["items"]) == 8 and len(data["attendance"]) == 3
    assert data["minutes"]["status"] == "draft"
    assert data["items"][0]["starts_at"].startswith(f"{day.isoformat()}T11:00")
    response, data = _json(
        as_leader,
        "post",
        f"/bodies/{body.pk}/meetings",
        {**payload, "ends_at": at(day, 10).isoformat()},
    )
    assert response.status_code == 422 and data["detail"][0]["loc"] == ["body", "ends_at"]
    response, data = _json(
        as_leader, "post", f"/bodies/{body.pk}/meetings", {**payload, "breaks": [{"at": "25:00"}]}
    )
    assert response.status_code == 422


def test_meeting_list_is_paginated_newest_first(as_leader, world, body, meeting):
    day = later_in_year()
    services.meeting_schedule(
        actor=world.nav_leader, body=body, starts_at=at(day, 11), ends_at=at(day, 13)
    )
    data = as_leader.get(f"{API}/bodies/{body.pk}/meetings?page_size=1").json()
    assert data["count"] == 2 and len(data["items"]) == 1
    assert data["items"][0]["starts_at"] > meeting.starts_at.isoformat()


def test_meeting_detail_shows_the_effective_minutes_status(client, world, meeting):
    services.meeting_send_notice(actor=world.nav_leader, meeting=meeting)
    _decide_all(meeting)
    services.meeting_mark_held(actor=world.nav_leader, meeting=meeting)
    services.minutes_send_for_comments(
        actor=world.minute_taker, meeting=meeting, deadline=timezone.localdate()
    )
    Minutes.objects.filter(meeting=meeting).update(
        comment_deadline=timezone.localdate() - timedelta(days=1)
    )
    client.force_login(world.member)
    data = client.get(f"{API}/meetings/{meeting.pk}").json()
    assert data["minutes"]["recorded_status"] == MinutesStatus.IN_COMMENT
    assert data["minutes"]["status"] == MinutesStatus.PUBLISHED
    assert data["minutes"]["deemed_approved"] is True
    assert data["minutes_status"] == MinutesStatus.PUBLISHED
    assert data["can_edit"] is False


def test_stale_revision_is_a_409_and_saves_nothing(client, world, meeting):
    client.force_login(world.nav_leader)
    revision = meeting.revision
    response, data = _json(
        client, "patch", f"/meetings/{meeting.pk}", {"revision": revision, "location": "Brekstad"}
    )
    assert response.status_code == 200 and data["location"] == "Brekstad"
    assert data["revision"] == revision + 1
    client.force_login(world.municipal_owner)
    response, data = _json(
        client,
        "patch",
        f"/meetings/{meeting.pk}",
        {"revision": revision, "location": "Ørland kultursenter"},
    )
    assert response.status_code == 409
    assert "reload" in data["detail"].lower() or "last inn" in data["detail"].lower()
    meeting.refresh_from_db()
    assert meeting.location == "Brekstad"
    url = f"/meetings/{meeting.pk}/minutes"
    assert (
        _json(client, "put", url, {"revision": revision, "introduction": "Gammel"})[0].status_code
        == 409
    )
    response, data = _json(
        client, "put", url, {"revision": revision + 1, "introduction": "Velkommen"}
    )
    assert response.status_code == 200 and data["minutes"]["introduction"] == "Velkommen"


def test_item_update_conflict_and_bad_input(as_leader, world, meeting):
    item = meeting.items.order_by("position").last()
    response, data = _json(
        as_leader, "patch", f"/items/{item.pk}", {"revision": item.revision, "notes": "Først"}
    )
    assert response.status_code == 200 and data["notes"] == "Først"
    response, _ = _json(
        as_leader, "patch", f"/items/{item.pk}", {"revision": item.revision, "notes": "Sist"}
    )
    assert response.status_code == 409
    response, data = _json(
        as_leader, "patch", f"/items/{item.pk}", {"revision": item.revision + 1, "exempt": True}
    )
    assert response.status_code == 422 and data["detail"][0]["loc"] == ["body", "legal_ground"]
    response, data = _json(as_leader, "patch", f"/items/{item.pk}", {"notes": "Uten revisjon"})
    assert response.status_code == 422
    item.refresh_from_db()
    assert item.notes == "Først"


def test_the_main_job_through_the_api(client, world, body, meeting):
    client.force_login(world.nav_leader)
    base = f"/meetings/{meeting.pk}"
    response, data = _json(client, "post", f"{base}/held")
    assert response.status_code == 422  # notice not sent
    assert _json(client, "post", f"{base}/notice")[0].status_code == 200
    decision = meeting.items.filter(kind=ItemKind.DECISION).first()
    response, data = _json(client, "post", f"{base}/held")
    assert response.status_code == 422 and decision.label in data["detail"][0]["msg"]
    response, data = _json(
        client,
        "patch",
        f"/items/{decision.pk}",
        {"revision": decision.revision, "decision_text": "Vedtatt."},
    )
    assert response.status_code == 200
    attendance = list(meeting.attendances.all())
    payload = {
        "attendance": [
            {"id": attendance[0].pk, "status": "present"},
            {"id": attendance[1].pk, "status": "absent_with_notice"},
        ],
        "guests": ["Gjest Gjestesen"],
    }
    response, data = _json(client, "put", f"{base}/attendance", payload)
    assert response.status_code == 200
    assert {a["status"] for a in data["attendance"]} >= {
        AttendanceStatus.PRESENT,
        AttendanceStatus.GUEST,
    }
    assert (
        _json(
            client,
            "put",
            f"{base}/attendance",
            {"attendance": [{"id": 99999, "status": "present"}]},
        )[0].status_code
        == 422
    )
    day = timezone.localtime(meeting.starts_at).date()
    response, data = _json(
        client,
        "post",
        f"/items/{decision.pk}/follow-ups",
        {
            "title": "Lag plan",
            "owner_id": world.member.pk,
            "due_date": str(day - timedelta(days=1)),
        },
    )
    assert response.status_code == 422 and data["detail"][0]["loc"] == ["body", "due_date"]
    response, action = _json(
        client,
        "post",
        f"/items/{decision.pk}/follow-ups",
        {
            "title": "Lag plan",
            "owner_id": world.member.pk,
            "due_date": str(day + timedelta(days=30)),
        },
    )
    assert response.status_code == 201 and action["item_label"] == decision.label
    assert _json(client, "post", f"{base}/held")[0].status_code == 200
    # the person responsible reports progress on their own follow-up, though a read-only member
    client.force_login(world.member)
    mine = client.get(f"{API}/follow-ups/mine").json()
    assert [a["id"] for a in mine["items"]] == [action["id"]]
    response, data = _json(
        client,
        "patch",
        f"/follow-ups/{action['id']}",
        {"revision": action["revision"], "status": "in_progress", "progress": "Godt i gang"},
    )
    assert response.status_code == 200 and data["progress"] == "Godt i gang"
    assert (
        _json(
            client,
            "post",
            f"{base}/minutes/send-for-comments",
            {"deadline": str(timezone.localdate())},
        )[0].status_code
        == 403
    )
    client.force_login(world.minute_taker)
    response, data = _json(
        client,
        "post",
        f"{base}/minutes/send-for-comments",
        {"deadline": str(timezone.localdate() - timedelta(days=1))},
    )
    assert response.status_code == 422 and data["detail"][0]["loc"] == ["body", "deadline"]
    response, data = _json(
        client, "post", f"{base}/minutes/send-for-comments", {"deadline": str(timezone.localdate())}
    )
    assert response.status_code == 200 and data["minutes"]["status"] == MinutesStatus.IN_COMMENT
    client.force_login(world.member)
    response, data = _json(
        client, "post", f"{base}/minutes/comments", {"text": "Ser bra ut.", "item_id": decision.pk}
    )
    assert response.status_code == 201 and data["item_id"] == decision.pk
    assert _json(client, "post", f"{base}/minutes/comments", {"text": " "})[0].status_code == 422
    client.force_login(world.nav_leader)
    response, data = _json(client, "post", f"{base}/minutes/approve")
    assert response.status_code == 200 and data["minutes"]["status"] == MinutesStatus.PUBLISHED
    assert [v["number"] for v in data["minutes"]["versions"]] == [1]


def test_approved_minutes_change_only_through_a_new_version(client, world, meeting):
    services.meeting_send_notice(actor=world.nav_leader, meeting=meeting)
    _decide_all(meeting)
    services.meeting_mark_held(actor=world.nav_leader, meeting=meeting)
    services.minutes_approve(actor=world.nav_leader, meeting=meeting)
    decision = meeting.items.filter(kind=ItemKind.DECISION).first()
    client.force_login(world.nav_leader)
    response, data = _json(
        client,
        "patch",
        f"/items/{decision.pk}",
        {"revision": decision.revision, "decision_text": "Endret i smug"},
    )
    assert response.status_code == 422
    response, _ = _json(
        client, "put", f"/meetings/{meeting.pk}/minutes", {"revision": 99, "introduction": "x"}
    )
    assert response.status_code == 422  # frozen before any revision is looked at
    url = f"/meetings/{meeting.pk}/minutes/versions"
    response, data = _json(
        client,
        "post",
        url,
        {"reason": " ", "items": [{"item_id": decision.pk, "decision_text": "Ny"}]},
    )
    assert response.status_code == 422 and data["detail"][0]["loc"] == ["body", "reason"]
    response, data = _json(
        client, "post", url, {"reason": "Skrivefeil", "items": [{"item_id": 99999, "notes": "x"}]}
    )
    assert response.status_code == 422 and data["detail"][0]["loc"] == ["body", "items"]
    response, data = _json(
        client,
        "post",
        url,
        {
            "reason": "Skrivefeil i vedtaket",
            "items": [{"item_id": decision.pk, "decision_text": "Vedtatt med endring."}],
        },
    )
    assert (
        response.status_code == 201
        and data["number"] == 2
        and data["reason"] == "Skrivefeil i vedtaket"
    )
    assert [v["number"] for v in client.get(f"{API}{url}").json()] == [2, 1]
    first = Minutes.objects.get(meeting=meeting).versions.get(number=1)
    content = client.get(f"{API}/minutes/versions/{first.pk}").json()["content"]
    assert (
        next(i for i in content["items"] if i["id"] == decision.pk)["decision"]
        == "Vedtatt som foreslått."
    )
    assert client.get(f"{API}/minutes/versions/99999").status_code == 404
    client.force_login(world.other_leader)
    assert client.get(f"{API}/minutes/versions/{first.pk}").status_code == 404


def test_cancel_needs_a_reason(as_leader, meeting):
    response, data = _json(as_leader, "post", f"/meetings/{meeting.pk}/cancel", {"reason": ""})
    assert response.status_code == 422 and data["detail"][0]["loc"] == ["body", "reason"]
    response, data = _json(
        as_leader, "post", f"/meetings/{meeting.pk}/cancel", {"reason": "For få påmeldte"}
    )
    assert response.status_code == 200 and data["status"] == "cancelled"


# --- agenda ---------------------------------------------------------------------------------


def test_agenda_numbers_hold_through_the_api(as_leader, world, body, meeting):
    day = later_in_year()
    second = services.meeting_schedule(
        actor=world.nav_leader, body=body, starts_at=at(day, 11), ends_at=at(day, 14)
    )
    before = dict(AgendaItem.objects.values_list("pk", "number"))
    response, item = _json(
        as_leader,
        "post",
        f"/meetings/{meeting.pk}/items",
        {"title": "Budsjett 2027", "kind": "decision", "planned_minutes": 20},
    )
    assert response.status_code == 201 and item["number"] == max(before.values()) + 1
    assert item["label"] == f"Sak {item['number']}/{item['year'] % 100:02d}"
    response, data = _json(
        as_leader,
        "post",
        f"/meetings/{meeting.pk}/items",
        {"title": "Personalsak", "kind": "discussion", "exempt": True},
    )
    assert response.status_code == 422 and data["detail"][0]["loc"] == ["body", "legal_ground"]
    ids = list(meeting.items.order_by("position").values_list("pk", flat=True))
    response, data = _json(
        as_leader, "put", f"/meetings/{meeting.pk}/items/order", {"item_ids": ids[::-1]}
    )
    assert response.status_code == 200 and [i["id"] for i in data["items"]] == ids[::-1]
    assert (
        _json(as_leader, "put", f"/meetings/{meeting.pk}/items/order", {"item_ids": ids[1:]})[
            0
        ].status_code
        == 422
    )
    response, data = _json(
        as_leader, "post", f"/items/{item['id']}/move", {"meeting_id": second.pk}
    )
    assert (
        response.status_code == 200
        and data["meeting_id"] == second.pk
        and data["number"] == item["number"]
    )
    response, data = _json(as_leader, "post", f"/items/{item['id']}/move", {"meeting_id": 99999})
    assert response.status_code == 422 and data["detail"][0]["loc"] == ["body", "meeting_id"]
    response, data = _json(
        as_leader, "post", f"/items/{ids[-1]}/withdraw", {"reason": "Utsatt til høsten"}
    )
    assert response.status_code == 200 and data["status"] == ItemStatus.WITHDRAWN
    after = dict(AgendaItem.objects.filter(pk__in=before).values_list("pk", "number"))
    assert after == before


def test_forward_to_another_body(as_leader, world, body, meeting):
    steering = services.body_create(
        actor=world.nav_leader,
        name="Styringsgruppe",
        kind="steering_group",
        slug="orland-styring",
        partnership=world.orland,
    )
    day = later_in_year()
    target = services.meeting_schedule(
        actor=world.nav_leader, body=steering, starts_at=at(day, 9), ends_at=at(day, 10)
    )
    item = meeting.items.filter(kind=ItemKind.DECISION).first()
    response, data = _json(
        as_leader, "post", f"/items/{item.pk}/forward", {"meeting_id": meeting.pk}
    )
    assert response.status_code == 422 and data["detail"][0]["loc"] == ["body", "target"]
    response, data = _json(
        as_leader, "post", f"/items/{item.pk}/forward", {"meeting_id": target.pk}
    )
    assert response.status_code == 201
    assert data["forwarded_from_id"] == item.pk and data["numbering_body_id"] == steering.pk
    original = as_leader.get(f"{API}/items/{item.pk}").json()
    assert original["status"] == ItemStatus.FORWARDED and original["forwarded_to_ids"] == [
        data["id"]
    ]


@pytest.mark.parametrize(
    ("method", "url", "payload"),
    [
        ("post", "/meetings/{meeting}/notice", {}),
        ("post", "/meetings/{meeting}/items", {"title": "x", "kind": "information"}),
        ("patch", "/items/{item}", {"revision": 1, "notes": "x"}),
        ("post", "/items/{item}/withdraw", {"reason": "x"}),
        ("post", "/meetings/{meeting}/minutes/approve", {}),
    ],
)
def test_read_only_role_and_outsider(client, world, meeting, method, url, payload):
    url = url.format(meeting=meeting.pk, item=meeting.items.first().pk)
    client.force_login(world.member)
    assert _json(client, method, url, payload)[0].status_code == 403
    client.force_login(world.other_leader)
    assert _json(client, method, url, payload)[0].status_code == 404
    client.logout()
    assert _json(client, method, url, payload)[0].status_code == 401
    client.force_login(world.nav_leader)
    assert _json(client, "delete", url, payload)[0].status_code == 405


def test_attachment_download_follows_access(client, world, meeting, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    attachment = Attachment.objects.create(
        item=meeting.items.first(),
        title="Budsjett",
        file=SimpleUploadedFile("budsjett.pdf", b"%PDF-1.4"),
        content_type="application/pdf",
        size=8,
        sha256="0" * 64,
    )
    client.force_login(world.member)
    response = client.get(f"{API}/attachments/{attachment.pk}")
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4"
    client.force_login(world.other_leader)
    assert client.get(f"{API}/attachments/{attachment.pk}").status_code == 404


# --- public ---------------------------------------------------------------------------------

SECRET_TITLE = "Nedbemanning ved kontoret"
SECRET_NOTES = "Tre stillinger vurderes"
SECRET_DECISION = "Leder forhandler med de tillitsvalgte"
SECRET_ATTACHMENT = "Oversikt over ansatte"
HIDDEN_ATTACHMENT = "Intern risikovurdering"


@pytest.fixture
def published(world, meeting, settings, tmp_path):
    """Published minutes with one exempt item (and its attachment) and an exempt attachment on a
    public item."""
    settings.MEDIA_ROOT = tmp_path
    exempt = services.item_add(
        actor=world.nav_leader,
        meeting=meeting,
        title=SECRET_TITLE,
        kind=ItemKind.DECISION,
        exempt=True,
        legal_ground="Offentleglova § 25",
        public_title="Personalsak",
    )
    AgendaItem.objects.filter(pk=exempt.pk).update(
        notes=SECRET_NOTES, decision_text=SECRET_DECISION
    )
    public_item = meeting.items.filter(kind=ItemKind.DECISION).exclude(pk=exempt.pk).first()
    for item, title, is_exempt in [
        (exempt, SECRET_ATTACHMENT, False),
        (public_item, HIDDEN_ATTACHMENT, True),
        (public_item, "Budsjett 2027", False),
    ]:
        Attachment.objects.create(
            item=item,
            title=title,
            file=SimpleUploadedFile("a.pdf", b"%PDF"),
            content_type="application/pdf",
            size=4,
            sha256="0" * 64,
            exempt=is_exempt,
            legal_ground="Offentleglova § 13" if is_exempt else "",
        )
    services.meeting_send_notice(actor=world.nav_leader, meeting=meeting)
    _decide_all(meeting)
    services.meeting_mark_held(actor=world.nav_leader, meeting=meeting)
    services.minutes_approve(actor=world.nav_leader, meeting=meeting)
    return meeting, exempt, public_item


def test_public_minutes_leave_exempt_parts_out(client, published):
    meeting, exempt, public_item = published
    response = client.get(f"{API}/public/meetings/{meeting.uuid}")  # no login
    assert response.status_code == 200
    raw = response.content.decode()
    for secret in (
        SECRET_TITLE,
        SECRET_NOTES,
        SECRET_DECISION,
        SECRET_ATTACHMENT,
        HIDDEN_ATTACHMENT,
    ):
        assert secret not in raw
    data = response.json()
    assert data["type"] == "https://schema.oparl.org/1.1/Meeting"
    assert data["id"] == f"http://testserver/api/v1/public/meetings/{meeting.uuid}"
    entry = next(i for i in data["agendaItem"] if i["number"].startswith(f"{exempt.number}/"))
    assert entry == {
        "id": entry["id"],
        "type": "https://schema.oparl.org/1.1/AgendaItem",
        "meeting": data["id"],
        "number": f"{exempt.number}/{exempt.year % 100:02d}",
        "order": entry["order"],
        "name": "Personalsak",
        "public": False,
    }
    shown = next(i for i in data["agendaItem"] if i["number"].startswith(f"{public_item.number}/"))
    assert shown["public"] is True and shown["name"] == public_item.title
    assert shown["resolutionText"] == "Vedtatt som foreslått."
    [file] = shown["auxiliaryFile"]
    assert file["type"] == "https://schema.oparl.org/1.1/File" and file["name"] == "Budsjett 2027"
    assert client.get(file["accessUrl"]).status_code == 200  # the public page's download
    hidden = Attachment.objects.get(title=HIDDEN_ATTACHMENT)
    args = [meeting.body.slug, meeting.pk, hidden.pk]
    assert client.get(reverse("meetings:public_attachment", args=args)).status_code == 404
    assert client.get(data["resultsProtocol"]["accessUrl"]).status_code == 200
    assert len(data["agendaItem"]) == meeting.items.count()


def test_public_routes_need_no_login():
    """The public router's auth=None overrides the API's default authentication."""
    from partnerskap.api import api

    paths = api.get_openapi_schema()["paths"]
    public = [op for path, ops in paths.items() if "/public/" in path for op in ops.values()]
    assert public and all("security" not in op for op in public)
    assert all(
        "security" in op
        for path, ops in paths.items()
        if "/public/" not in path and path.startswith("/api/v1/meetings")
        for op in ops.values()
    )


def test_public_bodies_and_meetings_without_login(client, body, published):
    meeting = published[0]
    bodies = client.get(f"{API}/public/bodies").json()
    assert [b["name"] for b in bodies["items"]] == [body.name]
    organization = client.get(bodies["items"][0]["id"]).json()
    assert organization["type"] == "https://schema.oparl.org/1.1/Organization"
    meetings = client.get(organization["meeting"]).json()
    assert [m["id"] for m in meetings["items"]] == [
        client.get(meetings["items"][0]["id"]).json()["id"]
    ]
    assert (
        meetings["items"][0]["start"]
        and meetings["items"][0]["location"]["description"] == meeting.location
    )


def test_unpublished_minutes_are_not_public(client, world, body, meeting):
    assert client.get(f"{API}/public/meetings/{meeting.uuid}").status_code == 404
    assert client.get(f"{API}/public/bodies/{body.slug}").status_code == 404
    assert client.get(f"{API}/public/bodies").json()["items"] == []
    # deemed approved on read: public without a scheduled job
    services.meeting_send_notice(actor=world.nav_leader, meeting=meeting)
    _decide_all(meeting)
    services.meeting_mark_held(actor=world.nav_leader, meeting=meeting)
    services.minutes_send_for_comments(
        actor=world.minute_taker, meeting=meeting, deadline=timezone.localdate()
    )
    assert client.get(f"{API}/public/meetings/{meeting.uuid}").status_code == 404
    Minutes.objects.filter(meeting=meeting).update(
        comment_deadline=timezone.localdate() - timedelta(days=1)
    )
    assert client.get(f"{API}/public/meetings/{meeting.uuid}").status_code == 200
