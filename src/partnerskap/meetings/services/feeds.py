"""Personal calendar addresses: made on request, revoked by deleting them."""

import secrets

from django.db import transaction

from partnerskap.core.models import User

from ..models import Body, CalendarFeed


@transaction.atomic
def calendar_feed_create(*, actor: User, body: Body | None) -> CalendarFeed:
    """The actor's address for the body (None: their meetings); an existing one is kept, so
    pressing the button twice does not break a calendar already subscribed. The caller has
    checked that the actor may read the body."""
    feed, _created = CalendarFeed.objects.get_or_create(
        person=actor, body=body, defaults={"secret": secrets.token_urlsafe(32)}
    )
    return feed


@transaction.atomic
def calendar_feed_revoke(*, actor: User, body: Body | None) -> None:
    """Delete the actor's address for the body: calendars subscribed to it get 404 from now on."""
    CalendarFeed.objects.filter(person=actor, body=body).delete()
