"""The annual app's routes in the access walk (tests/access_rules.py says how): Ørland's wheel
and its council report for the walk's year (the meetings walk's `year`), with a text only
Ørland's readers may see, sent once so that a version's files exist."""

from django.utils import timezone

from partnerskap.annual import services
from partnerskap.annual.models import CouncilReport

from ..access_rules import EDIT, INTERNAL, READ, AppWalk, Rule

SECRET_TEXT = "Ørland vurderer å si opp vertskommuneavtalen for sosialtjenesten"

SENT = Rule(INTERNAL, EDIT.allowed, ok=302, method="POST")
SAVED = Rule(INTERNAL, EDIT.allowed, ok=302, method="POST")

PAGES: dict[str, Rule] = {
    "annual:wheel_now": READ,
    "annual:wheel": READ,
    "annual:report": READ,
    "annual:report_edit": EDIT,
    "annual:report_send": SENT,
    "annual:version_docx": READ,
    "annual:version_pdf": READ,
}

R = "/api/v1/partnerships/{partnership_id}/council-reports/{year}"
API: dict[str, Rule] = {
    "GET /api/v1/partnerships/{partnership_id}/wheel/{year}": READ,
    f"GET {R}": READ,
    f"PUT {R}": EDIT,
    f"POST {R}/send": Rule(INTERNAL, EDIT.allowed, ok=201),
}


def _current(report: CouncilReport, body: dict):
    """The body with the report's revision as it is when the walk sends it."""
    return lambda: {**body, "revision": CouncilReport.objects.get(pk=report.pk).revision}


def build(world) -> AppWalk:
    year = timezone.localdate().year + 1  # the meetings walk's `year`
    report = services.report_edit(
        actor=world.nav_leader,
        partnership=world.orland,
        year=year,
        revision=0,
        texts={"introduction": SECRET_TEXT},
    )
    version = services.report_send(actor=world.nav_leader, partnership=world.orland, year=year)
    pages = {
        f"annual:{name}": world.orland
        for name in ("wheel_now", "wheel", "report", "report_edit", "report_send")
    }
    pages |= {"annual:version_docx": version, "annual:version_pdf": version}
    due = f"{year + 1}-03-31"
    return AppWalk(
        params={"partnership_id": world.orland.pk, "year": year},
        bodies={
            "annual:report_edit": _current(report, {"due": due, "projects": "Ingen i år."}),
            "annual:report_send": {},
            f"PUT {R}": _current(report, {"due": due, "texts": {"projects": "Ingen i år."}}),
            f"POST {R}/send": {},
        },
        markers=[SECRET_TEXT],
        pages=pages,
    )
