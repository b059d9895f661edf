"""Done 4: the notice page only enqueues; the worker renders the agenda and sends the e-mail."""

from datetime import date

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from partnerskap.meetings import services
from partnerskap.meetings.models import MemberRole

from ..factories import UserFactory
from .conftest import at

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def queued(settings, monkeypatch):
    settings.TASKS = DATABASE_QUEUE
    settings.TASKS_BACKEND = "database"
    # The worker drops connections that are not in autocommit mode, as the test's transaction
    # is not: in a test it keeps the one it has.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)


@pytest.fixture
def meeting_for_30(world, body):
    for number in range(30):
        person = UserFactory(email=f"medlem{number}@example.no")
        services.body_member_add(
            actor=world.admin,
            body=body,
            person=person,
            role=MemberRole.MEMBER,
            valid_from=date(2018, 1, 1),
        )
    day = date(date.today().year + 1, 3, 5)
    return services.meeting_schedule(
        actor=world.nav_leader, body=body, starts_at=at(day, 11), ends_at=at(day, 14)
    )


def _send_notice_page(world, meeting, django_capture_on_commit_callbacks):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.nav_leader)
    url = f"/moter/{meeting.pk}/innkalling/"
    client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(url, {"csrfmiddlewaretoken": client.cookies["csrftoken"].value})


def test_the_notice_to_30_invitees_is_enqueued_and_sent_by_the_worker(
    world, meeting_for_30, queued, django_capture_on_commit_callbacks
):
    response = _send_notice_page(world, meeting_for_30, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert mail.outbox == []  # nothing rendered or sent inside the request
    (task,) = DBTaskResult.objects.filter(task_path="partnerskap.meetings.tasks.send_notice")
    assert task.status == "READY"
    assert task.args_kwargs["args"] == [meeting_for_30.pk, "nb"]

    call_command("worker", "--batch", verbosity=0)

    task.refresh_from_db()
    assert task.status == "SUCCESSFUL"
    # One e-mail each: every invitee's carries their own link to answer (decisions/0066).
    recipients = [m.to for m in mail.outbox]
    assert all(len(to) == 1 for to in recipients)
    assert {f"medlem{number}@example.no" for number in range(30)} <= {to[0] for to in recipients}
    for message in mail.outbox:
        assert [name for name, _content, _type in message.attachments] == [
            "innkalling.pdf",
            "mote.ics",
        ]
        assert message.subject.startswith("Innkalling")
        assert "/moter/svar/" in message.body


def test_the_worker_writes_in_the_language_the_sender_used(
    world, meeting_for_30, queued, django_capture_on_commit_callbacks
):
    from django.utils import translation

    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        services.meeting_send_notice(actor=world.nav_leader, meeting=meeting_for_30)
    call_command("worker", "--batch", verbosity=0)
    assert mail.outbox[0].subject.startswith("Notice:")


def test_without_a_queue_the_notice_goes_out_in_the_request(
    world, meeting_for_30, django_capture_on_commit_callbacks
):
    _send_notice_page(world, meeting_for_30, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == len({m.to[0] for m in mail.outbox}) >= 30
    with pytest.raises(CommandError, match="TASKS_BACKEND is immediate"):
        call_command("worker", "--batch")
