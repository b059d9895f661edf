"""render_pdf: archival PDF/A with the fonts embedded, and nothing fetched from elsewhere."""

import pytest

from partnerskap.documents.pdf import _local_fetcher, css_page_counter, render_pdf

from .tools import pdf_fonts, pdf_metadata, pdf_text

HTML = """<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><title>Prøve</title>
<style>body { font-family: "Source Sans 3", "DejaVu Sans", sans-serif; }</style></head>
<body><h1 style="font-weight: 700">Møte i NAV Ørland</h1><p>Sak 13/27 – æøå ÆØÅ</p>
<p>Guovdageaidnu: Čáhcesuolu ŋ ŧ đ</p></body></html>"""


def test_text_survives_the_round_trip(tmp_path):
    text = pdf_text(render_pdf(HTML), tmp_path)
    assert "Møte i NAV Ørland" in text
    assert "Sak 13/27 – æøå ÆØÅ" in text
    assert "Čáhcesuolu ŋ ŧ đ" in text  # Sámi letters come from the fallback font


def test_archival_pdf_declares_pdf_a_2b(tmp_path):
    metadata = pdf_metadata(render_pdf(HTML), tmp_path)
    assert 'pdfaid:part="2"' in metadata
    assert 'pdfaid:conformance="B"' in metadata


def test_plain_pdf_makes_no_pdf_a_claim(tmp_path):
    assert "pdfaid" not in pdf_metadata(render_pdf(HTML, archival=False), tmp_path)


def test_every_font_is_embedded_and_source_sans_is_used(tmp_path):
    rows = pdf_fonts(render_pdf(HTML), tmp_path).splitlines()[2:]
    assert rows
    assert any("Source-Sans-3" in row for row in rows)
    for row in rows:
        # pdffonts columns: name type encoding emb sub uni object-id
        assert row.split()[-5] == "yes", row


def test_no_network_access():
    with pytest.raises(ValueError, match="disallowed protocol"):
        _local_fetcher().fetch("https://example.org/tracker.png")


def test_page_counter_keeps_the_sentence_whole():
    assert css_page_counter("Side %(page)s av %(pages)s") == (
        '"Side " counter(page) " av " counter(pages)'
    )
    assert css_page_counter('%(page)s/%(pages)s "x"') == (
        'counter(page) "/" counter(pages) " \\"x\\""'
    )
    assert "<" not in css_page_counter("</style>%(page)s")
