"""What every meetings service shares, on the core write kernel: locking the meeting as committed
and the revision check (a service called without a revision, as the demo loader and the system
do, raises the revision instead, so that anyone editing at the same time is told to reload)."""

from django.core.exceptions import ValidationError
from django.db.models import Model
from django.utils.translation import gettext as _

from partnerskap.core.errors import ConflictError
from partnerskap.core.models import User
from partnerskap.core.people import person_from_name
from partnerskap.core.services import bump_revision, claim_revision, locked

from ..models import Meeting

__all__ = ["ConflictError", "claim", "fresh", "person_or_new"]


def fresh(meeting_id: int) -> Meeting:
    """The meeting as committed, locked: guards must not trust a caller's stale copy."""
    return locked(Meeting, meeting_id, "minutes", "body")


def claim(model: type[Model], pk: int, revision: int | None) -> None:
    """The optimistic lock for a person's change (pages and the API always give the revision)."""
    if revision is None:
        bump_revision(model, pk)
    else:
        claim_revision(model, pk, revision)


def person_or_new(actor: User | None, person: User | None, new: dict | None, *, field: str) -> User:
    """The person chosen, or a new person without a login recorded from the form's fields."""
    if person is not None:
        return person
    if not new or not (new.get("name") or "").strip():
        raise ValidationError({field: _("Choose a person, or give the name of a new one.")})
    try:
        return person_from_name(actor=actor, **new)
    except ValidationError as exc:
        # The new person's fields are shown beside the chosen one's: name them by that.
        raise ValidationError({field: exc.messages}) from exc
