"""Screenshots of the ten most used pages at a phone's and a desktop's width (issue 14, done 5),
made from the demo with Debian's Chromium. As a test each page is shown at both widths and
checked with axe; with SCREENSHOT_DIR set the pictures are kept there:

    SCREENSHOT_DIR=docs/screenshots DEBUG=1 .venv/bin/pytest tests/browser/test_screenshots.py

The front page at 1280 px is README's picture (docs/screenshots/front-page-1280.png).
"""

import os
from pathlib import Path

from django.urls import reverse
from playwright.sync_api import Page

from partnerskap.agreements.models import Agreement
from partnerskap.meetings.models import Body, Meeting
from partnerskap.registry.models import Partnership

from .conftest import log_in, visit

WIDTHS = (375, 1280)


def _pages() -> list[tuple[str, str, str]]:
    """(who, name, path) of the ten pages people use most, from the demo."""
    orland = Partnership.objects.get(name__contains="Ørland")
    body = Body.objects.filter(partnership=orland).order_by("pk").first()
    meeting = (
        Meeting.objects.filter(body__partnership=orland, items__isnull=False)
        .order_by("-starts_at")
        .first()
    )
    agreement = Agreement.objects.filter(partnership=orland).order_by("-pk").first()
    fosen = Partnership.objects.get(name__contains="Indre Fosen").office_id
    leader = "leder.orland"
    pages = [
        (leader, "front-page", reverse("home")),
        (leader, "partnerships", reverse("registry:partnership_list")),
        (leader, "partnership", reverse("registry:partnership_detail", args=[orland.pk])),
        (leader, "bodies", reverse("meetings:body_list")),
        (leader, "body", reverse("meetings:body_detail", args=[body.pk])),
        (leader, "meeting", reverse("meetings:meeting_detail", args=[meeting.pk])),
        (leader, "my-follow-ups", reverse("meetings:my_actions")),
        (leader, "agreement", reverse("agreements:agreement_detail", args=[agreement.pk])),
        ("leder.indrefosen", "reception-analysis", reverse("reception:analysis", args=[fosen])),
        ("fylkesdirektor.trondelag", "county-overview", reverse("overview:county_overview")),
    ]
    return sorted(pages, key=lambda p: p[0] != leader)  # one sign-in per person


def test_screenshots_of_the_ten_most_used_pages(page: Page, demo_data: None, tmp_path):
    target = Path(os.environ.get("SCREENSHOT_DIR") or tmp_path)
    target.mkdir(parents=True, exist_ok=True)
    signed_in = None
    made = []
    for who, name, path in _pages():
        if who != signed_in:
            page.context.clear_cookies()
            log_in(page, who)
            signed_in = who
        visit(page, path)
        for width in WIDTHS:
            # The first screen a person sees, at a phone's or a laptop's size.
            page.set_viewport_size({"width": width, "height": 812 if width < 600 else 900})
            shot = target / f"{name}-{width}.png"
            page.evaluate("document.fonts.ready.then(() => true)")
            page.screenshot(path=str(shot))
            made.append(shot)
        page.set_viewport_size({"width": 1280, "height": 900})
    assert len(made) == 20 and all(shot.stat().st_size > 5_000 for shot in made)
