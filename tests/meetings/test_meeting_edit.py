"""Changing a meeting's time or place: a new calendar sequence, an updated invitation, no
silent overwrite."""

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from partnerskap.meetings import services
from partnerskap.meetings.models import Meeting


def _data(meeting: Meeting, **changes: object) -> dict:
    day = timezone.localtime(meeting.starts_at).date()
    data = {
        "day": day.isoformat(),
        "start": "11:00",
        "end": "14:30",
        "title": "",
        "location": meeting.location,
        "video_link": "",
        "chair": "",
        "minute_taker": "",
        "lunch_at": "12:00",
        "lunch_minutes": 30,
        "revision": meeting.revision,
    }
    return {**data, **changes}


def test_moving_a_noticed_meeting_sends_an_update(
    client, world, meeting, django_capture_on_commit_callbacks, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    world.municipal_owner.email = "kommunedirektor@example.no"
    world.municipal_owner.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_send_notice(actor=world.nav_leader, meeting=meeting)
    mail.outbox.clear()
    meeting.refresh_from_db()
    client.force_login(world.nav_leader)
    url = reverse("meetings:meeting_edit", args=[meeting.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, _data(meeting, start="12:00", end="15:00"))
    assert response.status_code == 302
    changed = Meeting.objects.get(pk=meeting.pk)
    assert timezone.localtime(changed.starts_at).hour == 12
    assert changed.calendar_sequence == meeting.calendar_sequence + 1
    assert len(mail.outbox) == 1
    assert any(name.endswith(".ics") for name, _, _ in mail.outbox[0].attachments)


def test_stale_edit_is_refused_with_409(client, world, meeting):
    client.force_login(world.nav_leader)
    url = reverse("meetings:meeting_edit", args=[meeting.pk])
    stale = _data(meeting)
    assert client.post(url, _data(meeting, location="Rådhuset")).status_code == 302
    response = client.post(url, {**stale, "location": "Biblioteket"})
    assert response.status_code == 409
    assert Meeting.objects.get(pk=meeting.pk).location == "Rådhuset"
