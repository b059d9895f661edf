"""Goals and results (DOMAIN.md C11): what the owners agree to reach in a year, and how far the
office has come.

A :class:`Goal` belongs to a partnership and a year and says where it comes from (the state's
steering signals, the municipality's plan, the partnership's own). It is measured by one or more
:class:`GoalIndicator`: either an existing key-figure series of the figures app (its values come
from the imports, suppressed as everywhere) or a measure entered by hand (:class:`Measurement`).
Each indicator has a baseline, a direction and a :class:`Target` per period. Progress is computed
when read (selectors), never stored: a new import moves it without any edit here.

:class:`SteeringSignal` holds the owners' steering signals side by side; a signal can be marked
as pulling apart from another. :class:`GoalsPaper` puts the goals table on a meeting's agenda
item and is frozen into the meeting's papers as a PDF when the notice is sent.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerskap.core.models import TimeStampedModel


class Source(models.TextChoices):
    STATE = "state", _("the state's steering signals")
    MUNICIPALITY = "municipality", _("the municipality's plan")
    PARTNERSHIP = "partnership", _("the partnership's own")


class Direction(models.TextChoices):
    UP = "up", _("higher is better")
    DOWN = "down", _("lower is better")


class Goal(TimeStampedModel):
    partnership = models.ForeignKey(
        "registry.Partnership", on_delete=models.CASCADE, related_name="goals"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("goal"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    source = models.CharField(
        _("source"), max_length=20, choices=Source.choices, default=Source.PARTNERSHIP
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    revision = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["year", "position", "id"]
        indexes = [models.Index(fields=["partnership", "year"], name="goals_goal_year")]

    def __str__(self) -> str:
        return self.title


class GoalIndicator(TimeStampedModel):
    """How a goal is measured: a key-figure series (``series``) or a measure entered by hand."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="indicators")
    series = models.ForeignKey(
        "figures.Indicator",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("key figure"),
    )
    name = models.CharField(
        _("measure"),
        max_length=200,
        blank=True,
        help_text=_("For a measure entered by hand; a key figure has its own name."),
    )
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    direction = models.CharField(
        _("direction"), max_length=4, choices=Direction.choices, default=Direction.UP
    )
    baseline = models.DecimalField(_("baseline"), max_digits=18, decimal_places=2)
    baseline_period = models.CharField(_("baseline period"), max_length=40, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(series__isnull=False) | ~Q(name=""), name="goals_indicator_named"
            )
        ]

    def __str__(self) -> str:
        return self.name or str(self.series_id)


class Target(TimeStampedModel):
    """What the indicator should reach by the end of a period (a year, tertial, month, week)."""

    indicator = models.ForeignKey(GoalIndicator, on_delete=models.CASCADE, related_name="targets")
    period_text = models.CharField(_("period"), max_length=40)
    period_start = models.DateField()
    period_end = models.DateField()
    value = models.DecimalField(_("target"), max_digits=18, decimal_places=2)
    comment = models.CharField(_("comment"), max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["period_end", "period_start", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period_start", "period_end"], name="goals_target_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.period_text}: {self.value}"


class Measurement(TimeStampedModel):
    """A value of a measure entered by hand, for one period."""

    indicator = models.ForeignKey(
        GoalIndicator, on_delete=models.CASCADE, related_name="measurements"
    )
    period_text = models.CharField(_("period"), max_length=40)
    period_start = models.DateField()
    period_end = models.DateField()
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=2)
    comment = models.CharField(_("comment"), max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        ordering = ["period_end", "period_start", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period_start", "period_end"], name="goals_measurement_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.period_text}: {self.value}"


class Owner(models.TextChoices):
    STATE = "state", _("the state (NAV)")
    MUNICIPALITY = "municipality", _("the municipality")


class SteeringSignal(TimeStampedModel):
    """One owner's steering signal for the office in a year, e.g. from the state's letter of
    allocation or the municipality's plan. ``pulls_against`` marks, explicitly, another signal it
    pulls apart from, with a note saying how."""

    partnership = models.ForeignKey(
        "registry.Partnership", on_delete=models.CASCADE, related_name="steering_signals"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    owner = models.CharField(_("owner"), max_length=20, choices=Owner.choices)
    title = models.CharField(_("steering signal"), max_length=200)
    text = models.TextField(_("text"), blank=True)
    document = models.CharField(
        _("from"), max_length=200, blank=True, help_text=_("E.g. the letter of allocation 2026.")
    )
    pulls_against = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("pulls apart from"),
    )
    conflict_note = models.CharField(_("how they pull apart"), max_length=300, blank=True)
    revision = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("steering signal")
        verbose_name_plural = _("steering signals")
        ordering = ["year", "owner", "id"]

    def __str__(self) -> str:
        return self.title


class GoalsPaper(TimeStampedModel):
    """The goals table of a partnership's year on a meeting's agenda item; frozen into the
    meeting's papers as a PDF attachment when the notice is sent."""

    partnership = models.ForeignKey(
        "registry.Partnership", on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    item = models.ForeignKey(
        "meetings.AgendaItem",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("agenda item"),
    )
    frozen_attachment = models.ForeignKey(
        "meetings.Attachment", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    frozen_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("goals and results on an agenda item")
        verbose_name_plural = _("goals and results on agenda items")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.year}"
