"""`partnerskap search_rebuild`: every search entry built anew from the data, then indexed."""

from django.core.management.base import BaseCommand

from partnerskap.search import services


class Command(BaseCommand):
    help = "Rebuild the search index from everything Partnerskap holds (idempotent)."

    def handle(self, *args, **options) -> None:
        counts = services.index_rebuild()
        if options["verbosity"] > 0:
            for label, count in counts.items():
                self.stdout.write(f"{label}: {count}")
            self.stdout.write(f"{sum(counts.values())} søkeoppføringer")
