"""Geocoding with context: one gazetteer entry per place mention, chosen by the article.

:meth:`rasd.geo.gazetteer.Gazetteer.find_matches` gives, for each place mention, every reading
of its name, best first by the gazetteer's own order (the kind a descriptor suggests, hand-kept
preferences, countries, the town a province is named after, provinces, regions, other towns by
population). :func:`resolve_places` keeps that order unless the article says otherwise
(``docs/geocoding.md`` has the figures):

* **Clues.** A name whose readings all lie in one country is a clue for it, once per name at its
  strongest place: 2.5 in the dateline (places before the first dash, colon, slash or bracket of
  the title or of the body: "Aleppo: ...", "Paris, France (CNN) --"), 1.5 in the title, 1 in the
  body (0.5 for a country name, often an actor). Nationality adjectives (0.5 each, at most 1 per
  country) and the outlet's home country (``geo/data/outlets.yaml``, 0.5) are weaker signs.
* **Support of a reading.** A country reading takes every sign of its country; a town, district
  or province takes the clues of its country within ``NEAR_KM``, at most ``MAX_DISTANT`` from
  the distant signs, and ``W_NEAR`` for a clue right next to the name ("Tripoli, north
  Lebanon", "Tripoli-LEBANESE", "X in the state of Y"). Support is capped at ``CAP``; a name
  never supports itself.
* **Choice.** A reading scores ``support + 0.5 * ln(population)`` (hand-kept provinces and
  regions count as large places), minus ``W_KIND`` when its kind is not the one its descriptor
  asks for; the gazetteer's first reading gets ``DEFAULT_BONUS``, and counts as large as the
  largest reading when the hand-kept preferences chose it. So Tripoli stays in Libya unless the
  article points to Lebanon, and Paris, Riyadh, Moscow or Geneva never move to a small namesake.
  A country name is never read as a town. With several ambiguous names, a second pass lets the
  first choices count as clues.
* **Implausible towns.** A town of fewer than 20,000 inhabitants in a country the article gives
  no other sign of, in an article firmly about another country (support 3 or more), is left
  unresolved (no coordinates) rather than placed abroad; not in the title or the dateline.
* **Nationality adjectives are not places.** A country name spelled like an adjective (accusative
  or feminine: "93 fighters Syrian-ACC", "Syrian-FEM sources") is dropped when tanween shows it,
  when it follows a counted person noun or a figure (accusative), or when it follows any word but
  a preposition (feminine). The words live in ``lang/ar/data/place_context.yaml``, the
  adjectives in :mod:`rasd.extractor.nationality`.

Precision is the ACLED-style one of :class:`~rasd.geo.gazetteer.PlaceMatch` (1 the town, 2 an
area around or part of it, including relative phrases "north-west of Aleppo", "near the airport
of X", 3 a province or country), recomputed for the chosen reading; ``admin1`` is the English name
of the chosen reading's first-level region (:meth:`Gazetteer.admin1_name`).
"""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import ahocorasick
import yaml

from rasd.errors import DataError
from rasd.extractor.nationality import nationality_forms
from rasd.geo.gazetteer import Entry, Gazetteer, PlaceMatch
from rasd.lang.ar import Section, load_data
from rasd.model import NormOffset, PlaceMention
from rasd.text.tokens import stems, with_accusative

OUTLETS_NAME = "outlets.yaml"
CONTEXT_NAME = "place_context.yaml"

W_MENTION = 1.0        # a town, district or province named in the body (each name once)
W_COUNTRY = 0.5        # a country named in the body (often an actor, not a place)
W_KIND = 1.5           # penalty of a reading of another kind than its descriptor asks for
W_TITLE = 1.5
W_DATELINE = 2.5
W_ADJECTIVE = 0.5
MAX_ADJECTIVE = 1.0
W_OUTLET = 0.5
W_NEAR = 2.0           # a sign right next to an ambiguous name ("Tripoli, north Lebanon")
NEAR_CHARS = 20
NEAR_KM = 300.0        # a town supports the readings of another name within this distance
MAX_DISTANT = 1.0      # most that country names, adjectives and outlet give a town reading
CAP = 3.0              # support saturates: context alone never outweighs a 55x larger namesake
ALPHA = 0.5            # weight of ln(population)
DEFAULT_BONUS = 1.0    # the gazetteer's first reading
PSEUDO_POPULATION = {"country": 5_000_000, "admin1": 1_000_000, "region": 300_000}
MIN_POPULATION = 1_000
SMALL_TOWN = 20_000
DATELINE_CHARS = 60    # a dateline ends within this many characters ...
DATELINE_WORDS = 6     # ... and has at most this many words (in the title: TITLE_WORDS)
TITLE_WORDS = 3
_MARKS = re.compile("[-:/(|\u2013\u2014]|[.][.]")  # what ends a dateline
TANWEEN_FATH = "\u064b"

TextOf = Callable[[NormOffset, NormOffset], str]


# -- data ------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def outlet_countries() -> dict[str, tuple[str, ...]]:
    """Outlet name (lower case) -> home countries, from ``geo/data/outlets.yaml``."""
    path = resources.files("rasd.geo").joinpath("data", OUTLETS_NAME)
    try:
        with path.open("r", encoding="utf-8") as fh:
            data = Section.of(yaml.safe_load(fh) or {}, OUTLETS_NAME)
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"unreadable outlet table ({exc!r})", source=OUTLETS_NAME) from exc
    return {str(name).strip().lower(): (data.text(name),) if isinstance(data.raw(name), str)
            else tuple(data.strings(name)) for name in data}


def home_countries(outlet: str | None) -> tuple[str, ...]:
    """The home countries of an outlet (empty when unknown)."""
    return outlet_countries().get(outlet.strip().lower(), ()) if outlet else ()


@dataclass(frozen=True)
class Nationalities:
    """Nationality adjectives (every inflected form -> country, from
    :mod:`rasd.extractor.nationality`) and the words that tell them from country names."""

    forms: Mapping[str, str]         # normalized form without article or clitics -> ISO code
    feminine: frozenset[str]         # country names spelled like a feminine adjective
    accusative: frozenset[str]       # country names spelled like an accusative adjective
    heads: frozenset[str]            # accusative person nouns ("jundiyyan")
    place_before: frozenset[str]
    near_words: frozenset[str]       # words that join a name to a clue next to it
    automaton: ahocorasick.Automaton

    @classmethod
    def from_data(cls, forms: Mapping[str, str], data: Section) -> Nationalities:
        """The adjective ``forms`` with the context words of ``place_context.yaml``."""
        fem, acc = data.word("feminine"), data.word("accusative")
        feminine = frozenset(f for f, iso in forms.items()
                             if f.endswith(fem) and forms.get(f[:-len(fem)]) == iso)
        accusative = frozenset(f + acc for f in forms)
        heads = frozenset(data.words("heads"))
        auto = ahocorasick.Automaton()
        for form, iso in forms.items():
            auto.add_word(form, (len(form), iso))
        auto.make_automaton()
        return cls(forms, feminine, accusative, with_accusative(heads) - heads,
                   frozenset(data.words("place_before")), frozenset(data.words("near_words")),
                   auto)

    def adjective_country(self, key: str) -> str | None:
        """Country whose nationality adjective a (normalized) country name is spelled like."""
        iso = self.forms.get(key)
        if iso is None and key in self.accusative:
            iso = self.forms.get(key[:-1])
        return iso

    def country_of(self, word: str) -> str | None:
        """Country of a (normalized) word that is a nationality adjective, with any clitics."""
        for stem in stems(word):
            iso = self.forms.get(stem)
            if iso is not None:
                return iso
        return None

    def find(self, norm: str) -> list[tuple[int, int, str]]:
        """Nationality adjectives in normalized text: (start, end, ISO code) of whole words."""
        out: list[tuple[int, int, str]] = []
        n = len(norm)
        for last, (length, iso) in self.automaton.iter(norm):
            end = last + 1
            if end < n and norm[end].isalnum():
                continue
            start = tok = end - length
            while tok > 0 and norm[tok - 1].isalnum():
                tok -= 1
            if tok < start and norm[start:end] not in stems(norm[tok:end]):
                continue
            out.append((tok, end, iso))
        return out


@lru_cache(maxsize=1)
def nationalities() -> Nationalities:
    """Adjective forms of :mod:`rasd.extractor.nationality` and the context words of
    ``lang/ar/data/place_context.yaml`` (loaded once)."""
    return Nationalities.from_data(nationality_forms(), load_data(CONTEXT_NAME))


@lru_cache(maxsize=4)
def adjectives_in(norm: str) -> tuple[tuple[int, int, str], ...]:
    """:meth:`Nationalities.find` of the default adjectives, remembered for the last few texts
    (the geocoder and the article focus read the same document)."""
    return tuple(nationalities().find(norm))


# -- resolution ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Clue:
    """A place of one country named in the article (each name once, at its strongest)."""

    key: str
    country: str
    weight: float
    entry: Entry


class _Context:
    """What an article says about its countries: named places and the other signs. Adjectives
    and the outlet are read only when a decision needs them."""

    def __init__(self, clues: dict[str, _Clue], signs: list[tuple[int, int, str, str]],
                 norm: str, spans: list[tuple[int, int]], outlet: str | None,
                 adjectives: list[str], nat: Nationalities):
        self.clues = clues
        self.signs = signs                # (start, end, country, key) of every clue in the text
        self.norm = norm
        self.nat = nat
        self._spans = spans               # every gazetteer match, left to right
        self._outlet = outlet
        self._adjectives = adjectives     # countries of the adjectives spelled like countries
        self._topical: dict[str, float] | None = None
        self.by_country: dict[str, float] = defaultdict(float)
        for clue in clues.values():
            self.by_country[clue.country] += clue.weight

    @property
    def topical(self) -> dict[str, float]:
        """Adjectives and outlet, per country (read on first use)."""
        if self._topical is None:
            counts: dict[str, float] = defaultdict(float)
            for iso in self._adjectives:
                counts[iso] += W_ADJECTIVE
            starts = [a for a, _ in self._spans]
            found = adjectives_in(self.norm) if self.nat is nationalities() \
                else self.nat.find(self.norm)
            for s, e, iso in found:
                k = bisect.bisect_left(starts, e) - 1
                if k >= 0 and self._spans[k][1] > s:
                    continue  # inside a place name
                counts[iso] += W_ADJECTIVE
                self.signs.append((s, e, iso, ""))
            topical = {iso: min(MAX_ADJECTIVE, w) for iso, w in counts.items()}
            for iso in home_countries(self._outlet):
                topical[iso] = topical.get(iso, 0.0) + W_OUTLET
            for iso, weight in topical.items():
                self.by_country[iso] += weight
            self._topical = topical
        return self._topical

    def add_clues(self, extra: dict[str, _Clue]) -> None:
        """More clues (names not already clues)."""
        for key, clue in extra.items():
            if key not in self.clues:
                self.clues[key] = clue
                self.by_country[clue.country] += clue.weight

    def clue_support(self, country: str, key: str) -> float:
        """The places of ``country`` named in the article, except ``key`` itself."""
        own = self.clues.get(key)
        total = sum(c.weight for c in self.clues.values() if c.country == country)
        return total - (own.weight if own is not None and own.country == country else 0.0)

    def clue_strongest_other(self, country: str, key: str) -> float:
        """The best-supported other country, by named places only."""
        totals: dict[str, float] = defaultdict(float)
        for clue in self.clues.values():
            if clue.key != key and clue.country != country:
                totals[clue.country] += clue.weight
        return max(totals.values(), default=0.0)

    def country_support(self, country: str | None, key: str) -> float:
        """All signs of ``country`` except the mentions of ``key`` itself."""
        if not country:
            return 0.0
        self.topical  # noqa: B018 - loads adjectives and outlet into by_country
        own = self.clues.get(key)
        return self.by_country.get(country, 0.0) - (
            own.weight if own is not None and own.country == country else 0.0)

    def strongest_other(self, country: str | None, key: str) -> float:
        """The support of the best-supported country other than ``country``."""
        self.topical  # noqa: B018
        return max((self.country_support(c, key) for c in self.by_country if c != country),
                   default=0.0)

    def reading_support(self, e: Entry, key: str, near: set[str]) -> float:
        """Signs for reading ``e``. For a country: every sign of it. For a town or region:
        places of its country within ``NEAR_KM``, plus at most ``MAX_DISTANT`` for the rest
        (its country's name, adjectives, outlet), plus ``W_NEAR`` for a clue next to the name."""
        if not e.country:
            return 0.0
        if e.kind == "country":
            total = self.country_support(e.country, key)
        else:
            local = distant = 0.0
            for clue in self.clues.values():
                if clue.key == key or clue.country != e.country:
                    continue
                if clue.entry.kind != "country" and _close(e, clue.entry):
                    local += clue.weight
                elif clue.entry.kind == "country":
                    distant += clue.weight
            distant += self.topical.get(e.country, 0.0)
            total = local + min(MAX_DISTANT, distant)
        if e.country in near:
            total += W_NEAR
        return min(CAP, total)

    def near(self, m: PlaceMatch) -> set[str]:
        """Countries of the clues joined to a mention by nothing but spaces, brackets or one of
        the near words ("X in Y", "X north of Y", "X and Y", "X (Y)")."""
        self.topical  # noqa: B018 - adds the adjectives to the signs
        out: set[str] = set()
        norm = self.norm
        for start, end, country, key in self.signs:
            if key == m.key:
                continue
            if 0 <= start - m.end <= NEAR_CHARS:
                gap = norm[m.end:start]
            elif 0 <= m.start - end <= NEAR_CHARS:
                gap = norm[end:m.start]
            else:
                continue
            words = gap.replace("(", " ").replace(")", " ").split()
            if not words or (len(words) == 1 and words[0] in self.nat.near_words):
                out.add(country)
        return out


def resolve_places(matches: Sequence[PlaceMatch], norm: str, outlet: str | None = None, *,
                   body_start: int = 0, text_of: TextOf | None = None,
                   gazetteer: Gazetteer | None = None) -> list[PlaceMention]:
    """One :class:`PlaceMention` per place of ``matches`` (nationality adjectives dropped).

    ``matches`` are :meth:`Gazetteer.find_matches` of the normalized text ``norm``; ``outlet``
    the publishing outlet (a weak prior); ``body_start`` the normalized offset where the body
    starts after a title line (0: no title); ``text_of(start, end)`` the original text of a
    normalized span, used to see tanween that normalization removes. A mention left
    unresolved has kind ``"unknown"`` and no name or coordinates.
    """
    gaz = gazetteer or Gazetteer.default()
    nat = nationalities()
    conjunction = gaz.lexicon.conjunction
    places: list[PlaceMatch] = []
    signs: list[tuple[int, int, str, str]] = []
    adjectives: list[str] = []
    for m in matches:
        iso = None
        if m.entries[0].kind == "country" and (m.key in nat.forms or m.key in nat.accusative):
            iso = _adjective_country(m, norm, nat, text_of, conjunction)
        if iso is None:
            places.append(m)
        else:
            adjectives.append(iso)
            signs.append((m.start, m.end, iso, m.key))

    strong = _dateline(places, norm, body_start)
    weights: list[float] = []
    clues: dict[str, _Clue] = {}
    ambiguous: list[int] = []
    for i, m in enumerate(places):
        first = m.entries[0]
        if i in strong:
            weight = W_DATELINE
        elif m.start < body_start:
            weight = W_TITLE
        else:
            weight = W_COUNTRY if first.kind == "country" else W_MENTION
        weights.append(weight)
        country = first.country if len(m.entries) == 1 else _sole_country(m)
        if not country:
            if len({e.country for e in m.entries}) > 1:
                ambiguous.append(i)
            continue
        old = clues.get(m.key)
        if old is None or old.weight < weight:
            clues[m.key] = _Clue(m.key, country, weight, first)
        signs.append((m.start, m.end, country, m.key))
    ctx = _Context(clues, signs, norm, [(m.start, m.end) for m in matches], outlet, adjectives,
                   nat)

    chosen = [m.entries[0] for m in places]
    for i in ambiguous:
        chosen[i] = _choose(places[i], ctx, gaz.has_preference(places[i].key))
    if len({places[i].key for i in ambiguous}) > 1:
        # second pass: the readings chosen for the other ambiguous names count as clues
        # ("Tripoli" next to "Sidon", both read in Lebanon)
        extra: dict[str, _Clue] = {}
        for i in ambiguous:
            e = chosen[i]
            if e.country:
                _add_clue(extra, places[i].key, e.country, weights[i], e)
                ctx.signs.append((places[i].start, places[i].end, e.country, places[i].key))
        ctx.add_clues(extra)
        for i in ambiguous:
            chosen[i] = _choose(places[i], ctx, gaz.has_preference(places[i].key))

    out: list[PlaceMention] = []
    for i, m in enumerate(places):
        entry = chosen[i]
        if entry.kind == "city" and _population(entry) < SMALL_TOWN \
                and not (i in strong or m.start < body_start) and _implausible(entry, m.key, ctx):
            out.append(PlaceMention(m.start, m.end, norm[m.start:m.end], None, None, None, None,
                                    m.precision, "unknown"))
            continue
        precision = entry.precision if entry.precision >= m.level else m.level
        out.append(PlaceMention(m.start, m.end, norm[m.start:m.end], entry.name_en,
                                entry.country, entry.lat, entry.lon, precision, entry.kind,
                                gaz.admin1_name(entry)))
    return out


def _add_clue(clues: dict[str, _Clue], key: str, country: str, weight: float,
              entry: Entry) -> None:
    """Keep the strongest mention of each name."""
    old = clues.get(key)
    if old is None or old.weight < weight:
        clues[key] = _Clue(key, country, weight, entry)


def _population(e: Entry) -> int:
    return max(e.population or PSEUDO_POPULATION.get(e.kind, 0), MIN_POPULATION)


def _close(a: Entry, b: Entry) -> bool:
    """Whether two places lie within ``NEAR_KM`` of each other."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return False
    dlat = abs(a.lat - b.lat)
    if dlat * 111.0 > NEAR_KM:
        return False
    x = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return 6371.0 * math.hypot(x, math.radians(b.lat - a.lat)) <= NEAR_KM


def _fits(kind: str, prefer: str) -> bool:
    return kind == prefer or (prefer == "admin1" and kind == "region")


def _candidates(m: PlaceMatch) -> list[Entry]:
    """The readings a mention may take (the gazetteer's first reading first): only countries
    when that is a country."""
    if m.entries[0].kind == "country":
        return [e for e in m.entries if e.kind == "country"]
    return list(m.entries)


def _sole_country(m: PlaceMatch) -> str | None:
    """The country of all readings a mention may take, when they agree."""
    if len(m.entries) == 1:
        return m.entries[0].country or None
    cands = _candidates(m)
    first = cands[0].country
    if not first or any(e.country != first for e in cands[1:]):
        return None
    return first


def _choose(m: PlaceMatch, ctx: _Context, preferred: bool = False) -> Entry:
    """The reading of ``m`` that best fits the article: the gazetteer's first reading unless
    a reading of another country has clearly more support (see the module docstring). The
    first reading counts as large as the largest reading when the hand-kept preferences chose
    it, else at its own size."""
    cands = _candidates(m)
    default = cands[0]
    firsts: dict[str | None, Entry] = {}
    for e in cands:
        firsts.setdefault(e.country, e)
    if len(firsts) == 1:
        return default
    size = max(_population(e) for e in cands) if preferred else _population(default)
    floor = ALPHA * math.log(size) + DEFAULT_BONUS
    rivals = []
    for e in firsts.values():
        if e is default:
            continue
        misfit = W_KIND if m.prefer is not None and not _fits(e.kind, m.prefer) else 0.0
        prior = ALPHA * math.log(_population(e)) - misfit
        if prior + CAP > floor:  # else no support could make it beat the first reading
            rivals.append((e, prior))
    if not rivals:
        return default
    near = ctx.near(m)
    best = default
    best_score = ctx.reading_support(default, m.key, near) + floor
    for e, prior in rivals:
        score = ctx.reading_support(e, m.key, near) + prior
        if score > best_score:
            best, best_score = e, score
    return best


def _implausible(entry: Entry, key: str, ctx: _Context) -> bool:
    """A small town abroad that nothing else in a firmly one-country article points to."""
    if entry.kind != "city" or not entry.country or _population(entry) >= SMALL_TOWN:
        return False
    if ctx.clue_support(entry.country, key) > 0:
        return False
    if ctx.clue_strongest_other(entry.country, key) + MAX_ADJECTIVE + W_OUTLET < CAP:
        return False  # decided without reading adjectives and outlet
    if ctx.country_support(entry.country, key) > 0:
        return False
    return ctx.strongest_other(entry.country, key) >= CAP


def _dateline(places: Sequence[PlaceMatch], norm: str, body_start: int) -> set[int]:
    """Indices of the places in the dateline of the title and of the body."""
    out: set[int] = set()
    for start in sorted({0, body_start}):
        most = TITLE_WORDS if start < body_start else DATELINE_WORDS
        limit = min(len(norm), start + DATELINE_CHARS)
        line_end = norm.find("\n", start, limit)
        window = norm[start:line_end if line_end != -1 else limit]
        cut = -1
        for mark in _MARKS.finditer(window):
            if len(window[:mark.start()].split()) > most:
                break
            cut = start + mark.start()
        if cut < 0:
            continue
        out.update(i for i, m in enumerate(places) if start <= m.start and m.end <= cut)
    return out


def _prev_word(norm: str, pos: int) -> str | None:
    """The word right before ``pos`` when only spaces separate them (None after punctuation)."""
    j = pos
    while j > 0 and norm[j - 1] == " ":
        j -= 1
    k = j
    while k > 0 and norm[k - 1].isalnum():
        k -= 1
    return norm[k:j] or None


def _adjective_country(m: PlaceMatch, norm: str, nat: Nationalities, text_of: TextOf | None,
                       conjunction: str) -> str | None:
    """The country of a country-name mention that is really a nationality adjective, else None."""
    entry = m.entries[0]
    if entry.kind != "country" or m.level or m.start != m.anchor_start:
        return None
    iso = nat.adjective_country(m.key)
    if iso is None or iso != entry.country:
        return None
    tok: int = m.start
    while tok > 0 and norm[tok - 1].isalnum():
        tok -= 1
    glued = tok < m.start
    if text_of is not None and TANWEEN_FATH in text_of(m.start, m.end):
        return iso
    prev = _prev_word(norm, tok)
    if m.key in nat.accusative:
        if not glued and prev is not None and (prev in nat.heads or prev.isdigit()):
            return iso
        return None
    if m.key in nat.feminine:
        if glued:
            # "Iraqi-FEM and-Syrian-FEM": a conjunction joining two adjectives
            joined = norm[tok:m.start] == conjunction
            return iso if joined and prev is not None and nat.country_of(prev) else None
        if prev is None or prev in nat.place_before:
            return None
        return iso
    return None
