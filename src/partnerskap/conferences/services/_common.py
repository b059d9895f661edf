"""What the conference services share: moments of an event and the organiser's right to act."""

from datetime import date, datetime, time

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from partnerskap.core.models import User

from ..access import event_scope
from ..models import Event


def at(day: date, moment: time = time.min) -> datetime:
    """A local day and time as an aware datetime (Europe/Oslo)."""
    return timezone.make_aware(datetime.combine(day, moment))


def event_starts(event: Event) -> datetime:
    """When the event begins: its first session on the first day, else the start of that day."""
    first = event.sessions.filter(day=event.first_day).order_by("starts").first()
    return at(event.first_day, first.starts if first else time.min)


def event_ends(event: Event) -> datetime:
    return at(event.last_day, time.max)


def assert_manages(actor: User | None, event: Event) -> None:
    """The services trust no caller: only the event's organisers and its following body's members
    change it (the pages and API check first and answer 404/403; this is the backstop)."""
    if actor is None or not event_scope(actor).can_manage(event):
        raise PermissionDenied


def registration_is_open(event: Event, now: datetime | None = None) -> bool:
    """Inside the registration window (published, opened, before the deadline)."""
    now = now or timezone.now()
    if event.published_at is None or event.personal_data_deleted_at is not None:
        return False
    if event.registration_opens and now < event.registration_opens:
        return False
    return now <= event.registration_closes


def late_registration_is_open(event: Event, now: datetime | None = None) -> bool:
    """After the deadline, while places remain and the event has not ended, if the organiser
    accepts late registrations (the seed's "påmelding etter fristen er mulig ved ledige
    plasser")."""
    now = now or timezone.now()
    return (
        event.late_registration
        and event.published_at is not None
        and event.personal_data_deleted_at is None
        and now > event.registration_closes
        and now <= event_ends(event)
    )
