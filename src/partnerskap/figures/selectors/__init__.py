"""Reads for the figures pages, API and documents: every figure leaves here suppressed.

Nothing outside this package sees a raw count. A :class:`FigureTable` is what every page, chart,
PDF and API response shows: counts from 1 to the threshold as ":", further cells hidden so that
no hidden count can be worked out from totals or parts (suppression.suppress), and shares shown
only when both their counts are.

An office's counts for a period are decided once, in the county table of that period
(:func:`county_decisions`); every other view of those counts reads them from there, so that what
all the views show together gives away no more than the county table alone (decision 0015)."""

from ..suppression import SUPPRESSED
from .published import (
    ComparedFigure,
    area_comparison,
    area_rows,
    county_decisions,
    county_table,
    office_over_time,
    period_comparison,
    share_of,
)
from .reading import (
    PARTS,
    Cell,
    batch_for_user,
    block_for_user,
    imports,
    indicators,
    latest_office,
    observed_periods,
    own_offices,
    report_for_user,
    reports,
    threshold,
)
from .tables import (
    FigureTable,
    Row,
    build_table,
    with_counts,
)

__all__ = [
    "PARTS",
    "SUPPRESSED",
    "Cell",
    "ComparedFigure",
    "FigureTable",
    "Row",
    "area_comparison",
    "area_rows",
    "batch_for_user",
    "block_for_user",
    "build_table",
    "county_decisions",
    "county_table",
    "imports",
    "indicators",
    "latest_office",
    "observed_periods",
    "office_over_time",
    "own_offices",
    "period_comparison",
    "report_for_user",
    "reports",
    "share_of",
    "threshold",
    "with_counts",
]
