"""`partnerskap demo`: load the demo data set (idempotent) and print the demo logins."""

from django.utils.translation import gettext as _

from partnerskap.core.management.base import PartnerskapCommand
from partnerskap.demo.loader import DemoLoader
from partnerskap.demo.people import DEMO_PASSWORD, PEOPLE


class Command(PartnerskapCommand):
    help = "Load the demo partnerships and people; running it again changes nothing."

    def handle(self, *args: object, **options: object) -> None:
        DemoLoader().load()
        self.stdout.write(self.style.SUCCESS(_("Demo data loaded.")))
        self.stdout.write(_("Demo logins (password: %(password)s):") % {"password": DEMO_PASSWORD})
        for person in PEOPLE:
            self.stdout.write(f"  {person.username:32} {person.description}")
