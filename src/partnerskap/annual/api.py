"""The annual wheel and the council report in the API: the same access functions, selectors and
services as the pages."""

from datetime import date, datetime

from django.http import HttpRequest
from django.urls import reverse
from ninja import Router, Schema, Status

from partnerskap.registry.selectors import partnership_for_user

from . import selectors, services
from .models import CouncilReportVersion
from .report import report_content
from .wheel import year_entries

router = Router()


class EntryOut(Schema):
    day: date
    kind: str
    label: str
    title: str
    url: str


class TableOut(Schema):
    headers: list[str]
    rows: list[list[str]]


class SectionOut(Schema):
    key: str
    heading: str
    text: str
    lines: list[str]
    tables: list[TableOut]


class VersionOut(Schema):
    id: int
    number: int
    sent_at: datetime
    sent_by_id: int | None
    docx_url: str
    pdf_url: str


class ReportOut(Schema):
    partnership_id: int
    year: int
    due: date
    revision: int
    title: str
    sections: list[SectionOut]
    versions: list[VersionOut]


class ReportIn(Schema):
    revision: int
    due: date | None = None
    texts: dict[str, str] = {}


def _version(version: CouncilReportVersion) -> dict:
    return {
        "id": version.pk,
        "number": version.number,
        "sent_at": version.created_at,
        "sent_by_id": version.sent_by_id,
        "docx_url": reverse("annual:version_docx", args=[version.pk]),
        "pdf_url": reverse("annual:version_pdf", args=[version.pk]),
    }


def _report(partnership_id: int, report: object) -> dict:
    content = report_content(report)  # type: ignore[arg-type]
    return {
        "partnership_id": partnership_id,
        "year": content["year"],
        "due": report.due,  # type: ignore[attr-defined]
        "revision": report.revision,  # type: ignore[attr-defined]
        "title": content["title"],
        "sections": content["sections"],
        "versions": [_version(v) for v in selectors.versions_of(report)],  # type: ignore[arg-type]
    }


@router.get(
    "/partnerships/{partnership_id}/wheel/{year}",
    response=list[EntryOut],
    summary="The annual wheel: every date of the partnership's year",
)
def wheel(request: HttpRequest, partnership_id: int, year: int) -> list:
    partnership = partnership_for_user(request.user, partnership_id)
    selectors.check_year(year)
    return year_entries(partnership, year)


@router.get(
    "/partnerships/{partnership_id}/council-reports/{year}",
    response=ReportOut,
    summary="The report to the municipal council for a year (a draft until sent)",
)
def report(request: HttpRequest, partnership_id: int, year: int) -> dict:
    partnership = partnership_for_user(request.user, partnership_id)
    return _report(partnership.pk, selectors.report_of(partnership, year))


@router.put(
    "/partnerships/{partnership_id}/council-reports/{year}",
    response=ReportOut,
    summary="Save the leader's texts (revision 0 for the first save)",
)
def report_edit(request: HttpRequest, partnership_id: int, year: int, payload: ReportIn) -> dict:
    partnership = partnership_for_user(request.user, partnership_id, change=True)
    selectors.check_year(year)
    saved = services.report_edit(
        actor=request.user,
        partnership=partnership,
        year=year,
        revision=payload.revision,
        texts=payload.texts,
        due=payload.due,
    )
    return _report(partnership.pk, saved)


@router.post(
    "/partnerships/{partnership_id}/council-reports/{year}/send",
    response={201: VersionOut},
    summary="Send: freeze a new version as DOCX and PDF/A",
)
def report_send(request: HttpRequest, partnership_id: int, year: int) -> Status[dict]:
    partnership = partnership_for_user(request.user, partnership_id, change=True)
    selectors.check_year(year)
    version = services.report_send(actor=request.user, partnership=partnership, year=year)
    return Status(201, _version(version))
