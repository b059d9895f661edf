"""Done point 4 of issue 13: a person who chose a daily digest gets one e-mail per day from
`remind`, run twice, with every new thing once; the choice is theirs, on their settings page and
in the API, and the digest is written in their language (docs/decisions/0067)."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from partnerskap.core import reminders
from partnerskap.core.models import DigestSent, Notifications
from partnerskap.meetings import services
from partnerskap.meetings.models import ItemKind

from ..clients import BrowserClient
from ..meetings import conftest as meeting_fixtures
from ..meetings.conftest import later_in_year

# The meetings' fixtures: Ørland's partnership meeting body and its meeting next year.
body = meeting_fixtures.body
meeting = meeting_fixtures.meeting

FIRST = "Lag rekrutteringsplan for ungdomsteamet"
SECOND = "Avklar husleie med kommunen"


@pytest.fixture(autouse=True)
def _only_these_reminders(monkeypatch) -> None:
    """Only what these tests are about: the reminders other apps register with
    core/reminders.py (such as next year's plans in November and December) are left out."""
    monkeypatch.setattr(reminders, "JOBS", {})


def _remind(*args: str, capture) -> str:
    out = StringIO()
    with capture(execute=True):
        call_command("remind", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def _follow_up(world, meeting, title: str, *, overdue: bool = False):
    item = meeting.items.filter(kind=ItemKind.DECISION).first()
    action = services.action_add(
        actor=world.minute_taker,
        item=item,
        title=title,
        owner=world.nav_leader,
        due_date=later_in_year(20),
    )
    if overdue:
        type(action).objects.filter(pk=action.pk).update(
            due_date=timezone.localdate() - timedelta(days=10)
        )
    return action


def _signed_in(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def _choose(user, notifications: str, language: str = "nb") -> None:
    """Through the person's own settings page, as they would."""
    client = _signed_in(user)
    page = client.get("/innstillinger/")
    assert page.status_code == 200
    response = client.post(
        "/innstillinger/",
        {
            "csrfmiddlewaretoken": client.cookies["csrftoken"].value,
            "notifications": notifications,
            "language": language,
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.notifications, user.language) == (notifications, language)


@pytest.fixture
def leader(world):
    world.nav_leader.email = "leder@orland.invalid"
    world.nav_leader.save()
    return world.nav_leader


def test_one_digest_a_day_with_every_new_thing_once(
    world,
    meeting,
    leader,
    django_capture_on_commit_callbacks,
):
    _choose(leader, Notifications.DAILY)
    _follow_up(world, meeting, FIRST, overdue=True)
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()

    output = _remind("--date", yesterday, capture=django_capture_on_commit_callbacks)
    assert "1 daglige sammendrag sendt." in output
    assert "0 påminnelser sendt" in output  # the overdue follow-up is in the digest instead
    (first,) = mail.outbox
    assert first.to == [leader.email]
    assert first.subject.startswith("Dette venter på deg i Partnerskap")
    assert first.body.count(FIRST) == 1
    html, kind = first.alternatives[0]
    assert kind == "text/html" and FIRST in html
    assert "/oppfolginger/" in first.body and "/innstillinger/" in first.body

    # Run again the same day: nothing more.
    _remind("--date", yesterday, capture=django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1

    # The next day: only what is new.
    _follow_up(world, meeting, SECOND)
    output = _remind(capture=django_capture_on_commit_callbacks)
    assert "1 daglige sammendrag sendt." in output
    assert len(mail.outbox) == 2
    second = mail.outbox[1]
    assert SECOND in second.body and FIRST not in second.body
    _remind(capture=django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2

    days = list(DigestSent.objects.filter(person=leader).order_by("day"))
    assert [d.day.isoformat() for d in days] == [yesterday, timezone.localdate().isoformat()]
    assert all(d.sent_at is not None for d in days)
    titles = [[item["title"] for item in d.items if item["kind"] == "follow_up"] for d in days]
    assert titles == [[FIRST], [SECOND]]


def test_nothing_new_sends_nothing_and_none_means_none(
    world,
    meeting,
    leader,
    django_capture_on_commit_callbacks,
):
    _choose(leader, Notifications.NONE)
    _follow_up(world, meeting, FIRST, overdue=True)
    output = _remind(capture=django_capture_on_commit_callbacks)
    assert "0 påminnelser sendt" in output and "sammendrag" not in output
    assert mail.outbox == []
    _choose(leader, Notifications.IMMEDIATELY)
    _remind(capture=django_capture_on_commit_callbacks)
    (reminder,) = mail.outbox  # one by one, as before
    assert FIRST in reminder.body and not DigestSent.objects.exists()


@pytest.mark.parametrize(
    ("language", "subject"),
    [
        ("nb", "Dette venter på deg i Partnerskap"),
        ("nn", "Dette ventar på deg i Partnerskap"),
        ("en", "What waits for you in Partnerskap"),
    ],
)
def test_the_digest_is_in_the_persons_language(
    world,
    meeting,
    leader,
    language,
    subject,
    django_capture_on_commit_callbacks,
):
    _choose(leader, Notifications.DAILY, language)
    _follow_up(world, meeting, FIRST)
    _remind(capture=django_capture_on_commit_callbacks)
    (message,) = mail.outbox
    assert message.subject.startswith(subject)
    label = {
        "nb": "Ditt oppfølgingspunkt",
        "nn": "Oppfølgingspunktet ditt",
        "en": "Your follow-up",
    }[language]
    assert label in message.body


def test_settings_through_the_api(world, leader):
    client = BrowserClient()
    client.force_login(leader)
    assert client.get("/api/v1/me/settings").json() == {
        "notifications": "immediately",
        "language": "nb",
    }
    response = client.put(
        "/api/v1/me/settings",
        json.dumps({"notifications": "daily", "language": "nn"}),
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    leader.refresh_from_db()
    assert (leader.notifications, leader.language) == ("daily", "nn")
    bad = client.put(
        "/api/v1/me/settings",
        json.dumps({"notifications": "hourly", "language": "nn"}),
        content_type="application/json",
    )
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"][-1] == "notifications"


def test_a_bad_choice_on_the_page_is_refused(leader):
    client = _signed_in(leader)
    client.get("/innstillinger/")
    response = client.post(
        "/innstillinger/",
        {
            "csrfmiddlewaretoken": client.cookies["csrftoken"].value,
            "notifications": "hourly",
            "language": "nb",
        },
    )
    assert response.status_code == 400
    assert "Velg et gyldig valg" in response.content.decode()
    leader.refresh_from_db()
    assert leader.notifications == Notifications.IMMEDIATELY
