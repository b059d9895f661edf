"""Filtering and sorting the overview's rows in memory: the rows are already one query away,
and a sort on a computed column (the next meeting, overdue follow-ups) cannot be pushed into
the database without a subquery per column anyway."""

from collections.abc import Callable
from datetime import date, datetime

from .selectors import Row

KEYS: dict[str, Callable[[Row], object]] = {
    "name": lambda r: r.partnership.name.casefold(),
    "county": lambda r: r.county.casefold(),
    "status": lambda r: r.status_label.casefold(),
    "expires": lambda r: r.expires,
    "hearing": lambda r: r.hearing_deadline,
    "next_meeting": lambda r: r.next_meeting,
    "last_approved": lambda r: r.last_approved,
    "open": lambda r: r.open_follow_ups,
    "overdue": lambda r: r.overdue_follow_ups,
    "figures": lambda r: r.figures_updated,
}


def filtered(rows: list[Row], data: dict, today: date) -> list[Row]:
    if data.get("county"):
        rows = [r for r in rows if r.county_id == data["county"]]
    if data.get("status"):
        rows = [r for r in rows if r.status == data["status"]]
    if data.get("overdue"):
        rows = [r for r in rows if r.overdue_follow_ups > 0]
    if data.get("expiring"):
        rows = [r for r in rows if r.expires_within(data["expiring"], today)]
    if data.get("q"):
        text = data["q"].casefold()
        rows = [r for r in rows if text in r.partnership.name.casefold()]
    return rows


def sorted_rows(rows: list[Row], sort: str, descending: bool) -> list[Row]:
    """Sorted by the column, empty cells last in either direction, then by name."""
    key = KEYS.get(sort or "name", KEYS["name"])
    present = [r for r in rows if key(r) is not None]
    empty = [r for r in rows if key(r) is None]
    present.sort(key=lambda r: KEYS["name"](r))
    present.sort(key=key, reverse=descending)  # type: ignore[arg-type]  # comparable per column
    empty.sort(key=lambda r: KEYS["name"](r))
    return present + empty


def as_day(value: datetime | date | None) -> date | None:
    return value.date() if isinstance(value, datetime) else value
