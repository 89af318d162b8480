"""Subjects: who was counted ("مقاتلاً سوريّاً" -> fighters, SY; "عناصر الجيش الوطني" -> fighters, sna).

:func:`classify_subject` maps a claim's subject phrase (and optionally its evidence text) to a
:class:`SubjectInfo`: category (:data:`CATEGORIES`), nationality (ISO2 of an adjective written in
the phrase, via :mod:`rasd.extractor.nationality`), affiliation (a group or force id aligned with
``sources.yaml``: ``houthis``, ``isis``, ``sna``, ``idf``, ``sy-army``, ``tr-army`` ...; see
:func:`affiliation_name`) and an ethnic qualifier. Words live in ``lang/ar/data/subjects.yaml``;
the ``military`` and ``armed_group`` entries of ``sources.yaml`` are imported as groups.

The phrase is cut at punctuation, a figure or a stop word (agent, place, time, breakdown:
"فلسطينيا برصاص الجيش الإسرائيلي" reads "فلسطينيا"); a bridge word goes on only into a group
("القيادي في حزب الله"). A phrase opening with a word that names no people ("صواريخ") is read
no further. Then, left to right: a group (longest alias, tried before head nouns) gives the
affiliation and, unless a head noun fixed it, the category; adjectives right after a named group
qualify the group ("ميليشيات الحوثي الإيرانية") and are skipped, after a generic force they name
it ("القوات التركية" -> soldiers, TR, ``tr-army``). The first head noun that is neither
``unknown`` nor a member noun fixes the category; member nouns (عناصر, أفراد, أشخاص) yield to
a later group or head ("عناصر من الجيش" -> soldiers). Victim words ("قتيلاً", "آخرين") are
skipped. The first nationality adjective gives the country, as does a country name spelled as
the accusative adjective of the accusative head before it ("مقاتلاً سورياً"). Nothing after a
patron word ("موالين لإيران") counts. A soldiers or police group gives its own country when no
adjective does; armed groups give none.

An alias shared by groups ("الجيش الوطني": Syrian, Yemeni or Libyan) is resolved by ``where``
(the claim's country), else the file's order. ``context`` fills what the phrase leaves open:
the phrase after its first figure (or the figure's dual noun, "جنديين"), else the indefinite
nouns before it ("مقتل مواطنين تونسيين اثنين"), never a group before the figure (the agent:
"قتلت القوات الإسرائيلية ...").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rasd.errors import DataError
from rasd.extractor import nationality
from rasd.extractor.lexicon import PhraseSet, persons
from rasd.lang.ar import Section, load_data
from rasd.model import Token
from rasd.text.normalize import normalize_string
from rasd.text.numbers import find_counts
from rasd.text.tokens import has_article, tokenize

__all__ = ["CATEGORIES", "SubjectInfo", "affiliation_name", "classify_subject"]

CATEGORIES: tuple[str, ...] = ("civilians", "children", "women", "fighters", "soldiers", "police",
                               "migrants", "prisoners", "unknown")
STATE_FORCES = {"soldiers": "army", "police": "police"}  # category -> body of a national force id
_DATA = "subjects.yaml"


@dataclass(frozen=True, slots=True)
class SubjectInfo:
    """What a claim counted: category, nationality (ISO2), affiliation (group id), ethnicity."""

    category: str
    country: str | None = None
    affiliation: str | None = None
    ethnicity: str | None = None


@dataclass(frozen=True, slots=True)
class _Group:
    id: str | None
    name: str | None
    category: str
    country: str | None
    national: bool = False


_Candidates = tuple[tuple[_Group, frozenset[str]], ...]
"""The groups an alias may name, each with the ISO2 codes where it does (empty: anywhere)."""


@dataclass(frozen=True)
class _Tables:
    heads: PhraseSet[str]                # word/phrase -> category
    groups: PhraseSet[_Candidates]       # alias -> ((group, where), ...)
    members: frozenset[str]
    transparent: frozenset[str]
    stops: frozenset[str]
    bridges: frozenset[str]
    patrons: frozenset[str]
    accusative: str
    names: dict[str, str]                # group id -> English name
    armies: dict[str, str]               # ISO2 -> army id (sources.yaml ``body: army``)


def _clitic(key: str) -> str:
    return load_data("clitics.yaml").word(key)


def _stems(entries: list[str]) -> list[str]:
    """Normalized entries (:meth:`Section.words`) with each word's article dropped: tokens match
    on their clitic-free stems, so "الأمن" and "أمن" are both "امن"."""
    art = _clitic("article")
    return [" ".join(w[len(art):] if w.startswith(art) and len(w) - len(art) >= 2 else w
                     for w in entry.split()) for entry in entries]


def _inflect(word: str, infl: dict[str, list[str]]) -> list[str]:
    """Regular forms of a singular noun (see ``inflection`` in the data file)."""
    ta, ya = normalize_string("\u0629"), normalize_string("\u064a")
    if word.endswith(ta):
        return [word] + [word[:-1] + s for s in infl["ta_marbuta"]]
    return [word] + [word + s for s in infl["suffixes"] + (infl["nisba"] if word.endswith(ya)
                                                            else [])]


def _accusative(words: list[str]) -> list[str]:
    acc = _clitic("accusative_suffix")
    return words + [w + acc for w in words if " " not in w and not w.endswith(acc)]


def _imported(kinds: Section) -> list[Section]:
    """The entries of ``sources.yaml`` of the kinds ``import_sources`` takes, with an id."""
    try:
        sources = load_data("sources.yaml").sections("sources")
    except FileNotFoundError:
        return []
    return [e for e in sources if e.raw("kind", None) in kinds and e.raw("id", None)]


def _group_field(entry: Section, key: str) -> Any:
    """A field of a group as written (None when empty), its type checked."""
    if entry.raw(key, None) is None:
        return None
    return entry.flag(key) if key == "national" else entry.text(key)


def _group_table(data: Section, infl: dict[str, list[str]]
                 ) -> tuple[PhraseSet[_Candidates], dict[str, str], dict[str, str]]:
    """Aliases -> ((group, where), ...) in file order; English names; ISO2 -> army id."""
    kinds = data.section("import_sources", {})
    imported = _imported(kinds)
    info = {e.text("id"): {"name": _group_field(e, "name"),
                           "category": kinds.choice(e.text("kind"), CATEGORIES),
                           "country": _group_field(e, "country")} for e in imported}
    armies = {e.text("country").upper(): e.text("id") for e in imported
              if e.raw("body", None) == "army" and e.raw("country", None)}
    aliases: dict[str, dict[str, frozenset[str]]] = {}
    for n, entry in enumerate(data.sections("groups", [])):
        key = entry.text("id") if entry.raw("id", None) else f"#{n}"
        fields = info.setdefault(key, {"name": None, "category": None, "country": None})
        fields.update({k: _group_field(entry, k) for k in ("name", "category", "country",
                                                           "national") if k in entry})
        where = frozenset(w.upper() for w in entry.strings("where", []))
        for alias in _stems(entry.words("aliases", [])) + [
                f for w in _stems(entry.words("nisba", [])) for f in _inflect(w, infl)]:
            aliases.setdefault(alias, {}).setdefault(key, where)
    for e in imported:
        for alias in _stems(e.words("aliases", [])):
            aliases.setdefault(alias, {}).setdefault(e.text("id"), frozenset())
    groups: dict[str, _Group] = {}
    for key, f in info.items():
        if f["category"] not in CATEGORIES:
            raise DataError(f"group {key!r} has no valid category", source=_DATA)
        gid = None if key.startswith("#") else key
        groups[key] = _Group(gid, f["name"], str(f["category"]),
                             str(f["country"]).upper() if f["country"] else None,
                             bool(f.get("national")))
    table = PhraseSet.build((alias, tuple((groups[k], w) for k, w in cands.items()))
                            for alias, cands in aliases.items())
    return table, {g.id: g.name for g in groups.values() if g.id and g.name}, armies


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    """The compiled subject lexicon (cached)."""
    data = load_data(_DATA)
    inflection = data.section("inflection")
    infl = {k: inflection.words(k) for k in inflection.keys_of(("suffixes", "nisba", "ta_marbuta"))}
    heads: list[tuple[str, str]] = []
    categories = data.section("categories")
    for category in categories.keys_of(CATEGORIES):
        lists = categories.section(category)
        heads += [(w, category) for w in _accusative(_stems(lists.words("other", [])))]
        heads += [(f, category) for w in _stems(lists.words("singular", []))
                  for f in _inflect(w, infl)]
    groups, names, armies = _group_table(data, infl)

    def words(key: str, nouns: bool = False) -> frozenset[str]:
        found = _stems(data.words(key, []))
        return frozenset(_accusative(found) if nouns else found)

    return _Tables(PhraseSet.build(heads), groups, words("members", True),
                   words("transparent", True), words("stops"), words("bridges"), words("patrons"),
                   _clitic("accusative_suffix"), names, armies)


def affiliation_name(affiliation: str) -> str | None:
    """English name of an affiliation id ("sna" -> "Syrian National Army", "tr-army" ->
    "Turkey army"), or None."""
    name = _tables().names.get(affiliation)
    if name is None and affiliation.endswith(("-army", "-police")):
        iso, _, body = affiliation.partition("-")
        country = nationality.country_name(iso)
        name = f"{country} {body}" if country else None
    return name


def _pick(cands: _Candidates, where: str | None) -> _Group:
    """The candidate group for ``where``: one listing it, else one valid anywhere, else the first."""
    if where:
        for g, w in cands:
            if where.upper() in w:
                return g
    return next((g for g, w in cands if not w), cands[0][0])


def _has(tok: Token, words: frozenset[str]) -> bool:
    return not words.isdisjoint(tok.stems)


def _country(tok: Token, prev: Token | None, after_head: bool) -> str | None:
    """ISO2 of a nationality adjective, or of a country name spelled as the accusative
    adjective of the accusative head right before it ("مقاتلا سوريا")."""
    iso = nationality.country_of(tok.text)
    if iso is None and after_head and prev is not None:
        acc = _tables().accusative
        if prev.text.endswith(acc) and tok.text.endswith(acc):
            iso = nationality.country_names().get(tok.text)
    return iso


@dataclass
class _Scan:
    category: str | None = None
    fixed: bool = False
    country: str | None = None
    group: _Group | None = None
    affiliation: str | None = None
    ethnicity: str | None = None
    found: bool = False


_STOP = -1  # a reading step's answer: the phrase ends here


@dataclass
class _Reading:
    """A phrase being read by :func:`_scan`: what it found so far (``scan``), whether a patron
    word came (nothing after it counts) and the index just after the last head, victim word or
    adjective (``head_end``)."""

    toks: Sequence[Token]
    where: str | None
    context: bool
    t: _Tables
    scan: _Scan
    patron: bool = False
    head_end: int = -1


def _bridge(r: _Reading, i: int) -> int | None:
    """A stop word ends the phrase; bridge words go on only into a group ("القيادي في حزب
    الله"): the index of that group."""
    toks, t = r.toks, r.t
    if not (_has(toks[i], t.stops) or _has(toks[i], t.bridges)):
        return None
    j = i
    while j < len(toks) and _has(toks[j], t.bridges):
        j += 1
    if r.context or j == i or j >= len(toks) or t.groups.match_at(toks, j) is None:
        return _STOP
    return j


def _patron(r: _Reading, i: int) -> int | None:
    """A patron word ("موالين") is skipped, and nothing after it counts; in ``context`` mode a
    definite word is skipped too."""
    tok = r.toks[i]
    if not (_has(tok, r.t.patrons) or (r.context and has_article(tok))):
        return None
    r.patron = r.patron or _has(tok, r.t.patrons)
    return i + 1


def _group_at(r: _Reading, i: int) -> int | None:
    """A group (longest alias) gives the affiliation and, unless a head fixed it, the category;
    adjectives after a named group are its own, after a generic force they name it."""
    hit = None if r.context or r.patron else r.t.groups.match_at(r.toks, i)
    if hit is None:
        return None
    toks, s = r.toks, r.scan
    n, cands = hit
    g = _pick(cands, r.where)
    i += n
    s.found = True
    if not s.fixed:
        s.category, s.fixed = g.category, True
    if g.id is not None and s.group is None:
        s.group, s.affiliation = g, g.id
        while i < len(toks) and (nationality.country_of(toks[i].text)
                                 or nationality.ethnicity_of(toks[i].text)):
            i += 1
    elif g.national and i < len(toks) and (iso := nationality.country_of(toks[i].text)):
        i += 1
        s.country = s.country or iso
        if s.affiliation is None and (body := STATE_FORCES.get(g.category)):
            s.affiliation = (r.t.armies.get(iso) if body == "army" else None) \
                or f"{iso.lower()}-{body}"
    return i


def _head_at(r: _Reading, i: int) -> int | None:
    """A head noun: the first that is neither ``unknown`` nor a member noun fixes the category;
    member nouns yield to a later group or head."""
    head = r.t.heads.match_at(r.toks, i)
    if head is None:
        return None
    s = r.scan
    n, category = head
    s.found = True
    r.head_end = i + n
    member = category == "unknown" or _has(r.toks[i], r.t.members)
    if not s.fixed:
        if not member:
            s.category, s.fixed = str(category), True
        elif s.category is None or s.category == "unknown":
            s.category = str(category)
    return i + n


def _transparent(r: _Reading, i: int) -> int | None:
    """A victim word ("قتيلاً", "آخرين") is skipped."""
    if not _has(r.toks[i], r.t.transparent):
        return None
    r.head_end = i + 1
    return i + 1


def _other_word(r: _Reading, i: int) -> int:
    """A nationality (or country name as an adjective) gives the country, an ethnic word the
    ethnicity; a phrase opening with a word naming no people ends ("صواريخ أطلقها الحوثيون")."""
    toks, s = r.toks, r.scan
    tok, prev = toks[i], toks[i - 1] if i else None
    iso = None if r.patron else _country(tok, prev, r.head_end == i)
    if iso is not None:
        s.found = True
        r.head_end = i + 1
        s.country = s.country or iso
    elif not r.patron and (eth := nationality.ethnicity_of(tok.text)) is not None:
        s.found = True
        s.ethnicity = s.ethnicity or eth
    elif not r.context and r.head_end < 0 and not s.found \
            and not _has(tok, persons().partitive):
        return _STOP
    return i + 1


_READING_STEPS: tuple[Callable[[_Reading, int], int | None], ...] = (
    _bridge, _patron, _group_at, _head_at, _transparent, _other_word)
"""What :func:`_scan` tries at each word, in this order: the first that applies (returns the
next index, or :data:`_STOP`) reads it."""


_BREAK = re.compile(r"[\u060c\u061b,;:!?\u061f()\[\]\n.]")  # quotes may wrap a name: not a cut
_DIGIT = re.compile(r"\d")


def _scan(toks: Sequence[Token], where: str | None, context: bool = False) -> _Scan:
    """Read a cut phrase left to right (see the module docstring); ``context`` mode takes only
    indefinite nouns and no groups."""
    r = _Reading(toks, where, context, _tables(), _Scan())
    i = 0
    while i < len(toks) and not _DIGIT.search(toks[i].text):
        nxt: int | None = None
        for step in _READING_STEPS:
            nxt = step(r, i)
            if nxt is not None:
                break
        if nxt is None or nxt == _STOP:
            break
        i = nxt
    s = r.scan
    if s.country is None and s.group is not None and s.group.category in STATE_FORCES:
        s.country = s.group.country
    return s


def _cut(norm: str) -> str:
    """The phrase up to its first punctuation mark."""
    m = _BREAK.search(norm)
    return norm[:m.start()] if m else norm


SCANS_KEPT = 4096  #: subject phrases and contexts whose reading is remembered (they repeat)


@lru_cache(maxsize=SCANS_KEPT)
def _subject_scan(text: str, where: str | None) -> _Scan:
    """The reading of a subject phrase (remembered: not to be modified)."""
    return _scan(tokenize(_cut(normalize_string(text))), where)


@lru_cache(maxsize=SCANS_KEPT)
def _from_context(context: str, where: str | None) -> _Scan:
    """The reading of a claim's evidence text (remembered: not to be modified)."""
    norm = normalize_string(context)
    counts = [c for c in find_counts(norm) if c.kind == "count"]
    if not counts:
        return _scan(tokenize(_cut(norm)), where, context=True)
    first = counts[0]
    after = _scan(tokenize(_cut(norm[first.start if first.noun else first.end:])), where)
    if after.found:
        return after
    before = _BREAK.split(norm[:first.start])[-1]
    return _scan(tokenize(before), where, context=True)


def classify_subject(text: str | None, context: str | None = None, *,
                     where: str | None = None) -> SubjectInfo:
    """Category, nationality, affiliation and ethnicity of a subject phrase (original spelling,
    or None); ``context`` (the claim's evidence text) fills what the phrase leaves open and
    ``where`` (ISO2 of the claim's place) resolves ambiguous force names."""
    s = _subject_scan(text, where) if text else _Scan()
    category, country, affiliation, ethnicity = s.category, s.country, s.affiliation, s.ethnicity
    if context and (category in (None, "unknown") or not s.found):
        c = _from_context(context, where)
        category = c.category if c.category not in (None, "unknown") else category
        affiliation = affiliation if s.found else c.affiliation
        country, ethnicity = country or c.country, ethnicity or c.ethnicity
    return SubjectInfo(category or "unknown", country, affiliation, ethnicity)
