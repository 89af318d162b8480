"""Place mentions of a document: gazetteer hits (see :mod:`rasd.geo.gazetteer`) resolved to one
reading each by the article's context (see :mod:`rasd.geo.resolve`: other places, dateline,
outlet; nationality adjectives dropped), plus names the gazetteer does not know when a place noun
introduces them ("جبهة الجفينة", "قرية مالاري"), and a country's territories named by a place noun
and a nationality adjective ("داخل الأراضي السورية", "في 13 محافظة تركية").

Unknown names carry no coordinates (``name`` None): they still tell an analyst where, and the
claim keeps its span.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from rasd.extractor.lexicon import attribution, has_stem, persons, triggers
from rasd.extractor.place_sets import COUNTRY_REGION
from rasd.geo.gazetteer import Gazetteer
from rasd.geo.resolve import adjectives_in, resolve_places
from rasd.lang.ar import load_data, load_lines, normalized_words
from rasd.model import Document, NormOffset, PlaceMention, Token
from rasd.text.tokens import (
    has_article,
    has_preposition,
    is_definite,
    starts_with_conjunction,
    stems,
    without_article,
    word_starts,
)

MIN_NAME_LETTERS = 3
_GAP = re.compile(r"[^ \t]")  # only spaces may join a place noun and its name


@dataclass(frozen=True)
class _UnknownNames:
    descriptors: dict[str, int]   # normalized noun -> precision
    compound_heads: frozenset[str]
    stopwords: frozenset[str]
    bad_endings: tuple[str, ...]
    lists: frozenset[str]
    demonstratives: frozenset[str]
    descriptor_pattern: re.Pattern[str]
    resumptive: frozenset[str]
    directions: frozenset[str]
    clause_verbs: frozenset[str]
    locatives: frozenset[str]  # "في", "قرب": a place noun after one is where


@lru_cache(maxsize=1)
def _unknown_names() -> _UnknownNames:
    data = load_data("locatives.yaml")
    levels = data.section("unknown_name_descriptors")
    descriptors = dict.fromkeys(levels.words("town"), 1)
    descriptors.update(dict.fromkeys(levels.words("area"), 2))
    stop = set(normalized_words(load_lines("place_stopwords.txt")))
    stop.update(data.words("not_names"))
    return _UnknownNames(descriptors, frozenset(data.words("compound_heads")),
                         frozenset(stop),
                         tuple(data.words("not_name_endings")),
                         frozenset(data.words("list_descriptors")),
                         frozenset(data.words("demonstratives")),
                         re.compile("|".join(sorted(map(re.escape, descriptors), key=len,
                                                    reverse=True))),
                         frozenset(data.words("resumptive")),
                         frozenset(data.words("directions")),
                         frozenset(data.words("clause_verbs")),
                         frozenset(data.words("prepositions")))


def _nameable(tok: Token, names: _UnknownNames, first: bool = False,
              located: bool = False) -> bool:
    """Whether a word can be (part of) an unknown place name; the ``first`` word, definite
    after the bare descriptor, may end like an adjective ("حي الأشرفية": the construct names
    it; "حي سكنية" would be indefinite); after a place noun that is ``located`` ("في منطقة",
    "بمنطقة") it may begin like a preposition ("في منطقة برزة", "قرية كبيسة"; not "استهداف
    مدينة بغاز")."""
    if len(tok.text) < MIN_NAME_LETTERS or not tok.text.isalpha():
        return False
    if any(s in names.descriptors or s in names.stopwords for s in tok.stems):
        return False
    if tok.text.endswith(names.bad_endings) and not (first and has_article(tok)):
        return False
    if has_preposition(tok) and not has_stem(tok, names.compound_heads) and not located:
        return False  # "مدينة بغاز"
    if _preposition_before_article(tok):  # "مخيم للطوارئ": a camp for emergencies
        return False
    if starts_with_conjunction(tok):  # "مدينة ... والأعمال": a new conjunct, not a name
        return False
    lex = attribution()
    return not (has_stem(tok, lex.stops) or has_stem(tok, lex.verbs) or triggers().entries.contains(tok)
                or has_stem(tok, persons().plural) or has_stem(tok, persons().singular))


def _preposition_before_article(tok: Token) -> bool:
    """Whether a definite word carries a preposition glued to its article ("للطوارئ",
    "وللنازحين"), which :func:`has_preposition` does not see."""
    word = tok.text[1:] if starts_with_conjunction(tok) and len(tok.text) > 1 else tok.text
    return is_definite(tok) and without_article(word) == word


RESUMPTIVE_REACH = 2  # "منطقة ينشط فيها": the pronoun that points back to the place noun


def _opens_relative_clause(toks: Sequence[Token], k: int, names: _UnknownNames) -> bool:
    """Whether the word after a place noun opens a clause about it ("منطقة ينشط فيها تنظيم",
    "منطقة تسيطر عليها قوات", "منطقة تحمل الاسم نفسه") rather than naming it: a resumptive
    pronoun follows closely, or the word is a verb that describes places."""
    return has_stem(toks[k], names.clause_verbs) or any(
        has_stem(toks[j], names.resumptive)
        for j in range(k + 1, min(k + 1 + RESUMPTIVE_REACH, len(toks))))


def _unknown_places(doc: Document, known: list[PlaceMention]) -> list[PlaceMention]:
    names = _unknown_names()
    covered_starts = [p.start for p in known]  # known mentions: in order, never overlapping

    def covered(pos: int) -> bool:
        k = bisect.bisect_right(covered_starts, pos) - 1
        return k >= 0 and pos < known[k].end

    toks = doc.tokens
    out: list[PlaceMention] = []
    keys = names.descriptors.keys()
    starts = word_starts(toks, doc.norm)[0]
    # a descriptor stem is a substring of its token: look only at tokens holding one
    hits = sorted({bisect.bisect_right(starts, m.start()) - 1
                   for m in names.descriptor_pattern.finditer(doc.norm)})
    for i in hits:
        if i < 0 or i >= len(toks) - 1:
            continue
        tok = toks[i]
        if keys.isdisjoint(tok.stems):
            continue
        precision = next((names.descriptors[s] for s in tok.stems if s in names.descriptors), None)
        if precision is None or covered(tok.start) or is_definite(tok):
            continue  # "المنطقة المتعددة", "المدينة زيادة": a definite noun names no place after it
        nxt = toks[i + 1]
        located = has_preposition(tok) or i > 0 and has_stem(toks[i - 1], names.locatives)
        if _GAP.search(doc.norm, tok.end, nxt.start) \
                or not _nameable(nxt, names, first=True, located=located) \
                or _opens_relative_clause(toks, i + 1, names):
            continue
        if covered(nxt.start):
            continue
        end = nxt.end
        if has_stem(nxt, names.compound_heads) and i + 2 < len(toks) and not _GAP.search(
                doc.norm, nxt.end, toks[i + 2].start):
            end = toks[i + 2].end
        start = NormOffset(tok.start + (len(tok.text) - len(tok.stems[-1]))) if tok.stems[-1] in \
            names.descriptors else tok.start
        out.append(PlaceMention(start, end, doc.norm[start:end], None, None, None, None, precision,
                                "unknown"))
    return out


def _with_conjoined_directions(doc: Document, places: list[PlaceMention]) -> list[PlaceMention]:
    """Widen a mention opening with "و" + a direction over the direction before it ("غرب وشمال
    حلب", "شمال وشرق سوريا"): both sides of the same place."""
    directions = _unknown_names().directions
    starts = word_starts(doc.tokens, doc.norm)[0]
    out = []
    for p in places:
        k = bisect.bisect_right(starts, p.start) - 1
        if 0 < k < len(doc.tokens):
            tok, prev = doc.tokens[k], doc.tokens[k - 1]
            if starts_with_conjunction(tok) and p.start == tok.start + 1 \
                    and has_stem(tok, directions) and has_stem(prev, directions) \
                    and not _GAP.search(doc.norm, prev.end, tok.start):
                p = replace(p, start=prev.start, text=doc.norm[prev.start:p.end])
        out.append(p)
    return out


def _not_after_demonstrative(doc: Document, places: list[PlaceMention]) -> list[PlaceMention]:
    """Drop mentions right after a demonstrative ("تلك القريتين" names no town)."""
    words = _unknown_names().demonstratives
    starts = word_starts(doc.tokens, doc.norm)[0]
    out = []
    for p in places:
        k = bisect.bisect_left(starts, p.start)
        if not (0 < k <= len(doc.tokens) and doc.tokens[k - 1].text in words):
            out.append(p)
    return out


def _with_listed_names(doc: Document, places: list[PlaceMention]) -> list[PlaceMention]:
    """Widen a mention opened by a plural or dual place noun over an unknown name joined to it
    by "و" ("قرى مشرعة وحدنان": the villages of Mashra'a and Hadnan)."""
    names = _unknown_names()
    starts = word_starts(doc.tokens, doc.norm)[0]
    taken = {p.start for p in places}
    out: list[PlaceMention] = []
    for p in places:
        k = bisect.bisect_left(starts, p.start)
        if k < len(doc.tokens) and has_stem(doc.tokens[k], names.lists):
            j = bisect.bisect_left(starts, p.end)
            if j < len(doc.tokens) and not _GAP.search(doc.norm, p.end, doc.tokens[j].start):
                nxt = doc.tokens[j]
                if starts_with_conjunction(nxt) and nxt.start not in taken \
                        and _nameable_conjunct(nxt, names):
                    p = replace(p, end=nxt.end, text=doc.norm[p.start:nxt.end])
        out.append(p)
    return out


def _nameable_conjunct(tok: Token, names: _UnknownNames) -> bool:
    """Whether a word glued to "و" is a name (the word without its conjunction is nameable)."""
    bare = tok.stems[-1]
    return len(bare) >= MIN_NAME_LETTERS and bare.isalpha() and not any(
        s in names.descriptors or s in names.stopwords for s in tok.stems) \
        and not triggers().entries.contains(tok)


@lru_cache(maxsize=1)
def _territory_nouns() -> tuple[frozenset[str], frozenset[str]]:
    data = load_data("locatives.yaml")
    return frozenset(data.words("territory_plurals")), frozenset(data.words("territory_singulars"))


def _territories(doc: Document, known: list[PlaceMention]) -> list[PlaceMention]:
    """A place noun and a nationality adjective that agrees with it ("الأراضي السورية", "13
    محافظة تركية", "مدن سعودية"): a mention of the country, from the noun (after a locative
    clitic: "بالأراضي") to the adjective. Not a definite singular noun ("المدينة السورية" names
    back a town) nor one a known place already covers."""
    plurals, singulars = _territory_nouns()
    starts = word_starts(doc.tokens, doc.norm)[0]
    taken = [(p.start, p.end) for p in known]
    out = []
    for start, end, iso in adjectives_in(doc.norm):
        k = bisect.bisect_left(starts, start)
        if k == 0 or k >= len(doc.tokens) or doc.tokens[k].start != start:
            continue
        noun = doc.tokens[k - 1]
        if _GAP.search(doc.norm, noun.end, start) \
                or is_definite(noun) != is_definite(doc.tokens[k]):
            continue  # "منطقة السودانية": a noun and a name, not a noun and its adjective
        stem = max((w for w in noun.stems if noun.text.endswith(w)
                    and (w in plurals or (w in singulars and not is_definite(noun)))),
                   key=len, default=None)
        if stem is None:
            continue
        first = noun.end - len(stem)
        if any(a < end and first < b for a, b in taken):
            continue
        country = Gazetteer.default().country(iso)
        if country is not None:
            out.append(PlaceMention(NormOffset(first), NormOffset(end), doc.norm[first:end],
                                    country.name_en, iso, country.lat, country.lon, 3, "country"))
    return out


REGION_PRECISION = 3  # "جنوب شرق البلاد": a region of a country, as vague as a province


@lru_cache(maxsize=1)
def _region_words() -> tuple[frozenset[str], frozenset[str]]:
    """The word for the country spoken of ("البلاد") and the directions and middle before it."""
    data = load_data("locatives.yaml")
    return (frozenset(data.words("country_word")),
            _unknown_names().directions | frozenset(data.words("middle")))


@lru_cache(maxsize=1)
def _capital_nouns() -> frozenset[str]:
    return frozenset(normalized_words(load_data("locatives.yaml").words("capital_nouns")))


def names_a_party(doc: Document, starts: Sequence[int], place: PlaceMention) -> bool:
    """Whether a place is the party someone is loyal to or backed by ("الموالين لدمشق",
    "المدعومة من أنقرة"; ``locatives.yaml`` allegiance), not where anything happened: glued to a
    lam right after such a word, or after it and "من" (``starts``: the tokens' starts)."""
    i = bisect.bisect_right(starts, place.start) - 1
    toks, words = doc.tokens, _party_words()
    if i < 1 or i >= len(toks):
        return False
    if toks[i].start < place.start:  # a clitic glued before the place: "لدمشق"
        return doc.norm[toks[i].start:place.start] in words["party_lam"] \
            and has_stem(toks[i - 1], words["allegiance"])
    return i > 1 and has_stem(toks[i - 1], words["party_links"]) \
        and has_stem(toks[i - 2], words["allegiance"])


def names_an_origin(doc: Document, starts: Sequence[int], place: PlaceMention) -> bool:
    """Whether a place is where people come from ("وهما من محافظة صعدة", "وهم من سكان غزة") or
    were born ("من مواليد الشيشان"; ``locatives.yaml`` origin_pronouns, origin_links,
    belonging, birth), not where anything happened."""
    i = bisect.bisect_left(starts, place.start)
    toks, words = doc.tokens, _party_words()
    if i >= 1 and has_stem(toks[i - 1], words["birth"]) or i >= 2 \
            and has_stem(toks[i - 1], words["birth_links"]) and has_stem(toks[i - 2], words["birth"]):
        return True  # "من مواليد الشيشان", "مولود في الشيشان": born there
    if i >= 2 and has_stem(toks[i - 1], words["belonging"]):
        i -= 1  # "من سكان غزة"
    return i >= 2 and has_stem(toks[i - 1], words["origin_links"]) \
        and toks[i - 2].text in words["origin_pronouns"]


@lru_cache(maxsize=1)
def _party_words() -> dict[str, frozenset[str]]:
    data = load_data("locatives.yaml")
    return {key: frozenset(normalized_words(data.words(key)))
            for key in ("allegiance", "party_lam", "party_links", "origin_pronouns",
                        "origin_links", "belonging", "birth", "birth_links")}


def _country_regions(doc: Document, known: list[PlaceMention]) -> list[PlaceMention]:
    """Directions of "البلاد" ("في جنوب شرق البلاد", "بشمال البلاد", "وسط البلاد"): a region of
    the last country a known place before it lies in (none when no place before has one)."""
    country_word, sides = _region_words()
    toks = doc.tokens
    known_starts = [p.start for p in known]
    token_starts = word_starts(toks, doc.norm)[0]
    out = []
    for k, tok in enumerate(toks):
        if k == 0 or tok.text not in country_word or not is_definite(tok):
            continue
        j = k - 1
        while j >= 0 and k - j <= 2 and has_stem(toks[j], sides) \
                and not _GAP.search(doc.norm, toks[j].end, toks[j + 1].start):
            j -= 1
        if j == k - 1:
            continue
        first = toks[j + 1]
        stem = max((w for w in first.stems if first.text.endswith(w) and w in sides),
                   key=len, default=None)
        if stem is None:
            continue
        i = bisect.bisect_left(known_starts, first.start)
        country = next((p.country for p in reversed(known[:i])
                        if p.country and not names_a_party(doc, token_starts, p)), None)
        entry = Gazetteer.default().country(country) if country else None
        if entry is None:
            continue
        start = NormOffset(first.end - len(stem))
        if i < len(known) and known[i].start < tok.end or i and known[i - 1].end > start:
            continue  # a known place already covers it
        out.append(PlaceMention(start, tok.end, doc.norm[start:tok.end], entry.name_en, country,
                                entry.lat, entry.lon, REGION_PRECISION, COUNTRY_REGION))
    return out


def _capitals_named(doc: Document, known: list[PlaceMention]) -> list[PlaceMention]:
    """A country mention opened by a capital noun ("بالعاصمة السعودية", "العاصمة العراقية") is
    that country's capital city (its name, region and coordinates)."""
    nouns = _capital_nouns()
    gaz = Gazetteer.default()
    out = []
    for p in known:
        if p.kind != "country" or p.country is None or not p.text.split() \
                or nouns.isdisjoint(stems(p.text.split()[0])):
            out.append(p)
            continue
        city = gaz.capital(p.country)
        out.append(p if city is None else replace(
            p, name=city.name_en, lat=city.lat, lon=city.lon, precision=city.precision,
            kind="city", admin1=gaz.admin1_name(city)))
    return out


def find_places(doc: Document) -> Document:
    """Stage: every place mentioned in the text, in order (none sought in a document that can
    hold no claim, :attr:`Document.claimless`)."""
    if doc.claimless:
        return doc
    body_start = doc.norm_title_end + 1 if doc.title_end else 0
    known = resolve_places(Gazetteer.default().find_matches(doc.norm), doc.norm, doc.outlet,
                           body_start=body_start, text_of=doc.original)
    known = _capitals_named(doc, known)
    known = sorted(known + _territories(doc, known), key=lambda p: p.start)
    known = sorted(known + _country_regions(doc, known), key=lambda p: p.start)
    places = sorted(known + _unknown_places(doc, known), key=lambda p: p.start)
    places = _not_after_demonstrative(doc, _with_listed_names(doc, places))
    places = _with_conjoined_directions(doc, places)
    return doc.with_(places=tuple(places))
