"""The python-docx helpers: what they write, Word readers (python-docx, LibreOffice) read back."""

from io import BytesIO

import docx as python_docx
from django.utils import translation

from partnerskap.documents import docx

from .tools import docx_text, office_profile  # noqa: F401


def _document() -> bytes:
    document = docx.new_document(title="Referat")
    docx.heading(document, "Referat fra partnerskapsmøtet", level=0)
    docx.paragraph(document, "Første linje\nAndre linje", italic=True)
    docx.table(document, ["Hva", "Ansvarlig"], [["Lage plan", "Kari Nordmann"]])
    docx.table(document, None, [("Sted", "Rådhuset, Brekstad")])
    return docx.to_bytes(document)


def test_reads_back_with_python_docx():
    with translation.override("nn"):
        document = python_docx.Document(BytesIO(_document()))
    assert document.core_properties.title == "Referat"
    assert document.core_properties.language == "nn-NO"
    texts = [p.text for p in document.paragraphs]
    assert "Referat fra partnerskapsmøtet" in texts
    assert "Første linje\nAndre linje" in texts
    header, row = document.tables[0].rows
    assert [c.text for c in header.cells] == ["Hva", "Ansvarlig"]
    assert [c.text for c in row.cells] == ["Lage plan", "Kari Nordmann"]
    assert header._tr.trPr is not None  # the header row repeats on every page
    assert [c.text for c in document.tables[1].rows[0].cells] == ["Sted", "Rådhuset, Brekstad"]


def test_libreoffice_reads_the_same_text(tmp_path, office_profile):  # noqa: F811
    text = docx_text(_document(), tmp_path, office_profile)
    for expected in (
        "Referat fra partnerskapsmøtet",
        "Første linje",
        "Andre linje",
        "Lage plan",
        "Kari Nordmann",
        "Rådhuset, Brekstad",
    ):
        assert expected in text
