"""Writing many observations at once on PostgreSQL: COPY into a staging table, then set-based SQL.

`services.write_observations` checks nothing itself (the import checked every row before); what
it adds is the versioning: an observation of a figure already held (same indicator, area, label
and period) becomes its next version, and the one it replaces is no longer current. On
PostgreSQL that is done here in four statements whatever the number of rows — COPY the rows into
a temporary table, number each after the current one it replaces, retire those, and insert
everything with one INSERT … SELECT — instead of building a Django model per row, which cost 62 %
of the import's time (issue 16, docs/decisions/0078). Other databases keep the ORM path.

Like the ORM path, it runs inside the caller's transaction: an error later in the import rolls
the rows back, and the staging table is dropped at commit or rollback.
"""

from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal
from itertools import islice

from django.db import connection

from .models import Level, Observation

STAGE = "figures_observation_stage"
COLUMNS = (
    "indicator_id", "level", "office_id", "municipality_id", "county_id", "label",
    "period_kind", "period_start", "period_end", "value",
)  # fmt: skip
AREA_COLUMN = {
    Level.OFFICE: "office_id",
    Level.MUNICIPALITY: "municipality_id",
    Level.COUNTY: "county_id",
}
# The same figure: the key of figures_observation_version_once without the version.
SAME_FIGURE = " AND ".join(
    [
        "o.partnership_id = %(partnership)s",
        "o.is_current",
        "o.indicator_id = s.indicator_id",
        "o.level = s.level",
        "o.office_id IS NOT DISTINCT FROM s.office_id",
        "o.municipality_id IS NOT DISTINCT FROM s.municipality_id",
        "o.county_id IS NOT DISTINCT FROM s.county_id",
        "o.label = s.label",
        "o.period_start = s.period_start",
        "o.period_end = s.period_end",
    ]
)


# The statements. Every name interpolated below is a constant of this module or the model's
# table name; the values go as parameters.
_TABLE = Observation._meta.db_table
_STAGED = ", ".join((*COLUMNS, "version"))
DROP_STAGE = f"DROP TABLE IF EXISTS {STAGE}"
CREATE_STAGE = (
    f"CREATE TEMPORARY TABLE {STAGE} ON COMMIT DROP AS SELECT {_STAGED} FROM {_TABLE} WITH NO DATA"  # noqa: S608
)
COPY_STAGE = f"COPY {STAGE} ({_STAGED}) FROM STDIN"
NUMBER_VERSIONS = (
    f"UPDATE {STAGE} s SET version = o.version + 1 FROM {_TABLE} o WHERE {SAME_FIGURE}"  # noqa: S608
)
RETIRE_REPLACED = (
    f"UPDATE {_TABLE} o SET is_current = false FROM {STAGE} s WHERE s.version > 1 AND {SAME_FIGURE}"  # noqa: S608
)
INSERT_STAGED = (
    f"INSERT INTO {_TABLE} (partnership_id, {_STAGED}, source, extracted_on, batch_id, "  # noqa: S608
    f"is_current, created_at) SELECT %(partnership)s, {_STAGED}, %(source)s, %(extracted_on)s, "
    f"%(batch)s, true, now() FROM {STAGE}"
)


def chunks(rows: Iterable[list], size: int) -> Iterator[list[list]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


def supported() -> bool:
    return connection.vendor == "postgresql"


def _stage_row(row: list, indicator_ids: dict[str, int]) -> tuple:
    code, level, area_id, kind, start, end, value, *label = row
    areas = dict.fromkeys(("office_id", "municipality_id", "county_id"))
    column = AREA_COLUMN.get(level)
    if column:
        areas[column] = area_id
    return (
        indicator_ids[code],
        level,
        areas["office_id"],
        areas["municipality_id"],
        areas["county_id"],
        label[0] if label else "",
        kind,
        date.fromisoformat(start) if isinstance(start, str) else start,
        date.fromisoformat(end) if isinstance(end, str) else end,
        Decimal(value),
        1,  # the version, raised below where it replaces a current figure
    )


def copy_observations(
    *,
    partnership_id: int,
    rows: Iterable[list],
    indicator_ids: dict[str, int],
    source: str,
    extracted_on: date,
    batch_id: int | None,
    batch_size: int,
) -> int:
    """Write the rows (as `services.write_observations` takes them) and return how many."""
    params = {"partnership": partnership_id}
    with connection.cursor() as cursor:
        cursor.execute(DROP_STAGE)
        cursor.execute(CREATE_STAGE)
        # One COPY per chunk: producing the rows may query the database (the import resolves
        # units as it reads), which cannot happen on a connection that is in the middle of a COPY.
        for chunk in chunks(rows, batch_size):
            with cursor.cursor.copy(COPY_STAGE) as copy:
                for row in chunk:
                    copy.write_row(_stage_row(row, indicator_ids))
        cursor.execute(f"ANALYZE {STAGE}")
        cursor.execute(NUMBER_VERSIONS, params)
        cursor.execute(RETIRE_REPLACED, params)
        cursor.execute(
            INSERT_STAGED,
            {**params, "source": source, "extracted_on": extracted_on, "batch": batch_id},
        )
        written = cursor.rowcount
        cursor.execute(DROP_STAGE)
    return written
