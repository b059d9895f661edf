"""Charts: Vega-Lite specs (built with Altair) rendered to SVG on the server with vl-convert.

The same SVG goes on the page and into the PDF, so a chart never differs between screen and paper.
Every chart is shown with its data as a table (template `documents/_chart.html`), which is what a
screen reader reads; the SVG itself is marked as an image with a short description.

    chart = alt.Chart(alt.Data(values=rows)).mark_bar().encode(x="hour:O", y="visits:Q")
    svg = chart_svg(chart, description=_("Visits by hour of day"))

A chart is rendered once per content (issue 16, decision 0095): the SVG is kept in Django's cache
under a hash of the whole Vega-Lite spec, data included, so a page view whose figures have not
changed renders nothing; new data makes a new spec, hence a new key. A frozen document keeps the
SVG it was rendered with (the PDF).
"""

import hashlib
import json
import re
from typing import Any

import altair as alt
import vl_convert
from django.core.cache import cache
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


# A week: long enough for every view of unchanged figures, short enough that specs nobody shows
# any more leave the cache.
CACHE_SECONDS = 7 * 24 * 3600


def spec(chart: alt.TopLevelMixin | dict) -> dict:
    """The chart's Vega-Lite spec as a dict, with our look applied. Altair's schema validation
    is skipped: it cost more than the page and vl-convert reads the spec anyway."""
    result = chart if isinstance(chart, dict) else chart.to_dict(validate=False)
    return {**result, "config": {**CONFIG, **result.get("config", {})}}


def spec_key(full_spec: dict) -> str:
    """The cache key of a spec: a hash of its canonical JSON (data, encoding and look)."""
    text = json.dumps(full_spec, sort_keys=True, separators=(",", ":"), default=str)
    return "chart-svg:" + hashlib.sha256(text.encode()).hexdigest()


def rendered_svg(full_spec: dict) -> str:
    """The spec as SVG without XML prolog: from the cache, or rendered once and kept there."""
    key = spec_key(full_spec)
    svg = cache.get(key)
    if svg is None:
        svg = vl_convert.vegalite_to_svg(full_spec)
        svg = re.sub(r"^\s*<\?xml[^>]*>\s*", "", svg)
        cache.set(key, svg, CACHE_SECONDS)
    return svg


def chart_svg(chart: alt.TopLevelMixin | dict, *, description: str) -> SafeString:
    """The chart as an inline SVG element without XML prolog, with role="img" and the description
    as its accessible name."""
    svg = rendered_svg(spec(chart))
    label = escape(description)
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{label}" focusable="false" ', 1)
    return mark_safe(svg)  # vl-convert's own output; the label is escaped above
