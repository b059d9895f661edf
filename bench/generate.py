"""Generates Partnerskap data at national scale for the benchmark: 15 counties, about 250
offices and partnerships with their owners and roles, a partnership-meeting body for each, one
body with ten years of meetings, and a few thousand other meetings spread over the rest.

Rows are written with bulk_create, past the services (which take a transaction and an audit row
per write and would need minutes instead of seconds). What the services guarantee is kept by
construction: item numbers run 1, 2, 3 … per body and year with no gaps, the counters agree,
every meeting has minutes, approved minutes have a frozen version, decision items a decision.

Run on its own for a database to browse:
    .venv/bin/python bench/generate.py --sqlite var/bench.sqlite3
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

COUNTIES = [
    ("03", "Oslo"),
    ("11", "Rogaland"),
    ("15", "Møre og Romsdal"),
    ("18", "Nordland"),
    ("31", "Østfold"),
    ("32", "Akershus"),
    ("33", "Buskerud"),
    ("34", "Innlandet"),
    ("39", "Vestfold"),
    ("40", "Telemark"),
    ("42", "Agder"),
    ("46", "Vestland"),
    ("50", "Trøndelag"),
    ("55", "Troms"),
    ("56", "Finnmark"),
]

TOPICS = [
    ("Status for kontoret: drift, økonomi og arbeidsmiljø", "information"),
    ("Tjenester til brukerne og utfordringer framover", "discussion"),
    ("Felles mål og resultater", "discussion"),
    ("Orientering fra eierne", "information"),
    ("Kompetansebehov", "discussion"),
    ("Samarbeid med andre tjenester", "discussion"),
    ("Budsjett og regnskap", "decision"),
    ("Virksomhetsplan", "decision"),
    ("Ungdomsinnsats og oppfølging av unge", "discussion"),
    ("Kvalifiseringsprogrammet", "information"),
    ("Sykefraværsoppfølging", "information"),
    ("Brukermedvirkning og brukerutvalg", "discussion"),
    ("Lokaler og publikumsmottak", "decision"),
    ("Evaluering av partnerskapet", "discussion"),
]
NOTES = (
    "Kontoret orienterte om status og tall for perioden. Eierne stilte spørsmål om utviklingen "
    "og ba om at saken følges opp i neste møte."
)
DECISIONS = (
    "Partnerskapet slutter seg til forslaget og ber NAV-lederen følge opp som beskrevet.",
    "Saken tas til orientering. Eierne ber om en ny vurdering før budsjettet for neste år.",
    "Forslaget vedtas med de endringene som kom fram i møtet.",
)
ACTIONS = (
    "Utarbeide forslag til tiltak",
    "Rapportere status til neste møte",
    "Avklare finansiering med eierne",
    "Invitere brukerutvalget til dialog",
    "Oppdatere virksomhetsplanen",
)


@dataclass(frozen=True)
class Scale:
    partnerships: int = 250
    municipalities: int = 356
    big_body_years: int = 10
    other_meetings: int = 3000
    small_body_meetings: int = 5
    seed: int = 2026


@dataclass
class Generated:
    """The objects the benchmark requests pages for, and how much was made."""

    big_body: object
    big_partnership: object
    biggest_meeting: object
    persona: object  # NAV leader of the big partnership: owner of many follow-ups
    small_body: object
    small_meeting: object
    small_persona: object
    counts: dict[str, int] = field(default_factory=dict)


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerskap.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    import django

    django.setup()


def generate(scale: Scale | None = None) -> Generated:
    from django.db import transaction
    from django.utils import translation

    scale = scale or Scale()
    with translation.override("nb"), transaction.atomic():
        return _Generator(scale).run()


class _Generator:
    def __init__(self, scale: Scale) -> None:
        from django.contrib.auth.hashers import make_password
        from django.utils import timezone

        self.scale = scale
        self.rng = random.Random(scale.seed)
        self.tz = timezone.get_current_timezone()
        self.now = timezone.now()
        self.today = timezone.localdate()
        self.password = make_password("bench-partnerskap")  # hashed once, shared by all

    def run(self) -> Generated:
        from partnerskap.meetings.models import Meeting

        counties = self._counties()
        partnerships, people = self._registry(counties)
        bodies, members = self._bodies(partnerships, people)
        big, small = bodies[0], bodies[1]
        plans = self._meeting_plans(bodies)
        meetings = self._meetings(plans, members)
        self._annual_plan(big)
        self._versions(meetings, big)
        self._give_follow_ups(small, people[partnerships[1].pk]["nav_leader"])
        biggest = max(
            (m for m in meetings if m.body_id == big.pk and m.starts_at < self.now),
            key=lambda m: (m.item_count, m.starts_at),
        )
        small_meeting = max(
            (m for m in meetings if m.body_id == small.pk and m.starts_at < self.now),
            key=lambda m: m.starts_at,
        )
        return Generated(
            big_body=big,
            big_partnership=partnerships[0],
            biggest_meeting=Meeting.objects.get(pk=biggest.pk),
            persona=people[partnerships[0].pk]["nav_leader"],
            small_body=small,
            small_meeting=Meeting.objects.get(pk=small_meeting.pk),
            small_persona=people[partnerships[1].pk]["nav_leader"],
            counts=self._counts(),
        )

    # --- registry ---------------------------------------------------------------------------

    def _counties(self) -> list:
        from partnerskap.registry.models import County

        return County.objects.bulk_create(
            County(number=number, name=f"NAV {name}", valid_from=date(2024, 1, 1))
            for number, name in COUNTIES
        )

    def _registry(self, counties: list) -> tuple[list, dict[int, dict]]:
        from partnerskap.core.models import RoleKind, User
        from partnerskap.registry.models import (
            Municipality,
            Office,
            Owner,
            OwnerKind,
            Partnership,
            PartnershipModel,
            Role,
        )

        scale, start = self.scale, date(2015, 1, 1)
        per_county = [scale.partnerships // len(counties)] * len(counties)
        for i in range(scale.partnerships - sum(per_county)):
            per_county[i] += 1
        municipalities, offices, home = [], [], []
        for county, count in zip(counties, per_county, strict=True):
            for i in range(1, count + 1):
                number = f"{county.number}{i:02d}"
                municipalities.append(
                    Municipality(
                        number=number,
                        name=f"Kommune {number}",
                        county=county,
                        valid_from=start,
                        population=self.rng.randint(800, 60_000),
                    )
                )
                offices.append(
                    Office(
                        unit_number=number,
                        name=f"NAV Kontor {number}",
                        county=county,
                        valid_from=start,
                        visiting_address=f"Rådhusgata {i}",
                    )
                )
                home.append(county)
        # The remaining municipalities join a neighbour's office as members of a host partnership.
        extra_by_county: dict[int, list] = defaultdict(list)
        for n in range(scale.municipalities - scale.partnerships):
            county = counties[n % len(counties)]
            number = f"{county.number}{60 + len(extra_by_county[county.pk]):02d}"
            extra_by_county[county.pk].append(
                Municipality(
                    number=number,
                    name=f"Kommune {number}",
                    county=county,
                    valid_from=start,
                    population=self.rng.randint(400, 5_000),
                )
            )
        extras = [m for ms in extra_by_county.values() for m in ms]
        Municipality.objects.bulk_create(municipalities + extras)
        Office.objects.bulk_create(offices)

        hosts: dict[int, list] = defaultdict(list)  # partnership index -> member municipalities
        indexes_by_county = defaultdict(list)
        for index, county in enumerate(home):
            indexes_by_county[county.pk].append(index)
        for county_pk, members in extra_by_county.items():
            for m in members:
                hosts[self.rng.choice(indexes_by_county[county_pk])].append(m)
        partnerships = Partnership.objects.bulk_create(
            Partnership(
                name=office.name,
                office=office,
                valid_from=start,
                model=PartnershipModel.HOST if hosts[i] else PartnershipModel.SINGLE,
                leader_employer="state" if i % 2 else "municipal",
            )
            for i, office in enumerate(offices)
        )
        owners = []
        for i, (partnership, county) in enumerate(zip(partnerships, home, strict=True)):
            owners.append(Owner(partnership=partnership, kind=OwnerKind.STATE, county=county))
            owners.append(
                Owner(
                    partnership=partnership,
                    kind=OwnerKind.MUNICIPALITY,
                    municipality=municipalities[i],
                    is_host=bool(hosts[i]),
                )
            )
            owners.extend(
                Owner(partnership=partnership, kind=OwnerKind.MUNICIPALITY, municipality=m)
                for m in hosts[i]
            )
        Owner.objects.bulk_create(owners)

        users, roles, people = [], [], {}
        kinds = [
            ("nav_leader", RoleKind.NAV_LEADER, "NAV-leder"),
            ("municipal_owner", RoleKind.MUNICIPAL_OWNER, "Kommunedirektør"),
            ("minute_taker", RoleKind.MINUTE_TAKER, "Rådgiver"),
        ]
        for partnership, office in zip(partnerships, offices, strict=True):
            people[partnership.pk] = {}
            for key, _kind, title in kinds:
                user = User(
                    username=f"{key}.{office.unit_number}",
                    first_name=title,
                    last_name=office.unit_number,
                    job_title=title,
                    organisation=office.name,
                    email=f"{key}.{office.unit_number}@bench.invalid",
                    password=self.password,
                )
                users.append(user)
                people[partnership.pk][key] = user
        directors = {
            county.pk: User(
                username=f"fylkesdirektor.{county.number}",
                first_name="Fylkesdirektør",
                last_name=county.name,
                email=f"fylkesdirektor.{county.number}@bench.invalid",
                password=self.password,
            )
            for county in counties
        }
        admin = User(
            username="bench.admin", is_staff=True, is_superuser=True, password=self.password
        )
        User.objects.bulk_create([*users, *directors.values(), admin])
        for partnership, county in zip(partnerships, home, strict=True):
            people[partnership.pk]["state_owner"] = directors[county.pk]
            for key, kind, _title in kinds:
                roles.append(
                    Role(
                        person=people[partnership.pk][key],
                        kind=kind,
                        partnership=partnership,
                        valid_from=start,
                    )
                )
        roles.extend(
            Role(person=user, kind=RoleKind.STATE_OWNER, county_id=county_pk, valid_from=start)
            for county_pk, user in directors.items()
        )
        roles.append(Role(person=admin, kind=RoleKind.ADMINISTRATOR, valid_from=start))
        Role.objects.bulk_create(roles)
        return partnerships, people

    # --- bodies and meetings ----------------------------------------------------------------

    def _bodies(self, partnerships: list, people: dict) -> tuple[list, dict[int, list]]:
        from partnerskap.meetings.models import (
            Body,
            BodyKind,
            BodyMember,
            MemberRole,
            StandardAgendaItem,
        )
        from partnerskap.meetings.standard import PARTNERSHIP_MEETING_AGENDA

        bodies = Body.objects.bulk_create(
            Body(
                name=f"Partnerskapsmøte {p.name}",
                kind=BodyKind.PARTNERSHIP_MEETING,
                partnership=p,
                slug=f"partnerskapsmote-{p.office.unit_number}",
                default_location=f"{p.name}, møterommet",
            )
            for p in partnerships
        )
        roles = [
            ("municipal_owner", MemberRole.CHAIR, "Kommunen"),
            ("nav_leader", MemberRole.MEMBER, "NAV-kontoret"),
            ("minute_taker", MemberRole.MINUTE_TAKER, "NAV-kontoret"),
            ("state_owner", MemberRole.MEMBER, "NAV fylke"),
        ]
        members = {}
        rows = []
        for body, partnership in zip(bodies, partnerships, strict=True):
            members[body.pk] = [people[partnership.pk][key] for key, _, _ in roles]
            rows.extend(
                BodyMember(
                    body=body,
                    person=people[partnership.pk][key],
                    role=role,
                    represents=represents,
                    valid_from=date(2015, 1, 1),
                )
                for key, role, represents in roles
            )
        BodyMember.objects.bulk_create(rows)
        StandardAgendaItem.objects.bulk_create(
            StandardAgendaItem(
                body=body,
                position=i,
                title=str(s.title),
                kind=s.kind,
                planned_minutes=s.planned_minutes,
            )
            for body in bodies
            for i, s in enumerate(PARTNERSHIP_MEETING_AGENDA, start=1)
        )
        return bodies, members

    def _give_follow_ups(self, body: object, person: object) -> None:
        """The small body's NAV leader owns open follow-ups too, so "my follow-ups" is compared
        like with like (a person with none skips the prefetch queries)."""
        from partnerskap.meetings.models import ActionItem, ActionStatus

        mine = ActionItem.objects.filter(body=body).order_by("-pk")[:2]
        ActionItem.objects.filter(pk__in=list(mine.values_list("pk", flat=True))).update(
            owner=person, status=ActionStatus.OPEN, closed_at=None
        )

    def _annual_plan(self, body: object) -> None:
        from partnerskap.meetings.models import AnnualPlan

        AnnualPlan.objects.create(
            body=body,
            year=self.today.year,
            themes={
                "winter": "Plan og budsjett",
                "spring": "Konferanse",
                "summer": "Evaluering",
                "autumn": "Utvikling og drift",
            },
        )

    def _fridays(self, year: int, count: int) -> list[date]:
        months = sorted(self.rng.sample(range(1, 13), count))
        days = []
        for month in months:
            day = date(year, month, self.rng.randint(1, 21))
            days.append(day + timedelta(days=(4 - day.weekday()) % 7))
        return days

    def _meeting_plans(self, bodies: list) -> list[tuple[object, date]]:
        """(body, day) for every meeting: the big body 4–6 a year for ten years, the small
        body exactly a handful, and the rest spread over the other bodies."""
        plans = []
        first_year = self.today.year - self.scale.big_body_years + 1
        for year in range(first_year, self.today.year + 1):
            plans += [(bodies[0], d) for d in self._fridays(year, self.rng.randint(4, 6))]
        plans += [(bodies[1], d) for d in self._fridays(self.today.year - 1, 4)]
        plans.append((bodies[1], self._fridays(self.today.year, 1)[0]))
        others = bodies[2:]
        start = date(self.today.year - 3, 1, 1)
        span = (self.today + timedelta(days=120) - start).days
        for n in range(self.scale.other_meetings):
            day = start + timedelta(days=self.rng.randrange(span))
            plans.append((others[n % len(others)], day))
        return plans

    def _meetings(self, plans: list, members: dict[int, list]) -> list:
        from partnerskap.meetings.models import Meeting, MeetingStatus

        by_body: dict[int, list] = defaultdict(list)
        for body, day in plans:
            by_body[body.pk].append((body, day))
        rows = []
        for body_plans in by_body.values():
            seen = set()
            for body, day in sorted(body_plans, key=lambda p: p[1]):
                if day in seen:
                    continue
                seen.add(day)
                starts = datetime.combine(day, time(10), tzinfo=self.tz)
                past = starts < self.now
                chair, _leader, writer, _state = members[body.pk]
                rows.append(
                    Meeting(
                        body=body,
                        starts_at=starts,
                        ends_at=starts + timedelta(hours=3),
                        location=body.default_location,
                        chair=chair,
                        minute_taker=writer,
                        status=MeetingStatus.PUBLISHED if past else MeetingStatus.PLANNED,
                        breaks=[{"at": "12:00", "minutes": 30}],
                        notice_sent_at=starts - timedelta(days=10) if past else None,
                        held_at=starts + timedelta(hours=3) if past else None,
                    )
                )
        meetings = Meeting.objects.bulk_create(rows)
        self._minutes(meetings)
        self._attendance(meetings, members)
        self._items_and_actions(meetings, members)
        return meetings

    def _minutes(self, meetings: list) -> None:
        from partnerskap.meetings.models import ApprovalKind, Minutes, MinutesStatus

        rows = []
        for m in meetings:
            if m.held_at is None:
                rows.append(Minutes(meeting=m))
                continue
            approved = m.starts_at + timedelta(days=14)
            rows.append(
                Minutes(
                    meeting=m,
                    status=MinutesStatus.PUBLISHED,
                    comment_deadline=(m.starts_at + timedelta(days=10)).date(),
                    sent_for_comments_at=m.starts_at + timedelta(days=2),
                    approval_kind=self.rng.choice([ApprovalKind.EXPLICIT, ApprovalKind.DEEMED]),
                    approved_at=approved,
                    published_at=approved,
                )
            )
        Minutes.objects.bulk_create(rows)

    def _attendance(self, meetings: list, members: dict[int, list]) -> None:
        from partnerskap.meetings.models import Attendance, AttendanceStatus

        rows = []
        for m in meetings:
            for person in members[m.body_id]:
                status = AttendanceStatus.INVITED
                if m.held_at is not None:
                    status = self.rng.choices(
                        [AttendanceStatus.PRESENT, AttendanceStatus.ABSENT_WITH_NOTICE], [9, 1]
                    )[0]
                rows.append(
                    Attendance(meeting=m, person=person, name=person.get_full_name(), status=status)
                )
        Attendance.objects.bulk_create(rows, batch_size=2000)

    def _items_and_actions(self, meetings: list, members: dict[int, list]) -> None:
        """Numbers per body and year in the order of the meetings: 1, 2, 3 … with no gaps."""
        from partnerskap.meetings.models import (
            ActionItem,
            ActionStatus,
            AgendaItem,
            ItemKind,
            ItemNumberCounter,
        )

        last_number: dict[tuple[int, int], int] = defaultdict(int)
        items, has_previous = [], set()
        for m in sorted(meetings, key=lambda m: (m.body_id, m.starts_at)):
            year = m.starts_at.astimezone(self.tz).year
            kinds = [(ItemKind.FOLLOW_UPS, "Åpne oppfølgingspunkter")]
            if m.body_id in has_previous:
                kinds.insert(0, (ItemKind.MINUTES_APPROVAL, "Godkjenning av forrige referat"))
            has_previous.add(m.body_id)
            target = self.rng.randint(8, 12)
            topics = self.rng.sample(TOPICS, target - len(kinds))
            kinds += [(kind, title) for title, kind in topics]
            m.item_count = len(kinds)
            m.bench_items = []
            for position, (kind, title) in enumerate(kinds, start=1):
                last_number[m.body_id, year] += 1
                held = m.held_at is not None
                items.append(
                    AgendaItem(
                        numbering_body_id=m.body_id,
                        year=year,
                        number=last_number[m.body_id, year],
                        meeting=m,
                        position=position,
                        kind=kind,
                        title=title,
                        planned_minutes=self.rng.choice([10, 15, 20, 30]),
                        background="Saksframlegg følger vedlagt."
                        if kind == ItemKind.DECISION
                        else "",
                        notes=NOTES if held else "",
                        decision_text=self.rng.choice(DECISIONS)
                        if held and kind == ItemKind.DECISION
                        else "",
                    )
                )
                m.bench_items.append(items[-1])
        AgendaItem.objects.bulk_create(items, batch_size=2000)
        ItemNumberCounter.objects.bulk_create(
            ItemNumberCounter(body_id=body_id, year=year, last_number=n)
            for (body_id, year), n in last_number.items()
        )
        actions = []
        for item in items:
            if item.kind != ItemKind.DECISION or not item.decision_text:
                continue
            for _ in range(self.rng.choice([0, 1, 1, 2])):
                due = item.meeting.starts_at.date() + timedelta(days=self.rng.randint(20, 120))
                closed = due < self.today - timedelta(days=30) and self.rng.random() < 0.9
                actions.append(
                    ActionItem(
                        item=item,
                        body_id=item.meeting.body_id,
                        title=self.rng.choice(ACTIONS),
                        owner=self.rng.choice(members[item.meeting.body_id][:3]),
                        due_date=due,
                        status=ActionStatus.DONE
                        if closed
                        else self.rng.choice([ActionStatus.OPEN, ActionStatus.IN_PROGRESS]),
                        closed_at=datetime.combine(due, time(12), tzinfo=self.tz)
                        if closed
                        else None,
                    )
                )
        ActionItem.objects.bulk_create(actions, batch_size=2000)

    def _versions(self, meetings: list, big_body: object) -> None:
        """Approved minutes are frozen: the big body's through the real selector, the others'
        from the rows just made (same shape, no queries)."""
        from partnerskap.meetings.models import Minutes, MinutesVersion
        from partnerskap.meetings.selectors import minutes_content

        minutes = {
            m.meeting_id: m
            for m in Minutes.objects.filter(meeting__in=[m.pk for m in meetings if m.held_at])
        }
        rows = []
        for m in meetings:
            if m.held_at is None:
                continue
            content = minutes_content(m) if m.body_id == big_body.pk else self._content(m)
            rows.append(
                MinutesVersion(minutes=minutes[m.pk], number=1, content=content, created_by=m.chair)
            )
        MinutesVersion.objects.bulk_create(rows, batch_size=500)

    def _content(self, m: object) -> dict:
        local = m.starts_at.astimezone(self.tz)
        items = [
            {
                "id": i.pk,
                "label": f"Sak {i.number}/{i.year % 100:02d}",
                "number": i.number,
                "year": i.year,
                "kind": i.kind,
                "kind_display": i.kind,
                "status": "active",
                "status_note": "",
                "title": i.title,
                "public_title": i.title,
                "exempt": False,
                "legal_ground": "",
                "presenter": "",
                "planned_minutes": i.planned_minutes,
                "background": i.background,
                "notes": i.notes,
                "decision": i.decision_text,
                "review_date": None,
                "actions": [],
                "attachments": [],
            }
            for i in m.bench_items
        ]
        return {
            "meeting_id": m.pk,
            "uuid": str(m.uuid),
            "body": m.body.name,
            "title": f"{m.body.name} {local:%d.%m.%Y}",
            "date": local.date().isoformat(),
            "starts": local.strftime("%H:%M"),
            "ends": (local + timedelta(hours=3)).strftime("%H:%M"),
            "location": m.location,
            "video_link": "",
            "chair": m.chair.get_full_name(),
            "minute_taker": m.minute_taker.get_full_name(),
            "introduction": "",
            "attendance": [],
            "items": items,
        }

    def _counts(self) -> dict[str, int]:
        from django.apps import apps

        return {
            model.__name__: model.objects.count()
            for app in ("registry", "meetings")
            for model in apps.get_app_config(app).get_models()
            if not model.__name__.startswith("Historical")
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sqlite", type=Path, help="write to a new SQLite file at this path")
    args = parser.parse_args()
    if args.sqlite:
        args.sqlite.unlink(missing_ok=True)
        args.sqlite.parent.mkdir(parents=True, exist_ok=True)
        os.environ["SQLITE_PATH"] = str(args.sqlite.resolve())
        os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DEBUG", "1")
    setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    generated = generate()
    for name, count in generated.counts.items():
        print(f"{name:24} {count:>8}")


if __name__ == "__main__":
    main()
