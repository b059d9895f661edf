"""The annual plan (årshjul): a year of meetings with a theme per season."""

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerskap.core.models import User

from ..models import (
    AnnualPlan,
    Body,
    Meeting,
)
from .meetings import meeting_schedule

# --- annual plan ----------------------------------------------------------------------------


@transaction.atomic
def annual_plan_create(
    *,
    actor: User,
    body: Body,
    year: int,
    dates: list[date],
    start: time,
    end: time,
    themes: dict[str, str],
    location: str = "",
) -> AnnualPlan:
    """Plan a body's meetings for a year (e.g. four Fridays 11:00–14:30) with a theme per season."""
    if not dates:
        raise ValidationError({"dates": _("Choose at least one date.")})
    wrong_year = [d for d in dates if d.year != year]
    if wrong_year:
        raise ValidationError({"dates": _("All dates must be in %(year)s.") % {"year": year}})
    if end <= start:
        raise ValidationError({"end": _("The meetings must end after they start.")})
    plan, _created = AnnualPlan.objects.update_or_create(
        body=body, year=year, defaults={"themes": themes}
    )
    tz = timezone.get_current_timezone()
    for day in sorted(dates):
        starts_at = datetime.combine(day, start, tzinfo=tz)
        if Meeting.objects.filter(body=body, starts_at=starts_at).exists():
            continue
        meeting_schedule(
            actor=actor,
            body=body,
            starts_at=starts_at,
            ends_at=datetime.combine(day, end, tzinfo=tz),
            location=location,
        )
    return plan


def fridays(year: int, months: Iterable[int], week_of_month: int = 2) -> list[date]:
    """The n-th Friday of each given month: a common way to lay out a year of meetings."""
    out = []
    for month in months:
        day = date(year, month, 1)
        while day.weekday() != 4:
            day += timedelta(days=1)
        out.append(day + timedelta(weeks=week_of_month - 1))
    return out
