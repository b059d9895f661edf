"""`partnerskap search_rebuild`: every search entry built anew from the data, then indexed."""

from django.apps import apps
from django.utils.translation import gettext as _

from partnerskap.core.management.base import PartnerskapCommand
from partnerskap.search import services


class Command(PartnerskapCommand):
    help = "Rebuild the search index from everything Partnerskap holds (idempotent)."

    def handle(self, *args, **options) -> None:
        counts = services.index_rebuild()
        if options["verbosity"] > 0:
            for label, count in counts.items():
                name = apps.get_model(label)._meta.verbose_name_plural
                self.stdout.write(f"{str(name).capitalize()}: {count}")
            self.stdout.write(_("%(count)s search entries") % {"count": sum(counts.values())})
