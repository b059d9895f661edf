"""The reception API: the seed's figures, the same access rules and messages as the pages."""

import json
from datetime import date

from partnerskap.demo import reception as seed
from partnerskap.meetings import services as meeting_services
from partnerskap.meetings.models import Attachment, BodyKind
from partnerskap.reception.models import Location, Visit

from ..meetings.conftest import at


def _post(client, url: str, body: dict, method: str = "post"):
    return getattr(client, method)(url, json.dumps(body), content_type="application/json")


def _figures(location: dict) -> dict:
    return {f["key"]: f for f in location["figures"]}


def test_analysis_gives_the_seed_figures_with_their_inputs(client, world, reception):
    client.force_login(world.member)
    data = client.get(f"/api/v1/offices/{world.orland_office.pk}/reception/analysis").json()
    assert (data["first_day"], data["last_day"]) == ("2020-01-09", "2020-02-17")
    places = {loc["location"]: _figures(loc) for loc in data["locations"]}
    rissa, leksvik = places["Rissa"], places["Leksvik"]
    assert rissa["visits_per_open_day"]["value"] == 12.82
    assert rissa["visits_per_open_day"]["shown"] == "12,8"
    assert rissa["staff_hours_on_duty"]["value"] == 90
    assert rissa["idle_staff_hours"]["value"] == 75
    assert rissa["idle_share"]["shown"] == "83 %"
    assert leksvik["idle_staff_hours"]["value"] == 26
    assert leksvik["travel_hours"]["value"] == 30
    assert ["Ansatte som reiser dit", "2"] in leksvik["travel_hours"]["inputs"]
    bars = next(loc for loc in data["locations"] if loc["location"] == "Rissa")["by_hour"]
    assert sum(inside + outside for _hour, inside, outside in bars) == 218


def test_scenarios_through_the_api(client, world, reception):
    client.force_login(world.nav_leader)
    created = _post(
        client,
        f"/api/v1/offices/{world.orland_office.pk}/reception/scenarios",
        {"name": "En time mindre", "first_day": "2020-01-09", "last_day": "2020-02-17",
         "open_weeks": 30},
    )  # fmt: skip
    assert created.status_code == 201
    scenario = created.json()
    changed = _post(
        client,
        f"/api/v1/reception/scenarios/{scenario['id']}/changes",
        {"location_id": reception.rissa.pk, "kind": "cut_hours", "from_time": "13:00",
         "to_time": "14:00"},
    )  # fmt: skip
    assert changed.status_code == 201
    assert changed.json()["staff_hours_saved"] == 180
    leksvik = _post(
        client,
        f"/api/v1/reception/scenarios/{scenario['id']}/changes",
        {"location_id": reception.leksvik.pk, "kind": "close"},
    ).json()
    assert leksvik["travel_hours_saved"] == 180
    # A stale revision: 409, nothing saved.
    stale = _post(
        client,
        f"/api/v1/reception/scenarios/{scenario['id']}",
        {"revision": scenario["revision"], "open_weeks": 20},
        method="patch",
    )
    assert stale.status_code == 409
    fresh = client.get(f"/api/v1/reception/scenarios/{scenario['id']}").json()
    assert fresh["open_weeks"] == 30
    ok = _post(
        client,
        f"/api/v1/reception/scenarios/{scenario['id']}",
        {"revision": fresh["revision"], "open_weeks": 20},
        method="patch",
    )
    assert ok.status_code == 200 and ok.json()["staff_hours_saved"] == 240  # 120 + 120


def test_bad_visit_gets_a_norwegian_message_naming_the_field(client, world, locations):
    client.force_login(world.nav_leader)
    url = f"/api/v1/reception/locations/{locations.rissa.pk}/visits"
    outside = _post(client, url, {"day": "2020-01-15", "arrival": "12:00", "minutes": 5})
    assert outside.status_code == 422
    (error,) = outside.json()["detail"]
    assert error["loc"] == ["body", "arrival"]
    assert error["msg"].startswith("Rissa er ikke åpent for oppmøte kl. 12:00 den 15.01.2020.")
    negative = _post(client, url, {"day": "2020-01-13", "arrival": "11:00", "minutes": -1})
    assert negative.status_code == 422
    assert negative.json()["detail"][0]["msg"] == "Minutter kan ikke være negativt."
    kept = _post(
        client,
        url,
        {"day": "2020-01-15", "arrival": "12:00", "minutes": 5, "keep_outside_hours": True},
    )
    assert kept.status_code == 201 and kept.json()["outside_hours"] is True
    assert Visit.objects.count() == 1


def test_outsiders_get_404_and_readers_403(client, world, locations):
    url = f"/api/v1/reception/locations/{locations.rissa.pk}"
    client.force_login(world.other_leader)
    assert client.get(url).status_code == 404
    client.force_login(world.member)
    assert client.get(url).status_code == 200
    body = {"name": "Rissa", "staff_on_duty": 3, "revision": locations.rissa.revision}
    assert _post(client, url, body, method="put").status_code == 403
    assert Location.objects.get(pk=locations.rissa.pk).staff_on_duty == 2


def test_attach_the_scenario_pdf_through_the_api(client, world, reception, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(world.nav_leader)
    scenario = _post(
        client,
        f"/api/v1/offices/{world.orland_office.pk}/reception/scenarios",
        {"name": "Steng Leksvik", "first_day": seed.FIRST_DAY.isoformat(),
         "last_day": seed.LAST_DAY.isoformat(), "open_weeks": 30},
    ).json()  # fmt: skip
    body = meeting_services.body_create(
        actor=world.nav_leader,
        name="Partnerskapsmøtet",
        kind=BodyKind.PARTNERSHIP_MEETING,
        slug="orland-pm",
        partnership=world.orland,
    )
    day = date(date.today().year + 1, 5, 5)
    meeting = meeting_services.meeting_schedule(
        actor=world.nav_leader, body=body, starts_at=at(day, 11), ends_at=at(day, 14)
    )
    item = meeting_services.item_add(
        actor=world.nav_leader, meeting=meeting, title="Åpningstider i mottaket", kind="discussion"
    )
    url = f"/api/v1/reception/scenarios/{scenario['id']}/attach"
    assert _post(client, url, {"item_id": item.pk}).status_code == 201
    assert Attachment.objects.get(item=item).title == "Steng Leksvik"
    client.force_login(world.minute_taker)  # runs the meeting, may not change the reception
    assert _post(client, url, {"item_id": item.pk}).status_code == 403


def test_import_through_the_api_checks_then_confirms(client, world, locations):
    import base64

    client.force_login(world.nav_leader)
    url = f"/api/v1/offices/{world.orland_office.pk}/reception/imports"

    def body(text: str) -> dict:
        return {"file_name": "mars.csv", "content_base64": base64.b64encode(text.encode()).decode()}

    bad = _post(client, url, body("dato;sted;ankomst;minutter\n2020-03-02;Vanvikan;11:00;5\n"))
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["msg"] == (
        "Rad 2, kolonne «sted»: Det er ikke satt opp noe sted som heter «Vanvikan» for kontoret."
    )
    good = _post(client, url, body("dato;sted;ankomst;minutter\n2020-03-02;Rissa;11:00;5\n"))
    assert good.status_code == 201 and good.json()["visits"] == 1
    assert not Visit.objects.exists()
    confirm = f"/api/v1/reception/imports/{good.json()['id']}/confirm"
    assert _post(client, confirm, {}).json() == {"imported": 1}
    assert Visit.objects.count() == 1
    assert _post(client, confirm, {}).status_code == 422  # not twice
