"""The owners' steering signals side by side (Styringssignaler), and a new one."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from partnerskap.core.pages import form_view, posted
from partnerskap.registry.access import access_scope
from partnerskap.registry.selectors import partnership_for_user

from . import selectors, services
from .forms import SignalForm
from .models import Owner, SteeringSignal
from .views import _year


@require_GET
def signal_list(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for_user(request.user, pk)
    year = _year(request)
    found = selectors.signals(partnership, year)
    context = {
        "partnership": partnership,
        "year": year,
        "years": sorted({*selectors.signal_years(partnership), year}, reverse=True),
        "columns": [(label, found[owner]) for owner, label in Owner.choices],
        "can_edit": access_scope(request.user).can_edit_partnership(pk),
    }
    return render(request, "goals/signal_list.html", context)


@require_http_methods(["GET", "POST"])
def signal_create(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for_user(request.user, pk, change=True)
    year = _year(request)
    back = f"{reverse('goals:signal_list', args=[pk])}?ar={year}"
    others = SteeringSignal.objects.filter(partnership=partnership).order_by("-year", "title")
    return form_view(
        request,
        SignalForm(posted(request), initial={"year": year}, signals=others),
        template="goals/form.html",
        save=lambda data: services.signal_create(
            actor=request.user, partnership=partnership, **data
        ),
        then=lambda signal: f"{reverse('goals:signal_list', args=[pk])}?ar={signal.year}",
        saved=_("The steering signal was saved."),
        title=_("New steering signal"),
        submit=_("Save the steering signal"),
        back=back,
        partnership=partnership,
    )
