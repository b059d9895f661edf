"""A request the API cannot parse gets a Norwegian message naming the field, not pydantic's."""

import pytest


@pytest.fixture
def admin_client(client, world):
    client.force_login(world.admin)
    return client


def _post(client, body):
    return client.post("/api/v1/municipalities", body, content_type="application/json")


def test_a_date_that_does_not_exist_is_named_in_norwegian(admin_client, world):
    body = {
        "number": "5097",
        "name": "Ny",
        "county_id": world.county.pk,
        "valid_from": "2026-02-30",
    }
    response = _post(admin_client, body)
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["msg"] == "valid_from: Dette er ikke en gyldig dato (ÅÅÅÅ-MM-DD)."
    assert error["loc"][-1] == "valid_from"


def test_a_missing_field_and_a_bad_number_are_each_named(admin_client, world):
    body = {"number": "5097", "county_id": "tre", "valid_from": "2026-01-01"}
    messages = {e["msg"] for e in _post(admin_client, body).json()["detail"]}
    assert messages == {"name: Feltet må fylles ut.", "county_id: Dette er ikke et heltall."}


def test_english_when_chosen(admin_client, world):
    admin_client.cookies["partnerskap_language"] = "en"
    body = {"number": "5097", "name": "Ny", "county_id": world.county.pk, "valid_from": "x"}
    [error] = _post(admin_client, body).json()["detail"]
    assert error["msg"] == "valid_from: This is not a valid date (YYYY-MM-DD)."


def test_a_body_that_is_not_json(admin_client):
    response = admin_client.post(
        "/api/v1/municipalities", "{not json", content_type="application/json"
    )
    assert response.status_code in (400, 422)
    assert "Input should" not in response.content.decode()
