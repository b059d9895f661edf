"""The list of events, an event's overview, creating and changing it, extending the deadline."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from partnerskap.core.models import User
from partnerskap.core.pagination import paginate
from partnerskap.meetings.access import body_scope
from partnerskap.meetings.models import Body
from partnerskap.registry.models import County, Partnership
from partnerskap.registry.selectors import partnership_for_user

from .. import selectors, services
from ..access import event_scope
from ..forms import DeadlineForm, EventForm, end_of, local_day
from ..services._common import late_registration_is_open, registration_is_open
from ._common import base_url, bound, event_context, form_view


def _choices(user: User) -> dict:
    scope = event_scope(user)
    partnerships = Partnership.objects.current().order_by("name")
    counties = County.objects.current().order_by("number")
    bodies = Body.objects.order_by("name")
    if not scope.is_admin:
        partnerships = partnerships.filter(pk__in=scope.editable_partnerships)
        counties = counties.filter(pk__in=scope.editable_counties)
        bodies = bodies.filter(pk__in=body_scope(user).readable)
    return {"partnerships": partnerships, "counties": counties, "bodies": bodies}


@require_GET
def event_list(request: HttpRequest) -> HttpResponse:
    page = paginate(request, selectors.event_list(request.user))
    can_organise = event_scope(request.user).can_organise
    return render(
        request, "conferences/event_list.html", {"page": page, "can_organise": can_organise}
    )


@require_GET
def partnership_events(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for_user(request.user, pk)
    page = paginate(request, selectors.partnership_events(request.user, partnership))
    return render(
        request,
        "conferences/event_list.html",
        {
            "page": page,
            "partnership": partnership,
            "can_organise": event_scope(request.user).can_organise,
        },
    )


@require_http_methods(["GET", "POST"])
def event_create(request: HttpRequest) -> HttpResponse:
    if not event_scope(request.user).can_organise:
        raise PermissionDenied
    form = EventForm(bound(request), **_choices(request.user))

    def save(data: dict) -> object:
        fields = form.event_fields()
        return services.event_create(
            actor=request.user,
            slug=data["slug"],
            **form.organiser_fields(),
            **fields,
        )

    return form_view(
        request,
        form,
        save=save,
        then=lambda event: ("conferences:event_detail", event.pk),
        saved=_("The event was created. Add the programme, then publish it."),
        title=_("New event"),
        submit=_("Create the event"),
        back=reverse("conferences:event_list"),
    )


@require_GET
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_for_user(request.user, pk)
    context = event_context(request, event, "overview") | {
        "counts": selectors.event_counts(event),
        "latest": selectors.latest_version(event),
        "open": registration_is_open(event),
        "late_open": late_registration_is_open(event),
        "check_ins": selectors.check_in_totals(event),
        "municipalities": event.audience_municipalities.order_by("number"),
    }
    return render(request, "conferences/event_detail.html", context)


@require_http_methods(["GET", "POST"])
def event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_for_user(request.user, pk, change=True)
    form = EventForm(
        bound(request), initial=EventForm.initial_for(event), event=event, **_choices(request.user)
    )
    return form_view(
        request,
        form,
        save=lambda data: services.event_update(
            actor=request.user,
            event=event,
            revision=data["revision"],
            base_url=base_url(request),
            **form.event_fields(),
        ),
        then=lambda saved: ("conferences:event_detail", saved.pk),
        saved=_("The event was saved."),
        title=_("Edit %(event)s") % {"event": event.title},
        submit=_("Save"),
        back=reverse("conferences:event_detail", args=[event.pk]),
        event=event,
    )


@require_http_methods(["GET", "POST"])
def deadline_extend(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_for_user(request.user, pk, change=True)
    form = DeadlineForm(bound(request), initial={"revision": event.revision})
    return form_view(
        request,
        form,
        save=lambda data: services.event_extend_deadline(
            actor=request.user,
            event=event,
            registration_closes=end_of(data["registration_closes"]),
            revision=data["revision"],
        ),
        then=lambda saved: ("conferences:event_detail", saved.pk),
        saved=_("The deadline was extended."),
        title=_("Extend the registration deadline"),
        intro=_("The deadline is now %(day)s.")
        % {"day": local_day(event.registration_closes).strftime("%d.%m.%Y")},
        submit=_("Extend the deadline"),
        back=reverse("conferences:event_detail", args=[event.pk]),
        event=event,
    )
