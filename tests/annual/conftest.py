"""Fixtures for the annual app: Ørland's last year, with a body that met, a decision, an
operating agreement period (finance's worked example) and a reception location."""

from datetime import date, time

import pytest
from django.utils import timezone

from partnerskap.finance import services as finance
from partnerskap.meetings import services as meetings
from partnerskap.meetings.models import BodyKind, ItemKind, Meeting, MeetingStatus
from partnerskap.reception.models import Location, WalkInHours

from ..finance.conftest import worked_example
from ..goals.conftest import follow_up_goal, import_figure
from ..meetings.conftest import at

SECRET_TEXT = "Rådmannen ber om en egen sak om økonomien i NAV Ørland"


def last_year() -> int:
    return timezone.localdate().year - 1


@pytest.fixture
def orland_year(world):
    """Ørland's last year in Partnerskap; returns the year."""
    year = last_year()
    body = meetings.body_create(
        actor=world.nav_leader,
        name="Partnerskapsmøtet i NAV Ørland",
        kind=BodyKind.PARTNERSHIP_MEETING,
        slug="orland-partnerskapsmote",
        partnership=world.orland,
    )
    held = []
    for month in (3, 6, 9):
        day = date(year, month, 5)
        held.append(
            meetings.meeting_schedule(
                actor=world.nav_leader, body=body, starts_at=at(day, 11), ends_at=at(day, 14)
            )
        )
    meetings.item_add(
        actor=world.nav_leader,
        meeting=held[0],
        title="Budsjett for NAV Ørland",
        kind=ItemKind.DECISION,
        decision_text="Partnerskapsmøtet vedtar budsjettet.",
    )
    Meeting.objects.filter(pk__in=[m.pk for m in held[:2]]).update(status=MeetingStatus.HELD)
    Meeting.objects.filter(pk=held[2].pk).update(status=MeetingStatus.CANCELLED)
    agreement = finance.agreement_create(
        actor=world.nav_leader, partnership=world.orland, title="Driftsavtale for NAV Ørland"
    )
    finance.period_create(
        actor=world.nav_leader,
        agreement=agreement,
        **worked_example(label=str(year), starts=date(year, 1, 1), ends=date(year, 12, 31)),
    )
    import_figure(world, f"{year}-W10", 581)
    import_figure(world, f"{year}-W18", 2)  # a small count: suppressed, shown as ":"
    follow_up_goal(world, year=year)
    location = Location.objects.create(office=world.orland.office, name="Brekstad")
    WalkInHours.objects.create(location=location, weekday=0, opens=time(10), closes=time(14))
    return year


@pytest.fixture(autouse=True)
def _media(settings, tmp_path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
