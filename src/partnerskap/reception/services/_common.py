"""What every reception service shares (saving and the optimistic lock are core.services')."""

from partnerskap.core.errors import ConflictError

from ..compute import core_error

__all__ = ["ConflictError", "core_error"]
