"""The yearly report to the municipal council (C12) with its frozen versions, and the record of
the annual wheel's reminders (docs/decisions/0090)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerskap.core.models import TimeStampedModel
from partnerskap.registry.models import Partnership


class CouncilReport(TimeStampedModel):
    """A partnership's report for one year: the leader's text per section; the facts are read
    from the other apps whenever it is shown or sent."""

    partnership = models.ForeignKey(
        Partnership,
        on_delete=models.PROTECT,
        related_name="council_reports",
        verbose_name=_("partnership"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    due = models.DateField(_("due"), help_text=_("When the report is to go to the council."))
    texts = models.JSONField(_("texts per section"), default=dict, blank=True)
    revision = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("council report")
        verbose_name_plural = _("council reports")
        ordering = ["partnership", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "year"], name="one_report_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.partnership} {self.year}"


class CouncilReportVersion(TimeStampedModel):
    """What was sent: the content as it stood, and the DOCX and PDF/A made from it."""

    report = models.ForeignKey(
        CouncilReport, on_delete=models.CASCADE, related_name="versions", verbose_name=_("report")
    )
    number = models.PositiveIntegerField(_("number"))
    content = models.JSONField(_("content"))
    docx = models.FileField(_("Word document"), upload_to="annual/%Y/")
    pdf = models.FileField(_("PDF/A"), upload_to="annual/%Y/")
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("sent council report")
        verbose_name_plural = _("sent council reports")
        ordering = ["report", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="report_version_once")
        ]

    def __str__(self) -> str:
        return f"{self.report} v{self.number}"


class WheelReminder(models.Model):
    """One due date of the annual wheel that has been reminded: never twice."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(_("what"), max_length=200)
    due = models.DateField(_("due"))
    recipients = models.TextField(_("recipients"), blank=True)
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "key", "due"], name="wheel_reminded_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.key} {self.due}"
