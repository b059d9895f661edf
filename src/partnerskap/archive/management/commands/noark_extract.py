"""`partnerskap noark_extract BODY --from 2015-01-01 --to 2024-12-31 --output FILE.tar`"""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from partnerskap.archive import extraction
from partnerskap.meetings.models import Body


class Command(BaseCommand):
    help = "Write the Noark 5 extraction of a body's meetings with approved minutes to a tar file."

    def add_arguments(self, parser) -> None:
        parser.add_argument("body", help="the body's id or the slug of its public page")
        parser.add_argument("--from", dest="start", required=True, type=date.fromisoformat)
        parser.add_argument("--to", dest="end", required=True, type=date.fromisoformat)
        parser.add_argument("--output", required=True, help="the tar file to write")
        parser.add_argument("--by", default="Partnerskap", help="who extracts, for the metadata")

    def handle(
        self, *args, body: str, start: date, end: date, output: str, by: str, **options
    ) -> None:
        found = Body.objects.filter(**({"pk": int(body)} if body.isdigit() else {"slug": body}))
        target = found.first()
        if target is None:
            raise CommandError(f"Fant ikke organet «{body}».")
        try:
            with open(output, "wb") as out:
                summary = extraction.extract(body=target, start=start, end=end, out=out, by=by)
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        self.stdout.write(
            f"{output}: {summary.meetings} møter, {summary.counts.registrations} registreringer, "
            f"{summary.counts.files} dokumentfiler, pakke {summary.package_id}"
        )
        for name in summary.not_archival:
            self.stderr.write(f"Ikke med (ikke PDF/A): {name}")
