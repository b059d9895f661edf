"""A meeting's life in one place: its states, the steps between them, and where it stands today.

Every rule about what may happen while a meeting is in a given state lives here: which steps lead
where (`STEPS`), when the agenda and the minutes are open, which steps a page offers, and the
effective state read from the minutes (deemed approval needs no scheduled job to be true). The
services take a step with `take_step`, which writes the meeting once (one history row per step);
pages, documents and the API ask `meeting_state` and the predicates below.
(docs/decisions/0031-one-meeting-lifecycle.md)
"""

from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerskap.core.models import User
from partnerskap.core.services import save

from .models import Body, Meeting, MeetingStatus, Minutes, MinutesStatus

S = MeetingStatus

# Each step: the states it may be taken from, and the state it leads to.
STEPS: dict[str, tuple[tuple[str, ...], str]] = {
    "notice": ((S.PLANNED,), S.NOTICE_SENT),
    "held": ((S.NOTICE_SENT,), S.HELD),
    "record_afterwards": ((S.PLANNED, S.NOTICE_SENT), S.HELD),
    "cancel": ((S.PLANNED, S.NOTICE_SENT), S.CANCELLED),
    "send_for_comments": ((S.HELD,), S.MINUTES_IN_COMMENT),
    "approve": ((S.HELD, S.MINUTES_IN_COMMENT), S.MINUTES_APPROVED),
    "approve_and_publish": ((S.HELD, S.MINUTES_IN_COMMENT), S.PUBLISHED),
    "publish": ((S.MINUTES_APPROVED,), S.PUBLISHED),
}

# While the agenda may change: items added, moved, withdrawn, reordered.
AGENDA_OPEN = (S.PLANNED, S.NOTICE_SENT, S.HELD)
# Once the minutes are approved (or the meeting cancelled) nothing of the meeting changes.
CLOSED = (S.MINUTES_APPROVED, S.PUBLISHED, S.CANCELLED)
# While the meeting's time, place and people may change.
CHANGEABLE = (S.PLANNED, S.NOTICE_SENT, S.HELD, S.MINUTES_IN_COMMENT)
# Attendance is taken once the notice has gone out (or when the meeting is recorded afterwards).
ATTENDANCE_OPEN = (S.NOTICE_SENT, S.HELD, S.MINUTES_IN_COMMENT)

# The steps a person who runs the body is offered on the meeting page, by where it stands.
NEXT_STEPS: dict[str, tuple[str, ...]] = {
    S.PLANNED: ("notice", "edit", "cancel"),
    S.NOTICE_SENT: ("attendance", "held", "edit", "cancel"),
    S.HELD: ("attendance", "send_for_comments", "approve"),
    S.MINUTES_IN_COMMENT: ("comment", "approve"),
    S.MINUTES_APPROVED: ("publish", "correct"),
    S.PUBLISHED: ("correct",),
    S.CANCELLED: (),
}


def _status_name(status: str) -> str:
    return str(MeetingStatus(status).label).lower()


def take_step(meeting: Meeting, step: str, *, actor: User | None, **fields: object) -> Meeting:
    """Move the (locked) meeting along `step`, setting `fields` with it, in one write."""
    allowed_from, to = STEPS[step]
    if meeting.status not in allowed_from:
        raise ValidationError(
            _("This cannot be done while the meeting is %(status)s.")
            % {"status": _status_name(meeting.status)}
        )
    meeting.status = to
    for name, value in fields.items():
        setattr(meeting, name, value)
    return save(meeting, actor=actor)


def assert_agenda_open(meeting: Meeting) -> None:
    if meeting.status not in AGENDA_OPEN:
        raise ValidationError(
            {
                "meeting": _(
                    "The agenda of the meeting on %(date)s can no longer be changed: the meeting "
                    "is %(status)s."
                )
                % {
                    "date": timezone.localtime(meeting.starts_at).strftime("%d.%m.%Y"),
                    "status": _status_name(meeting.status),
                }
            }
        )


def assert_changeable(meeting: Meeting) -> None:
    if meeting.status not in CHANGEABLE:
        raise ValidationError(_("A cancelled or closed meeting cannot be changed."))


def answers_open(meeting: Meeting) -> bool:
    """Whether an invitee may still answer the notice (coming, or absent with notice): from the
    notice until the meeting starts, unless it is cancelled or already recorded as held."""
    return meeting.status == S.NOTICE_SENT and meeting.starts_at > timezone.now()


def assert_attendance_open(meeting: Meeting) -> None:
    if meeting.status not in ATTENDANCE_OPEN:
        raise ValidationError(_("Attendance is recorded once the notice has gone out."))
    assert_minutes_open(meeting)


# --- the minutes, as they stand today ---------------------------------------------------------


def _has_objection(minutes: Minutes) -> bool:
    prefetched = getattr(minutes, "_prefetched_objects_cache", {}).get("comments")
    if prefetched is not None:
        return any(c.is_objection for c in prefetched)
    return minutes.comments.filter(is_objection=True).exists()


def minutes_status(minutes: Minutes, today: date | None = None) -> str:
    """Minutes out for comments count as approved the day after the deadline if no one objected
    (and as published, if the body publishes on approval)."""
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
        and minutes_status(minutes, today) != MinutesStatus.IN_COMMENT
    )


def deemed_approved_at(minutes: Minutes) -> datetime:
    """The moment the deadline day ended."""
    assert minutes.comment_deadline is not None
    day_after = minutes.comment_deadline + timedelta(days=1)
    return datetime.combine(day_after, time(0, 0), tzinfo=timezone.get_current_timezone())


def is_frozen(meeting: Meeting) -> bool:
    if meeting.status in (S.MINUTES_APPROVED, S.PUBLISHED):
        return True
    minutes = getattr(meeting, "minutes", None)
    return minutes is not None and minutes_status(minutes) in (
        MinutesStatus.APPROVED,
        MinutesStatus.PUBLISHED,
    )


def assert_minutes_open(meeting: Meeting) -> None:
    if meeting.status == S.CANCELLED:
        raise ValidationError(_("The meeting is cancelled."))
    if is_frozen(meeting):
        raise ValidationError(
            _(
                "The minutes are approved and frozen. A correction is made as a new version with "
                "a reason."
            )
        )


# --- the meeting, as it stands today ----------------------------------------------------------


def meeting_state(meeting: Meeting) -> str:
    """The meeting's status as it is today: minutes whose comment deadline passed with no
    objection count as approved (and published, if the body publishes on approval)."""
    minutes = getattr(meeting, "minutes", None)
    if meeting.status != S.MINUTES_IN_COMMENT or minutes is None:
        return meeting.status
    effective = minutes_status(minutes)
    if effective == MinutesStatus.APPROVED:
        return S.MINUTES_APPROVED
    if effective == MinutesStatus.PUBLISHED:
        return S.PUBLISHED
    return meeting.status


def state_label(meeting: Meeting) -> str:
    return str(MeetingStatus(meeting_state(meeting)).label)


def next_steps(state: str, *, can_run: bool, started: bool = False) -> frozenset[str]:
    """The steps offered on the meeting page. A meeting that has begun without a notice (or
    without being marked held) may be recorded afterwards instead."""
    if can_run:
        steps = frozenset(NEXT_STEPS[MeetingStatus(state)])
        if started and state in STEPS["record_afterwards"][0]:
            steps |= {"record_afterwards"}
        return steps
    # Everyone who reads the body may comment on minutes out for comments.
    return frozenset({"comment"}) if state == S.MINUTES_IN_COMMENT else frozenset()


def agenda_open(state: str) -> bool:
    return state in AGENDA_OPEN


def minutes_open(state: str) -> bool:
    return state not in CLOSED


def with_state(meetings: list[Meeting], body: Body) -> list[Meeting]:
    """A page of one body's meetings, ready for `meeting_state` without a query per row: each
    meeting gets the body, and minutes out for comments get their comments (one query)."""
    for meeting in meetings:
        meeting.body = body
    in_comment = [
        m.minutes
        for m in meetings
        if hasattr(m, "minutes") and m.minutes.status == MinutesStatus.IN_COMMENT
    ]
    prefetch_related_objects(in_comment, "comments")
    return meetings
