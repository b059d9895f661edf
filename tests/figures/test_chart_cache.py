"""Charts are rendered once per content (issue 16, done 2): a status report viewed again with the
same figures renders no chart; new figures render it anew. A long series is drawn as its recent
periods, with every period in the data table."""

import re
from datetime import date, timedelta
from unittest import mock

import pytest
import vl_convert
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from partnerskap.documents import charts
from partnerskap.figures import services
from partnerskap.figures.charts import RECENT_PERIODS
from partnerskap.figures.models import Comparison, Indicator

from .test_views import pandemic  # noqa: F401 - the fixture


def _import(world, text: str) -> None:
    batch = services.import_preview(
        actor=world.nav_leader,
        partnership=world.orland,
        file=SimpleUploadedFile("ny.csv", text.encode()),
        source="NAV-kontorets egen telling",
        extracted_on=date(2020, 6, 15),
    )
    services.import_commit(actor=world.nav_leader, batch=batch, revision=batch.revision)


def _svgs(html: str) -> list[str]:
    return re.findall(r"<svg.*?</svg>", html, re.S)


@pytest.fixture
def renders():
    """The specs vl-convert was asked to render, from an empty cache."""
    cache.clear()
    specs: list[dict] = []
    real = vl_convert.vegalite_to_svg

    def counting(spec, *args, **kwargs):
        specs.append(spec)
        return real(spec, *args, **kwargs)

    with mock.patch.object(charts.vl_convert, "vegalite_to_svg", side_effect=counting):
        yield specs
    cache.clear()


@pytest.fixture
def report(world, pandemic):  # noqa: F811 - the fixture imported above
    report = services.report_create(actor=world.nav_leader, partnership=world.orland, title="S")
    indicator = Indicator.objects.get
    services.block_add(
        actor=world.nav_leader,
        report=report,
        section_kind="users",
        indicator=indicator(code="users_follow_up"),
        period_text="2020-W18",
        comparison=Comparison.PREVIOUS,
        compare_period_text="2020-W10",
        chart=True,
    )
    services.block_add(
        actor=world.nav_leader,
        report=report,
        section_kind="users",
        indicator=indicator(code="users_follow_up_aap"),
        period_text="2020-W18",
        chart=True,
    )
    return report


def test_a_status_report_viewed_again_renders_no_chart_and_new_figures_render_one(
    world, report, client, renders
):
    client.force_login(world.member)
    url = reverse("figures:report_detail", args=[report.pk])
    first = client.get(url).content.decode()
    assert len(renders) == 2 and first.count("<svg") >= 2
    second = client.get(url).content.decode()
    assert len(renders) == 2  # nothing changed: both charts came from the cache
    assert _svgs(second) == _svgs(first)

    unit = world.orland_office.unit_number
    _import(world, f"Indikator;Enhet;Periode;Verdi\nusers_follow_up;{unit};2020-W18;1200\n")
    third = client.get(url).content.decode()
    assert len(renders) == 3  # the compared figure changed: its chart only is drawn again
    assert "1\xa0200" in third
    client.get(url)
    assert len(renders) == 3


def test_a_long_series_draws_its_recent_periods_and_tables_them_all(world, client, renders):
    unit = world.orland_office.unit_number
    monday = date(2020, 12, 28)  # ISO week 53 of 2020
    weeks = [monday - timedelta(weeks=n) for n in range(RECENT_PERIODS + 6)]
    lines = ["Indikator;Enhet;Periode;Verdi"]
    for n, day in enumerate(weeks):
        year, number, _ = day.isocalendar()
        lines.append(f"users_follow_up;{unit};{year}-W{number:02d};{600 + n}")
    _import(world, "\n".join(lines) + "\n")
    report = services.report_create(actor=world.nav_leader, partnership=world.orland, title="L")
    services.block_add(
        actor=world.nav_leader,
        report=report,
        section_kind="users",
        indicator=Indicator.objects.get(code="users_follow_up"),
        period_text="2020-W53",
        chart=True,
    )
    client.force_login(world.member)
    html = client.get(reverse("figures:report_detail", args=[report.pk])).content.decode()
    (spec,) = renders
    values = spec["data"]["values"]
    assert len(values) == RECENT_PERIODS
    assert values[-1]["label"] == "uke 53 2020" and values[-1]["value"] == 600
    assert html.count('<th scope="row"') >= RECENT_PERIODS + 6  # every week in the table
