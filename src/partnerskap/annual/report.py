"""The council report as one piece of data: the sections in order with the leader's texts."""

from collections.abc import Callable

from django.utils.translation import gettext as _

from partnerskap.registry.models import Partnership

from . import sections, sections_goals, sections_more
from .models import CouncilReport
from .sections import Section

Builder = Callable[[Partnership, int], Section]

BUILDERS: tuple[Builder, ...] = (
    sections.introduction,
    sections.agreement,
    sections.bodies,
    sections.decisions,
    sections_goals.goals_section,
    sections_more.finance,
    sections_more.reception_section,
    sections_more.projects,
)


def section_keys() -> list[tuple[str, str]]:
    """(key, heading) of every section, for the text form; no queries."""
    return [
        ("introduction", _("Introduction")),
        ("agreement", _("The partnership agreement")),
        ("bodies", _("Bodies and meetings")),
        ("decisions", _("Decisions of note")),
        ("goals", _("Goals and results")),
        ("finance", _("Budget and cost sharing")),
        ("reception", _("Reception")),
        ("projects", _("Projects")),
    ]


def title(report: CouncilReport) -> str:
    return _("Report to the municipal council %(year)s: %(partnership)s") % {
        "year": report.year,
        "partnership": report.partnership.name,
    }


def report_content(report: CouncilReport) -> dict:
    """The whole report as it stands now, as JSON-ready data (a fixed number of queries)."""
    built = []
    for build in BUILDERS:
        section = build(report.partnership, report.year)
        section.text = str(report.texts.get(section.key, ""))
        built.append(section.as_dict())
    return {
        "title": title(report),
        "partnership": report.partnership.name,
        "year": report.year,
        "due": report.due.isoformat(),
        "sections": built,
    }
