"""No hidden count can be worked out from everything Partnerskap shows together (decision 0015).

Hypothesis draws two months of counts for the Ørland office and five other offices of its
county (the county's own figure is the sum of its offices, as the source's is). The real county
page and API (both months), the office's overview page (over time and against its county and the
country), the period comparison page, the API routes and a status report's figure blocks are
rendered; every count they show is put into one union, and suppression.recoverable checks that
no hidden count of the county table (cells, the offices' sum and the county's figure) is
determined by that union, that no shown count is small, and that no share or change is shown
without its inputs.
"""

import html as html_lib
import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from partnerskap.figures import catalogue, services
from partnerskap.figures.models import Comparison, Indicator, Level, Observation, PeriodKind
from partnerskap.figures.periods import Period
from partnerskap.figures.suppression import SUPPRESSED, lines, recoverable
from partnerskap.registry.models import Office

CODES = ["users_digital", "users_manual", "users_followed_up"]
MONTHS = [
    Period(date(2018, 10, 1), date(2018, 10, 31), PeriodKind.MONTH),
    Period(date(2018, 11, 1), date(2018, 11, 30), PeriodKind.MONTH),
]
TOTAL = "total"


@pytest.fixture
def offices(world):
    others = [
        Office.objects.create(
            unit_number=f"{7100 + i}",
            name=f"NAV Prøve {i}",
            county=world.county,
            valid_from=date(2007, 1, 1),
        )
        for i in range(5)
    ]
    return [world.orland.office, *others]


def _store(world, offices, months) -> None:
    codes = dict(Indicator.objects.values_list("code", "id"))
    Observation.objects.filter(partnership=world.orland).delete()

    def observation(code, value, period, level, office=None):
        return Observation(
            partnership=world.orland,
            indicator_id=codes[code],
            level=level,
            office=office,
            county=world.county if level == Level.COUNTY else None,
            period_kind=period.kind,
            period_start=period.start,
            period_end=period.end,
            value=Decimal(value),
            source="Test",
            extracted_on=date(2018, 12, 12),
        )

    found = []
    for period, counts in zip(MONTHS, months, strict=True):
        for office, (digital, manual) in zip(offices, counts, strict=False):
            for code, value in zip(CODES, (digital, manual, digital + manual), strict=True):
                found.append(observation(code, value, period, Level.OFFICE, office))
        digital, manual = sum(d for d, _ in counts), sum(m for _, m in counts)
        for code, value in zip(CODES, (digital, manual, digital + manual), strict=True):
            found.append(observation(code, value, period, Level.COUNTY))
            found.append(observation(code, value + 5000, period, Level.COUNTRY))
    Observation.objects.bulk_create(found)


def html_tables(page: str) -> list[tuple[list[str], list[tuple[str, list[str]]]]]:
    """Each table of a page: its column headings and its rows (heading, cells)."""
    found = []
    for table in re.findall(r"<table.*?</table>", page, re.S):
        text = lambda s: html_lib.unescape(re.sub(r"<[^>]+>", "", s)).strip()  # noqa: E731
        head = re.search(r"<thead.*?</thead>", table, re.S)
        headers = [text(h) for h in re.findall(r"<th[^>]*>(.*?)</th>", head.group(0), re.S)]
        rows = []
        for row in re.findall(r"<tbody.*?</tbody>", table, re.S)[0].split("</tr>")[:-1]:
            row = re.sub(r"<span.*?</span>", "", row, flags=re.S)  # the "ours" tag
            label = re.search(r'<th scope="row"[^>]*>(.*?)</th>', row, re.S)
            cells = [text(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            rows.append((text(label.group(1)) if label else "", cells))
        found.append((headers[1:], rows))
    return found


class Union:
    """What the reader has seen: (month, row, column) → the count, and shares or changes."""

    def __init__(self, truth, threshold):
        self.truth, self.threshold = truth, threshold
        self.known: dict = {}

    def see(self, month: int, row, code: str, text) -> None:
        if code not in CODES or text is None or text in ("–", ""):
            return
        if isinstance(text, str):
            text = text.replace("\xa0", "").replace(" ", "")
        if text == SUPPRESSED:
            return
        value = int(Decimal(str(text)))
        j = CODES.index(code)
        assert value == self.truth[month][(row, j)], (month, row, code)
        assert not 1 <= value <= self.threshold, (month, row, code, value)
        self.known[(month, row, j)] = value

    def check(self, n: int) -> None:
        for month in range(len(MONTHS)):
            hidden = set()
            for i in [*range(n), TOTAL]:
                for j in range(3):
                    if (month, i, j) not in self.known:
                        hidden.add((n if i == TOTAL else i, j))
            equations = lines(n, 2, row_totals=True, column_totals=True)
            assert not recoverable(hidden, equations), (month, sorted(hidden))


def _needs_both(cells: dict, union: Union, month: int, row) -> None:
    """A shown share gives away its count from its whole: both must be shown somewhere."""
    share = cells.get("share_digital")
    if share not in (None, "–", "", SUPPRESSED):
        assert (month, row, 0) in union.known and (month, row, 2) in union.known, (month, row)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    months=st.lists(
        st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9)), min_size=2, max_size=6),
        min_size=2,
        max_size=2,
    ).filter(lambda m: len(m[0]) == len(m[1])),
    threshold=st.integers(1, 4),
)
# Ørland is hidden in the county table only to protect another office: its own page must hide it
@example(months=[[(7, 7), (2, 8), (9, 9)], [(7, 7), (2, 8), (9, 9)]], threshold=3)
@example(months=[[(5, 6), (1, 6), (0, 9)], [(8, 6), (6, 2), (7, 7)]], threshold=3)
def test_nothing_hidden_recoverable_from_every_view_together(
    world, offices, client, settings, months, threshold
):
    settings.FIGURES_SUPPRESSION_THRESHOLD = threshold
    n = len(months[0])
    _store(world, offices[:n], months)
    truth = []
    for counts in months:
        t = {}
        for i, (d, m) in enumerate(counts):
            t |= {(i, 0): d, (i, 1): m, (i, 2): d + m}
        t |= {(TOTAL, 0): sum(d for d, _ in counts), (TOTAL, 1): sum(m for _, m in counts)}
        t[(TOTAL, 2)] = t[(TOTAL, 0)] + t[(TOTAL, 1)]
        truth.append(t)
    union = Union(truth, threshold)
    by_label = {catalogue.label(i): i.code for i in Indicator.objects.all()}
    rows_by_name = {f"{o.unit_number} {o.name}": i for i, o in enumerate(offices[:n])}
    rows_by_name |= {"Sum for kontorene": TOTAL}
    client.force_login(world.member)
    pk = world.orland.pk
    shares = []
    month_labels = {p.label: k for k, p in enumerate(MONTHS)}

    def see_html(page, month_of_row, row_of):
        seen = []
        for headers, rows in html_tables(page):
            codes = [by_label.get(h) for h in headers]
            for label, cells in rows:
                month, row = month_of_row(label), row_of(label)
                if month is None or row is None:
                    continue
                values = dict(zip(codes, cells, strict=False))
                for code, text in values.items():
                    union.see(month, row, code, text)
                shares.append((values, month, row))
                seen.append((month, row))
        return seen

    for m, period in enumerate(MONTHS):
        page = client.get(reverse("figures:county", args=[pk]), {"periode": period.code})
        seen = see_html(page.content.decode(), lambda _label, m=m: m, rows_by_name.get)
        assert len(seen) == n + 1
        api = client.get(f"/api/v1/partnerships/{pk}/figures/county", {"period": period.code})
        for row in api.json()["rows"]:
            key = TOTAL if row["total"] else rows_by_name.get(row["label"])
            for code, value in row["values"].items():
                union.see(m, key, code, value)
            shares.append((row["values"], m, key))
        # the office against its county (the sum of its offices) and the country
        overview = client.get(reverse("figures:overview", args=[pk]), {"periode": period.code})
        area_rows = {"NAV Ørland": 0, str(world.county.name): TOTAL}

        def month_of(label, m=m, area_rows=area_rows):
            return month_labels.get(label, m if label in area_rows else None)

        def row_of(label, area_rows=area_rows):
            return 0 if label in month_labels else area_rows.get(label)

        seen = see_html(overview.content.decode(), month_of, row_of)
        # the office over time (both months) and the office and county against each other
        assert {(0, 0), (1, 0), (m, TOTAL)} <= set(seen)
        areas = client.get(f"/api/v1/partnerships/{pk}/figures/areas", {"period": period.code})
        for row in areas.json()["rows"]:
            key = area_rows.get(row["label"])
            if key is not None:
                for code, value in row["values"].items():
                    union.see(m, key, code, value)
                shares.append((row["values"], m, key))
    office = client.get(f"/api/v1/partnerships/{pk}/figures").json()
    for row in office["rows"]:
        m = next(k for k, p in enumerate(MONTHS) if p.label == row["label"])
        for code, value in row["values"].items():
            union.see(m, 0, code, value)
        shares.append((row["values"], m, 0))
    compared = client.get(
        f"/api/v1/partnerships/{pk}/figures/comparison",
        {"before": MONTHS[0].code, "after": MONTHS[1].code},
    ).json()
    changes = []
    for figure in compared["figures"]:
        union.see(0, 0, figure["indicator"], figure["before"])
        union.see(1, 0, figure["indicator"], figure["after"])
        changes.append(figure)
    page = client.get(
        reverse("figures:comparison", args=[pk]),
        {"fra": MONTHS[0].code, "til": MONTHS[1].code},
    ).content.decode()
    labels = {catalogue.label(i): i.code for i in Indicator.objects.filter(code__in=CODES)}
    compared_rows = [
        (label, cells)
        for headers, rows in html_tables(page)
        if headers[:2] == [MONTHS[0].label, MONTHS[1].label]
        for label, cells in rows
        if label in labels
    ]
    assert len(compared_rows) == 3
    for label, (before, after, change, per_cent) in compared_rows:
        code = labels[label]
        union.see(0, 0, code, before)
        union.see(1, 0, code, after)
        changes.append({"indicator": code, "change": change, "per_cent": per_cent})
    # a status report's figure blocks: each count in both months, against the areas and compared
    report = services.report_create(actor=world.nav_leader, partnership=world.orland, title="S")
    kinds = []
    for code in CODES:
        indicator = Indicator.objects.get(code=code)
        for period_text, comparison in (
            (MONTHS[0].code, Comparison.NONE),
            (MONTHS[1].code, Comparison.NONE),
            (MONTHS[1].code, Comparison.AREAS),
            (MONTHS[1].code, Comparison.PREVIOUS),
        ):
            services.block_add(
                actor=world.nav_leader,
                report=report,
                section_kind="users",
                indicator=indicator,
                period_text=period_text,
                comparison=comparison,
                compare_period_text=MONTHS[0].code,
            )
            kinds.append((code, comparison))
    sections = client.get(f"/api/v1/status-reports/{report.pk}").json()["sections"]
    blocks = [block for section in sections for block in section["blocks"]]
    assert len(blocks) == len(kinds)
    for (code, comparison), block in zip(kinds, blocks, strict=True):
        if comparison == Comparison.PREVIOUS:
            before, after, change, per_cent = block["rows"][0]
            union.see(0, 0, code, before)
            union.see(1, 0, code, after)
            changes.append({"indicator": code, "change": change, "per_cent": per_cent})
            continue
        for label, text in block["rows"]:
            if label in month_labels:
                union.see(month_labels[label], 0, code, text)
            elif label in ("NAV Ørland", str(world.county.name)):
                union.see(1, 0 if label == "NAV Ørland" else TOTAL, code, text)
    union.check(n)
    for values, month, row in shares:
        _needs_both(values, union, month, row)
    for figure in changes:
        shown = [figure[k] for k in ("change", "per_cent") if figure[k] not in (None, "–", ":")]
        if figure["indicator"] in CODES and shown:
            j = CODES.index(figure["indicator"])
            assert (0, 0, j) in union.known and (1, 0, j) in union.known, figure
