"""Reading key-figure tables: CSV and XLSX shaped like NAV's reports, the long format for
scheduled extracts, and JSON-stat 2.0 from Statistics Norway.

Everything here is pure reading and checking; :mod:`.services` stores the result. A file with any
error gives every error found (file, row, column) and nothing else; a file without errors gives
the rows for the preview, each with the ways its stated shares or totals disagree with its counts
(flags), and the observations to write. Shares are never stored: they follow from the counts.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl.utils import get_column_letter

from partnerskap.core.tables import Limits, TableRefused, check_size, read_table
from partnerskap.core.templatetags.norsk import format_number
from partnerskap.registry.models import County, Municipality, Office

from . import mapping, shares
from .models import Level
from .periods import Period, PeriodError, parse_period

MAX_ERRORS = 20
TOTAL_LABELS = {"totalt", "i alt", "total", "sum"}


@dataclass(frozen=True)
class Column:
    header: str
    role: str  # "unit", "count", "share", "indicator", "period", "value"
    indicator: str = ""
    of: str = ""  # for a share: the count it is a share of


@dataclass(frozen=True)
class Table:
    code: str
    name: str
    columns: tuple[Column, ...]
    parts: tuple[str, ...] = ()  # counts that add up to `whole`
    whole: str = ""

    def counts(self) -> list[Column]:
        return [c for c in self.columns if c.role == "count"]


UNIT = Column("Enhet", "unit")
TABLES = [
    Table(
        "digital_follow_up",
        gettext_lazy("digital follow-up per office"),
        (
            UNIT,
            Column("Andel digital oppfølging", "share", "users_digital", "users_followed_up"),
            Column("Antall digital oppfølging", "count", "users_digital"),
            Column("Andel manuell oppfølging", "share", "users_manual", "users_followed_up"),
            Column("Antall manuell oppfølging", "count", "users_manual"),
            Column("Antall brukere totalt", "count", "users_followed_up"),
        ),
        parts=("users_digital", "users_manual"),
        whole="users_followed_up",
    ),
    Table(
        "agreed_activity",
        gettext_lazy("users in an agreed activity"),
        (
            UNIT,
            Column("Andel i avtalt aktivitet", "share", "users_agreed_activity", "users_follow_up"),
            Column("Antall brukere i avtalt aktivitet", "count", "users_agreed_activity"),
            Column("Antall brukere i arbeidsrettet oppfølging", "count", "users_follow_up"),
        ),
    ),
    Table(
        "activity_types",
        gettext_lazy("activities per type"),
        (
            UNIT,
            Column(
                "Antall brukere som har opprettet aktivitet selv", "count", "users_own_activity"
            ),
            Column("Antall brukere i arbeidsrettet oppfølging", "count", "users_follow_up"),
            Column(
                "Andel brukere som har opprettet aktivitet selv",
                "share",
                "users_own_activity",
                "users_follow_up",
            ),
            Column("Jobb jeg har nå", "count", "activity_current_job"),
            Column("En jobb jeg vil søke på", "count", "activity_job_to_apply"),
            Column("Jobbrettet egenaktivitet", "count", "activity_job_oriented"),
        ),
    ),
    Table(
        "long",
        gettext_lazy("one figure per row"),
        (
            Column("Indikator", "indicator"),
            UNIT,
            Column("Periode", "period"),
            Column("Verdi", "value"),
        ),
    ),
]
TABLES_BY_CODE = {t.code: t for t in TABLES}
LONG = TABLES_BY_CODE["long"]
WIDE_TABLES = [t for t in TABLES if t.code != "long"]


def _norm(text: object) -> str:
    return re.sub(r"\s+", " ", str(text or "")).strip().casefold()


@dataclass
class Parsed:
    """A checked file: what the preview shows and what commit writes."""

    table: str
    headers: list[str]
    rows: list[dict] = field(default_factory=list)
    observations: list[list] = field(default_factory=list)
    # [file header, the table column it was taken as ("" for none)], for the preview
    mapping: list[list[str]] = field(default_factory=list)
    # the table's columns the file does not have (nothing is read for them)
    missing: list[str] = field(default_factory=list)
    # how the columns were chosen (mapping.reading), for a table with one row per unit
    reading: dict = field(default_factory=dict)

    def preview(self) -> dict:
        """What the preview page and the API show, kept on the batch."""
        return {
            "headers": self.headers,
            "rows": self.rows,
            "mapping": self.mapping,
            "missing": self.missing,
            "reading": self.reading,
        }

    @property
    def flagged(self) -> int:
        return sum(1 for row in self.rows if row["flags"])


class Problems:
    """Collects every error in a file, each saying where, and raises them together."""

    def __init__(self, file_name: str) -> None:
        self.file_name = file_name
        self.messages: list[str] = []

    def add(self, message: str, *, row: int | None = None, column: str | None = None) -> None:
        where = {"file": self.file_name, "row": row, "column": column}
        if row is not None and column is not None:
            text = _("%(file)s, row %(row)s, column “%(column)s”: %(message)s")
        elif row is not None:
            text = _("%(file)s, row %(row)s: %(message)s")
        else:
            text = _("%(file)s: %(message)s")
        if len(self.messages) < MAX_ERRORS:
            self.messages.append(text % {**where, "message": message})

    def __bool__(self) -> bool:
        return bool(self.messages)

    def raise_if_any(self) -> None:
        if self.messages:
            raise ValidationError({"file": self.messages})


# --- reading the grid -----------------------------------------------------------------------


# Key-figure tables are a few hundred rows wide-format, or up to a year of figures per row
LIMITS = Limits(max_bytes=20 * 1024 * 1024, max_rows=100_000, max_columns=100)


def check_upload(name: str, size: int) -> None:
    """Refuse an upload by its size before it is read."""
    try:
        check_size(name, size, LIMITS)
    except TableRefused as exc:
        raise ValidationError({"file": exc.text}) from None


def read_grid(name: str, data: bytes, problems: Problems) -> list[list[object]]:
    """The file's non-empty rows as lists of cells (header first), or problems."""
    try:
        rows = read_table(name, data, LIMITS)
    except TableRefused as exc:
        problems.messages.append(exc.text)
        return []
    return [row for row in rows if any(cell not in (None, "") for cell in row)]


def detect_table(headers: list[object], problems: Problems) -> tuple[Table, list[int]] | None:
    """The table the header row names, and the file column of each of its columns."""
    found = {_norm(h): i for i, h in enumerate(headers)}

    def missing(table: Table) -> list[Column]:
        return [c for c in table.columns if _norm(c.header) not in found]

    best = min(TABLES, key=lambda t: (len(missing(t)), TABLES.index(t)))
    absent = missing(best)
    if len(absent) == len(best.columns):
        problems.add(
            _(
                "row 1 names no table we know. The first row must hold the column names, "
                "e.g. %(example)s."
            )
            % {"example": "; ".join(c.header for c in TABLES[0].columns)},
            row=1,
        )
        return None
    for column in absent:
        problems.add(
            _("the column “%(column)s” is missing; the table of %(table)s needs it.")
            % {"column": column.header, "table": best.name},
            row=1,
        )
    if absent:
        return None
    return best, [found[_norm(c.header)] for c in best.columns]


# --- cells ----------------------------------------------------------------------------------

_SPACES = re.compile(r"[\s\u00a0\u202f]")


def _text(cell: object) -> str:
    return "" if cell is None else str(cell).strip()


def parse_count(cell: object) -> int:
    """A non-negative whole number written the Norwegian way (15 726) or as a spreadsheet number."""
    if isinstance(cell, bool):
        raise ValueError
    if isinstance(cell, int):
        value = cell
    elif isinstance(cell, float):
        if not math.isfinite(cell) or cell != int(cell):
            raise ValueError
        value = int(cell)
    else:
        text = _SPACES.sub("", _text(cell))
        if not re.fullmatch(r"\d+", text):
            raise ValueError
        value = int(text)
    if value < 0:
        raise ValueError
    return value


def parse_decimal(cell: object) -> Decimal:
    """A number such as 94,5 or 94.5 or a spreadsheet number."""
    if isinstance(cell, bool):
        raise ValueError
    if isinstance(cell, int):
        return Decimal(cell)
    if isinstance(cell, float):
        if not math.isfinite(cell):
            raise ValueError
        return Decimal(str(cell))
    text = _SPACES.sub("", _text(cell)).replace(",", ".").rstrip("%")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError from None
    if not value.is_finite():
        raise ValueError
    return value


# --- areas ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Area:
    level: str
    pk: int | None
    county_id: int | None = None


class Areas:
    """Looks up offices, counties and municipalities by number: one query per kind."""

    def __init__(self, numbers: Iterable[str], on: date) -> None:
        wanted = set(numbers)
        self.on = on
        self.offices = self._pick(Office.objects.filter(unit_number__in=wanted), "unit_number")
        self.counties = self._pick(County.objects.filter(number__in=wanted), "number")
        self.municipalities = self._pick(Municipality.objects.filter(number__in=wanted), "number")

    def _pick(self, qs, attribute: str) -> dict:
        """By number, the one valid on the period's last day, else the latest."""
        chosen: dict = {}
        for obj in qs.order_by("valid_from"):
            key = getattr(obj, attribute)
            current = chosen.get(key)
            if current is None or not current.is_valid_on(self.on) or obj.is_valid_on(self.on):
                chosen[key] = obj
        return chosen

    def office(self, number: str) -> Area | None:
        office = self.offices.get(number)
        return office and Area(Level.OFFICE, office.pk, office.county_id)

    def county(self, number: str) -> Area | None:
        county = self.counties.get(number)
        return county and Area(Level.COUNTY, county.pk, county.pk)

    def municipality(self, number: str) -> Area | None:
        municipality = self.municipalities.get(number)
        return municipality and Area(Level.MUNICIPALITY, municipality.pk, municipality.county_id)


def unit_number(cell: object) -> str:
    """“1502 NAV Molde” → “1502”; “Totalt” → “”."""
    match = re.match(r"\s*(\d{2,4})\b", _text(cell))
    return match.group(1) if match else ""


def is_total_label(cell: object) -> bool:
    return _norm(re.sub(r"<[^>]+>", "", _text(cell))) in TOTAL_LABELS


# --- wide tables (one row per office or county) ---------------------------------------------


def parse_table(
    name: str, data: bytes, period: Period | None, indicator_codes: set[str], **mapped
) -> Parsed:
    """``mapped``: how to choose the columns (recall, fixed, changes: see mapping.choose)."""
    problems = Problems(name)
    grid = read_grid(name, data, problems)
    problems.raise_if_any()
    if not grid:
        problems.add(_("the file is empty."))
        problems.raise_if_any()
    if any(_norm(h) == _norm(LONG.columns[0].header) for h in grid[0]):
        detected = detect_table(grid[0], problems)
        problems.raise_if_any()
        table, positions = detected
        return _parse_long(problems, table, grid, positions, indicator_codes)
    mapped.setdefault("recall", lambda fingerprints: {})
    choice = mapping.choose(WIDE_TABLES, grid, problems, **mapped)
    if choice is None:
        problems.add(_no_table_message(), row=1)
        problems.raise_if_any()
    if period is None:
        problems.add(_("say which period the table covers."))
        problems.raise_if_any()
    from .wide import parse_wide

    parsed = parse_wide(problems, choice.found, grid, period)
    parsed.reading = mapping.reading(choice)
    return parsed


def _no_table_message() -> str:
    known = "; ".join(
        _("%(table)s (%(columns)s)")
        % {"table": t.name, "columns": ", ".join(c.header for c in t.columns)}
        for t in WIDE_TABLES
    )
    return _(
        "no row names the columns of a table we know, so nothing could be read. The tables we "
        "know, with their columns, are: %(tables)s. One figure per row works too: %(long)s."
    ) % {"tables": known, "long": ", ".join(c.header for c in LONG.columns)}


def _row_values(
    problems: Problems, index: int, cells: dict[Column, object]
) -> tuple[dict[str, int], dict[str, Decimal]]:
    counts: dict[str, int] = {}
    stated: dict[str, Decimal] = {}
    for column, cell in cells.items():
        if column.role == "count":
            try:
                counts[column.indicator] = parse_count(cell)
            except ValueError:
                problems.add(
                    _("“%(value)s” is not a whole number of people.") % {"value": _text(cell)},
                    row=index,
                    column=column.header,
                )
        elif column.role == "share" and _text(cell) != "":
            try:
                value = parse_decimal(cell)
            except ValueError:
                problems.add(
                    _("“%(value)s” is not a share in per cent.") % {"value": _text(cell)},
                    row=index,
                    column=column.header,
                )
                continue
            if not 0 <= value <= 100:
                problems.add(
                    _("the share %(value)s is not between 0 and 100 per cent.")
                    % {"value": format_number(value)},
                    row=index,
                    column=column.header,
                )
            stated[column.header] = value
    return counts, stated


def _row_flags(table: Table, counts: dict[str, int], stated: dict[str, Decimal]) -> list[str]:
    """How the row's stated shares and totals disagree with its counts."""
    flags: list[str] = []
    for column in table.columns:
        if column.role != "share" or column.header not in stated:
            continue
        part, whole = counts.get(column.indicator), counts.get(column.of)
        if part is None or whole is None:
            continue
        if part > whole:
            flags.append(
                _("%(part)s is more than %(whole)s.")
                % {"part": format_number(part), "whole": format_number(whole)}
            )
            continue
        problem = shares.check_share(part, whole, stated[column.header])
        if problem is not None:
            flags.append(
                _("“%(column)s” says %(stated)s %%, but %(part)s of %(whole)s is %(computed)s %%.")
                % {
                    "column": column.header,
                    "stated": format_number(problem.stated),
                    "part": format_number(part),
                    "whole": format_number(whole),
                    "computed": format_number(problem.computed)
                    if problem.computed is not None
                    else "–",
                }
            )
    if table.parts and all(p in counts for p in (*table.parts, table.whole)):
        problem = shares.check_total([counts[p] for p in table.parts], counts[table.whole])
        if problem is not None:
            flags.append(
                _("The parts add up to %(computed)s, but the row's total is %(stated)s.")
                % {
                    "computed": format_number(problem.computed),
                    "stated": format_number(problem.stated),
                }
            )
    return flags


def _computed_shares(table: Table, counts: dict[str, int]) -> dict[str, str]:
    result = {}
    for column in table.columns:
        if column.role == "share":
            part, whole = counts.get(column.indicator), counts.get(column.of)
            value = shares.per_cent(part, whole) if part is not None and whole is not None else None
            result[column.header] = "–" if value is None else format_number(value)
    return result


def _preview_row(
    table: Table,
    label: str,
    counts: dict[str, int],
    stated: dict[str, Decimal],
    flags: list[str],
    *,
    total: bool,
) -> dict:
    computed = _computed_shares(table, counts)
    cells = []
    for column in table.columns[1:]:
        if column.role == "count":
            cells.append([format_number(counts.get(column.indicator)), ""])
        else:
            shown = format_number(stated[column.header]) if column.header in stated else ""
            cells.append([shown, computed[column.header]])
    return {"label": label, "cells": cells, "flags": flags, "total": total}


def _observations(
    counts: dict[str, int], area: Area | None, period: Period, *, label: str = ""
) -> list[list]:
    """The rows write_observations takes; a pseudo-unit's name rides along as an eighth."""
    if area is None:
        return []
    extra = [label] if label else []
    return [
        [
            code,
            area.level,
            area.pk,
            period.kind,
            period.start.isoformat(),
            period.end.isoformat(),
            str(value),
            *extra,
        ]
        for code, value in counts.items()
    ]


# --- the long format: indicator; unit; period; value ----------------------------------------


def iter_long(
    problems: Problems, grid: Iterable[list], positions: list[int], indicator_codes: set[str]
) -> Iterator[tuple[int, str, str, Period, Decimal]]:
    """(row, indicator, area number, period, value) for each row; errors go to ``problems``."""
    ind_at, unit_at, period_at, value_at = positions
    periods: dict[str, Period] = {}
    for index, row in enumerate(grid, start=2):
        code = _text(row[ind_at]) if ind_at < len(row) else ""
        if code not in indicator_codes:
            problems.add(
                _("“%(value)s” is not the code of an indicator.") % {"value": code},
                row=index,
                column="Indikator",
            )
            continue
        number = _text(row[unit_at]) if unit_at < len(row) else ""
        text = _text(row[period_at]) if period_at < len(row) else ""
        try:
            period = periods.get(text) or periods.setdefault(text, parse_period(text))
        except PeriodError as exc:
            problems.add(str(exc), row=index, column="Periode")
            continue
        try:
            value = parse_decimal(row[value_at] if value_at < len(row) else "")
        except ValueError:
            problems.add(
                _("“%(value)s” is not a number.")
                % {"value": _text(row[value_at] if value_at < len(row) else "")},
                row=index,
                column="Verdi",
            )
            continue
        yield index, code, number, period, value


def resolve_area(areas: Areas, number: str, *, municipal: bool = False) -> Area | None:
    """Four digits are an office (a municipality first in ``municipal`` data such as SSB's)."""
    if number in ("0", "00", "Norge", "Hele landet"):
        return Area(Level.COUNTRY, None)
    if len(number) == 4 and municipal:
        return areas.municipality(number) or areas.office(number)
    if len(number) == 4:
        return areas.office(number) or areas.municipality(number)
    if len(number) == 2:
        return areas.county(number)
    return None


def _parse_long(problems, table, grid, positions, indicator_codes) -> Parsed:
    numbers = {_text(row[positions[1]]) for row in grid[1:] if positions[1] < len(row)}
    areas = Areas(numbers, date.today())
    parsed = Parsed(table.code, [c.header for c in table.columns])
    seen: dict[tuple, int] = {}
    for index, code, number, period, value in iter_long(
        problems, grid[1:], positions, indicator_codes
    ):
        area = resolve_area(areas, number)
        if area is None:
            problems.add(
                _("no office, municipality or county has the number %(number)s.")
                % {"number": number},
                row=index,
                column=UNIT.header,
            )
            continue
        key = (code, area, period)
        if key in seen:
            problems.add(
                _("the same figure is already in row %(row)s.") % {"row": seen[key]}, row=index
            )
            continue
        seen[key] = index
        parsed.rows.append(
            {
                "label": code,
                "cells": [[number, ""], [period.label, ""], [format_number(value), ""]],
                "flags": [],
                "total": False,
            }
        )
        parsed.observations.append(
            [
                code,
                area.level,
                area.pk,
                period.kind,
                period.start.isoformat(),
                period.end.isoformat(),
                str(value),
            ]
        )
    problems.raise_if_any()
    return parsed


# --- JSON-stat 2.0 --------------------------------------------------------------------------


def _region_code(code: str) -> str:
    return re.sub(r"^[A-Za-z]+-", "", code)


def _time_period(code: str) -> Period:
    match = re.fullmatch(r"(\d{4})M(\d{2})", code)
    if match:
        return parse_period(f"{match.group(1)}-{match.group(2)}")
    return parse_period(code)


def parse_jsonstat(name: str, data: bytes, indicators: dict[str, str]) -> Parsed:
    """A JSON-stat 2.0 dataset with a region, a time and a contents dimension.

    ``indicators`` maps the source's contents codes to indicator codes.
    """
    problems = Problems(name)
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        problems.add(_("the file is not JSON: %(error)s.") % {"error": exc})
        problems.raise_if_any()
    if not isinstance(doc, dict) or doc.get("class") != "dataset":
        problems.add(_("the file is not a JSON-stat 2.0 dataset (class “dataset”)."))
        problems.raise_if_any()
    ids, sizes, dims = doc.get("id") or [], doc.get("size") or [], doc.get("dimension") or {}
    if len(ids) != len(sizes):
        problems.add(
            _("“id” names %(ids)s dimensions but “size” gives %(sizes)s.")
            % {"ids": len(ids), "sizes": len(sizes)}
        )
        problems.raise_if_any()
    categories: list[list[str]] = []
    for dim, size in zip(ids, sizes, strict=True):
        index = ((dims.get(dim) or {}).get("category") or {}).get("index")
        if isinstance(index, dict):
            keys = [k for k, _v in sorted(index.items(), key=lambda kv: kv[1])]
        elif isinstance(index, list):
            keys = list(index)
        else:
            keys = list((((dims.get(dim) or {}).get("category") or {}).get("label") or {}).keys())
        if len(keys) != size:
            problems.add(
                _("the dimension “%(dim)s” has %(count)s categories, but “size” says %(size)s.")
                % {"dim": dim, "count": len(keys), "size": size}
            )
        categories.append(keys)
    problems.raise_if_any()
    role = doc.get("role") or {}
    region_dim = _dimension(ids, role.get("geo"), ("Region", "region", "KOKkommuneregion0000"))
    time_dim = _dimension(ids, role.get("time"), ("Tid", "time", "Time"))
    metric_dim = _dimension(ids, role.get("metric"), ("ContentsCode", "contents"))
    for what, dim in (("region", region_dim), ("time", time_dim), ("contents", metric_dim)):
        if dim is None:
            problems.add(_("the dataset has no %(what)s dimension.") % {"what": what})
    problems.raise_if_any()
    values = doc.get("value")
    total = math.prod(sizes)
    if isinstance(values, list) and len(values) != total:
        problems.add(
            _("“value” holds %(count)s numbers, but the dimensions give %(total)s cells.")
            % {"count": len(values), "total": total}
        )
    problems.raise_if_any()
    cells = values if isinstance(values, list) else [None] * total
    if isinstance(values, dict):
        for key, value in values.items():
            if str(key).isdigit() and int(key) < total:
                cells[int(key)] = value
    regions = {_region_code(code) for code in categories[ids.index(region_dim)]}
    areas = Areas(regions, date.today())
    parsed = Parsed("jsonstat", [region_dim, time_dim, metric_dim, "value"])
    strides = [math.prod(sizes[i + 1 :]) for i in range(len(sizes))]
    for flat, value in enumerate(cells):
        if value is None:
            continue  # suppressed or missing at the source
        position = {
            dim: categories[i][(flat // strides[i]) % sizes[i]] for i, dim in enumerate(ids)
        }
        where = _("cell %(index)s (%(cell)s)") % {
            "index": flat,
            "cell": ", ".join(f"{d}={position[d]}" for d in ids),
        }
        code = indicators.get(position[metric_dim])
        region = _region_code(position[region_dim])
        area = resolve_area(areas, region, municipal=True)
        if code is None:
            problems.add(
                _("%(where)s: no indicator has the contents code “%(code)s”.")
                % {"where": where, "code": position[metric_dim]}
            )
            continue
        if area is None:
            problems.add(
                _("%(where)s: no municipality, office or county has the number %(number)s.")
                % {"where": where, "number": region}
            )
            continue
        try:
            period = _time_period(position[time_dim])
            number = parse_decimal(value)
        except PeriodError as exc:
            problems.add(f"{where}: {exc}")
            continue
        except ValueError:
            problems.add(
                _("%(where)s: “%(value)s” is not a number.") % {"where": where, "value": value}
            )
            continue
        parsed.rows.append(
            {
                "label": region,
                "cells": [
                    [period.label, ""],
                    [position[metric_dim], ""],
                    [format_number(number), ""],
                ],
                "flags": [],
                "total": False,
            }
        )
        parsed.observations.append(
            [
                code,
                area.level,
                area.pk,
                period.kind,
                period.start.isoformat(),
                period.end.isoformat(),
                str(number),
            ]
        )
    problems.raise_if_any()
    return parsed


def _dimension(ids: list[str], role: list[str] | None, names: tuple[str, ...]) -> str | None:
    if role:
        return role[0] if role[0] in ids else None
    return next((dim for dim in ids if dim in names), None)


def column_letter(index: int) -> str:
    return get_column_letter(index + 1)
