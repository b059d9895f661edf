"""The county overview as XLSX, saved through core.spreadsheets (text cells neutralised)."""

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from partnerskap.core.spreadsheets import safe_cell, workbook_bytes

from .filtering import as_day
from .selectors import Row


def overview_xlsx(rows: list[Row]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _("Overview")[:31]
    sheet.append(
        [
            _("Partnership"),
            _("County"),
            _("Agreement"),
            _("Expires"),
            _("Hearing deadline"),
            _("Next meeting"),
            _("Last approved minutes"),
            _("Open follow-ups"),
            _("Overdue follow-ups"),
            _("Key figures updated"),
        ]
    )
    for r in rows:
        sheet.append(
            [
                safe_cell(r.partnership.name),
                safe_cell(r.county),
                r.status_label,
                r.expires,
                r.hearing_deadline,
                as_day(_local(r.next_meeting)),
                as_day(_local(r.last_approved)),
                r.open_follow_ups,
                r.overdue_follow_ups,
                as_day(_local(r.figures_updated)),
            ]
        )
    return workbook_bytes(book)


def _local(value):
    return timezone.localtime(value) if value else None
