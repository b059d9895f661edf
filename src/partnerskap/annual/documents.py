"""The council report as DOCX (what a council case needs) and PDF/A (the archive's format), both
made from the frozen content of report.report_content."""

from django.template.loader import render_to_string
from django.utils.text import slugify

from partnerskap.documents import docx
from partnerskap.documents.pdf import render_pdf


def report_docx(content: dict) -> bytes:
    document = docx.new_document(title=content["title"])
    docx.heading(document, content["title"], level=0)
    for section in content["sections"]:
        docx.heading(document, section["heading"], level=1)
        if section["text"]:
            docx.paragraph(document, section["text"])
        for line in section["lines"]:
            docx.paragraph(document, line)
        for table in section["tables"]:
            docx.table(document, table["headers"], table["rows"])
    return docx.to_bytes(document)


def report_pdf(content: dict, *, archival: bool = True) -> bytes:
    html = render_to_string("annual/print/report.html", {"content": content})
    return render_pdf(html, archival=archival)


def file_name(content: dict, number: int, extension: str) -> str:
    """kommunestyrerapport-nav-orland-2025-v1.pdf"""
    whose = slugify(content["partnership"])
    return f"kommunestyrerapport-{whose}-{content['year']}-v{number}.{extension}"
