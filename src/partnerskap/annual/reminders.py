"""The annual wheel's reminders, run by `partnerskap remind` (core/reminders.py): each due date
once. The agreement's dates are reminded by the agreements app itself (its reminders, recorded
once per agreement, kind and date); the council report's are reminded here, from LEAD_DAYS
before the date until the date, unless a version has been sent."""

import logging
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from partnerskap.agreements import reminders as agreement_reminders
from partnerskap.core.links import site_url
from partnerskap.core.models import RoleKind
from partnerskap.registry.models import Partnership, Role

from .models import CouncilReport, WheelReminder
from .wheel import Entry, report_entries

logger = logging.getLogger(__name__)

LEAD_DAYS = 30
OWNER_ROLES = (RoleKind.NAV_LEADER, RoleKind.MUNICIPAL_OWNER)


def recipients(partnership: Partnership) -> list[str]:
    """The NAV leader, the municipal owner and the state owner of the partnership's county."""
    counties = partnership.owners.filter(county__isnull=False).values("county_id")
    roles = Role.objects.current().filter(
        Q(partnership=partnership, kind__in=OWNER_ROLES)
        | Q(county_id__in=counties, kind=RoleKind.STATE_OWNER)
    )
    return sorted({r.person.email for r in roles.select_related("person") if r.person.email})


def due_entries(today: date) -> list[tuple[Partnership, Entry]]:
    """The wheel's own dates that are near (LEAD_DAYS ahead or today) and not yet done."""
    sent = set(
        CouncilReport.objects.filter(versions__isnull=False).values_list("partnership_id", "year")
    )
    found = []
    for partnership in Partnership.objects.order_by("pk"):
        for year in (today.year, today.year + 1):
            for entry in report_entries(partnership, year):
                report_year = int(entry.key.rsplit(":", 1)[1])
                if (partnership.pk, report_year) in sent:
                    continue
                if entry.day - timedelta(days=LEAD_DAYS) <= today <= entry.day:
                    found.append((partnership, entry))
    return found


def _send(partnership: Partnership, entry: Entry) -> bool:
    if WheelReminder.objects.filter(partnership=partnership, key=entry.key, due=entry.day).exists():
        return False
    to = recipients(partnership)
    try:
        with transaction.atomic():
            WheelReminder.objects.create(
                partnership=partnership, key=entry.key, due=entry.day, recipients=", ".join(to)
            )
            if to:
                values = {
                    "title": entry.title,
                    "partnership": partnership.name,
                    "date": entry.day.strftime("%d.%m.%Y"),
                    "url": site_url() + entry.url,
                }
                send_mail(
                    _("%(title)s for %(partnership)s is due %(date)s") % values,
                    _("%(title)s for %(partnership)s is due %(date)s. Write and send it in "
                      "Partnerskap: %(url)s") % values,
                    settings.DEFAULT_FROM_EMAIL,
                    to,
                )  # fmt: skip
    except IntegrityError:
        return False  # another run recorded it first
    except OSError:  # smtplib.SMTPException and connection errors: tried again next run
        logger.exception("Wheel reminder %s for %s not sent", entry.key, partnership.pk)
        return False
    return True


def send_wheel_reminders(today: date) -> int:
    """Remind each due date of the wheel once; how many reminders were sent."""
    sent = len(agreement_reminders.send_reminders(today))
    return sent + sum(1 for partnership, entry in due_entries(today) if _send(partnership, entry))
