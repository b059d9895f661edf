"""Periods of key figures as people write them: a week, a month, a tertial, a year or a range.

2020-W10, uke 10 2020        week 10 of 2020 (ISO weeks, Monday to Sunday)
2018-11                      November 2018
2018-T3, 3. tertial 2018     September to December 2018
2018                         the year
2020-01-01/2020-03-15, 01.01.2020–15.03.2020   a date range
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.dates import MONTHS
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import PeriodKind


@dataclass(frozen=True, order=True)
class Period:
    start: date
    end: date
    kind: str

    @property
    def label(self) -> str:
        if self.kind == PeriodKind.WEEK:
            year, week, _day = self.start.isocalendar()
            return _("week %(week)s %(year)s") % {"week": week, "year": year}
        if self.kind == PeriodKind.MONTH:
            return f"{MONTHS[self.start.month]} {self.start.year}"
        if self.kind == PeriodKind.TERTIAL:
            number = (self.start.month - 1) // 4 + 1
            return _("tertial %(number)s %(year)s") % {"number": number, "year": self.start.year}
        if self.kind == PeriodKind.YEAR:
            return str(self.start.year)
        short = "SHORT_DATE_FORMAT"
        return f"{date_format(self.start, short)}–{date_format(self.end, short)}"

    @property
    def code(self) -> str:
        """The canonical way to write the period, which :func:`parse_period` reads back."""
        if self.kind == PeriodKind.WEEK:
            year, week, _day = self.start.isocalendar()
            return f"{year}-W{week:02d}"
        if self.kind == PeriodKind.MONTH:
            return f"{self.start.year}-{self.start.month:02d}"
        if self.kind == PeriodKind.TERTIAL:
            return f"{self.start.year}-T{(self.start.month - 1) // 4 + 1}"
        if self.kind == PeriodKind.YEAR:
            return str(self.start.year)
        return f"{self.start.isoformat()}/{self.end.isoformat()}"


class PeriodError(ValueError):
    pass


def week(year: int, number: int) -> Period:
    try:
        start = date.fromisocalendar(year, number, 1)
    except ValueError:
        message = _("%(year)s has no week %(week)s.") % {"year": year, "week": number}
        raise PeriodError(message) from None
    return Period(start, start + timedelta(days=6), PeriodKind.WEEK)


def month(year: int, number: int) -> Period:
    if not 1 <= number <= 12:
        raise PeriodError(_("There is no month %(month)s.") % {"month": number})
    last = calendar.monthrange(year, number)[1]
    return Period(date(year, number, 1), date(year, number, last), PeriodKind.MONTH)


def tertial(year: int, number: int) -> Period:
    if not 1 <= number <= 3:
        raise PeriodError(_("A year has tertials 1, 2 and 3, not %(number)s.") % {"number": number})
    first = (number - 1) * 4 + 1
    end = month(year, first + 3).end
    return Period(date(year, first, 1), end, PeriodKind.TERTIAL)


def year(number: int) -> Period:
    return Period(date(number, 1, 1), date(number, 12, 31), PeriodKind.YEAR)


def _day(text: str) -> date:
    text = text.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text)
        match = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})", text)
        if match:
            d, m, y = (int(g) for g in match.groups())
            return date(y + 2000 if y < 100 else y, m, d)
    except ValueError:
        pass
    raise PeriodError(_("“%(text)s” is not a date that exists.") % {"text": text})


PATTERNS = [
    (re.compile(r"(\d{4})-?W(\d{1,2})", re.I), lambda y, n: week(int(y), int(n))),
    (re.compile(r"uke\.?\s*(\d{1,2})\s+(\d{4})", re.I), lambda n, y: week(int(y), int(n))),
    (re.compile(r"(\d{4})-(\d{1,2})"), lambda y, n: month(int(y), int(n))),
    (re.compile(r"(\d{4})-?T(\d)", re.I), lambda y, n: tertial(int(y), int(n))),
    (re.compile(r"(\d)\.?\s*tertial\s+(\d{4})", re.I), lambda n, y: tertial(int(y), int(n))),
    (re.compile(r"(\d{4})"), lambda y: year(int(y))),
]


def parse_period(text: str) -> Period:
    """The period ``text`` names; :class:`PeriodError` with a Norwegian message if none."""
    text = (text or "").strip()
    for separator in ("/", "–", " - "):
        if separator in text:
            first, last = text.split(separator, 1)
            start, end = _day(first), _day(last)
            if end < start:
                raise PeriodError(
                    _("The period “%(text)s” ends before it starts.") % {"text": text}
                )
            return Period(start, end, PeriodKind.RANGE)
    for pattern, build in PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            return build(*match.groups())
    raise PeriodError(
        _(
            "“%(text)s” is not a period. Write a week (2020-W10), a month (2018-11), a tertial "
            "(2018-T3), a year (2018) or two dates (2020-01-01/2020-03-15)."
        )
        % {"text": text}
    )
