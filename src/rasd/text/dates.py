"""Arabic time expressions: find them in normalized text and resolve them to calendar dates.

:func:`find_times` scans text normalized by :func:`rasd.text.normalize.normalize` and returns
:class:`TimeMention` spans, left to right and non-overlapping (longest wins; on a tie, a resolved
one). Words come from ``lang/ar/data/dates.yaml``; this module holds the grammar and calendar
arithmetic only. A cheap locator regex finds word starts that can open an expression; the
patterns are tried there only.

Resolution rules (``pub`` = publication date):

- Relative expressions need ``pub``; without it they come back with ``date=None``. A publication
  date outside :data:`rasd.text.published.PUBLISHED_RANGE` counts as unknown.
- A weekday (alone, or with a day word / time of day) is the most recent such day on or before
  ``pub`` (``pub`` itself when it is that weekday); with a "past" word strictly before ``pub``;
  with a "next" word strictly after. Yesterday + weekday is ``pub - 1``, today + weekday ``pub``,
  unless the weekday names the day next to that one (a piece written before midnight and stamped
  after it): then the weekday's day.
- Weeks start on Saturday (:data:`WEEK_START`); "last week" is the calendar week before ``pub``'s.
- Day + month without year: ``pub``'s year, or the year before when the date would lie more than
  :data:`FUTURE_SLACK` after ``pub``. Month + "past": the last such month strictly before ``pub``'s
  month; day + month + "past": the last such date on or before ``pub``.
- N days ago (qabl / mundhu) is a day; N weeks / months / years ago is the calendar week / month /
  year containing the shifted date; N hours ago is ``pub`` minus whole days.
- "mundhu" before any dated expression (since 2011, since the start of the year, since yesterday)
  gives precision ``"since"`` with that expression's first day; "since the start of the war" gives
  ``"since"`` with ``date=None``; "during the past three days" gives ``"since"`` ``pub - 3``.
  ``end_date`` is always ``None`` for ``"since"``.
- Hijri dates convert with :mod:`hijridate`; a year-less Hijri day takes ``pub``'s Hijri year (or
  the one before, as above); a bare Hijri year needs its marker (H). A year-less Hijri month
  needs a part word (the start of Ramadan), a relative word (last Ramadan) or "mundhu" (since
  the month of Ramadan) and is the latest such month begun on or before ``pub``. Dates outside
  the converter's range (Hijri 1343-1500, Gregorian 1924-08-01 to 2077-11-16) stay unresolved.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from bisect import bisect_left
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import compress
from operator import attrgetter
from typing import Any

from rasd.lang.ar import Section, load_data
from rasd.model import NormOffset, Token
from rasd.text import periods
from rasd.text.date_dispatch import Dispatch, inside
from rasd.text.periods import WEEK_START, Resolved
from rasd.text.published import PUBLISHED_RANGE
from rasd.text.tokens import leading_word, word_starts
from rasd.text.trie import trie_pattern

__all__ = ["TimeMention", "find_times", "WEEK_START", "FUTURE_SLACK"]

FUTURE_SLACK = dt.timedelta(days=7)  #: how far after publication a year-less date may lie

_GY = r"(?:19|20)\d{2}"  # Gregorian years we accept
_HY = r"1[345]\d{2}"  # Hijri years (hijridate covers 1343-1500)
_OFFSETS = {"past": -1, "current": 0, "next": 1}
_DATED = ("day", "week", "month", "year")  # precisions of an expression that names its days
_PERIODS = ("week", "month", "year")  # the periods "last week", "this month" name
_UNITS = ("hour", "day", "week", "month", "year")  # the units of "three days ago"
_TEXT = attrgetter("text")
_Handler = Callable[..., "Resolved | None"]
_Pattern = tuple[int, "re.Pattern[str]", _Handler]  # (order in _specs, compiled, handler)

@dataclass(frozen=True, slots=True)
class TimeMention:
    """A time expression: span in the normalized text and the period it denotes."""

    start: NormOffset
    end: NormOffset
    date: str | None
    precision: str  # "day" | "week" | "month" | "year" | "since"
    end_date: str | None = None


def _key(s: str | None) -> str:
    return " ".join(s.split()) if s else ""


# --- grammar -------------------------------------------------------------------------------


def _index(section: Section, keys: Collection[Any] | None = None) -> dict[str, Any]:
    """Map every normalized word of ``{value: [words]}`` to its value: a number, or one of
    ``keys``."""
    values = section.integer_keys() if keys is None else section.keys_of(keys)
    return {w: k for k in values for w in section.words(k)}


@dataclass(frozen=True, slots=True)
class _Fragments:
    """Regex pieces the date patterns share, each an alternation from ``dates.yaml``."""

    word_start: str      # no word character before
    clitics: str         # optional conjunction and preposition (and, by, and-by)
    article: str
    of: str              # "of" in "the 27th of October"
    this: str            # "this" (masculine, feminine)
    since: str
    relative: str        # "last", "next", ...
    era_mark: str        # Hijri or Gregorian era marker after a year
    hijri_mark: str
    month_word: str      # "month" before a month name
    year_word: str       # "year" before a year
    part: str            # a part of a period: "early", "late", ...
    weekday: str
    month: str           # Gregorian month names
    hijri_month: str
    number_word: str
    unit: str            # duration units, singular and plural
    dual: str            # duration units, dual ("two days" in one word)
    anaphoric: str       # "itself", "the same" after a word
    not_anaphoric: str   # not followed by one of those
    day_number: str      # group d: a day of the month, in digits or an ordinal
    time_of_day: str     # optional time of day and day word before a date: "dawn of the day"
    day_prefix: str      # that, and an optional weekday: "on Sunday, corresponding to"
    month_pair: str      # group mon: a month, with its other regional name after it
    year_tail: str       # what may follow a month: a year, "of this year", a relative word


class _Grammar:
    """Compiled patterns and word tables built once from ``dates.yaml``."""

    def __init__(self, data: Section) -> None:
        self._read_tables(data)
        f = self._fragments(data)
        self.patterns: list[_Pattern] = [
            (order, re.compile(rf"{f.clitics}(?P<x>{rx})(?!\w)"), fn)
            for order, (rx, fn) in enumerate(self._specs(data, f))]
        self._compile_locator(data, f)
        self._compile_dispatch(data)
        self._compile_context(data, f)

    def _read_tables(self, data: Section) -> None:
        """The word tables: clitics, month and weekday names, ordinals, number words, relative
        words, period words, duration units (singular, plural, dual) and deictic words with
        their day offsets."""
        clitics = data.section("clitics")
        self.art = clitics.word("article")
        self.lam = clitics.word("lam")
        self.conj, self.prep = clitics.words("conjunctions"), clitics.words("prepositions")
        self.month = _index(data.section("months"), range(1, 13))
        self.short = set(data.words("short_months"))
        self.hmonth = _index(data.section("hijri_months"), range(1, 13))
        self.h_need_year = set(data.words("hijri_need_year"))
        self.hmark = set(data.words("hijri_markers"))
        self.gmark = set(data.words("gregorian_markers"))
        self.weekday = _index(data.section("weekdays"), range(7))
        self.wd_ctx = set(data.words("weekdays_need_context"))
        self.wd_not_after = re.compile(
            rf"(?<!\w){self._alt(data.words('weekday_blockers_before'))}\s+\Z")
        self.ordinal = _index(data.section("ordinals"))
        self.number = _index(data.section("numbers"))
        self.rel = _index(data.section("relative"), _OFFSETS)
        self.period = _index(data.section("periods"), _PERIODS)
        self.unit: dict[str, str] = {}
        self.dual: dict[str, str] = {}
        durations = data.section("durations")
        for unit in durations.keys_of(_UNITS):
            forms = durations.section(unit)
            for w in forms.words("singular") + forms.words("plural"):
                self.unit[w] = unit
            for w in forms.words("dual"):
                self.dual[w] = unit
        deixis = {"today": 0, "yesterday": -1, "day_before_yesterday": -2, "tomorrow": 1,
                  "day_after_tomorrow": 2}
        self.deixis = {w: off for name, off in deixis.items() for w in data.words(name)}


    def _fragments(self, data: Section) -> _Fragments:
        """The pieces the patterns are built of (see :class:`_Fragments`)."""
        alt = self._alt
        anaphoric = alt(data.words("anaphoric_after"))
        article = f"(?:{re.escape(self.art)})"
        of, this = alt(data.words("of")), alt(data.words("this"))
        era_mark = alt(data.words("hijri_markers") + data.words("gregorian_markers"))
        year_word, relative = alt(data.words("year_words")), alt(list(self.rel))
        weekday, month = alt(list(self.weekday)), alt(list(self.month))
        not_anaphoric = rf"(?!\s+{anaphoric}(?!\w))"
        heads = "".join(rf"(?<!{re.escape(h)}\s)" for h in data.words("month_name_heads"))
        time_of_day = (rf"(?:{alt(data.words('times_of_day'))}\s+)?"
                       rf"(?:{alt(data.words('day_words'))}\s+)?")
        return _Fragments(
            word_start=r"(?<!\w)",
            clitics="(?:" + alt(self.conj) + "?" + alt(self.prep) + "?)",
            article=article, of=of, this=this, since=alt(data.words("since")),
            relative=relative, era_mark=era_mark, hijri_mark=alt(data.words("hijri_markers")),
            month_word=alt(data.words("month_word")), year_word=year_word,
            part=alt(data.words("period_parts")), weekday=weekday, month=month,
            hijri_month=alt(list(self.hmonth)), number_word=alt(list(self.number)),
            unit=alt(list(self.unit)), dual=alt(list(self.dual)), anaphoric=anaphoric,
            not_anaphoric=not_anaphoric,
            day_number=rf"(?P<d>{article}?\d{{1,2}}(?!\d)|{heads}{alt(list(self.ordinal))})",
            time_of_day=time_of_day,
            day_prefix=time_of_day + rf"(?:{weekday}\s*[,\u060c]?\s*"
                                     rf"(?:{alt(data.words('corresponding'))}\s+)?)?",
            month_pair=rf"(?P<mon>{month})(?:\s*[/(\-]\s*{month}\s*\)?)?",
            year_tail=(rf"(?:\s*[,\u060c]?\s*(?:{of}\s+)?(?:{year_word}\s*)?(?P<y>{_GY})(?!\d)"
                       rf"(?:\s*{era_mark}(?!\w))?"
                       rf"|\s+(?:{of}\s+)?(?:{this}\s+)?(?P<yw>{alt(self._period_words('year'))})"
                       rf"(?:\s+(?P<yrel>{relative}))?{not_anaphoric}|\s+(?P<mrel>{relative}))?"))

    def _specs(self, data: Section, f: _Fragments
               ) -> list[tuple[str, Callable[..., Resolved | None]]]:
        """Every time expression the finder knows, as (pattern, handler): deixis (yesterday), a
        weekday, a Gregorian day or month, a day of "this month", a period (last week), a
        year, a numeric date, a Hijri day or month, "N days ago", "the last N days", and the
        "since" forms. The handler turns a match into (first day, precision, last day)."""
        alt = self._alt
        durations = data.section("durations")
        singular = [w for unit in durations for w in durations.section(unit).words("singular")]
        period_any = alt(list(self.period))
        wd_block = rf"(?!\s+{alt(data.words('weekday_blockers_after'))}(?!\w))"
        ago_guard = rf"(?!\s+(?:{f.month}|{f.hijri_month})(?!\w))"
        num = rf"(?:\d{{1,3}}|{f.number_word})"
        one = data.section("numbers").words(1)  # "a day ago": its "one" after the unit
        return [
            (rf"(?P<pre>{f.time_of_day})(?P<dx>{alt(list(self.deixis), al=True)})(?:\s+(?P<wd>{f.weekday}))?",
             self._deixis),
            (rf"(?P<pre>{f.time_of_day})(?P<wd>{f.weekday}){wd_block}(?:(?:\s+(?:{alt(data.words('to'))}\s+)?"
             rf"|\s*[-/]\s*){f.weekday})?(?:\s+(?P<rel>{f.relative}))?", self._weekday),
            (rf"{f.day_prefix}{f.day_number}\s*(?:{f.of}\s+)?(?:{f.month_word}\s+)?"
             rf"{f.month_pair}{f.year_tail}", self._gday),
            (rf"(?:(?P<part>{f.part})\s+)?(?:(?P<mw>{f.month_word})\s+)?"
             rf"{f.month_pair}{f.year_tail}", self._gmonth),
            (rf"{f.day_prefix}{f.day_number}\s+(?:{f.of}\s+)?(?:(?P<this>{f.this})\s+)?"
             rf"(?P<pw>{alt(self._period_words('month'))})(?:\s+(?P<rel>{f.relative}))?{f.not_anaphoric}",
             self._month_day),
            (rf"(?:(?P<part>{f.part})\s+)?(?:(?P<this>{f.this})\s+)?(?P<pw>{period_any})"
             rf"(?:\s+(?P<rel>{f.relative}))?{f.not_anaphoric}", self._period),
            (rf"(?:(?P<part>{f.part})\s+(?:{f.year_word}\s*)?|{f.year_word}\s*"
             rf"|{alt(data.words('year_prepositions'))}\s+(?={_GY}(?!\d)))(?P<y>{_GY}|{_HY})(?!\d)"
             rf"(?:\s*(?P<mk>{f.era_mark})(?!\w))?", self._year),
            (rf"{f.day_prefix}(?<![\d/.\-])(?P<a>\d{{1,4}})(?P<s>[/.\-])(?P<b>\d{{1,2}})(?P=s)"
             rf"(?P<c>\d{{1,4}})(?![\d/.\-]*\d)(?:\s*(?P<mk>{f.era_mark})(?!\w))?", self._numeric),
            (rf"{f.day_prefix}{f.day_number}\s*(?:{f.of}\s+)?(?:{f.month_word}\s+)?(?P<hm>{f.hijri_month})"
             rf"(?:\s*[,\u060c]?\s*(?:{f.year_word}\s*)?(?P<y>{_HY})(?!\d)(?:\s*{f.hijri_mark}(?!\w))?)?",
             self._hday),
            (rf"(?:{f.part}\s+)?(?:{f.month_word}\s+)?(?P<hm>{f.hijri_month})\s*(?:{f.of}\s+)?(?:{f.year_word}\s*)?(?P<y>{_HY})"
             rf"(?!\d)(?:\s*{f.hijri_mark}(?!\w))?", self._hmonth),
            (rf"(?:(?P<part>{f.part})\s+)?(?:(?P<mw>{f.month_word})\s+)?(?P<hm>{f.hijri_month})(?:\s+(?P<rel>{f.relative}))?"
             rf"{f.not_anaphoric}", self._hmonth_recent),
            (rf"{alt(data.words('ago'))}\s+(?:{alt(data.words('approx'))}\s+)?(?:(?P<n>{num})\s+"
             rf"(?P<u>{f.unit})|(?P<u2>{f.dual})|(?P<u1>{alt(singular)}){ago_guard}"
             rf"(?:\s+{alt(one)})?)(?!\w)(?!\s*\d)(?!\s+{f.of}(?!\w))", self._ago),
            (rf"{f.article}?(?:(?P<n>{num})\s+(?P<u>{f.unit})|(?P<u1>{f.unit})\s+{f.article}?(?P<n1>{num})"
             rf"|(?P<u2>{f.dual}))\s+{alt(data.words('recent'))}", self._recent),
            (rf"{f.since}\s+{alt(data.words('since_starts'))}\s+[^\W\d_]{{2,}}", self._since_marker),
            (alt(data.words("so_far")), self._since_marker),
            (rf"{f.since}\s+(?:{f.part}\s+)?(?P<y>{_GY}|{_HY})(?!\d)(?:\s*(?P<mk>{f.era_mark})(?!\w))?",
             self._since_year),
            (rf"{f.since}\s+{alt(data.words('since_back'))}(?!\w)", self._since_back),
        ]

    def _compile_locator(self, data: Section, f: _Fragments) -> None:
        """``locator``, a cheap first pass over the text: the word starts whose first word can
        open some pattern; ``openers``, those words (see :func:`_positions`)."""
        alt = self._alt
        counted = list(self.number) + list(self.unit) + list(self.dual)
        first = {w.split()[0] for w in [
            *data.words("times_of_day"), *data.words("day_words"), *self.weekday, *self.deixis,
            *self.month, *self.hmonth, *data.words("month_word"), *data.words("period_parts"),
            *data.words("this"), *self.period, *data.words("year_words"), *self.ordinal,
            *data.words("year_prepositions"),
            *data.words("ago"), *data.words("since"), *data.words("so_far"), *counted,
            *(self.art + w for w in counted)]}
        self.locator = re.compile(rf"{f.word_start}{f.clitics}"
                                  rf"(?:{alt(list(first), al=True)}(?![^\W\d])|{f.article}?\d)")
        # what the locator can match as a whole word (clitics included), but for the words holding
        # a digit (see _positions); None if a word might not open with a word character
        lam_forms = [w[1:] for w in first if w.startswith(self.art) and len(w) > len(self.art)]
        leading = {leading_word(c + p + w)
                   for c in ("", *self.conj) for p in ("", *self.prep)
                   for w in [*first, *lam_forms, self.art]}  # "al-27": the article, then digits
        self.openers: frozenset[str] | None = None if "" in leading else frozenset(leading)

    def _pattern_openers(self, data: Section) -> list[tuple[list[str], bool]]:
        """For each pattern of :meth:`_specs`, in its order: the words (before clitics) its first
        word can be, and whether it can open with a digit."""
        w = data.words
        tod = [*w("times_of_day"), *w("day_words")]  # time_of_day
        day = [*tod, *self.weekday]  # day_prefix
        day_number = [*day, *self.ordinal, self.art]  # then a day number: "the 27th", "al-27"
        counted = [*self.number, *self.unit, *self.dual]
        month = [*w("period_parts"), *w("month_word")]
        return [([*tod, *self.deixis], False), ([*tod, *self.weekday], False),
                (day_number, True), ([*month, *self.month], False), (day_number, True),
                ([*w("period_parts"), *w("this"), *self.period], False),
                ([*w("period_parts"), *w("year_words"), *w("year_prepositions")], False),
                (day, True), (day_number, True),
                ([*month, *self.hmonth], False), ([*month, *self.hmonth], False),
                (w("ago"), False), ([*counted, *(self.art + c for c in counted), self.art], True),
                (w("since"), False), (w("so_far"), False), (w("since"), False),
                (w("since"), False)]

    def _compile_dispatch(self, data: Section) -> None:
        """``by_opener``: the patterns that can open with a word (clitics included) or with a
        digit, found when first asked (see :class:`_Dispatch`)."""
        clitics = [c + p for c in ("", *self.conj) for p in ("", *self.prep)]
        self.by_opener = Dispatch(self.patterns, partial(self._pattern_openers, data), clitics,
                                   self.art)

    def _compile_context(self, data: Section, f: _Fragments) -> None:
        """Words read around a match: "since" before it, what makes "today" no date ("the next
        day", "that day") and an event word right before it."""
        alt = self._alt
        self.since_before = re.compile(rf"{f.word_start}{f.clitics}(?P<s>{f.since})\s+\Z")
        self.today_after = re.compile(
            rf"\s+(?:{alt(data.words('today_blockers_after') + list(self.ordinal))}"
            rf"|{f.anaphoric}|{f.article}\d+)(?!\w)")
        self.today_before = re.compile(rf"(?<!\w){alt(data.words('today_blockers_before'))}\s+\Z")
        self.event_before = re.compile(rf"{alt(data.words('event_words'))}\s+\Z")

    def _period_words(self, unit: str) -> list[str]:
        return [w for w, u in self.period.items() if u == unit]

    def _alt(self, words: list[str], al: bool = False) -> str:
        """Regex (a trie) matching any of ``words``, preferring the longest; ``al``: also after lam.

        ``al`` adds the forms where a preceding lam clitic swallows the article's alef (ll-yawm).
        """
        rx = trie_pattern(words)
        if al:
            rest = [w[1:] for w in words if w.startswith(self.art) and len(w) > len(self.art)]
            if rest:
                rx = f"(?:{rx}|(?<={re.escape(self.lam)}){trie_pattern(rest)})"
        return rx

    # --- handlers: (match, norm, pub) -> (first day, precision, last day) or None to reject

    def _daynum(self, s: str) -> int | None:
        s = _key(s)
        n = self.ordinal.get(s)
        if n is None:
            n = int(s[len(self.art):] if s.startswith(self.art) else s)
        return n if 1 <= n <= 31 else None

    def _deixis(self, m: re.Match[str], norm: str, pub: dt.date | None) -> Resolved | None:
        word = _key(m["dx"])
        off = self.deixis.get(word, self.deixis.get(self.art[0] + word, 0))
        if off == 0 and not m["wd"]:
            if self.today_after.match(norm, m.end("dx")):
                return None
            if self.today_before.search(norm, max(0, m.start("x") - 24), m.start("x")):
                return None
        if pub is None:
            return None, "day", None
        day = pub + dt.timedelta(days=off)
        if m["wd"]:  # a weekday next to the deictic day names the day (a stamp past midnight)
            shift = (self.weekday[_key(m["wd"])] - day.weekday() + 3) % 7 - 3
            day += dt.timedelta(days=shift if abs(shift) == 1 else 0)
        return periods.day(day)

    def _weekday(self, m: re.Match[str], norm: str, pub: dt.date | None) -> Resolved | None:
        rel = self.rel.get(_key(m["rel"]))
        if not (m["pre"] or rel) and _key(m["wd"]) in self.wd_ctx:
            return None
        if self.wd_not_after.search(norm, max(0, m.start("wd") - 12), m.start("wd")):
            return None
        if pub is None:
            return None, "day", None
        wd = self.weekday[_key(m["wd"])]
        if rel == "next":
            return periods.day(pub + dt.timedelta(days=(wd - pub.weekday()) % 7 or 7))
        back = (pub.weekday() - wd) % 7
        return periods.day(pub - dt.timedelta(days=back or (7 if rel == "past" else 0)))

    def _year_from_tail(self, m: re.Match[str], pub: dt.date) -> int | None:
        """Year given by "min al-am al-madi"-style tails; None when the tail has no year."""
        if m["yw"]:
            return pub.year + _OFFSETS[self.rel.get(_key(m["yrel"]), "current")]
        return None

    def _gday(self, m: re.Match[str], norm: str, pub: dt.date | None) -> Resolved | None:
        day, mon = self._daynum(m["d"]), self.month[_key(m["mon"])]
        if day is None:
            return None
        if m["y"]:
            d = periods.safe_date(int(m["y"]), mon, day)
            return periods.day(d) if d else (None, "day", None)
        if self.event_before.search(norm, max(0, m.start("x") - 12), m.start("x")):
            return None
        if pub is None:
            return None, "day", None
        year, rel = self._year_from_tail(m, pub), self.rel.get(_key(m["mrel"]))
        if year is None:
            d = periods.safe_date(pub.year, mon, day)
            if rel == "past" and (d is None or d > pub):
                year = pub.year - 1
            elif rel == "next" and (d is None or d < pub):
                year = pub.year + 1
            elif rel is None and (d is None or d > pub + FUTURE_SLACK):
                year = pub.year - 1
            else:
                year = pub.year
        d = periods.safe_date(year, mon, day)
        return periods.day(d) if d else (None, "day", None)

    def _gmonth(self, m: re.Match[str], norm: str, pub: dt.date | None) -> Resolved | None:
        mon = self.month[_key(m["mon"])]
        loose = m["part"] or m["yw"] or m["mrel"]
        if not (m["y"] or m["mw"] or (loose and _key(m["mon"]) not in self.short)):
            return None
        if m["y"]:
            return periods.month(int(m["y"]), mon)
        if pub is None:
            return None, "month", None
        year, rel = self._year_from_tail(m, pub), self.rel.get(_key(m["mrel"]))
        if year is None:
            if rel == "past":
                year = pub.year if mon < pub.month else pub.year - 1
            elif rel == "next":
                year = pub.year if mon > pub.month else pub.year + 1
            elif rel is None and dt.date(pub.year, mon, 1) > pub + FUTURE_SLACK:
                year = pub.year - 1
            else:
                year = pub.year
        return periods.month(year, mon)

    def _month_day(self, m: re.Match[str], norm: str, pub: dt.date | None) -> Resolved | None:
        day = self._daynum(m["d"])
        if day is None:
            return None
        if pub is None:
            return None, "day", None
        rel = self.rel.get(_key(m["rel"]))
        y, mo = periods.shift_month(pub.year, pub.month, _OFFSETS.get(rel or "current", 0))
        d = periods.safe_date(y, mo, day)
        if rel is None and not m["this"] and (d is None or d > pub + FUTURE_SLACK):
            y, mo = periods.shift_month(y, mo, -1)
            d = periods.safe_date(y, mo, day)
        return periods.day(d) if d else (None, "day", None)

    def _period(self, m: re.Match[str], norm: str, pub: dt.date | None) -> Resolved | None:
        unit, rel = self.period[_key(m["pw"])], self.rel.get(_key(m["rel"]))
        if not (rel or m["this"] or m["part"]):
            return None
        if pub is None:
            return None, unit, None
        n = _OFFSETS[rel or "current"]
        if unit == "week":
            return periods.week(pub + dt.timedelta(days=7 * n))
        if unit == "month":
            return periods.month(*periods.shift_month(pub.year, pub.month, n))
        return periods.year(pub.year + n)

    def _year(self, m: re.Match[str], norm: str, pub: dt.date | None) -> Resolved | None:
        y = int(m["y"])
        hijri_mark = _key(m["mk"]) in self.hmark
        if y >= 1900 and not hijri_mark:
            return periods.year(y)
        if y < 1900 and hijri_mark:
            last = periods.hijri_month(y, 12)[2]
            return (periods.hijri_date(y, 1, 1), "year", last) if last else (None, "year", None)
        return None

    def _numeric(self, m: re.Match[str], norm: str, pub: dt.date | None) -> Resolved | None:
        a, b, c = m["a"], int(m["b"]), m["c"]
        if len(a) == 4 and len(c) <= 2:
            y, mo, d = int(a), b, int(c)
        elif len(c) == 4 and len(a) <= 2:
            y, mo, d = int(c), b, int(a)
        else:
            return None
        if 1300 <= y <= 1500 and _key(m["mk"]) not in self.gmark:
            res = periods.hijri_date(y, mo, d) if 1 <= mo <= 12 else None
            return periods.day(res) if res else None
        if not 1900 <= y <= 2100:
            return None
        res = periods.safe_date(y, mo, d) or (periods.safe_date(y, d, mo) if mo > 12 else None)
        return periods.day(res) if res else None

    def _hday(self, m: re.Match[str], norm: str, pub: dt.date | None) -> Resolved | None:
        day, hm = self._daynum(m["d"]), self.hmonth[_key(m["hm"])]
        if day is None or day > 30:
            return None
        if m["y"]:
            d = periods.hijri_date(int(m["y"]), hm, day)
            return periods.day(d) if d else (None, "day", None)
        if _key(m["hm"]) in self.h_need_year or not m["d"][-1].isdigit():
            return None
        if pub is None:
            return None, "day", None
        today = periods.to_hijri(pub)
        if today is None:
            return None, "day", None
        hy = today.year
        d = periods.hijri_date(hy, hm, day)
        if d is None or d > pub + FUTURE_SLACK:
            d = periods.hijri_date(hy - 1, hm, day)
        return periods.day(d) if d else (None, "day", None)

    def _hmonth(self, m: re.Match[str], norm: str, pub: dt.date | None) -> Resolved | None:
        return periods.hijri_month(int(m["y"]), self.hmonth[_key(m["hm"])])

    def _hmonth_recent(self, m: re.Match[str], norm: str, pub: dt.date | None
                       ) -> Resolved | None:
        """A year-less Hijri month with a part or relative word ("the start of the month of
        Ramadan", "last Ramadan") or after "mundhu" ("since the month of Ramadan"): the latest one
        that began on or before publication (with "past": the one before the current, with
        "next": the coming one). A bare name (also a given name) is no date, nor the month named
        as a season ("throughout the month of Ramadan")."""
        rel = self.rel.get(_key(m["rel"]))
        since = m["mw"] and self.since_before.search(norm, max(0, m.start("x") - 12),
                                                     m.start("x"))
        if not (m["part"] or rel or since) or (
                _key(m["hm"]) in self.h_need_year and not m["mw"]):
            return None
        if pub is None:
            return None, "month", None
        hm = self.hmonth[_key(m["hm"])]
        now = periods.to_hijri(pub)
        if now is None:
            return None, "month", None
        if rel == "next":
            hy = now.year if hm > now.month else now.year + 1
        elif rel == "past":
            hy = now.year if hm < now.month else now.year - 1
        else:
            hy = now.year if hm <= now.month else now.year - 1
        return periods.hijri_month(hy, hm)

    def _count(self, m: re.Match[str]) -> tuple[int, str]:
        if m["u2"]:
            return 2, self.dual[_key(m["u2"])]
        if m["u"]:
            n = _key(m["n"])
            return (int(n) if n.isdigit() else self.number[n]), self.unit[_key(m["u"])]
        n = _key(m.groupdict().get("n1"))
        count = self.number.get(n, int(n) if n.isdigit() else 1) if n else 1
        return count, self.unit[_key(m["u1"])]

    def _ago(self, m: re.Match[str], norm: str, pub: dt.date | None) -> Resolved | None:
        n, unit = self._count(m)
        if pub is None:
            return None, "day" if unit == "hour" else unit, None
        if unit == "hour":
            return periods.day(pub - dt.timedelta(days=n // 24))
        if unit == "day":
            return periods.day(pub - dt.timedelta(days=n))
        if unit == "week":
            return periods.week(pub - dt.timedelta(days=7 * n))
        if unit == "month":
            return periods.month(*periods.shift_month(pub.year, pub.month, -n))
        return periods.year(pub.year - n)

    def _recent(self, m: re.Match[str], norm: str, pub: dt.date | None) -> Resolved | None:
        n, unit = self._count(m)
        if pub is None:
            return None, "since", None
        if unit in ("hour", "day", "week"):
            days = {"hour": math.ceil(n / 24), "day": n, "week": 7 * n}[unit]
            return pub - dt.timedelta(days=days), "since", None
        y, mo = periods.shift_month(pub.year, pub.month, -n * (12 if unit == "year" else 1))
        return dt.date(y, mo, min(pub.day, calendar.monthrange(y, mo)[1])), "since", None

    def _since_marker(self, m: re.Match[str], norm: str, pub: dt.date | None) -> Resolved:
        return None, "since", None

    def _since_back(self, m: re.Match[str], norm: str, pub: dt.date | None) -> Resolved:
        return None, SINCE_BACK, None  # its start: the date named before (see find_times)

    def _since_year(self, m: re.Match[str], norm: str, pub: dt.date | None) -> Resolved | None:
        start = self._year(m, norm, pub)
        return (start[0], "since", None) if start else None


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    return _Grammar(load_data("dates.yaml"))


def _positions(norm: str, tokens: Sequence[Token] | None, g: _Grammar,
               only: Sequence[tuple[int, int]] | None = None
               ) -> list[tuple[int, Sequence[_Pattern]]]:
    """Where the locator matches in ``norm`` (``tokens``: those of ``norm``, or None), each with
    the patterns to try there. With tokens it is tried only at the words that hold a digit or
    are among ``g.openers``: the locator opens a word, so it matches nowhere else; tried left to
    right past the last match, the positions are those of ``finditer``. A word is tried with
    the patterns that can open with it (``g.by_opener``), else with all. ``only``: the spans
    the positions must lie in (sorted; None: anywhere)."""
    if tokens is None or g.openers is None:
        return [(m.start(), g.patterns) for m in g.locator.finditer(norm)
                if only is None or inside(only, m.start())]
    starts, with_digits = word_starts(tokens, norm)
    found: set[int] = set()
    for a, b in [(0, len(norm))] if only is None else only:
        lo, hi = bisect_left(starts, a), bisect_left(starts, b)
        found.update(compress(starts[lo:hi], map(g.openers.__contains__,
                                                 map(_TEXT, tokens[lo:hi]))))
        found.update(with_digits[bisect_left(with_digits, a):bisect_left(with_digits, b)])
    out: list[tuple[int, Sequence[_Pattern]]] = []
    match, end, by_opener = g.locator.match, 0, g.by_opener
    for pos in sorted(found):
        if pos >= end and (m := match(norm, pos)) is not None:
            end = m.end()
            text = tokens[bisect_left(starts, pos)].text
            out.append((pos, by_opener.digit() if text[0].isdecimal()
                        else by_opener[text] or g.patterns))
    return out


SINCE_BACK = "since-back"  #: "mundhu dhalika al-hin" (since then) while its start is looked for
SINCE_BACK_REACH = 150  #: characters back to the date "since that date" may point to


def _date_since_back(taken: list[tuple[int, int, Resolved]]) -> None:
    """Give each "since then" (``since_back`` of dates.yaml) the first day of the dated
    expression right before it ("the protests began on 30 March, and since that date 33 were
    killed"), when one is at most :data:`SINCE_BACK_REACH` characters back; else it is a
    "since" of unknown start."""
    for i, (s, e, (_, precision, _)) in enumerate(taken):
        if precision != SINCE_BACK:
            continue
        before = taken[i - 1] if i else None
        start = None
        if before is not None and s - before[1] <= SINCE_BACK_REACH \
                and before[2][1] in _DATED and before[2][0] is not None:
            start = before[2][0]
        taken[i] = (s, e, (start, "since", None))


def find_times(norm: str, published: dt.date | None, tokens: Sequence[Token] | None = None,
               only: Sequence[tuple[int, int]] | None = None) -> list[TimeMention]:
    """Time expressions of normalized text ``norm``, resolved against ``published`` (unknown
    outside :data:`~rasd.text.published.PUBLISHED_RANGE`); ``tokens`` (those of ``norm``, from
    :func:`rasd.text.tokens.tokenize`) only make the search faster. With ``only`` (sorted,
    non-overlapping spans of ``norm``), only the expressions that open inside them are sought
    (one may run on past a span's end)."""
    g = _grammar()
    if isinstance(published, dt.datetime):
        published = published.date()
    if published is not None and not PUBLISHED_RANGE[0] <= published <= PUBLISHED_RANGE[1]:
        published = None
    cands: list[tuple[int, int, int, Resolved]] = []  # (start, end, pattern order, resolved)
    for pos, patterns in _positions(norm, tokens, g, only):
        for order, rx, fn in patterns:
            m = rx.match(norm, pos)
            if m is None:
                continue
            res = fn(m, norm, published)
            if res is None:
                continue
            s, e = m.span("x")
            cands.append((s, e, order, res))
            if res[1] in ("day", "week", "month", "year"):
                since = g.since_before.search(norm, max(0, s - 12), s)
                if since:
                    cands.append((since.start("s"), e, order, (res[0], "since", None)))
    cands.sort(key=lambda c: (c[0] - c[1], c[3][0] is None, c[0], c[2]))
    taken: list[tuple[int, int, Resolved]] = []
    occupied = bytearray(len(norm))
    for s, e, _, res in cands:
        if occupied.find(1, s, e) == -1:
            occupied[s:e] = b"\x01" * (e - s)
            taken.append((s, e, res))
    taken.sort()
    _date_since_back(taken)
    return [TimeMention(NormOffset(s), NormOffset(e), start.isoformat() if start else None, precision,
                        end.isoformat() if end and precision != "since" else None)
            for s, e, (start, precision, end) in taken]
