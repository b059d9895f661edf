"""Freezing project status reports into a steering-group meeting's notice (connected in apps.py).

When the notice is sent, each project status report attached to one of the meeting's items is
rendered to PDF/A as the status stands at that moment and stored as an attachment of its item;
later status entries do not change what the meeting was sent (as figures' status reports do).
"""

from django.core.files.base import ContentFile
from django.dispatch import receiver
from django.utils import timezone

from partnerskap.core.models import User
from partnerskap.core.services import save
from partnerskap.meetings.models import Meeting
from partnerskap.meetings.signals import notice_sent


@receiver(notice_sent, dispatch_uid="projects_freeze_status_reports")
def freeze_status_reports(
    sender: object, *, actor: User, meeting: Meeting, **kwargs: object
) -> None:
    from partnerskap.meetings.services import attachment_add

    from .documents import report_pdf
    from .models import ProjectStatusReport

    reports = ProjectStatusReport.objects.filter(
        item__meeting=meeting, frozen_at__isnull=True
    ).select_related("project", "item", "item__meeting")
    for report in reports:
        name = f"prosjektstatus-{report.pk}.pdf"
        report.frozen_attachment = attachment_add(
            actor=actor,
            item=report.item,
            file=ContentFile(report_pdf(report), name=name),
            title=report.project.name,
        )
        report.frozen_at = timezone.now()
        save(report, actor=actor)
