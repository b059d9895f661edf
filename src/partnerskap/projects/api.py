"""Projects in the API: the same access functions, selectors and services as the pages."""

from datetime import date
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate

from partnerskap.core.models import User
from partnerskap.meetings.models import Meeting
from partnerskap.registry.models import Municipality, Partnership

from . import selectors, services
from .models import DecisionNeeded, Milestone, Project

router = Router()


# --- schemas ----------------------------------------------------------------------------------


class ProjectOut(Schema):
    id: int
    uuid: UUID
    name: str
    county_id: int
    phase: str
    health: str
    starts_on: date
    ends_on: date
    leader_id: int | None
    next_milestone_title: str | None = None
    next_milestone_due: date | None = None
    overdue: int = 0


class PilotOut(Schema):
    id: int
    name: str
    model: str
    goals: str
    local_group_id: int | None
    local_leader_id: int | None
    partnership_ids: list[int]
    municipality_ids: list[int]


class StatusEntryOut(Schema):
    reported_on: date
    health: str
    status_text: str
    progress: str
    activities: str
    next_steps: str
    when_text: str
    copied: bool


class StatusLineOut(Schema):
    row_id: int
    label: str
    pilot_id: int | None
    latest: StatusEntryOut | None


class MilestoneOut(Schema):
    id: int
    title: str
    kind: str
    due_on: date
    state: str
    pilot_id: int | None
    owner_id: int | None
    overdue: bool


class RiskOut(Schema):
    id: int
    title: str
    pilot_id: int | None
    probability: int
    consequence: int
    score: int
    owner_id: int | None
    measures: str
    status: str


class DecisionOut(Schema):
    id: int
    title: str
    background: str
    needed_by: date | None
    item_id: int | None


class CommunicationOut(Schema):
    id: int
    audience: str
    message: str
    channel: str
    responsible: str
    planned_on: date | None
    done: bool


class PhaseOut(Schema):
    phase: str
    decision_point: str
    decided_on: date | None


class ProjectDetailOut(ProjectOut):
    mandate: str
    goals: str
    steering_group_id: int | None
    project_group_id: int | None
    owner_ids: list[int]
    partnership_ids: list[int]
    municipality_ids: list[int]
    budget_ids: list[int]
    phases: list[PhaseOut]
    pilots: list[PilotOut]
    status: list[StatusLineOut]
    milestones: list[MilestoneOut]
    risks: list[RiskOut]
    decisions: list[DecisionOut]
    communication: list[CommunicationOut]


class StatusRowIn(Schema):
    row_id: int
    health: str | None = None
    status_text: str | None = None
    progress: str | None = None
    activities: str | None = None
    next_steps: str | None = None
    when_text: str | None = None


class StatusReportIn(Schema):
    reported_on: date
    rows: list[StatusRowIn] = []


class PilotIn(Schema):
    name: str
    model: str = "other"
    goals: str = ""
    partnership_ids: list[int] = []
    municipality_ids: list[int] = []


class MilestoneIn(Schema):
    title: str
    due_on: date
    kind: str = "milestone"
    pilot_id: int | None = None
    owner_id: int | None = None


class MilestoneDoneIn(Schema):
    done_on: date


class RiskIn(Schema):
    title: str
    probability: int
    consequence: int
    pilot_id: int | None = None
    owner_id: int | None = None
    measures: str = ""
    status: str = "open"


class DecisionIn(Schema):
    title: str
    background: str = ""
    needed_by: date | None = None


class RaiseIn(Schema):
    meeting_id: int


class RaisedOut(Schema):
    item_id: int
    meeting_id: int
    label: str


class CommunicationIn(Schema):
    audience: str
    channel: str
    message: str = ""
    responsible: str = ""
    planned_on: date | None = None
    done: bool = False


# --- helpers ----------------------------------------------------------------------------------


def _no_such(field: str, pk: int) -> ValidationError:
    return ValidationError({field: _("No such object: %(id)s.") % {"id": pk}})


def _one(qs: QuerySet, pk: int | None, field: str):
    if pk is None:
        return None
    found = qs.filter(pk=pk).first()
    if found is None:
        raise _no_such(field, pk)
    return found


def _ids(qs: QuerySet, ids: list[int], field: str) -> list:
    found = {o.pk: o for o in qs.filter(pk__in=ids)}
    for pk in ids:
        if pk not in found:
            raise _no_such(field, pk)
    return [found[pk] for pk in ids]


def _entry(entry) -> dict | None:
    if entry is None:
        return None
    return {name: getattr(entry, name) for name in StatusEntryOut.model_fields}


def _pilot(pilot) -> dict:
    return {
        "id": pilot.pk,
        "name": pilot.name,
        "model": pilot.model,
        "goals": pilot.goals,
        "local_group_id": pilot.local_group_id,
        "local_leader_id": pilot.local_leader_id,
        "partnership_ids": [p.pk for p in pilot.partnerships.all()],
        "municipality_ids": [m.pk for m in pilot.municipalities.all()],
    }


def _base(project: Project) -> dict:
    out = {name: getattr(project, name, None) for name in ProjectOut.model_fields}
    out["overdue"] = getattr(project, "overdue", 0)
    return out


def _detail(request: HttpRequest, project: Project) -> dict:
    context = selectors.project_detail(project, selectors.insider_pilot_ids(request.user, project))
    return _base(project) | {
        "mandate": project.mandate,
        "goals": project.goals,
        "steering_group_id": project.steering_group_id,
        "project_group_id": project.project_group_id,
        "owner_ids": [o.pk for o in context["owners"]],
        "partnership_ids": [p.pk for p in context["partnerships"]],
        "municipality_ids": [m.pk for m in context["municipalities"]],
        "budget_ids": [b.pk for b in context["budgets"]],
        "phases": [
            {"phase": p.phase, "decision_point": p.decision_point, "decided_on": p.decided_on}
            for p in context["phases"]
        ],
        "pilots": [_pilot(p) for p in context["pilots"]],
        "status": [
            {
                "row_id": line.row.pk,
                "label": line.row.label,
                "pilot_id": line.row.pilot_id,
                "latest": _entry(line.entry),
            }
            for line in context["status"]
        ],
        "milestones": [
            {
                **{f: getattr(m, f) for f in MilestoneOut.model_fields if f != "overdue"},
                "overdue": m.is_overdue,
            }
            for m in context["milestones"]
        ],
        "risks": [{f: getattr(r, f) for f in RiskOut.model_fields} for r in context["risks"]],
        "decisions": [
            {f: getattr(d, f) for f in DecisionOut.model_fields} for d in context["decisions"]
        ],
        "communication": [
            {f: getattr(c, f) for f in CommunicationOut.model_fields}
            for c in context["communication"]
        ],
    }


def _people(project: Project) -> QuerySet[User]:
    return selectors.project_people({project.county_id})


# --- reads ------------------------------------------------------------------------------------


@router.get("/projects", response=list[ProjectOut], summary="Projects you may read")
@paginate(PageNumberPagination)
def project_list(request: HttpRequest) -> QuerySet[Project]:
    return selectors.project_list(request.user)


@router.get(
    "/counties/{county_id}/projects",
    response=list[ProjectOut],
    summary="A county's portfolio: its projects you may read",
)
@paginate(PageNumberPagination)
def portfolio(request: HttpRequest, county_id: int) -> QuerySet[Project]:
    return selectors.portfolio(request.user, county_id)


@router.get("/projects/{project_id}", response=ProjectDetailOut, summary="One project")
def project_detail(request: HttpRequest, project_id: int) -> dict:
    return _detail(request, selectors.project_for_user(request.user, project_id))


@router.get(
    "/pilots/{pilot_id}/status",
    response=list[StatusEntryOut],
    summary="Every status entry of a pilot, newest first",
)
def pilot_status(request: HttpRequest, pilot_id: int) -> list[dict]:
    pilot, _insider = selectors.pilot_for_user(request.user, pilot_id)
    return [_entry(e) for e in selectors.pilot_history(pilot)]


# --- writes -----------------------------------------------------------------------------------


@router.post("/projects/{project_id}/pilots", response={201: PilotOut}, summary="Add a pilot")
def pilot_add(request: HttpRequest, project_id: int, payload: PilotIn) -> Status[dict]:
    project = selectors.project_for_user(request.user, project_id, change=True)
    partnerships = Partnership.objects.filter(office__county_id=project.county_id)
    municipalities = Municipality.objects.filter(county_id=project.county_id)
    pilot = services.pilot_add(
        actor=request.user,
        project=project,
        name=payload.name,
        model=payload.model,
        goals=payload.goals,
        partnerships=_ids(partnerships, payload.partnership_ids, "partnership_ids"),
        municipalities=_ids(municipalities, payload.municipality_ids, "municipality_ids"),
    )
    return Status(201, _pilot(pilot))


@router.post(
    "/projects/{project_id}/status",
    response={201: list[StatusLineOut]},
    summary="Report the status on a date: rows not given are copied forward",
)
def status_report(request: HttpRequest, project_id: int, payload: StatusReportIn) -> Status:
    project = selectors.project_for_user(request.user, project_id, change=True)
    rows = set(project.status_rows.values_list("pk", flat=True))
    values = {}
    for row in payload.rows:
        if row.row_id not in rows:
            raise _no_such("rows", row.row_id)
        values[row.row_id] = row.dict(exclude={"row_id"}, exclude_none=True)
    entries = services.status_report(
        actor=request.user, project=project, reported_on=payload.reported_on, values=values
    )
    return Status(
        201,
        [
            {
                "row_id": e.row_id,
                "label": e.row.label,
                "pilot_id": e.row.pilot_id,
                "latest": _entry(e),
            }
            for e in entries
        ],
    )


@router.post(
    "/projects/{project_id}/milestones", response={201: MilestoneOut}, summary="Add a milestone"
)
def milestone_add(request: HttpRequest, project_id: int, payload: MilestoneIn) -> Status[dict]:
    project = selectors.project_for_user(request.user, project_id, change=True)
    milestone = services.milestone_add(
        actor=request.user,
        project=project,
        title=payload.title,
        due_on=payload.due_on,
        kind=payload.kind,
        pilot=_one(project.pilots.all(), payload.pilot_id, "pilot_id"),
        owner=_one(_people(project), payload.owner_id, "owner_id"),
    )
    out = {f: getattr(milestone, f) for f in MilestoneOut.model_fields if f != "overdue"}
    return Status(201, out | {"overdue": milestone.is_overdue})


@router.post(
    "/milestones/{milestone_id}/done", response=MilestoneOut, summary="Mark a milestone done"
)
def milestone_done(request: HttpRequest, milestone_id: int, payload: MilestoneDoneIn) -> dict:
    project_id = (
        Milestone.objects.filter(pk=milestone_id).values_list("project_id", flat=True).first()
    )
    if project_id is None:
        raise Http404
    project = selectors.project_for_user(request.user, project_id, change=True)
    milestone = services.milestone_complete(
        actor=request.user,
        milestone=project.milestones.get(pk=milestone_id),
        done_on=payload.done_on,
    )
    out = {f: getattr(milestone, f) for f in MilestoneOut.model_fields if f != "overdue"}
    return out | {"overdue": milestone.is_overdue}


@router.post("/projects/{project_id}/risks", response={201: RiskOut}, summary="Add a risk")
def risk_add(request: HttpRequest, project_id: int, payload: RiskIn) -> Status[dict]:
    project = selectors.project_for_user(request.user, project_id, change=True)
    risk = services.risk_add(
        actor=request.user,
        project=project,
        **payload.dict(exclude={"pilot_id", "owner_id"}),
        pilot=_one(project.pilots.all(), payload.pilot_id, "pilot_id"),
        owner=_one(_people(project), payload.owner_id, "owner_id"),
    )
    return Status(201, {f: getattr(risk, f) for f in RiskOut.model_fields})


@router.post(
    "/projects/{project_id}/decisions",
    response={201: DecisionOut},
    summary="Record a decision needed from the steering group",
)
def decision_add(request: HttpRequest, project_id: int, payload: DecisionIn) -> Status[dict]:
    project = selectors.project_for_user(request.user, project_id, change=True)
    decision = services.decision_add(actor=request.user, project=project, **payload.dict())
    return Status(201, {f: getattr(decision, f) for f in DecisionOut.model_fields})


@router.post(
    "/decisions/{decision_id}/agenda",
    response={201: RaisedOut},
    summary="Put a decision needed on a steering-group meeting's agenda",
)
def decision_raise(request: HttpRequest, decision_id: int, payload: RaiseIn) -> Status[dict]:
    project_id = (
        DecisionNeeded.objects.filter(pk=decision_id).values_list("project_id", flat=True).first()
    )
    if project_id is None:
        raise Http404
    project = selectors.project_for_user(request.user, project_id, change=True)
    meeting = _one(
        Meeting.objects.filter(body_id=project.steering_group_id), payload.meeting_id, "meeting_id"
    )
    item = services.decision_raise(
        actor=request.user, decision=project.decisions.get(pk=decision_id), meeting=meeting
    )
    return Status(201, {"item_id": item.pk, "meeting_id": item.meeting_id, "label": item.label})


@router.post(
    "/projects/{project_id}/communication",
    response={201: CommunicationOut},
    summary="Add a line to the communication plan",
)
def communication_add(
    request: HttpRequest, project_id: int, payload: CommunicationIn
) -> Status[dict]:
    project = selectors.project_for_user(request.user, project_id, change=True)
    activity = services.communication_add(actor=request.user, project=project, **payload.dict())
    return Status(201, {f: getattr(activity, f) for f in CommunicationOut.model_fields})
