"""The progress arithmetic, pure (docs/decisions/0080).

Progress is the share of the way from the baseline to the target that the latest value has come,
clamped to [0, 1] (a value on the wrong side of the baseline is 0, one past the target is 1).
The status in plain words: reached when the value meets the target in its direction, on the way
when at least half the way is covered, behind otherwise; no data when there is no value yet (a
suppressed figure counts as no value).
"""

from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

ON_THE_WAY = Decimal("0.5")


class Status(models.TextChoices):
    REACHED = "reached", _("reached")
    ON_THE_WAY = "on_the_way", _("on the way")
    BEHIND = "behind", _("behind")
    NO_DATA = "no_data", _("no data yet")


def progress(
    baseline: Decimal, target: Decimal, actual: Decimal | None, up: bool
) -> Decimal | None:
    """The share of the way from ``baseline`` to ``target`` ``actual`` has come, in [0, 1]."""
    if actual is None:
        return None
    if reached(target, actual, up):
        return Decimal(1)
    if target == baseline:
        return Decimal(0)
    share = (actual - baseline) / (target - baseline)
    return min(max(share, Decimal(0)), Decimal(1))


def reached(target: Decimal, actual: Decimal, up: bool) -> bool:
    return actual >= target if up else actual <= target


def status(value: Decimal | None) -> str:
    """The plain-words status of a progress."""
    if value is None:
        return Status.NO_DATA
    if value >= 1:
        return Status.REACHED
    if value >= ON_THE_WAY:
        return Status.ON_THE_WAY
    return Status.BEHIND


def combined(values: list[Decimal | None]) -> Decimal | None:
    """A goal's progress: the mean of its indicators' progress, those without data left out."""
    known = [v for v in values if v is not None]
    if not known:
        return None
    mean = sum(known, Decimal(0)) / len(known)
    if len(known) < len(values):  # an indicator without data: the goal is not reached yet
        mean = min(mean, Decimal("0.99"))
    return mean


def percent(value: Decimal | None) -> int | None:
    """The progress as a whole per cent, rounded half up (0.887 → 89)."""
    if value is None:
        return None
    return int((value * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
