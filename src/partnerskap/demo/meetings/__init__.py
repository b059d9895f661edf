"""Demo meetings: the Nordland steering group 2017–2019, NAV Ørland's partnership meeting and a
network of Nordland and Trøndelag recorded afterwards,
built through the meeting services so the product looks lived-in. Idempotent: a body that
already exists is left as it is."""

from datetime import date

from django.utils import timezone, translation

from partnerskap.core.models import User
from partnerskap.meetings import services
from partnerskap.meetings.models import Body, BodyKind
from partnerskap.meetings.standard import PARTNERSHIP_MEETING_AGENDA
from partnerskap.registry.models import County, Partnership

from . import network, nordland, orland
from .build import BodyBuilder, no_mail


def load(users: dict[str, User]) -> None:
    # Titles from the standard agenda are stored as text: store them in bokmål.
    with translation.override("nb"), no_mail():
        _nordland(users)
        _orland(users)
        network.load(users)


def _members(body: Body, users: dict[str, User], members: list, valid_from: date) -> None:
    for username, role, represents in members:
        services.body_member_add(
            actor=users["admin"],
            body=body,
            person=users[username],
            role=role,
            valid_from=valid_from,
            represents=represents,
        )


def _nordland(users: dict[str, User]) -> None:
    if Body.objects.filter(slug=nordland.SLUG).exists():
        return
    county = County.objects.filter(number=nordland.COUNTY_NUMBER).order_by("-valid_from").first()
    body = services.body_create(
        actor=users[nordland.CHAIR],
        name=nordland.NAME,
        kind=BodyKind.STEERING_GROUP,
        slug=nordland.SLUG,
        county=county,
        description=nordland.DESCRIPTION,
        default_location=nordland.SULISKONGEN,
    )
    _members(body, users, nordland.MEMBERS, nordland.MEMBERS_FROM)
    builder = BodyBuilder(body, users, chair=nordland.CHAIR, minute_taker=nordland.MINUTE_TAKER)
    for spec in nordland.MEETINGS:
        builder.hold(spec)
    builder.finish(timezone.localdate())


def _orland(users: dict[str, User]) -> None:
    if Body.objects.filter(slug=orland.SLUG).exists():
        return
    partnership = (
        Partnership.objects.filter(name=orland.PARTNERSHIP).order_by("-valid_from").first()
    )
    body = services.body_create(
        actor=users["leder.orland"],
        name=orland.NAME,
        kind=BodyKind.PARTNERSHIP_MEETING,
        slug=orland.SLUG,
        partnership=partnership,
        description=orland.DESCRIPTION,
        default_location=orland.PLACE,
        standard_items=PARTNERSHIP_MEETING_AGENDA,
    )
    _members(body, users, orland.MEMBERS, orland.MEMBERS_FROM)
    builder = BodyBuilder(body, users, chair=orland.CHAIR, minute_taker=orland.MINUTE_TAKER)
    builder.hold(orland.AUTUMN_2020)
    builder.finish(timezone.localdate())
    builder.plan(orland.next_meeting(timezone.localdate()))
