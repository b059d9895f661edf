"""A conference's main job in a real browser (C9, issue 21 done point 1), on the demo.

NAV Ørland's leader creates a course day with two places and publishes its programme; people from
outside register through the public form until it is full and the next is wait-listed; the first
cancels through their personal link, so the first on the list is offered the place and takes it;
the leader checks a participant in on a 375-pixel-wide phone, opens the evaluation, a participant
answers it, and the leader reads the summary. Every page is checked with axe on the way.
"""

from datetime import timedelta

from django.utils import timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import Page, expect

from partnerskap.conferences.models import CheckIn, Event, Registration, RegistrationStatus

from .conftest import check_a11y, follow, log_in, submit, visit

PHONE = {"width": 375, "height": 740}


def nb(msgid: str) -> str:
    with translation.override("nb"):
        return gettext(msgid)


def _register(page: Page, slug: str, name: str, email: str) -> str:
    """Register through the public form; returns the personal page's address."""
    visit(page, f"/offentlig/arrangementer/{slug}/")
    main = page.get_by_role("main")
    link = nb("Join the waiting list") if "venteliste" in main.inner_text() else nb("Register")
    follow(page, link)
    page.locator("#id_name").fill(name)
    page.locator("#id_email").fill(email)
    page.locator("#id_organisation").fill("Brekstad næringsforening")
    submit(page, link)
    assert "/offentlig/arrangementer/deltaker/" in page.url
    return page.url


def test_publish_register_wait_offer_check_in_and_evaluate(page: Page, demo_data: None):
    day = timezone.localdate() + timedelta(days=30)

    # --- the organiser creates the event and publishes its programme --------------------------
    log_in(page, "leder.orland")
    menu = page.get_by_role("navigation", name=nb("Main menu"))
    with page.expect_navigation():
        menu.get_by_role("link", name=nb("Events")).click()  # the app's entry in the main menu
    check_a11y(page)
    follow(page, nb("New event"))
    page.locator("#id_title").fill("Fagdag om ungdom i Ørland")
    page.locator("#id_slug").fill("fagdag-ungdom-orland")
    page.locator("#id_first_day").fill(day.isoformat())
    page.locator("#id_last_day").fill(day.isoformat())
    page.locator("#id_place").fill("Ørland kultursenter")
    page.locator("#id_capacity").fill("2")
    page.locator("#id_registration_closes").fill((day - timedelta(days=7)).isoformat())
    page.get_by_label(nb("Role or job title")).uncheck()
    submit(page, nb("Create the event"))
    event = Event.objects.get(slug="fagdag-ungdom-orland")
    expect(page.get_by_role("heading", level=1)).to_have_text("Fagdag om ungdom i Ørland")

    follow(page, nb("Programme"))
    follow(page, nb("New session"))
    page.locator("#id_starts").fill("10:00")
    page.locator("#id_ends").fill("11:00")
    page.locator("#id_title").fill("Ungdom i førersetet")
    page.locator("#id_new_speaker_name").fill("Sigrid Ungdomsråd")
    page.locator("#id_new_speaker_organisation").fill("Ørland ungdomsråd")
    submit(page, nb("Add the session"))
    follow(page, nb("Publish the programme"))
    submit(page, nb("Publish"))
    expect(page.get_by_role("main")).to_contain_text(nb("The programme was published."))
    page.get_by_role("button", name=nb("Log out")).click()
    page.wait_for_url("**/logg-inn/**")
    check_a11y(page)

    # --- outside participants register until it is full -------------------------------------
    visit(page, f"/offentlig/arrangementer/{event.slug}/")
    expect(page.get_by_role("main")).to_contain_text("Sigrid Ungdomsråd")
    first = _register(page, event.slug, "Astrid Aune", "astrid@example.no")
    expect(page.get_by_role("main")).to_contain_text(nb("You are registered. Welcome!"))
    _register(page, event.slug, "Bjørn Berg", "bjorn@example.no")
    waiting = _register(page, event.slug, "Cecilie Castberg", "cecilie@example.no")
    expect(page.get_by_role("main")).to_contain_text("Du står på venteliste.")
    statuses = dict(Registration.objects.filter(event=event).values_list("name", "status"))
    assert statuses["Cecilie Castberg"] == RegistrationStatus.WAITLISTED

    # --- the first cancels; the first on the waiting list is offered the place ----------------
    visit(page, first)
    follow(page, nb("Cancel the registration"))
    submit(page, nb("Yes, cancel it"))
    expect(page.get_by_role("main")).to_contain_text(nb("Your registration is cancelled."))
    visit(page, waiting)
    expect(page.get_by_role("main")).to_contain_text("En plass er blitt ledig for deg")
    submit(page, nb("Accept the place"))
    expect(page.get_by_role("main")).to_contain_text(nb("The place is yours. Welcome!"))
    assert (
        Registration.objects.get(email="cecilie@example.no").status == RegistrationStatus.REGISTERED
    )

    # --- check-in on a phone -----------------------------------------------------------------
    log_in(page, "leder.orland")
    page.set_viewport_size(PHONE)
    visit(page, f"/arrangementer/{event.pk}/innsjekk/")
    total = page.locator("#check-in-total")
    expect(total).to_contain_text("0 av 2 påmeldte har kommet.")
    row = page.locator(".check-in-row", has_text="Bjørn Berg")
    button = row.get_by_role("button", name=f"{nb('Check in')} Bjørn Berg")
    box = button.bounding_box()
    assert box is not None and box["height"] >= 44 and box["x"] + box["width"] <= PHONE["width"]
    button.click()  # one tap; htmx swaps the row and the total
    expect(page.locator(".check-in-row", has_text="Bjørn Berg")).to_contain_text(nb("Undo"))
    expect(total).to_contain_text("1 av 2 påmeldte har kommet.")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    check_a11y(page)
    assert CheckIn.objects.filter(registration__email="bjorn@example.no", day=day).exists()
    page.set_viewport_size({"width": 1280, "height": 900})

    # --- the evaluation: opened, answered by a participant, read by the organiser -------------
    visit(page, f"/arrangementer/{event.pk}/evaluering/")
    follow(page, nb("Create the evaluation"))
    submit(page, nb("Create the evaluation"))
    follow(page, nb("Open the evaluation"))
    submit(page, nb("Open and send the links"))
    page.get_by_role("button", name=nb("Log out")).click()
    page.wait_for_url("**/logg-inn/**")
    check_a11y(page)

    visit(page, waiting)
    follow(page, nb("Answer the evaluation"))
    page.get_by_role("group", name=nb("Your overall impression of the conference")).get_by_label(
        "5"
    ).check()
    page.get_by_role(
        "group", name=nb("Would you make attending a priority if the conference is held again?")
    ).get_by_label(nb("Yes")).check()
    page.get_by_label(nb("Themes you would like next time")).fill("Mer om ungdom og arbeid")
    submit(page, nb("Send the answers"))
    expect(page.get_by_role("main")).to_contain_text(nb("Thank you for your answers!"))

    log_in(page, "leder.orland")
    visit(page, f"/arrangementer/{event.pk}/evaluering/")
    main = page.get_by_role("main")
    expect(main).to_contain_text("1 av 2 deltakere")
    expect(main).to_contain_text("Mer om ungdom og arbeid")
    expect(main.locator("figure.chart svg").first).to_be_visible()
    main.get_by_text(nb("Show the figures as a table")).first.click()
    expect(main.locator("figure.chart table").first).to_contain_text("5")
    check_a11y(page)
