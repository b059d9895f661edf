"""Search, the archive extraction page and the public index in a real browser, on the demo.

The NAV leader of Ørland searches from the header box for an inflected compound, sees the hits
grouped by kind with the matching words marked, narrows them to agenda items and opens one;
Ørland's municipal owner opens the extraction page of the partnership meeting and downloads a
year; a visitor without login reads the public index, a body's coming agendas and its feed.
Every page is checked with axe on the way.
"""

import re
import tarfile

from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import Page, expect

from partnerskap.demo.meetings import orland

from .conftest import check_a11y, follow, log_in, submit, visit


def nb(msgid: str) -> str:
    with translation.override("nb"):
        return gettext(msgid)


def test_search_from_the_header(page: Page, demo_data: None):
    log_in(page, "leder.orland")
    box = page.locator("#site-search-q")
    box.fill("partnerskapsmøtene")
    with page.expect_navigation():
        box.press("Enter")
    check_a11y(page)
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", level=2, name=re.compile("treff på «partnerskapsmøtene»")))
    expect(main.get_by_role("heading", level=3, name="Møter")).to_be_visible()
    expect(main.locator("mark").first).to_be_visible()
    main.get_by_label("Type", exact=True).select_option("item")
    main.get_by_label("Partnerskap", exact=True).select_option(label="NAV Ørland")
    submit(page, "Søk")
    assert [h.inner_text() for h in main.get_by_role("heading", level=3).all()] == ["Saker"]
    first = main.locator(".search-hit a").first
    title = first.inner_text()
    with page.expect_navigation():
        first.click()
    check_a11y(page)
    assert "/moter/" in page.url
    expect(page.get_by_role("main")).to_contain_text(title.split(" ", 2)[2][:20])


def test_the_owner_downloads_an_extraction(page: Page, demo_data: None):
    from partnerskap.meetings.models import Body

    body = Body.objects.get(slug=orland.SLUG)
    log_in(page, "kommunedirektor.orland")
    visit(page, f"/organer/{body.pk}/arkivuttrekk/")
    page.get_by_label("Fra").fill("2020-01-01")
    page.get_by_label("Til").fill("2020-12-31")
    with page.expect_download() as download:
        page.get_by_role("main").get_by_role("button", name="Last ned arkivuttrekket").click()
    with tarfile.open(download.value.path()) as tar:
        names = {m.name.split("/", 1)[1] for m in tar.getmembers()}
    assert {"arkivuttrekk.xml", "arkivstruktur.xml", "endringslogg.xml"} <= names
    # A period without approved minutes is refused on the page, with the reason.
    page.get_by_label("Fra").fill("2001-01-01")
    page.get_by_label("Til").fill("2001-12-31")
    submit(page, "Last ned arkivuttrekket")
    expect(page.get_by_role("main")).to_contain_text("ingen møter med godkjent referat")


def test_the_public_index_and_a_feed(page: Page, demo_data: None):
    visit(page, "/offentlig/")
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", level=1)).to_have_text(nb("Public minutes and meetings"))
    follow(page, orland.NAME)
    assert f"/offentlig/{orland.SLUG}/" in page.url
    visit(page, f"/offentlig/{orland.SLUG}/moter/")
    response = page.request.get(f"/offentlig/{orland.SLUG}/atom.xml")
    assert response.ok and b"<feed" in response.body()
