"""Reads of the plans app that pages, the API, the annual wheel and the reminders share."""

import datetime
from typing import NamedTuple

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from partnerskap.core.models import User
from partnerskap.goals.models import Goal
from partnerskap.registry.models import Partnership

from .models import (
    ParticipationEvaluation,
    Plan,
    PlanApproval,
    PlanKind,
    PlanMeasure,
    PlanStatus,
    PlanVersion,
)

# A plan for a year must be approved by both owners by 1 December of the year before
# (docs/decisions/0085); the reminder goes out a month before that.
DUE_MONTH, DUE_DAY = 12, 1
REMINDER_LEAD_DAYS = 30
# The evaluation of user participation of a year is due by the end of that year.
EVALUATION_DUE_MONTH, EVALUATION_DUE_DAY = 12, 31


class DueDate(NamedTuple):
    """One due date of the plans on a partnership's year: when, what, where, and whether done."""

    date: datetime.date
    label: str
    url: str
    done: bool


def plan_due(year: int) -> datetime.date:
    """When the plans for `year` must be approved: 1 December of the year before."""
    return datetime.date(year - 1, DUE_MONTH, DUE_DAY)


def approved_versions() -> QuerySet[PlanVersion]:
    return PlanVersion.objects.filter(approved_at__isnull=False)


def with_approval(qs: QuerySet[Plan]) -> QuerySet[Plan]:
    """Plans annotated `ever_approved`: some version of theirs has been approved by both owners
    (a plan being changed after approval still has its approved version in force)."""
    return qs.annotate(ever_approved=Exists(approved_versions().filter(plan=OuterRef("pk"))))


def due_dates(partnership: Partnership, year: int) -> list[DueDate]:
    """The due dates of the plans that fall in `year`, by date: next year's business plan and
    competence plan approved by both owners (1 December), and this year's evaluation of user
    participation recorded (31 December). One query per kind of record (two in all)."""
    plans = {
        plan.kind: plan
        for plan in with_approval(Plan.objects.filter(partnership=partnership, year=year + 1))
    }
    found = []
    for kind, label in PlanKind.choices:
        plan = plans.get(kind)
        url = (
            reverse("plans:plan_detail", args=[plan.pk])
            if plan
            else reverse("plans:plan_list", args=[partnership.pk])
        )
        found.append(
            DueDate(
                plan_due(year + 1),
                _("%(plan)s for %(year)s approved by both owners")
                % {"plan": label, "year": year + 1},
                url,
                bool(plan and plan.ever_approved),
            )
        )
    evaluation = ParticipationEvaluation.objects.filter(partnership=partnership, year=year).first()
    found.append(
        DueDate(
            datetime.date(year, EVALUATION_DUE_MONTH, EVALUATION_DUE_DAY),
            _("Evaluation of user participation %(year)s") % {"year": year},
            reverse("plans:evaluation_detail", args=[evaluation.pk])
            if evaluation
            else reverse("plans:plan_list", args=[partnership.pk]),
            evaluation is not None,
        )
    )
    return sorted(found, key=lambda d: (d.date, d.label))


def partnership_plans(partnership: Partnership) -> list[Plan]:
    """Every plan of the partnership, newest year first, with whether it was ever approved."""
    return list(with_approval(Plan.objects.filter(partnership=partnership)))


def partnership_evaluations(partnership: Partnership) -> list[ParticipationEvaluation]:
    return list(ParticipationEvaluation.objects.filter(partnership=partnership))


def plan_detail(plan: Plan) -> Plan:
    """The plan with its sections, measures (and their owners), versions and approvals."""
    approvals = PlanApproval.objects.select_related("approver")
    return (
        Plan.objects.select_related("partnership")
        .prefetch_related(
            "sections",
            "goals",
            Prefetch("measures", queryset=PlanMeasure.objects.select_related("owner")),
            Prefetch(
                "versions",
                queryset=PlanVersion.objects.prefetch_related(
                    Prefetch("approvals", queryset=approvals)
                ).order_by("number"),
            ),
        )
        .get(pk=plan.pk)
    )


def pending_version(plan: Plan) -> PlanVersion | None:
    """The version awaiting the owners' approval, if the plan is awaiting it."""
    if plan.status != PlanStatus.AWAITING:
        return None
    return plan.versions.filter(number=plan.number).first()


def plan_people(partnership: Partnership) -> QuerySet[User]:
    """Who can be responsible for a measure: the people with a role in the partnership and the
    members of its bodies (someone else is recorded on the spot, without a login)."""
    return (
        User.objects.filter(
            Q(roles__partnership=partnership) | Q(body_memberships__body__partnership=partnership),
            is_active=True,
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def readable_content(content: dict) -> dict:
    """A frozen version's content for the page: the same shape as `live_content`."""
    return {
        "goals": content.get("goals", []),
        "sections": content.get("sections", []),
        "measures": [
            {
                "title": m["title"],
                "owner_name": m["owner"],
                "organisation": m.get("organisation", ""),
                "deadline": datetime.date.fromisoformat(m["deadline"]),
            }
            for m in content.get("measures", [])
        ],
    }


def live_content(plan: Plan) -> dict:
    """The draft's goals, sections and measures (from `plan_detail`'s prefetch)."""
    return {
        "goals": [g.title for g in plan.goals.all()],
        "sections": list(plan.sections.all()),
        "measures": [
            {
                "title": m.title,
                "owner_name": m.owner.display_name,
                "organisation": m.owner.organisation,
                "deadline": m.deadline,
            }
            for m in plan.measures.all()
        ],
    }


def goal_choices(plan: Plan) -> QuerySet[Goal]:
    """The goals a plan may be linked to: its partnership's, of the plan's year and the year
    before (a goal may run over two years)."""
    return Goal.objects.filter(
        partnership_id=plan.partnership_id, year__in=(plan.year - 1, plan.year)
    ).order_by("-year", "position", "pk")
