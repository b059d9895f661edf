"""Reads for the reception pages, API and PDF: locations, visits, and the analysis built from them.

Every read has a fixed number of queries: one for the locations with their hours, one for the
visits of all of them in a period, one for counted totals.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from django.core.exceptions import PermissionDenied
from django.db.models import Max, Min, Prefetch, QuerySet
from django.http import Http404

from partnerskap.core.models import User
from partnerskap.meetings.models import AgendaItem
from partnerskap.meetings.selectors import attachable_items
from partnerskap.registry.access import access_scope
from partnerskap.registry.models import Office
from partnerskap.registry.selectors import office_for_user

from . import analysis as core
from .compute import run_change
from .models import (
    CountedTotals,
    Location,
    Scenario,
    ScenarioChange,
    Visit,
    VisitImport,
    WalkInHours,
)

__all__ = [
    "LocationAnalysis",
    "analyse_locations",
    "attach_targets",
    "core_location",
    "data_period",
    "default_period",
    "import_for_user",
    "location_for_user",
    "office_for_user",
    "office_locations",
    "recent_visits",
    "scenario_for_user",
    "scenario_list",
    "todays_counts",
]


def _hours_prefetch() -> Prefetch:
    return Prefetch("hours", queryset=WalkInHours.objects.order_by("weekday", "opens"))


def office_locations(office: Office) -> list[Location]:
    """The office's locations with their walk-in hours (two queries)."""
    return list(
        Location.objects.filter(office=office).prefetch_related(_hours_prefetch()).order_by("name")
    )


def _check(user: User, office_id: int, change: bool) -> None:
    scope = access_scope(user)
    if not scope.can_read_office(office_id):
        raise Http404
    if change and not scope.can_edit_office(office_id):
        raise PermissionDenied


def location_for_user(user: User, pk: int, *, change: bool = False) -> Location:
    """The one access function for locations: 404 to outsiders, 403 to readers who may not
    change it."""
    try:
        location = (
            Location.objects.select_related("office").prefetch_related(_hours_prefetch()).get(pk=pk)
        )
    except Location.DoesNotExist:
        raise Http404 from None
    _check(user, location.office_id, change)
    return location


def scenario_for_user(user: User, pk: int, *, change: bool = False) -> Scenario:
    try:
        scenario = (
            Scenario.objects.select_related("office")
            .prefetch_related(
                Prefetch(
                    "changes",
                    queryset=ScenarioChange.objects.select_related(
                        "location", "other_location"
                    ).order_by("location__name", "pk"),
                )
            )
            .get(pk=pk)
        )
    except Scenario.DoesNotExist:
        raise Http404 from None
    _check(user, scenario.office_id, change)
    return scenario


def import_for_user(user: User, pk: int, *, change: bool = False) -> VisitImport:
    try:
        visit_import = VisitImport.objects.select_related("office").get(pk=pk)
    except VisitImport.DoesNotExist:
        raise Http404 from None
    _check(user, visit_import.office_id, change)
    return visit_import


def scenario_list(office: Office) -> QuerySet[Scenario]:
    return Scenario.objects.filter(office=office).order_by("name", "pk")


def recent_visits(location: Location, limit: int = 10) -> list[Visit]:
    return list(location.visits.order_by("-day", "-arrival", "-pk")[:limit])


def todays_counts(location: Location, day: date) -> tuple[int, int]:
    """(visits today, of them outside walk-in hours) at the location."""
    rows = list(location.visits.filter(day=day).values_list("outside_hours", flat=True))
    return len(rows), sum(1 for outside in rows if outside)


def data_period(location_ids: list[int]) -> tuple[date, date] | None:
    """The first and last day with visits or counted totals at these locations (two queries)."""
    visits = Visit.objects.filter(location_id__in=location_ids).aggregate(
        first=Min("day"), last=Max("day")
    )
    totals = CountedTotals.objects.filter(location_id__in=location_ids).aggregate(
        first=Min("first_day"), last=Max("last_day")
    )
    firsts = [d for d in (visits["first"], totals["first"]) if d]
    lasts = [d for d in (visits["last"], totals["last"]) if d]
    if not firsts:
        return None
    return min(firsts), max(lasts)


def default_period(span: tuple[date, date]) -> tuple[date, date]:
    """The analysis page's default: the last twelve months of the data span (issue 16), so the
    page costs the same whatever the years of visits behind it; the user may choose another."""
    first, last = span
    try:
        year_before = last.replace(year=last.year - 1)
    except ValueError:  # 29 February
        year_before = last.replace(year=last.year - 1, day=28)
    return max(first, year_before + timedelta(days=1)), last


# --- from the database to the pure analysis -------------------------------------------------


def core_location(location: Location) -> core.Location:
    """The location as the analysis core sees it (reads the prefetched hours)."""
    return core.Location(
        name=location.name,
        opening_hours=tuple(
            core.OpeningHours(h.weekday, h.opens, h.closes) for h in location.hours.all()
        ),
        staff_on_duty=location.staff_on_duty,
        travel_hours_per_staff=location.travel_hours,
        travelling_staff=location.travelling_staff,
    )


@dataclass(frozen=True)
class LocationAnalysis:
    """A location's analysis for a period, or None where nothing was counted there.

    ``basis_first``/``basis_last`` and ``basis_days`` say which days the figures rest on: the
    days with registered visits, or the span of the counted totals. ``mixed`` holds the spans of
    registrations and of totals when both fall in the period (then there is no analysis: the two
    are never added together; decision 0018)."""

    location: Location
    analysis: core.Analysis | None
    period: core.Period
    basis_first: date | None = None
    basis_last: date | None = None
    basis_days: int = 0
    mixed: tuple[tuple[date, date], tuple[date, date]] | None = None


def analyse_locations(
    locations: list[Location], first_day: date, last_day: date
) -> list[LocationAnalysis]:
    """Each location over [first_day, last_day], from the days actually observed there: the days
    with registered visits, or the counted totals that overlap the period (over their own span).
    A location without either in the period has no analysis ("not counted"), and one with both
    has none either (two queries for all locations)."""
    period = core.Period(first_day, last_day)
    ids = [loc.pk for loc in locations]
    visits: dict[int, list[core.Visit]] = defaultdict(list)
    for location_id, day, arrival, minutes in Visit.objects.filter(
        location_id__in=ids, day__range=(first_day, last_day)
    ).values_list("location_id", "day", "arrival", "minutes"):
        visits[location_id].append(core.Visit(day, arrival.replace(second=0), minutes))
    totals: dict[int, list[CountedTotals]] = defaultdict(list)
    for row in CountedTotals.objects.filter(
        location_id__in=ids, first_day__lte=last_day, last_day__gte=first_day
    ).order_by("first_day"):
        totals[row.location_id].append(row)
    out = []
    for location in locations:
        shape = core_location(location)
        registered, counted = visits[location.pk], totals[location.pk]
        if registered:
            days = frozenset(v.day for v in registered)
            span = (min(days), max(days))
        if counted:
            counted_span = (counted[0].first_day, max(r.last_day for r in counted))
        if registered and counted:
            out.append(LocationAnalysis(location, None, period, mixed=(span, counted_span)))
        elif registered:
            observed = core.Period(*span, observed=days)
            result = core.analyse_registrations(shape, observed, registered)
            out.append(LocationAnalysis(location, result, observed, *span, len(days)))
        elif counted:
            summed = _sum_totals(counted)
            result = core.analyse_totals(shape, summed)
            out.append(
                LocationAnalysis(
                    location, result, core.Period(*counted_span), *counted_span,
                    summed.days_observed,
                )
            )  # fmt: skip
        else:
            out.append(LocationAnalysis(location, None, period))
    return out


def _sum_totals(rows: list[CountedTotals]) -> core.VisitTotals:
    """Totals of several spans at one location; the spans never overlap (totals_add refuses)."""
    hours = [r.opening_hours for r in rows]
    return core.VisitTotals(
        days_observed=sum(r.days_observed for r in rows),
        visits=sum(r.visits for r in rows),
        minutes_with_visitors=sum(r.minutes_with_visitors for r in rows),
        opening_hours=None if any(h is None for h in hours) else sum(hours, Decimal(0)),
    )


def attach_targets(user: User, office: Office) -> QuerySet[AgendaItem]:
    """Agenda items of the office's partnerships that the person may add attachments to."""
    return attachable_items(user).filter(meeting__body__partnership__office=office)


# --- scenarios ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChangeOutcome:
    change: ScenarioChange
    today: LocationAnalysis
    result: core.ScenarioResult


@dataclass(frozen=True)
class ScenarioOutcome:
    scenario: Scenario
    analyses: list[LocationAnalysis]
    rows: list[ChangeOutcome]
    plan: core.PlanTotals | None


def scenario_outcome(scenario: Scenario) -> ScenarioOutcome:
    """The scenario's changes next to today, each from its location's analysis over the
    scenario's period (a fixed number of queries). Raises ValidationError if a change cannot
    run with the data and assumptions as they are."""
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    analyses = analyse_locations(
        office_locations(scenario.office), scenario.first_day, scenario.last_day
    )
    by_id = {a.location.pk: a for a in analyses}
    year = core.Year(open_weeks=scenario.open_weeks)
    rows = []
    for change in scenario.changes.all():
        today = by_id.get(change.location_id)
        if today is not None and today.mixed is not None:
            raise ValidationError(
                {
                    "location": _(
                        "%(place)s has both registered visits and counted totals in the period; "
                        "choose a period with only one of them."
                    )
                    % {"place": change.location.name}
                }
            )
        if today is None or today.analysis is None:
            raise ValidationError(
                {
                    "location": _(
                        "%(place)s has neither walk-in hours nor counted visits in the period."
                    )
                    % {"place": change.location.name}
                }
            )
        rows.append(ChangeOutcome(change, today, run_change(today.analysis, change, year)))
    plan = core.combine([row.result for row in rows]) if rows else None
    return ScenarioOutcome(scenario, analyses, rows, plan)


# --- what the charts show -------------------------------------------------------------------


def hour_bars(analysis: core.Analysis) -> list[core.HourBar]:
    """Visits by hour of day from the first to the last hour with visits or walk-in hours; the
    bars' totals add up to every visit registered (inside and outside walk-in hours)."""
    hours = {bar.hour for bar in analysis.by_hour if bar.total}
    for interval in analysis.location.opening_hours:
        hours.update(range(interval.opens.hour, (interval.end_minute - 1) // 60 + 1))
    if not hours:
        return []
    return [bar for bar in analysis.by_hour if min(hours) <= bar.hour <= max(hours)]


def weekday_bars(analysis: core.Analysis) -> list[core.WeekdayBar]:
    """Visits by weekday, for the weekdays that were open or had visits."""
    return [bar for bar in analysis.by_weekday if bar.open_days or bar.total]


def visit_for_user(user: User, pk: int, *, change: bool = False) -> Visit:
    try:
        visit = Visit.objects.select_related("location").get(pk=pk)
    except Visit.DoesNotExist:
        raise Http404 from None
    _check(user, visit.location.office_id, change)
    return visit


def change_for_user(user: User, pk: int, *, change: bool = False) -> ScenarioChange:
    try:
        found = ScenarioChange.objects.select_related("scenario__office", "location").get(pk=pk)
    except ScenarioChange.DoesNotExist:
        raise Http404 from None
    _check(user, found.scenario.office_id, change)
    return found


@dataclass(frozen=True)
class HourSlot:
    """One hour of walk-in time on one weekday and the visits that arrived in it."""

    weekday: int
    opens: object  # datetime.time
    closes: object
    visits: int
    per_open_day: Fraction | None


def quiet_hours(analysis: core.Analysis, limit: int = 8) -> list[HourSlot]:
    """The hours of the weekly schedule with the fewest visits: the hours a shorter opening
    would close at the least cost to visitors (registrations only; totals have no hours)."""
    if analysis.basis != "registrations":
        return []
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for visit in analysis.inside_visits:
        counts[(visit.day.weekday(), visit.arrival.hour * 60 + visit.arrival.minute)] += 1
    slots = []
    for interval in analysis.location.opening_hours:
        start = interval.start_minute
        while start < interval.end_minute:
            end = min(start - start % 60 + 60, interval.end_minute)
            seen = sum(counts.get((interval.weekday, minute), 0) for minute in range(start, end))
            days = analysis.open_days_on(interval.weekday)
            slots.append(
                HourSlot(
                    interval.weekday,
                    core.time_of(start),
                    core.time_of(end),
                    seen,
                    Fraction(seen, days) if days else None,
                )
            )
            start = end
    slots.sort(key=lambda s: (s.per_open_day or 0, s.weekday, s.opens))
    return slots[:limit]
