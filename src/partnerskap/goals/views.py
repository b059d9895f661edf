"""The goals pages: thin views over selectors (reads, with progress) and services (writes)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from partnerskap.core.pages import form_view, posted
from partnerskap.core.pagination import paginate
from partnerskap.meetings.selectors import attachable_items
from partnerskap.registry.access import access_scope
from partnerskap.registry.selectors import partnership_for_user

from . import papers, selectors, services
from .forms import AttachForm, GoalForm, IndicatorForm, NewGoalForm, PeriodValueForm, TargetForm

FORM = "goals/form.html"


def _year(request: HttpRequest) -> int:
    text = request.GET.get("ar", "")
    if text.isdigit() and services.FIRST_YEAR <= int(text) <= services.LAST_YEAR:
        return int(text)
    return timezone.localdate().year


def _list_url(partnership_id: int, year: int) -> str:
    return f"{reverse('goals:goal_list', args=[partnership_id])}?ar={year}"


@require_GET
def goal_list(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for_user(request.user, pk)
    year = _year(request)
    page = paginate(request, selectors.goals(partnership, year))
    years = sorted({*selectors.goal_years(partnership), year}, reverse=True)
    context = {
        "partnership": partnership,
        "year": year,
        "years": years,
        "page": page,
        "rows": selectors.progress_of(partnership, list(page.object_list)),
        "papers": selectors.papers(partnership, year),
        "can_edit": access_scope(request.user).can_edit_partnership(pk),
    }
    return render(request, "goals/goal_list.html", context)


@require_GET
def goals_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for_user(request.user, pk)
    year = _year(request)
    response = HttpResponse(papers.goals_pdf(partnership, year), content_type="application/pdf")
    name = f"mal-og-resultater-{year}.pdf"
    response["Content-Disposition"] = content_disposition_header(False, name)
    return response


@require_http_methods(["GET", "POST"])
def goal_create(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for_user(request.user, pk, change=True)
    year = _year(request)
    return form_view(
        request,
        NewGoalForm(posted(request), initial={"year": year}),
        template=FORM,
        save=lambda data: services.goal_create(
            actor=request.user,
            partnership=partnership,
            year=data["year"],
            title=data["title"],
            description=data["description"],
            source=data["source"],
        ),
        then=lambda goal: ("goals:goal_detail", goal.pk),
        saved=_("The goal was saved."),
        title=_("New goal"),
        submit=_("Save the goal"),
        back=_list_url(pk, year),
        partnership=partnership,
    )


@require_GET
def goal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    goal = selectors.goal_for_user(request.user, pk)
    context = {
        "goal": goal,
        "partnership": goal.partnership,
        "row": selectors.goal_progress(goal),
        "can_edit": access_scope(request.user).can_edit_partnership(goal.partnership_id),
    }
    return render(request, "goals/goal_detail.html", context)


@require_http_methods(["GET", "POST"])
def goal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    goal = selectors.goal_for_user(request.user, pk, change=True)
    initial = {
        "title": goal.title,
        "description": goal.description,
        "source": goal.source,
        "revision": goal.revision,
    }
    return form_view(
        request,
        GoalForm(posted(request), initial=initial),
        template=FORM,
        save=lambda data: services.goal_update(
            actor=request.user,
            goal=goal,
            revision=data["revision"],
            title=data["title"],
            description=data["description"],
            source=data["source"],
        ),
        then=lambda saved: ("goals:goal_detail", pk),
        saved=_("The goal was saved."),
        title=_("Edit the goal"),
        submit=_("Save the goal"),
        back=reverse("goals:goal_detail", args=[pk]),
        partnership=goal.partnership,
    )


@require_http_methods(["GET", "POST"])
def indicator_add(request: HttpRequest, pk: int) -> HttpResponse:
    goal = selectors.goal_for_user(request.user, pk, change=True)
    return form_view(
        request,
        IndicatorForm(posted(request)),
        template=FORM,
        save=lambda data: services.indicator_add(actor=request.user, goal=goal, **data),
        then=lambda indicator: ("goals:goal_detail", pk),
        saved=_("The indicator was added."),
        title=_("Add an indicator to “%(goal)s”") % {"goal": goal.title},
        submit=_("Add the indicator"),
        back=reverse("goals:goal_detail", args=[pk]),
        partnership=goal.partnership,
    )


@require_http_methods(["GET", "POST"])
def target_set(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = selectors.indicator_for_user(request.user, pk, change=True)
    goal = indicator.goal
    return form_view(
        request,
        TargetForm(posted(request), initial={"period_text": str(goal.year)}),
        template=FORM,
        save=lambda data: services.target_set(actor=request.user, indicator=indicator, **data),
        then=lambda target: ("goals:goal_detail", goal.pk),
        saved=_("The target was saved."),
        title=_("Set a target"),
        submit=_("Save the target"),
        back=reverse("goals:goal_detail", args=[goal.pk]),
        partnership=goal.partnership,
    )


@require_http_methods(["GET", "POST"])
def measurement_add(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = selectors.indicator_for_user(request.user, pk, change=True)
    goal = indicator.goal
    return form_view(
        request,
        PeriodValueForm(posted(request)),
        template=FORM,
        save=lambda data: services.measurement_add(actor=request.user, indicator=indicator, **data),
        then=lambda measurement: ("goals:goal_detail", goal.pk),
        saved=_("The value was saved."),
        title=_("Enter a value"),
        submit=_("Save the value"),
        back=reverse("goals:goal_detail", args=[goal.pk]),
        partnership=goal.partnership,
    )


@require_http_methods(["GET", "POST"])
def paper_attach(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for_user(request.user, pk, change=True)
    year = _year(request)
    items = attachable_items(request.user).filter(meeting__body__partnership=partnership)
    return form_view(
        request,
        AttachForm(posted(request), items=items),
        template=FORM,
        save=lambda data: papers.attach(
            actor=request.user, partnership=partnership, year=year, item=data["item"]
        ),
        then=lambda paper: _list_url(pk, year),
        saved=_("The goals table goes out with the item's papers when the notice is sent."),
        title=_("Goals and results %(year)s on an agenda item") % {"year": year},
        submit=_("Attach the goals table"),
        back=_list_url(pk, year),
        partnership=partnership,
    )
