"""What the yearly plans ask of a person, for the "Til meg" front page (core/needs.py): a plan
awaiting the approval they can give as an owner's representative. A fixed number of queries
however much data (five)."""

import datetime

from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from partnerskap.core.models import RoleKind, User
from partnerskap.core.needs import Need
from partnerskap.registry.models import OwnerKind, Role

from .models import ApprovalSide, Plan, PlanStatus, PlanVersion
from .selectors import plan_due


def _owner_roles(user: User) -> tuple[set[int], set[int], set[int]]:
    """Partnerships where the person approves for the municipality, for the state, and the
    counties where they approve for the state."""
    roles = list(
        Role.objects.current()
        .filter(person=user, kind__in=(RoleKind.MUNICIPAL_OWNER, RoleKind.STATE_OWNER))
        .values_list("kind", "partnership_id", "county_id")
    )
    municipal = {p for k, p, _c in roles if k == RoleKind.MUNICIPAL_OWNER and p}
    state = {p for k, p, _c in roles if k == RoleKind.STATE_OWNER and p}
    counties = {c for k, _p, c in roles if k == RoleKind.STATE_OWNER and c}
    return municipal, state, counties


def _my_sides(plan: Plan, municipal: set, state: set, counties: set) -> set[str]:
    pid = plan.partnership_id
    state_counties = {
        o.county_id for o in plan.partnership.owners.all() if o.kind == OwnerKind.STATE
    }
    sides = set()
    if pid in municipal:
        sides.add(ApprovalSide.MUNICIPALITY)
    if pid in state or state_counties & counties:
        sides.add(ApprovalSide.STATE)
    return sides


def approvals(user: User) -> list[Need]:
    """Plans awaiting an approval the person can give and has not given."""
    municipal, state, counties = _owner_roles(user)
    if not (municipal or state or counties):
        return []
    in_county = Q(
        partnership__owners__kind=OwnerKind.STATE, partnership__owners__county_id__in=counties
    )
    versions = PlanVersion.objects.prefetch_related("approvals").order_by("-number")
    plans = (
        Plan.objects.filter(status=PlanStatus.AWAITING)
        .filter(Q(partnership_id__in=municipal | state) | in_county)
        .distinct()
        .select_related("partnership")
        .prefetch_related("partnership__owners", Prefetch("versions", queryset=versions))
    )
    found = []
    for plan in plans:
        pending = next((v for v in plan.versions.all() if v.number == plan.number), None)
        given = {a.side for a in pending.approvals.all()} if pending else set()
        if _my_sides(plan, municipal, state, counties) - given:
            found.append(
                Need(
                    kind="plan_approval",
                    label=_("A plan awaits your approval"),
                    title=str(plan),
                    url=reverse("plans:plan_approve", args=[plan.pk]),
                    due=plan_due(plan.year),
                    where=plan.partnership.name,
                )
            )
    return found


def plans_needs(user: User, today: datetime.date) -> list[Need]:
    return approvals(user)
