"""Freezing status reports into a meeting's notice (connected in apps.py).

When the notice is sent, each status report attached to one of the meeting's items is rendered
to PDF with the figures as they are at that moment and stored as an attachment of its item, so
the notice and the minutes always show the figures as they were, whatever is imported later.
"""

from django.core.files.base import ContentFile
from django.dispatch import receiver
from django.utils import timezone

from partnerskap.core.models import User
from partnerskap.meetings.models import Meeting
from partnerskap.meetings.signals import notice_sent


@receiver(notice_sent, dispatch_uid="figures_freeze_status_reports")
def freeze_status_reports(
    sender: object, *, actor: User, meeting: Meeting, **kwargs: object
) -> None:
    from partnerskap.meetings.services import attachment_add

    from .documents import report_pdf
    from .models import StatusReport

    reports = (
        StatusReport.objects.filter(item__meeting=meeting, frozen_at__isnull=True)
        .select_related("item", "partnership__office__county")
        .prefetch_related("sections__blocks")
    )
    for report in reports:
        pdf = report_pdf(report)
        name = f"statusrapport-{report.pk}.pdf"
        attachment = attachment_add(
            actor=actor, item=report.item, file=ContentFile(pdf, name=name), title=report.title
        )
        report.frozen_attachment = attachment
        report.frozen_at = timezone.now()
        report._history_user = actor
        report.save(update_fields=["frozen_attachment", "frozen_at", "updated_at"])
