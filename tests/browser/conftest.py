"""Browser tests: Debian's Chromium driven by Playwright against a live server, axe on every page.

Each test gets a fresh browser context (no cookies, bokmål) on one Chromium shared by the session.
Every page the browser loads must be checked with `check_a11y` (the helpers `visit`, `follow`,
`submit` and `log_in` do it for you): loading a second page before the first was checked fails
the test, and a passing test's last page is checked at teardown, so no page escapes axe.
"""

import contextlib
import functools
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Response, sync_playwright

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to run while
# one is running unless told that this is safe (it is: the loop only drives the browser).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

BROWSER_DIR = Path(__file__).parent
AXE_SCRIPT = BROWSER_DIR / "vendor" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
VIEWPORT = {"width": 1280, "height": 900}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = {"serious", "critical"}
# No axe rule is disabled: every serious or critical finding is fixed in our own markup or CSS.
DISABLED_AXE_RULES: dict[str, str] = {}

DEMO_PASSWORD = "demo-partnerskap"  # partnerskap.demo.people.DEMO_PASSWORD


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark everything under tests/browser, before `-m "not browser"` deselects."""
    for item in items:
        if BROWSER_DIR in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator:
    """Keep each phase's report on the item, so teardown knows whether the test passed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


# --- the accessibility check ----------------------------------------------------------------


@dataclass
class PageRecord:
    """What one tab did: URLs checked with axe, and documents loaded but not yet checked."""

    checked: list[str] = field(default_factory=list)
    unchecked: list[str] = field(default_factory=list)


_records: dict[Page, PageRecord] = {}

_RUN_AXE = """
async ({tags, disabled}) => {
  const rules = Object.fromEntries(disabled.map((id) => [id, {enabled: false}]));
  const results = await axe.run(document, {
    runOnly: {type: "tag", values: tags}, rules, resultTypes: ["violations"],
  });
  return results.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({target: n.target.join(" "), summary: n.failureSummary})),
  }));
}
"""


def _format_violations(url: str, violations: list[dict]) -> str:
    lines = [f"axe found {len(violations)} serious or critical violation(s) on {url}:"]
    for v in violations:
        lines.append(f"- [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"]:
            summary = " ".join((node["summary"] or "").split())
            lines.append(f"    {node['target']}  —  {summary}")
    return "\n".join(lines)


@functools.cache
def _axe_source() -> str:
    return AXE_SCRIPT.read_text(encoding="utf-8")


def check_a11y(page: Page) -> None:
    """Run axe-core (WCAG 2.1 A and AA) on the current page; fail on serious or critical issues."""
    page.wait_for_load_state("load")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through DevTools, not added as an inline <script> the page's CSP would refuse.
        page.evaluate("() => {\n" + _axe_source() + "\n}")
    violations = page.evaluate(_RUN_AXE, {"tags": AXE_TAGS, "disabled": list(DISABLED_AXE_RULES)})
    blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
    record = _records.get(page)
    if record is not None:
        skipped = record.unchecked[:-1]
        record.checked.append(page.url)
        record.unchecked.clear()
        if skipped:
            pytest.fail(f"pages loaded without an axe check: {', '.join(skipped)}", pytrace=False)
    if blocking:
        pytest.fail(_format_violations(page.url, blocking), pytrace=False)


def visit(page: Page, path: str) -> Response | None:
    """Open `path` (relative to the live server) as if typed into the address bar, then check it."""
    response = page.goto(path)
    check_a11y(page)
    return response


def submit(page: Page, button_name: str) -> None:
    """Press a form's submit button in the main content, wait for the next page and check it."""
    with page.expect_navigation():
        page.get_by_role("main").get_by_role("button", name=button_name).click()
    check_a11y(page)


def follow(page: Page, link_name: str, *, exact: bool = True) -> None:
    """Click a link in the main content, as a person would, and check the page it leads to."""
    with page.expect_navigation():
        page.get_by_role("main").get_by_role("link", name=link_name, exact=exact).first.click()
    check_a11y(page)


def log_in(page: Page, username: str, password: str = DEMO_PASSWORD) -> None:
    """Sign in through the login page, in whatever language it is shown."""
    visit(page, "/logg-inn/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    with page.expect_navigation():
        page.locator("#id_password").press("Enter")
    check_a11y(page)
    assert "/logg-inn/" not in page.url, f"login as {username} failed"


def visited(page: Page) -> list[str]:
    """The URLs checked with axe so far in this test."""
    return list(_records[page].checked)


# --- fixtures -------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One Chromium for the whole session; Playwright never downloads a browser here."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: `make browser-deps` installs Debian's chromium.")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@contextlib.contextmanager
def open_page(browser: Browser, base_url: str, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh context and page on `base_url`; every page it lands on must pass axe."""
    context = browser.new_context(
        base_url=base_url, viewport=VIEWPORT, locale="nb-NO", timezone_id="Europe/Oslo"
    )
    context.set_default_timeout(10_000)
    new_page = context.new_page()
    record = _records[new_page] = PageRecord()

    # "load" fires once per new document (not for #fragment jumps), including re-rendered forms.
    new_page.on("load", lambda loaded: record.unchecked.append(loaded.url))
    try:
        yield new_page
        report = getattr(request.node, "report_call", None)
        if report is not None and report.passed and record.unchecked:
            check_a11y(new_page)
        elif report is not None and report.failed:
            print("Pages checked with axe before the failure:", *record.checked, sep="\n  ")
    finally:
        del _records[new_page]
        context.close()


@pytest.fixture
def page(browser: Browser, live_server, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh context and page on the live server; every page it lands on must pass axe."""
    with open_page(browser, live_server.url, request) as new_page:
        yield new_page


@pytest.fixture(scope="session")
def _demo_snapshot() -> Iterator[dict[str, sqlite3.Connection]]:
    """A copy of the SQLite test database right after the first demo load, kept for the session."""
    holder: dict[str, sqlite3.Connection] = {}
    yield holder
    if "snapshot" in holder:
        holder["snapshot"].close()


@pytest.fixture
def demo_data(transactional_db: None, _demo_snapshot: dict[str, sqlite3.Connection]) -> None:
    """The demo data set (the same `partnerskap demo` loads), in the live server's database.

    Loading it through the services takes seconds; on SQLite the first test loads it and the
    others get a byte-for-byte copy of that database (SQLite's backup API, a millisecond). Other
    engines load it anew for every test.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    from partnerskap.demo.loader import DemoLoader

    if connection.vendor != "sqlite":
        DemoLoader().load()
        return
    connection.ensure_connection()
    if "snapshot" not in _demo_snapshot:
        DemoLoader().load()
        snapshot = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(snapshot)
        _demo_snapshot["snapshot"] = snapshot
    else:
        _demo_snapshot["snapshot"].backup(connection.connection)
        # The flush after the previous test recreated the content types under other ids.
        ContentType.objects.clear_cache()
