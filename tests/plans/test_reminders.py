"""`partnerskap remind` reminds of next year's plans not approved, once each (issue 20, done 4)."""

from collections import Counter
from datetime import date
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from partnerskap.plans.models import PlanReminder
from partnerskap.plans.reminders import send_plan_reminders

from .conftest import approved

THIS_YEAR = timezone.localdate().year


def remind(day: date) -> None:
    call_command("remind", "--date", day.isoformat(), stdout=StringIO(), stderr=StringIO())


def test_remind_twice_sends_each_plan_reminder_once(world):
    people = (world.nav_leader, world.municipal_owner, world.county_director, world.member)
    for person in people:
        person.email = f"{person.username}@example.no"
        person.save()
    day = date(THIS_YEAR - 1, 11, 15)  # a fortnight before this year's plans were due
    remind(day)
    first = Counter((m.to[0], m.subject) for m in mail.outbox)
    remind(day)
    remind(date(THIS_YEAR - 1, 12, 20))
    assert Counter((m.to[0], m.subject) for m in mail.outbox) == first
    orland = {to for to, subject in first if "NAV Ørland" in subject}
    assert orland == {p.email for p in people[:3]}  # not the member
    assert set(first.values()) == {1}
    # The business plan and the competence plan of both partnerships, for this year.
    assert PlanReminder.objects.filter(year=THIS_YEAR).count() == 4


def test_an_approved_plan_is_not_reminded(world):
    approved(world, year=THIS_YEAR + 1)
    send_plan_reminders(date(THIS_YEAR, 11, 20))
    reminded = set(
        PlanReminder.objects.filter(partnership=world.orland).values_list("kind", flat=True)
    )
    assert reminded == {"competence"}


def test_no_reminder_before_the_month_before_the_due_date(world):
    send_plan_reminders(date(THIS_YEAR, 10, 31))
    assert not PlanReminder.objects.exists()
    send_plan_reminders(date(THIS_YEAR, 11, 1))
    assert PlanReminder.objects.filter(year=THIS_YEAR + 1).count() == 4
