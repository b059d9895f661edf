"""Who may read and change which bodies and meetings, from registry roles and body membership.

A partnership's bodies are read by those who read the partnership and run by those who change it;
a county's bodies (and those spanning it among other counties) by the county's role holders, run
by its state owner (the county director); a national body only by its members. Members read their
body; chairs, secretaries and minute-takers run it.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from partnerskap.core.models import RoleKind, User
from partnerskap.registry.access import access_scope
from partnerskap.registry.models import Role

from .models import Body, BodyMember, MemberRole

# Body members with these roles may run the body's meetings and write its minutes.
RUNNING_MEMBER_ROLES = {MemberRole.CHAIR, MemberRole.MINUTE_TAKER, MemberRole.SECRETARY}


@dataclass(frozen=True)
class BodyScope:
    is_admin: bool
    readable: frozenset[int]
    editable: frozenset[int]

    def can_read(self, body_id: int) -> bool:
        return self.is_admin or body_id in self.readable

    def can_edit(self, body_id: int) -> bool:
        return self.is_admin or body_id in self.editable


def body_scope(user: User) -> BodyScope:
    """Bodies the person may read and run, cached on the user for the request (three queries)."""
    cached = getattr(user, "_partnerskap_bodies", None)
    if cached is not None:
        return cached
    registry = access_scope(user)
    if registry.is_admin:
        scope = BodyScope(True, frozenset(), frozenset())
    elif not user.is_authenticated:
        scope = BodyScope(False, frozenset(), frozenset())
    else:
        scope = _scope(user, registry)
    user._partnerskap_bodies = scope  # type: ignore[attr-defined]
    return scope


def _scope(user: User, registry) -> BodyScope:
    today = timezone.localdate()
    roles = list(
        Role.objects.current()
        .filter(person=user)
        .values_list("kind", "partnership_id", "county_id")
    )
    county_ids = {cid for _, _, cid in roles if cid is not None}
    minute_taker_of = {pid for kind, pid, _ in roles if kind == RoleKind.MINUTE_TAKER and pid}
    member_rows = list(
        BodyMember.objects.valid_on(today).filter(person=user).values_list("body_id", "role")
    )
    readable_partnerships = registry.readable_partnerships
    # A body spanning several counties comes once per county it spans (one query either way).
    rows = list(
        Body.objects.filter(
            Q(partnership_id__in=readable_partnerships)
            | Q(county_id__in=county_ids)
            | Q(other_counties__in=county_ids)
            | Q(id__in=[b for b, _ in member_rows])
        ).values_list("id", "partnership_id", "county_id", "other_counties")
    )
    readable = {bid for bid, _, _, _ in rows}
    state_owner = registry.county_state_owner
    editable = {
        bid
        for bid, pid, cid, other in rows
        if (pid is not None and (pid in registry.editable_partnerships or pid in minute_taker_of))
        or (cid is not None and cid in state_owner)
        or (other is not None and other in state_owner)
    }
    editable |= {bid for bid, role in member_rows if role in RUNNING_MEMBER_ROLES}
    return BodyScope(False, frozenset(readable), frozenset(editable))
