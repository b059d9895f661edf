"""The conferences app in the JSON API: signed-in routes and the public ones.

The route modules are imported in the order of an event's life (the event and its programme,
registrations and check-in, the evaluation): the OpenAPI document and the access walker list them
in this order."""

from . import events, registrations  # noqa: I001, F401 - in this order: they add their routes
from . import evaluation  # noqa: F401
from ._common import router
from .public import public_router

__all__ = ["public_router", "router"]
