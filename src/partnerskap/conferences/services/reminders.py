"""Reminders: to the NAV leaders of invited municipalities with nobody registered (once per
municipality and event), and to participants a few days before the event (once each)."""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from partnerskap.core.models import RoleKind, User
from partnerskap.core.services import locked, save
from partnerskap.registry.models import Municipality, Owner, OwnerKind, Role

from .. import notify
from ..models import Event, MunicipalityReminder, Registration, RegistrationStatus
from ..selectors import municipalities_without_registrations
from ._common import assert_manages

# How many days before the first day participants get their reminder.
REMIND_DAYS_BEFORE = 3


def nav_leaders(municipalities: list[Municipality]) -> dict[int, list[User]]:
    """The current NAV leaders of the partnerships each municipality owns, by municipality."""
    today = timezone.localdate()
    owners = Owner.objects.filter(
        kind=OwnerKind.MUNICIPALITY, municipality__in=municipalities
    ).values_list("municipality_id", "partnership_id")
    partnerships: dict[int, set[int]] = {}
    for municipality_id, partnership_id in owners:
        partnerships.setdefault(partnership_id, set()).add(municipality_id)
    roles = (
        Role.objects.valid_on(today)
        .filter(kind=RoleKind.NAV_LEADER, partnership_id__in=partnerships)
        .select_related("person")
    )
    leaders: dict[int, list[User]] = {m.pk: [] for m in municipalities}
    for role in roles:
        for municipality_id in partnerships[role.partnership_id]:
            if role.person.is_active and role.person not in leaders[municipality_id]:
                leaders[municipality_id].append(role.person)
    return leaders


@transaction.atomic
def municipalities_remind(
    *, actor: User, event: Event, base_url: str = ""
) -> list[MunicipalityReminder]:
    """Remind the NAV leaders of every invited municipality without a registration to get their
    municipality signed up. Each municipality is reminded once per event, and each leader gets one
    e-mail naming all their municipalities: a second click, or a second organiser at the same
    moment, sends nothing more."""
    assert_manages(actor, event)
    fresh = locked(Event, event.pk)  # two organisers clicking at once take turns
    reminded = MunicipalityReminder.objects.filter(event=fresh).values_list(
        "municipality_id", flat=True
    )
    missing = list(municipalities_without_registrations(fresh).exclude(pk__in=reminded))
    leaders = nav_leaders(missing)
    created = []
    by_email: dict[str, list[str]] = {}
    for municipality in missing:
        people = [p for p in leaders[municipality.pk] if p.email]
        reminder = MunicipalityReminder(
            event=fresh, municipality=municipality, sent_by=actor, recipients=len(people)
        )
        created.append(save(reminder, actor=actor))
        for person in people:
            by_email.setdefault(person.email.lower(), []).append(municipality.name)
    if by_email:
        transaction.on_commit(
            lambda: notify.send_municipality_reminders(fresh.pk, by_email, base_url)
        )
    return created


def participants_remind(*, today: date | None = None, base_url: str = "") -> int:
    """A reminder with the calendar invitation to every registered participant, a few days before
    the event; each is reminded once. Recorded in the same transaction as the e-mail, so a send
    that fails is tried again the next day. Returns how many were reminded."""
    today = today or timezone.localdate()
    due = Registration.objects.filter(
        status=RegistrationStatus.REGISTERED,
        reminder_sent_at__isnull=True,
        event__first_day__gte=today,
        event__first_day__lte=today + timedelta(days=REMIND_DAYS_BEFORE),
        event__personal_data_deleted_at__isnull=True,
    ).exclude(email="")
    sent = 0
    for pk in list(due.values_list("pk", flat=True)):
        with transaction.atomic():
            updated = Registration.objects.filter(pk=pk, reminder_sent_at__isnull=True).update(
                reminder_sent_at=timezone.now()
            )
            if updated:
                notify.send_participant_reminder(pk, base_url)
                sent += 1
    return sent
