"""Before "Send the notice", the meeting page shows the e-mail and who gets it (issue 14); what
is then sent is what was shown."""

import re
from datetime import date

import pytest
from django.core import mail
from django.urls import reverse

from partnerskap.meetings import services
from partnerskap.meetings.models import MemberRole

from ..factories import UserFactory
from .conftest import at

pytestmark = pytest.mark.django_db


def _preview(html: str) -> str:
    found = re.search(r'<details[^>]*data-testid="notice-preview".*?</details>', html, re.S)
    assert found, "the meeting page shows no preview of the notice"
    return found.group(0)


def test_the_preview_is_what_the_notice_sends(
    client, world, body, django_capture_on_commit_callbacks
):
    for person in (
        UserFactory(first_name="Uten", last_name="Adresse", email=""),
        UserFactory(first_name="Med", last_name="Adresse", email="med.adresse@example.no"),
        UserFactory(first_name="Delt", last_name="Adresse", email="med.adresse@example.no"),
    ):
        services.body_member_add(
            actor=world.admin,
            body=body,
            person=person,
            role=MemberRole.MEMBER,
            valid_from=date(2018, 1, 1),
        )
    day = date(date.today().year + 1, 3, 5)
    meeting = services.meeting_schedule(
        actor=world.nav_leader,
        body=body,
        starts_at=at(day, 11),
        ends_at=at(day, 14),
        location="Rådhuset, Brekstad",
    )
    client.force_login(world.nav_leader)
    detail = reverse("meetings:meeting_detail", args=[meeting.pk])
    preview = _preview(client.get(detail).content.decode())

    emailed = sorted(
        {
            a.person.email
            for a in meeting.attendances.select_related("person")
            if a.person and a.person.email
        }
    )
    assert emailed, "the fixture invites members with addresses"
    for address in emailed:
        assert address in preview
    subject = f"Innkalling: {body.name} 05.03.{meeting.starts_at.year} 11:00"
    assert subject in preview
    assert "Rådhuset, Brekstad" in preview
    assert "Uten Adresse – <strong>ingen e-postadresse: får ikke innkallingen</strong>" in preview

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("meetings:meeting_send_notice", args=[meeting.pk]))
    assert sorted(m.to[0] for m in mail.outbox) == emailed
    assert {m.subject for m in mail.outbox} == {subject}
    assert 'data-testid="notice-preview"' not in client.get(detail).content.decode()
