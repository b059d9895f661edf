"""Who may read and change what, derived from a person's current roles (docs/decisions/0003)."""

from dataclasses import dataclass

from django.db.models import Q

from partnerskap.core.models import EDITING_ROLES, RoleKind, User

from .models import Partnership, Role


@dataclass(frozen=True)
class AccessScope:
    """What one person may read and change, computed from their current roles (two queries)."""

    is_admin: bool
    readable_partnerships: frozenset[int]
    editable_partnerships: frozenset[int]
    readable_offices: frozenset[int]
    editable_offices: frozenset[int]
    county_state_owner: frozenset[int]

    def can_read_partnership(self, pk: int) -> bool:
        return self.is_admin or pk in self.readable_partnerships

    def can_edit_partnership(self, pk: int) -> bool:
        return self.is_admin or pk in self.editable_partnerships

    def can_read_office(self, pk: int) -> bool:
        return self.is_admin or pk in self.readable_offices

    def can_edit_office(self, pk: int) -> bool:
        return self.is_admin or pk in self.editable_offices

    @property
    def can_create_partnership(self) -> bool:
        return self.is_admin or bool(self.county_state_owner)

    def can_create_partnership_in(self, county_id: int) -> bool:
        return self.is_admin or county_id in self.county_state_owner


EMPTY_SCOPE = AccessScope(False, frozenset(), frozenset(), frozenset(), frozenset(), frozenset())


def access_scope(user: User) -> AccessScope:
    """The person's access, cached on the user object for the rest of the request."""
    if not user.is_authenticated or not user.is_active:
        return EMPTY_SCOPE
    cached = getattr(user, "_partnerskap_access", None)
    if cached is not None:
        return cached
    roles = list(
        Role.objects.current()
        .filter(person=user)
        .values_list("kind", "partnership_id", "county_id")
    )
    is_admin = user.is_superuser or any(
        kind == RoleKind.ADMINISTRATOR and pid is None and cid is None for kind, pid, cid in roles
    )
    scope = EMPTY_SCOPE if not is_admin else AccessScope(True, *([frozenset()] * 5))
    if not is_admin:
        scope = _scope_from_roles(roles)
    user._partnerskap_access = scope  # type: ignore[attr-defined]
    return scope


def forget_access_scope(user: User) -> None:
    """Drop the cached scope after a change that grants access, such as a new partnership."""
    if hasattr(user, "_partnerskap_access"):
        del user._partnerskap_access  # through request.user's lazy wrapper, not around it


def _scope_from_roles(roles: list[tuple[str, int | None, int | None]]) -> AccessScope:
    direct = {pid for _, pid, _ in roles if pid is not None}
    direct_edit = {pid for kind, pid, _ in roles if pid is not None and kind in EDITING_ROLES}
    counties = {cid for _, _, cid in roles if cid is not None}
    counties_edit = {cid for kind, _, cid in roles if cid is not None and kind in EDITING_ROLES}
    rows = list(
        Partnership.objects.filter(
            Q(id__in=direct) | Q(owners__kind="state", owners__county_id__in=counties)
        )
        .values_list("id", "office_id", "owners__county_id")
        .distinct()
    )
    readable: set[int] = set()
    editable: set[int] = set()
    offices_read: set[int] = set()
    offices_edit: set[int] = set()
    for pid, office_id, county_id in rows:
        if pid in direct or county_id in counties:
            readable.add(pid)
            offices_read.add(office_id)
        if pid in direct_edit or county_id in counties_edit:
            editable.add(pid)
            offices_edit.add(office_id)
    county_owner = {
        cid for kind, _, cid in roles if cid is not None and kind == RoleKind.STATE_OWNER
    }
    return AccessScope(
        False,
        frozenset(readable),
        frozenset(editable),
        frozenset(offices_read),
        frozenset(offices_edit),
        frozenset(county_owner),
    )
