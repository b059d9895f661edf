"""Registration, the waiting list and check-in (docs/decisions/0042).

Every change that can take or free a place locks the event's row first, so registrations made at
the same moment queue on it: they count the places held in turn, and an event with 150 places
gets exactly 150 registrations and the rest on the waiting list, whatever the load. A freed place
is offered to the first on the list, who has `offer_hours` to accept it before it goes to the next.
"""

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerskap.core.models import User
from partnerskap.core.services import locked, save
from partnerskap.registry.models import Municipality

from .. import notify
from ..models import (
    ACTIVE,
    HOLDS_PLACE,
    CancelReason,
    CheckIn,
    Event,
    Invitation,
    Registration,
    RegistrationMode,
    RegistrationQuestion,
    RegistrationStatus,
)
from ._common import (
    assert_manages,
    event_ends,
    event_starts,
    late_registration_is_open,
    registration_is_open,
)


def _check_window(event: Event, invitation: Invitation | None, by_organiser: bool) -> bool:
    """Whether the registration comes after the deadline (late); refuses one that may not be
    made at all."""
    if event.published_at is None:
        raise ValidationError(_("The event is not published yet."))
    if event.personal_data_deleted_at is not None or timezone.now() > event_ends(event):
        raise ValidationError(_("The event is over."))
    if by_organiser:
        return False
    invited = invitation is not None and invitation.event_id == event.pk
    if event.registration_mode == RegistrationMode.INVITATION and not invited:
        raise ValidationError(
            _("Registration is by invitation only. Use the link in your invitation.")
        )
    if registration_is_open(event):
        return False
    if event.registration_opens and timezone.now() < event.registration_opens:
        raise ValidationError(
            _("Registration opens %(when)s.")
            % {"when": timezone.localtime(event.registration_opens).strftime("%d.%m.%Y %H:%M")}
        )
    if late_registration_is_open(event):
        return True
    raise ValidationError(_("The registration deadline has passed."))


def _days(event: Event, days: Iterable[date | str]) -> list[str]:
    if not event.asks(RegistrationQuestion.DAYS):
        return [day.isoformat() for day in event.days]
    chosen = sorted({d if isinstance(d, str) else d.isoformat() for d in days})
    valid = {day.isoformat() for day in event.days}
    if not chosen:
        raise ValidationError({"days": _("Choose the days you attend.")})
    if not set(chosen) <= valid:
        raise ValidationError({"days": _("Choose among the event's days.")})
    return chosen


def _clean_person(event: Event, name: str, email: str, municipality: Municipality | None) -> str:
    if not name.strip():
        raise ValidationError({"name": _("Give your name.")})
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError({"email": _("Give a valid e-mail address.")}) from None
    if (
        Registration.objects.filter(event=event, email__iexact=email, status__in=ACTIVE)
        .exclude(email="")
        .exists()
    ):
        raise ValidationError(
            {
                "email": _(
                    "%(email)s is already registered for this event. The e-mail we sent has a "
                    "link to the registration."
                )
                % {"email": email}
            }
        )
    if (
        municipality is not None
        and not event.audience_municipalities.filter(pk=municipality.pk).exists()
    ):
        raise ValidationError(
            {"municipality": _("Choose one of the municipalities invited to the event.")}
        )
    return email


@transaction.atomic
def registration_create(
    *,
    actor: User | None,
    event: Event,
    name: str,
    email: str,
    organisation: str = "",
    municipality: Municipality | None = None,
    job_title: str = "",
    days: Iterable[date | str] = (),
    dinner: bool | None = None,
    dietary_needs: str = "",
    accessibility_needs: str = "",
    invitation: Invitation | None = None,
    by_organiser: bool = False,
    base_url: str = "",
) -> Registration:
    """Register a person: a place while there is one, else the waiting list (after the deadline,
    with late registration allowed, only while places remain). Only what the organiser asks for
    is kept. The confirmation (with the calendar invitation) or the waiting-list notice goes out
    after commit, with the personal link to see or cancel the registration."""
    fresh = locked(Event, event.pk)  # the queue: one registration at a time per event
    late = _check_window(fresh, invitation, by_organiser)
    email = _clean_person(fresh, name, email, municipality)
    held = fresh.registrations.filter(status__in=HOLDS_PLACE).count()
    full = fresh.capacity is not None and held >= fresh.capacity
    if full and late:
        raise ValidationError(
            _("The event is full, and the deadline for the waiting list has passed.")
        )
    asks = fresh.asks
    registration = Registration(
        event=fresh,
        status=RegistrationStatus.WAITLISTED if full else RegistrationStatus.REGISTERED,
        name=name.strip(),
        email=email,
        organisation=organisation.strip() if asks(RegistrationQuestion.ORGANISATION) else "",
        municipality=municipality if asks(RegistrationQuestion.ORGANISATION) else None,
        job_title=job_title.strip() if asks(RegistrationQuestion.ROLE) else "",
        days=_days(fresh, days),
        dinner=dinner if asks(RegistrationQuestion.DINNER) else None,
        dietary_needs=dietary_needs.strip() if asks(RegistrationQuestion.DIET) else "",
        accessibility_needs=(
            accessibility_needs.strip() if asks(RegistrationQuestion.ACCESSIBILITY) else ""
        ),
        person=actor if actor is not None and not by_organiser else None,
        invitation=invitation,
    )
    try:
        with transaction.atomic():
            save(registration, actor=actor)
    except IntegrityError:  # the same e-mail at the same moment, from another tab
        raise ValidationError(
            {"email": _("%(email)s is already registered for this event.") % {"email": email}}
        ) from None
    transaction.on_commit(lambda: notify.send_registered(registration.pk, base_url))
    return registration


def _offer_deadline(event: Event, now: datetime) -> datetime | None:
    """Until when an offered place is held: `offer_hours`, but never past the event's start."""
    starts = event_starts(event)
    if now >= starts:
        return None
    return min(now + timedelta(hours=event.offer_hours), starts)


def offer_free_places(
    event: Event, *, actor: User | None, base_url: str = "", now: datetime | None = None
) -> list[int]:
    """Offer every free place to the first on the waiting list, in the order they registered.
    The caller holds the event's lock. Returns the registrations offered a place."""
    if event.capacity is None:
        return []  # without a limit nobody waits
    free = event.capacity - event.registrations.filter(status__in=HOLDS_PLACE).count()
    now = now or timezone.now()
    expires = _offer_deadline(event, now)
    if free <= 0 or expires is None:
        return []
    offered = []
    for registration in event.registrations.filter(status=RegistrationStatus.WAITLISTED).order_by(
        "pk"
    )[:free]:
        registration.status = RegistrationStatus.OFFERED
        registration.offered_at = now
        registration.offer_expires_at = expires
        save(registration, actor=actor)
        offered.append(registration.pk)
    for pk in offered:
        transaction.on_commit(lambda pk=pk: notify.send_offer(pk, base_url))
    return offered


@transaction.atomic
def registration_cancel(
    *,
    actor: User | None,
    registration: Registration,
    reason: str = CancelReason.BY_PARTICIPANT,
    base_url: str = "",
) -> Registration:
    """Cancel a registration (or a place on the waiting list, or decline an offer). A place it
    held goes to the first on the waiting list. Cancelling twice changes nothing."""
    event = locked(Event, registration.event_id)
    fresh = locked(Registration, registration.pk)
    if fresh.status == RegistrationStatus.CANCELLED:
        return fresh
    if timezone.now() >= event_starts(event) and reason != CancelReason.BY_ORGANISER:
        raise ValidationError(_("The event has started: tell the organiser instead."))
    freed = fresh.holds_place
    if fresh.status == RegistrationStatus.OFFERED and reason == CancelReason.BY_PARTICIPANT:
        reason = CancelReason.OFFER_DECLINED
    fresh.status = RegistrationStatus.CANCELLED
    fresh.cancelled_at = timezone.now()
    fresh.cancel_reason = reason
    fresh.offer_expires_at = None
    save(fresh, actor=actor)
    transaction.on_commit(lambda: notify.send_cancelled(fresh.pk))
    if freed:
        offer_free_places(event, actor=actor, base_url=base_url)
    return fresh


@transaction.atomic
def offer_accept(
    *, actor: User | None, registration: Registration, base_url: str = ""
) -> Registration:
    """Take the offered place: the registration is confirmed, with the calendar invitation."""
    locked(Event, registration.event_id)
    fresh = locked(Registration, registration.pk)
    if fresh.status == RegistrationStatus.REGISTERED:
        return fresh
    if fresh.status != RegistrationStatus.OFFERED:
        raise ValidationError(_("There is no place on offer for this registration."))
    if fresh.offer_expires_at is not None and timezone.now() > fresh.offer_expires_at:
        raise ValidationError(
            _("The offer has lapsed, and the place has gone to the next in line.")
        )
    fresh.status = RegistrationStatus.REGISTERED
    fresh.offer_expires_at = None
    save(fresh, actor=actor)
    transaction.on_commit(lambda: notify.send_registered(fresh.pk, base_url))
    return fresh


def offers_expire(*, now: datetime | None = None, base_url: str = "") -> int:
    """Offers not accepted in time lapse, and their places go to the next in line; for the daily
    command, so running it twice changes nothing more. Returns how many lapsed."""
    now = now or timezone.now()
    lapsed = 0
    pending = Registration.objects.filter(
        status=RegistrationStatus.OFFERED, offer_expires_at__lt=now
    ).values_list("pk", "event_id")
    for pk, event_id in list(pending):
        with transaction.atomic():
            event = locked(Event, event_id)
            fresh = locked(Registration, pk)
            if fresh.status != RegistrationStatus.OFFERED or fresh.offer_expires_at >= now:
                continue
            fresh.status = RegistrationStatus.CANCELLED
            fresh.cancelled_at = now
            fresh.cancel_reason = CancelReason.OFFER_LAPSED
            fresh.offer_expires_at = None
            save(fresh, actor=None)
            offer_free_places(event, actor=None, base_url=base_url, now=now)
            lapsed += 1
    return lapsed


@transaction.atomic
def check_in(
    *, actor: User, registration: Registration, day: date, present: bool = True
) -> CheckIn | None:
    """Mark a registered participant as arrived on a day of the event, or take it back.
    One tap is one person: tapping twice leaves one check-in."""
    assert_manages(actor, registration.event)
    if registration.status != RegistrationStatus.REGISTERED:
        raise ValidationError(_("Only registered participants can be checked in."))
    if day not in registration.event.days:
        raise ValidationError({"day": _("The event does not run on that day.")})
    if not present:
        CheckIn.objects.filter(registration=registration, day=day).delete()
        return None
    existing = CheckIn.objects.filter(registration=registration, day=day).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return save(
                CheckIn(registration=registration, day=day, checked_in_by=actor), actor=actor
            )
    except (IntegrityError, ValidationError):  # the other tablet tapped the same person
        return CheckIn.objects.get(registration=registration, day=day)
