"""Times are checked (issue 14): an agenda that runs past the meeting's planned end says so on the
meeting page, and a meeting is not marked held, nor its minutes approved, before its day — in
the service, on the page and through the API, in Norwegian."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from partnerskap.meetings import lifecycle, services
from partnerskap.meetings.models import AgendaItem, ItemKind, MeetingStatus

from .conftest import at
from .test_api import _json


def _decide_all(meeting) -> None:
    for item in meeting.items.filter(kind=ItemKind.DECISION):
        AgendaItem.objects.filter(pk=item.pk).update(decision_text="Vedtatt som foreslått.")


def test_agenda_running_past_the_end_is_announced(client, world, body):
    day = date(timezone.localdate().year + 1, 1, 15)
    meeting = services.meeting_schedule(
        actor=world.nav_leader, body=body, starts_at=at(day, 9), ends_at=at(day, 9, 30)
    )
    items = list(meeting.items.all())
    planned = sum(item.planned_minutes for item in items)
    assert planned > 30, "the standard agenda is longer than half an hour"
    ends = at(day, 9) + timedelta(minutes=planned)
    over = planned - 30
    client.force_login(world.nav_leader)
    page = client.get(reverse("meetings:meeting_detail", args=[meeting.pk])).content.decode()
    hours, minutes = divmod(over, 60)
    duration = (
        f"{hours} t {minutes} min"
        if hours and minutes
        else (f"{hours} t" if hours else f"{minutes} min")
    )
    assert f"Sakslisten varer til {ends:%H:%M}, {duration} etter planlagt slutt 09:30." in page

    # An agenda that fits says nothing.
    meeting.ends_at = at(day, 9) + timedelta(minutes=planned)
    meeting.save()
    page = client.get(reverse("meetings:meeting_detail", args=[meeting.pk])).content.decode()
    assert "Sakslisten varer til" not in page


def test_a_meeting_is_not_held_before_its_day(client, world, meeting, real_meeting_days):
    services.meeting_send_notice(actor=world.nav_leader, meeting=meeting)
    _decide_all(meeting)
    day = timezone.localdate(meeting.starts_at).strftime("%d.%m.%Y")
    refusal = f"Møtet kan ikke markeres som holdt før møtedagen, {day}."
    with pytest.raises(ValidationError, match=refusal):
        services.meeting_mark_held(actor=world.nav_leader, meeting=meeting)

    client.force_login(world.nav_leader)
    response = client.post(reverse("meetings:meeting_mark_held", args=[meeting.pk]))
    assert refusal in response.content.decode()
    response, data = _json(client, "post", f"/meetings/{meeting.pk}/held")
    assert response.status_code == 422 and refusal in data["detail"][0]["msg"]
    meeting.refresh_from_db()
    assert meeting.status != MeetingStatus.HELD


def test_minutes_are_not_approved_before_the_meeting_day(world, meeting, real_meeting_days):
    services.meeting_send_notice(actor=world.nav_leader, meeting=meeting)
    _decide_all(meeting)
    # Held already (recorded before this rule existed): the approval is still refused.
    meeting.refresh_from_db()
    lifecycle.take_step(meeting, "held", actor=world.nav_leader, held_at=timezone.now())
    day = timezone.localdate(meeting.starts_at).strftime("%d.%m.%Y")
    with pytest.raises(
        ValidationError, match=f"Referatet kan ikke godkjennes før møtedagen, {day}."
    ):
        services.minutes_approve(actor=world.nav_leader, meeting=meeting)
