"""A reception chart has a legend only when it shows two kinds of visit (issue 14: a legend on a
single series), and its labels are upright."""

from partnerskap.documents.charts import spec
from partnerskap.reception.charts import _stacked


def _legend(kinds: list[str]) -> object:
    rows = [{"label": "09", "kind": kind, "visits": 3} for kind in kinds]
    encoding = spec(_stacked(rows, "Time", ["09"]))["encoding"]
    assert encoding["x"]["axis"]["labelAngle"] == 0
    return encoding["color"].get("legend", "default")


def test_one_series_has_no_legend_two_have_one():
    assert _legend(["In walk-in hours"]) is None
    assert _legend(["In walk-in hours", "Outside walk-in hours"]) not in (None, "default")
