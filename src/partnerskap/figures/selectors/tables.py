"""The suppressed table: counts from 1 to the threshold as ":", and what gives them away hidden."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .. import catalogue, shares
from ..models import (
    Indicator,
    Unit,
)
from ..suppression import SUPPRESSED, suppress
from .reading import PARTS, Cell, threshold

# --- the suppressed table -------------------------------------------------------------------


@dataclass
class Row:
    key: object
    label: str
    cells: list[Cell] = field(default_factory=list)
    highlight: bool = False
    total: bool = False


@dataclass
class FigureTable:
    """A table as shown: columns are indicators, every cell already suppressed."""

    columns: list[Indicator]
    rows: list[Row]
    threshold: int

    @property
    def headers(self) -> list[str]:
        return [catalogue.label(indicator) for indicator in self.columns]

    def column(self, code: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.code == code)

    def get(self, key: object, code: str) -> Cell:
        row = self.row(key)
        return None if row is None else row.cells[self.column(code)]

    def row(self, key: object) -> Row | None:
        return next((r for r in self.rows if r.key == key), None)


def with_counts(columns: list[Indicator], every: list[Indicator]) -> list[Indicator]:
    """The columns plus the counts each share is computed from, counts before shares."""
    by_id = {i.pk: i for i in every}
    by_code = {i.code: i for i in every}
    # a part or whole of a sum brings the whole sum, so it is suppressed the same way everywhere
    for whole, parts in PARTS.items():
        group = [by_code[c] for c in (*parts, whole) if c in by_code]
        if any(i in columns for i in group) or any(
            i.is_derived and by_id[i.numerator_id] in group for i in columns
        ):
            columns = columns + [i for i in group if i not in columns]
    wanted: list[Indicator] = []
    for indicator in columns:
        if indicator.is_derived:
            for pk in (indicator.numerator_id, indicator.denominator_id):
                if by_id[pk] not in wanted:
                    wanted.append(by_id[pk])
        elif indicator not in wanted:
            wanted.append(indicator)
    return wanted + [i for i in columns if i.is_derived and i not in wanted]


def build_table(
    columns: list[Indicator],
    rows: list[Row],
    raw: dict[tuple[object, str], Decimal],
    *,
    total_row: Row | None = None,
    limit: int | None = None,
) -> FigureTable:
    """Suppress ``raw`` values (by row key and indicator code) into a table.

    With ``total_row`` the table shows a last row that is the sum of the rows above, and the
    suppression protects the cells against it.
    """
    limit = threshold() if limit is None else limit
    shown: dict[tuple[object, str], Cell] = {}
    for parts, whole in _groups(columns):
        _decide_group(parts, whole, rows, raw, limit, total_row, shown)
    every_row = rows + ([total_row] if total_row is not None else [])
    for row in every_row:
        row.cells = []
        for column in columns:
            if column.is_derived:
                row.cells.append(_share(shown, row.key, column))
            elif column.unit == Unit.COUNT:
                row.cells.append(shown.get((row.key, column.code)))
            else:
                row.cells.append(raw.get((row.key, column.code)))
    return FigureTable(columns, every_row, limit)


def _groups(columns: list[Indicator]) -> list[tuple[list[str], str | None]]:
    """The count columns suppressed together: parts with their whole, or a count on its own."""
    counts = [c for c in columns if c.unit == Unit.COUNT and not c.is_derived]
    codes = {c.code for c in counts}
    groups: list[tuple[list[str], str | None]] = []
    grouped: set[str] = set()
    for whole, parts in PARTS.items():
        if whole in codes and all(p in codes for p in parts):
            groups.append((list(parts), whole))
            grouped |= {whole, *parts}
    return groups + [([c.code], None) for c in counts if c.code not in grouped]


def _decide_group(
    parts: list[str],
    whole: str | None,
    rows: list[Row],
    raw: dict[tuple[object, str], Decimal],
    limit: int,
    total_row: Row | None,
    shown: dict[tuple[object, str], Cell],
) -> None:
    """Suppress one group of columns over the rows into ``shown``."""
    # only the rows with a figure in the group: the decision must not depend on which other
    # columns a page asks for, so every view of the same table decides the same way. A whole
    # without any of its parts stands on its own, outside the sums.
    group_rows = [row for row in rows if any((row.key, code) in raw for code in parts)]
    if whole is not None:
        for row in rows:
            if row not in group_rows and (row.key, whole) in raw:
                value = raw[(row.key, whole)]
                shown[(row.key, whole)] = SUPPRESSED if 1 <= value <= limit else int(value)
    if not group_rows:
        return
    grid = [[int(raw.get((row.key, code), 0)) for code in parts] for row in group_rows]
    # a missing part is shown as missing, so a reader counts it as zero in the sums; and
    # with a part missing the whole minus the parts shown would give it away, so the row's
    # parts and whole are hidden - in the suppression, so that the sum row protects them too
    known: set[tuple[int, int]] = set()
    hide: set[tuple[int, int]] = set()
    for i, row in enumerate(group_rows):
        missing = {j for j, code in enumerate(parts) if (row.key, code) not in raw}
        known |= {(i, j) for j in missing}
        if whole is not None and missing:
            hide |= {(i, j) for j in range(len(parts)) if j not in missing}
            hide.add((i, len(parts)))
    table = suppress(
        grid,
        limit,
        row_totals=whole is not None,
        column_totals=total_row is not None,
        hide=hide,
        known=known,
    )
    for i, row in enumerate(group_rows):
        for j, code in enumerate(parts):
            present = (row.key, code) in raw
            shown[(row.key, code)] = table.cell(i, j) if present else None
        if whole is not None:
            shown[(row.key, whole)] = table.row_total(i)
    if total_row is not None:
        for j, code in enumerate(parts):
            if any((row.key, code) in raw for row in group_rows):
                shown[(total_row.key, code)] = table.column_total(j)
        if whole is not None:
            shown[(total_row.key, whole)] = table.grand_total()


def _share(shown: dict, key: object, indicator: Indicator) -> Cell:
    part = shown.get((key, indicator.numerator.code))
    whole = shown.get((key, indicator.denominator.code))
    if part is None or whole is None:
        return None
    if part == SUPPRESSED or whole == SUPPRESSED:
        return SUPPRESSED
    if part > whole or whole == 0:
        return None
    return shares.share(int(part), int(whole))
