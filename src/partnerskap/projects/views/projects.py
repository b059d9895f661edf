"""The lists of projects (mine, a county's portfolio, a partnership's), a project's page,
creating and changing it, and its status report (preview and attaching it to an item)."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from partnerskap.core.pagination import paginate
from partnerskap.meetings.models import AgendaItem
from partnerskap.registry.models import County
from partnerskap.registry.selectors import county_detail, partnership_for_user

from .. import selectors, services
from ..access import project_scope
from ..documents import report_pdf
from ..forms import AttachForm, ProjectForm
from ..models import ProjectStatusReport
from ._common import bound, form_view, project_choices


def _list(request: HttpRequest, qs, **context: object) -> HttpResponse:
    context |= {
        "page": paginate(request, qs),
        "can_create": project_scope(request.user).can_create,
    }
    return render(request, "projects/project_list.html", context)


@require_GET
def project_list(request: HttpRequest) -> HttpResponse:
    return _list(request, selectors.project_list(request.user))


@require_GET
def portfolio(request: HttpRequest, pk: int) -> HttpResponse:
    county = county_detail(pk)
    overdue = selectors.county_overdue_milestones(request.user, county.pk)[:20]
    return _list(
        request, selectors.portfolio(request.user, county.pk), county=county, overdue=overdue
    )


@require_GET
def partnership_projects(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for_user(request.user, pk)
    qs = selectors.partnership_projects(request.user, partnership.pk)
    return _list(request, qs, partnership=partnership)


def _counties(request: HttpRequest):
    scope = project_scope(request.user)
    counties = County.objects.current().order_by("number")
    return counties if scope.is_admin else counties.filter(pk__in=scope.editable_counties)


@require_http_methods(["GET", "POST"])
def project_create(request: HttpRequest) -> HttpResponse:
    if not project_scope(request.user).can_create:
        raise PermissionDenied
    form = ProjectForm(bound(request), choices=project_choices(request.user, _counties(request)))
    return form_view(
        request,
        form,
        save=lambda data: services.project_create(actor=request.user, **form.project_fields()),
        then=lambda project: ("projects:project_detail", project.pk),
        saved=_("The project was created. Add its pilots next."),
        title=_("New project"),
        submit=_("Create the project"),
        back=reverse("projects:project_list"),
    )


@require_GET
def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_for_user(request.user, pk)
    insiders = selectors.insider_pilot_ids(request.user, project)
    context = selectors.project_detail(project, insiders)
    context["can_manage"] = project.can_manage  # type: ignore[attr-defined]
    return render(request, "projects/project_detail.html", context)


@require_http_methods(["GET", "POST"])
def project_edit(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_for_user(request.user, pk, change=True)
    counties = County.objects.filter(pk=project.county_id)
    initial = {
        name: getattr(project, name)
        for name in ("name", "county", "starts_on", "ends_on", "phase", "mandate", "goals")
    }
    initial |= {
        "leader": project.leader,
        "steering_group": project.steering_group,
        "project_group": project.project_group,
        "revision": project.revision,
    }
    for name in ("owners", "partnerships", "municipalities", "budgets"):
        initial[name] = list(getattr(project, name).all())
    form = ProjectForm(
        bound(request), choices=project_choices(request.user, counties), initial=initial
    )

    def save(data: dict) -> object:
        fields = form.project_fields()
        return services.project_update(
            actor=request.user, project=project, revision=data["revision"], **fields
        )

    return form_view(
        request,
        form,
        save=save,
        then=lambda saved: ("projects:project_detail", saved.pk),
        saved=_("The project was saved."),
        title=_("Change the project"),
        submit=_("Save"),
        back=reverse("projects:project_detail", args=[project.pk]),
        project=project,
    )


@require_GET
def report_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The status report as it would be frozen now."""
    project = selectors.project_for_user(request.user, pk)
    pdf = report_pdf(ProjectStatusReport(project=project))
    disposition = content_disposition_header(as_attachment=False, filename="prosjektstatus.pdf")
    return HttpResponse(
        pdf, content_type="application/pdf", headers={"Content-Disposition": disposition}
    )


@require_http_methods(["GET", "POST"])
def report_attach(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_for_user(request.user, pk, change=True)
    items = (
        AgendaItem.objects.filter(meeting__in=services.steering_meetings(project), status="active")
        .select_related("meeting")
        .order_by("meeting__starts_at", "position")
    )
    form = AttachForm(bound(request), items=items)
    return form_view(
        request,
        form,
        save=lambda data: services.report_attach(
            actor=request.user, project=project, item=data["item"]
        ),
        then=lambda report: ("projects:project_detail", project.pk),
        saved=_(
            "The status report goes with the item. It is frozen as a PDF when the notice is sent."
        ),
        title=_("Status report for a steering-group meeting"),
        intro=_(
            "The report holds every pilot's latest status and marks what changed since the "
            "steering group's previous meeting."
        ),
        submit=_("Attach the status report"),
        back=reverse("projects:project_detail", args=[project.pk]),
        project=project,
    )
