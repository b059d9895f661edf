"""Approving minutes asks first (issue 14): it says what it does, refuses to close a running
comment period without a tick, and names publishing as its own step in the message."""

import re
from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from partnerskap.meetings import services
from partnerskap.meetings.models import Body, ItemKind, ItemStatus, Minutes, MinutesStatus

pytestmark = pytest.mark.django_db


def _held(world, meeting):
    for item in meeting.items.filter(kind=ItemKind.DECISION, status=ItemStatus.ACTIVE):
        type(item).objects.filter(pk=item.pk).update(decision_text="Vedtatt.")
    services.meeting_send_notice(actor=world.nav_leader, meeting=meeting)
    services.meeting_mark_held(actor=world.nav_leader, meeting=meeting)


def _status(meeting) -> str:
    return Minutes.objects.get(meeting=meeting).status


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_the_meeting_page_links_to_a_page_that_says_what_approving_does(client, world, meeting):
    _held(world, meeting)
    client.force_login(world.nav_leader)
    url = reverse("meetings:minutes_approve", args=[meeting.pk])
    page = client.get(reverse("meetings:meeting_detail", args=[meeting.pk])).content.decode()
    assert f'href="{url}"' in page  # a link to the question, not a button that acts at once
    answer = client.get(url).content.decode()
    assert "Godkjenning låser referatet" in answer
    assert 'name="publish"' in answer
    assert _status(meeting) == MinutesStatus.DRAFT


def test_approving_before_the_comment_deadline_needs_a_tick(client, world, meeting):
    _held(world, meeting)
    deadline = timezone.localdate() + timedelta(days=7)
    services.minutes_send_for_comments(actor=world.nav_leader, meeting=meeting, deadline=deadline)
    client.force_login(world.nav_leader)
    url = reverse("meetings:minutes_approve", args=[meeting.pk])
    asked = client.get(url).content.decode()
    assert deadline.strftime("%d.%m.%Y") in asked and "0 kommentarer" in asked

    refused = client.post(url, {})
    assert refused.status_code == 400
    assert f"Kommentarfristen løper til {deadline:%d.%m.%Y}" in refused.content.decode()
    assert _status(meeting) == MinutesStatus.IN_COMMENT

    done = client.post(url, {"before_deadline": "on"})
    assert done.status_code == 302
    assert _status(meeting) == MinutesStatus.APPROVED
    assert _messages(done) == ["Referatet er godkjent. Det er ikke publisert."]


def test_publishing_is_named_and_can_be_left_for_later(client, world, meeting):
    Body.objects.filter(pk=meeting.body_id).update(publish_on_approval=True)
    _held(world, meeting)
    client.force_login(world.nav_leader)
    url = reverse("meetings:minutes_approve", args=[meeting.pk])
    # The body publishes on approval, so the box starts ticked; unticked, nothing is published.
    assert re.search(r'<input[^>]*name="publish"[^>]*checked', client.get(url).content.decode())

    left = client.post(url, {})
    assert _status(meeting) == MinutesStatus.APPROVED
    assert _messages(left) == ["Referatet er godkjent. Det er ikke publisert."]


def test_approving_and_publishing_says_both(client, world, meeting):
    _held(world, meeting)
    client.force_login(world.nav_leader)
    done = client.post(reverse("meetings:minutes_approve", args=[meeting.pk]), {"publish": "on"})
    assert _status(meeting) == MinutesStatus.PUBLISHED
    assert _messages(done) == ["Referatet er godkjent og publisert på den offentlige siden."]
