"""Goals and results' writes: each function one use case with keyword-only arguments and the
actor, in one transaction, through the write kernel (core.services)."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from partnerskap.core.models import User
from partnerskap.core.services import bump_revision, claim_revision, save
from partnerskap.figures.models import Indicator
from partnerskap.figures.periods import PeriodError, parse_period
from partnerskap.registry.models import Partnership

from .models import Goal, GoalIndicator, Measurement, Source, SteeringSignal, Target

FIRST_YEAR, LAST_YEAR = 2000, 2100


def _check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError(
            {"year": _("Give a year from %(first)s to %(last)s.") % {"first": FIRST_YEAR,
                                                                      "last": LAST_YEAR}}
        )  # fmt: skip


def _check_title(title: str) -> str:
    if not title.strip():
        raise ValidationError({"title": _("Give the goal a title.")})
    return title.strip()


@transaction.atomic
def goal_create(
    *,
    actor: User,
    partnership: Partnership,
    year: int,
    title: str,
    description: str = "",
    source: str = Source.PARTNERSHIP,
) -> Goal:
    _check_year(year)
    position = Goal.objects.filter(partnership=partnership, year=year).count()
    goal = Goal(
        partnership=partnership,
        year=year,
        title=_check_title(title),
        description=description.strip(),
        source=source,
        position=position,
    )
    return save(goal, actor=actor)


@transaction.atomic
def goal_update(
    *,
    actor: User,
    goal: Goal,
    revision: int | None,
    title: str,
    description: str,
    source: str,
) -> Goal:
    claim_revision(Goal, goal.pk, revision)
    partnership = goal.partnership
    goal = Goal.objects.get(pk=goal.pk)
    goal.title = _check_title(title)
    goal.description = description.strip()
    goal.source = source
    save(goal, actor=actor)
    goal.partnership = partnership
    return goal


def _period(text: str, field: str) -> tuple[str, object]:
    try:
        period = parse_period(text)
    except PeriodError as exc:
        raise ValidationError({field: str(exc)}) from None
    return period.code, period


@transaction.atomic
def indicator_add(
    *,
    actor: User,
    goal: Goal,
    series: Indicator | None = None,
    name: str = "",
    unit: str = "",
    direction: str,
    baseline: Decimal,
    baseline_period: str = "",
) -> GoalIndicator:
    """A key-figure series (``series``) or a measure entered by hand (``name``)."""
    if series is None and not name.strip():
        raise ValidationError(
            {"name": _("Choose a key figure or name the measure you will enter by hand.")}
        )
    if series is not None and name.strip():
        raise ValidationError(
            {"name": _("A key figure has its own name: leave the measure empty, or choose no key "
                       "figure.")}
        )  # fmt: skip
    if baseline_period.strip():
        baseline_period, _p = _period(baseline_period, "baseline_period")
    bump_revision(Goal, goal.pk)
    indicator = GoalIndicator(
        goal=goal,
        series=series,
        name=name.strip(),
        unit=unit.strip(),
        direction=direction,
        baseline=baseline,
        baseline_period=baseline_period.strip(),
        position=goal.indicators.count(),
    )
    return save(indicator, actor=actor)


@transaction.atomic
def target_set(
    *,
    actor: User,
    indicator: GoalIndicator,
    period_text: str,
    value: Decimal,
    comment: str = "",
) -> Target:
    """The target for a period; a second target for the same period replaces the first (its
    history keeps what it was)."""
    code, period = _period(period_text, "period_text")
    bump_revision(Goal, indicator.goal_id)
    target = Target.objects.filter(
        indicator=indicator, period_start=period.start, period_end=period.end
    ).first() or Target(indicator=indicator, period_start=period.start, period_end=period.end)
    target.period_text = code
    target.value = value
    target.comment = comment.strip()
    return save(target, actor=actor)


@transaction.atomic
def measurement_add(
    *,
    actor: User,
    indicator: GoalIndicator,
    period_text: str,
    value: Decimal,
    comment: str = "",
) -> Measurement:
    """A value of a measure entered by hand; a key figure's values come from its imports."""
    if indicator.series_id:
        raise ValidationError(
            {"value": _("This indicator is a key figure: its values come from the figure "
                        "imports.")}
        )  # fmt: skip
    code, period = _period(period_text, "period_text")
    bump_revision(Goal, indicator.goal_id)
    found = Measurement.objects.filter(
        indicator=indicator, period_start=period.start, period_end=period.end
    ).first()
    measurement = found or Measurement(
        indicator=indicator, period_start=period.start, period_end=period.end
    )
    measurement.period_text = code
    measurement.value = value
    measurement.comment = comment.strip()
    return save(measurement, actor=actor)


# --- steering signals ------------------------------------------------------------------------


def _check_against(partnership: Partnership, year: int, against: SteeringSignal | None) -> None:
    if against is not None and (against.partnership_id != partnership.pk or against.year != year):
        raise ValidationError(
            {"pulls_against": _("Choose a signal of the same partnership and year.")}
        )


@transaction.atomic
def signal_create(
    *,
    actor: User,
    partnership: Partnership,
    year: int,
    owner: str,
    title: str,
    text: str = "",
    document: str = "",
    pulls_against: SteeringSignal | None = None,
    conflict_note: str = "",
) -> SteeringSignal:
    _check_year(year)
    if not title.strip():
        raise ValidationError({"title": _("Give the steering signal a title.")})
    _check_against(partnership, year, pulls_against)
    signal = SteeringSignal(
        partnership=partnership,
        year=year,
        owner=owner,
        title=title.strip(),
        text=text.strip(),
        document=document.strip(),
        pulls_against=pulls_against,
        conflict_note=conflict_note.strip() if pulls_against else "",
    )
    return save(signal, actor=actor)
