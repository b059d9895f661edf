"""Norwegian words for the index: Snowball stems, the passage that matched, and a file's text.

The same stemmer runs over the indexed text and the query on every database, so PostgreSQL and
SQLite (whose FTS5 has no Norwegian stemmer) find the same items (docs/decisions/0046).
"""

import io
import logging
import re
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

logger = logging.getLogger(__name__)

# Letters and digits, with inner hyphens kept out: "NAV-kontoret" is two words, as FTS sees it.
WORD = re.compile(r"\w+", re.UNICODE)
# Long enough for a sentence of a decision, short enough for a result list.
PASSAGE_WORDS = 30
# A document's text beyond this is not indexed: the first pages carry what people search for.
MAX_TEXT = 200_000

_stemmer = snowballstemmer.stemmer("norwegian")  # bokmål and nynorsk endings (Snowball 3)


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    return _stemmer.stemWord(word.lower())


def words(text: str) -> list[str]:
    return WORD.findall(text or "")


def stems(text: str) -> str:
    """The text as stems, one per word, in order: what the index matches queries against."""
    return " ".join(stem(w) for w in words(text))


def query_stems(query: str) -> list[str]:
    """The query's words as stems; the index matches the last one as a prefix."""
    return [stem(w) for w in words(query)][:12]


@dataclass(frozen=True)
class Matcher:
    """Tells whether a word of a text is one the query asked for."""

    exact: frozenset[str]
    prefix: str

    def matches(self, word: str) -> bool:
        word_stem = stem(word)
        return word_stem in self.exact or (bool(self.prefix) and word_stem.startswith(self.prefix))


def matcher(query: str) -> Matcher:
    terms = query_stems(query)
    if not terms:
        return Matcher(frozenset(), "")
    return Matcher(frozenset(terms[:-1]), terms[-1])


def passage(text: str, match: Matcher, *, size: int = PASSAGE_WORDS) -> SafeString:
    """About `size` words of the text around its first match, the matching words in <mark>."""
    spans = [m.span() for m in WORD.finditer(text or "")]
    if not spans:
        return mark_safe("")
    hits = [i for i, (a, b) in enumerate(spans) if match.matches(text[a:b])]
    first = max(0, (hits[0] if hits else 0) - size // 3)
    last = min(len(spans), first + size)
    start = spans[first][0] if first > 0 else 0
    end = spans[last - 1][1]
    pieces = ["… " if first > 0 else ""]
    cursor = start
    for i in range(first, last):
        a, b = spans[i]
        pieces.append(escape(text[cursor:a]))
        word = escape(text[a:b])
        pieces.append(f"<mark>{word}</mark>" if i in hits else word)
        cursor = b
    pieces.append(" …" if end < len(text.rstrip()) else "")
    return mark_safe("".join(pieces))


# --- the text of files ----------------------------------------------------------------------

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def file_text(data: bytes, content_type: str, name: str = "") -> str:
    """The text of a PDF or DOCX file; empty for other kinds and for files that cannot be read."""
    lower = name.lower()
    try:
        if content_type == PDF or lower.endswith(".pdf"):
            return _pdf_text(data)[:MAX_TEXT]
        if content_type == DOCX or lower.endswith(".docx"):
            return _docx_text(data)[:MAX_TEXT]
    except Exception:  # a broken upload must not stop the index: it is found by its title
        logger.warning("Could not read the text of %s", name or content_type, exc_info=True)
    return ""


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    parts, size = [], 0
    for page in reader.pages:
        text = page.extract_text() or ""
        parts.append(text)
        size += len(text)
        if size > MAX_TEXT:
            break
    return "\n".join(parts)


def _docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)
