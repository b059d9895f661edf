"""What the conferences API's routes share: the router, looking up ids named in a payload, and
the event as the API shows it."""

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router

from partnerskap.core.models import User

from .. import selectors
from ..models import Event
from .schemas import (
    EventConflictOut,
    EventDetailOut,
)

router = Router()

CHANGED = {200: EventDetailOut, 409: EventConflictOut}


def base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def no_such(field: str, pk: int) -> ValidationError:
    return ValidationError({field: _("No such object: %(id)s.") % {"id": pk}})


def one(model, pk: int | None, field: str, qs: QuerySet | None = None):
    if pk is None:
        return None
    found = (qs if qs is not None else model.objects).filter(pk=pk).first()
    if found is None:
        raise no_such(field, pk)
    return found


def people(ids: list[int], field: str) -> list[User]:
    found = {p.pk: p for p in User.objects.filter(pk__in=ids, is_active=True)}
    for pk in ids:
        if pk not in found:
            raise no_such(field, pk)
    return [found[pk] for pk in ids]


def event_detail_out(event: Event) -> dict:
    counts = selectors.event_counts(event)
    latest = selectors.latest_version(event)
    return {
        **{
            name: getattr(event, name)
            for name in (
                "id",
                "title",
                "slug",
                "kind",
                "description",
                "organiser_county_id",
                "organiser_partnership_id",
                "co_organisers",
                "following_body_id",
                "first_day",
                "last_day",
                "place",
                "address",
                "capacity",
                "audience",
                "registration_mode",
                "registration_opens",
                "registration_closes",
                "late_registration",
                "questions",
                "contact_email",
                "offer_hours",
                "retention_days",
                "published_at",
                "personal_data_deleted_at",
                "revision",
            )
        },
        "uuid": str(event.uuid),
        "audience_municipality_ids": list(
            event.audience_municipalities.values_list("pk", flat=True)
        ),
        "programme_version": latest.number if latest else None,
        "counts": {
            "registered": counts.registered,
            "offered": counts.offered,
            "waitlisted": counts.waitlisted,
            "cancelled": counts.cancelled,
            "places_left": counts.places_left,
        },
    }
