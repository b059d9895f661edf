"""Suppression of small counts and secondary suppression (C5)."""

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from partnerskap.figures.shares import share
from partnerskap.figures.suppression import SUPPRESSED, lines, recoverable, suppress

# Activity types per office, Møre og Romsdal (seed): "Jobb jeg har nå", "En jobb jeg vil søke
# på", "Jobbrettet egenaktivitet" for the first offices listed.
ACTIVITY_TYPES = [
    [86, 162, 179],
    [185, 391, 315],
    [92, 147, 150],
    [11, 2, 2],  # Vanylven
    [5, 3, 4],  # Sande
    [68, 62, 62],
    [6, 8, 19],
    [2, 5, 15],  # Midsund
    [2, 6, 4],  # Sandøy
]


def test_docstring_example():
    table = suppress([[2, 10, 7], [5, 6, 9]])
    assert table.rows() == [[":", 10, ":", 19], [5, 6, 9, 20]]
    assert table.primary == {(0, 0)}
    assert table.hidden == {(0, 0), (0, 2)}


def test_zero_is_shown_and_threshold_is_a_parameter():
    assert suppress([[0, 4, 9]]).rows() == [[0, 4, 9, 13]]
    assert suppress([[0, 4, 9]], threshold=4).rows() == [[0, ":", ":", 13]]
    assert suppress([[1, 2, 3]], threshold=0).rows() == [[1, 2, 3, 6]]


def test_a_lone_cell_takes_its_total_with_it():
    table = suppress([[2], [40]])
    assert table.rows() == [[":", ":"], [40, 40]]


def test_a_small_total_is_suppressed_itself():
    # 1 + 1 + 0: both cells and the total are small counts
    assert suppress([[1, 1, 0], [9, 9, 9]]).rows()[0] == [":", ":", 0, ":"]


def test_secondary_suppression_prefers_the_smallest_positive_cell():
    table = suppress([[3, 0, 50, 20, 100]])
    assert table.rows() == [[":", 0, 50, ":", 100, 173]]


def test_with_column_totals_nothing_can_be_recovered():
    table = suppress([[2, 10, 7], [5, 6, 9], [8, 8, 8]], column_totals=True)
    assert table.primary == {(0, 0)}
    equations = lines(3, 3, row_totals=True, column_totals=True)
    assert recoverable(table.hidden, equations) == set()
    assert all(sum(p in table.hidden for p in line) != 1 for line in equations)
    assert table.grand_total() == 63


def test_the_line_rule_alone_is_not_enough():
    # Two rectangles of hidden cells joined by one hidden cell: every row and column has 0 or at
    # least 2 hidden members, yet the joining cell is row 0 + row 1 - column 0 - column 1.
    hidden = {(0, 0), (0, 1), (1, 0), (1, 1), (2, 2), (2, 3), (3, 2), (3, 3), (0, 2)}
    equations = lines(4, 4, row_totals=True, column_totals=True)
    assert all(sum(p in hidden for p in line) != 1 for line in equations)
    assert recoverable(hidden, equations) == {(0, 2)}


BRIDGED = [
    [1, 9, 8, 30, 30],
    [9, 1, 30, 30, 30],
    [30, 30, 1, 9, 30],
    [30, 30, 9, 1, 30],
    [30, 30, 30, 30, 30],
]


def test_a_bridged_table_gets_more_suppression():
    # the line rule leaves (0, 2) recoverable here; the exact check hides more
    table = suppress(BRIDGED, column_totals=True)
    equations = lines(5, 5, row_totals=True, column_totals=True)
    assert recoverable(table.hidden, equations) == set()


def test_seed_activity_types_with_county_totals():
    table = suppress(ACTIVITY_TYPES, row_totals=False, column_totals=True)
    assert table.rows()[3] == [11, ":", ":"]
    assert table.rows()[7][0] == SUPPRESSED
    for j in range(3):
        column = [table.shown(i, j) for i in range(len(ACTIVITY_TYPES))]
        assert column.count(SUPPRESSED) != 1
    assert table.column_total(0) == sum(row[0] for row in ACTIVITY_TYPES)


def test_shares_follow_their_counts():
    table = suppress([[2, 10, 7], [5, 6, 9]])
    assert table.share((0, 0)) == SUPPRESSED
    assert table.share((0, 2)) == SUPPRESSED
    assert table.share((0, 1)) == 53  # 10 of 19: both shown
    assert table.share((1, 0)) == 25
    lone = suppress([[2], [40]])
    assert lone.share((1, 0)) == 100
    assert lone.share((0, 0)) == SUPPRESSED
    assert suppress([[0, 0]]).share((0, 0)) is None


def test_bad_input():
    with pytest.raises(ValueError):
        suppress([[1, 2], [3]])
    with pytest.raises(ValueError):
        suppress([[1, -2]])
    with pytest.raises(ValueError):
        suppress([[1, 2.0]])  # type: ignore[list-item]
    with pytest.raises(ValueError):
        suppress([[1, 2]], threshold=-1)
    with pytest.raises(IndexError):
        suppress([[1, 2]]).shown(5, 5)
    assert suppress([]).rows() == []


# --- property test -----------------------------------------------------------------------------


def _bridges(hidden, n_rows, n_cols):
    """Hidden entries of a table with both totals that are bridges of the bipartite graph.

    Negate the totals and every row and column of the grid (totals included) adds up to zero;
    what is unknown is the hidden entries, edges between their row and column. A value is fixed by
    the shown ones exactly when its edge is on no cycle, i.e. is a bridge. This check shares no
    code with the linear algebra in the module.
    """
    edges = sorted(hidden)
    found = set()
    for edge in edges:
        adjacency = {}
        for i, j in edges:
            if (i, j) != edge:
                adjacency.setdefault(("r", i), set()).add(("c", j))
                adjacency.setdefault(("c", j), set()).add(("r", i))
        start, goal = ("r", edge[0]), ("c", edge[1])
        seen, stack = {start}, [start]
        while stack:
            node = stack.pop()
            for nxt in adjacency.get(node, ()):
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        if goal not in seen:
            found.add(edge)
    assert all(0 <= i <= n_rows and 0 <= j <= n_cols for i, j in found)
    return found


small_or_not = st.one_of(st.sampled_from([0, 1, 2, 3, 4, 9, 30]), st.integers(0, 60))


@st.composite
def tables(draw):
    n_rows = draw(st.integers(1, 6))
    n_cols = draw(st.integers(1, 6))
    counts = draw(
        st.lists(
            st.lists(small_or_not, min_size=n_cols, max_size=n_cols),
            min_size=n_rows,
            max_size=n_rows,
        )
    )
    return counts


@settings(max_examples=300, deadline=None)
@example(BRIDGED, 3, True, True)
@given(tables(), st.integers(0, 6), st.booleans(), st.booleans())
def test_no_suppressed_cell_can_be_recovered(counts, threshold, row_totals, column_totals):
    table = suppress(counts, threshold, row_totals=row_totals, column_totals=column_totals)
    n_rows, n_cols = len(counts), len(counts[0])

    # every small count is hidden, zero and the rest are shown unless protecting something
    for position, value in table.values.items():
        if 1 <= value <= threshold:
            assert position in table.hidden
        if position not in table.hidden:
            assert table.shown(*position) == value
        else:
            assert table.shown(*position) == SUPPRESSED
    assert all(value != 0 or p not in table.primary for p, value in table.values.items())

    # no row or column with a shown total has exactly one hidden member (exact for tables with
    # only row or only column totals, where the lines share no unknowns)
    equations = lines(n_rows, n_cols, row_totals=row_totals, column_totals=column_totals)
    for line in equations:
        assert sum(p in table.hidden for p in line) != 1, line

    # with both totals: nothing can be recovered by combining lines either
    if row_totals and column_totals:
        assert _bridges(table.hidden, n_rows, n_cols) == set()
    assert recoverable(table.hidden, equations) == set()

    # shares of hidden counts (or of hidden totals) are hidden; the others are right
    if row_totals:
        for i in range(n_rows):
            for j in range(n_cols):
                shown = table.share((i, j))
                if (i, j) in table.hidden or (i, n_cols) in table.hidden:
                    assert shown == SUPPRESSED
                else:
                    assert shown == share(counts[i][j], sum(counts[i]))
    if column_totals:
        for i in range(n_rows):
            for j in range(n_cols):
                shown = table.share((i, j), (n_rows, j))
                if (i, j) in table.hidden or (n_rows, j) in table.hidden:
                    assert shown == SUPPRESSED
                else:
                    assert shown == share(counts[i][j], sum(row[j] for row in counts))

    # what rows() shows is what shown() says
    for i, row in enumerate(table.rows()):
        for j, value in enumerate(row):
            assert value == table.shown(i, j)


@st.composite
def tables_with_missing(draw):
    """A table, cells the reader knows are missing (zero in the grid), cells forced hidden."""
    counts = draw(tables())
    positions = [(i, j) for i in range(len(counts)) for j in range(len(counts[0]))]
    known = draw(st.sets(st.sampled_from(positions)))
    for i, j in known:
        counts[i][j] = 0
    hide = draw(st.sets(st.sampled_from([p for p in positions if p not in known] or [None])))
    return counts, known, hide - {None}


@settings(max_examples=300, deadline=None)
@given(tables_with_missing(), st.integers(0, 6), st.booleans(), st.booleans())
def test_known_cells_are_never_hidden_and_forced_ones_always(
    drawn, threshold, row_totals, column_totals
):
    counts, known, hide = drawn
    table = suppress(
        counts,
        threshold,
        row_totals=row_totals,
        column_totals=column_totals,
        hide=hide,
        known=known,
    )
    assert hide <= table.hidden <= set(table.values) - known
    equations = lines(
        len(counts), len(counts[0]), row_totals=row_totals, column_totals=column_totals
    )
    # a known cell counts as shown: nothing hidden can be worked out with it either
    assert recoverable(table.hidden, equations) == set()


def test_a_missing_cell_never_protects_another():
    # column 0: 2 is small; the missing cell below it (zero) would be the cheapest protection
    # if it could be hidden, but a reader sees it is missing
    table = suppress([[2, 50], [0, 40], [9, 30]], column_totals=True, known={(1, 0)})
    assert (1, 0) not in table.hidden
    assert recoverable(table.hidden, lines(3, 2, row_totals=True, column_totals=True)) == set()
