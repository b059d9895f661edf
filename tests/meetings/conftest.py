"""Fixtures for meetings: Ørland's partnership meeting body with the standard agenda."""

from datetime import date, datetime

import pytest
from django.utils import timezone

from partnerskap.meetings import services
from partnerskap.meetings.models import Body, BodyKind, MemberRole
from partnerskap.meetings.standard import PARTNERSHIP_MEETING_AGENDA


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(
        day.year, day.month, day.day, hour, minute, tzinfo=timezone.get_current_timezone()
    )


@pytest.fixture
def body(world) -> Body:
    body = services.body_create(
        actor=world.nav_leader,
        name="Partnerskapsmøtet i NAV Ørland",
        kind=BodyKind.PARTNERSHIP_MEETING,
        slug="orland-partnerskapsmote",
        partnership=world.orland,
        standard_items=PARTNERSHIP_MEETING_AGENDA,
    )
    for person, role in [
        (world.nav_leader, MemberRole.MEMBER),
        (world.municipal_owner, MemberRole.CHAIR),
        (world.minute_taker, MemberRole.MINUTE_TAKER),
    ]:
        services.body_member_add(
            actor=world.admin, body=body, person=person, role=role, valid_from=date(2018, 1, 1)
        )
    return body


@pytest.fixture
def meeting(world, body):
    day = date(timezone.localdate().year + 1, 3, 5)
    return services.meeting_schedule(
        actor=world.nav_leader,
        body=body,
        starts_at=at(day, 11),
        ends_at=at(day, 14, 30),
        location="Rådhuset, Brekstad",
        breaks=[{"at": "12:00", "minutes": 30}],
    )


def later_in_year(days: int = 90) -> date:
    """A day later in the same year as the `meeting` fixture."""
    return date(timezone.localdate().year + 1, 3, 5) + __import__("datetime").timedelta(days=days)
