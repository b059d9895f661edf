"""The plans' due dates on a partnership's year, read by the annual wheel."""

from datetime import date

from partnerskap.plans import services
from partnerskap.plans.selectors import DueDate, due_dates

from .conftest import NEXT_YEAR, approved

YEAR = NEXT_YEAR - 1


def test_due_dates_of_a_year_and_whether_they_are_done(world, django_assert_num_queries):
    approved(world, year=NEXT_YEAR)
    services.evaluation_record(
        actor=world.nav_leader,
        partnership=world.orland,
        year=YEAR,
        held_on=date(YEAR, 10, 1),
        findings="Brukerutvalget ble brukt aktivt.",
    )
    with django_assert_num_queries(2):
        found = due_dates(world.orland, YEAR)
    assert all(isinstance(item, DueDate) for item in found)
    by_url = {d.url.split("/")[1]: (d.date, d.done) for d in found}
    assert by_url == {
        "planer": (date(YEAR, 12, 1), True),  # the business plan, approved
        "partnerskap": (date(YEAR, 12, 1), False),  # no competence plan yet
        "brukermedvirkning": (date(YEAR, 12, 31), True),
    }
    when, label, _url, done = found[-1]  # a plain tuple for the annual wheel
    assert (when, done) == (date(YEAR, 12, 31), True) and "2" in label


def test_nothing_done_in_a_partnership_without_plans(world):
    assert [d.done for d in due_dates(world.other, YEAR)] == [False, False, False]
