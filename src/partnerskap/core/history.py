"""Readable change logs from django-simple-history records: who changed what, and when.

A page shows the latest changes with a fixed number of queries: one per history table and one
per kind of related object named in the changes.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.db.models import Field, Model, QuerySet
from django.utils import formats
from django.utils.translation import gettext as _

# Bookkeeping fields nobody needs to read in a change log.
_SKIPPED = {"id", "uuid", "created_at", "updated_at"}


@dataclass
class Change:
    field: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    when: datetime
    who: str
    action: str
    subject: str
    changes: list[Change] = field(default_factory=list)


@dataclass
class _RawChange:
    field: Field
    old: object
    new: object


def _fields(record: Model) -> list[Field]:
    return [f for f in record.instance_type._meta.fields if f.name not in _SKIPPED]


def _diff(previous: Model | None, record: Model, *, removed: bool = False) -> list[_RawChange]:
    changes = []
    for f in _fields(record):
        value = getattr(record, f.attname)
        if removed:
            if value not in (None, ""):
                changes.append(_RawChange(f, value, None))
            continue
        old = getattr(previous, f.attname) if previous is not None else None
        if old == value or (previous is None and value in (None, "")):
            continue
        changes.append(_RawChange(f, old, value))
    return changes


def _display(f: Field, value: object, related: dict) -> str:
    if value is None or value == "":
        return "–"
    if f.is_relation:
        obj = related.get((f.related_model, value))
        return str(obj) if obj is not None else str(value)
    if f.choices:
        return str(dict(f.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, datetime | date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    return str(value)


def _related_objects(raw: list[_RawChange]) -> dict:
    """Fetch every related object the changes name: one query per related model."""
    wanted: dict[type[Model], set] = defaultdict(set)
    for change in raw:
        if change.field.is_relation:
            wanted[change.field.related_model].update(
                v for v in (change.old, change.new) if v is not None
            )
    related = {}
    for model, ids in wanted.items():
        for pk, obj in model._base_manager.in_bulk(ids).items():
            related[(model, pk)] = obj
    return related


_ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}


def history_entries(*querysets: QuerySet, limit: int = 20, window: int = 200) -> list[HistoryEntry]:
    """The latest `limit` changes across the given history querysets."""
    by_object: dict[tuple[str, object], list[Model]] = defaultdict(list)
    for qs in querysets:
        for record in qs.select_related("history_user").order_by("-history_date")[:window]:
            by_object[(record.instance_type._meta.label, record.id)].append(record)
    pending = []
    for records in by_object.values():
        records.sort(key=lambda r: r.history_date)
        previous = None
        for record in records:
            action = _ACTIONS[record.history_type]
            raw = _diff(previous, record, removed=action == "deleted")
            previous = record
            if action == "changed" and not raw:
                continue
            pending.append((record, action, raw))
    pending.sort(key=lambda item: item[0].history_date, reverse=True)
    pending = pending[:limit]
    related = _related_objects([c for _, _, raw in pending for c in raw])
    labels = {"created": _("Created"), "changed": _("Changed"), "deleted": _("Deleted")}
    entries = []
    for record, action, raw in pending:
        who = record.history_user.display_name if record.history_user else _("System")
        changes = [
            Change(
                str(c.field.verbose_name),
                _display(c.field, c.old, related),
                _display(c.field, c.new, related),
            )
            for c in raw
        ]
        subject = str(record.instance_type._meta.verbose_name)
        entries.append(HistoryEntry(record.history_date, who, labels[action], subject, changes))
    return entries
