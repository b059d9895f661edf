"""Done 4: for any county table and threshold, no hidden count can be worked out from what the
page, the PDF or the API shows (totals, the sum row, shares, other cells).

Hypothesis draws the counts and the threshold; the real selector, view, API and PDF render
them; what each shows is read back and checked with suppression.recoverable.
"""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from partnerskap.figures.models import Indicator, Level, Observation, PeriodKind
from partnerskap.figures.suppression import lines, recoverable
from partnerskap.registry.models import Office

from .conftest import pdf_text

SUM = "Sum for kontorene"


@pytest.fixture
def offices(world):
    return [
        Office.objects.create(
            unit_number=f"{7100 + i}",
            name=f"NAV Prøve {i}",
            county=world.county,
            valid_from=date(2007, 1, 1),
        )
        for i in range(6)
    ]


def _store(world, offices, counts) -> None:
    codes = dict(Indicator.objects.values_list("code", "id"))
    Observation.objects.filter(partnership=world.orland).delete()
    Observation.objects.bulk_create(
        Observation(
            partnership=world.orland,
            indicator_id=codes[code],
            level=Level.OFFICE,
            office=office,
            period_kind=PeriodKind.MONTH,
            period_start=date(2018, 11, 1),
            period_end=date(2018, 11, 30),
            value=Decimal(value),
            source="Test",
            extracted_on=date(2018, 11, 12),
        )
        for office, (digital, manual) in zip(offices, counts, strict=False)
        for code, value in (
            ("users_digital", digital),
            ("users_manual", manual),
            ("users_followed_up", digital + manual),
        )
    )


def _cells(text: str) -> list[str]:
    """The cells of a PDF line: each is one token, as the counts here stay below a thousand."""
    return text.split()


def from_html(html: str, labels: list[str]) -> dict[str, list[str]]:
    found = {}
    for label in labels:
        pattern = (
            r'<th scope="row"[^>]*>'
            + re.escape(label)
            + r"(?:\s*<span[^>]*>[^<]*</span>)?</th>(.*?)</tr>"
        )
        match = re.search(pattern, html, re.S)
        found[label] = [c.strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", match.group(1), re.S)]
    return found


def from_pdf(text: str, labels: list[str]) -> dict[str, list[str]]:
    found = {}
    for line in text.splitlines():
        for label in labels:
            if line.strip().startswith(label + " ") and label not in found:
                found[label] = _cells(line.strip()[len(label) :])
    return found


def from_api(data: dict, labels: list[str]) -> dict[str, list[str]]:
    found = {}
    for row in data["rows"]:
        label = SUM if row["total"] else row["label"]
        codes = ["users_digital", "users_manual", "users_followed_up", "", "", "share_digital"]
        values = [row["values"].get(c) for c in codes]
        found[label] = ["–" if v is None else str(v) for v in values]
    return {label: found[label] for label in labels}


def check(shown: dict[str, list[str]], labels, counts, threshold, *, digital_share: int) -> None:
    """Columns 0, 1, 2 are digital, manual and all followed up; the sum row is last."""
    n = len(counts)
    truth = {(i, 0): d for i, (d, m) in enumerate(counts)}
    truth |= {(i, 1): m for i, (d, m) in enumerate(counts)}
    truth |= {(i, 2): d + m for i, (d, m) in enumerate(counts)}
    truth |= {(n, 0): sum(d for d, _ in counts), (n, 1): sum(m for _, m in counts)}
    truth[(n, 2)] = truth[(n, 0)] + truth[(n, 1)]
    hidden = set()
    for i, label in enumerate(labels):
        cells = shown[label]
        for j in range(3):
            text = cells[j].replace("\xa0", "").replace(" ", "")
            if text == ":":
                hidden.add((i, j))
            else:
                assert int(text) == truth[(i, j)], (label, j)
                assert not 1 <= truth[(i, j)] <= threshold, (label, j)
        share = cells[digital_share]
        if (i, 0) in hidden or (i, 2) in hidden:
            assert share in (":", "–"), label
    equations = lines(n, 2, row_totals=True, column_totals=True)
    # the grid of suppression.lines: columns 0 and 1 are the cells, column 2 the row total
    assert not recoverable(hidden, equations)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    counts=st.lists(st.tuples(st.integers(0, 12), st.integers(0, 12)), min_size=2, max_size=6),
    threshold=st.integers(0, 5),
)
@example(counts=[(1, 5), (0, 7)], threshold=3)  # a small sum of the offices
@example(counts=[(2, 10), (9, 10)], threshold=3)  # the docstring example of suppress()
def test_no_hidden_count_can_be_worked_out_on_page_pdf_or_api(
    world, offices, client, settings, counts, threshold
):
    settings.FIGURES_SUPPRESSION_THRESHOLD = threshold
    _store(world, offices, counts)
    client.force_login(world.member)
    labels = [f"{o.unit_number} {o.name}" for o in offices[: len(counts)]] + [SUM]
    params = {"periode": "2018-11"}
    html = client.get(reverse("figures:county", args=[world.orland.pk]), params).content.decode()
    check(from_html(html, labels), labels, counts, threshold, digital_share=5)
    pdf = client.get(reverse("figures:county_pdf", args=[world.orland.pk]), params).content
    check(from_pdf(pdf_text(pdf), labels), labels, counts, threshold, digital_share=5)
    api = client.get(
        f"/api/v1/partnerships/{world.orland.pk}/figures/county", {"period": "2018-11"}
    ).json()
    check(from_api(api, labels), labels, counts, threshold, digital_share=5)
