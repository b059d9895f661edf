"""The parts of a project: pilots and their status history, the status table for a reporting
date, milestones, risks, decisions raised to the steering group and the communication plan."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from partnerskap.registry.models import ServiceArea

from .. import selectors, services
from ..forms import (
    CommunicationForm,
    DecisionForm,
    MilestoneDoneForm,
    MilestoneForm,
    PilotForm,
    RaiseForm,
    RiskForm,
    StatusForm,
    StatusRowForm,
)
from ..models import DecisionNeeded, Milestone, Project
from ._common import bound, form_view, people, pilot_choices


def _back(project: Project) -> str:
    return reverse("projects:project_detail", args=[project.pk])


def _then(project: Project):
    return lambda _result: ("projects:project_detail", project.pk)


@require_http_methods(["GET", "POST"])
def pilot_add(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_for_user(request.user, pk, change=True)
    form = PilotForm(bound(request), choices=pilot_choices(request.user, project))
    return form_view(
        request,
        form,
        save=lambda data: services.pilot_add(actor=request.user, project=project, **data),
        then=lambda pilot: ("projects:pilot_detail", pilot.pk),
        saved=_("The pilot was added, with its row in the status table."),
        title=_("New pilot"),
        submit=_("Add the pilot"),
        back=_back(project),
        project=project,
    )


@require_GET
def pilot_detail(request: HttpRequest, pk: int) -> HttpResponse:
    pilot, insider = selectors.pilot_for_user(request.user, pk)
    risks = selectors.visible_risks(pilot.project, {pilot.pk} if insider else set())
    context = {
        "pilot": pilot,
        "project": pilot.project,
        "insider": insider,
        "history": selectors.pilot_history(pilot),
        "risks": risks.filter(pilot=pilot) if insider else [],
        "milestones": pilot.milestones.select_related("owner"),
    }
    return render(request, "projects/pilot_detail.html", context)


@require_http_methods(["GET", "POST"])
def status_update(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_for_user(request.user, pk, change=True)
    form = StatusForm(bound(request), lines=selectors.status_table(project))
    return form_view(
        request,
        form,
        template="projects/status_form.html",
        save=lambda data: services.status_report(
            actor=request.user,
            project=project,
            reported_on=data["reported_on"],
            values=form.values(),
        ),
        then=_then(project),
        saved=_("The status was reported. Rows you left as they were are copied forward."),
        title=_("Report the status"),
        intro=_(
            "Every row shows its last status. Change what has changed; the rest is copied "
            "forward to the new reporting date."
        ),
        submit=_("Report the status"),
        back=_back(project),
        project=project,
    )


@require_http_methods(["GET", "POST"])
def row_add(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_for_user(request.user, pk, change=True)
    areas = ServiceArea.objects.current().filter(county_id=project.county_id).order_by("name")
    form = StatusRowForm(bound(request), service_areas=areas)
    return form_view(
        request,
        form,
        save=lambda data: services.status_row_add(actor=request.user, project=project, **data),
        then=_then(project),
        saved=_("The row was added to the status table."),
        title=_("New row in the status table"),
        submit=_("Add the row"),
        back=_back(project),
        project=project,
    )


@require_http_methods(["GET", "POST"])
def milestone_add(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_for_user(request.user, pk, change=True)
    choices = {"pilot": project.pilots.all(), "owner": people({project.county_id})}
    form = MilestoneForm(bound(request), choices=choices)
    return form_view(
        request,
        form,
        save=lambda data: services.milestone_add(actor=request.user, project=project, **data),
        then=_then(project),
        saved=_("The milestone was added."),
        title=_("New milestone or deliverable"),
        submit=_("Add the milestone"),
        back=_back(project),
        project=project,
    )


@require_http_methods(["GET", "POST"])
def risk_add(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_for_user(request.user, pk, change=True)
    choices = {"pilot": project.pilots.all(), "owner": people({project.county_id})}
    form = RiskForm(bound(request), choices=choices)
    return form_view(
        request,
        form,
        save=lambda data: services.risk_add(actor=request.user, project=project, **data),
        then=_then(project),
        saved=_("The risk was added."),
        title=_("New risk"),
        submit=_("Add the risk"),
        back=_back(project),
        project=project,
    )


@require_http_methods(["GET", "POST"])
def decision_add(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_for_user(request.user, pk, change=True)
    form = DecisionForm(bound(request))
    return form_view(
        request,
        form,
        save=lambda data: services.decision_add(actor=request.user, project=project, **data),
        then=_then(project),
        saved=_(
            "The decision needed was recorded. Put it on a steering-group agenda from the "
            "project's page."
        ),
        title=_("New decision needed from the steering group"),
        submit=_("Record the decision needed"),
        back=_back(project),
        project=project,
    )


@require_http_methods(["GET", "POST"])
def decision_raise(request: HttpRequest, pk: int) -> HttpResponse:
    project_id = DecisionNeeded.objects.filter(pk=pk).values_list("project_id", flat=True).first()
    if project_id is None:
        raise Http404
    project = selectors.project_for_user(request.user, project_id, change=True)
    decision = project.decisions.get(pk=pk)
    form = RaiseForm(bound(request), meetings=services.steering_meetings(project))
    return form_view(
        request,
        form,
        save=lambda data: services.decision_raise(
            actor=request.user, decision=decision, meeting=data["meeting"]
        ),
        then=lambda item: ("meetings:meeting_detail", item.meeting_id),
        saved=_("The decision is on the agenda."),
        title=_("Put “%(title)s” on the agenda") % {"title": decision.title},
        submit=_("Put it on the agenda"),
        back=_back(project),
        project=project,
    )


@require_http_methods(["GET", "POST"])
def communication_add(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_for_user(request.user, pk, change=True)
    form = CommunicationForm(bound(request))
    return form_view(
        request,
        form,
        save=lambda data: services.communication_add(actor=request.user, project=project, **data),
        then=_then(project),
        saved=_("The activity was added to the communication plan."),
        title=_("New line in the communication plan"),
        submit=_("Add the activity"),
        back=_back(project),
        project=project,
    )


@require_http_methods(["GET", "POST"])
def milestone_done(request: HttpRequest, pk: int) -> HttpResponse:
    project_id = Milestone.objects.filter(pk=pk).values_list("project_id", flat=True).first()
    if project_id is None:
        raise Http404
    project = selectors.project_for_user(request.user, project_id, change=True)
    milestone = project.milestones.get(pk=pk)
    form = MilestoneDoneForm(bound(request))
    return form_view(
        request,
        form,
        save=lambda data: services.milestone_complete(
            actor=request.user, milestone=milestone, done_on=data["done_on"]
        ),
        then=_then(project),
        saved=_("The milestone is done."),
        title=_("“%(title)s” is done") % {"title": milestone.title},
        submit=_("Mark it done"),
        back=_back(project),
        project=project,
    )
