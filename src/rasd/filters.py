"""The filters of claims and groups, validated once for the CLI, the REST API and the dashboard.

:func:`check` turns raw values (strings from a command line, a query string or a form) into a
:class:`Filters` or raises :class:`FilterError` naming the bad value and the reason: an unknown
event type (with the closest known one), a country that is neither an ISO 3166 alpha-2 code
(any case) nor a country's name, a date that is not a real ``YYYY-MM-DD`` day, ``since`` after
``until``, an unknown group period, fewer than one source. :func:`place_matches` is the one
place filter: whole names (normalized), never a part of a word.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from rasd.errors import RasdError
from rasd.geo.countries import countries, country_names
from rasd.model import EVENT_TYPES
from rasd.text.normalize import normalize_string

if TYPE_CHECKING:
    from rasd.reconcile import Group

#: what a group's ``period`` can be (docs/exports.md, Groups)
GROUP_PERIODS: tuple[str, ...] = ("event", "since", "span", "week", "month", "year", "undated")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CODE = re.compile(r"^[A-Za-z]{2}$")


class FilterError(RasdError):
    """A filter value that cannot mean anything (the API answers 422, the CLI exits 2).

    ``code`` is ``invalid_request`` for a value its API schema already refuses (not a date,
    not a known type), ``invalid_filter`` for one only this check can refuse (an unknown
    country name, ``since`` after ``until``)."""

    exit_status = 2  # a bad option value, as for click's usage errors

    def __init__(self, message: str, *, semantic: bool = False) -> None:
        super().__init__(message)
        self.code = "invalid_filter" if semantic else "invalid_request"


@dataclass(frozen=True, slots=True)
class Filters:
    """Validated filters; None (or False, or 1) means no filter."""

    type: str | None = None
    country: str | None = None      #: ISO 3166 alpha-2, upper case
    since: dt.date | None = None
    until: dt.date | None = None
    source: str | None = None
    outlet: str | None = None
    place: str | None = None
    period: str | None = None       #: a group's period (:data:`GROUP_PERIODS`)
    disagree: bool = False
    min_sources: int = 1

    @property
    def about_groups(self) -> bool:
        """Whether a filter about whole groups is set (place, period, disagree,
        min_sources)."""
        return bool(self.place or self.period or self.disagree or self.min_sources > 1)

    def store_args(self) -> dict[str, str | None]:
        """The claim filters the store applies (type, country, dates as ISO text, source)."""
        return {"type": self.type, "country": self.country,
                "since": self.since.isoformat() if self.since else None,
                "until": self.until.isoformat() if self.until else None,
                "source": self.source}


def _blank(value: str | None) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def _closest(value: str, known: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(value.lower(), list(known), n=1, cutoff=0.6)
    return close[0] if close else None


def _suggest(value: str, known: Iterable[str]) -> str:
    close = _closest(value, known)
    return f" (did you mean {close!r}?)" if close else ""


def _one_of(value: str | None, known: Sequence[str], what: str) -> str | None:
    """``value`` when it is one of ``known`` (or None), else FilterError with the closest."""
    if value is None or value in known:
        return value
    raise FilterError(f"unknown {what} {value!r}{_suggest(value, known)}; known: "
                      + ", ".join(known))


def event_type(value: str | None) -> str | None:
    """A known event type, or FilterError with the closest one."""
    return _one_of(value, EVENT_TYPES, "event type")


@lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, str], dict[str, str]]:
    """The gazetteer's country codes with their English names, and its country names
    (normalized Arabic and English) mapped to their codes."""
    codes = {code: c.name_en for code, c in countries().items()}
    names: dict[str, str] = {}
    for code, known in country_names().items():
        for name in known:
            names.setdefault(normalize_string(name), code)
    return codes, names


def country_code(value: str | None) -> str | None:
    """An ISO 3166 alpha-2 code (any case) or a country's Arabic or English name, as the
    upper-case code; FilterError otherwise."""
    if value is None:
        return None
    value = value.strip()
    codes, names = _countries()
    if _CODE.match(value) and value.upper() in codes:
        return value.upper()
    code = names.get(normalize_string(value))
    if code:
        return code
    close = _closest(normalize_string(value), names)
    hint = f" (did you mean {codes[names[close]]}, {names[close]}?)" if close else ""
    raise FilterError(f"unknown country {value!r}{hint}: give an ISO 3166 alpha-2 code "
                      "(SY, YE, ...) or a country's name", semantic=True)


def iso_date(name: str, value: str | dt.date | None) -> dt.date | None:
    """A real day written ``YYYY-MM-DD`` (no timestamps: ``0`` is not 1970-01-01)."""
    if value is None or isinstance(value, dt.date):
        return value
    text = value.strip()
    if _ISO_DATE.match(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    raise FilterError(f"{name} {text!r} is not a real date (YYYY-MM-DD)")


def period_kind(value: str | None) -> str | None:
    """A group's period (:data:`GROUP_PERIODS`), or FilterError with the closest one."""
    return _one_of(value, GROUP_PERIODS, "period")


def check(*, type: str | None = None, country: str | None = None,
          since: str | dt.date | None = None, until: str | dt.date | None = None,
          source: str | None = None, outlet: str | None = None, place: str | None = None,
          period: str | None = None, disagree: bool = False,
          min_sources: int | str | None = 1) -> Filters:
    """Validated :class:`Filters` from raw values; FilterError names the first bad one."""
    first, last = iso_date("since", since), iso_date("until", until)
    if first and last and first > last:
        raise FilterError(f"since {first.isoformat()} is after until {last.isoformat()}",
                          semantic=True)
    return Filters(type=event_type(type), country=country_code(country),
                   since=first, until=last, source=_blank(source), outlet=_blank(outlet),
                   place=_blank(place), period=period_kind(period),
                   disagree=bool(disagree), min_sources=_min_sources(min_sources))


def _min_sources(value: int | str | None) -> int:
    if value is None or value == "":
        return 1
    try:
        n = int(value)
    except (TypeError, ValueError):
        raise FilterError(f"min_sources {value!r} is not a whole number") from None
    if n < 1:
        raise FilterError(f"min_sources {n} is less than 1")
    return n


def _words(text: str) -> str:
    return " " + " ".join(normalize_string(text).split()) + " "


def place_matches(query: str, names: Iterable[str | None], code: str | None = None) -> bool:
    """Whether ``query`` is a whole name (one or more whole words, normalized: Arabic letter
    forms and case folded) in one of ``names``, or is the country ``code`` (any case):
    "حلب" matches "ريف حلب" but not "حلبجة"."""
    q = _words(query)
    if q.strip() == "":
        return False
    if code and query.strip().upper() == code:
        return True
    return any(name and q in _words(name) for name in names)


def group_place(g: Group, place: str) -> bool:
    """Whether ``place`` names the group's place (text, English name, region or country)."""
    p = g.place
    return place_matches(place, (p.text, p.name, p.admin1), p.country)


def group_passes(g: Group, f: Filters) -> bool:
    """Whether a group passes the filters of ``f`` about whole groups (place, period,
    disagreement, number of sources)."""
    return ((not f.disagree or g.disagree) and g.n_sources >= f.min_sources
            and (not f.period or g.period == f.period)
            and (not f.place or group_place(g, f.place)))
