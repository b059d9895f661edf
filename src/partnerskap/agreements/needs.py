"""What partnership agreements ask of a person, for the "Til meg" front page (core/needs.py).

Hearings where they are a party and have not yet commented, agreements waiting for their
signature, and for the leaders and owners of a partnership: the agreement in force expiring soon
and its evaluation coming due. A fixed number of queries however much data.
"""

from datetime import date, timedelta

from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from partnerskap.core.models import RoleKind, User
from partnerskap.core.needs import Need
from partnerskap.registry.access import access_scope
from partnerskap.registry.models import OwnerKind, Role

from .models import (
    Agreement,
    AgreementStatus,
    AgreementVersion,
    Hearing,
    SignatureSide,
    VersionReason,
)
from .reminders import add_months

EXPIRY_WARNING_DAYS = 180  # an agreement in force shows as expiring half a year before its end
EVALUATION_WARNING_DAYS = 60


def hearings(user: User, today: date) -> list[Need]:
    rows = (
        Hearing.objects.filter(
            parties=user, agreement__status=AgreementStatus.HEARING, deadline__gte=today
        )
        .exclude(comments__author=user)
        .select_related("agreement__partnership")
    )
    return [
        Need(
            kind="hearing",
            label=_("Hearing: give your comments"),
            title=h.agreement.title,
            url=reverse("agreements:hearing_comment", args=[h.agreement_id]),
            due=h.deadline,
            where=h.agreement.partnership.name,
        )
        for h in rows
    ]


def _my_sides(user: User) -> tuple[set[int], set[int], set[int]]:
    """Partnerships where the person signs for the municipality, for the state, and the counties
    where they sign for the state."""
    roles = list(
        Role.objects.current()
        .filter(person=user, kind__in=(RoleKind.MUNICIPAL_OWNER, RoleKind.STATE_OWNER))
        .values_list("kind", "partnership_id", "county_id")
    )
    municipal = {p for k, p, _c in roles if k == RoleKind.MUNICIPAL_OWNER and p}
    state = {p for k, p, _c in roles if k == RoleKind.STATE_OWNER and p}
    counties = {c for k, _p, c in roles if k == RoleKind.STATE_OWNER and c}
    return municipal, state, counties


def signatures(user: User, today: date) -> list[Need]:
    municipal, state, counties = _my_sides(user)
    if not (municipal or state or counties):
        return []
    state_in_county = Q(
        partnership__owners__kind=OwnerKind.STATE, partnership__owners__county_id__in=counties
    )
    agreed = AgreementVersion.objects.filter(reason=VersionReason.AGREED).order_by("-number")
    rows = (
        Agreement.objects.filter(status=AgreementStatus.AGREED)
        .filter(Q(partnership_id__in=municipal | state) | state_in_county)
        .distinct()
        .select_related("partnership")
        .prefetch_related(
            "partnership__owners",
            Prefetch("versions", queryset=agreed, to_attr="agreed_versions"),
            "signatures",
        )
    )
    return [_signature_need(a) for a in rows if _unsigned_side(a, municipal, state, counties)]


def _unsigned_side(agreement: Agreement, municipal: set, state: set, counties: set) -> bool:
    pid = agreement.partnership_id
    state_counties = {o.county_id for o in agreement.partnership.owners.all() if o.county_id}
    mine = set()
    if pid in municipal:
        mine.add(SignatureSide.MUNICIPALITY)
    if pid in state or state_counties & counties:
        mine.add(SignatureSide.STATE)
    version = agreement.agreed_versions[0] if agreement.agreed_versions else None
    signed = {s.side for s in agreement.signatures.all() if version and s.version_id == version.pk}
    return bool(mine - signed)


def _signature_need(agreement: Agreement) -> Need:
    return Need(
        kind="signature",
        label=_("Waiting for your signature"),
        title=agreement.title,
        url=reverse("agreements:agreement_sign", args=[agreement.pk]),
        where=agreement.partnership.name,
    )


def next_evaluation(agreement: Agreement, today: date) -> date | None:
    """The first evaluation date on or after today, counted from the agreement's start."""
    months = agreement.evaluation_interval_months
    if not agreement.valid_from or months <= 0:
        return None
    k = 1
    while (due := add_months(agreement.valid_from, k * months)) < today:
        k += 1
    return due


def agreements_in_force(user: User, today: date) -> list[Need]:
    scope = access_scope(user)
    if scope.is_admin or not scope.editable_partnerships:
        return []
    rows = Agreement.objects.filter(
        status=AgreementStatus.IN_FORCE, partnership_id__in=scope.editable_partnerships
    ).select_related("partnership")
    found = []
    for agreement in rows:
        url = reverse("agreements:agreement_detail", args=[agreement.pk])
        common = {"title": agreement.title, "url": url, "where": agreement.partnership.name}
        end = agreement.valid_to
        if end and end <= today + timedelta(days=EXPIRY_WARNING_DAYS):
            found.append(
                Need(
                    kind="agreement_expires",
                    label=_("The agreement expires"),
                    due=end,
                    for_partnership=True,
                    **common,
                )
            )
        evaluation = next_evaluation(agreement, today)
        if evaluation and evaluation <= today + timedelta(days=EVALUATION_WARNING_DAYS):
            found.append(
                Need(
                    kind="agreement_evaluation",
                    label=_("Evaluate the agreement"),
                    due=evaluation,
                    for_partnership=True,
                    **common,
                )
            )
    return found


def agreements_needs(user: User, today: date) -> list[Need]:
    return [*hearings(user, today), *signatures(user, today), *agreements_in_force(user, today)]
