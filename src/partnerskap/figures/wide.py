"""Wide key-figure tables — one row per office, municipality or county — read as recognised.

The rows are at the level the unit column's name says (Fylke, Kommune, NAV-kontor) or, under a
neutral name (Enhet), the level their numbers give. A row that names no unit but one of the
sources' pseudo-units ("99 Ikke i et fylkesdistrikt", "Uoppgitt", "Utlandet") is kept as a figure
of that pseudo-unit and counted into the check of the total. A stated total is kept as the source
said it and compared with the sum of its rows: a difference of at most one per summed row is the
source's rounding and is said so; more is flagged, naming the rows (docs/decisions/0029).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from partnerskap.core.templatetags.norsk import format_number

from . import imports as base
from .models import Level
from .periods import Period
from .recognition import Match

PSEUDO_UNITS = {
    "ikke i et fylkesdistrikt",
    "ikke i fylkesdistrikt",
    "uoppgitt",
    "ikke oppgitt",
    "utlandet",
    "ukjent",
    "ukjent kommune",
}
LEVEL_NAMES = {
    Level.OFFICE: "office",
    Level.MUNICIPALITY: "municipality",
    Level.COUNTY: "county",
}


def pseudo_unit(label: str) -> str:
    """“99 Ikke i et fylkesdistrikt” → “Ikke i et fylkesdistrikt”; “” for a real unit."""
    name = re.sub(r"^\s*\d{2,4}\s*", "", label).strip()
    return name if name.casefold() in PSEUDO_UNITS else ""


@dataclass
class Row:
    index: int
    label: str
    counts: dict[str, int]
    stated: dict[str, Decimal]
    area: base.Area | None = None
    pseudo: str = ""


@dataclass
class Body:
    rows: list[Row] = field(default_factory=list)
    total: Row | None = None
    level: str | None = None


def _level_of(number: str, said: str | None) -> str:
    if said is not None:
        return said
    return Level.OFFICE if len(number) == 4 else Level.COUNTY


def _area(areas: base.Areas, level: str, number: str) -> base.Area | None:
    if level == Level.OFFICE:
        return areas.office(number)
    if level == Level.MUNICIPALITY:
        return areas.municipality(number)
    return areas.county(number)


def _unknown_unit(problems: base.Problems, row: Row, level: str, number: str) -> None:
    message = {
        Level.OFFICE: _("no office has the unit number %(number)s."),
        Level.MUNICIPALITY: _("no municipality has the number %(number)s."),
        Level.COUNTY: _("no county has the number %(number)s."),
    }[level]
    problems.add(message % {"number": number}, row=row.index, column=base.UNIT.header)


def _place(problems: base.Problems, areas: base.Areas, body: Body, row: Row, said: str | None):
    """Put one row where it belongs: a unit, a pseudo-unit, or a problem."""
    row.pseudo = pseudo_unit(row.label)
    if row.pseudo:
        body.rows.append(row)
        return
    number = base.unit_number(row.label)
    if not number:
        problems.add(
            _("“%(value)s” does not start with a unit number such as 1504.") % {"value": row.label},
            row=row.index,
            column=base.UNIT.header,
        )
        return
    level = _level_of(number, said)
    body.level = body.level or level
    if level != body.level:
        problems.add(
            _("the table mixes offices and counties; %(number)s is not like the rows above.")
            % {"number": number},
            row=row.index,
            column=base.UNIT.header,
        )
        return
    row.area = _area(areas, level, number)
    if row.area is None:
        _unknown_unit(problems, row, level, number)
    body.rows.append(row)


def _read_rows(problems: base.Problems, found: Match, table, grid: list, areas) -> Body:
    body = Body()
    unit_at = found.positions[0]
    for index, cells_row in enumerate(grid[found.header_row + 1 :], start=found.header_row + 2):
        cells = {
            column: (cells_row[p] if p < len(cells_row) else None)
            for column, p in zip(found.table.columns, found.positions, strict=True)
            if p is not None
        }
        label = re.sub(
            r"<[^>]+>", "", base._text(cells_row[unit_at] if unit_at < len(cells_row) else "")
        )
        counts, stated = base._row_values(problems, index, cells)
        row = Row(index, label, counts, stated)
        if base.is_total_label(label):
            if body.total is not None:
                problems.add(
                    _("the table has a second total row."), row=index, column=base.UNIT.header
                )
            body.total = row
            continue
        _place(problems, areas, body, row, found.level)
    return body


def parse_wide(problems: base.Problems, found: Match, grid: list, period: Period) -> base.Parsed:
    """The recognised table's rows as preview rows and observations, or problems."""
    present = [
        c for c, p in zip(found.table.columns, found.positions, strict=True) if p is not None
    ]
    table = dataclasses.replace(found.table, columns=tuple(present))
    unit_at = found.positions[0]
    numbers = [base.unit_number(r[unit_at] if unit_at < len(r) else "") for r in grid]
    areas = base.Areas(numbers, period.end)
    body = _read_rows(problems, found, table, grid, areas)
    problems.raise_if_any()
    if not body.rows:
        problems.add(_("the table has no rows of offices or counties."))
        problems.raise_if_any()
    parsed = base.Parsed(table.code, [c.header for c in present])
    parsed.mapping = _mapping(found, grid)
    parsed.missing = [c.header for c in found.table.columns if c not in present]
    for row in body.rows:
        flags = base._row_flags(table, row.counts, row.stated)
        preview = base._preview_row(table, row.label, row.counts, row.stated, flags, total=False)
        parsed.rows.append(preview)
        area = base.Area(Level.OTHER, None) if row.pseudo else row.area
        parsed.observations += base._observations(row.counts, area, period, label=row.pseudo)
    if body.total is not None:
        _add_total(table, parsed, body, period)
    problems.raise_if_any()
    return parsed


def _mapping(found: Match, grid: list) -> list[list[str]]:
    """[file header, the column it was taken as] for every column of the file's header row."""
    headers = grid[found.header_row]
    taken = {
        p: c.header
        for c, p in zip(found.table.columns, found.positions, strict=True)
        if p is not None
    }
    return [[base._text(h), taken.get(i, "")] for i, h in enumerate(headers)]


def _difference_notes(table, body: Body) -> tuple[list[str], list[str]]:
    """(flags, notes) from comparing the total row with the sum of the rows."""
    flags, notes = [], []
    total = body.total
    assert total is not None
    for column in table.counts():
        if column.indicator not in total.counts:
            continue
        summed = [r for r in body.rows if column.indicator in r.counts]
        rows_sum = sum(r.counts[column.indicator] for r in summed)
        stated = total.counts[column.indicator]
        if stated == rows_sum:
            continue
        values = {
            "column": column.header,
            "computed": format_number(rows_sum),
            "stated": format_number(stated),
            "rows": len(summed),
        }
        if abs(stated - rows_sum) <= len(summed):
            notes.append(
                _(
                    "“%(column)s”: the rows add up to %(computed)s, the total row says "
                    "%(stated)s — within rounding (at most one per each of the %(rows)s rows)."
                )
                % values
            )
        else:
            flags.append(
                _("“%(column)s”: the rows add up to %(computed)s, the total row says %(stated)s.")
                % values
            )
    return flags, notes


def _total_area(body: Body) -> base.Area | None:
    """The area the total row is the figure of: the one county of the rows' units, the country
    for counties, else none (the total is then only checked, not kept)."""
    if body.level in (Level.OFFICE, Level.MUNICIPALITY):
        counties = {r.area.county_id for r in body.rows if r.area is not None}
        return base.Area(Level.COUNTY, counties.pop()) if len(counties) == 1 else None
    return base.Area(Level.COUNTRY, None)


def _add_total(table, parsed: base.Parsed, body: Body, period: Period) -> None:
    total = body.total
    assert total is not None
    flags = base._row_flags(table, total.counts, total.stated)
    more, notes = _difference_notes(table, body)
    area = _total_area(body)
    if area is None:
        notes.append(_("The rows are in more than one county, so the total is checked, not kept."))
    preview = base._preview_row(
        table, total.label, total.counts, total.stated, flags + more, total=True
    )
    preview["notes"] = notes
    parsed.rows.insert(0, preview)
    parsed.observations += base._observations(total.counts, area, period)
