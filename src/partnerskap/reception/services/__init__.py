"""Every write of the reception app: locations and hours, visits, imports, totals, scenarios.

Each function is one use case: keyword-only arguments with the actor, one transaction, Norwegian
messages naming the field, history recorded with the actor.
"""

from ._common import ConflictError
from .imports import ImportRefused, import_confirm, import_preview, parse_visits
from .locations import Interval, location_create, location_hours_set, location_update
from .scenarios import (
    change_add,
    change_remove,
    scenario_create,
    scenario_update,
)
from .visits import totals_add, visit_delete, visit_register

__all__ = [
    "ConflictError",
    "ImportRefused",
    "Interval",
    "change_add",
    "change_remove",
    "import_confirm",
    "import_preview",
    "location_create",
    "location_hours_set",
    "location_update",
    "parse_visits",
    "scenario_create",
    "scenario_update",
    "totals_add",
    "visit_delete",
    "visit_register",
]
