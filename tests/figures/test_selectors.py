"""The suppressed table on its own: sums, partial rows and shares."""

from decimal import Decimal

from partnerskap.figures import selectors
from partnerskap.figures.selectors import Row, build_table
from partnerskap.figures.suppression import lines, recoverable


def _table(raw: dict, *, total: bool = False, limit: int = 3):
    every = selectors.indicators()
    codes = ["users_digital", "users_manual", "users_followed_up", "share_digital"]
    columns = [i for i in every if i.code in codes]
    columns = selectors.with_counts(columns, every)
    rows = [Row(key, key) for key in sorted({key for key, _code in raw})]
    total_row = Row("sum", "", total=True) if total else None
    table = build_table(columns, rows, raw, total_row=total_row, limit=limit)
    return {
        row.key: dict(zip([c.code for c in table.columns], row.cells, strict=True))
        for row in table.rows
    }


def test_a_row_missing_a_part_hides_what_would_give_it_away(db):
    # manual = 100 - 98 = 2 would be worked out from the digital count and the whole
    shown = _table({("a", "users_digital"): Decimal(98), ("a", "users_followed_up"): Decimal(100)})
    assert shown["a"]["users_digital"] == shown["a"]["users_followed_up"] == ":"
    assert shown["a"]["users_manual"] is None
    assert shown["a"]["share_digital"] == ":"


def test_a_whole_without_parts_stands_alone(db):
    shown = _table(
        {("a", "users_followed_up"): Decimal(314_281), ("b", "users_followed_up"): Decimal(2)}
    )
    assert shown["a"]["users_followed_up"] == 314_281
    assert shown["b"]["users_followed_up"] == ":"
    assert shown["a"]["users_digital"] is None


def test_the_sum_row_is_protected_and_shares_follow_their_counts(db):
    raw = {
        ("a", "users_digital"): Decimal(2), ("a", "users_manual"): Decimal(10),
        ("b", "users_digital"): Decimal(9), ("b", "users_manual"): Decimal(10),
    }  # fmt: skip
    shown = _table(raw, total=True)
    assert shown["a"]["users_digital"] == ":"
    assert shown["b"]["users_digital"] == ":"  # else the sum row gives a's 2 away
    assert shown["a"]["share_digital"] == ":"
    assert shown["sum"]["users_manual"] == 20 and shown["sum"]["users_followed_up"] == 31


def test_a_partial_row_in_a_table_with_a_sum_row_is_protected_in_its_columns(db):
    # a's digital count and whole are hidden for the missing manual count; the sum row must not
    # give them back (98 = 188 - 50 - 40, then 2 = 100 - 98)
    raw = {
        ("a", "users_digital"): Decimal(98), ("a", "users_followed_up"): Decimal(100),
        ("b", "users_digital"): Decimal(50), ("b", "users_manual"): Decimal(50),
        ("b", "users_followed_up"): Decimal(100),
        ("c", "users_digital"): Decimal(40), ("c", "users_manual"): Decimal(60),
        ("c", "users_followed_up"): Decimal(100),
    }  # fmt: skip
    shown = _table(raw, total=True)
    assert shown["a"]["users_digital"] == shown["a"]["users_followed_up"] == ":"
    assert shown["a"]["users_manual"] is None
    codes = ["users_digital", "users_manual", "users_followed_up"]
    hidden = {
        (i, j) for i, key in enumerate(["a", "b", "c", "sum"]) for j, code in enumerate(codes)
        if shown[key][code] == ":"
    }  # fmt: skip
    # a's manual count is shown as "no figure": a reader counts it as 0 in the sum
    assert not recoverable(hidden, lines(3, 2, row_totals=True, column_totals=True))
