"""Stage ``draft_claims``: the figure-event pairs (drafts) of a document, sentence by sentence,
carrying the last claim from one figure to the next (breakdowns, lists, tolls named back)."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace

from rasd.extractor import linking
from rasd.extractor.drafts import Draft, new_draft
from rasd.extractor.figure_links import (
    bodies_handed_over,
    coordinated,
    driven_from_homes,
    evacuated,
    held_hostage,
    link_figure,
    lost_what,
    not_a_head_count,
    pushed_to_flee,
    surrendered,
    went_missing,
)
from rasd.extractor.furniture import furniture_lines
from rasd.extractor.lexicon import context, has_stem, persons, triggers
from rasd.extractor.linking import COSTS, Link, Located
from rasd.extractor.not_claims import in_need, reports_no_event
from rasd.extractor.place_sets import Spans
from rasd.extractor.rejections import REJECTIONS, Candidate, blocked
from rasd.extractor.sentence import (
    CLAUSE_BREAK,
    Figure,
    Sentence,
    SentenceIndex,
    after_breakdown,
    after_phrase,
)
from rasd.extractor.singles import SinglesBefore, follow_singles, sentence_singles, with_singles
from rasd.model import Count, CountMention, Document, Token, Trigger
from rasd.text.tokens import has_article, has_preposition, starts_with_conjunction, word_starts

POST_QUALIFIER_WINDOW = 6
SINGLE_HEDGE_REACH = 4  # "جندي [سوري واحد] على الأقل": words from one person to its hedge


@dataclass(slots=True)
class _LinkState:
    """What linking carries from one figure to the next, across the sentences of a document.

    ``prev``: the last claim so far (of this sentence or an earlier one); a breakdown ("بينهم
    11 طفلا") or a list ("و8 أطفال") after it takes its event. ``parent``: a figure no event
    word reached, waiting for a breakdown right after it to tell its event ("لقي 26 مدنيا،
    بينهم 11 طفلا مصرعهم"); it waits for the next head count only."""

    prev: Draft | None
    parent: Figure | None = None

    def see_single(self, single: Draft | None) -> None:
        """A count-of-one claim before the figure is the last claim when it starts later."""
        if single is not None and (self.prev is None or single.start > self.prev.start):
            self.prev = single

    def continue_prev(self, sent: Sentence, fig: Figure, cost: float) -> Draft:
        """The figure as a claim of the previous claim's event (a breakdown or a list), now the
        last claim; a figure of the displaced joined to a toll of harm counts them ("20 ألف
        قتيل و2.6 مليون نازح"; but "عاد 13 ألف لاجئ ... إضافة إلى 750 ألف نازح": more returned)."""
        prev = self.prev
        assert prev is not None  # callers continue only a previous claim
        c, subj, toks = fig.c, fig.subj, sent.toks
        displaced = prev.type in HARM_TYPES and c.hi < len(toks) \
            and has_stem(toks[c.hi], triggers().displaced_conjuncts)
        own = _own_harm(toks, c) if prev.mixed and not displaced else None
        self.prev = new_draft(toks, sent.si, c.lo, max(c.hi, subj.hi if subj else 0),
                              "displaced" if displaced else own or prev.type, fig.cm.count,
                              prev.mixed and not displaced and own is None, cost, subj,
                              fig.cm.start, prev.trigger)
        return self.prev


HARM_TYPES = frozenset({"killed", "injured", "missing"})  # tolls a conflict leaves
OWN_HARM_REACH = 2  # "بينهم 550 [حالة] قتل": words from the figure to its own victims word


def _own_harm(toks: Sequence[Token], c: Located) -> str | None:
    """The type of a victims word of one harm right after a part of a killed-or-wounded whole
    ("مقتل وإصابة 1188، بينهم 550 حالة قتل", "بينهم أكثر من 20 قتيلا": killed), or None."""
    entries = triggers().entries
    for k in range(c.hi, min(len(toks), c.hi + OWN_HARM_REACH)):
        hit = entries.match_at(toks, k)
        if hit is not None:
            entry = hit[1]
            return entry.type if not entry.mixed and entry.type in ("killed", "injured") else None
    return None


def _figure_drafts(sent: Sentence, fig: Figure, state: _LinkState) -> list[Draft]:
    """The claims of one head count, in this order: a breakdown of the previous claim takes its
    event; else the figure's best link, unless a list or a toll named back continues the
    previous claim; a figure with no link within ``COSTS.max_cost`` waits as
    ``state.parent``; a link one of :data:`rejections.REJECTIONS` rejects gives nothing; else a claim per
    chosen event word (and one for the figure that waited for this breakdown)."""
    toks, si, c, subj = sent.toks, sent.si, fig.c, fig.subj
    # (a part with an event verb of its own, "قتل منهم 54", is no breakdown of a claim)
    breakdown = after_breakdown(toks, c.lo) and not _own_event_before(sent, c)
    waiting = state.parent if breakdown else None
    state.parent = None
    if state.prev is not None and breakdown and waiting is None \
            and not _victims_named(sent, state.prev, c) \
            and not _another_group(sent, state.prev, c):
        return [state.continue_prev(sent, fig, COSTS.breakdown)]
    if _hoped_toll(sent.norm, toks, c, state.prev):
        return []
    linked = link_figure(sent, fig)
    best = linked.best
    forward = best is not None and sent.ix.t_loc[linked.bi].lo >= c.hi
    if (_continues_list(toks, fig, state.prev, si) or _toll_named_back(sent.norm, toks, c, state.prev)
            or not forward and elliptical_conjunct(sent, fig, state.prev)
            or _part_of_previous(sent, fig, state.prev)
            or _bracketed_breakdown(sent, fig, state.prev)) \
            and (best is None or best.cost > COSTS.list):
        # "مقتل 20 شخصاً ... و8 أطفال": a conjoined figure of people shares the event
        return [state.continue_prev(sent, fig, COSTS.list)]
    prev = state.prev
    if best is None or best.cost > COSTS.max_cost:
        if prev is None or prev.sentence != si or prev.end <= c.lo:
            state.parent = fig
        return []
    t = sent.ix.t_loc[linked.bi]
    if _among_the_victims_before(sent, t, best.trigger, state.prev, c):
        return [state.continue_prev(sent, fig, COSTS.breakdown)]
    if went_missing(toks, c, t, best.trigger):
        best = _retyped(best, "missing")
    elif held_hostage(toks, c, t, best.trigger):
        best = _retyped(best, "abducted")
    elif pushed_to_flee(toks, t, best.trigger):
        best = _retyped(best, "displaced")
    elif surrendered(toks, c, best.trigger):
        best = _retyped(best, "arrested")
    elif bodies_handed_over(toks, c, best.trigger):
        best = _retyped(best, "killed")
    elif driven_from_homes(toks, c, best.trigger) or evacuated(toks, c, best.trigger):
        best = _retyped(best, "displaced")
    lost = lost_what(toks, c, t, best.trigger)
    if lost == "nothing":
        return []
    if lost is not None:  # "فقدوا أرواحهم": the dead
        best = _retyped(best, lost)
    trig = best.trigger
    candidate = Candidate(toks, fig, t, trig, linked.caused, sent.ix.c_first, sent.ix.c_last,
                          sent.norm)
    for rule in REJECTIONS:
        if rule(candidate):
            return []
    out: list[Draft] = []
    if waiting is not None and not reports_no_event(toks, waiting.c, t, trig):
        wc, wsubj = waiting.c, waiting.subj  # the breakdown's event is its whole's ("شبكة
        # "السويداء 24" ... وهم 20 سيدة": a website's name is no whole)
        out.append(new_draft(toks, si, wc.lo, max(wc.hi, wsubj.hi if wsubj else 0), trig.type,
                             waiting.cm.count, trig.mixed, best.cost, wsubj, waiting.cm.start,
                             (trig.start, trig.end)))
    for link, ti in coordinated(sent, linked, best):
        tl = sent.ix.t_loc[ti]
        lo, hi = min(c.lo, tl.lo), max(c.hi, tl.hi, subj.hi if subj else 0)
        state.prev = new_draft(toks, si, lo, hi, link.trigger.type, fig.cm.count,
                               link.trigger.mixed, link.cost, subj, fig.cm.start,
                               (link.trigger.start, link.trigger.end))
        if _named_back(toks, c):
            state.prev = replace(state.prev, back=True)
        out.append(state.prev)
    return out


def _among_the_victims_before(sent: Sentence, t: Located, trig: Trigger, prev: Draft | None,
                              c: Located) -> bool:
    """Whether "من بين الضحايا N" breaks down the dead (or wounded) just counted: a mixed victims
    noun after "بين", before the figure, right after a claim of this or the previous sentence
    ("قتل 12 شخصا في الهجوم. ومن بين الضحايا 8 صحفيين": killed 8, not killed or wounded)."""
    return trig.mixed and trig.role == "noun" and t.hi <= c.lo and t.lo > 0 \
        and has_stem(sent.toks[t.lo - 1], persons().among) and prev is not None \
        and not prev.mixed and prev.type in ("killed", "injured") and sent.si - prev.sentence <= 1


def _own_event_before(sent: Sentence, c: Located) -> bool:
    """Whether the breakdown word before figure ``c`` follows an event verb of its own: "منهم"
    right after it ("أصيب 50 شخصا، توفي منهم 5": five of the wounded died; not five more
    wounded), or "آخرون" as its subject ("وقتل 3 وأصيب آخرون بجروح بينهم 5 أطفال": five of the
    others wounded), within the few words before it."""
    toks = sent.toks
    k = c.lo - 1
    if k > 0 and has_stem(toks[k], persons().of_them) \
            and any(t.hi == k and trig.role == "verb" for t, trig in zip(sent.ix.t_loc, sent.trigs)):
        return True
    return any(trig.role == "verb" and t.hi < c.lo and c.lo - t.hi <= OTHERS_REACH
               and has_stem(toks[t.hi], persons().others)
               for t, trig in zip(sent.ix.t_loc, sent.trigs))


OTHERS_REACH = 4  # "وأصيب [آخرون بجروح بينهم] 5": words from the event verb to the figure


def _victims_named(sent: Sentence, prev: Draft, c: Located) -> bool:
    """Whether the breakdown word before figure ``c`` follows a victims noun of its own
    sentence that is not the previous claim's ("إصابة شخصين. والقتلى هم أربعة صحافيين"): the
    figure is that noun's (a mixed one, "الضحايا هم", or one set off by a comma, "محتجزين
    رهائن، هم 101 طفل", stays the previous claim's)."""
    return any(trig.role == "noun" and not trig.mixed and trig.type != "strikes" and c.lo == t.hi + 1
               and sent.toks[t.lo].start >= prev.end
               and not sent.norm[sent.toks[t.hi - 1].end:sent.toks[t.hi].start].strip()
               for t, trig in zip(sent.ix.t_loc, sent.trigs))


def _another_group(sent: Sentence, prev: Draft, c: Located) -> bool:
    """Whether the breakdown word before figure ``c`` follows a group of people this sentence
    names, when the previous claim is in another sentence ("قتل 11 شخصا. وقال إن مجموعة من
    المتشددين بينهم انتحاريان اقتحموا المقر"): the attackers are no part of the dead."""
    if prev.sentence == sent.si:
        return False
    toks, breakdown = sent.toks, persons().breakdown
    for width in (1, 2, 3):
        k = c.lo - width
        hit = breakdown.match_at(toks, k) if k > 0 else None
        if hit is not None and hit[0] == width:
            return linking.is_person(toks[k - 1]) and not any(t.lo == k - 1 for t in sent.ix.t_loc)
    return False


def _retyped(link: Link, etype: str) -> Link:
    """The link with its event word read as a verb of type ``etype`` (a loss verb that tells
    a disappearance or deaths)."""
    t = link.trigger
    return Link(Trigger(t.start, t.end, etype, "verb", t.entry), link.cost)


def _dual_of_people(toks: Sequence[Token], c: Located, cm: CountMention) -> Located | None:
    """A dual that names its people is its own subject ("وقتل أيضا مدنيان": two civilians)."""
    return c if cm.noun is not None and linking.is_person(toks[c.lo]) else None


def _sentence_drafts(doc: Document, si: int, toks: Sequence[Token], counts: list[CountMention],
                     trigs: list[Trigger], prev: Draft | None) -> list[Draft]:
    """The drafts of sentence ``si`` (``prev``: the last claim of the sentences before it):
    each head count's claims (:func:`_figure_drafts`), the count-of-one claims, the single
    persons that follow a claim (:func:`singles.follow_singles`), then the event read again for
    evacuees and victims of deaths."""
    norm = doc.norm
    sent = Sentence(norm, si, toks, trigs, SentenceIndex(norm, toks, counts, trigs))
    c_loc = sent.ix.c_loc
    trigger_tokens = {k for t in sent.ix.t_loc for k in range(t.lo, t.hi)}
    singles = _hedged_singles(norm, toks, sentence_singles(sent, counts))
    before = SinglesBefore(singles)
    state = _LinkState(prev)
    out: list[Draft] = []
    count_starts = {c.lo for c in c_loc}
    for ci, (cm, c) in enumerate(zip(counts, c_loc)):
        if (hedged := _hedged(norm, toks, c, cm.count)) is not cm.count:
            cm = CountMention(cm.start, cm.end, hedged, cm.kind, cm.noun)
        state.see_single(before.upto(cm.start))
        if cm.kind != "count" or not_a_head_count(toks, c, cm) \
                and not (cm.count.value == 1
                         and elliptical_conjunct(sent, Figure(ci, cm, c, None), state.prev)):
            continue  # "وواحد باتجاه نجران" after a count is one more
        fig = Figure(ci, cm, c, linking.subject_range(toks, c, trigger_tokens, norm, count_starts)
                     or _dual_of_people(toks, c, cm))
        out.extend(_figure_drafts(sent, fig, state))
    out = with_singles(sent, out, singles)
    last = state.prev
    carried = [last] if last is not None and last.sentence != si else []
    aged = {k for cm, c in zip(counts, c_loc) if cm.kind == "age" for k in range(c.lo, c.hi)}
    out.extend(follow_singles(norm, toks, c_loc, si, carried + out, aged,
                              list(zip(trigs, sent.ix.t_loc))))
    return _evacuees(_victims_of_deaths(_without_lead_ins(out, trigs, toks), trigs), toks)


def _without_lead_ins(drafts: list[Draft], trigs: list[Trigger], toks: Sequence[Token]
                      ) -> list[Draft]:
    """Drafts less a vague harm told by its verb that a consequence then counts in the same
    sentence ("دهست سيارة عددا من المارة، مما أدى إلى مقتل 13 شخصا"; context.yaml
    consequences)."""
    verbs = {(t.start, t.end) for t in trigs if t.role == "verb"}
    if not verbs or not any(d.count.vague is not None for d in drafts):
        return drafts
    consequences = context().consequences
    starts = [t.start for t in toks]

    def counted_after(d: Draft) -> bool:
        for e in drafts:
            if e.count.value is not None and e.type in _HARMS and e.start >= d.end:
                lo, hi = bisect.bisect_left(starts, d.end), bisect.bisect_left(starts, e.start)
                if hi - lo <= LEAD_IN_GAP and any(has_stem(tok, consequences) for tok in toks[lo:hi]):
                    return True
        return False

    return [d for d in drafts if not (d.count.vague is not None and d.type in _HARMS
                                      and d.trigger in verbs and counted_after(d))]


_HARMS = frozenset({"killed", "injured"})
LEAD_IN_GAP = 8  # words from a vague harm to the count of what it caused ("في برشلونة، مما أدى إلى")
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
        gap = norm[toks[k - 1].end:toks[k].start] if k > c.hi else ""
        hit = quals.match_at(toks, k)
        if hit is not None and (gap.strip() in _ASIDE_COMMAS or not CLAUSE_BREAK.search(gap)):
            return Count(value=count.value, qualifier=str(hit[1]))  # also set off: "، على الأقل،"
        if CLAUSE_BREAK.search(gap):
            break
    return count


_ASIDE_COMMAS = frozenset({"\u060c", ","})  # a hedge set off by a comma is still the figure's


def _hedged_singles(norm: str, toks: Sequence[Token], singles: list[Draft]) -> list[Draft]:
    """Count-of-one claims with a hedge written after their person and its adjectives ("إن
    رجلا واحدا على الأقل قتل", "قتل جندي سوري واحد على الأقل": at least one)."""
    if not singles:
        return singles
    starts = [t.start for t in toks]
    out = []
    for d in singles:
        if d.subject is not None and d.count.value == 1 and d.count.qualifier is None \
                and (hedge := _hedge_after(norm, toks, bisect.bisect_left(starts, d.subject[1]))):
            d = replace(d, count=Count(value=1, qualifier=hedge))
        out.append(d)
    return out


def _hedge_after(norm: str, toks: Sequence[Token], k: int) -> str | None:
    """The hedge ("على الأقل") within :data:`SINGLE_HEDGE_REACH` words from token ``k``, not past
    a clause break, the next conjunct, a figure or an event word ("قتل مدني وأصيب ثلاثة آخرون
    على الأقل": the three's); None when there is none."""
    quals, events, ones = context().post_qualifiers, triggers().entries, persons().one_words
    for j in range(k, min(len(toks), k + SINGLE_HEDGE_REACH)):
        gap = norm[toks[j - 1].end:toks[j].start]
        if CLAUSE_BREAK.search(gap) and gap.strip() not in _ASIDE_COMMAS:
            return None
        if (hit := quals.match_at(toks, j)) is not None:
            return str(hit[1])
        if toks[j].text not in ones and (starts_with_conjunction(toks[j]) or toks[j].text.isdecimal()
                                         or events.contains(toks[j])):
            return None  # ("واحد" opens with the letter of "و")
    return None


def _continues_list(toks: Sequence[Token], fig: Figure, prev: Draft | None, si: int) -> bool:
    """Whether a figure is "وN + people" (or "مع N", "بالإضافة إلى N"), or a dual of people
    ("بينهم طفل وسيدتان"), continuing the previous claim of the sentence; not people in need
    ("نزوح 500 ألف طفل، وحاجة 3 ملايين للمياه")."""
    c = fig.c
    linked = starts_with_conjunction(toks[c.lo]) or after_phrase(toks, c.lo, persons().list_links)
    people = c.hi < len(toks) and linking.is_person(toks[c.hi]) \
        or fig.cm.noun is not None and linking.is_person(toks[c.lo]) \
        or prev is not None and _some_people(toks, c, prev.type)
    return (prev is not None and prev.sentence == si and prev.start < toks[c.lo].start
            and linked and people and not in_need(toks, c)
            and not _joined_to_another(toks, c, prev))


SOME_PEOPLE_EVENT_REACH = 4  # "وثلاثة من الميليشيا [قد] أصيبوا": words to an event of their own


def _some_people(toks: Sequence[Token], c: Located, etype: str) -> bool:
    """Whether figure ``c`` counts some of a group of people ("و7 من مرافقيه", "مقابل 7 من
    الأكراد") with no event of its own: not a victims noun ("وعدة آلاف من الجرحى") nor
    followed by its own verb of another event than ``etype`` ("وثلاثة من الميليشيا قد
    أصيبوا"; a conjoined one, "وأسر آخرين", is another clause's)."""
    k = c.hi + 1
    if k >= len(toks) or not has_stem(toks[c.hi], persons().partitive) \
            or not linking.is_person(toks[k]):
        return False
    entries = triggers().entries
    if entries.contains(toks[k]):
        return False
    for j in range(k + 1, min(len(toks), k + SOME_PEOPLE_EVENT_REACH)):
        hit = entries.match_at(toks, j)
        if hit is not None and hit[1].type != etype and hit[1].role in ("verb", "phrase") \
                and not starts_with_conjunction(toks[j]):
            return False
    return True


def _joined_to_another(toks: Sequence[Token], c: Located, prev: Draft) -> bool:
    """Whether a conjoined figure is joined to the person that opens a clause right before it,
    past the previous claim ("قتل جندي ... وذكرت مصادر أن الشاب و3 آخرين أصيبوا": the young
    man and three others were wounded; not "بينهم امرأة وأربعة أطفال")."""
    return c.lo > 1 and toks[c.lo - 1].start >= prev.end and linking.is_person(toks[c.lo - 1]) \
        and has_stem(toks[c.lo - 2], context().complementizers)


def elliptical_conjunct(sent: Sentence, fig: Figure, prev: Draft | None) -> bool:
    """Whether a figure is "وN" with no noun of its own before a preposition ("ثلاثة من الصواريخ
    باتجاه الرياض، وواحد باتجاه نجران", "بينهم 70 بالرصاص و600 بالغاز"): one more conjunct of
    the previous claim of its sentence (persons.yaml ``elliptical_before``), unless an event
    word follows ("والآلاف من الجرحى"). One is only "وواحد" (``elliptical_ones``), not a
    "واحد" that merely begins with the letter ("يوم واحد")."""
    toks, c, lex = sent.toks, fig.c, persons()
    if prev is None or prev.sentence != sent.si or prev.start >= toks[c.lo].start \
            or fig.cm.noun is not None or c.hi >= len(toks) \
            or not (starts_with_conjunction(toks[c.lo]) or after_phrase(toks, c.lo, lex.list_links)) \
            or fig.cm.count.value == 1 and toks[c.lo].text not in lex.elliptical_ones:
        return False
    if fig.ci > 0 and toks[sent.ix.c_loc[fig.ci - 1].lo].start > prev.anchor:
        return False  # a figure between that is no claim ("إنقاذ 20 سائحا واثنين من الطاقم")
    nxt = toks[c.hi]
    if not (has_preposition(nxt) or not lex.elliptical_before.isdisjoint(nxt.stems)):
        return False
    if any(c.hi <= t.lo <= c.hi + 1 and (trig.type != "strikes" or prev.type == "strikes")
           for t, trig in zip(sent.ix.t_loc, sent.trigs)):
        return False  # (but "و3 في قصف على القرية": the strike is how the three died)
    return not any(has_stem(t, lex.elliptical_not_before) for t in toks[c.hi:c.hi + 3])


def _bracketed_breakdown(sent: Sentence, fig: Figure, prev: Draft | None) -> bool:
    """Whether a figure of people opens a bracket right after the previous claim of its sentence
    ("منهم 120 مدنيا (40 امرأة و60 طفلا)"): a breakdown of it."""
    toks, c = sent.toks, fig.c
    if prev is None or prev.sentence != sent.si or c.lo == 0 or c.hi >= len(toks):
        return False
    before = toks[c.lo - 1]
    return before.start < prev.end <= before.end and linking.is_person(toks[c.hi]) \
        and "(" in sent.norm[before.end:toks[c.lo].start]


def _part_of_previous(sent: Sentence, fig: Figure, prev: Draft | None) -> bool:
    """Whether a figure with no noun of its own right before "منها/منهم" is part of what the
    previous claim of its sentence counts: munitions ("103 صواريخ كروز ... أسقطت الدفاعات 71
    منها", "76 صاروخا، 57 منهم من طراز توماهوك"), or people when a person noun follows ("قتل
    20 شخصا، 5 منهم أطفال"): one more claim of its event."""
    toks, c = sent.toks, fig.c
    if prev is None or prev.sentence != sent.si or prev.start >= toks[c.lo].start \
            or fig.cm.noun is not None or c.hi >= len(toks) \
            or not has_stem(toks[c.hi], triggers().strike_parts):
        return False
    return prev.type == "strikes" or c.hi + 1 < len(toks) and linking.is_person(toks[c.hi + 1])


ANAPHORIC_REACH = 6  # words between "العدد"/"الحصيلة" and its "إلى N"


def _toll_named_back(norm: str, toks: Sequence[Token], c: Located, prev: Draft | None) -> bool:
    """Whether a figure is "... الحصيلة/إجمالي العدد ... إلى N": the previous claim's toll again."""
    return _anaphoric_toll_at(norm, toks, c, prev) is not None


def _anaphoric_toll_at(norm: str, toks: Sequence[Token], c: Located, prev: Draft | None
                       ) -> int | None:
    """The token of "الحصيلة/العدد" a figure after "إلى" names back (see
    :func:`_toll_named_back`), or None."""
    ctx = context()
    if prev is None or c.lo == 0 or not has_stem(toks[c.lo - 1], ctx.toll_to):
        return None
    for k in range(c.lo - 2, max(-1, c.lo - 2 - ANAPHORIC_REACH), -1):
        if CLAUSE_BREAK.search(norm, toks[k].end, toks[k + 1].start):
            return None
        if has_stem(toks[k], ctx.anaphoric_tolls):
            return k
    return None


def _hoped_toll(norm: str, toks: Sequence[Token], c: Located, prev: Draft | None) -> bool:
    """Whether a toll named back is hoped for, expected or feared ("وتأمل أن يرتفع هذا العدد
    إلى 30 ألفا", "ويتوقع أن ترتفع الحصيلة إلى 30"): no claim."""
    k = _anaphoric_toll_at(norm, toks, c, prev)
    entries = triggers().entries  # (not "ويمكن أن ترتفع الحصيلة بعد وصول عدد الجرحى إلى 40")
    return k is not None and blocked(toks, k) \
        and not any(entries.contains(tok) for tok in toks[k + 1:c.lo])


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
    furniture = Spans(furniture_lines(doc))
    for si, (s, e) in enumerate(doc.sentences):
        if s in furniture:  # "للمزيد: ..." links another article: nothing of this one
            prev = None
            continue
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
