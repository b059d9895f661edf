"""The meeting page, the body page and "my follow-ups", and the API routes behind them, cost the
same number of queries whether the body has held 5 meetings or 500.

The 500 are written straight to the database (bulk_create): the services would take minutes, and
what matters here is the shape of the data the pages read, not how it got there.
"""

from datetime import date, datetime, timedelta
from itertools import count

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from partnerskap.meetings.models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Body,
    ItemKind,
    ItemNumberCounter,
    Meeting,
    MeetingStatus,
    Minutes,
    MinutesComment,
    MinutesStatus,
)

# A body's history cycles through every state a meeting can be in, so that each page meets
# minutes that are deemed approved, objected to, published, and meetings cancelled or planned.
STATES = [
    (MeetingStatus.PUBLISHED, MinutesStatus.PUBLISHED),
    (MeetingStatus.MINUTES_IN_COMMENT, MinutesStatus.IN_COMMENT),  # deemed approved on read
    (MeetingStatus.MINUTES_IN_COMMENT, MinutesStatus.IN_COMMENT),  # objected to: not approved
    (MeetingStatus.MINUTES_APPROVED, MinutesStatus.APPROVED),
    (MeetingStatus.HELD, MinutesStatus.DRAFT),
    (MeetingStatus.CANCELLED, MinutesStatus.DRAFT),
]


def add_meetings(body: Body, people: list, first: int, how_many: int) -> None:
    """Weekly meetings from January 2010, each with three numbered items, attendance, minutes
    and an open follow-up owned by the first person."""
    tz = timezone.get_current_timezone()
    start = datetime(2010, 1, 8, 11, tzinfo=tz)
    meetings = Meeting.objects.bulk_create(
        Meeting(
            body=body,
            starts_at=start + timedelta(weeks=i),
            ends_at=start + timedelta(weeks=i, hours=3),
            location="Rådhuset, Brekstad",
            status=STATES[i % len(STATES)][0],
        )
        for i in range(first, first + how_many)
    )
    numbers: dict[int, count] = {}
    for year, last in ItemNumberCounter.objects.filter(body=body).values_list(
        "year", "last_number"
    ):
        numbers[year] = count(last + 1)
    items, minutes, attendances = [], [], []
    for i, meeting in enumerate(meetings, start=first):
        year = timezone.localtime(meeting.starts_at).year
        sequence = numbers.setdefault(year, count(1))
        for position, kind in enumerate(
            (ItemKind.FOLLOW_UPS, ItemKind.INFORMATION, ItemKind.DECISION), start=1
        ):
            items.append(
                AgendaItem(
                    numbering_body=body,
                    year=year,
                    number=next(sequence),
                    meeting=meeting,
                    position=position,
                    kind=kind,
                    title=f"Sak {position} i møte {i}",
                    decision_text="Vedtatt." if kind == ItemKind.DECISION else "",
                )
            )
        minutes_status = STATES[i % len(STATES)][1]
        minutes.append(
            Minutes(
                meeting=meeting,
                status=minutes_status,
                comment_deadline=meeting.starts_at.date() + timedelta(days=14)
                if minutes_status == MinutesStatus.IN_COMMENT
                else None,
            )
        )
        attendances += [
            Attendance(
                meeting=meeting,
                person=person,
                name=person.display_name,
                status=AttendanceStatus.PRESENT,
            )
            for person in people
        ]
    AgendaItem.objects.bulk_create(items)
    for year, sequence in numbers.items():
        ItemNumberCounter.objects.update_or_create(
            body=body, year=year, defaults={"last_number": next(sequence) - 1}
        )
    minutes = Minutes.objects.bulk_create(minutes)
    Attendance.objects.bulk_create(attendances)
    objected = [m for i, m in enumerate(minutes, start=first) if i % len(STATES) == 2]
    MinutesComment.objects.bulk_create(
        MinutesComment(minutes=m, author=people[1], text="Sak 3 er feil.", is_objection=True)
        for m in objected
    )
    decisions = AgendaItem.objects.filter(meeting__in=meetings, kind=ItemKind.DECISION)
    ActionItem.objects.bulk_create(
        ActionItem(
            item=item,
            body=body,
            title=f"Følg opp {item.title}",
            owner=people[0],
            due_date=date(2030, 1, 1),
            status=ActionStatus.OPEN,
        )
        for item in decisions
    )


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


# The exact number of queries each route costs. If one of these changes, find out why: a new
# query per row shows as a difference between the sizes; a new fixed query only here.
EXPECTED = {
    # session, user, access (5), the meeting, then meeting_detail: the meeting again, items,
    # attachments, actions, forwarded items, attendance, comments, versions; carried follow-ups
    "meeting page": 17,
    # session, user, access (5), the body with standard agenda and members (3), count, page,
    # comments of the page's minutes
    "body page": 13,
    # session, user, count, page
    "my follow-ups page": 4,
    "GET /api/v1/meetings/{id}": 17,
    "GET /api/v1/bodies/{id}": 11,  # the other counties a network spans: one query
    "GET /api/v1/bodies/{id}/meetings": 13,
    "GET /api/v1/follow-ups/mine": 4,
}


def _routes(body: Body, meeting: Meeting) -> dict[str, str]:
    return {
        "meeting page": reverse("meetings:meeting_detail", args=[meeting.pk]),
        "body page": reverse("meetings:body_detail", args=[body.pk]),
        "my follow-ups page": reverse("meetings:my_actions"),
        "GET /api/v1/meetings/{id}": f"/api/v1/meetings/{meeting.pk}",
        "GET /api/v1/bodies/{id}": f"/api/v1/bodies/{body.pk}",
        "GET /api/v1/bodies/{id}/meetings": f"/api/v1/bodies/{body.pk}/meetings",
        "GET /api/v1/follow-ups/mine": "/api/v1/follow-ups/mine",
    }


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_the_meetings(client, world, body, meeting):
    people = [world.nav_leader, world.municipal_owner, world.minute_taker]
    client.force_login(world.nav_leader)
    routes = _routes(body, meeting)
    add_meetings(body, people, first=0, how_many=5)
    for url in routes.values():  # warm up what Django caches once per process
        client.get(url)
    small = {name: _queries(client, url) for name, url in routes.items()}
    add_meetings(body, people, first=5, how_many=495)
    assert Meeting.objects.filter(body=body).count() == 501
    large = {name: _queries(client, url) for name, url in routes.items()}
    assert small == large, "a query per meeting, item or follow-up: see which route differs"
    assert large == EXPECTED
