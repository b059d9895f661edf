"""Every write to the registry: one function per use case, transactional, validated, audited."""

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from partnerskap.core.models import RoleKind, User
from partnerskap.core.services import apply, delete, save

from .access import access_scope
from .models import (
    County,
    Municipality,
    Office,
    OpeningHours,
    Owner,
    OwnerKind,
    Partnership,
    PartnershipModel,
    Role,
    ServiceArea,
)

# Security-relevant changes (a partnership changing hands) are logged here as well as in history.
security_log = logging.getLogger("partnerskap.security")


def _assert_no_overlap(
    qs: QuerySet, *, valid_from: date, valid_to: date | None, field: str, message: str
) -> None:
    if qs.overlapping(valid_from, valid_to).exists():
        raise ValidationError({field: message})


# --- reference data -------------------------------------------------------------------------


@transaction.atomic
def county_save(*, actor: User, county: County | None = None, **fields: object) -> County:
    county = apply(county or County(), fields)
    same = County.objects.filter(number=county.number).exclude(pk=county.pk)
    if county.valid_from:
        _assert_no_overlap(
            same,
            valid_from=county.valid_from,
            valid_to=county.valid_to,
            field="valid_from",
            message=_("Another county has this number in an overlapping period."),
        )
    return save(county, actor=actor)


@transaction.atomic
def service_area_save(
    *, actor: User, service_area: ServiceArea | None = None, **fields: object
) -> ServiceArea:
    return save(apply(service_area or ServiceArea(), fields), actor=actor)


@transaction.atomic
def municipality_save(
    *, actor: User, municipality: Municipality | None = None, **fields: object
) -> Municipality:
    municipality = apply(municipality or Municipality(), fields)
    municipality.full_clean()
    same = Municipality.objects.filter(number=municipality.number).exclude(pk=municipality.pk)
    _assert_no_overlap(
        same,
        valid_from=municipality.valid_from,
        valid_to=municipality.valid_to,
        field="valid_from",
        message=_(
            "Municipality number %(number)s is already in use in an overlapping period. "
            "End the earlier municipality's validity first."
        )
        % {"number": municipality.number},
    )
    return save(municipality, actor=actor)


@transaction.atomic
def office_save(*, actor: User, office: Office | None = None, **fields: object) -> Office:
    # From the database: a ModelForm has already put the new county on the instance.
    current_county = (
        Office.objects.filter(pk=office.pk).values_list("county_id", flat=True).first()
        if office is not None and office.pk
        else None
    )
    office = apply(office or Office(), fields)
    office.full_clean()
    _guard_office_county(actor, office, current_county)
    same = Office.objects.filter(unit_number=office.unit_number).exclude(pk=office.pk)
    _assert_no_overlap(
        same,
        valid_from=office.valid_from,
        valid_to=office.valid_to,
        field="valid_from",
        message=_(
            "Unit number %(number)s is already in use in an overlapping period. "
            "End the earlier office's validity first."
        )
        % {"number": office.unit_number},
    )
    return save(office, actor=actor)


def _guard_office_county(actor: User, office: Office, current_county: int | None) -> None:
    """An office's county is the state side's: only the state owner of its current county, or
    an administrator, moves it to another; its service area lies in its own county."""
    if current_county is not None and office.county_id != current_county:
        if not access_scope(actor).can_create_partnership_in(current_county):
            raise ValidationError(
                {
                    "county": _(
                        "Only the state owner of the office's current NAV county, or an "
                        "administrator, can move the office to another county."
                    )
                },
                code="office_county_forbidden",
            )
        security_log.warning(
            "Office %s moved from county %s to county %s by user %s",
            office.pk,
            current_county,
            office.county_id,
            actor.pk,
        )
    if office.service_area is not None and office.service_area.county_id != office.county_id:
        raise ValidationError(
            {
                "service_area": _(
                    "The service area %(area)s belongs to another county than the office."
                )
                % {"area": office.service_area.name}
            },
            code="service_area_county",
        )


@dataclass(frozen=True)
class DayHours:
    weekday: int
    opens: time
    closes: time
    note: str = ""


@transaction.atomic
def office_opening_hours_set(*, actor: User, office: Office, hours: Iterable[DayHours]) -> None:
    """Replace the office's opening hours; days left out become closed. Unchanged days stay."""
    wanted = {h.weekday: h for h in hours}
    errors = {}
    for h in wanted.values():
        if h.closes <= h.opens:
            errors[f"day_{h.weekday}"] = _("Closing time must be after opening time.")
    if errors:
        raise ValidationError(errors)
    existing = {
        oh.weekday: oh for oh in OpeningHours.objects.select_for_update().filter(office=office)
    }
    for weekday, row in existing.items():
        if weekday not in wanted:
            delete(row, actor=actor)
    for weekday, h in wanted.items():
        row = existing.get(weekday)
        if row and (row.opens, row.closes, row.note) == (h.opens, h.closes, h.note):
            continue
        row = row or OpeningHours(office=office, weekday=weekday)
        save(apply(row, {"opens": h.opens, "closes": h.closes, "note": h.note}), actor=actor)


# --- partnerships ---------------------------------------------------------------------------


def _validate_owners(
    *,
    model: str,
    state_county: County | None,
    municipalities: list[Municipality],
    host: Municipality | None,
) -> None:
    errors: dict[str, str] = {}
    if state_county is None:
        errors["state_county"] = _(
            "A partnership must have the state as owner: choose the NAV county."
        )
    if not municipalities:
        errors["municipalities"] = _("A partnership must have at least one municipality as owner.")
    if model == PartnershipModel.HOST:
        if host is None:
            errors["host_municipality"] = _("Choose which municipality is the host.")
        elif host not in municipalities:
            errors["host_municipality"] = _("The host must be one of the owner municipalities.")
        if len(municipalities) < 2:
            errors["municipalities"] = _(
                "A host-municipality partnership needs the host and at least one member."
            )
    elif model == PartnershipModel.SINGLE and len(municipalities) > 1:
        errors["municipalities"] = _(
            "A single-municipality partnership has exactly one municipality."
        )
    if errors:
        raise ValidationError(errors)


def _set_owners(
    partnership: Partnership,
    *,
    actor: User,
    state_county: County,
    municipalities: list[Municipality],
    host: Municipality | None,
) -> None:
    for owner in Owner.objects.filter(partnership=partnership):
        delete(owner, actor=actor)
    save(Owner(partnership=partnership, kind=OwnerKind.STATE, county=state_county), actor=actor)
    for municipality in municipalities:
        owner = Owner(
            partnership=partnership,
            kind=OwnerKind.MUNICIPALITY,
            municipality=municipality,
            is_host=host is not None and municipality.pk == host.pk,
        )
        save(owner, actor=actor)


def _guard_state_owner(actor: User, partnership: Partnership, state_county: County | None) -> None:
    """The state owner decides who reads and changes a partnership on the state side, so only
    the state side changes it: the state owner of the current county, or an administrator.
    Otherwise a NAV leader could hand their partnership to another county's director."""
    if partnership.pk is None or state_county is None:
        return
    current = (
        Owner.objects.filter(partnership=partnership, kind=OwnerKind.STATE)
        .values_list("county_id", flat=True)
        .first()
    )
    if current == state_county.pk:
        return
    if current is not None and not access_scope(actor).can_create_partnership_in(current):
        raise ValidationError(
            {
                "state_county": _(
                    "Only the state owner of the partnership's current NAV county, or an "
                    "administrator, can change its state owner."
                )
            },
            code="state_owner_forbidden",
        )
    security_log.warning(
        "State owner of partnership %s changed from county %s to county %s by user %s",
        partnership.pk,
        current,
        state_county.pk,
        actor.pk,
    )


@transaction.atomic
def partnership_save(
    *,
    actor: User,
    partnership: Partnership | None = None,
    state_county: County | None,
    municipalities: list[Municipality],
    host_municipality: Municipality | None = None,
    **fields: object,
) -> Partnership:
    """Create or change a partnership together with its owners; all or nothing."""
    if partnership is not None:
        _guard_state_owner(actor, partnership, state_county)
    partnership = apply(partnership or Partnership(), fields)
    errors: dict[str, list[str]] = {}
    try:
        partnership.full_clean()
    except ValidationError as exc:
        errors.update(exc.message_dict)
    try:
        _validate_owners(
            model=partnership.model,
            state_county=state_county,
            municipalities=municipalities,
            host=host_municipality,
        )
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    save(partnership, actor=actor)
    _set_owners(
        partnership,
        actor=actor,
        state_county=state_county,  # type: ignore[arg-type]
        municipalities=municipalities,
        host=host_municipality if partnership.model == PartnershipModel.HOST else None,
    )
    return partnership


@transaction.atomic
def role_assign(
    *,
    actor: User,
    person: User,
    kind: str,
    valid_from: date,
    valid_to: date | None = None,
    partnership: Partnership | None = None,
    county: County | None = None,
) -> Role:
    same = Role.objects.filter(person=person, kind=kind, partnership=partnership, county=county)
    _assert_no_overlap(
        same,
        valid_from=valid_from,
        valid_to=valid_to,
        field="valid_from",
        message=_("The person already has this role in an overlapping period."),
    )
    if kind == RoleKind.NAV_LEADER and partnership is not None:
        leaders = Role.objects.filter(kind=kind, partnership=partnership).exclude(person=person)
        _assert_no_overlap(
            leaders,
            valid_from=valid_from,
            valid_to=valid_to,
            field="valid_from",
            message=_("The office already has a NAV leader in this period. End that role first."),
        )
    role = Role(
        person=person,
        kind=kind,
        valid_from=valid_from,
        valid_to=valid_to,
        partnership=partnership,
        county=county,
    )
    return save(role, actor=actor)
