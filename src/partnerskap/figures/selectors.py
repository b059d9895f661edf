"""Reads for the figures pages, API and documents: every figure leaves here suppressed.

Nothing outside this module sees a raw count. A :class:`FigureTable` is what every page, chart,
PDF and API response shows: counts from 1 to the threshold as ":", further cells hidden so that
no hidden count can be worked out from totals or parts (suppression.suppress), and shares shown
only when both their counts are.

An office's counts for a period are decided once, in the county table of that period
(:func:`county_decisions`); every other view of those counts reads them from there, so that what
all the views show together gives away no more than the county table alone (decision 0015).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import Q, QuerySet, Subquery
from django.http import Http404

from partnerskap.core.models import User
from partnerskap.registry.models import County, Office, Partnership
from partnerskap.registry.selectors import partnership_for_user

from . import catalogue, shares
from .models import (
    FigureBlock,
    ImportBatch,
    Indicator,
    Level,
    Observation,
    StatusReport,
    Unit,
)
from .periods import Period, parse_period
from .suppression import DEFAULT_THRESHOLD, SUPPRESSED, suppress

Cell = int | Decimal | str | None  # a value, ":" when suppressed, None when there is none

# The digital follow-up table's parts and whole: digital + manual = all followed up.
PARTS = {"users_followed_up": ("users_digital", "users_manual")}


def threshold() -> int:
    return getattr(settings, "FIGURES_SUPPRESSION_THRESHOLD", DEFAULT_THRESHOLD)


# --- access ---------------------------------------------------------------------------------


def batch_for_user(user: User, partnership: Partnership, pk: int) -> ImportBatch:
    try:
        return ImportBatch.objects.select_related("created_by").get(pk=pk, partnership=partnership)
    except ImportBatch.DoesNotExist:
        raise Http404 from None


def report_for_user(user: User, pk: int, *, change: bool = False) -> StatusReport:
    """The one access function for status reports: 404 outside the partnership, 403 to readers."""
    partnership_id = (
        StatusReport.objects.filter(pk=pk).values_list("partnership_id", flat=True).first()
    )
    if partnership_id is None:
        raise Http404
    partnership = partnership_for_user(user, partnership_id, change=change)
    report = (
        StatusReport.objects.select_related("item__meeting", "frozen_attachment")
        .prefetch_related("sections__blocks__indicator")
        .get(pk=pk)
    )
    report.partnership = partnership
    return report


def block_for_user(user: User, pk: int) -> FigureBlock:
    block = FigureBlock.objects.select_related("section__report").filter(pk=pk).first()
    if block is None:
        raise Http404
    report_for_user(user, block.section.report_id, change=True)
    return block


# --- reading ---------------------------------------------------------------------------------


def indicators() -> list[Indicator]:
    return list(Indicator.objects.select_related("numerator", "denominator"))


def imports(partnership: Partnership) -> QuerySet[ImportBatch]:
    return (
        ImportBatch.objects.filter(partnership=partnership)
        .select_related("created_by")
        .defer("preview", "observations")
        .order_by("-created_at", "-pk")
    )


def reports(partnership: Partnership) -> QuerySet[StatusReport]:
    return (
        StatusReport.objects.filter(partnership=partnership)
        .select_related("item__meeting")
        .order_by("-created_at", "-pk")
    )


def own_offices(partnership: Partnership) -> list[Office]:
    """The partnership's office and the offices it replaced (a merger's predecessors)."""
    return list(
        Office.objects.filter(Q(pk=partnership.office_id) | Q(replaced_by=partnership.office_id))
        .select_related("county")
        .order_by("-valid_from", "unit_number")
    )


def latest_office(partnership: Partnership, offices: list[Office]) -> int | None:
    """Which of the offices has the most recent figures."""
    return (
        Observation.objects.filter(partnership=partnership, is_current=True, office__in=offices)
        .order_by("-period_start", "office_id")
        .values_list("office_id", flat=True)
        .first()
    )


def observed_periods(partnership: Partnership, level: str | None = None) -> list[Period]:
    qs = Observation.objects.filter(partnership=partnership, is_current=True)
    if level:
        qs = qs.filter(level=level)
    rows = qs.values_list("period_start", "period_end", "period_kind").distinct()
    return sorted({Period(start, end, kind) for start, end, kind in rows}, reverse=True)


def _values(partnership: Partnership, **filters) -> list[tuple]:
    return list(
        Observation.objects.filter(partnership=partnership, is_current=True, **filters).values_list(
            "indicator__code",
            "level",
            "office_id",
            "municipality_id",
            "county_id",
            "period_start",
            "period_end",
            "period_kind",
            "value",
        )
    )


def _area_id(level: str, office_id, municipality_id, county_id) -> int | None:
    return {Level.OFFICE: office_id, Level.MUNICIPALITY: municipality_id,
            Level.COUNTY: county_id}.get(level)  # fmt: skip


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
    counts = [c for c in columns if c.unit == Unit.COUNT and not c.is_derived]
    codes = {c.code for c in counts}
    shown: dict[tuple[object, str], Cell] = {}
    groups: list[tuple[list[str], str | None]] = []
    grouped: set[str] = set()
    for whole, parts in PARTS.items():
        if whole in codes and all(p in codes for p in parts):
            groups.append((list(parts), whole))
            grouped |= {whole, *parts}
    groups += [([c.code], None) for c in counts if c.code not in grouped]
    has_total = total_row is not None
    for parts, whole in groups:
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
            continue
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
            column_totals=has_total,
            hide=hide,
            known=known,
        )
        for i, row in enumerate(group_rows):
            for j, code in enumerate(parts):
                present = (row.key, code) in raw
                shown[(row.key, code)] = table.cell(i, j) if present else None
            if whole is not None:
                shown[(row.key, whole)] = table.row_total(i)
        if has_total:
            for j, code in enumerate(parts):
                if any((row.key, code) in raw for row in group_rows):
                    shown[(total_row.key, code)] = table.column_total(j)
            if whole is not None:
                shown[(total_row.key, whole)] = table.grand_total()
    every_row = rows + ([total_row] if has_total else [])
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
