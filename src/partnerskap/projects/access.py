"""Who may read and manage which projects, and who is inside a pilot (docs/decisions/0052).

A project is read by anyone with a role in its county (the county director among them), by the
people of the partnerships it or one of its pilots concerns, by its leader and owners, and by the
members of its steering group, project group and every pilot's local group. It is managed by the
county's editing roles, its leader and owners, and the chair or secretary of its steering or
project group. What is internal to a pilot (its risks) is for the pilot's insiders only: its local
leader and local group, the people of its partnerships, and the project's managers.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from partnerskap.core.models import EDITING_ROLES, User
from partnerskap.meetings.access import RUNNING_MEMBER_ROLES
from partnerskap.meetings.models import BodyMember
from partnerskap.registry.access import access_scope
from partnerskap.registry.models import Role


@dataclass(frozen=True)
class ProjectScope:
    is_admin: bool
    user_id: int | None
    readable_counties: frozenset[int]
    editable_counties: frozenset[int]
    readable_partnerships: frozenset[int]
    member_of: frozenset[int]  # bodies the person is a current member of
    running: frozenset[int]  # bodies the person chairs or is secretary or minute-taker of

    def readable(self) -> Q:
        """The projects the person may read, as a filter (may repeat rows: use distinct)."""
        if self.is_admin:
            return Q()
        return (
            Q(county_id__in=self.readable_counties)
            | Q(leader_id=self.user_id)
            | Q(owners__id=self.user_id)
            | Q(partnerships__id__in=self.readable_partnerships)
            | Q(pilots__partnerships__id__in=self.readable_partnerships)
            | Q(steering_group_id__in=self.member_of)
            | Q(project_group_id__in=self.member_of)
            | Q(pilots__local_group_id__in=self.member_of)
            | Q(pilots__local_leader_id=self.user_id)
        )

    def manageable(self) -> Q:
        if self.is_admin:
            return Q()
        return (
            Q(county_id__in=self.editable_counties)
            | Q(leader_id=self.user_id)
            | Q(owners__id=self.user_id)
            | Q(steering_group_id__in=self.running)
            | Q(project_group_id__in=self.running)
        )

    def pilot_insiders(self) -> Q:
        """The pilots whose internal parts the person may see (besides a project's managers)."""
        return (
            Q(local_leader_id=self.user_id)
            | Q(local_group_id__in=self.member_of)
            | Q(partnerships__id__in=self.readable_partnerships)
        )

    @property
    def can_create(self) -> bool:
        return self.is_admin or bool(self.editable_counties)


_NOBODY = ProjectScope(False, None, *([frozenset()] * 5))


def project_scope(user: User) -> ProjectScope:
    """The person's project access, cached on the user for the request (two queries beyond the
    registry's)."""
    if not user.is_authenticated or not user.is_active:
        return _NOBODY
    cached = getattr(user, "_partnerskap_projects", None)
    if cached is not None:
        return cached
    registry = access_scope(user)
    if registry.is_admin:
        scope = ProjectScope(True, user.pk, *([frozenset()] * 5))
    else:
        roles = list(
            Role.objects.current()
            .filter(person=user, county__isnull=False)
            .values_list("kind", "county_id")
        )
        members = list(
            BodyMember.objects.valid_on(timezone.localdate())
            .filter(person=user)
            .values_list("body_id", "role")
        )
        scope = ProjectScope(
            False,
            user.pk,
            frozenset(cid for _, cid in roles),
            frozenset(cid for kind, cid in roles if kind in EDITING_ROLES),
            registry.readable_partnerships,
            frozenset(bid for bid, _ in members),
            frozenset(bid for bid, role in members if role in RUNNING_MEMBER_ROLES),
        )
    user._partnerskap_projects = scope  # type: ignore[attr-defined]
    return scope
