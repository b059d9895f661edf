"""Reads for the personal calendar addresses: the address itself, the person's list of them, and
the meetings a feed shows, decided from the person's access at the time of each request."""

import hmac
from dataclasses import dataclass
from datetime import timedelta
from uuid import UUID

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.crypto import salted_hmac

from partnerskap.core.models import User

from .access import body_scope
from .models import AgendaItem, Body, BodyMember, CalendarFeed, ItemStatus, Meeting
from .selectors import body_calendar, body_list


def feed_token(feed: CalendarFeed) -> str:
    """The secret part of the address: the SECRET_KEY and the row's own random secret, so that
    neither a copy of the database nor the key alone gives the address."""
    return salted_hmac("partnerskap.calendar-feed", f"{feed.uuid}:{feed.secret}").hexdigest()


def feed_for_token(feed_uuid: UUID, token: str) -> CalendarFeed | None:
    """The feed an address names, if the secret is right and its person may still log in."""
    feed = (
        CalendarFeed.objects.select_related("person", "body")
        .filter(uuid=feed_uuid, person__is_active=True)
        .first()
    )
    if feed is None or not hmac.compare_digest(feed_token(feed), token):
        return None
    return feed


def feed_meetings(feed: CalendarFeed) -> QuerySet[Meeting] | None:
    """What the feed shows now: a body's meetings while the person may read the body (None once
    they may not), or the meetings of the bodies they are a member of and may read."""
    scope = body_scope(feed.person)
    if feed.body_id is not None:
        return body_calendar(feed.body) if scope.can_read(feed.body_id) else None
    today = timezone.localdate()
    bodies = BodyMember.objects.valid_on(today).filter(person=feed.person).values("body_id")
    if not scope.is_admin:
        bodies = bodies.filter(body_id__in=scope.readable)
    items = AgendaItem.objects.filter(status=ItemStatus.ACTIVE).order_by("position")
    return (
        Meeting.objects.filter(body__in=bodies, starts_at__date__gte=today - timedelta(days=365))
        .select_related("body")
        .prefetch_related(Prefetch("items", queryset=items))
        .order_by("starts_at")
    )


@dataclass(frozen=True)
class FeedRow:
    """One line of the person's calendar page: a body (None: my meetings) and its address."""

    body: Body | None
    feed: CalendarFeed | None


def feed_rows(user: User) -> list[FeedRow]:
    """ "My meetings" first, then every body the person may read, with the addresses they have."""
    feeds = {f.body_id: f for f in CalendarFeed.objects.filter(person=user)}
    rows = [FeedRow(None, feeds.get(None))]
    rows += [FeedRow(body, feeds.get(body.pk)) for body in body_list(user)]
    return rows
