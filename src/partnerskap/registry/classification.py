"""Counties and municipalities from Statistics Norway's classifications (KLASS 104 and 131).

Partnerskap ships the classification in force as a data file, so that a new installation starts
with every county and municipality and their numbers; an administrator updates it by importing
SSB's CSV export of a newer version (`partnerskap registry import FILE`, or the page). A file is
read through the one table reader, checked in full, and shown as a plan before anything is
written: what is new, what ends and what is unchanged (docs/decisions/0028).

The registry keeps history by validity, so nothing is rewritten: a municipality that is not in
the new classification, or comes back under the same number with another name, ends the day
before the new version starts, and the new one is a new record; the old one points to it when
the file says which numbers a new municipality replaces (column ``replaces``) or when the number
is the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from partnerskap.core import services as kernel
from partnerskap.core.models import User
from partnerskap.core.tables import Limits, check_size, read_table

from .models import County, Municipality

SHIPPED = Path(__file__).parent / "data" / "ssb-fylker-og-kommuner-2024.csv"
LIMITS = Limits(max_bytes=1024 * 1024, max_rows=5_000, max_columns=20, max_cell_chars=200)
MAX_ERRORS = 20
# SSB's own column names (KLASS exports), and the Norwegian ones a person may type
COLUMNS = {
    "code": ("code", "kode", "nummer", "kommunenummer", "fylkesnummer"),
    "name": ("name", "navn", "kommunenavn", "fylkesnavn"),
    "valid_from": ("validfrom", "gyldig fra", "gyldigfra", "fra"),
    "valid_to": ("validto", "gyldig til", "gyldigtil", "til"),
    "replaces": ("replaces", "erstatter"),
}
REQUIRED = ("code", "name", "valid_from")
SHOWN = {"code": "code", "name": "name", "valid_from": "validFrom"}


@dataclass(frozen=True)
class Entry:
    row: int
    number: str
    name: str
    valid_from: date
    valid_to: date | None
    replaces: tuple[str, ...] = ()


@dataclass
class Plan:
    """What an import would do; ``apply`` does exactly this."""

    file_name: str
    counties: list[Entry] = field(default_factory=list)
    municipalities: list[Entry] = field(default_factory=list)
    new_counties: list[Entry] = field(default_factory=list)
    new_municipalities: list[Entry] = field(default_factory=list)
    ended: list[Municipality] = field(default_factory=list)
    ended_counties: list[County] = field(default_factory=list)
    unchanged: int = 0

    @property
    def changes(self) -> int:
        return (
            len(self.new_counties)
            + len(self.new_municipalities)
            + len(self.ended)
            + len(self.ended_counties)
        )


def _day(text: object) -> date | None:
    if isinstance(text, datetime):
        return text.date()
    if isinstance(text, date):
        return text
    value = str(text or "").strip()
    if not value:
        return None
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise ValueError(value)


def _header(name: str, row: list[object]) -> dict[str, int]:
    names = [re.sub(r"[\s_]+", " ", str(cell or "")).strip().casefold() for cell in row]
    found = {}
    for key, aliases in COLUMNS.items():
        at = next(
            (i for i, n in enumerate(names) if n in aliases or n.replace(" ", "") in aliases), None
        )
        if at is not None:
            found[key] = at
    missing = [SHOWN[key] for key in REQUIRED if key not in found]
    if missing:
        raise ValidationError(
            _(
                "%(file)s, row 1: the column “%(column)s” is missing. The file needs the columns "
                "code, name and validFrom, as in Statistics Norway's export."
            )
            % {"file": name, "column": missing[0]}
        )
    return found


def read(name: str, data: bytes) -> Plan:
    """The file's counties and municipalities, or a ValidationError naming every bad row."""
    rows = read_table(name, data, LIMITS)
    body = [(i + 1, r) for i, r in enumerate(rows) if r]
    if not body:
        raise ValidationError(_("%(file)s is empty.") % {"file": name})
    columns = _header(name, body[0][1])
    plan, errors = Plan(name), []
    for number, row in body[1:]:
        cell = {key: (row[i] if i < len(row) else None) for key, i in columns.items()}
        code = str(cell["code"] or "").strip()
        where = {"file": name, "row": number}
        if not re.fullmatch(r"\d{2}|\d{4}", code):
            errors.append(
                _(
                    "%(file)s, row %(row)s: “%(code)s” is neither a county number (two digits) nor "
                    "a municipality number (four)."
                )
                % {**where, "code": code}
            )
            continue
        try:
            valid_from, valid_to = _day(cell["valid_from"]), _day(cell.get("valid_to"))
        except ValueError as exc:
            errors.append(
                _("%(file)s, row %(row)s: “%(value)s” is not a date; write 2024-01-01.")
                % {**where, "value": exc.args[0]}
            )
            continue
        if valid_from is None:
            errors.append(_("%(file)s, row %(row)s: validFrom is empty.") % where)
            continue
        replaces = tuple(re.findall(r"\d{4}", str(cell.get("replaces") or "")))
        entry = Entry(number, code, str(cell["name"] or "").strip(), valid_from, valid_to, replaces)
        (plan.counties if len(code) == 2 else plan.municipalities).append(entry)
    if errors:
        raise ValidationError(errors[:MAX_ERRORS])
    _check_counties(plan)
    return plan


def _check_counties(plan: Plan) -> None:
    numbers = {entry.number for entry in plan.counties}
    known = set(County.objects.values_list("number", flat=True))
    errors = [
        _(
            "%(file)s, row %(row)s: municipality %(number)s belongs to county %(county)s, which "
            "is neither in the file nor in the registry."
        )
        % {"file": plan.file_name, "row": e.row, "number": e.number, "county": e.number[:2]}
        for e in plan.municipalities
        if e.number[:2] not in numbers | known
    ]
    if errors:
        raise ValidationError(errors[:MAX_ERRORS])


def _current(model, key: str, on: date) -> dict:
    """By number, the record valid on ``on`` (the latest if several)."""
    found: dict = {}
    for obj in (
        model.objects.filter(valid_from__lte=on).exclude(valid_to__lt=on).order_by("valid_from")
    ):
        found[getattr(obj, key)] = obj
    return found


def plan(name: str, data: bytes) -> Plan:
    """Read the file and work out what importing it changes; nothing is written."""
    result = read(name, data)
    on = min((e.valid_from for e in result.counties + result.municipalities), default=date.today())
    counties = _current(County, "number", on)
    municipalities = _current(Municipality, "number", on)
    in_file = {e.number for e in result.municipalities}
    for entry in result.counties:
        if entry.number in counties:
            result.unchanged += 1  # NAV names its regional units itself; the number decides
        else:
            result.new_counties.append(entry)
    for entry in result.municipalities:
        existing = municipalities.get(entry.number)
        if existing is not None and existing.name == entry.name:
            result.unchanged += 1
            continue
        result.new_municipalities.append(entry)
        if existing is not None:
            result.ended.append(existing)
    result.ended += [m for number, m in municipalities.items() if number not in in_file]
    county_numbers = {e.number for e in result.counties}
    if result.counties:
        result.ended_counties = [c for n, c in counties.items() if n not in county_numbers]
    return result


@transaction.atomic
def classification_import(*, actor: User | None, name: str, data: bytes) -> Plan:
    """Import the classification: new records for what is new or renamed, ended records for
    what is gone, in one transaction; returns what was done."""
    result = plan(name, data)
    counties = {c.number: c for c in County.objects.filter(valid_to__isnull=True)}
    for entry in result.new_counties:
        counties[entry.number] = kernel.save(
            County(
                number=entry.number,
                name=entry.name,
                valid_from=entry.valid_from,
                valid_to=entry.valid_to,
            ),
            actor=actor,
        )
    created: dict[str, Municipality] = {}
    for entry in result.new_municipalities:
        created[entry.number] = kernel.save(
            Municipality(
                number=entry.number,
                name=entry.name,
                county=counties[entry.number[:2]],
                valid_from=entry.valid_from,
                valid_to=entry.valid_to,
            ),
            actor=actor,
        )
    successors = {old: e.number for e in result.new_municipalities for old in e.replaces}
    starts = {e.number: e.valid_from for e in result.municipalities}
    first = min(starts.values(), default=date.today())
    for old in result.ended:
        old.valid_to = starts.get(old.number, first) - timedelta(days=1)
        old.replaced_by = created.get(successors.get(old.number, old.number), old.replaced_by)
        kernel.save(old, actor=actor)
    start = min((e.valid_from for e in result.counties), default=first)
    for county in result.ended_counties:
        county.valid_to = start - timedelta(days=1)
        kernel.save(county, actor=actor)
    return result


def check_upload(name: str, size: int) -> None:
    """Refuse an upload by its size before it is read."""
    check_size(name, size, LIMITS)


def summary(done: Plan) -> str:
    return _(
        "%(file)s: %(counties)s new counties, %(municipalities)s new municipalities, "
        "%(ended)s ended, %(unchanged)s unchanged."
    ) % {
        "file": done.file_name,
        "counties": len(done.new_counties),
        "municipalities": len(done.new_municipalities),
        "ended": len(done.ended) + len(done.ended_counties),
        "unchanged": done.unchanged,
    }


def shipped() -> tuple[str, bytes]:
    return SHIPPED.name, SHIPPED.read_bytes()
