"""Bodies: the list, a body's page with members and meetings, creating one, and its year."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from partnerskap.core.forms import add_service_errors
from partnerskap.core.pagination import paginate

from .. import selectors, services
from ..access import body_scope
from ..forms import SEASON_THEMES, AnnualPlanForm, BodyForm, BodyMemberForm, MeetingScheduleForm
from ..models import Season
from ._common import form_page, state_label

SEASON_OF_MONTH = {
    **dict.fromkeys((12, 1, 2), Season.WINTER),
    **dict.fromkeys((3, 4, 5), Season.SPRING),
    **dict.fromkeys((6, 7, 8), Season.SUMMER),
    **dict.fromkeys((9, 10, 11), Season.AUTUMN),
}


@require_GET
def body_list(request: HttpRequest) -> HttpResponse:
    page = paginate(request, selectors.body_list(request.user))
    can_create = selectors.body_partnerships(request.user).exists()
    return render(request, "meetings/body_list.html", {"page": page, "can_create": can_create})


@require_GET
def body_detail(request: HttpRequest, pk: int) -> HttpResponse:
    body = selectors.body_for_user(request.user, pk)
    page = paginate(request, selectors.body_meetings(body))
    meetings = selectors.with_effective_status(list(page.object_list), body)
    context = {
        "body": body,
        "page": page,
        "meetings": [(meeting, state_label(meeting)) for meeting in meetings],
        "can_run": body_scope(request.user).can_edit(pk),
        "year": timezone.localdate().year,
    }
    return render(request, "meetings/body_detail.html", context)


@require_http_methods(["GET", "POST"])
def body_create(request: HttpRequest) -> HttpResponse:
    partnerships = selectors.body_partnerships(request.user)
    if not partnerships.exists():
        raise PermissionDenied
    form = BodyForm(request.POST or None, partnerships=partnerships)
    if request.method == "POST" and form.is_valid():
        try:
            body = services.body_create(
                actor=request.user, standard_items=form.standard_items(), **form.body_fields()
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The body was created."))
            return redirect("meetings:body_detail", pk=body.pk)
    return form_page(
        request,
        form,
        title=_("New body"),
        submit=_("Create the body"),
        back=reverse("meetings:body_list"),
    )


@require_http_methods(["GET", "POST"])
def body_member_add(request: HttpRequest, pk: int) -> HttpResponse:
    body = selectors.body_for_user(request.user, pk, change=True)
    form = BodyMemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.body_member_add(actor=request.user, body=body, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The member was added."))
            return redirect("meetings:body_detail", pk=pk)
    return form_page(
        request,
        form,
        title=_("Add a member to %(body)s") % {"body": body.name},
        submit=_("Add member"),
        back=reverse("meetings:body_detail", args=[pk]),
    )


@require_http_methods(["GET", "POST"])
def meeting_schedule(request: HttpRequest, pk: int) -> HttpResponse:
    body = selectors.body_for_user(request.user, pk, change=True)
    form = MeetingScheduleForm(
        request.POST or None, people=selectors.body_people(body), location=body.default_location
    )
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_schedule(
                actor=request.user, body=body, **form.meeting_fields()
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The meeting was planned from the standard agenda."))
            return redirect("meetings:meeting_detail", pk=meeting.pk)
    return form_page(
        request,
        form,
        title=_("Plan a meeting of %(body)s") % {"body": body.name},
        submit=_("Plan the meeting"),
        back=reverse("meetings:body_detail", args=[pk]),
    )


@require_http_methods(["GET", "POST"])
def annual_plan_create(request: HttpRequest, pk: int) -> HttpResponse:
    body = selectors.body_for_user(request.user, pk, change=True)
    form = AnnualPlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        fields = form.plan_fields()
        try:
            services.annual_plan_create(actor=request.user, body=body, **fields)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The year is planned."))
            return redirect("meetings:annual_plan", pk=pk, year=fields["year"])
    return form_page(
        request,
        form,
        title=_("Plan the year for %(body)s") % {"body": body.name},
        submit=_("Plan the meetings"),
        back=reverse("meetings:body_detail", args=[pk]),
    )


@require_GET
def annual_plan(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    body = selectors.body_for_user(request.user, pk)
    plan = selectors.annual_plan(body, year)
    themes = plan.themes if plan is not None else {}
    by_month: dict[int, list] = {month: [] for month in MONTHS}
    for meeting in selectors.with_effective_status(list(selectors.year_meetings(body, year)), body):
        by_month[timezone.localtime(meeting.starts_at).month].append(meeting)
    months = [
        {
            "name": MONTHS[month],
            "season": SEASON_OF_MONTH[month].label,
            "theme": themes.get(SEASON_OF_MONTH[month].value)
            or SEASON_THEMES[SEASON_OF_MONTH[month]],
            "meetings": [(meeting, state_label(meeting)) for meeting in meetings],
        }
        for month, meetings in by_month.items()
    ]
    context = {
        "body": body,
        "year": year,
        "plan": plan,
        "months": months,
        "can_run": body_scope(request.user).can_edit(pk),
    }
    return render(request, "meetings/annual_plan.html", context)
