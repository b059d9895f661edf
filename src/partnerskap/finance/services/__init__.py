"""The finance app's writes: operating agreements (C4) and budgets (C6)."""

from .agreements import *  # noqa: F403
from .agreements import __all__ as _agreements
from .budgets import *  # noqa: F403
from .budgets import __all__ as _budgets

__all__ = [*_agreements, *_budgets]
