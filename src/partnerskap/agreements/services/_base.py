"""What the agreement services share: the lock with its revision check, and access to change."""

from django.core.exceptions import PermissionDenied

from partnerskap.core.models import User
from partnerskap.core.services import bump_revision, claim_revision, locked, save
from partnerskap.registry.access import access_scope

from .. import text
from ..models import (
    Agreement,
    AgreementStatus,
    AgreementVersion,
)

EDITABLE = (AgreementStatus.DRAFT, AgreementStatus.HEARING)


def _lock(agreement: Agreement, revision: int | None) -> Agreement:
    """The agreement as committed, locked, after the optimistic revision check."""
    claim_revision(Agreement, agreement.pk, revision)
    return locked(Agreement, agreement.pk, "template")


def _lock_unclaimed(agreement: Agreement) -> Agreement:
    """The agreement as committed, locked, for a step that starts from no revision (each owner
    signs the agreed text as it stands); anyone editing it meanwhile is told to reload."""
    bump_revision(Agreement, agreement.pk)
    return locked(Agreement, agreement.pk, "template")


def _saved(agreement: Agreement, fresh: Agreement, actor: User) -> Agreement:
    """Save the locked copy and bring the caller's copy up to date."""
    save(fresh, actor=actor)
    agreement.refresh_from_db()
    return agreement


def _require_change(actor: User, partnership_id: int) -> None:
    if not access_scope(actor).can_edit_partnership(partnership_id):
        raise PermissionDenied


# --- versions, hearing ----------------------------------------------------------------------


def _snapshot(agreement: Agreement, reason: str, actor: User) -> AgreementVersion:
    last = agreement.versions.order_by("-number").values_list("number", flat=True).first() or 0
    return AgreementVersion.objects.create(
        agreement=agreement,
        number=last + 1,
        reason=reason,
        content=text.snapshot(agreement),
        created_by=actor,
    )
