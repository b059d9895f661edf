"""Saved scenarios: a name, the observed period, the open weeks of a year, and one change per
location. A change is checked by running it through the analysis before it is saved."""

from datetime import date, time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from partnerskap.core.models import User
from partnerskap.core.services import bump_revision, claim_revision, delete, save
from partnerskap.registry.models import Office

from ..models import ChangeKind, Location, Scenario, ScenarioChange

SCENARIO_FIELDS = ("name", "first_day", "last_day", "open_weeks")


def _period(first_day: date, last_day: date) -> None:
    if last_day < first_day:
        raise ValidationError({"last_day": _("The last day must not be before the first day.")})


@transaction.atomic
def scenario_create(
    *, actor: User, office: Office, name: str, first_day: date, last_day: date, open_weeks: int
) -> Scenario:
    _period(first_day, last_day)
    scenario = Scenario(
        office=office, name=name, first_day=first_day, last_day=last_day, open_weeks=open_weeks
    )
    return save(scenario, actor=actor)


@transaction.atomic
def scenario_update(
    *, actor: User, scenario: Scenario, revision: int | None, **fields: object
) -> Scenario:
    """Change the assumptions of a scenario; a stale `revision` raises ConflictError."""
    new_revision = claim_revision(Scenario, scenario.pk, revision)
    for name, value in fields.items():
        if name not in SCENARIO_FIELDS:
            raise TypeError(name)
        setattr(scenario, name, value)
    _period(scenario.first_day, scenario.last_day)
    scenario.revision = new_revision
    save(scenario, actor=actor)
    _check_all(scenario)
    return scenario


def _check_change(change: ScenarioChange) -> None:
    if change.kind in (ChangeKind.KEEP_HOURS, ChangeKind.CUT_HOURS):
        if change.from_time is None or change.to_time is None:
            raise ValidationError({"from_time": _("Give both times.")})
        if change.to_time <= change.from_time:
            raise ValidationError({"to_time": _("The second time must be after the first.")})
    if change.kind == ChangeKind.FEWER_DAYS and not change.weekdays:
        raise ValidationError({"weekdays": _("Choose the weekdays to close.")})
    if change.other_location_id == change.location_id and change.other_location_id:
        raise ValidationError({"other_location": _("Choose another location than the one closed.")})
    if change.percent_to_other_location and change.other_location_id is None:
        raise ValidationError({"other_location": _("Choose where the visits move to.")})


def _check_all(scenario: Scenario) -> None:
    """Every change of the scenario still runs with the (new) assumptions."""
    from ..selectors import scenario_outcome

    scenario_outcome(scenario)


@transaction.atomic
def change_add(
    *,
    actor: User,
    scenario: Scenario,
    location: Location,
    kind: str,
    from_time: time | None = None,
    to_time: time | None = None,
    weekdays: list[int] | None = None,
    percent_to_other_location: int = 0,
    other_location: Location | None = None,
    percent_to_appointments: int = 0,
    minutes_per_appointment: int | None = None,
) -> ScenarioChange:
    """Add (or replace) the change at one location, after the analysis accepted it."""
    if location.office_id != scenario.office_id or (
        other_location is not None and other_location.office_id != scenario.office_id
    ):
        raise ValidationError({"location": _("Choose a location of this office.")})
    bump_revision(Scenario, scenario.pk)
    ScenarioChange.objects.filter(scenario=scenario, location=location).delete()
    change = ScenarioChange(
        scenario=scenario,
        location=location,
        kind=kind,
        from_time=from_time,
        to_time=to_time,
        weekdays=sorted(set(weekdays or [])),
        percent_to_other_location=percent_to_other_location,
        other_location=other_location,
        percent_to_appointments=percent_to_appointments,
        minutes_per_appointment=minutes_per_appointment,
    )
    _check_change(change)
    save(change, actor=actor)
    from ..selectors import scenario_outcome

    scenario.refresh_from_db()
    scenario_outcome(scenario)  # raises a ValidationError naming the field if it cannot run
    return change


@transaction.atomic
def change_remove(*, actor: User, change: ScenarioChange) -> None:
    bump_revision(Scenario, change.scenario_id)
    delete(change, actor=actor)
