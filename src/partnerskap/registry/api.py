"""The registry in the JSON API: the same selectors, services and access rules as the pages."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from partnerskap.core.api import ClockTime, PageNumberPagination

from . import selectors, services
from .access import access_scope, forget_access_scope
from .models import County, Municipality, Office, Partnership, ServiceArea

router = Router()


class CountyOut(Schema):
    id: int
    uuid: str
    number: str
    name: str
    valid_from: date
    valid_to: date | None


class ServiceAreaOut(Schema):
    id: int
    name: str
    county_id: int
    valid_from: date
    valid_to: date | None


class MunicipalityOut(Schema):
    id: int
    uuid: str
    number: str
    name: str
    county_id: int
    population: int | None
    valid_from: date
    valid_to: date | None
    replaced_by_id: int | None


class MunicipalityIn(Schema):
    number: str
    name: str
    county_id: int
    population: int | None = None
    valid_from: date
    valid_to: date | None = None
    replaced_by_id: int | None = None


class OpeningHoursOut(Schema):
    weekday: int
    opens: ClockTime
    closes: ClockTime
    note: str


class OpeningHoursIn(Schema):
    weekday: int
    opens: ClockTime
    closes: ClockTime
    note: str = ""


class OfficeOut(Schema):
    id: int
    uuid: str
    unit_number: str
    name: str
    county_id: int
    service_area_id: int | None
    visiting_address: str
    postal_address: str
    phone: str
    valid_from: date
    valid_to: date | None


class OfficeDetailOut(OfficeOut):
    opening_hours: list[OpeningHoursOut]


class OwnerOut(Schema):
    kind: str
    county_id: int | None
    municipality_id: int | None
    name: str
    is_host: bool


class PersonOut(Schema):
    id: int
    name: str


class PartnershipOut(Schema):
    id: int
    uuid: str
    name: str
    office_id: int
    model: str
    leader_employer: str
    description: str
    valid_from: date
    valid_to: date | None
    owners: list[OwnerOut]
    leader: PersonOut | None


class PartnershipIn(Schema):
    name: str
    office_id: int
    model: str
    leader_employer: str = ""
    description: str = ""
    valid_from: date
    valid_to: date | None = None
    state_county_id: int | None = None
    municipality_ids: list[int] = []
    host_municipality_id: int | None = None


def _uuid(obj: Model) -> str:
    return str(obj.uuid)


def _county_out(c: County) -> dict:
    return {
        **{f: getattr(c, f) for f in ("id", "number", "name", "valid_from", "valid_to")},
        "uuid": _uuid(c),
    }


def _partnership_out(p: Partnership) -> dict:
    leader = selectors.partnership_leader(p)
    return {
        "id": p.pk,
        "uuid": _uuid(p),
        "name": p.name,
        "office_id": p.office_id,
        "model": p.model,
        "leader_employer": p.leader_employer,
        "description": p.description,
        "valid_from": p.valid_from,
        "valid_to": p.valid_to,
        "owners": [
            {
                "kind": o.kind,
                "county_id": o.county_id,
                "municipality_id": o.municipality_id,
                "name": str(o),
                "is_host": o.is_host,
            }
            for o in p.owners.all()
        ],
        "leader": {"id": leader.pk, "name": leader.display_name} if leader else None,
    }


class _Converted:
    """A queryset whose rows become output dicts only for the page that pagination cuts out.

    Converting the whole list first would read every row (and its prefetches) to return one page.
    """

    def __init__(self, queryset: QuerySet, convert: Callable[[Model], dict]) -> None:
        self._queryset = queryset
        self._convert = convert

    def all(self) -> QuerySet:  # django-ninja counts with `.all().count()`
        return self._queryset

    def __len__(self) -> int:
        return self._queryset.count()

    def __getitem__(self, page: slice) -> list[dict]:
        return [self._convert(obj) for obj in self._queryset[page]]


# The services name model fields; the API's payloads name ids. Errors name what the client sent.
_PAYLOAD_NAMES = {
    "county": "county_id",
    "replaced_by": "replaced_by_id",
    "office": "office_id",
    "state_county": "state_county_id",
    "municipalities": "municipality_ids",
    "host_municipality": "host_municipality_id",
}


@contextmanager
def _in_payload_terms() -> Iterator[None]:
    """Rename the fields of a service's validation errors to the payload's: `office_id`."""
    try:
        yield
    except ValidationError as exc:
        if not hasattr(exc, "error_dict"):
            raise
        renamed = {_PAYLOAD_NAMES.get(f, f): errors for f, errors in exc.error_dict.items()}
        raise ValidationError(renamed) from exc


def _get(queryset: QuerySet, pk: int | None, field: str) -> Model | None:
    """Resolve a referenced id among those the person may name, or a 422 that names the field."""
    if pk is None:
        return None
    obj = queryset.filter(pk=pk).first()
    if obj is None:
        raise ValidationError({field: _("No such object: %(id)s.") % {"id": pk}})
    return obj


# --- reference data -------------------------------------------------------------------------


@router.get("/counties", response=list[CountyOut], summary="Counties")
@paginate(PageNumberPagination)
def county_list(request: HttpRequest) -> _Converted:
    return _Converted(selectors.county_list(), _county_out)


@router.get("/counties/{county_id}", response=CountyOut, summary="One county")
def county_detail(request: HttpRequest, county_id: int) -> dict:
    return _county_out(selectors.county_detail(county_id))


@router.get("/service-areas", response=list[ServiceAreaOut], summary="Service areas")
@paginate(PageNumberPagination)
def service_area_list(request: HttpRequest) -> QuerySet[ServiceArea]:
    return selectors.service_area_list()


@router.get("/service-areas/{area_id}", response=ServiceAreaOut, summary="One service area")
def service_area_detail(request: HttpRequest, area_id: int) -> ServiceArea:
    return selectors.service_area_detail(area_id)


def _municipality_out(m: Municipality) -> dict:
    fields = ("id", "number", "name", "county_id", "population", "valid_from", "valid_to")
    return {
        **{f: getattr(m, f) for f in fields},
        "uuid": _uuid(m),
        "replaced_by_id": m.replaced_by_id,
    }


@router.get("/municipalities", response=list[MunicipalityOut], summary="Municipalities")
@paginate(PageNumberPagination)
def municipality_list(request: HttpRequest) -> _Converted:
    return _Converted(selectors.municipality_list(), _municipality_out)


@router.get("/municipalities/{municipality_id}", response=MunicipalityOut)
def municipality_detail(request: HttpRequest, municipality_id: int) -> dict:
    return _municipality_out(selectors.municipality_detail(municipality_id))


def _municipality_fields(payload: MunicipalityIn) -> dict:
    data = payload.dict()
    data["county"] = _get(County.objects.all(), data.pop("county_id"), "county_id")
    data["replaced_by"] = _get(
        Municipality.objects.all(), data.pop("replaced_by_id"), "replaced_by_id"
    )
    return data


@router.post("/municipalities", response={201: MunicipalityOut}, summary="Register a municipality")
def municipality_create(request: HttpRequest, payload: MunicipalityIn) -> Status[dict]:
    selectors.require_reference_change(request.user)
    with _in_payload_terms():
        m = services.municipality_save(actor=request.user, **_municipality_fields(payload))
    return Status(201, _municipality_out(m))


@router.put("/municipalities/{municipality_id}", response=MunicipalityOut)
def municipality_update(
    request: HttpRequest, municipality_id: int, payload: MunicipalityIn
) -> dict:
    selectors.require_reference_change(request.user)
    m = selectors.municipality_detail(municipality_id)
    with _in_payload_terms():
        fields = _municipality_fields(payload)
        m = services.municipality_save(actor=request.user, municipality=m, **fields)
    return _municipality_out(m)


# --- offices --------------------------------------------------------------------------------


def _office_out(o: Office, *, hours: bool = False) -> dict:
    fields = (
        "id",
        "unit_number",
        "name",
        "county_id",
        "service_area_id",
        "visiting_address",
        "postal_address",
        "phone",
        "valid_from",
        "valid_to",
    )
    out = {**{f: getattr(o, f) for f in fields}, "uuid": _uuid(o)}
    if hours:
        out["opening_hours"] = [
            {"weekday": h.weekday, "opens": h.opens, "closes": h.closes, "note": h.note}
            for h in o.opening_hours.all()
        ]
    return out


@router.get("/offices", response=list[OfficeOut], summary="Offices you have access to")
@paginate(PageNumberPagination)
def office_list(request: HttpRequest) -> _Converted:
    return _Converted(selectors.office_list(request.user), _office_out)


@router.get("/offices/{office_id}", response=OfficeDetailOut, summary="One office")
def office_detail(request: HttpRequest, office_id: int) -> dict:
    return _office_out(selectors.office_for_user(request.user, office_id), hours=True)


@router.put(
    "/offices/{office_id}/opening-hours",
    response=OfficeDetailOut,
    summary="Replace an office's opening hours",
)
def office_opening_hours(
    request: HttpRequest, office_id: int, payload: list[OpeningHoursIn]
) -> dict:
    office = selectors.office_for_user(request.user, office_id, change=True)
    days = [h.weekday for h in payload]
    if len(days) != len(set(days)) or any(d < 0 or d > 6 for d in days):
        raise ValidationError({"weekday": _("Give each weekday (0–6) at most once.")})
    hours = [services.DayHours(h.weekday, h.opens, h.closes, h.note) for h in payload]
    services.office_opening_hours_set(actor=request.user, office=office, hours=hours)
    return _office_out(selectors.office_for_user(request.user, office_id), hours=True)


# --- partnerships ---------------------------------------------------------------------------


@router.get(
    "/partnerships", response=list[PartnershipOut], summary="Partnerships you have access to"
)
@paginate(PageNumberPagination)
def partnership_list(request: HttpRequest) -> _Converted:
    return _Converted(selectors.partnership_list(request.user), _partnership_out)


@router.get("/partnerships/{partnership_id}", response=PartnershipOut)
def partnership_detail(request: HttpRequest, partnership_id: int) -> dict:
    return _partnership_out(selectors.partnership_for_user(request.user, partnership_id))


def _partnership_fields(request: HttpRequest, payload: PartnershipIn) -> dict:
    data = payload.dict()
    offices = selectors.office_choices(request.user)
    data["office"] = _get(offices, data.pop("office_id"), "office_id")
    counties = County.objects.all()
    data["state_county"] = _get(counties, data.pop("state_county_id"), "state_county_id")
    data["host_municipality"] = _get(
        Municipality.objects.all(), data.pop("host_municipality_id"), "host_municipality_id"
    )
    ids = data.pop("municipality_ids")
    municipalities = list(Municipality.objects.filter(pk__in=ids))
    if len(municipalities) != len(set(ids)):
        raise ValidationError({"municipality_ids": _("One or more municipalities do not exist.")})
    data["municipalities"] = municipalities
    return data


@router.post("/partnerships", response={201: PartnershipOut}, summary="Create a partnership")
def partnership_create(request: HttpRequest, payload: PartnershipIn) -> Status[dict]:
    if not access_scope(request.user).can_create_partnership:
        raise PermissionDenied
    fields = _partnership_fields(request, payload)
    with _in_payload_terms():
        selectors.require_partnership_owner(request.user, fields["state_county"])
        p = services.partnership_save(actor=request.user, **fields)
    forget_access_scope(request.user)  # the new partnership is now theirs to read
    return Status(201, _partnership_out(selectors.partnership_for_user(request.user, p.pk)))


@router.put("/partnerships/{partnership_id}", response=PartnershipOut)
def partnership_update(request: HttpRequest, partnership_id: int, payload: PartnershipIn) -> dict:
    p = selectors.partnership_for_user(request.user, partnership_id, change=True)
    fields = _partnership_fields(request, payload)
    with _in_payload_terms():
        services.partnership_save(actor=request.user, partnership=p, **fields)
    return _partnership_out(selectors.partnership_for_user(request.user, partnership_id))
