"""The annual wheel (årshjul): every date of a partnership's year in one list (C13, issue 20).

It owns no dates of its own but the council report's: the agreement's evaluation, user
participation evaluation and period end come from the agreement in force (the same arithmetic as
agreements/reminders.py), the plans' due dates from plans.selectors.due_dates, the meetings from
the meetings app (with each body's annual plan), and the report's due date from annual. A fixed
number of queries, whatever the amount of data.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from partnerskap.agreements.models import Agreement, ReminderKind
from partnerskap.agreements.reminders import add_months
from partnerskap.meetings.models import Meeting, MeetingStatus
from partnerskap.plans.selectors import due_dates as plan_due_dates
from partnerskap.registry.models import Partnership

from .models import CouncilReport
from .sections import year_span


def default_due(year: int) -> date:
    """The report goes with the municipality's annual report, due 31 March the next year
    (docs/decisions/0090)."""
    return date(year + 1, 3, 31)


@dataclass(frozen=True)
class Entry:
    day: date
    kind: str  # "agreement_evaluation", "council_report", "meeting" …
    label: str  # the kind in words
    title: str
    url: str
    key: str = ""  # what makes it the same due date for the reminders; empty: never reminded


def _every(start: date, months: int, first: date, last: date) -> list[date]:
    """start + k·months (k ≥ 1) between first and last."""
    days, k = [], 1
    while months > 0 and (day := add_months(start, k * months)) <= last:
        if day >= first:
            days.append(day)
        k += 1
    return days


def agreement_entries(partnership: Partnership, year: int) -> list[Entry]:
    """The dates the agreements in force during the year set (one query)."""
    first, last = year_span(year)
    agreements = Agreement.objects.filter(
        partnership=partnership, valid_from__isnull=False, valid_from__lte=last
    ).filter(Q(valid_to__isnull=True) | Q(valid_to__gte=first))
    entries = []
    for agreement in agreements:
        url = reverse("agreements:agreement_detail", args=[agreement.pk])
        until = min(last, agreement.valid_to or last)
        kinds = (
            (ReminderKind.EVALUATION, agreement.evaluation_interval_months),
            (ReminderKind.USER_PARTICIPATION, 12),
        )
        for kind, months in kinds:
            for day in _every(agreement.valid_from, months, first, until):
                key = f"agreement:{agreement.pk}:{kind}"
                entries.append(
                    Entry(day, f"agreement_{kind}", _label(kind), agreement.title, url, key)
                )
        if agreement.valid_to and first <= agreement.valid_to <= last:
            kind = ReminderKind.PERIOD_ENDS
            key = f"agreement:{agreement.pk}:{kind}"
            entries.append(
                Entry(
                    agreement.valid_to, f"agreement_{kind}", _label(kind), agreement.title, url, key
                )
            )
    return entries


def _label(kind: str) -> str:
    return {
        ReminderKind.EVALUATION: _("The agreement is due for evaluation"),
        ReminderKind.USER_PARTICIPATION: _("Evaluation of user participation"),
        ReminderKind.PERIOD_ENDS: _("The agreement period ends"),
    }[kind]


def report_entries(partnership: Partnership, year: int) -> list[Entry]:
    """The council reports due during the year: last year's by default (one query)."""
    first, last = year_span(year)
    saved = {
        r.year: r.due
        for r in CouncilReport.objects.filter(partnership=partnership, year__in=(year - 1, year))
    }
    entries = []
    for report_year in (year - 1, year):
        due = saved.get(report_year, default_due(report_year))
        if first <= due <= last:
            entries.append(
                Entry(
                    due,
                    "council_report",
                    _("The report to the municipal council is due"),
                    _("Report to the municipal council %(year)s") % {"year": report_year},
                    reverse("annual:report", args=[partnership.pk, report_year]),
                    f"council_report:{report_year}",
                )
            )
    return entries


def plan_entries(partnership: Partnership, year: int) -> list[Entry]:
    """The plans' due dates in the year, from the plans app (two queries). The plans app reminds
    of them itself (its job in core/reminders.py), so they carry no key here."""
    return [
        Entry(
            due.date,
            "plan_done" if due.done else "plan",
            _("Done") if due.done else _("Plan due"),
            due.label,
            due.url,
        )
        for due in plan_due_dates(partnership, year)
    ]


def meeting_entries(partnership: Partnership, year: int) -> list[Entry]:
    """The meetings of the partnership's bodies in the year, not those cancelled (one query)."""
    meetings = (
        Meeting.objects.filter(body__partnership=partnership, starts_at__year=year)
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("body")
        .order_by("starts_at", "pk")
    )
    return [
        Entry(
            m.starts_at.date(),
            "meeting",
            _("Meeting"),
            m.title or m.body.name,
            reverse("meetings:meeting_detail", args=[m.pk]),
        )
        for m in meetings
    ]


def year_entries(partnership: Partnership, year: int) -> list[Entry]:
    """Every date of the year, in date order."""
    entries = [
        *agreement_entries(partnership, year),
        *report_entries(partnership, year),
        *plan_entries(partnership, year),
        *meeting_entries(partnership, year),
    ]
    return sorted(entries, key=lambda e: (e.day, e.kind != "meeting", e.title))
