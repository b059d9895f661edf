"""Pure analysis of walk-in reception: visits, opening hours, staffing and what-if scenarios.

No Django, no database, no user-facing text. Everything here is a frozen dataclass or a pure
function, so the same figures can be shown on a page, put in a PDF or served by the API.

Conventions
-----------
* Weekdays are ``date.weekday()`` numbers: Monday is 0, Sunday is 6.
* All quantities are exact: durations are held as :class:`~fractions.Fraction` hours (or whole
  minutes where the input is in minutes), so identities such as "idle + with visitors = on duty"
  hold exactly. :func:`to_decimal` and :func:`to_percent` round for display.
* Inputs given in hours accept ``int``, ``Decimal``, ``Fraction`` or ``float`` (floats are read
  through their shortest ``repr``, so ``1.5`` is exactly 3/2).

How visits are counted (registrations)
--------------------------------------
* A visit is *inside* opening hours when it arrives on an open day of the period, at or after an
  interval opens and before it closes. Seconds of the arrival time are ignored.
* Every other visit (closed day, closed weekday, before opening, after closing) is counted
  separately as *outside opening hours*: it appears in the charts and in
  ``visits_outside_opening_hours`` but is not part of the duty-time arithmetic.
* Staff time with visitors is counted minute by minute over the opening intervals: in each minute
  it is the number of inside visits going on, **capped at the staff on duty**. Visitors beyond that
  capacity were waiting, not being served by an extra person, so they add no staff time. The part of
  a visit running past closing time is not duty time either. What was cut off either way is
  reported as ``visit_hours_beyond_capacity``. Hence
  ``idle_staff_hours + staff_hours_with_visitors == staff_hours_on_duty`` always.

How visits are counted (totals)
-------------------------------
Where only totals were counted, the minutes with visitors are capped at the staff hours on duty
(the excess goes to ``visit_hours_beyond_capacity``); there are no hour-of-day or weekday bars.

How a year is projected
-----------------------
* A :class:`Year` is a number of open weeks and/or open days. A scheduled weekday occurs
  ``open_days / open weekdays per week`` times in the year.
* Staff hours on duty per year follow the weekly schedule; the share of them spent with visitors is
  the observed share; visits per year are the observed visits per open day times the open days;
  travel per year is the travel per open day times the open days.
"""

from .changes import (
    Change,
    CloseForWalkIns,
    CutHours,
    FewerDays,
    ScenarioResult,
    ShorterHours,
    YearFigures,
    project_year,
)
from .inputs import (
    MINUTES_PER_DAY,
    Assumption,
    Derivation,
    ErrorCode,
    InconsistentInputError,
    Location,
    NegativeValueError,
    OpeningHours,
    OpeningHoursError,
    OutOfRangeError,
    Period,
    PeriodError,
    ReceptionInputError,
    ScenarioError,
    Traced,
    Visit,
    VisitTotals,
    Year,
    to_decimal,
    to_percent,
)
from .observed import (
    Analysis,
    HourBar,
    WeekdayBar,
    analyse_registrations,
    analyse_totals,
)
from .scenarios import (
    PlanTotals,
    combine,
    compare,
    cuts_to_keep,
    time_of,
)

__all__ = [
    "MINUTES_PER_DAY",
    "Analysis",
    "Assumption",
    "Change",
    "CloseForWalkIns",
    "CutHours",
    "Derivation",
    "ErrorCode",
    "FewerDays",
    "HourBar",
    "InconsistentInputError",
    "Location",
    "NegativeValueError",
    "OpeningHours",
    "OpeningHoursError",
    "OutOfRangeError",
    "Period",
    "PeriodError",
    "PlanTotals",
    "ReceptionInputError",
    "ScenarioError",
    "ScenarioResult",
    "ShorterHours",
    "Traced",
    "Visit",
    "VisitTotals",
    "WeekdayBar",
    "Year",
    "YearFigures",
    "analyse_registrations",
    "analyse_totals",
    "combine",
    "compare",
    "cuts_to_keep",
    "project_year",
    "time_of",
    "to_decimal",
    "to_percent",
]
