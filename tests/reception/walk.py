"""The reception app's routes in the access walk (tests/access_rules.py says how)."""

import base64
from datetime import date, time

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from partnerskap.meetings import services as meeting_services
from partnerskap.meetings.models import Body
from partnerskap.reception import services
from partnerskap.reception.models import ChangeKind, Location, LocationKind, Scenario

from ..access_rules import EDIT, INTERNAL, READ, AppWalk, Rule
from ..meetings.conftest import at

# Ørland's own reception data: no outsider may see any of it.
SECRET_LOCATION = "Mottaket i Kystveien"
SECRET_SCENARIO = "Stenge mottaket på Brekstad om fredagen"
SECRET_FILE = "besok-kystveien-januar.csv"

CREATED = Rule(INTERNAL, EDIT.allowed, ok=201)
POSTED = Rule(INTERNAL, EDIT.allowed, method="POST", ok=302)

PAGES: dict[str, Rule] = {
    "reception:office_reception": READ,
    "reception:partnership_reception": Rule(INTERNAL, READ.allowed, ok=302),
    "reception:location_create": EDIT,
    "reception:import_upload": EDIT,
    "reception:analysis": READ,
    "reception:scenario_create": EDIT,
    "reception:location_detail": READ,
    "reception:location_edit": EDIT,
    "reception:location_hours": EDIT,
    "reception:counter": EDIT,
    "reception:visit_add": POSTED,
    "reception:totals_add": EDIT,
    "reception:visit_delete": EDIT,  # GET asks first
    "reception:import_preview": EDIT,
    "reception:scenario_detail": READ,
    "reception:scenario_edit": EDIT,
    "reception:change_add": EDIT,
    "reception:scenario_pdf": READ,
    "reception:scenario_attach": EDIT,
    "reception:change_remove": EDIT,  # GET asks first
}

API: dict[str, Rule] = {
    "GET /api/v1/offices/{office_id}/reception/locations": READ,
    "POST /api/v1/offices/{office_id}/reception/locations": CREATED,
    "GET /api/v1/reception/locations/{location_id}": READ,
    "PUT /api/v1/reception/locations/{location_id}": EDIT,
    "PUT /api/v1/reception/locations/{location_id}/hours": EDIT,
    "POST /api/v1/reception/locations/{location_id}/visits": CREATED,
    "POST /api/v1/reception/locations/{location_id}/totals": CREATED,
    "POST /api/v1/offices/{office_id}/reception/imports": CREATED,
    "POST /api/v1/reception/imports/{visit_import_id}/confirm": EDIT,
    "GET /api/v1/offices/{office_id}/reception/analysis": READ,
    "GET /api/v1/offices/{office_id}/reception/scenarios": READ,
    "POST /api/v1/offices/{office_id}/reception/scenarios": CREATED,
    "GET /api/v1/reception/scenarios/{scenario_id}": READ,
    "PATCH /api/v1/reception/scenarios/{scenario_id}": EDIT,
    "POST /api/v1/reception/scenarios/{scenario_id}/changes": CREATED,
    "POST /api/v1/reception/scenarios/{scenario_id}/attach": CREATED,
}


def build(world) -> AppWalk:
    leader, office = world.nav_leader, world.orland_office
    location = services.location_create(
        actor=leader,
        office=office,
        name=SECRET_LOCATION,
        kind=LocationKind.MAIN_OFFICE,
        staff_on_duty=2,
    )
    services.location_hours_set(
        actor=leader,
        location=location,
        hours=[services.Interval(day, time(10), time(14)) for day in (0, 1, 3)],
        revision=location.revision,
    )
    visit = services.visit_register(
        actor=leader, location=location, day=date(2020, 1, 13), arrival=time(10, 30), minutes=12
    )
    services.totals_add(
        actor=leader,
        location=location,
        first_day=date(2019, 11, 4),
        last_day=date(2019, 11, 29),
        days_observed=12,
        visits=140,
        minutes_with_visitors=900,
    )
    scenario = services.scenario_create(
        actor=leader,
        office=office,
        name=SECRET_SCENARIO,
        first_day=date(2020, 1, 1),
        last_day=date(2020, 1, 31),
        open_weeks=30,
    )
    change = services.change_add(
        actor=leader,
        scenario=scenario,
        location=location,
        kind=ChangeKind.KEEP_HOURS,
        from_time=time(11),
        to_time=time(14),
    )
    upload = SimpleUploadedFile(
        SECRET_FILE, f"dato;sted;ankomst;minutter\n2020-01-14;{SECRET_LOCATION};10:40;7\n".encode()
    )
    visit_import, _parsed = services.import_preview(actor=leader, office=office, file=upload)
    # A meeting of Ørland's partnership meeting with an open agenda, for attaching the PDF.
    body = Body.objects.get(slug="orland-partnerskapsmote")
    day = date(timezone.localdate().year + 2, 4, 8)
    meeting = meeting_services.meeting_schedule(
        actor=leader, body=body, starts_at=at(day, 11), ends_at=at(day, 14)
    )
    item = meeting.items.order_by("position").first()

    pages = {
        f"reception:{name}": office
        for name in (
            "office_reception",
            "location_create",
            "import_upload",
            "analysis",
            "scenario_create",
        )
    }
    pages |= {
        f"reception:{name}": location
        for name in (
            "location_detail",
            "location_edit",
            "location_hours",
            "counter",
            "visit_add",
            "totals_add",
        )
    }
    pages |= {
        f"reception:{name}": scenario
        for name in (
            "scenario_detail",
            "scenario_edit",
            "change_add",
            "scenario_pdf",
            "scenario_attach",
        )
    }
    pages |= {
        "reception:partnership_reception": world.orland,
        "reception:visit_delete": visit,
        "reception:import_preview": visit_import,
        "reception:change_remove": change,
    }
    params = {
        "location_id": location.pk,
        "scenario_id": scenario.pk,
        "visit_import_id": visit_import.pk,
    }
    r = "/api/v1/reception"
    o = "/api/v1/offices/{office_id}/reception"
    bodies = {
        "reception:visit_add": {"day": "2020-01-13", "arrival": "11:30", "minutes": "5"},
        f"POST {o}/locations": {"name": "Leksvik", "kind": "town_hall_room", "staff_on_duty": 2},
        f"PUT {r}/locations/{{location_id}}": {
            "name": SECRET_LOCATION,
            "kind": "main_office",
            "staff_on_duty": 2,
            "revision": location.revision,
        },
        f"PUT {r}/locations/{{location_id}}/hours": lambda: {
            "hours": [{"weekday": 0, "opens": "10:00", "closes": "14:00"}],
            "revision": Location.objects.get(pk=location.pk).revision,
        },
        f"POST {r}/locations/{{location_id}}/visits": {
            "day": "2020-01-13",
            "arrival": "10:45",
            "minutes": 8,
        },
        f"POST {r}/locations/{{location_id}}/totals": {
            "first_day": "2019-10-07",
            "last_day": "2019-10-25",
            "days_observed": 3,  # fits whichever weekday the walk has left open (three Mondays)
            "visits": 30,
            "minutes_with_visitors": 120,
        },
        f"POST {o}/imports": {
            "file_name": "februar.csv",
            "content": base64.b64encode(
                f"dato;sted;ankomst;minutter\n2020-02-03;{SECRET_LOCATION};10:20;9\n".encode()
            ).decode(),
        },
        f"POST {r}/imports/{{visit_import_id}}/confirm": {"keep_outside_hours": True},
        f"POST {o}/scenarios": {
            "name": "Kortere åpningstid",
            "first_day": "2020-01-01",
            "last_day": "2020-01-31",
            "open_weeks": 30,
        },
        f"PATCH {r}/scenarios/{{scenario_id}}": {
            "revision": Scenario.objects.get(pk=scenario.pk).revision,
            "open_weeks": 32,
        },
        f"POST {r}/scenarios/{{scenario_id}}/changes": {
            "location_id": location.pk,
            "kind": "cut_hours",
            "from_time": "13:00",
            "to_time": "14:00",
        },
        f"POST {r}/scenarios/{{scenario_id}}/attach": {"item_id": item.pk},
    }
    return AppWalk(
        params=params,
        bodies=bodies,
        markers=[SECRET_LOCATION, SECRET_SCENARIO, SECRET_FILE],
        pages=pages,
    )
