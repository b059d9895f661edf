"""The reception pages: thin views over the selectors and services."""

from .analysis import (
    analysis,
    change_add,
    change_remove,
    scenario_attach,
    scenario_create,
    scenario_detail,
    scenario_edit,
    scenario_pdf_view,
)
from .locations import (
    location_create,
    location_detail,
    location_edit,
    location_hours,
    office_reception,
    partnership_reception,
    totals_add,
)
from .visits import counter, import_preview, import_upload, visit_add, visit_delete

__all__ = [
    "analysis",
    "change_add",
    "change_remove",
    "counter",
    "import_preview",
    "import_upload",
    "location_create",
    "location_detail",
    "location_edit",
    "location_hours",
    "office_reception",
    "partnership_reception",
    "scenario_attach",
    "scenario_create",
    "scenario_detail",
    "scenario_edit",
    "scenario_pdf_view",
    "totals_add",
    "visit_add",
    "visit_delete",
]
