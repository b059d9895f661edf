"""`partnerskap registry import [FILE]`: counties and municipalities from Statistics Norway's
classification — the one shipped with Partnerskap, or SSB's CSV export of a newer version."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError, CommandParser
from django.db import transaction
from django.utils.translation import gettext as _

from partnerskap.core.management.base import PartnerskapCommand
from partnerskap.registry import classification


class Command(PartnerskapCommand):
    help = "Import counties and municipalities from Statistics Norway's classification."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="action", required=True)
        load = commands.add_parser("import", help="Import the classification.")
        load.add_argument("file", nargs="?", help="SSB's CSV export (default: the shipped one)")
        load.add_argument("--dry-run", action="store_true", help="check and report only")

    def handle(self, *args: object, **options: object) -> None:
        if options["file"]:
            path = Path(str(options["file"]))
            try:
                name, data = path.name, path.read_bytes()
            except OSError as exc:
                raise CommandError(
                    _("%(file)s could not be read: %(error)s")
                    % {"file": path, "error": exc.strerror}
                ) from None
        else:
            name, data = classification.shipped()
        try:
            with transaction.atomic():
                done = classification.classification_import(actor=None, name=name, data=data)
                if options["dry_run"]:
                    transaction.set_rollback(True)
        except ValidationError as exc:
            raise CommandError("\n".join(exc.messages)) from None
        summary = classification.summary(done)
        if options["dry_run"]:
            summary += " " + _("Dry run: nothing was saved.")
        self.stdout.write(summary)
