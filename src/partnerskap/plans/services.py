"""Every write of the plans app: drafting a plan, sending it to the owners, their approvals, a new
version after approval, and the evaluation of user participation (docs/decisions/0085)."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerskap.core.models import User
from partnerskap.core.services import apply, claim_revision, locked, save
from partnerskap.goals.models import Goal
from partnerskap.meetings.services._base import person_or_new
from partnerskap.registry.models import Partnership

from .access import approving_sides, can_read, require_draft
from .models import (
    ApprovalSide,
    ParticipationEvaluation,
    Plan,
    PlanApproval,
    PlanKind,
    PlanMeasure,
    PlanSection,
    PlanStatus,
    PlanVersion,
)

MIN_YEAR, MAX_YEAR = 2000, 2100


def default_headings(kind: str) -> list[str]:
    """The sections a new plan starts with, after the agreement template (sections 3.5, 3.6)."""
    if kind == PlanKind.COMPETENCE:
        return [
            _("Competence needs"),
            _("Common competence measures for all employees"),
            _("State and municipal training"),
        ]
    return [
        _("Goals and results"),
        _("Priorities for the year"),
        _("User participation"),
    ]


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationError(
            {
                "year": _("Give a year from %(low)s to %(high)s.")
                % {"low": MIN_YEAR, "high": MAX_YEAR}
            }
        )


@transaction.atomic
def plan_create(*, actor: User, partnership: Partnership, kind: str, year: int) -> Plan:
    """Start the plan of a kind for a year, with the usual sections to fill in."""
    require_draft(actor, partnership.pk)
    _check_year(year)
    if Plan.objects.filter(partnership=partnership, kind=kind, year=year).exists():
        raise ValidationError(
            {
                "year": _("%(partnership)s already has this plan for %(year)s.")
                % {"partnership": partnership.name, "year": year}
            }
        )
    plan = save(Plan(partnership=partnership, kind=kind, year=year), actor=actor)
    for position, heading in enumerate(default_headings(kind), start=1):
        save(PlanSection(plan=plan, position=position, heading=heading), actor=actor)
    return plan


def _drafting(actor: User, plan: Plan, revision: int | None) -> Plan:
    """The plan as committed and locked, after the revision check, if it may be changed now."""
    require_draft(actor, plan.partnership_id)
    claim_revision(Plan, plan.pk, revision)
    fresh = locked(Plan, plan.pk, "partnership")
    if fresh.status == PlanStatus.AWAITING:
        raise ValidationError(_("The plan awaits the owners' approval and cannot be changed now."))
    if fresh.status == PlanStatus.APPROVED:
        raise ValidationError(
            _("The plan is approved and frozen. Make a new version, with its reason, to change it.")
        )
    return fresh


@transaction.atomic
def section_add(
    *, actor: User, plan: Plan, heading: str, text: str = "", revision: int | None
) -> PlanSection:
    fresh = _drafting(actor, plan, revision)
    last = fresh.sections.order_by("-position").values_list("position", flat=True).first() or 0
    return save(
        PlanSection(plan=fresh, position=last + 1, heading=heading.strip(), text=text.strip()),
        actor=actor,
    )


@transaction.atomic
def section_update(
    *, actor: User, section: PlanSection, heading: str, text: str, revision: int | None
) -> PlanSection:
    _drafting(actor, section.plan, revision)
    return save(apply(section, {"heading": heading.strip(), "text": text.strip()}), actor=actor)


@transaction.atomic
def plan_set_goals(*, actor: User, plan: Plan, goals: list[Goal], revision: int | None) -> Plan:
    """Link the plan to goals and results agreed for its partnership (goals app)."""
    fresh = _drafting(actor, plan, revision)
    foreign = [g for g in goals if g.partnership_id != fresh.partnership_id]
    if foreign:
        raise ValidationError(
            {
                "goals": _("“%(goal)s” is a goal of another partnership.")
                % {"goal": foreign[0].title}
            }
        )
    fresh.goals.set(goals)
    save(fresh, actor=actor)
    plan.refresh_from_db()
    return plan


@transaction.atomic
def measure_add(
    *,
    actor: User,
    plan: Plan,
    title: str,
    deadline: datetime.date,
    owner: User | None = None,
    new_owner: dict | None = None,
    revision: int | None,
) -> PlanMeasure:
    """A measure with its responsible person (one without a login is recorded on the spot)."""
    fresh = _drafting(actor, plan, revision)
    person = person_or_new(actor, owner, new_owner, field="owner")
    return save(
        PlanMeasure(plan=fresh, title=title.strip(), owner=person, deadline=deadline),
        actor=actor,
    )


def snapshot(plan: Plan) -> dict:
    """The plan's text as it is sent to the owners: what the frozen version shows."""
    measures = plan.measures.select_related("owner").order_by("deadline", "pk")
    return {
        "title": str(plan),
        "goals": [g.title for g in plan.goals.order_by("year", "position", "pk")],
        "sections": [{"heading": s.heading, "text": s.text} for s in plan.sections.all()],
        "measures": [
            {
                "title": m.title,
                "owner": m.owner.display_name,
                "organisation": m.owner.organisation,
                "deadline": m.deadline.isoformat(),
            }
            for m in measures
        ],
    }


@transaction.atomic
def plan_submit(*, actor: User, plan: Plan, revision: int | None) -> PlanVersion:
    """Send the draft to both owners for approval: its text is frozen as the next version."""
    fresh = _drafting(actor, plan, revision)
    if not any(s.text for s in fresh.sections.all()):
        raise ValidationError(_("Write the text of at least one section before sending the plan."))
    if fresh.number > 1 and not fresh.reason:
        raise ValidationError({"reason": _("Give the reason for the new version.")})
    version = PlanVersion.objects.create(
        plan=fresh,
        number=fresh.number,
        reason=fresh.reason,
        content=snapshot(fresh),
        created_by=actor,
    )
    fresh.status = PlanStatus.AWAITING
    save(fresh, actor=actor)
    plan.refresh_from_db()
    return version


@transaction.atomic
def plan_approve(
    *, actor: User, plan: Plan, approved_as: str, revision: int | None, side: str = ""
) -> PlanApproval:
    """One owner approves the version awaiting approval, as their party (which need not be named
    by someone who represents only one); when both parties have approved it, the plan is
    approved and frozen."""
    if not can_read(actor, plan.partnership_id):
        raise PermissionDenied
    sides = approving_sides(actor, plan.partnership)
    if not sides:
        raise ValidationError({"side": _("Only the owners' representatives can approve the plan.")})
    if not side and len(sides) == 1:
        side = sides[0]
    if side not in sides:
        raise ValidationError(
            {"side": _("You cannot approve for %(side)s.") % {"side": ApprovalSide(side).label}}
            if side in ApprovalSide.values
            else {"side": _("Choose the party you approve for.")}
        )
    if not approved_as.strip():
        raise ValidationError({"approved_as": _("Say as what you approve, for example Mayor.")})
    claim_revision(Plan, plan.pk, revision)
    fresh = locked(Plan, plan.pk, "partnership")
    if fresh.status != PlanStatus.AWAITING:
        raise ValidationError(_("Only a plan awaiting the owners' approval can be approved."))
    version = fresh.versions.get(number=fresh.number)
    approvals = {a.side: a.approver_id for a in version.approvals.all()}
    if side in approvals:
        raise ValidationError({"side": _("This party has already approved the plan.")})
    if actor.pk in approvals.values():
        raise ValidationError(
            {
                "side": _(
                    "You have already approved for the other party; each party approves itself."
                )
            }
        )
    now = timezone.now()
    approval = PlanApproval.objects.create(
        version=version, side=side, approver=actor, approved_as=approved_as.strip(), approved_at=now
    )
    if len(approvals) + 1 == len(ApprovalSide):
        version.approved_at = now
        version.save(update_fields=["approved_at", "updated_at"])
        fresh.status = PlanStatus.APPROVED
        save(fresh, actor=actor)
    plan.refresh_from_db()
    return approval


@transaction.atomic
def plan_revise(*, actor: User, plan: Plan, reason: str, revision: int | None) -> Plan:
    """Start a new version of an approved plan; the approved versions stay as they were."""
    require_draft(actor, plan.partnership_id)
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the new version.")})
    claim_revision(Plan, plan.pk, revision)
    fresh = locked(Plan, plan.pk, "partnership")
    if fresh.status != PlanStatus.APPROVED:
        raise ValidationError(
            _("Only an approved plan gets a new version; change the draft itself.")
        )
    apply(fresh, {"status": PlanStatus.DRAFT, "number": fresh.number + 1, "reason": reason.strip()})
    save(fresh, actor=actor)
    plan.refresh_from_db()
    return plan


@transaction.atomic
def evaluation_record(
    *,
    actor: User,
    partnership: Partnership,
    year: int,
    held_on: datetime.date,
    findings: str,
    participants: str = "",
    follow_up: str = "",
) -> ParticipationEvaluation:
    """Record the year's evaluation of user participation with the user representatives."""
    require_draft(actor, partnership.pk)
    _check_year(year)
    if ParticipationEvaluation.objects.filter(partnership=partnership, year=year).exists():
        raise ValidationError(
            {
                "year": _("The evaluation of user participation for %(year)s is already recorded.")
                % {"year": year}
            }
        )
    if held_on.year not in (year, year + 1):
        raise ValidationError(
            {
                "held_on": _(
                    "The evaluation of %(year)s is held in %(year)s or early the year after."
                )
                % {"year": year}
            }
        )
    return save(
        ParticipationEvaluation(
            partnership=partnership,
            year=year,
            held_on=held_on,
            participants=participants.strip(),
            findings=findings.strip(),
            follow_up=follow_up.strip(),
            recorded_by=actor,
        ),
        actor=actor,
    )
