"""The daily digest: for each person who chose one, one e-mail a day listing what waits for them
(core/needs.py) that no earlier digest listed. `partnerskap remind` records the digests; the
e-mails leave through the task queue (docs/decisions/0036, 0067).

A digest is recorded before its e-mail is queued, in one transaction per person: a second run the
same day finds the row (unique per person and day) and sends nothing, and what a digest listed is
left out of every later one, so each thing reaches the person once.
"""

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import translation

from .models import DigestSent, Notifications, User
from .needs import Need, needs_for
from .services import save


def need_key(need: Need) -> str:
    """What makes a thing the same thing tomorrow: its kind and where one acts on it."""
    return f"{need.kind} {need.url}"


def _item(need: Need) -> dict:
    return {
        "key": need_key(need),
        "kind": need.kind,
        "label": str(need.label),
        "title": need.title,
        "url": need.url,
        "due": need.due.isoformat() if need.due else None,
        "where": need.where,
    }


def digest_people(day: date) -> list[User]:
    """Who gets a digest today: a daily digest chosen, an address, and none sent yet today."""
    return list(
        User.objects.filter(is_active=True, notifications=Notifications.DAILY)
        .exclude(email="")
        .exclude(digests__day=day)
        .order_by("pk")
    )


def new_items(person: User, day: date) -> list[dict]:
    """What waits for the person that no earlier digest listed, in their language."""
    listed = {
        item["key"]
        for items in DigestSent.objects.filter(person=person).values_list("items", flat=True)
        for item in items
    }
    with translation.override(person.language):
        return [_item(n) for n in needs_for(person, day) if need_key(n) not in listed]


def record_digest(person: User, day: date) -> DigestSent | None:
    """Record today's digest for the person and queue its e-mail after commit; None when there
    is nothing new, or another run already recorded today's."""
    from .tasks import send_digest

    items = new_items(person, day)
    if not items:
        return None
    try:
        with transaction.atomic():
            digest = save(DigestSent(person=person, day=day, items=items), actor=None)
            transaction.on_commit(lambda: send_digest.enqueue(digest.pk))
    except IntegrityError:
        return None  # a run at the same time recorded it first
    return digest


def record_digests(day: date) -> int:
    """Every digest due today; how many were recorded (and queued)."""
    return sum(1 for person in digest_people(day) if record_digest(person, day) is not None)
