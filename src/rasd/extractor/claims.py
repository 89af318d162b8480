"""Claim assembly: figures + triggers + sources + places of a document become Claims."""

from __future__ import annotations

import bisect
import datetime
import math
import re
from collections.abc import Callable, Iterable, Sequence, Set
from dataclasses import dataclass, replace
from functools import lru_cache
from operator import itemgetter

from rasd.extractor import linking
from rasd.extractor.attribution import statement_days
from rasd.extractor.lexicon import PhraseSet, actor_heads, context, has_stem, persons, triggers
from rasd.extractor.linking import COSTS, Link, Located
from rasd.extractor.not_claims import reports_no_event
from rasd.extractor.placing import PlaceChooser, since_war
from rasd.extractor.plausibility import implausible
from rasd.extractor.sources import resolve_source
from rasd.extractor.subjects import classify_subject
from rasd.model import (
    Claim,
    Count,
    CountMention,
    Document,
    Location,
    Mention,
    NormOffset,
    SourceMention,
    Span,
    TimeRef,
    Token,
    Trigger,
)
from rasd.text.dates import TimeMention, parse_published
from rasd.text.normalize import normalize_string
from rasd.text.tokens import (
    has_article,
    has_preposition,
    is_definite,
    starts_with_conjunction,
    stems,
    without_article,
    word_starts,
)

_BREAK = re.compile(r"[\u060c\u061b,;:!?\u061f\"()\[\]\n]|\.(?!\d)")
NEGATION_WINDOW = 3
HYPOTHETICAL_WINDOW = 4
ONE_TYPES = frozenset({"killed", "injured", "arrested", "abducted", "missing", "released"})


@dataclass(frozen=True, slots=True)
class Draft:
    """A claim before source, place and de-duplication are settled."""

    sentence: int
    start: NormOffset
    end: NormOffset
    type: str
    count: Count
    mixed: bool
    cost: float
    subject: tuple[NormOffset, NormOffset] | None
    anchor: int
    trigger: tuple[NormOffset, NormOffset] | None = None
    back: bool = False  # "الفلسطينيين الأربعة": people already counted, named back


_START, _END = itemgetter(0), itemgetter(1)  # Token.start, Token.end


class _Index:
    """A sentence's figures and event words located among its tokens, and what linking asks of
    them (figures between two tokens, clause breaks between, event words near a figure) answered
    by bisect, so that linking a sentence costs n log n, not n**2 or n**3."""

    def __init__(self, norm: str, toks: Sequence[Token], counts: list[CountMention],
                 trigs: list[Trigger]) -> None:
        self.norm, self.toks = norm, toks
        self.starts = list(map(_START, toks))
        self.ends = list(map(_END, toks))
        self.c_loc = [self.locate(c.start, c.end) for c in counts]
        self.c_lo = [c.lo for c in self.c_loc]
        self.t_loc = [self.locate(t.start, t.end) for t in trigs]
        self.t_lo = [t.lo for t in self.t_loc]
        self.t_span = max((t.hi - t.lo for t in self.t_loc), default=0)
        self._break_at: list[int] | None = None  # found when first asked

    @property
    def break_at(self) -> list[int]:
        """Offsets of the clause breaks between the sentence's first and last token."""
        if self._break_at is None:
            s, e = (self.toks[0].start, self.toks[-1].end) if self.toks else (0, 0)
            self._break_at = [m.start() for m in _BREAK.finditer(self.norm, s, e)]
        return self._break_at

    def locate(self, start: int, end: int) -> Located:
        """``linking.token_range`` by bisect."""
        lo = bisect.bisect_right(self.ends, start)
        hi = max(lo, bisect.bisect_left(self.starts, end))
        return Located(lo, max(hi, lo + 1))

    def breaks(self, x: Located, y: Located) -> int:
        """Clause breaks (:data:`_BREAK`) between the tokens of ``x`` and ``y``."""
        left, right = (x, y) if x.hi <= y.lo else (y, x)
        if right.lo <= left.hi - 1 or right.lo >= len(self.toks):
            return 0
        a, b = self.toks[left.hi - 1].end, self.toks[right.lo].start
        if b <= a:
            return 0
        # marks before b - 1 see their next character; the last one, the end of the range
        # ("\.(?!\d)" before a digit counts there, as in findall(norm, a, b))
        inner = bisect.bisect_left(self.break_at, b - 1) - bisect.bisect_left(self.break_at, a)
        return inner + (_BREAK.match(self.norm, b - 1, b) is not None)

    def counts_between(self, ci: int, lo: int, hi: int) -> int:
        """Figures other than figure ``ci`` within tokens ``[lo, hi)``."""
        n = 0
        for j in range(bisect.bisect_left(self.c_lo, lo), len(self.c_lo)):
            o = self.c_loc[j]
            if o.lo >= hi:
                break
            n += j != ci and o.hi <= hi
        return n

    def counts_from(self, lo: int, hi: int) -> bool:
        """Whether a figure starts within tokens ``[lo, hi)``."""
        return bisect.bisect_left(self.c_lo, lo) < bisect.bisect_left(self.c_lo, hi)

    def near(self, c: Located) -> range:
        """Indices of the event words that can link to figure ``c``. A link costs at least its
        gap in tokens (penalties only add), so one within ``COSTS.max_cost`` is at most
        that many tokens away; a clause's first verb is at most :data:`CLAUSE_SUBJECT_MAX_GAP`
        after it, a verb that beats a noun :data:`VERB_BEFORE_MAX_GAP` before it, a coordinated
        verbal noun one event word further."""
        reach = max(math.ceil(COSTS.max_cost), CLAUSE_SUBJECT_MAX_GAP, VERB_BEFORE_MAX_GAP)
        lo = bisect.bisect_left(self.t_lo, c.lo - reach - 2 * self.t_span)
        return range(lo, bisect.bisect_right(self.t_lo, c.hi + reach))


class _Cover:
    """Offsets covered by a growing set of ``[start, end)`` spans (kept merged: one bisect per
    lookup)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for a, b in sorted(spans):
            self.add(a, b)

    def add(self, start: int, end: int) -> None:
        if start >= end:
            return
        i = bisect.bisect_left(self.ends, start)  # the first span that ends at or after start
        j = bisect.bisect_right(self.starts, end)  # past the last span that starts by end
        if i < j:
            start, end = min(start, self.starts[i]), max(end, self.ends[j - 1])
        self.starts[i:j] = [start]
        self.ends[i:j] = [end]

    def __contains__(self, pos: int) -> bool:
        k = bisect.bisect_right(self.starts, pos)
        return k > 0 and pos < self.ends[k - 1]


def _blocked(toks: Sequence[Token], lo: int) -> bool:
    """Negated or hypothetical context before token ``lo`` ("لم تسجل", "يعتزم إرسال", "قد يقتل")."""
    ctx = context()
    for k in range(max(0, lo - NEGATION_WINDOW), lo):
        if has_stem(toks[k], ctx.negation) and not (
                k + 1 < len(toks) and has_stem(toks[k + 1], ctx.still)):
            return True
    for k in range(max(0, lo - HYPOTHETICAL_WINDOW), lo):
        tok = toks[k]
        if has_stem(tok, ctx.hypothetical):
            return True
        if has_stem(tok, ctx.modal) and k + 1 < len(toks) and toks[k + 1].text.startswith(
                ctx.present_prefixes) and not has_stem(toks[k + 1], ctx.modal_exceptions) \
                and not has_stem(toks[k + 1], triggers().past_forms):  # "قد نزح": has fled
            return True
    return False


UNDONE_WINDOW = 4  # "الإفراج عن 1500 سجين لم يتم": words after the claim


def _undone(toks: Sequence[Token], hi: int) -> bool:
    """Whether "لم يتم" / "لم ينفذ" follows an event right after token ``hi`` (it did not happen)."""
    ctx = context()
    return any(has_stem(toks[k], ctx.negation) and has_stem(toks[k + 1], ctx.undone)
               for k in range(hi, min(hi + UNDONE_WINDOW, len(toks) - 1)))


YEAR_RANGE = range(1900, 2101)
VERB_BEFORE_MAX_GAP = 2     # "حرر الجيش 178 رهينة": an event verb just before beats a noun after
STATUS_TYPES = frozenset({"arrested", "abducted", "missing", "displaced"})  # nouns of a state
CLAUSE_SUBJECT_MAX_GAP = 10
POST_QUALIFIER_WINDOW = 6
QUOTE_MAX_SENTENCES = 3
SUBJECT_BEFORE_MAX_GAP = 3  # "وكان شرطي أردني قتل": one person up to 3 words before its verb


def _not_a_head_count(toks: Sequence[Token], c: Located, cm: CountMention) -> bool:
    """Figures that are labels rather than head counts: bare years, "الدول الـ20", "الأشهر الثمانية",
    and the perpetrators ("برصاص شخصين", "على يد 3 مسلحين")."""
    nxt_person = c.hi < len(toks) and linking.is_person(toks[c.hi])
    if cm.count.value == 1:  # "أحد/إحدى" = one of; single persons are handled by _singles
        return True
    if c.lo > 0 and has_stem(toks[c.lo - 1], persons().agents_before):
        return True  # "قتل برصاص شخصين": the shooters
    if cm.noun is not None:  # a dual: only duals of people, event words or strike targets count
        return not (linking.is_person(toks[c.lo])
                    or has_stem(toks[c.lo], triggers().strike_targets))
    if cm.count.value in YEAR_RANGE and cm.count.qualifier is None and not nxt_person:
        return True
    if has_article(toks[c.lo]) and cm.noun is None and cm.count.vague is None:
        prev_person = c.lo > 0 and linking.is_person(toks[c.lo - 1])
        return not (prev_person or nxt_person)
    return False


def _after_breakdown(toks: Sequence[Token], lo: int) -> bool:
    """Whether token ``lo`` follows "بينهم" / "من بينهم" / "منهم"."""
    return _after_phrase(toks, lo, persons().breakdown)


def _links(toks: Sequence[Token], cm: CountMention, ci: int, ix: _Index,
           trigs: list[Trigger], breaks: dict[int, int]) -> list[tuple[Link, int]]:
    """Links of figure ``ci`` to the event words ``breaks`` holds (with their clause breaks)."""
    links: list[tuple[Link, int]] = []
    c, t_loc = ix.c_loc[ci], ix.t_loc
    conj = starts_with_conjunction(toks[c.lo])
    for ti in breaks:
        trig, t = trigs[ti], t_loc[ti]
        if not linking.is_strike_link(toks, c, t, trig):
            continue
        if not linking.is_loss_link(toks, c, t, trig):
            continue
        if trig.type in triggers().needs_person and trig.role == "verb" and t.hi + 1 < len(toks) \
                and has_stem(toks[t.hi], context().toll_heads) and has_article(toks[t.hi + 1]):
            continue  # "وصل عدد المصابين إلى 40": reached, not arrived
        if trig.role == "noun" and t.lo == c.hi and t.hi < len(toks) \
                and has_stem(toks[t.hi], persons().of_them):
            continue  # "77 معتقلاً منهم قتلوا": the detainees are the group, killing the event
        lo, hi = (t.hi, c.lo) if t.hi <= c.lo else (c.hi, t.lo)
        between = ix.counts_between(ci, lo, hi)
        cost = linking.link_cost(c, t, trig, breaks[ti], between)
        if conj and t.hi == c.lo:
            cost += COSTS.conjunction
        if _split_idiom(toks, c, t, trig):
            cost = min(cost, COSTS.split_idiom)
        if t.lo >= c.hi and any(has_stem(toks[k], context().new_clause)
                                for k in range(c.hi, t.lo)) or _next_conjunct(toks, c, t, trig):
            cost += COSTS.new_clause
        links.append((Link(trig, cost), ti))
    if c.lo > 0 and has_stem(toks[c.lo - 1], context().toll_to):
        links = [(Link(link.trigger, min(link.cost, COSTS.toll)), ti)
                 if _toll_of(toks, c, t_loc[ti], breaks[ti])
                 and not any(t_loc[tj].lo >= t_loc[ti].hi and t_loc[tj].hi <= c.lo
                             and trigs[tj].type not in ("strikes", link.trigger.type) for tj in breaks)
                 else (link, ti) for link, ti in links]  # "عدد القتلى إلى 58 والجرحى إلى 2771"
    clause_subject = c.lo > 0 and has_stem(toks[c.lo - 1], context().complementizers)
    if clause_subject:  # "أن 5 من عناصر الميليشيا ... قتلوا": the clause's first event verb
        after = [(t.lo, ti) for ti, t in ((ti, t_loc[ti]) for ti in breaks)
                 if t.lo >= c.hi and t.lo - c.hi <= CLAUSE_SUBJECT_MAX_GAP
                 and (trigs[ti].role in ("verb", "phrase") or trigs[ti].mixed)
                 and not ix.counts_from(c.hi, t.lo)]
        if after:
            ti = min(after)[1]
            ceiling = COSTS.clause_subject
            links = [(link, i) if i != ti else (Link(link.trigger, min(link.cost, ceiling)), i)
                     for link, i in links]
    return links


TOLL_REACH = 12  # "ارتفعت حصيلة القتلى [منذ بدء الاحتجاجات في 30 آذار/مارس الماضي] إلى 53"


def _toll_of(toks: Sequence[Token], c: Located, t: Located, breaks: int) -> bool:
    """Whether a toll ("حصيلة القتلى", "عدد الجرحى") opens the clause whose "إلى N" is the
    figure: the toll reaches its figure across a period or place phrase of any length."""
    return (breaks == 0 and t.hi <= c.lo and c.lo - t.hi <= TOLL_REACH
            and has_stem(toks[t.lo], context().toll_heads))


def _split_idiom(toks: Sequence[Token], c: Located, t: Located, trig: Trigger) -> bool:
    """Whether a killed noun after the figure closes an idiom opened right before it ("لقي 22 من
    رجال الأمن والمدنيين في المدينة مصرعهم")."""
    return (trig.type == "killed" and trig.role == "noun" and t.lo >= c.hi and c.lo > 0
            and has_stem(toks[c.lo - 1], context().split_idiom_heads))


def _went_missing(toks: Sequence[Token], c: Located, t: Located, trig: Trigger) -> bool:
    """Whether a loss verb is the passive "went missing": a bare "فقد" with the figure right
    after it and no "their" on the people ("وفقد 15 آخرون", not "ففقد 103 من عناصره" nor "فقد 7
    من أفراد الوحدة حياتهم")."""
    ctx = context()
    if trig.role != "loss" or c.lo != t.hi or not has_stem(toks[t.lo], ctx.missing_when_bare):
        return False
    after = toks[c.hi:c.hi + ctx.lost_lives_reach]
    return not any(has_stem(tok, persons().possessed) for tok in after[:3]) and not any(
        has_stem(tok, ctx.lost_lives) for tok in after)


def _next_conjunct(toks: Sequence[Token], c: Located, t: Located, trig: Trigger) -> bool:
    """Whether an event verb or verbal noun after a figure opens the next conjunct ("قتل 11
    حوثياً وجرح 8", "مقتل 4 وإصابة 10"): its own figure follows it, the one before belongs to
    the previous event."""
    tok = toks[t.lo]
    role_opens = trig.role in ("verb", "masdar", "phrase") or (
        trig.role == "noun" and has_article(tok))  # "إلى 58 والجرحى إلى 2771": no tamyiz
    return (t.lo >= c.hi and role_opens and not trig.mixed
            and starts_with_conjunction(tok)
            and tok.text not in triggers().entries.keys)  # "فروا" is no "ف" + "روا"


CAUSATIVE_REACH = 4     # "دفعت [العمليات العسكرية] 320 ألفاً": words between verb and figure
CAUSED_EVENT_REACH = 6  # "320 ألف مدني [من سكان المنطقة] إلى النزوح"


def _caused_event(toks: Sequence[Token], c: Located, links: list[tuple[Link, int]],
                  t_loc: list[Located]) -> tuple[Link, int] | None:
    """After a causative verb ("دفعت المعارك 320 ألف مدني إلى النزوح", "أجبر القصف الآلاف على
    الفرار"), the figure's event is the verbal noun after it, introduced by "إلى"/"على" or a
    glued lam ("للنزوح"); None when the figure is not so framed."""
    ctx = context()
    if not any(has_stem(toks[k], ctx.causatives) for k in range(max(0, c.lo - CAUSATIVE_REACH), c.lo)):
        return None
    for link, ti in sorted(links, key=lambda lt: t_loc[lt[1]].lo):
        t = t_loc[ti]
        if t.lo < c.hi or t.lo - c.hi > CAUSED_EVENT_REACH or link.trigger.role != "masdar":
            continue
        if ctx.purposive(toks[t.lo], link.trigger.type) or has_stem(toks[t.lo - 1],
                                                                    ctx.caused_event_links):
            return Link(link.trigger, min(link.cost, COSTS.caused_event)), ti
    return None


def _choose(links: list[tuple[Link, int]], c: Located, t_loc: list[Located],
            breaks: dict[int, int], toks: Sequence[Token]) -> tuple[Link, int]:
    """The cheapest link, except that an event verb just before the figure beats a victims
    noun after it ("حرر الجيش 178 رهينة" is a release), and a figure of munitions counts
    strikes whatever the verb ("وصلت ثلاثة صواريخ إلى الهدف")."""
    best, bi = min(links, key=lambda lt: lt[0].cost)
    if best.trigger.type != "strikes":
        for link, ti in links:
            if link.trigger.type == "strikes" and link.trigger.role == "noun" \
                    and t_loc[ti].lo == c.hi and not has_preposition(toks[c.hi]):
                return link, ti  # not "مقتل العشرات بغارات": killed by strikes
    if best.trigger.role == "noun" and best.trigger.type in STATUS_TYPES and t_loc[bi].lo >= c.hi:
        for link, ti in links:
            t = t_loc[ti]
            if (link.trigger.role != "noun" and t.hi <= c.lo and c.lo - t.hi <= VERB_BEFORE_MAX_GAP
                    and link.trigger.type != best.trigger.type and breaks[ti] == 0):
                return link, ti
    return best, bi


@dataclass(frozen=True, slots=True)
class _Sentence:
    """One sentence as linking reads it: its index, tokens, event words and the bisect index of
    its figures and event words."""

    norm: str
    si: int
    toks: Sequence[Token]
    trigs: list[Trigger]
    ix: _Index


@dataclass(frozen=True, slots=True)
class _Figure:
    """A head count of the sentence: its index among the sentence's figures, the mention (its
    count hedged by a qualifier after its noun), its token range and the people it counts."""

    ci: int
    cm: CountMention
    c: Located
    subj: Located | None


@dataclass(slots=True)
class _LinkState:
    """What linking carries from one figure to the next, across the sentences of a document.

    ``prev``: the last claim so far (of this sentence or an earlier one); a breakdown ("بينهم
    11 طفلا") or a list ("و8 أطفال") after it takes its event. ``parent``: a figure no event
    word reached, waiting for a breakdown right after it to tell its event ("لقي 26 مدنيا،
    بينهم 11 طفلا مصرعهم"); it waits for the next head count only."""

    prev: Draft | None
    parent: _Figure | None = None

    def see_single(self, single: Draft | None) -> None:
        """A count-of-one claim before the figure is the last claim when it starts later."""
        if single is not None and (self.prev is None or single.start > self.prev.start):
            self.prev = single

    def continue_prev(self, sent: _Sentence, fig: _Figure, cost: float) -> Draft:
        """The figure as a claim of the previous claim's event (a breakdown or a list), now the
        last claim."""
        prev = self.prev
        assert prev is not None  # callers continue only a previous claim
        c, subj = fig.c, fig.subj
        self.prev = _draft(sent.toks, sent.si, c.lo, max(c.hi, subj.hi if subj else 0),
                           prev.type, fig.cm.count, prev.mixed, cost, subj, fig.cm.start,
                           prev.trigger)
        return self.prev


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A figure and the event word it links to best, for the rules that reject the pair."""

    toks: Sequence[Token]
    fig: _Figure
    t: Located
    trig: Trigger
    caused: bool  # the event is a causative verb's verbal noun ("دفعت ... إلى النزوح")


def _counts_things(k: _Candidate) -> bool:
    """The figure counts things ("5 سيارات") and its event word is not right after it; only
    strikes count things."""
    c = k.fig.c
    return linking.counts_objects(k.toks, c) and k.t.lo != c.hi and k.trig.type != "strikes"


def _no_people(k: _Candidate) -> bool:
    """The event needs people (killed, injured, ...) and the figure counts none."""
    return k.trig.type in triggers().needs_person and not linking.counts_people(k.toks, k.fig.c)


def _dual_of_targets(k: _Candidate) -> bool:
    """A dual that names no people ("مستودعين ... وقتل") counts strikes only."""
    c = k.fig.c
    return (k.fig.cm.noun is not None and k.trig.type != "strikes"
            and not linking.is_person(k.toks[c.lo]))


def _reports_no_event(k: _Candidate) -> bool:
    """A figure of a verdict, a population, a rate, a family, ... (:mod:`not_claims`)."""
    return reports_no_event(k.toks, k.fig.c, k.t, k.trig)


def _did_not_happen(k: _Candidate) -> bool:
    """The event is negated or hypothetical ("لم تسجل", "قد يقتل"), undone after ("لم يتم"), or
    a purpose ("لإجلاء"): a verbal noun before the figure that no causative introduces."""
    toks, c, t, trig = k.toks, k.fig.c, k.t, k.trig
    return _blocked(toks, min(c.lo, t.lo)) or _undone(toks, max(c.hi, t.hi)) or (
        trig.role == "masdar" and not k.caused and t.lo < c.lo
        and context().purposive(toks[t.lo], trig.type))


def _past_state(k: _Candidate) -> bool:
    """A state noun after the figure told as past ("كانوا محتجزين")."""
    toks, c, t, trig = k.toks, k.fig.c, k.t, k.trig
    return (trig.role == "noun" and trig.type in STATUS_TYPES and t.lo > c.hi
            and has_stem(toks[t.lo - 1], context().prior_state))


_REJECTIONS: tuple[Callable[[_Candidate], bool], ...] = (
    _counts_things, _no_people, _dual_of_targets, _reports_no_event, _did_not_happen,
    _past_state)
"""The rules that reject a figure's best link, tried in this order: one that holds drops the
figure."""


def _singles(sent: _Sentence, counts: list[CountMention]) -> list[Draft]:
    """The sentence's count-of-one claims: an event word with one person next to it (the
    figures "أحد/إحدى" + noun among them) and the running totals of ordinals ("خامس شخص")."""
    toks, ix = sent.toks, sent.ix
    one_of = {c.lo for cm, c in zip(counts, ix.c_loc) if cm.kind == "count"
              and cm.count.value == 1 and cm.noun is None and c.hi == c.lo + 1
              and not linking.counts_objects(toks, c) and not _strike_word_at(toks, c.hi)}
    singles = _verb_singles(sent.norm, toks, sent.trigs, ix.t_loc, ix.c_loc, sent.si, one_of)
    running = _running_totals(sent.norm, toks, sent.trigs, ix.t_loc, sent.si)
    if running:  # the Nth person is no count of one
        singles = [d for d in singles
                   if not any(r.start <= d.anchor < r.end for r in running)] + running
    return singles


class _SinglesBefore:
    """The count-of-one claims starting before a growing offset: the last of them in list
    order."""

    def __init__(self, singles: list[Draft]) -> None:
        self.singles = singles
        self.by_start = sorted(range(len(singles)), key=lambda i: singles[i].start)
        self.seen = 0
        self.last = -1

    def upto(self, pos: int) -> Draft | None:
        """The last (in list order) of the singles starting before ``pos``, or None; ``pos``
        grows from call to call."""
        singles, by_start = self.singles, self.by_start
        while self.seen < len(by_start) and singles[by_start[self.seen]].start < pos:
            self.last = max(self.last, by_start[self.seen])
            self.seen += 1
        return singles[self.last] if self.last >= 0 else None


@dataclass(frozen=True, slots=True)
class _Linked:
    """A figure's links to the event words near it: all of them with their clause breaks, and
    the best one (``bi``: its event word's index; None when there is no link)."""

    links: list[tuple[Link, int]]
    breaks: dict[int, int]
    best: Link | None
    bi: int
    caused: bool


def _link_figure(sent: _Sentence, fig: _Figure) -> _Linked:
    """Link a figure to the event words near it and choose the best link (a causative verb's
    verbal noun first: :func:`_caused_event`, else :func:`_choose`)."""
    toks, ix, c = sent.toks, sent.ix, fig.c
    breaks = {ti: ix.breaks(c, ix.t_loc[ti]) for ti in ix.near(c)}
    links = _links(toks, fig.cm, fig.ci, ix, sent.trigs, breaks)
    if not links:
        return _Linked(links, breaks, None, -1, False)
    best, bi = _choose(links, c, ix.t_loc, breaks, toks)
    caused = _caused_event(toks, c, links, ix.t_loc)
    if caused is not None:
        best, bi = caused
    return _Linked(links, breaks, best, bi, caused is not None)


def _coordinated(sent: _Sentence, linked: _Linked, best: Link) -> list[tuple[Link, int]]:
    """The best link and the verbal nouns coordinated right before its event word ("اعتقال
    وقتل عدد من" -> arrested and killed)."""
    t_loc, bi, trig = sent.ix.t_loc, linked.bi, best.trigger
    chosen = [(best, bi)]
    for link, ti in linked.links:
        other = link.trigger
        if (ti != bi and t_loc[ti].hi == t_loc[bi].lo and other.type != trig.type
                and other.role == "masdar" and trig.role in ("masdar", "verb")
                and linked.breaks[ti] == 0
                and not other.mixed and not trig.mixed):
            chosen.append((link, ti))
    return chosen


def _figure_drafts(sent: _Sentence, fig: _Figure, state: _LinkState) -> list[Draft]:
    """The claims of one head count, in this order: a breakdown of the previous claim takes its
    event; else the figure's best link, unless a list or a toll named back continues the
    previous claim; a figure with no link within ``COSTS.max_cost`` waits as
    ``state.parent``; a link one of :data:`_REJECTIONS` rejects gives nothing; else a claim per
    chosen event word (and one for the figure that waited for this breakdown)."""
    toks, si, c, subj = sent.toks, sent.si, fig.c, fig.subj
    breakdown = _after_breakdown(toks, c.lo)
    waiting = state.parent if breakdown else None
    state.parent = None
    if state.prev is not None and breakdown and waiting is None:
        return [state.continue_prev(sent, fig, COSTS.breakdown)]
    linked = _link_figure(sent, fig)
    best = linked.best
    if (_continues_list(toks, c, state.prev, si)
            or _toll_named_back(sent.norm, toks, c, state.prev)) \
            and (best is None or best.cost > COSTS.list):
        # "مقتل 20 شخصاً ... و8 أطفال": a conjoined figure of people shares the event
        return [state.continue_prev(sent, fig, COSTS.list)]
    prev = state.prev
    if best is None or best.cost > COSTS.max_cost:
        if prev is None or prev.sentence != si or prev.end <= c.lo:
            state.parent = fig
        return []
    t = sent.ix.t_loc[linked.bi]
    if _went_missing(toks, c, t, best.trigger):
        best = Link(Trigger(best.trigger.start, best.trigger.end, "missing", "verb",
                            best.trigger.entry), best.cost)
    trig = best.trigger
    if any(rule(_Candidate(toks, fig, t, trig, linked.caused)) for rule in _REJECTIONS):
        return []
    out: list[Draft] = []
    if waiting is not None:  # the breakdown's event is its whole's
        wc, wsubj = waiting.c, waiting.subj
        out.append(_draft(toks, si, wc.lo, max(wc.hi, wsubj.hi if wsubj else 0), trig.type,
                          waiting.cm.count, trig.mixed, best.cost, wsubj, waiting.cm.start,
                          (trig.start, trig.end)))
    for link, ti in _coordinated(sent, linked, best):
        tl = sent.ix.t_loc[ti]
        lo, hi = min(c.lo, tl.lo), max(c.hi, tl.hi, subj.hi if subj else 0)
        state.prev = _draft(toks, si, lo, hi, link.trigger.type, fig.cm.count,
                            link.trigger.mixed, link.cost, subj, fig.cm.start,
                            (link.trigger.start, link.trigger.end))
        if _named_back(toks, c):
            state.prev = replace(state.prev, back=True)
        out.append(state.prev)
    return out


def _with_singles(sent: _Sentence, out: list[Draft], singles: list[Draft]) -> list[Draft]:
    """The figures' claims and then each count-of-one claim whose person no claim covers yet
    (or that is the first conjunct of a figure: "مقتل ضابط و3 جنود")."""
    if singles:
        cover = _Cover((o.start, o.end) for o in out)
        for d in singles:
            if d.anchor not in cover or _first_conjunct(sent.norm, sent.toks, d, out):
                out.append(d)
                cover.add(d.start, d.end)
    return out


def _sentence_drafts(doc: Document, si: int, toks: Sequence[Token], counts: list[CountMention],
                     trigs: list[Trigger], prev: Draft | None) -> list[Draft]:
    """The drafts of sentence ``si`` (``prev``: the last claim of the sentences before it):
    each head count's claims (:func:`_figure_drafts`), the count-of-one claims, the single
    persons that follow a claim (:func:`_follow_singles`), then the event read again for
    evacuees and victims of deaths."""
    norm = doc.norm
    sent = _Sentence(norm, si, toks, trigs, _Index(norm, toks, counts, trigs))
    c_loc = sent.ix.c_loc
    trigger_tokens = {k for t in sent.ix.t_loc for k in range(t.lo, t.hi)}
    singles = _singles(sent, counts)
    before = _SinglesBefore(singles)
    state = _LinkState(prev)
    out: list[Draft] = []
    for ci, (cm, c) in enumerate(zip(counts, c_loc)):
        cm = CountMention(cm.start, cm.end, _hedged(norm, toks, c, cm.count), cm.kind, cm.noun)
        state.see_single(before.upto(cm.start))
        if cm.kind != "count" or _not_a_head_count(toks, c, cm):
            continue
        fig = _Figure(ci, cm, c, linking.subject_range(toks, c, trigger_tokens, norm))
        out.extend(_figure_drafts(sent, fig, state))
    out = _with_singles(sent, out, singles)
    last = state.prev
    carried = [last] if last is not None and last.sentence != si else []
    out.extend(_follow_singles(toks, c_loc, si, carried + out))
    return _evacuees(_victims_of_deaths(out, trigs), toks)


FAMILIES_REACH = 8  # "422 شخصا من عناصر الدفاع المدني وأفراد عائلاتهم": words after the figure


def _evacuees(drafts: list[Draft], toks: Sequence[Token]) -> list[Draft]:
    """People arriving or sent with their families are displaced, not deployed ("وصل 422 شخصا
    من عناصر الدفاع المدني وأفراد عائلاتهم", "خروج 13 مقاتلا وأسرهم")."""
    if not any(d.type == "deployed" for d in drafts):
        return drafts
    starts = [t.start for t in toks]
    families = context().with_families
    out = []
    for d in drafts:
        if d.type == "deployed":
            k = bisect.bisect_left(starts, d.anchor)
            if any(has_stem(tok, families) for tok in toks[k:k + FAMILIES_REACH]):
                d = replace(d, type="displaced")
        out.append(d)
    return out


def _victims_of_deaths(drafts: list[Draft], trigs: list[Trigger]) -> list[Draft]:
    """Victims ("ضحايا", "ضحية") of a sentence that tells only of deaths ("وفاة عدد منهم تحت
    التعذيب ... وصل عدد الضحايا إلى 409 ضحايا", "الذين قضوا ... إلى 178 ضحية") are killed, not
    killed-or-wounded; a verb of falling or losing tells neither."""
    victims = {(t.start, t.end) for t in trigs if t.mixed and t.role == "noun"}
    if not victims or not any(d.trigger in victims for d in drafts):
        return drafts
    kinds = {t.type for t in trigs if not t.mixed and t.role != "loss"}  # "سقوط 15 ضحية" is mixed
    if "killed" not in kinds or "injured" in kinds:
        return drafts
    return [replace(d, type="killed", mixed=False) if d.trigger in victims else d
            for d in drafts]


def _named_back(toks: Sequence[Token], c: Located) -> bool:
    """Whether a figure is a definite number after a definite person noun ("وبمقتل الفلسطينيين
    الأربعة ترتفع الحصيلة", "مقتل الأمريكيين الأربعة"): people the article has already counted."""
    return (c.lo > 0 and has_article(toks[c.lo]) and has_article(toks[c.lo - 1])
            and linking.is_person(toks[c.lo - 1]))


def _without_named_back(drafts: list[Draft]) -> list[Draft]:
    """Drafts less the figures that name back people an earlier claim of the same event and
    figure counted."""
    seen: set[tuple[str, object]] = set()
    out = []
    for d in drafts:
        key = (d.type, d.count.key())
        if d.back and key in seen:
            continue
        seen.add(key)
        out.append(d)
    return out


def _hedged(norm: str, toks: Sequence[Token], c: Located, count: Count) -> Count:
    """The count with a hedge written after its noun ("47 شخصاً على الأقل" -> at_least)."""
    if count.value is None or count.qualifier is not None:
        return count
    quals = context().post_qualifiers
    for k in range(c.hi, min(len(toks), c.hi + POST_QUALIFIER_WINDOW)):
        if k > c.hi and _BREAK.search(norm, toks[k - 1].end, toks[k].start):
            break
        hit = quals.match_at(toks, k)
        if hit is not None:
            return Count(value=count.value, qualifier=str(hit[1]))
    return count


def _after_phrase(toks: Sequence[Token], lo: int, phrases: PhraseSet[bool]) -> bool:
    """Whether token ``lo`` comes right after one of ``phrases`` (of up to three words)."""
    for k in (lo - 1, lo - 2, lo - 3):
        if k >= 0:
            hit = phrases.match_at(toks, k)
            if hit is not None and k + hit[0] == lo:
                return True
    return False


def _continues_list(toks: Sequence[Token], c: Located, prev: Draft | None, si: int) -> bool:
    """Whether a figure is "وN + people" (or "مع N", "بالإضافة إلى N") continuing the previous
    claim of the sentence."""
    linked = starts_with_conjunction(toks[c.lo]) or _after_phrase(toks, c.lo, persons().list_links)
    return (prev is not None and prev.sentence == si and prev.start < toks[c.lo].start
            and linked and c.hi < len(toks) and linking.is_person(toks[c.hi]))


ANAPHORIC_REACH = 6  # words between "العدد"/"الحصيلة" and its "إلى N"


def _toll_named_back(norm: str, toks: Sequence[Token], c: Located, prev: Draft | None) -> bool:
    """Whether a figure is "... الحصيلة/إجمالي العدد ... إلى N": the previous claim's toll again."""
    ctx = context()
    if prev is None or c.lo == 0 or not has_stem(toks[c.lo - 1], ctx.toll_to):
        return False
    for k in range(c.lo - 2, max(-1, c.lo - 2 - ANAPHORIC_REACH), -1):
        if _BREAK.search(norm, toks[k].end, toks[k + 1].start):
            return False
        if has_stem(toks[k], ctx.anaphoric_tolls):
            return True
    return False


def _draft(toks: Sequence[Token], si: int, lo: int, hi: int, etype: str, count: Count,
           mixed: bool, cost: float, subj: Located | None, anchor: int,
           trigger: tuple[NormOffset, NormOffset] | None = None) -> Draft:
    return Draft(si, toks[lo].start, toks[hi - 1].end, etype, count, mixed, cost,
                 (toks[subj.lo].start, toks[subj.hi - 1].end) if subj else None, anchor, trigger)


def _one_person(tok: Token) -> bool:
    lex = persons()
    return (has_stem(tok, lex.singular) and not has_stem(tok, lex.plural)) \
        or has_stem(tok, lex.kin_possessed)  # "ابنها", "نجله"


@lru_cache(maxsize=1)
def _one_person_words() -> frozenset[str]:
    """Every word :func:`_one_person` can hold true for: a token with none of them is passed
    over without the call."""
    lex = persons()
    return lex.singular | lex.kin_possessed


def _opens_clause(norm: str, toks: Sequence[Token], k: int) -> bool:
    """Whether token ``k`` can start a clause: first of its sentence, after punctuation, or
    after a complementizer or clause opener ("أن", "وكان", "فيما")."""
    if k == 0 or _BREAK.search(norm, toks[k - 1].end, toks[k].start):
        return True
    prev = toks[k - 1]
    return has_stem(prev, context().complementizers) or has_stem(prev, persons().subject_openers)


AGENT_WORDS = 3  # "اعتقلت [السلطات الفرنسية] اللص": an institution and its adjectives


def _after_agent(norm: str, toks: Sequence[Token], k: int) -> int:
    """Index after an institution named as the subject right after a verb (verb-subject-object:
    "اعتقلت الشرطة المشتبه"), or ``k`` when there is none."""
    if k >= len(toks) or not has_stem(toks[k], actor_heads()) \
            or has_stem(toks[k], persons().singular):  # "أصيب قائد الرتل": the one person
        return k
    j = k + 1
    while j < min(len(toks), k + AGENT_WORDS) and has_article(toks[j]) \
            and not has_stem(toks[j], persons().singular) and not _BREAK.search(
                norm, toks[j - 1].end, toks[j].start):
        j += 1
    return j


def _is_one(toks: Sequence[Token], k: int, one_of: Set[int], counted_all: Set[int]) -> bool:
    """Whether token ``k`` names one person: a figure "أحد/إحدى" (``one_of``), a singular person
    noun ("شاب", "ابنها", "أحدهم", "شخصا آخر"), or a singular that also follows figures ("11
    امرأة", "20 مسلحا") and follows none here (``counted_all``: tokens of every figure):
    "قتلت امرأة", "قتلت القوات مسلحا"."""
    lex = persons()
    return k in one_of or _one_person(toks[k]) or has_stem(toks[k], lex.one_of_them) or (
        has_stem(toks[k], lex.singular) and k + 1 < len(toks)
        and has_stem(toks[k + 1], lex.one_other)) or (
        has_stem(toks[k], lex.singular) and k - 1 not in counted_all)


def _referents(toks: Sequence[Token], k: int, one_of: Set[int]) -> Count:
    """How many the person noun at token ``k`` names by the referent after it: "المشتبه بهما" =
    2; "المشتبه بهم": no count (value 0); else 1."""
    nxt = toks[k + 1] if k + 1 < len(toks) and k not in one_of else None
    lex = persons()
    return Count(value=0 if nxt is not None and has_stem(nxt, lex.plural_referents) else
                 2 if nxt is not None and has_stem(nxt, lex.dual_referents) else 1)


def _single_before(norm: str, toks: Sequence[Token], trig: Trigger, t: Located, si: int,
                   one_of: Set[int], counted: Set[int], counted_all: Set[int]) -> Draft | None:
    """One person up to :data:`SUBJECT_BEFORE_MAX_GAP` words before an event verb that opens a
    clause or is tied to the verb by a relative ("وكان شرطي أردني قتل", "أحد جنودها قتل"); None
    when a figure or a clause break comes first, or the referent counts none."""
    for k in range(t.lo - 1, max(-1, t.lo - 1 - SUBJECT_BEFORE_MAX_GAP), -1):
        if k in counted or _BREAK.search(norm, toks[k].end, toks[k + 1].start):
            return None
        if _is_one(toks, k, one_of, counted_all) and (_opens_clause(norm, toks, k) or any(
                has_stem(toks[j], persons().relative_one) for j in range(k + 1, t.lo))):
            count = _referents(toks, k, one_of)
            if not count.value:
                return None
            return _draft(toks, si, k, t.hi, trig.type, count, trig.mixed, COSTS.single_before,
                          Located(k, k + 1), toks[k].start, (trig.start, trig.end))
    return None


def _verb_singles(norm: str, toks: Sequence[Token], trigs: list[Trigger], t_loc: list[Located],
                  c_loc: list[Located], si: int, one_of: Set[int] = frozenset()
                  ) -> list[Draft]:
    """Count-of-one claims: an event verb or noun with one person after it ("قُتل شاب", "إلقاء
    القبض على رجل", "اعتقلت أحد المشاركين") or before it ("وكان شرطي أردني قتل", "أحد جنودها
    قتل"); ``one_of``: the tokens of the figures "أحد/إحدى" + noun."""
    out: list[Draft] = []
    gap_words = persons().single_gap
    counted_all = {k for c in c_loc for k in range(c.lo, c.hi)}
    counted = counted_all - one_of
    for trig, t in zip(trigs, t_loc):
        idiom = _split_idiom_one(toks, t, trig, counted)
        if idiom is not None:  # "لقي قائد التنظيم مقتله"
            out.append(_draft(toks, si, idiom - 1, t.hi, trig.type, Count(value=1), trig.mixed,
                              COSTS.single, Located(idiom, idiom + 1), toks[idiom].start,
                              (trig.start, trig.end)))
            continue
        if _lone_victim(toks, t, trig, counted_all):  # "وسقط قتيل من المقاومة"
            out.append(_draft(toks, si, t.lo, t.hi, trig.type, Count(value=1), trig.mixed,
                              COSTS.single, Located(t.lo, t.hi), toks[t.lo].start, (trig.start, trig.end)))
            continue
        if trig.type not in ONE_TYPES or trig.role not in ("verb", "masdar", "phrase") \
                or _blocked(toks, t.lo):
            continue
        k = t.hi + 1 if t.hi < len(toks) and has_stem(toks[t.hi], gap_words) else t.hi
        if trig.role == "verb":
            k = _after_agent(norm, toks, k)
        if k < len(toks) and k not in counted and not (k in one_of and _BREAK.search(
                norm, toks[t.hi - 1].end, toks[k].start)) and (
                _is_one(toks, k, one_of, counted_all) or (
                trig.role == "verb" and k == t.hi and has_stem(toks[k], persons().one_other))):
            if (count := _referents(toks, k, one_of)).value:
                out.append(_draft(toks, si, t.lo, k + 1, trig.type, count, trig.mixed,
                                  COSTS.single, Located(k, k + 1), toks[k].start, (trig.start, trig.end)))
            continue
        if k + 1 < len(toks) and k not in counted and linking.is_person(toks[k]) \
                and has_stem(toks[k + 1], persons().dual_apposition):  # "المهاجمين وهما"
            out.append(_draft(toks, si, t.lo, k + 1, trig.type, Count(value=2), trig.mixed,
                              COSTS.single, Located(k, k + 1), toks[k].start, (trig.start, trig.end)))
            continue
        before = _single_before(norm, toks, trig, t, si, one_of, counted, counted_all) \
            if trig.role == "verb" or trig.entry in persons().one_subject_idioms else None
        if before is not None:
            out.append(before)
    return out


def _lone_victim(toks: Sequence[Token], t: Located, trig: Trigger, counted: set[int]) -> bool:
    """Whether a victims noun stands alone for one person right after a verb of falling or
    causing ("سقط قتيل", "أسفر عن جريح", "أوقع قتيلا و3 جرحى"): a singular indefinite one, not
    negated ("لم يسقط أي قتيل" has "أي" before it)."""
    lex = persons()
    return (trig.role == "noun" and t.hi - t.lo == 1 and t.lo > 0
            and has_stem(toks[t.lo], lex.lone_victims) and not is_definite(toks[t.lo])
            and t.lo - 1 not in counted and has_stem(toks[t.lo - 1], lex.lone_victim_after)
            and not _blocked(toks, t.lo))


RUNNING_REACH = 4  # "[الرابع من إخوانه الذين] لقوا مصرعهم": words from the ordinal to the event


CONJUNCT_GAP = 3  # "مقتل [آمر الفوج] و3 جنود": the one person's words before the conjoined figure


def _first_conjunct(norm: str, toks: Sequence[Token], d: Draft, drafts: list[Draft]) -> bool:
    """Whether the one person of ``d`` is the first conjunct of a figure of the same event
    ("مقتل ضابط و3 جنود", "امرأة وأطفالها الثلاثة": 1 and 3), not its agent ("قتل مسلح 5
    أشخاص", no conjunction) nor one of "N others" ("شاب و3 آخرين")."""
    if d.subject is None:
        return False
    for o in drafts:
        if o.type != d.type or not o.start <= d.anchor < o.anchor < o.end:
            continue
        k = bisect.bisect_right(toks, o.anchor, key=_START) - 1
        j = bisect.bisect_right(toks, d.subject[0], key=_START) - 1
        # "و3 جنود", or a numeral after its conjoined noun: "امرأة وأطفالها الثلاثة"
        conj = starts_with_conjunction(toks[k]) or (
            k - 1 > j and starts_with_conjunction(toks[k - 1]) and has_article(toks[k]))
        if 0 < k - j <= CONJUNCT_GAP and conj \
                and not _BREAK.search(norm, d.subject[0], toks[k].start) \
                and not any(has_stem(t, persons().others) for t in toks[k + 1:k + 1 + CONJUNCT_GAP]):
            return True
    return False


def _ordinal(toks: Sequence[Token], k: int) -> int:
    """The running total an ordinal at token ``k`` tells when it ranks people ("خامس شخص",
    "الرابع من إخوانه"), else 0."""
    lex = persons()
    if k + 1 >= len(toks):
        return 0
    value = next((lex.running_ordinals[s] for s in toks[k].stems if s in lex.running_ordinals), 0)
    nxt = toks[k + 1]
    if value and (linking.is_person(nxt) or (has_stem(nxt, lex.partitive) and k + 2 < len(toks)
                                             and linking.is_person(toks[k + 2]))):
        return value
    return 0


def _running_totals(norm: str, toks: Sequence[Token], trigs: list[Trigger],
                    t_loc: list[Located], si: int) -> list[Draft]:
    """Ordinals as running totals: the Nth person of an event is N so far ("أصبح خامس شخص يلقى
    حتفه", "ثالث صحفي يقتل منذ بداية العام", "مقتل ثاني متظاهر")."""
    out: list[Draft] = []
    for trig, t in zip(trigs, t_loc):
        if trig.type not in ONE_TYPES or trig.role == "noun" or _blocked(toks, t.lo):
            continue
        ks = [t.hi] if t.hi < len(toks) else []
        if trig.role in ("verb", "phrase"):
            for k in range(t.lo - 1, max(-1, t.lo - 1 - RUNNING_REACH), -1):
                if _BREAK.search(norm, toks[k].end, toks[k + 1].start):
                    break
                ks.append(k)
        for k in ks:
            value = _ordinal(toks, k)
            if value:
                lo, hi = min(k, t.lo), max(k + 2, t.hi)
                out.append(_draft(toks, si, lo, hi, trig.type, Count(value=value), trig.mixed,
                                  COSTS.single, Located(k, k + 2), toks[k].start, (trig.start, trig.end)))
                break
    return out


def _strike_word_at(toks: Sequence[Token], k: int) -> bool:
    """Whether token ``k`` is a strike word ("إحدى الغارات" is no person)."""
    hit = triggers().entries.match_at(toks, k) if k < len(toks) else None
    return hit is not None and hit[1].type == "strikes"


def _split_idiom_one(toks: Sequence[Token], t: Located, trig: Trigger,
                     counted: set[int]) -> int | None:
    """The one person between an idiom's verb and its killed noun ("لقي قائد التنظيم مقتله",
    "لقي جندي مصرعه"): the person's token index, or None."""
    if trig.type != "killed" or trig.role not in ("noun", "masdar"):
        return None
    for k in range(t.lo - 1, max(0, t.lo - 1 - SUBJECT_BEFORE_MAX_GAP), -1):
        if k in counted:
            return None
        if _one_person(toks[k]) and has_stem(toks[k - 1], context().split_idiom_heads):
            return k
    return None


def _follow_singles(toks: Sequence[Token], c_loc: list[Located], si: int,
                    drafts: list[Draft]) -> list[Draft]:
    """One person after a breakdown ("بينهم امرأة") or conjoined to a claim ("مقتل 10 مدنيين
    وجندي"): a count-of-one claim of the same event."""
    out: list[Draft] = []
    if not drafts:
        return out
    counted = {k for c in c_loc for k in range(c.lo, c.hi)}
    cover: _Cover | None = None  # built at the first person word
    by_start: list[int] = []
    seen = 0
    # the draft (of drafts + out) before the token with the greatest (sentence, start), the
    # first one in list order on a tie
    best: tuple[int, int, int] | None = None
    prev: Draft | None = None
    may_be_one = _one_person_words()
    for k, tok in enumerate(toks):
        if may_be_one.isdisjoint(tok.stems) or k in counted or not _one_person(tok):
            continue
        if cover is None:
            cover = _Cover((d.start, d.end) for d in drafts)
            by_start = sorted(range(len(drafts)), key=lambda i: drafts[i].start)
        if tok.start in cover and not _after_breakdown(toks, k):  # "4 بينهم طفل قتلوا"
            continue
        while seen < len(by_start) and drafts[by_start[seen]].start < tok.start:
            i = by_start[seen]
            seen += 1
            key = (drafts[i].sentence, drafts[i].start, -i)
            if best is None or key > best:
                best, prev = key, drafts[i]
        if prev is None:
            continue
        # "مقتل 10 مدنيين وجندي" adds one person; "11 ألف مدني ومقاتل" and "86 عنصرا ومطلوبا"
        # only extend a singular counted noun
        conj_after_claim = (prev.sentence == si and starts_with_conjunction(tok) and k > 0
                            and prev.end - 1 <= toks[k - 1].end <= prev.end + 1
                            and not has_stem(toks[k - 1], persons().singular))
        if _after_breakdown(toks, k) or conj_after_claim:
            out.append(_draft(toks, si, k, k + 1, prev.type, Count(value=1), prev.mixed,
                              COSTS.follow_single, Located(k, k + 1), tok.start, prev.trigger))
            key = (si, out[-1].start, -len(drafts) - len(out))  # before every later token
            if key > best:  # type: ignore[operator]  # best is set wherever prev is
                best, prev = key, out[-1]
    return out


def _sentence_of(starts: Sequence[int], pos: int) -> int:
    """Index of the sentence (by its start offsets) that holds ``pos``."""
    return max(0, bisect.bisect_right(starts, pos) - 1)


UNNAMED = frozenset({"carry", "outlet"})  # attribution cues that name no speaker


class _SourceResolver:
    """Picks the source of a figure: its sentence's attribution, else the speaker carried by a
    continuation verb ("وأضاف أن") or by a quotation still open from an earlier sentence."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.by_sentence: dict[int, list[SourceMention]] = {}
        starts = [s for s, _ in doc.sentences]
        for sm in doc.sources:
            self.by_sentence.setdefault(_sentence_of(starts, sm.cue_start), []).append(sm)
        # per sentence with attributions: cue offsets (None unless in order, for bisect) and the
        # last named (not UNNAMED) mention among the first i; the sentences naming a speaker
        self.cues: dict[int, list[NormOffset] | None] = {}
        self.named_upto: dict[int, list[SourceMention | None]] = {}
        self.named_sentences: list[int] = []
        for si, mentions in sorted(self.by_sentence.items()):
            cues = [sm.cue_start for sm in mentions]
            self.cues[si] = cues if cues == sorted(cues) else None
            upto: list[SourceMention | None] = [None]
            for sm in mentions:
                upto.append(sm if sm.kind not in UNNAMED else upto[-1])
            self.named_upto[si] = upto
            if upto[-1] is not None:
                self.named_sentences.append(si)
        self.quoted_from = self._open_quotes()
        self.count_starts = sorted(c.start for c in doc.counts if c.kind == "count")

    def _open_quotes(self) -> dict[int, int]:
        """Sentence -> the earlier sentence whose quotation it continues."""
        out: dict[int, int] = {}
        opened: int | None = None
        para_ends = sorted({e for _, e in self.doc.paragraphs})
        for si, (s, e) in enumerate(self.doc.sentences):
            if opened is not None and si - opened > QUOTE_MAX_SENTENCES:
                opened = None  # an unclosed quotation mark: stop carrying
            if opened is not None:
                out[si] = opened
            if self.doc.norm.count('"', s, e) % 2 == 1:
                last_quote = self.doc.norm.rfind('"', s, e)
                cued = any(sm.cue_start < last_quote for sm in self.by_sentence.get(si, []))
                opened = si if opened is None and cued else None
            if opened is not None and bisect.bisect_right(para_ends, s) < bisect.bisect_right(
                    para_ends, e):
                opened = None  # a quotation does not run past its paragraph
        return out

    def _last_named(self, si: int) -> SourceMention | None:
        """The last speaker named in a sentence before sentence ``si``."""
        k = bisect.bisect_left(self.named_sentences, si)
        return self.named_upto[self.named_sentences[k - 1]][-1] if k else None

    def _named_in(self, si: int) -> SourceMention | None:
        upto = self.named_upto.get(si)
        return (upto[-1] if upto else None) or self._last_named(si)

    def _trailing(self, pos: int, after: list[SourceMention],
                  before: SourceMention | None) -> SourceMention | None:
        """The attribution right after a figure that vouches for it ("أسفر عن مقتل 12 شخصاً
        وفقاً لبيان الحزب", "..., كما قال المرصد"): the first one after the figure, with no other
        figure between. A news agency there relays the speaker before the figure ("..., وفقاً
        لرويترز"), so it wins only over the article's own voice."""
        if not after or not after[0].after:
            return None
        t = after[0]
        k = bisect.bisect_right(self.count_starts, pos)
        if k < len(self.count_starts) and self.count_starts[k] < t.cue_start:
            return None
        if t.kind == "media" and before is not None and before.kind != "outlet":
            return None
        return t

    def resolve(self, si: int, pos: int) -> SourceMention | None:
        mentions = self.by_sentence.get(si, [])
        cues = self.cues.get(si)
        if cues is not None:  # in text order: the mentions up to pos are the first k
            k = bisect.bisect_right(cues, pos)
            before_last = mentions[k - 1] if k else None
            after = mentions[k:k + 1]
            earlier = self.named_upto[si][k - 1] if k else None
        else:
            before = [sm for sm in mentions if sm.cue_start <= pos]
            after = [sm for sm in mentions if sm.cue_start > pos]
            before_last = before[-1] if before else None
            named = [sm for sm in before[:-1] if sm.kind not in UNNAMED]
            earlier = named[-1] if named else None
        chosen = before_last if before_last is not None else (after[0] if after else None)
        trailing = self._trailing(pos, after, before_last)
        if trailing is not None:
            return trailing
        if chosen is not None and chosen.kind == "outlet":  # "يذكر أن": the article's voice
            return None
        if chosen is not None and chosen.kind == "carry":
            return earlier or self._last_named(si)
        if chosen is None and si in self.quoted_from:
            return self._named_in(self.quoted_from[si])
        return chosen


CONTEXT_SENTENCES = 3  # how far back in the paragraph a claim may take its time from
EVENT_PRECISIONS = frozenset({"day", "week", "month"})


def _past(t: TimeMention, published: datetime.date | None) -> bool:
    """A dated expression that is not after publication (so not a future "المقبل")."""
    return t.date is not None and (published is None or t.date <= published.isoformat())


def _may_date_event(t: TimeMention, said: TimeMention) -> bool:
    """Whether a time of a sentence whose statement is dated (``said``) may date its event:
    not a year ("أعنف هجوم منذ نحو عام" compares) and not after the statement."""
    return t.precision != "year" and (t.date is None or said.date is None or t.date <= said.date)


def _time_ref(doc: Document, t: TimeMention, precision: str | None = None) -> TimeRef:
    return TimeRef(doc.original(t.start, t.end), doc.span(t.start, t.end), t.date,
                   precision or t.precision)


class _TimeChooser:
    """When: a time expression of the claim's sentence (the nearest to the figure; a cumulative
    "منذ بدء الحرب" gives precision "since" and its start when known), a day that dates the
    sentence's statement ("أعلنت الوزارة، السبت، أن") only when no other; else the nearest event
    date (a day, week or month, not after publication) of the previous sentences of the
    paragraph, then of the headline and lead; else the publication date ("publication")."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.published = published = parse_published(doc.published)
        times = sorted(doc.times, key=lambda t: t.start)  # as found: in text order already
        said = statement_days(doc)
        own = [t for t in times if _past(t, published) or t.precision == "since"]
        self.own = [t for t in own if t.start not in said]
        self.own_starts = [t.start for t in self.own]
        self.said = [t for t in own if t.start in said]
        self.said_starts = [t.start for t in self.said]
        self.events = [t for t in times if t.precision in EVENT_PRECISIONS and _past(t, published)]
        self.event_starts = [t.start for t in self.events]
        self.paragraph_starts = [ps for ps, _ in doc.paragraphs]

    def _nearest_inside(self, s: int, e: int, anchor: int, said: bool = False
                        ) -> TimeMention | None:
        """``min(times of [s, e), key=distance to anchor)``: the first of the nearest (of the
        statement days when ``said``)."""
        starts, times = (self.said_starts, self.said) if said else (self.own_starts, self.own)
        lo, hi = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
        if lo == hi:
            return None
        k = min(max(bisect.bisect_left(starts, anchor), lo), hi)
        best = None
        for j in (k - 1, k):  # the last one before anchor, the first one from it on
            if lo <= j < hi and (best is None or abs(starts[j] - anchor) < abs(starts[best] - anchor)):
                best = bisect.bisect_left(starts, starts[j], lo, hi)
        return times[best] if best is not None else None

    def for_(self, draft: Draft) -> TimeRef | None:
        doc = self.doc
        s, e = doc.sentences[draft.sentence]
        inside = self._nearest_inside(s, e, draft.anchor)
        said = self._nearest_inside(s, e, draft.anchor, said=True)
        if inside is not None and (said is None or _may_date_event(inside, said)):
            return _time_ref(doc, inside)
        if said is not None:  # "أعلنت الوزارة، السبت، أن": most often the event's day too
            return _time_ref(doc, said)
        k = bisect.bisect_right(self.paragraph_starts, s) - 1
        para = self.paragraph_starts[k] if k >= 0 and s < doc.paragraphs[k][1] else s
        back = doc.sentences[max(0, draft.sentence - CONTEXT_SENTENCES)][0]
        lead_end = doc.sentences[min(1, len(doc.sentences) - 1)][1]
        for lo, hi in ((max(para, back), s), (0, lead_end)):
            j = bisect.bisect_left(self.event_starts, hi) - 1
            if j >= 0 and self.event_starts[j] >= lo:
                return _time_ref(doc, self.events[j])
        published = self.published
        return TimeRef("", None, published.isoformat(), "publication") if published else None


def _resolved(doc: Document, start: NormOffset, end: NormOffset, kind: str, country: str | None) -> Mention:
    """A speaker phrase as a Mention with its kind, canonical id, role and affiliation."""
    text = doc.original(start, end)
    info = resolve_source(text, country=country)
    return Mention(text, doc.span(start, end), info.kind or kind, id=info.id, name=info.name,
                   role=info.role, affiliation=info.affiliation, country=info.country)


def _source_mention(doc: Document, sm: SourceMention | None,
                    country: str | None) -> tuple[Mention, tuple[Mention, ...]]:
    if sm is None:  # the article's own voice: its outlet's name, or empty when none is given
        return Mention(doc.outlet or "", Span(0, 0), "outlet"), ()
    via = tuple(_resolved(doc, v.start, v.end, v.kind, country) for v in sm.via)
    return _resolved(doc, sm.start, sm.end, sm.kind, country), via


def canon_source(text: str) -> str:
    """Comparable form of a source phrase (normalized, single-spaced)."""
    return " ".join(normalize_string(text).split())


def _source_keys(claims: list[Claim], mentions: Sequence[tuple[int, str]]) -> dict[int, str]:
    """Comparable source of each claim (by ``id``). A one-word definite source ("المصدر",
    "المصادر", "البيان") names back the nearest source phrase before it (``mentions``: original
    start and text of every source phrase of the document) with that head ("مصادر عسكرية
    وميدانية ... بحسب المصادر"): it takes that phrase's key; after a bare "مصدر", a key of
    its own."""
    keys = {id(cl): canon_source(cl.source.text) for cl in claims}
    # the phrases by the head of their first word and that word (indices into mentions, which
    # are in text order), built when first needed: the nearest one before a claim by bisect
    phrase_keys: list[str] = []
    starts: list[int] = []
    by_head: dict[str, dict[str, list[int]]] = {}
    for cl in claims:
        words = keys[id(cl)].split()
        if cl.source.kind == "outlet" or len(words) != 1 or without_article(words[0]) == words[0]:
            continue
        if not starts and mentions:
            phrase_keys = [canon_source(text) for _, text in mentions]
            starts = [start for start, _ in mentions]
            for i, key in enumerate(phrase_keys):
                if key:
                    first = key.split()[0]
                    by_head.setdefault(without_article(first), {}).setdefault(first, []).append(i)
        n = bisect.bisect_left(starts, cl.source.span.start)  # the phrases before it
        nearest = -1
        for first, indices in by_head.get(without_article(words[0]), {}).items():
            if first != words[0] and (k := bisect.bisect_left(indices, n)):  # not itself definite
                nearest = max(nearest, indices[k - 1])
        if nearest >= 0:
            # a bare "مصدر" is one anonymous source, not "مصدر محلي" (no containment)
            key = phrase_keys[nearest]
            keys[id(cl)] = key if len(key.split()) > 1 else f"{key}@{starts[nearest]}"
    return keys


def _person_key(text: str) -> str:
    """The one person a count-of-one claim names, without clitics ("الشاب" and "شاب" agree)."""
    words = normalize_string(text).split()
    return stems(words[0])[-1] if words else ""


HEADING_MAX_WORDS = 10
_SENTENCE_END = re.compile(r"[.!?؟:\"»)]\s*$")


LEAD_PARAGRAPHS = 2


def _headings(doc: Document) -> list[Span]:
    """Original spans of the title, the lead (the first two body paragraphs: a wire story often
    opens with the attributed figure and restates it in its own voice next) and the crossheads:
    body paragraphs of one short line with no closing punctuation ("مقتل فلسطينيين اثنين"
    between two paragraphs). These summarize what the body attributes."""
    out = [Span(0, doc.title_end)] if doc.title_end else []
    title_end = doc.norm_title_end
    body = [(ps, pe) for ps, pe in doc.paragraphs if ps >= title_end]
    for ps, pe in body[:LEAD_PARAGRAPHS]:
        out.append(doc.span(ps, pe))
    for ps, pe in body[1:]:
        line = doc.norm[ps:pe].strip()
        if line and len(line.split()) <= HEADING_MAX_WORDS and not _SENTENCE_END.search(line):
            out.append(doc.span(ps, pe))
    return out


COUNTRY_PRECISION = 3  # Location.precision of a whole country


def _city_country(cl: Claim) -> str | None:
    """The country of a claim placed in a city or region (not a whole country), else None."""
    loc = cl.location
    if loc is None or loc.precision is None or loc.precision >= COUNTRY_PRECISION:
        return None
    return loc.country


def _elsewhere(cl: Claim, countries: list[str | None]) -> bool:
    """Whether the article's own figure happened in a city of another country than each of its
    figures kept so far: another event ("مقتل 12 شخصا" in Berlin, then in Brussels), not a
    repeat (a country named for a city of it, "إسرائيل" for Gaza, is no other place)."""
    country = _city_country(cl)
    return country is not None and None not in countries and country not in countries


def _dedupe(claims: list[Claim], headings: list[Span],
            mentions: Sequence[tuple[int, str]] = ()) -> list[Claim]:
    """One claim per figure and source. An unattributed figure in the headline or a crosshead
    yields to the same figure attributed elsewhere; the same source (same words, or the same
    canonical id: "المرصد" and "مدير المرصد رامي عبد الرحمن") repeating a figure counts once."""
    def in_heading(cl: Claim) -> bool:
        return any(h.start <= cl.evidence.start < h.end for h in headings)

    keys = _source_keys(claims, mentions)
    groups: dict[tuple[object, ...], list[Claim]] = {}
    for cl in claims:
        person = _person_key(cl.subject.text) if cl.count.value == 1 and cl.subject else ""
        groups.setdefault((cl.type, cl.count.key(), cl.mixed, person), []).append(cl)
    keep: list[Claim] = []
    for group in groups.values():
        named = [cl for cl in group if cl.source.kind != "outlet"]
        pool = [cl for cl in group
                if not (named and cl.source.kind == "outlet" and in_heading(cl))]
        seen: list[tuple[str, int]] = []  # source keys kept, with their place in ``keep``
        ids: dict[str, int] = {}
        voice: list[tuple[str | None, int]] = []  # the article's own figures kept: country, place
        for cl in pool:
            if cl.source.kind == "outlet":  # the article's voice repeats a figure (named or not)
                country = _city_country(cl)
                if voice and not _elsewhere(cl, [c for c, _ in voice]):
                    _hedge_kept(keep, next((k for c, k in voice if c == country), voice[-1][1]), cl)
                    continue
                voice.append((country, len(keep)))
                keep.append(cl)
                continue
            key = keys[id(cl)]
            at = next((k for s, k in seen if key in s or s in key), None)
            if at is None and cl.source.id:
                at = ids.get(cl.source.id)
            if at is not None:
                _hedge_kept(keep, at, cl)
                continue
            seen.append((key, len(keep)))
            if cl.source.id:
                ids[cl.source.id] = len(keep)
            keep.append(cl)
    # a headline's or lead's one person is the one the body names with a source ("القبض على
    # مشتبه" in the lead, "قالت الشرطة إنها ألقت القبض على رجل" below)
    named_one = {cl.type for cl in keep if cl.count.value == 1 and cl.source.kind != "outlet"}
    keep = [cl for cl in keep if not (cl.count.value == 1 and cl.source.kind == "outlet"
                                      and cl.type in named_one and in_heading(cl))]
    keep.sort(key=lambda cl: cl.evidence.start)
    return keep


def _hedge_kept(keep: list[Claim], at: int, repeat: Claim) -> None:
    """A source repeating its figure with a hedge the kept copy lacks ("أصيب ثلاثون" in the
    lead, "ما لا يقل عن 30" below): the kept claim takes the hedge."""
    kept = keep[at]
    if kept.count.qualifier is None and repeat.count.qualifier is not None \
            and kept.count.value == repeat.count.value:
        keep[at] = replace(kept, count=repeat.count)


MAX_SENTENCE_CHARS = 50_000
"""Longest sentence read for claims (normalized characters): the 3,000 corpus articles have at
most 2,215; a longer one is a table, a list or noise run together, and is skipped."""
MAX_SENTENCE_FIGURES = 2_000
"""Most figures in a sentence read for claims: the corpus has at most 80."""


def _over_budget(chars: int, figures: int) -> str | None:
    """Why a sentence is beyond the budget of a claim search, or None."""
    if chars > MAX_SENTENCE_CHARS:
        return f"{chars:,} characters (limit {MAX_SENTENCE_CHARS:,})"
    if figures > MAX_SENTENCE_FIGURES:
        return f"{figures:,} figures (limit {MAX_SENTENCE_FIGURES:,})"
    return None


def _draft_start(d: Draft) -> int:
    return d.start


def draft_claims(doc: Document) -> Document:
    """Stage: the figure-event pairs of a document (``Document.drafts``), from its tokens,
    figures and event words only (less the figures naming back people already counted). A
    sentence beyond the budget (:data:`MAX_SENTENCE_CHARS`,
    :data:`MAX_SENTENCE_FIGURES`) gives none, and a line in ``Document.warnings`` says so. A
    document with no drafts holds no claim, so the claim-only stages pass it by (see
    :attr:`rasd.model.Document.claimless`)."""
    starts = word_starts(doc.tokens, doc.norm)[0]
    drafts: list[Draft] = []
    warnings: list[str] = []
    prev: Draft | None = None
    all_counts = sorted(doc.counts, key=lambda c: c.start)
    all_trigs = sorted(doc.triggers, key=lambda t: t.start)
    count_starts = [c.start for c in all_counts]
    trig_starts = [t.start for t in all_trigs]
    for si, (s, e) in enumerate(doc.sentences):
        trigs = all_trigs[bisect.bisect_left(trig_starts, s):bisect.bisect_left(trig_starts, e)]
        if trigs or prev is not None:
            lo, hi = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
            counts = all_counts[bisect.bisect_left(count_starts, s):
                                bisect.bisect_left(count_starts, e)]
            if (over := _over_budget(e - s, len(counts))) is not None:
                warnings.append(f"{doc.id}: sentence {si + 1} (normalized characters "
                                f"{s:,}-{e:,}) not read for claims: {over}")
                prev = None
                continue
            new = _sentence_drafts(doc, si, doc.tokens[lo:hi], counts, trigs, prev)
            drafts.extend(new)
            # the sentence's last claim in the text (its singles are listed after its figures)
            prev = max(reversed(new), key=_draft_start) if new else None
    return doc.with_(drafts=tuple(_without_named_back(drafts)),
                     warnings=doc.warnings + tuple(warnings))


@dataclass(slots=True)
class _Parts:
    """One draft on its way to a claim: the sub-steps of :data:`ASSEMBLY` set the rest."""

    draft: Draft
    source: Mention | None = None
    via: tuple[Mention, ...] = ()
    time: TimeRef | None = None
    location: Location | None = None
    subject: Mention | None = None


class _Assembly:
    """A document's drafts on their way to claims, read and set by the sub-steps of
    :data:`ASSEMBLY`. The place chooser is shared: attribution reads the article's focus."""

    def __init__(self, doc: Document, drafts: Sequence[Draft]) -> None:
        self.doc = doc
        self.places = PlaceChooser(doc)
        self.parts = [_Parts(d) for d in drafts]
        self.claims: list[Claim] = []
        self.rejected: list[tuple[Claim, str]] = []


def _attribute(a: _Assembly) -> None:
    """Source. Reads the document's ``sources``, ``sentences``, ``paragraphs`` and the country
    of the article's focus place (a hint for resolving a speaker); sets each part's ``source``
    and ``via``: the sentence's attribution, a continuation verb's or an open quotation's
    speaker (:class:`_SourceResolver`), resolved to kind, id and role by
    :func:`sources.resolve_source`; the outlet when none."""
    resolver = _SourceResolver(a.doc)
    main = a.places.focus.place
    country = main.country if main else None
    for p in a.parts:
        d = p.draft
        p.source, p.via = _source_mention(a.doc, resolver.resolve(d.sentence, d.anchor), country)


def _date(a: _Assembly) -> None:
    """Time. Reads the document's ``times``, ``sentences``, ``paragraphs`` and ``published``;
    sets each part's ``time`` (:class:`_TimeChooser`)."""
    when = _TimeChooser(a.doc)
    for p in a.parts:
        p.time = when.for_(p.draft)


def _locate(a: _Assembly) -> None:
    """Place. Reads the document's ``places`` (and what :class:`placing.PlaceChooser` reads)
    and each part's ``time`` (a toll since a whole war is the war's country); sets each part's
    ``location``."""
    doc = a.doc
    for p in a.parts:
        d = p.draft
        place = a.places.choose(d.sentence, d.anchor, d.type, since_war(p.time))
        if place is not None:
            p.location = Location(doc.original(place.start, place.end),
                                  doc.span(place.start, place.end), place.name, place.country,
                                  place.lat, place.lon, place.precision, place.admin1)


def _classify(a: _Assembly) -> None:
    """Subject. Reads each draft's ``subject`` and evidence and its part's ``location`` (the
    country breaks ties between groups); sets each part's ``subject`` with its category,
    country and affiliation (:func:`subjects.classify_subject`)."""
    doc = a.doc
    for p in a.parts:
        d = p.draft
        if d.subject:
            text = doc.original(*d.subject)
            info = classify_subject(text, doc.original(d.start, d.end),
                                    where=p.location.country if p.location else None)
            p.subject = Mention(text, doc.span(*d.subject), category=info.category,
                                country=info.country, affiliation=info.affiliation)


def _build(a: _Assembly) -> None:
    """Claims. Reads every part; sets ``claims``: one per draft, with its trigger, evidence and
    a confidence that falls with the link's cost (``0.95 - 0.1 * cost``, at least 0.1)."""
    doc = a.doc
    for p in a.parts:
        d = p.draft
        assert p.source is not None  # _attribute sets every part's source
        trigger = Mention(doc.original(*d.trigger), doc.span(*d.trigger)) if d.trigger else None
        a.claims.append(Claim(doc_id=doc.id, type=d.type, count=d.count, source=p.source,
                              trigger=trigger, evidence=doc.span(d.start, d.end),
                              subject=p.subject, via=p.via, location=p.location, time=p.time,
                              confidence=max(0.1, 0.95 - 0.1 * d.cost), mixed=d.mixed))


def _reject_implausible(a: _Assembly) -> None:
    """Plausibility. Reads ``claims``; moves each claim :func:`plausibility.implausible` finds
    too large to ``rejected``, with the reason."""
    kept: list[Claim] = []
    for cl in a.claims:
        why = implausible(cl)
        if why is None:
            kept.append(cl)
        else:
            a.rejected.append((cl, why))
    a.claims = kept


def _deduplicate(a: _Assembly) -> None:
    """De-duplication. Reads ``claims``, the document's title, paragraphs (headings) and
    ``sources`` (speaker phrases a definite "المصدر" names back); sets ``claims``: one per
    figure and source, in text order (:func:`_dedupe`)."""
    doc = a.doc
    mentions = sorted((doc.span(sm.start, sm.end).start, doc.original(sm.start, sm.end))
                      for sm in doc.sources)
    a.claims = _dedupe(a.claims, _headings(doc), mentions)


ASSEMBLY: tuple[Callable[[_Assembly], None], ...] = (
    _attribute, _date, _locate, _classify, _build, _reject_implausible, _deduplicate)
"""The sub-steps of :func:`assemble_claims`, in order, after linking (:func:`draft_claims`):
source, time, place, subject, claims, plausibility, de-duplication. Each reads and sets what its
docstring says; a later one may read what an earlier one set (the place reads the time, the
subject the place)."""


def assemble_claims(doc: Document) -> Document:
    """Stage: turn the annotations of a document into claims: its drafts (found first by
    :func:`draft_claims` when the pipeline has not run that stage) through the sub-steps of
    :data:`ASSEMBLY`; sets ``claims`` and ``rejected``."""
    if doc.drafts is None:
        doc = draft_claims(doc)
    if not doc.drafts:
        return doc.with_(claims=())
    a = _Assembly(doc, doc.drafts)
    for step in ASSEMBLY:
        step(a)
    return doc.with_(claims=tuple(a.claims), rejected=tuple(a.rejected))
