"""The reception charts: visits by hour of day and by weekday, each with its data as a table."""

import altair as alt
from django.utils.translation import gettext as _

from partnerskap.documents.charts import chart_svg
from partnerskap.registry.models import Weekday

from . import analysis as core
from .selectors import hour_bars, weekday_bars


def _stacked(rows: list[dict], x_title: str, order: list[str]) -> alt.Chart:
    # A legend only when there are two kinds of visit to tell apart; one series needs none.
    several = len({row["kind"] for row in rows}) > 1
    legend = alt.Legend(orient="bottom") if several else None
    return (
        alt.Chart(alt.Data(values=rows))
        .mark_bar()
        .encode(
            x=alt.X("label:N", title=x_title, sort=order, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("visits:Q", title=_("Visits"), stack="zero"),
            color=alt.Color("kind:N", title=None, legend=legend),
        )
        .properties(width=520, height=220)
    )


def _chart(bars: list, labels: list[str], x_title: str, caption: str) -> dict:
    inside, outside = _("In walk-in hours"), _("Outside walk-in hours")
    rows = []
    for bar, label in zip(bars, labels, strict=True):
        rows.append({"label": label, "kind": inside, "visits": bar.inside})
        if bar.outside:
            rows.append({"label": label, "kind": outside, "visits": bar.outside})
    return {
        "svg": chart_svg(_stacked(rows, x_title, labels), description=caption),
        "caption": caption,
        "headers": [x_title, inside, outside, _("All visits")],
        "rows": [
            [label, bar.inside, bar.outside, bar.total]
            for bar, label in zip(bars, labels, strict=True)
        ],
    }


def hour_chart(analysis: core.Analysis, place: str) -> dict | None:
    bars = hour_bars(analysis)
    if not bars or not any(bar.total for bar in bars):
        return None
    labels = [f"{bar.hour:02d}" for bar in bars]
    caption = _("Visits to %(place)s by hour of arrival") % {"place": place}
    return _chart(bars, labels, _("Hour of day"), caption)


def weekday_chart(analysis: core.Analysis, place: str) -> dict | None:
    bars = weekday_bars(analysis)
    if not bars or not any(bar.total for bar in bars):
        return None
    labels = [str(Weekday(bar.weekday).label) for bar in bars]
    caption = _("Visits to %(place)s by weekday") % {"place": place}
    return _chart(bars, labels, _("Weekday"), caption)
