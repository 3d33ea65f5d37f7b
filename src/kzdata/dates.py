"""Partial dates (YYYY, YYYY-MM, YYYY-MM-DD) as ranges, and ISO 8601 durations.

A partial date is the range of days it may mean: "2019-06" is 1 to 30 June 2019, not 1 June. Checks
compare ranges so that they fire only when the order is impossible for every day in the ranges.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache
from typing import NamedTuple

_PARTIAL = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\Z")
# A term is at most 9999 years, months or weeks and 99999 days (the columnar engine parses the same pattern): longer
# is no sentence, and digits without a limit would cost the parser time on a hostile cell.
DURATION_DIGITS = {"Y": 4, "M": 4, "W": 4, "D": 5}
_DURATION = re.compile("^P" + "".join(f"(?:([0-9]{{1,{n}}}){u})?" for u, n in DURATION_DIGITS.items()) + r"\Z")
_DURATION_LOOSE = re.compile(r"^P(?:[0-9]+Y)?(?:[0-9]+M)?(?:[0-9]+W)?(?:[0-9]+D)?\Z")


class PartialDate(NamedTuple):
    text: str
    start: dt.date
    end: dt.date

    @property
    def precision(self) -> str:
        return {4: "year", 7: "month", 10: "day"}[len(self.text)]

    def before(self, other: "PartialDate") -> bool:
        """True when every day of self is before every day of other."""
        return self.end < other.start

    def after(self, other: "PartialDate") -> bool:
        return self.start > other.end

    def __str__(self) -> str:
        return self.text


@lru_cache(maxsize=65536)  # dates repeat across rows; a PartialDate is immutable
def parse_partial(text: str) -> PartialDate | None:
    """Parse a partial date; None when it is not a real date in one of the three forms."""
    m = _PARTIAL.match(text)
    if not m:
        return None
    year = int(m.group(1))
    if year < 1:
        return None
    try:
        if m.group(3):
            d = dt.date(year, int(m.group(2)), int(m.group(3)))
            return PartialDate(text, d, d)
        if m.group(2):
            month = int(m.group(2))
            last = calendar.monthrange(year, month)[1]
            return PartialDate(text, dt.date(year, month, 1), dt.date(year, month, last))
        return PartialDate(text, dt.date(year, 1, 1), dt.date(year, 12, 31))
    except ValueError:
        return None


def from_date(d: dt.date) -> PartialDate:
    return PartialDate(d.isoformat(), d, d)


class Duration(NamedTuple):
    years: int
    months: int
    days: int

    def add_to(self, d: dt.date) -> dt.date:
        months = d.month - 1 + self.months + 12 * self.years
        year, month = d.year + months // 12, months % 12 + 1
        day = min(d.day, calendar.monthrange(year, month)[1]) if 1 <= year <= 9999 else d.day
        if not 1 <= year <= 9999:
            return dt.date.max
        try:
            return dt.date(year, month, day) + dt.timedelta(days=self.days)
        except OverflowError:
            return dt.date.max

    @property
    def total_years(self) -> float:
        return self.years + self.months / 12 + self.days / 365.25


def duration_too_long(text: str) -> bool:
    """A duration in the right form whose numbers have more digits than any term can (see DURATION_DIGITS)."""
    return _DURATION.match(text) is None and _DURATION_LOOSE.match(text) is not None and text != "P"


def parse_duration(text: str) -> Duration | None:
    m = _DURATION.match(text)
    if not m or text == "P" or (m.group(3) and any(m.group(i) for i in (1, 2, 4))):
        return None
    years, months, weeks, days = (int(g) if g else 0 for g in m.groups())
    return Duration(years, months, days + 7 * weeks)
