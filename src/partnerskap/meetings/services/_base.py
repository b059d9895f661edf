"""What every meetings service shares: the conflict error, saving with history, locking."""

from django.db.models import F, Model

from partnerskap.core.errors import ConflictError
from partnerskap.core.models import User
from partnerskap.core.services import check_integer_ranges

from ..models import (
    Meeting,
)


def _save(instance: Model, actor: User | None) -> Model:
    check_integer_ranges(instance)  # SQLite would store any size (issue 11)
    instance.full_clean()
    instance._history_user = actor  # type: ignore[attr-defined]
    instance.save()
    return instance


def _fresh(meeting_id: int) -> Meeting:
    """The meeting as committed, locked: guards must not trust a caller's stale copy."""
    # Only the meeting's row: PostgreSQL cannot lock the nullable side of the minutes' outer join.
    return (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("minutes", "body")
        .get(pk=meeting_id)
    )


def _check_revision(model: type[Model], pk: int, revision: int | None) -> None:
    """Optimistic lock: raise the revision, or fail if it moved since the caller read it."""
    if revision is None:
        model.objects.filter(pk=pk).update(revision=F("revision") + 1)
        return
    updated = model.objects.filter(pk=pk, revision=revision).update(revision=F("revision") + 1)
    if not updated:
        raise ConflictError()
