"""Freezing the goals table into a meeting's notice (connected in apps.py).

When the notice is sent, each goals table attached to one of the meeting's items is rendered to
PDF as the goals stand at that moment and kept as an attachment of its item (papers.freeze), as
the figures' status reports are; the receiver only hands the event on.
"""

from django.dispatch import receiver

from partnerskap.core.models import User
from partnerskap.meetings.models import Meeting
from partnerskap.meetings.signals import notice_sent


@receiver(notice_sent, dispatch_uid="goals_freeze_papers")
def freeze_goals(sender: object, *, actor: User, meeting: Meeting, **kwargs: object) -> None:
    from .papers import freeze

    freeze(actor=actor, meeting=meeting)
