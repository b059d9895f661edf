"""Minutes: out for comments, comments, approval (explicit or deemed), publication, corrections."""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerskap.core.models import User
from partnerskap.core.services import save

from .. import lifecycle
from ..models import (
    AgendaItem,
    ApprovalKind,
    Meeting,
    Minutes,
    MinutesComment,
    MinutesStatus,
    MinutesVersion,
)
from ._base import claim, fresh
from .meetings import refuse_before_the_day, undecided_items

# --- minutes --------------------------------------------------------------------------------


@transaction.atomic
def minutes_update(
    *, actor: User, meeting: Meeting, revision: int | None, introduction: str
) -> Minutes:
    meeting = fresh(meeting.pk)
    lifecycle.assert_minutes_open(meeting)
    claim(Meeting, meeting.pk, revision)
    minutes = meeting.minutes
    minutes.introduction = introduction
    return save(minutes, actor=actor)


@transaction.atomic
def minutes_send_for_comments(*, actor: User, meeting: Meeting, deadline: date) -> Minutes:
    meeting = fresh(meeting.pk)
    if deadline < timezone.localdate():
        raise ValidationError({"deadline": _("The deadline for comments cannot be in the past.")})
    missing = undecided_items(meeting)
    if missing:
        raise ValidationError(
            _("Decision items without a decision: %(items)s.")
            % {"items": ", ".join(i.label for i in missing)}
        )
    lifecycle.take_step(meeting, "send_for_comments", actor=actor)
    minutes = meeting.minutes
    minutes.status = MinutesStatus.IN_COMMENT
    minutes.comment_deadline = deadline
    minutes.sent_for_comments_at = timezone.now()
    save(minutes, actor=actor)
    from ..tasks import enqueue_after_commit, send_minutes_for_comments

    enqueue_after_commit(send_minutes_for_comments, meeting.pk)
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
    meeting = fresh(meeting.pk)
    minutes = meeting.minutes
    if lifecycle.minutes_status(minutes) != MinutesStatus.IN_COMMENT:
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
    from ..selectors import minutes_content

    number = (minutes.versions.aggregate(m=Max("number"))["m"] or 0) + 1
    return MinutesVersion.objects.create(
        minutes=minutes,
        number=number,
        content=minutes_content(minutes.meeting),
        reason=reason,
        created_by=actor,
    )


def _approve(
    minutes: Minutes, actor: User | None, kind: str, at: datetime, publish: bool | None = None
) -> Minutes:
    meeting = minutes.meeting
    minutes.status = MinutesStatus.APPROVED
    minutes.approval_kind = kind
    minutes.approved_at = at
    minutes.approved_by = actor if kind == ApprovalKind.EXPLICIT else None
    step = "approve"
    if meeting.body.publish_on_approval if publish is None else publish:
        minutes.status = MinutesStatus.PUBLISHED
        minutes.published_at = at
        step = "approve_and_publish"
    save(minutes, actor=actor)
    lifecycle.take_step(meeting, step, actor=actor)
    _freeze(minutes, actor)
    return minutes


@transaction.atomic
def minutes_approve(*, actor: User, meeting: Meeting, publish: bool | None = None) -> Minutes:
    """Approve and freeze the minutes; publish them too when `publish` says so (by default when
    the body publishes on approval)."""
    meeting = fresh(meeting.pk)
    minutes = Minutes.objects.select_for_update().get(pk=meeting.minutes.pk)
    if minutes.status not in (MinutesStatus.DRAFT, MinutesStatus.IN_COMMENT):
        raise ValidationError(_("The minutes are already approved."))
    if meeting.status not in lifecycle.STEPS["approve"][0]:
        raise ValidationError(_("Minutes can be approved once the meeting is held."))
    refuse_before_the_day(
        meeting, _("Minutes cannot be approved before the meeting's day, %(date)s.")
    )
    return _approve(minutes, actor, ApprovalKind.EXPLICIT, timezone.now(), publish)


@transaction.atomic
def minutes_settle_deemed(*, now: datetime | None = None) -> int:
    """Record deemed approval for minutes whose comment deadline passed with no objection.
    Pages already show them as approved (lifecycle); this makes it permanent."""
    now = now or timezone.now()
    count = 0
    candidates = (
        Minutes.objects.select_for_update()
        .filter(status=MinutesStatus.IN_COMMENT, comment_deadline__lt=timezone.localdate(now))
        .select_related("meeting", "meeting__body")
    )
    for minutes in candidates:
        if (
            lifecycle.minutes_status(minutes, today=timezone.localdate(now))
            == MinutesStatus.IN_COMMENT
        ):
            continue
        if minutes.comments.filter(is_objection=True).exists():
            continue
        _approve(minutes, None, ApprovalKind.DEEMED, lifecycle.deemed_approved_at(minutes))
        count += 1
    return count


@transaction.atomic
def minutes_publish(*, actor: User, meeting: Meeting) -> Minutes:
    meeting = fresh(meeting.pk)
    minutes = meeting.minutes
    if lifecycle.minutes_status(minutes) != MinutesStatus.APPROVED:
        raise ValidationError(_("Only approved minutes can be published."))
    if minutes.status == MinutesStatus.IN_COMMENT:
        minutes_settle_deemed()
        minutes.refresh_from_db()
        meeting.refresh_from_db()
    minutes.status = MinutesStatus.PUBLISHED
    minutes.published_at = timezone.now()
    save(minutes, actor=actor)
    lifecycle.take_step(meeting, "publish", actor=actor)
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
    meeting = fresh(meeting.pk)
    minutes = meeting.minutes
    if lifecycle.minutes_status(minutes) not in (
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
        save(item, actor=actor)
    if introduction is not None:
        minutes.introduction = introduction
        save(minutes, actor=actor)
    return _freeze(minutes, actor, reason)
