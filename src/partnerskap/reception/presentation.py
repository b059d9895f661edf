"""The analysis core's figures and assumptions as labelled, formatted rows for pages and the PDF.

Every figure is shown with the inputs it was computed from (the core's derivations), so a reader
can trace 26 idle hours back to 15 opening hours, two staff and 4 hours with visitors.
"""

from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal
from fractions import Fraction

from django.utils.translation import gettext_lazy as _

from partnerskap.core.templatetags.norsk import format_number
from partnerskap.registry.models import Weekday

from . import analysis as core

ANALYSIS_FIGURES = (
    ("open_days", _("Open days")),
    ("opening_hours", _("Hours open")),
    ("visits", _("Visits in walk-in hours")),
    ("visits_outside_opening_hours", _("Visits outside walk-in hours (counted separately)")),
    ("visits_per_open_day", _("Visits per open day")),
    ("visits_per_open_hour", _("Visits per open hour")),
    ("average_minutes_per_visit", _("Average minutes per visit")),
    ("staff_hours_on_duty", _("Staff hours on duty")),
    ("staff_hours_with_visitors", _("Staff hours with visitors")),
    ("idle_staff_hours", _("Idle staff hours")),
    ("idle_share", _("Share of staff hours idle")),
    ("travel_hours", _("Travel hours")),
)

YEAR_FIGURES = (
    ("open_days", _("Open days")),
    ("opening_hours", _("Hours open")),
    ("staff_hours_on_duty", _("Staff hours on duty")),
    ("staff_hours_with_visitors", _("Staff hours with visitors")),
    ("idle_staff_hours", _("Idle staff hours")),
    ("travel_hours", _("Travel hours")),
    ("visits", _("Walk-in visits")),
)

SCENARIO_FIGURES = (
    ("staff_hours_saved", _("Staff hours saved a year")),
    ("travel_hours_saved", _("Travel hours saved a year")),
    ("visits_affected", _("Visits affected a year")),
)

ASSUMPTIONS = {
    "location": _("Location"),
    "opening_hours_by_weekday": _("Walk-in hours"),
    "staff_on_duty": _("Staff on duty"),
    "travelling_staff": _("Staff who travel there"),
    "travel_hours_per_staff_per_open_day": _("Travel hours per person per open day"),
    "period": _("Period"),
    "closed_dates": _("Closed dates"),
    "observed_days": _("Days with registered visits"),
    "visits": _("Visits in walk-in hours"),
    "visits_outside": _("Visits outside walk-in hours"),
    "visit_minutes": _("Minutes with visitors"),
    "rule_capacity": _("Rule"),
    "rule_inside": _("Rule"),
    "open_days": _("Open days"),
    "opening_hours": _("Hours open"),
    "staff_hours_on_duty": _("Staff hours on duty"),
    "staff_hours_with_visitors": _("Staff hours with visitors"),
    "idle_staff_hours": _("Idle staff hours"),
    "days_observed": _("Open days counted"),
    "opening_hours_observed": _("Opening hours counted"),
    "open_weeks": _("Open weeks a year"),
    "open_days_per_year": _("Open days a year"),
    "weekday_occurrences_per_year": _("Times each open weekday occurs a year"),
    "observed_visits_per_open_day": _("Visits per open day observed"),
    "observed_visits_per_open_hour": _("Visits per open hour observed"),
    "observed_idle_share": _("Share idle observed"),
    "observation_basis": _("Observed from"),
    "cuts": _("Hours closed"),
    "rule_cut_visits": _("Rule"),
    "weekdays_closed": _("Weekdays closed"),
    "rule_closed_day_visits": _("Rule"),
    "share_to_other_location": _("Share of visits moved to another location"),
    "other_location": _("Moved to"),
    "share_to_appointments": _("Share of visits that become appointments"),
    "minutes_per_appointment": _("Minutes per appointment"),
    "rule_moved_visits": _("Rule"),
}

RULES = {
    "with_visitors_per_minute=min(visits_in_progress,staff_on_duty)": _(
        "Each minute counts the visits going on, at most the staff on duty."
    ),
    "with_visitors=min(visit_minutes,staff_hours_on_duty)": _(
        "Minutes with visitors count at most the staff hours on duty."
    ),
    "inside=arrival_on_open_day_within_an_opening_interval": _(
        "A visit is in walk-in hours if it arrives on an open day while the location is open."
    ),
    "totals_count_only_visits_in_opening_hours": _("Counted totals hold only walk-in hours."),
    "visitors_of_cut_hours_come_in_remaining_hours": _(
        "Visitors of the closed hours come in the hours still open."
    ),
    "visitors_of_closed_days_come_on_open_days": _(
        "Visitors of the closed days come on the days still open."
    ),
    "moved_visits_fit_in_idle_time_elsewhere": _(
        "Visits moved to another location fit in its idle time."
    ),
}

BASIS = {
    "registrations": _("visits registered one by one"),
    "totals": _("counted totals"),
    "even_spread": _("visits spread evenly over the opening hours"),
    "none": _("no visits"),
}

SHARES = {"share_to_other_location", "share_to_appointments", "observed_idle_share", "idle_share"}


def number(value: object) -> str:
    """A figure rounded to one decimal, without decimals when it is whole."""
    if value is None:
        return "–"
    exact = Fraction(value)  # type: ignore[arg-type]
    if exact.denominator == 1:
        return format_number(exact.numerator)
    return format_number(core.to_decimal(exact, 1))


def percent(value: object) -> str:
    if value is None:
        return "–"
    return f"{format_number(core.to_percent(Fraction(value)))} %"  # type: ignore[arg-type]


def _weekday(day: int) -> str:
    return str(Weekday(day).label)


def _intervals(value: tuple) -> str:
    return ", ".join(f"{_weekday(d)} {o:%H:%M}–{c:%H:%M}" for d, o, c in value) or "–"


def show(key: str, value: object) -> str:
    """One assumption's value, formatted by what it is."""
    if key in SHARES:
        return percent(value)
    if key in RULES or str(value) in RULES:
        return str(RULES.get(str(value), value))
    if key == "observation_basis":
        return str(BASIS.get(str(value), value))
    if key in ("opening_hours_by_weekday", "cuts"):
        return _intervals(value)  # type: ignore[arg-type]
    if key == "weekdays_closed":
        return ", ".join(_weekday(d) for d in value) or "–"  # type: ignore[union-attr]
    if key == "period" and isinstance(value, tuple) and isinstance(value[0], date):
        return f"{value[0]:%d.%m.%Y}–{value[1]:%d.%m.%Y}"
    if key == "closed_dates":
        return ", ".join(f"{d:%d.%m.%Y}" for d in value) or "–"  # type: ignore[union-attr]
    if isinstance(value, tuple):
        return str(value[-1])
    if isinstance(value, int | Fraction | Decimal) and not isinstance(value, bool):
        return number(value)
    if isinstance(value, time):
        return f"{value:%H:%M}"
    return "–" if value in (None, "") else str(value)


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    value: str
    inputs: tuple[tuple[str, str], ...]


def _inputs(result: core.Traced, key: str) -> tuple[tuple[str, str], ...]:
    try:
        items = result.inputs_of(key)
    except KeyError:
        return ()
    return tuple((str(ASSUMPTIONS.get(a.key, a.key)), show(a.key, a.value)) for a in items)


def analysis_rows(analysis: core.Analysis) -> list[Row]:
    rows = []
    for key, label in ANALYSIS_FIGURES:
        value = getattr(analysis, key)
        shown = percent(value) if key in SHARES else number(value)
        rows.append(Row(key, str(label), shown, _inputs(analysis, key)))
    return rows


def scenario_rows(result: core.ScenarioResult) -> list[Row]:
    return [
        Row(key, str(label), number(getattr(result, key)), _inputs(result, key))
        for key, label in SCENARIO_FIGURES
    ]


def year_rows(result: core.ScenarioResult) -> list[tuple[str, str, str, str]]:
    """(label, today, with the change, difference) over the year."""
    out = []
    for key, label in YEAR_FIGURES:
        today, changed = getattr(result.today, key), getattr(result.scenario, key)
        out.append((str(label), number(today), number(changed), number(changed - today)))
    return out


def assumption_rows(result: core.Traced) -> list[tuple[str, str, str]]:
    """(label, value, source) for every assumption a result rests on."""
    sources = {"input": _("input"), "derived": _("computed"), "rule": _("rule")}
    return [
        (str(ASSUMPTIONS.get(a.key, a.key)), show(a.key, a.value), str(sources[a.source]))
        for a in result.assumptions
    ]
