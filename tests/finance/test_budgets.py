"""C6 through import, page, PDF and API: the Nordland report of November 2018."""

import base64
import io
import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from openpyxl import load_workbook

from partnerskap.finance import services
from partnerskap.finance.models import Budget, BudgetImport, BudgetLine

from ..documents import tools

DATA = Path(__file__).parent / "data"
CSV = (DATA / "nordland-nov-18.csv").read_bytes()
XLSX = (DATA / "nordland-nov-18.xlsx").read_bytes()


def plain(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", text)
    return " ".join(text.replace("\xa0", " ").replace("\u202f", " ").split())


@pytest.fixture
def budget(world):
    return services.budget_create(
        actor=world.nav_leader,
        partnership=world.orland,
        name="Prosjekt Nye NAV i Nordland",
        project="F18025",
        year=2018,
    )


def _upload(client, budget, name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        f"/budsjett/{budget.pk}/import/", {"file": SimpleUploadedFile(name, content)}
    )


def _commit(client, budget, response):
    page = response.content.decode()
    fields = dict(re.findall(r'name="(content|filename|revision)" value="([^"]*)"', page))
    return client.post(f"/budsjett/{budget.pk}/import/", fields)


@pytest.mark.parametrize(("name", "content"), [("nordland.csv", CSV), ("nordland.xlsx", XLSX)])
def test_nordland_import_with_preview_reproduces_the_report(
    client, world, budget, name, content, tmp_path
):
    client.force_login(world.nav_leader)
    preview = _upload(client, budget, name, content)
    assert preview.status_code == 200
    text = plain(preview.content.decode())
    assert "Ingenting er lagret ennå" in text and "17 kontolinjer" in text
    # The ERP rounds each line to whole kroner: its own sum for travel is a krone off.
    assert (
        "Rad 18, E Kostnad og godtgjørelse for reise, kolonne «HIÅ Forbruk»: rapporten sier "
        "245 182, linjene blir til sammen 245 181 — avrunding av rapportens linjer." in text
    )
    assert (
        "kolonne «Periodens forbruk»: rapporten sier 15 851, linjene blir til sammen 15 852" in text
    )
    # the other four group sums agree with their lines; the two sums of groups are a krone off
    # in three places, each named as the rounding it is
    assert text.count("Rad ") == 5
    assert text.count("avrunding av rapportens linjer") == 5
    assert not BudgetLine.objects.exists()  # a preview saves nothing
    response = _commit(client, budget, preview)
    assert response.status_code == 302
    budget.refresh_from_db()
    assert budget.lines.count() == 17 and budget.periods_elapsed == 11  # NOV-18

    page = client.get(f"/budsjett/{budget.pk}/").content.decode()
    rows = {
        m.group(1): plain(m.group(2))
        for m in re.finditer(
            r'<tr class="aksel-table__row[^"]*" data-account="(\d*)">(.*?)</tr>', page, re.S
        )
    }
    assert rows["500000000000"].endswith("209 % 192 % 626 847")  # fixed salaries, forecast
    assert (
        "Sum A Lønn og annen godtgjørelse 300 000 275 000 590 120 53 835 −290 120 −315 120 "
        "215 % 197 %" in plain(page)
    )
    assert "Sum 300 000 275 000 561 656 81 050 −261 656 −286 656 204 % 187 %" in plain(page)
    # 561 656 in 11 months is 612 715.64 by December: 312 715.64 over the annual 300 000
    assert "I denne takten ender året 312 716 kr over årets budsjett." in plain(page)
    # a line with no budget: no per cent, and no error
    assert (
        rows["540000000000"]
        == "540000000000 Arbeidsgiveravgift innberettede ytelser 0 0 54 813 4 939 −54 813 −54 813 "
        "59 796"
    )

    pdf = tools.pdf_text(client.get(f"/budsjett/{budget.pk}/rapport.pdf").content, tmp_path)
    pdf = " ".join(pdf.replace("\xa0", " ").split())
    for expected in ("209 %", "192 %", "215 %", "197 %", "204 %", "187 %"):
        assert expected in pdf
    assert "Arbeidsgiveravgift innberettede ytelser 0 0 54 813 4 939 −54 813 −54 813 59 796 " in pdf

    data = client.get(f"/api/v1/budgets/{budget.pk}").json()
    by_account = {line["account"]: line for line in data["lines"] if line["kind"] == "line"}
    assert by_account["500000000000"]["per_cent_of_budget_to_date"] == "209"
    assert by_account["500000000000"]["per_cent_of_annual_budget"] == "192"
    assert by_account["540000000000"]["per_cent_of_budget_to_date"] is None
    groups = [line for line in data["lines"] if line["kind"] != "line"]
    assert (groups[0]["per_cent_of_budget_to_date"], groups[0]["per_cent_of_annual_budget"]) == (
        "215",
        "197",
    )
    assert (groups[-1]["per_cent_of_budget_to_date"], groups[-1]["per_cent_of_annual_budget"]) == (
        "204",
        "187",
    )


def _broken_csv(old: str, new: str) -> bytes:
    text = CSV.decode()
    assert old in text
    return text.replace(old, new, 1).encode()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            _broken_csv(";Periodens forbruk;", ";Forbruk i perioden;"),
            "nordland.csv, rad 2: kolonnen «Periodens forbruk» mangler.",
        ),
        (
            _broken_csv("574 610", "57x 610"),
            "nordland.csv, rad 3, kolonne «HIÅ Forbruk»: «57x 610» er ikke et tall.",
        ),
        (
            _broken_csv("542400000000", "540000000000"),
            "nordland.csv, rad 10: konto 540000000000 står to ganger (også på rad 9).",
        ),
        (b"Bare tull\n", "nordland.csv: fant ingen overskriftsrad med kolonnen «HIÅ Forbruk»."),
    ],
)
def test_bad_csv_names_file_row_and_column_and_saves_nothing(
    client, world, budget, content, message
):
    client.force_login(world.nav_leader)
    response = _upload(client, budget, "nordland.csv", content)
    assert response.status_code == 400
    assert message in plain(response.content.decode())
    assert not BudgetLine.objects.exists() and not BudgetImport.objects.exists()


def test_bad_xlsx_cell_names_the_row_and_column(client, world, budget):
    book = load_workbook(io.BytesIO(XLSX))
    book.active.cell(4, 5).value = "mye"  # row 4: 500400000000, column E: HIÅ Forbruk
    out = io.BytesIO()
    book.save(out)
    client.force_login(world.nav_leader)
    response = _upload(client, budget, "nordland.xlsx", out.getvalue())
    assert "nordland.xlsx, rad 4, kolonne «HIÅ Forbruk»: «mye» er ikke et tall." in plain(
        response.content.decode()
    )
    assert not BudgetLine.objects.exists()


def test_the_same_file_twice_is_refused(client, world, budget):
    client.force_login(world.nav_leader)
    _commit(client, budget, _upload(client, budget, "nordland.csv", CSV))
    assert budget.lines.count() == 17
    response = _upload(client, budget, "kopi.csv", CSV)
    assert response.status_code == 400
    assert "kopi.csv er allerede importert i dette budsjettet (som nordland.csv den" in plain(
        response.content.decode()
    )
    assert BudgetImport.objects.count() == 1


def test_a_commit_after_someone_else_imported_is_a_conflict(client, world, budget):
    client.force_login(world.nav_leader)
    stale = _upload(client, budget, "nordland.csv", CSV)
    services.budget_update(
        actor=world.municipal_owner, budget=budget, revision=budget.revision, name="Nytt navn"
    )
    response = _commit(client, budget, stale)
    assert response.status_code == 409
    assert not BudgetLine.objects.exists()


def test_api_import_preview_then_commit(client, world, budget):
    client.force_login(world.nav_leader)
    body = {"file_name": "nordland.csv", "content_base64": base64.b64encode(CSV).decode()}
    preview = client.post(
        f"/api/v1/budgets/{budget.pk}/import-preview", body, content_type="application/json"
    )
    assert preview.status_code == 200 and len(preview.json()["lines"]) == 17 + 5 + 2 + 1
    assert not BudgetLine.objects.exists()
    body["revision"] = budget.revision
    done = client.post(
        f"/api/v1/budgets/{budget.pk}/imports", body, content_type="application/json"
    )
    assert done.status_code == 201 and done.json()["line_count"] == 17
    again = client.post(
        f"/api/v1/budgets/{budget.pk}/imports", body, content_type="application/json"
    )
    assert again.status_code in (409, 422)
    assert Budget.objects.get().lines.count() == 17


def test_a_file_too_large_is_refused_before_reading(client, world, budget):
    client.force_login(world.nav_leader)
    response = _upload(client, budget, "stor.csv", CSV + b";" * (1024 * 1024))
    assert response.status_code == 400
    assert "stor.csv er større enn 1 MB, som er det meste denne importen tar." in plain(
        response.content.decode()
    )


def test_more_than_1000_accounts_are_refused(world, budget):
    from django.core.exceptions import ValidationError

    header = CSV.decode().splitlines()[:2]
    lines = [f"F Drift;{600000000000 + n} Konto {n};0;0;{n};0" for n in range(1001)]
    with pytest.raises(ValidationError) as caught:
        services.budget_import_preview(
            budget=budget, filename="alt.csv", content="\n".join(header + lines).encode()
        )
    assert caught.value.messages == [
        "alt.csv har 1001 kontolinjer; et budsjett kan ha høyst 1000. Ingenting ble importert."
    ]


def test_a_report_for_another_year_is_refused_with_file_and_cell(client, world):
    budget_2019 = services.budget_create(
        actor=world.nav_leader, partnership=world.orland, name="Prosjekt 2019", year=2019
    )
    client.force_login(world.nav_leader)
    response = _upload(client, budget_2019, "nordland.csv", CSV)
    assert response.status_code == 400
    assert (
        "nordland.csv, rad 1, kolonne A: rapporten gjelder NOV-18, men budsjettet gjelder 2019."
        in plain(response.content.decode())
    )
    # Committing directly (the API's second step) is refused the same way.
    with pytest.raises(ValidationError):
        services.budget_import_commit(
            actor=world.nav_leader,
            budget=budget_2019,
            revision=budget_2019.revision,
            filename="nordland.xlsx",
            content=XLSX,
        )
    assert not BudgetLine.objects.exists() and not BudgetImport.objects.exists()


def test_the_erp_sums_of_groups_appear_with_their_per_cents_on_page_pdf_and_api(
    client, world, budget, tmp_path
):
    client.force_login(world.nav_leader)
    preview = _upload(client, budget, "nordland.csv", CSV)
    text = plain(preview.content.decode())
    assert (
        "Rad 12, A SUM LØNN OG ANDRE GODTGJØRSLER, kolonne «HIÅ Forbruk»: rapporten sier "
        "714 540, linjene blir til sammen 714 541 — avrunding av rapportens linjer." in text
    )
    assert _commit(client, budget, preview).status_code == 302
    page = plain(client.get(f"/budsjett/{budget.pk}/").content.decode())
    # 714 541 of 275 000 to date is 260 %, of 300 000 for the year 238 %: as the ERP said
    assert re.search(r"A SUM LØNN OG ANDRE GODTGJØRSLER 300 000.*? 260 % 238 %", page)
    assert "B SUM VARER OG TJENESTER" in page
    api = client.get(f"/api/v1/budgets/{budget.pk}").json()
    sums = [line for line in api["lines"] if line["kind"] == "supergroup"]
    assert [s["name"] for s in sums] == [
        "A SUM LØNN OG ANDRE GODTGJØRSLER",
        "B SUM VARER OG TJENESTER",
    ]
    assert (sums[0]["per_cent_of_budget_to_date"], sums[0]["per_cent_of_annual_budget"]) == (
        "260",
        "238",
    )
    pdf = client.get(f"/budsjett/{budget.pk}/rapport.pdf")
    assert "A SUM LØNN OG ANDRE GODTGJØRSLER" in tools.pdf_text(pdf.content, tmp_path)
