"""Bodies, meetings, agenda items, follow-ups and minutes in the JSON API: the same access
functions, selectors and services as the pages (`routes`), and published minutes for everyone in
OParl's shape (`public`)."""

from . import minutes  # noqa: F401  (registers the minutes routes on `router`)
from .public import public_router
from .routes import router

__all__ = ["public_router", "router"]
