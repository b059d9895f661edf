"""C7: an office's reception locations, their walk-in hours, visits counted there, and scenarios.

No personal data about NAV's users is ever stored: a visit is a date, a place, an arrival time
and a number of minutes (docs/decisions/0016).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerskap.core.models import TimeStampedModel
from partnerskap.registry.models import Office, Weekday

User = settings.AUTH_USER_MODEL


class LocationKind(models.TextChoices):
    MAIN_OFFICE = "main_office", _("Main office")
    BRANCH = "branch", _("Branch office")
    TOWN_HALL_ROOM = "town_hall_room", _("Room in a town hall")
    OTHER = "other", _("Other place")


class Location(TimeStampedModel):
    """A place where the office receives walk-in visits."""

    office = models.ForeignKey(
        Office,
        on_delete=models.PROTECT,
        related_name="reception_locations",
        verbose_name=_("office"),
    )
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(
        _("kind of place"), max_length=20, choices=LocationKind.choices, default=LocationKind.BRANCH
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    staff_on_duty = models.PositiveSmallIntegerField(
        _("staff on duty"),
        default=1,
        validators=[MaxValueValidator(50)],
        help_text=_("How many staff are at the reception while it is open."),
    )
    travelling_staff = models.PositiveSmallIntegerField(
        _("staff who travel there"),
        default=0,
        validators=[MaxValueValidator(50)],
        help_text=_("How many of the staff on duty come from another place on each open day."),
    )
    travel_hours = models.DecimalField(
        _("travel hours per person per open day"),
        max_digits=4,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
        help_text=_("There and back, for example 3 or 1.5."),
    )
    revision = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reception location")
        verbose_name_plural = _("reception locations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["office", "name"], name="reception_location_name"),
            models.CheckConstraint(
                condition=Q(travelling_staff__lte=models.F("staff_on_duty")),
                name="reception_travelling_within_staff",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class WalkInHours(TimeStampedModel):
    """One interval when a location is open for walk-ins; a weekday may have several."""

    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="hours", verbose_name=_("location")
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("walk-in hours")
        verbose_name_plural = _("walk-in hours")
        ordering = ["weekday", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes__gt=models.F("opens")), name="walk_in_hours_closes_after_opens"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class VisitSource(models.TextChoices):
    COUNTER = "counter", _("Counter page")
    IMPORT = "import", _("File import")
    API = "api", _("API")


class ImportStatus(models.TextChoices):
    PREVIEW = "preview", _("Waiting for confirmation")
    DONE = "done", _("Imported")
    WITHDRAWN = "withdrawn", _("Withdrawn: its visits were removed")


class VisitImport(TimeStampedModel):
    """An uploaded file of visits: kept as a preview until someone confirms it, then imported."""

    office = models.ForeignKey(
        Office, on_delete=models.PROTECT, related_name="visit_imports", verbose_name=_("office")
    )
    file_name = models.CharField(_("file name"), max_length=200)
    content = models.BinaryField(_("content"))
    sha256 = models.CharField(max_length=64)
    status = models.CharField(
        _("status"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.PREVIEW
    )
    rows = models.PositiveIntegerField(_("rows"), default=0)
    created_by = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name=_("uploaded by")
    )

    class Meta:
        verbose_name = _("visit import")
        verbose_name_plural = _("visit imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.file_name


class Visit(models.Model):
    """One walk-in visit. Deliberately nothing about who came (docs/decisions/0016)."""

    location = models.ForeignKey(
        Location, on_delete=models.PROTECT, related_name="visits", verbose_name=_("location")
    )
    day = models.DateField(_("date"))
    arrival = models.TimeField(_("time of arrival"))
    minutes = models.PositiveSmallIntegerField(
        _("minutes spent"), validators=[MaxValueValidator(24 * 60)]
    )
    outside_hours = models.BooleanField(
        _("outside walk-in hours"),
        default=False,
        help_text=_("The person registering it confirmed a visit outside walk-in hours."),
    )
    source = models.CharField(_("source"), max_length=10, choices=VisitSource.choices)
    visit_import = models.ForeignKey(
        VisitImport,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="visits",
        verbose_name=_("import"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name=_("registered by")
    )
    # Visits registered one at a time and removed ones leave a trace (who, when); bulk imports
    # are traced by their VisitImport (decision 0016).
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        ordering = ["-day", "-arrival", "-pk"]
        indexes = [models.Index(fields=["location", "day"])]

    def __str__(self) -> str:
        return f"{self.day} {self.arrival:%H:%M}"


class CountedTotals(TimeStampedModel):
    """Where visits were only counted: days observed, visits and minutes with visitors."""

    location = models.ForeignKey(
        Location, on_delete=models.PROTECT, related_name="totals", verbose_name=_("location")
    )
    first_day = models.DateField(_("first day counted"))
    last_day = models.DateField(_("last day counted"))
    days_observed = models.PositiveSmallIntegerField(_("open days counted"))
    visits = models.PositiveIntegerField(_("visits"))
    minutes_with_visitors = models.PositiveIntegerField(_("staff minutes with visitors"))
    opening_hours = models.DecimalField(
        _("opening hours in all"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Leave empty to use the location's walk-in hours for the days counted."),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("counted totals")
        verbose_name_plural = _("counted totals")
        ordering = ["-first_day"]
        constraints = [
            models.CheckConstraint(
                condition=Q(last_day__gte=models.F("first_day")), name="reception_totals_period"
            ),
            models.CheckConstraint(condition=Q(days_observed__gt=0), name="reception_totals_days"),
        ]

    def __str__(self) -> str:
        return f"{self.location}: {self.first_day}–{self.last_day}"


class Scenario(TimeStampedModel):
    """A saved what-if: changes at one or more locations, over a year of stated open weeks."""

    office = models.ForeignKey(
        Office,
        on_delete=models.PROTECT,
        related_name="reception_scenarios",
        verbose_name=_("office"),
    )
    name = models.CharField(_("name"), max_length=150)
    first_day = models.DateField(_("observed from"))
    last_day = models.DateField(_("observed to"))
    open_weeks = models.PositiveSmallIntegerField(
        _("open weeks a year"), validators=[MinValueValidator(1), MaxValueValidator(53)]
    )
    revision = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("scenario")
        verbose_name_plural = _("scenarios")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(last_day__gte=models.F("first_day")), name="reception_scenario_period"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ChangeKind(models.TextChoices):
    KEEP_HOURS = "keep_hours", _("Open only between two times")
    CUT_HOURS = "cut_hours", _("Close between two times")
    FEWER_DAYS = "fewer_days", _("Close on some weekdays")
    CLOSE = "close", _("Close for walk-ins")


class ScenarioChange(TimeStampedModel):
    """One change at one location in a scenario, with the assumptions it needs."""

    scenario = models.ForeignKey(
        Scenario, on_delete=models.CASCADE, related_name="changes", verbose_name=_("scenario")
    )
    location = models.ForeignKey(
        Location, on_delete=models.PROTECT, related_name="+", verbose_name=_("location")
    )
    kind = models.CharField(_("change"), max_length=12, choices=ChangeKind.choices)
    from_time = models.TimeField(_("from"), null=True, blank=True)
    to_time = models.TimeField(_("to"), null=True, blank=True)
    weekdays = models.JSONField(_("weekdays"), default=list, blank=True)
    percent_to_other_location = models.PositiveSmallIntegerField(
        _("share of visits moved to another location (%)"),
        default=0,
        validators=[MaxValueValidator(100)],
    )
    other_location = models.ForeignKey(
        Location,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("moved to"),
    )
    percent_to_appointments = models.PositiveSmallIntegerField(
        _("share of visits that become appointments (%)"),
        default=0,
        validators=[MaxValueValidator(100)],
    )
    minutes_per_appointment = models.PositiveSmallIntegerField(
        _("minutes per appointment"), null=True, blank=True
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("scenario change")
        verbose_name_plural = _("scenario changes")
        ordering = ["location__name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["scenario", "location"], name="reception_one_change_per_location"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.location}: {self.get_kind_display()}"
