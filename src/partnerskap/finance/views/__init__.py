"""The finance pages: thin views over selectors, services and documents."""

from .agreements import *  # noqa: F403
from .budgets import *  # noqa: F403
