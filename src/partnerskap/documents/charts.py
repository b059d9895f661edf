"""Charts: Vega-Lite specs (built with Altair) rendered to SVG on the server with vl-convert.

The same SVG goes on the page and into the PDF, so a chart never differs between screen and paper.
Every chart is shown with its data as a table (template `documents/_chart.html`), which is what a
screen reader reads; the SVG itself is marked as an image with a short description.

    chart = alt.Chart(alt.Data(values=rows)).mark_bar().encode(x="hour:O", y="visits:Q")
    svg = chart_svg(chart, description=_("Visits by hour of day"))
"""

import re
from typing import Any

import altair as alt
import vl_convert
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Aksel's colours (blue-500, orange-400, green-500, purple-400, grey-600): contrast ≥ 3:1 against
# white, as WCAG 1.4.11 asks of the parts of a chart one needs to read it.
PALETTE = ["#0067c5", "#c77300", "#06893a", "#8269a2", "#49515e"]
CONFIG: dict[str, Any] = {
    "font": "Source Sans 3, Source Sans Pro, Arial, sans-serif",
    "background": "white",
    "range": {"category": PALETTE},
    "mark": {"color": PALETTE[0]},
    "axis": {"labelFontSize": 12, "titleFontSize": 13, "labelColor": "#23262a"},
    "legend": {"labelFontSize": 12, "titleFontSize": 13},
    "view": {"stroke": None},
}


def spec(chart: alt.TopLevelMixin | dict) -> dict:
    """The chart's Vega-Lite spec as a dict, with our look applied."""
    result = chart if isinstance(chart, dict) else chart.to_dict()
    return {**result, "config": {**CONFIG, **result.get("config", {})}}


def chart_svg(chart: alt.TopLevelMixin | dict, *, description: str) -> SafeString:
    """The chart as an inline SVG element without XML prolog, with role="img" and the description
    as its accessible name."""
    svg = vl_convert.vegalite_to_svg(spec(chart))
    svg = re.sub(r"^\s*<\?xml[^>]*>\s*", "", svg)
    label = escape(description)
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{label}" focusable="false" ', 1)
    return mark_safe(svg)  # vl-convert's own output; the label is escaped above
