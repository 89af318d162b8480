"""Where a claim happened: the choice among a document's place mentions.

:class:`PlaceChooser` is built once per document and answers for each claim, in this order:

1. **Its sentence.** Places introduced as where something happened ("في X", "بX", "قرب X") come
   first, else places that do not name a state acting (a country or capital name without a
   locative preposition is an actor: "قالت إسرائيل", "ردت موسكو"). Displacement happened where
   people fled from ("من X" right after the figure), returns and deployments where people went
   ("إلى X"). The most specific place wins over a country or province that holds it, then the
   nearest to the figure. Left out: places inside a speaker's name ("المتحدث باسم شرطة ولاية
   غومبيه"), an organization's seat ("ومقره في بريطانيا"), where something was said ("قال في
   مؤتمر صحفي بأنقرة إن"), and places that only locate the place before them ("مدينة غزنة
   الواقعة في جنوب كابول").
2. **A war's cumulative toll** ("منذ بدء الحرب", "منذ 2011"; not a local offensive's "منذ بدء
   الهجوم") is placed in the article's focus country.
3. **Context.** The last locative place of the sentence before or of the paragraph so far.
4. **The article's focus** (:mod:`rasd.extractor.focus`).
"""

from __future__ import annotations

import bisect
from functools import lru_cache
from typing import Iterable

from rasd.extractor.focus import Focus, article_focus, names_actor
from rasd.extractor.lexicon import context, has_stem
from rasd.lang.ar import load_yaml
from rasd.model import Document, PlaceMention, TimeRef
from rasd.text.normalize import normalize_string
from rasd.text.tokens import has_article, word_starts

DIRECTION_REACH = 80  # characters after the figure within which "من X" / "إلى X" say where
# where the event happened: the place fled from, the place people were returned or sent to
DIRECTED_TYPES = {"displaced": "origin", "returned": "destination", "deployed": "destination"}
# a state arrests and releases on its own soil: "باعتقال السعودية نحو 30 رجل دين" is in Saudi
# Arabia, while "إسرائيل قصفت" is not in Israel
HOME_ACTION_TYPES = frozenset({"arrested", "released"})
SPEECH_FRAME_WORDS = 12  # how far after a reporting verb its "أن" may come
BEFORE_WORDS = 2         # "ومقره في لندن": a seat or locator word up to two words before


@lru_cache(maxsize=None)
def _words(key: str) -> frozenset[str]:
    """A word list of ``locatives.yaml``, normalized."""
    return frozenset(normalize_string(w) for w in load_yaml("locatives.yaml")[key])


def since_war(time: TimeRef | None) -> bool:
    """Whether a claim is a cumulative toll of a whole war ("منذ بدء الحرب", "منذ 2011"), not of
    a local operation ("منذ بدء الهجوم")."""
    if time is None or time.precision != "since":
        return False
    return _words("local_operations").isdisjoint(normalize_string(time.text).split())


def _contains_any(p: PlaceMention, others: list[PlaceMention]) -> bool:
    """Whether a country or province ``p`` holds a finer place of ``others``."""
    if not p.country or p.kind not in ("country", "admin1"):
        return False
    return any(o is not p and o.country == p.country and o.precision < p.precision
               and (p.kind == "country" or (o.admin1 is not None and o.admin1 == p.admin1))
               for o in others)


class _Spans:
    """Membership of offsets in a set of ``[start, end)`` spans (sorted starts, running max of
    ends: one bisect per lookup)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.reach: list[int] = []
        for _, b in ordered:
            self.reach.append(max(b, self.reach[-1]) if self.reach else b)

    def __contains__(self, pos: int) -> bool:
        k = bisect.bisect_right(self.starts, pos)
        return k > 0 and pos < self.reach[k - 1]


def _finest(places: list[PlaceMention]) -> list[PlaceMention]:
    """``places`` without the countries and provinces that hold a finer one of them
    (:func:`_contains_any` of each, from the finest precision of each country and province)."""
    country: dict[str, int] = {}
    admin1: dict[tuple[str, str], int] = {}
    for o in places:
        if o.country:
            country[o.country] = min(country.get(o.country, o.precision), o.precision)
            if o.admin1 is not None:
                key = (o.country, o.admin1)
                admin1[key] = min(admin1.get(key, o.precision), o.precision)

    def holds_finer(p: PlaceMention) -> bool:
        if not p.country or p.kind not in ("country", "admin1"):
            return False
        finest = country.get(p.country) if p.kind == "country" else (
            admin1.get((p.country, p.admin1)) if p.admin1 is not None else None)
        return finest is not None and finest < p.precision

    return [p for p in places if not holds_finer(p)]


def _group(p: PlaceMention) -> tuple[str, ...] | None:
    """What a country or province must share with a finer place that it holds (see
    :func:`_contains_any`), or None for the places that hold none."""
    if not p.country or p.kind not in ("country", "admin1"):
        return None
    if p.kind == "country":
        return (p.country,)
    return (p.country, p.admin1) if p.admin1 is not None else None


class _FinestSoFar:
    """``_finest(places)[-1]`` of a growing list of places, each place looked at once: a country
    or province leaves the answer for good once a finer place of it comes."""

    def __init__(self) -> None:
        self.kept: list[PlaceMention] = []   # in order; held ones dropped from the end lazily
        self.held: set[int] = set()          # ids of held places
        self.finest: dict[tuple[str, ...], int] = {}
        self.waiting: dict[tuple[str, ...], dict[int, list[PlaceMention]]] = {}

    def add(self, p: PlaceMention) -> None:
        if p.country:  # p holds nothing but may make earlier ones held
            for key in ((p.country,), (p.country, p.admin1)) if p.admin1 is not None \
                    else ((p.country,),):
                self.finest[key] = min(self.finest.get(key, p.precision), p.precision)
                buckets = self.waiting.get(key, {})
                for precision in [v for v in buckets if v > p.precision]:
                    self.held.update(id(o) for o in buckets.pop(precision))
        group = _group(p)
        if group is not None:
            if self.finest.get(group, p.precision) < p.precision:
                self.held.add(id(p))
            else:
                self.waiting.setdefault(group, {}).setdefault(p.precision, []).append(p)
        self.kept.append(p)

    def last(self) -> PlaceMention | None:
        while self.kept and id(self.kept[-1]) in self.held:
            self.kept.pop()
        return self.kept[-1] if self.kept else None


def _nearest(places: list[PlaceMention], starts: list[int], anchor: int) -> PlaceMention:
    """``min(places, key=lambda p: (abs(p.start - anchor), p.start))`` of places in text order
    (``starts``: theirs), by bisect."""
    k = bisect.bisect_right(starts, anchor)
    before = starts[k - 1] if k > 0 else None
    after = starts[k] if k < len(starts) else None
    if after is None or (before is not None and anchor - before <= after - anchor):
        return places[bisect.bisect_left(starts, before)]
    return places[k]


class PlaceChooser:
    """The place choice of one document (see the module docstring)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.starts = word_starts(doc.tokens, doc.norm)[0]
        self.locative = {p.start: self._is_locative(p) for p in doc.places}
        speakers = _Spans((sm.start, sm.end) for sm in doc.sources)
        self.places = [p for p in doc.places if p.start not in speakers
                       and not self._follows(p, _words("seat"))]
        self.frames = self._speech_frames()
        self.located = {p.start for p in self.places if self._follows(p, _words("locators"))}
        self.focus: Focus = article_focus(doc, self.locative, self.places)
        self.place_starts = [p.start for p in self.places]
        self.sentence_starts = [s for s, _ in doc.sentences]
        self.paragraph_starts = [s for s, _ in doc.paragraphs]
        self.frames_of: dict[int, list[tuple[int, int]]] = {}
        for a, b in self.frames:
            k = bisect.bisect_right(self.sentence_starts, a) - 1
            if k >= 0 and a < doc.sentences[k][1]:
                self.frames_of.setdefault(k, []).append((a, b))
        self.towns = [p for p in self.places if p.precision == 1 and p.kind in ("city", "unknown")
                      and (self.locative[p.start] or not names_actor(p))]
        self.town_starts = [p.start for p in self.towns]
        # indices of the towns: known to the gazetteer; by first word (all, and known ones)
        self.known_towns = [i for i, p in enumerate(self.towns) if p.name is not None]
        self.towns_by_noun: dict[tuple[str, bool], list[int]] = {}
        for i, p in enumerate(self.towns):
            noun = (p.text.split() or [""])[0]
            self.towns_by_noun.setdefault((noun, False), []).append(i)
            if p.name is not None:
                self.towns_by_noun.setdefault((noun, True), []).append(i)
        self._inside_cache: dict[int, tuple[list[PlaceMention], list[int]]] = {}
        self._finest_cache: dict[tuple[int, bool], tuple[list[PlaceMention], list[int]]] = {}
        self._fallback_cache: dict[int, PlaceMention | None] = {}
        self._so_far: dict[int, tuple[int, _FinestSoFar]] = {}  # paragraph start -> (next, ...)

    # -- reading the text around a place ------------------------------------------------------

    def _index(self, place: PlaceMention) -> int:
        return bisect.bisect_left(self.starts, place.start)

    def _after_word(self, place: PlaceMention, words: frozenset[str]) -> bool:
        """Whether the word right before a place is one of ``words``."""
        k = self._index(place)
        return 0 < k <= len(self.doc.tokens) and has_stem(self.doc.tokens[k - 1], words)

    def _follows(self, place: PlaceMention, words: frozenset[str]) -> bool:
        """Whether a place follows one of ``words``, maybe through a preposition."""
        k = self._index(place)
        return any(has_stem(self.doc.tokens[j], words) for j in range(max(0, k - BEFORE_WORDS), k))

    def _is_locative(self, place: PlaceMention) -> bool:
        """Whether a place is introduced as where something happened ("في X", "بX", "قرب X")."""
        doc = self.doc
        k = bisect.bisect_right(self.starts, place.start) - 1
        if k < 0:
            return False
        tok = doc.tokens[k]
        if tok.start < place.start and doc.norm[tok.start:place.start] in _words("clitics"):
            return True
        return k > 0 and tok.start == place.start and has_stem(doc.tokens[k - 1],
                                                                _words("prepositions"))

    def _speech_frames(self) -> list[tuple[int, int]]:
        """Spans between a reporting verb and the "أن" that opens what was said: where and how
        it was said ("قال في مؤتمر صحفي بأنقرة إن ..."), not where the event happened."""
        comps = context().complementizers
        toks = self.doc.tokens
        frames: list[tuple[int, int]] = []
        for sm in self.doc.sources:
            k = bisect.bisect_left(self.starts, max(sm.end, sm.cue_end))
            for j in range(k, min(k + SPEECH_FRAME_WORDS, len(toks))):
                if has_stem(toks[j], comps):
                    frames.append((min(sm.start, sm.cue_start), toks[j].start))
                    break
        return frames

    def _town_named_back(self, sentence: int) -> PlaceMention | None:
        """The town a bare "المدينة" / "القرية" of the sentence refers to: the last place named
        before it with that noun ("قرية مالاري"), else the last known town."""
        s, e = self.doc.sentences[sentence]
        lo, hi = bisect.bisect_left(self.starts, s), bisect.bisect_left(self.starts, e)
        words = _words("anaphoric_towns")
        nouns = {w for t in self.doc.tokens[lo:hi] if has_article(t) for w in t.stems if w in words}
        if not nouns:
            return None
        n = bisect.bisect_left(self.town_starts, s)  # the towns before the sentence

        def last(indices: list[int]) -> int:
            return indices[k - 1] if (k := bisect.bisect_left(indices, n)) else -1

        # the last town named with one of the nouns, known to the gazetteer, then any; else the
        # last known town (gazetteer towns before guesses); else the last town
        for known in (True, False):
            i = max(last(self.towns_by_noun.get((w, known), [])) for w in nouns)
            if i >= 0:
                return self.towns[i]
        i = last(self.known_towns)
        return self.towns[i] if i >= 0 else (self.towns[n - 1] if n else None)

    # -- the choice ---------------------------------------------------------------------------

    def choose(self, sentence: int, anchor: int, etype: str, since: bool) -> PlaceMention | None:
        """The place of a claim of type ``etype`` whose figure is at ``anchor`` (normalized
        offset) in sentence ``sentence``; ``since``: it is a war's cumulative toll."""
        inside, starts = self._inside(sentence)
        home = etype in HOME_ACTION_TYPES
        candidates: list[PlaceMention] = []
        if etype in DIRECTED_TYPES:
            words = _words(DIRECTED_TYPES[etype])
            after = inside[bisect.bisect_right(starts, anchor):
                           bisect.bisect_right(starts, anchor + DIRECTION_REACH)]
            candidates = _finest([p for p in after if self._after_word(p, words)])
            starts = [p.start for p in candidates]
        if not candidates:
            key = (sentence, home)
            if key not in self._finest_cache:
                finest = _finest([p for p in inside if self.locative[p.start]]
                                 or [p for p in inside if home or not names_actor(p)])
                self._finest_cache[key] = (finest, [p.start for p in finest])
            candidates, starts = self._finest_cache[key]
        if candidates:
            return _nearest(candidates, starts, anchor)
        if since and self.focus.country is not None:
            return self.focus.country
        if sentence not in self._fallback_cache:
            self._fallback_cache[sentence] = self._town_named_back(sentence) \
                or self._earlier(sentence)
        return self._fallback_cache[sentence] or self.focus.place

    def _inside(self, sentence: int) -> tuple[list[PlaceMention], list[int]]:
        """The places of a sentence, but for those in a speech frame and, when others are left,
        those that only locate the place before them."""
        if sentence not in self._inside_cache:
            s, e = self.doc.sentences[sentence]
            frames = _Spans(self.frames_of.get(sentence, []))
            inside = [p for p in self.places[bisect.bisect_left(self.place_starts, s):
                                             bisect.bisect_left(self.place_starts, e)]
                      if p.start not in frames]
            if any(p.start not in self.located for p in inside):
                inside = [p for p in inside if p.start not in self.located]
            self._inside_cache[sentence] = (inside, [p.start for p in inside])
        return self._inside_cache[sentence]

    def _earlier(self, sentence: int) -> PlaceMention | None:
        """The last locative place of the sentence before or of the paragraph so far (after the
        title), but for a country or province holding a finer one of them."""
        doc = self.doc
        s = doc.sentences[sentence][0]
        k = bisect.bisect_right(self.paragraph_starts, s) - 1
        para = self.paragraph_starts[k] if k >= 0 and s < doc.paragraphs[k][1] else s
        lo = max(min(para, doc.sentences[max(0, sentence - 1)][0]), doc.norm_title_end)
        i, j = bisect.bisect_left(self.place_starts, lo), bisect.bisect_left(self.place_starts, s)
        if lo == para and sentence > 0:  # the paragraph so far: grown sentence by sentence
            start, so_far = self._so_far.get(lo, (i, _FinestSoFar()))
            if start <= j:
                for p in self.places[start:j]:
                    if self.locative[p.start]:
                        so_far.add(p)
                self._so_far[lo] = (j, so_far)
                return so_far.last()
        earlier = _finest([p for p in self.places[i:j] if self.locative[p.start]])
        return earlier[-1] if earlier else None
