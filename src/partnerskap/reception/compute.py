"""The analysis core run on saved rows: a saved change as the core's change, and the core's
refusals as Norwegian ValidationErrors on the fields they concern. Selectors and services both
use it, so neither needs the other for it."""

from fractions import Fraction

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from . import analysis as core
from .analysis import ErrorCode, ReceptionInputError
from .models import ChangeKind, ScenarioChange


def _messages() -> dict[ErrorCode, str]:
    return {
        ErrorCode.NEGATIVE: _("The value cannot be negative."),
        ErrorCode.NOT_A_NUMBER: _("The value is not a number."),
        ErrorCode.NOT_WHOLE: _("The value must be a whole number."),
        ErrorCode.INVALID_WEEKDAY: _("That is not a weekday."),
        ErrorCode.CLOSES_BEFORE_OPENS: _("The closing time must be after the opening time."),
        ErrorCode.NOT_WHOLE_MINUTE: _("Give the time in whole minutes."),
        ErrorCode.OVERLAPPING_OPENING_HOURS: _("Two intervals on the same weekday overlap."),
        ErrorCode.TRAVELLING_EXCEEDS_STAFF: _("More staff cannot travel there than are on duty."),
        ErrorCode.END_BEFORE_START: _("The last day must not be before the first day."),
        ErrorCode.VISIT_OUTSIDE_PERIOD: _("The visit is outside the period."),
        ErrorCode.NO_OPEN_DAYS: _("There must be at least one open day."),
        ErrorCode.NO_OPENING_HOURS: _(
            "The location has no walk-in hours. Set its walk-in hours first."
        ),
        ErrorCode.MISSING_YEAR: _("Give the number of open weeks a year."),
        ErrorCode.MORE_DAYS_THAN_WEEKS_ALLOW: _("More open days than the open weeks allow."),
        ErrorCode.SHARE_ABOVE_ONE: _("A share cannot be more than 100 %."),
        ErrorCode.SHARES_ABOVE_ONE: _(
            "The visits moved elsewhere and to appointments cannot add up to more than 100 %."
        ),
        ErrorCode.CUT_OUTSIDE_OPENING_HOURS: _(
            "The hours to close must lie inside the location's walk-in hours on each weekday "
            "chosen."
        ),
        ErrorCode.OVERLAPPING_CUTS: _("Two of the hours to close overlap."),
        ErrorCode.NOTHING_TO_CHANGE: _(
            "The change closes nothing: the location is not open at other times on those days."
        ),
        ErrorCode.DAY_NOT_OPEN: _("The location is not open on that weekday."),
        ErrorCode.DUPLICATE_WEEKDAY: _("The same weekday is chosen twice."),
        ErrorCode.SAME_LOCATION_TWICE: _("The scenario already changes this location."),
    }


# Where a core error belongs on our forms: the core's field path, reduced to its first part.
_FIELDS = {
    "cuts": "from_time",
    "weekdays": "weekdays",
    "share_to_other_location": "percent_to_other_location",
    "share_to_appointments": "percent_to_appointments",
    "minutes_per_appointment": "minutes_per_appointment",
    "travelling_staff": "travelling_staff",
    "staff_on_duty": "staff_on_duty",
    "travel_hours_per_staff": "travel_hours",
    "opening_hours": "hours",
    "closes": "hours",
    "opens": "hours",
    "open_weeks": "open_weeks",
    "open_days": "open_weeks",
    "end": "last_day",
}


def core_error(exc: ReceptionInputError, *, default_field: str | None = None) -> ValidationError:
    """The analysis core's refusal as a Django ValidationError on the form field it concerns."""
    message = _messages().get(exc.code, _("The value is not valid."))
    head = exc.field.split("[", 1)[0].split(".", 1)[0]
    field = _FIELDS.get(head, default_field)
    if field is None:
        return ValidationError(message, code=str(exc.code))
    return ValidationError({field: ValidationError(message, code=str(exc.code))})


def core_change(change: ScenarioChange, location: core.Location) -> core.Change:
    """The saved change as the analysis core's change for the location."""
    weekdays = tuple(change.weekdays or location.open_weekdays)
    if change.kind == ChangeKind.KEEP_HOURS:
        return core.cuts_to_keep(location, change.from_time, change.to_time, weekdays)
    if change.kind == ChangeKind.CUT_HOURS:
        return core.ShorterHours(
            tuple(core.OpeningHours(d, change.from_time, change.to_time) for d in weekdays)
        )
    if change.kind == ChangeKind.FEWER_DAYS:
        return core.FewerDays(tuple(change.weekdays))
    return core.CloseForWalkIns(
        share_to_other_location=Fraction(change.percent_to_other_location, 100),
        share_to_appointments=Fraction(change.percent_to_appointments, 100),
        other_location=change.other_location.name if change.other_location else None,
        minutes_per_appointment=change.minutes_per_appointment,
    )


def run_change(analysis: core.Analysis, change: ScenarioChange, year: core.Year):
    """compare() with the core's refusals as ValidationErrors on the change form's fields."""
    try:
        return core.compare(analysis, core_change(change, analysis.location), year)
    except core.ReceptionInputError as exc:
        error = core_error(exc, default_field="kind")
        raise ValidationError(
            [
                ValidationError(
                    _("%(place)s: %(problem)s") % {"place": change.location.name, "problem": m}
                )
                for m in error.messages
            ]
            if not hasattr(error, "error_dict")
            else error.error_dict
        ) from None
