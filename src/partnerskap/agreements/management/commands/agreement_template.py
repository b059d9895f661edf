"""Load an agreement template file (docs/agreement-template-format.md) as a new version."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from partnerskap.agreements import services
from partnerskap.core.management.base import PartnerskapCommand


class Command(PartnerskapCommand):
    help = "Load an agreement template from a YAML file as a new template version."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="the template file (YAML)")

    def handle(self, *args: object, **options: object) -> None:
        path = Path(str(options["file"]))
        try:
            data = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"{path}: {exc}") from None
        try:
            template = services.template_load(actor=None, data=data, file_name=path.name)
        except ValidationError as exc:
            raise CommandError("\n".join(exc.messages)) from None
        self.stdout.write(
            _("%(template)s loaded (%(count)s sections).")
            % {"template": template, "count": len(template.sections)}
        )
