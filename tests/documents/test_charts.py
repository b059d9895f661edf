import altair as alt

from partnerskap.documents.charts import PALETTE, chart_svg


def test_a_chart_renders_to_an_accessible_inline_svg():
    rows = [{"hour": "10", "visits": 7}, {"hour": "11", "visits": 12}]
    chart = alt.Chart(alt.Data(values=rows)).mark_bar().encode(x="hour:O", y="visits:Q")
    svg = chart_svg(chart, description="Besøk <per time>")
    assert svg.startswith('<svg role="img" aria-label="Besøk &lt;per time&gt;"')
    assert "<?xml" not in svg
    assert PALETTE[0] in svg  # our colours, not Vega's
    assert ">10</text>" in svg and ">11</text>" in svg  # the axis names every hour
