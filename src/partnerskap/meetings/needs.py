"""What meetings ask of a person, for the "Til meg" front page (core/needs.py).

Minutes out for comments that they have not commented on, their open follow-ups, their next
meetings, and for the leaders and owners of a partnership: minutes not yet approved after a
meeting, and a body with no meeting planned this half-year. Five queries however much data.
"""

from datetime import date, timedelta

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerskap.core.models import User
from partnerskap.core.needs import Need
from partnerskap.registry.access import access_scope

from .models import (
    OPEN_ACTION_STATUSES,
    ActionItem,
    AttendanceStatus,
    Body,
    BodyMember,
    Meeting,
    MeetingStatus,
    Minutes,
    MinutesStatus,
)

UPCOMING_DAYS = 42  # the next six weeks of meetings
UPCOMING_LIMIT = 5
UNWRITTEN_STATUSES = (MeetingStatus.PLANNED, MeetingStatus.NOTICE_SENT, MeetingStatus.HELD)


def _day(meeting: Meeting) -> str:
    return timezone.localtime(meeting.starts_at).strftime("%d.%m.%Y")


def _meeting_title(meeting: Meeting) -> str:
    return meeting.title or f"{meeting.body.name} {_day(meeting)}"


def _invited(user: User, today: date) -> Q:
    """Meetings the person is invited to, or of a body they are a member of today."""
    bodies = BodyMember.objects.valid_on(today).filter(person=user).values("body_id")
    attending = Q(attendances__person=user) & ~Q(attendances__status=AttendanceStatus.GUEST)
    return attending | Q(body_id__in=bodies)


def minutes_for_comments(user: User, today: date) -> list[Need]:
    meeting_ids = Meeting.objects.filter(_invited(user, today)).values("id")
    rows = (
        Minutes.objects.filter(
            status=MinutesStatus.IN_COMMENT, comment_deadline__gte=today, meeting_id__in=meeting_ids
        )
        .exclude(comments__author=user)
        .select_related("meeting__body")
    )
    return [
        Need(
            kind="minutes_comment",
            label=_("Minutes out for comments"),
            title=_meeting_title(m.meeting),
            url=reverse("meetings:meeting_detail", args=[m.meeting_id]),
            due=m.comment_deadline,
            where=m.meeting.body.name,
        )
        for m in rows
    ]


def follow_ups(user: User, today: date) -> list[Need]:
    rows = ActionItem.objects.filter(owner=user, status__in=OPEN_ACTION_STATUSES).select_related(
        "body", "item"
    )
    home = reverse("home")
    return [
        Need(
            kind="follow_up",
            label=_("Your follow-up"),
            title=a.title,
            url=reverse("meetings:action_update", args=[a.pk]) + f"?next={home}",
            due=a.due_date,
            where=f"{a.body.name}, {a.item.label}",
        )
        for a in rows
    ]


def next_meetings(user: User, today: date) -> list[Need]:
    meeting_ids = Meeting.objects.filter(_invited(user, today)).values("id")
    rows = (
        Meeting.objects.filter(
            id__in=meeting_ids,
            starts_at__date__gte=today,
            starts_at__date__lte=today + timedelta(days=UPCOMING_DAYS),
        )
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("body")
        .order_by("starts_at")[:UPCOMING_LIMIT]
    )
    return [
        Need(
            kind="meeting",
            label=_("Notice and papers") if m.notice_sent_at else _("Next meeting"),
            title=_meeting_title(m),
            url=reverse("meetings:meeting_detail", args=[m.pk]),
            due=timezone.localtime(m.starts_at).date(),
            where=m.body.name,
        )
        for m in rows
    ]


def _led_partnerships(user: User) -> frozenset[int]:
    """The partnerships the person leads or owns; an administrator leads none of them."""
    scope = access_scope(user)
    return frozenset() if scope.is_admin else scope.editable_partnerships


def unapproved_minutes(user: User, today: date) -> list[Need]:
    partnerships = _led_partnerships(user)
    if not partnerships:
        return []
    rows = Meeting.objects.filter(
        body__partnership_id__in=partnerships,
        status__in=UNWRITTEN_STATUSES,
        starts_at__date__lt=today,
        starts_at__date__gte=today - timedelta(days=365),
    ).select_related("body__partnership")
    return [
        Need(
            kind="minutes_unapproved",
            label=_("Minutes not yet approved"),
            title=_meeting_title(m),
            url=reverse("meetings:meeting_detail", args=[m.pk]),
            where=m.body.partnership.name,
            for_partnership=True,
        )
        for m in rows
    ]


def half_year(today: date) -> tuple[date, date]:
    if today.month <= 6:
        return date(today.year, 1, 1), date(today.year, 6, 30)
    return date(today.year, 7, 1), date(today.year, 12, 31)


def bodies_without_meeting(user: User, today: date) -> list[Need]:
    partnerships = _led_partnerships(user)
    if not partnerships:
        return []
    start, end = half_year(today)
    in_half = Q(meetings__starts_at__date__gte=start, meetings__starts_at__date__lte=end) & ~Q(
        meetings__status=MeetingStatus.CANCELLED
    )
    rows = (
        Body.objects.filter(partnership_id__in=partnerships)
        .annotate(planned=Count("meetings", filter=in_half))
        .filter(planned=0)
        .select_related("partnership")
    )
    return [
        Need(
            kind="body_no_meeting",
            label=_("No meeting planned this half-year"),
            title=b.name,
            url=reverse("meetings:meeting_schedule", args=[b.pk]),
            due=end,
            where=b.partnership.name,
            for_partnership=True,
        )
        for b in rows
    ]


def meetings_needs(user: User, today: date) -> list[Need]:
    return [
        *minutes_for_comments(user, today),
        *follow_ups(user, today),
        *next_meetings(user, today),
        *unapproved_minutes(user, today),
        *bodies_without_meeting(user, today),
    ]
