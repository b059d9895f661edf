"""The reminder command: due reminders go out once, with the user representatives for the
yearly evaluation of user participation; ended agreements expire."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command

from partnerskap.agreements import reminders, services
from partnerskap.agreements.models import AgreementStatus, ReminderKind, ReminderSent
from partnerskap.core.models import RoleKind

from ..factories import UserFactory, give_role
from .conftest import in_force


def test_add_months_keeps_the_end_of_month():
    assert reminders.add_months(datetime.date(2027, 1, 31), 1) == datetime.date(2027, 2, 28)
    assert reminders.latest_due(datetime.date(2024, 3, 1), 12, datetime.date(2026, 2, 28)) == (
        datetime.date(2025, 3, 1)
    )


def test_command_sends_once_and_records(world):
    world.nav_leader.email = "leder@orland.invalid"
    world.nav_leader.save()
    world.county_director.email = "fylkesdirektor@trondelag.invalid"
    world.county_director.save()
    user_rep = UserFactory(username="brukerrep", email="bruker@orland.invalid")
    give_role(user_rep, RoleKind.USER_REPRESENTATIVE, partnership=world.orland)
    agreement = services.agreement_create(actor=world.nav_leader, partnership=world.orland)
    in_force(agreement, world, datetime.date(2024, 3, 1))
    type(agreement).objects.filter(pk=agreement.pk).update(
        valid_to=datetime.date(2026, 4, 30), evaluation_interval_months=24
    )
    call_command("agreement_reminders", "--today", "2026-03-15")
    kinds = set(ReminderSent.objects.values_list("kind", flat=True))
    assert kinds == {
        ReminderKind.PERIOD_ENDS,
        ReminderKind.EVALUATION,
        ReminderKind.USER_PARTICIPATION,
    }
    participation = next(m for m in mail.outbox if "brukermedvirkning" in m.subject.lower())
    assert "bruker@orland.invalid" in participation.to
    assert "fylkesdirektor@trondelag.invalid" in participation.to
    first = len(mail.outbox)
    call_command("agreement_reminders", "--today", "2026-03-16")
    assert len(mail.outbox) == first
    assert ReminderSent.objects.count() == 3


def test_command_expires_ended_agreements(world):
    agreement = services.agreement_create(actor=world.nav_leader, partnership=world.orland)
    in_force(agreement, world, datetime.date(2024, 1, 1))
    type(agreement).objects.filter(pk=agreement.pk).update(valid_to=datetime.date(2025, 1, 1))
    call_command("agreement_reminders", "--today", "2025-01-02")
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.EXPIRED


@pytest.mark.parametrize("bad", ["i morgen", "2026-13-01"])
def test_command_refuses_a_bad_day(world, bad):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="ÅÅÅÅ-MM-DD"):
        call_command("agreement_reminders", "--today", bad)
