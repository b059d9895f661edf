"""`partnerskap figures import FILE ...`: the import pages' checks for scheduled imports.

Without --commit it is a dry run: every file is read and checked as for the preview, and the
batch is discarded again. With --commit each file is committed (each all or nothing).
"""

from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.management.base import CommandError, CommandParser
from django.db import transaction
from django.utils.translation import gettext as _

from partnerskap.core.management.base import PartnerskapCommand
from partnerskap.figures import services
from partnerskap.registry.models import Partnership


class Command(PartnerskapCommand):
    help = "Import key figures from CSV, XLSX or JSON-stat files (a dry run unless --commit)."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="action", required=True)
        add = commands.add_parser("import", help="Check and import files of key figures.")
        add.add_argument("files", nargs="+", metavar="FILE")
        add.add_argument("--partnership", type=int, required=True, help="the partnership's id")
        add.add_argument("--period", default="", help="2018-11, 2020-W10, 2018-T3, 2018 …")
        add.add_argument("--source", default="Datavarehuset, Arbeids- og velferdsdirektoratet")
        add.add_argument("--extracted", type=date.fromisoformat, default=date.today())
        add.add_argument("--commit", action="store_true", help="write the figures")

    def handle(self, *args: object, **options: object) -> None:
        partnership = Partnership.objects.filter(pk=options["partnership"]).first()
        if partnership is None:
            raise CommandError(
                _("No partnership has the id %(id)s.") % {"id": options["partnership"]}
            )
        failed = False
        for name in options["files"]:
            try:
                self._one(partnership, Path(name), options)
            except ValidationError as exc:
                failed = True
                for message in exc.messages:
                    self.stderr.write(message)
        if failed:
            raise CommandError(_("Some files were not imported; nothing of them was saved."))

    def _one(self, partnership: Partnership, path: Path, options: dict) -> None:
        with transaction.atomic():
            with path.open("rb") as handle:
                batch = services.import_preview(
                    actor=None,
                    partnership=partnership,
                    file=File(handle, name=path.name),
                    source=options["source"],
                    extracted_on=options["extracted"],
                    period_text=options["period"],
                )
            figures = len(batch.observations)
            for row in batch.preview["rows"]:
                for flag in row["flags"]:
                    self.stdout.write(f"{path.name}: {row['label']}: {flag}")
            if options["commit"]:
                services.import_commit(actor=None, batch=batch, revision=batch.revision)
                self.stdout.write(
                    _("%(file)s: %(count)s figures imported.")
                    % {"file": path.name, "count": figures}
                )
            else:
                transaction.set_rollback(True)
                self.stdout.write(
                    _("%(file)s: %(count)s figures checked (dry run).")
                    % {"file": path.name, "count": figures}
                )
