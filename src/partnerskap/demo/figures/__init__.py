"""The demo data set's key figures, imported through the figures app's own import path.

* NAV Indre Fosen before and during the pandemic (seed office-status-presentation-indre-fosen):
  users in work-oriented follow-up in week 10 and week 18 of 2020 (581 → 1 130), of them on AAP,
  on unemployment benefit and under 30; social assistance in 1 January–15 March and
  16 March–15 June 2020; the FTEs before the pandemic. A status report for the partnership
  meeting is built from them.
* NAV Ålesund (seed new-nav-alesund-reports): the Møre og Romsdal tables of November 2018 as
  CSV files next to this module (digital follow-up per office, agreed activity per office,
  activities per type, and the national table per county). The offices and counties those
  tables name are added as they were in 2018 where the registry's demo does not have them.
  The national table's row 99 (“not in a county”) is left out: it is no area of the registry,
  so the total row is flagged in the preview, as it should be.
"""

import csv
import hashlib
import re
from datetime import date
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction

from partnerskap.core.models import User
from partnerskap.figures import services
from partnerskap.figures.models import Comparison, ImportBatch, Indicator, StatusReport
from partnerskap.registry.models import County, Office, Partnership

HERE = Path(__file__).parent
ENDED_2019 = date(2019, 12, 31)

INDRE_FOSEN = [
    ("users_follow_up", "2020-W10", 581),
    ("users_follow_up_aap", "2020-W10", 241),
    ("users_follow_up_unemployment", "2020-W10", 73),
    ("users_follow_up_under_30", "2020-W10", 171),
    ("users_follow_up", "2020-W18", 1130),
    ("users_follow_up_aap", "2020-W18", 241),
    ("users_follow_up_unemployment", "2020-W18", 149),
    ("users_follow_up_under_30", "2020-W18", 257),
    ("social_assistance_recipients", "2020-01-01/2020-03-15", 109),
    ("social_assistance_main_income", "2020-01-01/2020-03-15", 37),
    ("social_assistance_long_term", "2020-01-01/2020-03-15", 21),
    ("social_assistance_new", "2020-01-01/2020-03-15", 27),
    ("social_assistance_recipients", "2020-03-16/2020-06-15", 124),
    ("social_assistance_main_income", "2020-03-16/2020-06-15", 41),
    ("social_assistance_long_term", "2020-03-16/2020-06-15", 17),
    ("social_assistance_new", "2020-03-16/2020-06-15", 21),
    ("fte_state", "2020-01-01/2020-02-29", "9.3"),
    ("fte_municipal", "2020-01-01/2020-02-29", 7),
]

# The Møre og Romsdal tables (file, period); all four were extracted on 12.11.2018.
ALESUND_TABLES = [
    "mr_digital_follow_up.csv",
    "mr_agreed_activity.csv",
    "mr_activity_types.csv",
    "national_agreed_activity.csv",
]


def _import(actor: User, partnership: Partnership, name: str, data: bytes, **kwargs) -> None:
    digest = hashlib.sha256(data).hexdigest()
    if ImportBatch.objects.filter(partnership=partnership, sha256=digest).exists():
        return  # loaded before: the demo runs again
    batch = services.import_preview(
        actor=actor, partnership=partnership, file=ContentFile(data, name=name), **kwargs
    )
    services.import_commit(actor=actor, batch=batch, revision=batch.revision)


def _indre_fosen(users: dict[str, User]) -> None:
    partnership = Partnership.objects.filter(office__unit_number="5054").first()
    leader = users.get("leder.indrefosen")
    if partnership is None or leader is None:
        return
    unit = partnership.office.unit_number
    lines = ["Indikator;Enhet;Periode;Verdi"]
    lines += [f"{code};{unit};{period};{value}" for code, period, value in INDRE_FOSEN]
    _import(
        leader,
        partnership,
        "status-indre-fosen-2020.csv",
        "\n".join(lines).encode(),
        source="NAV Indre Fosen, statuspresentasjon for partnerskapet",
        extracted_on=date(2020, 6, 15),
    )
    _status_report(leader, partnership)


def _status_report(leader: User, partnership: Partnership) -> None:
    title = "Status før og under koronaepidemien"
    if StatusReport.objects.filter(partnership=partnership, title=title).exists():
        return
    report = services.report_create(actor=leader, partnership=partnership, title=title)
    texts = {
        "staffing": (
            "Før koronaepidemien var vi 9,3 statlige og 7 kommunale årsverk, lederen medregnet. "
            "Under epidemien ble ressurser omdisponert til de nye brukerne, og to fra "
            "økonomiavdelingen kom til for å møte økningen i sosialhjelp."
        ),
        "economy": (
            "Overskudd på kommunal side og underskudd på statlig side før epidemien; lønn er "
            "den største kostnadsdriveren. Noe av ekstraarbeidet er dekket av koronamidler."
        ),
        "users": (
            "Antallet brukere i arbeidsrettet oppfølging nesten doblet seg fra uke 10 til "
            "uke 18, og flere fikk dagpenger."
        ),
        "challenges": (
            "En del av dem som har falt ut av arbeidslivet blir vanskeligere å få inn igjen."
        ),
        "development": (
            "Søknad om IPS sammen med Fosen-kontorene, videomøter mellom Leksvik og Rissa, "
            "og valg av veileder på kommunale tjenester."
        ),
    }
    services.report_update(
        actor=leader, report=report, revision=report.revision, title=title, texts=texts
    )
    indicator = {i.code: i for i in Indicator.objects.all()}
    for code, chart in (
        ("users_follow_up", True),
        ("users_follow_up_unemployment", False),
        ("users_follow_up_under_30", False),
    ):
        services.block_add(
            actor=leader,
            report=report,
            section_kind="users",
            indicator=indicator[code],
            period_text="2020-W18",
            comparison=Comparison.PREVIOUS,
            compare_period_text="2020-W10",
            chart=chart,
        )
    services.block_add(
        actor=leader,
        report=report,
        section_kind="services",
        indicator=indicator["social_assistance_recipients"],
        period_text="2020-03-16/2020-06-15",
        comparison=Comparison.PREVIOUS,
        compare_period_text="2020-01-01/2020-03-15",
    )


def _rows(name: str) -> list[tuple[str, str]]:
    with open(HERE / name, encoding="utf-8") as f:
        found = []
        for row in list(csv.reader(f, delimiter=";"))[1:]:
            match = re.match(r"(\d{2,4}) (.+)", row[0])
            if match:
                found.append((match.group(1), match.group(2)))
        return found


def _areas_of_2018() -> None:
    """The offices and counties the Møre og Romsdal tables name, as they were then."""
    more_og_romsdal = County.objects.get(number="15")
    for name in ("mr_digital_follow_up.csv", "mr_agreed_activity.csv"):
        for number, office_name in _rows(name):
            if not Office.objects.filter(unit_number=number).exists():
                Office.objects.create(
                    unit_number=number,
                    name=office_name,
                    county=more_og_romsdal,
                    valid_from=date(2007, 1, 1),
                    valid_to=ENDED_2019,
                )
    for number, county_name in _rows("national_agreed_activity.csv"):
        if number != "99" and not County.objects.filter(number=number).exists():
            County.objects.create(
                number=number,
                name=f"NAV {county_name}",
                valid_from=date(2006, 7, 1),
                valid_to=ENDED_2019,
            )


def _alesund(users: dict[str, User]) -> None:
    partnership = Partnership.objects.filter(office__unit_number="1507").first()
    leader = users.get("leder.alesund")
    if partnership is None or leader is None:
        return
    _areas_of_2018()
    for name in ALESUND_TABLES:
        text = (HERE / name).read_text(encoding="utf-8")
        if name.startswith("national"):
            text = "\n".join(line for line in text.splitlines() if not line.startswith("99 "))
        _import(
            leader,
            partnership,
            name,
            text.encode(),
            source="Datavarehuset, Arbeids- og velferdsdirektoratet",
            extracted_on=date(2018, 11, 12),
            period_text="2018-11",
        )


@transaction.atomic
def load(users: dict[str, User]) -> None:
    """Idempotent: safe to run again on a loaded database."""
    _indre_fosen(users)
    _alesund(users)
