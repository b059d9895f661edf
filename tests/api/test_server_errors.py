"""Plain requests that used to end in a server error (issue 11, defect 4): each is now refused
with a message that names the field, in JSON from the API; a real fault is a JSON 500 from the
API and a Norwegian page from the pages."""

import base64
import json
import re

import pytest
from django.test import Client

from partnerskap.api import api
from partnerskap.core.api import MAX_PAGE
from partnerskap.core.models import ApiToken
from partnerskap.registry.models import Municipality

from ..clients import BrowserClient

HUGE = "9223372036854775807"


def _token_client(user) -> BrowserClient:
    _token, key = ApiToken.issue(user=user, name="test")
    return BrowserClient(HTTP_AUTHORIZATION=f"Bearer {key}")


def _paginated_lists(walk) -> list[tuple[str, bool]]:
    """Every API list that takes `?page=`, with its path parameters filled in, and whether it
    is public."""
    lists = []
    for path, operations in api.get_openapi_schema()["paths"].items():
        get = operations.get("get")
        if get and any(p["name"] == "page" for p in get.get("parameters", [])):
            url = re.sub(r"\{(\w+)\}", lambda m: str(walk.params.get(m.group(1), 1)), path)
            lists.append((url, not get.get("security")))
    return lists


def test_a_huge_page_number_is_refused_on_every_api_list(walk):
    lists = _paginated_lists(walk)
    assert len(lists) >= 15
    client = _token_client(walk.people["admin"])
    anonymous = BrowserClient()
    for url, public in lists:
        for who, sender in (("admin", client), ("anonymous", anonymous)):
            if who == "anonymous" and not public:
                continue
            response = sender.get(url, {"page": HUGE})
            assert response.status_code == 422, (who, url, response.status_code)
            [error] = response.json()["detail"]
            assert error["loc"][-1] == "page" and "for stort" in error["msg"], error
        assert client.get(url, {"page": MAX_PAGE}).status_code == 200, url


@pytest.mark.parametrize(
    "url", ["/organer/", "/mine-oppfolginger/", "/partnerskap/", "/kontor/", "/sok/?q=møte"]
)
def test_a_huge_page_number_shows_the_last_page(world, client, url):
    client.force_login(world.admin)
    separator = "&" if "?" in url else "?"
    assert client.get(f"{url}{separator}side={HUGE}").status_code == 200


def test_an_integer_beyond_its_column_is_refused_by_the_api(world):
    client = _token_client(world.admin)
    m = world.orland_municipality
    body = {
        "number": m.number,
        "name": m.name,
        "county_id": world.county.pk,
        "population": 10**13,
        "valid_from": "2018-01-01",
    }
    response = client.put(
        f"/api/v1/municipalities/{m.pk}", json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 422, response.content
    [error] = response.json()["detail"]
    # Django's own range check on PostgreSQL, the write kernel's on every database: both say
    # the limit
    assert error["loc"] == ["body", "population"] and "2147483647" in error["msg"]
    m.refresh_from_db()
    assert m.population != 10**13
    assert Municipality.objects.filter(population__gt=2**31).count() == 0


def test_an_item_of_ten_trillion_minutes_is_refused_and_its_meeting_still_shows(walk):
    """On SQLite the item used to be saved, and then every page of its meeting was a 500."""
    from partnerskap.meetings.models import AgendaItem

    client = _token_client(walk.people["admin"])
    item = AgendaItem.objects.get(pk=walk.params["item_id"])
    body = {"revision": item.revision, "planned_minutes": 10**13}
    response = client.patch(
        f"/api/v1/items/{item.pk}", json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 422, response.content
    assert response.json()["detail"][0]["loc"][-1] == "planned_minutes"
    item.refresh_from_db()
    assert item.planned_minutes != 10**13
    assert client.get(f"/api/v1/meetings/{item.meeting_id}").status_code == 200


def test_a_visit_time_with_a_utc_offset_is_refused(walk):
    client = _token_client(walk.people["admin"])
    url = "/api/v1/reception/locations/{location_id}/visits".format(**walk.params)
    visit = {"day": "2024-03-04", "arrival": "10:00:00+01:00", "minutes": 5}
    response = client.post(url, json.dumps(visit), content_type="application/json")
    assert response.status_code == 422, response.content
    [error] = response.json()["detail"]
    assert error["loc"][-1] == "arrival" and "UTC" in error["msg"]
    visit["arrival"] = "10:00"
    assert client.post(url, json.dumps(visit), content_type="application/json").status_code in (
        201,
        422,  # outside the walk-in hours: the service's refusal, not a parsing one
    )


@pytest.mark.parametrize(
    ("url", "body"),
    [
        (
            "/api/v1/offices/{office_id}/reception/imports",
            {"file_name": "", "content_base64": base64.b64encode(b"a;b\n").decode()},
        ),
        (
            "/api/v1/agreements/{agreement_id}/attachments",
            {
                "kind": "other",
                "file_name": "",
                "content_base64": base64.b64encode(b"%PDF-1.4").decode(),
            },
        ),
    ],
)
def test_an_empty_file_name_is_refused_in_json(walk, url, body):
    client = _token_client(walk.people["admin"])
    response = client.post(
        url.format(**walk.params), json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 422, response.content
    assert response["Content-Type"].startswith("application/json")
    assert [e["loc"][-1] for e in response.json()["detail"]] == ["file_name"]


def test_a_fault_in_the_api_is_a_json_500(world, monkeypatch):
    client = Client(raise_request_exception=False)
    client.force_login(world.member)

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(type(world.member), "display_name", property(broken))
    response = client.get("/api/v1/me")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("application/json")
    assert "gikk galt" in response.json()["detail"]


def test_a_fault_on_a_page_is_a_norwegian_page(world, monkeypatch, settings):
    settings.DEBUG = False
    client = Client(raise_request_exception=False)
    client.force_login(world.member)

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(type(world.member), "display_name", property(broken))
    response = client.get("/")
    assert response.status_code == 500
    text = response.content.decode()
    assert "Noe gikk galt" in text and '<html lang="nb"' in text


def test_text_with_a_nul_character_is_refused(walk):
    """PostgreSQL cannot store it: a minutes correction's reason with one was a 500."""
    client = _token_client(walk.people["admin"])
    url = "/api/v1/municipalities/{municipality_id}".format(**walk.params)
    body = {"number": "5057", "name": "Ør\x00land", "county_id": 1, "valid_from": "2018-01-01"}
    response = client.put(url, json.dumps(body), content_type="application/json")
    # django-ninja answers any body it cannot parse with 400 (declared in the document)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert Municipality.objects.get(pk=walk.params["municipality_id"]).name == "Ørland"
