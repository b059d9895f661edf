"""The finance API: the same services and access rules as the pages."""

import pytest

from partnerskap.finance.models import AgreementPeriod

PERIOD = {
    "label": "2026",
    "starts": "2026-01-01",
    "ends": "2026-12-31",
    "state_fte": "9.3",
    "municipal_fte": "7",
    "leader_employer": "municipality",
    "other_costs": "1000000",
}


def _post(client, url, body, method="post"):
    return getattr(client, method)(url, body, content_type="application/json")


def test_worked_example_through_the_api(client, world, agreement):
    client.force_login(world.nav_leader)
    response = _post(client, f"/api/v1/operating-agreements/{agreement.pk}/periods", PERIOD)
    assert response.status_code == 201
    data = response.json()
    owners = {o["owner"]: o for o in data["owners"]}
    assert owners["state"]["total"] == "601226.99"
    assert owners["municipality"]["total"] == "398773.01"
    assert float(owners["state"]["ftes_counted"]) == 9.8
    assert data["total"] == "1000000.00"
    assert any(line["key"] == "share.remainder" for line in data["lines"])
    assert len(data["invoices"]) == 8


@pytest.mark.parametrize(
    ("field", "value", "status", "where"),
    [
        ("state_fte", "-1", 422, "Statlige årsverk kan ikke være negative."),
        ("municipal_fte", "sju", 422, "Kommunale årsverk må være et tall, for eksempel 9,3."),
    ],
)
def test_bad_input_names_the_field(client, world, agreement, field, value, status, where):
    client.force_login(world.nav_leader)
    response = _post(
        client, f"/api/v1/operating-agreements/{agreement.pk}/periods", {**PERIOD, field: value}
    )
    assert response.status_code == status
    detail = response.json()["detail"]
    assert detail[0]["loc"][-1] == field
    assert detail[0]["msg"] == where
    assert not AgreementPeriod.objects.exists()


def test_a_stale_revision_is_409(client, world, period):
    client.force_login(world.nav_leader)
    url = f"/api/v1/agreement-periods/{period.pk}"
    body = {**PERIOD, "revision": period.revision}
    assert _post(client, url, {**body, "rent": "10"}, "put").status_code == 200
    response = _post(client, url, {**body, "rent": "20"}, "put")
    assert response.status_code == 409
    period.refresh_from_db()
    assert period.rent == 10


def test_readers_may_read_and_not_change_outsiders_see_nothing(client, world, period):
    url = f"/api/v1/agreement-periods/{period.pk}/settlement"
    client.force_login(world.member)
    assert client.get(url).status_code == 200
    body = {**PERIOD, "revision": period.revision}
    assert _post(client, f"/api/v1/agreement-periods/{period.pk}", body, "put").status_code == 403
    client.force_login(world.other_leader)
    assert client.get(url).status_code == 404
    assert client.get(f"/driftsavtaler/perioder/{period.pk}/").status_code == 404


def test_agreement_patch_with_a_stale_revision_is_409(client, world, agreement):
    client.force_login(world.nav_leader)
    url = f"/api/v1/operating-agreements/{agreement.pk}"
    first = _post(client, url, {"revision": agreement.revision, "payment_days": 14}, "patch")
    assert first.status_code == 200 and first.json()["payment_days"] == 14
    second = _post(client, url, {"revision": agreement.revision, "payment_days": 60}, "patch")
    assert second.status_code == 409
    agreement.refresh_from_db()
    assert agreement.payment_days == 14


def test_a_partial_members_key_is_refused_and_nothing_saved(client, world, salten):
    from partnerskap.finance.models import MemberWeight

    period, leader, (fauske, saltdal, sorfold) = salten
    before = list(MemberWeight.objects.order_by("pk").values_list("fte", "percentage"))
    client.force_login(leader)
    url = f"/api/v1/agreement-periods/{period.pk}/member-weights"
    body = {
        "revision": period.revision,
        "weights": [{"municipality_id": fauske.pk, "fte": "4", "percentage": "100"}],
    }
    response = _post(client, url, body, "put")
    assert response.status_code == 422
    message = response.json()["detail"][0]["msg"]
    assert "Saltdal, Sørfold" in message and "mangler" in message
    # A weight without its FTEs is refused by the schema, not read as zero.
    body["weights"] = [
        {"municipality_id": fauske.pk, "percentage": "50"},
        {"municipality_id": saltdal.pk, "fte": "2", "percentage": "30"},
        {"municipality_id": sorfold.pk, "fte": "1", "percentage": "20"},
    ]
    assert _post(client, url, body, "put").status_code == 422
    body["weights"] = [
        {"municipality_id": fauske.pk, "fte": "4", "percentage": "50"},
        {"municipality_id": fauske.pk, "fte": "4", "percentage": "50"},
        {"municipality_id": saltdal.pk, "fte": "2", "percentage": "30"},
        {"municipality_id": sorfold.pk, "fte": "1", "percentage": "20"},
    ]
    assert _post(client, url, body, "put").status_code == 422
    assert list(MemberWeight.objects.order_by("pk").values_list("fte", "percentage")) == before
    body["weights"] = body["weights"][1:]
    assert _post(client, url, body, "put").status_code == 200
