"""Calendar periods of the date grammar."""

import datetime as dt

from rasd.text import periods
from rasd.text.dates import WEEK_START


def test_a_week_runs_from_saturday_to_friday() -> None:
    first, precision, last = periods.week(dt.date(2020, 10, 7))  # a Wednesday
    assert (first, precision, last) == (dt.date(2020, 10, 3), "week", dt.date(2020, 10, 9))
    assert first.weekday() == WEEK_START == periods.WEEK_START


def test_months_shift_across_years_and_end_on_their_last_day() -> None:
    assert periods.shift_month(2020, 1, -1) == (2019, 12)
    assert periods.shift_month(2020, 11, 14) == (2022, 1)
    assert periods.month(2020, 2) == (dt.date(2020, 2, 1), "month", dt.date(2020, 2, 29))
    assert periods.safe_date(2021, 2, 29) is None


def test_hijri_dates_convert_inside_the_converter_range_only() -> None:
    assert periods.hijri_date(1441, 9, 1) == dt.date(2020, 4, 24)
    assert periods.hijri_month(1200, 1) == (None, "month", None)
    assert periods.to_hijri(dt.date(1800, 1, 1)) is None
