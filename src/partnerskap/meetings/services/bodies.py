"""Bodies and their members."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from partnerskap.core.models import User

from ..models import (
    Body,
    BodyMember,
    StandardAgendaItem,
)
from ._base import _save

# --- bodies ---------------------------------------------------------------------------------


# Public pages of other apps that live beside the bodies' /offentlig/<slug>/.
RESERVED_SLUGS = frozenset({"arrangementer"})


@dataclass(frozen=True)
class StandardItem:
    title: str
    kind: str
    planned_minutes: int = 15


@transaction.atomic
def body_create(
    *,
    actor: User,
    name: str,
    kind: str,
    slug: str,
    partnership=None,
    county=None,
    description: str = "",
    default_location: str = "",
    standard_items: Iterable[StandardItem] = (),
) -> Body:
    if slug in RESERVED_SLUGS:
        raise ValidationError(
            {"slug": _("The address “%(slug)s” belongs to another public page.") % {"slug": slug}}
        )
    body = _save(
        Body(
            name=name,
            kind=kind,
            slug=slug,
            partnership=partnership,
            county=county,
            description=description,
            default_location=default_location,
        ),
        actor,
    )
    StandardAgendaItem.objects.bulk_create(
        StandardAgendaItem(
            body=body,
            position=i,
            title=str(s.title),
            kind=s.kind,
            planned_minutes=s.planned_minutes,
        )
        for i, s in enumerate(standard_items, start=1)
    )
    return body


@transaction.atomic
def body_member_add(
    *,
    actor: User,
    body: Body,
    person: User,
    role: str,
    valid_from: date,
    valid_to: date | None = None,
    represents: str = "",
) -> BodyMember:
    member = BodyMember(
        body=body,
        person=person,
        role=role,
        valid_from=valid_from,
        valid_to=valid_to,
        represents=represents,
    )
    return _save(member, actor)
