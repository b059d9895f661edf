"""A form being sent shows that it is working and is not sent twice (issue 14: buttons stayed
active during a slow request, so a second click sent it again)."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import Page, Request

from partnerskap.meetings.models import AgendaItem, Meeting, MeetingStatus

from .conftest import check_a11y, log_in, visit

TITLE = "Sendt to ganger på rad"


def test_a_form_sent_twice_in_a_row_is_sent_once_and_says_it_works(page: Page, demo_data: None):
    meeting = (
        Meeting.objects.filter(
            status=MeetingStatus.PLANNED, body__partnership__name__contains="Ørland"
        )
        .order_by("starts_at")
        .first()
    )
    assert meeting is not None, "the demo plans a meeting for Ørland"
    log_in(page, "leder.orland")
    visit(page, reverse("meetings:item_add", args=[meeting.pk]))
    page.locator("#id_title").fill(TITLE)
    posts: list[str] = []

    def record(request: Request) -> None:
        if request.method == "POST":
            posts.append(request.url)

    page.on("request", record)
    form = "document.querySelector('main form[method=post]')"
    with page.expect_navigation():
        state = page.evaluate(
            f"""() => {{
                const form = {form};
                const button = form.querySelector('button[type=submit]');
                form.requestSubmit(button);
                const after = {{
                    disabled: button.getAttribute('aria-disabled'),
                    label: button.textContent.trim(),
                    busy: form.getAttribute('aria-busy'),
                }};
                form.requestSubmit(button);
                return after;
            }}"""
        )
    check_a11y(page)
    with translation.override("nb"):
        working = gettext("Working…")
    assert state == {"disabled": "true", "label": working, "busy": "true"}
    assert len(posts) == 1, posts
    assert AgendaItem.objects.filter(meeting=meeting, title=TITLE).count() == 1


def test_the_answer_to_a_submit_gets_the_focus(page: Page, demo_data: None):
    meeting = (
        Meeting.objects.filter(
            status=MeetingStatus.PLANNED, body__partnership__name__contains="Ørland"
        )
        .order_by("starts_at")
        .first()
    )
    log_in(page, "leder.orland")
    visit(page, reverse("meetings:item_add", args=[meeting.pk]))
    assert "---------" not in page.content()  # empty choices are named, not dashes
    with page.expect_navigation():
        page.locator("main form[method=post] button[type=submit]").click()  # no title
    check_a11y(page)
    focused = page.evaluate("document.activeElement.className")
    assert "error-summary" in focused

    page.locator("#id_title").fill("Fokus etter lagring")
    with page.expect_navigation():
        page.locator("main form[method=post] button[type=submit]").click()
    check_a11y(page)
    assert page.evaluate("!!document.activeElement.closest('.messages')")
