"""The reception API's request and response shapes (the imports' shapes live with their routes)."""

from datetime import date, time
from decimal import Decimal

from ninja import Schema

from .models import ChangeKind, LocationKind


class IntervalIO(Schema):
    weekday: int
    opens: time
    closes: time


class LocationIn(Schema):
    name: str
    kind: LocationKind = LocationKind.BRANCH
    address: str = ""
    staff_on_duty: int = 1
    travelling_staff: int = 0
    travel_hours: Decimal = Decimal(0)


class LocationPut(LocationIn):
    revision: int


class LocationOut(Schema):
    id: int
    office_id: int
    name: str
    kind: str
    address: str
    staff_on_duty: int
    travelling_staff: int
    travel_hours: Decimal
    revision: int
    hours: list[IntervalIO]


class HoursIn(Schema):
    revision: int | None = None
    hours: list[IntervalIO]


class VisitIn(Schema):
    day: date
    arrival: time
    minutes: int
    keep_outside_hours: bool = False


class VisitOut(Schema):
    id: int
    location_id: int
    day: date
    arrival: time
    minutes: int
    outside_hours: bool


class TotalsIn(Schema):
    first_day: date
    last_day: date
    days_observed: int
    visits: int
    minutes_with_visitors: int
    opening_hours: Decimal | None = None
    note: str = ""


class TotalsOut(TotalsIn):
    id: int
    location_id: int


class Figure(Schema):
    key: str
    label: str
    value: float | None
    shown: str
    inputs: list[list[str]]


class AnalysisOut(Schema):
    location_id: int
    location: str
    basis: str
    basis_first: date | None = None
    basis_last: date | None = None
    basis_days: int = 0
    figures: list[Figure]
    by_hour: list[list[int]]


class OfficeAnalysisOut(Schema):
    first_day: date | None
    last_day: date | None
    locations: list[AnalysisOut]


class ScenarioIn(Schema):
    name: str
    first_day: date
    last_day: date
    open_weeks: int


class ScenarioPatch(Schema):
    revision: int
    name: str | None = None
    first_day: date | None = None
    last_day: date | None = None
    open_weeks: int | None = None


class ChangeIn(Schema):
    location_id: int
    kind: ChangeKind
    from_time: time | None = None
    to_time: time | None = None
    weekdays: list[int] = []
    percent_to_other_location: int = 0
    other_location_id: int | None = None
    percent_to_appointments: int = 0
    minutes_per_appointment: int | None = None


class ChangeOut(Schema):
    id: int
    location_id: int
    location: str
    kind: str
    figures: list[Figure]
    assumptions: list[list[str]]


class ScenarioSummaryOut(Schema):
    id: int
    office_id: int
    name: str
    first_day: date
    last_day: date
    open_weeks: int
    revision: int


class ScenarioOut(Schema):
    id: int
    office_id: int
    name: str
    first_day: date
    last_day: date
    open_weeks: int
    revision: int
    changes: list[ChangeOut]
    staff_hours_saved: float | None
    travel_hours_saved: float | None
    visits_affected: float | None


class AttachIn(Schema):
    item_id: int
    title: str = ""


class AttachOut(Schema):
    attachment_id: int
    item_id: int
    title: str
