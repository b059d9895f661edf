"""Recording afterwards, in a real browser, a meeting between two NAV county directors and the
board of a municipal network (issue 15): a two-county network, board members who have no login,
four items with sub-questions, a narrative and a follow-up owned by the network — without the
registry or the admin, in under 15 form submissions — and the minutes PDF that shows it all."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import Page, Request, expect

from partnerskap.meetings.models import AgendaItem, Body, Meeting, MeetingStatus

from ..documents.tools import pdf_text
from .conftest import check_a11y, follow, log_in, submit, visit

BOARD = [("Randi Kvalvik", "Bodø kommune"), ("Per Arne Solhaug", "Steinkjer kommune")]
ITEMS = [
    ("Ungdom utenfor arbeid", "Hvem har ansvaret for de under 25?\nHvilke tall har vi?"),
    ("Økonomisk rådgivning", "Skal vi lage felles opplæring?\nHvem betaler?"),
    ("Kvalifiseringsprogrammet", "Hvorfor går deltakelsen ned?\nHva gjør de som lykkes?"),
    ("Neste møte", "Skal møtene gå på omgang mellom fylkene?"),
]
NARRATIVE = "Møtet fulgte ikke sakslisten punkt for punkt; spørsmålene ble drøftet samlet."
OWNER = ("Nettverkets styre", "Nettverket for sosialtjenesteledere")


def nb(msgid: str) -> str:
    with translation.override("nb"):
        return gettext(msgid)


def plain(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.mark.django_db(transaction=True)
def test_record_a_two_county_network_meeting_afterwards(
    page: Page, demo_data: None, tmp_path
) -> None:
    log_in(page, "fylkesdirektor.nordland")
    posts: list[str] = []

    def count(request: Request) -> None:
        if request.method == "POST" and request.is_navigation_request():
            posts.append(request.url)

    page.on("request", count)

    # --- the network, of Nordland and spanning Trøndelag --------------------------------------
    visit(page, reverse("meetings:body_create"))
    page.locator("#id_name").fill("Nettverket for sosialtjenesteledere, vårmøtet")
    page.locator("#id_kind").select_option(value="network")
    page.locator("#id_county").select_option(label="NAV Nordland")
    page.locator("#id_other_counties").select_option(label="NAV Trøndelag")
    page.locator("#id_slug").fill("nettverk-varmote")
    page.locator("#id_standard_agenda").fill("")
    submit(page, nb("Create the body"))
    body = Body.objects.get(slug="nettverk-varmote")
    follow(page, nb("Add member"))
    page.locator("#id_person_new_name").fill("Trude Fylkesdirektør")
    page.locator("#id_person_new_organisation").fill("NAV Trøndelag")
    page.locator("#id_valid_from").fill("2020-01-01")
    submit(page, nb("Add member"))

    # --- a meeting last month, recorded afterwards ---------------------------------------------
    day = timezone.localdate() - timedelta(days=30)
    follow(page, nb("Plan a meeting"))
    page.locator("#id_day").fill(day.isoformat())
    submit(page, nb("Plan the meeting"))
    meeting = Meeting.objects.get(body=body)
    assert not meeting.items.exists()  # no empty automatic items
    follow(page, nb("Record the meeting afterwards"))
    submit(page, nb("Record afterwards"))
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD and meeting.notice_sent_at is None

    follow(page, nb("Record attendance"))
    page.locator("#id_guests").fill("\n".join(f"{n}, {o}" for n, o in BOARD))
    submit(page, nb("Save attendance"))

    for title, questions in ITEMS:
        follow(page, nb("New item"))
        page.locator("#id_title").fill(title)
        page.locator("#id_kind").select_option(value="discussion")
        page.locator("#id_background").fill(questions)
        page.locator("#id_background_in_minutes").check()
        submit(page, nb("Add the item"))

    follow(page, nb("Write the introduction to the minutes"))
    page.locator("#id_introduction").fill(NARRATIVE)
    submit(page, nb("Save"))

    last = AgendaItem.objects.filter(meeting=meeting).order_by("position").last()
    with translation.override("nb"):
        add_follow_up = f"{nb('Add follow-up')} {last.label}"
    with page.expect_navigation():
        page.locator(f"#item-{last.pk}").get_by_role("link", name=add_follow_up).click()
    check_a11y(page)
    page.locator("#id_title").fill("Kalle inn til neste møte")
    page.locator("#id_owner_new_name").fill(OWNER[0])
    page.locator("#id_owner_new_organisation").fill(OWNER[1])
    page.locator("#id_due_date").fill((day + timedelta(days=14)).isoformat())
    submit(page, nb("Add the follow-up"))

    follow(page, nb("Approve the minutes"))  # the page that asks first; the body publishes
    expect(page.get_by_label(nb("Publish the minutes on the public page too"))).to_be_checked()
    submit(page, nb("Approve the minutes"))
    expect(page.locator(".messages")).to_contain_text(
        nb("The minutes are approved and published on the public page.")
    )
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PUBLISHED
    assert len(posts) < 15, posts

    # --- the minutes PDF: everyone with organisation, every item's questions, the owner -------
    pdf = page.request.get(reverse("meetings:minutes_pdf", args=[meeting.pk]))
    assert pdf.ok
    text = plain(pdf_text(pdf.body(), tmp_path))
    for name, organisation in [*BOARD, ("Trude Fylkesdirektør", "NAV Trøndelag")]:
        assert f"{name} ({organisation})" in text
    for title, questions in ITEMS:
        assert title in text
        for question in questions.splitlines():
            assert question in text
    assert f"{OWNER[0]} ({OWNER[1]})" in text
    assert NARRATIVE in text
    expect(page.get_by_role("main")).to_contain_text(OWNER[0])
