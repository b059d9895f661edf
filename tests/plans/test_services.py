"""The plans' services: drafting, approval by both owners as their party, the frozen plan and
its next version, and the evaluation of user participation."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from partnerskap.core.errors import ConflictError
from partnerskap.plans import services
from partnerskap.plans.models import PlanStatus

from .conftest import NEXT_YEAR, approved, draft


def test_a_plan_starts_with_the_usual_sections(world):
    plan = draft(world)
    assert plan.status == PlanStatus.DRAFT
    assert plan.sections.count() == 3


def test_the_same_plan_twice_for_a_year_is_refused(world, plan):
    with pytest.raises(ValidationError) as caught:
        services.plan_create(
            actor=world.nav_leader, partnership=world.orland, kind=plan.kind, year=NEXT_YEAR
        )
    assert "year" in caught.value.message_dict


def test_a_member_cannot_draft(world):
    with pytest.raises(PermissionDenied):
        services.plan_create(
            actor=world.member, partnership=world.orland, kind="business", year=NEXT_YEAR
        )


def test_both_owners_approve_and_the_plan_is_frozen(world):
    plan = approved(world)
    assert plan.status == PlanStatus.APPROVED
    version = plan.versions.get()
    assert version.approved_at is not None
    sides = {(a.side, a.approver, a.approved_as) for a in version.approvals.all()}
    assert sides == {
        ("municipality", world.municipal_owner, "Ordfører"),
        ("state", world.county_director, "Fylkesdirektør"),
    }
    section = plan.sections.first()
    with pytest.raises(ValidationError, match="låst"):
        services.section_update(
            actor=world.nav_leader,
            section=section,
            heading="Ny",
            text="Endret etter godkjenning",
            revision=plan.revision,
        )


def test_one_approval_leaves_the_plan_awaiting_the_other(world, plan):
    services.plan_submit(actor=world.nav_leader, plan=plan, revision=plan.revision)
    services.plan_approve(
        actor=world.municipal_owner,
        plan=plan,
        side="municipality",
        approved_as="Ordfører",
        revision=plan.revision,
    )
    assert plan.status == PlanStatus.AWAITING
    assert plan.versions.get().approved_at is None


def test_approval_by_someone_who_is_not_an_owner_is_refused_in_norwegian(world, plan):
    services.plan_submit(actor=world.nav_leader, plan=plan, revision=plan.revision)
    with translation.override("nb"), pytest.raises(ValidationError) as caught:
        services.plan_approve(
            actor=world.nav_leader,
            plan=plan,
            side="municipality",
            approved_as="NAV-leder",
            revision=plan.revision,
        )
    assert caught.value.message_dict["side"] == [
        "Bare eiernes representanter kan godkjenne planen."
    ]
    assert not plan.versions.get().approvals.exists()


def test_an_owner_cannot_approve_for_the_other_party(world, plan):
    services.plan_submit(actor=world.nav_leader, plan=plan, revision=plan.revision)
    with pytest.raises(ValidationError) as caught:
        services.plan_approve(
            actor=world.municipal_owner,
            plan=plan,
            side="state",
            approved_as="Ordfører",
            revision=plan.revision,
        )
    assert "side" in caught.value.message_dict


def test_approval_of_a_stale_revision_is_a_conflict(world, plan):
    services.plan_submit(actor=world.nav_leader, plan=plan, revision=plan.revision)
    seen = plan.revision
    services.plan_approve(
        actor=world.municipal_owner,
        plan=plan,
        side="municipality",
        approved_as="Ordfører",
        revision=plan.revision,
    )
    with pytest.raises(ConflictError):
        services.plan_approve(
            actor=world.county_director,
            plan=plan,
            side="state",
            approved_as="Fylkesdirektør",
            revision=seen,
        )
    plan.refresh_from_db()
    assert plan.status == PlanStatus.AWAITING


def test_a_change_after_approval_is_a_new_version_with_a_reason(world):
    plan = approved(world)
    with pytest.raises(ValidationError) as caught:
        services.plan_revise(actor=world.nav_leader, plan=plan, reason=" ", revision=plan.revision)
    assert "reason" in caught.value.message_dict
    services.plan_revise(
        actor=world.nav_leader, plan=plan, reason="Nytt tiltak for ungdom", revision=plan.revision
    )
    assert (plan.status, plan.number) == (PlanStatus.DRAFT, 2)
    services.plan_submit(actor=world.nav_leader, plan=plan, revision=plan.revision)
    first, second = plan.versions.order_by("number")
    assert first.approved_at is not None and first.approvals.count() == 2
    assert (second.number, second.reason, second.approved_at) == (2, "Nytt tiltak for ungdom", None)


def test_a_plan_without_text_cannot_be_sent(world):
    plan = services.plan_create(
        actor=world.nav_leader, partnership=world.orland, kind="competence", year=NEXT_YEAR
    )
    with pytest.raises(ValidationError):
        services.plan_submit(actor=world.nav_leader, plan=plan, revision=plan.revision)


def test_a_measure_can_be_owned_by_someone_without_a_login(world, plan):
    measure = services.measure_add(
        actor=world.nav_leader,
        plan=plan,
        title="Felles kurs i veiledning",
        deadline=plan.sections.first().created_at.date(),
        new_owner={"name": "Kari Nordmann", "organisation": "Ørland kommune"},
        revision=plan.revision,
    )
    assert measure.owner.organisation == "Ørland kommune"
    assert not measure.owner.has_usable_password()


def test_the_evaluation_of_user_participation_is_recorded_once_a_year(world):
    day = date(NEXT_YEAR - 1, 11, 3)
    evaluation = services.evaluation_record(
        actor=world.nav_leader,
        partnership=world.orland,
        year=NEXT_YEAR - 1,
        held_on=day,
        findings="Brukerutvalget savner faste møter.",
    )
    assert evaluation.held_on == day
    with pytest.raises(ValidationError):
        services.evaluation_record(
            actor=world.nav_leader,
            partnership=world.orland,
            year=NEXT_YEAR - 1,
            held_on=day,
            findings="Igjen",
        )
