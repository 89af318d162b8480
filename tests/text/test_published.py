"""The publication date of an article (rasd.text.published)."""

import datetime as dt

import pytest

from rasd.text.published import parse_published


@pytest.mark.parametrize("value,expected", [
    ("2018-09-05", dt.date(2018, 9, 5)), ("2017-06-04T08:29:00+01:00", dt.date(2017, 6, 4)),
    ("0001-01-01", None), ("9999-12-31", None), ("9999", None), ("", None), (None, None),
    ("1900-01-01", dt.date(1900, 1, 1)), ("2099-12-31", dt.date(2099, 12, 31)),
    # a UTC stamp is read on the news clock (UTC+3); a local one keeps its own date
    ("2018-03-25T23:43:39+00:00", dt.date(2018, 3, 26)), ("2018-03-25T20:59:00+00:00", dt.date(2018, 3, 25)),
    ("2018-03-25T23:43:39Z", dt.date(2018, 3, 26)), ("2018-03-25T23:43:39+04:00", dt.date(2018, 3, 25)),
    ("2018-03-25T23:43:39", dt.date(2018, 3, 25)), ("2018-03-25Tnonsense", dt.date(2018, 3, 25)),
    ("2099-12-31T23:00:00+00:00", dt.date(2099, 12, 31)),
])
def test_parse_published(value, expected):
    assert parse_published(value) == expected
