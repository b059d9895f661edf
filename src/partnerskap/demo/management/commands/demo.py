"""`partnerskap demo`: load the demo data set (idempotent) and print the demo logins."""

from django.core.management.base import BaseCommand

from partnerskap.demo.loader import DemoLoader
from partnerskap.demo.people import DEMO_PASSWORD, PEOPLE


class Command(BaseCommand):
    help = "Load the demo partnerships and people; running it again changes nothing."

    def handle(self, *args: object, **options: object) -> None:
        DemoLoader().load()
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        self.stdout.write(f"Demo logins (password: {DEMO_PASSWORD}):")
        for person in PEOPLE:
            self.stdout.write(f"  {person.username:32} {person.description}")
