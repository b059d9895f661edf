"""Charts of suppressed tables: a hidden value is left out of the chart and shown as ":" in its
data table, so the picture gives away no more than the table."""

import altair as alt
from django.utils.translation import gettext as _

from partnerskap.core.templatetags.norsk import format_number
from partnerskap.documents.charts import chart_svg

from .selectors import SUPPRESSED, ComparedFigure, FigureTable

# Whole numbers without Vega's English thousands comma (1,200 would read as 1.2 in Norwegian).
NUMBERS = alt.Axis(format="d")
# A line over time shows this many of the newest periods; the data table under it has them all
# (a 637-week line is no picture anyone reads, and cost 2 s to draw: issue 16).
RECENT_PERIODS = 24


def cell_text(value: object) -> str:
    if value is None:
        return "–"
    if value == SUPPRESSED:
        return SUPPRESSED
    return format_number(value)


def table_chart(table: FigureTable, code: str, caption: str, *, line: bool = False) -> dict | None:
    """A bar (or line) chart of one column against the rows, with its data table; None when the
    column has no value to draw (an empty chart is no picture, and Vega marks its empty layers
    as images without a name)."""
    j = table.column(code)
    header = table.headers[j]
    points = [
        {"label": row.label, "value": float(row.cells[j]), "order": i}
        for i, row in enumerate(table.rows)
        if row.cells[j] not in (None, SUPPRESSED) and not row.total
    ]
    if not points:
        return None
    if line:
        points = points[:RECENT_PERIODS]  # the rows come newest first
        points.reverse()  # oldest first along the axis
    data = alt.Data(values=points)
    value = alt.X("value:Q", title=header, axis=NUMBERS)
    if line:
        # Periods are short labels: upright, and Vega drops the ones that would overlap.
        x = alt.X("label:N", sort=None, title=None, axis=alt.Axis(labelAngle=0, labelOverlap=True))
        y = alt.Y("value:Q", title=header, axis=NUMBERS)
        chart = alt.Chart(data).mark_line(point=True).encode(x=x, y=y)
        chart = chart.properties(width=520, height=220)
    else:
        # Offices' names are long: bars lie down so that the names read without a tilted head.
        y = alt.Y("label:N", sort=None, title=None, axis=alt.Axis(labelLimit=260))
        chart = alt.Chart(data).mark_bar().encode(x=value, y=y)
        chart = chart.properties(width=420, height=max(22 * len(points), 60))
    return {
        "svg": chart_svg(chart, description=caption),
        "caption": caption,
        "headers": [_("Row"), header],
        "rows": [[row.label or _("Sum"), cell_text(row.cells[j])] for row in table.rows],
    }


def comparison_chart(figure: ComparedFigure, before: str, after: str, caption: str) -> dict | None:
    points = [
        {"label": label, "value": float(value)}
        for label, value in ((before, figure.before), (after, figure.after))
        if value not in (None, SUPPRESSED)
    ]
    if not points:
        return None
    chart = (
        alt.Chart(alt.Data(values=points))
        .mark_bar()
        .encode(
            x=alt.X("label:N", sort=None, title=None), y=alt.Y("value:Q", title=None, axis=NUMBERS)
        )
        .properties(width=320, height=200)
    )
    return {
        "svg": chart_svg(chart, description=caption),
        "caption": caption,
        "headers": [_("Period"), _("Value")],
        "rows": [[before, cell_text(figure.before)], [after, cell_text(figure.after)]],
    }
