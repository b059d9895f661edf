"""The council report's sections, each read from the app that owns the facts (C12).

A section is plain data, so the page, the DOCX, the PDF/A and the API show the same thing and a
sent version can be frozen as it stood: a key, a heading, the leader's text, lines of facts and
tables of strings. Every section costs a fixed number of queries, whatever the amount of data.
Money comes from finance's own computations (budget_report, period_settlement), to the øre.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from partnerskap.agreements.models import Agreement, AgreementVersion
from partnerskap.core.templatetags.norsk import format_money, format_number
from partnerskap.meetings.models import AgendaItem, Body, ItemKind, ItemStatus, MeetingStatus
from partnerskap.registry.models import Partnership

HELD = (
    MeetingStatus.HELD,
    MeetingStatus.MINUTES_IN_COMMENT,
    MeetingStatus.MINUTES_APPROVED,
    MeetingStatus.PUBLISHED,
)


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]


@dataclass
class Section:
    key: str
    heading: str
    text: str = ""
    lines: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)

    def as_dict(self) -> dict:
        """Plain JSON: every text a str (a lazy translation would not serialise)."""
        return {
            "key": self.key,
            "heading": str(self.heading),
            "text": str(self.text),
            "lines": [str(line) for line in self.lines],
            "tables": [
                {
                    "headers": [str(h) for h in t.headers],
                    "rows": [[str(cell) for cell in row] for row in t.rows],
                }
                for t in self.tables
            ],
        }


def day(value: date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def year_span(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def introduction(partnership: Partnership, year: int) -> Section:
    return Section(
        "introduction",
        _("Introduction"),
        lines=[
            _("The yearly report of %(partnership)s to the municipal council for %(year)s.")
            % {"partnership": partnership.name, "year": year}
        ],
    )


def agreement(partnership: Partnership, year: int) -> Section:
    """The agreements in force during the year, and the versions made during it (two queries)."""
    first, last = year_span(year)
    section = Section("agreement", _("The partnership agreement"))
    in_force = Agreement.objects.filter(
        partnership=partnership, valid_from__isnull=False, valid_from__lte=last
    ).filter(Q(valid_to__isnull=True) | Q(valid_to__gte=first))
    for item in in_force.order_by("valid_from", "pk"):
        values = {
            "title": item.title,
            "start": day(item.valid_from),
            "end": day(item.valid_to),
            "months": item.evaluation_interval_months,
        }
        if item.valid_to:
            line = _("%(title)s, in force %(start)s–%(end)s; evaluated every %(months)s months.")
        else:
            line = _("%(title)s, in force from %(start)s; evaluated every %(months)s months.")
        section.lines.append(line % values)
    if not section.lines:
        section.lines.append(_("No agreement was in force during the year."))
    versions = (
        AgreementVersion.objects.filter(agreement__partnership=partnership, created_at__year=year)
        .select_related("agreement")
        .order_by("created_at", "pk")
    )
    rows = [
        [day(v.created_at.date()), v.agreement.title, str(v.number), v.get_reason_display()]
        for v in versions
    ]
    if rows:
        section.tables.append(Table([_("Date"), _("Agreement"), _("Version"), _("Change")], rows))
    else:
        section.lines.append(_("The agreement did not change during the year."))
    return section


def bodies(partnership: Partnership, year: int) -> Section:
    """The partnership's bodies and how often they met in the year (one query)."""
    section = Section("bodies", _("Bodies and meetings"))
    in_year = Q(meetings__starts_at__year=year)
    rows = (
        Body.objects.filter(partnership=partnership)
        .annotate(
            held=Count("meetings", filter=in_year & Q(meetings__status__in=HELD)),
            cancelled=Count(
                "meetings", filter=in_year & Q(meetings__status=MeetingStatus.CANCELLED)
            ),
        )
        .order_by("name", "pk")
    )
    table = [[b.name, b.get_kind_display(), str(b.held), str(b.cancelled)] for b in rows]
    if table:
        section.tables.append(
            Table([_("Body"), _("Kind"), _("Meetings held"), _("Meetings cancelled")], table)
        )
    else:
        section.lines.append(_("The partnership has no bodies in Partnerskap."))
    return section


def decisions(partnership: Partnership, year: int) -> Section:
    """The decisions made in the bodies' meetings of the year (one query). The report goes to a
    council, in public: an item exempt from public access shows its public title only."""
    section = Section("decisions", _("Decisions of note"))
    items = (
        AgendaItem.objects.filter(
            meeting__body__partnership=partnership,
            meeting__starts_at__year=year,
            meeting__status__in=HELD,
            kind=ItemKind.DECISION,
            status=ItemStatus.ACTIVE,
        )
        .exclude(decision_text="")
        .select_related("meeting__body")
        .order_by("meeting__starts_at", "position")
    )
    rows = [
        [
            item.label,
            day(item.meeting.starts_at.date()),
            item.meeting.body.name,
            item.shown_publicly_as,
            _("Exempt from public access") if item.exempt else item.decision_text,
        ]
        for item in items
    ]
    if rows:
        section.tables.append(
            Table([_("Item"), _("Date"), _("Body"), _("Title"), _("Decision")], rows)
        )
    else:
        section.lines.append(_("No decisions were recorded during the year."))
    return section


def money(value: object) -> str:
    return format_money(value)


def number(value: object, decimals: int | None = None) -> str:
    return format_number(value, decimals)
