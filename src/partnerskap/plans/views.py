"""The plans pages: a partnership's plans and evaluations, a plan with its versions, drafting,
sending to the owners, their approval and a new version after approval."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from partnerskap.core.pages import form_view, posted
from partnerskap.registry.selectors import partnership_for_user

from . import selectors, services
from .access import approving_sides, can_draft, evaluation_for_user, plan_for_user, version_for_user
from .documents import version_pdf
from .forms import (
    ApproveForm,
    EvaluationForm,
    GoalsForm,
    MeasureForm,
    PlanForm,
    ReviseForm,
    RevisionForm,
    SectionForm,
)
from .models import PlanSection

FORM = "plans/form.html"


def _plan_url(plan) -> str:
    return reverse("plans:plan_detail", args=[plan.pk])


def _plan_form(request: HttpRequest, plan, form, **page: object) -> HttpResponse:
    """A form page about one plan: saved through a service, then back to the plan's page."""
    return form_view(
        request,
        form,
        template=FORM,
        then=lambda _result: _plan_url(plan),
        back=_plan_url(plan),
        partnership=plan.partnership,
        plan=plan,
        **page,
    )


@require_GET
def plan_list(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for_user(request.user, pk)
    year = timezone.localdate().year
    context = {
        "partnership": partnership,
        "plans": selectors.partnership_plans(partnership),
        "evaluations": selectors.partnership_evaluations(partnership),
        "due": selectors.due_dates(partnership, year),
        "can_draft": can_draft(request.user, partnership.pk),
    }
    return render(request, "plans/plan_list.html", context)


@require_http_methods(["GET", "POST"])
def plan_create(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for_user(request.user, pk, change=True)
    return form_view(
        request,
        PlanForm(posted(request)),
        template=FORM,
        save=lambda data: services.plan_create(actor=request.user, partnership=partnership, **data),
        then=lambda plan: ("plans:plan_detail", plan.pk),
        saved=_("The plan was started. Write its sections and measures."),
        title=_("New plan"),
        submit=_("Start the plan"),
        back=reverse("plans:plan_list", args=[partnership.pk]),
        partnership=partnership,
    )


@require_GET
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_detail(plan_for_user(request.user, pk))
    versions = list(plan.versions.all())
    sent = next((v for v in versions if v.number == plan.number), None)
    context = {
        "plan": plan,
        "partnership": plan.partnership,
        "versions": versions,
        "sent": sent,  # the version awaiting approval or approved, with its approvals
        "pending": sent if plan.status == "awaiting" else None,
        "can_draft": can_draft(request.user, plan.partnership_id),
        "editable": plan.status == "draft" and can_draft(request.user, plan.partnership_id),
        "sides": approving_sides(request.user, plan.partnership),
        **selectors.live_content(plan),
    }
    return render(request, "plans/plan_detail.html", context)


@require_http_methods(["GET", "POST"])
def section_add(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_for_user(request.user, pk, draft=True)
    return _plan_form(
        request,
        plan,
        SectionForm(posted(request), initial={"revision": plan.revision}),
        save=lambda data: services.section_add(actor=request.user, plan=plan, **data),
        saved=_("The section was added."),
        title=_("New section"),
        submit=_("Add the section"),
    )


@require_http_methods(["GET", "POST"])
def section_edit(request: HttpRequest, pk: int) -> HttpResponse:
    section = get_object_or_404(PlanSection.objects.select_related("plan"), pk=pk)
    plan = plan_for_user(request.user, section.plan_id, draft=True)
    initial = {"heading": section.heading, "text": section.text, "revision": plan.revision}
    return _plan_form(
        request,
        plan,
        SectionForm(posted(request), initial=initial),
        save=lambda data: services.section_update(actor=request.user, section=section, **data),
        saved=_("The section was saved."),
        title=_("Section: %(heading)s") % {"heading": section.heading},
        submit=_("Save the section"),
    )


@require_http_methods(["GET", "POST"])
def plan_goals(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_for_user(request.user, pk, draft=True)
    initial = {"goals": list(plan.goals.all()), "revision": plan.revision}
    return _plan_form(
        request,
        plan,
        GoalsForm(posted(request), goals=selectors.goal_choices(plan), initial=initial),
        save=lambda data: services.plan_set_goals(
            actor=request.user, plan=plan, goals=list(data["goals"]), revision=data["revision"]
        ),
        saved=_("The plan's goals were saved."),
        title=_("Goals of %(plan)s") % {"plan": plan},
        submit=_("Save the goals"),
    )


@require_http_methods(["GET", "POST"])
def measure_add(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_for_user(request.user, pk, draft=True)
    form = MeasureForm(
        posted(request),
        people=selectors.plan_people(plan.partnership),
        initial={"revision": plan.revision},
    )
    return _plan_form(
        request,
        plan,
        form,
        save=lambda _data: services.measure_add(
            actor=request.user, plan=plan, **form.person_fields()
        ),
        saved=_("The measure was added."),
        title=_("New measure"),
        submit=_("Add the measure"),
    )


@require_http_methods(["GET", "POST"])
def plan_submit(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_for_user(request.user, pk, draft=True)
    return _plan_form(
        request,
        plan,
        RevisionForm(posted(request), initial={"revision": plan.revision}),
        save=lambda data: services.plan_submit(actor=request.user, plan=plan, **data),
        saved=_("The plan was sent to both owners for approval."),
        title=_("Send %(plan)s for approval") % {"plan": plan},
        intro=_("Its text is frozen as it is now; both owners approve it, each as their party."),
        submit=_("Send for approval"),
    )


@require_http_methods(["GET", "POST"])
def plan_approve(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_for_user(request.user, pk)
    sides = approving_sides(request.user, plan.partnership)
    if not sides:
        raise PermissionDenied  # only the owners' representatives approve
    return _plan_form(
        request,
        plan,
        ApproveForm(posted(request), sides=sides, initial={"revision": plan.revision}),
        save=lambda data: services.plan_approve(actor=request.user, plan=plan, **data),
        saved=_("Your approval was recorded."),
        title=_("Approve %(plan)s") % {"plan": plan},
        intro=_("You approve the version sent for approval, as the party you choose."),
        submit=_("Approve the plan"),
    )


@require_http_methods(["GET", "POST"])
def plan_revise(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_for_user(request.user, pk, draft=True)
    return _plan_form(
        request,
        plan,
        ReviseForm(posted(request), initial={"revision": plan.revision}),
        save=lambda data: services.plan_revise(actor=request.user, plan=plan, **data),
        saved=_("A new version was started; the approved versions stay as they were."),
        title=_("Change %(plan)s") % {"plan": plan},
        intro=_("The approved plan is frozen: a change is a new version that both owners approve."),
        submit=_("Start a new version"),
    )


@require_GET
def version_detail(request: HttpRequest, pk: int) -> HttpResponse:
    version = version_for_user(request.user, pk)
    context = {
        "version": version,
        "plan": version.plan,
        "partnership": version.plan.partnership,
        "approvals": list(version.approvals.select_related("approver")),
        **selectors.readable_content(version.content),
    }
    return render(request, "plans/version_detail.html", context)


@require_GET
def version_download(request: HttpRequest, pk: int) -> HttpResponse:
    """The frozen version as PDF/A (its content never changes, so neither does the PDF)."""
    version = version_for_user(request.user, pk)
    name = f"{version.plan.kind}-{version.plan.year}-v{version.number}.pdf"
    return HttpResponse(
        version_pdf(version),
        content_type="application/pdf",
        headers={"Content-Disposition": content_disposition_header(False, name)},
    )


@require_http_methods(["GET", "POST"])
def evaluation_create(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for_user(request.user, pk, change=True)
    return form_view(
        request,
        EvaluationForm(posted(request)),
        template=FORM,
        save=lambda data: services.evaluation_record(
            actor=request.user, partnership=partnership, **data
        ),
        then=lambda evaluation: ("plans:evaluation_detail", evaluation.pk),
        saved=_("The evaluation was recorded."),
        title=_("Evaluation of user participation"),
        intro=_("The owners evaluate user participation with the user representatives every year."),
        submit=_("Record the evaluation"),
        back=reverse("plans:plan_list", args=[partnership.pk]),
        partnership=partnership,
    )


@require_GET
def evaluation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    evaluation = evaluation_for_user(request.user, pk)
    context = {"evaluation": evaluation, "partnership": evaluation.partnership}
    return render(request, "plans/evaluation_detail.html", context)
