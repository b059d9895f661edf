"""E-mail that leaves after a meeting change is committed: the notice with its PDF and calendar
invitation, cancellations, minutes out for comments, and reminders of overdue follow-ups."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import ActionItem, Attendance, AttendanceStatus, Meeting


def _recipients(meeting: Meeting) -> list[str]:
    rows = (
        Attendance.objects.filter(meeting=meeting, person__isnull=False)
        .exclude(status=AttendanceStatus.GUEST)
        .select_related("person")
    )
    return sorted({a.person.email for a in rows if a.person.email})


def _meeting(meeting_id: int) -> Meeting:
    return Meeting.objects.select_related("body", "minutes").get(pk=meeting_id)


def _date(meeting: Meeting) -> str:
    return timezone.localtime(meeting.starts_at).strftime("%d.%m.%Y %H:%M")


def send_notice(meeting_id: int, only: list[str] | None = None) -> int:
    """The notice to every invited member (or `only` to these addresses: a member added after
    the notice went out), with the agenda as PDF and an .ics invitation."""
    from . import documents
    from .selectors import minutes_content

    meeting = _meeting(meeting_id)
    content = minutes_content(meeting)
    message = EmailMessage(
        subject=_("Notice: %(body)s %(date)s")
        % {"body": meeting.body.name, "date": _date(meeting)},
        body=_(
            "You are invited to %(body)s on %(date)s at %(place)s. The agenda is attached, with a "
            "calendar invitation."
        )
        % {"body": meeting.body.name, "date": _date(meeting), "place": meeting.location or "–"},
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[e for e in only if e] if only is not None else _recipients(meeting),
    )
    message.attach("innkalling.pdf", documents.notice_pdf(content), "application/pdf")
    message.attach("mote.ics", documents.meeting_ics(meeting), "text/calendar; method=REQUEST")
    return message.send() if message.to else 0


def send_cancellation(meeting_id: int) -> int:
    from . import documents

    meeting = _meeting(meeting_id)
    message = EmailMessage(
        subject=_("Cancelled: %(body)s %(date)s")
        % {"body": meeting.body.name, "date": _date(meeting)},
        body=_("The meeting is cancelled: %(reason)s") % {"reason": meeting.cancelled_reason},
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=_recipients(meeting),
    )
    message.attach("mote.ics", documents.meeting_ics(meeting), "text/calendar; method=CANCEL")
    return message.send() if message.to else 0


def send_minutes_for_comments(meeting_id: int) -> int:
    from . import documents
    from .selectors import minutes_content

    meeting = _meeting(meeting_id)
    deadline = meeting.minutes.comment_deadline
    message = EmailMessage(
        subject=_("Minutes for comments: %(body)s %(date)s")
        % {"body": meeting.body.name, "date": _date(meeting)},
        body=_(
            "The draft minutes are attached. Send comments in Partnerskap by %(deadline)s. With no "
            "objection by then, the minutes count as approved."
        )
        % {"deadline": deadline.strftime("%d.%m.%Y") if deadline else "–"},
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=_recipients(meeting),
    )
    message.attach(
        "referat-utkast.pdf", documents.minutes_pdf(minutes_content(meeting)), "application/pdf"
    )
    return message.send() if message.to else 0


def send_reminder(action: ActionItem) -> int:
    if not action.owner.email:
        return 0
    message = EmailMessage(
        subject=_("Overdue follow-up: %(title)s") % {"title": action.title},
        body=_(
            "The follow-up “%(title)s” from %(item)s in %(body)s was due %(due)s and is still open. "  # noqa: E501
            "Report progress or close it in Partnerskap."
        )
        % {
            "title": action.title,
            "item": action.item.label,
            "body": action.body.name,
            "due": action.due_date.strftime("%d.%m.%Y"),
        },
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[action.owner.email],
    )
    return message.send()
