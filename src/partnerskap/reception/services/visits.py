"""Registering visits one by one (the counter page and the API) and counted totals."""

from datetime import date, time
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from partnerskap.core.models import User

from ..models import CountedTotals, Location, Visit, VisitSource

MAX_MINUTES = 24 * 60


def is_within_hours(location: Location, day: date, arrival: time) -> bool:
    """Whether a visit arrives inside one of the location's walk-in intervals that weekday
    (reads the prefetched hours)."""
    return any(
        h.weekday == day.weekday() and h.opens <= arrival < h.closes for h in location.hours.all()
    )


def outside_hours_message(location: Location, day: date, arrival: time) -> str:
    return _(
        "%(place)s is not open for walk-ins at %(time)s on %(date)s. Tick “Keep it anyway” to "
        "register the visit; it is counted separately from visits in walk-in hours."
    ) % {"place": location.name, "time": f"{arrival:%H:%M}", "date": f"{day:%d.%m.%Y}"}


def check_minutes(minutes: int) -> None:
    if minutes < 0:
        raise ValidationError({"minutes": _("Minutes cannot be negative.")})
    if minutes > MAX_MINUTES:
        raise ValidationError({"minutes": _("A visit cannot last more than a day (1440 minutes).")})


@transaction.atomic
def visit_register(
    *,
    actor: User,
    location: Location,
    day: date,
    arrival: time,
    minutes: int,
    keep_outside_hours: bool = False,
    source: str = VisitSource.COUNTER,
) -> Visit:
    """One walk-in visit. A visit outside walk-in hours is refused unless the person confirms
    it (`keep_outside_hours`); it is then kept, marked, and counted separately."""
    check_minutes(minutes)
    arrival = arrival.replace(second=0, microsecond=0)
    outside = not is_within_hours(location, day, arrival)
    if outside and not keep_outside_hours:
        raise ValidationError(
            {"arrival": ValidationError(outside_hours_message(location, day, arrival), "outside")}
        )
    visit = Visit(
        location=location,
        day=day,
        arrival=arrival,
        minutes=minutes,
        outside_hours=outside,
        source=source,
        created_by=actor,
    )
    visit.full_clean()
    visit.save()
    return visit


@transaction.atomic
def visit_delete(*, actor: User, visit: Visit) -> None:
    """Take back a visit registered by mistake (the counter's "undo")."""
    visit.delete()


@transaction.atomic
def totals_add(
    *,
    actor: User,
    location: Location,
    first_day: date,
    last_day: date,
    days_observed: int,
    visits: int,
    minutes_with_visitors: int,
    opening_hours: Decimal | None = None,
    note: str = "",
) -> CountedTotals:
    """Totals counted where visits were not registered one by one."""
    if last_day < first_day:
        raise ValidationError({"last_day": _("The last day must not be before the first day.")})
    span = (last_day - first_day).days + 1
    if days_observed > span:
        raise ValidationError(
            {
                "days_observed": _(
                    "%(days)s open days do not fit in the %(span)s days from the first to the "
                    "last day."
                )
                % {"days": days_observed, "span": span}
            }
        )
    if days_observed == 0:
        raise ValidationError({"days_observed": _("There must be at least one open day.")})
    if opening_hours is None and not location.hours.exists():
        raise ValidationError(
            {
                "opening_hours": _(
                    "The location has no walk-in hours: give the opening hours in all."
                )
            }
        )
    row = CountedTotals(
        location=location,
        first_day=first_day,
        last_day=last_day,
        days_observed=days_observed,
        visits=visits,
        minutes_with_visitors=minutes_with_visitors,
        opening_hours=opening_hours,
        note=note,
    )
    row.full_clean()
    row._history_user = actor  # type: ignore[attr-defined]
    row.save()
    return row
