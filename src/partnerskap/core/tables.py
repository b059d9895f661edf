"""The one reader of uploaded tables: CSV in the encodings Norwegian spreadsheets write, and XLSX.

Every import (key figures, budgets, reception visits, the registry) reads its upload here and
nowhere else, so every import has the same limits and the same messages. The limits are enforced
before the work they bound is done: the size before decoding, the unpacked size of a workbook
before it is opened, and the rows, columns and cell lengths while the rows are read, never after
(a workbook's declared dimensions are ignored: a 1.5 KB file may claim a million rows of 16 384
cells). A refusal is a :class:`TableRefused` naming the file and the limit (docs/decisions/0026).
"""

from __future__ import annotations

import csv
import io
import itertools
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from partnerskap.core.templatetags.norsk import format_number

Row = list[object]

XLSX_MAGIC = b"PK\x03\x04"
# Compound File Binary: Excel 97–2003 (.xls), and old Word files
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
# The encodings a Norwegian table arrives in, besides UTF-8 (with or without BOM) and UTF-16
# (Excel's "Unicode text"): Windows (Excel's "CSV"), DOS code page 865 (older ERP and
# mainframe exports) and Mac Roman (Excel for Mac). Which of the three is chosen by the letters
# it gives: a code-page guess that is wrong turns æ, ø and å into punctuation or Greek.
LEGACY_ENCODINGS = ("cp1252", "cp865", "mac_roman")
NORDIC_LETTERS = frozenset("æøåÆØÅéèêóòôüäöÉÜÄÖ")
DELIMITERS = (";", "\t", ",")
SNIFF_LINES = 50


@dataclass(frozen=True)
class Limits:
    """What one import accepts. Each import states its own; the defaults suit a small table."""

    max_bytes: int = 5 * 1024 * 1024
    max_rows: int = 10_000
    max_columns: int = 100
    max_cell_chars: int = 10_000
    # A workbook is a zip file: what it may unpack to, checked before it is opened
    max_unpacked_bytes: int = 50 * 1024 * 1024


class TableRefused(ValidationError):
    """The file cannot be read as a table; the one message says which file and why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.text = message


def size_text(size: int) -> str:
    """1048576 → “1 MB”; 1500 → “1,5 kB” (Norwegian number format)."""
    for unit, factor in (("MB", 1024 * 1024), ("kB", 1024)):
        if size >= factor:
            value = round(size / factor, 1)
            return f"{format_number(int(value) if value == int(value) else value)} {unit}"
    return f"{size} B"


def check_size(name: str, size: int, limits: Limits) -> None:
    """Refuse an upload by its size, before it is read."""
    if size > limits.max_bytes:
        raise TableRefused(
            _("%(file)s is larger than %(limit)s, the most this import takes.")
            % {"file": name, "limit": size_text(limits.max_bytes)}
        )


def read_table(name: str, data: bytes, limits: Limits) -> list[Row]:
    """The rows of the file (of a workbook's first sheet), each a list of cells without trailing
    empty cells; an empty row is ``[]``, so row ``i`` is what a spreadsheet calls row ``i + 1``.

    CSV cells are strings; workbook cells are what the workbook holds (numbers, dates, text).
    Raises :class:`TableRefused` for a file that is too large or is not a table we can read.
    """
    check_size(name, len(data), limits)
    if data.startswith(OLE_MAGIC):
        raise TableRefused(
            _(
                "%(file)s is an Excel 97–2003 workbook (.xls), which cannot be read. Open it in "
                "Excel and save it as an Excel workbook (.xlsx) or as CSV."
            )
            % {"file": name}
        )
    if data.startswith(XLSX_MAGIC):
        return _collect(name, _xlsx_rows(name, data, limits), limits)
    return _collect(name, _csv_rows(name, data, limits), limits)


def _collect(name: str, rows: Iterable[Row], limits: Limits) -> list[Row]:
    """The rows, refused at the first that breaks a limit: nothing past it is read."""
    result: list[Row] = []
    for number, row in enumerate(rows, start=1):
        if number > limits.max_rows:
            raise TableRefused(
                _(
                    "%(file)s has more than %(limit)s rows; this import takes at most %(limit)s. "
                    "Split the file into smaller ones."
                )
                % {"file": name, "limit": format_number(limits.max_rows)}
            )
        cells = list(row)
        while cells and (cells[-1] is None or cells[-1] == ""):
            cells.pop()
        if len(cells) > limits.max_columns:
            raise TableRefused(
                _(
                    "%(file)s, row %(row)s has %(count)s columns; this import takes at most "
                    "%(limit)s."
                )
                % {"file": name, "row": number, "count": len(cells), "limit": limits.max_columns}
            )
        for cell in cells:
            if isinstance(cell, str) and len(cell) > limits.max_cell_chars:
                raise _cell_too_long(name, number, limits)
        result.append(cells)
    return result


def _cell_too_long(name: str, row: int, limits: Limits) -> TableRefused:
    return TableRefused(
        _(
            "%(file)s, row %(row)s: a cell holds more than %(limit)s characters; this import "
            "takes at most %(limit)s per cell."
        )
        % {"file": name, "row": row, "limit": format_number(limits.max_cell_chars)}
    )


# --- CSV ------------------------------------------------------------------------------------


def decode(data: bytes) -> str:
    """The text of a CSV file: UTF-8 (with or without BOM), UTF-16 with BOM, else the legacy
    encoding that gives the most Nordic letters (Windows-1252 when there are none)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best, best_score = "", -1
    for encoding in LEGACY_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue  # cp1252 leaves five bytes undefined, among them cp865's Ø
        score = sum(1 for char in text if char in NORDIC_LETTERS)
        if score > best_score:
            best, best_score = text, score
    return best


def sniff_delimiter(lines: list[str]) -> str:
    """; , or tab: the one that splits the most lines into the same number (>1) of fields;
    a decimal comma splits numbers too, so the one with more fields wins a tie of lines."""

    def score(delimiter: str) -> tuple[int, int]:
        widths = Counter(len(row) for row in csv.reader(lines, delimiter=delimiter) if row)
        if not widths:
            return (0, 0)
        width, lines_of_width = widths.most_common(1)[0]
        return (lines_of_width * width, width) if width > 1 else (0, 0)

    try:
        return max(DELIMITERS, key=score)  # max keeps the first of equals: ; before tab and ,
    except csv.Error:
        return ";"


def _csv_rows(name: str, data: bytes, limits: Limits) -> Iterator[Row]:
    text = decode(data)
    if "\x00" in text:
        raise TableRefused(
            _("%(file)s is not a table: save it as CSV or as an Excel workbook (.xlsx).")
            % {"file": name}
        )
    sample = list(itertools.islice(io.StringIO(text, newline=""), SNIFF_LINES))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(sample))
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error:
            # csv refuses a field past its own limit (128 KiB) before holding it whole; shorter
            # ones past ours are refused in _collect
            raise _cell_too_long(name, reader.line_num, limits) from None
        yield row


# --- XLSX -----------------------------------------------------------------------------------


def _xlsx_rows(name: str, data: bytes, limits: Limits) -> Iterator[Row]:
    from openpyxl import load_workbook

    not_a_workbook = TableRefused(
        _("%(file)s could not be read as an Excel workbook (.xlsx).") % {"file": name}
    )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
        mimetype = archive.read("mimetype")[:60] if "mimetype" in archive.namelist() else b""
    except (zipfile.BadZipFile, OSError, KeyError):
        raise not_a_workbook from None
    if mimetype.startswith(ODS_MIMETYPE):
        raise TableRefused(
            _(
                "%(file)s is an OpenDocument spreadsheet (.ods). Save it as an Excel workbook "
                "(.xlsx) or as CSV."
            )
            % {"file": name}
        )
    # zipfile stops reading an entry at its stated size, so the stated sizes bound the work
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > limits.max_unpacked_bytes:
        raise TableRefused(
            _("%(file)s unpacks to %(size)s; this import takes workbooks of at most %(limit)s.")
            % {
                "file": name,
                "size": size_text(unpacked),
                "limit": size_text(limits.max_unpacked_bytes),
            }
        )
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        raise not_a_workbook from None
    try:
        sheet = book.worksheets[0]
        # The declared dimensions are the creator's claim; the cells are read as they are
        sheet.reset_dimensions()
        # One row more than allowed, so that _collect can say the file is too long
        rows = sheet.iter_rows(max_row=limits.max_rows + 1, values_only=True)
        while True:
            try:
                row = next(rows)
            except StopIteration:
                return
            except Exception:  # a broken sheet inside a sound zip file
                raise not_a_workbook from None
            yield list(row)
    finally:
        book.close()
