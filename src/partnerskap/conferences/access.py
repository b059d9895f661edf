"""Who may read and manage which events (docs/decisions/0041).

An event belongs to its organiser: a partnership (read by anyone with a role in it, managed by
those who may change it) or a county (read by anyone with a role in the county, managed by its
editing roles, such as the county director). The members of the body that follows the event —
the project's steering group — manage it too. Participants see only their own registration,
through their personal link, never these pages.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from partnerskap.core.models import EDITING_ROLES, User
from partnerskap.meetings.models import BodyMember
from partnerskap.registry.access import access_scope
from partnerskap.registry.models import Role

from .models import Event


@dataclass(frozen=True)
class EventScope:
    is_admin: bool
    readable_partnerships: frozenset[int]
    editable_partnerships: frozenset[int]
    readable_counties: frozenset[int]
    editable_counties: frozenset[int]
    member_of: frozenset[int]  # bodies the person is a current member of

    def can_read(self, event: Event) -> bool:
        return (
            self.is_admin
            or event.organiser_partnership_id in self.readable_partnerships
            or event.organiser_county_id in self.readable_counties
            or event.following_body_id in self.member_of
        )

    def can_manage(self, event: Event) -> bool:
        return (
            self.is_admin
            or event.organiser_partnership_id in self.editable_partnerships
            or event.organiser_county_id in self.editable_counties
            or event.following_body_id in self.member_of
        )

    @property
    def can_organise(self) -> bool:
        """May create an event for some partnership or county."""
        return self.is_admin or bool(self.editable_partnerships or self.editable_counties)

    def readable(self) -> Q:
        """The events the person may read, as a filter."""
        if self.is_admin:
            return Q()
        return (
            Q(organiser_partnership_id__in=self.readable_partnerships)
            | Q(organiser_county_id__in=self.readable_counties)
            | Q(following_body_id__in=self.member_of)
        )


_NOBODY = EventScope(False, *([frozenset()] * 5))


def event_scope(user: User) -> EventScope:
    """The person's event access, cached on the user for the rest of the request (at most two
    queries beyond the registry's)."""
    if not user.is_authenticated or not user.is_active:
        return _NOBODY
    cached = getattr(user, "_partnerskap_events", None)
    if cached is not None:
        return cached
    registry = access_scope(user)
    if registry.is_admin:
        scope = EventScope(True, *([frozenset()] * 5))
    else:
        county_roles = list(
            Role.objects.current()
            .filter(person=user, county__isnull=False)
            .values_list("kind", "county_id")
        )
        bodies = BodyMember.objects.valid_on(timezone.localdate()).filter(person=user)
        scope = EventScope(
            False,
            registry.readable_partnerships,
            registry.editable_partnerships,
            frozenset(cid for _, cid in county_roles),
            frozenset(cid for kind, cid in county_roles if kind in EDITING_ROLES),
            frozenset(bodies.values_list("body_id", flat=True)),
        )
    user._partnerskap_events = scope  # type: ignore[attr-defined]
    return scope
