"""Issue 16 done 4: on PostgreSQL the observations are written by COPY and set-based SQL
(figures/bulk.py); the rows, versions and current flags are exactly those of the ORM path."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partnerskap.figures import bulk, services
from partnerskap.figures.models import Level, Observation

pytestmark = pytest.mark.postgres


def _rows(world, value_offset: int) -> list[list]:
    office, county = world.orland_office, world.orland_office.county
    rows = []
    for week in range(1, 6):
        period = date.fromisocalendar(2020, week, 1), date.fromisocalendar(2020, week, 7)
        rows += [
            ["users_follow_up", Level.OFFICE, office.pk, "week", *period, 500 + week],
            ["users_follow_up", Level.COUNTY, county.pk, "week", *period, value_offset + week],
            ["users_follow_up", Level.COUNTRY, None, "week", *period, "10.5"],
            ["users_follow_up", Level.OTHER, None, "week", *period, 7, "Ungdomsteam"],
        ]
    return rows


def _write(world, rows, batch_id=None):
    return services.write_observations(
        partnership_id=world.orland.pk,
        rows=rows,
        source="Datavarehuset",
        extracted_on=date(2020, 8, 1),
        batch_id=batch_id,
    )


def _state() -> list[tuple]:
    return sorted(
        Observation.objects.values_list(
            "indicator_id",
            "level",
            "office_id",
            "county_id",
            "label",
            "period_kind",
            "period_start",
            "period_end",
            "value",
            "version",
            "is_current",
            "source",
        )
    )


def _write_twice(world, monkeypatch, copy: bool) -> list[tuple]:
    monkeypatch.setattr(bulk, "supported", lambda: copy)
    first = _rows(world, 100)
    assert _write(world, first) == len(first)
    # a new extraction changes the county's figures and adds week 6 for the office
    second = [row for row in _rows(world, 200) if row[1] == Level.COUNTY]
    week6 = date.fromisocalendar(2020, 6, 1), date.fromisocalendar(2020, 6, 7)
    second.append(["users_follow_up", Level.OFFICE, world.orland_office.pk, "week", *week6, 9])
    assert _write(world, second) == len(second)
    return _state()


def test_copy_writes_what_the_orm_path_writes(world, monkeypatch):
    by_copy = _write_twice(world, monkeypatch, copy=True)
    Observation.objects.all().delete()
    by_orm = _write_twice(world, monkeypatch, copy=False)
    assert by_copy == by_orm
    county_versions = sorted(
        (o[9], o[10]) for o in by_copy if o[1] == Level.COUNTY and o[6].isocalendar()[1] == 1
    )
    assert county_versions == [(1, False), (2, True)]
    assert len(by_copy) == 4 * 5 + 5 + 1


def test_the_copy_path_is_the_one_taken(world):
    """On PostgreSQL: the staging table and a fixed set of statements, whatever the rows."""
    for rows in (_rows(world, 100), _more_rows(world)):
        with CaptureQueriesContext(connection) as queries:
            _write(world, rows)
        statements = [q["sql"] for q in queries.captured_queries]
        assert any(bulk.STAGE in sql for sql in statements)
        assert len(statements) == 8  # indicators, drop, create, analyze, 2 updates, insert, drop


def _more_rows(world) -> list[list]:
    office = world.orland_office
    return [
        ["users_follow_up", Level.OFFICE, office.pk, "month", date(y, m, 1), date(y, m, 28), m]
        for y in range(2001, 2019)
        for m in range(1, 13)
    ]
