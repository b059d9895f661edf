"""Fixtures for conferences: Ørland's partnership conference, published, with a small capacity
so the waiting list is near, followed by Ørland's partnership meeting."""

from dataclasses import dataclass
from datetime import date, time, timedelta

import pytest
from django.utils import timezone

from partnerskap.conferences import services
from partnerskap.conferences.models import Event, RegistrationQuestion, SessionKind
from partnerskap.core.models import RoleKind
from partnerskap.registry.models import Owner, OwnerKind

from ..factories import (
    CountyFactory,
    MunicipalityFactory,
    UserFactory,
    give_role,
    partnership_with_owners,
)
from ..meetings.conftest import body, meeting  # noqa: F401 - fixtures used here

ALL_QUESTIONS = list(RegistrationQuestion.values)


def event_days() -> tuple[date, date]:
    first = timezone.localdate() + timedelta(days=40)
    return first, first + timedelta(days=1)


def make_event(world, *, capacity: int | None = 3, publish: bool = True, **fields) -> Event:
    first, last = event_days()
    values = {
        "title": "Partnerskapskonferansen i Ørland",
        "slug": "orland-konferanse",
        "first_day": first,
        "last_day": last,
        "place": "Ørland kultursenter",
        "registration_closes": timezone.make_aware(
            timezone.datetime.combine(first - timedelta(days=10), time(23, 59))
        ),
        "capacity": capacity,
        "questions": ALL_QUESTIONS,
        "contact_email": "konferanse@orland.example",
        **fields,
    }
    event = services.event_create(
        actor=world.nav_leader,
        organiser_partnership=world.orland,
        audience_municipalities=[world.orland_municipality],
        **values,
    )
    services.session_add(
        actor=world.nav_leader,
        event=event,
        day=first,
        starts=time(11),
        ends=time(11, 30),
        title="Velkommen",
        speakers=[world.municipal_owner],
    )
    services.session_add(
        actor=world.nav_leader,
        event=event,
        day=first,
        starts=time(12),
        ends=time(12, 45),
        title="Lunsj",
        kind=SessionKind.MEAL,
    )
    services.session_add(
        actor=world.nav_leader,
        event=event,
        day=last,
        starts=time(9),
        ends=time(12),
        title="Verksted om ungdom",
        kind=SessionKind.WORKSHOP,
    )
    if publish:
        services.programme_publish(actor=world.nav_leader, event=event)
    event.refresh_from_db()
    return event


@pytest.fixture
def event(world, body) -> Event:  # noqa: F811 - the meetings fixture
    return make_event(world, following_body=body)


def register(event: Event, name: str, email: str | None = None, **fields):
    return services.registration_create(
        actor=None,
        event=event,
        name=name,
        email=email or f"{name.split()[0].lower()}@example.no",
        days=fields.pop("days", [d.isoformat() for d in event.days]),
        **fields,
    )


@dataclass
class Nordland:
    """NAV Nordland's partnership conference, invited to five pilot municipalities in four
    partnerships; one NAV leader leads both Meløy and Rødøy (as in the demo)."""

    event: Event
    director: object
    municipalities: dict[str, object]
    leaders: dict[str, object]


@pytest.fixture
def nordland(db) -> Nordland:
    county = CountyFactory(number="18", name="NAV Nordland")
    names = {
        "1806": "Narvik",
        "1841": "Fauske",
        "1840": "Saltdal",
        "1837": "Meløy",
        "1836": "Rødøy",
    }
    municipalities = {
        name: MunicipalityFactory(number=number, name=name, county=county)
        for number, name in names.items()
    }
    director = UserFactory(username="fylkesdirektor.nordland", email="direktor@nav.example")
    give_role(director, RoleKind.STATE_OWNER, county=county)
    leaders = {
        username: UserFactory(username=username, email=f"{username}@nav.example")
        for username in ("leder.ofoten", "leder.indresalten", "leder.meloy")
    }
    for office, leader, members in (
        ("NAV Ofoten", "leder.ofoten", ["Narvik"]),
        ("NAV Indre Salten", "leder.indresalten", ["Fauske", "Saltdal"]),
        ("NAV Meløy", "leder.meloy", ["Meløy"]),
        ("NAV Rødøy", "leder.meloy", ["Rødøy"]),
    ):
        partnership = partnership_with_owners(
            county, municipalities[members[0]], name=office, office__name=office
        )
        for extra in members[1:]:
            Owner.objects.create(
                partnership=partnership,
                kind=OwnerKind.MUNICIPALITY,
                municipality=municipalities[extra],
            )
        give_role(leaders[leader], RoleKind.NAV_LEADER, partnership=partnership)
    first, last = event_days()
    event = services.event_create(
        actor=director,
        organiser_county=county,
        title="Partnerskapskonferansen i Nordland",
        slug="partnerskapskonferansen-nordland",
        first_day=first,
        last_day=last,
        place="Radisson Blu, Bodø",
        registration_closes=timezone.make_aware(
            timezone.datetime.combine(first - timedelta(days=9), time(23, 59))
        ),
        capacity=80,
        questions=ALL_QUESTIONS,
        audience_municipalities=list(municipalities.values()),
    )
    services.session_add(
        actor=director, event=event, day=first, starts=time(11), ends=time(11, 5), title="Velkommen"
    )
    services.programme_publish(actor=director, event=event)
    event.refresh_from_db()
    return Nordland(event, director, municipalities, leaders)
