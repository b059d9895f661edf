"""Visit imports a person left in preview, for the "Til meg" front page (core/needs.py)."""

from datetime import date

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerskap.core.models import User
from partnerskap.core.needs import Need

from .models import ImportStatus, VisitImport


def reception_needs(user: User, today: date) -> list[Need]:
    rows = VisitImport.objects.filter(created_by=user, status=ImportStatus.PREVIEW).select_related(
        "office"
    )
    return [
        Need(
            kind="import_preview",
            label=_("Import not confirmed"),
            title=_("%(file)s, uploaded %(day)s")
            % {"file": row.file_name, "day": f"{timezone.localtime(row.created_at):%d.%m.%Y}"},
            url=reverse("reception:import_preview", args=[row.pk]),
            where=row.office.name,
        )
        for row in rows
    ]
