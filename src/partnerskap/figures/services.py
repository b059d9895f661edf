"""Every write to key figures: imports (preview, commit, discard), manual entry; the status
reports' writes are in :mod:`.report_services` and the columns' in :mod:`.columns`, both
available here too.

Each function is one use case with keyword-only arguments and the actor, in one transaction,
with Norwegian messages that say what and where. Imports are all or nothing.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerskap.core.metrics import import_committed
from partnerskap.core.models import User
from partnerskap.core.services import claim_revision, save
from partnerskap.core.templatetags.norsk import dato
from partnerskap.registry.models import Partnership

from . import bulk, columns, imports
from .columns import import_remap  # noqa: F401 - one place for the pages and the API
from .models import ImportBatch, ImportKind, ImportStatus, Indicator, Level, Observation
from .periods import PeriodError, parse_period
from .report_services import (  # noqa: F401 - one place for the pages, the API and the demo
    block_add,
    block_remove,
    report_create,
    report_update,
    reports_freeze,
)

BATCH_SIZE = 5_000


def _kind_of(name: str, data: bytes) -> str:
    if data[:2] == b"PK":
        return ImportKind.XLSX
    stripped = data.lstrip(b"\xef\xbb\xbf \r\n\t")
    if stripped[:1] == b"{":
        return ImportKind.JSONSTAT
    if name.lower().endswith((".xlsx", ".xlsm")):
        return ImportKind.XLSX
    return ImportKind.CSV


def _indicator_codes() -> set[str]:
    return set(Indicator.objects.filter(numerator__isnull=True).values_list("code", flat=True))


# --- imports --------------------------------------------------------------------------------


def _parse(name, data, kind, period, partnership, changes) -> imports.Parsed:
    if kind == ImportKind.JSONSTAT:
        mapping = dict(
            Indicator.objects.exclude(external_code="").values_list("external_code", "code")
        )
        return imports.parse_jsonstat(name, data, mapping)
    recall = columns.recall(partnership)
    return imports.parse_table(
        name, data, period, _indicator_codes(), recall=recall, changes=changes
    )


@transaction.atomic
def import_preview(
    *,
    actor: User | None,
    partnership: Partnership,
    file: File,
    source: str,
    extracted_on: date,
    period_text: str = "",
    changes: dict[int | str, str] | None = None,
) -> ImportBatch:
    """Read and check a file and keep it as a batch in “preview”; nothing is observed yet.
    ``changes`` reads some of the file's columns as others (mapping.choose)."""
    name = os.path.basename(file.name or "fil")
    imports.check_upload(name, file.size or 0)
    data = file.read()
    digest = hashlib.sha256(data).hexdigest()
    earlier = (
        ImportBatch.objects.filter(partnership=partnership, sha256=digest)
        .exclude(status=ImportStatus.DISCARDED)
        .first()
    )
    if earlier is not None:
        raise ValidationError(
            {
                "file": _(
                    "%(file)s: this file was uploaded already on %(date)s (as “%(earlier)s”). "
                    "The same figures are not imported twice."
                )
                % {"file": name, "date": dato(earlier.created_at), "earlier": earlier.file_name}
            }
        )
    kind = _kind_of(name, data)
    period = None
    if period_text.strip():
        try:
            period = parse_period(period_text)
        except PeriodError as exc:
            raise ValidationError({"period": str(exc)}) from None
    parsed = _parse(name, data, kind, period, partnership, changes)
    batch = ImportBatch(
        partnership=partnership,
        kind=kind,
        file_name=name,
        sha256=digest,
        table=parsed.table,
        source=source,
        extracted_on=extracted_on,
        period_text=period.code if period else "",
        preview=parsed.preview(),
        observations=parsed.observations,
        upload=data if parsed.reading else b"",
        flagged_rows=parsed.flagged,
        created_by=actor,
    )
    return save(batch, actor=actor)


@transaction.atomic
def import_commit(*, actor: User | None, batch: ImportBatch, revision: int | None) -> int:
    """Turn a previewed batch into observations, all in one transaction; the number written."""
    claim_revision(ImportBatch, batch.pk, revision)
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status != ImportStatus.PREVIEW:
        raise ValidationError(_("This import was committed or discarded already."))
    columns.remember(actor=actor, batch=batch)
    written = write_observations(
        partnership_id=batch.partnership_id,
        rows=batch.observations,
        source=batch.source,
        extracted_on=batch.extracted_on,
        batch_id=batch.pk,
    )
    batch.status = ImportStatus.COMMITTED
    batch.committed_at = timezone.now()
    batch.observations, batch.upload = [], b""  # written now; the observations are the record
    save(batch, actor=actor)
    transaction.on_commit(lambda: import_committed("figures", written))
    return written


@transaction.atomic
def import_discard(*, actor: User | None, batch: ImportBatch, revision: int | None) -> ImportBatch:
    claim_revision(ImportBatch, batch.pk, revision)
    batch = ImportBatch.objects.get(pk=batch.pk)
    if batch.status != ImportStatus.PREVIEW:
        raise ValidationError(_("This import was committed or discarded already."))
    batch.status = ImportStatus.DISCARDED
    batch.observations, batch.upload = [], b""
    return save(batch, actor=actor)


def _area_field(level: str) -> str | None:
    return {
        Level.OFFICE: "office_id",
        Level.MUNICIPALITY: "municipality_id",
        Level.COUNTY: "county_id",
    }.get(level)


def write_observations(
    *,
    partnership_id: int,
    rows: Iterable[list],
    source: str,
    extracted_on: date,
    batch_id: int | None,
    batch_size: int = BATCH_SIZE,
) -> int:
    """Write ``[code, level, area id, kind, start, end, value(, pseudo-unit)]`` rows in batches.

    An observation of a figure already held (same indicator, area and period) becomes its next
    version; the earlier one stays, no longer current. On PostgreSQL by COPY and four set-based
    statements (bulk.py); elsewhere three queries per batch. Call inside a transaction: the
    caller's rollback undoes every batch.
    """
    indicator_ids = dict(Indicator.objects.values_list("code", "id"))
    if bulk.supported():
        return bulk.copy_observations(
            partnership_id=partnership_id,
            rows=rows,
            indicator_ids=indicator_ids,
            source=source,
            extracted_on=extracted_on,
            batch_id=batch_id,
            batch_size=batch_size,
        )
    written = 0
    for chunk in bulk.chunks(rows, batch_size):
        objects = []
        for code, level, area_id, kind, start, end, value, *label in chunk:
            observation = Observation(
                partnership_id=partnership_id,
                indicator_id=indicator_ids[code],
                level=level,
                label=label[0] if label else "",
                period_kind=kind,
                period_start=date.fromisoformat(start) if isinstance(start, str) else start,
                period_end=date.fromisoformat(end) if isinstance(end, str) else end,
                value=Decimal(value),
                source=source,
                extracted_on=extracted_on,
                batch_id=batch_id,
            )
            field = _area_field(level)
            if field:
                setattr(observation, field, area_id)
            objects.append(observation)
        _version(partnership_id, objects)
        Observation.objects.bulk_create(objects, batch_size=batch_size)
        written += len(objects)
    return written


def _key(o: Observation) -> tuple:
    return (o.indicator_id, o.level, o.office_id, o.municipality_id, o.county_id, o.label,
            o.period_start, o.period_end)  # fmt: skip


def _version(partnership_id: int, objects: list[Observation]) -> None:
    """Number the new observations after the current ones and retire those."""
    keys = {_key(o) for o in objects}
    starts = {o.period_start for o in objects}
    indicators = {o.indicator_id for o in objects}
    current = Observation.objects.filter(
        partnership_id=partnership_id,
        is_current=True,
        period_start__in=starts,
        indicator_id__in=indicators,
    ).only(
        "id", "indicator_id", "level", "office_id", "municipality_id", "county_id", "label",
        "period_start", "period_end", "version",
    )  # fmt: skip
    previous = {_key(o): o for o in current if _key(o) in keys}
    if previous:
        Observation.objects.filter(id__in=[o.id for o in previous.values()]).update(
            is_current=False
        )
    for observation in objects:
        before = previous.get(_key(observation))
        if before is not None:
            observation.version = before.version + 1


@transaction.atomic
def observation_add(
    *,
    actor: User | None,
    partnership: Partnership,
    indicator: Indicator,
    level: str,
    area_id: int | None,
    period_text: str,
    value: Decimal,
    source: str,
    extracted_on: date,
) -> Observation:
    """Manual entry of one figure: a batch of its own, committed at once."""
    if indicator.is_derived:
        raise ValidationError(
            {"indicator": _("A share is computed from its counts; enter the counts instead.")}
        )
    try:
        period = parse_period(period_text)
    except PeriodError as exc:
        raise ValidationError({"period": str(exc)}) from None
    if value < 0:
        raise ValidationError({"value": _("A figure cannot be negative.")})
    if (level == Level.COUNTRY) != (area_id is None):
        raise ValidationError({"area": _("Choose the office, municipality or county.")})
    row = [indicator.code, level, area_id, period.kind, period.start, period.end, str(value)]
    batch = save(
        ImportBatch(
            partnership=partnership,
            kind=ImportKind.MANUAL,
            file_name=_("Entered by hand"),
            sha256=hashlib.sha256(f"{timezone.now().isoformat()}{row}".encode()).hexdigest(),
            table="manual",
            source=source,
            extracted_on=extracted_on,
            period_text=period.code,
            status=ImportStatus.COMMITTED,
            committed_at=timezone.now(),
            created_by=actor,
        ),
        actor=actor,
    )
    write_observations(
        partnership_id=partnership.pk,
        rows=[row],
        source=source,
        extracted_on=extracted_on,
        batch_id=batch.pk,
    )
    return Observation.objects.filter(batch=batch).get()


@transaction.atomic
def import_long_stream(
    *,
    actor: User | None,
    partnership: Partnership,
    name: str,
    lines: Iterable[str],
    source: str,
    extracted_on: date,
    batch_size: int = BATCH_SIZE,
) -> int:
    """A scheduled extract in the long format (indicator; unit; period; value), read and written
    in batches without holding the file: for extracts too big to preview. Checked row by row as
    the preview checks them; any error rolls every batch back, and the errors are raised."""
    import csv

    reader = csv.reader(lines, delimiter=";")
    header = next(reader, [])
    problems = imports.Problems(name)
    detected = imports.detect_table(header, problems)
    problems.raise_if_any()
    table, positions = detected
    if table.code != "long":
        problems.add(_("only a file with one figure per row can be streamed."), row=1)
        problems.raise_if_any()
    batch = save(
        ImportBatch(
            partnership=partnership,
            kind=ImportKind.CSV,
            file_name=name,
            sha256=hashlib.sha256(f"{name}{timezone.now().isoformat()}".encode()).hexdigest(),
            table=table.code,
            source=source,
            extracted_on=extracted_on,
            status=ImportStatus.COMMITTED,
            committed_at=timezone.now(),
            created_by=actor,
        ),
        actor=actor,
    )
    areas: dict[str, imports.Area | None] = {}
    seen: set[tuple] = set()

    def rows():
        for index, code, number, period, value in imports.iter_long(
            problems, reader, positions, _indicator_codes()
        ):
            if number not in areas:
                lookup = imports.Areas([number], period.end)
                areas[number] = imports.resolve_area(lookup, number)
            area = areas[number]
            key = (code, area, period.start, period.end)
            if area is None:
                problems.add(
                    _("no office, municipality or county has the number %(number)s.")
                    % {"number": number},
                    row=index,
                    column=imports.UNIT.header,
                )
            elif key in seen:
                problems.add(_("the same figure is already in the file."), row=index)
            else:
                seen.add(key)
                yield [code, area.level, area.pk, period.kind, period.start, period.end, value]

    written = write_observations(
        partnership_id=partnership.pk,
        rows=rows(),
        source=source,
        extracted_on=extracted_on,
        batch_id=batch.pk,
        batch_size=batch_size,
    )
    problems.raise_if_any()
    return written
