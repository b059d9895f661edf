"""Reading an ERP budget report (CSV or XLSX) shaped like the Nordland project report.

The report has a header row with the columns "Årets budsjett", "HIÅ Budsjett", "HIÅ Forbruk" and
"Periodens forbruk" (the computed columns after them are ignored: we compute them ourselves).
Left of the amounts, an account line reads "500000000000 OPPG lønn faste stillinger, ordinær"
and the group ("A Lønn og annen godtgjørelse") stands on the group's first line; rows without
an account number are the report's subtotals and are skipped. "Period name:NOV-18" above the
header says how many months the spend to date covers.

`parse_report` reads everything or nothing: every problem found is reported with the file, row
and column, in one ValidationError, and no line is returned.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

from partnerskap.core.tables import Limits, read_table

from . import budget as arithmetic

REQUIRED = {
    "annual_budget": "Årets budsjett",
    "budget_to_date": "HIÅ Budsjett",
    "spend_to_date": "HIÅ Forbruk",
    "spend_period": "Periodens forbruk",
}
ACCOUNT = re.compile(r"^(\d{4,})\s+(.+)$")
# A sum of groups: "A SUM LØNN OG ANDRE GODTGJØRSLER", "B SUM VARER OG TJENESTER"
SUPER_GROUP = re.compile(r"^[A-ZÆØÅ]\s+SUM\b", re.IGNORECASE)
PERIOD = re.compile(r"period\s*name\s*:\s*([A-ZÆØÅa-zæøå]{3})[-\s]?(\d{2,4})", re.IGNORECASE)
MONTHS = {
    m: n
    for n, names in enumerate(
        [
            ("JAN",),
            ("FEB",),
            ("MAR",),
            ("APR",),
            ("MAY", "MAI"),
            ("JUN",),
            ("JUL",),
            ("AUG",),
            ("SEP",),
            ("OCT", "OKT"),
            ("NOV",),
            ("DEC", "DES"),
        ],
        start=1,
    )
    for m in names
}
MAX_ERRORS = 20
# A budget report has tens or hundreds of accounts; the page and the PDF show every line.
MAX_LINES = 1000
# The preview sends the file back base64-encoded in the form, which must stay below Django's
# DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB); an ERP budget report is a few kilobytes.
LIMITS = Limits(max_bytes=1024 * 1024, max_rows=5_000, max_columns=60, max_cell_chars=1_000)


@dataclass(frozen=True)
class ParsedLine:
    row: int
    group: str
    account: str
    name: str
    annual_budget: Decimal | None
    budget_to_date: Decimal | None
    spend_to_date: Decimal
    spend_period: Decimal

    def arithmetic(self) -> arithmetic.BudgetLine:
        return arithmetic.BudgetLine(
            account=self.account,
            name=self.name,
            group=self.group,
            annual_budget=self.annual_budget,
            budget_to_date=self.budget_to_date,
            spend_to_date=self.spend_to_date,
            spend_period=self.spend_period,
        )


@dataclass(frozen=True)
class Difference:
    """A sum in the report that the lines do not add up to (the ERP rounds each line)."""

    row: int
    group: str
    column: str
    in_file: Decimal
    from_lines: Decimal
    lines: int = 1  # how many lines the sum adds up

    @property
    def is_rounding(self) -> bool:
        """The ERP rounds each line to whole kroner: at most one krone per line is rounding."""
        return abs(self.in_file - self.from_lines) <= self.lines


@dataclass
class ParsedReport:
    filename: str
    sha256: str
    period_name: str = ""
    months: int | None = None
    # Where "Period name:…" stands: (row, column), numbered as a spreadsheet numbers them
    period_at: tuple[int, int] | None = None
    lines: list[ParsedLine] = field(default_factory=list)
    # The report's own group sums: (row, group, amounts by column)
    sums: list[tuple[int, str, dict[str, Decimal | None]]] = field(default_factory=list)
    # The report's sums of groups: (row, name, the groups it adds up, amounts by column)
    super_groups: list[tuple[int, str, list[str], dict[str, Decimal | None]]] = field(
        default_factory=list
    )

    @property
    def year(self) -> int | None:
        """The year of the report's period ("NOV-18" → 2018), if the report names one."""
        if not self.period_name:
            return None
        digits = self.period_name.rsplit("-", 1)[-1]
        return int(digits) + 2000 if len(digits) == 2 else int(digits)

    def check_year(self, year: int) -> None:
        """Refuse a report whose period is in another year than the budget's."""
        if self.year is None or self.year == year or self.period_at is None:
            return
        row, column = self.period_at
        raise ValidationError(
            _(
                "%(file)s, row %(row)s, column %(column)s: the report is for %(period)s, but "
                "the budget is for %(year)s. Nothing was imported; choose the budget for "
                "%(report_year)s or the report for %(year)s."
            )
            % {
                "file": self.filename,
                "row": row,
                "column": get_column_letter(column),
                "period": self.period_name,
                "year": year,
                "report_year": self.year,
            }
        )

    def differences(self) -> list[Difference]:
        """Where a sum in the file (a group's, or a sum of groups) differs from its lines'."""
        sums = [(row, group, [group], amounts) for row, group, amounts in self.sums]
        found = []
        for row, name_, groups, amounts in sorted(sums + self.super_groups, key=lambda s: s[0]):
            lines = [line for line in self.lines if line.group in groups]
            for name, in_file in amounts.items():
                ours = sum((getattr(line, name) or Decimal(0) for line in lines), Decimal(0))
                if in_file is not None and in_file != ours:
                    found.append(Difference(row, name_, REQUIRED[name], in_file, ours, len(lines)))
        return found


def _norm(text: object) -> str:
    return " ".join(str(text or "").replace("\xa0", " ").split()).casefold()


def _rows(filename: str, content: bytes) -> list[list[object]]:
    return read_table(filename, content, LIMITS)


def _amount(value: object) -> Decimal | None:
    """An amount from a cell; None for an empty cell; raises ValueError if not a number."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | float | Decimal):
        number = Decimal(str(value))
    else:
        text = str(value).replace("\xa0", "").replace("\u202f", "").replace(" ", "").strip()
        text = text.replace("−", "-").replace("–", "-")
        if text in ("", "-"):
            return None
        if "," in text and "." not in text:
            text = text.replace(",", ".")
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise ValueError(value) from None
    if not number.is_finite():
        raise ValueError(value)
    return number.quantize(Decimal("0.01"))


def _super_group(
    report: ParsedReport, left: list[str], row: list, columns: dict[str, int], number: int
) -> bool:
    """Keep a "X SUM …" line with the groups since the previous one; True if it was one."""
    name = next((cell for cell in left if cell.strip()), "")
    if not SUPER_GROUP.match(name):
        return False
    taken = {g for _r, _n, groups, _a in report.super_groups for g in groups}
    groups = list(dict.fromkeys(line.group for line in report.lines if line.group not in taken))
    try:
        amounts = {
            key: _amount(row[col] if col < len(row) else None) for key, col in columns.items()
        }
    except ValueError:
        amounts = {}
    report.super_groups.append((number, name.strip(), groups, amounts))
    return True


def parse_report(filename: str, content: bytes) -> ParsedReport:
    """The report's account lines, or a ValidationError listing every problem and where."""
    report = ParsedReport(filename, hashlib.sha256(content).hexdigest())
    rows = _rows(filename, content)
    header_at = None
    for index, row in enumerate(rows):
        cells = [_norm(cell) for cell in row]
        if _norm(REQUIRED["spend_to_date"]) in cells:
            header_at = index
            break
        for column, cell in enumerate(row, start=1):
            match = PERIOD.search(str(cell or ""))
            if match:
                report.period_name = f"{match.group(1).upper()}-{match.group(2)}"
                report.months = MONTHS.get(match.group(1).upper())
                report.period_at = (index + 1, column)
    if header_at is None:
        raise ValidationError(
            _(
                "%(file)s: no header row with the column «%(column)s» was found; is this the "
                "budget report from the ERP system?"
            )
            % {"file": filename, "column": REQUIRED["spend_to_date"]}
        )
    header = [_norm(cell) for cell in rows[header_at]]
    columns: dict[str, int] = {}
    errors: list[str] = []
    for name, title in REQUIRED.items():
        if _norm(title) in header:
            columns[name] = header.index(_norm(title))
        else:
            errors.append(
                _("%(file)s, row %(row)s: the column «%(column)s» is missing.")
                % {"file": filename, "row": header_at + 1, "column": title}
            )
    if errors:
        raise ValidationError(errors)
    first_amount = min(columns.values())
    group = ""
    seen: dict[str, int] = {}
    for index in range(header_at + 1, len(rows)):
        row = rows[index]
        number = index + 1
        left = [str(cell).strip() if cell is not None else "" for cell in row[:first_amount]]
        account_at = next(
            (i for i, cell in enumerate(left) if ACCOUNT.match(cell.replace("\xa0", " "))),
            None,
        )
        if account_at is None:
            # A blank line, a sum of groups, or the sum of the current group (kept to compare)
            if _super_group(report, left, row, columns, number):
                continue
            if group and any(_norm(cell) == _norm(group) for cell in left):
                try:
                    amounts = {
                        name_: _amount(row[col] if col < len(row) else None)
                        for name_, col in columns.items()
                    }
                except ValueError:
                    continue  # the report's own sums are only compared, never imported
                report.sums.append((number, group, amounts))
            continue
        texts = [c for c in left[:account_at] if c.replace("\xa0", "").strip()]
        if texts:
            group = texts[-1]
        match = ACCOUNT.match(left[account_at].replace("\xa0", " "))
        assert match is not None
        account, name = match.group(1), match.group(2).strip()
        if account in seen:
            errors.append(
                _(
                    "%(file)s, row %(row)s: account %(account)s appears twice "
                    "(also on row %(first)s)."
                )
                % {"file": filename, "row": number, "account": account, "first": seen[account]}
            )
        seen.setdefault(account, number)
        values: dict[str, Decimal | None] = {}
        for name_, col in columns.items():
            cell = row[col] if col < len(row) else None
            try:
                values[name_] = _amount(cell)
            except ValueError:
                errors.append(
                    _("%(file)s, row %(row)s, column «%(column)s»: «%(value)s» is not a number.")
                    % {
                        "file": filename,
                        "row": number,
                        "column": REQUIRED[name_],
                        "value": str(cell).strip(),
                    }
                )
        if len(errors) >= MAX_ERRORS:
            break
        if errors:
            continue
        report.lines.append(
            ParsedLine(
                row=number,
                group=group,
                account=account,
                name=name,
                annual_budget=values["annual_budget"],
                budget_to_date=values["budget_to_date"],
                spend_to_date=values["spend_to_date"] or Decimal(0),
                spend_period=values["spend_period"] or Decimal(0),
            )
        )
    if errors:
        raise ValidationError(errors)
    if len(report.lines) > MAX_LINES:
        raise ValidationError(
            _(
                "%(file)s has %(count)s account lines; a budget can have at most %(max)s. "
                "Nothing was imported."
            )
            % {"file": filename, "count": len(report.lines), "max": MAX_LINES}
        )
    if not report.lines:
        raise ValidationError(
            _("%(file)s: the report has no account lines below the header on row %(row)s.")
            % {"file": filename, "row": header_at + 1}
        )
    return report
