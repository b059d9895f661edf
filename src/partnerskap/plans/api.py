"""Yearly plans in the API: the same access functions, selectors and services as the pages."""

from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from partnerskap.goals.models import Goal
from partnerskap.registry.selectors import partnership_for_user

from . import selectors, services
from .access import approving_sides, evaluation_for_user, plan_for_user, version_for_user
from .models import ParticipationEvaluation, Plan, PlanVersion

router = Router()


# --- schemas ----------------------------------------------------------------------------------


class PlanOut(Schema):
    id: int
    partnership_id: int
    kind: str
    year: int
    status: str
    number: int
    reason: str
    revision: int
    ever_approved: bool = False


class SectionOut(Schema):
    id: int
    heading: str
    text: str


class MeasureOut(Schema):
    title: str
    owner_name: str
    organisation: str
    deadline: date


class ApprovalOut(Schema):
    side: str
    approver_id: int
    approved_as: str
    approved_at: datetime


class VersionOut(Schema):
    id: int
    number: int
    reason: str
    approved_at: datetime | None
    approvals: list[ApprovalOut]


class PlanDetailOut(PlanOut):
    goals: list[str]
    goal_ids: list[int]
    sections: list[SectionOut]
    measures: list[MeasureOut]
    versions: list[VersionOut]
    my_sides: list[str]


class VersionDetailOut(VersionOut):
    plan_id: int
    goals: list[str]
    sections: list[dict]
    measures: list[MeasureOut]


class EvaluationOut(Schema):
    id: int
    partnership_id: int
    year: int
    held_on: date
    participants: str
    findings: str
    follow_up: str


class PlanIn(Schema):
    kind: str
    year: int


class SectionIn(Schema):
    heading: str
    text: str = ""
    revision: int | None = None


class MeasureIn(Schema):
    title: str
    deadline: date
    owner_id: int | None = None
    owner_name: str = ""
    owner_organisation: str = ""
    revision: int | None = None


class GoalsIn(Schema):
    goal_ids: list[int]
    revision: int | None = None


class RevisionIn(Schema):
    revision: int | None = None


class ApproveIn(Schema):
    side: str = ""  # needed only by someone who represents both parties
    approved_as: str
    revision: int | None = None


class ReviseIn(Schema):
    reason: str
    revision: int | None = None


class EvaluationIn(Schema):
    year: int
    held_on: date
    findings: str
    participants: str = ""
    follow_up: str = ""


def _version(version: PlanVersion) -> dict:
    return {
        "id": version.pk,
        "number": version.number,
        "reason": version.reason,
        "approved_at": version.approved_at,
        "approvals": list(version.approvals.all()),
    }


def _detail(request: HttpRequest, plan: Plan) -> dict:
    plan = selectors.plan_detail(plan)
    content = selectors.live_content(plan)
    return {
        **{f: getattr(plan, f) for f in PlanOut.model_fields if f != "ever_approved"},
        "partnership_id": plan.partnership_id,
        "ever_approved": any(v.approved_at for v in plan.versions.all()),
        "goals": content["goals"],
        "goal_ids": [g.pk for g in plan.goals.all()],
        "sections": content["sections"],
        "measures": content["measures"],
        "versions": [_version(v) for v in plan.versions.all()],
        "my_sides": approving_sides(request.user, plan.partnership),
    }


# --- reads ------------------------------------------------------------------------------------


@router.get(
    "/partnerships/{partnership_id}/plans",
    response=list[PlanOut],
    summary="A partnership's yearly plans, newest year first",
)
def plan_list(request: HttpRequest, partnership_id: int) -> list[Plan]:
    return selectors.partnership_plans(partnership_for_user(request.user, partnership_id))


@router.get("/plans/{plan_id}", response=PlanDetailOut, summary="One plan with its versions")
def plan_detail(request: HttpRequest, plan_id: int) -> dict:
    return _detail(request, plan_for_user(request.user, plan_id))


@router.get(
    "/plan-versions/{plan_version_id}",
    response=VersionDetailOut,
    summary="A frozen version of a plan, with its approvals",
)
def version_detail(request: HttpRequest, plan_version_id: int) -> dict:
    version = version_for_user(request.user, plan_version_id)
    content = selectors.readable_content(version.content)
    return _version(version) | {"plan_id": version.plan_id, **content}


@router.get(
    "/partnerships/{partnership_id}/participation-evaluations",
    response=list[EvaluationOut],
    summary="A partnership's evaluations of user participation",
)
def evaluation_list(request: HttpRequest, partnership_id: int) -> list[ParticipationEvaluation]:
    return selectors.partnership_evaluations(partnership_for_user(request.user, partnership_id))


@router.get(
    "/participation-evaluations/{evaluation_id}",
    response=EvaluationOut,
    summary="One evaluation of user participation",
)
def evaluation_detail(request: HttpRequest, evaluation_id: int) -> ParticipationEvaluation:
    return evaluation_for_user(request.user, evaluation_id)


# --- writes -----------------------------------------------------------------------------------


@router.post(
    "/partnerships/{partnership_id}/plans",
    response={201: PlanDetailOut},
    summary="Start a plan for a year (the leader drafts it)",
)
def plan_create(request: HttpRequest, partnership_id: int, payload: PlanIn) -> Status:
    partnership = partnership_for_user(request.user, partnership_id, change=True)
    plan = services.plan_create(
        actor=request.user, partnership=partnership, kind=payload.kind, year=payload.year
    )
    return Status(201, _detail(request, plan))


@router.post("/plans/{plan_id}/sections", response={201: SectionOut}, summary="Add a section")
def section_add(request: HttpRequest, plan_id: int, payload: SectionIn) -> Status:
    plan = plan_for_user(request.user, plan_id, draft=True)
    section = services.section_add(actor=request.user, plan=plan, **payload.dict())
    return Status(201, section)


@router.put(
    "/plans/{plan_id}/sections/{plan_section_id}", response=SectionOut, summary="Change a section"
)
def section_update(request: HttpRequest, plan_id: int, plan_section_id: int, payload: SectionIn):
    plan = plan_for_user(request.user, plan_id, draft=True)
    section = plan.sections.filter(pk=plan_section_id).first()
    if section is None:
        raise ValidationError({"plan_section_id": _("The plan has no such section.")})
    return services.section_update(actor=request.user, section=section, **payload.dict())


@router.put(
    "/plans/{plan_id}/goals",
    response=PlanDetailOut,
    summary="Link the plan to goals of its partnership (replaces the links)",
)
def plan_goals(request: HttpRequest, plan_id: int, payload: GoalsIn) -> dict:
    plan = plan_for_user(request.user, plan_id, draft=True)
    goals = list(Goal.objects.filter(pk__in=payload.goal_ids))
    if len(goals) != len(set(payload.goal_ids)):
        raise ValidationError({"goal_ids": _("No such goal.")})
    services.plan_set_goals(actor=request.user, plan=plan, goals=goals, revision=payload.revision)
    return _detail(request, plan)


@router.post("/plans/{plan_id}/measures", response={201: MeasureOut}, summary="Add a measure")
def measure_add(request: HttpRequest, plan_id: int, payload: MeasureIn) -> Status:
    plan = plan_for_user(request.user, plan_id, draft=True)
    owner = None
    if payload.owner_id is not None:
        owner = selectors.plan_people(plan.partnership).filter(pk=payload.owner_id).first()
        if owner is None:
            raise ValidationError({"owner_id": _("Choose a person of the partnership.")})
    new = {"name": payload.owner_name, "organisation": payload.owner_organisation}
    measure = services.measure_add(
        actor=request.user,
        plan=plan,
        title=payload.title,
        deadline=payload.deadline,
        owner=owner,
        new_owner=None if owner else new,
        revision=payload.revision,
    )
    return Status(
        201,
        {
            "title": measure.title,
            "owner_name": measure.owner.display_name,
            "organisation": measure.owner.organisation,
            "deadline": measure.deadline,
        },
    )


@router.post(
    "/plans/{plan_id}/submit",
    response={201: VersionOut},
    summary="Send the draft to both owners for approval (freezes it as a version)",
)
def plan_submit(request: HttpRequest, plan_id: int, payload: RevisionIn) -> Status:
    plan = plan_for_user(request.user, plan_id, draft=True)
    version = services.plan_submit(actor=request.user, plan=plan, revision=payload.revision)
    return Status(201, _version(version))


@router.post(
    "/plans/{plan_id}/approve",
    response={201: ApprovalOut},
    summary="Approve the version awaiting approval, as your party",
)
def plan_approve(request: HttpRequest, plan_id: int, payload: ApproveIn) -> Status:
    plan = plan_for_user(request.user, plan_id)
    if not approving_sides(request.user, plan.partnership):
        raise PermissionDenied
    approval = services.plan_approve(actor=request.user, plan=plan, **payload.dict())
    return Status(201, approval)


@router.post(
    "/plans/{plan_id}/revise",
    response=PlanDetailOut,
    summary="Start a new version of an approved plan, with its reason",
)
def plan_revise(request: HttpRequest, plan_id: int, payload: ReviseIn) -> dict:
    plan = plan_for_user(request.user, plan_id, draft=True)
    services.plan_revise(actor=request.user, plan=plan, **payload.dict())
    return _detail(request, plan)


@router.post(
    "/partnerships/{partnership_id}/participation-evaluations",
    response={201: EvaluationOut},
    summary="Record the year's evaluation of user participation",
)
def evaluation_record(request: HttpRequest, partnership_id: int, payload: EvaluationIn) -> Status:
    partnership = partnership_for_user(request.user, partnership_id, change=True)
    evaluation = services.evaluation_record(
        actor=request.user, partnership=partnership, **payload.dict()
    )
    return Status(201, evaluation)
