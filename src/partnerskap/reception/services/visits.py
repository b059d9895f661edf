"""Registering visits one by one (the counter page and the API) and counted totals."""

from datetime import date, time, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerskap.core.models import User
from partnerskap.core.services import delete, save

from ..models import CountedTotals, ImportStatus, Location, Visit, VisitImport, VisitSource

MAX_MINUTES = 24 * 60


def is_within_hours(location: Location, day: date, arrival: time) -> bool:
    """Whether a visit arrives inside one of the location's walk-in intervals that weekday
    (reads the prefetched hours)."""
    return any(
        h.weekday == day.weekday() and h.opens <= arrival < h.closes for h in location.hours.all()
    )


def outside_hours_message(location: Location, day: date, arrival: time) -> str:
    return _(
        "%(place)s is not open for walk-ins at %(time)s on %(date)s. Choose “Keep the visit "
        "anyway” to register it; it is counted separately from visits in walk-in hours."
    ) % {"place": location.name, "time": f"{arrival:%H:%M}", "date": f"{day:%d.%m.%Y}"}


def counted_twice_message(location: Location, day: date, totals: CountedTotals) -> str:
    return _(
        "%(place)s has counted totals from %(first)s to %(last)s; a visit on %(date)s would be "
        "counted twice. Registrations and totals never cover the same days."
    ) % {
        "place": location.name,
        "first": f"{totals.first_day:%d.%m.%Y}",
        "last": f"{totals.last_day:%d.%m.%Y}",
        "date": f"{day:%d.%m.%Y}",
    }


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
    covering = CountedTotals.objects.filter(
        location=location, first_day__lte=day, last_day__gte=day
    ).first()
    if covering is not None:
        raise ValidationError({"day": counted_twice_message(location, day, covering)})
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
    return save(visit, actor=actor)


@transaction.atomic
def visit_delete(*, actor: User, visit: Visit) -> None:
    """Take back a visit registered by mistake (the counter's "undo"). The history keeps who
    removed it and when. When the last visit of an imported file goes, the import is withdrawn
    so that the same file can be imported again."""
    import_id = visit.visit_import_id
    delete(visit, actor=actor)
    if import_id is not None and not Visit.objects.filter(visit_import_id=import_id).exists():
        VisitImport.objects.filter(pk=import_id, status=ImportStatus.DONE).update(
            status=ImportStatus.WITHDRAWN, updated_at=timezone.now()
        )


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
    """Totals counted where visits were not registered one by one. Refused: a span that
    overlaps other totals at the location (they would be added twice), more open days than the
    span has open weekdays, and more minutes with visitors than the staff on duty had."""
    if last_day < first_day:
        raise ValidationError({"last_day": _("The last day must not be before the first day.")})
    if days_observed == 0:
        raise ValidationError({"days_observed": _("There must be at least one open day.")})
    hours = list(location.hours.all())
    if opening_hours is None and not hours:
        raise ValidationError(
            {
                "opening_hours": _(
                    "The location has no walk-in hours: give the opening hours in all."
                )
            }
        )
    _check_days_observed(location, hours, first_day, last_day, days_observed)
    _check_minutes_with_visitors(
        location, hours, days_observed, minutes_with_visitors, opening_hours
    )
    _check_not_counted_twice(location, first_day, last_day)
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
    return save(row, actor=actor)


def _check_not_counted_twice(location: Location, first_day: date, last_day: date) -> None:
    """No other totals and no registered visits at the location on the same days."""
    clash = (
        CountedTotals.objects.filter(
            location=location, first_day__lte=last_day, last_day__gte=first_day
        )
        .order_by("first_day")
        .first()
    )
    if clash is not None:
        raise ValidationError(
            {
                "first_day": _(
                    "%(place)s already has counted totals from %(first)s to %(last)s; totals "
                    "for overlapping days would be counted twice."
                )
                % {
                    "place": location.name,
                    "first": f"{clash.first_day:%d.%m.%Y}",
                    "last": f"{clash.last_day:%d.%m.%Y}",
                }
            }
        )
    registered = Visit.objects.filter(location=location, day__range=(first_day, last_day)).count()
    if registered:
        raise ValidationError(
            {
                "first_day": _(
                    "%(place)s has %(count)s visits registered one by one from %(first)s to "
                    "%(last)s; totals for the same days would count them twice."
                )
                % {
                    "place": location.name,
                    "count": registered,
                    "first": f"{first_day:%d.%m.%Y}",
                    "last": f"{last_day:%d.%m.%Y}",
                }
            }
        )


def _check_days_observed(
    location: Location, hours: list, first_day: date, last_day: date, days_observed: int
) -> None:
    """The open days counted fit in the span: every day, or only the location's open weekdays
    when it has walk-in hours."""
    days = [first_day + timedelta(days=n) for n in range((last_day - first_day).days + 1)]
    weekdays = {h.weekday for h in hours}
    span = len(days)
    if weekdays:
        span = sum(1 for day in days if day.weekday() in weekdays)
    if days_observed > span:
        raise ValidationError(
            {
                "days_observed": _(
                    "Open days counted: %(days)s open days do not fit in the %(span)s days "
                    "%(place)s is open for walk-ins from %(first)s to %(last)s."
                )
                % {
                    "days": days_observed,
                    "span": span,
                    "place": location.name,
                    "first": f"{first_day:%d.%m.%Y}",
                    "last": f"{last_day:%d.%m.%Y}",
                }
            }
        )


def _check_minutes_with_visitors(
    location: Location,
    hours: list,
    days_observed: int,
    minutes: int,
    opening_hours: Decimal | None,
) -> None:
    """Minutes with visitors are staff minutes: at most the staff on duty times the minutes
    open on the days counted."""
    if opening_hours is not None:
        open_minutes = Decimal(opening_hours) * 60
    else:
        weekly = sum(
            (h.closes.hour * 60 + h.closes.minute) - (h.opens.hour * 60 + h.opens.minute)
            for h in hours
        )
        open_minutes = Decimal(weekly) / len({h.weekday for h in hours}) * days_observed
    capacity = open_minutes * location.staff_on_duty
    if minutes > capacity:
        raise ValidationError(
            {
                "minutes_with_visitors": _(
                    "Minutes with visitors: %(minutes)s minutes is more than the %(capacity)s "
                    "staff minutes on duty (%(staff)s staff over %(open)s minutes open)."
                )
                % {
                    "minutes": minutes,
                    "capacity": int(capacity),
                    "staff": location.staff_on_duty,
                    "open": int(open_minutes),
                }
            }
        )
