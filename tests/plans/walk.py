"""The plans app's routes in the access walk (tests/access_rules.py says how).

Ørland's business plan for next year, sent to the owners (so the approval page has something to
approve), its first version, and an evaluation of user participation: Ørland's readers read them,
its editors draft, and only the owners' representatives open the approval page.
"""

from datetime import date

from django.utils import timezone

from partnerskap.plans import services

from ..access_rules import EDIT, INTERNAL, READ, AppWalk, Rule

SECRET_SECTION = "Nedbemanning av to årsverk i mottaket"
SECRET_FINDING = "Brukerutvalget er ikke innkalt på et år"

APPROVERS = Rule(INTERNAL, frozenset({"municipal_owner", "county_director"}))

PAGES: dict[str, Rule] = {
    "plans:plan_list": READ,
    "plans:plan_create": EDIT,
    "plans:evaluation_create": EDIT,
    "plans:plan_detail": READ,
    "plans:section_add": EDIT,
    "plans:section_edit": EDIT,
    "plans:measure_add": EDIT,
    "plans:plan_submit": EDIT,
    "plans:plan_approve": APPROVERS,
    "plans:plan_revise": EDIT,
    "plans:version_detail": READ,
    "plans:evaluation_detail": READ,
}

API: dict[str, Rule] = {}


def build(world) -> AppWalk:
    leader = world.nav_leader
    year = timezone.localdate().year
    plan = services.plan_create(
        actor=leader, partnership=world.orland, kind="business", year=year + 1
    )
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
    evaluation = services.evaluation_record(
        actor=leader,
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
        "plans:evaluation_detail": evaluation,
    }
    return AppWalk(
        params={"plan_id": plan.pk, "plan_version_id": version.pk, "evaluation_id": evaluation.pk},
        bodies={},
        markers=[SECRET_SECTION, SECRET_FINDING],
        pages=pages,
    )
