"""What axe cannot see of Aksel fidelity (issue 14): selects carry Aksel's chevron (also the
language selector and the attendance form), table headers are left-aligned like Aksel's cells and
numbers right-aligned in tabular figures, the "vårt" tag is drawn as a tag, and charts have
labels of at least 11 px that are not tilted, without a legend on a single series."""

from types import SimpleNamespace

from django.template.loader import render_to_string
from django.urls import reverse
from playwright.sync_api import Page

from partnerskap.meetings.models import Meeting
from partnerskap.registry.models import Partnership

from .conftest import log_in, visit

SELECTS_WITHOUT_CHEVRON = """() => [...document.querySelectorAll('select')]
  .filter(s => s.getClientRects().length > 0)
  .filter(s => {
    const box = s.closest('.aksel-select__container');
    const chevron = box && box.querySelector('.aksel-select__chevron');
    return !chevron || chevron.getClientRects().length === 0
      || getComputedStyle(s).appearance !== 'none';
  }).map(s => s.outerHTML.slice(0, 100))"""

CELLS = """() => ({
  headers: [...document.querySelectorAll('main table th:not([class*=align-right])')]
    .map(th => getComputedStyle(th).textAlign),
  numbers: [...document.querySelectorAll('main table td.figures-number, main table td.numeric')]
    .map(td => [getComputedStyle(td).textAlign, getComputedStyle(td).fontVariantNumeric]),
})"""

CHART_LABELS = """() => [...document.querySelectorAll('main svg .role-axis-label text')]
  .map(t => [parseFloat(getComputedStyle(t).fontSize), t.getAttribute('transform') || ''])"""


def test_selects_have_aksel_chevrons(page: Page, demo_data: None):
    meeting = (
        Meeting.objects.filter(
            body__partnership__name__contains="Ørland", attendances__isnull=False
        )
        .order_by("-starts_at")
        .first()
    )
    assert meeting is not None
    log_in(page, "leder.orland")
    assert page.evaluate(SELECTS_WITHOUT_CHEVRON) == []  # the language selector
    visit(page, reverse("meetings:meeting_attendance", args=[meeting.pk]))
    assert page.locator("main select").count() > 0
    assert page.evaluate(SELECTS_WITHOUT_CHEVRON) == []


def test_tables_and_charts_look_like_aksel(page: Page, demo_data: None):
    fosen = Partnership.objects.get(name__contains="Indre Fosen")
    log_in(page, "leder.indrefosen")
    visit(page, reverse("reception:analysis", args=[fosen.office_id]))
    cells = page.evaluate(CELLS)
    assert cells["headers"] and set(cells["headers"]) == {"left"}
    assert cells["numbers"]
    assert {tuple(n) for n in cells["numbers"]} == {("right", "tabular-nums")}
    labels = page.evaluate(CHART_LABELS)
    assert labels, "the analysis draws charts"
    assert all(size >= 11 for size, _ in labels)
    assert not [t for _, t in labels if "rotate" in t]


def test_our_office_tag_is_an_aksel_tag():
    html = render_to_string(
        "figures/_table.html",
        {
            "caption": "C",
            "first": "Kontor",
            "headers": ["A"],
            "rows": [
                {
                    "label": "Ørland",
                    "cells": ["1"],
                    "row": SimpleNamespace(highlight=True, total=False),
                }
            ],
        },
    )
    assert 'class="aksel-tag aksel-tag--small" data-color="info" data-variant="moderate"' in html
