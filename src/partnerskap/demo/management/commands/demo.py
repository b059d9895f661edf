"""`partnerskap demo`: load the demo data set (idempotent) and print the demo logins."""

from argparse import ArgumentParser

from django.conf import settings
from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from partnerskap.core.management.base import PartnerskapCommand
from partnerskap.demo.loader import DemoLoader
from partnerskap.demo.people import DEMO_PASSWORD, PEOPLE


class Command(PartnerskapCommand):
    help = "Load the demo partnerships and people; running it again changes nothing."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--i-know",
            action="store_true",
            dest="i_know",
            help="Load the demo even with DEBUG off: its people share a published password.",
        )

    def handle(self, *args: object, **options: object) -> None:
        if not settings.DEBUG and not options["i_know"]:
            # The demo people, an administrator among them, have a password printed in the README.
            raise CommandError(
                _(
                    "DEBUG is off: this looks like a real installation, and the demo creates "
                    "people (an administrator too) with the published password “%(password)s”. "
                    "Run with --i-know if this is really what you want."
                )
                % {"password": DEMO_PASSWORD}
            )
        DemoLoader().load()
        self.stdout.write(self.style.SUCCESS(_("Demo data loaded.")))
        self.stdout.write(_("Demo logins (password: %(password)s):") % {"password": DEMO_PASSWORD})
        for person in PEOPLE:
            self.stdout.write(f"  {person.username:32} {person.description}")
