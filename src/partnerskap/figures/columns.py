"""Writes and reads of the columns of an import: changing how a previewed file's columns are
read, and remembering the mapping a person confirmed for the next file with the same header row.

A mapping belongs to the partnership that confirmed it, as the import does (docs/decisions/0030):
another partnership's files are never read by it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerskap.core.models import User
from partnerskap.core.services import claim_revision, locked, save
from partnerskap.registry.models import Partnership

from . import imports, mapping
from .models import ColumnMapping, ImportBatch, ImportStatus
from .periods import parse_period


def recall(partnership: Partnership) -> Callable[[list[str]], dict[str, mapping.Remembered]]:
    """The partnership's remembered mappings of these fingerprints, in one query when asked."""

    def remembered(fingerprints: list[str]) -> dict[str, mapping.Remembered]:
        rows = (
            ColumnMapping.objects.filter(partnership=partnership, fingerprint__in=fingerprints)
            .select_related("confirmed_by")
            .order_by("confirmed_at")
        )
        return {
            row.fingerprint: mapping.Remembered(
                row.table,
                tuple(row.keys),
                row.confirmed_by.display_name if row.confirmed_by else _("someone since deleted"),
                timezone.localdate(row.confirmed_at).isoformat(),
            )
            for row in rows
        }

    return remembered


def remember(*, actor: User | None, batch: ImportBatch) -> ColumnMapping | None:
    """Keep the mapping of a batch being committed, unless the file used the table's own column
    names (nothing to remember) or the mapping is remembered already as it is."""
    reading = batch.preview.get("reading") or {}
    if not reading or reading.get("certain"):
        return None
    memory = ColumnMapping.objects.filter(
        partnership_id=batch.partnership_id, table=batch.table, fingerprint=reading["fingerprint"]
    ).first()
    if memory is not None and memory.keys == reading["keys"]:
        return memory
    memory = memory or ColumnMapping(
        partnership_id=batch.partnership_id, table=batch.table, fingerprint=reading["fingerprint"]
    )
    memory.headers = [pair[0] for pair in batch.preview.get("mapping", [])]
    memory.keys = reading["keys"]
    memory.confirmed_by = actor
    memory.confirmed_at = timezone.now()
    return save(memory, actor=actor)


@transaction.atomic
def import_remap(
    *, actor: User | None, batch: ImportBatch, revision: int | None, changes: dict[int | str, str]
) -> ImportBatch:
    """Read a previewed file again with some columns read as another of the table's columns
    (``changes``: file column, by number from 0 or by name → column key, "" for not read); the
    figures, shares and checks of the preview follow. Nothing is observed until commit."""
    claim_revision(ImportBatch, batch.pk, revision)
    batch = locked(ImportBatch, batch.pk)
    if batch.status != ImportStatus.PREVIEW:
        raise ValidationError(_("This import was committed or discarded already."))
    before = batch.preview.get("reading") or {}
    if not before or not batch.upload:
        raise ValidationError(
            _("Only a table with one row per unit can have its columns read another way.")
        )
    parsed = imports.parse_table(
        batch.file_name,
        bytes(batch.upload),
        parse_period(batch.period_text),
        set(),
        fixed=(batch.table, before["header_row"], before["keys"]),
        changes=changes,
    )
    after = parsed.reading
    after["changed"] = after["changed"] or before.get("changed", False)
    after["certain"] = before.get("certain", False) and not after["changed"]
    after["remembered"] = before.get("remembered")
    batch.preview = parsed.preview()
    batch.observations = parsed.observations
    batch.flagged_rows = parsed.flagged
    return save(batch, actor=actor)


def described(batch: ImportBatch) -> dict:
    """How the batch's columns are read, for the preview page and the API: each file column with
    its key and the table column it is read as, the keys to choose from, whether the file used
    the table's own names, and the remembered mapping used, if any (no query)."""
    reading = batch.preview.get("reading") or {}
    table = imports.TABLES_BY_CODE.get(batch.table)
    if not reading or table is None:
        return {"mapping": [], "choices": [], "certain": True, "changed": False, "remembered": None}
    remembered = reading.get("remembered")
    names = dict(mapping.choices(table))
    pairs = zip(batch.preview.get("mapping", []), reading["keys"], strict=False)
    return {
        "mapping": [
            {"column": pair[0], "key": key, "read_as": names.get(key, "")} for pair, key in pairs
        ],
        "choices": [{"key": key, "name": name} for key, name in names.items()],
        "certain": reading["certain"],
        "changed": reading.get("changed", False),
        "remembered": remembered
        and {
            "by": remembered["by"],
            "on": date.fromisoformat(remembered["on"]),
        },
    }
