"""The home page, "Til meg": what waits for the signed-in person, and their roles."""

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from partnerskap.registry.models import Role

from .needs import needs_for

# A county director owns every partnership of the county: the front page shows the most urgent of
# what they need, and the county overview shows all of it.
PARTNERSHIP_NEEDS_SHOWN = 15


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    needs = needs_for(request.user, today)
    roles = (
        Role.objects.current()
        .filter(person=request.user)
        .select_related("partnership", "partnership__office", "county")
        .prefetch_related(Prefetch("partnership__owners"))
        .order_by("partnership__name", "kind")
    )
    partnership_needs = [(n, n.is_overdue(today)) for n in needs if n.for_partnership]
    context = {
        "mine": [(n, n.is_overdue(today)) for n in needs if not n.for_partnership],
        "partnerships": partnership_needs[:PARTNERSHIP_NEEDS_SHOWN],
        "partnerships_more": max(0, len(partnership_needs) - PARTNERSHIP_NEEDS_SHOWN),
        "roles": roles,
    }
    return render(request, "core/home.html", context)
