"""Every change to agreements goes through these functions: templates, filling in, attachments,
hearing, agreeing, signing and putting in force (keyword `actor=`, one transaction each)."""

from partnerskap.core.errors import ConflictError

from ._base import (
    EDITABLE,
)
from .filling import (
    ATTACHMENT_TYPES,
    agreement_create,
    agreement_fill,
    attachment_add,
    attachment_kinds,
    missing,
    prefill,
    unanswered_count,
)
from .hearing import (
    comment_answer,
    current_hearing,
    hearing_comment,
    hearing_start,
    site_url,
)
from .in_force import (
    agreed_period,
    agreement_agree,
    agreement_put_in_force,
    agreement_sign,
    agreements_expire,
    period_blanks,
    signing_sides,
    signing_version,
)
from .templates import (
    shipped_template,
    template_load,
)

__all__ = [
    "ATTACHMENT_TYPES",
    "EDITABLE",
    "ConflictError",
    "agreed_period",
    "agreement_agree",
    "agreement_create",
    "agreement_fill",
    "agreement_put_in_force",
    "agreement_sign",
    "agreements_expire",
    "attachment_add",
    "attachment_kinds",
    "comment_answer",
    "current_hearing",
    "hearing_comment",
    "hearing_start",
    "missing",
    "period_blanks",
    "prefill",
    "shipped_template",
    "signing_sides",
    "signing_version",
    "site_url",
    "template_load",
    "unanswered_count",
]
