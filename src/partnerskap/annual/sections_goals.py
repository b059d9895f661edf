"""The council report's goals and results: the goals app's own progress, figures suppressed as
everywhere (a hidden figure stays ":"; see sections.py)."""

from django.utils.translation import gettext as _

from partnerskap.goals import selectors as goals
from partnerskap.registry.models import Partnership

from .sections import Section, Table, number

LAST_VALUES = 4  # the figures shown per indicator: the newest few, as on a goals page


def _figure(value: object) -> str:
    return str(value) if value == goals.SUPPRESSED else number(value)


def _percent(value: int | None) -> str:
    return "–" if value is None else f"{value} %"


def _reading_row(reading: goals.Reading) -> list[str]:
    latest = "–" if reading.actual is None else _figure(reading.actual)
    if reading.actual_period:
        latest = f"{latest} ({reading.actual_period})"
    target = "–"
    if reading.target is not None:
        target = f"{number(reading.target_value)} ({reading.target.period_text})"
    figures = "; ".join(f"{label}: {_figure(v)}" for label, v in reading.values[-LAST_VALUES:])
    return [
        f"– {reading.name}" + (f" ({reading.unit})" if reading.unit else ""),
        number(reading.baseline),
        figures or "–",
        latest,
        target,
        _percent(reading.percent),
        reading.status_label,
    ]


def goals_section(partnership: Partnership, year: int) -> Section:
    """Every goal of the year with each indicator's baseline, figures, target, progress and
    status (the goals selector's fixed number of queries)."""
    section = Section("goals", _("Goals and results"))
    rows = []
    for progress in goals.goals_with_progress(partnership, year):
        title = f"{progress.goal.title} ({progress.goal.get_source_display()})"
        rows.append([title, "", "", "", "", _percent(progress.percent), progress.status_label])
        rows += [_reading_row(reading) for reading in progress.readings]
    if not rows:
        section.lines.append(_("No goals for the year in Partnerskap."))
        return section
    section.tables.append(
        Table(
            [
                _("Goal and indicator"),
                _("Baseline"),
                _("Figures"),
                _("Latest"),
                _("Target"),
                _("Progress"),
                _("Status"),
            ],
            rows,
        )
    )
    section.lines.append(
        _(
            "“:” means a small count hidden to protect the people behind it, or a figure "
            "hidden so that a small one cannot be worked out."
        )
    )
    return section
