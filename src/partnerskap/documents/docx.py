"""Small helpers on python-docx, so every app writes Word documents the same way."""

from collections.abc import Iterable, Sequence
from io import BytesIO

from django.utils import translation
from docx import Document as new_docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

# Word's BCP 47 tags for our languages, so spelling and hyphenation follow the document.
WORD_LANGUAGES = {"nb": "nb-NO", "nn": "nn-NO", "en": "en-GB"}


def new_document(*, title: str) -> Document:
    """An empty document in the active language, with its title in the file's properties."""
    document = new_docx()
    document.core_properties.title = title
    language = WORD_LANGUAGES.get(translation.get_language() or "nb", "nb-NO")
    document.core_properties.language = language
    normal = document.styles["Normal"]
    normal.font.size = Pt(11)
    run_properties = normal.element.get_or_add_rPr()
    lang = run_properties.find(qn("w:lang"))
    if lang is None:
        lang = run_properties.makeelement(qn("w:lang"), {})
        run_properties.append(lang)
    lang.set(qn("w:val"), language)
    return document


def heading(document: Document, text: str, level: int = 1) -> Paragraph:
    return document.add_heading(text, level=level)


def paragraph(
    document: Document,
    text: str = "",
    *,
    bold: bool = False,
    italic: bool = False,
    style: str | None = None,
) -> Paragraph:
    """A paragraph; line breaks in `text` stay line breaks, as in the text fields they come from."""
    para = document.add_paragraph(style=style)
    for index, line in enumerate(text.splitlines() or [""]):
        run = para.add_run()
        if index:
            run.add_break()
        run.add_text(line)
        run.bold, run.italic = bold, italic
    return para


def table(
    document: Document,
    headers: Sequence[str] | None,
    rows: Iterable[Sequence[str]],
) -> Table:
    """A table with a bold header row repeated on every page, or plain label/value rows."""
    body_rows = [list(row) for row in rows]
    columns = len(headers) if headers else max((len(r) for r in body_rows), default=1)
    grid = document.add_table(rows=0, cols=columns)
    grid.style = "Table Grid"
    if headers:
        cells = grid.add_row().cells
        for cell, text in zip(cells, headers, strict=True):
            cell.paragraphs[0].add_run(text).bold = True
        _repeat_as_header(grid)
    for row in body_rows:
        for cell, text in zip(grid.add_row().cells, row, strict=False):
            cell.text = text
    return grid


def _repeat_as_header(grid: Table) -> None:
    row_properties = grid.rows[0]._tr.get_or_add_trPr()
    row_properties.append(row_properties.makeelement(qn("w:tblHeader"), {}))


def to_bytes(document: Document) -> bytes:
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()
