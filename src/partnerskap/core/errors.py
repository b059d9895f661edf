"""Errors every app's services share."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class ConflictError(ValidationError):
    """Someone else saved the same thing first; the caller must reload instead of overwriting.

    Services raise it when the revision a person started from is no longer the saved one; pages
    answer 409 with the message on the form, the API answers 409 (partnerskap/api.py)."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "Someone else saved changes to this after you opened it. Your changes were not "
                "saved: reload the page, look at their changes, and make yours again."
            ),
            code="conflict",
        )
