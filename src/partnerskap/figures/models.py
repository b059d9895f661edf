"""The figures app's data: the indicator catalogue, observations in versions, imports and status
reports (DOMAIN.md C5).

Observations belong to the partnership that imported them (docs/decisions/0013): a county table
imported by one partnership never changes what another partnership sees. A new extraction of the
same figure is a new row with the next version; the latest is current and older ones are kept.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerskap.core.models import TimeStampedModel


class Unit(models.TextChoices):
    COUNT = "count", _("count")
    SHARE = "share", _("share (per cent)")
    NOK = "nok", _("NOK")
    FTE = "fte", _("FTEs")


class Level(models.TextChoices):
    OFFICE = "office", _("office")
    MUNICIPALITY = "municipality", _("municipality")
    COUNTY = "county", _("county")
    COUNTRY = "country", _("country")
    # A row the source counts but that names no unit: "Ikke i et fylkesdistrikt", "Uoppgitt"
    OTHER = "other", _("not a unit")


class PeriodKind(models.TextChoices):
    WEEK = "week", _("week")
    MONTH = "month", _("month")
    TERTIAL = "tertial", _("tertial")
    YEAR = "year", _("year")
    RANGE = "range", _("date range")


class Indicator(TimeStampedModel):
    """A key figure the owners follow, with what it means and where it comes from.

    A share is not stored: it is ``numerator`` of ``denominator``, computed from the counts so it
    can never disagree with them and is hidden whenever either count is.
    """

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    definition = models.TextField(_("definition"))
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices)
    level = models.CharField(_("level"), max_length=12, choices=Level.choices)
    source = models.CharField(_("source"), max_length=200)
    external_code = models.CharField(
        _("code at the source"), max_length=60, blank=True, help_text=_("For JSON-stat imports.")
    )
    numerator = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    denominator = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    position = models.PositiveSmallIntegerField(default=100)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_derived(self) -> bool:
        return self.numerator_id is not None and self.denominator_id is not None


class ImportKind(models.TextChoices):
    CSV = "csv", _("CSV")
    XLSX = "xlsx", _("Excel (XLSX)")
    JSONSTAT = "jsonstat", _("JSON-stat")
    MANUAL = "manual", _("manual entry")


class ImportStatus(models.TextChoices):
    PREVIEW = "preview", _("preview")
    COMMITTED = "committed", _("committed")
    DISCARDED = "discarded", _("discarded")


class ImportBatch(TimeStampedModel):
    """One upload: parsed and checked into ``preview``, then committed in one transaction."""

    partnership = models.ForeignKey(
        "registry.Partnership", on_delete=models.CASCADE, related_name="figure_imports"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=ImportKind.choices)
    file_name = models.CharField(_("file"), max_length=255)
    sha256 = models.CharField(max_length=64)
    table = models.CharField(_("table"), max_length=40)
    source = models.CharField(_("source"), max_length=200)
    extracted_on = models.DateField(_("extracted on"))
    period_text = models.CharField(_("period"), max_length=40, blank=True)
    status = models.CharField(
        max_length=10, choices=ImportStatus.choices, default=ImportStatus.PREVIEW
    )
    # What the preview shows: {"headers": [...], "rows": [{"label", "cells", "flags"}]}
    preview = models.JSONField(default=dict, blank=True)
    # What commit writes: [indicator code, level, area id or None, kind, start, end, value]
    observations = models.JSONField(default=list, blank=True)
    # The file as uploaded, while in preview: read again when the person changes the columns
    upload = models.BinaryField(blank=True, default=b"", editable=False)
    flagged_rows = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    committed_at = models.DateTimeField(null=True, blank=True)
    revision = models.PositiveIntegerField(default=1)

    history = HistoricalRecords(excluded_fields=["preview", "observations", "upload"])

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "sha256"],
                condition=~Q(status="discarded"),
                name="figures_import_file_once",
            )
        ]

    def __str__(self) -> str:
        return self.file_name


class ColumnMapping(TimeStampedModel):
    """How the partnership's files with one header row are read, as a person confirmed it on
    committing an import: the next file with the same column names is read the same way
    (docs/decisions/0030)."""

    partnership = models.ForeignKey(
        "registry.Partnership", on_delete=models.CASCADE, related_name="+"
    )
    table = models.CharField(_("table"), max_length=40)
    # sha256 of the header row, normalised (mapping.fingerprint)
    fingerprint = models.CharField(max_length=64)
    headers = models.JSONField(_("columns"), default=list)
    # for each column of the header row: the table column's key (mapping.column_key) or ""
    keys = models.JSONField(default=list)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(_("confirmed"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("remembered column mapping")
        verbose_name_plural = _("remembered column mappings")
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "table", "fingerprint"], name="figures_mapping_once"
            )
        ]

    def __str__(self) -> str:
        return ", ".join(self.headers)


class Observation(models.Model):
    """One value of one indicator for one area and period, as one extraction gave it.

    Kept lean (no UUID, no history table): there are millions, and versions are history enough.
    """

    partnership = models.ForeignKey(
        "registry.Partnership", on_delete=models.CASCADE, related_name="+"
    )
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+")
    level = models.CharField(max_length=12, choices=Level.choices)
    office = models.ForeignKey(
        "registry.Office", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    municipality = models.ForeignKey(
        "registry.Municipality", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    county = models.ForeignKey(
        "registry.County", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # The pseudo-unit's name as the source gave it, for level "other" (blank for a unit)
    label = models.CharField(max_length=100, blank=True, default="")
    period_kind = models.CharField(max_length=10, choices=PeriodKind.choices)
    period_start = models.DateField()
    period_end = models.DateField()
    value = models.DecimalField(max_digits=18, decimal_places=2)
    source = models.CharField(max_length=200)
    extracted_on = models.DateField()
    batch = models.ForeignKey(
        ImportBatch, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)
    is_current = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["period_start", "indicator_id"]
        indexes = [
            models.Index(
                fields=["partnership", "level", "period_start"],
                name="figures_obs_lookup",
                condition=Q(is_current=True),
            ),
            # the versioning lookup of every import batch, and the pages' period filters
            models.Index(
                fields=["partnership", "period_start", "indicator"],
                name="figures_obs_period",
                condition=Q(is_current=True),
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "partnership",
                    "indicator",
                    "level",
                    "office",
                    "municipality",
                    "county",
                    "label",
                    "period_start",
                    "period_end",
                    "version",
                ],
                name="figures_observation_version_once",
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="figures_observation_period_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.period_start} {self.value}"


class SectionKind(models.TextChoices):
    STAFFING = "staffing", _("Staffing")
    ECONOMY = "economy", _("Economy")
    USERS = "users", _("Users")
    SERVICES = "services", _("Services by area")
    CHALLENGES = "challenges", _("Challenges")
    DEVELOPMENT = "development", _("Development")


class StatusReport(TimeStampedModel):
    """A status report for a partnership meeting: sections of text and live figure blocks."""

    partnership = models.ForeignKey(
        "registry.Partnership", on_delete=models.CASCADE, related_name="status_reports"
    )
    title = models.CharField(_("title"), max_length=200)
    item = models.ForeignKey(
        "meetings.AgendaItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("agenda item"),
    )
    frozen_attachment = models.ForeignKey(
        "meetings.Attachment", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    frozen_at = models.DateTimeField(null=True, blank=True)
    revision = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("status report")
        verbose_name_plural = _("status reports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class Comparison(models.TextChoices):
    NONE = "none", _("the figure alone")
    PREVIOUS = "previous", _("against an earlier period")
    AREAS = "areas", _("against the county and the country")


class ReportSection(TimeStampedModel):
    report = models.ForeignKey(StatusReport, on_delete=models.CASCADE, related_name="sections")
    kind = models.CharField(_("section"), max_length=20, choices=SectionKind.choices)
    position = models.PositiveSmallIntegerField(default=0)
    text = models.TextField(_("text"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["report", "kind"], name="figures_section_once")
        ]


class FigureBlock(TimeStampedModel):
    """A live figure in a section: an indicator for a period, maybe compared, maybe charted."""

    section = models.ForeignKey(ReportSection, on_delete=models.CASCADE, related_name="blocks")
    position = models.PositiveSmallIntegerField(default=0)
    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="+", verbose_name=_("indicator")
    )
    period_text = models.CharField(_("period"), max_length=40)
    comparison = models.CharField(
        _("comparison"), max_length=10, choices=Comparison.choices, default=Comparison.NONE
    )
    compare_period_text = models.CharField(_("earlier period"), max_length=40, blank=True)
    chart = models.BooleanField(_("show a chart"), default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "id"]
