"""The front page, "Til meg", as each person of the demo meets it: exactly what the demo data
says waits for them, and acting on an entry takes it off the page."""

from datetime import date, timedelta

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import Page, expect

from partnerskap.agreements.models import Agreement, AgreementStatus
from partnerskap.agreements.needs import EVALUATION_WARNING_DAYS, next_evaluation
from partnerskap.meetings.needs import half_year

from .conftest import follow, log_in, submit, visit

ORLAND_BODY = "Partnerskapsmøte NAV Ørland"
FOSEN_BODY = "Partnerskapsmøtet i NAV Indre Fosen"
ORLAND_AGREEMENT = "Partnerskapsavtale for NAV Ørland 2020–2027"
FOSEN_HEARING = "Partnerskapsavtale for NAV Indre Fosen, revisjon 2026"
OLD_FOLLOW_UP = "Løfte oppfølgingen av unge med ME og lange AAP-løp i fylkets fagnettverk"


def nb(msgid: str) -> str:
    with translation.override("nb"):
        return gettext(msgid)


def entries(page: Page, list_id: str) -> list[str]:
    """The titles of the entries in one of the front page's lists, top to bottom."""
    items = page.get_by_test_id(list_id).get_by_role("listitem")
    return [items.nth(i).get_by_role("link").inner_text() for i in range(items.count())]


def evaluation_due() -> list[str]:
    """Ørland's agreement shows as due for evaluation in the weeks before each evaluation date."""
    agreement = Agreement.objects.get(title=ORLAND_AGREEMENT, status=AgreementStatus.IN_FORCE)
    today = timezone.localdate()
    due = next_evaluation(agreement, today)
    soon = due is not None and due <= today + timedelta(days=EVALUATION_WARNING_DAYS)
    return [ORLAND_AGREEMENT] if soon else []


def a_day_this_half_year() -> date:
    today = timezone.localdate()
    return min(today + timedelta(days=7), half_year(today)[1])


def plan_a_meeting_from_the_front_page(page: Page) -> None:
    follow(page, ORLAND_BODY)
    page.locator("#id_day").fill(a_day_this_half_year().isoformat())
    submit(page, nb("Plan the meeting"))
    visit(page, "/")


def test_nav_leader(page: Page, demo_data: None) -> None:
    log_in(page, "leder.orland")
    expect(page.get_by_test_id("needs-none")).to_have_text(nb("Nothing is waiting for you."))
    assert entries(page, "needs-partnerships") == [ORLAND_BODY, *evaluation_due()]
    plan_a_meeting_from_the_front_page(page)
    assert ORLAND_BODY not in entries(page, "needs-partnerships")


def test_municipal_owner(page: Page, demo_data: None) -> None:
    log_in(page, "kommunedirektor.orland")
    assert entries(page, "needs-partnerships") == [ORLAND_BODY, *evaluation_due()]
    plan_a_meeting_from_the_front_page(page)
    assert ORLAND_BODY not in entries(page, "needs-partnerships")


def test_county_director(page: Page, demo_data: None) -> None:
    """The case of the issue: a follow-up overdue since 2021 and a hearing due in weeks."""
    log_in(page, "fylkesdirektor.trondelag")
    assert entries(page, "needs-mine") == [OLD_FOLLOW_UP, FOSEN_HEARING]
    overdue = page.get_by_test_id("needs-mine").get_by_role("listitem").first
    expect(overdue).to_contain_text(nb("Overdue"))
    assert sorted(entries(page, "needs-partnerships")) == sorted(
        [ORLAND_BODY, FOSEN_BODY, *evaluation_due()]
    )

    follow(page, OLD_FOLLOW_UP)
    page.locator("select[name$=status]").select_option(value="done")
    submit(page, nb("Save"))
    assert entries(page, "needs-mine") == [FOSEN_HEARING]

    follow(page, FOSEN_HEARING)
    page.locator("#id_section").select_option(index=1)
    page.locator("#id_text").fill("Fylket støtter revisjonen.")
    submit(page, nb("Send comment"))
    visit(page, "/")
    expect(page.get_by_test_id("needs-none")).to_have_text(nb("Nothing is waiting for you."))


@pytest.mark.parametrize("username", ["referent.orland", "brukerrep.orland", "admin", "utenfor"])
def test_people_with_nothing_waiting(page: Page, demo_data: None, username: str) -> None:
    log_in(page, username)
    expect(page.get_by_test_id("needs-none")).to_have_text(nb("Nothing is waiting for you."))
    expect(page.get_by_test_id("needs-partnerships")).to_have_count(0)
