"""At 375 px the header folds its menu and tools behind one "Meny" button that a keyboard opens
(issue 14: the header took about 250 px of a phone's screen and did not fold). Without the
script nothing is hidden: the menu stays open."""

from playwright.sync_api import Page, expect

from .conftest import log_in

HEADER_HEIGHT = "() => document.querySelector('header').getBoundingClientRect().height"


def test_header_folds_at_375_px_and_opens_by_keyboard(page: Page, demo_data: None):
    page.set_viewport_size({"width": 375, "height": 800})
    log_in(page, "leder.orland")
    assert page.evaluate(HEADER_HEIGHT) <= 64

    menu_link = page.get_by_role("navigation", name="Hovedmeny").get_by_role("link", name="Organer")
    expect(menu_link).to_be_hidden()
    button = page.get_by_role("button", name="Meny")
    expect(button).to_have_attribute("aria-expanded", "false")

    # The skip link, the product's name, then the menu button.
    for _ in range(3):
        page.keyboard.press("Tab")
    expect(button).to_be_focused()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(menu_link).to_be_visible()
    page.keyboard.press("Tab")
    nav = page.get_by_role("navigation", name="Hovedmeny")
    expect(nav.get_by_role("link").first).to_be_focused()
    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()
    expect(menu_link).to_be_hidden()


def test_wide_header_shows_the_menu_without_a_button(page: Page, demo_data: None):
    log_in(page, "leder.orland")
    expect(page.get_by_role("button", name="Meny")).to_be_hidden()
    expect(page.get_by_role("link", name="Organer")).to_be_visible()


def test_without_script_the_narrow_menu_stays_open(page: Page, demo_data: None):
    page.route("**/core/menu.js", lambda route: route.abort())
    page.set_viewport_size({"width": 375, "height": 800})
    log_in(page, "leder.orland")
    expect(page.get_by_role("button", name="Meny")).to_be_hidden()
    expect(page.get_by_role("link", name="Organer")).to_be_visible()
