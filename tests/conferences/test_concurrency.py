"""200 people register at the same moment for 150 places: exactly 150 get a place and 50 go on the
waiting list, in the order they were served (issue 21, done point 5; decision 0042).

Real concurrency needs PostgreSQL's row locks: this runs with DATABASE_URL pointing at
PostgreSQL and is skipped on SQLite, where writers take turns for the whole transaction anyway.
The registrations come from 25 threads, each with its own connection, released together by a
barrier: as many as a web server's workers would send at once.
"""

import threading
from collections import Counter

import pytest
from django.db import connection

from partnerskap.conferences.models import Registration, RegistrationStatus

from .conftest import make_event, register

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

PEOPLE = 200
PLACES = 150
THREADS = 25


def test_200_at_once_for_150_places(world):
    event = make_event(world, capacity=PLACES, slug="fullt-hus")
    barrier = threading.Barrier(THREADS)
    errors: list[BaseException] = []

    def worker(offset: int) -> None:
        try:
            barrier.wait(timeout=30)
            for n in range(offset, PEOPLE, THREADS):
                register(event, f"Deltaker {n}", f"deltaker{n}@example.no")
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)

    assert not errors, errors[:3]
    statuses = Counter(Registration.objects.filter(event=event).values_list("status", flat=True))
    assert statuses == {RegistrationStatus.REGISTERED: PLACES, RegistrationStatus.WAITLISTED: 50}
    # The first 150 served have the places: nobody served later got one before someone earlier.
    in_order = list(
        Registration.objects.filter(event=event).order_by("pk").values_list("status", flat=True)
    )
    assert (
        in_order == [RegistrationStatus.REGISTERED] * PLACES + [RegistrationStatus.WAITLISTED] * 50
    )
    assert Registration.objects.filter(event=event).values("email").distinct().count() == PEOPLE
