"""Bodies: the list, a body's page with members and meetings, creating one, and its year."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from partnerskap.core.pagination import paginate

from .. import lifecycle, selectors, services
from ..access import body_scope
from ..forms import (
    SEASON_THEMES,
    AnnualPlanForm,
    BodyForm,
    BodyMemberForm,
    MeetingScheduleForm,
    MemberNoticeForm,
)
from ..lifecycle import state_label
from ..models import Season
from ._common import form_view


def _posted(request: HttpRequest) -> object:
    return request.POST if request.method == "POST" else None


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
    meetings = lifecycle.with_state(list(page.object_list), body)
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
    counties = selectors.body_counties(request.user)
    national = body_scope(request.user).is_admin
    if not (national or partnerships.exists() or counties.exists()):
        raise PermissionDenied
    form = BodyForm(
        _posted(request), partnerships=partnerships, counties=counties, national=national
    )
    return form_view(
        request,
        form,
        save=lambda _data: services.body_create(
            actor=request.user, standard_items=form.standard_items(), **form.body_fields()
        ),
        then=lambda body: ("meetings:body_detail", body.pk),
        saved=_("The body was created."),
        title=_("New body"),
        submit=_("Create the body"),
        back=reverse("meetings:body_list"),
    )


@require_http_methods(["GET", "POST"])
def body_member_add(request: HttpRequest, pk: int) -> HttpResponse:
    body = selectors.body_for_user(request.user, pk, change=True)
    form = BodyMemberForm(_posted(request))
    return form_view(
        request,
        form,
        save=lambda _data: services.body_member_add(
            actor=request.user, body=body, **form.person_fields()
        ),
        then=lambda member: (
            reverse("meetings:member_send_notice", args=[member.pk])
            if services.noticed_meetings_without(member)
            else ("meetings:body_detail", pk)
        ),
        saved=_("The member was added."),
        title=_("Add a member to %(body)s") % {"body": body.name},
        submit=_("Add member"),
        back=reverse("meetings:body_detail", args=[pk]),
    )


@require_http_methods(["GET", "POST"])
def member_send_notice(request: HttpRequest, pk: int) -> HttpResponse:
    """A member added after the notice went out: the secretary is asked whether to send it."""
    member = selectors.member_for_user(request.user, pk, change=True)
    form = MemberNoticeForm(_posted(request), meetings=services.noticed_meetings_without(member))
    return form_view(
        request,
        form,
        save=lambda data: services.member_send_notice(
            actor=request.user, member=member, meetings=data["meetings"]
        ),
        then=lambda _sent: ("meetings:body_detail", member.body_id),
        saved=_("The notice was sent to %(person)s.") % {"person": member.person.display_name},
        title=_("Send the notice to %(person)s?") % {"person": member.person.display_name},
        intro=_(
            "%(person)s was added after the notice of these meetings went out. Choose the "
            "meetings whose notice they should get; they are then invited."
        )
        % {"person": member.person.display_name},
        submit=_("Send the notice"),
        back=reverse("meetings:body_detail", args=[member.body_id]),
    )


@require_http_methods(["GET", "POST"])
def meeting_schedule(request: HttpRequest, pk: int) -> HttpResponse:
    body = selectors.body_for_user(request.user, pk, change=True)
    form = MeetingScheduleForm(
        _posted(request), people=selectors.body_people(body), location=body.default_location
    )
    return form_view(
        request,
        form,
        save=lambda _data: services.meeting_schedule(
            actor=request.user, body=body, **form.meeting_fields()
        ),
        then=lambda meeting: ("meetings:meeting_detail", meeting.pk),
        saved=_("The meeting was planned from the standard agenda."),
        title=_("Plan a meeting of %(body)s") % {"body": body.name},
        submit=_("Plan the meeting"),
        back=reverse("meetings:body_detail", args=[pk]),
    )


@require_http_methods(["GET", "POST"])
def annual_plan_create(request: HttpRequest, pk: int) -> HttpResponse:
    body = selectors.body_for_user(request.user, pk, change=True)
    form = AnnualPlanForm(_posted(request))
    return form_view(
        request,
        form,
        save=lambda _data: services.annual_plan_create(
            actor=request.user, body=body, **form.plan_fields()
        ),
        then=lambda plan: reverse("meetings:annual_plan", args=[pk, plan.year]),
        saved=_("The year is planned."),
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
    for meeting in lifecycle.with_state(list(selectors.year_meetings(body, year)), body):
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
    first, last = selectors.plan_years(body)
    context = {
        "body": body,
        "year": year,
        "previous_year": year - 1 if year > first else None,
        "next_year": year + 1 if year < last else None,
        "plan": plan,
        "months": months,
        "can_run": body_scope(request.user).can_edit(pk),
    }
    return render(request, "meetings/annual_plan.html", context)
