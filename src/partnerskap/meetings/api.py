"""Bodies, meetings, agenda items, follow-ups and minutes in the JSON API."""

from ninja import Router

router = Router()
# Routes here need no login: the public page's data, with exempt parts left out.
public_router = Router(auth=None)
