"""The finance app's routes in the access walk (tests/access_rules.py says how).

Operating agreements and budgets are internal to their partnership: every reader of Ørland may
read them, only those who may change Ørland may change them.
"""

import base64
from datetime import date
from pathlib import Path

from partnerskap.finance import services
from partnerskap.finance.services.agreements import member_municipalities

from ..access_rules import EDIT, INTERNAL, READ, AppWalk, Rule

PAGES: dict[str, Rule] = {
    "finance:agreement_list": READ,
    "finance:agreement_create": EDIT,
    "finance:agreement_detail": READ,
    "finance:agreement_edit": EDIT,
    "finance:period_create": EDIT,
    "finance:period_detail": READ,
    "finance:period_edit": EDIT,
    "finance:member_weights": EDIT,
    "finance:special_service_add": EDIT,
    # POST only; walked last-but-not-least: removes Ørland's special service for an editor.
    "finance:special_service_remove": Rule(INTERNAL, EDIT.allowed, ok=302, method="POST"),
    "finance:settlement_pdf": READ,
    "finance:settlement_xlsx": READ,
    "finance:budget_list": READ,
    "finance:budget_create": EDIT,
    "finance:budget_detail": READ,
    "finance:budget_edit": EDIT,
    "finance:budget_import": EDIT,
    "finance:budget_pdf": READ,
    "finance:budget_xlsx": READ,
}
CREATED = Rule(INTERNAL, EDIT.allowed, ok=201)
API: dict[str, Rule] = {
    "GET /api/v1/partnerships/{partnership_id}/operating-agreements": READ,
    "POST /api/v1/partnerships/{partnership_id}/operating-agreements": CREATED,
    "GET /api/v1/operating-agreements/{operating_agreement_id}": READ,
    "PATCH /api/v1/operating-agreements/{operating_agreement_id}": EDIT,
    "POST /api/v1/operating-agreements/{operating_agreement_id}/periods": CREATED,
    "GET /api/v1/agreement-periods/{agreement_period_id}/settlement": READ,
    "PUT /api/v1/agreement-periods/{agreement_period_id}": EDIT,
    "PUT /api/v1/agreement-periods/{agreement_period_id}/member-weights": EDIT,
    "GET /api/v1/partnerships/{partnership_id}/budgets": READ,
    "POST /api/v1/partnerships/{partnership_id}/budgets": CREATED,
    "GET /api/v1/budgets/{budget_id}": READ,
    "POST /api/v1/budgets/{budget_id}/import-preview": EDIT,
    "POST /api/v1/budgets/{budget_id}/imports": CREATED,
}

# Ørland's secrets: no outsider may ever see them.
SECRET_NOTES = "Brekstad Eiendom vil reforhandle husleia"
SECRET_SERVICE = "Gjeldsrådgiving for Ørland kommune"
SECRET_ACCOUNT = "Konsulent for omstilling ved Ørland-kontoret"

NORDLAND = (Path(__file__).parent / "data" / "nordland-nov-18.csv").read_bytes()
SMALL_REPORT = (
    ";;Årets budsjett;HIÅ Budsjett;HIÅ Forbruk;Periodens forbruk\n"
    f"F Andre driftskostnader;670000000000 {SECRET_ACCOUNT};100 000;90 000;45 000;4 000\n"
).encode()

PERIOD = {
    "label": "2027",
    "starts": "2027-01-01",
    "ends": "2027-12-31",
    "state_fte": "9.3",
    "municipal_fte": "7",
    "leader_employer": "municipality",
    "leader_fte": "1",
    "other_costs": "1000000",
}


def build(world) -> AppWalk:
    leader = world.nav_leader
    agreement = services.agreement_create(
        actor=leader, partnership=world.orland, title="Driftsavtale NAV Ørland", notes=SECRET_NOTES
    )
    period = services.period_create(
        actor=leader,
        agreement=agreement,
        label="2026",
        starts=date(2026, 1, 1),
        ends=date(2026, 12, 31),
        state_fte="9.3",
        municipal_fte="7",
        leader_employer="municipality",
        leader_fte="1",
        other_costs="1000000",
    )
    special = services.special_service_add(
        actor=leader, period=period, name=SECRET_SERVICE, amount="12500", owner="municipality"
    )
    period.refresh_from_db()
    budget = services.budget_create(
        actor=leader, partnership=world.orland, name="Driftsbudsjett", year=2018
    )
    services.budget_import_commit(
        actor=leader,
        budget=budget,
        revision=budget.revision,
        filename="ørland.csv",
        content=SMALL_REPORT,
    )
    budget.refresh_from_db()
    nordland = {"file_name": "nordland.csv", "content_base64": base64.b64encode(NORDLAND).decode()}
    return AppWalk(
        params={
            "operating_agreement_id": agreement.pk,
            "agreement_period_id": period.pk,
            "budget_id": budget.pk,
        },
        bodies={
            "finance:special_service_remove": {},
            "POST /api/v1/partnerships/{partnership_id}/operating-agreements": {
                "title": "Ny driftsavtale"
            },
            "PATCH /api/v1/operating-agreements/{operating_agreement_id}": {
                "revision": agreement.revision,
                "payment_days": 20,
            },
            "POST /api/v1/operating-agreements/{operating_agreement_id}/periods": PERIOD,
            "PUT /api/v1/agreement-periods/{agreement_period_id}": {
                **PERIOD,
                "label": "2026",
                "starts": "2026-01-01",
                "ends": "2026-12-31",
                # +1: the page routes come first, and removing the special service (an editor's
                # walk) raised the period's revision.
                "revision": period.revision + 1,
            },
            "PUT /api/v1/agreement-periods/{agreement_period_id}/member-weights": {
                "revision": period.revision + 2,
                # Every member municipality: Ørland has one.
                "weights": [
                    {"municipality_id": m.pk, "fte": "7", "percentage": "100"}
                    for m in member_municipalities(world.orland)
                ],
            },
            "POST /api/v1/partnerships/{partnership_id}/budgets": {
                "name": "Budsjett 2027",
                "year": 2027,
            },
            "POST /api/v1/budgets/{budget_id}/import-preview": nordland,
            "POST /api/v1/budgets/{budget_id}/imports": {**nordland, "revision": budget.revision},
        },
        markers=[SECRET_NOTES, SECRET_SERVICE, SECRET_ACCOUNT],
        pages={
            "finance:agreement_list": world.orland,
            "finance:agreement_create": world.orland,
            "finance:agreement_detail": agreement,
            "finance:agreement_edit": agreement,
            "finance:period_create": agreement,
            "finance:period_detail": period,
            "finance:period_edit": period,
            "finance:member_weights": period,
            "finance:special_service_add": period,
            "finance:special_service_remove": special,
            "finance:settlement_pdf": period,
            "finance:settlement_xlsx": period,
            "finance:budget_list": world.orland,
            "finance:budget_create": world.orland,
            "finance:budget_detail": budget,
            "finance:budget_edit": budget,
            "finance:budget_import": budget,
            "finance:budget_pdf": budget,
            "finance:budget_xlsx": budget,
        },
    )
