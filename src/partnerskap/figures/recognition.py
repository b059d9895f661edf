"""Which known table a file is, from headers worded the way people word them.

NAV's reports, a county adviser's copy and an export from a data warehouse name the same column
in different words: "Andel digital oppfølging", "Andel digital", "% digital", "Digital (andel)".
A header is reduced to its kind (a share or a count) and its topic words, with abbreviations
expanded and filler words dropped, so word order, case, spacing and wording do not matter; the
table whose columns the headers cover best is the one the file is (docs/decisions/0029). The
unit column is found by its name (Enhet, Fylke, Kommune, NAV-kontor, Område …), which also says
the level of the rows, or else it is the first column. The header row need not be the first:
a title above it is passed over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .models import Level

SHARE_WORDS = {"andel", "prosent", "pst", "%", "prosentandel"}
COUNT_WORDS = {"antall", "ant", "tall", "sum"}
# Words that say nothing about which figure a column holds
FILLER = {
    "i", "av", "med", "som", "har", "på", "for", "og", "brukere", "bruker", "personer", "person",
    "nav", "the",
}  # fmt: skip
ABBREVIATIONS = {
    "oppf": "oppfølging",
    "oppfolging": "oppfølging",
    "arb": "arbeidsrettet",
    "arbeidsr": "arbeidsrettet",
    "arbrettet": "arbeidsrettet",
    "akt": "aktivitet",
    "avt": "avtalt",
    "aktiviteter": "aktivitet",
    "man": "manuell",
    "manuelt": "manuell",
    "digitalt": "digital",
    "tot": "totalt",
    "total": "totalt",
    "i alt": "totalt",
}
# The unit column's names, and the level their rows are at (None: decided by the numbers)
UNIT_HEADERS: dict[str, str | None] = {
    "enhet": None,
    "enheter": None,
    "område": None,
    "region": None,
    "geografi": None,
    "enhetsnummer": None,
    "enhetsnr": None,
    "nav-enhet": None,
    "nav enhet": None,
    "fylke": Level.COUNTY,
    "fylker": Level.COUNTY,
    "fylkesnummer": Level.COUNTY,
    "kommune": Level.MUNICIPALITY,
    "kommuner": Level.MUNICIPALITY,
    "kommunenummer": Level.MUNICIPALITY,
    "nav-kontor": Level.OFFICE,
    "nav kontor": Level.OFFICE,
    "kontor": Level.OFFICE,
    "navkontor": Level.OFFICE,
}
MATCH = 0.5  # the least similarity at which a header is taken for a column
HEADER_SEARCH_ROWS = 10


@dataclass(frozen=True)
class Signature:
    kind: str | None  # "share", "count" or None when the header does not say
    topic: frozenset[str]


def signature(header: object) -> Signature:
    text = str(header or "").casefold().replace("%", " % ")
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"[.,:;()\[\]/_\-–]+", " ", text)
    text = re.sub(r"\bi alt\b", "totalt", text)
    words = [ABBREVIATIONS.get(word, word) for word in text.split()]
    kind = None
    if any(word in SHARE_WORDS for word in words):
        kind = "share"
    elif any(word in COUNT_WORDS for word in words):
        kind = "count"
    topic = frozenset(word for word in words if word not in SHARE_WORDS | COUNT_WORDS | FILLER)
    return Signature(kind, topic)


def similarity(header: Signature, column: Signature) -> float:
    """0 (nothing alike) to 1 (the same words and kind)."""
    if not header.topic or not column.topic:
        return 0.0
    if header.kind is not None and header.kind != column.kind:
        return 0.0
    if header.kind is None and column.kind == "share":
        return 0.0  # a bare header holds a number of people, never a per cent
    common = len(header.topic & column.topic)
    if not common:
        return 0.0
    score = common / len(header.topic | column.topic)
    if header.topic <= column.topic or column.topic <= header.topic:
        score = max(score, 0.6)  # "Andel digital" is "Andel digital oppfølging" shortened
    return score


def unit_level(header: object) -> tuple[bool, str | None]:
    """Whether the header names the unit column, and the level it says its rows are at."""
    name = re.sub(r"\s+", " ", str(header or "")).strip().casefold()
    if name in UNIT_HEADERS:
        return True, UNIT_HEADERS[name]
    return False, None


@dataclass(frozen=True)
class Match:
    """A table and where its columns are in the file: ``positions[i]`` is the file column of the
    table's column ``i`` (None when the file does not have it)."""

    table: object  # imports.Table
    header_row: int  # index into the grid
    positions: tuple[int | None, ...]
    level: str | None
    score: float
    certain: bool


def match_table(table, headers: list[object], header_row: int) -> Match | None:
    """How well the headers cover the table's columns; None if no figure column matches."""
    unit_at, level = None, None
    for index, header in enumerate(headers):
        is_unit, said = unit_level(header)
        if is_unit:
            unit_at, level = index, said
            break
    candidates = []
    for position, column in enumerate(table.columns):
        if column.role == "unit":
            continue
        wanted = signature(column.header)
        for index, header in enumerate(headers):
            if index == unit_at:
                continue
            score = 1.0 if _same(header, column.header) else similarity(signature(header), wanted)
            if score >= MATCH:
                candidates.append((score, position, index))
    chosen: dict[int, int] = {}
    used: set[int] = set()
    total = 0.0
    for score, position, index in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if position in chosen or index in used:
            continue
        chosen[position], total = index, total + score
        used.add(index)
    counts = [i for i, c in enumerate(table.columns) if c.role == "count"]
    if not any(i in chosen for i in counts):
        return None
    if unit_at is None:
        unit_at = next((i for i in range(len(headers)) if i not in used), None)
    if unit_at is None:
        return None
    positions = tuple(
        unit_at if column.role == "unit" else chosen.get(i)
        for i, column in enumerate(table.columns)
    )
    figures = len(table.columns) - 1
    exact = all(
        positions[i] is not None and _same(headers[positions[i]], c.header)
        for i, c in enumerate(table.columns)
        if c.role != "unit"
    )
    return Match(table, header_row, positions, level, total / figures, exact)


def _same(header: object, wanted: str) -> bool:
    return re.sub(r"\s+", " ", str(header or "")).strip().casefold() == wanted.casefold()


def recognise(tables: list, grid: list[list[object]]) -> Match | None:
    """The best-covered table over the first rows taken as the header; None if none fits."""
    best: Match | None = None
    for header_row, headers in enumerate(grid[:HEADER_SEARCH_ROWS]):
        for table in tables:
            found = match_table(table, list(headers), header_row)
            if found is None:
                continue
            key = (found.score, found.certain)
            if best is None or key > (best.score, best.certain):
                best = found
    return best
