"""The demo data set's reception: NAV Indre Fosen's walk-in reception in Rissa and Leksvik.

The figures are those of the office's status presentation (seed office-status-presentation-indre-
fosen): Rissa was observed visit by visit over 17 open days (218 visits, 45 opening hours, two
staff, 15 staff hours with visitors); Leksvik only in totals (5 open days, 16 visits, 15 opening
hours, 4 hours with visitors, two staff travelling 3 hours there and back). Rissa's weekly hours
are not in the seed: Monday and Tuesday 11–14 and Thursday 12–14 give its 17 days and 45 hours
from Thursday 9 January to Monday 17 February 2020.
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from partnerskap.core.models import User
from partnerskap.meetings import services as meeting_services
from partnerskap.meetings.models import Body, BodyKind, ItemKind
from partnerskap.reception import services
from partnerskap.reception.models import (
    ChangeKind,
    CountedTotals,
    Location,
    LocationKind,
    Scenario,
    Visit,
    VisitSource,
)
from partnerskap.registry.models import Office

MON, TUE, WED, THU = 0, 1, 2, 3
FIRST_DAY = date(2020, 1, 9)
LAST_DAY = date(2020, 2, 17)
RISSA_HOURS = [(MON, time(11), time(14)), (TUE, time(11), time(14)), (THU, time(12), time(14))]
LEKSVIK_HOURS = [(WED, time(10), time(13))]
RISSA_VISITS = 218
RISSA_MINUTES = 15 * 60
LEKSVIK_FIRST, LEKSVIK_LAST = date(2020, 1, 15), date(2020, 2, 12)


def open_days(hours: list[tuple[int, time, time]], first: date, last: date) -> list[date]:
    weekdays = {weekday for weekday, _, _ in hours}
    days = (first + timedelta(days=n) for n in range((last - first).days + 1))
    return [day for day in days if day.weekday() in weekdays]


def rissa_visits() -> list[tuple[date, time, int]]:
    """218 visits over Rissa's 17 open days (13 a day, 12 on the first three), 4 or 5 minutes
    each to 900 minutes in all, spaced so that no two visits overlap: 15 staff hours."""
    days = open_days(RISSA_HOURS, FIRST_DAY, LAST_DAY)
    opening = {weekday: (opens, closes) for weekday, opens, closes in RISSA_HOURS}
    extra_minutes = RISSA_MINUTES - 4 * RISSA_VISITS  # this many visits take 5 minutes
    visits = []
    for index, day in enumerate(days):
        count = 12 if index < 3 else 13
        opens, closes = opening[day.weekday()]
        span = (closes.hour - opens.hour) * 60
        step = span // count
        start = datetime.combine(day, opens)
        for n in range(count):
            minutes = 5 if len(visits) < extra_minutes else 4
            visits.append((day, (start + timedelta(minutes=n * step)).time(), minutes))
    return visits


def leksvik_visits() -> list[tuple[date, time, int]]:
    """Leksvik's 16 visits of 15 minutes over its 5 Wednesdays (4 on the first, then 3): the
    same figures visit by visit, for tests that want registrations rather than totals."""
    visits = []
    for index, day in enumerate(open_days(LEKSVIK_HOURS, LEKSVIK_FIRST, LEKSVIK_LAST)):
        for n in range(4 if index == 0 else 3):
            arrival = datetime.combine(day, time(10, 15)) + timedelta(minutes=40 * n)
            visits.append((day, arrival.time(), 15))
    return visits


def set_up_locations(actor: User, office: Office) -> tuple[Location, Location]:
    """Rissa (main office) and Leksvik (a room in the town hall) with their walk-in hours."""
    rissa = Location.objects.filter(office=office, name="Rissa").first()
    if rissa is None:
        rissa = services.location_create(
            actor=actor,
            office=office,
            name="Rissa",
            kind=LocationKind.MAIN_OFFICE,
            address="Rådhusveien 13, 7100 Rissa",
            staff_on_duty=2,
        )
        services.location_hours_set(
            actor=actor,
            location=rissa,
            hours=[services.Interval(*h) for h in RISSA_HOURS],
            revision=rissa.revision,
        )
    leksvik = Location.objects.filter(office=office, name="Leksvik").first()
    if leksvik is None:
        leksvik = services.location_create(
            actor=actor,
            office=office,
            name="Leksvik",
            kind=LocationKind.TOWN_HALL_ROOM,
            address="Leksvik rådhus",
            staff_on_duty=2,
            travelling_staff=2,
            travel_hours=Decimal(3),
        )
        services.location_hours_set(
            actor=actor,
            location=leksvik,
            hours=[services.Interval(*h) for h in LEKSVIK_HOURS],
            revision=leksvik.revision,
        )
    return rissa, leksvik


def add_rissa_visits(actor: User, rissa: Location) -> None:
    Visit.objects.bulk_create(
        Visit(
            location=rissa,
            day=day,
            arrival=arrival,
            minutes=minutes,
            source=VisitSource.COUNTER,
            created_by=actor,
        )
        for day, arrival, minutes in rissa_visits()
    )


def add_leksvik_totals(actor: User, leksvik: Location) -> CountedTotals:
    return services.totals_add(
        actor=actor,
        location=leksvik,
        first_day=LEKSVIK_FIRST,
        last_day=LEKSVIK_LAST,
        days_observed=5,
        visits=16,
        minutes_with_visitors=4 * 60,
        note="Telt opp i mottaket i Leksvik rådhus",
    )


def add_conclusion(actor: User, office: Office, rissa: Location, leksvik: Location) -> Scenario:
    """The presentation's conclusion: close Leksvik for walk-ins, open Rissa 12–14."""
    scenario = services.scenario_create(
        actor=actor,
        office=office,
        name="Steng Leksvik, Rissa åpent 12–14",
        first_day=FIRST_DAY,
        last_day=LAST_DAY,
        open_weeks=30,
    )
    services.change_add(
        actor=actor, scenario=scenario, location=rissa, kind=ChangeKind.KEEP_HOURS,
        from_time=time(12), to_time=time(14),
    )  # fmt: skip
    services.change_add(
        actor=actor,
        scenario=scenario,
        location=leksvik,
        kind=ChangeKind.CLOSE,
        percent_to_other_location=50,
        other_location=rissa,
        percent_to_appointments=25,
    )
    return scenario


def _meeting(actor: User, office: Office) -> None:
    """A partnership meeting of Indre Fosen with the item the analysis belongs to."""
    partnership = office.partnerships.order_by("pk").first()
    if partnership is None or Body.objects.filter(slug="indre-fosen-partnerskapsmote").exists():
        return
    body = meeting_services.body_create(
        actor=actor,
        name="Partnerskapsmøtet i NAV Indre Fosen",
        kind=BodyKind.PARTNERSHIP_MEETING,
        slug="indre-fosen-partnerskapsmote",
        partnership=partnership,
    )
    day = date(timezone.localdate().year + 1, 3, 10)
    meeting = meeting_services.meeting_schedule(
        actor=actor,
        body=body,
        starts_at=timezone.make_aware(datetime.combine(day, time(12))),
        ends_at=timezone.make_aware(datetime.combine(day, time(15))),
        location="Rådhuset, Rissa",
    )
    meeting_services.item_add(
        actor=actor,
        meeting=meeting,
        title="Lokaler, åpningstid og ventesone",
        kind=ItemKind.DECISION,
    )


@transaction.atomic
def load(users: dict[str, User]) -> None:
    """Idempotent: safe to run again on a loaded database."""
    office = Office.objects.filter(unit_number="5054").order_by("-valid_from").first()
    leader = users.get("leder.indrefosen") or users.get("admin")
    if office is None or leader is None:
        return
    rissa, leksvik = set_up_locations(leader, office)
    if not rissa.visits.exists():
        add_rissa_visits(leader, rissa)
    if not leksvik.totals.exists():
        add_leksvik_totals(leader, leksvik)
    if not Scenario.objects.filter(office=office).exists():
        add_conclusion(leader, office, rissa, leksvik)
    _meeting(leader, office)
