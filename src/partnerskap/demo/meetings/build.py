"""Recreates past meetings through the meeting services, in the order they happened, so every
number, guard and frozen version is what the product would have made at the time."""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from partnerskap.core.models import User
from partnerskap.meetings import services
from partnerskap.meetings.models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    AttendanceStatus,
    Body,
    ItemKind,
    Meeting,
    Minutes,
    MinutesComment,
    MinutesStatus,
)


@dataclass(frozen=True)
class DemoAction:
    title: str
    owner: str  # username in people.py
    due: date
    done_on: date | None = None  # reported done on this day; None: still open
    progress: str = ""


@dataclass(frozen=True)
class DemoItem:
    title: str
    kind: str
    notes: str
    decision: str = ""
    presenter: str = ""  # username in people.py
    minutes: int = 15
    background: str = ""
    review_date: date | None = None
    actions: tuple[DemoAction, ...] = ()


@dataclass(frozen=True)
class DemoComment:
    author: str
    text: str
    on: date


@dataclass(frozen=True)
class DemoMeeting:
    day: date
    start: time
    end: time
    location: str
    items: tuple[DemoItem, ...]
    title: str = ""
    breaks: tuple[tuple[str, int], ...] = ()
    absent: tuple[str, ...] = ()  # members who sent notice of absence (forfall)
    guests: tuple[str, ...] = ()
    approval_notes: str = "Godkjent uten merknader."
    follow_up_notes: str = ""
    introduction: str = ""
    # Minutes sent out with this deadline are deemed approved when it passes ("anses godkjent");
    # without one they are approved explicitly by the chair at the next meeting.
    comment_deadline: date | None = None
    comments: tuple[DemoComment, ...] = ()
    approved_on: date | None = None  # explicit approval on this day instead of at the next meeting

    def at(self, moment: time) -> datetime:
        return datetime.combine(self.day, moment, tzinfo=timezone.get_current_timezone())


def _at(day: date, hour: int = 12) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=timezone.get_current_timezone())


def _revision(action: ActionItem) -> int:
    """The follow-up's stored revision: the demo edits as if it had just opened the page."""
    return ActionItem.objects.values_list("revision", flat=True).get(pk=action.pk)


# --- history --------------------------------------------------------------------------------
# The services stamp "now" on what they do and refuse what cannot be done today (a comment
# deadline in the past). To tell a story from 2017, each step below first goes through the
# service, in the real order and with its guards, and only then are the timestamps and
# deadlines the service would not accept for the past set through the ORM. Nothing else
# bypasses the services.


class History:
    @staticmethod
    def notice_sent(meeting: Meeting, at: datetime) -> None:
        Meeting.objects.filter(pk=meeting.pk).update(notice_sent_at=at)

    @staticmethod
    def held(meeting: Meeting) -> None:
        Meeting.objects.filter(pk=meeting.pk).update(held_at=meeting.ends_at)

    @staticmethod
    def sent_for_comments(meeting: Meeting, sent: datetime, deadline: date) -> None:
        Minutes.objects.filter(meeting=meeting).update(
            sent_for_comments_at=sent, comment_deadline=deadline
        )

    @staticmethod
    def commented(comment: MinutesComment, at: datetime) -> None:
        MinutesComment.objects.filter(pk=comment.pk).update(created_at=at, updated_at=at)

    @staticmethod
    def approved(meeting: Meeting, at: datetime) -> None:
        minutes = Minutes.objects.get(meeting=meeting)
        published = minutes.status == MinutesStatus.PUBLISHED
        Minutes.objects.filter(pk=minutes.pk).update(
            approved_at=at, published_at=at if published else None
        )
        _date_versions(minutes, at)

    @staticmethod
    def frozen_at_approval(meeting: Meeting) -> None:
        """Deemed approval already dates itself; the frozen version is dated the same."""
        minutes = Minutes.objects.get(meeting=meeting)
        _date_versions(minutes, minutes.approved_at)

    @staticmethod
    def closed(action: ActionItem, on: date) -> None:
        ActionItem.objects.filter(pk=action.pk).update(closed_at=_at(on, 15))


@contextmanager
def no_mail() -> Iterator[None]:
    """The notices and minutes of these meetings went out years ago: drop the e-mails the
    services queue for after commit instead of mailing the demo people today."""
    with transaction.atomic():
        connection = transaction.get_connection()
        queued_before = len(connection.run_on_commit)
        yield
        del connection.run_on_commit[queued_before:]


# --- building -------------------------------------------------------------------------------


@dataclass
class BodyBuilder:
    body: Body
    users: dict[str, User]
    chair: str
    minute_taker: str
    actions: list[tuple[ActionItem, DemoAction]] = field(default_factory=list)
    awaiting_approval: Meeting | None = None

    def user(self, username: str) -> User:
        return self.users[username]

    @property
    def writer(self) -> User:
        return self.users[self.minute_taker]

    def hold(self, spec: DemoMeeting) -> Meeting:
        """One meeting from notice to minutes, as it happened."""
        meeting = self.plan(spec)
        if self.awaiting_approval is not None:
            # The previous minutes were approved as the first item of this meeting.
            self._approve(self.awaiting_approval, spec.at(spec.start) + timedelta(minutes=5))
        self._close_actions_done_by(spec.day)
        meeting = services.meeting_send_notice(actor=self.writer, meeting=meeting)
        History.notice_sent(meeting, _at(spec.day - timedelta(days=7), 9))
        self._attendance(meeting, spec)
        self._agenda(meeting, spec)
        if spec.introduction:
            services.minutes_update(
                actor=self.writer, meeting=meeting, revision=None, introduction=spec.introduction
            )
        meeting = services.meeting_mark_held(actor=self.writer, meeting=meeting)
        History.held(meeting)
        self._minutes(meeting, spec)
        return meeting

    def plan(self, spec: DemoMeeting) -> Meeting:
        return services.meeting_schedule(
            actor=self.writer,
            body=self.body,
            starts_at=spec.at(spec.start),
            ends_at=spec.at(spec.end),
            location=spec.location,
            title=spec.title,
            chair=self.user(self.chair),
            minute_taker=self.writer,
            breaks=[{"at": at, "minutes": length} for at, length in spec.breaks],
        )

    def finish(self, today: date) -> None:
        """Approve minutes still waiting, and leave the open follow-ups as they stand."""
        if self.awaiting_approval is not None:
            held = timezone.localtime(self.awaiting_approval.ends_at).date()
            self._approve(self.awaiting_approval, _at(held + timedelta(days=14)))
        self._close_actions_done_by(today)
        for action, spec in self.actions:
            if spec.done_on is None and spec.progress:
                services.action_update(
                    actor=self.user(spec.owner),
                    action=action,
                    revision=_revision(action),
                    status=ActionStatus.IN_PROGRESS,
                    progress=spec.progress,
                )

    def _approve(self, meeting: Meeting, at: datetime) -> None:
        services.minutes_approve(actor=self.user(self.chair), meeting=meeting)
        History.approved(meeting, at)
        self.awaiting_approval = None

    def _close_actions_done_by(self, day: date) -> None:
        for action, spec in self.actions:
            if spec.done_on is not None and spec.done_on <= day and action.closed_at is None:
                services.action_update(
                    actor=self.user(spec.owner),
                    action=action,
                    revision=_revision(action),
                    status=ActionStatus.DONE,
                    progress=spec.progress,
                )
                History.closed(action, spec.done_on)
                action.closed_at = _at(spec.done_on, 15)

    def _attendance(self, meeting: Meeting, spec: DemoMeeting) -> None:
        statuses = {
            a.pk: AttendanceStatus.ABSENT_WITH_NOTICE
            if a.person.username in spec.absent
            else AttendanceStatus.PRESENT
            for a in meeting.attendances.select_related("person")
        }
        services.attendance_record(
            actor=self.writer, meeting=meeting, statuses=statuses, guests=spec.guests
        )

    def _agenda(self, meeting: Meeting, spec: DemoMeeting) -> None:
        """Notes into the items the service put there (previous minutes, open follow-ups and
        the body's standard agenda, in that order), then the meeting's own items."""
        placed = list(meeting.items.order_by("position"))
        standard = [
            i for i in placed if i.kind not in (ItemKind.MINUTES_APPROVAL, ItemKind.FOLLOW_UPS)
        ]
        for item in placed:
            notes = {
                ItemKind.MINUTES_APPROVAL: spec.approval_notes,
                ItemKind.FOLLOW_UPS: spec.follow_up_notes,
            }.get(item.kind)
            if notes:
                services.item_update(actor=self.writer, item=item, revision=None, notes=notes)
        for item, item_spec in zip(standard, spec.items, strict=False):
            services.item_update(
                actor=self.writer,
                item=item,
                revision=None,
                presenter=self._presenter(item_spec),
                notes=item_spec.notes,
                decision_text=item_spec.decision,
                review_date=item_spec.review_date,
            )
            self.add_actions(item, item_spec)
        for item_spec in spec.items[len(standard) :]:
            item = services.item_add(
                actor=self.writer,
                meeting=meeting,
                title=item_spec.title,
                kind=item_spec.kind,
                presenter=self._presenter(item_spec),
                planned_minutes=item_spec.minutes,
                background=item_spec.background,
                notes=item_spec.notes,
                decision_text=item_spec.decision,
                review_date=item_spec.review_date,
            )
            self.add_actions(item, item_spec)

    def add_actions(self, item: AgendaItem, item_spec: DemoItem) -> None:
        for action_spec in item_spec.actions:
            action = services.action_add(
                actor=self.writer,
                item=item,
                title=action_spec.title,
                owner=self.user(action_spec.owner),
                due_date=action_spec.due,
            )
            self.actions.append((action, action_spec))

    def _presenter(self, item_spec: DemoItem) -> str:
        return self.user(item_spec.presenter).display_name if item_spec.presenter else ""

    def _minutes(self, meeting: Meeting, spec: DemoMeeting) -> None:
        if spec.comment_deadline is None and spec.approved_on is None:
            self.awaiting_approval = meeting
            return
        sent = spec.at(spec.end) + timedelta(days=1)
        deadline = spec.comment_deadline or spec.approved_on
        services.minutes_send_for_comments(
            actor=self.writer, meeting=meeting, deadline=timezone.localdate()
        )
        for comment_spec in spec.comments:
            comment = services.minutes_comment(
                actor=self.user(comment_spec.author), meeting=meeting, text=comment_spec.text
            )
            History.commented(comment, _at(comment_spec.on, 10))
        if spec.approved_on is not None:
            services.minutes_approve(actor=self.user(self.chair), meeting=meeting)
            History.sent_for_comments(meeting, sent, deadline)
            History.approved(meeting, _at(spec.approved_on, 14))
            return
        History.sent_for_comments(meeting, sent, deadline)
        # No objection came before the deadline: the minutes count as approved the day after.
        services.minutes_settle_deemed(now=_at(deadline + timedelta(days=1)))
        History.frozen_at_approval(meeting)


def _date_versions(minutes: Minutes, at: datetime) -> None:
    """The frozen versions were made now; date them, and the approval they print, in the past."""
    for version in minutes.versions.all():
        approval = version.content.get("approval")
        if approval and approval.get("approved_at"):
            approval["approved_at"] = timezone.localdate(at).isoformat()
        version.created_at = version.updated_at = at
        type(version).objects.filter(pk=version.pk).update(
            content=version.content, created_at=at, updated_at=at
        )
