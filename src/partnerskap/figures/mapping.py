"""How a file's columns are read: recognised, remembered, or chosen by the person importing.

Each column of a known table has a key: ``unit`` for the unit column, the indicator's code for a
count, ``part/whole`` for a share (the share of ``part`` in ``whole``). A mapping gives one key
(or "" for a column that is not read) to each column of the file's header row. A mapping a
person confirmed is remembered under the fingerprint of the header row, so the next file with
the same column names is read the same way without asking (docs/decisions/0030). Pure: the
remembered mappings come in as a dict, and :mod:`.columns` keeps them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from . import recognition
from .recognition import Match

UNIT_KEY = "unit"


@dataclass(frozen=True)
class Remembered:
    """A confirmed mapping as :func:`choose` needs it, with who confirmed it and when."""

    table: str
    keys: tuple[str, ...]
    by: str
    on: str  # ISO date


@dataclass
class Choice:
    """The match to read the file by, and how it came about."""

    found: Match
    keys: list[str]
    fingerprint: str
    certain: bool  # recognised by the table's own column names, nothing remembered or changed
    remembered: Remembered | None = None
    changed: bool = False


def reading(choice: Choice) -> dict:
    """What the batch keeps of the choice, to show it and to remember it on commit."""
    memory = choice.remembered
    return {
        "keys": choice.keys,
        "header_row": choice.found.header_row,
        "fingerprint": choice.fingerprint,
        "certain": choice.certain,
        "changed": choice.changed,
        "remembered": {"by": memory.by, "on": memory.on} if memory else None,
    }


def column_key(column) -> str:
    if column.role == "unit":
        return UNIT_KEY
    if column.role == "share":
        return f"{column.indicator}/{column.of}"
    return column.indicator


def choices(table) -> list[tuple[str, str]]:
    """(key, the column's name) for each column of the table, the unit first."""
    return [(column_key(c), c.header) for c in table.columns]


def normalise(header: object) -> str:
    text = re.sub(r"<[^>]+>", " ", str(header if header is not None else ""))
    return re.sub(r"\s+", " ", text).strip().casefold()


def header_cells(headers: list[object]) -> list[str]:
    """The header row without the empty cells a spreadsheet pads it with on the right."""
    cells = [normalise(h) for h in headers]
    while cells and not cells[-1]:
        cells.pop()
    return cells


def fingerprint(headers: list[object]) -> str:
    """The same for header rows that differ only in case, spacing or trailing empty cells."""
    return hashlib.sha256("\x1f".join(header_cells(headers)).encode()).hexdigest()


def keys_of(found: Match, width: int) -> list[str]:
    keys = [""] * width
    for column, position in zip(found.table.columns, found.positions, strict=True):
        if position is not None and position < width:
            keys[position] = column_key(column)
    return keys


def mistakes(table, headers: list[object], keys: list[str]) -> list[tuple[str, str | None]]:
    """What is wrong with reading ``headers`` by ``keys``: (message, file column or None)."""
    known = dict(choices(table))
    found: list[tuple[str, str | None]] = []
    seen: dict[str, str] = {}
    for header, key in zip(headers, keys, strict=False):
        name = str(header if header is not None else "").strip()
        if not key:
            continue
        if key not in known:
            message = _(
                "“%(key)s” is not a column of the table of %(table)s. Choose one of: %(choices)s."
            ) % {"key": key, "table": table.name, "choices": ", ".join(known)}
            found.append((message, name))
        elif key in seen:
            message = _(
                "the columns “%(first)s” and “%(second)s” are both read as “%(column)s”; "
                "choose it for one of them only."
            ) % {"first": seen[key], "second": name, "column": known[key]}
            found.append((message, name))
        else:
            seen[key] = name
    if UNIT_KEY not in seen:
        found.append(
            (_("choose the column that names the offices, municipalities or counties."), None)
        )
    counts = {column_key(c) for c in table.counts()}
    if not counts & set(seen):
        found.append((_("choose at least one column with a number of people."), None))
    return found


def match_by(table, header_row: int, headers: list[object], keys: list[str]) -> Match:
    """The match that reads ``headers`` by ``keys`` (checked with :func:`mistakes` first)."""
    at = {key: index for index, key in enumerate(keys) if key}
    positions = tuple(at.get(column_key(c)) for c in table.columns)
    _is_unit, level = recognition.unit_level(headers[at[UNIT_KEY]])
    return Match(table, header_row, positions, level, 1.0, False)


def choose(
    tables: list,
    grid: list[list[object]],
    problems,
    *,
    recall: Callable[[list[str]], dict[str, Remembered]],
    fixed: tuple[str, int, list[str]] | None = None,
    changes: dict[int, str] | None = None,
) -> Choice | None:
    """How to read the file: as ``fixed`` (table, header row, keys) when given, else as a
    remembered mapping of its header row, else as recognised; then with ``changes`` (file column
    → key) on top. A change that does not fit goes to ``problems``; None if nothing fits."""
    by_code = {t.code: t for t in tables}
    memory = None
    if fixed is not None:
        table, header_row, keys = by_code[fixed[0]], fixed[1], list(fixed[2])
    else:
        table, header_row, keys, memory = _remembered_or_recognised(tables, grid, recall)
        if table is None:
            return None
    headers = list(grid[header_row])
    keys = (keys + [""] * len(headers))[: len(headers)]
    changed = False
    for where, key in (changes or {}).items():
        index = _index(problems, headers, where)
        if index is not None and keys[index] != key:
            keys[index], changed = key, True
    for message, column in mistakes(table, headers, keys):
        problems.add(message, row=header_row + 1, column=column)
    problems.raise_if_any()
    found = match_by(table, header_row, headers, keys)
    certain = fixed is None and memory is None and not changed and _exact(table, headers, keys)
    return Choice(found, keys, fingerprint(headers), certain, memory, changed)


def _index(problems, headers: list[object], where: int | str) -> int | None:
    """The file column a change names: by its number from 0 (the page) or its name (the API)."""
    if isinstance(where, int):
        if 0 <= where < len(headers):
            return where
        problems.add(_("the file has no column number %(number)s.") % {"number": where + 1})
        return None
    names = [normalise(h) for h in headers]
    if normalise(where) in names:
        return names.index(normalise(where))
    problems.add(
        _("the file has no column “%(column)s”. Its columns are: %(columns)s.")
        % {"column": where, "columns": ", ".join(str(h) for h in headers if h not in (None, ""))}
    )
    return None


def _remembered_or_recognised(tables, grid, recall):
    by_code = {t.code: t for t in tables}
    rows = grid[: recognition.HEADER_SEARCH_ROWS]
    remembered = recall([fingerprint(list(headers)) for headers in rows])
    for header_row, headers in enumerate(rows):
        memory = remembered.get(fingerprint(list(headers)))
        if memory is None or memory.table not in by_code:
            continue
        table, keys = by_code[memory.table], list(memory.keys)
        if not mistakes(table, list(headers), keys):
            return table, header_row, keys, memory
    found = recognition.recognise(tables, grid)
    if found is None:
        return None, 0, [], None
    return found.table, found.header_row, keys_of(found, len(grid[found.header_row])), None


def _exact(table, headers: list[object], keys: list[str]) -> bool:
    """Every column of the table is in the file under its own name (the unit under any)."""
    names = {column_key(c): c.header for c in table.columns}
    at = {key: index for index, key in enumerate(keys) if key}
    return all(
        key in at and (key == UNIT_KEY or normalise(headers[at[key]]) == normalise(names[key]))
        for key in names
    )
