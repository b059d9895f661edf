"""Ørland's report to the municipal council for last year, as a draft with the leader's texts
(docs/decisions/0090): the facts come from what the demo holds; nothing is sent."""

from django.utils import timezone, translation

from partnerskap.annual import services
from partnerskap.annual.models import CouncilReport
from partnerskap.core.models import User
from partnerskap.registry.models import Partnership

TEXTS = {
    "introduction": (
        "NAV Ørland legger med dette fram årsrapporten fra partnerskapet mellom Ørland kommune "
        "og NAV Trøndelag. Rapporten bygger på det partnerskapet har registrert i Partnerskap."
    ),
    "bodies": (
        "Partnerskapsmøtet har vært arenaen for styringen av kontoret, med sak om budsjett, "
        "mottak og samarbeidet om ungdom."
    ),
    "finance": "Kostnadsdelingen følger driftsavtalen; oppgjøret er sendt begge eiere.",
}


def load(users: dict[str, User]) -> None:
    """Idempotent: safe to run again on a loaded database."""
    partnership = Partnership.objects.filter(name="NAV Ørland").order_by("-valid_from").first()
    year = timezone.localdate().year - 1
    if (
        partnership is None
        or CouncilReport.objects.filter(partnership=partnership, year=year).exists()
    ):
        return
    with translation.override("nb"):
        services.report_edit(
            actor=users["leder.orland"],
            partnership=partnership,
            year=year,
            revision=0,
            texts=TEXTS,
        )
