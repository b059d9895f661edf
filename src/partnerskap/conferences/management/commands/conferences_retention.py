"""`partnerskap conferences_retention`: daily from cron. Deletes the participants' personal data
of every event whose retention period has ended, and keeps the counts (decision 0044). Running it
again changes nothing more."""

from datetime import date

from django.core.management.base import CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerskap.conferences import services
from partnerskap.conferences.services.retention import events_past_retention
from partnerskap.core.management.base import PartnerskapCommand


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(
            _("--date must be a date as YYYY-MM-DD, not “%(value)s”.") % {"value": value}
        ) from None


class Command(PartnerskapCommand):
    help = (
        "Delete the participants' personal data of events past their retention period; the "
        "counts stay. Idempotent."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", dest="as_of", type=_day, default=None, metavar="YYYY-MM-DD")
        parser.add_argument(
            "--dry-run", action="store_true", help="List the events; delete nothing."
        )

    def handle(self, *args: object, as_of: date | None, dry_run: bool, **options: object) -> None:
        today = timezone.localdate()
        as_of = as_of or today
        if as_of > today:
            raise CommandError(
                _("--date cannot be in the future: that would delete data too early.")
            )
        if dry_run:
            for event in events_past_retention(as_of):
                self.stdout.write(
                    _("Would delete: %(event)s (kept until %(day)s)")
                    % {"event": event.title, "day": f"{event.retention_ends:%Y-%m-%d}"}
                )
            return
        deleted = services.retention_run(today=as_of)
        for item in deleted:
            self.stdout.write(
                _(
                    "%(event)s: personal data of %(registrations)s registrations and "
                    "%(invitations)s invitations deleted."
                )
                % {
                    "event": item.event.title,
                    "registrations": item.registrations,
                    "invitations": item.invitations,
                }
            )
        self.stdout.write(
            _("%(count)s events past their retention period.") % {"count": len(deleted)}
        )
