"""The demo conference: NAV Nordland's partnership conference 10–11 April 2019 in Bodø, retold from
the seed (../shared/seeds/nordland-steering-group-and-agreement-template.txt, the programme and
the steering group's minutes). The times, titles, places and organisations are the seed's; every
speaker and participant is invented. About ninety registrations from the pilots' municipalities,
the county and its partners, check-ins on both days, and the anonymous evaluation with the five
questions the project asked, answered by most.

The programme, check-ins and evaluation go through the services. The conference is long over, so
the registrations, which the services would refuse after the event, are saved as they were made
in March 2019. Idempotent: an event that exists is left as it is.
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import timezone, translation

from partnerskap.conferences import services
from partnerskap.conferences.models import (
    CancelReason,
    Event,
    EventKind,
    Registration,
    RegistrationQuestion,
    RegistrationStatus,
    SessionKind,
)
from partnerskap.core.models import User
from partnerskap.core.services import save
from partnerskap.meetings.models import Body
from partnerskap.registry.models import County, Municipality

from .meetings import nordland
from .meetings.build import no_mail

SLUG = "partnerskapskonferansen-nordland-2019"
DAY_1, DAY_2 = date(2019, 4, 10), date(2019, 4, 11)
ORGANISER = "fylkesdirektor.nordland"
# The pilots' municipalities (demo registry numbers); Beiarn and Rødøy have nobody registered.
PILOTS = ["1806", "1841", "1840", "1845", "1839", "1875", "1837", "1836", "1838"]


@dataclass(frozen=True)
class Speaker:
    name: str  # a demo username, or "First Last" for a person without a login
    job_title: str = ""
    organisation: str = ""


@dataclass(frozen=True)
class DemoSession:
    day: date
    starts: str
    ends: str
    title: str
    kind: str = SessionKind.TALK
    speakers: tuple[Speaker, ...] = ()
    track: str = ""
    moderator: str = ""


NAV_K = "Kunnskapsavdelingen i NAV"
FK = "Nordland fylkeskommune"
NORD = "Nord universitet"

PROGRAMME = (
    DemoSession(
        DAY_1,
        "11:00",
        "11:05",
        "Velkommen",
        speakers=(
            Speaker("Arnt Hov", "Rådmann", "Hemnes kommune"),
            Speaker(ORGANISER),
        ),
    ),
    DemoSession(
        DAY_1,
        "11:05",
        "11:50",
        "Hovedtrekk fra NAVs omverdensanalyse 2019",
        speakers=(Speaker("Geir Moen", "Seksjonssjef", NAV_K),),
    ),
    DemoSession(
        DAY_1,
        "11:50",
        "12:40",
        "Hvordan bør vi forebygge og kurere sosiale, psykiske og personlige problemer?",
        speakers=(Speaker("Marte Vik", "Seniorforsker", "SINTEF"),),
    ),
    DemoSession(
        DAY_1,
        "12:40",
        "13:00",
        "Ung i Hemnes: ungdom i førersetet i utviklingsprosesser",
        speakers=(Speaker("Helgeland ungdomsråd"),),
    ),
    DemoSession(DAY_1, "13:00", "13:45", "Lunsj", kind=SessionKind.MEAL),
    DemoSession(
        DAY_1,
        "13:45",
        "14:30",
        "Indeks Nordland: trender i arbeidsmarkedet, og hva som skal til for å beholde unge",
        speakers=(Speaker("Rune Solheim", "Dekan", NORD),),
    ),
    DemoSession(DAY_1, "14:30", "14:45", "Pause", kind=SessionKind.BREAK),
    DemoSession(
        DAY_1,
        "14:45",
        "15:15",
        "Kvalifiseringsprogrammet: forskning og praksis rundt unge",
        speakers=(Speaker("Eirik Sand", "Forsker", NAV_K),),
    ),
    DemoSession(
        DAY_1,
        "15:15",
        "15:45",
        "Arbeidsmetodikk og lokale erfaringer",
        speakers=(Speaker("Hanne Lie", "Veileder", "NAV Bodø"),),
    ),
    DemoSession(DAY_1, "15:45", "16:00", "Pause", kind=SessionKind.BREAK),
    *(
        DemoSession(
            DAY_1,
            "16:00",
            "16:45",
            "Verksted: hvordan blir dette god lokal inkluderingspraksis?",
            kind=SessionKind.WORKSHOP,
            track=region,
            moderator=moderator,
        )
        for region, moderator in (
            ("Ofoten", "leder.ofoten"),
            ("Indre Salten", "leder.indresalten"),
            ("Sør-Salten og kysten", "leder.meloy"),
        )
    ),
    DemoSession(DAY_1, "16:45", "17:00", "Pause", kind=SessionKind.BREAK),
    DemoSession(
        DAY_1,
        "17:00",
        "17:30",
        "Digisos: digital søknad om økonomisk sosialhjelp",
        speakers=(Speaker("Tore Brekke", "Prosjektleder", "NAV"),),
    ),
    DemoSession(
        DAY_1,
        "17:30",
        "18:00",
        "Erfaringer med Digisos fra NAV Hadsel",
        speakers=(Speaker("Lise Aune", "Leder", "NAV Hadsel"),),
    ),
    DemoSession(
        DAY_2, "08:30", "08:35", "Oppsummering av dag 1", moderator="prosjektleder.nordland"
    ),
    DemoSession(
        DAY_2,
        "08:35",
        "08:55",
        "Muligheter og utfordringer i partnerskapet sett fra Lurøy",
        speakers=(Speaker("Knut Ravn", "Rådmann", "Lurøy kommune"),),
    ),
    DemoSession(
        DAY_2,
        "08:55",
        "09:15",
        "Oppfølging av ungdom i Lurøy",
        speakers=(Speaker("Vidar Ness", "Leder", "NAV Lurøy"),),
    ),
    DemoSession(DAY_2, "09:15", "09:30", "Pause", kind=SessionKind.BREAK),
    DemoSession(
        DAY_2,
        "09:30",
        "10:00",
        "Hvordan jobber Nordland fylkeskommune med unge?",
        speakers=(Speaker("Gro Mo", "Fylkesråd for utdanning", FK),),
    ),
    DemoSession(
        DAY_2,
        "10:00",
        "10:45",
        "Gode inkluderingspraksiser mellom arbeidsgivere og NAV",
        speakers=(Speaker("Kari Fjeld", "Professor", NORD),),
    ),
    DemoSession(DAY_2, "10:45", "11:00", "Pause", kind=SessionKind.BREAK),
    DemoSession(
        DAY_2,
        "11:00",
        "11:30",
        "Ungdom i utenforskap: inkludering og tidlig innsats i et folkehelseperspektiv",
        speakers=(Speaker("Mona Eng", "Etatssjef", FK), Speaker("Rolf Ask", "Rådgiver", FK)),
    ),
    DemoSession(DAY_2, "11:30", "11:45", "Pause", kind=SessionKind.BREAK),
    DemoSession(
        DAY_2,
        "11:45",
        "12:30",
        "En sjanse i arbeidslivet",
        speakers=(Speaker("Stein Dahl", "Avdelingsleder", "Coop, Bodø"),),
    ),
    DemoSession(
        DAY_2,
        "12:30",
        "13:00",
        "Oppsummering og tilbakemelding fra brukerutvalget",
        speakers=(Speaker("Berit Nes", "Leder", "Brukerutvalget i NAV Nordland"),),
        moderator="prosjektleder.nordland",
    ),
    DemoSession(DAY_2, "13:00", "14:00", "Avslutning og lunsj", kind=SessionKind.MEAL),
)
# Added after the first publication, as the seed's "forbehold om endringer" allows.
DINNER = DemoSession(
    DAY_1, "19:30", "22:00", "Felles middag med kulturelt innslag", kind=SessionKind.SOCIAL
)

FIRST_NAMES = [
    "Anne",
    "Birgit",
    "Camilla",
    "Dag",
    "Eirik",
    "Frode",
    "Gunn",
    "Hilde",
    "Ivar",
    "Jorunn",
    "Kjell",
    "Lene",
    "Magnus",
    "Nora",
    "Odd",
    "Pia",
    "Randi",
    "Svein",
    "Torill",
    "Unni",
    "Vegard",
    "Wenche",
    "Åse",
    "Øystein",
    "Arild",
    "Bodil",
    "Cecilie",
    "Dagfinn",
    "Elin",
]
LAST_NAMES = [
    "Aasen",
    "Bakke",
    "Dahl",
    "Eide",
    "Fossli",
    "Grønvik",
    "Hansen",
    "Iversen",
    "Johansen",
    "Karlsen",
    "Larsen",
    "Moe",
    "Nilsen",
    "Olsen",
    "Pettersen",
    "Rasmussen",
    "Sandvik",
    "Thorsen",
    "Ulriksen",
    "Vik",
    "Wiik",
    "Ødegård",
    "Sørli",
    "Bjørnstad",
]

# E-mail addresses in ASCII: ø, æ and å as a mail server would want them.
ASCII = str.maketrans({"æ": "ae", "ø": "o", "å": "a", " ": ""})

# (municipality number or "", organisation, how many, role titles in turn)
DELEGATIONS = (
    ("1806", "Narvik kommune", 9, ("Rådmann", "Kommunalsjef", "Ungdomskontakt")),
    ("1806", "NAV Ofoten", 9, ("Veileder", "Avdelingsleder", "Brukerrepresentant")),
    ("1841", "Fauske kommune", 6, ("Rådmann", "Kommunalsjef helse og omsorg")),
    ("1841", "NAV Indre Salten", 8, ("Veileder", "Teamleder")),
    ("1840", "Saltdal kommune", 5, ("Rådmann", "Kommunalsjef")),
    ("1845", "Sørfold kommune", 4, ("Rådmann", "Helse- og omsorgsleder")),
    ("1875", "Hamarøy kommune", 5, ("Rådmann", "Samisk kontakt", "Ungdomskontakt")),
    ("1837", "Meløy kommune", 5, ("Rådmann", "Kommunalsjef")),
    ("1837", "NAV Meløy", 4, ("Veileder",)),
    ("1838", "Gildeskål kommune", 4, ("Rådmann", "Folkehelsekoordinator")),
    ("", "NAV Nordland", 12, ("Rådgiver", "Seniorrådgiver")),
    ("", "KS Nordland", 3, ("Rådgiver",)),
    ("", "Fylkesmannen i Nordland", 4, ("Seniorrådgiver",)),
    ("", "Nord universitet", 4, ("Førsteamanuensis", "Stipendiat")),
    ("", "Nordland fylkeskommune", 3, ("Rådgiver",)),
    ("", "Brukerutvalget i NAV Nordland", 3, ("Brukerrepresentant",)),
)

THEMES = (
    "Mer om ungdom og psykisk helse",
    "Samarbeid med skolene om frafall",
    "Hvordan vi bruker brukerutvalget i partnerskapet",
    "Erfaringer fra pilotene om vertskommune",
    "Digitale tjenester i små kommuner",
    "Arbeidsgivere som lykkes med inkludering",
    "Kvalifiseringsprogrammet i praksis",
    "Rekruttering av fagfolk til distriktene",
    "Samisk perspektiv i tjenestene",
    "Partnerskapsavtalen og de lokale målene",
)
COMMENTS = (
    "Godt å møte rådmennene og NAV-lederne fra samme region ved samme bord.",
    "Litt lange dager, men verdt det.",
    "Ungdomsrådets innlegg var årets høydepunkt.",
    "Verkstedet kunne hatt bedre tid.",
    "Fint at brukerutvalget hadde en tydelig rolle på dag to.",
    "Ønsker presentasjonene sendt ut i etterkant.",
    "Hotellet og maten var veldig bra.",
    "Mer tid til dialog og mindre enveiskommunikasjon neste gang.",
)


def load(users: dict[str, User]) -> None:
    if Event.objects.filter(slug=SLUG).exists():
        return
    # Session and question texts are stored as text: store them in bokmål. The e-mails these
    # steps would send went out in 2019.
    with translation.override("nb"), no_mail():
        event = _event(users)
        _programme(event, users)
        registrations = _registrations(event)
        _check_ins(event, users[ORGANISER], registrations)
        _evaluation(event, users[ORGANISER], registrations)


def _at(day: date, clock: str) -> datetime:
    hours, minutes = clock.split(":")
    return timezone.make_aware(datetime.combine(day, time(int(hours), int(minutes))))


def _event(users: dict[str, User]) -> Event:
    county = County.objects.filter(number="18").order_by("-valid_from").first()
    municipalities = Municipality.objects.filter(number__in=PILOTS, valid_to__isnull=True)
    return services.event_create(
        actor=users[ORGANISER],
        organiser_county=county,
        title="Partnerskapskonferansen 2019: Sammen for ungdom",
        slug=SLUG,
        kind=EventKind.CONFERENCE,
        description=(
            "Nordland har rekordhøy eksport og lav ledighet, men mange unge står utenfor. Hva "
            "sier forskningen og arbeidsgivere som lykkes med inkludering? Som ledd i prosjektet "
            "«NAV i Nordland i en ny tid» møtes NAV, kommunene, helse og utdanning for å jobbe "
            "sammen mot fraflytting og utenforskap. Rådmenn, NAV-ledere og brukermedvirkere "
            "sitter sammen etter region. Arrangøren dekker hotell og dagpakker; arrangementet "
            "er parfymefritt."
        ),
        co_organisers="KS Nordland, Fylkesmannen i Nordland og Rådmannsforum i Nordland",
        following_body=Body.objects.get(slug=nordland.SLUG),
        first_day=DAY_1,
        last_day=DAY_2,
        place="Radisson Blu Hotel, Bodø",
        address="Storgata 2, 8006 Bodø",
        capacity=100,
        audience="NAV-ledere, rådmenn og brukermedvirkere i Nordland",
        audience_municipalities=list(municipalities),
        registration_opens=_at(date(2019, 2, 15), "08:00"),
        registration_closes=_at(date(2019, 4, 1), "23:59"),
        late_registration=True,
        questions=list(RegistrationQuestion.values),
        contact_email="partnerskapskonferansen@nav-nordland.invalid",
        # Long enough that the demo keeps its participants to look at; a real event keeps them
        # a few months.
        retention_days=3650,
    )


def _person(users: dict[str, User], speaker: Speaker, actor: User) -> User:
    if speaker.name in users:
        return users[speaker.name]
    first, _space, last = speaker.name.rpartition(" ")
    if not first or speaker.name.endswith("ungdomsråd"):
        first, last = speaker.name, ""
    existing = User.objects.filter(
        first_name=first, last_name=last, organisation=speaker.organisation
    )
    return existing.first() or services.speaker_create(
        actor=actor,
        first_name=first,
        last_name=last,
        job_title=speaker.job_title,
        organisation=speaker.organisation,
    )


def _session(event: Event, users: dict[str, User], spec: DemoSession) -> None:
    actor = users[ORGANISER]
    hours = [time(*map(int, t.split(":"))) for t in (spec.starts, spec.ends)]
    services.session_add(
        actor=actor,
        event=event,
        day=spec.day,
        starts=hours[0],
        ends=hours[1],
        title=spec.title,
        kind=spec.kind,
        track=spec.track,
        moderator=users[spec.moderator] if spec.moderator else None,
        speakers=[_person(users, s, actor) for s in spec.speakers],
    )


def _programme(event: Event, users: dict[str, User]) -> None:
    for spec in PROGRAMME:
        _session(event, users, spec)
    first = services.programme_publish(actor=users[ORGANISER], event=event)
    _session(event, users, DINNER)
    second = services.programme_publish(
        actor=users[ORGANISER],
        event=event,
        note="Felles middag med kulturelt innslag kl. 19.30 første kveld er lagt til.",
    )
    Event.objects.filter(pk=event.pk).update(published_at=_at(date(2019, 2, 15), "08:00"))
    for version, day in ((first, date(2019, 2, 15)), (second, date(2019, 3, 4))):
        version.__class__.objects.filter(pk=version.pk).update(created_at=_at(day, "09:00"))


def _registrations(event: Event) -> list[Registration]:
    municipalities = {
        m.number: m for m in Municipality.objects.filter(number__in=PILOTS, valid_to__isnull=True)
    }
    everyone = []
    n = 0
    for number, organisation, count, titles in DELEGATIONS:
        for k in range(count):
            first = FIRST_NAMES[(n * 7) % len(FIRST_NAMES)]
            last = LAST_NAMES[(n * 5 + n // len(LAST_NAMES)) % len(LAST_NAMES)]
            days = [DAY_1.isoformat(), DAY_2.isoformat()]
            if n % 11 == 3:
                days = [DAY_1.isoformat()]
            elif n % 13 == 5:
                days = [DAY_2.isoformat()]
            registration = Registration(
                event=event,
                status=RegistrationStatus.REGISTERED,
                name=f"{first} {last}",
                email=f"{first}.{last}.{n}@demo.invalid".lower().translate(ASCII),
                organisation=organisation,
                municipality=municipalities.get(number),
                job_title=titles[k % len(titles)],
                days=days,
                dinner=DAY_1.isoformat() in days and n % 9 != 4,
                dietary_needs=("Glutenfri" if n % 17 == 2 else "Vegetar" if n % 19 == 6 else ""),
                accessibility_needs=(
                    "Teleslynge" if n == 21 else "Trinnfri adkomst" if n == 64 else ""
                ),
            )
            everyone.append(save(registration, actor=None))
            n += 1
    # Three could not come after all and cancelled the week before.
    for registration in everyone[10:40:12]:
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = _at(date(2019, 4, 3), "12:00")
        registration.cancel_reason = CancelReason.BY_PARTICIPANT
        save(registration, actor=None)
    return [r for r in everyone if r.status == RegistrationStatus.REGISTERED]


def _check_ins(event: Event, actor: User, registrations: list[Registration]) -> None:
    for n, registration in enumerate(registrations):
        for day in (DAY_1, DAY_2):
            came = day.isoformat() in registration.days and n % (23 if day == DAY_1 else 13) != 7
            if came:
                services.check_in(actor=actor, registration=registration, day=day)


def _evaluation(event: Event, actor: User, registrations: list[Registration]) -> None:
    survey = services.survey_create(
        actor=actor,
        event=event,
        title="Evaluering av partnerskapskonferansen 2019",
        introduction=(
            "Fem korte spørsmål. Svarene er anonyme og brukes til å planlegge neste konferanse."
        ),
        anonymous=True,
    )
    services.survey_open(actor=actor, survey=survey)
    overall, useful, again, themes, comments = survey.questions.order_by("position")
    for n, registration in enumerate(registrations):
        if n % 4 == 3:
            continue  # about three in four answered
        answers = {
            overall.pk: (5, 4, 4, 5, 3, 4, 5, 4, 2, 5)[n % 10],
            useful.pk: (4, 4, 5, 3, 4, 5, 4, 3, 4, 2)[n % 10],
            again.pk: n % 12 != 5,
        }
        if n % 3 == 0:
            answers[themes.pk] = THEMES[(n // 3) % len(THEMES)]
        if n % 5 == 1:
            answers[comments.pk] = COMMENTS[(n // 5) % len(COMMENTS)]
        services.survey_answer(survey=survey, registration=registration, answers=answers)
    services.survey_close(actor=actor, survey=survey)
