"""Item numbering and a meeting's life: scheduling from the standard agenda, changes, notice,
attendance, held, cancelled."""

from collections.abc import Iterable
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerskap.core.models import User
from partnerskap.core.people import person_from_name
from partnerskap.core.services import save

from .. import lifecycle
from ..models import (
    OPEN_ACTION_STATUSES,
    ActionItem,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Body,
    BodyMember,
    ItemKind,
    ItemNumberCounter,
    ItemStatus,
    Meeting,
    MeetingStatus,
    Minutes,
)
from ._base import claim, fresh

# --- numbering ------------------------------------------------------------------------------


def _allocate_number(body: Body, year: int) -> int:
    """The next item number for the body's year. The counter row is locked by the UPDATE, so
    concurrent transactions queue here; the unique constraint on items is the last guard."""
    counter = ItemNumberCounter.objects.filter(body=body, year=year)
    if not counter.update(last_number=F("last_number") + 1):
        try:
            with transaction.atomic():
                ItemNumberCounter.objects.create(body=body, year=year, last_number=1)
                return 1
        except IntegrityError:
            counter.update(last_number=F("last_number") + 1)
    return counter.values_list("last_number", flat=True).get()


# --- meetings -------------------------------------------------------------------------------


def previous_meeting(meeting: Meeting) -> Meeting | None:
    return (
        Meeting.objects.filter(body_id=meeting.body_id, starts_at__lt=meeting.starts_at)
        .exclude(status=MeetingStatus.CANCELLED)
        .order_by("-starts_at")
        .first()
    )


def _check_exempt(item: AgendaItem) -> None:
    """Exemption from public access needs its legal ground (offentleglova)."""
    if item.exempt and not item.legal_ground.strip():
        raise ValidationError(
            {"legal_ground": _("Give the legal ground for exempting the item from public access.")}
        )


def _add_item(meeting: Meeting, actor: User, **fields: object) -> AgendaItem:
    year = timezone.localtime(meeting.starts_at).year
    position = (meeting.items.aggregate(m=Max("position"))["m"] or 0) + 1
    item = AgendaItem(
        meeting=meeting,
        numbering_body=meeting.body,
        year=year,
        number=_allocate_number(meeting.body, year),
        position=position,
        **fields,
    )
    _check_exempt(item)
    return save(item, actor=actor)


def _invite_members(meeting: Meeting) -> None:
    """Everyone who is a member of the body on the day is invited."""
    day = timezone.localtime(meeting.starts_at).date()
    members = BodyMember.objects.valid_on(day).filter(body_id=meeting.body_id)
    Attendance.objects.bulk_create(
        Attendance(
            meeting=meeting,
            person=m.person,
            name=m.person.display_name,
            represents=m.represents or m.person.organisation,
        )
        for m in members.select_related("person")
    )


def _automatic_items(meeting: Meeting, actor: User) -> None:
    """Automatic items only when they have something on them: the previous minutes to approve,
    open follow-ups to go through."""
    previous = previous_meeting(meeting)
    if previous is not None:
        approval_title = _("Approval of the minutes of %(date)s") % {
            "date": timezone.localtime(previous.starts_at).strftime("%d.%m.%Y")
        }
        _add_item(
            meeting, actor, kind=ItemKind.MINUTES_APPROVAL, title=approval_title, planned_minutes=5
        )
    open_actions = ActionItem.objects.filter(
        body_id=meeting.body_id, status__in=OPEN_ACTION_STATUSES
    )
    if open_actions.exists():
        _add_item(
            meeting, actor, kind=ItemKind.FOLLOW_UPS, title=_("Open follow-ups"), planned_minutes=10
        )


@transaction.atomic
def meeting_schedule(
    *,
    actor: User,
    body: Body,
    starts_at: datetime,
    ends_at: datetime,
    location: str = "",
    video_link: str = "",
    title: str = "",
    chair: User | None = None,
    minute_taker: User | None = None,
    breaks: list | None = None,
) -> Meeting:
    """Plan a meeting: invite the body's members and start from the standard agenda, opened by
    approval of the previous minutes and the open follow-ups when there are any."""
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("The meeting must end after it starts.")})
    meeting = save(
        Meeting(
            body=body,
            title=title,
            starts_at=starts_at,
            ends_at=ends_at,
            location=location or body.default_location,
            video_link=video_link,
            chair=chair,
            minute_taker=minute_taker,
            breaks=breaks if breaks is not None else [],
        ),
        actor=actor,
    )
    _invite_members(meeting)
    _automatic_items(meeting, actor)
    for standard in body.standard_items.all():
        _add_item(
            meeting,
            actor,
            kind=standard.kind,
            title=standard.title,
            planned_minutes=standard.planned_minutes,
        )
    Minutes.objects.create(meeting=meeting)
    return meeting


CALENDAR_FIELDS = {"starts_at", "ends_at", "location", "video_link", "title"}


@transaction.atomic
def meeting_update(
    *, actor: User, meeting: Meeting, revision: int | None, **fields: object
) -> Meeting:
    meeting = fresh(meeting.pk)
    lifecycle.assert_changeable(meeting)
    claim(Meeting, meeting.pk, revision)
    meeting.refresh_from_db()
    calendar_changed = any(
        getattr(meeting, k) != v for k, v in fields.items() if k in CALENDAR_FIELDS
    )
    for key, value in fields.items():
        setattr(meeting, key, value)
    if meeting.ends_at <= meeting.starts_at:
        raise ValidationError({"ends_at": _("The meeting must end after it starts.")})
    if calendar_changed:
        meeting.calendar_sequence += 1
    save(meeting, actor=actor)
    if calendar_changed and meeting.status == MeetingStatus.NOTICE_SENT:
        # Invitees already have the meeting in their calendars: send the update (higher SEQUENCE).
        from ..tasks import enqueue_after_commit, send_notice

        enqueue_after_commit(send_notice, meeting.pk)
    return meeting


@transaction.atomic
def meeting_send_notice(*, actor: User, meeting: Meeting) -> Meeting:
    meeting = lifecycle.take_step(
        fresh(meeting.pk), "notice", actor=actor, notice_sent_at=timezone.now()
    )
    from ..signals import notice_sent
    from ..tasks import enqueue_after_commit, send_notice

    notice_sent.send(sender=Meeting, actor=actor, meeting=meeting)

    enqueue_after_commit(send_notice, meeting.pk)
    return meeting


def undecided_items(meeting: Meeting) -> list[AgendaItem]:
    return list(
        meeting.items.filter(kind=ItemKind.DECISION, status=ItemStatus.ACTIVE, decision_text="")
    )


def today() -> date:
    """The day the day checks compare with (tests that hold next year's meetings move it)."""
    return timezone.localdate()


def refuse_before_the_day(meeting: Meeting, message: str) -> None:
    """Refuse a step that belongs to the meeting's day or later (issue 14: a January meeting was
    marked held, and its minutes approved, in December)."""
    day = timezone.localdate(meeting.starts_at)
    if day > today():
        raise ValidationError(message % {"date": day.strftime("%d.%m.%Y")})


@transaction.atomic
def meeting_mark_held(*, actor: User, meeting: Meeting) -> Meeting:
    meeting = fresh(meeting.pk)
    refuse_before_the_day(
        meeting, _("The meeting cannot be marked as held before its day, %(date)s.")
    )
    missing = undecided_items(meeting)
    if missing:
        raise ValidationError(
            _(
                "The meeting cannot be marked as held while decision items have no decision: %(items)s."  # noqa: E501
            )
            % {"items": ", ".join(item.label for item in missing)}
        )
    return lifecycle.take_step(meeting, "held", actor=actor, held_at=timezone.now())


@transaction.atomic
def meeting_record_afterwards(*, actor: User, meeting: Meeting) -> Meeting:
    """Record a meeting that has taken place without a notice from Partnerskap: it is held at
    once, attendance, notes, decisions and follow-ups are written next, and its minutes say they
    were recorded after the meeting (and may be approved without a comment round)."""
    meeting = fresh(meeting.pk)
    if meeting.starts_at > timezone.now():
        raise ValidationError(
            _("A meeting is recorded afterwards once it has begun; this one starts %(date)s.")
            % {"date": timezone.localtime(meeting.starts_at).strftime("%d.%m.%Y %H:%M")}
        )
    lifecycle.take_step(meeting, "record_afterwards", actor=actor, held_at=timezone.now())
    minutes = meeting.minutes
    minutes.recorded_afterwards = True
    save(minutes, actor=actor)
    return meeting


@transaction.atomic
def meeting_cancel(*, actor: User, meeting: Meeting, reason: str) -> Meeting:
    meeting = fresh(meeting.pk)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the meeting is cancelled.")})
    was_noticed = meeting.status == MeetingStatus.NOTICE_SENT
    lifecycle.take_step(
        meeting,
        "cancel",
        actor=actor,
        cancelled_reason=reason,
        calendar_sequence=meeting.calendar_sequence + 1,
    )
    if was_noticed:
        from ..tasks import enqueue_after_commit, send_cancellation

        enqueue_after_commit(send_cancellation, meeting.pk)
    return meeting


@transaction.atomic
def attendance_record(
    *,
    actor: User,
    meeting: Meeting,
    statuses: dict[int, str],
    guests: Iterable[str] = (),
) -> None:
    lifecycle.assert_attendance_open(fresh(meeting.pk))
    for attendance in meeting.attendances.filter(pk__in=statuses):
        attendance.status = statuses[attendance.pk]
        save(attendance, actor=actor)
    for line in guests:
        _add_guest(meeting, actor, line)


def _add_guest(meeting: Meeting, actor: User, line: str) -> None:
    """A guest from one line, "Kari Nordmann, Ørland kommune": recorded as a person without a
    login, so they are shown with their organisation and can be named again later."""
    name, _comma, organisation = line.partition(",")
    if not name.strip():
        return
    person = person_from_name(actor=actor, name=name, organisation=organisation.strip())
    save(
        Attendance(
            meeting=meeting,
            person=person,
            name=person.display_name,
            represents=person.organisation,
            status=AttendanceStatus.GUEST,
        ),
        actor=actor,
    )
