"""Visits imported from a CSV or Excel file: checked in full, previewed, then imported all or
nothing (docs/decisions/0017).

The file's first row names the columns: dato, sted, ankomst, minutter (or date, location, arrival,
minutes). A date is 2020-01-09 or 09.01.2020; a time 10:15; a place is a location's name.
"""

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerskap.core.metrics import import_committed
from partnerskap.core.models import User
from partnerskap.core.tables import Limits, TableRefused, check_size, read_table
from partnerskap.registry.models import Office

from ..models import CountedTotals, ImportStatus, Location, Visit, VisitImport, VisitSource
from ..selectors import office_locations
from .visits import MAX_MINUTES, counted_twice_message, is_within_hours

MAX_ROWS = 50_000
# A visit per row; the header and blank lines besides
LIMITS = Limits(max_bytes=5 * 1024 * 1024, max_rows=MAX_ROWS + 100, max_columns=50)
COLUMNS = {
    "day": ("dato", "date"),
    "location": ("sted", "location"),
    "arrival": ("ankomst", "arrival"),
    "minutes": ("minutter", "minutes"),
}


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return _("Row %(row)s, column “%(column)s”: %(message)s") % {
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


@dataclass
class ParsedVisit:
    row: int
    location: Location
    day: date
    arrival: time
    minutes: int
    outside: bool


@dataclass
class Parsed:
    visits: list[ParsedVisit] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def outside(self) -> list[ParsedVisit]:
        return [v for v in self.visits if v.outside]


class ImportRefused(ValidationError):
    """The file as a whole, or some of its rows, cannot be imported; `errors` names each row."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__({"file": messages})
        self.row_messages = messages


def _table(name: str, content: bytes) -> list[list[object]]:
    """The file's rows as lists of cells: CSV or the first sheet of an XLSX (core.tables)."""
    try:
        return read_table(name, content, LIMITS)
    except TableRefused as exc:
        raise ImportRefused([exc.text]) from None


def _header(name: str, row: list[object]) -> dict[str, int]:
    names = [str(cell or "").strip().lower() for cell in row]
    positions: dict[str, int] = {}
    for key, aliases in COLUMNS.items():
        found = next((i for i, n in enumerate(names) if n in aliases), None)
        if found is None:
            raise ImportRefused(
                [
                    _(
                        "“%(name)s” has no column “%(column)s”. The first row must name the "
                        "columns dato, sted, ankomst and minutter."
                    )
                    % {"name": name, "column": aliases[0]}
                ]
            )
        positions[key] = found
    return positions


def _day(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value or "").strip()
    if not text:
        raise ValueError(_("The date is missing."))
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(
        _("“%(value)s” is not a date that exists. Write it as 2020-01-09 or 09.01.2020.")
        % {"value": text}
    )


def _time(value: object) -> time:
    if isinstance(value, datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    text = str(value or "").strip()
    for pattern in ("%H:%M", "%H.%M", "%H:%M:%S"):
        try:
            return datetime.strptime(text, pattern).time().replace(second=0)
        except ValueError:
            continue
    raise ValueError(
        _("“%(value)s” is not a time of day. Write it as 10:15.") % {"value": text}
        if text
        else _("The time of arrival is missing.")
    )


def _minutes(value: object) -> int:
    text = str(value if value is not None else "").strip()
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    try:
        minutes = int(text)
    except ValueError:
        raise ValueError(
            _("“%(value)s” is not a whole number of minutes.") % {"value": text}
            if text
            else _("The minutes are missing.")
        ) from None
    if minutes < 0:
        raise ValueError(_("%(value)s minutes: minutes cannot be negative.") % {"value": minutes})
    if minutes > MAX_MINUTES:
        raise ValueError(_("A visit cannot last more than a day (1440 minutes)."))
    return minutes


def parse_visits(office: Office, name: str, content: bytes) -> Parsed:
    """Every row checked; errors name the row (as a spreadsheet numbers it) and the column."""
    table = _table(name, content)
    rows = [(i + 1, r) for i, r in enumerate(table) if any(str(c or "").strip() for c in r)]
    if not rows:
        raise ImportRefused([_("“%(name)s” is empty.") % {"name": name}])
    columns = _header(name, rows[0][1])
    if len(rows) - 1 > MAX_ROWS:
        raise ImportRefused(
            [_("“%(name)s” has more than %(limit)s rows.") % {"name": name, "limit": MAX_ROWS}]
        )
    header = [str(c or "").strip() for c in rows[0][1]]
    locations = {loc.name.lower(): loc for loc in office_locations(office)}
    spans: dict[int, list[CountedTotals]] = {}
    for totals in CountedTotals.objects.filter(location__office=office):
        spans.setdefault(totals.location_id, []).append(totals)
    parsed = Parsed()
    for number, row in rows[1:]:
        cells = {key: (row[i] if i < len(row) else None) for key, i in columns.items()}
        values: dict[str, object] = {}
        for key, read in (("day", _day), ("arrival", _time), ("minutes", _minutes)):
            try:
                values[key] = read(cells[key])
            except ValueError as exc:
                parsed.errors.append(RowError(number, header[columns[key]], str(exc)))
        place = str(cells["location"] or "").strip()
        location = locations.get(place.lower())
        if location is None:
            message = (
                _("No location called “%(place)s” has been set up for the office.")
                % {"place": place}
                if place
                else _("The location is missing.")
            )
            parsed.errors.append(RowError(number, header[columns["location"]], message))
        if len(values) < 3 or location is None:
            continue
        covering = [
            t for t in spans.get(location.pk, []) if t.first_day <= values["day"] <= t.last_day
        ]
        if covering:
            message = counted_twice_message(location, values["day"], covering[0])
            parsed.errors.append(RowError(number, header[columns["day"]], message))
            continue
        outside = not is_within_hours(location, values["day"], values["arrival"])
        parsed.visits.append(ParsedVisit(number, location, outside=outside, **values))
    return parsed


def _refuse(parsed: Parsed, limit: int = 50) -> None:
    if parsed.errors:
        messages = [str(e) for e in parsed.errors[:limit]]
        if len(parsed.errors) > limit:
            messages.append(
                _("… and %(count)s more errors.") % {"count": len(parsed.errors) - limit}
            )
        raise ImportRefused(messages)


STALE_PREVIEW = timedelta(days=1)


def discard_stale_previews() -> int:
    """Previews nobody confirmed within a day are deleted (their files with them); returns how
    many. Run on every new upload, so they never pile up."""
    cutoff = timezone.now() - STALE_PREVIEW
    deleted, _rows = VisitImport.objects.filter(
        status=ImportStatus.PREVIEW, created_at__lt=cutoff, visits__isnull=True
    ).delete()
    return deleted


@transaction.atomic
def import_preview(*, actor: User, office: Office, file: File) -> tuple[VisitImport, Parsed]:
    """Check the whole file and keep it for confirmation; any bad row refuses all of it."""
    name = (file.name or "").rsplit("/", 1)[-1]
    try:
        check_size(name, file.size, LIMITS)
    except TableRefused as exc:
        raise ImportRefused([exc.text]) from None
    discard_stale_previews()
    content = file.read()
    digest = hashlib.sha256(content).hexdigest()
    if VisitImport.objects.filter(office=office, sha256=digest, status=ImportStatus.DONE).exists():
        raise ImportRefused(
            [_("“%(name)s” has already been imported for this office.") % {"name": name}]
        )
    parsed = parse_visits(office, name, content)
    _refuse(parsed)
    if not parsed.visits:
        raise ImportRefused([_("“%(name)s” has no visits.") % {"name": name}])
    visit_import = VisitImport.objects.create(
        office=office,
        file_name=name[:200],
        content=content,
        sha256=digest,
        rows=len(parsed.visits),
        created_by=actor,
    )
    return visit_import, parsed


@transaction.atomic
def import_confirm(*, actor: User, visit_import: VisitImport, keep_outside_hours: bool) -> int:
    """Import the previewed file in one transaction; visits outside walk-in hours only if the
    person confirms them. Returns the number of visits imported."""
    locked = VisitImport.objects.select_for_update().get(pk=visit_import.pk)
    if locked.status == ImportStatus.DONE:
        raise ValidationError(_("This file has already been imported."))
    if VisitImport.objects.filter(
        office_id=locked.office_id, sha256=locked.sha256, status=ImportStatus.DONE
    ).exists():
        raise ValidationError(_("The same file has already been imported for this office."))
    parsed = parse_visits(locked.office, locked.file_name, bytes(locked.content))
    _refuse(parsed)
    outside = parsed.outside
    if outside and not keep_outside_hours:
        rows = ", ".join(str(v.row) for v in outside[:20])
        raise ValidationError(
            {
                "keep_outside_hours": _(
                    "%(count)s visits are outside walk-in hours (rows %(rows)s). Tick the box to "
                    "keep them; they are counted separately."
                )
                % {"count": len(outside), "rows": rows}
            }
        )
    Visit.objects.bulk_create(
        Visit(
            location=v.location,
            day=v.day,
            arrival=v.arrival,
            minutes=v.minutes,
            outside_hours=v.outside,
            source=VisitSource.IMPORT,
            visit_import=locked,
            created_by=actor,
        )
        for v in parsed.visits
    )
    locked.status = ImportStatus.DONE
    locked.content = b""
    locked.save(update_fields=["status", "content", "updated_at"])
    transaction.on_commit(lambda: import_committed("reception", len(parsed.visits)))
    return len(parsed.visits)
