"""`partnerskap remind`: the daily job for cron. Records deemed approval of minutes whose comment
deadline passed with no objection, e-mails the person responsible for each overdue follow-up (if
they chose reminders immediately), at most once per follow-up per day, and sends the daily digest
to those who chose one (core/digest.py), and runs the apps' own reminder jobs
(core/reminders.py: the annual wheel's due dates). Running it again the same day changes nothing."""

from datetime import date, datetime, time

from django.core.management.base import CommandError, CommandParser
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerskap.core.digest import record_digests
from partnerskap.core.management.base import PartnerskapCommand
from partnerskap.core.models import Notifications
from partnerskap.core.reminders import run_reminder_jobs
from partnerskap.meetings import lifecycle, notify, selectors, services
from partnerskap.meetings.models import ActionItem, Minutes, MinutesStatus, ReminderSent


def _as_of(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(
            _("--date must be a date as YYYY-MM-DD, not “%(value)s”.") % {"value": value}
        ) from None


class Command(PartnerskapCommand):
    help = (
        "Record deemed approval of minutes whose comment deadline has passed with no objection, "
        "and remind the people responsible for overdue follow-ups (once per follow-up per day)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--date",
            dest="as_of",
            type=_as_of,
            default=None,
            metavar="YYYY-MM-DD",
            help="Act as of this day instead of today (to catch up on days the job did not run).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Report what would be done; record nothing and send nothing.",
        )

    def handle(self, *args: object, as_of: date | None, dry_run: bool, **options: object) -> None:
        today = timezone.localdate()
        as_of = as_of or today
        if as_of > today and not dry_run:
            # Acting on a future day would approve minutes before their deadline has passed.
            raise CommandError(_("--date may be in the future only with --dry-run."))
        now = (
            timezone.now()
            if as_of == today
            else datetime.combine(as_of, time(12), tzinfo=timezone.get_current_timezone())
        )
        if dry_run:
            deemed = self._deemed_candidates(as_of)
            due = self._unreminded(as_of)
            self.stdout.write(
                _(
                    "Dry run as of %(day)s: %(deemed)s minutes would be deemed approved, "
                    "%(due)s reminders would be sent."
                )
                % {"day": f"{as_of:%Y-%m-%d}", "deemed": deemed, "due": len(due)}
            )
            return
        deemed = services.minutes_settle_deemed(now=now)
        sent, failed = self._send_reminders(as_of)
        sent += run_reminder_jobs(as_of)  # the apps' own due dates, such as the annual wheel's
        self.stdout.write(
            _("%(deemed)s minutes deemed approved, %(sent)s reminders sent.")
            % {"deemed": deemed, "sent": sent}
        )
        digests = record_digests(as_of)
        if digests:
            self.stdout.write(_("%(count)s daily digests sent.") % {"count": digests})
        if failed:
            # A non-zero exit makes cron report it; the failed ones are retried on the next run.
            raise CommandError(
                _(
                    "%(count)s reminders could not be sent; they will be tried again on the "
                    "next run."
                )
                % {"count": failed}
            )

    def _deemed_candidates(self, as_of: date) -> int:
        candidates = (
            Minutes.objects.filter(status=MinutesStatus.IN_COMMENT, comment_deadline__lt=as_of)
            .select_related("meeting__body")
            .prefetch_related("comments")
        )
        return sum(
            1
            for m in candidates
            if lifecycle.minutes_status(m, today=as_of) != MinutesStatus.IN_COMMENT
        )

    def _unreminded(self, as_of: date) -> list[ActionItem]:
        """Overdue open follow-ups not yet reminded for this day, whose owner has an address and
        wants reminders one by one (a daily digest lists them instead; "none" wants neither)."""
        return list(
            selectors.overdue_actions(as_of)
            .exclude(reminders__day=as_of)
            .exclude(owner__email="")
            .filter(owner__notifications=Notifications.IMMEDIATELY)
            .order_by("due_date", "pk")
        )

    def _send_reminders(self, as_of: date) -> tuple[int, int]:
        sent = failed = 0
        for action in self._unreminded(as_of):
            # Exactly-once is impossible with SMTP, so the choice is which rare failure to accept.
            # We insert the ReminderSent row and send the e-mail inside the same short transaction:
            # - another run racing us (two cron hosts) blocks on the unique (action, day) row and
            #   then skips it, so concurrent runs never both send;
            # - if sending raises, or the process dies before the send, the transaction rolls
            #   back, the row disappears, and the next run tries again: nothing is lost;
            # - only a crash in the instant between the mail server accepting the message and the
            #   COMMIT can send it twice. Sending after commit instead would turn that into a
            #   lost reminder, over the much longer window of the whole SMTP conversation.
            # The cost is a row lock held while one message is handed to the mail server.
            try:
                with transaction.atomic():
                    ReminderSent.objects.create(action=action, day=as_of)
                    notify.send_reminder(action)
            except IntegrityError:
                continue  # another run reminded this one today
            except Exception as exc:  # one refused message must not stop the others
                failed += 1
                self.stderr.write(
                    _("The reminder for follow-up %(id)s failed: %(error)s")
                    % {"id": action.pk, "error": exc}
                )
                continue
            sent += 1
        return sent, failed
