"""Two people add an item to the same body's year at the same moment: they queue on the
counter row and get consecutive numbers, none repeated and none skipped (docs/decisions/0005).

Real concurrency needs PostgreSQL's row locks: these tests run with DATABASE_URL pointing at
PostgreSQL and are skipped on SQLite, where writers take turns for the whole transaction anyway.
"""

import threading
import time
from datetime import date

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from partnerskap.meetings import services
from partnerskap.meetings.models import (
    AgendaItem,
    ItemKind,
    ItemNumberCounter,
    Meeting,
    Minutes,
)

from .conftest import at

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

# Long enough that the second transaction is certainly waiting while the first holds the lock.
HOLD_SECONDS = 0.3


def _bare_meeting(body, day: date) -> Meeting:
    """A meeting with an empty agenda, so that its year may have no counter row yet."""
    meeting = Meeting.objects.create(body=body, starts_at=at(day, 11), ends_at=at(day, 14))
    Minutes.objects.create(meeting=meeting)
    return meeting


def _add_at_once(actor, meetings: list[Meeting]) -> tuple[list[int], list[BaseException]]:
    """Each meeting gets an item from its own thread and transaction; a barrier lets both
    transactions start before either allocates a number."""
    barrier = threading.Barrier(len(meetings))
    numbers: list[int] = []
    errors: list[BaseException] = []

    def add(meeting: Meeting) -> None:
        try:
            with transaction.atomic():
                # A first query, so the transaction has really begun on the server.
                Meeting.objects.filter(pk=meeting.pk).exists()
                barrier.wait(timeout=10)
                item = services.item_add(
                    actor=actor, meeting=meeting, title="Samtidig sak", kind=ItemKind.INFORMATION
                )
                time.sleep(HOLD_SECONDS)  # keep the counter row locked a while
            numbers.append(item.number)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=add, args=(m,)) for m in meetings]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return numbers, errors


def _numbers(body, year: int) -> list[int]:
    return sorted(
        AgendaItem.objects.filter(numbering_body=body, year=year).values_list("number", flat=True)
    )


def test_concurrent_items_get_consecutive_numbers(world, body, meeting):
    """The counter row exists (the meeting's standard agenda took 1–9): both UPDATE it."""
    year = timezone.localtime(meeting.starts_at).year
    second = _bare_meeting(body, date(year, 9, 4))
    before = _numbers(body, year)
    assert before == list(range(1, len(before) + 1))

    numbers, errors = _add_at_once(world.nav_leader, [meeting, second])

    assert not errors, errors
    assert sorted(numbers) == [len(before) + 1, len(before) + 2]
    assert _numbers(body, year) == list(range(1, len(before) + 3))
    assert ItemNumberCounter.objects.get(body=body, year=year).last_number == len(before) + 2


def test_concurrent_first_items_of_a_year(world, body):
    """No counter row yet: both try to create it, one loses the race and takes the next."""
    year = timezone.localdate().year + 3
    meetings = [_bare_meeting(body, date(year, 2, 6)), _bare_meeting(body, date(year, 5, 8))]
    assert not ItemNumberCounter.objects.filter(body=body, year=year).exists()

    numbers, errors = _add_at_once(world.nav_leader, meetings)

    assert not errors, errors
    assert sorted(numbers) == [1, 2]
    assert _numbers(body, year) == [1, 2]


def test_same_meeting_at_the_same_moment(world, body, meeting):
    """Both in one meeting: they queue on the meeting first, and still number in turn."""
    year = timezone.localtime(meeting.starts_at).year
    last = max(_numbers(body, year))

    numbers, errors = _add_at_once(world.nav_leader, [meeting, meeting])

    assert not errors, errors
    assert sorted(numbers) == [last + 1, last + 2]
    positions = list(meeting.items.order_by("position").values_list("position", flat=True))
    assert positions == list(range(1, len(positions) + 1))


def test_database_rejects_a_duplicate_number(body, meeting):
    item = meeting.items.order_by("number").first()
    with pytest.raises(IntegrityError), transaction.atomic():
        AgendaItem.objects.create(
            numbering_body=body,
            year=item.year,
            number=item.number,
            meeting=meeting,
            position=100,
            kind=ItemKind.INFORMATION,
            title="Dublett",
        )
    # another body, or another year, may use the same number
    AgendaItem.objects.create(
        numbering_body=body,
        year=item.year + 1,
        number=item.number,
        meeting=meeting,
        position=101,
        kind=ItemKind.INFORMATION,
        title="Neste år",
    )
    assert AgendaItem.objects.filter(number=item.number).count() == 2


def test_a_rolled_back_number_is_taken_again(world, body, meeting):
    """A transaction that allocates a number and then fails gives the number back: the next
    item takes it, so the year has no gap."""
    year = timezone.localtime(meeting.starts_at).year
    last = max(_numbers(body, year))
    with pytest.raises(RuntimeError), transaction.atomic():
        services.item_add(
            actor=world.nav_leader, meeting=meeting, title="Angret", kind=ItemKind.INFORMATION
        )
        raise RuntimeError("the user's request failed after the number was taken")
    item = services.item_add(
        actor=world.nav_leader, meeting=meeting, title="Ny", kind=ItemKind.INFORMATION
    )
    assert item.number == last + 1
    assert _numbers(body, year) == list(range(1, last + 2))


def test_of_two_concurrent_progress_reports_from_one_revision_the_second_is_refused(
    world, body, meeting
):
    """Issue 11, defect 10: both read revision 1 and save at the same moment; one wins, the
    other gets a conflict instead of silently overwriting the winner's progress."""
    from partnerskap.core.errors import ConflictError
    from partnerskap.meetings.models import ActionItem

    decision = meeting.items.filter(kind=ItemKind.DECISION).first()
    action = services.action_add(
        actor=world.nav_leader,
        item=decision,
        title="Lag en plan",
        owner=world.municipal_owner,
        due_date=timezone.localtime(meeting.starts_at).date(),
    )
    barrier = threading.Barrier(2)
    saved: list[str] = []
    errors: list[BaseException] = []

    def report(progress: str) -> None:
        try:
            with transaction.atomic():
                ActionItem.objects.filter(pk=action.pk).exists()
                barrier.wait(timeout=10)
                services.action_update(
                    actor=world.municipal_owner, action=action, revision=1, progress=progress
                )
                time.sleep(HOLD_SECONDS)
            saved.append(progress)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=report, args=(text,)) for text in ("Første", "Andre")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert len(saved) == 1 and len(errors) == 1
    assert isinstance(errors[0], ConflictError)
    stored = ActionItem.objects.get(pk=action.pk)
    assert (stored.progress, stored.revision) == (saved[0], 2)
