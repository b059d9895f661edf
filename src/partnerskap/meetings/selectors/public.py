"""Reads for the public pages and API: published minutes without what is exempt."""

from datetime import date

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from partnerskap.registry.models import Partnership

from ..models import (
    Attachment,
    Attendance,
    Body,
    Meeting,
    MeetingStatus,
    MinutesStatus,
)
from .content import approved_content, strip_exempt


def public_meetings_q(today: date | None = None) -> Q:
    """Meetings whose minutes are public: published, or deemed approved and published on read."""
    today = today or timezone.localdate()
    deemed = Q(
        minutes__status=MinutesStatus.IN_COMMENT,
        minutes__comment_deadline__lt=today,
        body__publish_on_approval=True,
    ) & ~Q(minutes__comments__is_objection=True)
    return Q(minutes__status=MinutesStatus.PUBLISHED) | deemed


def public_meetings(bodies: QuerySet[Body]) -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(body__in=bodies)
        .filter(public_meetings_q())
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("body", "minutes")
        .distinct()
        .order_by("-starts_at")
    )


def public_meeting(pk: int) -> Meeting:
    meeting = public_meetings(Body.objects.all()).filter(pk=pk).first()
    if meeting is None:
        raise Http404
    return meeting


def public_body(slug: str) -> Body:
    body = Body.objects.select_related("partnership", "county").filter(slug=slug).first()
    if body is None:
        raise Http404
    return body


def public_partnership(pk: int) -> tuple[Partnership, list[Body]]:
    """A partnership and its bodies that have published minutes."""
    partnership = Partnership.objects.filter(pk=pk).first()
    if partnership is None:
        raise Http404
    bodies = Body.objects.filter(partnership=partnership)
    with_minutes = public_meetings(bodies).order_by().values("body_id")
    return partnership, list(bodies.filter(id__in=with_minutes).order_by("name"))


def public_attachment(meeting: Meeting, pk: int) -> Attachment:
    """An attachment the public minutes list: never one that is exempt or on an exempt item."""
    listed = {
        attachment["id"]
        for item in strip_exempt(approved_content(meeting))["items"]
        for attachment in item["attachments"]
    }
    attachment = (
        Attachment.objects.filter(pk=pk, exempt=False, item__exempt=False).first()
        if pk in listed
        else None
    )
    if attachment is None:
        raise Http404
    return attachment


def answering_attendance(token: str) -> Attendance:
    """The invitee's attendance a notice's personal link was made for, with its meeting; 404 for
    a forged or mangled token, or once the row is gone (docs/decisions/0066)."""
    from ..tokens import answer_target

    target = answer_target(token)
    if target is None:
        raise Http404
    pk, meeting_uuid = target
    found = Attendance.objects.select_related("meeting__body", "person").filter(
        pk=pk, meeting__uuid=meeting_uuid, person__isnull=False
    )
    attendance = found.first()
    if attendance is None:
        raise Http404
    return attendance
