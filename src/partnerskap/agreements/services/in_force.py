"""Agreeing the text, the owners' signatures, putting it in force and expiry."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerskap.core.models import RoleKind, User
from partnerskap.core.services import bump_revision, save
from partnerskap.registry.models import (
    OwnerKind,
    Role,
)

from ..models import (
    Agreement,
    AgreementStatus,
    AgreementVersion,
    Signature,
    SignatureSide,
    VersionReason,
)
from ..signing import InAppSigner, Signer
from ._base import EDITABLE, _lock, _lock_unclaimed, _require_change, _saved, _snapshot
from .filling import missing

# --- agreeing, signing, in force ------------------------------------------------------------


@transaction.atomic
def agreement_agree(*, actor: User, agreement: Agreement, revision: int | None) -> Agreement:
    """Mark the text as agreed: refused while anything required is missing."""
    _require_change(actor, agreement.partnership_id)
    fresh = _lock(agreement, revision)
    if fresh.status not in EDITABLE:
        raise ValidationError(_("Only a draft or an agreement in hearing can be agreed."))
    gaps = missing(fresh)
    if gaps:
        raise ValidationError(
            _("The agreement cannot be agreed while %(count)s things are missing, first: %(what)s.")
            % {"count": len(gaps), "what": gaps[0].label}
        )
    fresh.status = AgreementStatus.AGREED
    fresh.agreed_at = timezone.now()
    _snapshot(fresh, VersionReason.AGREED, actor)
    return _saved(agreement, fresh, actor)


def signing_sides(actor: User, agreement: Agreement) -> list[str]:
    """The sides this person may sign for: the partnership's municipal owner representative for
    the municipality, the state owner (of the partnership or its county) for the state."""
    state_county = (
        agreement.partnership.owners.filter(kind=OwnerKind.STATE)
        .values_list("county_id", flat=True)
        .first()
    )
    roles = list(
        Role.objects.current()
        .filter(person=actor)
        .values_list("kind", "partnership_id", "county_id")
    )
    sides = []
    if any(k == RoleKind.MUNICIPAL_OWNER and p == agreement.partnership_id for k, p, _c in roles):
        sides.append(SignatureSide.MUNICIPALITY)
    if any(
        k == RoleKind.STATE_OWNER and (p == agreement.partnership_id or (c and c == state_county))
        for k, p, c in roles
    ):
        sides.append(SignatureSide.STATE)
    return sides


def signing_version(agreement: Agreement) -> AgreementVersion | None:
    return agreement.versions.filter(reason=VersionReason.AGREED).order_by("-number").first()


@transaction.atomic
def agreement_sign(
    *,
    actor: User,
    agreement: Agreement,
    side: str,
    signed_as: str,
    signer: Signer | None = None,
) -> Signature:
    """One owner signs the agreed text; when both have signed, the agreement is signed."""
    fresh = _lock_unclaimed(agreement)
    if fresh.status != AgreementStatus.AGREED:
        raise ValidationError(_("Only an agreed agreement can be signed."))
    if side not in signing_sides(actor, fresh):
        raise PermissionDenied
    if not signed_as.strip():
        raise ValidationError({"signed_as": _("Say as what you sign, for example Mayor.")})
    version = signing_version(fresh)
    if Signature.objects.filter(agreement=fresh, version=version, side=side).exists():
        raise ValidationError({"side": _("This party has already signed.")})
    if Signature.objects.filter(agreement=fresh, version=version, signer=actor).exists():
        raise ValidationError(
            {
                "side": _(
                    "You have already signed for the other party; each party needs its own signer."
                )
            }
        )
    result = (signer or InAppSigner()).sign(fresh, actor, signed_as.strip())
    signature = Signature.objects.create(
        agreement=fresh,
        version=version,
        side=side,
        signer=actor,
        signed_as=signed_as.strip(),
        signed_at=result.signed_at,
        method=result.method,
        reference=result.reference,
    )
    if Signature.objects.filter(agreement=fresh, version=version).count() == len(SignatureSide):
        fresh.status = AgreementStatus.SIGNED
        _snapshot(fresh, VersionReason.SIGNING, actor)
        _saved(agreement, fresh, actor)
    return signature


def period_blanks(agreement: Agreement) -> dict[str, dict]:
    """The template's blanks marking the period's start ("from") and end ("to"), if any."""
    return {b["period"]: b for b in agreement.template.structure["blanks"] if b.get("period")}


def agreed_period(agreement: Agreement) -> dict[str, datetime.date | None]:
    """The period as written in the agreement's blanks (what the DOCX and PDF print)."""
    period: dict[str, datetime.date | None] = {"from": None, "to": None}
    for end, blank in period_blanks(agreement).items():
        value = agreement.values.get(blank["id"])
        period[end] = datetime.date.fromisoformat(value) if value else None
    return period


def _check_period(
    agreement: Agreement, valid_from: datetime.date | None, valid_to: datetime.date | None
) -> tuple[datetime.date, datetime.date | None]:
    """The period to put in force: the agreed text's, and never one that contradicts it."""
    written = agreed_period(agreement)
    blanks = period_blanks(agreement)
    chosen = {"from": valid_from or written["from"], "to": valid_to or written["to"]}
    for end, field in (("from", "valid_from"), ("to", "valid_to")):
        if written[end] and chosen[end] != written[end]:
            raise ValidationError(
                {
                    field: _(
                        "The signed agreement says %(label)s %(written)s; the date here must be "
                        "the same, not %(given)s."
                    )
                    % {
                        "label": blanks[end]["label"],
                        "written": written[end].strftime("%d.%m.%Y"),
                        "given": chosen[end].strftime("%d.%m.%Y"),
                    }
                }
            )
    if chosen["from"] is None:
        raise ValidationError({"valid_from": _("Give the date the agreement is in force from.")})
    if chosen["from"] > timezone.localdate():
        raise ValidationError(
            {
                "valid_from": _(
                    "The agreement starts %(date)s: put it in force on that day, not before, "
                    "so that the agreement in force until then stays in force."
                )
                % {"date": chosen["from"].strftime("%d.%m.%Y")}
            }
        )
    return chosen["from"], chosen["to"]


@transaction.atomic
def agreement_put_in_force(
    *,
    actor: User,
    agreement: Agreement,
    valid_from: datetime.date | None = None,
    valid_to: datetime.date | None = None,
    revision: int | None = None,
) -> Agreement:
    """Put a signed agreement in force; the one in force before it is replaced in the same
    transaction. The database refuses two in force (constraint agreement_one_in_force).
    The period is the one written in the agreement's period blanks (decision 0008)."""
    _require_change(actor, agreement.partnership_id)
    fresh = _lock(agreement, revision)
    if fresh.status != AgreementStatus.SIGNED:
        raise ValidationError(_("Only an agreement signed by both owners can be put in force."))
    valid_from, valid_to = _check_period(fresh, valid_from, valid_to)
    if valid_to and valid_to <= valid_from:
        raise ValidationError({"valid_to": _("The period must end after it starts.")})
    previous = list(
        Agreement.objects.select_for_update()
        .filter(partnership_id=fresh.partnership_id, status=AgreementStatus.IN_FORCE)
        .exclude(pk=fresh.pk)
    )
    for old in previous:
        old.status = AgreementStatus.REPLACED
        old.replaced_by = fresh
        if old.valid_to is None or old.valid_to > valid_from:
            old.valid_to = max(valid_from, (old.valid_from or valid_from) + datetime.timedelta(1))
        save(old, actor=actor)
    fresh.status = AgreementStatus.IN_FORCE
    fresh.valid_from, fresh.valid_to = valid_from, valid_to
    try:
        with transaction.atomic():
            _saved(agreement, fresh, actor)
    except IntegrityError:
        raise ValidationError(
            _("Another agreement was put in force at the same time; reload and try again.")
        ) from None
    return agreement


@transaction.atomic
def agreements_expire(today: datetime.date) -> int:
    """Agreements whose period has ended are expired, one by one so that each change is in
    the agreement's history."""
    ended = list(
        Agreement.objects.select_for_update().filter(
            status=AgreementStatus.IN_FORCE, valid_to__lt=today
        )
    )
    for agreement in ended:
        agreement.status = AgreementStatus.EXPIRED
        bump_revision(Agreement, agreement.pk)
        agreement.refresh_from_db(fields=["revision"])
        save(agreement, actor=None)
    return len(ended)
