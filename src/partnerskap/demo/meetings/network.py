"""A county-level network in the demo: NAV's county directors in Nordland and Trøndelag meeting the
board of the municipal social-service leaders' network, recorded afterwards, with board members
who have no login (docs/decisions/0020). Invented people and wording."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from partnerskap.core.models import User
from partnerskap.meetings import services
from partnerskap.meetings.models import AttendanceStatus, Body, BodyKind, ItemKind, MemberRole
from partnerskap.registry.models import County

from .build import History

NAME = "Nettverket for sosialtjenesteledere i Nordland og Trøndelag"
SLUG = "nettverk-sosialtjenesteledere-nordland-trondelag"
COUNTY_NUMBER = "18"
OTHER_COUNTY_NUMBER = "50"
DESCRIPTION = (
    "Regionalt nettverk der styret for de kommunale sosialtjenestelederne møter NAVs "
    "fylkesdirektører i Nordland og Trøndelag to ganger i året."
)
PLACE = "Bodø rådhus, møterom Saltstraumen"
NETWORK = "Nettverket for sosialtjenesteledere"
# (name, organisation, job title): the network's board, none of whom logs in.
BOARD = (
    ("Randi Kvalvik", "Bodø kommune", "Styreleder, kommunalsjef"),
    ("Per Arne Solhaug", "Steinkjer kommune", "Styremedlem, enhetsleder"),
    ("Sigrid Hals", "Vefsn kommune", "Styremedlem, leder sosialtjenesten"),
)
ITEMS = (
    (
        "Ungdom utenfor arbeid og utdanning",
        "Hvordan deler vi ansvaret for unge under 25 mellom NAV-kontoret og "
        "oppfølgingstjenesten?\nHvilke tall har vi for hver kommune?",
        "Fylkesdirektørene la fram tallene fra begge fylker. Styret etterlyste tall per kommune.",
    ),
    (
        "Økonomisk rådgivning",
        "Skal nettverket lage felles opplæring?\nHvem tar kostnaden?",
        "Enighet om å prøve felles opplæring høsten, med NAV Nordland som vert.",
    ),
    (
        "Kvalifiseringsprogrammet",
        "Hvorfor går deltakelsen ned?\nHva gjør kontorene som lykkes?",
        "Drøftet; tas opp igjen når tallene per kommune foreligger.",
    ),
    (
        "Neste møte og arbeidsform",
        "Skal møtene gå på omgang mellom fylkene?",
        "Neste møte i Steinkjer. Sakene ble drøftet samlet, ikke punkt for punkt.",
    ),
)
NARRATIVE = (
    "Møtet fulgte ikke sakslisten punkt for punkt: fylkesdirektørene orienterte først samlet, og "
    "styret tok deretter opp spørsmålene under hver sak. Referatet er ført i etterkant."
)


def load(users: dict[str, User]) -> None:
    if Body.objects.filter(slug=SLUG).exists():
        return
    director = users["fylkesdirektor.nordland"]
    county = County.objects.filter(number=COUNTY_NUMBER).order_by("-valid_from").first()
    other = County.objects.filter(number=OTHER_COUNTY_NUMBER).order_by("-valid_from").first()
    body = services.body_create(
        actor=director,
        name=NAME,
        kind=BodyKind.NETWORK,
        slug=SLUG,
        county=county,
        other_counties=[other] if other else [],
        description=DESCRIPTION,
        default_location=PLACE,
    )
    since = date(2020, 1, 1)
    for username in ("fylkesdirektor.nordland", "fylkesdirektor.trondelag"):
        services.body_member_add(
            actor=director,
            body=body,
            person=users[username],
            role=MemberRole.MEMBER,
            valid_from=since,
        )
    for name, organisation, title in BOARD:
        services.body_member_add(
            actor=director,
            body=body,
            role=MemberRole.MEMBER,
            valid_from=since,
            new_person={"name": name, "organisation": organisation, "job_title": title},
        )
    _record(body, director)


def _record(body: Body, director: User) -> None:
    """The spring meeting, recorded afterwards with its items, narrative and a follow-up owned by
    the network."""
    day = date(timezone.localdate().year - 1, 4, 22)
    tz = timezone.get_current_timezone()
    meeting = services.meeting_schedule(
        actor=director,
        body=body,
        starts_at=datetime.combine(day, time(10), tzinfo=tz),
        ends_at=datetime.combine(day, time(14), tzinfo=tz),
    )
    services.meeting_record_afterwards(actor=director, meeting=meeting)
    statuses = {a.pk: AttendanceStatus.PRESENT for a in meeting.attendances.all()}
    services.attendance_record(actor=director, meeting=meeting, statuses=statuses)
    last = None
    for title, questions, notes in ITEMS:
        last = services.item_add(
            actor=director,
            meeting=meeting,
            title=title,
            kind=ItemKind.DISCUSSION,
            background=questions,
            background_in_minutes=True,
        )
        services.item_update(actor=director, item=last, revision=None, notes=notes)
    assert last is not None
    services.action_add(
        actor=director,
        item=last,
        title="Kalle inn til neste møte i Steinkjer",
        due_date=day + timedelta(days=150),
        new_owner={"name": NETWORK, "organisation": "Styret"},
    )
    services.minutes_update(actor=director, meeting=meeting, revision=None, introduction=NARRATIVE)
    services.minutes_approve(actor=director, meeting=meeting)
    # Recorded and approved the week after the meeting, as the demo's other meetings are dated.
    History.held(meeting)
    History.approved(meeting, datetime.combine(day + timedelta(days=7), time(14), tzinfo=tz))
