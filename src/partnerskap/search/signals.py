"""Saved and deleted rows of the watched models queue an index refresh once the write commits."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from . import sources


def _saved(sender, instance, raw=False, **kwargs) -> None:
    if raw:
        return  # fixtures: `search_rebuild` builds their entries
    from .tasks import refresh_for

    key = (sender._meta.app_label, sender._meta.model_name, instance.pk)
    transaction.on_commit(lambda: refresh_for.enqueue(*key))


def _deleted(sender, instance, **kwargs) -> None:
    from .tasks import refresh_for, remove

    key = (sender._meta.app_label, sender._meta.model_name, instance.pk)
    if sender in sources.SOURCES:
        transaction.on_commit(lambda: remove.enqueue(*key))
    parent = _parent(instance)
    if parent is not None:
        parent_key = (parent._meta.app_label, parent._meta.model_name, parent.pk)
        transaction.on_commit(lambda: refresh_for.enqueue(*parent_key))


def _parent(instance):
    """A deleted comment or report section changes its agreement's or report's text."""
    for name in ("hearing", "report"):
        related = getattr(instance, f"{name}_id", None)
        if related is not None:
            owner = getattr(instance, name, None)
            return getattr(owner, "agreement", owner)
    return None


def connect() -> None:
    for model in sources.WATCHED:
        uid = f"search-{model._meta.label}"
        post_save.connect(_saved, sender=model, dispatch_uid=uid)
        post_delete.connect(_deleted, sender=model, dispatch_uid=uid)
