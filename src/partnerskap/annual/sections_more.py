"""The council report's sections on money, reception and projects (see sections.py)."""

from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _

from partnerskap.finance.budget_report import budget_report
from partnerskap.finance.cost_sharing import CostSharingError
from partnerskap.finance.models import AgreementPeriod, Budget, SpecialService
from partnerskap.finance.settlement import period_settlement
from partnerskap.projects.models import Project
from partnerskap.reception import selectors as reception
from partnerskap.registry.models import Owner, Partnership, Weekday

from .sections import Section, Table, day, money, number, year_span


def _budgets(partnership: Partnership, year: int) -> list[list[str]]:
    budgets = (
        Budget.objects.filter(partnership=partnership, year=year)
        .prefetch_related("lines", "super_groups")
        .order_by("name", "pk")
    )
    rows = []
    for budget in budgets:
        total = budget_report(budget).total.line
        rows.append([budget.name, money(total.annual_budget), money(total.spend_to_date)])
    return rows


def _periods(partnership: Partnership, year: int) -> list[list[str]]:
    first, last = year_span(year)
    periods = (
        AgreementPeriod.objects.filter(
            agreement__partnership=partnership, starts__lte=last, ends__gte=first
        )
        .select_related("agreement", "agreement__partnership")
        .prefetch_related(
            Prefetch("special_services", queryset=SpecialService.objects.order_by("name", "pk")),
            "member_weights",
            Prefetch(
                "agreement__partnership__owners",
                queryset=Owner.objects.select_related("municipality", "county"),
            ),
        )
        .order_by("starts", "pk")
    )
    rows = []
    for period in periods:
        span = f"{day(period.starts)}–{day(period.ends)}"
        try:
            settled = period_settlement(period)
        except CostSharingError:
            rows.append([period.agreement.title, span, "", "", _("Cannot be computed")])
            continue
        rows.append(
            [
                period.agreement.title,
                span,
                money(settled.state_total),
                money(settled.municipal_total),
                money(settled.total),
            ]
        )
    return rows


def finance(partnership: Partnership, year: int) -> Section:
    """The year's budgets (total budget and spend) and each operating agreement period's cost
    sharing, computed by finance itself (a fixed number of queries)."""
    section = Section("finance", _("Budget and cost sharing"))
    budgets = _budgets(partnership, year)
    if budgets:
        section.tables.append(Table([_("Budget"), _("Annual budget"), _("Spent to date")], budgets))
    else:
        section.lines.append(_("No budget for the year in Partnerskap."))
    periods = _periods(partnership, year)
    if periods:
        section.tables.append(
            Table(
                [
                    _("Operating agreement"),
                    _("Period"),
                    _("The state pays"),
                    _("The municipality pays"),
                    _("Total"),
                ],
                periods,
            )
        )
    else:
        section.lines.append(_("No cost sharing for the year in Partnerskap."))
    return section


def _hours_text(location: object) -> str:
    return "; ".join(
        f"{Weekday(h.weekday).label} {h.opens:%H:%M}–{h.closes:%H:%M}"
        for h in location.hours.all()  # type: ignore[attr-defined]
    )


def reception_section(partnership: Partnership, year: int) -> Section:
    """Each location's walk-in hours and, where visits were counted in the year, the analysis
    (four queries)."""
    section = Section("reception", _("Reception"))
    locations = reception.office_locations(partnership.office)
    if not locations:
        section.lines.append(_("No reception locations are recorded."))
        return section
    section.tables.append(
        Table(
            [_("Location"), _("Walk-in hours")],
            [[loc.name, _hours_text(loc) or _("Closed")] for loc in locations],
        )
    )
    rows = []
    for result in reception.analyse_locations(locations, *year_span(year)):
        found = result.analysis
        if found is None:
            continue
        rows.append(
            [
                result.location.name,
                number(found.total_visits),
                number(float(found.staff_hours_on_duty), 1),
                number(float(found.staff_hours_with_visitors), 1),
                number(float(found.idle_staff_hours), 1),
            ]
        )
    if rows:
        section.tables.append(
            Table(
                [
                    _("Location"),
                    _("Visits"),
                    _("Staff hours on duty"),
                    _("Staff hours with visitors"),
                    _("Idle staff hours"),
                ],
                rows,
            )
        )
    else:
        section.lines.append(_("No visits were counted during the year."))
    return section


def projects(partnership: Partnership, year: int) -> Section:
    """The projects the partnership or one of its pilots took part in during the year (one
    query)."""
    first, last = year_span(year)
    section = Section("projects", _("Projects"))
    concerned = Project.objects.filter(
        Q(partnerships__id=partnership.pk) | Q(pilots__partnerships__id=partnership.pk)
    ).values("pk")
    found = Project.objects.filter(
        pk__in=concerned, starts_on__lte=last, ends_on__gte=first
    ).order_by("starts_on", "name")
    rows = [
        [
            p.name,
            f"{day(p.starts_on)}–{day(p.ends_on)}",
            p.get_phase_display(),
            p.get_health_display(),
        ]
        for p in found
    ]
    if rows:
        section.tables.append(Table([_("Project"), _("Period"), _("Phase"), _("Health")], rows))
    else:
        section.lines.append(_("The partnership took part in no projects during the year."))
    return section
