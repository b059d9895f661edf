"""The figures pages and API: Indre Fosen before and during the pandemic (done 2), the county
table, PDFs, imports through the pages, manual entry and status reports."""

import base64
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from partnerskap.figures import services
from partnerskap.figures.models import ImportBatch, ImportStatus, Indicator, Observation

from .conftest import DATA, pdf_text

# Indre Fosen's status presentation: week 10 (before) and week 18 (during the pandemic).
INDRE_FOSEN = (
    "Indikator;Enhet;Periode;Verdi\n"
    "users_follow_up;{unit};2020-W10;581\n"
    "users_follow_up_aap;{unit};2020-W10;241\n"
    "users_follow_up_unemployment;{unit};2020-W10;73\n"
    "users_follow_up_under_30;{unit};2020-W10;171\n"
    "users_follow_up;{unit};2020-W18;1130\n"
    "users_follow_up_aap;{unit};2020-W18;241\n"
    "users_follow_up_unemployment;{unit};2020-W18;149\n"
    "users_follow_up_under_30;{unit};2020-W18;257\n"
)


@pytest.fixture
def pandemic(world):
    content = INDRE_FOSEN.format(unit=world.orland_office.unit_number).encode()
    batch = services.import_preview(
        actor=world.nav_leader,
        partnership=world.orland,
        file=SimpleUploadedFile("status.csv", content),
        source="NAV-kontorets egen telling",
        extracted_on=date(2020, 6, 15),
    )
    services.import_commit(actor=world.nav_leader, batch=batch, revision=batch.revision)


def test_period_comparison_page_shows_549_and_94_5_per_cent(world, pandemic, client):
    client.force_login(world.member)
    url = reverse("figures:comparison", args=[world.orland.pk])
    response = client.get(url, {"fra": "2020-W10", "til": "2020-W18"})
    assert response.status_code == 200
    row = _row(response.content.decode(), "Brukere i arbeidsrettet oppfølging")
    assert row == ["581", "1\xa0130", "+549", "+94,5"]
    assert _row(response.content.decode(), "Av dem med dagpenger") == ["73", "149", "+76", "+104,1"]


def test_period_comparison_api_gives_549_and_94_5(world, pandemic, client):
    client.force_login(world.member)
    url = f"/api/v1/partnerships/{world.orland.pk}/figures/comparison"
    data = client.get(url, {"before": "2020-W10", "after": "2020-W18"}).json()
    figure = next(f for f in data["figures"] if f["indicator"] == "users_follow_up")
    assert figure == {
        "indicator": "users_follow_up",
        "before": 581,
        "after": 1130,
        "change": 549,
        "per_cent": 94.5,
    }
    # without periods: the latest two
    assert client.get(url).json()["before"] == "2020-W10"


def _row(html: str, label: str) -> list[str]:
    import re

    match = re.search(r'<th scope="row"[^>]*>' + re.escape(label) + r"</th>(.*?)</tr>", html, re.S)
    assert match, label
    return [cell.strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", match.group(1), re.S)]


def test_overview_and_pdf(world, pandemic, client):
    client.force_login(world.member)
    response = client.get(reverse("figures:overview", args=[world.orland.pk]))
    html = response.content.decode()
    assert "1\xa0130" in html and "<svg" in html  # table and chart
    assert _row(html, "uke 18 2020")[:4] == ["1\xa0130", "241", "149", "257"]
    pdf = client.get(reverse("figures:overview_pdf", args=[world.orland.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    text = pdf_text(pdf.content)
    assert "1 130" in text and "uke 18 2020" in text


def test_upload_preview_and_commit_through_the_pages(world, mr_offices, client):
    client.force_login(world.nav_leader)
    url = reverse("figures:import_upload", args=[world.orland.pk])
    text = (DATA / "mr_agreed_activity.csv").read_text(encoding="utf-8")
    text = text.replace("1504 NAV Ålesund;87;", "1504 NAV Ålesund;78;")
    response = client.post(
        url,
        {
            "file": SimpleUploadedFile("aktivitet.csv", text.encode()),
            "period": "2018-11",
            "source": "Datavarehuset",
            "extracted_on": "2018-11-12",
        },
    )
    batch = ImportBatch.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{batch.pk}/")
    preview = client.get(response["Location"]).content.decode()
    assert "figures-flagged" in preview and "Flagget:" in preview
    assert "«Andel i avtalt aktivitet» sier 78" in preview
    assert not Observation.objects.exists()
    commit = reverse("figures:import_commit", args=[world.orland.pk, batch.pk])
    assert client.post(commit, {"revision": batch.revision}).status_code == 302
    assert Observation.objects.count() == 62
    # a second commit of the same batch with the old revision is a conflict, not a double import
    client.post(commit, {"revision": batch.revision})
    assert Observation.objects.count() == 62


def test_upload_with_errors_lists_them_and_saves_nothing(world, mr_offices, client):
    client.force_login(world.nav_leader)
    response = client.post(
        reverse("figures:import_upload", args=[world.orland.pk]),
        {
            "file": SimpleUploadedFile(
                "bad.csv",
                (DATA / "mr_agreed_activity.csv")
                .read_text(encoding="utf-8")
                .replace("1 173;1 546", "mange;1 546")
                .encode(),
            ),
            "period": "2018-11",
            "source": "Datavarehuset",
            "extracted_on": "2018-11-12",
        },
    )
    assert response.status_code == 200
    assert "«mange» er ikke et helt antall personer" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_a_reader_cannot_import(world, client):
    client.force_login(world.member)
    assert client.get(reverse("figures:import_upload", args=[world.orland.pk])).status_code == 403
    client.force_login(world.outsider)
    assert client.get(reverse("figures:overview", args=[world.orland.pk])).status_code == 404


def test_manual_entry(world, client):
    client.force_login(world.nav_leader)
    indicator = Indicator.objects.get(code="kvp_participants")
    response = client.post(
        reverse("figures:manual_entry", args=[world.orland.pk]),
        {
            "indicator": indicator.pk,
            "level": "office",
            "period": "2020-W10",
            "value": "12",
            "source": "Fagsystemet",
            "extracted_on": "2020-03-09",
        },
    )
    assert response.status_code == 302
    observation = Observation.objects.get()
    assert (observation.office, observation.value) == (world.orland_office, 12)


def test_manual_entry_refuses_a_period_that_does_not_exist(world, client):
    client.force_login(world.nav_leader)
    response = client.post(
        reverse("figures:manual_entry", args=[world.orland.pk]),
        {
            "indicator": Indicator.objects.get(code="kvp_participants").pk,
            "level": "office",
            "period": "2020-W54",
            "value": "12",
            "source": "Fagsystemet",
            "extracted_on": "2020-03-09",
        },
    )
    assert "2020 har ingen uke 54." in response.content.decode()
    assert not Observation.objects.exists()


def test_api_import_and_commit(world, client):
    client.force_login(world.nav_leader)
    content = INDRE_FOSEN.format(unit=world.orland_office.unit_number).encode()
    url = f"/api/v1/partnerships/{world.orland.pk}/figures/imports"
    response = client.post(
        url,
        {
            "file_name": "status.csv",
            "content_base64": base64.b64encode(content).decode(),
            "source": "NAV-kontorets egen telling",
            "extracted_on": "2020-06-15",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    batch = response.json()
    commit = f"{url}/{batch['id']}/commit"
    assert (
        client.post(
            commit, {"revision": batch["revision"] + 1}, content_type="application/json"
        ).status_code
        == 409
    )
    assert client.post(
        commit, {"revision": batch["revision"]}, content_type="application/json"
    ).json() == {"written": 8}
    assert ImportBatch.objects.get().status == ImportStatus.COMMITTED


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("figures:overview", "post"),
        ("figures:county", "post"),
        ("figures:comparison", "post"),
    ],
)
def test_wrong_method(world, client, name, method):
    client.force_login(world.nav_leader)
    assert getattr(client, method)(reverse(name, args=[world.orland.pk])).status_code == 405


def test_commit_only_by_post(world, mr_offices, client):
    batch = services.import_preview(
        actor=world.nav_leader,
        partnership=world.orland,
        file=SimpleUploadedFile("a.csv", (DATA / "mr_agreed_activity.csv").read_bytes()),
        source="Datavarehuset",
        extracted_on=date(2018, 11, 12),
        period_text="2018-11",
    )
    client.force_login(world.nav_leader)
    url = reverse("figures:import_commit", args=[world.orland.pk, batch.pk])
    assert client.get(url).status_code == 405
    assert not Observation.objects.exists()


def test_anonymous_goes_to_the_login(client, world):
    response = client.get(reverse("figures:overview", args=[world.orland.pk]))
    assert response.status_code == 302 and "/logg-inn/" in response["Location"]


def test_an_import_of_another_partnership_is_not_found(world, mr_offices, client):
    batch = services.import_preview(
        actor=world.other_leader,
        partnership=world.other,
        file=SimpleUploadedFile("a.csv", (DATA / "mr_agreed_activity.csv").read_bytes()),
        source="Datavarehuset",
        extracted_on=date(2018, 11, 12),
        period_text="2018-11",
    )
    client.force_login(world.nav_leader)
    url = reverse("figures:import_preview", args=[world.orland.pk, batch.pk])
    assert client.get(url).status_code == 404
