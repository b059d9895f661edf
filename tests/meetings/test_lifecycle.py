"""The meeting's life in one module: each step one history row, guards, and attachable items."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from partnerskap.meetings import lifecycle, selectors, services
from partnerskap.meetings.models import ItemKind, MeetingStatus


def _rows(meeting) -> int:
    return meeting.history.count()


@pytest.mark.django_db
def test_each_step_writes_one_history_row(world, meeting):
    leader = world.nav_leader
    steps = [
        lambda: services.meeting_send_notice(actor=leader, meeting=meeting),
        lambda: services.meeting_mark_held(actor=leader, meeting=meeting),
        lambda: services.minutes_send_for_comments(
            actor=leader, meeting=meeting, deadline=timezone.localdate() + timedelta(days=7)
        ),
        lambda: services.minutes_approve(actor=leader, meeting=meeting),
    ]
    for item in meeting.items.filter(kind=ItemKind.DECISION):
        services.item_update(actor=leader, item=item, revision=None, decision_text="Vedtatt.")
    for step in steps:
        before = _rows(meeting)
        step()
        assert _rows(meeting) == before + 1
    latest = meeting.history.first()
    assert latest.status == MeetingStatus.PUBLISHED
    assert latest.history_user == leader


@pytest.mark.django_db
def test_cancelling_writes_one_row_with_reason_and_new_sequence(world, meeting):
    before = _rows(meeting)
    services.meeting_cancel(actor=world.nav_leader, meeting=meeting, reason="Ingen saker")
    assert _rows(meeting) == before + 1
    row = meeting.history.first()
    assert (row.status, row.cancelled_reason, row.calendar_sequence) == (
        MeetingStatus.CANCELLED,
        "Ingen saker",
        1,
    )


@pytest.mark.django_db
def test_a_step_from_the_wrong_state_is_refused_and_writes_nothing(world, meeting):
    services.meeting_send_notice(actor=world.nav_leader, meeting=meeting)
    before = _rows(meeting)
    with pytest.raises(ValidationError, match=r"innkalling sendt|notice sent"):
        services.meeting_send_notice(actor=world.nav_leader, meeting=meeting)
    assert _rows(meeting) == before
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.NOTICE_SENT


def test_every_step_leads_to_a_known_state_and_every_state_has_its_offers():
    for allowed_from, to in lifecycle.STEPS.values():
        assert set(allowed_from) | {to} <= set(MeetingStatus.values)
    assert set(lifecycle.NEXT_STEPS) == set(MeetingStatus.values)
    assert not set(lifecycle.AGENDA_OPEN) & set(lifecycle.CLOSED)


@pytest.mark.django_db
def test_attachable_items_are_open_agendas_of_bodies_the_person_runs(world, body, meeting):
    items = set(selectors.attachable_items(world.nav_leader).values_list("pk", flat=True))
    assert items == set(meeting.items.values_list("pk", flat=True))
    # A person with no role anywhere may attach to nothing.
    assert not selectors.attachable_items(world.outsider).exists()
    # Once the minutes are approved, the agenda is closed to attachments.
    for item in meeting.items.filter(kind=ItemKind.DECISION):
        services.item_update(actor=world.nav_leader, item=item, revision=None, decision_text="Ja")
    services.meeting_send_notice(actor=world.nav_leader, meeting=meeting)
    services.meeting_mark_held(actor=world.nav_leader, meeting=meeting)
    services.minutes_approve(actor=world.nav_leader, meeting=meeting)
    assert not selectors.attachable_items(world.nav_leader).exists()
