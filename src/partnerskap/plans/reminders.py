"""The reminder that next year's plan is not approved, sent by `partnerskap remind` from a month
before the due date (1 December) to the end of the year, once per partnership, plan kind and
year: the row recording it and the e-mail share one transaction, so a failed send is tried
again on the next run and a second run sends nothing (docs/decisions/0085)."""

import datetime
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from partnerskap.core.links import site_url
from partnerskap.core.models import Notifications, RoleKind, User
from partnerskap.registry.models import OwnerKind, Partnership, Role

from .models import Plan, PlanKind, PlanReminder
from .selectors import REMINDER_LEAD_DAYS, plan_due, with_approval

logger = logging.getLogger(__name__)

REMINDED_ROLES = (RoleKind.NAV_LEADER, RoleKind.MUNICIPAL_OWNER, RoleKind.STATE_OWNER)


def reminder_year(as_of: datetime.date) -> int | None:
    """The plan year reminded about on this day, or None outside the reminder window."""
    year = as_of.year + 1
    if as_of >= plan_due(year) - datetime.timedelta(days=REMINDER_LEAD_DAYS):
        return year
    return None


def unapproved(year: int, as_of: datetime.date) -> list[tuple[Partnership, str]]:
    """(partnership, plan kind) for each plan of `year` not approved and not yet reminded."""
    partnerships = list(Partnership.objects.valid_on(as_of).order_by("pk"))
    approved = {
        (p.partnership_id, p.kind)
        for p in with_approval(Plan.objects.filter(year=year)).filter(ever_approved=True)
    }
    reminded = set(PlanReminder.objects.filter(year=year).values_list("partnership_id", "kind"))
    return [
        (partnership, kind)
        for partnership in partnerships
        for kind in PlanKind.values
        if (partnership.pk, kind) not in approved | reminded
    ]


def recipients(partnership: Partnership) -> list[User]:
    """The NAV leader and the owner representatives who want reminders one by one (a daily
    digest lists the plan among what waits for them instead)."""
    state_counties = partnership.owners.filter(kind=OwnerKind.STATE).values("county_id")
    roles = Role.objects.current().filter(
        Q(partnership=partnership, kind__in=REMINDED_ROLES)
        | Q(county_id__in=state_counties, kind=RoleKind.STATE_OWNER)
    )
    return list(
        User.objects.filter(
            pk__in=roles.values("person_id"),
            is_active=True,
            notifications=Notifications.IMMEDIATELY,
        )
        .exclude(email="")
        .order_by("pk")
    )


def _send(partnership: Partnership, kind: str, year: int, person: User) -> None:
    with translation.override(person.language):
        values = {
            "plan": PlanKind(kind).label,
            "year": year,
            "partnership": partnership.name,
            "date": plan_due(year).strftime("%d.%m.%Y"),
            "url": site_url() + reverse("plans:plan_list", args=[partnership.pk]),
        }
        subject = _("%(plan)s %(year)s for %(partnership)s is not approved") % values
        body = (
            _(
                "%(plan)s %(year)s for %(partnership)s should be approved by both owners by "
                "%(date)s and is not yet. Draft it, or approve it, in Partnerskap: %(url)s"
            )
            % values
        )
    send_mail(str(subject), str(body), settings.DEFAULT_FROM_EMAIL, [person.email])


def send_plan_reminders(as_of: datetime.date) -> int:
    """Remind of every plan of next year not approved; how many e-mails were sent (one that
    failed is logged and tried again on the next run)."""
    year = reminder_year(as_of)
    if year is None:
        return 0
    sent = 0
    for partnership, kind in unapproved(year, as_of):
        people = recipients(partnership)
        try:
            with transaction.atomic():
                PlanReminder.objects.create(
                    partnership=partnership,
                    kind=kind,
                    year=year,
                    recipients=", ".join(p.email for p in people),
                )
                for person in people:
                    _send(partnership, kind, year, person)
        except IntegrityError:
            continue  # another run reminded this one
        except OSError:  # smtplib.SMTPException and connection errors: tried again next run
            logger.exception("Plan reminder %s %s for %s not sent", kind, year, partnership.pk)
            continue
        sent += len(people)
    return sent
