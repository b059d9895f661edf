"""A printed page holds its content, not the header, the menu or buttons (issue 14, done 4):
the meeting page, the county overview and the reception analysis, printed by Chromium."""

import pytest
from django.urls import reverse
from playwright.sync_api import Page

from partnerskap.meetings.models import Meeting
from partnerskap.registry.models import Partnership

from ..documents.tools import pdf_text
from .conftest import log_in, visit

# Shown on every signed-in page when it is not printed: the menu and the header's tools.
SCREEN_ONLY = ["Mine oppfølgingspunkter", "Logg ut", "Endre passord", "Hopp til hovedinnholdet"]

VISIBLE_CONTROLS = """() => [...document.querySelectorAll(
    'header, nav, button, .aksel-button, form, input, select, textarea')]
  .filter(el => el.getClientRects().length > 0).map(el => el.outerHTML.slice(0, 80))"""


def _printed(page: Page, tmp_path, name: str) -> str:
    page.emulate_media(media="print")
    controls = page.evaluate(VISIBLE_CONTROLS)
    assert controls == [], f"{name} prints controls: {controls}"
    text = pdf_text(page.pdf(format="A4"), tmp_path)
    page.emulate_media(media="screen")
    for word in SCREEN_ONLY:
        assert word not in text, f"{name} prints the page's {word!r}"
    return text


@pytest.mark.parametrize(
    "who, where, expected",
    [
        ("leder.orland", "meeting", "Sak"),
        ("fylkesdirektor.trondelag", "overview", "Ørland"),
        ("leder.indrefosen", "reception", "Besøk i"),
    ],
)
def test_printed_pages_hold_no_navigation_or_buttons(
    page: Page, demo_data: None, tmp_path, who, where, expected
):
    log_in(page, who)
    if where == "meeting":
        meeting = (
            Meeting.objects.filter(body__partnership__name__contains="Ørland", items__isnull=False)
            .order_by("-starts_at")
            .first()
        )
        path = reverse("meetings:meeting_detail", args=[meeting.pk])
    elif where == "overview":
        path = reverse("overview:county_overview")
    else:
        fosen = Partnership.objects.get(name__contains="Indre Fosen")
        path = reverse("reception:analysis", args=[fosen.office_id])
    visit(page, path)
    heading = page.get_by_role("heading", level=1).inner_text()
    text = _printed(page, tmp_path, where)
    assert heading.split()[0] in text and expected in text
