"""C4 pages: the NAV leader enters FTEs and costs, reads the settlement, downloads PDF and XLSX."""

import io
import re
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from partnerskap.finance.models import AgreementPeriod, HostKeyChoice, OperatingAgreement

from ..documents import tools

D = Decimal
FORM = {
    "label": "2026",
    "starts": "2026-01-01",
    "ends": "2026-12-31",
    "state_fte": "9,3",
    "municipal_fte": "7",
    "leader_employer": "municipality",
    "leader_fte": "1",
    "rent": "0",
    "ict": "0",
    "other_costs": "1 000 000",
}


def text(response) -> str:
    """The page's text with HTML tags removed and spaces of every kind made plain."""
    body = response.content.decode()
    body = re.sub(r"<[^>]+>", " ", body)
    return " ".join(body.replace("\xa0", " ").replace("\u202f", " ").split())


def pdf_text(content: bytes, tmp_path) -> str:
    """The PDF's text as pdftotext reads it, with spaces of every kind made plain."""
    raw = tools.pdf_text(content, tmp_path)
    return " ".join(raw.replace("\xa0", " ").replace("\u202f", " ").split())


def test_leader_enters_the_worked_example_and_sees_the_settlement(client, world, tmp_path):
    client.force_login(world.nav_leader)
    response = client.post(
        f"/partnerskap/{world.orland.pk}/driftsavtaler/ny/",
        {
            "title": "Driftsavtale 2026",
            "leader_key": "equal_split",
            "host_key": "fte",
            "invoice_frequency": "4",
            "payment_days": "30",
        },
    )
    agreement = OperatingAgreement.objects.get()
    assert response.status_code == 302
    response = client.post(f"/driftsavtaler/{agreement.pk}/perioder/ny/", FORM)
    period = AgreementPeriod.objects.get()
    assert response["Location"] == f"/driftsavtaler/perioder/{period.pk}/"
    assert period.state_fte == D("9.3")
    page = text(client.get(response["Location"]))
    assert "Stat 9,8 601 226,99 kr" in page or "601 226,99" in page
    assert "398 773,01" in page
    assert "1 000 000,00" in page

    pdf = client.get(f"/driftsavtaler/perioder/{period.pk}/oppgjor.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    extracted = pdf_text(pdf.content, tmp_path)
    assert "601 226,99" in extracted and "398 773,01" in extracted and "16,3" in extracted

    xlsx = client.get(f"/driftsavtaler/perioder/{period.pk}/oppgjor.xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    rows = [row for row in sheet.iter_rows(values_only=True)]
    start = rows.index(("Eier", "Felles kostnader", "Særskilte tjenester", "Sum", None))
    state, municipality, total = rows[start + 1 : start + 4]
    assert state[0] == "Staten" and municipality[0] == "Kommune" and total[0] == "Sum"
    assert (state[3], municipality[3], total[3]) == (601226.99, 398773.01, 1_000_000)
    assert round(state[3] + municipality[3], 2) == total[3]
    steps = [row[0] for row in rows]
    assert "Årsverk som teller for staten: 9,3 rapportert, 0,5 for lederen" in steps


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("state_fte", "-2", "Statlige årsverk kan ikke være negative."),
        ("municipal_fte", "sju", "Kommunale årsverk må være et tall, for eksempel 9,3."),
    ],
)
def test_bad_fte_gives_a_norwegian_message_on_the_field_and_saves_nothing(
    client, world, field, value, message
):
    client.force_login(world.nav_leader)
    agreement = OperatingAgreement.objects.create(partnership=world.orland, title="Avtale")
    response = client.post(f"/driftsavtaler/{agreement.pk}/perioder/ny/", {**FORM, field: value})
    assert response.status_code == 400
    assert message in text(response)
    assert f'id="id_{field}"' in response.content.decode()
    assert not AgreementPeriod.objects.exists()


def test_host_split_on_page_pdf_and_xlsx(client, world, salten, tmp_path):
    period, leader, _members = salten
    client.force_login(leader)
    for key, fauske in (
        (HostKeyChoice.FTE, "227 870,29"),
        (HostKeyChoice.FIXED_PERCENTAGES, "199 386,51"),
        (HostKeyChoice.POPULATION, "239 753,09"),  # 9800 : 4600 : 1900
    ):
        OperatingAgreement.objects.filter(pk=period.agreement_id).update(host_key=key)
        page = text(client.get(f"/driftsavtaler/perioder/{period.pk}/"))
        assert f"Fauske {fauske}" in page.replace(" kr", "") or fauske in page
        pdf = pdf_text(
            client.get(f"/driftsavtaler/perioder/{period.pk}/oppgjor.pdf").content, tmp_path
        )
        assert fauske in pdf
        book = load_workbook(
            io.BytesIO(client.get(f"/driftsavtaler/perioder/{period.pk}/oppgjor.xlsx").content)
        )
        rows = list(book.active.iter_rows(values_only=True))
        members = {r[0]: r[2] for r in rows if r and r[0] in ("Fauske", "Saltdal", "Sørfold")}
        assert round(sum(float(v) for v in members.values()), 2) == 398773.01


def test_percentages_not_100_on_the_page(client, world, salten):
    period, leader, (fauske, saltdal, sorfold) = salten
    OperatingAgreement.objects.filter(pk=period.agreement_id).update(
        host_key=HostKeyChoice.FIXED_PERCENTAGES
    )
    client.force_login(leader)
    response = client.post(
        f"/driftsavtaler/perioder/{period.pk}/medlemmer/",
        {
            "revision": period.revision,
            f"fte_{fauske.pk}": "4",
            f"percentage_{fauske.pk}": "50",
            f"fte_{saltdal.pk}": "2",
            f"percentage_{saltdal.pk}": "30",
            f"fte_{sorfold.pk}": "1",
            f"percentage_{sorfold.pk}": "30",
        },
    )
    assert response.status_code == 400
    assert "De avtalte prosentene blir til sammen 110, ikke 100." in text(response)


def test_a_stale_form_is_refused_with_409(client, world, period):
    client.force_login(world.nav_leader)
    stale = period.revision
    url = f"/driftsavtaler/perioder/{period.pk}/rediger/"
    assert client.post(url, {**FORM, "revision": stale, "rent": "5"}).status_code == 302
    response = client.post(url, {**FORM, "revision": stale, "rent": "9"})
    assert response.status_code == 409
    period.refresh_from_db()
    assert period.rent == D("5")


def test_the_settlement_pdf_is_pdf_a(client, world, period, tmp_path):
    client.force_login(world.member)  # every reader may download it
    pdf = client.get(f"/driftsavtaler/perioder/{period.pk}/oppgjor.pdf").content
    metadata = tools.pdf_metadata(pdf, tmp_path)
    assert "pdfaid:part" in metadata


def test_a_special_service_with_a_bad_amount_is_refused(client, world, period):
    client.force_login(world.nav_leader)
    url = f"/driftsavtaler/perioder/{period.pk}/tjenester/ny/"
    response = client.post(url, {"name": "Gjeldsrådgiving", "amount": "tolv", "owner": "state"})
    assert response.status_code == 400
    assert "Beløp må være et tall, for eksempel 9,3." in text(response)
    assert not period.special_services.exists()
    ok = client.post(url, {"name": "Gjeldsrådgiving", "amount": "12 500,50", "owner": "state"})
    assert ok.status_code == 302
    assert period.special_services.get().amount == D("12500.50")


def test_readers_see_but_may_not_change(client, world, period):
    client.force_login(world.member)
    page = client.get(f"/driftsavtaler/perioder/{period.pk}/")
    assert page.status_code == 200
    assert "Endre årsverk og kostnader" not in text(page)
    assert client.get(f"/driftsavtaler/perioder/{period.pk}/rediger/").status_code == 403
    client.force_login(world.other_leader)
    assert client.get(f"/driftsavtaler/perioder/{period.pk}/").status_code == 404


def test_a_special_service_can_be_removed_by_an_editor_only(client, world, period):
    from partnerskap.finance import services

    service = services.special_service_add(
        actor=world.nav_leader, period=period, name="Gjeldsrådgiving", amount="1000", owner="state"
    )
    url = f"/driftsavtaler/tjenester/{service.pk}/fjern/"
    client.force_login(world.member)
    assert client.post(url).status_code == 403
    client.force_login(world.other_leader)
    assert client.post(url).status_code == 404
    client.force_login(world.nav_leader)
    assert client.get(url).status_code == 405
    assert client.post(url)["Location"] == f"/driftsavtaler/perioder/{period.pk}/"
    assert not period.special_services.exists()
    assert _settled_total(period) == D("1000000.00")


def _settled_total(period):
    from partnerskap.finance.settlement import period_settlement

    return period_settlement(period).total


def test_a_too_precise_percentage_is_shown_at_its_municipality(client, world, salten):
    period, leader, (fauske, saltdal, sorfold) = salten
    client.force_login(leader)
    response = client.post(
        f"/driftsavtaler/perioder/{period.pk}/medlemmer/",
        {
            "revision": period.revision,
            f"fte_{fauske.pk}": "4",
            f"percentage_{fauske.pk}": "50",
            f"fte_{saltdal.pk}": "2",
            f"percentage_{saltdal.pk}": "12,12345",
            f"fte_{sorfold.pk}": "1",
            f"percentage_{sorfold.pk}": "20",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    # The message sits with Saltdal's percentage field (its error id), not only at the top.
    assert re.search(
        rf'id="percentage_{saltdal.pk}-error"[^>]*>\s*<p[^>]*>'
        r"Prosent for Saltdal kan ha høyst 4 desimaler",
        html,
    )


def test_no_code_like_formula_reaches_the_page_pdf_or_xlsx(client, world, salten, tmp_path):
    from partnerskap.finance import services
    from partnerskap.finance.selectors import period_for_user
    from partnerskap.finance.settlement import period_settlement

    period, leader, _members = salten
    services.special_service_add(
        actor=leader, period=period, name="Gjeldsrådgiving", amount="12 500", owner="municipality"
    )
    rows = period_settlement(period_for_user(leader, period.pk)).all_rows
    formulas = {r.formula for r in rows if re.search(r"[ _(]", r.formula)}
    assert "floor_to_ore(exact)" in formulas and "reported + leader_adjustment" in formulas
    code = re.compile(r"\b[a-z]+_[a-z_]+\b|\bsum\(|\b(amount|reported|rounded_down|state) [*+]")
    client.force_login(leader)
    base = f"/driftsavtaler/perioder/{period.pk}/"
    page = text(client.get(base))
    pdf = pdf_text(client.get(base + "oppgjor.pdf").content, tmp_path)
    book = load_workbook(io.BytesIO(client.get(base + "oppgjor.xlsx").content))
    cells = " ".join(
        str(v) for row in book.active.iter_rows(values_only=True) for v in row if v is not None
    )
    for shown in (page, pdf, cells):
        assert not [f for f in formulas if f in shown], [f for f in formulas if f in shown]
        assert not code.search(shown), code.search(shown)
        assert "Den eksakte andelen rundet ned til hele øre" in shown


def test_the_xlsx_total_row_has_the_special_services_too(client, world, period):
    from partnerskap.finance import services

    services.special_service_add(
        actor=world.nav_leader,
        period=period,
        name="Gjeldsrådgiving",
        amount="12 500",
        owner="state",
    )
    client.force_login(world.nav_leader)
    book = load_workbook(
        io.BytesIO(client.get(f"/driftsavtaler/perioder/{period.pk}/oppgjor.xlsx").content)
    )
    rows = list(book.active.iter_rows(values_only=True))
    at = next(
        i
        for i, r in enumerate(rows)
        if r[:4] == ("Eier", "Felles kostnader", "Særskilte tjenester", "Sum")
    )
    total = rows[at + 3]
    assert total[0] == "Sum"
    assert float(total[2]) == 12500 and float(total[3]) == 1012500


def test_typed_text_in_the_settlement_xlsx_is_never_a_formula(client, world, period):
    """A title or partnership name starting with = would run in the reader's spreadsheet."""
    from partnerskap.finance import services
    from partnerskap.registry.models import Partnership

    Partnership.objects.filter(pk=world.orland.pk).update(name='=HYPERLINK("http://x","NAV")')
    OperatingAgreement.objects.filter(pk=period.agreement_id).update(title="@SUM(1+1)")
    services.special_service_add(
        actor=world.nav_leader, period=period, name="-2+3", amount="100", owner="state"
    )
    client.force_login(world.nav_leader)
    response = client.get(f"/driftsavtaler/perioder/{period.pk}/oppgjor.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    texts = {c.value for c in cells if isinstance(c.value, str)}
    assert '\'=HYPERLINK("http://x","NAV")' in texts and "'@SUM(1+1)" in texts
    assert not [t for t in texts if t.startswith(("=", "+", "-", "@"))]
