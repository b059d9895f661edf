"""`partnerskap remind`: deemed approval and reminders of overdue follow-ups, idempotent per day."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from partnerskap.core import reminders
from partnerskap.meetings import notify, services
from partnerskap.meetings.models import (
    ActionItem,
    ActionStatus,
    ApprovalKind,
    ItemKind,
    Minutes,
    MinutesStatus,
    ReminderSent,
)

from .conftest import later_in_year


@pytest.fixture(autouse=True)
def _only_these_reminders(monkeypatch) -> None:
    """Only what these tests are about: the reminders other apps register with
    core/reminders.py (such as next year's plans in November and December) are left out."""
    monkeypatch.setattr(reminders, "JOBS", {})


def remind(*args: str) -> str:
    out = StringIO()
    call_command("remind", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def _hold(world, meeting) -> None:
    services.meeting_send_notice(actor=world.nav_leader, meeting=meeting)
    for item in meeting.items.filter(kind=ItemKind.DECISION):
        services.item_update(
            actor=world.minute_taker, item=item, revision=item.revision, decision_text="Vedtatt."
        )
    services.meeting_mark_held(actor=world.nav_leader, meeting=meeting)


def _action(world, meeting, title: str, *, due_days_ago: int) -> ActionItem:
    """A follow-up from the meeting, made overdue by moving its due date: the clock moved on."""
    world.nav_leader.email = "leder@orland.invalid"
    world.nav_leader.save()
    decision = meeting.items.filter(kind=ItemKind.DECISION).first()
    action = services.action_add(
        actor=world.minute_taker,
        item=decision,
        title=title,
        owner=world.nav_leader,
        due_date=later_in_year(20),
    )
    ActionItem.objects.filter(pk=action.pk).update(
        due_date=timezone.localdate() - timedelta(days=due_days_ago)
    )
    return action


def _minutes_with_deadline(world, meeting, days_ago: int) -> Minutes:
    """Minutes sent for comments, with a deadline that has since passed."""
    _hold(world, meeting)
    services.minutes_send_for_comments(
        actor=world.minute_taker, meeting=meeting, deadline=timezone.localdate()
    )
    Minutes.objects.filter(meeting=meeting).update(
        comment_deadline=timezone.localdate() - timedelta(days=days_ago)
    )
    return Minutes.objects.get(meeting=meeting)


def test_running_twice_the_same_day_reminds_each_follow_up_once(world, meeting, mailoutbox):
    _hold(world, meeting)
    action = _action(world, meeting, "Lag plan for ungdomsteamet", due_days_ago=3)
    assert remind() == "0 referater regnet som godkjent, 1 påminnelser sendt.\n"
    assert remind() == "0 referater regnet som godkjent, 0 påminnelser sendt.\n"
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["leder@orland.invalid"]
    assert action.title in mailoutbox[0].subject
    assert list(ReminderSent.objects.values_list("action_id", "day")) == [
        (action.pk, timezone.localdate())
    ]


def test_closed_follow_up_is_not_reminded(world, meeting, mailoutbox):
    _hold(world, meeting)
    done = _action(world, meeting, "Avklar lokaler", due_days_ago=5)
    cancelled = _action(world, meeting, "Bestill kurs", due_days_ago=5)
    services.action_update(
        actor=world.nav_leader, action=done, revision=1, status=ActionStatus.DONE
    )
    services.action_update(
        actor=world.nav_leader, action=cancelled, revision=1, status=ActionStatus.CANCELLED
    )
    assert "0 påminnelser sendt" in remind()
    assert mailoutbox == []
    assert not ReminderSent.objects.exists()


def test_follow_up_not_yet_due_is_not_reminded(world, meeting, mailoutbox):
    _hold(world, meeting)
    _action(world, meeting, "Due today", due_days_ago=0)
    assert "0 påminnelser sendt" in remind()
    assert mailoutbox == []


def test_deemed_approval_is_recorded_once(world, meeting):
    _minutes_with_deadline(world, meeting, days_ago=1)
    assert remind() == "1 referater regnet som godkjent, 0 påminnelser sendt.\n"
    assert remind() == "0 referater regnet som godkjent, 0 påminnelser sendt.\n"
    minutes = Minutes.objects.get(meeting=meeting)
    assert minutes.approval_kind == ApprovalKind.DEEMED
    assert minutes.status == MinutesStatus.PUBLISHED  # the body publishes on approval
    assert minutes.versions.count() == 1


def test_objection_keeps_minutes_out_for_comments(world, meeting):
    _hold(world, meeting)
    services.minutes_send_for_comments(
        actor=world.minute_taker, meeting=meeting, deadline=timezone.localdate()
    )
    services.minutes_comment(
        actor=world.municipal_owner,
        meeting=meeting,
        text="Vedtaket i sak 8 er gjengitt feil.",
        is_objection=True,
    )
    Minutes.objects.filter(meeting=meeting).update(
        comment_deadline=timezone.localdate() - timedelta(days=2)
    )
    assert remind().startswith("0 referater regnet som godkjent")
    assert Minutes.objects.get(meeting=meeting).status == MinutesStatus.IN_COMMENT


def test_date_option_acts_as_of_that_day(world, meeting, mailoutbox):
    _hold(world, meeting)
    action = _action(world, meeting, "Rapporter sykefravær", due_days_ago=10)
    today = timezone.localdate()
    before_due = (today - timedelta(days=12)).isoformat()
    catch_up = today - timedelta(days=5)
    assert "0 påminnelser sendt" in remind("--date", before_due)
    assert "1 påminnelser sendt" in remind("--date", catch_up.isoformat())
    assert "0 påminnelser sendt" in remind("--date", catch_up.isoformat())
    assert "1 påminnelser sendt" in remind()  # a new day, a new reminder
    assert len(mailoutbox) == 2
    assert set(ReminderSent.objects.filter(action=action).values_list("day", flat=True)) == {
        catch_up,
        today,
    }


def test_date_option_decides_whether_the_deadline_has_passed(world, meeting):
    minutes = _minutes_with_deadline(world, meeting, days_ago=10)
    deadline = minutes.comment_deadline
    assert remind("--date", deadline.isoformat()).startswith("0 referater regnet som godkjent")
    minutes.refresh_from_db()
    assert minutes.status == MinutesStatus.IN_COMMENT
    day_after = (deadline + timedelta(days=1)).isoformat()
    assert remind("--date", day_after).startswith("1 referater regnet som godkjent")
    minutes.refresh_from_db()
    assert minutes.approval_kind == ApprovalKind.DEEMED
    assert timezone.localtime(minutes.approved_at).date() == deadline + timedelta(days=1)


def test_dry_run_records_and_sends_nothing(world, meeting, mailoutbox):
    _hold(world, meeting)
    _action(world, meeting, "Skriv notat", due_days_ago=2)
    services.minutes_send_for_comments(
        actor=world.minute_taker, meeting=meeting, deadline=timezone.localdate()
    )
    Minutes.objects.filter(meeting=meeting).update(
        comment_deadline=timezone.localdate() - timedelta(days=1)
    )
    assert remind("--dry-run") == (
        f"Prøvekjøring per {timezone.localdate():%Y-%m-%d}: 1 referater ville blitt regnet som "
        "godkjent, 1 påminnelser ville blitt sendt.\n"
    )
    assert Minutes.objects.get(meeting=meeting).status == MinutesStatus.IN_COMMENT
    assert mailoutbox == []
    assert not ReminderSent.objects.exists()


def test_future_date_only_with_dry_run(world, meeting):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    with pytest.raises(CommandError, match="fram i tid"):
        remind("--date", tomorrow)
    assert remind("--date", tomorrow, "--dry-run").startswith(f"Prøvekjøring per {tomorrow}")


def test_bad_date_is_refused(world):
    with pytest.raises(CommandError, match="ÅÅÅÅ-MM-DD"):
        remind("--date", "13.03.2019")


def test_failed_send_is_not_recorded_and_is_retried(world, meeting, mailoutbox, monkeypatch):
    _hold(world, meeting)
    _action(world, meeting, "Send budsjettet", due_days_ago=1)
    real_send = notify.send_reminder

    def refused(action: ActionItem) -> int:
        raise OSError("mail server unreachable")

    monkeypatch.setattr(notify, "send_reminder", refused)
    with pytest.raises(CommandError, match="1 påminnelser kunne ikke sendes"):
        remind()
    assert not ReminderSent.objects.exists()
    monkeypatch.setattr(notify, "send_reminder", real_send)
    assert "1 påminnelser sendt" in remind()
    assert len(mailoutbox) == 1


def test_owner_without_address_is_skipped(world, meeting, mailoutbox):
    _hold(world, meeting)
    _action(world, meeting, "Uten adresse", due_days_ago=1)
    world.nav_leader.email = ""
    world.nav_leader.save()
    assert "0 påminnelser sendt" in remind()
    assert not ReminderSent.objects.exists()
