"""The settlement of a period as PDF/A and XLSX, and the budget report as PDF/A and XLSX."""

from django.template.loader import render_to_string
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from openpyxl import Workbook
from openpyxl.styles import Font

from partnerskap.core.spreadsheets import workbook_bytes
from partnerskap.documents.pdf import render_pdf

from . import cost_sharing as cs
from .budget_report import BudgetReport, ReportRow
from .settlement import PeriodSettlement, owner_name

MONEY_FORMAT = "#,##0.00"


def filename(result: PeriodSettlement, extension: str) -> str:
    period = result.period
    return (
        f"oppgjor-{slugify(period.agreement.partnership.name)}-{slugify(period.label)}.{extension}"
    )


def settlement_pdf(result: PeriodSettlement, *, archival: bool = True) -> bytes:
    html = render_to_string("finance/print/settlement.html", {"result": result})
    return render_pdf(html, archival=archival)


# A budget PDF lists every line up to this many; a longer budget is printed as its sums per group
# and the lines go to the spreadsheet (a 1 000-line table took WeasyPrint 15 s and 200 MB,
# issue 16; docs/decisions/0079).
PDF_LINES = 150


def budget_pdf(report: BudgetReport, *, archival: bool = True) -> bytes:
    lines = sum(1 for row in report.rows if row.kind == "line")
    summary = lines > PDF_LINES
    rows = [row for row in report.all_rows if row.kind != "line"] if summary else report.all_rows
    html = render_to_string(
        "finance/print/budget.html",
        {"report": report, "rows": rows, "summary": summary, "lines": lines},
    )
    return render_pdf(html, archival=archival)


BUDGET_COLUMNS = (
    ("annual_budget", _lazy("Annual budget")),
    ("budget_to_date", _lazy("Budget to date")),
    ("spend_to_date", _lazy("Spend to date")),
    ("spend_period", _lazy("Spend this period")),
    ("remaining", _lazy("Remaining this year")),
    ("difference_to_date", _lazy("Budget minus spend to date")),
)


def budget_xlsx(report: BudgetReport) -> bytes:
    """Every line of the budget with the sums per group and the total, as the page shows them."""
    book = Workbook()
    sheet = book.active
    sheet.title = _("Budget")[:31]
    budget = report.budget
    sheet.append([f"{budget.name} {budget.year}"])
    sheet.cell(1, 1).font = Font(bold=True, size=14)
    sheet.append([budget.partnership.name])
    sheet.append([])
    per_cents = [_("Per cent of budget to date"), _("Per cent of annual budget")]
    money = [str(label) for _field, label in BUDGET_COLUMNS]
    sheet.append([_("Account"), _("Name"), *money, *per_cents, _("Forecast for the year")])
    bold = Font(bold=True)
    for cell in sheet[4]:
        cell.font = bold
    money_columns = [*range(3, 3 + len(BUDGET_COLUMNS)), 3 + len(BUDGET_COLUMNS) + 2]
    for number, row in enumerate(report.all_rows, start=5):
        sheet.append(_budget_row(row))
        for column in money_columns:
            sheet.cell(number, column).number_format = MONEY_FORMAT
        if row.kind != "line":
            for cell in sheet[number]:
                cell.font = bold
    sheet.column_dimensions["B"].width = 50
    return workbook_bytes(book)


def _budget_row(row: ReportRow) -> list:
    line = row.line
    if row.kind == "line":
        account, name = line.account, line.name
    elif row.kind == "group":
        account, name = "", _("Sum %(group)s") % {"group": line.name}
    elif row.kind == "supergroup":
        account, name = "", line.name
    else:
        account, name = "", _("Total")
    return [
        account,
        name,
        *(getattr(line, field) for field, _label in BUDGET_COLUMNS),
        row.per_cent_to_date,
        row.per_cent_annual,
        row.forecast.year_end_spend if row.forecast else None,
    ]


class _Sheet:
    """A worksheet written top to bottom, with the settlement's headings and money cells."""

    def __init__(self, sheet: object) -> None:
        self.sheet = sheet

    def heading(self, text: str) -> None:
        self.sheet.append([])
        self.sheet.append([text])
        self.sheet.cell(self.sheet.max_row, 1).font = Font(bold=True)

    def money(self, row: list, *columns: int) -> None:
        self.sheet.append(row)
        for column in columns:
            self.sheet.cell(self.sheet.max_row, column).number_format = MONEY_FORMAT

    def dates(self, *columns: int) -> None:
        for column in columns:
            self.sheet.cell(self.sheet.max_row, column).number_format = "dd.mm.yyyy"


def settlement_xlsx(result: PeriodSettlement) -> bytes:
    """One sheet: the totals, the members' split, the invoices and every line of the computation."""
    period = result.period
    book = Workbook()
    sheet = book.active
    sheet.title = _("Settlement")[:31]
    out = _Sheet(sheet)
    sheet.append([_("Settlement %(label)s") % {"label": period.label}])
    sheet.cell(1, 1).font = Font(bold=True, size=14)
    sheet.append([_("Partnership"), period.agreement.partnership.name])
    sheet.append([_("Operating agreement"), period.agreement.title])
    sheet.append([_("Period"), period.starts, period.ends])
    out.dates(2, 3)
    _owners_part(out, result)
    _members_part(out, result)
    _invoices_part(out, result)
    out.heading(_("The computation, line by line"))
    sheet.append([_("Step"), _("How it is computed"), _("Result")])
    for row in [*result.rows, *result.member_rows]:
        sheet.append([row.text, row.how, row.result])
        if row.money:
            sheet.cell(sheet.max_row, 3).number_format = MONEY_FORMAT
    sheet.column_dimensions["A"].width = 70
    sheet.column_dimensions["B"].width = 50
    for column in "CDE":
        sheet.column_dimensions[column].width = 18
    return workbook_bytes(book)


def _owners_part(out: _Sheet, result: PeriodSettlement) -> None:
    out.heading(_("What each owner pays"))
    out.sheet.append([_("Owner"), _("Shared costs"), _("Special services"), _("Total")])
    s = result.settlement
    for owner in cs.Owner:
        out.money(
            [owner_name(owner), s.shared(owner), s.special(owner), s.owner_total(owner)], 2, 3, 4
        )
    out.money([_("Total"), s.shared_total, result.special_total, result.total], 2, 3, 4)


def _members_part(out: _Sheet, result: PeriodSettlement) -> None:
    if not (result.members or result.member_problem):
        return
    out.heading(_("The municipal share between the members (%(key)s)") % {"key": result.member_key})
    if result.member_problem:
        out.sheet.append([result.member_problem])
        return
    out.sheet.append([_("Municipality"), _("Weight"), _("Share")])
    for member in result.members:
        out.money([member.name, member.weight, member.share], 3)
    out.money([_("Total"), None, result.member_total], 3)


def _invoices_part(out: _Sheet, result: PeriodSettlement) -> None:
    out.heading(_("Invoices"))
    out.sheet.append([_("Owner"), _("Invoice"), _("Covers up to"), _("Due"), _("Amount")])
    for invoice in result.invoices:
        row = [owner_name(invoice.owner), invoice.number, invoice.covers_to, invoice.due]
        out.money([*row, invoice.amount], 5)
        out.dates(3, 4)
