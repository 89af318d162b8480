"""The publication date of an article, from its ``published`` field: an ISO date or timestamp.
A timestamp in a local time zone gives its own date; one in UTC is read on the clock Arabic news
is written on (:data:`NEWS_CLOCK`), so that "today", "yesterday" and a bare weekday resolve
against the day the piece was written."""

from __future__ import annotations

import datetime as dt

__all__ = ["NEWS_CLOCK", "PUBLISHED_RANGE", "parse_published"]

#: publication dates taken as such: the Gregorian years the grammar reads (1900-2099). Relative
#: expressions move at most 999 years from it, so their arithmetic never leaves the calendar.
PUBLISHED_RANGE = (dt.date(1900, 1, 1), dt.date(2099, 12, 31))
#: the clock a timestamp in UTC is read on: Arabic news is written on Levant and Gulf time
#: (UTC+2 to +4), so a Sunday 23:43 UTC stamp is a Monday piece
NEWS_CLOCK = dt.timezone(dt.timedelta(hours=3))


def parse_published(value: str | None) -> dt.date | None:
    """The date of a publication timestamp ("2018-09-05", "2017-06-04T08:29:00+01:00"), or None
    (also for a date outside :data:`PUBLISHED_RANGE`). A stamp in a local time zone gives its
    own date; one in UTC is read on :data:`NEWS_CLOCK`."""
    if not value:
        return None
    try:
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
    if not PUBLISHED_RANGE[0] <= day <= PUBLISHED_RANGE[1]:
        return None
    local = _on_news_clock(value)
    return local if local and local <= PUBLISHED_RANGE[1] else day


def _on_news_clock(value: str) -> dt.date | None:
    """The date on :data:`NEWS_CLOCK` of a UTC timestamp with a time of day, else None."""
    if len(value) <= 10:
        return None
    try:
        stamp = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if stamp.utcoffset() != dt.timedelta(0):
        return None
    return stamp.astimezone(NEWS_CLOCK).date()
