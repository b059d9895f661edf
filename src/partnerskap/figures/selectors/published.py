"""The published tables and the views that read them: an office's count is decided once, in
its county's table, and every other view shows it as that table does (decision 0015)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Subquery

from partnerskap.registry.models import County, Office, Partnership

from .. import shares
from ..models import (
    Indicator,
    Level,
    Observation,
    Unit,
)
from ..periods import Period, parse_period
from ..suppression import SUPPRESSED
from .reading import Cell, _area_id, _values, indicators, own_offices, threshold
from .tables import FigureTable, Row, build_table, with_counts

# --- the published tables and the views that read them ---------------------------------------
#
# An office's count for a period is published once, in the county table of that period (every
# office of the county with figures, and the sum of the offices). That table decides which of
# its cells are hidden (primary and secondary); every other view - the office over time, period
# against period, office against county and country, status report blocks, charts, PDFs and the
# API - shows an office's cell exactly as the county table does, and hides the county's own
# figure wherever the sum of the offices is hidden. The union of all views thus shows no more
# than the county table alone (decision 0015).


def county_decisions(
    partnership: Partnership,
    county: County | int | Subquery,
    columns: list[Indicator],
    periods: list[Period] | None = None,
    office: Office | int | None = None,
) -> dict[Period, FigureTable]:
    """The county table of each period (``columns`` already :func:`with_counts`), decided once.

    One query whatever the number of offices and periods. With ``periods`` only those; with
    ``office`` only the periods in which that office has figures. Rows are keyed by office pk in
    the order of the county page (unit number, then valid from), the sum row by ``"total"``.
    """
    filters = {}
    if periods is not None:
        if not periods:
            return {}
        filters["period_start__gte"] = min(p.start for p in periods)
        filters["period_start__lte"] = max(p.start for p in periods)
    found = Observation.objects.filter(
        partnership=partnership,
        is_current=True,
        level=Level.OFFICE,
        office__county=county,
        indicator__in=columns,
        **filters,
    ).values_list(
        "indicator__code",
        "office_id",
        "office__unit_number",
        "office__valid_from",
        "office__name",
        "period_start",
        "period_end",
        "period_kind",
        "value",
    )
    wanted = None if periods is None else set(periods)
    office_id = office.pk if isinstance(office, Office) else office
    raw: dict[Period, dict] = {}
    order: dict[int, tuple] = {}
    names: dict[int, str] = {}
    for code, pk, number, valid_from, name, start, end, kind, value in found:
        period = Period(start, end, kind)
        if wanted is not None and period not in wanted:
            continue
        raw.setdefault(period, {})[(pk, code)] = value
        order[pk] = (number, valid_from, pk)
        names[pk] = f"{number} {name}"
    limit = threshold()
    tables = {}
    for period, values in raw.items():
        keys = sorted({pk for pk, _code in values}, key=order.__getitem__)
        if office_id is not None and office_id not in keys:
            continue
        rows = [Row(pk, names[pk]) for pk in keys]
        total = Row("total", "", total=True)
        tables[period] = build_table(columns, rows, values, total_row=total, limit=limit)
    return tables


def _empty_row(key: object, label: str, columns: list[Indicator], **flags) -> Row:
    return Row(key, label, [None] * len(columns), **flags)


def _hide_with(row: Row, columns: list[Indicator], published: Row | None) -> None:
    """Hide in ``row`` every count ``published`` hides, then every share of a hidden count."""
    if published is None:
        return
    codes = [c.code for c in columns]
    for j, column in enumerate(columns):
        count = column.unit == Unit.COUNT and not column.is_derived
        if count and published.cells[j] == SUPPRESSED and row.cells[j] is not None:
            row.cells[j] = SUPPRESSED
    for j, column in enumerate(columns):
        if column.is_derived and row.cells[j] is not None:
            inputs = (column.numerator.code, column.denominator.code)
            if any(row.cells[codes.index(code)] == SUPPRESSED for code in inputs):
                row.cells[j] = SUPPRESSED


def _office_county(office_id: int) -> Subquery:
    return Subquery(Office.objects.filter(pk=office_id).values("county_id")[:1])


def area_rows(
    partnership: Partnership,
    level: str,
    area_id: int | None,
    periods: list[Period],
    columns: list[Indicator],
) -> dict[Period, Row]:
    """One area's row in each period (``columns`` already :func:`with_counts`), hidden wherever
    its published table hides it: an office's cells as in its county table, the county's own
    figure wherever the sum of the county's offices is hidden."""
    result = {p: _empty_row(p, p.label, columns) for p in periods}
    if level == Level.OFFICE:
        tables = county_decisions(partnership, _office_county(area_id), columns, periods)
        for period, table in tables.items():
            row = table.row(area_id)
            if row is not None:
                result[period].cells = list(row.cells)
        return result
    raw: dict = {}
    for code, lvl, office_id, municipality_id, county_id, start, end, kind, value in _values(
        partnership,
        level=level,
        indicator__in=columns,
        period_start__in=[p.start for p in periods],
    ):
        period = Period(start, end, kind)
        if period in result and _area_id(lvl, office_id, municipality_id, county_id) == area_id:
            raw[(period, code)] = value
    for period in periods:
        build_table(columns, [result[period]], raw)
    if level == Level.COUNTY:
        tables = county_decisions(partnership, area_id, columns, periods)
        for period, table in tables.items():
            _hide_with(result[period], columns, table.rows[-1])
    return result


def office_over_time(
    partnership: Partnership, office: Office, columns: list[Indicator], every: list[Indicator]
) -> FigureTable:
    """One row per period, newest first, for one office: its rows of the county tables."""
    columns = with_counts(columns, every)
    tables = county_decisions(partnership, office.county_id, columns, office=office)
    rows = []
    for period in sorted(tables, reverse=True):
        rows.append(Row(period, period.label, list(tables[period].row(office.pk).cells)))
    return FigureTable(columns, rows, threshold())


def county_table(
    partnership: Partnership,
    county: County,
    period: Period,
    columns: list[Indicator],
    every: list[Indicator],
) -> FigureTable:
    """Every office of the county with figures in the period, the partnership's own marked,
    and the sum of the offices as the last row."""
    columns = with_counts(columns, every)
    own = {o.pk for o in own_offices(partnership)}
    table = county_decisions(partnership, county, columns, [period]).get(period)
    if table is None:
        return FigureTable(columns, [], threshold())
    for row in table.rows:
        row.highlight = row.key in own
    return table


def area_comparison(
    partnership: Partnership,
    office: Office,
    period: Period,
    columns: list[Indicator],
    every: list[Indicator],
) -> FigureTable:
    """The office, its county and the country in one period. The office's row is its row of the
    county table; the county's figure is hidden wherever that table's sum is."""
    columns = with_counts(columns, every)
    published = county_decisions(partnership, office.county_id, columns, [period]).get(period)
    raw: dict = {}
    for code, level, _o, _m, county_id, *_p, value in _values(
        partnership,
        level__in=[Level.COUNTY, Level.COUNTRY],
        period_start=period.start,
        period_end=period.end,
        indicator__in=columns,
    ):
        if level == Level.COUNTY and county_id == office.county_id:
            raw[("county", code)] = value
        elif level == Level.COUNTRY:
            raw[("country", code)] = value
    own = published.row(office.pk) if published else None
    office_row = _empty_row("office", str(office.name), columns, highlight=True)
    if own is not None:
        office_row.cells = list(own.cells)
    rows = [Row("county", str(office.county.name)), Row("country", "Norge")]
    for row in rows:
        build_table(columns, [row], raw)
    _hide_with(rows[0], columns, published.rows[-1] if published else None)
    return FigureTable(columns, [office_row, *rows], threshold())


@dataclass
class ComparedFigure:
    indicator: Indicator
    before: Cell
    after: Cell
    change: Cell
    per_cent: Cell


def period_comparison(
    partnership: Partnership,
    level: str,
    area_id: int | None,
    before: Period,
    after: Period,
    columns: list[Indicator],
    every: list[Indicator],
) -> list[ComparedFigure]:
    """Each figure in two periods with its change and per cent change (hidden with the figure,
    and each figure as hidden as in its published table)."""
    columns = with_counts(columns, every)
    rows = area_rows(partnership, level, area_id, [before, after], columns)
    result = []
    for j, indicator in enumerate(columns):
        old, new = rows[before].cells[j], rows[after].cells[j]
        change: Cell = None
        relative: Cell = None
        if SUPPRESSED in (old, new):
            change = relative = SUPPRESSED
        elif old is not None and new is not None:
            compared = shares.compare(Decimal(old), Decimal(new))
            change, relative = compared.change, compared.per_cent
        result.append(ComparedFigure(indicator, old, new, change, relative))
    return result


def share_of(
    partnership: Partnership, code: str, level: str, area_id: int | None, period_text: str
) -> Cell:
    """One figure as shown (a share computed from its counts, suppressed as they are)."""
    every = indicators()
    indicator = next(i for i in every if i.code == code)
    period = parse_period(period_text)
    columns = with_counts([indicator], every)
    row = area_rows(partnership, level, area_id, [period], columns)[period]
    return row.cells[[c.code for c in columns].index(code)]
