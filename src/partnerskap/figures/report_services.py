"""Status reports' writes: sections of text and live figure blocks, frozen when the notice goes.

Each function is one use case with keyword-only arguments and the actor, in one transaction.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerskap.core.models import User
from partnerskap.core.services import bump_revision, claim_revision, delete, save
from partnerskap.meetings.models import Meeting
from partnerskap.registry.models import Partnership

from .models import Comparison, FigureBlock, Indicator, ReportSection, SectionKind, StatusReport
from .periods import PeriodError, parse_period


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
