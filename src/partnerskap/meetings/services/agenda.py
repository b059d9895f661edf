"""Agenda items, their attachments and the follow-ups decided on them."""

import hashlib
import os
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import Max
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from partnerskap.core.models import User
from partnerskap.core.services import claim_revision, locked, save

from .. import lifecycle, uploads
from ..models import (
    OPEN_ACTION_STATUSES,
    ActionItem,
    AgendaItem,
    Attachment,
    ItemKind,
    ItemStatus,
    Meeting,
    MeetingStatus,
)
from ._base import claim, fresh, person_or_new
from .meetings import _add_item, _check_exempt

# --- agenda items ---------------------------------------------------------------------------


@transaction.atomic
def item_add(
    *, actor: User, meeting: Meeting, title: str, kind: str, **fields: object
) -> AgendaItem:
    meeting = fresh(meeting.pk)
    lifecycle.assert_agenda_open(meeting)
    return _add_item(meeting, actor, title=title, kind=kind, **fields)


@transaction.atomic
def item_update(
    *, actor: User, item: AgendaItem, revision: int | None, **fields: object
) -> AgendaItem:
    lifecycle.assert_minutes_open(fresh(item.meeting_id))
    claim(AgendaItem, item.pk, revision)
    item.refresh_from_db()
    for key, value in fields.items():
        setattr(item, key, value)
    _check_exempt(item)
    return save(item, actor=actor)


@transaction.atomic
def item_reorder(*, actor: User, meeting: Meeting, item_ids: list[int]) -> None:
    lifecycle.assert_agenda_open(fresh(meeting.pk))
    items = {i.pk: i for i in meeting.items.select_for_update()}
    if set(item_ids) != set(items):
        raise ValidationError(_("The new order must list every item of the meeting exactly once."))
    offset = len(items) + 1000  # move out of the way first, positions stay unique meanwhile
    for position, pk in enumerate(item_ids, start=1):
        AgendaItem.objects.filter(pk=pk).update(position=position + offset)
    for position, pk in enumerate(item_ids, start=1):
        item = items[pk]
        item.position = position
        save(item, actor=actor)


@transaction.atomic
def item_move(*, actor: User, item: AgendaItem, target: Meeting) -> AgendaItem:
    """Move an item to another meeting, of this body or another: it keeps its number."""
    lifecycle.assert_agenda_open(fresh(item.meeting_id))
    target = fresh(target.pk)
    lifecycle.assert_agenda_open(target)
    item.meeting = target
    item.position = (target.items.aggregate(m=Max("position"))["m"] or 0) + 1
    return save(item, actor=actor)


@transaction.atomic
def item_forward(*, actor: User, item: AgendaItem, target: Meeting) -> AgendaItem:
    """Send a prepared item on to another body's meeting (prepared in the steering group,
    decided in the partnership meeting): a new item there, linked to this one."""
    target = fresh(target.pk)
    lifecycle.assert_agenda_open(target)
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
    save(item, actor=actor)
    return forwarded


@transaction.atomic
def item_withdraw(*, actor: User, item: AgendaItem, reason: str) -> AgendaItem:
    lifecycle.assert_agenda_open(fresh(item.meeting_id))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the item is withdrawn.")})
    item.status = ItemStatus.WITHDRAWN
    item.status_note = reason
    return save(item, actor=actor)


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
    lifecycle.assert_minutes_open(fresh(item.meeting_id))
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
    return save(attachment, actor=actor)


# --- follow-up actions ----------------------------------------------------------------------


@transaction.atomic
def action_add(
    *,
    actor: User,
    item: AgendaItem,
    title: str,
    due_date: date,
    owner: User | None = None,
    new_owner: dict | None = None,
    remind_past: bool = False,
) -> ActionItem:
    """A follow-up, owned by a person or by a new person or group recorded on the spot. One due
    before today (a meeting recorded afterwards) is not reminded unless asked."""
    meeting = fresh(item.meeting_id)
    lifecycle.assert_minutes_open(meeting)
    meeting_day = timezone.localtime(meeting.starts_at).date()
    if due_date < meeting_day:
        raise ValidationError(
            {
                "due_date": _("The due date cannot be before the meeting (%(date)s).")
                % {"date": meeting_day.strftime("%d.%m.%Y")}
            }
        )
    owner = person_or_new(actor, owner, new_owner, field="owner")
    remind = remind_past or due_date >= timezone.localdate()
    action = ActionItem(
        item=item, body=meeting.body, title=title, owner=owner, due_date=due_date, remind=remind
    )
    save(action, actor=actor)
    _carry_follow_ups(meeting, actor)
    return action


def _carry_follow_ups(meeting: Meeting, actor: User) -> None:
    """A new follow-up goes on the agenda of the body's later planned meetings: those planned
    before it existed got no "Open follow-ups" item (automatic items only with content)."""
    later = (
        Meeting.objects.filter(
            body_id=meeting.body_id,
            starts_at__gt=meeting.starts_at,
            status=MeetingStatus.PLANNED,
        )
        .exclude(items__kind=ItemKind.FOLLOW_UPS)
        .values_list("pk", flat=True)
    )
    for pk in list(later):
        _add_item(
            fresh(pk),
            actor,
            kind=ItemKind.FOLLOW_UPS,
            title=_("Open follow-ups"),
            planned_minutes=10,
        )


@transaction.atomic
def action_update(
    *,
    actor: User,
    action: ActionItem,
    revision: int | None,
    status: str | None = None,
    progress: str | None = None,
    due_date: date | None = None,
) -> ActionItem:
    """Report progress, close or move the due date. `revision` is the one the person read: of
    two people saving at once from the same revision, the second is refused (409) instead of
    silently overwriting the first one's progress."""
    claim_revision(ActionItem, action.pk, revision)
    action = locked(ActionItem, action.pk)
    if status is not None:
        action.status = status
        action.closed_at = None if status in OPEN_ACTION_STATUSES else timezone.now()
    if progress is not None:
        action.progress = progress
    if due_date is not None:
        action.due_date = due_date
    return save(action, actor=actor)
