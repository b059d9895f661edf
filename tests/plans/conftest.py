"""A business plan of Ørland for next year, drafted by the NAV leader."""

import pytest
from django.utils import timezone

from partnerskap.plans import services
from partnerskap.plans.models import Plan, PlanKind

NEXT_YEAR = timezone.localdate().year + 1


def draft(world, *, year: int = NEXT_YEAR, kind: str = PlanKind.BUSINESS) -> Plan:
    """A plan with its first section written, ready to send for approval."""
    plan = services.plan_create(
        actor=world.nav_leader, partnership=world.orland, kind=kind, year=year
    )
    section = plan.sections.first()
    plan.refresh_from_db()
    services.section_update(
        actor=world.nav_leader,
        section=section,
        heading=section.heading,
        text="Flere i arbeid: 30 flere ungdommer ut i jobb.",
        revision=plan.revision,
    )
    plan.refresh_from_db()
    return plan


def approved(world, **kwargs) -> Plan:
    plan = draft(world, **kwargs)
    services.plan_submit(actor=world.nav_leader, plan=plan, revision=plan.revision)
    services.plan_approve(
        actor=world.municipal_owner,
        plan=plan,
        side="municipality",
        approved_as="Ordfører",
        revision=plan.revision,
    )
    services.plan_approve(
        actor=world.county_director,
        plan=plan,
        side="state",
        approved_as="Fylkesdirektør",
        revision=plan.revision,
    )
    return plan


@pytest.fixture
def plan(world) -> Plan:
    return draft(world)
