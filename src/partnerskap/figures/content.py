"""What a status report shows, computed live: shared by its page, its PDF and the frozen copy."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from partnerskap.registry.models import Office, Partnership

from . import catalogue, selectors
from .charts import cell_text, comparison_chart, table_chart
from .models import Comparison, FigureBlock, Indicator, SectionKind, StatusReport
from .periods import PeriodError, parse_period


@dataclass
class BlockView:
    block: FigureBlock
    title: str
    headers: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    chart: dict | None = None
    problem: str = ""


@dataclass
class SectionView:
    kind: str
    label: str
    text: str
    blocks: list[BlockView]


def report_content(report: StatusReport, office: Office) -> list[SectionView]:
    every = selectors.indicators()
    by_id = {i.pk: i for i in every}
    sections = []
    for section in report.sections.all():
        blocks = [
            block_view(report.partnership, office, block, by_id[block.indicator_id], every)
            for block in section.blocks.all()
        ]
        sections.append(
            SectionView(section.kind, str(SectionKind(section.kind).label), section.text, blocks)
        )
    return sections


def block_view(
    partnership: Partnership,
    office: Office,
    block: FigureBlock,
    indicator: Indicator,
    every: list[Indicator],
) -> BlockView:
    name = catalogue.label(indicator)
    try:
        period = parse_period(block.period_text)
        earlier = (
            parse_period(block.compare_period_text)
            if block.comparison == Comparison.PREVIOUS
            else None
        )
    except PeriodError as exc:
        return BlockView(block, name, problem=str(exc))
    view = BlockView(block, _("%(name)s, %(period)s") % {"name": name, "period": period.label})
    if earlier is not None:
        figures = selectors.period_comparison(
            partnership, "office", office.pk, earlier, period, [indicator], every
        )
        figure = next(f for f in figures if f.indicator == indicator)
        view.title = _("%(name)s: %(before)s and %(after)s") % {
            "name": name,
            "before": earlier.label,
            "after": period.label,
        }
        view.headers = [earlier.label, period.label, _("Change"), _("Change in per cent")]
        view.rows = [[cell_text(figure.before), cell_text(figure.after),
                      _signed(figure.change), _signed(figure.per_cent)]]  # fmt: skip
        if block.chart:
            view.chart = comparison_chart(figure, earlier.label, period.label, view.title)
        return view
    if block.comparison == Comparison.AREAS:
        table = selectors.area_comparison(partnership, office, period, [indicator], every)
        rows = table.rows
        view.headers = [_("Area"), name]
    else:
        table = selectors.office_over_time(partnership, office, [indicator], every)
        rows = [row for row in table.rows if row.key == period]
        view.headers = [_("Period"), name]
    j = table.column(indicator.code)
    view.rows = [[row.label, cell_text(row.cells[j])] for row in rows]
    if not rows or all(row.cells[j] is None for row in rows):
        view.problem = _("There are no figures for this period.")
    elif block.chart:
        caption = view.title if block.comparison == Comparison.AREAS else name
        line = block.comparison != Comparison.AREAS
        view.chart = table_chart(table, indicator.code, caption, line=line)
    return view


def _signed(value: object) -> str:
    text = cell_text(value)
    if value in (None, selectors.SUPPRESSED):
        return text
    return f"+{text}" if value > 0 else text
