"""The figures app's routes in the access walk (tests/access_rules.py says how)."""

import base64
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile

from partnerskap.figures import services
from partnerskap.figures.models import ImportBatch, Indicator

from ..access_rules import EDIT, EVERY_SIGNED_IN, INTERNAL, READ, AppWalk, Rule

SECRET_REPORT = "Statusrapport med hemmelig tittel 7f3a"
SECRET_TEXT = "Hemmelig utfordring i personalet 7f3a"
SECRET_FILE = "hemmelig-uttrekk-7f3a.csv"

CHANGE = Rule(INTERNAL, EDIT.allowed, ok=302, method="POST")

PAGES: dict[str, Rule] = {
    "figures:overview": READ,
    "figures:overview_pdf": READ,
    "figures:comparison": READ,
    "figures:county": READ,
    "figures:county_pdf": READ,
    "figures:import_upload": EDIT,
    "figures:import_preview": READ,
    "figures:import_columns": CHANGE,
    "figures:import_commit": CHANGE,
    "figures:import_discard": CHANGE,
    "figures:manual_entry": EDIT,
    "figures:report_create": EDIT,
    "figures:report_detail": READ,
    "figures:report_pdf": READ,
    "figures:report_edit": EDIT,
    "figures:block_add": EDIT,
    "figures:block_remove": CHANGE,
}
API: dict[str, Rule] = {
    "GET /api/v1/figures/indicators": EVERY_SIGNED_IN,
    "GET /api/v1/partnerships/{partnership_id}/figures": READ,
    "GET /api/v1/partnerships/{partnership_id}/figures/areas": READ,
    "GET /api/v1/partnerships/{partnership_id}/figures/county": READ,
    "GET /api/v1/partnerships/{partnership_id}/figures/comparison": READ,
    "POST /api/v1/partnerships/{partnership_id}/figures/imports": Rule(
        INTERNAL, EDIT.allowed, ok=201
    ),
    "GET /api/v1/partnerships/{partnership_id}/figures/imports/{import_id}": READ,
    "POST /api/v1/partnerships/{partnership_id}/figures/imports/{import_id}/mapping": EDIT,
    "POST /api/v1/partnerships/{partnership_id}/figures/imports/{import_id}/commit": EDIT,
    "GET /api/v1/status-reports/{report_id}": READ,
}

LONG = "Indikator;Enhet;Periode;Verdi\nusers_follow_up;{unit};{period};{value}\n"
# a table with one row per unit, whose columns can be read another way
WIDE = "Enhet;Brukere i avtalt aktivitet;Antall i arbeidsrettet oppfølging\n{unit};{value};2000\n"


def _batch(world, name: str, period: str, value: int, *, wide: bool = False):
    unit = world.orland_office.unit_number
    content = (WIDE if wide else LONG).format(unit=unit, period=period, value=value)
    return services.import_preview(
        actor=world.nav_leader,
        partnership=world.orland,
        file=SimpleUploadedFile(name, content.encode()),
        source="Datavarehuset",
        extracted_on=date(2020, 5, 1),
        period_text=period if wide else "",
    )


def _revision(batch) -> int:
    """The batch's revision when the walk sends the form (a page holds it in a hidden field)."""
    return ImportBatch.objects.values_list("revision", flat=True).get(pk=batch.pk)


def build(world) -> AppWalk:
    for name, period, value in (("uke10.csv", "2020-W10", 581), ("uke18.csv", "2020-W18", 1130)):
        batch = _batch(world, name, period, value)
        services.import_commit(actor=world.nav_leader, batch=batch, revision=batch.revision)
    page_batch = _batch(world, SECRET_FILE, "2020-W21", 1000, wide=True)
    api_batch = _batch(world, "api-uke19.csv", "2020-W19", 1100, wide=True)
    report = services.report_create(
        actor=world.nav_leader, partnership=world.orland, title=SECRET_REPORT
    )
    services.report_update(
        actor=world.nav_leader,
        report=report,
        revision=report.revision,
        title=SECRET_REPORT,
        texts={"staffing": SECRET_TEXT},
    )
    block = services.block_add(
        actor=world.nav_leader,
        report=report,
        section_kind="users",
        indicator=Indicator.objects.get(code="users_follow_up"),
        period_text="2020-W10",
    )
    upload = LONG.format(unit=world.orland_office.unit_number, period="2020-W20", value=1050)
    about_report = {
        "figures:report_detail": report,
        "figures:report_pdf": report,
        "figures:report_edit": report,
        "figures:block_add": report,
        "figures:block_remove": block,
    }
    pages = {name: about_report.get(name, world.orland) for name in PAGES}
    return AppWalk(
        params={"batch_id": page_batch.pk, "import_id": api_batch.pk, "report_id": report.pk},
        bodies={
            "figures:import_columns": lambda: {"revision": _revision(page_batch), "kolonne-2": ""},
            "figures:import_commit": lambda: {"revision": _revision(page_batch)},
            "figures:import_discard": lambda: {"revision": _revision(page_batch)},
            "figures:block_remove": {},
            "POST /api/v1/partnerships/{partnership_id}/figures/imports": {
                "file_name": "api-uke20.csv",
                "content_base64": base64.b64encode(upload.encode()).decode(),
                "source": "Datavarehuset",
                "extracted_on": "2020-05-20",
            },
            "POST /api/v1/partnerships/{partnership_id}/figures/imports/{import_id}/mapping": (
                lambda: {"revision": _revision(api_batch), "mapping": {"Enhet": "unit"}}
            ),
            "POST /api/v1/partnerships/{partnership_id}/figures/imports/{import_id}/commit": (
                lambda: {"revision": _revision(api_batch)}
            ),
        },
        markers=[SECRET_REPORT, SECRET_TEXT, SECRET_FILE],
        pages=pages,
    )
