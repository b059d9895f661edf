"""Shares, totals and comparisons against the Møre og Romsdal and Indre Fosen seeds (C5)."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnerskap.figures.shares import (
    Discrepancy,
    check_row,
    check_share,
    check_total,
    compare,
    per_cent,
    round_half_up,
    share,
    total,
)

# Brukere med digital / manuell oppfølging, new-nav-alesund-reports.txt:
# (office, digital share, digital, manual share, manual, total)
DIGITAL = [
    ("1502 NAV Molde", 93, 1567, 7, 114, 1681),
    ("1504 NAV Ålesund", 95, 2724, 5, 147, 2871),
    ("1505 NAV Kristiansund", 95, 1712, 5, 91, 1803),
    ("1511 NAV Vanylven", 96, 193, 4, 9, 202),
    ("1514 NAV Sande i Møre og Romsdal", 95, 139, 5, 7, 146),
    ("1515 NAV Herøy", 96, 656, 4, 24, 680),
    ("1516 NAV Hareid og Ulstein", 95, 1049, 5, 61, 1110),
    ("1520 NAV Ørsta-Volda", 95, 1164, 5, 63, 1227),
    ("1525 NAV Stranda", 90, 200, 10, 21, 221),
    ("1528 NAV Sykkylven", 91, 376, 9, 35, 411),
    ("1529 NAV Storfjorden", 94, 551, 6, 38, 589),
    ("1531 NAV Sula", 96, 564, 4, 23, 587),
    ("1532 NAV Giske", 96, 425, 4, 20, 445),
    ("1534 NAV Haram", 96, 440, 4, 19, 459),
    ("1535 NAV Vestnes", 95, 381, 5, 19, 400),
    ("1539 NAV Rauma", 96, 407, 4, 18, 425),
    ("1543 NAV Nesset", 96, 194, 4, 8, 202),
    ("1545 NAV Midsund", 95, 106, 5, 5, 111),
    ("1546 NAV Sandøy", 93, 64, 7, 5, 69),
    ("1547 NAV Aukra", 96, 204, 4, 9, 213),
    ("1548 NAV Fræna-Eide", 92, 789, 8, 71, 860),
    ("1554 NAV Averøy", 95, 446, 5, 24, 470),
]
DIGITAL_TOTAL = ("Totalt", 95, 15726, 5, 915, 16641)

# Andel i avtalt aktivitet, Møre og Romsdal: (office, share, in activity, in follow-up)
ACTIVITY = [
    ("1502 NAV Molde", 76, 1173, 1546),
    ("1504 NAV Ålesund", 87, 2387, 2731),
    ("1505 NAV Kristiansund", 62, 1065, 1730),
    ("1511 NAV Vanylven", 69, 130, 188),
    ("1514 NAV Sande Møre og Romsdal", 44, 59, 135),
    ("1515 NAV Herøy", 87, 568, 654),
    ("1516 NAV Hareid og Ulstein", 63, 661, 1047),
    ("1520 NAV Ørsta", 66, 805, 1227),
    ("1525 NAV Stranda", 89, 193, 218),
    ("1528 NAV Sykkylven", 91, 365, 401),
    ("1529 NAV Storfjorden", 70, 365, 524),
    ("1531 NAV Sula", 75, 409, 544),
    ("1532 NAV Giske", 74, 295, 397),
    ("1534 NAV Haram", 77, 336, 438),
    ("1535 NAV Vestnes", 63, 232, 367),
    ("1539 NAV Rauma", 61, 241, 392),
    ("1543 NAV Nesset", 77, 135, 176),
    ("1545 NAV Midsund", 74, 60, 81),
    ("1546 NAV Sandøy", 50, 34, 68),
    ("1547 NAV Aukra", 89, 176, 198),
    ("1548 NAV Fræna - Eide", 61, 482, 793),
    ("1554 NAV Averøy", 63, 271, 427),
    ("1557 NAV Gjemnes", 53, 68, 129),
    ("1560 NAV Tingvoll", 65, 96, 147),
    ("1563 NAV Sunndal", 74, 253, 343),
    ("1566 NAV Surnadal", 49, 141, 289),
    ("1567 NAV Rindal", 63, 71, 113),
    ("1571 NAV Halså", 57, 44, 77),
    ("1573 NAV Smøla", 61, 65, 106),
    ("1576 NAV Aure", 74, 133, 180),
]
ACTIVITY_TOTAL = ("I alt", 72, 11313, 15666)

# Nationally, by county: (county, share, in activity, in follow-up)
COUNTIES = [
    ("01 Østfold", 72, 15059, 21046),
    ("02 Akershus", 75, 22800, 30309),
    ("03 Oslo", 65, 28651, 44382),
    ("04 Hedmark", 75, 8382, 11189),
    ("05 Oppland", 79, 7876, 9986),
    ("06 Buskerud", 74, 13215, 17791),
    ("07 Vestfold", 81, 12258, 15130),
    ("08 Telemark", 87, 9354, 10716),
    ("09 Aust-Agder", 88, 7423, 8424),
    ("10 Vest-Agder", 88, 11130, 12639),
    ("11 Rogaland", 74, 20354, 27418),
    ("12 Hordaland", 77, 23498, 30440),
    ("14 Sogn og Fjordane", 77, 3936, 5090),
    ("15 Møre og Romsdal", 72, 11313, 15666),
    ("18 Nordland", 76, 10822, 14276),
    ("19 Troms", 76, 7669, 10109),
    ("20 Finnmark", 68, 3428, 5045),
    ("57 Trøndelag", 76, 18578, 24524),
    ("99 Ikke i et fylkesdistrikt", 64, 65, 101),
]
COUNTIES_TOTAL = ("I alt", 75, 235811, 314281)


def test_worked_examples():
    assert share(15_726, 16_641) == 95
    assert share(2_387, 2_731) == 87
    assert share(235_811, 314_281) == 75


def test_round_half_up():
    assert round_half_up(Fraction(189, 2)) == 95  # 94.5
    assert round_half_up(Fraction(189, 2) - Fraction(1, 10**9)) == 94
    assert round_half_up(Fraction(-189, 2)) == -95
    assert round_half_up(Decimal("94.45"), 1) == Decimal("94.5")
    assert round_half_up(Decimal("2.5")) == 3  # not banker's rounding
    assert str(round_half_up(Fraction(549 * 100, 581), 1)) == "94.5"


def test_share_edge_cases():
    assert share(0, 0) is None
    assert share(0, 7) == 0
    assert share(7, 7) == 100
    assert per_cent(5, None) is None
    assert per_cent(5, Decimal(0)) is None
    with pytest.raises(ValueError):
        share(8, 7)
    with pytest.raises(ValueError):
        share(-1, 7)
    with pytest.raises(TypeError):
        share(1.0, 7)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        per_cent(True, 7)  # type: ignore[arg-type]


@pytest.mark.parametrize("office, digital_share, digital, manual_share, manual, whole", DIGITAL)
def test_digital_table_reproduces_every_office(
    office, digital_share, digital, manual_share, manual, whole
):
    assert share(digital, whole) == digital_share, office
    assert share(manual, whole) == manual_share, office
    assert (
        check_row(part=digital, whole=whole, stated_share=digital_share, parts=[digital, manual])
        == []
    )


def test_digital_table_totals():
    _, digital_share, digital, manual_share, manual, whole = DIGITAL_TOTAL
    # The seed lists only the first 22 offices of the county, so their sums fall short of the
    # total row; the total row is consistent in itself.
    assert total(row[2] for row in DIGITAL) < digital
    assert total([digital, manual]) == whole
    assert share(digital, whole) == digital_share
    assert share(manual, whole) == manual_share


@pytest.mark.parametrize(
    "rows, totals",
    [(ACTIVITY, ACTIVITY_TOTAL), (COUNTIES, COUNTIES_TOTAL)],
    ids=["county", "country"],
)
def test_activity_tables_reproduce_every_row_and_the_total(rows, totals):
    for name, stated, part, whole in rows:
        assert share(part, whole) == stated, name
        assert check_row(part=part, whole=whole, stated_share=stated) == [], name
    _, stated, part, whole = totals
    assert total(row[2] for row in rows) == part
    assert total(row[3] for row in rows) == whole
    assert share(part, whole) == stated


def test_a_row_whose_share_disagrees_is_flagged():
    # NAV Ålesund with a typo: 78 instead of 87
    assert check_row(part=2_387, whole=2_731, stated_share=78) == [
        Discrepancy("share", 78, Decimal(87))
    ]


def test_a_row_whose_total_disagrees_is_flagged():
    # NAV Ålesund stating 2 781 users in all, while 2 724 + 147 is 2 871
    problems = check_row(
        part=2_724, whole=2_871, stated_share=95, parts=[2_724, 147], stated_total=2_781
    )
    assert problems == [Discrepancy("total", 2_781, 2_871)]


def test_impossible_rows_are_flagged():
    assert check_share(5, 4, 100) == Discrepancy("share", 100, None)
    assert check_share(0, 0, 0) == Discrepancy("share", 0, None)
    assert check_share(4, 4, 101) == Discrepancy("share", 101, Decimal(100))
    assert check_row(part=5, whole=4)[0].field == "part"


def test_share_is_compared_at_the_stated_precision():
    assert check_share(2_387, 2_731, Decimal("87.4")) is None  # 87.404...
    assert check_share(2_387, 2_731, Decimal("87.0")) == Discrepancy(
        "share", Decimal("87.0"), Decimal("87.4")
    )
    assert check_share(2_387, 2_731, None) is None


def test_check_total():
    assert check_total([1, 2, 3], 6) is None
    assert check_total([1, 2, 3], 7) == Discrepancy("total", 7, 6)
    assert check_total([1, 2], None) is None


def test_indre_fosen_comparison():
    change = compare(581, 1_130)
    assert change.change == 549
    assert change.per_cent == Decimal("94.5")
    assert str(change.per_cent) == "94.5"
    unemployment = compare(73, 149)
    assert unemployment.change == 76
    assert unemployment.per_cent == Decimal("104.1")


def test_comparison_edge_cases():
    assert compare(0, 10).per_cent is None
    assert compare(10, 0).per_cent == -100
    assert compare(200, 100).per_cent == Decimal("-50.0")
    assert compare(Decimal("-100"), Decimal("-50")).per_cent == Decimal("50.0")


@given(st.integers(0, 10**7), st.integers(1, 10**7))
def test_share_is_within_half_a_percent(a, b):
    part, whole = min(a, b), max(a, b)
    computed = share(part, whole)
    assert abs(Fraction(computed) - Fraction(part * 100, whole)) <= Fraction(1, 2)
    assert 0 <= computed <= 100
    assert check_share(part, whole, computed) is None
