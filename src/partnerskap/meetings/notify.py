"""E-mail that leaves after a meeting change is committed: the notice with its PDF and calendar
invitation, cancellations, minutes out for comments, and reminders of overdue follow-ups."""

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerskap.core.links import site_url

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


def _invitees(meeting: Meeting, only: list[str] | None) -> list[Attendance]:
    """The invited members with an address, one each (an address two people share gets one)."""
    rows = (
        Attendance.objects.filter(meeting=meeting, person__isnull=False)
        .exclude(status=AttendanceStatus.GUEST)
        .select_related("person", "meeting")
        .order_by("person__email", "pk")
    )
    found: dict[str, Attendance] = {}
    for row in rows:
        email = row.person.email
        if email and (only is None or email in only):
            found.setdefault(email, row)
    return list(found.values())


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
    """Who the notice goes to, from the meeting's (prefetched) attendance rows: each invited
    person as (name, address), an address two people share once, and those without an address
    with an empty one, since they get nothing. The same people `send_notice` writes to."""
    rows = [
        a for a in attendances if a.person_id is not None and a.status != AttendanceStatus.GUEST
    ]
    seen: set[str] = set()
    recipients = []
    for row in sorted(rows, key=lambda a: (a.name, a.pk)):
        email = row.person.email
        if email and email in seen:
            continue
        seen.add(email)
        recipients.append((row.name, email))
    return recipients


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
