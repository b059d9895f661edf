"""Check-in at the door: the day's list, one tap per person, on a tablet or a phone.

With htmx the tap swaps only the person's row; without JavaScript the form posts and the page
comes back at the same place in the list.
"""

from datetime import date
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from partnerskap.core.pagination import paginate

from .. import selectors, services
from ..forms import CheckInForm
from ..models import Event, RegistrationStatus
from ._common import event_context


def _day(event: Event, value: str | None) -> date:
    """The day asked for, else today during the event, else its first day."""
    if value:
        try:
            day = date.fromisoformat(value)
        except ValueError:
            raise Http404 from None
        if day not in event.days:
            raise Http404
        return day
    today = timezone.localdate()
    return today if today in event.days else event.first_day


def _context(event: Event, day: date, search: str, side: str = "") -> dict:
    """What the page and a row need; `action` posts a tap back to the same day, search and page."""
    query = urlencode({"dag": day.isoformat(), **({"q": search} if search else {})})
    at_page = f"&side={side}" if side.isdigit() else ""
    return {
        "event": event,
        "day": day,
        "query": query,
        "action": reverse("conferences:check_in", args=[event.pk]) + "?" + query + at_page,
        "arrived": selectors.check_in_totals(event)[day],
        "registered": event.registrations.filter(status=RegistrationStatus.REGISTERED).count(),
    }


@require_http_methods(["GET", "POST"])
def check_in(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_for_user(request.user, pk, change=True)
    day = _day(event, request.GET.get("dag") or request.POST.get("dag"))
    search = request.GET.get("q", "")
    side = request.GET.get("side", "")
    error = None
    if request.method == "POST":
        form = CheckInForm(request.POST)
        if not form.is_valid():
            return HttpResponseBadRequest(_("Choose a participant to check in."))
        registration = get_object_or_404(event.registrations, pk=form.cleaned_data["registration"])
        try:
            services.check_in(
                actor=request.user,
                registration=registration,
                day=day,
                present=form.cleaned_data["present"],
            )
        except ValidationError as exc:
            error = exc.messages[0]
        if request.htmx and error is None:
            row = selectors.check_in_list(event, day).get(pk=registration.pk)
            context = _context(event, day, search, side) | {"person": row, "oob": True}
            return render(request, "conferences/_check_in_row.html", context)
        if error is None:
            url = _context(event, day, search, side)["action"]
            return redirect(f"{url}#person-{registration.pk}")
    page = paginate(request, selectors.check_in_list(event, day, search))
    context = (
        event_context(request, event, "check_in")
        | _context(event, day, search, side)
        | {"page": page, "search": search, "error": error}
    )
    return render(request, "conferences/check_in.html", context, status=400 if error else 200)
