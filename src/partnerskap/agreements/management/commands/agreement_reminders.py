"""Send the reminders agreements in force are due for; expire agreements whose period ended.
Idempotent: what was sent is recorded and not sent again."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation

from partnerskap.agreements import reminders, services


class Command(BaseCommand):
    help = "Send due agreement reminders (period end, evaluation, user participation)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--today", help="the day to run for, YYYY-MM-DD (default: today)")

    def handle(self, *args: object, **options: object) -> None:
        today = timezone.localdate()
        if options.get("today"):
            try:
                today = datetime.date.fromisoformat(str(options["today"]))
            except ValueError:
                raise CommandError(f"--today: {options['today']} is not YYYY-MM-DD") from None
        with translation.override("nb"):
            expired = services.agreements_expire(today)
            sent = reminders.send_reminders(today)
        for record in sent:
            self.stdout.write(
                f"{record.agreement}: {record.kind} {record.due} → {record.recipients}"
            )
        self.stdout.write(f"{len(sent)} reminders sent, {expired} agreements expired.")
