"""The project "NAV i Nordland i en ny tid" (2017–2019), retold from the seed
(../shared/seeds/nordland-steering-group-and-agreement-template.txt): its mandate, the three
pilots, their status at the steering group's meetings, the status of every service area (TO) in
November 2018, milestones, the risks the minutes speak of and the communication plan's target
groups. The dates, models and words are the seed's; the people are the demo's."""

from datetime import date

from django.utils import translation

from partnerskap.core.models import User
from partnerskap.finance.models import Budget
from partnerskap.meetings.models import Body
from partnerskap.projects import services
from partnerskap.projects.models import Project
from partnerskap.registry.models import County, Municipality, Partnership

from .meetings import nordland

NAME = "NAV i Nordland i en ny tid"
LEADER = "prosjektleder.nordland"
MANDATE = (
    "a) Kartlegge status i alle tjenesteområder i Nordland, og b) bidra til iverksetting av "
    "to–tre piloter (i første omgang Indre Salten og Ofoten). Revidert mandat: utvikle "
    "partnerskapet som utviklingsaktør i bo-, tjeneste- og arbeidsmarkedsområdet."
)
GOALS = (
    "Likeverdighet, langsiktighet, forutsigbarhet og ansvarlighet i partnerskapsutviklingen. "
    "Pilotene skal gi modeller med overføringsverdi til andre områder i Nordland."
)

# (name, model, partnership names, municipality numbers, local leader, goals)
PILOTS = [
    (
        "Ofoten",
        "merger",
        ["NAV Ofoten"],
        ["1806", "1854"],
        "leder.ofoten",
        "Narvik, deler av Tysfjord og Ballangen blir én kommune fra 1.1.2020, med "
        "vertskommunesamarbeid med Evenes og Gratangen.",
    ),
    (
        "Indre Salten",
        "host_municipality",
        ["NAV Indre Salten"],
        ["1841", "1840", "1845", "1839", "1875"],
        "leder.indresalten",
        "Vertskommunemodell med Fauske som vertskommune og Saltdal og Hamarøy som avdelinger.",
    ),
    (
        "Sør-Salten",
        "administrative",
        ["NAV Meløy", "NAV Rødøy", "NAV Gildeskål"],
        ["1837", "1836", "1838"],
        "leder.meloy",
        "Administrativt samarbeid mellom Meløy, Rødøy og Gildeskål på eget initiativ; felles "
        "ungdomsteam vurderes.",
    ),
]

# The pilots' status at the steering group's meetings: (date, {pilot: (health, status, progress,
# activities, when)}); a pilot left out is copied forward.
STATUS = [
    (
        date(2018, 3, 9),
        {
            "Ofoten": ("on_track", "I rute", "Fremdrift og forankring", "Partnerskapsmøte", ""),
            "Indre Salten": (
                "at_risk",
                "Krevende å rekke politisk sak til juni",
                "Kommunevise møter med NAV-leder og fylkesdirektør",
                "Møter i hver kommune",
                "Vår 2018",
            ),
            "Sør-Salten": ("on_track", "I rute", "Fremdrift og forankring", "", ""),
        },
    ),
    (
        date(2018, 9, 14),
        {
            "Ofoten": (
                "on_track",
                "I rute",
                "Positive vedtak om vertskommunesamarbeid med Evenes og Gratangen",
                "To arbeidsgrupper: tjenesteinnhold og administrativ struktur",
                "I drift fra 1.1.20",
            ),
            "Indre Salten": (
                "on_track",
                "Se prosjektplan",
                "Prosjektplan lagt fram i partnerskapsmøtet 31.8.18",
                "Politisk behandling høst 2018",
                "Feb. 2019",
            ),
            "Sør-Salten": (
                "off_track",
                "Annen organisatorisk løsning påkrevd",
                "Modellen ivaretar ikke myndighetsutøvelse og taushetsplikt godt nok",
                "Snarlig partnerskapsmøte",
                "Høst 2018",
            ),
        },
    ),
    (
        date(2018, 11, 29),
        {
            "Sør-Salten": (
                "at_risk",
                "Søknad om forsøk",
                "Søknad til AV-dir om forsøk med felles ungdomsteam",
                "Avklare søknaden",
                "2019",
            ),
        },
    ),
    (
        date(2019, 3, 1),
        {
            "Ofoten": (
                "on_track",
                "I rute",
                "ProsjektMBA etableres; personalløp og formell etablering",
                "Samisk perspektiv ved delingen av Tysfjord",
                "I drift fra 1.1.20",
            ),
            "Indre Salten": (
                "on_track",
                "Samarbeidsavtale til kommunestyrene",
                "Utkast til samarbeidsavtale lagt fram for godkjenning",
                "Lokal prosjektleder og mandat",
                "1.7.2019",
            ),
        },
    ),
]

# "Status fremdrift alle TO i Nordland pr. nov. 18": (TO, health, status, progress, activity, when)
SERVICE_AREAS = [
    (
        "Vesterålen",
        "not_started",
        "Starte dialog",
        "Planlegge møte NAV-ledere",
        "Info. partnerskapsmøte",
        "2019",
    ),
    (
        "Ytre Salten",
        "not_started",
        "Starte dialog",
        "Møte TO Ytre Salten 09.11.18",
        "Starte utviklingsdialog",
        "Høst 2018",
    ),
    (
        "TO Rana",
        "not_started",
        "Avklare samarbeidspotensialet",
        "Orientering personalsamling ansatte 22.–23.11.18",
        "Orientering",
        "Nov. 2018",
    ),
    (
        "TO Alstahaug",
        "at_risk",
        "Forankring i NAV og partnerskapet",
        "Vertskommunemodell?",
        "Partnerskapsmøte 08.11.18",
        "1. halvår 2019",
    ),
    (
        "TO Vefsn",
        "not_started",
        "Avvente prosjekterfaringer",
        "Følge opp dialog",
        "Avklare status samarbeid og partnerskap",
        "Høst 2019",
    ),
    (
        "Brønnøy",
        "not_started",
        "Avklare samarbeidspotensiale",
        "Starte dialog",
        "Personalsamling ansatte 12.–13.12.18",
        "Des. 2018",
    ),
    (
        "Lofoten",
        "on_track",
        "Startet prosess",
        "Vertskommunemodell?",
        "Nytt partnerskapsmøte",
        "Jan. 2019",
    ),
]

# (title, kind, due, done on)
MILESTONES = [
    (
        "Justert mandat og organisering til styringsgruppen",
        "milestone",
        date(2017, 11, 10),
        date(2017, 11, 10),
    ),
    ("Partnerskapskonferansen 2018", "milestone", date(2018, 6, 14), date(2018, 6, 14)),
    ("Delrapport 1", "deliverable", date(2018, 9, 14), date(2018, 9, 14)),
    ("Partnerskapskonferansen 2019", "milestone", date(2019, 4, 11), date(2019, 4, 11)),
    (
        "Delrapport II med strategi for partnerskapsutvikling og veikart",
        "deliverable",
        date(2019, 6, 30),
        None,
    ),
]

# (title, probability, consequence, measures, pilot)
RISKS = [
    (
        "Fylkesmannen deltar ikke i prosjektgruppa",
        3,
        3,
        "Be om en fast representant fra Fylkesmannen for kontinuitet.",
        None,
    ),
    (
        "En eller flere kommuner sier nei til vertskommuneløsningen",
        2,
        4,
        "Prosjektgruppa utarbeider et scenario for hver kommune som sier nei.",
        "Indre Salten",
    ),
    (
        "Modellen ivaretar ikke myndighetsutøvelse og taushetsplikt",
        4,
        4,
        "Skriftlig henvendelse til Fylkesmannen om de formelle rammene; ny organisatorisk løsning.",
        "Sør-Salten",
    ),
]

# The communication plan's target groups (seed: "Målgruppene er …"): (audience, channel, message)
COMMUNICATION = [
    ("Styringsgruppen", "Styringsgruppemøter", "Status for pilotene, budsjett og konferanse"),
    ("De tre pilotene", "Lokale partnerskapsmøter", "Pilotene ivaretar kommunikasjonen lokalt"),
    ("FYMBA", "Orientering i FYMBA", "Prosjektets status og veivalg"),
    ("TO-lederne", "Ledermøter", "Dagens TO-organisering vurderes mot bo- og arbeidsmarked"),
    ("Alle NAV-lederne", "Ledersamling", "Lederne har en nøkkelrolle i den nye strukturen"),
    ("NAV-medarbeiderne", "Navet og nyhetsbrev", "Ingen skal sies opp; naturlig avgang"),
    ("Brukerutvalget", "Møte i brukerutvalget", "Brukerne får bedre tjenester i større enheter"),
    ("Øvrige samarbeidsarenaer", "Rådmannsutvalget og KS", "Hvorfor NAV er viktig for kommunene"),
    ("Media", "Pressemelding", "Sammendrag av delrapport 1"),
]


def load(users: dict[str, User]) -> None:
    """Idempotent: the project is made once."""
    if Project.objects.filter(name=NAME).exists():
        return
    with translation.override("nb"):
        project = _project(users)
        _pilots(project, users)
        _status(project, users[LEADER])
        _rest(project, users[LEADER])


def _project(users: dict[str, User]) -> Project:
    county = County.objects.filter(number="18").order_by("-valid_from").first()
    budget = Budget.objects.filter(project__startswith="F18025").first()
    project = services.project_create(
        actor=users["fylkesdirektor.nordland"],
        county=county,
        name=NAME,
        starts_on=date(2017, 6, 1),
        ends_on=date(2019, 6, 30),
        mandate=MANDATE,
        goals=GOALS,
        phase="execution",
        leader=users[LEADER],
        owners=[users["fylkesdirektor.nordland"]],
        steering_group=Body.objects.filter(slug=nordland.SLUG).first(),
        budgets=[budget] if budget else [],
    )
    project.phases.filter(phase="concept").update(
        decision_point="Mandat og organisering vedtatt", decided_on=date(2017, 9, 8)
    )
    project.phases.filter(phase="planning").update(
        decision_point="Piloter og milepælsplan vedtatt", decided_on=date(2017, 11, 10)
    )
    project.phases.filter(phase="execution").update(
        decision_point="Prosjektet videreført ett år", decided_on=date(2018, 9, 14)
    )
    project.phases.filter(phase="closure").update(decision_point="Delrapport II og sluttrapport")
    return project


def _pilots(project: Project, users: dict[str, User]) -> None:
    for name, model, partnership_names, numbers, leader, goals in PILOTS:
        services.pilot_add(
            actor=users[LEADER],
            project=project,
            name=name,
            model=model,
            goals=goals,
            local_leader=users.get(leader),
            partnerships=Partnership.objects.filter(name__in=partnership_names),
            municipalities=Municipality.objects.filter(number__in=numbers),
        )
    for label, *_fields in SERVICE_AREAS:
        services.status_row_add(actor=users[LEADER], project=project, label=label)


def _status(project: Project, leader: User) -> None:
    rows = {row.label: row.pk for row in project.status_rows.all()}
    fields = ("health", "status_text", "progress", "activities", "when_text")
    for day, pilots in STATUS:
        values = {
            rows[name]: dict(zip(fields, values, strict=True)) for name, values in pilots.items()
        }
        if day == date(2018, 11, 29):
            for label, *rest in SERVICE_AREAS:
                values[rows[label]] = dict(zip(fields, rest, strict=True))
        services.status_report(actor=leader, project=project, reported_on=day, values=values)


def _rest(project: Project, leader: User) -> None:
    for title, kind, due, done in MILESTONES:
        milestone = services.milestone_add(
            actor=leader, project=project, title=title, kind=kind, due_on=due, owner=leader
        )
        if done:
            services.milestone_complete(actor=leader, milestone=milestone, done_on=done)
    pilots = {p.name: p for p in project.pilots.all()}
    for title, probability, consequence, measures, pilot in RISKS:
        services.risk_add(
            actor=leader,
            project=project,
            title=title,
            probability=probability,
            consequence=consequence,
            measures=measures,
            pilot=pilots.get(pilot),
            owner=leader,
        )
    services.decision_add(
        actor=leader,
        project=project,
        title="Strategi for partnerskapsutvikling som del av sluttrapporten",
        background="Strateginotatet er sendt NAV-lederne og rådmannsutvalget; ett innspill kom.",
        needed_by=date(2019, 6, 30),
    )
    for audience, channel, message in COMMUNICATION:
        services.communication_add(
            actor=leader,
            project=project,
            audience=audience,
            channel=channel,
            message=message,
            responsible="Prosjektleder",
            done=True,
        )
