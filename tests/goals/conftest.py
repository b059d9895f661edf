"""Ørland's follow-up figures imported as the figures app imports them, and a goal on them."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from partnerskap.figures import services as figure_services
from partnerskap.figures.models import Indicator
from partnerskap.goals import services
from partnerskap.goals.models import Direction, Goal

LONG = "Indikator;Enhet;Periode;Verdi\nusers_follow_up;{unit};{period};{value}\n"


def import_figure(world, period: str, value: int, name: str | None = None) -> None:
    """One value of the follow-up series for Ørland's office, through the figures import."""
    content = LONG.format(unit=world.orland_office.unit_number, period=period, value=value)
    batch = figure_services.import_preview(
        actor=world.nav_leader,
        partnership=world.orland,
        file=SimpleUploadedFile(name or f"oppfolging-{period}.csv", content.encode()),
        source="Datavarehuset",
        extracted_on=date(2020, 6, 15),
    )
    figure_services.import_commit(actor=world.nav_leader, batch=batch, revision=batch.revision)


def follow_up_goal(world, *, year: int = 2020, target: int = 1200) -> Goal:
    """More users in work-oriented follow-up: baseline 581 in week 10, the target for the year."""
    goal = services.goal_create(
        actor=world.nav_leader,
        partnership=world.orland,
        year=year,
        title="Flere brukere i arbeidsrettet oppfølging",
        source="state",
    )
    indicator = services.indicator_add(
        actor=world.nav_leader,
        goal=goal,
        series=Indicator.objects.get(code="users_follow_up"),
        direction=Direction.UP,
        baseline=Decimal(581),
        baseline_period="2020-W10",
    )
    services.target_set(
        actor=world.nav_leader, indicator=indicator, period_text=str(year), value=Decimal(target)
    )
    return goal


@pytest.fixture
def follow_up(world) -> Goal:
    import_figure(world, "2020-W10", 581)
    import_figure(world, "2020-W18", 1130)
    return follow_up_goal(world)


from ..figures.conftest import pdf_text  # noqa: E402, F401 - the PDF's text for the tests
from ..meetings.conftest import body, meeting  # noqa: E402, F401 - Ørland's meeting for papers
