"""A crawl of what a signed-in person reaches by following links, for the browser tests.

Links are followed breadth-first from a start page; files (PDF, XLSX, calendars, archives), the
API, feeds and sign-out are not pages and are left out. Pages of one kind (the same path with
other ids: /moter/12/ and /moter/97/) are visited up to `per_kind` times, so the crawl reaches
every kind of page the demo has without loading each of its thousand meetings.
"""

import re
from collections import deque
from collections.abc import Iterator
from urllib.parse import urldefrag, urlsplit

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

from .conftest import check_a11y

NOT_PAGES = re.compile(
    r"(\.(pdf|xlsx|csv|ics|docx|tar|zip|json|xml|atom|svg|png)$)|^/(api|static|media|internal)/"
    r"|/logg-ut/|/i18n/|/kalender/.+|/feed|/last-ned/|/nedlasting/|/eksport"
)

LINKS = """() => [...document.querySelectorAll('a[href]')].map(a => a.href)"""


def kind(path: str) -> str:
    """/moter/12/saker/3/ → /moter/#/saker/#/ ; /organer/1/arshjul/2026/ → …/arshjul/#/."""
    return re.sub(r"/\d+(?=/|$)", "/#", path)


def crawl(page: Page, start: str = "/", *, limit: int = 150, per_kind: int = 1) -> Iterator[str]:
    """Open pages breadth-first from `start` and yield each path once the page has loaded."""
    origin = urlsplit(page.url).netloc
    queue, seen, kinds = deque([start]), {start}, {}
    opened = 0
    while queue and opened < limit:
        path = queue.popleft()
        try:
            response = page.goto(path)
        except PlaywrightError:  # a link to a file: "Download is starting"
            continue
        if response is None or "text/html" not in response.headers.get("content-type", ""):
            continue
        opened += 1
        check_a11y(page)
        yield path
        for href in page.evaluate(LINKS):
            url = urlsplit(urldefrag(href)[0])
            if url.netloc != origin or url.query:
                continue
            target = url.path
            if target in seen or NOT_PAGES.search(target):
                continue
            seen.add(target)
            if kinds.get(kind(target), 0) >= per_kind:
                continue
            kinds[kind(target)] = kinds.get(kind(target), 0) + 1
            queue.append(target)
