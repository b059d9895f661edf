"""Who may read, draft and approve a partnership's plans (docs/decisions/0085).

The people of a partnership read its plans and evaluations; those who may change the
partnership (its NAV leader, its owners, the administrators) draft them; an owner representative
approves as their party: the partnership's municipal owner for the municipality, the state owner
of the partnership or of its county for the state, as an agreement's signatures are given.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from partnerskap.core.models import RoleKind, User
from partnerskap.registry.access import access_scope
from partnerskap.registry.models import OwnerKind, Partnership, Role

from .models import ApprovalSide, ParticipationEvaluation, Plan, PlanVersion


def can_read(user: User, partnership_id: int) -> bool:
    return access_scope(user).can_read_partnership(partnership_id)


def can_draft(user: User, partnership_id: int) -> bool:
    return access_scope(user).can_edit_partnership(partnership_id)


def require_draft(user: User, partnership_id: int) -> None:
    if not can_draft(user, partnership_id):
        raise PermissionDenied


def approving_sides(user: User, partnership: Partnership) -> list[str]:
    """The parties this person may approve for (two queries)."""
    if not user.is_authenticated:
        return []
    state_counties = set(
        partnership.owners.filter(kind=OwnerKind.STATE).values_list("county_id", flat=True)
    )
    roles = list(
        Role.objects.current()
        .filter(person=user, kind__in=(RoleKind.MUNICIPAL_OWNER, RoleKind.STATE_OWNER))
        .values_list("kind", "partnership_id", "county_id")
    )
    sides = []
    if any(k == RoleKind.MUNICIPAL_OWNER and p == partnership.pk for k, p, _c in roles):
        sides.append(ApprovalSide.MUNICIPALITY)
    if any(
        k == RoleKind.STATE_OWNER and (p == partnership.pk or (c and c in state_counties))
        for k, p, c in roles
    ):
        sides.append(ApprovalSide.STATE)
    return sides


def plan_for_user(user: User, pk: int, *, draft: bool = False) -> Plan:
    """The one access function for plans: 404 if not readable, 403 if drafting is asked and not
    allowed."""
    plan = Plan.objects.select_related("partnership").filter(pk=pk).first()
    if plan is None or not can_read(user, plan.partnership_id):
        raise Http404
    if draft:
        require_draft(user, plan.partnership_id)
    return plan


def version_for_user(user: User, pk: int) -> PlanVersion:
    version = PlanVersion.objects.select_related("plan__partnership").filter(pk=pk).first()
    if version is None or not can_read(user, version.plan.partnership_id):
        raise Http404
    return version


def evaluation_for_user(user: User, pk: int) -> ParticipationEvaluation:
    found = ParticipationEvaluation.objects.select_related("partnership").filter(pk=pk).first()
    if found is None or not can_read(user, found.partnership_id):
        raise Http404
    return found
