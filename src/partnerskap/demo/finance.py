"""The demo data set's finance: operating agreements for Ørland and Indre Salten, and the
Nordland project's budget report of November 2018 imported through the product's own import.

Idempotent: what exists is left alone.
"""

from datetime import date
from decimal import Decimal

from partnerskap.core.models import User
from partnerskap.finance import services
from partnerskap.finance.models import (
    AgreementPeriod,
    Budget,
    HostKeyChoice,
    OperatingAgreement,
)
from partnerskap.registry.models import Partnership

D = Decimal

# The ERP report "F18025 Prosjekt Nye NAV i Nordland", period NOV-18, as the ERP exports it.
NORDLAND_ROWS = [
    [
        "Period name:NOV-18",
        "Formålserie:<Alle>",
        "Formål 0 og F99999:<Alle>",
        "Formaal med tekst:F18025 Prosjekt Nye NAV i Nordland",
        "Aktivitetskode 1 s:<Alle>",
        "Aktkode med tekst:<Alle>",
        "kostnadssted 4:<Alle>",
        "Kostnadssted 5:<Alle>",
        "Kostnadssted:<Alle>",
        "Kapittel:<Alle>",
    ],
    [
        "",
        "",
        "Årets budsjett",
        "HIÅ Budsjett",
        "HIÅ Forbruk",
        "Periodens forbruk",
        "Disponibelt ut året",
        "HIÅ bud - HIÅ forbruk",
        "HIÅ Forbruk i % av HIÅ Budsjett",
        "HIÅ Forbruk i % av årets gjeldende budsjett",
    ],
    [
        "A Lønn og annen godtgjørelse",
        "500000000000 OPPG lønn faste stillinger, ordinær",
        "300 000",
        "275 000",
        "574 610",
        "53 103",
        "-274 610",
        "-299 610",
        "209%",
        "192%",
    ],
    [
        "",
        "500400000000 OPPG lønn faste stillinger, kronetillegg",
        "0",
        "0",
        "7 529",
        "625",
        "-7 529",
        "-7 529",
        "",
        "",
    ],
    [
        "",
        "500700000000 OPPG lønn ferietillegg - faste stillinger",
        "0",
        "0",
        "1",
        "0",
        "-1",
        "-1",
        "",
        "",
    ],
    [
        "",
        "525000000000 OPPG fordel i arbeidsforhold, gruppelivsforsikring",
        "0",
        "0",
        "1 180",
        "107",
        "-1 180",
        "-1 180",
        "",
        "",
    ],
    [
        "",
        "530000000000 OPPG Godgjørelse styrer, råd og utvalg",
        "0",
        "0",
        "6 800",
        "0",
        "-6 800",
        "-6 800",
        "",
        "",
    ],
    [
        "",
        "A Lønn og annen godtgjørelse",
        "300 000",
        "275 000",
        "590 120",
        "53 835",
        "-290 120",
        "-315 120",
        "215%",
        "197%",
    ],
    [
        "B Sosiale kostnader",
        "540000000000 Arbeidsgiveravgift innberettede ytelser",
        "0",
        "0",
        "54 813",
        "4 939",
        "-54 813",
        "-54 813",
        "",
        "",
    ],
    [
        "",
        "542400000000 Pensjonspremie - arbeidsgiverandel",
        "0",
        "0",
        "69 608",
        "6 424",
        "-69 608",
        "-69 608",
        "",
        "",
    ],
    ["", "B Sosiale kostnader", "0", "0", "124 421", "11 363", "-124 421", "-124 421", "", ""],
    [
        "A SUM LØNN OG ANDRE GODTGJØRSLER",
        "",
        "300 000",
        "275 000",
        "714 540",
        "65 198",
        "-414 540",
        "-439 540",
        "260%",
        "238%",
    ],
    [
        "E Kostnad og godtgjørelse for reise",
        "710000000000 OPPG Bilgodtgjørelse",
        "0",
        "0",
        "14 871",
        "1 000",
        "-14 871",
        "-14 871",
        "",
        "",
    ],
    [
        "",
        "710100000000 OPPG Bilgodtgjørelse TRPL",
        "0",
        "0",
        "1 895",
        "114",
        "-1 895",
        "-1 895",
        "",
        "",
    ],
    ["", "713000000000 Reisekostnad", "0", "0", "190 285", "9 913", "-190 285", "-190 285", "", ""],
    ["", "713200000000 OPPG Reisekostnad TRPL", "0", "0", "6 598", "0", "-6 598", "-6 598", "", ""],
    [
        "",
        "715000000000 OPPG Diettkostnad",
        "0",
        "0",
        "31 532",
        "4 825",
        "-31 532",
        "-31 532",
        "",
        "",
    ],
    [
        "",
        "E Kostnad og godtgjørelse for reise",
        "0",
        "0",
        "245 182",
        "15 851",
        "-245 182",
        "-245 182",
        "",
        "",
    ],
    [
        "F Andre driftskostnader",
        "498000000000 Kjøp av datamaskiner og skrivere m.m",
        "0",
        "0",
        "18 430",
        "0",
        "-18 430",
        "-18 430",
        "",
        "",
    ],
    [
        "",
        "669000000000 Reparasjon og vedlikehold annet",
        "0",
        "0",
        "398",
        "0",
        "-398",
        "-398",
        "",
        "",
    ],
    [
        "",
        "686000000000 Møte, kurs, oppdatering o.l. (inkl. bevertning)",
        "0",
        "0",
        "179 006",
        "0",
        "-179 006",
        "-179 006",
        "",
        "",
    ],
    [
        "",
        "690300000000 Andre utgifter til telefon og datakommunikasjon",
        "0",
        "0",
        "4 100",
        "0",
        "-4 100",
        "-4 100",
        "",
        "",
    ],
    ["", "F Andre driftskostnader", "0", "0", "201 934", "0", "-201 934", "-201 934", "", ""],
    [
        "I Inntekter og tilskudd",
        "367000000000 Annen driftsrelatert inntekt",
        "0",
        "0",
        "-600 000",
        "0",
        "600 000",
        "600 000",
        "",
        "",
    ],
    ["", "I Inntekter og tilskudd", "0", "0", "-600 000", "0", "600 000", "600 000", "", ""],
    ["B SUM VARER OG TJENESTER", "", "0", "0", "-152 884", "15 851", "152 884", "152 884", "", ""],
    ["", "", "300 000", "275 000", "561 656", "81 050", "-261 656", "-286 656", "204%", "187%"],
]
NORDLAND_REPORT = "\n".join(";".join(row) for row in NORDLAND_ROWS) + "\n"

# (label, first day, last day, state FTEs, municipal FTEs, leader's employer, rent, ICT, other)
ORLAND_PERIODS = [
    (
        "2025",
        date(2025, 1, 1),
        date(2025, 12, 31),
        D("11.5"),
        D("8"),
        "municipality",
        D("1420000"),
        D("365000"),
        D("198500"),
    ),
    (
        "2026",
        date(2026, 1, 1),
        date(2026, 12, 31),
        D("11.8"),
        D("8.5"),
        "municipality",
        D("1452000"),
        D("381250"),
        D("214900.50"),
    ),
]
SALTEN_PERIODS = [
    (
        "2026",
        date(2026, 1, 1),
        date(2026, 12, 31),
        D("21.4"),
        D("18.6"),
        "municipality",
        D("2180000"),
        D("612000"),
        D("341775"),
    ),
]
# FTEs per member municipality and the agreed percentages (Fauske hosts).
SALTEN_WEIGHTS = {
    "1841": (D("9.6"), D("46")),
    "1840": (D("4.2"), D("22")),
    "1845": (D("2.3"), D("13")),
    "1839": (D("1"), D("7")),
    "1875": (D("1.5"), D("12")),
}


def _agreement(actor: User, partnership: Partnership, title: str, **fields) -> OperatingAgreement:
    agreement = OperatingAgreement.objects.filter(partnership=partnership, title=title).first()
    return agreement or services.agreement_create(
        actor=actor, partnership=partnership, title=title, **fields
    )


def _periods(actor: User, agreement: OperatingAgreement, rows: list) -> list[AgreementPeriod]:
    periods = []
    for label, starts, ends, state, municipal, employer, rent, ict, other in rows:
        period = AgreementPeriod.objects.filter(agreement=agreement, label=label).first()
        if period is None:
            period = services.period_create(
                actor=actor,
                agreement=agreement,
                label=label,
                starts=starts,
                ends=ends,
                state_fte=state,
                municipal_fte=municipal,
                leader_employer=employer,
                leader_fte=D(1),
                rent=rent,
                ict=ict,
                other_costs=other,
            )
        periods.append(period)
    return periods


def load(users: dict[str, User]) -> None:
    """Idempotent: safe to run again on a loaded database."""
    orland = Partnership.objects.filter(name="NAV Ørland").first()
    if orland is not None:
        leader = users["leder.orland"]
        agreement = _agreement(
            leader,
            orland,
            "Driftsavtale for NAV Ørland",
            notes="Vedlegg til samarbeidsavtalen. Felles driftskostnader deles etter årsverk; "
            "NAV-lederens stilling deles likt. Faktureres kvartalsvis, 30 dagers betalingsfrist.",
        )
        for period in _periods(leader, agreement, ORLAND_PERIODS):
            if not period.special_services.exists():
                services.special_service_add(
                    actor=leader,
                    period=period,
                    name="Gjeldsrådgiving og økonomisk rådgiving",
                    amount=D("86000"),
                    owner="municipality",
                )
    salten = Partnership.objects.filter(name="NAV Indre Salten").first()
    if salten is not None:
        leader = users["leder.indresalten"]
        agreement = _agreement(
            leader,
            salten,
            "Driftsavtale for NAV Indre Salten",
            host_key=HostKeyChoice.FTE,
            notes="Fauske er vertskommune. Kommunenes andel fordeles mellom kommunene etter "
            "årsverk; alternativt etter innbyggertall eller faste prosenter.",
        )
        members = {m.number: m for m in services.member_municipalities(salten)}
        for period in _periods(leader, agreement, SALTEN_PERIODS):
            if not period.member_weights.exists():
                services.member_weights_set(
                    actor=leader,
                    period=period,
                    revision=period.revision,
                    weights={
                        members[number].pk: weight
                        for number, weight in SALTEN_WEIGHTS.items()
                        if number in members
                    },
                )
        budget = Budget.objects.filter(partnership=salten, project__startswith="F18025").first()
        if budget is None:
            budget = services.budget_create(
                actor=users["prosjektleder.nordland"],
                partnership=salten,
                name="Prosjektbudsjett NAV i Nordland i en ny tid",
                project="F18025 Prosjekt Nye NAV i Nordland",
                year=2018,
            )
        if not budget.imports.exists():
            services.budget_import_commit(
                actor=users["prosjektleder.nordland"],
                budget=budget,
                revision=budget.revision,
                filename="F18025-NOV-18.csv",
                content=NORDLAND_REPORT.encode(),
            )
