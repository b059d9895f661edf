"""Access to the figures' objects and the plain reads: indicators, imports, reports, periods."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import Http404

from partnerskap.core.models import User
from partnerskap.registry.models import Office, Partnership
from partnerskap.registry.selectors import partnership_for_user

from ..models import (
    FigureBlock,
    ImportBatch,
    Indicator,
    Level,
    Observation,
    StatusReport,
)
from ..periods import Period
from ..suppression import DEFAULT_THRESHOLD

Cell = int | Decimal | str | None  # a value, ":" when suppressed, None when there is none


# The digital follow-up table's parts and whole: digital + manual = all followed up.
PARTS = {"users_followed_up": ("users_digital", "users_manual")}


def threshold() -> int:
    return getattr(settings, "FIGURES_SUPPRESSION_THRESHOLD", DEFAULT_THRESHOLD)


# --- access ---------------------------------------------------------------------------------


def batch_for_user(user: User, partnership: Partnership, pk: int) -> ImportBatch:
    try:
        return ImportBatch.objects.select_related("created_by").get(pk=pk, partnership=partnership)
    except ImportBatch.DoesNotExist:
        raise Http404 from None


def report_for_user(user: User, pk: int, *, change: bool = False) -> StatusReport:
    """The one access function for status reports: 404 outside the partnership, 403 to readers."""
    partnership_id = (
        StatusReport.objects.filter(pk=pk).values_list("partnership_id", flat=True).first()
    )
    if partnership_id is None:
        raise Http404
    partnership = partnership_for_user(user, partnership_id, change=change)
    report = (
        StatusReport.objects.select_related("item__meeting", "frozen_attachment")
        .prefetch_related("sections__blocks__indicator")
        .get(pk=pk)
    )
    report.partnership = partnership
    return report


def block_for_user(user: User, pk: int) -> FigureBlock:
    block = FigureBlock.objects.select_related("section__report").filter(pk=pk).first()
    if block is None:
        raise Http404
    report_for_user(user, block.section.report_id, change=True)
    return block


# --- reading ---------------------------------------------------------------------------------


def indicators() -> list[Indicator]:
    return list(Indicator.objects.select_related("numerator", "denominator"))


def imports(partnership: Partnership) -> QuerySet[ImportBatch]:
    return (
        ImportBatch.objects.filter(partnership=partnership)
        .select_related("created_by")
        .defer("preview", "observations")
        .order_by("-created_at", "-pk")
    )


def reports(partnership: Partnership) -> QuerySet[StatusReport]:
    return (
        StatusReport.objects.filter(partnership=partnership)
        .select_related("item__meeting")
        .order_by("-created_at", "-pk")
    )


def own_offices(partnership: Partnership) -> list[Office]:
    """The partnership's office and the offices it replaced (a merger's predecessors)."""
    return list(
        Office.objects.filter(Q(pk=partnership.office_id) | Q(replaced_by=partnership.office_id))
        .select_related("county")
        .order_by("-valid_from", "unit_number")
    )


def latest_office(partnership: Partnership, offices: list[Office]) -> int | None:
    """Which of the offices has the most recent figures."""
    return (
        Observation.objects.filter(partnership=partnership, is_current=True, office__in=offices)
        .order_by("-period_start", "office_id")
        .values_list("office_id", flat=True)
        .first()
    )


def observed_periods(partnership: Partnership, level: str | None = None) -> list[Period]:
    qs = Observation.objects.filter(partnership=partnership, is_current=True)
    if level:
        qs = qs.filter(level=level)
    rows = qs.values_list("period_start", "period_end", "period_kind").distinct()
    return sorted({Period(start, end, kind) for start, end, kind in rows}, reverse=True)


def _values(partnership: Partnership, **filters) -> list[tuple]:
    return list(
        Observation.objects.filter(partnership=partnership, is_current=True, **filters).values_list(
            "indicator__code",
            "level",
            "office_id",
            "municipality_id",
            "county_id",
            "period_start",
            "period_end",
            "period_kind",
            "value",
        )
    )


def _area_id(level: str, office_id, municipality_id, county_id) -> int | None:
    return {Level.OFFICE: office_id, Level.MUNICIPALITY: municipality_id,
            Level.COUNTY: county_id}.get(level)  # fmt: skip
