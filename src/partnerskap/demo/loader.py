"""Loads the demo data set from the facts in ../shared/seeds/: idempotent, safe to run again."""

from dataclasses import dataclass, field
from datetime import date, time

from django.core.management import call_command
from django.db import transaction

from partnerskap.core.models import RoleKind, User
from partnerskap.registry import services
from partnerskap.registry.models import (
    County,
    Employer,
    Municipality,
    Office,
    Partnership,
    PartnershipModel,
    Role,
)

from . import (
    agreements,
    annual,
    conferences,
    figures,
    finance,
    goals,
    meetings,
    plans,
    projects,
    reception,
)
from .people import DEMO_PASSWORD, PEOPLE

START_2018 = date(2018, 1, 1)
END_2017 = date(2017, 12, 31)
START_2020 = date(2020, 1, 1)
END_2019 = date(2019, 12, 31)

# (number, name, valid_from, valid_to)
COUNTIES = [
    ("15", "NAV Møre og Romsdal", date(2006, 7, 1), None),
    ("16", "NAV Sør-Trøndelag", date(2006, 7, 1), END_2017),
    ("17", "NAV Nord-Trøndelag", date(2006, 7, 1), END_2017),
    ("18", "NAV Nordland", date(2006, 7, 1), None),
    ("50", "NAV Trøndelag", START_2018, None),
]

# (number, name, county number, valid_from, valid_to, replaced by number, population)
MUNICIPALITIES = [
    ("5057", "Ørland", "50", START_2020, None, None, 10_400),
    ("5015", "Ørland", "50", START_2018, END_2019, "5057", 5_300),
    ("5017", "Bjugn", "50", START_2018, END_2019, "5057", 4_800),
    ("5054", "Indre Fosen", "50", START_2018, None, None, 10_000),
    ("1624", "Rissa", "16", date(1964, 1, 1), END_2017, "5054", 6_700),
    ("1718", "Leksvik", "17", date(1964, 1, 1), END_2017, "5054", 3_500),
    ("1507", "Ålesund", "15", START_2020, None, None, 66_700),
    ("1504", "Ålesund", "15", date(1968, 1, 1), END_2019, "1507", 47_800),
    ("1534", "Haram", "15", date(1965, 1, 1), END_2019, "1507", 9_200),
    ("1546", "Sandøy", "15", date(1965, 1, 1), END_2019, "1507", 1_250),
    ("1529", "Skodje", "15", date(1977, 1, 1), END_2019, "1507", 4_700),
    ("1523", "Ørskog", "15", date(1965, 1, 1), END_2019, "1507", 2_300),
    ("1806", "Narvik", "18", START_2020, None, None, 21_800),
    ("1805", "Narvik", "18", date(1974, 1, 1), END_2019, "1806", 18_800),
    ("1854", "Ballangen", "18", date(1964, 1, 1), END_2019, "1806", 2_500),
    ("1841", "Fauske", "18", date(1964, 1, 1), None, None, 9_800),
    ("1840", "Saltdal", "18", date(1964, 1, 1), None, None, 4_600),
    ("1845", "Sørfold", "18", date(1964, 1, 1), None, None, 1_900),
    ("1839", "Beiarn", "18", date(1964, 1, 1), None, None, 1_000),
    ("1875", "Hamarøy", "18", START_2020, None, None, 2_800),
    ("1837", "Meløy", "18", date(1964, 1, 1), None, None, 6_300),
    ("1836", "Rødøy", "18", date(1964, 1, 1), None, None, 1_200),
    ("1838", "Gildeskål", "18", date(1964, 1, 1), None, None, 1_950),
]

# (unit, name, county, valid_from, valid_to, replaced by unit, visiting address)
OFFICES = [
    ("5057", "NAV Ørland", "50", START_2020, None, None, "Rådhusveien 5, 7130 Brekstad"),
    ("5054", "NAV Indre Fosen", "50", START_2018, None, None, "Rådhusveien 13, 7100 Rissa"),
    ("1507", "NAV Ålesund", "15", START_2020, None, None, "Keiser Wilhelms gate 22, 6003 Ålesund"),
    ("1504", "NAV Ålesund", "15", date(2007, 1, 1), END_2019, "1507", ""),
    ("1534", "NAV Haram", "15", date(2007, 1, 1), END_2019, "1507", ""),
    ("1546", "NAV Sandøy", "15", date(2007, 1, 1), END_2019, "1507", ""),
    ("1529", "NAV Storfjorden", "15", date(2007, 1, 1), END_2019, "1507", ""),
    ("1806", "NAV Ofoten", "18", START_2020, None, None, "Kongens gate 49, 8514 Narvik"),
    ("1841", "NAV Indre Salten", "18", date(2019, 7, 1), None, None, "Sjøgata 71, 8200 Fauske"),
    ("1837", "NAV Meløy", "18", date(2007, 1, 1), None, None, "Gammelveien 2, 8150 Ørnes"),
    ("1836", "NAV Rødøy", "18", date(2007, 1, 1), None, None, "Vågaholmen, 8193 Rødøy"),
    ("1838", "NAV Gildeskål", "18", date(2007, 1, 1), None, None, "Inndyr, 8140 Inndyr"),
]


@dataclass
class DemoPartnership:
    name: str
    office: str
    county: str
    model: str
    municipalities: list[str]
    valid_from: date
    leader: str
    leader_employer: str
    host: str | None = None
    description: str = ""
    roles: list[tuple[str, str]] = field(default_factory=list)


PARTNERSHIPS = [
    DemoPartnership(
        "NAV Ørland",
        "5057",
        "50",
        PartnershipModel.MERGED,
        ["5057"],
        START_2020,
        "leder.orland",
        Employer.MUNICIPAL,
        description="Ørland og Bjugn ble slått sammen til Ørland kommune 1. januar 2020.",
        roles=[
            ("kommunedirektor.orland", RoleKind.MUNICIPAL_OWNER),
            ("referent.orland", RoleKind.MINUTE_TAKER),
            ("brukerrep.orland", RoleKind.USER_REPRESENTATIVE),
            ("tillitsvalgt.orland", RoleKind.UNION_REPRESENTATIVE),
        ],
    ),
    DemoPartnership(
        "NAV Indre Fosen",
        "5054",
        "50",
        PartnershipModel.MERGED,
        ["5054"],
        START_2018,
        "leder.indrefosen",
        Employer.MUNICIPAL,
        description="Kontoret har publikumsmottak i Rissa og Leksvik: 9,3 statlige og 7 "
        "kommunale årsverk, lederen medregnet.",
        roles=[("kommunedirektor.indrefosen", RoleKind.MUNICIPAL_OWNER)],
    ),
    DemoPartnership(
        "NAV Ålesund",
        "1507",
        "15",
        PartnershipModel.MERGED,
        ["1507"],
        START_2020,
        "leder.alesund",
        Employer.STATE,
        description="Fem NAV-kontor ble ett da Ålesund, Haram, Sandøy, Skodje og Ørskog ble "
        "nye Ålesund kommune i 2020.",
        roles=[("radmann.alesund", RoleKind.MUNICIPAL_OWNER)],
    ),
    DemoPartnership(
        "NAV Ofoten",
        "1806",
        "18",
        PartnershipModel.MERGED,
        ["1806"],
        START_2020,
        "leder.ofoten",
        Employer.STATE,
        description="Pilot Ofoten i prosjektet «NAV i Nordland i en ny tid»: Narvik, Ballangen "
        "og deler av Tysfjord ble én kommune.",
        roles=[("prosjektleder.nordland", RoleKind.PROJECT_LEADER)],
    ),
    DemoPartnership(
        "NAV Indre Salten",
        "1841",
        "18",
        PartnershipModel.HOST,
        ["1841", "1840", "1845", "1839", "1875"],
        date(2019, 7, 1),
        "leder.indresalten",
        Employer.MUNICIPAL,
        host="1841",
        description="Pilot Indre Salten: vertskommunesamarbeid med Fauske som vertskommune.",
        roles=[("prosjektleder.nordland", RoleKind.PROJECT_LEADER)],
    ),
    DemoPartnership(
        "NAV Meløy",
        "1837",
        "18",
        PartnershipModel.ADMIN_COOPERATION,
        ["1837"],
        date(2007, 1, 1),
        "leder.meloy",
        Employer.STATE,
        description="Pilot for administrativt samarbeid mellom Meløy, Rødøy og Gildeskål.",
        roles=[("prosjektleder.nordland", RoleKind.PROJECT_LEADER)],
    ),
    DemoPartnership(
        "NAV Rødøy",
        "1836",
        "18",
        PartnershipModel.ADMIN_COOPERATION,
        ["1836"],
        date(2007, 1, 1),
        "leder.meloy",
        Employer.STATE,
        roles=[("prosjektleder.nordland", RoleKind.PROJECT_LEADER)],
    ),
    DemoPartnership(
        "NAV Gildeskål",
        "1838",
        "18",
        PartnershipModel.ADMIN_COOPERATION,
        ["1838"],
        date(2007, 1, 1),
        "leder.meloy",
        Employer.STATE,
        roles=[("prosjektleder.nordland", RoleKind.PROJECT_LEADER)],
    ),
]

COUNTY_DIRECTORS = [
    ("fylkesdirektor.trondelag", "50"),
    ("fylkesdirektor.moreogromsdal", "15"),
    ("fylkesdirektor.nordland", "18"),
]

# Monday to Friday, with Ørland closed for walk-ins on Wednesday afternoons.
OPENING_HOURS = {
    "5057": [
        (0, "09:00", "15:00"),
        (1, "09:00", "15:00"),
        (2, "09:00", "12:00"),
        (3, "09:00", "15:00"),
        (4, "09:00", "14:00"),
    ],
    "5054": [(0, "10:00", "14:00"), (1, "10:00", "14:00"), (3, "10:00", "14:00")],
    "1507": [(d, "09:00", "15:00") for d in range(5)],
    "1806": [(d, "10:00", "14:00") for d in range(5)],
    "1841": [(d, "10:00", "14:00") for d in range(5)],
}


def _t(value: str) -> time:
    hours, minutes = value.split(":")
    return time(int(hours), int(minutes))


class DemoLoader:
    def __init__(self) -> None:
        self.admin: User | None = None
        self.users: dict[str, User] = {}

    @transaction.atomic
    def load(self) -> None:
        self._people()
        counties = self._counties()
        municipalities = self._municipalities(counties)
        offices = self._offices(counties)
        self._partnerships(counties, municipalities, offices)
        for username, county_number in COUNTY_DIRECTORS:
            self._role(username, RoleKind.STATE_OWNER, county=counties[county_number])
        for unit, rows in OPENING_HOURS.items():
            office = offices[unit]
            if not office.opening_hours.exists():
                hours = [services.DayHours(d, _t(o), _t(c)) for d, o, c in rows]
                services.office_opening_hours_set(actor=self.admin, office=office, hours=hours)
        meetings.load(self.users)
        agreements.load(self.users)
        finance.load(self.users)
        figures.load(self.users)
        reception.load(self.users)
        conferences.load(self.users)
        projects.load(self.users)
        goals.load(self.users)
        annual.load(self.users)  # after the goals: the report reads them
        plans.load(self.users)  # after the goals, which the plans link when there are any
        # The meetings are built with their after-commit work dropped (no e-mails about meetings
        # held years ago, meetings.build.no_mail), and the search index's updates with it: build
        # the index once from everything. By the command's name: the demo does not import search.
        call_command("search_rebuild", verbosity=0)

    def _people(self) -> None:
        for p in PEOPLE:
            user, created = User.objects.get_or_create(
                username=p.username,
                defaults={
                    "first_name": p.first_name,
                    "last_name": p.last_name,
                    "job_title": p.job_title,
                    "organisation": p.organisation,
                    "email": f"{p.username}@partnerskap.invalid",
                },
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
            self.users[p.username] = user
        self.admin = self.users["admin"]
        if not self.admin.is_staff:
            self.admin.is_staff = True
            self.admin.is_superuser = True
            self.admin.save()
        self._role("admin", RoleKind.ADMINISTRATOR)

    def _counties(self) -> dict[str, County]:
        out = {}
        for number, name, valid_from, valid_to in COUNTIES:
            county = County.objects.filter(number=number, valid_from=valid_from).first()
            out[number] = county or services.county_save(
                actor=self.admin,
                number=number,
                name=name,
                valid_from=valid_from,
                valid_to=valid_to,
            )
        return out

    def _municipalities(self, counties: dict[str, County]) -> dict[str, Municipality]:
        out: dict[str, Municipality] = {}
        # Successors first, so predecessors can point at them.
        for number, name, county, start, end, _successor, population in MUNICIPALITIES:
            if _successor is None:
                out[number] = self._municipality(
                    number, name, counties[county], start, end, None, population
                )
        for number, name, county, start, end, successor, population in MUNICIPALITIES:
            if successor is not None:
                out[number] = self._municipality(
                    number, name, counties[county], start, end, out[successor], population
                )
        return out

    def _municipality(self, number, name, county, start, end, successor, population):
        existing = Municipality.objects.filter(number=number, valid_from=start).first()
        return existing or services.municipality_save(
            actor=self.admin,
            number=number,
            name=name,
            county=county,
            valid_from=start,
            valid_to=end,
            replaced_by=successor,
            population=population,
        )

    def _offices(self, counties: dict[str, County]) -> dict[str, Office]:
        out: dict[str, Office] = {}
        for unit, name, county, start, end, successor, address in sorted(
            OFFICES, key=lambda row: row[5] is not None
        ):
            existing = Office.objects.filter(unit_number=unit, valid_from=start).first()
            out[unit] = existing or services.office_save(
                actor=self.admin,
                unit_number=unit,
                name=name,
                county=counties[county],
                valid_from=start,
                valid_to=end,
                visiting_address=address,
                replaced_by=out.get(successor) if successor else None,
            )
        return out

    def _partnerships(self, counties, municipalities, offices) -> None:
        for spec in PARTNERSHIPS:
            partnership = Partnership.objects.filter(
                name=spec.name, valid_from=spec.valid_from
            ).first()
            if partnership is None:
                partnership = services.partnership_save(
                    actor=self.admin,
                    name=spec.name,
                    office=offices[spec.office],
                    model=spec.model,
                    leader_employer=spec.leader_employer,
                    description=spec.description,
                    valid_from=spec.valid_from,
                    state_county=counties[spec.county],
                    municipalities=[municipalities[n] for n in spec.municipalities],
                    host_municipality=municipalities[spec.host] if spec.host else None,
                )
            self._role(spec.leader, RoleKind.NAV_LEADER, partnership=partnership)
            for username, kind in spec.roles:
                self._role(username, kind, partnership=partnership)

    def _role(self, username: str, kind: str, *, partnership=None, county=None) -> None:
        person = self.users[username]
        if Role.objects.filter(
            person=person, kind=kind, partnership=partnership, county=county
        ).exists():
            return
        services.role_assign(
            actor=self.admin,
            person=person,
            kind=kind,
            valid_from=date(2017, 1, 1),
            partnership=partnership,
            county=county,
        )
