"""The conferences app in the JSON API: signed-in routes and the public ones."""

from .public import public_router
from .routes import router

__all__ = ["public_router", "router"]
