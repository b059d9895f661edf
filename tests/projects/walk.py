"""The projects app's routes in the access walk (tests/access_rules.py says how).

A Trøndelag project led by Ørland's NAV leader, with a pilot in which Ørland takes part: Ørland's
readers read it (through the pilot), the county director manages it (through the county), and
the leader manages it. Ørland's municipal owner reads it but does not manage it.
"""

from datetime import date

from django.utils import timezone

from partnerskap.meetings import services as meeting_services
from partnerskap.meetings.models import BodyKind
from partnerskap.projects import services

from ..access_rules import EVERY_SIGNED_IN, INTERNAL, READ, SIGNED_IN, AppWalk, Rule
from ..meetings.conftest import at

SECRET_MANDATE = "Kartlegge status i alle tjenesteområder i Trøndelag"
SECRET_RISK = "Nøkkelperson i Fosen-piloten kan slutte"
PROJECT_NAME = "Trøndelag i en ny tid"

MANAGE = Rule(INTERNAL, frozenset({"admin", "nav_leader", "county_director"}))
CREATORS = Rule(SIGNED_IN, frozenset({"admin", "county_director"}))
CREATED = Rule(INTERNAL, MANAGE.allowed, ok=201)

PAGES: dict[str, Rule] = {
    "projects:project_list": EVERY_SIGNED_IN,  # lists only the projects you may read
    "projects:portfolio": EVERY_SIGNED_IN,  # the county's portfolio, filtered the same way
    "projects:partnership_projects": READ,
    "projects:project_create": CREATORS,
    "projects:project_detail": READ,
    "projects:project_edit": MANAGE,
    "projects:pilot_add": MANAGE,
    "projects:pilot_detail": READ,
    "projects:status_update": MANAGE,
    "projects:row_add": MANAGE,
    "projects:milestone_add": MANAGE,
    "projects:milestone_done": MANAGE,
    "projects:risk_add": MANAGE,
    "projects:decision_add": MANAGE,
    "projects:decision_raise": MANAGE,
    "projects:communication_add": MANAGE,
    "projects:report_preview": READ,
    "projects:report_attach": MANAGE,
}

P = "/api/v1/projects/{project_id}"
API: dict[str, Rule] = {
    "GET /api/v1/projects": EVERY_SIGNED_IN,  # lists only the projects you may read
    "GET /api/v1/counties/{county_id}/projects": EVERY_SIGNED_IN,  # filtered the same way
    f"GET {P}": READ,
    "GET /api/v1/pilots/{pilot_id}/status": READ,
    f"POST {P}/pilots": CREATED,
    f"POST {P}/status": CREATED,
    f"POST {P}/milestones": CREATED,
    "POST /api/v1/milestones/{milestone_id}/done": MANAGE,
    f"POST {P}/risks": CREATED,
    f"POST {P}/decisions": CREATED,
    "POST /api/v1/decisions/{decision_id}/agenda": CREATED,
    f"POST {P}/communication": CREATED,
}


def build(world) -> AppWalk:
    director, leader = world.county_director, world.nav_leader
    year = timezone.localdate().year
    steering = meeting_services.body_create(
        actor=director,
        name="Styringsgruppen for Trøndelag i en ny tid",
        kind=BodyKind.STEERING_GROUP,
        slug="trondelag-ny-tid-styringsgruppe",
        county=world.county,
    )
    meeting = meeting_services.meeting_schedule(
        actor=director,
        body=steering,
        starts_at=at(date(year + 1, 3, 1), 11),
        ends_at=at(date(year + 1, 3, 1), 14),
    )
    project = services.project_create(
        actor=director,
        county=world.county,
        name=PROJECT_NAME,
        starts_on=date(year - 1, 1, 1),
        ends_on=date(year + 2, 12, 31),
        mandate=SECRET_MANDATE,
        leader=leader,
        steering_group=steering,
    )
    pilot = services.pilot_add(
        actor=leader, project=project, name="Fosen-piloten", partnerships=[world.orland]
    )
    services.status_report(
        actor=leader,
        project=project,
        reported_on=date(year - 1, 6, 1),
        values={pilot.status_row.pk: {"health": "on_track", "status_text": "I rute"}},
    )
    milestone = services.milestone_add(
        actor=leader, project=project, title="Delrapport 1", due_on=date(year, 6, 1)
    )
    services.risk_add(
        actor=leader, project=project, pilot=pilot, title=SECRET_RISK, probability=3, consequence=4
    )
    decision = services.decision_add(actor=leader, project=project, title="Velge vertskommune")
    services.communication_add(
        actor=leader, project=project, audience="NAV-lederne", channel="Ledersamling"
    )
    pages = {
        f"projects:{name}": project
        for name in (
            "project_detail",
            "project_edit",
            "pilot_add",
            "status_update",
            "row_add",
            "milestone_add",
            "risk_add",
            "decision_add",
            "communication_add",
            "report_preview",
            "report_attach",
        )
    }
    pages |= {
        "projects:portfolio": world.county,
        "projects:partnership_projects": world.orland,
        "projects:pilot_detail": pilot,
        "projects:decision_raise": decision,
        "projects:milestone_done": milestone,
    }
    return AppWalk(
        params={
            "project_id": project.pk,
            "pilot_id": pilot.pk,
            "decision_id": decision.pk,
            "milestone_id": milestone.pk,
        },
        bodies={
            f"POST {P}/pilots": {"name": "Innherred", "partnership_ids": [world.orland.pk]},
            f"POST {P}/status": {
                "reported_on": f"{year}-01-15",
                "rows": [{"row_id": pilot.status_row.pk, "health": "at_risk"}],
            },
            f"POST {P}/milestones": {"title": "Delrapport 2", "due_on": f"{year}-09-01"},
            "POST /api/v1/milestones/{milestone_id}/done": {"done_on": f"{year - 1}-06-01"},
            f"POST {P}/risks": {"title": "Forsinket IKT", "probability": 2, "consequence": 3},
            f"POST {P}/decisions": {"title": "Godkjenne delrapport 2"},
            "POST /api/v1/decisions/{decision_id}/agenda": {"meeting_id": meeting.pk},
            f"POST {P}/communication": {"audience": "Ansatte", "channel": "Intranett"},
        },
        markers=[SECRET_MANDATE, SECRET_RISK, PROJECT_NAME],
        pages=pages,
    )
