"""Deleting participants' personal data when an event's retention period ends (decision 0044).

What goes: names, e-mail addresses, organisations and roles, dietary and accessibility needs,
the link to a person's login, the invitations, the history rows that held any of it, and the link
between a named evaluation answer and its participant. What stays: each registration's status,
municipality, days and dinner choice, the check-ins per day, the municipality reminders and the
evaluation's answers — so every count the organiser and the steering group saw stays the same.
"""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from partnerskap.core.services import locked, save

from ..models import Event, Invitation, Registration, SurveyResponse

PERSONAL_FIELDS = {
    "name": "",
    "email": "",
    "organisation": "",
    "job_title": "",
    "dietary_needs": "",
    "accessibility_needs": "",
    "person": None,
    "invitation": None,
}


@dataclass(frozen=True)
class Deleted:
    event: Event
    registrations: int
    invitations: int


def events_past_retention(today: date) -> list[Event]:
    """Events whose retention period has ended and whose personal data is still there."""
    candidates = Event.objects.filter(
        personal_data_deleted_at__isnull=True, last_day__lt=today
    ).order_by("last_day", "pk")
    return [event for event in candidates if event.retention_ends < today]


@transaction.atomic
def personal_data_delete(*, event: Event) -> Deleted:
    """Delete the personal data of one event's participants; a second run finds nothing."""
    fresh = locked(Event, event.pk)
    if fresh.personal_data_deleted_at is not None:
        return Deleted(fresh, 0, 0)
    registrations = Registration.objects.filter(event=fresh)
    ids = list(registrations.values_list("pk", flat=True))
    count = registrations.update(**PERSONAL_FIELDS)
    # The history held every earlier version of those rows: names and needs included.
    Registration.history.filter(id__in=ids).delete()
    SurveyResponse.objects.filter(survey__event=fresh).update(registration=None, submitted_at=None)
    invitations, _by_model = Invitation.objects.filter(event=fresh).delete()
    fresh.personal_data_deleted_at = timezone.now()
    save(fresh, actor=None)
    return Deleted(fresh, count, invitations)


def retention_run(*, today: date | None = None) -> list[Deleted]:
    """Every event past its retention period, one transaction each: for the daily command."""
    today = today or timezone.localdate()
    return [personal_data_delete(event=event) for event in events_past_retention(today)]
