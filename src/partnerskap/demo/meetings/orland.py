"""NAV Ørland's partnership meeting in the autumn of 2020, retold from the seed minutes
(../shared/seeds/partnership-meeting-minutes-orland.txt) in our own words, and the next meeting,
planned for next year. The items follow the standard agenda (meetings.standard)."""

from datetime import date, time, timedelta

from partnerskap.meetings.models import ItemKind, MemberRole

from .build import DemoAction, DemoComment, DemoItem, DemoMeeting

NAME = "Partnerskapsmøte NAV Ørland"
SLUG = "nav-orland-partnerskapsmote"
PARTNERSHIP = "NAV Ørland"
PLACE = "NAV Ørland, møterommet på Brekstad"
DESCRIPTION = (
    "Eierne av NAV Ørland, Ørland kommune og NAV Trøndelag, møtes her med NAV-lederen for å "
    "samordne mål, styringssignaler og utviklingen av kontoret."
)
CHAIR = "kommunedirektor.orland"
MINUTE_TAKER = "referent.orland"
MEMBERS_FROM = date(2020, 1, 1)
MEMBERS = [
    (CHAIR, MemberRole.CHAIR, "Ørland kommune"),
    ("fylkesdirektor.trondelag", MemberRole.MEMBER, "NAV Trøndelag"),
    ("leder.orland", MemberRole.MEMBER, "NAV Ørland"),
    (MINUTE_TAKER, MemberRole.MINUTE_TAKER, "NAV Ørland"),
]
BREAKS = (("10:30", 15),)

# Notes and decisions for the eight items of the standard agenda, in its order.
AUTUMN_2020 = DemoMeeting(
    day=date(2020, 9, 17),
    start=time(9),
    end=time(12, 30),
    location=PLACE,
    breaks=BREAKS,
    follow_up_notes="Første møte i partnerskapet etter sammenslåingen; ingen åpne punkter.",
    introduction=(
        "Agendaen var sendt ut på forhånd. NAV-lederen innledet om status for kontoret; begge "
        "eierne orienterte om sine prioriteringer."
    ),
    comment_deadline=date(2020, 10, 1),
    comments=(
        DemoComment(
            "leder.orland",
            "Tallet på aktive AAP-saker bør stå som 238, ikke avrundet. Ellers ingen merknader.",
            date(2020, 9, 22),
        ),
    ),
    approved_on=date(2020, 9, 28),
    items=(
        DemoItem(
            "Status for kontoret: drift, økonomi og arbeidsmiljø",
            ItemKind.INFORMATION,
            "Teamene er organisert slik det ble besluttet ved sammenslåingen, bortsett fra at "
            "markedsarbeidet nå ivaretas av et eget markedsteam i stedet for én rådgiver. "
            "Teamarbeidet gir allerede mer kompetanse og bedre drøfting av saker, og "
            "ungdomsteamet har fått felles rutiner og en digital ungdomsgruppe. Om lag 300 er "
            "sykmeldt, færre enn i fjor; det er 238 aktive AAP-saker, og kvalifiseringsprogrammet "
            "har ti deltakere. Økonomien er under kontroll, og de ekstra koronamidlene dekker "
            "mye av merforbruket; kommunens budsjett for 2021 blir omtrent som i år. "
            "Arbeidsmiljøet har vært krevende å følge opp under pandemien, og kommunikasjon "
            "internt blir tema på en personaldag.",
            presenter="leder.orland",
        ),
        DemoItem(
            "Tjenester til brukerne og utfordringer framover",
            ItemKind.DISCUSSION,
            "Kontoret har levert langt bedre enn ventet gjennom koronaperioden, med gode rutiner "
            "for å sikre bemanningen og en egen koronatelefon med fire–fem henvendelser om "
            "dagen. Alle er tilbake på kontoret, med hjemmekontor ved behov for tilrettelegging. "
            "Utfordringene framover er 70 permitterte som kartlegges og får tilbud i en egen "
            "CV-gruppe, flere som trenger nødhjelp, og unge med ME og andre lidelser uten "
            "behandlingstilbud, der kontoret savner en felles holdning i fylket.",
            presenter="leder.orland",
            actions=(
                DemoAction(
                    "Løfte oppfølgingen av unge med ME og lange AAP-løp i fylkets fagnettverk",
                    "fylkesdirektor.trondelag",
                    due=date(2021, 3, 1),
                    progress="Tatt opp i fagnettverket for AAP; felles retningslinjer er under "
                    "arbeid.",
                ),
            ),
        ),
        DemoItem(
            "Felles mål og resultater",
            ItemKind.DISCUSSION,
            "NAV Trøndelag starter virksomhetsplanleggingen tidligere i år og vil se statlige og "
            "kommunale tjenester under ett, med utgangspunkt i utviklingen i hver kommune. "
            "Planene kan brukes i partnerskapsmøtene. Begge eierne ønsker at planprosessene "
            "kjøres samtidig.",
            presenter="fylkesdirektor.trondelag",
        ),
        DemoItem(
            "Orientering fra eierne",
            ItemKind.INFORMATION,
            "NAV Trøndelag: arbeidssøkere uten arbeidsgiver skal prioriteres, og det skal være "
            "mulig å ta utdanning mens man er ledig. En ny samarbeidsavtale med helseforetakene "
            "er på plass. Ørland kommune: folkehelseoversikten viser 140 barn i familier under "
            "fattigdomsgrensen, høyt frafall i videregående skole (28 prosent) og svake "
            "grunnferdigheter hos mange elever. Kommunen vil ha NAV med når næringsplanen skal "
            "lages.",
            presenter=CHAIR,
        ),
        DemoItem(
            "Kompetansebehov",
            ItemKind.DISCUSSION,
            "Kontoret har for lite kompetanse og system i karriereveiledning. Karrieresentrene "
            "i fylket kan bidra.",
            presenter="leder.orland",
        ),
        DemoItem(
            "Samarbeid med andre tjenester",
            ItemKind.DISCUSSION,
            "Samarbeidet med videregående skole er blitt tettere etter prosjektet med "
            "NAV-veileder i skolen, og samarbeidet med kommunens kvalifiseringstjeneste for "
            "flyktninger gir resultater. Premissene for samarbeidet med NAV Arbeid og ytelser "
            "legges i stor grad der; det handler om å bygge en ny kultur for samhandling.",
        ),
        DemoItem(
            "Forventninger og styringssignaler fra partnerskapet",
            ItemKind.DECISION,
            "Mye av dette kom fram under de andre sakene. Kontoret ønsker mer støtte fra "
            "fylkeskontoret til karriereveiledning, og beredskapen for korona må holdes oppe.",
            decision=(
                "NAV Trøndelag og NAV Ørland ser på en fagdag om karriereveiledning sammen med "
                "tjenesteavdelingen. Kontoret fortsetter å normalisere driften innenfor "
                "smittevernreglene."
            ),
            presenter=CHAIR,
            actions=(
                DemoAction(
                    "Avklare fagdag om karriereveiledning med tjenesteavdelingen",
                    "leder.orland",
                    due=date(2020, 12, 1),
                    done_on=date(2020, 11, 20),
                    progress="Fagdagen er lagt inn i kompetanseplanen for våren 2021.",
                ),
            ),
        ),
        DemoItem(
            "Evaluering av partnerskapet",
            ItemKind.DISCUSSION,
            "Eierne er enige om at partnerskapet fungerer svært godt, og viser ellers til sakene "
            "over.",
            presenter=CHAIR,
        ),
    ),
)


def next_meeting(today: date) -> DemoMeeting:
    """The next partnership meeting: the second Thursday of March next year."""
    day = date(today.year + 1, 3, 1)
    day += timedelta(days=(3 - day.weekday()) % 7 + 7)
    return DemoMeeting(
        day=day, start=time(9), end=time(12, 30), location=PLACE, breaks=BREAKS, items=()
    )
