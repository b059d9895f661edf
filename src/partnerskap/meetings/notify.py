"""E-mail that leaves after a meeting change is committed: the notice with its PDF and calendar
invitation, cancellations, minutes out for comments, and reminders of overdue follow-ups."""

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerskap.core.links import site_url

from .models import ActionItem, Attendance, AttendanceStatus, Meeting


def _invited(rows: Iterable[Attendance]) -> list[Attendance]:
    """The invited people among a meeting's attendance rows (guests and rows without a person
    left out), one per address: an address two people share gets one e-mail. People without an
    address are each kept; they get nothing, and the preview says so."""
    seen: set[str] = set()
    invited = []
    for row in rows:
        if row.person_id is None or row.status == AttendanceStatus.GUEST:
            continue
        email = row.person.email
        if email:
            if email in seen:
                continue
            seen.add(email)
        invited.append(row)
    return invited


def _attendances(meeting: Meeting) -> QuerySet[Attendance]:
    return (
        Attendance.objects.filter(meeting=meeting)
        .select_related("person", "meeting")
        .order_by("person__email", "pk")
    )


def _recipients(meeting: Meeting) -> list[str]:
    return sorted(a.person.email for a in _invited(_attendances(meeting)) if a.person.email)


def _meeting(meeting_id: int) -> Meeting:
    return Meeting.objects.select_related("body", "minutes").get(pk=meeting_id)


def _date(meeting: Meeting) -> str:
    return timezone.localtime(meeting.starts_at).strftime("%d.%m.%Y %H:%M")


def _invitees(meeting: Meeting, only: list[str] | None) -> list[Attendance]:
    """The invited members with an address (or only those at the addresses in `only`)."""
    return [
        a
        for a in _invited(_attendances(meeting))
        if a.person.email and (only is None or a.person.email in only)
    ]


# The notice's attachments: the agenda and a calendar invitation.
NOTICE_ATTACHMENTS = ("innkalling.pdf", "mote.ics")


def notice_text(meeting: Meeting) -> tuple[str, str]:
    """The notice e-mail's subject and text, as sent and as previewed on the meeting page."""
    subject = _("Notice: %(body)s %(date)s") % {"body": meeting.body.name, "date": _date(meeting)}
    text = _(
        "You are invited to %(body)s on %(date)s at %(place)s. The agenda is attached, with a "
        "calendar invitation."
    ) % {"body": meeting.body.name, "date": _date(meeting), "place": meeting.location or "–"}
    return subject, text


def notice_recipients(attendances: list[Attendance]) -> list[tuple[str, str]]:
    """Who the notice goes to, from the meeting's (prefetched) attendance rows, by name: each as
    (name, address), an empty address for those who get nothing. The same people `send_notice`
    writes to."""
    rows = sorted(attendances, key=lambda a: (a.name, a.pk))
    return [(a.name, a.person.email) for a in _invited(rows)]


def send_notice(meeting_id: int, only: list[str] | None = None) -> int:
    """The notice to every invited member (or `only` to these addresses: a member added after
    the notice went out), with the agenda as PDF and an .ics invitation. Each gets their own
    e-mail with a personal link to answer coming or absent (docs/decisions/0066)."""
    from . import documents
    from .selectors import minutes_content
    from .tokens import answer_token

    meeting = _meeting(meeting_id)
    content = minutes_content(meeting)
    pdf, ics = documents.notice_pdf(content), documents.meeting_ics(meeting)
    subject, text = notice_text(meeting)
    base = site_url()
    messages = []
    for attendance in _invitees(meeting, only):
        link = base + reverse("meetings:notice_answer", args=[answer_token(attendance)])
        answer = _(
            "Answer whether you are coming, or send notice of absence (forfall), here: %(link)s"
        ) % {"link": link}
        message = EmailMessage(
            subject=subject,
            body=f"{text}\n\n{answer}",
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[attendance.person.email],
        )
        message.attach(NOTICE_ATTACHMENTS[0], pdf, "application/pdf")
        message.attach(NOTICE_ATTACHMENTS[1], ics, "text/calendar; method=REQUEST")
        messages.append(message)
    return get_connection().send_messages(messages) if messages else 0


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
