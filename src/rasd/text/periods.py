"""Calendar periods as the date grammar (:mod:`rasd.text.dates`) resolves them: a day, a
calendar week (weeks start on :data:`WEEK_START`), a month or a year, each as ``(first day,
precision, last day)``; month arithmetic; Hijri dates converted with :mod:`hijridate` (None
outside its range: Hijri 1343-1500, Gregorian 1924-08-01 to 2077-11-16)."""

from __future__ import annotations

import calendar
import datetime as dt

from hijridate import Gregorian, Hijri

__all__ = ["WEEK_START", "Resolved", "day", "hijri_date", "hijri_month", "month", "safe_date",
           "shift_month", "to_hijri", "week", "year"]

WEEK_START = 5  #: first day of the week (``date.weekday()`` numbering): Saturday

Resolved = tuple[dt.date | None, str, dt.date | None]
"""A resolved time expression: (first day, precision, last day); days unknown without a date."""


def day(d: dt.date) -> Resolved:
    return d, "day", d


def week(d: dt.date) -> Resolved:
    start = d - dt.timedelta(days=(d.weekday() - WEEK_START) % 7)
    return start, "week", start + dt.timedelta(days=6)


def month(y: int, m: int) -> Resolved:
    return dt.date(y, m, 1), "month", dt.date(y, m, calendar.monthrange(y, m)[1])


def year(y: int) -> Resolved:
    return dt.date(y, 1, 1), "year", dt.date(y, 12, 31)


def shift_month(y: int, m: int, n: int) -> tuple[int, int]:
    q, r = divmod(y * 12 + m - 1 + n, 12)
    return q, r + 1


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def hijri_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        g = Hijri(y, m, d).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return dt.date(g.year, g.month, g.day)


def to_hijri(d: dt.date) -> Hijri | None:
    """The Hijri date of a Gregorian one, or None outside the converter's range."""
    try:
        return Gregorian(d.year, d.month, d.day).to_hijri()
    except (ValueError, OverflowError):
        return None


def hijri_month(y: int, m: int) -> Resolved:
    try:
        length = Hijri(y, m, 1).month_length()
    except (ValueError, OverflowError):
        return None, "month", None
    return hijri_date(y, m, 1), "month", hijri_date(y, m, length)
