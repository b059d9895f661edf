"""Freezing status reports into a meeting's notice (connected in apps.py).

When the notice is sent, each status report attached to one of the meeting's items is frozen as
it is at that moment (services.reports_freeze); the receiver only hands the event on.
"""

from django.dispatch import receiver

from partnerskap.core.models import User
from partnerskap.meetings.models import Meeting
from partnerskap.meetings.signals import notice_sent


@receiver(notice_sent, dispatch_uid="figures_freeze_status_reports")
def freeze_status_reports(
    sender: object, *, actor: User, meeting: Meeting, **kwargs: object
) -> None:
    from .services import reports_freeze

    reports_freeze(actor=actor, meeting=meeting)
