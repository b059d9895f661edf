"""Where minutes stand, correct on read: deemed approval needs no scheduled job to be true."""

from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Meeting, MeetingStatus, Minutes, MinutesStatus


def _has_objection(minutes: Minutes) -> bool:
    prefetched = getattr(minutes, "_prefetched_objects_cache", {}).get("comments")
    if prefetched is not None:
        return any(c.is_objection for c in prefetched)
    return minutes.comments.filter(is_objection=True).exists()


def effective_status(minutes: Minutes, today: date | None = None) -> str:
    """Minutes out for comments count as approved the day after the deadline if no one objected."""
    if minutes.status != MinutesStatus.IN_COMMENT or minutes.comment_deadline is None:
        return minutes.status
    today = today or timezone.localdate()
    if today > minutes.comment_deadline and not _has_objection(minutes):
        return (
            MinutesStatus.PUBLISHED
            if minutes.meeting.body.publish_on_approval
            else MinutesStatus.APPROVED
        )
    return MinutesStatus.IN_COMMENT


def is_deemed_approved(minutes: Minutes, today: date | None = None) -> bool:
    return (
        minutes.status == MinutesStatus.IN_COMMENT
        and effective_status(minutes, today) != MinutesStatus.IN_COMMENT
    )


def deemed_approved_at(minutes: Minutes) -> datetime:
    """The moment the deadline day ended."""
    day_after = minutes.comment_deadline + timedelta(days=1)
    return datetime.combine(day_after, time(0, 0), tzinfo=timezone.get_current_timezone())


def is_frozen(meeting: Meeting) -> bool:
    if meeting.status in (MeetingStatus.MINUTES_APPROVED, MeetingStatus.PUBLISHED):
        return True
    minutes = getattr(meeting, "minutes", None)
    return minutes is not None and effective_status(minutes) in (
        MinutesStatus.APPROVED,
        MinutesStatus.PUBLISHED,
    )


def assert_editable(meeting: Meeting) -> None:
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(_("The meeting is cancelled."))
    if is_frozen(meeting):
        raise ValidationError(
            _(
                "The minutes are approved and frozen. A correction is made as a new version with a reason."  # noqa: E501
            )
        )
