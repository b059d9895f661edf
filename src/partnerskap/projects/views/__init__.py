"""The project pages (docs/decisions/0051)."""

from .parts import (
    communication_add,
    decision_add,
    decision_raise,
    milestone_add,
    milestone_done,
    pilot_add,
    pilot_detail,
    risk_add,
    row_add,
    status_update,
)
from .projects import (
    partnership_projects,
    portfolio,
    project_create,
    project_detail,
    project_edit,
    project_list,
    report_attach,
    report_preview,
)

__all__ = [
    "communication_add",
    "decision_add",
    "decision_raise",
    "milestone_add",
    "milestone_done",
    "partnership_projects",
    "pilot_add",
    "pilot_detail",
    "portfolio",
    "project_create",
    "project_detail",
    "project_edit",
    "project_list",
    "report_attach",
    "report_preview",
    "risk_add",
    "row_add",
    "status_update",
]
