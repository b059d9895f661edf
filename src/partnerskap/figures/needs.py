"""Key-figure imports a person left in preview, for the "Til meg" front page (core/needs.py)."""

from datetime import date

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerskap.core.models import User
from partnerskap.core.needs import Need

from .models import ImportBatch, ImportStatus


def figures_needs(user: User, today: date) -> list[Need]:
    rows = ImportBatch.objects.filter(created_by=user, status=ImportStatus.PREVIEW).select_related(
        "partnership"
    )
    return [
        Need(
            kind="import_preview",
            label=_("Import not confirmed"),
            title=_("%(file)s, uploaded %(day)s")
            % {"file": batch.file_name, "day": f"{timezone.localtime(batch.created_at):%d.%m.%Y}"},
            url=reverse("figures:import_preview", args=[batch.partnership_id, batch.pk]),
            where=batch.partnership.name,
        )
        for batch in rows
    ]
