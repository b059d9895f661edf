from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from partnerskap.meetings import lifecycle, selectors, services
from partnerskap.meetings.models import (
    AgendaItem,
    ApprovalKind,
    ItemKind,
    ItemStatus,
    MeetingStatus,
    Minutes,
    MinutesStatus,
)

from .conftest import at, later_in_year


def _labels(meeting):
    return [(i.number, i.kind) for i in meeting.items.order_by("position")]


def test_new_meeting_starts_from_standard_agenda_without_empty_automatic_items(meeting):
    kinds = [k for _, k in _labels(meeting)]
    # The body's first meeting: no minutes to approve, no open follow-ups to go through.
    assert ItemKind.MINUTES_APPROVAL not in kinds and ItemKind.FOLLOW_UPS not in kinds
    assert len(kinds) == 8
    assert [n for n, _ in _labels(meeting)] == list(range(1, 9))
    assert meeting.attendances.count() == 3


def test_second_meeting_opens_with_approval_of_previous_minutes(world, body, meeting):
    day = later_in_year()
    second = services.meeting_schedule(
        actor=world.nav_leader, body=body, starts_at=at(day, 11), ends_at=at(day, 14)
    )
    items = list(second.items.order_by("position"))
    assert items[0].kind == ItemKind.MINUTES_APPROVAL
    assert items[1].kind != ItemKind.FOLLOW_UPS  # no follow-ups are open
    assert items[0].number == 9  # numbering continues through the body's year
    assert items[0].label.endswith(f"9/{day.year % 100:02d}")


def test_numbering_restarts_each_year(world, body, meeting):
    day = later_in_year(days=365)
    next_year = services.meeting_schedule(
        actor=world.nav_leader, body=body, starts_at=at(day, 11), ends_at=at(day, 14)
    )
    assert next_year.items.order_by("position").first().number == 1


def test_numbers_hold_under_reorder_move_and_withdrawal(world, body, meeting):
    day = later_in_year()
    second = services.meeting_schedule(
        actor=world.nav_leader, body=body, starts_at=at(day, 11), ends_at=at(day, 14)
    )
    before = {i.pk: i.number for i in AgendaItem.objects.all()}
    ids = [i.pk for i in meeting.items.order_by("position")]
    services.item_reorder(actor=world.nav_leader, meeting=meeting, item_ids=list(reversed(ids)))
    moved = meeting.items.get(position=1)
    services.item_move(actor=world.nav_leader, item=moved, target=second)
    withdrawn = meeting.items.order_by("position").first()
    services.item_withdraw(actor=world.nav_leader, item=withdrawn, reason="Utsatt")
    after = {i.pk: i.number for i in AgendaItem.objects.all()}
    assert before == after
    withdrawn.refresh_from_db()
    assert withdrawn.status == ItemStatus.WITHDRAWN
    new = services.item_add(
        actor=world.nav_leader, meeting=second, title="Ny sak", kind=ItemKind.INFORMATION
    )
    assert new.number == max(before.values()) + 1


def test_database_enforces_unique_number(meeting):
    item = meeting.items.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        AgendaItem.objects.create(
            numbering_body=item.numbering_body,
            year=item.year,
            number=item.number,
            meeting=meeting,
            position=99,
            kind=ItemKind.INFORMATION,
            title="Dublett",
        )


def test_cannot_mark_held_with_undecided_decision_item(world, meeting):
    services.meeting_send_notice(actor=world.nav_leader, meeting=meeting)
    with pytest.raises(ValidationError):
        services.meeting_mark_held(actor=world.nav_leader, meeting=meeting)
    for item in meeting.items.filter(kind=ItemKind.DECISION):
        services.item_update(
            actor=world.minute_taker,
            item=item,
            revision=item.revision,
            decision_text="Vedtatt som foreslått.",
        )
    meeting = services.meeting_mark_held(actor=world.nav_leader, meeting=meeting)
    assert meeting.status == MeetingStatus.HELD


def _hold(world, meeting):
    services.meeting_send_notice(actor=world.nav_leader, meeting=meeting)
    for item in meeting.items.filter(kind=ItemKind.DECISION):
        services.item_update(
            actor=world.minute_taker, item=item, revision=item.revision, decision_text="Vedtatt."
        )
    services.meeting_mark_held(actor=world.nav_leader, meeting=meeting)


def test_deemed_approval_is_correct_on_read_and_settled_by_command(world, meeting):
    _hold(world, meeting)
    deadline = timezone.localdate()
    minutes = services.minutes_send_for_comments(
        actor=world.minute_taker, meeting=meeting, deadline=deadline
    )
    assert lifecycle.minutes_status(minutes) == MinutesStatus.IN_COMMENT
    later = deadline + timedelta(days=1)
    assert lifecycle.minutes_status(minutes, today=later) == MinutesStatus.PUBLISHED
    now = at(later, 8)
    assert services.minutes_settle_deemed(now=now) == 1
    minutes.refresh_from_db()
    assert minutes.approval_kind == ApprovalKind.DEEMED
    assert minutes.versions.count() == 1
    assert services.minutes_settle_deemed(now=now) == 0


def test_objection_prevents_deemed_approval(world, meeting):
    _hold(world, meeting)
    services.minutes_send_for_comments(
        actor=world.minute_taker, meeting=meeting, deadline=timezone.localdate()
    )
    services.minutes_comment(
        actor=world.municipal_owner, meeting=meeting, text="Sak 3 er feil.", is_objection=True
    )
    later = timezone.localdate() + timedelta(days=2)
    minutes = Minutes.objects.get(meeting=meeting)
    assert lifecycle.minutes_status(minutes, today=later) == MinutesStatus.IN_COMMENT


def test_approved_minutes_change_only_through_new_version(world, meeting):
    _hold(world, meeting)
    services.minutes_approve(actor=world.nav_leader, meeting=meeting)
    item = meeting.items.filter(kind=ItemKind.DECISION).first()
    with pytest.raises(ValidationError):
        services.item_update(
            actor=world.nav_leader, item=item, revision=None, decision_text="Endret"
        )
    with pytest.raises(ValidationError):
        services.minutes_correct(
            actor=world.nav_leader,
            meeting=meeting,
            reason="",
            item_changes={item.pk: {"decision_text": "x"}},
        )
    version = services.minutes_correct(
        actor=world.nav_leader,
        meeting=meeting,
        reason="Skrivefeil i vedtaket",
        item_changes={item.pk: {"decision_text": "Vedtatt med endring."}},
    )
    assert version.number == 2
    first = Minutes.objects.get(meeting=meeting).versions.get(number=1)
    first_item = next(i for i in first.content["items"] if i["id"] == item.pk)
    assert first_item["decision"] == "Vedtatt."
    assert (
        next(i for i in version.content["items"] if i["id"] == item.pk)["decision"]
        == "Vedtatt med endring."
    )


def test_conflicting_edits_are_refused(world, meeting):
    item = meeting.items.first()
    services.item_update(actor=world.nav_leader, item=item, revision=item.revision, notes="Først")
    with pytest.raises(services.ConflictError):
        services.item_update(actor=world.minute_taker, item=item, revision=1, notes="Overskriver")
    item.refresh_from_db()
    assert item.notes == "Først"


def test_bad_input(world, meeting):
    item = meeting.items.first()
    with pytest.raises(ValidationError) as exc:
        services.action_add(
            actor=world.nav_leader,
            item=item,
            title="Følg opp",
            owner=world.nav_leader,
            due_date=timezone.localdate(),
        )
    assert "due_date" in exc.value.message_dict
    _hold(world, meeting)
    with pytest.raises(ValidationError) as exc:
        services.minutes_send_for_comments(
            actor=world.nav_leader,
            meeting=meeting,
            deadline=timezone.localdate() - timedelta(days=1),
        )
    assert "deadline" in exc.value.message_dict


def test_agenda_schedule_inserts_lunch(meeting):
    items = list(meeting.items.order_by("position"))
    schedule = selectors.agenda_schedule(meeting, items)
    times = [(s.starts.strftime("%H:%M"), s.is_break) for s in schedule]
    assert times[0] == ("11:00", False)
    assert ("12:05", True) in times or any(b for _, b in times)


def test_follow_ups_carry_to_next_meeting_until_closed(world, body, meeting):
    _hold(world, meeting)
    decision = meeting.items.filter(kind=ItemKind.DECISION).first()
    action = services.action_add(
        actor=world.minute_taker,
        item=decision,
        title="Lag plan",
        owner=world.nav_leader,
        due_date=later_in_year(20),
    )
    day = later_in_year()
    second = services.meeting_schedule(
        actor=world.nav_leader, body=body, starts_at=at(day, 11), ends_at=at(day, 14)
    )
    assert list(selectors.open_actions(body.pk, before=second.starts_at)) == [action]
    services.action_update(actor=world.nav_leader, action=action, revision=1, status="done")
    assert list(selectors.open_actions(body.pk, before=second.starts_at)) == []
