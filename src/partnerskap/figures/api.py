"""The figures app in the JSON API: same access functions, selectors and services as the pages.

Every figure leaves through the selectors, suppressed: a hidden count is the string ":".
"""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from partnerskap.core.api import UploadIn
from partnerskap.registry.selectors import partnership_for_user

from . import catalogue, columns, selectors, services
from .content import report_content
from .models import ImportBatch, Level
from .periods import PeriodError, parse_period

router = Router()


class IndicatorOut(Schema):
    code: str
    name: str
    definition: str
    unit: str
    level: str
    source: str
    numerator: str | None
    denominator: str | None


class RowOut(Schema):
    label: str
    own_office: bool
    total: bool
    values: dict[str, int | float | str | None]


class TableOut(Schema):
    threshold: int
    period: str | None
    columns: list[str]
    rows: list[RowOut]


class ComparedOut(Schema):
    indicator: str
    before: int | float | str | None
    after: int | float | str | None
    change: int | float | str | None
    per_cent: int | float | str | None


class ComparisonOut(Schema):
    before: str
    after: str
    figures: list[ComparedOut]


class ImportIn(UploadIn):
    source: str
    extracted_on: date
    period: str = ""
    # file column name → the table column to read it as (a key of `choices`), "" to skip it
    mapping: dict[str, str] | None = None


class ColumnOut(Schema):
    column: str
    key: str
    read_as: str


class ChoiceOut(Schema):
    key: str
    name: str


class RememberedOut(Schema):
    by: str
    on: date


class ImportOut(Schema):
    id: int
    file_name: str
    kind: str
    table: str
    status: str
    revision: int
    flagged_rows: int
    created_at: datetime
    rows: list[dict]
    mapping: list[ColumnOut]
    choices: list[ChoiceOut]
    certain: bool
    remembered: RememberedOut | None


class MappingIn(Schema):
    revision: int
    mapping: dict[str, str]


class CommitIn(Schema):
    revision: int


class CommitOut(Schema):
    written: int


class ConflictOut(Schema):
    detail: str


class BlockOut(Schema):
    title: str
    headers: list[str]
    rows: list[list[str]]


class SectionOut(Schema):
    kind: str
    label: str
    text: str
    blocks: list[BlockOut]


class ReportOut(Schema):
    id: int
    title: str
    frozen_at: datetime | None
    sections: list[SectionOut]


def _number(value):
    if value is None or isinstance(value, str):
        return value
    return int(value) if value == int(value) else float(value)


def _table(table, period=None) -> dict:
    codes = [c.code for c in table.columns]
    return {
        "threshold": table.threshold,
        "period": period.code if period else None,
        "columns": codes,
        "rows": [
            {
                "label": row.label if not row.total else "sum",
                "own_office": row.highlight,
                "total": row.total,
                "values": {
                    code: _number(cell) for code, cell in zip(codes, row.cells, strict=False)
                },
            }
            for row in table.rows
        ],
    }


def _period(text: str, field: str, partnership=None, skip: int = 0):
    """The period named, or with none given the latest with the office's figures."""
    if not text and partnership is not None:
        periods = selectors.observed_periods(partnership, Level.OFFICE)
        if len(periods) > skip:
            return periods[skip]
        raise ValidationError({field: _("There are no figures for this period.")})
    try:
        return parse_period(text)
    except PeriodError as exc:
        raise ValidationError({field: str(exc)}) from None


@router.get("/figures/indicators", response=list[IndicatorOut], summary="The indicator catalogue")
def indicator_list(request: HttpRequest):
    return [
        {
            "code": i.code,
            "name": catalogue.label(i),
            "definition": catalogue.definition(i),
            "unit": i.unit,
            "level": i.level,
            "source": i.source,
            "numerator": i.numerator.code if i.numerator else None,
            "denominator": i.denominator.code if i.denominator else None,
        }
        for i in selectors.indicators()
    ]


@router.get(
    "/partnerships/{partnership_id}/figures",
    response=TableOut,
    summary="The partnership's office over time",
)
def office_figures(request: HttpRequest, partnership_id: int, codes: str = ""):
    partnership = partnership_for_user(request.user, partnership_id)
    every = selectors.indicators()
    wanted = [i for i in every if i.code in codes.split(",")] if codes else every
    office = partnership.office
    return _table(selectors.office_over_time(partnership, office, wanted, every))


@router.get(
    "/partnerships/{partnership_id}/figures/areas",
    response=TableOut,
    summary="The office against its county and the country in one period",
)
def area_figures(request: HttpRequest, partnership_id: int, period: str = ""):
    partnership = partnership_for_user(request.user, partnership_id)
    every = selectors.indicators()
    chosen = _period(period, "period", partnership)
    table = selectors.area_comparison(partnership, partnership.office, chosen, every, every)
    return _table(table, chosen)


@router.get(
    "/partnerships/{partnership_id}/figures/county",
    response=TableOut,
    summary="Every office of the county in one period, with the sum",
)
def county_figures(request: HttpRequest, partnership_id: int, period: str = ""):
    partnership = partnership_for_user(request.user, partnership_id)
    every = selectors.indicators()
    chosen = _period(period, "period", partnership)
    county = partnership.office.county
    return _table(selectors.county_table(partnership, county, chosen, every, every), chosen)


@router.get(
    "/partnerships/{partnership_id}/figures/comparison",
    response=ComparisonOut,
    summary="The office's figures in two periods, with change and per cent change",
)
def period_figures(request: HttpRequest, partnership_id: int, before: str = "", after: str = ""):
    partnership = partnership_for_user(request.user, partnership_id)
    every = selectors.indicators()
    first = _period(before, "before", partnership, skip=1)
    second = _period(after, "after", partnership)
    figures = selectors.period_comparison(
        partnership, Level.OFFICE, partnership.office_id, first, second, every, every
    )
    return {
        "before": first.code,
        "after": second.code,
        "figures": [
            {
                "indicator": f.indicator.code,
                "before": _number(f.before),
                "after": _number(f.after),
                "change": _number(f.change),
                "per_cent": _number(f.per_cent),
            }
            for f in figures
            if f.before is not None or f.after is not None
        ],
    }


def _import_out(batch: ImportBatch) -> dict:
    return {
        "id": batch.pk,
        "file_name": batch.file_name,
        "kind": batch.kind,
        "table": batch.table,
        "status": batch.status,
        "revision": batch.revision,
        "flagged_rows": batch.flagged_rows,
        "created_at": batch.created_at,
        "rows": batch.preview.get("rows", []),
        **columns.described(batch),
    }


@router.post(
    "/partnerships/{partnership_id}/figures/imports",
    response={201: ImportOut},
    summary="Upload a file: checked and kept as a preview",
)
def import_create(request: HttpRequest, partnership_id: int, payload: ImportIn):
    partnership = partnership_for_user(request.user, partnership_id, change=True)
    batch = services.import_preview(
        actor=request.user,
        partnership=partnership,
        file=ContentFile(payload.content(), name=payload.file_name),
        source=payload.source,
        extracted_on=payload.extracted_on,
        period_text=payload.period,
        changes=payload.mapping,
    )
    return Status(201, _import_out(batch))


@router.get(
    "/partnerships/{partnership_id}/figures/imports/{import_id}",
    response=ImportOut,
    summary="One import with its preview",
)
def import_detail(request: HttpRequest, partnership_id: int, import_id: int):
    partnership = partnership_for_user(request.user, partnership_id)
    return _import_out(selectors.batch_for_user(request.user, partnership, import_id))


@router.post(
    "/partnerships/{partnership_id}/figures/imports/{import_id}/mapping",
    response={200: ImportOut, 409: ConflictOut},
    summary="Read some of a previewed file's columns as other columns of its table",
)
def import_mapping(request: HttpRequest, partnership_id: int, import_id: int, payload: MappingIn):
    partnership = partnership_for_user(request.user, partnership_id, change=True)
    batch = selectors.batch_for_user(request.user, partnership, import_id)
    changed = services.import_remap(
        actor=request.user, batch=batch, revision=payload.revision, changes=payload.mapping
    )
    return _import_out(changed)


@router.post(
    "/partnerships/{partnership_id}/figures/imports/{import_id}/commit",
    response={200: CommitOut, 409: ConflictOut},
    summary="Save a previewed import's figures (all or nothing)",
)
def import_commit(request: HttpRequest, partnership_id: int, import_id: int, payload: CommitIn):
    partnership = partnership_for_user(request.user, partnership_id, change=True)
    batch = selectors.batch_for_user(request.user, partnership, import_id)
    written = services.import_commit(actor=request.user, batch=batch, revision=payload.revision)
    return {"written": written}


@router.get("/status-reports/{report_id}", response=ReportOut, summary="A status report, live")
def report_detail(request: HttpRequest, report_id: int):
    report = selectors.report_for_user(request.user, report_id)
    sections = report_content(report, report.partnership.office)
    return {
        "id": report.pk,
        "title": report.title,
        "frozen_at": report.frozen_at,
        "sections": [
            {
                "kind": s.kind,
                "label": s.label,
                "text": s.text,
                "blocks": [
                    {"title": b.title, "headers": b.headers, "rows": b.rows} for b in s.blocks
                ],
            }
            for s in sections
        ],
    }
