"""Registrations, registrations per organisation, invitations and check-in in the API.
Registrations and check-ins are personal data: only the event's managers get them."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db.models import F, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Status
from ninja.pagination import paginate

from partnerskap.core.api import PageNumberPagination
from partnerskap.registry.models import Municipality

from .. import selectors, services
from ..models import CancelReason, Event, Registration
from ._common import base_url, no_such, one, router
from .schemas import (
    CheckInIn,
    CheckInOut,
    CheckInRowOut,
    EventOrganisationsOut,
    EventRemindOut,
    InvitationIn,
    InvitationOut,
    RegistrationIn,
    RegistrationOut,
)

# --- registrations --------------------------------------------------------------------------


@router.get(
    "/events/{event_id}/registrations",
    response=list[RegistrationOut],
    summary="Registrations (for the event's organisers)",
)
@paginate(PageNumberPagination)
def registration_list(request: HttpRequest, event_id: int, status: str = "") -> QuerySet:
    event = selectors.event_for_user(request.user, event_id, change=True)
    return selectors.registrations(event, status=status)


def registration_fields(event: Event, payload: RegistrationIn) -> dict:
    data = payload.dict(exclude={"municipality_id"})
    data["municipality"] = one(
        Municipality,
        payload.municipality_id,
        "municipality_id",
        qs=event.audience_municipalities.all(),
    )
    return data


@router.post(
    "/events/{event_id}/registrations",
    response={201: RegistrationOut},
    summary="Register a participant (an organiser registering someone)",
)
def registration_add(
    request: HttpRequest, event_id: int, payload: RegistrationIn
) -> Status[Registration]:
    event = selectors.event_for_user(request.user, event_id, change=True)
    registration = services.registration_create(
        actor=request.user,
        event=event,
        by_organiser=True,
        base_url=base_url(request),
        **registration_fields(event, payload),
    )
    return Status(201, registration)


@router.post(
    "/registrations/{registration_id}/cancel",
    response=RegistrationOut,
    summary="Cancel a registration (its place goes to the first on the waiting list)",
)
def registration_cancel(request: HttpRequest, registration_id: int) -> Registration:
    registration = selectors.registration_for_user(request.user, registration_id)
    return services.registration_cancel(
        actor=request.user,
        registration=registration,
        reason=CancelReason.BY_ORGANISER,
        base_url=base_url(request),
    )


@router.get(
    "/events/{event_id}/organisations",
    response=EventOrganisationsOut,
    summary="Registrations per invited municipality and per other organisation",
)
def organisations(request: HttpRequest, event_id: int) -> dict:
    event = selectors.event_for_user(request.user, event_id)
    rows = selectors.organisation_rows(event)
    return {
        "municipalities": [
            {
                "municipality_id": r.municipality.pk,
                "number": r.municipality.number,
                "name": r.municipality.name,
                "registered": r.registered,
                "waitlisted": r.waitlisted,
                "reminded_at": r.reminded_at,
            }
            for r in rows.municipalities
        ],
        "without_registrations": [r.municipality.pk for r in rows.missing],
        "others": [
            {"organisation": name, "registered": reg, "waitlisted": wait}
            for name, reg, wait in rows.others
        ],
    }


@router.post(
    "/events/{event_id}/organisations/remind",
    response=EventRemindOut,
    summary="Remind the NAV leaders of invited municipalities without registrations (once each)",
)
def municipalities_remind(request: HttpRequest, event_id: int) -> dict:
    event = selectors.event_for_user(request.user, event_id, change=True)
    sent = services.municipalities_remind(
        actor=request.user, event=event, base_url=base_url(request)
    )
    return {"reminded_municipality_ids": [r.municipality_id for r in sent]}


@router.post(
    "/events/{event_id}/invitations", response={201: InvitationOut}, summary="Invite a person"
)
def invitation_add(request: HttpRequest, event_id: int, payload: InvitationIn):
    event = selectors.event_for_user(request.user, event_id, change=True)
    invitation = services.invitation_add(
        actor=request.user,
        event=event,
        name=payload.name,
        email=payload.email,
        organisation=payload.organisation,
        municipality=one(
            Municipality,
            payload.municipality_id,
            "municipality_id",
            qs=event.audience_municipalities.all(),
        ),
        base_url=base_url(request),
    )
    return Status(201, invitation)


# --- check-in -------------------------------------------------------------------------------


def _event_day(event: Event, day: date | None) -> date:
    if day is None:
        return event.first_day
    if day not in event.days:
        raise ValidationError({"day": _("The event does not run on that day.")})
    return day


@router.get(
    "/events/{event_id}/check-ins",
    response=list[CheckInRowOut],
    summary="The registered participants and whether they arrived on a day",
)
@paginate(PageNumberPagination)
def check_in_list(request: HttpRequest, event_id: int, day: date | None = None) -> QuerySet:
    event = selectors.event_for_user(request.user, event_id, change=True)
    rows = selectors.check_in_list(event, _event_day(event, day))
    return rows.values("name", "organisation", "checked_in", registration_id=F("pk"))


@router.put("/events/{event_id}/check-ins", response=CheckInOut, summary="Check a person in or out")
def check_in(request: HttpRequest, event_id: int, payload: CheckInIn) -> dict:
    event = selectors.event_for_user(request.user, event_id, change=True)
    registration = event.registrations.filter(pk=payload.registration_id).first()
    if registration is None:
        raise no_such("registration_id", payload.registration_id)
    day = _event_day(event, payload.day)
    result = services.check_in(
        actor=request.user, registration=registration, day=day, present=payload.present
    )
    return {
        "registration_id": registration.pk,
        "day": day,
        "checked_in": result is not None,
        "arrived": selectors.check_in_totals(event)[day],
    }
