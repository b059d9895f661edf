"""The reception app in the JSON API: same access functions, selectors and services as the pages."""

import base64
import binascii
from datetime import date
from fractions import Fraction

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate

from partnerskap.meetings import services as meeting_services
from partnerskap.meetings.models import AgendaItem

from . import analysis as core
from . import presentation, selectors, services
from .documents import pdf_name, scenario_pdf
from .models import Location, Scenario, VisitSource
from .schemas import (
    AttachIn,
    AttachOut,
    ChangeIn,
    HoursIn,
    LocationIn,
    LocationOut,
    LocationPut,
    OfficeAnalysisOut,
    ScenarioIn,
    ScenarioOut,
    ScenarioPatch,
    ScenarioSummaryOut,
    TotalsIn,
    TotalsOut,
    VisitIn,
    VisitOut,
)

router = Router()


# --- schemas --------------------------------------------------------------------------------


class ImportIn(Schema):
    file_name: str = Field(description="The file's name, for messages.")
    content: str = Field(description="A CSV (UTF-8) or XLSX file, base64-encoded.")


class ImportOut(Schema):
    id: int
    file_name: str
    status: str
    visits: int
    outside_hours_rows: list[int]
    first_day: date | None
    last_day: date | None


class ConfirmIn(Schema):
    keep_outside_hours: bool = False


class ConfirmOut(Schema):
    imported: int


class ConflictOut(Schema):
    detail: str


# --- helpers --------------------------------------------------------------------------------


def _float(value: object) -> float | None:
    if value is None:
        return None
    return float(core.to_decimal(Fraction(value), 2))  # type: ignore[arg-type]


def _figures(result: object, rows: list[presentation.Row]) -> list[dict]:
    return [
        {
            "key": row.key,
            "label": row.label,
            "value": _float(getattr(result, row.key)),
            "shown": row.value,
            "inputs": [list(pair) for pair in row.inputs],
        }
        for row in rows
    ]


def _location(location: Location) -> dict:
    return {
        **{f: getattr(location, f) for f in ("id", "office_id", "name", "kind", "address")},
        "staff_on_duty": location.staff_on_duty,
        "travelling_staff": location.travelling_staff,
        "travel_hours": location.travel_hours,
        "revision": location.revision,
        "hours": [
            {"weekday": h.weekday, "opens": h.opens, "closes": h.closes}
            for h in location.hours.all()
        ],
    }


def _analysis(item: selectors.LocationAnalysis) -> dict | None:
    if item.analysis is None:
        return None
    return {
        "location_id": item.location.pk,
        "location": item.location.name,
        "basis": item.analysis.basis,
        "basis_first": item.basis_first,
        "basis_last": item.basis_last,
        "basis_days": item.basis_days,
        "figures": _figures(item.analysis, presentation.analysis_rows(item.analysis)),
        "by_hour": [[b.hour, b.inside, b.outside] for b in selectors.hour_bars(item.analysis)],
    }


def _scenario(scenario: Scenario) -> dict:
    outcome = selectors.scenario_outcome(scenario)
    plan = outcome.plan
    return {
        **{f: getattr(scenario, f) for f in ("id", "office_id", "name", "first_day", "last_day")},
        "open_weeks": scenario.open_weeks,
        "revision": scenario.revision,
        "changes": [
            {
                "id": row.change.pk,
                "location_id": row.change.location_id,
                "location": row.change.location.name,
                "kind": row.change.kind,
                "figures": _figures(row.result, presentation.scenario_rows(row.result)),
                "assumptions": [list(a) for a in presentation.assumption_rows(row.result)],
            }
            for row in outcome.rows
        ],
        "staff_hours_saved": _float(plan.staff_hours_saved) if plan else None,
        "travel_hours_saved": _float(plan.travel_hours_saved) if plan else None,
        "visits_affected": _float(plan.visits_affected) if plan else None,
    }


def _office_location(office_id: int, pk: int | None, field: str) -> Location | None:
    if pk is None:
        return None
    location = Location.objects.filter(pk=pk, office_id=office_id).first()
    if location is None:
        raise ValidationError({field: _("No such location at this office: %(id)s.") % {"id": pk}})
    return location


# --- locations, hours, visits, totals -------------------------------------------------------


@router.get(
    "/offices/{office_id}/reception/locations",
    response=list[LocationOut],
    summary="The office's reception locations",
)
def location_list(request: HttpRequest, office_id: int) -> list[dict]:
    office = selectors.office_for_user(request.user, office_id)
    return [_location(loc) for loc in selectors.office_locations(office)]


@router.post(
    "/offices/{office_id}/reception/locations",
    response={201: LocationOut},
    summary="Add a reception location",
)
def location_create(request: HttpRequest, office_id: int, payload: LocationIn) -> Status:
    office = selectors.office_for_user(request.user, office_id, change=True)
    location = services.location_create(actor=request.user, office=office, **payload.dict())
    location = selectors.location_for_user(request.user, location.pk)
    return Status(201, _location(location))


@router.get("/reception/locations/{location_id}", response=LocationOut, summary="A location")
def location_detail(request: HttpRequest, location_id: int) -> dict:
    return _location(selectors.location_for_user(request.user, location_id))


@router.put(
    "/reception/locations/{location_id}",
    response={200: LocationOut, 409: ConflictOut},
    summary="Change a location (a stale revision answers 409)",
)
def location_update(request: HttpRequest, location_id: int, payload: LocationPut) -> dict:
    location = selectors.location_for_user(request.user, location_id, change=True)
    fields = payload.dict()
    revision = fields.pop("revision")
    services.location_update(actor=request.user, location=location, revision=revision, **fields)
    return _location(selectors.location_for_user(request.user, location_id))


@router.put(
    "/reception/locations/{location_id}/hours",
    response={200: LocationOut, 409: ConflictOut},
    summary="Replace a location's walk-in hours",
)
def location_hours(request: HttpRequest, location_id: int, payload: HoursIn) -> dict:
    location = selectors.location_for_user(request.user, location_id, change=True)
    services.location_hours_set(
        actor=request.user,
        location=location,
        hours=[services.Interval(h.weekday, h.opens, h.closes) for h in payload.hours],
        revision=payload.revision,
    )
    return _location(selectors.location_for_user(request.user, location_id))


@router.post(
    "/reception/locations/{location_id}/visits",
    response={201: VisitOut},
    summary="Register a visit (outside walk-in hours only with keep_outside_hours)",
)
def visit_create(request: HttpRequest, location_id: int, payload: VisitIn) -> Status:
    location = selectors.location_for_user(request.user, location_id, change=True)
    visit = services.visit_register(
        actor=request.user, location=location, source=VisitSource.API, **payload.dict()
    )
    return Status(201, visit)


@router.post(
    "/reception/locations/{location_id}/totals",
    response={201: TotalsOut},
    summary="Add counted totals",
)
def totals_create(request: HttpRequest, location_id: int, payload: TotalsIn) -> Status:
    location = selectors.location_for_user(request.user, location_id, change=True)
    return Status(201, services.totals_add(actor=request.user, location=location, **payload.dict()))


# --- imports: preview, then confirm ------------------------------------------------------


def _preview(visit_import, parsed) -> dict:
    days = [v.day for v in parsed.visits]
    return {
        "id": visit_import.pk,
        "file_name": visit_import.file_name,
        "status": visit_import.status,
        "visits": len(parsed.visits),
        "outside_hours_rows": [v.row for v in parsed.outside],
        "first_day": min(days) if days else None,
        "last_day": max(days) if days else None,
    }


@router.post(
    "/offices/{office_id}/reception/imports",
    response={201: ImportOut},
    summary="Check a file of visits; nothing is imported until it is confirmed",
)
def import_create(request: HttpRequest, office_id: int, payload: ImportIn) -> Status:
    office = selectors.office_for_user(request.user, office_id, change=True)
    try:
        content = base64.b64decode(payload.content, validate=True)
    except (binascii.Error, ValueError):
        raise ValidationError(
            {"content": _("“%(name)s” is not valid base64.") % {"name": payload.file_name}}
        ) from None
    upload = SimpleUploadedFile(payload.file_name, content)
    visit_import, parsed = services.import_preview(actor=request.user, office=office, file=upload)
    return Status(201, _preview(visit_import, parsed))


@router.post(
    "/reception/imports/{visit_import_id}/confirm",
    response=ConfirmOut,
    summary="Import a checked file, all or nothing",
)
def import_confirm(request: HttpRequest, visit_import_id: int, payload: ConfirmIn) -> dict:
    visit_import = selectors.import_for_user(request.user, visit_import_id, change=True)
    count = services.import_confirm(
        actor=request.user,
        visit_import=visit_import,
        keep_outside_hours=payload.keep_outside_hours,
    )
    return {"imported": count}


# --- analysis and scenarios -----------------------------------------------------------------


@router.get(
    "/offices/{office_id}/reception/analysis",
    response=OfficeAnalysisOut,
    summary="The analysis of every location (or one) over a period (default: the data's)",
)
def office_analysis(
    request: HttpRequest,
    office_id: int,
    first_day: date | None = None,
    last_day: date | None = None,
    location_id: int | None = None,
) -> dict:
    office = selectors.office_for_user(request.user, office_id)
    locations = selectors.office_locations(office)
    if location_id is not None:
        locations = [loc for loc in locations if loc.pk == location_id]
    span = selectors.data_period([loc.pk for loc in locations])
    first = first_day or (span[0] if span else None)
    last = last_day or (span[1] if span else None)
    if first is None or last is None:
        return {"first_day": None, "last_day": None, "locations": []}
    if last < first:
        raise ValidationError({"last_day": _("The last day must not be before the first day.")})
    items = [_analysis(a) for a in selectors.analyse_locations(locations, first, last)]
    return {"first_day": first, "last_day": last, "locations": [i for i in items if i]}


@router.get(
    "/offices/{office_id}/reception/scenarios",
    response=list[ScenarioSummaryOut],
    summary="The office's saved scenarios (each with its figures at its own route)",
)
@paginate(PageNumberPagination)
def scenario_list(request: HttpRequest, office_id: int) -> QuerySet[Scenario]:
    office = selectors.office_for_user(request.user, office_id)
    return selectors.scenario_list(office)


@router.post(
    "/offices/{office_id}/reception/scenarios",
    response={201: ScenarioOut},
    summary="Save a scenario",
)
def scenario_create(request: HttpRequest, office_id: int, payload: ScenarioIn) -> Status:
    office = selectors.office_for_user(request.user, office_id, change=True)
    scenario = services.scenario_create(actor=request.user, office=office, **payload.dict())
    return Status(201, _scenario(selectors.scenario_for_user(request.user, scenario.pk)))


@router.get("/reception/scenarios/{scenario_id}", response=ScenarioOut, summary="A scenario")
def scenario_detail(request: HttpRequest, scenario_id: int) -> dict:
    return _scenario(selectors.scenario_for_user(request.user, scenario_id))


@router.patch(
    "/reception/scenarios/{scenario_id}",
    response={200: ScenarioOut, 409: ConflictOut},
    summary="Change a scenario's assumptions (a stale revision answers 409)",
)
def scenario_update(request: HttpRequest, scenario_id: int, payload: ScenarioPatch) -> dict:
    scenario = selectors.scenario_for_user(request.user, scenario_id, change=True)
    fields = payload.dict(exclude_unset=True)
    revision = fields.pop("revision")
    services.scenario_update(actor=request.user, scenario=scenario, revision=revision, **fields)
    return _scenario(selectors.scenario_for_user(request.user, scenario_id))


@router.post(
    "/reception/scenarios/{scenario_id}/changes",
    response={201: ScenarioOut},
    summary="Add (or replace) the change at one location",
)
def change_create(request: HttpRequest, scenario_id: int, payload: ChangeIn) -> Status:
    scenario = selectors.scenario_for_user(request.user, scenario_id, change=True)
    fields = payload.dict()
    location = _office_location(scenario.office_id, fields.pop("location_id"), "location_id")
    other = _office_location(
        scenario.office_id, fields.pop("other_location_id"), "other_location_id"
    )
    services.change_add(
        actor=request.user, scenario=scenario, location=location, other_location=other, **fields
    )
    return Status(201, _scenario(selectors.scenario_for_user(request.user, scenario_id)))


@router.post(
    "/reception/scenarios/{scenario_id}/attach",
    response={201: AttachOut},
    summary="Attach the scenario's PDF to an agenda item of a meeting you run",
)
def scenario_attach(request: HttpRequest, scenario_id: int, payload: AttachIn) -> Status:
    scenario = selectors.scenario_for_user(request.user, scenario_id, change=True)
    item: AgendaItem | None = (
        selectors.attach_targets(request.user, scenario.office).filter(pk=payload.item_id).first()
    )
    if item is None:
        raise ValidationError(
            {
                "item_id": _("No open agenda item %(id)s of a meeting you run for this office.")
                % {"id": payload.item_id}
            }
        )
    outcome = selectors.scenario_outcome(scenario)
    attachment = meeting_services.attachment_add(
        actor=request.user,
        item=item,
        file=ContentFile(scenario_pdf(outcome), name=pdf_name(outcome)),
        title=payload.title or scenario.name,
    )
    return Status(
        201, {"attachment_id": attachment.pk, "item_id": item.pk, "title": attachment.title}
    )
