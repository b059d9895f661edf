"""What meetings put on a person's front page (meetings/needs.py), and what takes it off."""

from datetime import date, timedelta

from django.utils import timezone

from partnerskap.core.needs import needs_for
from partnerskap.meetings import services
from partnerskap.meetings.models import ActionStatus, ItemKind

from .conftest import at


def _kinds(user, today):
    return [(n.kind, n.title) for n in needs_for(user, today)]


def _hold(world, meeting):
    services.meeting_send_notice(actor=world.nav_leader, meeting=meeting)
    for item in meeting.items.filter(kind=ItemKind.DECISION):
        services.item_update(
            actor=world.minute_taker, item=item, revision=item.revision, decision_text="Vedtatt."
        )
    services.meeting_mark_held(actor=world.nav_leader, meeting=meeting)


def _meeting_day(meeting) -> date:
    return timezone.localtime(meeting.starts_at).date()


def test_minutes_out_for_comments_wait_until_the_member_comments(world, meeting):
    _hold(world, meeting)
    deadline = _meeting_day(meeting) + timedelta(days=14)
    services.minutes_send_for_comments(actor=world.minute_taker, meeting=meeting, deadline=deadline)
    today = _meeting_day(meeting) + timedelta(days=1)
    mine = [n for n in needs_for(world.municipal_owner, today) if n.kind == "minutes_comment"]
    assert [(n.due, n.url) for n in mine] == [(deadline, f"/moter/{meeting.pk}/")]
    # the member of Ørland who is neither invited nor in the body is not asked
    assert "minutes_comment" not in [k for k, _ in _kinds(world.member, today)]
    services.minutes_comment(actor=world.municipal_owner, meeting=meeting, text="Greit.")
    assert "minutes_comment" not in [k for k, _ in _kinds(world.municipal_owner, today)]
    # after the deadline they are no longer waiting for comments
    assert "minutes_comment" not in [
        k for k, _ in _kinds(world.nav_leader, deadline + timedelta(days=1))
    ]


def test_follow_ups_overdue_first_and_gone_when_done(world, meeting):
    item = meeting.items.filter(kind=ItemKind.DECISION).first()
    day = _meeting_day(meeting)
    late = services.action_add(
        actor=world.nav_leader, item=item, title="Skaff tall", owner=world.member, due_date=day
    )
    services.action_add(
        actor=world.nav_leader,
        item=item,
        title="Skriv notat",
        owner=world.member,
        due_date=day + timedelta(days=30),
    )
    today = day + timedelta(days=2)
    needs = [n for n in needs_for(world.member, today) if n.kind == "follow_up"]
    assert [n.title for n in needs] == ["Skaff tall", "Skriv notat"]
    assert needs[0].is_overdue(today) and not needs[1].is_overdue(today)
    services.action_update(
        actor=world.member,
        action=late,
        revision=late.revision,
        status=ActionStatus.DONE,
        progress="",
    )
    assert [n.title for n in needs_for(world.member, today) if n.kind == "follow_up"] == [
        "Skriv notat"
    ]


def test_next_meetings_of_the_bodies_one_belongs_to(world, meeting):
    week_before = _meeting_day(meeting) - timedelta(days=7)
    assert ("meeting", meeting.body.name + " " + _meeting_day(meeting).strftime("%d.%m.%Y")) in (
        _kinds(world.minute_taker, week_before)
    )
    assert "meeting" not in [k for k, _ in _kinds(world.outsider, week_before)]
    # more than six weeks ahead it is not yet on the front page
    assert "meeting" not in [
        k for k, _ in _kinds(world.minute_taker, week_before - timedelta(days=60))
    ]


def test_leaders_see_minutes_not_approved_after_the_meeting(world, meeting):
    _hold(world, meeting)
    after = _meeting_day(meeting) + timedelta(days=3)
    for person in (world.nav_leader, world.municipal_owner, world.county_director):
        needs = [n for n in needs_for(person, after) if n.kind == "minutes_unapproved"]
        assert [n.for_partnership for n in needs] == [True], person
    for person in (world.member, world.minute_taker, world.admin, world.other_leader):
        assert "minutes_unapproved" not in [k for k, _ in _kinds(person, after)], person
    services.minutes_send_for_comments(
        actor=world.minute_taker, meeting=meeting, deadline=after + timedelta(days=7)
    )
    assert "minutes_unapproved" not in [k for k, _ in _kinds(world.nav_leader, after)]


def test_a_body_without_a_meeting_this_half_year(world, body):
    spring = date(timezone.localdate().year + 1, 2, 1)
    needs = [n for n in needs_for(world.nav_leader, spring) if n.kind == "body_no_meeting"]
    assert [(n.title, n.due) for n in needs] == [(body.name, date(spring.year, 6, 30))]
    assert "body_no_meeting" not in [k for k, _ in _kinds(world.member, spring)]
    day = date(spring.year, 4, 20)
    services.meeting_schedule(
        actor=world.nav_leader, body=body, starts_at=at(day, 10), ends_at=at(day, 12)
    )
    assert "body_no_meeting" not in [k for k, _ in _kinds(world.nav_leader, spring)]
    assert "body_no_meeting" in [k for k, _ in _kinds(world.nav_leader, date(spring.year, 8, 1))]
