"""Send the reminders agreements in force are due for; expire agreements whose period ended.
Idempotent: what was sent is recorded and not sent again."""

import datetime

from django.core.management.base import CommandError
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from partnerskap.agreements import reminders, services
from partnerskap.agreements.models import ReminderKind
from partnerskap.core.management.base import PartnerskapCommand


class Command(PartnerskapCommand):
    help = "Send due agreement reminders (period end, evaluation, user participation)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--today", help="the day to run for, YYYY-MM-DD (default: today)")

    def handle(self, *args: object, **options: object) -> None:
        today = timezone.localdate()
        if options.get("today"):
            try:
                today = datetime.date.fromisoformat(str(options["today"]))
            except ValueError:
                raise CommandError(
                    _("--today: %(value)s is not a date as YYYY-MM-DD.")
                    % {"value": options["today"]}
                ) from None
        with translation.override("nb"):
            expired = services.agreements_expire(today)
            sent = reminders.send_reminders(today)
        for record in sent:
            self.stdout.write(
                f"{record.agreement}: {ReminderKind(record.kind).label} {record.due} "
                f"→ {record.recipients}"
            )
        self.stdout.write(
            _("%(sent)s reminders sent, %(expired)s agreements expired.")
            % {"sent": len(sent), "expired": expired}
        )
