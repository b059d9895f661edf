"""The foundation's main job in a real browser: sign in, find the partnership, read and correct it.

Visible text is asserted in bokmål, the default language, as a person in NAV Ørland would read it.
"""

import re
from datetime import time

from playwright.sync_api import Locator, Page, expect

from partnerskap.registry.models import Office, OpeningHours, Partnership

from .conftest import check_a11y, follow, log_in, submit, visit

DAY = re.IGNORECASE  # weekday names may be written with a small or a capital letter


def orland() -> Partnership:
    return Partnership.objects.get(name="NAV Ørland")


def open_orland_from_home(page: Page) -> None:
    """From the home page, follow the role's link to NAV Ørland, as the NAV leader would."""
    expect(page.get_by_role("heading", level=1)).to_have_text("Velkommen, Ingrid Sæther")
    follow(page, "NAV Ørland")
    expect(page.get_by_role("heading", level=1)).to_have_text("NAV Ørland")


def open_orland_office_hours_form(page: Page) -> None:
    """Partnership list → NAV Ørland → its office → the opening-hours form, by links only."""
    with page.expect_navigation():
        page.get_by_role("navigation", name="Hovedmeny").get_by_role(
            "link", name="Partnerskap", exact=True
        ).click()
    check_a11y(page)
    follow(page, "NAV Ørland")
    follow(page, "5057 NAV Ørland")
    expect(page.get_by_role("heading", level=1)).to_have_text("5057 NAV Ørland")
    follow(page, "Endre åpningstider")
    expect(page.get_by_role("heading", level=1)).to_have_text("Åpningstider for NAV Ørland")


def hours_row(page: Page, weekday: str) -> Locator:
    """The row of an opening-hours table (on a page or in the form) for one weekday."""
    return (
        page.get_by_role("main")
        .get_by_role("row")
        .filter(has=page.get_by_role("rowheader", name=re.compile(f"^{weekday}$", DAY)))
    )


def switch_language(page: Page, code: str) -> None:
    """Choose a language in the header's language form and press its button."""
    header = page.get_by_role("banner")
    header.get_by_role("combobox").select_option(code)
    with page.expect_navigation():
        header.get_by_role("button", name=re.compile("språk|language", re.IGNORECASE)).click()
    check_a11y(page)


def test_anonymous_visitor_lands_on_the_login_page_in_bokmal(page: Page, demo_data: None) -> None:
    visit(page, "/")

    assert "/logg-inn/" in page.url
    expect(page.locator("html")).to_have_attribute("lang", "nb")
    expect(page.get_by_role("heading", level=1)).to_have_text("Logg inn i Partnerskap")
    expect(page.get_by_label("Brukernavn")).to_be_visible()
    expect(page.get_by_label("Passord")).to_be_visible()


def test_nav_leader_opens_the_partnership_and_sees_owners_model_leader_and_hours(
    page: Page, demo_data: None
) -> None:
    log_in(page, "leder.orland")
    open_orland_from_home(page)

    main = page.get_by_role("main")
    owners = main.get_by_role("region", name="Eiere")
    expect(owners).to_contain_text("5057 Ørland")
    expect(owners).to_contain_text("NAV Trøndelag")
    facts = main.locator("dl.facts:not([data-testid=summary])")
    expect(facts).to_contain_text("Kommunesammenslåing")
    expect(facts).to_contain_text("Ingrid Sæther")
    expect(facts).to_contain_text("5057 NAV Ørland")
    expect(main.get_by_role("heading", name="Åpningstider")).to_be_visible()
    expect(hours_row(page, "mandag")).to_contain_text("09:00–15:00")
    expect(hours_row(page, "onsdag")).to_contain_text("09:00–12:00")
    expect(hours_row(page, "fredag")).to_contain_text("09:00–14:00")


def test_the_header_switches_to_nynorsk_and_english(page: Page, demo_data: None) -> None:
    log_in(page, "leder.orland")
    open_orland_from_home(page)
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", name="Eiere", exact=True)).to_be_visible()

    switch_language(page, "nn")
    expect(page.locator("html")).to_have_attribute("lang", "nn")
    expect(page.get_by_role("heading", level=1)).to_have_text("NAV Ørland")
    expect(main.get_by_role("heading", name="Eigarar", exact=True)).to_be_visible()
    expect(main.get_by_role("heading", name="Opningstider", exact=True)).to_be_visible()

    switch_language(page, "en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(main.get_by_role("heading", name="Owners", exact=True)).to_be_visible()
    expect(main.get_by_role("heading", name="Opening hours", exact=True)).to_be_visible()
    expect(main.get_by_role("heading", name="People and roles", exact=True)).to_be_visible()


def test_nav_leader_changes_the_opening_hours_and_sees_them_in_the_change_log(
    page: Page, demo_data: None
) -> None:
    log_in(page, "leder.orland")
    open_orland_office_hours_form(page)

    friday = hours_row(page, "fredag")
    expect(friday.locator("input[name^=opens]")).to_have_value("09:00")
    expect(friday.locator("input[name^=closes]")).to_have_value("14:00")
    friday.locator("input[name^=closes]").fill("15:30")
    submit(page, "Lagre åpningstider")

    expect(page.get_by_role("heading", level=1)).to_have_text("5057 NAV Ørland")
    expect(page.get_by_role("status")).to_contain_text("lagret")
    expect(hours_row(page, "fredag")).to_contain_text("09:00–15:30")
    log = page.get_by_role("region", name="Endringslogg")
    entry = log.get_by_role("row").filter(has_text="14:00 → 15:30")
    expect(entry).to_have_count(1)
    expect(entry).to_contain_text("Ingrid Sæther")


def test_closing_before_opening_is_refused_and_nothing_is_saved(
    page: Page, demo_data: None
) -> None:
    log_in(page, "leder.orland")
    open_orland_office_hours_form(page)

    hours_row(page, "mandag").locator("input[name^=closes]").fill("08:00")
    hours_row(page, "tirsdag").locator("input[name^=closes]").fill("16:00")
    submit(page, "Lagre åpningstider")

    expect(page.get_by_role("heading", level=1)).to_have_text("Åpningstider for NAV Ørland")
    expect(page.get_by_role("alert")).to_contain_text("Åpningstidene ble ikke lagret")
    monday_closes = hours_row(page, "mandag").locator("input[name^=closes]")
    expect(monday_closes).to_have_attribute("aria-invalid", "true")
    expect(monday_closes).to_have_accessible_description("Stengetiden må være etter åpningstiden.")
    office = Office.objects.get(unit_number="5057", valid_to=None)
    saved = {oh.weekday: (oh.opens, oh.closes) for oh in OpeningHours.objects.filter(office=office)}
    assert saved[0] == (time(9), time(15))
    assert saved[1] == (time(9), time(15)), "a valid day must not be saved when another is wrong"

    visit(page, f"/kontor/{office.pk}/")
    expect(hours_row(page, "mandag")).to_contain_text("09:00–15:00")
    expect(hours_row(page, "tirsdag")).to_contain_text("09:00–15:00")


def test_a_person_without_roles_sees_no_partnership_and_gets_404(
    page: Page, demo_data: None
) -> None:
    log_in(page, "utenfor")
    visit(page, "/partnerskap/")

    main = page.get_by_role("main")
    expect(main).to_contain_text("Du har ingen rolle i noe partnerskap")
    expect(main.get_by_role("table")).to_have_count(0)

    response = visit(page, f"/partnerskap/{orland().pk}/")
    assert response is not None
    assert response.status == 404
    expect(page.get_by_text("Ørland")).to_have_count(0)


def test_the_skip_link_is_the_first_stop_and_moves_focus_to_main(
    page: Page, demo_data: None
) -> None:
    log_in(page, "leder.orland")

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Hopp til hovedinnholdet")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.get_by_role("main")).to_be_focused()
    check_a11y(page)
