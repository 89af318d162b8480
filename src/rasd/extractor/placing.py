"""Where a claim happened: the choice among a document's place mentions.

:class:`PlaceChooser` is built once per document and answers for each claim, in this order:

1. **Its sentence.** Places introduced as where something happened ("في X", "بX", "قرب X") come
   first, else places that do not name a state acting (a country or capital name without a
   locative preposition is an actor: "قالت إسرائيل", "ردت موسكو"). Displacement happened where
   people fled from ("من X" right after the figure), returns and deployments where people went
   ("إلى X"). The most specific place wins over a country or province that holds it, then the
   nearest to the figure. Left out: places inside a speaker's name ("المتحدث باسم شرطة ولاية
   غومبيه"; see 3), an organization's seat ("ومقره في بريطانيا"), where something was said ("قال
   في مؤتمر صحفي بأنقرة إن"), and places that only locate the place before them ("مدينة غزنة
   الواقعة في جنوب كابول").
2. **A war's cumulative toll** ("منذ بدء الحرب", "منذ 2011"; not a local offensive's "منذ بدء
   الهجوم") is placed in the article's focus country.
3. **Context.** The last locative place of the sentence before or of the paragraph so far (not a
   country's territory named by a noun and an adjective: "على الأراضي الإسرائيلية");
   when that is a country or none, a province or town in the name of a speaker of the sentence
   (a local authority counts its own area: "دائرة صحة محافظة الأنبار").
4. **The article's focus** (:mod:`rasd.extractor.focus`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Set
from functools import cache
from operator import attrgetter

from rasd.extractor.datelines import dateline_end
from rasd.extractor.focus import Focus, after_actor_head, article_focus, as_country, names_actor
from rasd.extractor.furniture import furniture_lines
from rasd.extractor.lexicon import context, has_stem, state_heads
from rasd.extractor.place_sets import COUNTRY_REGION, FinestSoFar, Spans, finest_places, in_order, nearest
from rasd.extractor.places import names_a_party, names_an_origin
from rasd.extractor.sources import known_names_at
from rasd.geo.resolve import adjectives_in
from rasd.lang.ar import load_data
from rasd.model import Count, Document, PlaceMention, TimeRef
from rasd.text.normalize import normalize_string
from rasd.text.tokens import has_article, is_definite, starts_with_conjunction, word_starts

DIRECTION_REACH = 80  # characters after the figure within which "من X" / "إلى X" say where
# where the event happened: the place fled from, the place people were returned or sent to
DIRECTED_TYPES = {"displaced": "origin", "returned": "destination", "deployed": "destination",
                  "strikes": "target"}
# a state arrests and releases on its own soil: "باعتقال السعودية نحو 30 رجل دين" is in Saudi
# Arabia, while "إسرائيل قصفت" is not in Israel
HOME_ACTION_TYPES = frozenset({"arrested", "released"})
SPEECH_FRAME_WORDS = 12  # how far after a reporting verb its "أن" may come
BEFORE_WORDS = 2         # "ومقره في لندن": a seat or locator word up to two words before
HEADING_MAX_WORDS = 12   # a crosshead: one short line with no closing punctuation
_SENTENCE_END = re.compile(r"[.!?\u061f:\"\u00bb)]\s*$")
MISSION_WORDS = 3        # "افتتاح السفارة الأميركية في القدس": where an embassy opens
LOCATOR_GAP_WORDS = 1    # "الغوطة الشرقية المحاصرة قرب دمشق": words between a place and its locator
AIM_WORDS = 10           # "أطلقت 5 صواريخ منذ يوليو من اليمن على السعودية": a strike word before "على"
AIMED_WORDS = 2          # "باتجاه مدينة الرياض": a direction word up to two words before
LIST_PLACE_GAP = 3       # "عدن والحوطة، ولودر": tokens from a place taken to the next one listed
MUNITION_AIM_WORDS = 10  # "الصواريخ التي أطلقتها ... باتجاه المملكة": a munition before an aim
OFFICE_WORDS = 4         # "المندوب الخاص للأمم المتحدة في": words of an official's title before "في"
LOCATOR_WORDS = 4        # "الواقع جنوبي العاصمة السورية دمشق": a locator word up to four words before


_STEMS = attrgetter("stems")


@cache
def _words(key: str) -> frozenset[str]:
    """A word list of ``locatives.yaml``, normalized."""
    return frozenset(load_data("locatives.yaml").words(key))


def since_war(time: TimeRef | None) -> bool:
    """Whether a claim is a cumulative toll of a whole war ("منذ بدء الحرب", "منذ 2011"), not of
    a local operation ("منذ بدء الهجوم")."""
    if time is None or time.precision != "since":
        return False
    return _words("local_operations").isdisjoint(normalize_string(time.text).split())


WAR_DAYS = 365  #: a toll counted since at least this long before its article is a war's


@cache
def _national_toll_min() -> int:
    return load_data("locatives.yaml").integer("national_toll")


def national_toll(etype: str, count: Count) -> bool:
    """Whether a figure is a death toll too large for one town (``locatives.yaml``
    national_toll): a war's or a country's, placed like a toll since a war began."""
    return etype == "killed" and count.low >= _national_toll_min()


def whole_war(time: TimeRef | None, published: dt.date | None) -> bool:
    """Whether a cumulative toll is a whole war's (:func:`since_war`) counted since a year or more
    before ``published``, or since a start it does not date ("منذ 2011", "منذ التدخل السعودي"),
    not since a date of these weeks ("منذ 22 أيار") nor "so far" ("حتى الآن")."""
    if not since_war(time) or time is None \
            or _words("war_since").isdisjoint(normalize_string(time.text).split()):
        return False
    start = time.day
    return start is None or published is None or (published - start).days >= WAR_DAYS


def _directional(place: PlaceMention) -> bool:
    """Whether a mention opens with a direction ("جنوب اليمن", "شمال شرق سوريا")."""
    return place.text.split(maxsplit=1)[0] in _words("directions")


#: a place then a colon (not a quote's or a clock's) heads a headline ticker item
_TICKER_HEAD = re.compile(r"[ \t]*:(?![ \t]*[\d\"\u00ab\u201c\u201d])")
_AT_MOST_ONE_WORD = re.compile(r"\s*\S*\s*")  # what len(gap.split()) <= 1 says
_LOCAL_SPEAKERS = frozenset({"anonymous"})  # speak from where they are
_AREA_AUTHORITIES = frozenset({"government", "monitor", "international"})  # count their area


def _jurisdictions(doc: Document, names: Set[int]) -> list[PlaceMention]:
    """Provinces and towns named after an authority inside a speaker's name ("دائرة صحة محافظة
    الأنبار", "مدير ناحية القيارة"): the area it counts. Not a place that opens the speaker
    ("قالت دمشق": a state acting) nor one in an organization's name ("سرايا القدس")."""
    spans = sorted((sm.start, sm.end) for sm in doc.sources)
    starts = [a for a, _ in spans]
    out = []
    for p in doc.places:
        k = bisect.bisect_right(starts, p.start) - 1
        if k < 0 or p.start >= spans[k][1] or p.start == spans[k][0]:
            continue
        if p.kind != "country" and p.country is not None and p.start not in names:
            out.append(p)
    return out


class PlaceChooser:
    """The place choice of one document (see the module docstring)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.starts = word_starts(doc.tokens, doc.norm)[0]
        # a place in an organization's name ("تحالف دعم الشرعية في اليمن") says who, not where
        at = {p.start: max(0, bisect.bisect_right(self.starts, p.start) - 1) for p in doc.places}
        in_names = known_names_at(doc.tokens, set(at.values()))
        names = {start for start, k in at.items() if k in in_names}
        self.all_place_starts = [p.start for p in doc.places]
        self.locative = {p.start: self._is_locative(p) and p.start not in names
                         for p in doc.places}
        speakers = Spans((sm.start, sm.end) for sm in doc.sources)
        self.jurisdictions = _jurisdictions(doc, names)
        self.jurisdiction_starts = [p.start for p in self.jurisdictions]
        seat, offices, groups = _words("seat"), _words("office_titles"), _words("group_heads")
        event_ends = frozenset(t.end for t in doc.triggers)
        furniture = Spans(furniture_lines(doc))  # "للمزيد: ..." links another article
        self.places = [p for p in doc.places if p.start not in speakers and p.start not in furniture
                       and not self._follows(p, seat) and not self._follows(p, groups, 1)
                       and not names_a_party(doc, self.starts, p)
                       and not names_an_origin(doc, self.starts, p)
                       and not self._mission_moved_to(p) and not self._river_bank(p)
                       and not self._office_seat(p, offices, event_ends)]
        self.count_starts = sorted(c.start for c in doc.counts if c.kind == "count")
        self.frames = self._speech_frames()
        self.framed = Spans(self.frames)
        locators = _words("locators")
        self.located: set[int] = {p.start for p in self.places
                                  if self._follows(p, locators, LOCATOR_WORDS)
                                  and not self._own_locative_after_locator(p, locators)}
        self.located |= self._locating_phrases()
        # a place that only locates another ("قرب دمشق" after "الغوطة") votes as a mere mention
        # where the article was filed (the dateline) votes for the focus country only
        dateline = dateline_end(doc)
        # a region of a country spoken of ("شرق البلاد") names it back: no vote
        self.focus: Focus = article_focus(
            doc, {k: v and k not in self.located for k, v in self.locative.items()},
            [p for p in self.places if p.kind != COUNTRY_REGION], dateline)
        self.territories = self._territories()
        # where something was aimed ("واثنان باتجاه جازان"), not where it happened: no context
        target = _words("target")
        self.aimed = {p.start for p in self.places if self._follows(p, target, AIMED_WORDS)}
        self.taken = self._taken()
        # candidate list id -> (the list, kept alive for its id; the kept places; their starts)
        self._unaimed_cache: dict[int, tuple[list[PlaceMention], list[PlaceMention], list[int]]] = {}
        # it and a state in an organization's name ("قوات سوريا الديمقراطية"): votes for the
        # focus only
        self.places = [p for p in self.places if p.start >= dateline
                       and not (p.start in names and names_actor(p))]
        self.speakers_places = self._speakers_places(names)
        self.adjectives: tuple[tuple[int, int, str], ...] | None = None  # read when needed
        self.headings = self._crossheads()
        self._index_places()

    def _index_places(self) -> None:
        """What the choice of each claim looks up by bisect, and its per-sentence caches: a
        claim's choice costs log n, not the document's places."""
        doc = self.doc
        self.place_starts = [p.start for p in self.places]
        self.sentence_starts = [s for s, _ in doc.sentences]
        self.paragraph_starts = [s for s, _ in doc.paragraphs]
        self.frames_of: dict[int, list[tuple[int, int]]] = {}
        for a, b in self.frames:
            k = bisect.bisect_right(self.sentence_starts, a) - 1
            if k >= 0 and a < doc.sentences[k][1]:
                self.frames_of.setdefault(k, []).append((a, b))
        self.speaker_starts = [p.start for p in self.speakers_places]
        self.speaking_from = self._speaking_from()
        self.heading_starts = [a for a, _ in self.headings]
        self.towns: list[PlaceMention] | None = None  # the indexes below: built when first asked
        self._inside_cache: dict[int, tuple[list[PlaceMention], list[int]]] = {}
        self._cuts_cache: dict[int, list[int]] = {}
        self._view_cache: dict[tuple[int, int, int, bool], tuple[
            list[PlaceMention], list[PlaceMention], list[int]]] = {}
        self._fallback_cache: dict[int, PlaceMention | None] = {}
        self._state_cache: dict[int, PlaceMention | None] = {}
        self._so_far: dict[int, tuple[int, FinestSoFar]] = {}  # paragraph start -> (next, ...)

    # -- reading the text around a place ------------------------------------------------------

    def _taken(self) -> set[int]:
        """Starts of the places taken or liberated ("بعد تحرير عدن والحوطة، ولودر، وزنجبار"): right
        after a word of taking, and each place joined by "و" to the one before it in such a
        list (``locatives.yaml`` taken)."""
        taken: set[int] = set()
        words, toks = _words("taken"), self.doc.tokens
        last = -LIST_PLACE_GAP - 1  # the token index of the last place taken
        for p in self.places:
            k = self._index(p)
            if self._follows(p, words, AIMED_WORDS) or k - last <= LIST_PLACE_GAP and k < len(toks) \
                    and starts_with_conjunction(toks[k]):
                taken.add(p.start)
                last = k
        return taken

    def _index(self, place: PlaceMention) -> int:
        return bisect.bisect_left(self.starts, place.start)

    def _after_word(self, place: PlaceMention, words: frozenset[str]) -> bool:
        """Whether the word right before a place is one of ``words``."""
        k = self._index(place)
        return 0 < k <= len(self.doc.tokens) and has_stem(self.doc.tokens[k - 1], words)

    def _follows(self, place: PlaceMention, words: frozenset[str],
                 reach: int = BEFORE_WORDS) -> bool:
        """Whether a place follows one of ``words`` by at most ``reach`` words."""
        k = self._index(place)
        toks = self.doc.tokens
        # in C, no generator: called for every place
        return not all(map(words.isdisjoint, map(_STEMS, toks[max(0, k - reach):k])))

    def _territories(self) -> set[int]:
        """Starts of the territories of a country named by a place noun and a nationality
        adjective ("الأراضي السورية", "13 محافظة تركية"; see :mod:`rasd.extractor.places`):
        where their own sentence's events happened, too vague to carry over to the next ones."""
        adjectives = {(a, b, iso) for a, b, iso in adjectives_in(self.doc.norm)}
        nouns = _words("territory_plurals") | _words("territory_singulars")
        toks = self.doc.tokens
        out: set[int] = set()
        for p in self.places:
            k = bisect.bisect_right(self.starts, p.start) - 1
            if p.kind == "country" and 0 <= k < len(toks) - 1 and has_stem(toks[k], nouns) \
                    and (toks[k + 1].start, p.end, p.country) in adjectives:
                out.add(p.start)
        return out

    def _territory_reached(self, place: PlaceMention) -> bool:
        """Whether a place is a territory (it names no state acting) not left from ("صواريخ من
        فوق الأراضي اللبنانية": where they were fired from)."""
        return place.start in self.territories \
            and not self._follows(place, _words("from_place"), BEFORE_WORDS)

    def _mission_moved_to(self, place: PlaceMention) -> bool:
        """Whether a place is where a foreign mission opens or moves ("افتتاح السفارة الأميركية في
        القدس", "نقل السفارة إلى القدس"): a diplomatic act, not where people were hurt."""
        toks = self.doc.tokens
        k = self._index(place)
        missions, acts = _words("missions"), _words("mission_acts")
        for j in range(max(0, k - MISSION_WORDS), k):
            if j > 0 and not missions.isdisjoint(toks[j].stems) \
                    and not acts.isdisjoint(toks[j - 1].stems):
                return True
        return False

    def _opens_with_locative(self, place: PlaceMention) -> bool:
        """Whether a mention opens with its own locative word ("قرب ديكوا", "شرق غزة"), maybe
        after a locative clitic ("بشمال البلاد")."""
        k = bisect.bisect_right(self.starts, place.start) - 1
        tok = self.doc.tokens[k] if 0 <= k < len(self.doc.tokens) else None
        return tok is not None and tok.end < place.end \
            and (tok.start == place.start
                 or self.doc.norm[tok.start:place.start] in _words("clitics")) \
            and has_stem(tok, _words("prepositions"))

    def _office_seat(self, place: PlaceMention, offices: frozenset[str],
                     event_ends: frozenset[int]) -> bool:
        """Whether a place after "في" names where an office sits, in an official's title ("المندوب
        الخاص للأمم المتحدة في أفغانستان", "سفير السعودية في واشنطن"), not where an event was
        (but for an official an event word names: "اغتيال السفير الفرنسي في لبنان")."""
        k = self._index(place)
        toks = self.doc.tokens
        if k == 0 or not has_stem(toks[k - 1], _words("in_words")):
            return False
        return any(has_stem(toks[j], offices) and not (j > 0 and toks[j - 1].end in event_ends)
                   for j in range(max(0, k - 1 - OFFICE_WORDS), k - 1))  # not "اغتيال السفير"

    def _own_locative_after_locator(self, place: PlaceMention, locators: frozenset[str]) -> bool:
        """Whether a place after a locator word opens a locative phrase of its own, the locator
        having governed something else ("كامب تشابمان التابع للحلف الأطلسي في ولاية خوست":
        Khost is where, not a place Chapman is located by; but "الواقعة في محافظة حمص")."""
        k = self._index(place)
        toks = self.doc.tokens
        inside = _words("in_words")
        for j in range(k - 1, max(-1, k - 1 - LOCATOR_WORDS), -1):
            if has_stem(toks[j], locators):
                return any(has_stem(t, inside) for t in toks[j + 2:k])
        return False

    def _locating_phrases(self) -> set[int]:
        """Starts of mentions that only locate the place right before them ("الغوطة الشرقية قرب
        دمشق", "قرية يطا بالقرب من الخليل"): a mention opening with its own locative word, at most
        a word after the place, not a preposition of direction ("من رفح حتى بيت حانون", "من
        قطاع غزة نحو جنوب إسرائيل"; "على" after "من X") opening a phrase of its own."""
        out: set[int] = set()
        for a, b in zip(self.places, self.places[1:]):
            if not self._opens_with_locative(b):
                continue
            gap = self.doc.norm[a.end:b.start].replace("\u060c", " ").replace(",", " ")
            words = gap.split(maxsplit=LOCATOR_GAP_WORDS)
            if len(words) <= LOCATOR_GAP_WORDS and _words("not_locating").isdisjoint(words) \
                    and not (not _words("onto").isdisjoint(words)
                             and self._follows(a, _words("from_place"), 1)):
                out.add(b.start)
        return out

    def _is_locative(self, place: PlaceMention) -> bool:
        """Whether a place is introduced as where something happened ("في X", "بX", "قرب X")."""
        doc = self.doc
        k = bisect.bisect_right(self.starts, place.start) - 1
        if k < 0:
            return False
        tok = doc.tokens[k]
        if tok.start < place.start and doc.norm[tok.start:place.start] in _words("clitics"):
            return True
        if self._opens_with_locative(place):
            return True  # "قرب ديكوا", "داخل سوريا"
        if place.kind != "country" and _TICKER_HEAD.match(doc.norm, place.end):
            return True  # a ticker item's head: "جندوبة : مقتل 3 أشخاص في حادث مرور"
        if k > 0 and tok.start == place.start and self._struck(k, names_actor(place)):
            return True  # "قصف الغوطة الشرقية", "الهجمات التي استهدفت تركيا"
        if tok.start == place.start and self._opens_a_border(k):
            # "على الحدود بين قطاع غزة وإسرائيل" (but a country before a finer place yields to it)
            return self._finer_second_side(place) is None
        if self._second_border_side(place):
            return True  # "على الحدود بين إسرائيل وقطاع غزة": the finer side
        if tok.start == place.start and (j := self._after_capital_noun(k)) is not None:
            # "بالعاصمة البلجيكية بروكسل"
            return self._glued_or_after_preposition(j)
        if k > 0 and tok.start == place.start and has_stem(doc.tokens[k - 1], _words("upon")) \
                and names_actor(place) and not any(
                    has_stem(t, _words("aimed")) for t in doc.tokens[max(0, k - 1 - AIM_WORDS):k - 1]):
            return False  # "تقع على إسرائيل مسؤولية", "عقوبات على إيران": a state, not a place
        return k > 0 and tok.start == place.start and has_stem(doc.tokens[k - 1],
                                                                _words("prepositions"))

    def locator_of(self, place: PlaceMention) -> PlaceMention | None:
        """The known place right after a place the gazetteer lacks that only locates it
        ("منطقة السودانية شمال غرب مدينة غزة"), else None: where the unknown one lies."""
        if place.country is not None:
            return None
        i = bisect.bisect_right(self.all_place_starts, place.start)
        if i >= len(self.doc.places):
            return None
        nxt = self.doc.places[i]
        return nxt if nxt.start in self.located and nxt.country is not None else None

    def country_of_unknown(self, sentence: int, place: PlaceMention) -> str | None:
        """The country a place the gazetteer lacks lies in, when nothing locates it ("مدينة
        بالو" in an article on Indonesia): the country of the place the sentence would
        otherwise fall back to (:meth:`_fallback`), else None."""
        if place.country is not None:
            return None
        fallback = self._fallback_of(sentence)
        return fallback.country if fallback is not None else None

    def _river_bank(self, place: PlaceMention) -> bool:
        """Whether a place is a river's bank read as a place name ("الضفة الغربية لنهر الفرات",
        "الضفة اليسرى لنهر الفرات": ``locatives.yaml`` river_banks within two words after)."""
        k = bisect.bisect_left(self.starts, place.end)
        return any(has_stem(tok, _words("river_banks")) for tok in self.doc.tokens[k:k + 2])

    def _finer_second_side(self, first: PlaceMention) -> PlaceMention | None:
        """The second side of a border opened by country ``first``, joined by "و" alone and
        finer than a country ("الحدود بين إسرائيل وقطاع غزة"), else None."""
        second = self._joined_next(first) if first.kind == "country" else None
        return second if second is not None and second.kind != "country" else None

    def _second_border_side(self, place: PlaceMention) -> bool:
        """Whether a place is the finer second side of a border opened by a country ("الحدود
        بين إسرائيل وقطاع غزة")."""
        doc = self.doc
        i = bisect.bisect_left(self.all_place_starts, place.start) - 1
        if i < 0:
            return False
        first = doc.places[i]
        j = bisect.bisect_right(self.starts, first.start) - 1
        return self._opens_a_border(j) and doc.tokens[j].start == first.start \
            and self._finer_second_side(first) is place

    def _opens_a_border(self, k: int) -> bool:
        """Whether token ``k`` follows "الحدود بين" ("على الحدود بين قطاع غزة وإسرائيل")."""
        toks = self.doc.tokens
        return k > 1 and has_stem(toks[k - 1], _words("between")) \
            and has_stem(toks[k - 2], _words("borders"))

    def _joined_next(self, place: PlaceMention) -> PlaceMention | None:
        """The place right after ``place`` joined to it by "و" alone ("إسرائيل وقطاع غزة",
        "أوتار براديش وراجستان"), else None."""
        i = bisect.bisect_right(self.all_place_starts, place.start)
        if i >= len(self.doc.places):
            return None
        nxt = self.doc.places[i]
        return nxt if self.doc.norm[place.end:nxt.start].strip() in _words("border_join") else None

    def _struck(self, k: int, state: bool) -> bool:
        """Whether token ``k`` is the object of a strike: after a strike noun ("قصف الغوطة",
        "استهداف مطار"; not a state, its agent: "قصف تركيا") or a strike verb in a relative
        clause ("التي استهدفت تركيا"); a verb alone is often followed by its subject ("قصفت
        إسرائيل"); or the town an event is named by ("هجوم المنيا")."""
        toks = self.doc.tokens
        prev = toks[k - 1]
        if (has_stem(prev, _words("strike_nouns")) or has_stem(prev, _words("event_nouns"))) \
                and not is_definite(prev):
            return not state
        return k > 1 and has_stem(prev, _words("strike_verbs")) \
            and has_stem(toks[k - 2], _words("relatives"))

    def _named_as_capital(self, place: PlaceMention) -> bool:
        """Whether a capital is named as a city ("هزت انفجارات العاصمة البلجيكية بروكسل"), not
        as its state acting."""
        k = self._index(place)
        return k < len(self.doc.tokens) and self.doc.tokens[k].start == place.start \
            and self._after_capital_noun(k) is not None

    def _after_capital_noun(self, k: int) -> int | None:
        """Index of "العاصمة" right before token ``k``, maybe with an adjective between
        ("العاصمة البلجيكية بروكسل"), or None."""
        toks = self.doc.tokens
        for j in (k - 1, k - 2):
            if j >= 0 and has_stem(toks[j], _words("capital_nouns")):
                return j
        return None

    def _glued_or_after_preposition(self, j: int) -> bool:
        """Whether token ``j`` carries a locative clitic ("بالعاصمة") or follows "في" / "على"
        (not a direction: "شرقي العاصمة بغداد" only locates what comes before it)."""
        toks = self.doc.tokens
        tok = toks[j]
        glued = any(tok.text.startswith(c) and tok.text[len(c):] in tok.stems
                    for c in _words("clitics"))
        return glued or (j > 0 and has_stem(toks[j - 1], _words("in_words")))

    def _speech_frames(self) -> list[tuple[int, int]]:
        """Spans between a reporting verb and the "أن" that opens what was said: where and how
        it was said ("قال في مؤتمر صحفي بأنقرة إن ..."), not where the event happened."""
        comps = context().complementizers
        toks = self.doc.tokens
        frames: list[tuple[int, int]] = []
        for sm in self.doc.sources:
            k = bisect.bisect_left(self.starts, max(sm.end, sm.cue_end))
            for j in range(k, min(k + SPEECH_FRAME_WORDS, len(toks))):
                if not comps.isdisjoint(toks[j].stems):
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
        if self.towns is None:
            self._index_towns()
        assert self.towns is not None
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

    def _index_towns(self) -> None:
        """The towns, their starts and indexes (of those known to the gazetteer; of the towns
        and of all places by their first word, towns: all and known ones), the first mention of
        each country."""
        self.towns = [p for p in self.places if p.precision == 1 and p.kind in ("city", "unknown")
                      and (self.locative[p.start] or not names_actor(p))]
        self.town_starts = [p.start for p in self.towns]
        self.known_towns = [i for i, p in enumerate(self.towns) if p.name is not None]
        self.towns_by_noun: dict[tuple[str, bool], list[int]] = {}
        for i, p in enumerate(self.towns):
            noun = (p.text.split() or [""])[0]
            self.towns_by_noun.setdefault((noun, False), []).append(i)
            if p.name is not None:
                self.towns_by_noun.setdefault((noun, True), []).append(i)
        self.places_by_noun: dict[str, list[int]] = {}
        for i, p in enumerate(self.places):
            self.places_by_noun.setdefault((p.text.split() or [""])[0], []).append(i)
        self.country_named: dict[str, PlaceMention] = {}
        for p in self.doc.places:
            if p.kind == "country" and p.country is not None:
                self.country_named.setdefault(p.country, p)

    # -- the choice ---------------------------------------------------------------------------

    def choose(self, sentence: int, anchor: int, etype: str, since: bool,
               whole: bool = False) -> PlaceMention | None:
        """The place of a claim of type ``etype`` whose figure is at ``anchor`` (normalized
        offset) in sentence ``sentence``; ``since``: it is a war's cumulative toll (``whole``:
        of the whole war, :func:`whole_war`)."""
        s, e = self.doc.sentences[sentence]
        view = self._view(sentence, anchor)
        home = etype in HOME_ACTION_TYPES
        located, candidates, starts = self._candidates(sentence, view, home)
        state = self._arresting_state(sentence) if home and not located else None
        if state is not None:
            found = self._choose_from(sentence, anchor, etype, (since, whole), view, candidates,
                                      starts)
            # "اعتقلت الشرطة التركية": in Turkey, unless the sentence or its context says where
            # there ("... في حي براي" before, then "وأوقفت الشرطة الفرنسية 11 شخصا")
            return found if found is not None and found.country == state.country else state
        found = self._choose_from(sentence, anchor, etype, (since, whole), view, candidates,
                                  starts)
        return self._pair_country(found) if found is not None else None

    def _pair_country(self, place: PlaceMention) -> PlaceMention:
        """The country of a place named with another after a dual place noun ("في ولايتي أوتار
        براديش وراجستان": the figure spans both), when the article names that country as such;
        else the place."""
        k = bisect.bisect_right(self.starts, place.start) - 1
        doc = self.doc
        pairs = _words("pair_nouns")
        if k < 1 or doc.tokens[k].start != place.start or place.country is None \
                or not (has_stem(doc.tokens[k], pairs) or has_stem(doc.tokens[k - 1], pairs)):
            return place
        second = self._joined_next(place)
        if second is None or second.country != place.country:
            return place
        return next((p for p in doc.places if p.country == place.country
                     and p.kind == "country" and not _directional(p)), place)

    def _choose_from(self, sentence: int, anchor: int, etype: str, war: tuple[bool, bool],
                     view: tuple[int, int], candidates: list[PlaceMention], starts: list[int]
                     ) -> PlaceMention | None:
        """The sentence's place among the finest ``candidates`` (``starts``: theirs; ``view``:
        the range of the sentence's places on the figure's side), else the cumulative toll's
        country, a town named back, the speakers' place, the context of the sentences before,
        the focus."""
        if etype in DIRECTED_TYPES:
            inside, inside_starts = self._inside(sentence)
            a, b = view
            words = _words(DIRECTED_TYPES[etype])
            directed = finest_places([p for p in inside[
                bisect.bisect_right(inside_starts, anchor, a, b):
                bisect.bisect_right(inside_starts, anchor + DIRECTION_REACH, a, b)]
                if self._after_word(p, words)])
            if directed:
                candidates, starts = directed, [p.start for p in directed]
        else:
            candidates, starts = self._unaimed(candidates, starts)
        if candidates:
            return self._ranked(candidates, starts, anchor) or nearest(candidates, starts, anchor)
        since, whole = war
        if since and self.focus.country is not None:
            country = self.focus.country
            s, e = self.doc.sentences[sentence]
            local = self._speakers_place(s, e)
            if local is not None and local.country == country.country:
                return local  # "حسب وزارة الصحة في غزة ... منذ انطلاقها": the area it counts
            return self._whole_country(country) if whole else country
        return self._fallback_of(sentence)

    def _ranked(self, candidates: list[PlaceMention], starts: list[int], anchor: int
                ) -> PlaceMention | None:
        """The place a ranking gives the figure at ``anchor``: the candidate right before it,
        with at most "ب"/"بنحو" between ("والدار البيضاء بنحو 392 ثم مكناس بنحو 370": each
        place its own figure, not the next one's), else None."""
        k = bisect.bisect_right(starts, anchor) - 1
        return candidates[k] if k >= 0 and self._ranks_next(candidates[k], anchor) else None

    def _fallback_of(self, sentence: int) -> PlaceMention | None:
        """:meth:`_fallback`, worked out once per sentence."""
        if sentence not in self._fallback_cache:
            self._fallback_cache[sentence] = self._fallback(sentence)
        return self._fallback_cache[sentence]

    def _unaimed(self, candidates: list[PlaceMention], starts: list[int]
                 ) -> tuple[list[PlaceMention], list[int]]:
        """The candidates but those aimed at or taken, when the sentence names another: "تقدمت
        القوات نحو مدينة زبيد" (where people headed is no place of the deaths; but "صواريخ
        باتجاه السعودية": where they struck), "بعد تحرير عدن ... وزنجبار، ... 14 متمردا لقوا
        حتفهم" around Taiz (what was taken); nor where a local speaker speaks from ("تحدثت صحيفة
        محلية في موسكو عن أربعة جنود قتلوا في سوريا"). Remembered per candidate list (one list
        serves every figure of a view: linear in a sentence's places)."""
        if not (self.aimed or self.taken or self.speaking_from) or len(candidates) < 2:
            return candidates, starts
        key = id(candidates)
        if key not in self._unaimed_cache:
            out = candidates
            if any(p.start in self.aimed for p in out):
                munitions = _words("aimed")
                kept = [p for p in out if p.start not in self.aimed
                        or self._follows(p, munitions, MUNITION_AIM_WORDS)]
                out = kept or out
            if len(out) > 1 and any(p.start in self.taken for p in out):
                out = [p for p in out if p.start not in self.taken] or out
            if len(out) > 1 and any(p.start in self.speaking_from for p in out):
                out = [p for p in out if p.start not in self.speaking_from] or out
            self._unaimed_cache[key] = (candidates, out, [p.start for p in out])
        _, out, out_starts = self._unaimed_cache[key]
        return out, out_starts

    def _whole_country(self, country: PlaceMention) -> PlaceMention:
        """A war's toll is the whole country's: the country named as such ("اليمن"), not a
        side of it ("جنوب اليمن"), when the article names it so."""
        if not _directional(country):
            return country
        return next((p for p in self.doc.places if p.country == country.country
                     and p.kind == "country" and not _directional(p)), country)

    def _fallback(self, sentence: int) -> PlaceMention | None:
        """A claim's place when its sentence names none: a town or area named back, the
        speakers' place, the context of the sentences before, the focus."""
        doc = self.doc
        s, e = doc.sentences[sentence]
        town = self._town_named_back(sentence) or self._area_named_back(sentence)
        if town is not None:
            return town
        speakers_place = self._speakers_place(s, e)
        if speakers_place is not None:  # "وقالت مصادر طبية في غزة إن": where it happened
            return speakers_place
        earlier = self._earlier(sentence)
        if earlier is not None and earlier.kind != "country":
            return earlier
        jurisdiction = self._jurisdiction(s, e, earlier)
        if jurisdiction is not None:
            return jurisdiction
        aim = self._sole_aim(sentence)
        if aim is not None:
            return aim
        if earlier is not None:
            return earlier
        section, focus = self._section_place(s), self.focus.place
        if section is None or (focus is not None and focus.country == section.country
                               and section.kind == "country"):
            return focus  # the focus says where in that country
        return section

    def _speakers_place(self, s: int, e: int) -> PlaceMention | None:
        """The place its speaker speaks from in ``[s, e)`` (:meth:`_speakers_places`), if any."""
        k = bisect.bisect_left(self.speaker_starts, s)
        if in_order(self.speaker_starts):
            return self.speakers_places[k] if k < len(self.speaker_starts) \
                and self.speaker_starts[k] < e else None
        return next((p for p in self.speakers_places if s <= p.start < e), None)

    def _jurisdiction(self, s: int, e: int, country: PlaceMention | None) -> PlaceMention | None:
        """The first province or town named inside a speaker's name in ``[s, e)`` ("قال نقلا
        عن دائرة صحة محافظة الأنبار إن 174 قتلوا"): a local authority counts its own area.
        Only when the context gives no finer place (``country``: the context's country)."""
        k = bisect.bisect_left(self.jurisdiction_starts, s)
        if k == len(self.jurisdiction_starts) or self.jurisdiction_starts[k] >= e:
            return None
        found = self.jurisdictions[k]
        if country is not None and country.country != found.country:
            return None
        focus, place = self.focus.country, self.focus.place
        if country is None and focus is not None and focus.country != found.country:
            return None
        if place is not None and place.kind != "country" and place.country == found.country \
                and place.precision <= found.precision:
            return None  # the article's focus is as fine ("كتاف" in the focus, "محور صعدة")
        return found

    def _earlier(self, sentence: int) -> PlaceMention | None:
        """Context: the last locative place of the sentence before or of the paragraph so far
        (after the title), but for a country or province holding a finer one of them, where
        someone there spoke from ("تقول السلطات في مصر إن ...") and places that only locate
        another."""
        doc = self.doc
        s = doc.sentences[sentence][0]
        k = bisect.bisect_right(self.paragraph_starts, s) - 1
        para = self.paragraph_starts[k] if k >= 0 and s < doc.paragraphs[k][1] else s
        lo = max(min(para, doc.sentences[max(0, sentence - 1)][0]), doc.norm_title_end)
        i, j = bisect.bisect_left(self.place_starts, lo), bisect.bisect_left(self.place_starts, s)
        if lo == para and sentence > 0:  # the paragraph so far: grown sentence by sentence
            start, so_far = self._so_far.get(lo, (i, FinestSoFar()))
            if start <= j:
                for p in self.places[start:j]:
                    if self._context_place(p):
                        so_far.add(p)
                self._so_far[lo] = (j, so_far)
                return so_far.last(self.located)
        earlier = finest_places([p for p in self.places[i:j] if self._context_place(p)])
        earlier = [p for p in earlier if p.start not in self.located]
        return earlier[-1] if earlier else None

    def _context_place(self, p: PlaceMention) -> bool:
        """Whether a place of a sentence can say where the sentences after it happened:
        introduced as where (locative), not in a speech frame, not a country's territory nor a
        place something was aimed at."""
        return self.locative[p.start] and p.start not in self.framed \
            and p.start not in self.territories and p.start not in self.aimed

    def _sole_aim(self, sentence: int) -> PlaceMention | None:
        """The one place the sentence before aims at ("أطلقت الصواريخ باتجاه مدينة جيزان",
        then "قتل مواطن في تساقط شظايا"), over a country it was aimed from; a list of aims
        ("ثلاثة باتجاه الرياض ... واثنان باتجاه جازان") gives none."""
        if sentence == 0:
            return None
        s, e = self.doc.sentences[sentence - 1]
        aims = finest_places([p for p in self.places[bisect.bisect_left(self.place_starts, s):
                                                     bisect.bisect_left(self.place_starts, e)]
                              if p.start in self.aimed and p.start not in self.framed
                              and p.start not in self.located
                              and p.start not in self.territories])
        return aims[-1] if len({p.name or p.text for p in aims}) == 1 else None

    def _inside(self, sentence: int) -> tuple[list[PlaceMention], list[int]]:
        """The places of a sentence, but for those in a speech frame and, when others are left,
        those that only locate another (and their starts)."""
        if sentence not in self._inside_cache:
            s, e = self.doc.sentences[sentence]
            frames = Spans(self.frames_of.get(sentence, []))
            inside = [p for p in self.places[bisect.bisect_left(self.place_starts, s):
                                             bisect.bisect_left(self.place_starts, e)]
                      if p.start not in frames]
            if any(p.start not in self.located for p in inside):
                inside = [p for p in inside if p.start not in self.located]
            self._inside_cache[sentence] = (inside, [p.start for p in inside])
        return self._inside_cache[sentence]

    def _view(self, sentence: int, anchor: int) -> tuple[int, int]:
        """The range of the sentence's places (:meth:`_inside`) a figure at ``anchor`` looks
        at: those on its side of a contrast, exclusion or reply word ("60 قتيلا في جبهات سناح،
        بخلاف ثمانية في منطقة الأبحور", "3387 مقابل 365 في لوس كابوس", "غارات على سوريا ردا على
        صواريخ على الجولان"), and for a figure opening a conjunct ("تسع ضربات في سوريا و14 ضربة
        أخرى في العراق") those after it up to the next
        figure; each only when it names any."""
        s, e = self.doc.sentences[sentence]
        _, starts = self._inside(sentence)
        a, b = 0, len(starts)
        cuts = self._cuts(sentence)
        if cuts:
            k = bisect.bisect_left(cuts, anchor)
            left = cuts[k - 1] if k > 0 else s
            right = cuts[bisect.bisect_right(cuts, anchor)] \
                if bisect.bisect_right(cuts, anchor) < len(cuts) else e
            lo, hi = bisect.bisect_left(starts, left), bisect.bisect_left(starts, right)
            if lo < hi:
                a, b = lo, hi
        k = bisect.bisect_right(self.starts, anchor) - 1
        if k >= 0 and starts_with_conjunction(self.doc.tokens[k]):
            j = bisect.bisect_right(self.count_starts, anchor)
            end = self.count_starts[j] if j < len(self.count_starts) else len(self.doc.norm)
            lo = max(a, bisect.bisect_right(starts, anchor))
            hi = min(b, bisect.bisect_left(starts, end))
            if lo < hi and self._ranks_next(self._inside(sentence)[0][hi - 1], end):
                hi -= 1  # "335 قتيلا و756 جريحا تلتها محافظة ديالى ب 170": the next figure's
                if a < lo:
                    return a, lo  # ... so the place the list opened with
            if lo < hi:
                a, b = lo, hi
        return a, b

    def _ranks_next(self, place: PlaceMention, figure: int) -> bool:
        """Whether ``place`` stands right before the figure starting at ``figure`` in a ranking,
        with at most "ب"/"بنحو" between ("والدار البيضاء بنحو 392"): that figure's place; a
        figure opening a conjunct ("باتجاه خميس مشيط وواحد باتجاه نجران") is a list's."""
        gap = self.doc.norm[place.end:figure].split()
        k = bisect.bisect_left(self.starts, figure)
        return place.end <= figure and len(gap) <= 1 \
            and all(w in _words("ranking_links") for w in gap) \
            and not (k < len(self.starts) and self.starts[k] == figure
                     and starts_with_conjunction(self.doc.tokens[k]))  # (not "وواحد باتجاه")

    def _cuts(self, sentence: int) -> list[int]:
        """Starts of the contrast, exclusion, reply and clause-joining ("فيما", "بينما") words of
        a sentence."""
        if sentence not in self._cuts_cache:
            s, e = self.doc.sentences[sentence]
            lo, hi = bisect.bisect_left(self.starts, s), bisect.bisect_left(self.starts, e)
            contrast, breaks = _words("contrast"), _words("replies") | _words("clause_breaks")
            self._cuts_cache[sentence] = [t.start for t in self.doc.tokens[lo:hi]
                                          if not contrast.isdisjoint(t.stems)
                                          or t.text in breaks]
        return self._cuts_cache[sentence]

    def _candidates(self, sentence: int, view: tuple[int, int], home: bool
                    ) -> tuple[list[PlaceMention], list[PlaceMention], list[int]]:
        """Of the places in ``view``: those introduced as where; the finest of those (else of
        the places that do not name a state acting, but for ``home`` types; a territory, "الأراضي
        العراقية", names none) and their starts."""
        key = (sentence, view[0], view[1], home)
        if key not in self._view_cache:
            inside = self._inside(sentence)[0][view[0]:view[1]]
            located = [p for p in inside if self.locative[p.start]]
            finest = finest_places(located or [p for p in inside if home or not names_actor(p)
                                               or self._named_as_capital(p)
                                               or self._territory_reached(p)], by_kind=True)
            # "في محافظة حمص وسط البلاد": a region of the country yields to a place of it
            named = {p.country for p in finest if p.kind != COUNTRY_REGION}
            finest = [p for p in finest if p.kind != COUNTRY_REGION or p.country not in named]
            self._view_cache[key] = (located, finest, [p.start for p in finest])
        return self._view_cache[key]

    def _area_named_back(self, sentence: int) -> PlaceMention | None:
        """The area a bare "القطاع" / "المحافظة" of the sentence refers to: the last place named
        before it with that noun ("قطاع غزة")."""
        s, e = self.doc.sentences[sentence]
        lo, hi = bisect.bisect_left(self.starts, s), bisect.bisect_left(self.starts, e)
        words = _words("anaphoric_areas")
        nouns = {w for t in self.doc.tokens[lo:hi] if is_definite(t) for w in t.stems
                 if w in words}
        if not nouns:
            return None
        if self.towns is None:
            self._index_towns()
        n = bisect.bisect_left(self.place_starts, s)  # the places before the sentence
        last = -1
        for w in nouns:
            indices = self.places_by_noun.get(w, [])
            if (k := bisect.bisect_left(indices, n)) > 0:
                last = max(last, indices[k - 1])
        return self.places[last] if last >= 0 else None

    def _section_place(self, s: int) -> PlaceMention | None:
        """The known place named by the crosshead of the section holding offset ``s`` ("وصول
        قافلة مساعدات إلى غزنة" over the paragraphs about Ghazni)."""
        k = bisect.bisect_right(self.heading_starts, s)  # crossheads are paragraphs: in order
        if k == 0 or s < self.headings[k - 1][1]:
            return None  # a crosshead itself (a digest's item) has no section above it
        a, b = self.headings[k - 1]
        named = finest_places([p for p in self.places[bisect.bisect_left(self.place_starts, a):
                                                bisect.bisect_left(self.place_starts, b)]
                         if p.name is not None and (self.locative[p.start] or not names_actor(p))])
        return named[0] if named else None

    def _crossheads(self) -> list[tuple[int, int]]:
        """Body paragraphs of one short line with no closing punctuation: crossheads."""
        doc = self.doc
        out: list[tuple[int, int]] = []
        title_end = doc.norm_title_end
        for ps, pe in doc.paragraphs:
            if ps < title_end or ps == 0:
                continue
            line = doc.norm[ps:pe].strip()
            if line and len(line.split(maxsplit=HEADING_MAX_WORDS)) <= HEADING_MAX_WORDS \
                    and not _SENTENCE_END.search(line):
                out.append((ps, pe))
        return out

    def _arresting_state(self, sentence: int) -> PlaceMention | None:
        """The state of an institution named by its nationality in a sentence ("اعتقلت الشرطة
        التركية", "أعلنت السلطات البحرينية اعتقال"): a state arrests and releases on its own
        soil. The article's mention of that country, else the adjective."""
        if sentence in self._state_cache:
            return self._state_cache[sentence]
        if self.adjectives is None:
            self.adjectives = adjectives_in(self.doc.norm)
            self.adjective_starts = [a for a, _, _ in self.adjectives]
        s, e = self.doc.sentences[sentence]
        adjectives = self.adjectives
        if in_order(self.adjective_starts):  # those of the sentence only
            adjectives = adjectives[bisect.bisect_left(self.adjective_starts, s):
                                    bisect.bisect_left(self.adjective_starts, e)]
        if self.towns is None:
            self._index_towns()
        state = None
        for start, end, iso in adjectives:
            k = bisect.bisect_right(self.starts, start) - 1
            if s <= start < e and is_definite(self.doc.tokens[k]) \
                    and after_actor_head(self.doc, self.starts, start, state_heads()):
                state = self.country_named.get(iso) or as_country(self.doc, (start, end), iso)
                break
        self._state_cache[sentence] = state
        return state

    def _speaking_from(self) -> frozenset[int]:
        """Starts of the places right after a speaker of any kind, and of those each goes on
        with ("صحيفة محلية في موسكو", "صحيفة محلية في مدينة شيتا في سيبيريا", "مصادر طبية في
        غزة"): where it speaks from, no event's place when the sentence names another."""
        out = set()
        places, norm, starts = self.places, self.doc.norm, self.place_starts
        for sm in self.doc.sources:
            k, end = bisect.bisect_left(starts, sm.end), sm.end
            while k < len(places) and self.locative[starts[k]] \
                    and _AT_MOST_ONE_WORD.fullmatch(norm, end, starts[k]):
                out.add(starts[k])
                k, end = k + 1, places[k].end
        return frozenset(out)

    def _speakers_places(self, names: Set[int]) -> list[PlaceMention]:
        """Places right after an unnamed speaker ("مصادر طبية في غزة", "شهود عيان بحلب"): where
        local sources speak from, a fallback for what they report; and the area an authority's
        known name goes on with past the speaker ("الناطق باسم وزارة الصحة في غزة", "بعثة
        الأمم المتحدة في أفغانستان"; ``names``: starts of places inside known names), which it
        counts (not an armed party's: "القاعدة في جزيرة العرب")."""
        out = []
        starts = [p.start for p in self.places]
        for sm in self.doc.sources:
            if sm.kind not in _LOCAL_SPEAKERS and sm.kind not in _AREA_AUTHORITIES:
                continue
            k = bisect.bisect_left(starts, sm.end)
            if k < len(self.places):
                p = self.places[k]
                near = _AT_MOST_ONE_WORD.fullmatch(self.doc.norm, sm.end, p.start)
                if near and (sm.kind in _LOCAL_SPEAKERS and self.locative[p.start]
                             or sm.kind in _AREA_AUTHORITIES and p.start in names):
                    out.append(p)
        return out
