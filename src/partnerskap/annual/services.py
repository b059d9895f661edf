"""Every change to council reports: the leader's texts (optimistic revision) and "send", which
freezes a new version with its DOCX and PDF/A (docs/decisions/0090)."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from partnerskap.core.errors import ConflictError
from partnerskap.core.models import User
from partnerskap.core.services import claim_revision, locked, save
from partnerskap.registry.access import access_scope
from partnerskap.registry.models import Partnership

from . import documents
from .models import CouncilReport, CouncilReportVersion
from .report import report_content, section_keys
from .wheel import default_due

MAX_TEXT = 20_000


def _check(actor: User, partnership: Partnership) -> None:
    if not access_scope(actor).can_edit_partnership(partnership.pk):
        raise PermissionDenied


def _clean_texts(texts: dict) -> dict[str, str]:
    known = dict(section_keys())
    cleaned = {}
    for key, value in texts.items():
        if key not in known:
            raise ValidationError({"texts": _("There is no section “%(key)s”.") % {"key": key}})
        text = str(value or "").strip()
        if len(text) > MAX_TEXT:
            raise ValidationError(
                {key: _("The text for %(section)s is longer than 20 000 characters.")
                 % {"section": known[key]}}
            )  # fmt: skip
        if text:
            cleaned[key] = text
    return cleaned


@transaction.atomic
def report_edit(
    *,
    actor: User,
    partnership: Partnership,
    year: int,
    revision: int | None,
    texts: dict,
    due: date | None = None,
) -> CouncilReport:
    """Save the leader's texts (and the due date). The first save creates the draft, from
    revision 0; after that the revision the person started from must still be the saved one."""
    _check(actor, partnership)
    cleaned = _clean_texts(texts)
    existing = CouncilReport.objects.filter(partnership=partnership, year=year).first()
    if existing is None:
        if revision not in (0, None):
            raise ConflictError()
        report = CouncilReport(
            partnership=partnership, year=year, due=due or default_due(year), texts=cleaned
        )
        return save(report, actor=actor)
    new_revision = claim_revision(CouncilReport, existing.pk, revision)
    report = locked(CouncilReport, existing.pk)
    report.texts = {**report.texts, **cleaned}
    for key in texts:
        if key not in cleaned:
            report.texts.pop(key, None)
    report.due = due or report.due
    report.revision = new_revision
    return save(report, actor=actor)


def report_open(*, actor: User, partnership: Partnership, year: int) -> CouncilReport:
    """The year's report, created empty when there is none yet."""
    _check(actor, partnership)
    report, _created = CouncilReport.objects.get_or_create(
        partnership=partnership, year=year, defaults={"due": default_due(year)}
    )
    return report


@transaction.atomic
def report_send(*, actor: User, partnership: Partnership, year: int) -> CouncilReportVersion:
    """Freeze the report as it stands now: a new version with its content, DOCX and PDF/A.
    Earlier versions stay as they were."""
    report = report_open(actor=actor, partnership=partnership, year=year)
    report = locked(CouncilReport, report.pk, "partnership", "partnership__office")
    content = report_content(report)
    last = report.versions.aggregate(last=Max("number"))["last"] or 0
    version = CouncilReportVersion(report=report, number=last + 1, content=content, sent_by=actor)
    version.docx.save(
        documents.file_name(content, version.number, "docx"),
        ContentFile(documents.report_docx(content)),
        save=False,
    )
    version.pdf.save(
        documents.file_name(content, version.number, "pdf"),
        ContentFile(documents.report_pdf(content)),
        save=False,
    )
    return save(version, actor=actor)
