"""Personal API tokens: `partnerskap token USERNAME NAME`, and Bearer authentication with them."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from partnerskap.core.models import ApiToken


def issue(username: str, name: str = "Power BI") -> str:
    out = StringIO()
    call_command("token", username, name, stdout=out, stderr=StringIO())
    return out.getvalue().strip()


def bearer(key: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_command_prints_a_new_key_once_and_stores_only_its_hash(world):
    key = issue("nav_leader")
    assert key.startswith("psk_") and len(key) > 40
    token = ApiToken.objects.get(user=world.nav_leader)
    assert token.name == "Power BI"
    assert key not in (token.key_hash, token.prefix)
    assert token.prefix == key[:8]
    assert issue("nav_leader") != key  # a second call issues a second token


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("nobody", "x"), "Ingen person"),
        (("nav_leader", "  "), "navn"),
        (("nav_leader", "x" * 101), "høyst"),
    ],
)
def test_command_refuses_unknown_people_and_empty_names(world, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("token", *args, stdout=StringIO(), stderr=StringIO())
    assert not ApiToken.objects.exists()


def test_command_refuses_a_deactivated_person(world):
    world.member.is_active = False
    world.member.save()
    with pytest.raises(CommandError, match="deaktivert"):
        issue("member")


def test_a_valid_token_reads_me_and_own_partnerships(world, client):
    key = issue("nav_leader")
    me = client.get("/api/v1/me", **bearer(key))
    assert me.status_code == 200
    assert me.json()["username"] == "nav_leader"
    partnerships = client.get("/api/v1/partnerships", **bearer(key))
    assert partnerships.status_code == 200
    assert [p["name"] for p in partnerships.json()["items"]] == ["NAV Ørland"]
    assert ApiToken.objects.get().last_used_at is not None


def test_a_token_is_scoped_by_its_persons_roles(world, client):
    outsider = issue("outsider")
    assert client.get("/api/v1/partnerships", **bearer(outsider)).json()["items"] == []
    orland = f"/api/v1/partnerships/{world.orland.pk}"
    assert client.get(orland, **bearer(outsider)).status_code == 404
    director = issue("county_director")
    listing = client.get("/api/v1/partnerships", **bearer(director)).json()
    names = [p["name"] for p in listing["items"]]
    assert names == ["NAV Ørland"]  # Trøndelag's partnership, not Møre og Romsdal's


def test_a_token_can_write_what_its_person_may_write(world, client):
    key = issue("member")
    url = f"/api/v1/offices/{world.orland_office.pk}/opening-hours"
    body = '[{"weekday": 1, "opens": "08:00", "closes": "12:00"}]'
    # No session, so no CSRF token is needed; the member may read but not change.
    response = client.put(url, body, content_type="application/json", **bearer(key))
    assert response.status_code == 403
    leader = issue("nav_leader")
    response = client.put(url, body, content_type="application/json", **bearer(leader))
    assert response.status_code == 200


@pytest.mark.parametrize("header", ["Bearer psk_wrong", "Bearer ", "Token {key}", "{key}"])
def test_a_wrong_token_gets_401(world, client, header):
    key = issue("nav_leader")
    auth = {"HTTP_AUTHORIZATION": header.format(key=key)}
    assert client.get("/api/v1/me", **auth).status_code == 401
    assert client.get("/api/v1/partnerships", **auth).status_code == 401


def test_a_revoked_token_gets_401(world, client):
    key = issue("nav_leader")
    ApiToken.objects.update(revoked_at=timezone.now())
    assert client.get("/api/v1/me", **bearer(key)).status_code == 401
    assert client.get("/api/v1/partnerships", **bearer(key)).status_code == 401


def test_a_deactivated_persons_token_gets_401(world, client):
    key = issue("nav_leader")
    world.nav_leader.is_active = False
    world.nav_leader.save()
    assert client.get("/api/v1/me", **bearer(key)).status_code == 401


def test_a_token_does_not_open_the_pages(world, client):
    """Tokens are for the API; the pages need a signed-in session."""
    key = issue("nav_leader")
    response = client.get(f"/partnerskap/{world.orland.pk}/", **bearer(key))
    assert response.status_code == 302
    assert response["Location"].startswith("/logg-inn/")
