"""The XLSX exports: the participant list and the evaluation's answers.

Participants type their own names, organisations and needs: the workbook is saved through
core.spreadsheets, which neutralises text a spreadsheet would run as a formula.
"""

from collections.abc import Iterable

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from partnerskap.core.spreadsheets import workbook_bytes

from .models import CancelReason, QuestionKind, Registration, RegistrationStatus
from .selectors import Summary


def _book(title: str, headers: list[str], rows: Iterable[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    sheet.freeze_panes = "A2"
    return workbook_bytes(book)


def _status(registration: Registration) -> str:
    if registration.status == RegistrationStatus.CANCELLED and registration.cancel_reason:
        return str(CancelReason(registration.cancel_reason).label)
    return str(RegistrationStatus(registration.status).label)


def participants_xlsx(event, registrations: Iterable[Registration], checked: dict) -> bytes:
    """One row per registration with what the form asked, and a column per day with the check-in.
    `checked` maps a registration id to the set of days it checked in."""
    days = event.days
    headers = [
        _("Name"),
        _("E-mail"),
        _("Organisation"),
        _("Municipality"),
        _("Role or job title"),
        _("Status"),
        _("Days attending"),
        _("Dinner"),
        _("Dietary needs"),
        _("Accessibility needs"),
        *[_("Checked in %(day)s") % {"day": day.strftime("%d.%m")} for day in days],
    ]
    yes, no = _("Yes"), _("No")
    rows = (
        [
            r.name,
            r.email,
            r.organisation,
            r.municipality.name if r.municipality else "",
            r.job_title,
            _status(r),
            ", ".join(d[8:10] + "." + d[5:7] for d in r.days),
            "" if r.dinner is None else (yes if r.dinner else no),
            r.dietary_needs,
            r.accessibility_needs,
            *[yes if day in checked.get(r.pk, set()) else "" for day in days],
        ]
        for r in registrations
    )
    return _book(_("Participants"), headers, rows)


def answers_xlsx(summary: Summary, responses: list[tuple[str, dict[int, object]]]) -> bytes:
    """The answers, one row per response: (participant's name, answers by question id). The name
    column is there only for a named evaluation; an anonymous one has nothing that says whose
    the answers are or in which order they came: the rows are sorted by their content."""
    questions = [q.question for q in summary.questions]
    yes, no = _("Yes"), _("No")

    def shown(question, value) -> object:
        if value is None:
            return ""
        if question.kind == QuestionKind.YES_NO:
            return yes if value else no
        if question.kind == QuestionKind.MULTIPLE:
            return ", ".join(value)
        return value

    named = not summary.survey.anonymous
    rows = [
        ([name] if named else []) + [shown(q, answers.get(q.pk)) for q in questions]
        for name, answers in responses
    ]
    rows.sort(key=lambda row: [str(cell) for cell in row])
    headers = ([_("Name")] if named else []) + [q.text for q in questions]
    return _book(_("Answers"), headers, rows)
