"""`partnerskap conferences_remind`: daily from cron. Offers not accepted in time lapse and go to
the next on the waiting list; registered participants get their reminder with the calendar
invitation a few days before the event. Each happens once: running it again changes nothing."""

from django.utils.translation import gettext as _

from partnerskap.conferences import services
from partnerskap.core.management.base import PartnerskapCommand


class Command(PartnerskapCommand):
    help = "Lapse expired offers of places and remind participants before their event. Idempotent."

    def handle(self, *args: object, **options: object) -> None:
        lapsed = services.offers_expire()
        reminded = services.participants_remind()
        self.stdout.write(
            _("%(lapsed)s offers lapsed, %(reminded)s participants reminded.")
            % {"lapsed": lapsed, "reminded": reminded}
        )
