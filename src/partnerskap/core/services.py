"""The write kernel every app's services use: validate, save with history, and the optimistic lock.

Every service that writes a row calls `save()`; every service that changes something a person may
have open in another tab checks the revision they started from with `claim_revision()` (or, for
work the system does on its own, such as deemed approval, `bump_revision()`). Nothing else in
src/ saves with history or compares revisions (docs/decisions/0019-one-write-kernel.md).
"""

from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db.models import F, Model
from django.utils.translation import gettext as _

from .errors import ConflictError
from .models import User

M = TypeVar("M", bound=Model)


def save(instance: M, *, actor: User | None) -> M:
    """Validate the row (fields, choices, ranges, constraints) and save it, recording `actor` as
    the author of the history record. `actor` is None only for work the system does itself."""
    instance.full_clean()
    instance._history_user = actor  # type: ignore[attr-defined]  # read by simple_history
    instance.save()
    return instance


def delete(instance: Model, *, actor: User | None) -> None:
    """Delete the row, recording `actor` as the author of its last history record."""
    instance._history_user = actor  # type: ignore[attr-defined]  # read by simple_history
    instance.delete()


def apply(instance: M, fields: dict[str, object]) -> M:
    """Set the given fields on the instance (unsaved): the first half of an update service."""
    for name, value in fields.items():
        setattr(instance, name, value)
    return instance


def claim_revision(model: type[Model], pk: int, revision: int | None) -> int:
    """The optimistic lock: raise the stored revision if it is still the one the person started
    from, and return the new revision. A stale revision raises ConflictError; a missing one is
    refused too, so that a client that forgets it cannot overwrite someone else's changes."""
    if revision is None:
        raise ValidationError(
            {"revision": _("The version you started from is missing. Reload and try again.")},
            code="revision_missing",
        )
    if not model._default_manager.filter(pk=pk, revision=revision).update(
        revision=F("revision") + 1
    ):
        raise ConflictError()
    return revision + 1


def bump_revision(model: type[Model], pk: int) -> None:
    """Raise the revision for a change the system makes on its own (no person started from a
    revision), so that anyone editing the row at the same time is told to reload."""
    model._default_manager.filter(pk=pk).update(revision=F("revision") + 1)


def locked(model: type[M], pk: int, *related: str) -> M:
    """The row as committed, locked for the rest of the transaction: guards must not trust a
    caller's stale copy. Only the row itself is locked (PostgreSQL cannot lock the nullable
    side of an outer join)."""
    qs = model._default_manager.select_for_update(of=("self",))
    if related:
        qs = qs.select_related(*related)
    return qs.get(pk=pk)
