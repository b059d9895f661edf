"""The county overview: one row per partnership with what its owners follow, in two queries.

A row holds the agreement's status and expiry, a hearing in progress, the next meeting, the last
approved minutes, open and overdue follow-ups and the latest key-figure import. Everything per
partnership is a subquery of the one partnership query, and the agreements come in a second query,
so the page costs the same with 8 partnerships or 250.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerskap.agreements.models import Agreement, AgreementStatus, Hearing
from partnerskap.agreements.reminders import add_months
from partnerskap.core.models import User
from partnerskap.core.summary import Fact
from partnerskap.figures.models import ImportBatch, ImportStatus
from partnerskap.meetings.models import (
    OPEN_ACTION_STATUSES,
    ActionItem,
    Meeting,
    MeetingStatus,
)
from partnerskap.registry.access import access_scope
from partnerskap.registry.models import Owner, OwnerKind, Partnership

APPROVED = (MeetingStatus.MINUTES_APPROVED, MeetingStatus.PUBLISHED)
# Agreements still being worked on, shown before the one in force.
PENDING = (
    AgreementStatus.DRAFT,
    AgreementStatus.HEARING,
    AgreementStatus.AGREED,
    AgreementStatus.SIGNED,
)
NO_AGREEMENT = "none"


@dataclass
class Row:
    partnership: Partnership
    county_id: int | None
    county: str
    status: str  # an AgreementStatus value or NO_AGREEMENT
    status_label: str
    agreement_id: int | None
    expires: date | None
    hearing_deadline: date | None
    next_meeting: datetime | None
    last_approved: datetime | None
    open_follow_ups: int
    overdue_follow_ups: int
    figures_updated: datetime | None

    def expires_within(self, months: int, today: date) -> bool:
        return self.expires is not None and self.expires <= add_months(today, months)


def _count(qs: QuerySet) -> Subquery:
    counted = qs.values("body__partnership").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _partnerships(ids: frozenset[int] | None, today: date) -> QuerySet[Partnership]:
    now = timezone.now()
    state = Owner.objects.filter(partnership=OuterRef("pk"), kind=OwnerKind.STATE)
    meetings = Meeting.objects.filter(body__partnership=OuterRef("pk"))
    actions = ActionItem.objects.filter(
        body__partnership=OuterRef("pk"), status__in=OPEN_ACTION_STATUSES
    )
    imports = ImportBatch.objects.filter(
        partnership=OuterRef("pk"), status=ImportStatus.COMMITTED
    ).order_by("-committed_at")
    qs = Partnership.objects.current() if ids is None else Partnership.objects.filter(id__in=ids)
    return qs.select_related("office").annotate(
        county_id=Subquery(state.values("county_id")[:1]),
        county_name=Subquery(state.values("county__name")[:1]),
        next_meeting=Subquery(
            meetings.filter(starts_at__gte=now)
            .exclude(status=MeetingStatus.CANCELLED)
            .order_by("starts_at")
            .values("starts_at")[:1]
        ),
        last_approved=Subquery(
            meetings.filter(status__in=APPROVED).order_by("-starts_at").values("starts_at")[:1]
        ),
        open_follow_ups=_count(actions),
        overdue_follow_ups=_count(actions.filter(due_date__lt=today)),
        figures_updated=Subquery(imports.values("committed_at")[:1]),
    )


def _agreements(ids: list[int]) -> dict[int, tuple[Agreement | None, Agreement | None]]:
    """Per partnership: the agreement in force, and the newest one being worked on."""
    found: dict[int, tuple[Agreement | None, Agreement | None]] = {}
    rows = (
        Agreement.objects.filter(partnership_id__in=ids)
        .filter(status__in=(*PENDING, AgreementStatus.IN_FORCE))
        .annotate(hearing_deadline=Subquery(_hearing_deadline()))
        .order_by("created_at", "pk")
    )
    for agreement in rows:
        in_force, pending = found.get(agreement.partnership_id, (None, None))
        if agreement.status == AgreementStatus.IN_FORCE:
            in_force = agreement
        else:
            pending = agreement
        found[agreement.partnership_id] = (in_force, pending)
    return found


def _hearing_deadline() -> QuerySet:
    return (
        Hearing.objects.filter(agreement=OuterRef("pk"))
        .order_by("-created_at")
        .values("deadline")[:1]
    )


def _row(p: Partnership, agreements: tuple[Agreement | None, Agreement | None]) -> Row:
    in_force, pending = agreements
    shown = pending or in_force
    status = shown.status if shown else NO_AGREEMENT
    label = AgreementStatus(status).label if shown else _("No agreement")
    hearing = (
        pending.hearing_deadline if pending and pending.status == AgreementStatus.HEARING else None
    )
    return Row(
        partnership=p,
        county_id=p.county_id,
        county=p.county_name or "",
        status=status,
        status_label=str(label),
        agreement_id=shown.pk if shown else None,
        expires=in_force.valid_to if in_force else None,
        hearing_deadline=hearing,
        next_meeting=p.next_meeting,
        last_approved=p.last_approved,
        open_follow_ups=p.open_follow_ups,
        overdue_follow_ups=p.overdue_follow_ups,
        figures_updated=p.figures_updated,
    )


def overview_rows(user: User, today: date) -> list[Row]:
    """One row for every partnership the person may read, by name."""
    scope = access_scope(user)
    partnerships = list(
        _partnerships(None if scope.is_admin else scope.readable_partnerships, today).order_by(
            "name", "pk"
        )
    )
    agreements = _agreements([p.pk for p in partnerships])
    return [_row(p, agreements.get(p.pk, (None, None))) for p in partnerships]


def _when(value: datetime | None) -> str:
    return timezone.localtime(value).strftime("%d.%m.%Y") if value else "–"


def partnership_summary(partnership_id: int, today: date) -> list[Fact]:
    """The partnership page's opening facts, from the same row as the county overview."""
    rows = list(_partnerships(frozenset({partnership_id}), today))
    if not rows:
        return []
    row = _row(rows[0], _agreements([partnership_id]).get(partnership_id, (None, None)))
    agreement_url = (
        reverse("agreements:agreement_detail", args=[row.agreement_id])
        if row.agreement_id
        else reverse("agreements:agreement_list", args=[partnership_id])
    )
    agreement = row.status_label
    if row.expires:
        agreement = _("%(status)s, expires %(date)s") % {
            "status": row.status_label,
            "date": row.expires.strftime("%d.%m.%Y"),
        }
    follow_ups = _("%(open)s open, %(overdue)s overdue") % {
        "open": row.open_follow_ups,
        "overdue": row.overdue_follow_ups,
    }
    registers = reverse("overview:follow_ups") + f"?partnership={partnership_id}"
    return [
        Fact(_("Next meeting"), _when(row.next_meeting)),
        Fact(_("Agreement"), agreement, agreement_url, row.expires_within(6, today)),
        Fact(_("Follow-ups"), follow_ups, registers, row.overdue_follow_ups > 0),
        Fact(_("Last approved minutes"), _when(row.last_approved)),
    ]
