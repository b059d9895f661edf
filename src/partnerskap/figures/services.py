"""Every write to key figures: imports (preview, commit, discard), manual entry, status reports.

Each function is one use case with keyword-only arguments and the actor, in one transaction,
with Norwegian messages that say what and where. Imports are all or nothing.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal
from itertools import islice

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerskap.core.metrics import import_committed
from partnerskap.core.models import User
from partnerskap.core.services import bump_revision, claim_revision, delete, save
from partnerskap.core.templatetags.norsk import dato
from partnerskap.meetings.models import Meeting
from partnerskap.registry.models import Partnership

from . import imports
from .models import (
    Comparison,
    FigureBlock,
    ImportBatch,
    ImportKind,
    ImportStatus,
    Indicator,
    Level,
    Observation,
    ReportSection,
    SectionKind,
    StatusReport,
)
from .periods import PeriodError, parse_period

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


@transaction.atomic
def import_preview(
    *,
    actor: User | None,
    partnership: Partnership,
    file: File,
    source: str,
    extracted_on: date,
    period_text: str = "",
) -> ImportBatch:
    """Read and check a file and keep it as a batch in “preview”; nothing is observed yet."""
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
    if kind == ImportKind.JSONSTAT:
        mapping = dict(
            Indicator.objects.exclude(external_code="").values_list("external_code", "code")
        )
        parsed = imports.parse_jsonstat(name, data, mapping)
    else:
        parsed = imports.parse_table(name, data, period, _indicator_codes())
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
    written = write_observations(
        partnership_id=batch.partnership_id,
        rows=batch.observations,
        source=batch.source,
        extracted_on=batch.extracted_on,
        batch_id=batch.pk,
    )
    batch.status = ImportStatus.COMMITTED
    batch.committed_at = timezone.now()
    batch.observations = []  # written now; the observations are the record
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
    batch.observations = []
    return save(batch, actor=actor)


def _chunks(rows: Iterable[list], size: int) -> Iterator[list[list]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


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
    version; the earlier one stays, no longer current. Three queries per batch. Call inside a
    transaction: the caller's rollback undoes every batch.
    """
    indicator_ids = dict(Indicator.objects.values_list("code", "id"))
    written = 0
    for chunk in _chunks(rows, batch_size):
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


# --- status reports -------------------------------------------------------------------------


@transaction.atomic
def report_create(*, actor: User, partnership: Partnership, title: str) -> StatusReport:
    """A report with the six standard sections, empty."""
    if not title.strip():
        raise ValidationError({"title": _("Give the report a title.")})
    report = save(StatusReport(partnership=partnership, title=title.strip()), actor=actor)
    for position, kind in enumerate(SectionKind.values):
        save(ReportSection(report=report, kind=kind, position=position), actor=actor)
    return report


@transaction.atomic
def report_update(
    *,
    actor: User,
    report: StatusReport,
    revision: int | None,
    title: str,
    texts: dict[str, str],
    item=None,
) -> StatusReport:
    claim_revision(StatusReport, report.pk, revision)
    report = StatusReport.objects.get(pk=report.pk)
    if report.frozen_at is not None:
        raise ValidationError(
            _("The report went out with the notice and is kept as it was sent; make a new one.")
        )
    if not title.strip():
        raise ValidationError({"title": _("Give the report a title.")})
    if item is not None and item.meeting.body.partnership_id != report.partnership_id:
        raise ValidationError({"item": _("Choose an item of one of this partnership's meetings.")})
    report.title = title.strip()
    report.item = item
    save(report, actor=actor)
    for section in report.sections.all():
        if section.kind in texts and texts[section.kind] != section.text:
            section.text = texts[section.kind]
            save(section, actor=actor)
    return report


@transaction.atomic
def block_add(
    *,
    actor: User,
    report: StatusReport,
    section_kind: str,
    indicator: Indicator,
    period_text: str,
    comparison: str = Comparison.NONE,
    compare_period_text: str = "",
    chart: bool = False,
) -> FigureBlock:
    bump_revision(StatusReport, report.pk)
    if StatusReport.objects.filter(pk=report.pk, frozen_at__isnull=False).exists():
        raise ValidationError(
            _("The report went out with the notice and is kept as it was sent; make a new one.")
        )
    errors = {}
    for field, text in (("period_text", period_text), ("compare_period_text", compare_period_text)):
        if field == "compare_period_text" and comparison != Comparison.PREVIOUS:
            continue
        try:
            parse_period(text)
        except PeriodError as exc:
            errors[field] = str(exc)
    if errors:
        raise ValidationError(errors)
    section = ReportSection.objects.get(report=report, kind=section_kind)
    position = section.blocks.count()
    block = FigureBlock(
        section=section,
        position=position,
        indicator=indicator,
        period_text=parse_period(period_text).code,
        comparison=comparison,
        compare_period_text=parse_period(compare_period_text).code
        if comparison == Comparison.PREVIOUS
        else "",
        chart=chart,
    )
    return save(block, actor=actor)


@transaction.atomic
def block_remove(*, actor: User, block: FigureBlock) -> None:
    report = block.section.report
    if report.frozen_at is not None:
        raise ValidationError(
            _("The report went out with the notice and is kept as it was sent; make a new one.")
        )
    bump_revision(StatusReport, report.pk)
    delete(block, actor=actor)


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


@transaction.atomic
def reports_freeze(*, actor: User, meeting: Meeting) -> None:
    """Render each unfrozen status report on the meeting's items to PDF with the figures as they
    are now and keep it as an attachment of its item, so that the notice and the minutes always
    show the figures as they were, whatever is imported later."""
    from partnerskap.meetings.services import attachment_add

    from .documents import report_pdf

    reports = (
        StatusReport.objects.filter(item__meeting=meeting, frozen_at__isnull=True)
        .select_related("item", "partnership__office__county")
        .prefetch_related("sections__blocks")
    )
    for report in reports:
        pdf = report_pdf(report)
        name = f"statusrapport-{report.pk}.pdf"
        report.frozen_attachment = attachment_add(
            actor=actor, item=report.item, file=ContentFile(pdf, name=name), title=report.title
        )
        report.frozen_at = timezone.now()
        save(report, actor=actor)
