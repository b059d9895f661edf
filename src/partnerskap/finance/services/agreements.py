"""Operating agreements, their periods, member keys and special services (C4).

Every write takes the caller's `revision` (optimistic locking, as in meetings); invalid input
raises ValidationError naming the field, with nothing saved.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from partnerskap.core.errors import ConflictError
from partnerskap.core.models import User
from partnerskap.core.services import bump_revision, claim_revision, delete, save
from partnerskap.registry.models import Municipality, OwnerKind, Partnership

from .. import cost_sharing as cs
from ..models import (
    AgreementPeriod,
    HostKeyChoice,
    MemberWeight,
    OperatingAgreement,
    SpecialService,
)

__all__ = [
    "ConflictError",
    "agreement_create",
    "agreement_update",
    "member_municipalities",
    "member_weights_set",
    "period_create",
    "period_update",
    "special_service_add",
    "special_service_remove",
]

AGREEMENT_FIELDS = ("title", "leader_key", "host_key", "invoice_frequency", "payment_days", "notes")
PERIOD_FIELDS = (
    "label",
    "starts",
    "ends",
    "state_fte",
    "municipal_fte",
    "leader_employer",
    "leader_fte",
    "rent",
    "ict",
    "other_costs",
)
MONEY_FIELDS = ("rent", "ict", "other_costs")


def _label(model: type, field: str) -> str:
    return capfirst(str(model._meta.get_field(field).verbose_name))


def _message(error: cs.CostSharingError, label: str) -> str:
    """A Norwegian sentence for a cost-sharing error, naming the field by its label."""
    code = error.code
    if code is cs.ErrorCode.NEGATIVE:
        return _("%(field)s cannot be negative.") % {"field": label}
    if code is cs.ErrorCode.SUB_ORE_PRECISION:
        return _("%(field)s: give the amount in kroner and øre, with at most two decimals.") % {
            "field": label
        }
    if code is cs.ErrorCode.ZERO_TOTAL:
        return _("%(field)s: the FTEs add up to zero; at least one owner must have FTEs.") % {
            "field": label
        }
    if code is cs.ErrorCode.LEADER_EXCEEDS_EMPLOYER_FTE:
        return _(
            "%(field)s is larger than the FTEs of the owner that employs the leader; "
            "those FTEs include the leader."
        ) % {"field": label}
    if code is cs.ErrorCode.NOT_WHOLE_NUMBER:
        return _("%(field)s must be a whole number.") % {"field": label}
    return _("%(field)s must be a number, such as 9.3.") % {"field": label}


def _decimal(value: object, field: str, label: str) -> Decimal:
    """A number from a form, the API or a test: Decimal, int or a numeric string."""
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        number = Decimal(value)
    else:
        try:
            number = Decimal(str(value).strip().replace(" ", "").replace(",", "."))
        except (InvalidOperation, ValueError):
            number = Decimal("NaN")
    if not number.is_finite():
        message = _("%(field)s must be a number, such as 9.3.") % {"field": label}
        raise ValidationError({field: message})
    return number


def _clean_period(data: dict) -> dict:
    """Check a period's numbers through the cost-sharing core; errors name the field."""
    clean = dict(data)
    for field in ("state_fte", "municipal_fte", "leader_fte", *MONEY_FIELDS):
        clean[field] = _decimal(data.get(field, 0), field, _label(AgreementPeriod, field))
    try:
        for field in MONEY_FIELDS:
            cs.CostPool(cs.PoolKind.OTHER, clean[field])
    except cs.CostSharingError as error:
        raise ValidationError({field: _message(error, _label(AgreementPeriod, field))}) from None
    employer = clean.get("leader_employer") or None
    try:
        cs.Staffing(clean["state_fte"], clean["municipal_fte"], employer, clean["leader_fte"])
    except cs.CostSharingError as error:
        field = error.field if error.field != "total_fte" else "state_fte"
        if field == "leader_employer":
            raise ValidationError({field: _("Choose who employs the NAV leader.")}) from None
        raise ValidationError({field: _message(error, _label(AgreementPeriod, field))}) from None
    clean["leader_employer"] = employer or ""
    starts, ends = clean.get("starts"), clean.get("ends")
    if isinstance(starts, date) and isinstance(ends, date) and ends < starts:
        raise ValidationError({"ends": _("The last day must be on or after the first day.")})
    return clean


# --- agreements -----------------------------------------------------------------------------


@transaction.atomic
def agreement_create(*, actor: User, partnership: Partnership, **fields) -> OperatingAgreement:
    agreement = OperatingAgreement(partnership=partnership)
    for name in AGREEMENT_FIELDS:
        if name in fields:
            setattr(agreement, name, fields[name])
    return save(agreement, actor=actor)


@transaction.atomic
def agreement_update(
    *, actor: User, agreement: OperatingAgreement, revision: int | None, **fields
) -> OperatingAgreement:
    claim_revision(OperatingAgreement, agreement.pk, revision)
    fresh = OperatingAgreement.objects.select_for_update().get(pk=agreement.pk)
    for name in AGREEMENT_FIELDS:
        if name in fields:
            setattr(fresh, name, fields[name])
    return save(fresh, actor=actor)


# --- periods --------------------------------------------------------------------------------


@transaction.atomic
def period_create(*, actor: User, agreement: OperatingAgreement, **fields) -> AgreementPeriod:
    clean = _clean_period({name: fields.get(name) for name in PERIOD_FIELDS if name in fields})
    period = AgreementPeriod(agreement=agreement, **clean)
    return save(period, actor=actor)


@transaction.atomic
def period_update(
    *, actor: User, period: AgreementPeriod, revision: int | None, **fields
) -> AgreementPeriod:
    clean = _clean_period({name: fields.get(name, getattr(period, name)) for name in PERIOD_FIELDS})
    claim_revision(AgreementPeriod, period.pk, revision)
    fresh = AgreementPeriod.objects.select_for_update().get(pk=period.pk)
    for name, value in clean.items():
        setattr(fresh, name, value)
    return save(fresh, actor=actor)


# --- member municipalities ------------------------------------------------------------------


def member_municipalities(partnership: Partnership) -> list[Municipality]:
    """The partnership's municipal owners, host first, then by number."""
    owners = [
        owner
        for owner in partnership.owners.all()
        if owner.kind == OwnerKind.MUNICIPALITY and owner.municipality_id
    ]
    owners.sort(key=lambda o: (not o.is_host, o.municipality.number))
    return [owner.municipality for owner in owners]


def _check_members_named(members: dict[int, Municipality], weights: dict) -> None:
    """Every member municipality has a weight, and nothing else does."""
    strangers = [str(pk) for pk in weights if pk not in members]
    if strangers:
        raise ValidationError(
            {"__all__": _("%(ids)s is not a member municipality.") % {"ids": ", ".join(strangers)}}
        )
    missing = [m.name for pk, m in members.items() if pk not in weights]
    if missing:
        raise ValidationError(
            {
                "__all__": _(
                    "The key must give FTEs and a percentage for every member municipality; "
                    "missing: %(names)s."
                )
                % {"names": ", ".join(missing)}
            }
        )


def _checked_weight(pk: int, name: str, fte: object, percentage: object) -> tuple[Decimal, Decimal]:
    """A member's (FTEs, percentage), each within its range and number of decimals."""
    values = []
    for prefix, raw, label, places, ceiling in (
        ("fte", fte, _("FTEs for %(name)s") % {"name": name}, 3, 99999),
        ("percentage", percentage, _("Percentage for %(name)s") % {"name": name}, 4, 100),
    ):
        field = f"{prefix}_{pk}"
        number = _decimal(raw if raw not in (None, "") else 0, field, label)
        if number < 0:
            raise ValidationError({field: _("%(field)s cannot be negative.") % {"field": label}})
        if number > ceiling:
            raise ValidationError(
                {
                    field: _("%(field)s cannot be more than %(limit)s.")
                    % {"field": label, "limit": ceiling}
                }
            )
        if number != number.quantize(Decimal(1).scaleb(-places)):
            raise ValidationError(
                {
                    field: _("%(field)s can have at most %(places)s decimals.")
                    % {"field": label, "places": places}
                }
            )
        values.append(number)
    return values[0], values[1]


def _check_percentages(period: AgreementPeriod, clean: dict[int, tuple[Decimal, Decimal]]) -> None:
    """With fixed percentages as the key, the members' percentages add up to 100."""
    host_key = OperatingAgreement.objects.values_list("host_key", flat=True).get(
        pk=period.agreement_id
    )
    if host_key != HostKeyChoice.FIXED_PERCENTAGES:
        return
    total = sum((p for _, p in clean.values()), Decimal(0))
    if total != 100:
        first = next(iter(clean), None)
        raise ValidationError(
            {
                f"percentage_{first}" if first else "__all__": _(
                    "The agreed percentages add up to %(total)s, not 100."
                )
                % {"total": f"{total.normalize():f}".replace(".", ",")}
            }
        )


@transaction.atomic
def member_weights_set(
    *,
    actor: User,
    period: AgreementPeriod,
    revision: int | None,
    weights: dict[int, tuple[object, object]],
) -> AgreementPeriod:
    """Set each member's (FTEs, agreed percentage) for the period, by municipality id.

    `weights` must name every member municipality, and only those: a key is saved whole or not
    at all. Percentages must add up to 100 when the agreement's key is fixed percentages; field
    names in errors are `fte_<municipality id>` and `percentage_<municipality id>`.
    """
    members = {m.pk: m for m in member_municipalities(period.agreement.partnership)}
    _check_members_named(members, weights)
    clean = {
        pk: _checked_weight(pk, members[pk].name, fte, percentage)
        for pk, (fte, percentage) in weights.items()
    }
    _check_percentages(period, clean)
    claim_revision(AgreementPeriod, period.pk, revision)
    for pk, (fte, percentage) in clean.items():
        weight = MemberWeight.objects.filter(period=period, municipality_id=pk).first()
        weight = weight or MemberWeight(period=period, municipality_id=pk)
        weight.fte, weight.percentage = fte, percentage
        save(weight, actor=actor)
    period.refresh_from_db()
    return period


# --- special services -----------------------------------------------------------------------


@transaction.atomic
def special_service_add(
    *, actor: User, period: AgreementPeriod, name: str, amount: object, owner: str
) -> SpecialService:
    label = _label(SpecialService, "amount")
    number = _decimal(amount, "amount", label)
    try:
        cs.SpecialService(name, number, owner)
    except cs.CostSharingError as error:
        if error.field == "owner":
            raise ValidationError({"owner": _("Choose the owner to invoice.")}) from None
        raise ValidationError({"amount": _message(error, label)}) from None
    bump_revision(AgreementPeriod, period.pk)
    return save(SpecialService(period=period, name=name, amount=number, owner=owner), actor=actor)


@transaction.atomic
def special_service_remove(*, actor: User, service: SpecialService) -> None:
    bump_revision(AgreementPeriod, service.period_id)
    delete(service, actor=actor)
