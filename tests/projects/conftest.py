"""A project like "NAV i Nordland i en ny tid" in the test world's county: a steering group with
two coming meetings, three pilots (each with its local group) and a first status report."""

from dataclasses import dataclass
from datetime import date

import pytest
from django.utils import timezone

from partnerskap.meetings import services as meeting_services
from partnerskap.meetings.models import Body, BodyKind, Meeting, MemberRole
from partnerskap.projects import services
from partnerskap.projects.models import Pilot, Project

from ..factories import MunicipalityFactory, UserFactory
from ..meetings.conftest import at


@dataclass
class Nordland:
    project: Project
    steering: Body
    first: Meeting  # the steering group's first meeting (the previous one, for the second)
    second: Meeting
    ofoten: Pilot
    indre: Pilot
    sor: Pilot
    ofoten_member: object  # a member of Ofoten's local group, with no other role

    @property
    def pilots(self) -> list[Pilot]:
        return [self.ofoten, self.indre, self.sor]


YEAR = timezone.localdate().year + 1


def _body(world, name: str, kind: str, slug: str) -> Body:
    return meeting_services.body_create(
        actor=world.county_director, name=name, kind=kind, slug=slug, county=world.county
    )


def _meeting(world, body: Body, day: date) -> Meeting:
    return meeting_services.meeting_schedule(
        actor=world.county_director, body=body, starts_at=at(day, 11), ends_at=at(day, 14)
    )


@pytest.fixture
def nordland(world) -> Nordland:
    steering = _body(world, "Styringsgruppen", BodyKind.STEERING_GROUP, "ny-tid-styringsgruppe")
    first = _meeting(world, steering, date(YEAR, 1, 10))
    second = _meeting(world, steering, date(YEAR, 3, 10))
    project = services.project_create(
        actor=world.county_director,
        county=world.county,
        name="NAV i en ny tid",
        starts_on=date(YEAR - 1, 6, 1),
        ends_on=date(YEAR + 1, 6, 30),
        mandate="Kartlegge status i alle tjenesteområder, og bidra til to–tre piloter.",
        leader=world.nav_leader,
        steering_group=steering,
        phase="execution",
    )
    groups = {
        name: _body(world, f"Prosjektgruppe {name}", BodyKind.PROJECT_GROUP, slug)
        for name, slug in [("Ofoten", "pg-ofoten"), ("Indre Salten", "pg-indre"), ("Sør", "pg-sor")]
    }
    fauske = MunicipalityFactory(county=world.county, number="5051", name="Fauske")
    meloy = MunicipalityFactory(county=world.county, number="5052", name="Meløy")
    ofoten = services.pilot_add(
        actor=world.nav_leader,
        project=project,
        name="Ofoten",
        partnerships=[world.orland],
        local_group=groups["Ofoten"],
        model="merger",
    )
    indre = services.pilot_add(
        actor=world.nav_leader,
        project=project,
        name="Indre Salten",
        municipalities=[fauske],
        local_group=groups["Indre Salten"],
        model="host_municipality",
    )
    sor = services.pilot_add(
        actor=world.nav_leader,
        project=project,
        name="Sør-Salten",
        municipalities=[meloy],
        local_group=groups["Sør"],
        model="administrative",
    )
    member = UserFactory(username="ofoten_member")
    meeting_services.body_member_add(
        actor=world.county_director,
        body=groups["Ofoten"],
        person=member,
        role=MemberRole.MEMBER,
        valid_from=date(2018, 1, 1),
    )
    services.status_report(
        actor=world.nav_leader,
        project=project,
        reported_on=date(YEAR, 1, 5),
        values={
            p.status_row.pk: {"health": "on_track", "status_text": "I rute", "progress": "Plan"}
            for p in (ofoten, indre, sor)
        },
    )
    return Nordland(project, steering, first, second, ofoten, indre, sor, member)
