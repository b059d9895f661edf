"""Reads for the annual pages and API: the report of a year (saved or not yet), its versions, and
access by the partnership (registry's rules: its people read, those who change it edit)."""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from partnerskap.core.models import User
from partnerskap.registry.access import access_scope
from partnerskap.registry.models import Partnership

from .models import CouncilReport, CouncilReportVersion
from .wheel import default_due

# The years the pages answer for: a crawler following "next year" must meet an end (issue 14).
YEARS_BACK, YEARS_AHEAD = 15, 2


def check_year(year: int) -> None:
    this_year = timezone.localdate().year
    if not this_year - YEARS_BACK <= year <= this_year + YEARS_AHEAD:
        raise Http404


def can_change(user: User, partnership_id: int) -> bool:
    return access_scope(user).can_edit_partnership(partnership_id)


def report_of(partnership: Partnership, year: int) -> CouncilReport:
    """The saved report, or an unsaved empty draft (revision 0) when there is none yet."""
    check_year(year)
    report = CouncilReport.objects.filter(partnership=partnership, year=year).first()
    if report is None:
        report = CouncilReport(
            partnership=partnership, year=year, due=default_due(year), texts={}, revision=0
        )
    report.partnership = partnership  # the caller's copy, with what it prefetched
    return report


def versions_of(report: CouncilReport) -> QuerySet[CouncilReportVersion]:
    if report.pk is None:
        return CouncilReportVersion.objects.none()
    return report.versions.select_related("sent_by").order_by("-number")


def version_for_user(user: User, pk: int) -> CouncilReportVersion:
    version = (
        CouncilReportVersion.objects.select_related("report__partnership").filter(pk=pk).first()
    )
    if version is None or not access_scope(user).can_read_partnership(
        version.report.partnership_id
    ):
        raise Http404
    return version


def check_change(user: User, partnership: Partnership) -> None:
    if not can_change(user, partnership.pk):
        raise PermissionDenied
