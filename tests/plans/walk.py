"""The plans app's routes in the access walk (tests/access_rules.py says how).

Ørland's business plan for next year, approved by both owners in its first version and being
changed as version 2 (so the walk can draft, send and approve it), and an evaluation of user
participation: Ørland's readers read them, its editors draft, and only the owners'
representatives approve (the approval page and route answer 403 to Ørland's other people).
"""

from datetime import date

from django.utils import timezone

from partnerskap.plans import services
from partnerskap.plans.models import Plan

from ..access_rules import EDIT, INTERNAL, READ, AppWalk, Rule

SECRET_SECTION = "Nedbemanning av to årsverk i mottaket"
SECRET_FINDING = "Brukerutvalget er ikke innkalt på et år"

APPROVERS = Rule(INTERNAL, frozenset({"municipal_owner", "county_director"}))
CREATED = Rule(INTERNAL, EDIT.allowed, ok=201)

PAGES: dict[str, Rule] = {
    "plans:plan_list": READ,
    "plans:plan_create": EDIT,
    "plans:evaluation_create": EDIT,
    "plans:plan_detail": READ,
    "plans:section_add": EDIT,
    "plans:section_edit": EDIT,
    "plans:plan_goals": EDIT,
    "plans:measure_add": EDIT,
    "plans:plan_submit": EDIT,
    "plans:plan_approve": APPROVERS,
    "plans:plan_revise": EDIT,
    "plans:version_detail": READ,
    "plans:version_download": READ,
    "plans:evaluation_detail": READ,
}

PP = "/api/v1/partnerships/{partnership_id}"
P = "/api/v1/plans/{plan_id}"
API: dict[str, Rule] = {
    f"GET {PP}/plans": READ,
    f"GET {P}": READ,
    "GET /api/v1/plan-versions/{plan_version_id}": READ,
    f"GET {PP}/participation-evaluations": READ,
    "GET /api/v1/participation-evaluations/{evaluation_id}": READ,
    f"POST {PP}/plans": CREATED,
    f"POST {P}/sections": CREATED,
    f"PUT {P}/sections/{{plan_section_id}}": EDIT,
    f"PUT {P}/goals": EDIT,
    f"POST {P}/measures": CREATED,
    f"POST {P}/submit": CREATED,
    # Each owner approves the version the walk has just sent, as their own party.
    f"POST {P}/approve": Rule(INTERNAL, APPROVERS.allowed, ok=201),
    # Walked while the plan awaits approval, so the service refuses it after the access check.
    f"POST {P}/revise": Rule(INTERNAL, EDIT.allowed, ok=422),
    f"POST {PP}/participation-evaluations": CREATED,
}


def _plan(world, year: int):
    leader = world.nav_leader
    plan = services.plan_create(actor=leader, partnership=world.orland, kind="business", year=year)
    section = plan.sections.first()
    services.section_update(
        actor=leader,
        section=section,
        heading=section.heading,
        text=SECRET_SECTION,
        revision=plan.revision,
    )
    plan.refresh_from_db()
    version = services.plan_submit(actor=leader, plan=plan, revision=plan.revision)
    for owner, side in ((world.municipal_owner, "municipality"), (world.county_director, "state")):
        services.plan_approve(
            actor=owner, plan=plan, side=side, approved_as="Eier", revision=plan.revision
        )
    services.plan_revise(actor=leader, plan=plan, reason="Nytt tiltak", revision=plan.revision)
    return plan, section, version


def build(world) -> AppWalk:
    year = timezone.localdate().year
    plan, section, version = _plan(world, year + 1)
    evaluation = services.evaluation_record(
        actor=world.nav_leader,
        partnership=world.orland,
        year=year,
        held_on=date(year, 1, 15),
        findings=SECRET_FINDING,
    )
    pages = {
        f"plans:{name}": plan
        for name in (
            "plan_detail",
            "section_add",
            "measure_add",
            "plan_submit",
            "plan_goals",
            "plan_approve",
            "plan_revise",
        )
    }
    pages |= {
        "plans:plan_list": world.orland,
        "plans:plan_create": world.orland,
        "plans:evaluation_create": world.orland,
        "plans:section_edit": section,
        "plans:version_detail": version,
        "plans:version_download": version,
        "plans:evaluation_detail": evaluation,
    }

    def revision() -> dict:
        return {"revision": Plan.objects.get(pk=plan.pk).revision}

    return AppWalk(
        params={
            "plan_id": plan.pk,
            "plan_section_id": section.pk,
            "plan_version_id": version.pk,
            "evaluation_id": evaluation.pk,
        },
        bodies={
            f"POST {PP}/plans": {"kind": "competence", "year": year + 1},
            f"POST {P}/sections": lambda: revision() | {"heading": "Ny del", "text": "Tekst"},
            f"PUT {P}/sections/{{plan_section_id}}": lambda: (
                revision() | {"heading": section.heading, "text": "Endret"}
            ),
            f"PUT {P}/goals": lambda: revision() | {"goal_ids": []},
            f"POST {P}/measures": lambda: (
                revision()
                | {"title": "Kurs", "deadline": f"{year + 1}-06-01", "owner_name": "Kari Nordmann"}
            ),
            f"POST {P}/submit": revision,
            f"POST {P}/approve": lambda: revision() | {"approved_as": "Eier"},  # the own party
            f"POST {P}/revise": lambda: revision() | {"reason": "Endring"},
            f"POST {PP}/participation-evaluations": {
                "year": year - 1,
                "held_on": f"{year - 1}-11-01",
                "findings": "Funn",
            },
        },
        markers=[SECRET_SECTION, SECRET_FINDING],
        pages=pages,
    )
