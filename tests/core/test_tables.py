"""The one table reader (core.tables): encodings, delimiters, workbooks and limits, and the same
refusals from every import that uses it — each file made here by the test."""

import io
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from partnerskap.core.tables import Limits, TableRefused, decode, read_table, size_text

SMALL = Limits(max_bytes=10_000, max_rows=5, max_columns=4, max_cell_chars=20)


def xlsx(rows: list[list[object]], title: str = "Ark1") -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def dimension_bomb(rows: list[list[object]] | None = None) -> bytes:
    """A small workbook whose sheet declares A1:XFD1048576, the largest range Excel allows."""
    source = zipfile.ZipFile(io.BytesIO(xlsx(rows or [["Enhet", "Antall"], ["1502", 3]])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                text = data.decode()
                start = text.index("<dimension ref=")
                end = text.index("/>", start) + 2
                data = (text[:start] + '<dimension ref="A1:XFD1048576"/>' + text[end:]).encode()
            target.writestr(item, data)
    return out.getvalue()


def legacy_xls() -> bytes:
    """The first bytes of an Excel 97–2003 file (a Compound File Binary), padded to a sector."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def long_field_csv() -> bytes:
    return ("Enhet;Antall\n1502 NAV Molde;" + "9" * (129 * 1024) + "\n").encode()


# --- the reader on its own --------------------------------------------------------------------


@pytest.mark.parametrize(
    "encoding,data",
    [
        ("utf-8", "Enhet;Navn\n1;Ørland og Åfjord\n".encode()),
        ("utf-8-sig", "Enhet;Navn\n1;Ørland og Åfjord\n".encode("utf-8-sig")),
        ("utf-16", "Enhet\tNavn\n1\tØrland og Åfjord\n".encode("utf-16")),
        ("cp1252", "Enhet;Navn\n1;Ørland og Åfjord\n".encode("cp1252")),
        ("cp865", "Enhet;Navn\n1;Ørland og Åfjord\n".encode("cp865")),
        ("mac_roman", "Enhet;Navn\n1;Ørland og Åfjord\n".encode("mac_roman")),
    ],
)
def test_csv_in_the_encodings_norwegian_spreadsheets_write(encoding, data):
    assert read_table("t.csv", data, SMALL) == [["Enhet", "Navn"], ["1", "Ørland og Åfjord"]]


def test_lowercase_letters_of_code_page_865_are_not_taken_for_windows_1252():
    assert decode("blå, grønn og kjærlig".encode("cp865")) == "blå, grønn og kjærlig"
    assert decode("blå, grønn og kjærlig".encode("cp1252")) == "blå, grønn og kjærlig"


@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_delimiter_is_found(delimiter):
    text = delimiter.join(["Enhet", "Andel", "Antall"]) + "\n"
    text += delimiter.join(["1502 NAV Molde", '"94,5"' if delimiter == "," else "94,5", "7"])
    assert read_table("t.csv", text.encode(), SMALL)[1] == ["1502 NAV Molde", "94,5", "7"]


def test_semicolons_win_over_decimal_commas():
    text = "Enhet;Andel;Andel2\n1502;94,5;5,5\n1504;90,1;9,9\n"
    assert read_table("t.csv", text.encode(), SMALL)[2] == ["1504", "90,1", "9,9"]


def test_rows_keep_their_spreadsheet_numbers_and_lose_trailing_empty_cells():
    data = xlsx([["Tittel"], [], ["Enhet", "Antall", None], ["1502", 3]])
    assert read_table("t.xlsx", data, SMALL) == [["Tittel"], [], ["Enhet", "Antall"], ["1502", 3]]
    assert read_table("t.csv", b"a;b;;\n\n1;2\n", SMALL) == [["a", "b"], [], ["1", "2"]]


def test_the_declared_dimension_of_a_workbook_is_ignored():
    started = time.perf_counter()
    rows = read_table("bombe.xlsx", dimension_bomb(), SMALL)
    assert rows == [["Enhet", "Antall"], ["1502", 3]]
    assert time.perf_counter() - started < 1


@pytest.mark.parametrize(
    "data,expected",
    [
        (b"x" * 10_001, "t.csv er større enn 9,8 kB, som er det meste denne importen tar."),
        (
            b"a\n" * 6,
            "t.csv har mer enn 5 rader; denne importen tar høyst 5. Del filen i mindre filer.",
        ),
        (b"1;2;3;4;5\n", "t.csv, rad 1 har 5 kolonner; denne importen tar høyst 4."),
        (
            b"a;" + b"b" * 21 + b"\n",
            "t.csv, rad 1: en celle har mer enn 20 tegn; denne importen tar høyst 20 per celle.",
        ),
        (
            legacy_xls(),
            "t.csv er en Excel 97–2003-arbeidsbok (.xls), som ikke kan leses. Åpne den i Excel "
            "og lagre den som Excel-arbeidsbok (.xlsx) eller som CSV.",
        ),
        (b"PK\x03\x04broken", "t.csv kunne ikke leses som en Excel-arbeidsbok (.xlsx)."),
        (
            b"a;b\x00\x01\x02",
            "t.csv er ikke en tabell: lagre den som CSV eller som Excel-arbeidsbok (.xlsx).",
        ),
    ],
)
def test_each_limit_is_refused_in_norwegian_naming_the_file_and_the_limit(data, expected):
    with pytest.raises(TableRefused) as refused:
        read_table("t.csv", data, SMALL)
    assert refused.value.text == expected


def test_a_workbook_with_too_many_real_rows_or_columns_is_refused():
    with pytest.raises(TableRefused, match="mer enn 5 rader"):
        read_table("t.xlsx", xlsx([[n] for n in range(6)]), SMALL)
    with pytest.raises(TableRefused, match="rad 2 har 5 kolonner"):
        read_table("t.xlsx", xlsx([[1], [1, 2, 3, 4, 5]]), SMALL)


def test_a_workbook_that_unpacks_past_the_limit_is_refused_before_it_is_opened():
    data = xlsx([["x" * 20] for _ in range(3)])
    with pytest.raises(TableRefused, match="pakkes ut til"):
        read_table("t.xlsx", data, Limits(max_unpacked_bytes=1_000))


def test_size_text():
    assert size_text(1024 * 1024) == "1 MB"
    assert size_text(1536) == "1,5 kB"
    assert size_text(12) == "12 B"


# --- the same refusals from the three imports ------------------------------------------------


def _figures(world) -> Callable[[str, bytes], object]:
    from partnerskap.figures import services

    def run(name: str, data: bytes) -> object:
        return services.import_preview(
            actor=world.nav_leader,
            partnership=world.orland,
            file=SimpleUploadedFile(name, data),
            source="test",
            extracted_on=date(2020, 1, 1),
            period_text="2019",
        )

    return run


def _budgets(world) -> Callable[[str, bytes], object]:
    from partnerskap.finance import services

    budget = services.budget_create(
        actor=world.nav_leader, partnership=world.orland, name="Drift", project="", year=2019
    )

    def run(name: str, data: bytes) -> object:
        return services.budget_import_preview(budget=budget, filename=name, content=data)

    return run


def _visits(world) -> Callable[[str, bytes], object]:
    from partnerskap.reception import services

    def run(name: str, data: bytes) -> object:
        return services.import_preview(
            actor=world.nav_leader, office=world.orland_office, file=SimpleUploadedFile(name, data)
        )

    return run


CASES = {
    "dimension-bomb": ("bombe.xlsx", lambda: dimension_bomb([["Tittel"]] * 2), None),
    "129 KiB field": ("lang.csv", long_field_csv, "en celle har mer enn"),
    "legacy .xls": ("gammel.xls", legacy_xls, "Excel 97–2003-arbeidsbok (.xls)"),
}


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("importer", [_figures, _budgets, _visits])
def test_every_import_refuses_hostile_files_clearly_within_a_second_and_100_mb(
    world, importer, case
):
    run = importer(world)
    name, make, expected = CASES[case]
    data = make()
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(ValidationError) as refused:
            run(name, data)
        elapsed = time.perf_counter() - started
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert elapsed < 1
    assert peak < 100 * 1024 * 1024
    text = " ".join(refused.value.messages)
    assert name in text
    # the bomb is read as its two real rows, which name no table the import knows
    assert expected in text if expected else "kolonne" in text.lower()


def test_a_code_page_865_file_is_read_right_by_every_import(world):
    figures = _figures(world)(
        "dos.csv",
        (
            "Enhet;Andel i avtalt aktivitet;Antall brukere i avtalt aktivitet;"
            "Antall brukere i arbeidsrettet oppfølging\n5057 NAV Ørland;50,0;5;10\n"
        ).encode("cp865"),
    )
    assert figures.preview["rows"][0]["label"] == "5057 NAV Ørland"
    report = _budgets(world)(
        "dos.csv",
        (
            "Konto;Årets budsjett;HIÅ Budsjett;HIÅ Forbruk;Periodens forbruk\n"
            "500000 Lønn til ansatte;100;50;40;10\n"
        ).encode("cp865"),
    )
    assert report.lines[0].name == "Lønn til ansatte"
    with pytest.raises(ValidationError) as refused:
        _visits(world)(
            "dos.csv", "dato;sted;ankomst;minutter\n2020-01-13;Ørlandet;11:05;6\n".encode("cp865")
        )
    assert "«Ørlandet»" in refused.value.messages[0]
