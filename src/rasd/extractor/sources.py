"""Source resolution: what a speaker phrase stands for ("مدير المرصد رامي عبد الرحمن" -> sohr).

:func:`resolve_source` maps a speaker phrase as written in an article (diacritics, clitics,
trailing words and quotes allowed) to a :class:`SourceInfo`: its kind, a canonical id shared by
every way of naming the same source, an English name, and for titled persons their role and the
body or country they speak for. The words live in ``lang/ar/data``: ``sources.yaml`` (canonical
sources, their aliases and spokespeople, generic head words, anonymous heads),
``titles.yaml`` (titles, offices and state bodies) and ``nationalities.yaml`` (via
:mod:`rasd.extractor.nationality`).

Resolution, on the normalized phrase and its clitic-free token stems:

1. a known alias, the longest anywhere in the phrase ("للمرصد", "وكالة "الأناضول""); a title
   before it gives the role ("المتحدث باسم الجيش الإسرائيلي" -> idf, spokesperson); an alias
   followed by another country's adjective is rejected ("المرصد العراقي" is not sohr);
2. titles and state bodies with a nationality adjective or country name: "وزير الخارجية الروسي"
   -> government, role "foreign minister", id ``ru-mfa`` (``<iso2>-<body>``, or the id of the
   ``sources.yaml`` entry with that country and body), country and affiliation RU;
3. anonymous heads ("مصدر أمني", "شهود عيان") -> anonymous, id None; when an organization or
   state body follows ("مسؤول في الأمم المتحدة") it becomes the affiliation;
4. generic head words (وزارة, القوات, وكالة, منظمة, بعثة, حركة ...) -> their kind, id None
   (heads of parties, companies, hospitals give kind ``organization``); a country or capital
   name alone ("موسكو") -> that country's government (``ru-government``);
5. otherwise (unknown names, pronouns, stray words) kind ``person``, id None: in news text an
   unresolved speaker phrase is mostly a person's name, often a bare family name referring back
   to someone introduced earlier. Phrases made only of statement words ("البيان") get kind
   ``unknown``; an empty phrase too.

``affiliation``: for a titled person the ISO2 country when the body is a state body (a source
with a ``body``, or a composed id), else the organization id; for an anonymous source the id of
the body it is in, or an ethnicity id ("مصادر كردية" -> kurdish); otherwise None.

Users extend the aliases with a YAML file of the ``sources.yaml`` schema, the
``sources_file`` of the active :class:`~rasd.settings.Settings` (from the environment variable
``RASD_SOURCES`` at the command line and the API): entries with a known id add aliases, exact
forms and people and override other fields, new ids are added, the word lists are extended.
Results are cached per (phrase, country hint, sources file); call :func:`clear_cache` after
editing that file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from rasd.errors import DataError
from rasd.extractor.lexicon import PhraseSet, V
from rasd.extractor.nationality import country_name, country_names, tables
from rasd.lang.ar import Section, load_data
from rasd.model import Token
from rasd.settings import active
from rasd.text.normalize import normalize_string
from rasd.text.tokens import tokenize

ENV_VAR = "RASD_SOURCES"
ORG_KINDS = ("government", "military", "media", "monitor", "international", "armed_group")
HEAD_KINDS = (*ORG_KINDS, "organization")  #: the kinds a generic head word gives
_SLUG = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """What a speaker phrase resolves to (see the module docstring)."""

    kind: str
    id: str | None = None
    name: str | None = None
    role: str | None = None
    affiliation: str | None = None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class _Entry:
    """A known source of ``sources.yaml``."""

    id: str
    name: str | None
    kind: str
    country: str | None
    body: str | None      # a state body (with a country): its people speak for the country


@dataclass(frozen=True, slots=True)
class _Title:
    """A title of ``titles.yaml``: the role it names, the kind and body of its holder, whether
    a country's adjective composes an id (``ru-mfa``)."""

    role: str
    kind: str | None
    body: str | None
    compose: bool
    prefix: str = ""      # a modifier's role ("deputy")


@dataclass(frozen=True, slots=True)
class _Body:
    """A state body of ``titles.yaml`` (``mfa``: its English name, kind and minister's role)."""

    slug: str
    name: str
    kind: str
    minister: str | None


@dataclass(frozen=True, slots=True)
class _Word:
    """A statement word of ``sources.yaml``: its segment type (anonymous | head | carrier) and
    value (the source kind it implies)."""

    type: str
    value: str


class _Seg(NamedTuple):
    """A recognized stretch of the phrase: token start, token count, type and value (a
    :class:`_Title` for "title", a :class:`_Body` for "body", else a kind or an ISO2/ethnicity
    code)."""

    start: int
    n: int
    type: str      # title | body | anonymous | head | carrier | name | nat | eth
    value: _Title | _Body | str

    @property
    def end(self) -> int:
        return self.start + self.n

    @property
    def title(self) -> _Title:
        """The title of a "title" segment."""
        if not isinstance(self.value, _Title):
            raise TypeError(f"a {self.type} segment holds no title")
        return self.value

    @property
    def body(self) -> _Body:
        """The state body of a "body" segment."""
        if not isinstance(self.value, _Body):
            raise TypeError(f"a {self.type} segment holds no body")
        return self.value

    @property
    def word(self) -> str:
        """The kind or code a segment other than a title or body carries."""
        if not isinstance(self.value, str):
            raise TypeError(f"a {self.type} segment holds no word")
        return self.value


@dataclass(frozen=True, slots=True)
class _Alias:
    """A known source an alias names, with the person's role when the alias names one."""

    entry: _Entry
    role: str | None = None
_Scanner = PhraseSet[_Title] | PhraseSet[_Body] | PhraseSet[_Word] | PhraseSet[str]


@dataclass(frozen=True)
class _Lexicon:
    aliases: PhraseSet[_Alias]
    exact: PhraseSet[_Alias]
    scanners: tuple[tuple[str, _Scanner], ...]
    modifiers: PhraseSet[str]    # -> role prefix
    titles: PhraseSet[_Title]
    nat: PhraseSet[str]          # nationality adjective -> ISO2
    bodies: dict[str, _Body]
    by_body: dict[tuple[str, str], _Entry]
    name_body: str | None


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """``extra`` (a user file) merged over the bundled data."""
    entries: dict[str, dict[str, Any]] = {e["id"]: dict(e) for e in base.get("sources") or ()}
    for e in extra.get("sources") or ():
        if not isinstance(e, dict) or "id" not in e:
            raise DataError(f"source entry without an id: {e!r}", source=ENV_VAR)
        cur = entries.setdefault(e["id"], {})
        for key, val in e.items():
            if key in ("aliases", "exact"):
                cur[key] = list(cur.get(key) or ()) + list(val or ())
            elif key in ("people", "exact_people"):
                cur[key] = {**(cur.get(key) or {}), **(val or {})}
            else:
                cur[key] = val
    out = dict(base, sources=list(entries.values()),
               anonymous=list(base.get("anonymous") or ()) + list(extra.get("anonymous") or ()),
               country_name_body=extra.get("country_name_body") or base.get("country_name_body"))
    for key in ("heads", "carriers"):
        merged = {k: list(v or ()) for k, v in (base.get(key) or {}).items()}
        for k, v in (extra.get(key) or {}).items():
            merged[k] = merged.get(k, []) + list(v or ())
        out[key] = merged
    return out


def _read_user_file(path: str) -> dict[str, Any]:
    """The ``RASD_SOURCES`` file, or a DataError naming it."""
    try:
        with Path(path).open("r", encoding="utf-8") as fh:
            data = yaml.safe_load(fh) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DataError(f"cannot read user sources file: {exc}", source=path) from exc
    if not isinstance(data, dict):
        raise DataError("user sources file must be a mapping with a 'sources' list", source=path)
    return data


def _entry(raw: Section) -> _Entry:
    eid = raw.text("id", "")
    if not _SLUG.match(eid):
        raise raw.error("id", f"{eid!r} is not an ASCII slug")
    country = raw.raw("country", None) and raw.text("country")
    return _Entry(eid, raw.raw("name", None) and raw.text("name"), raw.choice("kind", ORG_KINDS),
                  country.upper() if country else None, raw.raw("body", None) and raw.text("body"))


def _phrases(items: Iterable[tuple[str, V]]) -> PhraseSet[V]:
    """A PhraseSet where a later duplicate wins (user entries override bundled ones)."""
    table: dict[tuple[str, ...], tuple[str, V]] = {}
    for text, value in items:
        key = tuple(normalize_string(text).split())
        if key:
            table[key] = (text, value)
    return PhraseSet.build(table.values())


@lru_cache(maxsize=1)
def _titles_lexicon() -> tuple[PhraseSet[_Title], PhraseSet[str], PhraseSet[_Body],
                               dict[str, _Body]]:
    """Titles, modifiers, body words and bodies by slug from ``titles.yaml``."""
    data = load_data("titles.yaml")
    titles = _phrases((w, _Title(t.text("role"), t.raw("kind", None) and t.choice("kind", ORG_KINDS),
                                 t.raw("body", None) and t.text("body"), t.flag("compose", False)))
                      for t in data.sections("titles") for w in t.words("words"))
    modifiers = _phrases((w, m.text("role")) for m in data.sections("modifiers")
                         for w in m.words("words"))
    bodies = {b.text("body"): _Body(b.text("body"), b.text("name"), b.choice("kind", ORG_KINDS),
                                    b.raw("minister", None) and b.text("minister"))
              for b in data.sections("bodies")}
    body_words = _phrases((w, bodies[b.text("body")]) for b in data.sections("bodies")
                          for w in b.words("words"))
    return titles, modifiers, body_words, bodies


@lru_cache(maxsize=4)
def _lexicon(user_path: str | None) -> _Lexicon:
    data = load_data("sources.yaml")
    if user_path:
        data = Section.of(_merge(dict(data.data), _read_user_file(user_path)),
                          f"sources.yaml with {user_path}")
    titles, modifiers, body_words, bodies = _titles_lexicon()
    aliases: list[tuple[str, _Alias]] = []
    exact: list[tuple[str, _Alias]] = []
    by_body: dict[tuple[str, str], _Entry] = {}
    for raw in data.sections("sources"):
        e = _entry(raw)
        people, exact_people = raw.section("people", {}), raw.section("exact_people", {})
        aliases += [(a, _Alias(e)) for a in raw.words("aliases", [])]
        aliases += [(p, _Alias(e, people.text(p))) for p in people]
        exact += [(a, _Alias(e)) for a in raw.words("exact", [])]
        exact += [(p, _Alias(e, exact_people.text(p))) for p in exact_people]
        if e.body is not None and e.country is not None \
                and by_body.setdefault((e.country, e.body), e) is not e:
                raise DataError(f"two sources for {e.country}-{e.body}", source="sources.yaml")
    words: list[tuple[str, _Word]] = [(w, _Word("anonymous", "anonymous"))
                                      for w in data.words("anonymous", [])]
    heads, carriers = data.section("heads", {}), data.section("carriers", {})
    words += [(w, _Word("head", k)) for k in heads.keys_of(HEAD_KINDS) for w in heads.words(k, [])]
    words += [(w, _Word("carrier", k)) for k in carriers.keys_of(("anonymous", "unknown"))
              for w in carriers.words(k, [])]
    nat = PhraseSet.build(list(tables().forms.items()))
    scanners: tuple[tuple[str, _Scanner], ...] = (
        ("title", titles),
        ("body", body_words),
        ("word", _phrases(words)),
        ("name", PhraseSet.build(country_names().items())),
        ("nat", nat),
        ("eth", PhraseSet.build(list(tables().ethnic.items()))),
    )
    return _Lexicon(_phrases(aliases), _phrases(exact), scanners, modifiers, titles, nat, bodies,
                    by_body, data.raw("country_name_body", None) and data.text("country_name_body"))


def clear_cache() -> None:
    """Forget loaded data and cached results (after editing the ``RASD_SOURCES`` file)."""
    _lexicon.cache_clear()
    _resolve.cache_clear()


def _best_alias(toks: Sequence[Token], lex: _Lexicon) -> tuple[int, int, _Entry, str | None] | None:
    """Longest alias anywhere (earliest on ties), unless another country's adjective follows."""
    best: tuple[int, int, _Entry, str | None] | None = None
    for i in range(len(toks)):
        hit = lex.aliases.match_at(toks, i)
        if hit is None:
            continue
        n, entry, role = hit[0], hit[1].entry, hit[1].role
        follower = lex.nat.match_at(toks, i + n) if i + n < len(toks) else None
        if entry.country and follower and follower[1] != entry.country:
            continue
        if best is None or n > best[1]:
            best = (i, n, entry, role)
    return best


def _scan_at(toks: Sequence[Token], i: int, limit: int, lex: _Lexicon) -> _Seg | None:
    """Longest title, body, head word, country name or adjective at token ``i``."""
    best: _Seg | None = None
    for typ, table in lex.scanners:
        hit = table.match_at(toks, i, limit)
        if hit is None:
            continue
        value = hit[1]
        if isinstance(value, _Word):  # the "word" scanner: its entry names the segment type
            typ, value = value.type, value.value
        if best is None or hit[0] > best.n:
            best = _Seg(i, hit[0], typ, value)
    mod = lex.modifiers.match_at(toks, i, limit)
    if mod is not None and i + mod[0] < limit:
        title = lex.titles.match_at(toks, i + mod[0], limit)
        if title is not None and (best is None or mod[0] + title[0] >= best.n):
            plain = title[1]
            best = _Seg(i, mod[0] + title[0], "title",
                        replace(plain, role=f"{mod[1]} {plain.role}", prefix=str(mod[1])))
    return best


def _segments(toks: Sequence[Token], lex: _Lexicon, a0: int, a1: int) -> list[_Seg]:
    """Recognized stretches outside the alias span ``[a0, a1)``, left to right."""
    segs: list[_Seg] = []
    i = 0
    while i < len(toks):
        seg = None if a0 <= i < a1 else _scan_at(toks, i, a0 if i < a0 else len(toks), lex)
        if seg is not None:
            segs.append(seg)
        i = a1 if a0 <= i < a1 else (seg.end if seg else i + 1)
    return segs


def _exact_alias(toks: Sequence[Token], lex: _Lexicon
                 ) -> tuple[int, int, _Entry, str | None] | None:
    """An exact alias making up the whole phrase, or all of it after one title or head word."""
    starts = [0]
    lead = _scan_at(toks, 0, len(toks), lex)
    if lead is not None and lead.type in ("title", "head", "body"):
        starts.append(lead.end)
    for p in starts:
        if p < len(toks):
            hit = lex.exact.match_at(toks, p)
            if hit is not None and hit[0] == len(toks) - p:
                return p, hit[0], hit[1].entry, hit[1].role
    return None


def _first(segs: Iterable[_Seg], *types: str) -> _Seg | None:
    return next((s for s in segs if s.type in types), None)


def _role(segs: list[_Seg], lex: _Lexicon, before: int | None = None,
          alias_body: str | None = None) -> str | None:
    """Role of the first title (before token ``before``, where an alias starts); a composing
    title ("وزير") takes the minister role of the body right after it."""
    title = next((s for s in segs if s.type == "title" and (before is None or s.start < before)),
                 None)
    if title is None:
        return None
    value = title.title
    if value.compose:
        nxt = next((s for s in segs if s.start == title.end and s.type == "body"), None)
        slug = nxt.body.slug if nxt else (alias_body if title.end == before else None)
        minister = lex.bodies[slug].minister if slug in lex.bodies else None
        if minister:
            return f"{value.prefix} {minister}".strip()
    return value.role


def _countries(segs: list[_Seg]) -> tuple[str | None, str | None]:
    """(ISO2 from an adjective, else from a country name; ethnicity id)."""
    nat = _first(segs, "nat") or _first(segs, "name")
    eth = _first(segs, "eth")
    return (nat.word if nat else None), (eth.word if eth else None)


def _lead(segs: Iterable[_Seg]) -> _Seg | None:
    """The phrase's head: its first title, body, head word or country name (statement words and
    adjectives are skipped)."""
    return _first(segs, "title", "body", "anonymous", "head", "name")


def _from_alias(segs: list[_Seg], lex: _Lexicon, alias: tuple[int, int, _Entry, str | None]
                ) -> SourceInfo:
    start, _, entry, person_role = alias
    cc, _ = _countries(segs)
    country = entry.country or cc
    lead = _lead(s for s in segs if s.start < start)
    if lead is not None and lead.type == "anonymous":
        return SourceInfo("anonymous", affiliation=entry.id, country=country)
    role = person_role or _role(segs, lex, before=start, alias_body=entry.body)
    affiliation = (entry.country if entry.body and entry.country else entry.id) if role else None
    return SourceInfo(entry.kind, entry.id, entry.name, role, affiliation, country)


def _body_of(segs: list[_Seg], lex: _Lexicon) -> _Body | None:
    """The first state body named: a body word or the body of a title."""
    for s in segs:
        if s.type == "body":
            return s.body
        if s.type == "title" and s.title.body in lex.bodies:
            return lex.bodies[s.title.body]
    return None


def _composed(segs: list[_Seg], lex: _Lexicon, hint: str | None) -> SourceInfo:
    cc, eth = _countries(segs)
    body = _body_of(segs, lex)
    if cc is None and body is not None:
        cc = hint
    lead = _lead(segs)
    if body is None and lead is not None and lead.type == "name":  # "موسكو": its government
        body = lex.bodies.get(lex.name_body or "")
    entry = lex.by_body.get((cc, body.slug)) if cc and body else None
    eid = entry.id if entry else (f"{cc.lower()}-{body.slug}" if cc and body else None)
    if lead is not None and lead.type == "anonymous":
        return SourceInfo("anonymous", affiliation=eid or eth, country=cc)
    role = _role(segs, lex)
    head = _first(segs, "head")
    kind = (entry.kind if entry else None) or (body.kind if body else None) \
        or next((s.title.kind for s in segs if s.type == "title" and s.title.kind), None) \
        or (head.word if head else None) or ("government" if cc and role else "person")
    name = entry.name if entry else (
        f"{body.name} ({country_name(cc) or cc})" if body and cc else (body.name if body else None))
    return SourceInfo(kind, eid, name, role, (cc or eth) if role else None, cc)


def _fallback(segs: list[_Seg]) -> SourceInfo:
    """Kind of the first anonymous or generic head, else of a statement word, else person."""
    cc, eth = _countries(segs)
    first = _first(segs, "anonymous", "head") or _first(segs, "carrier")
    if first is None:
        return SourceInfo("person", country=cc)
    if first.type == "anonymous":
        return SourceInfo("anonymous", affiliation=eth, country=cc)
    return SourceInfo(first.word, country=cc)


@lru_cache(maxsize=65536)
def _resolve(text: str, user_path: str | None, hint: str | None) -> SourceInfo:
    lex = _lexicon(user_path)
    toks = tokenize(normalize_string(text).replace("_", " "))  # hashtags: "#وزارة_الصحة"
    if not toks:
        return SourceInfo("unknown")
    alias = _best_alias(toks, lex) or _exact_alias(toks, lex)
    a0, a1 = (alias[0], alias[0] + alias[1]) if alias else (0, 0)
    segs = _segments(toks, lex, a0, a1)
    if alias is not None:
        return _from_alias(segs, lex, alias)
    if any(s.type in ("title", "body", "name") for s in segs):
        return _composed(segs, lex, hint)
    return _fallback(segs)


def known_names(toks: Sequence[Token]) -> list[tuple[int, int]]:
    """Token ranges ``[start, end)`` of the known sources named in ``toks`` (their aliases;
    overlapping ones merged): "قوات سوريا الديمقراطية", "بعثة الأمم المتحدة في ليبيا"."""
    aliases = _lexicon(active().sources_file).aliases
    out: list[tuple[int, int]] = []
    for i in range(len(toks)):
        hit = aliases.match_at(toks, i)
        if hit is None:
            continue
        end = i + hit[0]
        if out and i < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((i, end))
    return out


@lru_cache(maxsize=4)
def _alias_words(user_path: str | None) -> int:
    """The most words a known name (alias) has."""
    aliases = _lexicon(user_path).aliases
    return max((len(parts) for group in aliases.phrases.values() for parts, _ in group),
               default=1)


def known_name_at(toks: Sequence[Token], k: int) -> bool:
    """Whether token ``k`` lies inside a known source name of ``toks`` (the question
    :func:`known_names` answers for every token, asked for one: only the few words before it
    can open such a name)."""
    return bool(known_names_at(toks, (k,)))


def known_names_at(toks: Sequence[Token], ks: Iterable[int]) -> set[int]:
    """Those of the token indices ``ks`` that :func:`known_name_at` holds true for (the names
    file read once for all)."""
    user = active().sources_file
    aliases = _lexicon(user).aliases
    keys, reach = aliases.keys, _alias_words(user) - 1
    out = set()
    for k in ks:
        for i in range(max(0, k - reach), k + 1):
            if keys.isdisjoint(toks[i].stems):  # opens no name: no call
                continue
            hit = aliases.match_at(toks, i)
            if hit is not None and i + hit[0] > k:
                out.add(k)
                break
    return out


def resolve_source(text: str, *, country: str | None = None) -> SourceInfo:
    """Kind, canonical id, name, role, affiliation and country of a speaker phrase.

    ``country`` (ISO2, optional) is the country the article is about: it is used only for a state
    body or office named without a country ("وزارة الصحة" with PS -> ps-moh); the phrase's own
    nationality adjective or country name always wins."""
    return _resolve(text, active().sources_file, country.upper() if country else None)
