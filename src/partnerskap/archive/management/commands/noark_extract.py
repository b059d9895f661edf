"""`partnerskap noark_extract BODY --from 2015-01-01 --to 2024-12-31 --output FILE.tar`"""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from partnerskap.archive import extraction
from partnerskap.core.management.base import PartnerskapCommand
from partnerskap.meetings.models import Body


class Command(PartnerskapCommand):
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
            raise CommandError(_("No body “%(body)s” was found.") % {"body": body})
        try:
            with open(output, "wb") as out:
                summary = extraction.extract(body=target, start=start, end=end, out=out, by=by)
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        self.stdout.write(
            _(
                "%(output)s: %(meetings)s meetings, %(registrations)s registrations, "
                "%(files)s document files, package %(package)s"
            )
            % {
                "output": output,
                "meetings": summary.meetings,
                "registrations": summary.counts.registrations,
                "files": summary.counts.files,
                "package": summary.package_id,
            }
        )
        for name in summary.not_archival:
            self.stderr.write(_("Left out (not PDF/A): %(name)s") % {"name": name})
