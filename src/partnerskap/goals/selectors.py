"""Reads of goals and results: access, and every goal with its progress computed from the figures
as they are now (suppressed as everywhere: a hidden figure is ":" and counts as no value)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from partnerskap.core.models import User
from partnerskap.figures import catalogue
from partnerskap.figures import selectors as figures
from partnerskap.figures.periods import Period, PeriodError, parse_period
from partnerskap.registry.models import Partnership
from partnerskap.registry.selectors import partnership_for_user

from . import progress as arithmetic
from .models import (
    Direction,
    Goal,
    GoalIndicator,
    GoalsPaper,
    Measurement,
    Owner,
    SteeringSignal,
    Target,
)

SUPPRESSED = figures.SUPPRESSED


@dataclass
class Reading:
    """One indicator as it stands: its latest value against its target."""

    indicator: GoalIndicator
    name: str
    unit: str
    baseline: Decimal
    baseline_period: str
    target: Target | None
    actual: Decimal | str | None  # ":" when the only figures there are are suppressed
    actual_period: str
    progress: Decimal | None
    status: str
    # every value, oldest first: (period label, value or ":")
    values: list[tuple[str, Decimal | str]] = field(default_factory=list)

    @property
    def percent(self) -> int | None:
        return arithmetic.percent(self.progress)

    @property
    def status_label(self) -> str:
        return arithmetic.Status(self.status).label

    @property
    def target_value(self) -> Decimal | None:
        return None if self.target is None else plain(self.target.value)


@dataclass
class GoalProgress:
    goal: Goal
    readings: list[Reading]
    progress: Decimal | None
    status: str

    @property
    def percent(self) -> int | None:
        return arithmetic.percent(self.progress)

    @property
    def status_label(self) -> str:
        return arithmetic.Status(self.status).label


# --- access ----------------------------------------------------------------------------------


def goal_for_user(user: User, pk: int, *, change: bool = False) -> Goal:
    """The one access function for goals: 404 outside the partnership, 403 to readers."""
    partnership_id = Goal.objects.filter(pk=pk).values_list("partnership_id", flat=True).first()
    if partnership_id is None:
        raise Http404
    partnership = partnership_for_user(user, partnership_id, change=change)
    goal = Goal.objects.get(pk=pk)
    goal.partnership = partnership
    return goal


def indicator_for_user(user: User, pk: int, *, change: bool = False) -> GoalIndicator:
    goal_id = GoalIndicator.objects.filter(pk=pk).values_list("goal_id", flat=True).first()
    if goal_id is None:
        raise Http404
    goal = goal_for_user(user, goal_id, change=change)
    indicator = GoalIndicator.objects.select_related("series").get(pk=pk)
    indicator.goal = goal
    return indicator


def signal_for_user(user: User, pk: int, *, change: bool = False) -> SteeringSignal:
    partnership_id = (
        SteeringSignal.objects.filter(pk=pk).values_list("partnership_id", flat=True).first()
    )
    if partnership_id is None:
        raise Http404
    partnership = partnership_for_user(user, partnership_id, change=change)
    signal = SteeringSignal.objects.get(pk=pk)
    signal.partnership = partnership
    return signal


# --- goals and their progress ----------------------------------------------------------------


def goals(partnership: Partnership, year: int) -> QuerySet[Goal]:
    return Goal.objects.filter(partnership=partnership, year=year).order_by("position", "pk")


def goal_years(partnership: Partnership) -> list[int]:
    """The years the partnership has goals for, newest first."""
    found = Goal.objects.filter(partnership=partnership).values_list("year", flat=True)
    return sorted(set(found), reverse=True)


def goals_with_progress(partnership: Partnership, year: int) -> list[GoalProgress]:
    """Every goal of the partnership's year with its progress; a constant number of queries
    (at most six) whatever the number of goals and indicators."""
    return progress_of(partnership, list(goals(partnership, year)))


def goal_progress(goal: Goal) -> GoalProgress:
    """One goal with its progress (the goal's ``partnership`` as access gave it)."""
    return progress_of(goal.partnership, [goal])[0]


def progress_of(partnership: Partnership, chosen: list[Goal]) -> list[GoalProgress]:
    """The progress of the given goals of one partnership, in the order given."""
    indicators = list(
        GoalIndicator.objects.filter(goal__in=chosen)
        .select_related("series")
        .prefetch_related(
            Prefetch("targets", queryset=Target.objects.order_by("period_end", "period_start")),
            Prefetch(
                "measurements", queryset=Measurement.objects.order_by("period_end", "period_start")
            ),
        )
        .order_by("position", "pk")
    )
    series = _series_values(partnership, [i.series for i in indicators if i.series_id])
    years = {goal.pk: goal.year for goal in chosen}
    by_goal: dict[int, list[Reading]] = {}
    for indicator in indicators:
        reading = _reading(indicator, years[indicator.goal_id], series)
        by_goal.setdefault(indicator.goal_id, []).append(reading)
    found = []
    for goal in chosen:
        readings = by_goal.get(goal.pk, [])
        value = arithmetic.combined([r.progress for r in readings])
        found.append(GoalProgress(goal, readings, value, arithmetic.status(value)))
    return found


def _series_values(
    partnership: Partnership, wanted: list
) -> dict[str, list[tuple[Period, object]]]:
    """The office's values of each series, by indicator code, oldest first, as the figures app
    publishes them (one query for the catalogue and one for the figures)."""
    if not wanted:
        return {}
    every = figures.indicators()
    columns = figures.with_counts(list({i.pk: i for i in wanted}.values()), every)
    office = partnership.office
    tables = figures.county_decisions(partnership, office.county_id, columns, office=office)
    found: dict[str, list[tuple[Period, object]]] = {}
    for period in sorted(tables):
        for indicator in wanted:
            value = tables[period].get(office.pk, indicator.code)
            if value is not None:
                found.setdefault(indicator.code, []).append((period, value))
    return found


def _reading(indicator: GoalIndicator, year: int, series: dict) -> Reading:
    if indicator.series_id:
        values = series.get(indicator.series.code, [])
        name = figures_label(indicator)
    else:
        values = [
            (Period(m.period_start, m.period_end, ""), m.value)
            for m in indicator.measurements.all()
        ]
        name = indicator.name
    values = [(p, v) for p, v in values if p.start.year <= year]
    shown = [(p, v) for p, v in values if v != SUPPRESSED]
    latest = shown[-1] if shown else None
    targets = list(indicator.targets.all())
    target = _target(targets, latest[0] if latest else None)
    actual = plain(Decimal(latest[1])) if latest else None
    value = None
    if target is not None and actual is not None:
        up = indicator.direction == Direction.UP
        value = arithmetic.progress(indicator.baseline, target.value, actual, up)
    return Reading(
        indicator=indicator,
        name=name,
        unit=indicator.unit,
        baseline=plain(indicator.baseline),
        baseline_period=_label(indicator.baseline_period),
        target=target,
        actual=actual if latest else (SUPPRESSED if values else None),
        actual_period=_period_label(latest[0]) if latest else "",
        progress=value,
        status=arithmetic.status(value),
        values=[(_period_label(p), v if v == SUPPRESSED else plain(v)) for p, v in values],
    )


def _target(targets: list[Target], period: Period | None) -> Target | None:
    """The target of the period the latest value falls in, else the next one, else the last."""
    if not targets:
        return None
    if period is not None:
        for target in targets:
            if target.period_end >= period.end:
                return target
    return targets[-1]


def plain(value: Decimal) -> Decimal:
    """A whole number without its decimals (1130.00 → 1130), others as they are."""
    value = Decimal(value)
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def figures_label(indicator: GoalIndicator) -> str:
    return catalogue.label(indicator.series)


def _period_label(period: Period) -> str:
    if period.kind:
        return period.label
    return _label(f"{period.start.isoformat()}/{period.end.isoformat()}")


def _label(text: str) -> str:
    """A period as people read it ("week 10 2020"), or the text as given if it is none."""
    if not text:
        return ""
    try:
        return parse_period(text).label
    except PeriodError:
        return text


# --- steering signals and papers -------------------------------------------------------------


def signals(partnership: Partnership, year: int) -> dict[str, list[SteeringSignal]]:
    """The owners' signals side by side: {"state": [...], "municipality": [...]}, each marked with
    ``pulled_by``, the signals that say they pull apart from it."""
    found = list(
        SteeringSignal.objects.filter(partnership=partnership, year=year)
        .select_related("pulls_against")
        .order_by("owner", "pk")
    )
    for signal in found:
        signal.pulled_by = [s for s in found if s.pulls_against_id == signal.pk]
    return {owner: [s for s in found if s.owner == owner] for owner in Owner.values}


def signal_years(partnership: Partnership) -> list[int]:
    found = SteeringSignal.objects.filter(partnership=partnership).values_list("year", flat=True)
    return sorted(set(found), reverse=True)


def papers(partnership: Partnership, year: int) -> QuerySet[GoalsPaper]:
    return (
        GoalsPaper.objects.filter(partnership=partnership, year=year)
        .select_related("item__meeting__body", "frozen_attachment")
        .order_by("-created_at", "-pk")
    )
