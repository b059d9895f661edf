"""Reads shared by the registry's pages, API and documents, each with a fixed number of queries."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from partnerskap.core.models import RoleKind, User

from .access import access_scope
from .models import (
    County,
    Municipality,
    Office,
    OpeningHours,
    Owner,
    Partnership,
    Role,
    ServiceArea,
)

# --- partnerships ---------------------------------------------------------------------------


def roles_of(user: User) -> QuerySet[Role]:
    """The person's current roles with their partnership and its owners, for the home page."""
    return (
        Role.objects.current()
        .filter(person=user)
        .select_related("partnership", "partnership__office", "county")
        .prefetch_related(Prefetch("partnership__owners"))
        .order_by("partnership__name", "kind")
    )


def _owners_prefetch() -> Prefetch:
    return Prefetch(
        "owners",
        queryset=Owner.objects.select_related("county", "municipality").order_by(
            "-kind", "municipality__number"
        ),
    )


def _current_roles_prefetch() -> Prefetch:
    return Prefetch(
        "roles",
        queryset=Role.objects.current()
        .select_related("person")
        .order_by("kind", "person__first_name"),
        to_attr="current_roles",
    )


def partnership_list(user: User) -> QuerySet[Partnership]:
    scope = access_scope(user)
    qs = Partnership.objects.select_related("office", "office__county").prefetch_related(
        _owners_prefetch(), _current_roles_prefetch()
    )
    if not scope.is_admin:
        qs = qs.filter(id__in=scope.readable_partnerships)
    return qs.order_by("name", "pk")


def partnership_for_user(user: User, pk: int, *, change: bool = False) -> Partnership:
    """The one access function for partnerships: 404 if not readable, 403 if not changeable."""
    scope = access_scope(user)
    if not scope.can_read_partnership(pk):
        raise Http404
    qs = Partnership.objects.select_related("office", "office__county", "office__service_area")
    qs = qs.prefetch_related(
        _owners_prefetch(),
        _current_roles_prefetch(),
        Prefetch("office__opening_hours", queryset=OpeningHours.objects.order_by("weekday")),
        "bodies",  # the meetings app's bodies, listed on the partnership's page
    )
    try:
        partnership = qs.get(pk=pk)
    except Partnership.DoesNotExist:
        raise Http404 from None
    if change and not access_scope(user).can_edit_partnership(partnership.pk):
        raise PermissionDenied
    return partnership


def partnership_leader(partnership: Partnership) -> User | None:
    """The current NAV leader, read from the prefetched current roles."""
    for role in getattr(partnership, "current_roles", []):
        if role.kind == RoleKind.NAV_LEADER:
            return role.person
    return None


# --- offices --------------------------------------------------------------------------------


def office_list(user: User) -> QuerySet[Office]:
    scope = access_scope(user)
    qs = Office.objects.select_related("county", "service_area")
    if not scope.is_admin:
        qs = qs.filter(id__in=scope.readable_offices)
    return qs.order_by("unit_number", "valid_from")


def office_choices(user: User) -> QuerySet[Office]:
    """The offices a person may name in a form: their own, and the offices of their county.

    A form or API call that accepted any office would let the leader of one partnership attach
    it to another partnership's office, and so gain access to that office.
    """
    scope = access_scope(user)
    qs = Office.objects.order_by("unit_number", "valid_from")
    if scope.is_admin:
        return qs
    return qs.filter(Q(id__in=scope.readable_offices) | Q(county_id__in=scope.county_state_owner))


def require_partnership_owner(user: User, state_county: County | None) -> None:
    """Only an administrator creates a partnership that a county other than their own owns."""
    scope = access_scope(user)
    if state_county is not None and not scope.can_create_partnership_in(state_county.pk):
        raise ValidationError(
            {"state_county": _("You can only create partnerships that your own NAV county owns.")}
        )


def office_for_user(user: User, pk: int, *, change: bool = False) -> Office:
    if not access_scope(user).can_read_office(pk):
        raise Http404
    qs = Office.objects.select_related("county", "service_area", "replaced_by").prefetch_related(
        Prefetch("opening_hours", queryset=OpeningHours.objects.order_by("weekday")),
        Prefetch("partnerships", queryset=Partnership.objects.order_by("name")),
    )
    try:
        office = qs.get(pk=pk)
    except Office.DoesNotExist:
        raise Http404 from None
    if change and not access_scope(user).can_edit_office(office.pk):
        raise PermissionDenied
    return office


# --- reference data: readable by every signed-in person, changed by administrators ----------


def require_reference_change(user: User) -> None:
    if not access_scope(user).is_admin:
        raise PermissionDenied


def county_list() -> QuerySet[County]:
    return County.objects.order_by("number", "valid_from")


def county_detail(pk: int) -> County:
    qs = County.objects.prefetch_related(
        Prefetch("service_areas", queryset=ServiceArea.objects.order_by("name")),
        Prefetch("municipalities", queryset=Municipality.objects.order_by("number", "valid_from")),
    )
    try:
        return qs.get(pk=pk)
    except County.DoesNotExist:
        raise Http404 from None


def municipality_list() -> QuerySet[Municipality]:
    return Municipality.objects.select_related("county", "replaced_by").order_by(
        "number", "valid_from"
    )


def municipality_detail(pk: int) -> Municipality:
    qs = Municipality.objects.select_related("county", "replaced_by").prefetch_related(
        "predecessors"
    )
    try:
        return qs.get(pk=pk)
    except Municipality.DoesNotExist:
        raise Http404 from None


def service_area_list() -> QuerySet[ServiceArea]:
    return ServiceArea.objects.select_related("county").order_by("county__number", "name")


def service_area_detail(pk: int) -> ServiceArea:
    try:
        return ServiceArea.objects.select_related("county").get(pk=pk)
    except ServiceArea.DoesNotExist:
        raise Http404 from None
