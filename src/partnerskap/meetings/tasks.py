"""The meeting e-mails as background tasks: rendering the agenda PDF for a notice takes longer
than a page should, so the page enqueues and a worker sends (docs/decisions/0036).

Each task is given the language of the request that enqueued it, so the worker writes the
e-mail in the language the sender was using.
"""

from django.db import transaction
from django.utils import translation
from django_tasks import task

from . import notify


@task()
def send_notice(meeting_id: int, language: str) -> int:
    with translation.override(language):
        return notify.send_notice(meeting_id)


@task()
def send_cancellation(meeting_id: int, language: str) -> int:
    with translation.override(language):
        return notify.send_cancellation(meeting_id)


@task()
def send_minutes_for_comments(meeting_id: int, language: str) -> int:
    with translation.override(language):
        return notify.send_minutes_for_comments(meeting_id)


def enqueue_after_commit(job: object, meeting_id: int) -> None:
    """Queue `job` for the meeting once the transaction that changed it has committed."""
    language = translation.get_language() or "nb"
    transaction.on_commit(lambda: job.enqueue(meeting_id, language))  # type: ignore[attr-defined]
