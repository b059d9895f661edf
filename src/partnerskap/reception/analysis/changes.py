"""The changes a scenario can make, a year's figures, and what a comparison gives."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from fractions import Fraction
from typing import Literal

from .inputs import (
    _HOUR,
    Assumption,
    Derivation,
    ErrorCode,
    InconsistentInputError,
    Number,
    OpeningHours,
    Traced,
    VisitsBasis,
    Year,
    _non_negative,
    _ratio,
    _share,
)
from .observed import (
    Analysis,
)

# --------------------------------------------------------------------------------------------
# A year, and scenarios compared with today
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class YearFigures:
    """One location's reception over a year, today or under a scenario."""

    open_days: Fraction
    opening_hours: Fraction
    staff_hours_on_duty: Fraction
    staff_hours_with_visitors: Fraction
    idle_staff_hours: Fraction
    travel_hours: Fraction
    visits: Fraction


def project_year(analysis: Analysis, year: Year) -> YearFigures:
    """Today's reception over a year, from the weekly schedule and the observed rates."""
    location = analysis.location
    days, weeks = year.resolve(location)
    opening_hours = location.weekly_opening_minutes * weeks / _HOUR
    duty = opening_hours * location.staff_on_duty
    share_with = _ratio(analysis.staff_hours_with_visitors, analysis.staff_hours_on_duty)
    with_visitors = duty * share_with if share_with is not None else Fraction(0)
    return YearFigures(
        open_days=days,
        opening_hours=opening_hours,
        staff_hours_on_duty=duty,
        staff_hours_with_visitors=with_visitors,
        idle_staff_hours=duty - with_visitors,
        travel_hours=days * location.travel_hours_per_open_day,
        visits=(analysis.visits_per_open_day or Fraction(0)) * days,
    )


@dataclass(frozen=True)
class ShorterHours:
    """Cut these intervals from the opening hours (each must lie inside today's hours)."""

    cuts: tuple[OpeningHours, ...]


@dataclass(frozen=True)
class FewerDays:
    """Stop opening on these weekdays."""

    weekdays: tuple[int, ...]


@dataclass(frozen=True)
class CloseForWalkIns:
    """Close the location for walk-ins; its visitors go elsewhere or book an appointment.

    The rest (1 - both shares) is assumed to be served by phone or digitally. Visits moved to
    another location are assumed to fit in its idle time; appointments cost
    ``minutes_per_appointment`` (default: today's average minutes per visit) of staff time each.
    """

    share_to_other_location: Number = 0
    share_to_appointments: Number = 0
    other_location: str | None = None
    minutes_per_appointment: Number | None = None

    def __post_init__(self) -> None:
        other = _share(self.share_to_other_location, "share_to_other_location")
        booked = _share(self.share_to_appointments, "share_to_appointments")
        if other + booked > 1:
            raise InconsistentInputError(
                "share_to_appointments", ErrorCode.SHARES_ABOVE_ONE, other + booked
            )
        object.__setattr__(self, "share_to_other_location", other)
        object.__setattr__(self, "share_to_appointments", booked)
        if self.minutes_per_appointment is not None:
            minutes = _non_negative(self.minutes_per_appointment, "minutes_per_appointment")
            object.__setattr__(self, "minutes_per_appointment", minutes)


Change = ShorterHours | FewerDays | CloseForWalkIns


@dataclass(frozen=True)
class CutHours:
    """One cut interval and the visits it had: in the period, and projected over the year."""

    weekday: int
    opens: time
    closes: time
    staff_hours_saved: Fraction
    visits_in_period: int | None
    visits_per_year: Fraction
    basis: VisitsBasis


@dataclass(frozen=True)
class ScenarioResult(Traced):
    """A scenario next to today, over the same year."""

    kind: Literal["shorter_hours", "fewer_days", "close_for_walk_ins"]
    location: str
    year: Year
    today: YearFigures
    scenario: YearFigures
    staff_hours_saved: Fraction
    travel_hours_saved: Fraction
    visits_affected: Fraction
    visits_affected_basis: VisitsBasis
    cuts: tuple[CutHours, ...]
    visits_to_other_location: Fraction
    visits_to_appointments: Fraction
    visits_to_other_channels: Fraction
    staff_hours_added_for_appointments: Fraction
    assumptions: tuple[Assumption, ...]
    derivations: tuple[Derivation, ...]

    @property
    def total_hours_saved(self) -> Fraction:
        """Staff hours on duty and travel hours saved together."""
        return self.staff_hours_saved + self.travel_hours_saved
