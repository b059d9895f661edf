"""Spreadsheets the product writes (XLSX and CSV), safe to open in Excel or LibreOffice.

People type titles, names and notes, and a spreadsheet program runs a text cell that starts with
= + - @ (or a tab or carriage return before them) as a formula: "formula injection", which can
fetch a URL or run a command on the reader's machine. Every writer goes through this module:
`workbook_bytes` neutralises every text cell of a workbook as it saves it, and `csv_row` every
text value of a CSV row (docs/decisions/0064-formula-injection.md).
"""

import io
from collections.abc import Iterable

from openpyxl import Workbook

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """Text that a spreadsheet would run as a formula gets a leading single quote (OWASP's
    advice), so Excel and LibreOffice show it as the text it is. Numbers and dates are kept."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_row(values: Iterable[object]) -> list[object]:
    """One CSV row with its text neutralised, for `csv.writer(...).writerow`."""
    return [safe_cell(value) for value in values]


def workbook_bytes(book: Workbook) -> bytes:
    """The workbook as XLSX bytes, with every text cell of every sheet neutralised: the product
    writes no formulas of its own, so any cell openpyxl took for one came from someone's text."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                value = cell.value
                if isinstance(value, str) and value.startswith(FORMULA_STARTS):
                    cell.value = safe_cell(value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
