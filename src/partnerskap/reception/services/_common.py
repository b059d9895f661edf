"""What every reception service shares: saving with history, the optimistic lock, and the
analysis core's error codes turned into Norwegian messages."""

from django.core.exceptions import ValidationError
from django.db.models import F, Model
from django.utils.translation import gettext as _

from partnerskap.core.errors import ConflictError
from partnerskap.core.models import User
from partnerskap.core.services import check_integer_ranges

from ..analysis import ErrorCode, ReceptionInputError

__all__ = ["ConflictError", "check_revision", "core_error", "save"]


def save(instance: Model, actor: User | None) -> Model:
    check_integer_ranges(instance)  # SQLite would store any size (issue 11)
    instance.full_clean()
    instance._history_user = actor  # type: ignore[attr-defined]
    instance.save()
    return instance


def check_revision(model: type[Model], pk: int, revision: int | None) -> None:
    """Optimistic lock: raise the revision, or fail if it moved since the caller read it."""
    qs = model.objects.filter(pk=pk)
    if revision is not None:
        qs = qs.filter(revision=revision)
    if not qs.update(revision=F("revision") + 1):
        raise ConflictError()


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
