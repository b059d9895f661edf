"""`partnerskap worker`: work off the background tasks waiting in the database.

Run one or more beside the app (docs/deploy.md). SIGTERM lets the task at hand finish first.
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = "Work off the background tasks waiting in the database (e-mail, documents, search)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--batch", action="store_true", help="Work off what is waiting, then stop."
        )
        parser.add_argument(
            "--interval", type=float, default=1.0, help="Seconds between looks at an empty queue."
        )

    def handle(self, *args: object, batch: bool, interval: float, **options: object) -> None:
        if settings.TASKS_BACKEND != "database":
            raise CommandError(
                "TASKS_BACKEND is immediate: tasks run inside the request, none wait for a worker."
            )
        call_command(
            "db_worker",
            queue_name="*",
            batch=batch,
            interval=interval,
            reload=False,
            startup_delay=not batch,
            verbosity=options["verbosity"],
        )
