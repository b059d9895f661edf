"""Budget follow-up against the Nordland project report, November 2018 (C6)."""

from decimal import Decimal

import pytest

from partnerskap.finance.budget import BudgetLine, forecast, group_subtotals, subtotal

A = "A Lønn og annen godtgjørelse"
B = "B Sosiale kostnader"
E = "E Kostnad og godtgjørelse for reise"
F = "F Andre driftskostnader"
INCOME = "I Inntekter og tilskudd"

# (group, account, name, annual, to date, spend to date, spend period, remaining, difference)
# fmt: off
SEED = [
    (A, "500000000000", "OPPG lønn faste stillinger, ordinær", 300_000, 275_000, 574_610, 53_103, -274_610, -299_610),  # noqa: E501
    (A, "500400000000", "OPPG lønn faste stillinger, kronetillegg", 0, 0, 7_529, 625, -7_529, -7_529),  # noqa: E501
    (A, "500700000000", "OPPG lønn ferietillegg - faste stillinger", 0, 0, 1, 0, -1, -1),
    (A, "525000000000", "OPPG fordel i arbeidsforhold, gruppelivsforsikring", 0, 0, 1_180, 107, -1_180, -1_180),  # noqa: E501
    (A, "530000000000", "OPPG Godgjørelse styrer, råd og utvalg", 0, 0, 6_800, 0, -6_800, -6_800),
    (B, "540000000000", "Arbeidsgiveravgift innberettede ytelser", 0, 0, 54_813, 4_939, -54_813, -54_813),  # noqa: E501
    (B, "542400000000", "Pensjonspremie - arbeidsgiverandel", 0, 0, 69_608, 6_424, -69_608, -69_608),  # noqa: E501
    (E, "710000000000", "OPPG Bilgodtgjørelse", 0, 0, 14_871, 1_000, -14_871, -14_871),
    (E, "710100000000", "OPPG Bilgodtgjørelse TRPL", 0, 0, 1_895, 114, -1_895, -1_895),
    (E, "713000000000", "Reisekostnad", 0, 0, 190_285, 9_913, -190_285, -190_285),
    (E, "713200000000", "OPPG Reisekostnad TRPL", 0, 0, 6_598, 0, -6_598, -6_598),
    (E, "715000000000", "OPPG Diettkostnad", 0, 0, 31_532, 4_825, -31_532, -31_532),
    (F, "498000000000", "Kjøp av datamaskiner og skrivere m.m", 0, 0, 18_430, 0, -18_430, -18_430),
    (F, "669000000000", "Reparasjon og vedlikehold annet", 0, 0, 398, 0, -398, -398),
    (F, "686000000000", "Møte, kurs, oppdatering o.l. (inkl. bevertning)", 0, 0, 179_006, 0, -179_006, -179_006),  # noqa: E501
    (F, "690300000000", "Andre utgifter til telefon og datakommunikasjon", 0, 0, 4_100, 0, -4_100, -4_100),  # noqa: E501
    (INCOME, "367000000000", "Annen driftsrelatert inntekt", 0, 0, -600_000, 0, 600_000, 600_000),
]
# fmt: on

# Subtotals as the report states them:
# (groups, annual, to date, spend, period, remaining, difference, % to date, % annual)
SUBTOTALS = [
    ({A}, 300_000, 275_000, 590_120, 53_835, -290_120, -315_120, 215, 197),
    ({B}, 0, 0, 124_421, 11_363, -124_421, -124_421, None, None),
    ({A, B}, 300_000, 275_000, 714_540, 65_198, -414_540, -439_540, 260, 238),
    ({E}, 0, 0, 245_182, 15_851, -245_182, -245_182, None, None),
    ({F}, 0, 0, 201_934, 0, -201_934, -201_934, None, None),
    ({INCOME}, 0, 0, -600_000, 0, 600_000, 600_000, None, None),
    ({E, F, INCOME}, 0, 0, -152_884, 15_851, 152_884, 152_884, None, None),
    ({A, B, E, F, INCOME}, 300_000, 275_000, 561_656, 81_050, -261_656, -286_656, 204, 187),
]


@pytest.fixture
def lines():
    return [
        BudgetLine(
            account=account,
            name=name,
            group=group,
            annual_budget=annual,
            budget_to_date=to_date,
            spend_to_date=spend,
            spend_period=period,
        )
        for group, account, name, annual, to_date, spend, period, _, _ in SEED
    ]


def test_fixed_salaries(lines):
    fixed = lines[0]
    assert fixed.spend_to_date == 574_610
    assert fixed.per_cent_of_budget_to_date == 209
    assert fixed.per_cent_of_annual_budget == 192
    assert fixed.remaining == -274_610
    assert fixed.difference_to_date == -299_610


def test_all_salaries(lines):
    salaries = group_subtotals(lines)[A]
    assert salaries.spend_to_date == 590_120
    assert salaries.per_cent_of_budget_to_date == 215
    assert salaries.per_cent_of_annual_budget == 197


def test_everything(lines):
    everything = subtotal(lines, "Sum")
    assert everything.spend_to_date == 561_656
    assert everything.per_cent_of_budget_to_date == 204
    assert everything.per_cent_of_annual_budget == 187


def test_every_line_matches_the_report(lines):
    for line, row in zip(lines, SEED, strict=True):
        remaining, difference = row[7], row[8]
        assert line.remaining == remaining, line.name
        assert line.difference_to_date == difference, line.name
    for line in lines[1:]:
        # zero budget: no per cent, no error
        assert line.per_cent_of_budget_to_date is None
        assert line.per_cent_of_annual_budget is None


def _within_rounding(computed, stated, n_lines):
    """The ERP sums amounts in øre and prints whole kroner, so a sum of printed lines may be off
    from the printed sum by up to half a krone per line (the seed has three such subtotals)."""
    return abs(computed - stated) <= Decimal(n_lines) / 2


@pytest.mark.parametrize("row", SUBTOTALS, ids=lambda row: "+".join(sorted(g[0] for g in row[0])))
def test_every_subtotal_matches_the_report(lines, row):
    groups, annual, to_date, spend, period, remaining, difference, of_to_date, of_annual = row
    members = [line for line in lines if line.group in groups]
    line = subtotal(members)
    assert (line.annual_budget, line.budget_to_date) == (annual, to_date)
    n = len(members)
    assert _within_rounding(line.spend_to_date, spend, n)
    assert _within_rounding(line.spend_period, period, n)
    assert _within_rounding(line.remaining, remaining, n)
    assert _within_rounding(line.difference_to_date, difference, n)
    assert line.per_cent_of_budget_to_date == of_to_date
    assert line.per_cent_of_annual_budget == of_annual


def test_group_subtotals_keep_the_order_of_the_report(lines):
    assert list(group_subtotals(lines)) == [A, B, E, F, INCOME]


def test_missing_budget_shows_no_per_cent():
    line = BudgetLine("999", "Ukjent", spend_to_date=Decimal("1250.50"))
    assert line.annual_budget is None
    assert line.per_cent_of_annual_budget is None
    assert line.per_cent_of_budget_to_date is None
    assert line.remaining == Decimal("-1250.50")
    assert forecast(line, 6).overspend is None
    assert subtotal([line]).annual_budget is None
    assert subtotal([line, BudgetLine("1", "x", annual_budget=100)]).annual_budget == 100


def test_amounts_are_decimal_and_floats_are_refused():
    line = BudgetLine("1", "x", annual_budget=100, spend_to_date=Decimal("33.33"))
    assert isinstance(line.annual_budget, Decimal)
    assert line.per_cent_of_annual_budget == 33
    with pytest.raises(TypeError):
        BudgetLine("1", "x", annual_budget=100.0)  # type: ignore[arg-type]


def test_linear_forecast_for_the_nordland_project(lines):
    everything = subtotal(lines)
    # NOV-18: eleven of twelve periods; 561 656 * 12 / 11 = 612 715.636...
    result = forecast(everything, periods_elapsed=11)
    assert result.year_end_spend == Decimal("612715.64")
    assert result.overspend == Decimal("312715.64")
    assert result.per_cent_of_annual_budget == 204


def test_forecast_underspend_and_bad_periods():
    line = BudgetLine("1", "x", annual_budget=1_200, budget_to_date=600, spend_to_date=300)
    result = forecast(line, periods_elapsed=6)
    assert result.year_end_spend == 600
    assert result.overspend == -600
    assert result.per_cent_of_annual_budget == 50
    assert forecast(line, 12).year_end_spend == 300
    for bad in (0, 13, -1):
        with pytest.raises(ValueError):
            forecast(line, bad)
