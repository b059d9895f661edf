"""The annual wheel (issue 20 done 4): every due date of the agreement and the report in the
year's list with the meetings, and `partnerskap remind` reminds each date once."""

import datetime

from django.core import mail
from django.core.management import call_command

from partnerskap.agreements import services as agreement_services
from partnerskap.agreements.models import Agreement
from partnerskap.annual import services
from partnerskap.annual.models import WheelReminder
from partnerskap.annual.wheel import year_entries

from ..agreements.conftest import in_force

YEAR = 2026


def _orland_agreement(world) -> Agreement:
    agreement = agreement_services.agreement_create(
        actor=world.nav_leader, partnership=world.orland
    )
    in_force(agreement, world, datetime.date(2025, 6, 1))
    Agreement.objects.filter(pk=agreement.pk).update(
        valid_to=datetime.date(2026, 12, 31), evaluation_interval_months=6
    )
    return agreement


def test_the_wheel_lists_the_agreements_the_reports_and_the_meetings_dates(world, orland_year):
    _orland_agreement(world)
    entries = year_entries(world.orland, YEAR)
    dates = {(e.kind, e.day) for e in entries}
    assert {
        ("agreement_evaluation", datetime.date(2026, 6, 1)),
        ("agreement_evaluation", datetime.date(2026, 12, 1)),
        ("agreement_user_participation", datetime.date(2026, 6, 1)),
        ("agreement_period_ends", datetime.date(2026, 12, 31)),
        ("council_report", datetime.date(2026, 3, 31)),  # the report for 2025
        ("plan", datetime.date(2026, 12, 31)),  # the evaluation of user participation 2026
    } <= dates
    plans = [e for e in entries if e.kind == "plan"]
    assert len(plans) == 3  # 2027's business and competence plans, and the evaluation
    assert [e.day for e in entries] == sorted(e.day for e in entries)
    last_year = year_entries(world.orland, orland_year)
    meetings = [e for e in last_year if e.kind == "meeting"]
    assert len(meetings) == 2  # the cancelled one is not on the wheel


def test_a_due_date_moved_by_the_leader_moves_on_the_wheel(world):
    services.report_edit(
        actor=world.nav_leader,
        partnership=world.orland,
        year=2025,
        revision=0,
        texts={},
        due=datetime.date(2026, 2, 15),
    )
    reports = [e for e in year_entries(world.orland, YEAR) if e.kind == "council_report"]
    assert [e.day for e in reports] == [datetime.date(2026, 2, 15)]


def test_remind_reminds_each_due_date_once(world):
    world.nav_leader.email = "leder@orland.invalid"
    world.nav_leader.save()
    _orland_agreement(world)
    call_command("remind", "--date", "2026-03-10")
    subjects = sorted(m.subject for m in mail.outbox)
    report = [s for s in subjects if "kommunestyret" in s.lower()]
    assert len(report) == 1, subjects
    assert "31.03.2026" in report[0]
    first = len(mail.outbox)
    assert first >= 2  # the report, and the agreement's evaluation due 01.12.2025
    call_command("remind", "--date", "2026-03-10")
    call_command("remind", "--date", "2026-03-11")
    assert len(mail.outbox) == first
    # one record per partnership and due date (Ålesund's report is due the same day)
    assert WheelReminder.objects.filter(partnership=world.orland).count() == 1


def test_a_sent_report_is_not_reminded(world):
    world.nav_leader.email = "leder@orland.invalid"
    world.nav_leader.save()
    services.report_send(actor=world.nav_leader, partnership=world.orland, year=2025)
    call_command("remind", "--date", "2026-03-10")
    assert not [m for m in mail.outbox if "kommunestyret" in m.subject.lower()]
