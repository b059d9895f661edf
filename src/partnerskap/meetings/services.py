"""Every write to bodies, meetings, agenda items, follow-ups and minutes.

Each function is one use case: keyword-only arguments with the actor, one transaction, validation
with Norwegian messages, history recorded by simple-history with the actor, side effects (e-mail)
after commit.
"""

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import IntegrityError, transaction
from django.db.models import F, Max, Model
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from partnerskap.core.models import User

from . import minutes_state, uploads
from .models import (
    OPEN_ACTION_STATUSES,
    ActionItem,
    AgendaItem,
    AnnualPlan,
    ApprovalKind,
    Attachment,
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
    MinutesComment,
    MinutesStatus,
    MinutesVersion,
    StandardAgendaItem,
)


class ConflictError(ValidationError):
    """Someone else saved the same thing first; the caller must reload instead of overwriting."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "Someone else saved changes to this after you opened it. Your changes were not "
                "saved: reload the page, look at their changes, and make yours again."
            ),
            code="conflict",
        )


def _save(instance: Model, actor: User | None) -> Model:
    instance.full_clean()
    instance._history_user = actor  # type: ignore[attr-defined]
    instance.save()
    return instance


def _fresh(meeting_id: int) -> Meeting:
    """The meeting as committed, locked: guards must not trust a caller's stale copy."""
    # Only the meeting's row: PostgreSQL cannot lock the nullable side of the minutes' outer join.
    return (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("minutes", "body")
        .get(pk=meeting_id)
    )


def _check_revision(model: type[Model], pk: int, revision: int | None) -> None:
    """Optimistic lock: raise the revision, or fail if it moved since the caller read it."""
    if revision is None:
        model.objects.filter(pk=pk).update(revision=F("revision") + 1)
        return
    updated = model.objects.filter(pk=pk, revision=revision).update(revision=F("revision") + 1)
    if not updated:
        raise ConflictError()


# --- bodies ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class StandardItem:
    title: str
    kind: str
    planned_minutes: int = 15


@transaction.atomic
def body_create(
    *,
    actor: User,
    name: str,
    kind: str,
    slug: str,
    partnership=None,
    county=None,
    description: str = "",
    default_location: str = "",
    standard_items: Iterable[StandardItem] = (),
) -> Body:
    body = _save(
        Body(
            name=name,
            kind=kind,
            slug=slug,
            partnership=partnership,
            county=county,
            description=description,
            default_location=default_location,
        ),
        actor,
    )
    StandardAgendaItem.objects.bulk_create(
        StandardAgendaItem(
            body=body,
            position=i,
            title=str(s.title),
            kind=s.kind,
            planned_minutes=s.planned_minutes,
        )
        for i, s in enumerate(standard_items, start=1)
    )
    return body


@transaction.atomic
def body_member_add(
    *,
    actor: User,
    body: Body,
    person: User,
    role: str,
    valid_from: date,
    valid_to: date | None = None,
    represents: str = "",
) -> BodyMember:
    member = BodyMember(
        body=body,
        person=person,
        role=role,
        valid_from=valid_from,
        valid_to=valid_to,
        represents=represents,
    )
    return _save(member, actor)


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

EDITABLE_AGENDA = (MeetingStatus.PLANNED, MeetingStatus.NOTICE_SENT, MeetingStatus.HELD)


def _assert_agenda_editable(meeting: Meeting) -> None:
    if meeting.status not in EDITABLE_AGENDA:
        raise ValidationError(
            {
                "meeting": _(
                    "The agenda of the meeting on %(date)s can no longer be changed: the meeting "
                    "is %(status)s."
                )
                % {
                    "date": timezone.localtime(meeting.starts_at).strftime("%d.%m.%Y"),
                    "status": meeting.get_status_display().lower(),
                }
            }
        )


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
    return _save(item, actor)


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
    approval of the previous minutes and the open follow-ups."""
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("The meeting must end after it starts.")})
    meeting = _save(
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
        actor,
    )
    members = BodyMember.objects.valid_on(timezone.localtime(starts_at).date()).filter(body=body)
    Attendance.objects.bulk_create(
        Attendance(
            meeting=meeting, person=m.person, name=m.person.display_name, represents=m.represents
        )
        for m in members.select_related("person")
    )
    previous = previous_meeting(meeting)
    if previous is not None:
        approval_title = _("Approval of the minutes of %(date)s") % {
            "date": timezone.localtime(previous.starts_at).strftime("%d.%m.%Y")
        }
        _add_item(
            meeting, actor, kind=ItemKind.MINUTES_APPROVAL, title=approval_title, planned_minutes=5
        )
    _add_item(
        meeting, actor, kind=ItemKind.FOLLOW_UPS, title=_("Open follow-ups"), planned_minutes=10
    )
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
    meeting = _fresh(meeting.pk)
    if meeting.status in (
        MeetingStatus.CANCELLED,
        MeetingStatus.PUBLISHED,
        MeetingStatus.MINUTES_APPROVED,
    ):
        raise ValidationError(_("A cancelled or closed meeting cannot be changed."))
    _check_revision(Meeting, meeting.pk, revision)
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
    _save(meeting, actor)
    if calendar_changed and meeting.status == MeetingStatus.NOTICE_SENT:
        # Invitees already have the meeting in their calendars: send the update (higher SEQUENCE).
        from .notify import send_notice

        transaction.on_commit(lambda: send_notice(meeting.pk))
    return meeting


def _transition(meeting: Meeting, actor: User, *, allowed_from: tuple, to: str) -> None:
    if meeting.status not in allowed_from:
        raise ValidationError(
            _("This cannot be done while the meeting is %(status)s.")
            % {"status": meeting.get_status_display().lower()}
        )
    meeting.status = to
    _save(meeting, actor)


@transaction.atomic
def meeting_send_notice(*, actor: User, meeting: Meeting) -> Meeting:
    meeting = _fresh(meeting.pk)
    _transition(meeting, actor, allowed_from=(MeetingStatus.PLANNED,), to=MeetingStatus.NOTICE_SENT)
    meeting.notice_sent_at = timezone.now()
    _save(meeting, actor)
    from .notify import send_notice

    transaction.on_commit(lambda: send_notice(meeting.pk))
    return meeting


def undecided_items(meeting: Meeting) -> list[AgendaItem]:
    return list(
        meeting.items.filter(kind=ItemKind.DECISION, status=ItemStatus.ACTIVE, decision_text="")
    )


@transaction.atomic
def meeting_mark_held(*, actor: User, meeting: Meeting) -> Meeting:
    meeting = _fresh(meeting.pk)
    missing = undecided_items(meeting)
    if missing:
        raise ValidationError(
            _(
                "The meeting cannot be marked as held while decision items have no decision: %(items)s."  # noqa: E501
            )
            % {"items": ", ".join(item.label for item in missing)}
        )
    _transition(meeting, actor, allowed_from=(MeetingStatus.NOTICE_SENT,), to=MeetingStatus.HELD)
    meeting.held_at = timezone.now()
    return _save(meeting, actor)


@transaction.atomic
def meeting_cancel(*, actor: User, meeting: Meeting, reason: str) -> Meeting:
    meeting = _fresh(meeting.pk)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the meeting is cancelled.")})
    was_noticed = meeting.status == MeetingStatus.NOTICE_SENT
    _transition(
        meeting,
        actor,
        allowed_from=(MeetingStatus.PLANNED, MeetingStatus.NOTICE_SENT),
        to=MeetingStatus.CANCELLED,
    )
    meeting.cancelled_reason = reason
    meeting.calendar_sequence += 1
    _save(meeting, actor)
    if was_noticed:
        from .notify import send_cancellation

        transaction.on_commit(lambda: send_cancellation(meeting.pk))
    return meeting


@transaction.atomic
def attendance_record(
    *,
    actor: User,
    meeting: Meeting,
    statuses: dict[int, str],
    guests: Iterable[str] = (),
) -> None:
    if meeting.status in (MeetingStatus.CANCELLED, MeetingStatus.PLANNED):
        raise ValidationError(_("Attendance is recorded once the notice has gone out."))
    minutes_state.assert_editable(_fresh(meeting.pk))
    for attendance in meeting.attendances.filter(pk__in=statuses):
        attendance.status = statuses[attendance.pk]
        _save(attendance, actor)
    for name in guests:
        if name.strip():
            _save(
                Attendance(meeting=meeting, name=name.strip(), status=AttendanceStatus.GUEST), actor
            )


# --- agenda items ---------------------------------------------------------------------------


@transaction.atomic
def item_add(
    *, actor: User, meeting: Meeting, title: str, kind: str, **fields: object
) -> AgendaItem:
    meeting = _fresh(meeting.pk)
    _assert_agenda_editable(meeting)
    return _add_item(meeting, actor, title=title, kind=kind, **fields)


@transaction.atomic
def item_update(
    *, actor: User, item: AgendaItem, revision: int | None, **fields: object
) -> AgendaItem:
    minutes_state.assert_editable(_fresh(item.meeting_id))
    _check_revision(AgendaItem, item.pk, revision)
    item.refresh_from_db()
    for key, value in fields.items():
        setattr(item, key, value)
    _check_exempt(item)
    return _save(item, actor)


@transaction.atomic
def item_reorder(*, actor: User, meeting: Meeting, item_ids: list[int]) -> None:
    _assert_agenda_editable(_fresh(meeting.pk))
    items = {i.pk: i for i in meeting.items.select_for_update()}
    if set(item_ids) != set(items):
        raise ValidationError(_("The new order must list every item of the meeting exactly once."))
    offset = len(items) + 1000  # move out of the way first, positions stay unique meanwhile
    for position, pk in enumerate(item_ids, start=1):
        AgendaItem.objects.filter(pk=pk).update(position=position + offset)
    for position, pk in enumerate(item_ids, start=1):
        item = items[pk]
        item.position = position
        _save(item, actor)


@transaction.atomic
def item_move(*, actor: User, item: AgendaItem, target: Meeting) -> AgendaItem:
    """Move an item to another meeting, of this body or another: it keeps its number."""
    _assert_agenda_editable(_fresh(item.meeting_id))
    target = _fresh(target.pk)
    _assert_agenda_editable(target)
    item.meeting = target
    item.position = (target.items.aggregate(m=Max("position"))["m"] or 0) + 1
    return _save(item, actor)


@transaction.atomic
def item_forward(*, actor: User, item: AgendaItem, target: Meeting) -> AgendaItem:
    """Send a prepared item on to another body's meeting (prepared in the steering group,
    decided in the partnership meeting): a new item there, linked to this one."""
    target = _fresh(target.pk)
    _assert_agenda_editable(target)
    if target.body_id == item.numbering_body_id:
        raise ValidationError(
            {
                "target": _(
                    "Forward to another body's meeting; to move within the body, move the item."
                )
            }
        )
    forwarded = _add_item(
        target,
        actor,
        kind=item.kind,
        title=item.title,
        public_title=item.public_title,
        exempt=item.exempt,
        legal_ground=item.legal_ground,
        presenter=item.presenter,
        planned_minutes=item.planned_minutes,
        background=item.background,
        forwarded_from=item,
    )
    item.status = ItemStatus.FORWARDED
    item.status_note = _("Forwarded to %(body)s, %(label)s") % {
        "body": target.body.name,
        "label": forwarded.label,
    }
    _save(item, actor)
    return forwarded


@transaction.atomic
def item_withdraw(*, actor: User, item: AgendaItem, reason: str) -> AgendaItem:
    _assert_agenda_editable(_fresh(item.meeting_id))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the item is withdrawn.")})
    item.status = ItemStatus.WITHDRAWN
    item.status_note = reason
    return _save(item, actor)


# --- attachments ----------------------------------------------------------------------------


def _megabytes(size: int) -> str:
    return formats.number_format(size / (1024 * 1024), 1, use_l10n=True)


@transaction.atomic
def attachment_add(
    *,
    actor: User,
    item: AgendaItem,
    file: File,
    title: str = "",
    exempt: bool = False,
    legal_ground: str = "",
) -> Attachment:
    """Attach a file to an item: only PDF, DOCX, XLSX or an image, known by its content (not
    its name), and no larger than ATTACHMENT_MAX_BYTES. Nothing is stored if either fails."""
    minutes_state.assert_editable(_fresh(item.meeting_id))
    name = os.path.basename(file.name or "")
    limit = getattr(settings, "ATTACHMENT_MAX_BYTES", uploads.DEFAULT_MAX_BYTES)
    if file.size > limit:
        raise ValidationError(
            {
                "file": _("“%(name)s” is %(size)s MB. An attachment can be at most %(limit)s MB.")
                % {"name": name, "size": _megabytes(file.size), "limit": _megabytes(limit)}
            }
        )
    content_type = uploads.sniff_content_type(file)
    if content_type is None:
        raise ValidationError(
            {
                "file": _(
                    "“%(name)s” is not a PDF, Word (DOCX), Excel (XLSX) or image (PNG, JPEG) file. "
                    "Only those can be attached."
                )
                % {"name": name}
            }
        )
    digest = hashlib.sha256()
    for chunk in file.chunks():
        digest.update(chunk)
    file.seek(0)
    attachment = Attachment(
        item=item,
        title=title or name,
        file=file,
        content_type=content_type,
        size=file.size,
        sha256=digest.hexdigest(),
        exempt=exempt,
        legal_ground=legal_ground,
        uploaded_by=actor,
    )
    return _save(attachment, actor)


# --- follow-up actions ----------------------------------------------------------------------


@transaction.atomic
def action_add(
    *, actor: User, item: AgendaItem, title: str, owner: User, due_date: date
) -> ActionItem:
    meeting = _fresh(item.meeting_id)
    minutes_state.assert_editable(meeting)
    meeting_day = timezone.localtime(meeting.starts_at).date()
    if due_date < meeting_day:
        raise ValidationError(
            {
                "due_date": _("The due date cannot be before the meeting (%(date)s).")
                % {"date": meeting_day.strftime("%d.%m.%Y")}
            }
        )
    return _save(
        ActionItem(item=item, body=meeting.body, title=title, owner=owner, due_date=due_date),
        actor,
    )


@transaction.atomic
def action_update(
    *,
    actor: User,
    action: ActionItem,
    status: str | None = None,
    progress: str | None = None,
    due_date: date | None = None,
) -> ActionItem:
    if status is not None:
        action.status = status
        action.closed_at = None if status in OPEN_ACTION_STATUSES else timezone.now()
    if progress is not None:
        action.progress = progress
    if due_date is not None:
        action.due_date = due_date
    return _save(action, actor)


# --- minutes --------------------------------------------------------------------------------


@transaction.atomic
def minutes_update(
    *, actor: User, meeting: Meeting, revision: int | None, introduction: str
) -> Minutes:
    meeting = _fresh(meeting.pk)
    minutes_state.assert_editable(meeting)
    _check_revision(Meeting, meeting.pk, revision)
    minutes = meeting.minutes
    minutes.introduction = introduction
    return _save(minutes, actor)


@transaction.atomic
def minutes_send_for_comments(*, actor: User, meeting: Meeting, deadline: date) -> Minutes:
    meeting = _fresh(meeting.pk)
    if deadline < timezone.localdate():
        raise ValidationError({"deadline": _("The deadline for comments cannot be in the past.")})
    missing = undecided_items(meeting)
    if missing:
        raise ValidationError(
            _("Decision items without a decision: %(items)s.")
            % {"items": ", ".join(i.label for i in missing)}
        )
    _transition(
        meeting, actor, allowed_from=(MeetingStatus.HELD,), to=MeetingStatus.MINUTES_IN_COMMENT
    )
    minutes = meeting.minutes
    minutes.status = MinutesStatus.IN_COMMENT
    minutes.comment_deadline = deadline
    minutes.sent_for_comments_at = timezone.now()
    _save(minutes, actor)
    from .notify import send_minutes_for_comments

    transaction.on_commit(lambda: send_minutes_for_comments(meeting.pk))
    return minutes


@transaction.atomic
def minutes_comment(
    *,
    actor: User,
    meeting: Meeting,
    text: str,
    is_objection: bool = False,
    item: AgendaItem | None = None,
) -> MinutesComment:
    meeting = _fresh(meeting.pk)
    minutes = meeting.minutes
    if minutes_state.effective_status(minutes) != MinutesStatus.IN_COMMENT:
        raise ValidationError(_("The minutes are not out for comments."))
    if not text.strip():
        raise ValidationError({"text": _("Write a comment.")})
    comment = MinutesComment(
        minutes=minutes, author=actor, text=text, is_objection=is_objection, item=item
    )
    comment.full_clean()
    comment.save()
    return comment


def _freeze(minutes: Minutes, actor: User | None, reason: str = "") -> MinutesVersion:
    from .selectors import minutes_content

    number = (minutes.versions.aggregate(m=Max("number"))["m"] or 0) + 1
    return MinutesVersion.objects.create(
        minutes=minutes,
        number=number,
        content=minutes_content(minutes.meeting),
        reason=reason,
        created_by=actor,
    )


def _approve(minutes: Minutes, actor: User | None, kind: str, at: datetime) -> Minutes:
    meeting = minutes.meeting
    minutes.status = MinutesStatus.APPROVED
    minutes.approval_kind = kind
    minutes.approved_at = at
    minutes.approved_by = actor if kind == ApprovalKind.EXPLICIT else None
    meeting.status = MeetingStatus.MINUTES_APPROVED
    if meeting.body.publish_on_approval:
        minutes.status = MinutesStatus.PUBLISHED
        minutes.published_at = at
        meeting.status = MeetingStatus.PUBLISHED
    _save(minutes, actor)
    _save(meeting, actor)
    _freeze(minutes, actor)
    return minutes


@transaction.atomic
def minutes_approve(*, actor: User, meeting: Meeting) -> Minutes:
    meeting = _fresh(meeting.pk)
    minutes = Minutes.objects.select_for_update().get(pk=meeting.minutes.pk)
    if minutes.status not in (MinutesStatus.DRAFT, MinutesStatus.IN_COMMENT):
        raise ValidationError(_("The minutes are already approved."))
    if meeting.status not in (MeetingStatus.HELD, MeetingStatus.MINUTES_IN_COMMENT):
        raise ValidationError(_("Minutes can be approved once the meeting is held."))
    return _approve(minutes, actor, ApprovalKind.EXPLICIT, timezone.now())


@transaction.atomic
def minutes_settle_deemed(*, now: datetime | None = None) -> int:
    """Record deemed approval for minutes whose comment deadline passed with no objection.
    Pages already show them as approved (minutes_state); this makes it permanent."""
    now = now or timezone.now()
    count = 0
    candidates = (
        Minutes.objects.select_for_update()
        .filter(status=MinutesStatus.IN_COMMENT, comment_deadline__lt=timezone.localdate(now))
        .select_related("meeting", "meeting__body")
    )
    for minutes in candidates:
        if (
            minutes_state.effective_status(minutes, today=timezone.localdate(now))
            == MinutesStatus.IN_COMMENT
        ):
            continue
        if minutes.comments.filter(is_objection=True).exists():
            continue
        _approve(minutes, None, ApprovalKind.DEEMED, minutes_state.deemed_approved_at(minutes))
        count += 1
    return count


@transaction.atomic
def minutes_publish(*, actor: User, meeting: Meeting) -> Minutes:
    meeting = _fresh(meeting.pk)
    minutes = meeting.minutes
    if minutes_state.effective_status(minutes) != MinutesStatus.APPROVED:
        raise ValidationError(_("Only approved minutes can be published."))
    if minutes.status == MinutesStatus.IN_COMMENT:
        minutes_settle_deemed()
        minutes.refresh_from_db()
        meeting.refresh_from_db()
    minutes.status = MinutesStatus.PUBLISHED
    minutes.published_at = timezone.now()
    meeting.status = MeetingStatus.PUBLISHED
    _save(minutes, actor)
    _save(meeting, actor)
    return minutes


@transaction.atomic
def minutes_correct(
    *,
    actor: User,
    meeting: Meeting,
    reason: str,
    item_changes: dict[int, dict] | None = None,
    introduction: str | None = None,
) -> MinutesVersion:
    """The only way to change approved minutes: a new version with a reason; old ones stay."""
    meeting = _fresh(meeting.pk)
    minutes = meeting.minutes
    if minutes_state.effective_status(minutes) not in (
        MinutesStatus.APPROVED,
        MinutesStatus.PUBLISHED,
    ):
        raise ValidationError(_("Only approved minutes are corrected by a new version."))
    if minutes.status == MinutesStatus.IN_COMMENT:
        minutes_settle_deemed()
        minutes.refresh_from_db()
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the correction.")})
    allowed = {"notes", "decision_text", "review_date", "title"}
    for pk, changes in (item_changes or {}).items():
        if set(changes) - allowed:
            raise ValidationError(
                _("Only notes, decisions, review dates and titles can be corrected.")
            )
        item = meeting.items.get(pk=pk)
        for key, value in changes.items():
            setattr(item, key, value)
        _save(item, actor)
    if introduction is not None:
        minutes.introduction = introduction
        _save(minutes, actor)
    return _freeze(minutes, actor, reason)


# --- annual plan ----------------------------------------------------------------------------


@transaction.atomic
def annual_plan_create(
    *,
    actor: User,
    body: Body,
    year: int,
    dates: list[date],
    start: time,
    end: time,
    themes: dict[str, str],
    location: str = "",
) -> AnnualPlan:
    """Plan a body's meetings for a year (e.g. four Fridays 11:00–14:30) with a theme per season."""
    if not dates:
        raise ValidationError({"dates": _("Choose at least one date.")})
    wrong_year = [d for d in dates if d.year != year]
    if wrong_year:
        raise ValidationError({"dates": _("All dates must be in %(year)s.") % {"year": year}})
    if end <= start:
        raise ValidationError({"end": _("The meetings must end after they start.")})
    plan, _created = AnnualPlan.objects.update_or_create(
        body=body, year=year, defaults={"themes": themes}
    )
    tz = timezone.get_current_timezone()
    for day in sorted(dates):
        starts_at = datetime.combine(day, start, tzinfo=tz)
        if Meeting.objects.filter(body=body, starts_at=starts_at).exists():
            continue
        meeting_schedule(
            actor=actor,
            body=body,
            starts_at=starts_at,
            ends_at=datetime.combine(day, end, tzinfo=tz),
            location=location,
        )
    return plan


def fridays(year: int, months: Iterable[int], week_of_month: int = 2) -> list[date]:
    """The n-th Friday of each given month: a common way to lay out a year of meetings."""
    out = []
    for month in months:
        day = date(year, month, 1)
        while day.weekday() != 4:
            day += timedelta(days=1)
        out.append(day + timedelta(weeks=week_of_month - 1))
    return out
