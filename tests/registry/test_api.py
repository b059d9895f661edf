"""The registry in the JSON API: the convention's matrix, and 422s that name the payload's field."""

import json
from datetime import date, time

import pytest
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from partnerskap.registry.models import Municipality, OpeningHours, Partnership

from ..factories import OfficeFactory

API = "/api/v1"


def send(client: Client, method: str, url: str, body: object = None):
    data = json.dumps(body) if body is not None else ""
    return client.generic(method.upper(), API + url, data, content_type="application/json")


def loc_of(response) -> list[list]:
    return [error["loc"] for error in response.json()["detail"]]


def municipality(world, **changes: object) -> dict:
    return {
        "number": "5058",
        "name": "Indre Fosen",
        "county_id": world.county.pk,
        "population": 10000,
        "valid_from": "2024-01-01",
    } | changes


def partnership(world, office_id: int, **changes: object) -> dict:
    return {
        "name": "NAV Indre Fosen",
        "office_id": office_id,
        "model": "single",
        "valid_from": "2024-01-01",
        "state_county_id": world.county.pk,
        "municipality_ids": [world.orland_municipality.pk],
    } | changes


def orland(world, **changes: object) -> dict:
    return (
        partnership(world, world.orland_office.pk, name="NAV Ørland", valid_from="2018-01-01")
        | changes
    )


# --- the matrix -----------------------------------------------------------------------------


def test_anonymous_gets_401_everywhere(world, client):
    o, p, m = world.orland_office.pk, world.orland.pk, world.orland_municipality.pk
    for method, url in [
        ("get", "/me"),
        ("get", "/partnerships"),
        ("get", f"/partnerships/{p}"),
        ("put", f"/partnerships/{p}"),
        ("post", "/partnerships"),
        ("get", "/offices"),
        ("get", f"/offices/{o}"),
        ("put", f"/offices/{o}/opening-hours"),
        ("get", "/municipalities"),
        ("post", "/municipalities"),
        ("put", f"/municipalities/{m}"),
        ("get", "/counties"),
        ("get", "/service-areas"),
    ]:
        assert send(client, method, url, {}).status_code == 401, url


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("delete", "/partnerships/{p}"),
        ("patch", "/partnerships/{p}"),
        ("delete", "/partnerships"),
        ("post", "/offices/{o}"),
        ("get", "/offices/{o}/opening-hours"),
        ("delete", "/counties"),
        ("post", "/me"),
    ],
)
def test_wrong_method_gets_405(world, client, method, url):
    client.force_login(world.admin)
    url = url.format(p=world.orland.pk, o=world.orland_office.pk)
    assert send(client, method, url, {}).status_code == 405


@pytest.mark.parametrize("persona", ["outsider", "other_leader"])
def test_outsiders_get_404_for_orland_and_change_nothing(world, client, persona):
    client.force_login(getattr(world, persona))
    o, p = world.orland_office.pk, world.orland.pk
    assert send(client, "get", f"/partnerships/{p}").status_code == 404
    assert send(client, "get", f"/offices/{o}").status_code == 404
    assert send(client, "put", f"/partnerships/{p}", orland(world, name="Tatt")).status_code == 404
    hours = [{"weekday": 1, "opens": "08:00", "closes": "09:00"}]
    assert send(client, "put", f"/offices/{o}/opening-hours", hours).status_code == 404
    assert not Partnership.objects.filter(name="Tatt").exists()
    assert not OpeningHours.objects.filter(weekday=1).exists()


@pytest.mark.parametrize("persona", ["member", "minute_taker"])
def test_read_only_roles_read_but_get_403_on_change(world, client, persona):
    client.force_login(getattr(world, persona))
    o, p, m = world.orland_office.pk, world.orland.pk, world.orland_municipality.pk
    assert send(client, "get", f"/partnerships/{p}").status_code == 200
    assert send(client, "get", f"/offices/{o}").json()["opening_hours"][0]["opens"] == "09:00:00"
    body = orland(world, name="Endret")
    assert send(client, "put", f"/partnerships/{p}", body).status_code == 403
    hours = [{"weekday": 1, "opens": "08:00", "closes": "09:00"}]
    assert send(client, "put", f"/offices/{o}/opening-hours", hours).status_code == 403
    office = OfficeFactory(county=world.county)
    assert send(client, "post", "/partnerships", partnership(world, office.pk)).status_code == 403
    assert send(client, "post", "/municipalities", municipality(world)).status_code == 403
    assert send(client, "put", f"/municipalities/{m}", municipality(world)).status_code == 403
    assert Partnership.objects.count() == 2 and not Municipality.objects.filter(number="5058")


def test_unknown_ids_get_404(world, client):
    client.force_login(world.admin)
    for url in (
        "/partnerships/999999",
        "/offices/999999",
        "/counties/999999",
        "/municipalities/999999",
        "/service-areas/999999",
    ):
        assert send(client, "get", url).status_code == 404, url


def test_session_writes_need_the_csrf_token(world):
    """With the session cookie, unsafe methods need the CSRF token, as the pages do."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.nav_leader)
    url = f"/offices/{world.orland_office.pk}/opening-hours"
    hours = [{"weekday": 0, "opens": "10:00", "closes": "15:00"}]
    assert send(client, "put", url, hours).status_code == 403
    client.get("/")  # the page sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    response = client.generic(
        "PUT", API + url, json.dumps(hours), content_type="application/json", HTTP_X_CSRFTOKEN=token
    )
    assert response.status_code == 200


# --- success --------------------------------------------------------------------------------


def test_create_municipality(world, client):
    client.force_login(world.admin)
    response = send(client, "post", "/municipalities", municipality(world))
    assert response.status_code == 201
    created = Municipality.objects.get(number="5058")
    assert response.json()["id"] == created.pk and created.population == 10000


def test_update_municipality(world, client):
    client.force_login(world.admin)
    m = world.orland_municipality
    body = municipality(world, number="5057", name="Ørland", valid_from="2018-01-01")
    response = send(client, "put", f"/municipalities/{m.pk}", body)
    assert response.status_code == 200
    m.refresh_from_db()
    assert m.population == 10000


@pytest.mark.parametrize("persona", ["admin", "county_director"])
def test_create_partnership_and_read_it_back(world, client, persona):
    office = OfficeFactory(county=world.county, unit_number="5054")
    client.force_login(getattr(world, persona))
    response = send(client, "post", "/partnerships", partnership(world, office.pk))
    assert response.status_code == 201
    data = response.json()
    assert [o["kind"] for o in data["owners"]] == ["state", "municipality"]
    assert send(client, "get", f"/partnerships/{data['id']}").status_code == 200


def test_update_partnership(world, client):
    client.force_login(world.municipal_owner)
    body = orland(world, name="NAV Ørland og Bjugn", leader_employer="state")
    response = send(client, "put", f"/partnerships/{world.orland.pk}", body)
    assert response.status_code == 200
    assert response.json()["name"] == "NAV Ørland og Bjugn"
    assert response.json()["leader"]["id"] == world.nav_leader.pk


def test_opening_hours_replace_and_record_the_person(world, client):
    client.force_login(world.nav_leader)
    office = world.orland_office
    body = [
        {"weekday": 0, "opens": "10:00", "closes": "15:00"},
        {"weekday": 4, "opens": "09:00", "closes": "12:00", "note": "Stengt etter lunsj"},
    ]
    response = send(client, "put", f"/offices/{office.pk}/opening-hours", body)
    assert response.status_code == 200
    assert [h["weekday"] for h in response.json()["opening_hours"]] == [0, 4]
    monday = OpeningHours.objects.get(office=office, weekday=0)
    assert monday.opens == time(10)
    latest = OpeningHours.history.filter(office_id=office.pk).order_by("-history_date").first()
    assert latest.history_user == world.nav_leader


# --- bad input: 422 with the field named, nothing saved -------------------------------------


def nb(message: str, **params: object) -> str:
    with translation.override("nb"):
        translated = gettext(message)
    return translated % params if params else translated


@pytest.mark.parametrize("number", ["57", "5O57"])
def test_invalid_municipality_number_is_422_on_number(world, client, number):
    client.force_login(world.admin)
    response = send(client, "post", "/municipalities", municipality(world, number=number))
    assert response.status_code == 422
    assert loc_of(response) == [["body", "number"]]
    message = "The municipality number must be four digits, for example 5057."
    assert response.json()["detail"][0]["msg"] == nb(message)
    assert not Municipality.objects.filter(name="Indre Fosen").exists()


def test_municipality_number_in_an_overlapping_period_is_422_on_valid_from(world, client):
    client.force_login(world.admin)
    response = send(client, "post", "/municipalities", municipality(world, number="5057"))
    assert response.status_code == 422
    assert loc_of(response) == [["body", "valid_from"]]
    assert "5057" in response.json()["detail"][0]["msg"]
    assert Municipality.objects.filter(number="5057").count() == 1


def test_municipality_number_is_free_after_the_earlier_one_ended(world, client):
    Municipality.objects.filter(pk=world.orland_municipality.pk).update(valid_to=date(2019, 12, 31))
    client.force_login(world.admin)
    body = municipality(world, number="5057", valid_from="2020-01-01")
    assert send(client, "post", "/municipalities", body).status_code == 201


def test_unknown_county_is_422_on_county_id(world, client):
    client.force_login(world.admin)
    response = send(client, "post", "/municipalities", municipality(world, county_id=999999))
    assert response.status_code == 422
    assert loc_of(response) == [["body", "county_id"]]


def test_partnership_without_state_owner_is_422_on_state_county_id(world, client):
    office = OfficeFactory(county=world.county)
    client.force_login(world.admin)
    body = partnership(world, office.pk, state_county_id=None)
    response = send(client, "post", "/partnerships", body)
    assert response.status_code == 422
    assert loc_of(response) == [["body", "state_county_id"]]
    message = "A partnership must have the state as owner: choose the NAV county."
    assert response.json()["detail"][0]["msg"] == nb(message)
    assert not Partnership.objects.filter(name="NAV Indre Fosen").exists()


def test_removing_the_state_owner_is_422_and_keeps_the_owners(world, client):
    client.force_login(world.nav_leader)
    body = orland(world, name="Uten stat", state_county_id=None)
    response = send(client, "put", f"/partnerships/{world.orland.pk}", body)
    assert response.status_code == 422
    assert loc_of(response) == [["body", "state_county_id"]]
    assert world.orland.owners.filter(kind="state").exists()
    assert not Partnership.objects.filter(name="Uten stat").exists()


def test_host_model_without_host_is_422_on_host_municipality_id(world, client):
    client.force_login(world.admin)
    office = OfficeFactory(county=world.county)
    other = Municipality.objects.create(
        number="5059", name="Frøya", county=world.county, valid_from=date(2018, 1, 1)
    )
    body = partnership(
        world, office.pk, model="host", municipality_ids=[world.orland_municipality.pk, other.pk]
    )
    response = send(client, "post", "/partnerships", body)
    assert response.status_code == 422
    assert loc_of(response) == [["body", "host_municipality_id"]]


def test_a_leader_cannot_move_their_partnership_onto_anothers_office(world, client):
    """Otherwise the neighbour's leader would gain Ørland's office by naming its id."""
    client.force_login(world.other_leader)
    other_municipality = world.other.owners.get(kind="municipality").municipality_id
    body = partnership(
        world,
        world.orland_office.pk,
        name="NAV Ålesund",
        state_county_id=world.other_office.county_id,
        municipality_ids=[other_municipality],
        valid_from="2018-01-01",
    )
    response = send(client, "put", f"/partnerships/{world.other.pk}", body)
    assert response.status_code == 422
    assert loc_of(response) == [["body", "office_id"]]
    assert send(client, "get", f"/offices/{world.orland_office.pk}").status_code == 404
    world.other.refresh_from_db()
    assert world.other.office_id == world.other_office.pk


def test_a_county_director_creates_only_what_their_county_owns(world, client):
    office = OfficeFactory(county=world.county)
    client.force_login(world.county_director)
    body = partnership(world, office.pk, state_county_id=world.other_office.county_id)
    response = send(client, "post", "/partnerships", body)
    assert response.status_code == 422
    assert loc_of(response) == [["body", "state_county_id"]]
    assert not Partnership.objects.filter(name="NAV Indre Fosen").exists()


def test_opening_hours_closing_before_opening_is_422(world, client):
    client.force_login(world.nav_leader)
    url = f"/offices/{world.orland_office.pk}/opening-hours"
    response = send(client, "put", url, [{"weekday": 0, "opens": "15:00", "closes": "09:00"}])
    assert response.status_code == 422
    assert OpeningHours.objects.get(office=world.orland_office, weekday=0).opens == time(9)


def test_opening_hours_with_a_day_twice_is_422_on_weekday(world, client):
    client.force_login(world.nav_leader)
    url = f"/offices/{world.orland_office.pk}/opening-hours"
    body = [
        {"weekday": 2, "opens": "08:00", "closes": "09:00"},
        {"weekday": 2, "opens": "10:00", "closes": "11:00"},
    ]
    response = send(client, "put", url, body)
    assert response.status_code == 422
    assert loc_of(response) == [["body", "weekday"]]
    assert not OpeningHours.objects.filter(weekday=2).exists()


def test_missing_fields_are_422_from_the_schema(world, client):
    client.force_login(world.admin)
    response = send(client, "post", "/municipalities", {"name": "Uten nummer"})
    assert response.status_code == 422
    assert any("number" in loc for loc in loc_of(response))


@pytest.mark.parametrize("persona", ["nav_leader", "municipal_owner"])
def test_only_the_state_side_moves_a_partnership_to_another_state_owner(world, client, persona):
    """Otherwise Ørland's leader could hand Ørland to another county's director."""
    client.force_login(getattr(world, persona))
    body = orland(world, state_county_id=world.other_office.county_id)
    response = send(client, "put", f"/partnerships/{world.orland.pk}", body)
    assert response.status_code == 422
    assert loc_of(response) == [["body", "state_county_id"]]
    state = world.orland.owners.get(kind="state")
    assert state.county_id == world.county.pk


def test_the_county_director_moves_the_state_owner_and_it_is_logged(world, client, caplog):
    client.force_login(world.county_director)
    body = orland(world, state_county_id=world.other_office.county_id)
    with caplog.at_level("WARNING", logger="partnerskap.security"):
        response = send(client, "put", f"/partnerships/{world.orland.pk}", body)
    assert response.status_code == 200, response.content
    state = world.orland.owners.get(kind="state")
    assert state.county_id == world.other_office.county_id
    assert state.history.first().history_user == world.county_director
    assert f"partnership {world.orland.pk} changed from county {world.county.pk}" in caplog.text
