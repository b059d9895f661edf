"""Checkboxes drawn by the shared field template are Aksel's: a 24 px box with its label after
it, a focus ring around box and label, and a click on the label ticks the box (issue 14: they
were 4 px dots without a focus ring, which axe cannot see)."""

from django.urls import reverse
from playwright.sync_api import Page, expect

from partnerskap.meetings.models import Meeting, MeetingStatus

from .conftest import check_a11y, log_in, visit


def test_checkboxes_are_aksel_sized_with_a_focus_ring(page: Page, demo_data: None):
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
    check_a11y(page)

    box = page.locator("form input[type=checkbox]").first
    size = box.bounding_box()
    assert size is not None
    assert size["width"] >= 20 and size["height"] >= 20

    box.focus()
    ring = box.evaluate(
        "el => getComputedStyle(el.closest('.aksel-checkbox'), '::after').outlineStyle"
    )
    assert ring == "solid"

    label = page.locator(f"label[for='{box.get_attribute('id')}']")
    expect(label).to_be_visible()
    label.click()
    expect(box).to_be_checked()
    label.click()
    expect(box).not_to_be_checked()
