"""HTML to PDF with WeasyPrint: archival PDF/A-2b by default, fonts embedded, no network access."""

import base64
import re
from functools import cache
from io import BytesIO
from pathlib import Path

import weasyprint
from django.contrib.staticfiles import finders
from fontTools.ttLib import TTFont
from weasyprint.text.fonts import FontConfiguration

ARCHIVAL_VARIANT = "pdf/a-2b"

# NAV's typeface, self-hosted in core's static files. Glyphs it lacks (Sámi letters such as č, ŋ,
# ŧ) fall back to DejaVu Sans from the system through fontconfig; both end up embedded.
FONT_FACES = (
    ("normal", 400, "source-sans-3-latin-400-normal.woff2"),
    ("italic", 400, "source-sans-3-latin-400-italic.woff2"),
    ("normal", 600, "source-sans-3-latin-600-normal.woff2"),
    ("normal", 700, "source-sans-3-latin-700-normal.woff2"),
)


def _truetype_data_uri(woff2: Path) -> str:
    """The font as TrueType in a data: URL. WeasyPrint would otherwise unpack the WOFF2 file
    on every render (half a second for our four faces); this unpacks it once per process."""
    font = TTFont(woff2)
    font.flavor = None
    buffer = BytesIO()
    font.save(buffer)
    return "data:font/ttf;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


@cache
def font_face_css() -> str:
    """@font-face rules with the fonts inline, so rendering never reads the network."""
    rules = []
    for style, weight, filename in FONT_FACES:
        path = finders.find(f"vendor/fonts/{filename}")
        if not isinstance(path, str):
            continue  # a missing file leaves that face to the fallback font, not a broken render
        rules.append(
            f'@font-face {{ font-family: "Source Sans 3"; font-style: {style}; '
            f'font-weight: {weight}; src: url("{_truetype_data_uri(Path(path))}"); }}'
        )
    return "\n".join(rules)


def _local_fetcher() -> weasyprint.URLFetcher:
    """Local files and data: URLs only: a render must not leak to, or hang on, another host."""
    return weasyprint.URLFetcher(allowed_protocols={"file", "data"})


def render_pdf(html: str, *, archival: bool = True, base_url: str | None = None) -> bytes:
    """The PDF of an HTML document; `archival` makes it PDF/A-2b, the archives' format."""
    font_config = FontConfiguration()
    fetcher = _local_fetcher()
    fonts = weasyprint.CSS(string=font_face_css(), font_config=font_config, url_fetcher=fetcher)
    document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher)
    pdf = document.write_pdf(
        stylesheets=[fonts],
        font_config=font_config,
        pdf_variant=ARCHIVAL_VARIANT if archival else None,
    )
    assert pdf is not None  # write_pdf returns bytes when given no target
    return pdf


_PLACEHOLDER = re.compile(r"%\((page|pages)\)s")


def css_string(text: str) -> str:
    """A CSS string literal; `<` is escaped too, so a translation cannot close a <style>."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return '"' + escaped.replace("<", "\\3c ") + '"'


def css_page_counter(sentence: str) -> str:
    """A CSS `content` value from a whole sentence such as "Page %(page)s of %(pages)s", so the
    footer is translated as one sentence while the numbers stay CSS page counters."""
    parts = []
    for index, piece in enumerate(_PLACEHOLDER.split(sentence)):
        if index % 2:
            parts.append(f"counter({piece})")
        elif piece:
            parts.append(css_string(piece))
    return " ".join(parts)
