"""Cost sharing and budget follow-up in a real browser, every page checked with axe.

The NAV leader of NAV Ørland makes an operating agreement, enters the FTEs and the shared costs
of a year, reads the settlement (the DOMAIN.md worked example: 601 226.99 and 398 773.01),
downloads it as PDF and Excel and opens both; then makes a budget and imports the Nordland ERP
report, first as a preview that saves nothing, then for real, and finds 209 % and 192 %.
"""

import io
from pathlib import Path

from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from partnerskap.finance.models import BudgetLine
from partnerskap.registry.models import Partnership

from ..documents import tools
from .conftest import follow, log_in, submit, visit

REPORT = Path(__file__).parent.parent / "finance" / "data" / "nordland-nov-18.csv"


def nb(msgid: str) -> str:
    with translation.override("nb"):
        return gettext(msgid)


def plain(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").replace("\u202f", " ").split())


def test_settlement_and_budget_import(page: Page, demo_data: None, tmp_path) -> None:
    orland = Partnership.objects.get(name="NAV Ørland")
    log_in(page, "leder.orland")
    visit(page, reverse("registry:partnership_detail", args=[orland.pk]))
    follow(page, nb("Operating agreement and cost sharing"))
    follow(page, nb("New operating agreement"))
    page.get_by_label(capfirst(nb("title"))).fill("Driftsavtale fra 2027")
    submit(page, nb("Create"))
    follow(page, nb("New period"))
    page.get_by_label(capfirst(nb("period"))).fill("2027")
    page.get_by_label(capfirst(nb("first day"))).fill("2027-01-01")
    page.get_by_label(capfirst(nb("last day"))).fill("2027-12-31")
    page.get_by_label(nb("State FTEs")).fill("9,3")
    page.get_by_label(nb("Municipal FTEs")).fill("-7")
    page.get_by_label(capfirst(nb("the NAV leader is employed by"))).select_option("municipality")
    page.get_by_label(nb("Other shared costs (NOK)")).fill("1 000 000")
    submit(page, nb("Save"))
    expect(page.get_by_role("alert").first).to_contain_text(
        "Kommunale årsverk kan ikke være negative."
    )
    page.get_by_label(nb("Municipal FTEs")).fill("7")
    submit(page, nb("Save"))
    totals = plain(page.locator("#owner-totals").inner_text())
    assert "601 226,99" in totals and "398 773,01" in totals and "1 000 000,00" in totals
    expect(page.locator("#lines")).to_contain_text("øre til overs")

    follow(page, nb("Add a special service"))
    page.get_by_label(nb("Service")).fill("Gjeldsrådgiving")
    page.get_by_label(nb("Amount (NOK)")).fill("12 500")
    page.get_by_label(nb("Invoiced to")).select_option("municipality")
    submit(page, nb("Add"))
    assert "411 273,01" in plain(page.locator("#owner-totals").inner_text())
    submit(page, "Fjern Gjeldsrådgiving")
    assert "411 273,01" not in plain(page.locator("#owner-totals").inner_text())

    with page.expect_download() as pdf:
        page.get_by_role("link", name=nb("Settlement as PDF")).click()
    text = plain(tools.pdf_text(Path(pdf.value.path()).read_bytes(), tmp_path))
    assert "601 226,99" in text and "398 773,01" in text
    with page.expect_download() as xlsx:
        page.get_by_role("link", name=nb("Settlement as Excel")).click()
    sheet = load_workbook(io.BytesIO(Path(xlsx.value.path()).read_bytes())).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row]
    assert 601226.99 in values and 398773.01 in values

    visit(page, reverse("finance:budget_list", args=[orland.pk]))
    follow(page, nb("New budget"))
    page.get_by_label(capfirst(nb("name"))).fill("Prosjekt Nye NAV i Nordland")
    page.get_by_label(capfirst(nb("year"))).fill("2018")
    submit(page, nb("Create"))
    page.get_by_label(nb("Report from the ERP system (CSV or XLSX)")).set_input_files(REPORT)
    submit(page, nb("Show preview"))
    expect(page.get_by_role("main")).to_contain_text("Ingenting er lagret ennå")
    assert not BudgetLine.objects.filter(budget__partnership=orland, budget__year=2018).exists()
    submit(page, nb("Import"))
    row = plain(page.locator('tr[data-account="500000000000"]').inner_text())
    assert "209 %" in row and "192 %" in row
    expect(page.get_by_role("main")).to_contain_text("204 %")


def test_host_partnership_pages_pass_axe(page: Page, demo_data: None) -> None:
    """Indre Salten's settlement splits the municipal share among its five municipalities."""
    salten = Partnership.objects.get(name="NAV Indre Salten")
    log_in(page, "leder.indresalten")
    visit(page, reverse("finance:agreement_list", args=[salten.pk]))
    follow(page, "Driftsavtale for NAV Indre Salten")
    follow(page, "2026")
    period_url = page.url
    split = plain(page.locator("#member-split").inner_text())
    assert "Fauske" in split and "Hamarøy" in split
    # FTE is the key: one more FTE for Fauske moves the split; the percentages stay at 100.
    follow(page, nb("Change the members' key"))
    fte = page.get_by_label("Årsverk for Fauske")
    before = fte.input_value()
    fte.fill("10,6")
    submit(page, nb("Save"))
    assert page.url == period_url
    expect(page.get_by_role("main")).to_contain_text(
        nb("The member municipalities' key was saved.")
    )
    assert plain(page.locator("#member-split").inner_text()) != split
    # Put the demo's key back, so the data stays as the demo has it.
    follow(page, nb("Change the members' key"))
    page.get_by_label("Årsverk for Fauske").fill(before)
    submit(page, nb("Save"))
    assert page.url == period_url
    assert plain(page.locator("#member-split").inner_text()) == split
    follow(page, nb("Change FTEs and costs"))
    follow(page, nb("Cancel"))
    visit(page, reverse("finance:budget_list", args=[salten.pk]))
    follow(page, "Prosjektbudsjett NAV i Nordland i en ny tid 2018")
    expect(page.get_by_role("main")).to_contain_text("209 %")
