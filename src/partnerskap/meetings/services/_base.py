"""What every meetings service shares, on the core write kernel: locking the meeting as committed
and the revision check (a service called without a revision, as the demo loader and the system
do, raises the revision instead, so that anyone editing at the same time is told to reload)."""

from django.db.models import Model

from partnerskap.core.errors import ConflictError
from partnerskap.core.services import bump_revision, claim_revision, locked

from ..models import Meeting

__all__ = ["ConflictError", "claim", "fresh"]


def fresh(meeting_id: int) -> Meeting:
    """The meeting as committed, locked: guards must not trust a caller's stale copy."""
    return locked(Meeting, meeting_id, "minutes", "body")


def claim(model: type[Model], pk: int, revision: int | None) -> None:
    """The optimistic lock for a person's change (pages and the API always give the revision)."""
    if revision is None:
        bump_revision(model, pk)
    else:
        claim_revision(model, pk, revision)
