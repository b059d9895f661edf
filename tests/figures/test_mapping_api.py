"""The columns of an import in the API: the preview endpoint takes an optional mapping and shows
the one it used, a previewed import is read again with another mapping, and the next upload with
the same headers is read by the remembered one. Through the CSRF-enforcing client
(tests/clients.py)."""

import base64
from datetime import date
from decimal import Decimal

from partnerskap.figures.models import ColumnMapping, Observation

from .test_mapping import DECEMBER, NOVEMBER


def upload(client, world, name: str, content: str, period: str, **extra):
    return client.post(
        f"/api/v1/partnerships/{world.orland.pk}/figures/imports",
        {
            "file_name": name,
            "content_base64": base64.b64encode(content.encode()).decode(),
            "source": "Datavarehuset",
            "extracted_on": "2018-12-03",
            "period": period,
            **extra,
        },
        content_type="application/json",
    )


def read_as(body: dict) -> dict[str, str]:
    return {column["column"]: column["key"] for column in body["mapping"]}


def test_the_mapping_is_shown_changed_remembered_and_used(world, mr_offices, client):
    client.force_login(world.nav_leader)
    created = upload(client, world, "november.csv", NOVEMBER, "2018-11")
    assert created.status_code == 201, created.content
    body = created.json()
    assert read_as(body)["Antall på papir"] == ""
    assert body["certain"] is False and body["remembered"] is None
    assert {"key": "users_manual", "name": "Antall manuell oppfølging"} in body["choices"]

    url = f"/api/v1/partnerships/{world.orland.pk}/figures/imports/{body['id']}"
    stale = client.post(
        f"{url}/mapping",
        {"revision": body["revision"] + 1, "mapping": {"Antall på papir": "users_manual"}},
        content_type="application/json",
    )
    assert stale.status_code == 409
    wrong = client.post(
        f"{url}/mapping",
        {"revision": body["revision"], "mapping": {"Antall på papir": "paper"}},
        content_type="application/json",
    )
    assert wrong.status_code == 422
    assert wrong.json()["detail"][0]["msg"].startswith(
        "november.csv, rad 1, kolonne «Antall på papir»: «paper» er ikke en kolonne i tabellen"
    )
    changed = client.post(
        f"{url}/mapping",
        {"revision": body["revision"], "mapping": {"Antall på papir": "users_manual"}},
        content_type="application/json",
    )
    assert changed.status_code == 200, changed.content
    body = changed.json()
    assert read_as(body)["Antall på papir"] == "users_manual"
    assert body["mapping"][2]["read_as"] == "Antall manuell oppfølging"
    assert body["rows"][0]["cells"][2] == ["114", ""]  # Molde's manual count, read now
    committed = client.post(
        f"{url}/commit", {"revision": body["revision"]}, content_type="application/json"
    )
    assert committed.json() == {"written": 6}
    assert ColumnMapping.objects.get().confirmed_by == world.nav_leader

    december = upload(client, world, "desember.csv", DECEMBER, "2018-12").json()
    assert december["remembered"] == {
        "by": world.nav_leader.display_name,
        "on": date.today().isoformat(),
    }
    assert read_as(december)["antall på papir"] == "users_manual"
    url = f"/api/v1/partnerships/{world.orland.pk}/figures/imports/{december['id']}"
    revision = {"revision": december["revision"]}
    client.post(f"{url}/commit", revision, content_type="application/json")
    molde = Observation.objects.filter(office=mr_offices["1502"], period_start=date(2018, 12, 1))
    assert dict(molde.values_list("indicator__code", "value")) == {
        "users_digital": Decimal(1600),
        "users_manual": Decimal(100),
        "users_followed_up": Decimal(1700),
    }


def test_a_mapping_can_come_with_the_upload(world, mr_offices, client):
    client.force_login(world.nav_leader)
    created = upload(
        client, world, "november.csv", NOVEMBER, "2018-11", mapping={"Andel digitalt": ""}
    )
    assert created.status_code == 201, created.content
    assert read_as(created.json())["Andel digitalt"] == ""
    refused = upload(client, world, "ny.csv", NOVEMBER + "\n", "2018-11", mapping={"X": "unit"})
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["msg"] == (
        "ny.csv: filen har ingen kolonne «X». Kolonnene er: Kontor, Antall digitalt, "
        "Antall på papir, Antall i oppfølging totalt, Andel digitalt."
    )


def test_another_partnership_cannot_change_the_columns(world, mr_offices, client):
    client.force_login(world.nav_leader)
    body = upload(client, world, "november.csv", NOVEMBER, "2018-11").json()
    client.force_login(world.other_leader)
    response = client.post(
        f"/api/v1/partnerships/{world.orland.pk}/figures/imports/{body['id']}/mapping",
        {"revision": body["revision"], "mapping": {"Antall på papir": "users_manual"}},
        content_type="application/json",
    )
    assert response.status_code == 404
    other = client.post(
        f"/api/v1/partnerships/{world.other.pk}/figures/imports/{body['id']}/mapping",
        {"revision": body["revision"], "mapping": {"Antall på papir": "users_manual"}},
        content_type="application/json",
    )
    assert other.status_code == 404
