"""Locations of an office and their walk-in hours."""

from dataclasses import dataclass
from datetime import time
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from partnerskap.core.models import User
from partnerskap.core.services import claim_revision, save
from partnerskap.registry.models import Office

from .. import analysis as core
from ..models import Location, LocationKind, WalkInHours
from ._common import core_error

LOCATION_FIELDS = ("name", "kind", "address", "staff_on_duty", "travelling_staff", "travel_hours")


@dataclass(frozen=True)
class Interval:
    weekday: int
    opens: time
    closes: time


def _unique_name(office: Office, name: str, exclude: int | None = None) -> None:
    qs = Location.objects.filter(office=office, name__iexact=name.strip())
    if exclude is not None:
        qs = qs.exclude(pk=exclude)
    if qs.exists():
        raise ValidationError(
            {"name": _("The office already has a location called “%(name)s”.") % {"name": name}}
        )


@transaction.atomic
def location_create(
    *,
    actor: User,
    office: Office,
    name: str,
    kind: str = LocationKind.BRANCH,
    address: str = "",
    staff_on_duty: int = 1,
    travelling_staff: int = 0,
    travel_hours: Decimal = Decimal(0),
) -> Location:
    _unique_name(office, name)
    location = Location(
        office=office,
        name=name.strip(),
        kind=kind,
        address=address,
        staff_on_duty=staff_on_duty,
        travelling_staff=travelling_staff,
        travel_hours=travel_hours,
    )
    _check_staff(location)
    return save(location, actor=actor)


@transaction.atomic
def location_update(
    *, actor: User, location: Location, revision: int | None, **fields: object
) -> Location:
    """Change a location's details; a stale `revision` raises ConflictError (nothing saved)."""
    new_revision = claim_revision(Location, location.pk, revision)
    unknown = set(fields) - set(LOCATION_FIELDS)
    if unknown:
        raise TypeError(f"not location fields: {sorted(unknown)}")
    if "name" in fields:
        _unique_name(location.office, str(fields["name"]), exclude=location.pk)
    for name, value in fields.items():
        setattr(location, name, value)
    location.revision = new_revision
    _check_staff(location)
    return save(location, actor=actor)


def _check_staff(location: Location) -> None:
    if location.travelling_staff > location.staff_on_duty:
        raise ValidationError(
            {"travelling_staff": _("More staff cannot travel there than are on duty.")}
        )


@transaction.atomic
def location_hours_set(
    *, actor: User, location: Location, hours: list[Interval], revision: int | None = None
) -> list[WalkInHours]:
    """Replace the location's walk-in hours; overlapping intervals on one weekday are refused."""
    claim_revision(Location, location.pk, revision)
    for index, interval in enumerate(hours):
        if interval.closes <= interval.opens:
            raise ValidationError(
                {
                    "hours": _("Line %(line)s: the closing time must be after the opening time.")
                    % {"line": index + 1}
                }
            )
    try:
        core.Location(
            location.name,
            tuple(core.OpeningHours(h.weekday, h.opens, h.closes) for h in hours),
            staff_on_duty=location.staff_on_duty,
        )
    except core.ReceptionInputError as exc:
        raise core_error(exc, default_field="hours") from None
    location.hours.all().delete()
    rows = []
    for interval in hours:
        row = WalkInHours(
            location=location,
            weekday=interval.weekday,
            opens=interval.opens,
            closes=interval.closes,
        )
        rows.append(save(row, actor=actor))
    location.refresh_from_db(fields=["revision"])
    return rows
