"""Bodies and their members."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerskap.core.models import User
from partnerskap.core.services import save

from ..models import (
    Attendance,
    Body,
    BodyMember,
    Meeting,
    MeetingStatus,
    StandardAgendaItem,
)
from ._base import person_or_new

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
    other_counties: Iterable = (),
    national: bool = False,
    description: str = "",
    default_location: str = "",
    standard_items: Iterable[StandardItem] = (),
) -> Body:
    """A body of a partnership, of a county (perhaps spanning other counties too), or of the
    whole country: exactly one of the three."""
    other_counties = [c for c in other_counties if county is None or c.pk != county.pk]
    if sum((partnership is not None, county is not None, national)) != 1:
        raise ValidationError(
            _("A body belongs to one partnership, to a county, or to the whole country.")
        )
    if other_counties and county is None:
        raise ValidationError(
            {"other_counties": _("Only a body that belongs to a county can span other counties.")}
        )
    if slug in RESERVED_SLUGS:
        raise ValidationError(
            {"slug": _("The address “%(slug)s” belongs to another public page.") % {"slug": slug}}
        )
    body = save(
        Body(
            name=name,
            kind=kind,
            slug=slug,
            partnership=partnership,
            county=county,
            national=national,
            description=description,
            default_location=default_location,
        ),
        actor=actor,
    )
    if other_counties:
        body.other_counties.set(other_counties)
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
    role: str,
    valid_from: date,
    person: User | None = None,
    new_person: dict | None = None,
    valid_to: date | None = None,
    represents: str = "",
) -> BodyMember:
    """Add a member (or record a new person without a login and add them): they are invited to
    the body's planned meetings at once."""
    person = person_or_new(actor, person, new_person, field="person")
    member = BodyMember(
        body=body,
        person=person,
        role=role,
        valid_from=valid_from,
        valid_to=valid_to,
        represents=represents,
    )
    save(member, actor=actor)
    _invite_to_planned(member, actor)
    return member


def _meetings_of_member(member: BodyMember, *statuses: str) -> list[Meeting]:
    """The body's coming meetings in the given states, within the membership, where the person is
    not yet on the list."""
    meetings = Meeting.objects.filter(
        body_id=member.body_id, status__in=statuses, starts_at__gte=timezone.now()
    ).exclude(attendances__person_id=member.person_id)
    return [
        m
        for m in meetings.order_by("starts_at")
        if member.is_valid_on(timezone.localtime(m.starts_at).date())
    ]


def _invite_to_planned(member: BodyMember, actor: User) -> None:
    """Invitations follow the body: a member added before the notice goes out is invited."""
    for meeting in _meetings_of_member(member, MeetingStatus.PLANNED):
        save(_attendance(meeting, member), actor=actor)


def _attendance(meeting: Meeting, member: BodyMember) -> Attendance:
    person = member.person
    return Attendance(
        meeting=meeting,
        person=person,
        name=person.display_name,
        represents=member.represents or person.organisation,
    )


def noticed_meetings_without(member: BodyMember) -> list[Meeting]:
    """Coming meetings whose notice went out before the member was added: the secretary is
    asked whether to send it to them."""
    return _meetings_of_member(member, MeetingStatus.NOTICE_SENT)


@transaction.atomic
def member_send_notice(*, actor: User, member: BodyMember, meetings: Iterable[Meeting]) -> int:
    """Invite a member added after the notice went out, and send them the notice."""
    offered = {m.pk for m in noticed_meetings_without(member)}
    sent = 0
    for meeting in meetings:
        if meeting.pk not in offered:
            raise ValidationError(
                {
                    "meetings": _("%(person)s cannot be sent the notice of this meeting.")
                    % {"person": member.person.display_name}
                }
            )
        save(_attendance(meeting, member), actor=actor)
        from ..notify import send_notice

        transaction.on_commit(
            lambda pk=meeting.pk, email=member.person.email: send_notice(pk, only=[email])
        )
        sent += 1
    return sent
