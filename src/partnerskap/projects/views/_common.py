"""What the project pages share: the form page, the choices a project's forms offer."""

from django.db.models import Q, QuerySet
from django.forms import Form
from django.http import HttpRequest, HttpResponse

from partnerskap.core import pages
from partnerskap.core.models import User
from partnerskap.finance.models import Budget
from partnerskap.meetings.access import body_scope
from partnerskap.meetings.models import Body
from partnerskap.registry.models import County, Municipality, Partnership

from .. import selectors
from ..models import Project


def bound(request: HttpRequest) -> dict | None:
    """The POST data for a form, or None on GET (an empty POST is still a POST)."""
    return request.POST if request.method == "POST" else None


def form_view(request: HttpRequest, form: Form, **kwargs: object) -> HttpResponse:
    kwargs.setdefault("template", "projects/form.html")
    return pages.form_view(request, form, **kwargs)  # type: ignore[arg-type]


people = selectors.project_people


def bodies(user: User, county_ids: set[int]) -> QuerySet[Body]:
    qs = Body.objects.filter(
        Q(county_id__in=county_ids) | Q(partnership__office__county_id__in=county_ids)
    ).order_by("name")
    scope = body_scope(user)
    return qs if scope.is_admin else qs.filter(pk__in=scope.readable)


def partnerships(county_ids: set[int]) -> QuerySet[Partnership]:
    return Partnership.objects.current().filter(office__county_id__in=county_ids).order_by("name")


def municipalities(county_ids: set[int]) -> QuerySet[Municipality]:
    return Municipality.objects.current().filter(county_id__in=county_ids).order_by("name")


def project_choices(user: User, counties: QuerySet[County]) -> dict[str, QuerySet]:
    ids = set(counties.values_list("pk", flat=True))
    return {
        "county": counties,
        "leader": people(ids),
        "owners": people(ids),
        "steering_group": bodies(user, ids),
        "project_group": bodies(user, ids),
        "partnerships": partnerships(ids),
        "municipalities": municipalities(ids),
        "budgets": Budget.objects.filter(partnership__office__county_id__in=ids).order_by(
            "-year", "name"
        ),
    }


def pilot_choices(user: User, project: Project) -> dict[str, QuerySet]:
    ids = {project.county_id}
    return {
        "partnerships": partnerships(ids),
        "municipalities": municipalities(ids),
        "local_group": bodies(user, ids),
        "local_leader": people(ids),
    }
