"""Suppression of small counts, with secondary suppression so nothing hidden can be worked out.

DOMAIN.md C5: counts from 1 up to the threshold (default 3) are shown as ``":"``; zero is shown.

The table
---------
A table is a grid of non-negative counts, optionally with a total for every row (a last column)
and/or a total for every column (a last row, which then also holds the grand total when both are
shown). Totals are always recomputed from the counts. Positions are ``(row, column)`` in the grid
*including* the totals: row ``n_rows`` is the totals row and column ``n_cols`` the totals column.

Every row with a total and every column with a total is a *line*: an equation "the members add up
to the total" that anyone can solve with what is shown. With both totals the row of column totals
and the column of row totals are lines too, both ending in the grand total.

The algorithm
-------------
1. *Primary*: every entry (cell or total) from 1 to ``threshold`` is hidden.
2. *Secondary, line rule*: while some line has exactly one hidden member, that member equals the
   total minus the shown members, so hide one more member of that line: the smallest positive
   cell, else the line's total, else a zero cell (ties broken by position). Repeat to a fixed
   point.
3. *Secondary, exact check*: the line rule is necessary but not sufficient (two blocks of hidden
   cells joined by a single hidden cell let the joining cell be recovered by adding and
   subtracting lines). So the hidden entries are treated as unknowns of the linear system the
   lines give, and an entry counts as recoverable when its unit vector lies in the row space of
   that system (exact Gauss-Jordan elimination, in integers). For the first recoverable
   entry, hide the cheapest shown member of a line through it (as in step 2), or failing that the
   cheapest shown entry anywhere, and go back to step 2.

Every round hides one more entry, so the loop ends; when everything is hidden nothing can be
recovered (each line then has at least two unknowns, and with both totals every entry lies on a
rectangle of hidden entries). What is shown then determines no hidden entry exactly.

Shares follow their counts: a share is shown only if both its numerator and its denominator are
shown (:meth:`SuppressedTable.share`), since a share of a shown total gives away its count and a
share of a shown count gives away the total.

Entries the caller must hide whatever their value (``hide``) count as primary; cells the reader
knows anyway (``known``: a missing figure shown as missing, zero in the totals) are never hidden
to protect another, and a total whose members are all known is known too.

Not covered: bounds (counts are non-negative, so a hidden cell is at most its line's total; the
check is exact for the linear equations only). Tables linked to other published tables are not
this module's concern: the selectors decide each published table once and every other view reads
its cells from that decision (decision 0015).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import reduce
from math import gcd

from .shares import share as compute_share

__all__ = [
    "DEFAULT_THRESHOLD",
    "SUPPRESSED",
    "Position",
    "SuppressedTable",
    "lines",
    "recoverable",
    "suppress",
]

DEFAULT_THRESHOLD = 3
SUPPRESSED = ":"

Position = tuple[int, int]


def lines(
    n_rows: int, n_cols: int, *, row_totals: bool = True, column_totals: bool = False
) -> list[list[Position]]:
    """The equations a reader can use: each line's members, the total last."""
    if n_rows == 0 or n_cols == 0:
        return []
    found: list[list[Position]] = []
    if row_totals:
        found += [[(i, j) for j in range(n_cols + 1)] for i in range(n_rows)]
    if column_totals:
        found += [[(i, j) for i in range(n_rows + 1)] for j in range(n_cols)]
    if row_totals and column_totals:
        found.append([(n_rows, j) for j in range(n_cols + 1)])
        found.append([(i, n_cols) for i in range(n_rows + 1)])
    return found


def recoverable(
    hidden: Iterable[Position], equations: Sequence[Sequence[Position]]
) -> set[Position]:
    """The hidden entries that what is shown determines exactly.

    Each equation says ``sum(members[:-1]) - members[-1] == 0``; shown members are constants.
    ``x_k`` is determined exactly when the unit vector ``e_k`` is in the row space of the
    coefficients of the hidden members.
    """
    unknowns = sorted(set(hidden))
    index = {position: k for k, position in enumerate(unknowns)}
    rows: list[list[int]] = []
    for members in equations:
        row = [0] * len(unknowns)
        for position in members[:-1]:
            if position in index:
                row[index[position]] += 1
        if members[-1] in index:
            row[index[members[-1]]] -= 1
        if any(row):
            rows.append(row)
    basis = _reduced_row_echelon(rows, len(unknowns))
    found: set[Position] = set()
    for row in basis:
        nonzero = [k for k, value in enumerate(row) if value]
        if len(nonzero) == 1:
            found.add(unknowns[nonzero[0]])
    return found


def _reduced_row_echelon(rows: list[list[int]], width: int) -> list[list[int]]:
    """Gauss-Jordan elimination over the integers (exact, and much faster than fractions).

    Rows are scaled rather than divided (``r := lead * r - factor * pivot``, then divided by the
    gcd of its entries), which spans the same rational row space. In the reduced form every
    pivot column is zero outside its pivot row, so every row-space vector is a combination of
    the basis rows whose pivot columns it has nonzero; ``e_k`` has only column ``k`` nonzero, so
    it is in the row space exactly when the basis row with pivot ``k`` has no other nonzero entry.
    """
    matrix = [row[:] for row in rows]
    pivot_row = 0
    for column in range(width):
        pivot = next((r for r in range(pivot_row, len(matrix)) if matrix[r][column] != 0), None)
        if pivot is None:
            continue
        matrix[pivot_row], matrix[pivot] = matrix[pivot], matrix[pivot_row]
        lead_row = matrix[pivot_row]
        lead = lead_row[column]
        for r in range(len(matrix)):
            factor = matrix[r][column]
            if r != pivot_row and factor != 0:
                combined = [lead * a - factor * b for a, b in zip(matrix[r], lead_row, strict=True)]
                divisor = reduce(gcd, combined, 0)
                matrix[r] = [value // divisor for value in combined] if divisor > 1 else combined
        pivot_row += 1
    return matrix[:pivot_row]


@dataclass(frozen=True)
class SuppressedTable:
    """A table of counts with the entries that must not be shown.

    ``values`` maps every position (cells and the totals the table shows) to its count;
    ``hidden`` are the positions shown as :data:`SUPPRESSED`, ``primary`` those hidden for being
    small and ``hidden - primary`` those hidden to protect them.
    """

    n_rows: int
    n_cols: int
    values: dict[Position, int]
    hidden: frozenset[Position]
    primary: frozenset[Position]
    threshold: int
    row_totals: bool
    column_totals: bool

    def shown(self, row: int, col: int) -> int | str:
        """The count at ``(row, col)`` or ``":"``; totals are at ``n_rows`` / ``n_cols``."""
        self._check(row, col)
        return SUPPRESSED if (row, col) in self.hidden else self.values[(row, col)]

    def cell(self, row: int, col: int) -> int | str:
        return self.shown(row, col)

    def row_total(self, row: int) -> int | str:
        return self.shown(row, self.n_cols)

    def column_total(self, col: int) -> int | str:
        return self.shown(self.n_rows, col)

    def grand_total(self) -> int | str:
        return self.shown(self.n_rows, self.n_cols)

    def share(
        self, numerator: Position, denominator: Position | None = None, places: int = 0
    ) -> Decimal | str | None:
        """``numerator`` as a per cent of ``denominator`` (default: its row's total).

        ``":"`` when either is hidden, ``None`` when the denominator is zero.
        """
        if denominator is None:
            denominator = (numerator[0], self.n_cols)
        self._check(*numerator)
        self._check(*denominator)
        if numerator in self.hidden or denominator in self.hidden:
            return SUPPRESSED
        return compute_share(self.values[numerator], self.values[denominator], places)

    def rows(self) -> list[list[int | str]]:
        """The table as shown, totals included (a last column and/or a last row)."""
        last_row = self.n_rows + (1 if self.column_totals else 0)
        last_col = self.n_cols + (1 if self.row_totals else 0)
        return [
            [self.shown(i, j) for j in range(last_col) if (i, j) in self.values]
            for i in range(last_row)
        ]

    def _check(self, row: int, col: int) -> None:
        if (row, col) not in self.values:
            raise IndexError(f"no entry at ({row}, {col}) in this table")


def _checked_grid(counts: Sequence[Sequence[int]], threshold: int) -> list[list[int]]:
    """The counts as a rectangular grid of non-negative ints (and a valid threshold)."""
    if isinstance(threshold, bool) or not isinstance(threshold, int) or threshold < 0:
        raise ValueError(f"threshold must be a non-negative int, got {threshold!r}")
    grid = [list(row) for row in counts]
    n_cols = len(grid[0]) if grid else 0
    for i, row in enumerate(grid):
        if len(row) != n_cols:
            raise ValueError(f"row {i} has {len(row)} counts, expected {n_cols}")
        for j, value in enumerate(row):
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValueError(f"count at ({i}, {j}) must be a non-negative int, got {value!r}")
    return grid


def _with_totals(
    grid: list[list[int]], *, row_totals: bool, column_totals: bool
) -> dict[Position, int]:
    """Every entry by position: the counts, and the totals the table shows."""
    n_rows = len(grid)
    n_cols = len(grid[0]) if grid else 0
    values: dict[Position, int] = {(i, j): grid[i][j] for i in range(n_rows) for j in range(n_cols)}
    if row_totals:
        for i in range(n_rows):
            values[(i, n_cols)] = sum(grid[i])
    if column_totals:
        for j in range(n_cols):
            values[(n_rows, j)] = sum(row[j] for row in grid)
    if row_totals and column_totals:
        values[(n_rows, n_cols)] = sum(map(sum, grid))
    return values


def _known_entries(equations: Sequence[Sequence[Position]], known: Iterable[Position]) -> set:
    """The entries the reader knows: the given ones, and every total of known members."""
    public = set(known)
    changed = True
    while changed:  # a total of known members is known; with both totals, so is the grand total
        changed = False
        for members in equations:
            if members[-1] not in public and all(p in public for p in members[:-1]):
                public.add(members[-1])
                changed = True
    return public


def _cost(values: dict[Position, int], position: Position, total: Position | None) -> tuple:
    """What hiding an entry costs: the smallest count first, a total later, a zero last."""
    value = values[position]
    if position == total:
        return (1, 0, position)
    return (0, value, position) if value > 0 else (2, 0, position)


def _cheapest(
    values: dict[Position, int], members: Sequence[Position], hidden: set, public: set
) -> Position | None:
    candidates = [p for p in members if p not in hidden and p not in public]
    if not candidates:
        return None
    return min(candidates, key=lambda p: _cost(values, p, members[-1]))


def _protect(
    hidden: set,
    values: dict[Position, int],
    equations: Sequence[Sequence[Position]],
    public: set,
    *,
    both_totals: bool,
) -> None:
    """Hide more entries (in ``hidden``) until no hidden one can be worked out from the rest."""
    while True:
        # a line with one hidden member (and a member that may still be hidden)
        choice = next(
            (
                c
                for members in equations
                if sum(p in hidden for p in members) == 1
                and (c := _cheapest(values, members, hidden, public)) is not None
            ),
            None,
        )
        if choice is not None:
            hidden.add(choice)
            continue
        if not both_totals and all(sum(p in hidden for p in members) != 1 for members in equations):
            break  # lines that share no entry: two hidden members in each is exact
        exposed = sorted(recoverable(hidden, equations))
        if not exposed:
            break
        through = [members for members in equations if exposed[0] in members]
        choice = next(
            (c for m in through if (c := _cheapest(values, m, hidden, public)) is not None), None
        )
        if choice is None:
            rest = [p for p in values if p not in hidden and p not in public]
            if not rest:  # everything that can be hidden is: nothing more protects it
                break
            choice = min(rest, key=lambda p: _cost(values, p, None))
        hidden.add(choice)


def suppress(
    counts: Sequence[Sequence[int]],
    threshold: int = DEFAULT_THRESHOLD,
    *,
    row_totals: bool = True,
    column_totals: bool = False,
    hide: Iterable[Position] = (),
    known: Iterable[Position] = (),
) -> SuppressedTable:
    """Suppress the counts from 1 to ``threshold`` and whatever else protects them.

    ``hide`` are entries that must be hidden whatever their value (primary, like small counts).
    ``known`` are cells the reader knows anyway (a missing figure, shown as such and counted as
    zero in the totals): never hidden to protect another, and a total whose members are all
    known is known too.

    >>> suppress([[2, 10, 7], [5, 6, 9]]).rows()
    [[':', 10, ':', 19], [5, 6, 9, 20]]
    """
    grid = _checked_grid(counts, threshold)
    n_rows = len(grid)
    n_cols = len(grid[0]) if grid else 0
    values = _with_totals(grid, row_totals=row_totals, column_totals=column_totals)
    equations = lines(n_rows, n_cols, row_totals=row_totals, column_totals=column_totals)
    public = _known_entries(equations, known)
    forced = set(hide)
    if forced & public:
        raise ValueError(f"entries both hidden and known: {sorted(forced & public)}")
    primary = frozenset(
        p for p, value in values.items() if p in forced or (1 <= value <= threshold)
    )
    hidden = set(primary)

    _protect(hidden, values, equations, public, both_totals=row_totals and column_totals)

    return SuppressedTable(
        n_rows=n_rows,
        n_cols=n_cols,
        values=values,
        hidden=frozenset(hidden),
        primary=primary,
        threshold=threshold,
        row_totals=row_totals,
        column_totals=column_totals,
    )
