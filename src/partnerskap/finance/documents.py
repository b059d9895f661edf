"""The settlement of a period as PDF/A and XLSX, and the budget report as PDF/A."""

from django.template.loader import render_to_string
from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from partnerskap.core.spreadsheets import workbook_bytes
from partnerskap.documents.pdf import render_pdf

from . import cost_sharing as cs
from .budget_report import BudgetReport
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


def budget_pdf(report: BudgetReport, *, archival: bool = True) -> bytes:
    html = render_to_string("finance/print/budget.html", {"report": report})
    return render_pdf(html, archival=archival)


def settlement_xlsx(result: PeriodSettlement) -> bytes:
    """One sheet: the totals, the members' split, the invoices and every line of the computation."""
    period = result.period
    book = Workbook()
    sheet = book.active
    sheet.title = _("Settlement")[:31]
    bold = Font(bold=True)

    def heading(text: str) -> None:
        sheet.append([])
        sheet.append([text])
        sheet.cell(sheet.max_row, 1).font = bold

    def money(row: list, *columns: int) -> None:
        sheet.append(row)
        for column in columns:
            sheet.cell(sheet.max_row, column).number_format = MONEY_FORMAT

    sheet.append([_("Settlement %(label)s") % {"label": period.label}])
    sheet.cell(1, 1).font = Font(bold=True, size=14)
    sheet.append([_("Partnership"), period.agreement.partnership.name])
    sheet.append([_("Operating agreement"), period.agreement.title])
    sheet.append([_("Period"), period.starts, period.ends])
    sheet.cell(sheet.max_row, 2).number_format = "dd.mm.yyyy"
    sheet.cell(sheet.max_row, 3).number_format = "dd.mm.yyyy"

    heading(_("What each owner pays"))
    sheet.append([_("Owner"), _("Shared costs"), _("Special services"), _("Total")])
    for owner in cs.Owner:
        s = result.settlement
        money([owner_name(owner), s.shared(owner), s.special(owner), s.owner_total(owner)], 2, 3, 4)
    money([_("Total"), result.settlement.shared_total, result.special_total, result.total], 2, 3, 4)

    if result.members or result.member_problem:
        heading(_("The municipal share between the members (%(key)s)") % {"key": result.member_key})
        if result.member_problem:
            sheet.append([result.member_problem])
        else:
            sheet.append([_("Municipality"), _("Weight"), _("Share")])
            for member in result.members:
                money([member.name, member.weight, member.share], 3)
            money([_("Total"), None, result.member_total], 3)

    heading(_("Invoices"))
    sheet.append([_("Owner"), _("Invoice"), _("Covers up to"), _("Due"), _("Amount")])
    for invoice in result.invoices:
        money(
            [
                owner_name(invoice.owner),
                invoice.number,
                invoice.covers_to,
                invoice.due,
                invoice.amount,
            ],
            5,
        )
        sheet.cell(sheet.max_row, 3).number_format = "dd.mm.yyyy"
        sheet.cell(sheet.max_row, 4).number_format = "dd.mm.yyyy"

    heading(_("The computation, line by line"))
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
