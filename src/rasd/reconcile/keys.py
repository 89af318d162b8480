"""Comparable keys of a claim: its source, its figure's range, its place, its period and time."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rasd.extractor.quantities import SHORT_SINCE_DAYS
from rasd.extractor.quantity_lexicon import distinctive
from rasd.geo.gazetteer import Gazetteer
from rasd.lang.ar import load_data
from rasd.model import VAGUE_WORDS, Claim, Count, Location
from rasd.text.normalize import canon, normalize_string
from rasd.text.tokens import has_article, stems, tokenize

POINT, ADMIN1, COUNTRY = 0, 1, 2
LEVELS = ("point", "admin1", "country")
ABOUT = 0.10  #: relative slack of an "about" figure
INF = math.inf
#: time precisions of an incident: (days before, days after) the resolved date
EVENT_PRECISIONS = {"day": (0, 0), "publication": (-1, 0), "week": (0, 6)}
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _article() -> str:
    return load_data("clitics.yaml").word("article")


@lru_cache(maxsize=1)
def _place_nouns() -> frozenset[str]:
    """Descriptor nouns ("مدينة", "بلدة", "ريف") left out of an unknown place's key."""
    data = load_data("place_descriptors.yaml").section("descriptors")
    return frozenset(w for name in data for w in data.section(name).words("words"))


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """:func:`rasd.text.normalize.canon` without punctuation, plus one step: each word without
    the clitics that hide an article ("والمرصد" -> "مرصد"), so that variants of a name compare
    equal."""
    art = _article()
    out = []
    for word in canon(text, punctuation=False).split():
        forms = stems(word)
        pick = word
        for form in forms:
            if art + form in forms:
                pick = form
        out.append(pick)
    return " ".join(out)


@lru_cache(maxsize=1 << 14)
def place_name_key(text: str) -> str:
    """An unknown place keyed by its name alone: "بلدة الكرامة" = "الكرامة"."""
    nouns = _place_nouns()
    words = [w for w in name_key(text).split() if w not in nouns]
    return " ".join(words) or name_key(text)


@lru_cache(maxsize=1)
def _back_references() -> tuple[frozenset[str], frozenset[str]]:
    data = load_data("reconcile.yaml")
    return (frozenset(name_key(w) for w in data.strings("back_references")),
            frozenset(name_key(w) for w in data.strings("same_markers")))


@lru_cache(maxsize=1 << 14)
def refers_back(text: str) -> bool:
    """Whether a source phrase only points back to a speaker already named in the article
    ("المصدر", "البيان", "المصدر ذاته", "نفس المسؤول"; an indefinite "مصدر" is a new,
    unnamed one)."""
    words, markers = _back_references()
    key = name_key(text)
    if not markers.isdisjoint(key.split()):
        return True
    toks = tokenize(normalize_string(text))
    return key in words and bool(toks) and has_article(toks[0])


def source_key(claim: Claim, outlet: str | None = None) -> str:
    """Identity of a claim's source: its resolved id, else its canonical name or text. An
    article's own voice (``kind == "outlet"``) is keyed by the outlet (by the article when the
    outlet is unknown); an anonymous source by its text plus who carried it (the first via, else
    the outlet), since unnamed sources of different outlets are not known to be one."""
    source = claim.source
    if source.id:
        return "id:" + source.id.casefold()
    if source.kind == "outlet":
        return name_key(outlet) or outlet.casefold() if outlet else "doc:" + claim.doc_id
    text = source.name or source.text
    key = name_key(text) or text.casefold()
    if source.kind == "anonymous":
        carrier = claim.via[0].name or claim.via[0].text if claim.via else outlet
        key += "@" + (name_key(carrier) or carrier.casefold() if carrier else "doc:" + claim.doc_id)
    return key


def hedged(count: Count) -> tuple[float, float]:
    """The range a figure allows once its hedge is taken at its word: about v is v +- 10%, at
    least v is [v, inf), at most / up to v is [0, v], a range or vague word is its range."""
    if count.value is not None:
        v, q = count.value, count.qualifier
        if q is None:
            return v, v
        if q == "about":  # rounded first: 200 * 1.1 is 220.00000000000003 in floats
            return math.floor(round(v * (1 - ABOUT), 6)), math.ceil(round(v * (1 + ABOUT), 6))
        if q == "at_least":
            return v, INF
        return 0, v
    if count.min is not None and count.max is not None:
        return count.min, count.max
    return VAGUE_WORDS[count.vague or "several"]


def point(count: Count) -> int:
    """A single number for a figure: the stated value, a range's midpoint, a vague word's floor."""
    if count.value is not None:
        return count.value
    if count.min is not None and count.max is not None:
        return (count.min + count.max) // 2
    return count.low


def fmt(count: Count) -> str:
    """A figure in words for a reason line ("at least 30", "10-15", "tens")."""
    if count.value is not None:
        return f"{count.qualifier.replace('_', ' ')} {count.value}" if count.qualifier \
            else str(count.value)
    if count.min is not None:
        return f"{count.min}-{count.max}"
    return str(count.vague)


@lru_cache(maxsize=1 << 14)
def _day(day: str) -> int | None:
    try:
        return dt.date.fromisoformat(day).toordinal()
    except ValueError:
        return None


def ordinal(date: str | None) -> int | None:
    """Day number of an ISO date or datetime (None when missing or unreadable)."""
    return None if date is None else _day(date[:10])


MINUTES_A_DAY = 1440


@lru_cache(maxsize=1 << 16)
def stamp(published: str | None) -> float | None:
    """Minutes since 0001-01-01 UTC of an article's publication (a bare date is taken at noon),
    to order reports within a day; None when missing or unreadable."""
    if not published:
        return None
    if len(published) <= 10:
        day = ordinal(published)
        return None if day is None else day * MINUTES_A_DAY + MINUTES_A_DAY / 2
    try:
        when_ = dt.datetime.fromisoformat(published)
    except ValueError:
        day = ordinal(published)
        return None if day is None else day * MINUTES_A_DAY + MINUTES_A_DAY / 2
    if when_.tzinfo is not None:
        when_ = when_.astimezone(dt.UTC).replace(tzinfo=None)
    return when_.toordinal() * MINUTES_A_DAY + when_.hour * 60 + when_.minute


@lru_cache(maxsize=1 << 14)
def _iso_day(day: int) -> str:
    return dt.date.fromordinal(day).isoformat()


def iso(day: int | None) -> str | None:
    """ISO date of a day number (None for none)."""
    return None if day is None or day < 1 else _iso_day(day)


@dataclass(frozen=True, slots=True)
class PlaceKey:
    """A claim's place for grouping: country, level (point / admin1 / country), key, admin1."""

    country: str
    level: int
    key: str
    admin1: str | None


def place_key(loc: Location | None, doc_id: str) -> PlaceKey:
    """The :class:`PlaceKey` of a location. Unlocated claims only match in their article."""
    if loc is None:
        return PlaceKey("", POINT, "doc:" + doc_id, None)
    country = loc.country or ""
    if loc.precision == 2 and loc.admin1:  # an area around a town ("ريف إدلب الشرقي"): its province
        return PlaceKey(country, ADMIN1, loc.admin1, loc.admin1)
    if loc.precision is not None and loc.precision >= 3:  # a province (its own admin1) or more
        if loc.admin1:
            return PlaceKey(country, ADMIN1, loc.admin1, loc.admin1)
        if country:  # keyed by name: a province that lacks its admin1 stays itself
            return PlaceKey(country, COUNTRY, (loc.name or country).casefold(), None)
    if loc.name:
        return PlaceKey(country, POINT, _metro_or(loc).casefold(), loc.admin1)
    if loc.lat is not None and loc.lon is not None:
        return PlaceKey(country, POINT, f"{loc.lat:.2f},{loc.lon:.2f}", loc.admin1)
    if loc.text:
        return PlaceKey(country, POINT, "text:" + place_name_key(loc.text), loc.admin1)
    if country:
        return PlaceKey(country, COUNTRY, country.casefold(), None)
    return PlaceKey("", POINT, "doc:" + doc_id, None)


def _metro_or(loc: Location) -> str:
    """A town's name, or the big city it is a district of ("Sadr City" -> Baghdad: reports
    of one blast name either), for grouping."""
    name = loc.name or ""
    if loc.lat is None or loc.lon is None or not loc.country:
        return name
    return Gazetteer.default().metro(loc.country, loc.admin1, loc.lat, loc.lon) or name


PERSON = "person:"  #: place-key prefix of a claim keyed by the one named person it counts


def person_key(claim: Claim) -> PlaceKey | None:
    """The key of a count of one that names its person (``subject.name``): the person, not a
    place, identifies the quantity."""
    subject = claim.subject
    if subject is None or not subject.name or not claim.count.one:
        return None
    return PlaceKey("", POINT, PERSON + name_key(subject.name), None)


def period_end(first: int, precision: str) -> int:
    """Last day of the calendar month or year starting on day ``first``."""
    day = dt.date.fromordinal(first)
    if precision == "year":
        return dt.date(day.year, 12, 31).toordinal()
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1).toordinal() - 1


@dataclass(frozen=True, slots=True)
class When:
    """A claim's period and days: ``period`` is ``"event"`` or a hashable aggregate key
    (``("since", start)``, ``("span", days)``, ``("month", first)``, ``("year", first)``,
    ``("undated", doc)``); ``weak`` when the only date is the article's publication."""

    period: Any
    start: int
    end: int
    weak: bool


def when(claim: Claim, pub: int | None) -> When:
    """The :class:`When` of a claim (see docs/reconcile.md, Periods)."""
    t = claim.time
    d = ordinal(t.date) if t is not None else None
    if claim.context == "background" and (t is None or t.precision == "publication"):
        return When(("undated", claim.doc_id), 0, 0, True)  # an older event, date unknown
    if t is not None and t.precision == "since" and d is not None and pub is not None \
            and 0 <= pub - d <= SHORT_SINCE_DAYS and claim.period is None:
        return When("event", d, pub, False)  # "منذ أمس": a recent incident's count
    if t is not None and t.precision == "since" or claim.period is not None \
            and claim.period.kind == "since":
        start = d if t is not None and t.precision == "since" and d is not None else -1
        return When(("since", start), 0, 0, False)
    if claim.period is not None:  # a span: keyed by its words, dated by its report
        day = d if d is not None else pub
        return When(("span", name_key(claim.period.text)), day or 0, day or 0, d is None)
    if t is not None and d is not None:
        if t.precision in ("month", "year"):
            return When((t.precision, d), d, period_end(d, t.precision), False)
        if t.precision == "week" and not names_incident(claim):
            return When(("week", d), d, d + 6, False)  # "هذا الأسبوع": the week's total
        lo, hi = EVENT_PRECISIONS.get(t.precision, (0, 0))
        return When("event", d + lo, d + hi, t.precision == "publication")
    if pub is not None:
        return When("event", pub - 1, pub, True)
    return When(("undated", claim.doc_id), 0, 0, True)


def shares_signature(a_att: Iterable[str], a_tgt: Iterable[str], b_att: frozenset[str],
                     b_tgt: frozenset[str]) -> bool:
    """A shared target or a shared distinctive attack kind (not a routine air strike)."""
    return bool(b_tgt.intersection(a_tgt) or distinctive(b_att.intersection(a_att)))


def names_incident(claim: Claim) -> bool:
    """Whether the claim names one incident: a target or a distinctive attack kind."""
    sig = claim.signature
    return sig is not None and bool(sig.target or distinctive(sig.attack))


@lru_cache(maxsize=1)
def _strike_units() -> dict[str, str]:
    data = load_data("reconcile.yaml").section("strike_units")
    return {name_key(w): str(unit) for unit in data for w in data.strings(unit)}


@lru_cache(maxsize=1 << 12)
def _unit_of(trigger: str) -> str | None:
    units = _strike_units()
    for word in _WORD.findall(normalize_string(trigger)):
        unit = next((units[f] for f in stems(word) if f in units), None)
        if unit is not None:
            return unit
    return None


def strike_unit(claim: Claim) -> str | None:
    """What a ``strikes`` figure counts by its trigger word (raids, projectiles, barrels):
    figures of two units are two quantities; None for other types or an unknown unit."""
    if claim.type != "strikes" or claim.trigger is None:
        return None
    return _unit_of(claim.trigger.text)


def category(claim: Claim) -> str | None:
    """The subject category that scopes a claim (``unknown`` is unset, not a category)."""
    subject = claim.subject
    if subject is None or subject.category in (None, "unknown"):
        return None
    return subject.category


def scope_conflict(a: Claim, b: Claim) -> bool:
    """Whether two claims count different populations by their subjects' nationality or
    affiliation (two sides' losses of one battle are two quantities)."""
    sa, sb = a.subject, b.subject
    if sa is None or sb is None:
        return False
    if sa.affiliation and sb.affiliation and sa.affiliation != sb.affiliation:
        return True
    return bool(sa.country and sb.country and sa.country != sb.country)
