"""The home page: the partnerships and roles of the signed-in person."""

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from partnerskap.registry.models import Role


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    roles = (
        Role.objects.current()
        .filter(person=request.user)
        .select_related("partnership", "partnership__office", "county")
        .prefetch_related(Prefetch("partnership__owners"))
        .order_by("partnership__name", "kind")
    )
    return render(request, "core/home.html", {"roles": roles})
