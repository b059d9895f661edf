"""Done 4 of issue 12: the shipped classification of counties and municipalities loads into an
empty registry (command and page), again changes nothing, and a merger ends the old records."""

from datetime import date
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client

from partnerskap.registry import classification
from partnerskap.registry.models import County, Municipality

from ..factories import CountyFactory, MunicipalityFactory


def run(*args: str) -> str:
    out = StringIO()
    call_command("registry", "import", *args, stdout=out)
    return out.getvalue()


def test_the_shipped_classification_fills_an_empty_registry_and_again_changes_nothing(db):
    assert run("--dry-run") == (
        "ssb-fylker-og-kommuner-2024.csv: 15 nye fylker, 357 nye kommuner, 0 avsluttet, "
        "0 uendret. Prøvekjøring: ingenting ble lagret.\n"
    )
    assert not Municipality.objects.exists()
    run()
    assert County.objects.count() == 15
    assert Municipality.objects.count() == 357
    orland = Municipality.objects.get(number="5057")
    assert (orland.name, orland.county.number, orland.valid_from) == (
        "Ørland",
        "50",
        date(2024, 1, 1),
    )
    assert run() == (
        "ssb-fylker-og-kommuner-2024.csv: 0 nye fylker, 0 nye kommuner, 0 avsluttet, 372 uendret.\n"
    )
    assert Municipality.objects.count() == 357


MERGER_2020 = (
    "code;name;validFrom;validTo;replaces\n"
    "50;Trøndelag;2020-01-01;;\n"
    "5057;Ørland;2020-01-01;;5015 5017\n"
    "5054;Indre Fosen;2020-01-01;;\n"
).encode("cp1252")


def test_a_merger_ends_the_old_records_instead_of_rewriting_them(db):
    trondelag = CountyFactory(number="50", name="NAV Trøndelag")
    old_orland = MunicipalityFactory(number="5015", name="Ørland", county=trondelag)
    bjugn = MunicipalityFactory(number="5017", name="Bjugn", county=trondelag)
    indre_fosen = MunicipalityFactory(number="5054", name="Indre Fosen", county=trondelag)
    done = classification.classification_import(actor=None, name="2020.csv", data=MERGER_2020)
    assert [m.number for m in done.ended] == ["5015", "5017"]
    new_orland = Municipality.objects.get(number="5057")
    for old in (old_orland, bjugn):
        old.refresh_from_db()
        assert old.valid_to == date(2019, 12, 31)
        assert old.replaced_by == new_orland
    assert (old_orland.name, bjugn.name) == ("Ørland", "Bjugn")  # kept as they were
    indre_fosen.refresh_from_db()
    assert (
        indre_fosen.valid_to is None
        and indre_fosen.pk == Municipality.objects.get(number="5054").pk
    )
    trondelag.refresh_from_db()
    assert trondelag.name == "NAV Trøndelag"  # NAV's name for its regional unit stays
    assert old_orland.history.count() == 2  # created, then ended: one history row more


def test_a_renamed_municipality_is_a_new_record(db):
    county = CountyFactory(number="50")
    MunicipalityFactory(number="5054", name="Indre Fosen", county=county)
    data = b"code;name;validFrom\n5054;Indre Fosen - Fosen;2024-01-01\n"
    classification.classification_import(actor=None, name="ny.csv", data=data)
    records = list(Municipality.objects.filter(number="5054").order_by("valid_from"))
    assert [(m.name, m.valid_to) for m in records] == [
        ("Indre Fosen", date(2023, 12, 31)),
        ("Indre Fosen - Fosen", None),
    ]
    assert records[0].replaced_by == records[1]


@pytest.mark.parametrize(
    "data,message",
    [
        (b"kode;navn\n5057;Orland\n", "kolonnen «validFrom» mangler"),
        (b"code;name;validFrom\n505;X;2024-01-01\n", "rad 2: «505» er verken"),
        (b"code;name;validFrom\n5057;X;1.1.24\n", "rad 2: «1.1.24» er ikke en dato"),
        (b"code;name;validFrom\n9901;X;2024-01-01\n", "fylke 99, som verken"),
    ],
)
def test_bad_files_are_refused_in_norwegian_and_nothing_is_saved(db, data, message):
    with pytest.raises(CommandError) as refused:
        call_command("registry", "import", _file(data), stdout=StringIO())
    assert message in str(refused.value)
    assert not Municipality.objects.exists()


def _file(data: bytes) -> str:
    import tempfile

    handle = tempfile.NamedTemporaryFile(suffix=".csv", delete=False)  # noqa: SIM115
    handle.write(data)
    handle.close()
    return handle.name


def test_the_page_previews_then_imports_for_administrators_only(world):
    url = "/kommuner/klassifikasjon/"
    client = Client()
    client.force_login(world.nav_leader)
    assert client.get(url).status_code == 403
    client.force_login(world.admin)
    assert client.get(url).status_code == 200
    preview = client.post(url, {})
    assert preview.status_code == 200
    text = preview.content.decode()
    assert "Ingenting er lagret ennå." in text
    assert "1507 Ålesund" in text  # Ålesund got a new number in 2024: the old record ends
    assert not Municipality.objects.filter(number="1508").exists()
    content = preview.context["content"]
    done = client.post(url, {"content": content, "name": preview.context["name"], "confirm": "1"})
    assert done.status_code == 302
    assert Municipality.objects.get(number="1507").valid_to == date(2023, 12, 31)
    assert Municipality.objects.filter(valid_to__isnull=True).count() == 357


def test_the_page_refuses_a_legacy_xls_in_norwegian(world):
    client = Client()
    client.force_login(world.admin)
    upload = SimpleUploadedFile("kommuner.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    response = client.post("/kommuner/klassifikasjon/", {"file": upload})
    assert response.status_code == 400
    assert "Excel 97–2003-arbeidsbok (.xls)" in response.content.decode()
    assert not Municipality.objects.filter(number="1508").exists()
