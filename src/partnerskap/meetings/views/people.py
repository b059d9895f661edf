"""People for administrators: everyone Partnerskap names, those without a login among them, recorded
here and given a login later (docs/decisions/0020)."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from partnerskap.core import people
from partnerskap.core.models import User
from partnerskap.core.pagination import paginate
from partnerskap.registry.access import access_scope

from .. import selectors
from ..forms import PersonForm, PersonLoginForm
from ._common import form_view


def _admin_only(request: HttpRequest) -> None:
    if not access_scope(request.user).is_admin:
        raise PermissionDenied


def _posted(request: HttpRequest) -> object:
    return request.POST if request.method == "POST" else None


@require_GET
def people_list(request: HttpRequest) -> HttpResponse:
    _admin_only(request)
    query = request.GET.get("q", "").strip()
    without_login = request.GET.get("uten_innlogging") == "1"
    page = paginate(request, selectors.people(query=query, without_login=without_login))
    context = {"page": page, "q": query, "without_login": without_login}
    return render(request, "meetings/people.html", context)


@require_http_methods(["GET", "POST"])
def person_create(request: HttpRequest) -> HttpResponse:
    _admin_only(request)
    return form_view(
        request,
        PersonForm(_posted(request)),
        save=lambda data: people.person_from_name(actor=request.user, **data),
        then=lambda _person: reverse("meetings:people"),
        saved=lambda person: _("%(person)s was recorded.") % {"person": person.display_name},
        title=_("New person without a login"),
        submit=_("Record the person"),
        back=reverse("meetings:people"),
    )


@require_http_methods(["GET", "POST"])
def person_login(request: HttpRequest, pk: int) -> HttpResponse:
    _admin_only(request)
    person = get_object_or_404(User, pk=pk)
    return form_view(
        request,
        PersonLoginForm(_posted(request)),
        save=lambda data: people.person_give_login(actor=request.user, person=person, **data),
        then=lambda _person: reverse("meetings:people"),
        saved=_("%(person)s can now sign in.") % {"person": person.display_name},
        title=_("Give %(person)s a login") % {"person": person.display_name},
        intro=_(
            "Everything the person was part of (memberships, attendance, follow-ups) stays "
            "theirs. Tell them the user name and the first password yourself."
        ),
        submit=_("Give a login"),
        back=reverse("meetings:people"),
    )
