"""Goals and results in the API: the same access functions, selectors and services as the pages.

Members of the partnership read; those who may change the partnership (the NAV leader, the
municipal owner, the county's state owner) write."""

from decimal import Decimal
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from partnerskap.figures.models import Indicator
from partnerskap.registry.selectors import partnership_for_user

from . import selectors, services
from .models import Direction, Owner, Source, SteeringSignal

router = Router()


# --- schemas ----------------------------------------------------------------------------------


class ReadingOut(Schema):
    indicator_id: int
    name: str
    key_figure: str | None  # the figures app's indicator code, or None for a hand-entered measure
    unit: str
    direction: str
    baseline: Decimal
    baseline_period: str
    target: Decimal | None
    target_period: str | None
    actual: str | None  # a number as text, ":" when suppressed, None when there is none
    actual_period: str
    progress_percent: int | None
    status: str


class GoalOut(Schema):
    id: int
    uuid: UUID
    partnership_id: int
    year: int
    title: str
    description: str
    source: str
    revision: int
    progress_percent: int | None
    status: str
    indicators: list[ReadingOut]


class GoalIn(Schema):
    year: int
    title: str
    description: str = ""
    source: Source = Source.PARTNERSHIP


class GoalUpdateIn(Schema):
    revision: int | None = None
    title: str
    description: str = ""
    source: Source = Source.PARTNERSHIP


class IndicatorIn(Schema):
    key_figure: str | None = None  # a code of /figures/indicators
    name: str = ""
    unit: str = ""
    direction: Direction = Direction.UP
    baseline: Decimal
    baseline_period: str = ""


class PeriodValueIn(Schema):
    period: str
    value: Decimal
    comment: str = ""


class SignalOut(Schema):
    id: int
    year: int
    owner: str
    title: str
    text: str
    document: str
    pulls_against_id: int | None
    conflict_note: str


class SignalIn(Schema):
    year: int
    owner: Owner
    title: str
    text: str = ""
    document: str = ""
    pulls_against_id: int | None = None
    conflict_note: str = ""


# --- helpers ----------------------------------------------------------------------------------


def _reading(reading: selectors.Reading) -> dict:
    indicator = reading.indicator
    actual = reading.actual
    return {
        "indicator_id": indicator.pk,
        "name": reading.name,
        "key_figure": indicator.series.code if indicator.series_id else None,
        "unit": reading.unit,
        "direction": indicator.direction,
        "baseline": reading.baseline,
        "baseline_period": indicator.baseline_period,
        "target": reading.target_value,
        "target_period": reading.target.period_text if reading.target else None,
        "actual": None if actual is None else str(actual),
        "actual_period": reading.actual_period,
        "progress_percent": reading.percent,
        "status": reading.status,
    }


def _goal(row: selectors.GoalProgress) -> dict:
    goal = row.goal
    return {
        "id": goal.pk,
        "uuid": goal.uuid,
        "partnership_id": goal.partnership_id,
        "year": goal.year,
        "title": goal.title,
        "description": goal.description,
        "source": goal.source,
        "revision": goal.revision,
        "progress_percent": row.percent,
        "status": row.status,
        "indicators": [_reading(r) for r in row.readings],
    }


def _signal(signal: SteeringSignal) -> dict:
    return {field: getattr(signal, field) for field in SignalOut.model_fields}


def _fresh(request: HttpRequest, goal_id: int) -> dict:
    return _goal(selectors.goal_progress(selectors.goal_for_user(request.user, goal_id)))


# --- reads ------------------------------------------------------------------------------------


@router.get(
    "/partnerships/{partnership_id}/goals",
    response=list[GoalOut],
    summary="A partnership's goals of a year, with their progress",
)
def goal_list(request: HttpRequest, partnership_id: int, year: int | None = None) -> list[dict]:
    """``year``: this year when not given."""
    partnership = partnership_for_user(request.user, partnership_id)
    year = year or timezone.localdate().year
    return [_goal(row) for row in selectors.goals_with_progress(partnership, year)]


@router.get("/goals/{goal_id}", response=GoalOut, summary="One goal with its progress")
def goal_detail(request: HttpRequest, goal_id: int) -> dict:
    return _fresh(request, goal_id)


@router.get(
    "/partnerships/{partnership_id}/steering-signals",
    response=list[SignalOut],
    summary="The owners' steering signals of a year",
)
def signal_list(request: HttpRequest, partnership_id: int, year: int | None = None) -> list[dict]:
    """``year``: this year when not given."""
    partnership = partnership_for_user(request.user, partnership_id)
    year = year or timezone.localdate().year
    found = selectors.signals(partnership, year)
    return [_signal(s) for owner in Owner.values for s in found[owner]]


# --- writes -----------------------------------------------------------------------------------


@router.post("/partnerships/{partnership_id}/goals", response={201: GoalOut}, summary="Add a goal")
def goal_create(request: HttpRequest, partnership_id: int, payload: GoalIn) -> Status[dict]:
    partnership = partnership_for_user(request.user, partnership_id, change=True)
    goal = services.goal_create(actor=request.user, partnership=partnership, **payload.dict())
    return Status(201, _fresh(request, goal.pk))


@router.patch("/goals/{goal_id}", response=GoalOut, summary="Change a goal (send its revision)")
def goal_update(request: HttpRequest, goal_id: int, payload: GoalUpdateIn) -> dict:
    goal = selectors.goal_for_user(request.user, goal_id, change=True)
    services.goal_update(actor=request.user, goal=goal, **payload.dict())
    return _fresh(request, goal_id)


@router.post(
    "/goals/{goal_id}/indicators",
    response={201: GoalOut},
    summary="Measure a goal by a key figure or by a measure entered by hand",
)
def indicator_add(request: HttpRequest, goal_id: int, payload: IndicatorIn) -> Status[dict]:
    goal = selectors.goal_for_user(request.user, goal_id, change=True)
    data = payload.dict()
    code = data.pop("key_figure")
    series = None
    if code:
        series = Indicator.objects.filter(code=code, numerator__isnull=True).first()
        if series is None:
            raise ValidationError(
                {"key_figure": _("No such key figure: %(code)s.") % {"code": code}}
            )
    services.indicator_add(actor=request.user, goal=goal, series=series, **data)
    return Status(201, _fresh(request, goal_id))


@router.post(
    "/goal-indicators/{goal_indicator_id}/targets",
    response={201: GoalOut},
    summary="Set the target of a period",
)
def target_set(
    request: HttpRequest, goal_indicator_id: int, payload: PeriodValueIn
) -> Status[dict]:
    indicator = selectors.indicator_for_user(request.user, goal_indicator_id, change=True)
    services.target_set(
        actor=request.user,
        indicator=indicator,
        period_text=payload.period,
        value=payload.value,
        comment=payload.comment,
    )
    return Status(201, _fresh(request, indicator.goal_id))


@router.post(
    "/goal-indicators/{goal_indicator_id}/measurements",
    response={201: GoalOut},
    summary="Enter a value of a measure entered by hand",
)
def measurement_add(
    request: HttpRequest, goal_indicator_id: int, payload: PeriodValueIn
) -> Status[dict]:
    indicator = selectors.indicator_for_user(request.user, goal_indicator_id, change=True)
    services.measurement_add(
        actor=request.user,
        indicator=indicator,
        period_text=payload.period,
        value=payload.value,
        comment=payload.comment,
    )
    return Status(201, _fresh(request, indicator.goal_id))


@router.post(
    "/partnerships/{partnership_id}/steering-signals",
    response={201: SignalOut},
    summary="Record an owner's steering signal",
)
def signal_create(request: HttpRequest, partnership_id: int, payload: SignalIn) -> Status[dict]:
    partnership = partnership_for_user(request.user, partnership_id, change=True)
    data = payload.dict()
    against_id = data.pop("pulls_against_id")
    against = None
    if against_id is not None:
        against = SteeringSignal.objects.filter(pk=against_id, partnership=partnership).first()
        if against is None:
            raise ValidationError(
                {"pulls_against_id": _("No such object: %(id)s.") % {"id": against_id}}
            )
    signal = services.signal_create(
        actor=request.user, partnership=partnership, pulls_against=against, **data
    )
    return Status(201, _signal(signal))
