"""core.spreadsheets: the one place that keeps people's text from running as a formula."""

import csv
import io

import pytest
from openpyxl import Workbook, load_workbook

from partnerskap.core.spreadsheets import csv_row, safe_cell, workbook_bytes

DANGEROUS = ['=HYPERLINK("http://x")', "+47 123", "-1+1", "@SUM(A1)", "\t=1", "\r=1"]


@pytest.mark.parametrize("text", DANGEROUS)
def test_text_that_would_run_gets_a_quote(text):
    assert safe_cell(text) == "'" + text


def test_plain_text_numbers_and_dates_are_kept():
    assert safe_cell("NAV Ørland") == "NAV Ørland"
    assert safe_cell(-3) == -3
    assert safe_cell(None) is None


def test_every_text_cell_of_every_sheet_is_neutralised_on_save():
    book = Workbook()
    book.active.append(["Tittel", *DANGEROUS, -5])
    book.create_sheet("To").append(["=1+1"])
    saved = load_workbook(io.BytesIO(workbook_bytes(book)))
    first = [c for row in saved.worksheets[0].iter_rows() for c in row]
    assert [c.value for c in first] == ["Tittel", *["'" + t for t in DANGEROUS], -5]
    assert saved.worksheets[1]["A1"].value == "'=1+1"
    assert not [c for s in saved.worksheets for r in s.iter_rows() for c in r if c.data_type == "f"]


def test_a_csv_row_is_neutralised():
    out = io.StringIO()
    csv.writer(out).writerow(csv_row(["=1+1", "ok", 2]))
    assert out.getvalue() == "'=1+1,ok,2\r\n"


def test_every_spreadsheet_writer_goes_through_core_spreadsheets():
    """A new export that saved its workbook or wrote its CSV itself would skip the neutralising:
    only core.spreadsheets saves a workbook, and a CSV writer passes its rows through csv_row."""
    import re
    from pathlib import Path

    import partnerskap

    root = Path(partnerskap.__file__).parent
    home = root / "core" / "spreadsheets.py"
    problems = []
    for path in root.rglob("*.py"):
        if path == home or "demo" in path.parts or "migrations" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"\bWorkbook\(", text) and "workbook_bytes" not in text:
            problems.append(f"{path.relative_to(root)}: builds a workbook without workbook_bytes")
        if "openpyxl" in text and re.search(r"\.save\(", text):
            problems.append(f"{path.relative_to(root)}: saves a workbook itself")
        if re.search(r"csv\.(writer|DictWriter)\(", text) and "csv_row" not in text:
            problems.append(f"{path.relative_to(root)}: writes CSV without csv_row")
    assert not problems, problems
