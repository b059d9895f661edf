"""Reminders driven by an agreement in force: the period is ending, the agreement is due for
evaluation (every `evaluation_interval_months`), and the yearly evaluation of user participation
with the user representatives (template section 5.0). Each reminder is recorded once per
agreement, kind and due date, so running the command again sends nothing twice."""

import calendar
import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from partnerskap.core.models import RoleKind
from partnerskap.registry.models import Role

from .models import Agreement, AgreementStatus, ReminderKind, ReminderSent

logger = logging.getLogger(__name__)

PERIOD_WARNING_DAYS = 90
OWNER_ROLES = (RoleKind.NAV_LEADER, RoleKind.MUNICIPAL_OWNER, RoleKind.STATE_OWNER)


def add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def latest_due(start: datetime.date, months: int, today: datetime.date) -> datetime.date | None:
    """The last date start + k·months (k ≥ 1) on or before today."""
    if months <= 0:
        return None
    due, k = None, 1
    while (candidate := add_months(start, k * months)) <= today:
        due, k = candidate, k + 1
    return due


@dataclass(frozen=True)
class Due:
    agreement: Agreement
    kind: str
    due: datetime.date


def due_reminders(today: datetime.date) -> list[Due]:
    result = []
    agreements = Agreement.objects.filter(
        status=AgreementStatus.IN_FORCE, valid_from__isnull=False
    ).select_related("partnership")
    for agreement in agreements:
        end = agreement.valid_to
        if end and end - datetime.timedelta(days=PERIOD_WARNING_DAYS) <= today <= end:
            result.append(Due(agreement, ReminderKind.PERIOD_ENDS, end))
        evaluation = latest_due(agreement.valid_from, agreement.evaluation_interval_months, today)
        if evaluation:
            result.append(Due(agreement, ReminderKind.EVALUATION, evaluation))
        participation = latest_due(agreement.valid_from, 12, today)
        if participation:
            result.append(Due(agreement, ReminderKind.USER_PARTICIPATION, participation))
    return result


def _recipients(agreement: Agreement, kind: str) -> list[str]:
    kinds = list(OWNER_ROLES)
    if kind == ReminderKind.USER_PARTICIPATION:
        kinds.append(RoleKind.USER_REPRESENTATIVE)
    state_counties = agreement.partnership.owners.filter(county__isnull=False).values("county_id")
    roles = Role.objects.current().filter(
        Q(partnership=agreement.partnership, kind__in=kinds)
        | Q(county_id__in=state_counties, kind=RoleKind.STATE_OWNER)
    )
    return sorted({r.person.email for r in roles.select_related("person") if r.person.email})


def _message(due: Due) -> tuple[str, str]:
    values = {
        "title": due.agreement.title,
        "partnership": due.agreement.partnership.name,
        "date": due.due.strftime("%d.%m.%Y"),
    }
    if due.kind == ReminderKind.PERIOD_ENDS:
        return (
            _("The agreement period of %(partnership)s ends %(date)s") % values,
            _("%(title)s ends %(date)s. Start the work on a new agreement in Partnerskap.")
            % values,
        )
    if due.kind == ReminderKind.EVALUATION:
        return (
            _("Time to evaluate the partnership agreement of %(partnership)s") % values,
            _(
                "%(title)s was due for evaluation %(date)s. Put it on the partnership meeting's "
                "agenda."
            )
            % values,
        )
    return (
        _("Evaluate user participation in %(partnership)s") % values,
        _(
            "%(title)s says user participation is evaluated with the user representatives at "
            "least once a year; the evaluation was due %(date)s."
        )
        % values,
    )


def send_reminders(today: datetime.date) -> list[ReminderSent]:
    """Send what is due and not yet sent; record every reminder sent. The record and the
    e-mail share one transaction: if sending fails, nothing is recorded and the next run
    tries again."""
    sent = []
    for due in due_reminders(today):
        if ReminderSent.objects.filter(
            agreement=due.agreement, kind=due.kind, due=due.due
        ).exists():
            continue
        recipients = _recipients(due.agreement, due.kind)
        try:
            with transaction.atomic():
                record = ReminderSent.objects.create(
                    agreement=due.agreement,
                    kind=due.kind,
                    due=due.due,
                    recipients=", ".join(recipients),
                )
                if recipients:
                    subject, body = _message(due)
                    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
        except IntegrityError:
            continue  # another run recorded it first
        except OSError:  # smtplib.SMTPException and connection errors
            logger.exception("Reminder %s for agreement %s not sent", due.kind, due.agreement.pk)
            continue
        sent.append(record)
    return sent
