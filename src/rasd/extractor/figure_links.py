"""Linking one figure of a sentence: which figures are head counts, the cost of each link to a
nearby event word, the rules that lower or raise it, and the choice of the best link."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from rasd.extractor import linking
from rasd.extractor.lexicon import attribution, context, has_stem, persons, triggers
from rasd.extractor.linking import CLAUSE_SUBJECT_MAX_GAP, COSTS, VERB_BEFORE_MAX_GAP, Link, Located
from rasd.extractor.rejections import STATUS_TYPES
from rasd.extractor.sentence import CLAUSE_BREAK, Figure, Sentence, SentenceIndex, after_breakdown
from rasd.model import CountMention, Token, Trigger
from rasd.text.tokens import has_article, has_preposition, starts_with_conjunction

YEAR_RANGE = range(1900, 2101)
CASUALTY_TYPES = frozenset({"killed", "injured"})  # nouns of the dead or wounded a figure counts
DETAINEE_EXTRA_GAP = 2  # words a detainee noun's figure may stand further from another event's verb


def not_a_head_count(toks: Sequence[Token], c: Located, cm: CountMention) -> bool:
    """Figures that are labels rather than head counts: bare years, "الدول الـ20", "الأشهر الثمانية",
    the perpetrators ("برصاص شخصين", "على يد 3 مسلحين"), and a definite dual after "one of" ("أحد
    القتيلين": the two dead counted before)."""
    nxt_person = c.hi < len(toks) and linking.is_person(toks[c.hi])
    if cm.count.value == 1:  # "أحد/إحدى" = one of; single persons are handled by singles.py
        return True
    if c.lo > 0 and has_stem(toks[c.lo - 1], persons().agents_before):
        return True  # "قتل برصاص شخصين": the shooters
    if cm.noun is not None:  # a dual: only duals of people, event words or strike targets count
        return not (linking.is_person(toks[c.lo])
                    or has_stem(toks[c.lo], triggers().strike_targets)
                    or triggers().entries.match_at(toks, c.lo) is not None) \
            or _speaker_dual(toks, c) \
            or c.lo > 0 and has_article(toks[c.lo]) \
            and (has_stem(toks[c.lo - 1], persons().one_of_victims)  # "أحد القتيلين": named back
                 or _agrees_with_dual_before(toks, c.lo))  # "التفجيران الانتحاريان": an adjective
    if cm.count.value in YEAR_RANGE and cm.count.qualifier is None and not nxt_person:
        return True
    if _speakers_counted(toks, c):
        return True  # "وقال عدد من الشهود إن": who speaks, not who is counted
    if has_article(toks[c.lo]) and cm.noun is None and cm.count.vague is None:
        prev_person = c.lo > 0 and linking.is_person(toks[c.lo - 1]) \
            or c.lo > 1 and has_article(toks[c.lo - 1]) and linking.is_person(toks[c.lo - 2])
        return not (prev_person or nxt_person)  # ("أفراد الطاقم الخمسة", "الرجال المسلمين الأربعة")
    return False


def _agrees_with_dual_before(toks: Sequence[Token], k: int) -> bool:
    """Whether the definite dual at token ``k`` is an adjective of the definite dual of a thing
    before it, with the same ending ("التفجيران الانتحاريان": the two suicide bombings)."""
    prev = toks[k - 1]
    return has_article(prev) and not linking.is_person(prev) and len(prev.text) > 4 \
        and prev.text[-2:] == toks[k].text[-2:]


SPEAKER_VERB_REACH = 2  #: words after a dual where its verb of saying may stand ("مصدران عسكريان قالا")


def _speaker_dual(toks: Sequence[Token], c: Located) -> bool:
    """Whether a dual of people is who speaks, not who is counted: a speaker's noun (an anonymous
    source head, ``attribution.yaml``) right after a verb of saying ("وأكد مسؤولان أمنيان مقتل 5
    جنود") or shortly before one ("مصدران عسكريان قالا")."""
    lex = attribution()
    if c.lo > 0 and lex.anonymous_head(toks[c.lo - 1].stems[-1]):
        return True  # "مصدران عسكريان": the speakers' adjective
    if not lex.anonymous_head(toks[c.lo].stems[-1]):
        return False  # "تم نقل جريحين": not a speaker's noun
    return c.lo > 0 and has_stem(toks[c.lo - 1], lex.verbs) or any(
        has_stem(tok, lex.verbs) for tok in toks[c.hi:c.hi + SPEAKER_VERB_REACH])


def _speakers_counted(toks: Sequence[Token], c: Located) -> bool:
    """Whether a figure counts the speakers of a report ("وقال عدد من الشهود إن", "أفاد عشرات
    السكان بأن"): its noun, maybe after "من", is an anonymous source head, with a verb of
    saying right before the figure or "أن" right after the noun."""
    lex = attribution()
    k = c.hi + (c.hi + 1 < len(toks) and has_stem(toks[c.hi], persons().partitive))
    if k >= len(toks) or not lex.anonymous_head(toks[k].stems[-1]):
        return False
    return c.lo > 0 and has_stem(toks[c.lo - 1], lex.verbs) \
        or k + 1 < len(toks) and toks[k + 1].text in lex.that


def _clause_after_break(ix: SentenceIndex, toks: Sequence[Token], lo: int, hi: int) -> bool:
    """Whether a clause opened by "و" + a word of no people follows the first clause break in
    tokens ``[lo, hi)`` ("وتم اعتقال الناشط، وشارك 500 شخص في مظاهرة": the figure is the new
    clause's, not the arrest's; not "، و3 مدنيين", a list going on, nor "، ويقدر عددهم بالألف",
    the same people named back)."""
    for k in range(lo + 1, hi):
        if CLAUSE_BREAK.search(ix.norm, toks[k - 1].end, toks[k].start):
            ctx = context()
            return toks[k].text[:1] in persons().person_and and starts_with_conjunction(toks[k]) \
                and not linking.is_person(toks[k]) and not ix.counts_from(k, k + 1) \
                and not any(has_stem(tok, ctx.refers_back)
                            for tok in toks[k:min(hi, k + ctx.refers_back_reach)])
    return False


def _links(toks: Sequence[Token], cm: CountMention, ci: int, ix: SentenceIndex,
           trigs: list[Trigger], breaks: dict[int, int]) -> list[tuple[Link, int]]:
    """Links of figure ``ci`` to the event words ``breaks`` holds (with their clause breaks)."""
    links: list[tuple[Link, int]] = []
    c, t_loc = ix.c_loc[ci], ix.t_loc
    conj = starts_with_conjunction(toks[c.lo])
    opens_clause = _after_complementizer(toks, c)
    targets = c.hi < len(toks) and has_stem(toks[c.hi], triggers().strike_targets) \
        and not has_preposition(toks[c.hi])  # (not "مقتل 8 بموقع": at a site)
    for ti in breaks:
        trig, t = trigs[ti], t_loc[ti]
        if targets and trig.type != "strikes":
            continue  # "الضربات أصابت 18 هدفا": targets hit count strikes, never people
        if not linking.is_strike_link(toks, c, t, trig):
            continue
        if not linking.is_loss_link(toks, c, t, trig):
            continue
        if trig.type in triggers().needs_person and trig.role == "verb" and (
                t.hi + 1 < len(toks) and has_stem(toks[t.hi], context().toll_heads)
                and has_article(toks[t.hi + 1]) or _toll_reaching(toks, t)):
            continue  # "وصل عدد المصابين إلى 40", "عدد القتلى وصل إلى 79": reached, not arrived
        if has_stem(toks[t.lo], triggers().counted_nouns) and (
                t.lo == c.hi or t.lo == c.hi + 1 and has_stem(toks[c.hi], persons().partitive)):
            continue  # "عشرات الأسر النازحة", "20 من أسر الشهداء": families counted, no capture
        if trig.type not in FAMILY_TYPES and _counts_families(toks, c):
            continue  # "20 من أسر الشهداء", "عدد من الأسر النازحة": families, no dead or captives
        if t.lo > c.hi and c.hi < len(toks) and has_stem(toks[c.hi], persons().one_of_them):
            continue  # "امرأتان إحداهما اعتقلت": one of them was arrested, not both
        if trig.role == "noun" and t.lo == c.hi and t.hi < len(toks) \
                and has_stem(toks[t.hi], persons().of_them) \
                and not CLAUSE_BREAK.search(ix.norm, toks[t.hi - 1].end, toks[t.hi].start):
            continue  # "77 معتقلاً منهم قتلوا": the detainees are the group, killing the event
            # (not "13300 جريحاً، منهم 330 إصابة": a breakdown after a comma)
        if _agent_of_verb(toks, ix, ci, t, trig):
            continue  # "قتل أربعة انتحاريين 52 شخصا": the doers, the figure after them the dead
        if trig.role == "verb" and t.hi < c.lo and _others_its_subject(toks, t, c):
            continue  # "وأصيب آخرون حين أطلقت الشرطة النار على مئات المتظاهرين": no count
        if trig.role == "verb" and t.lo >= c.hi and _part_taken(toks, t):
            continue  # "آلاف الفلسطينيين ... قتل منهم 54": the crowd the dead were of
        if t.hi <= c.lo and _clause_between(toks, t.hi, c.lo):
            continue  # "مصرعهم عندما صدمت شاحنة عددا من المارة": the time clause's own figure
        if t.lo >= c.hi and (_new_clause_between(toks, c.hi, t.lo) or t.lo == c.hi
                             and trig.role == "verb" and starts_with_conjunction(toks[t.lo])) \
                and ix.counts_from(t.hi, t.hi + OWN_FIGURE_REACH):
            continue  # "قد تجاوز 500 شخص فيما بلغ عدد المصابين 2500", "قتلت خلال الشهر 206
            # وأصابت 227": the next clause has a figure of its own
        lo, hi = (t.hi, c.lo) if t.hi <= c.lo else (c.hi, t.lo)
        between = ix.counts_between(ci, lo, hi)
        cost = linking.link_cost(c, t, trig, breaks[ti], between) - ix.bracketed(lo, hi)
        if conj and t.hi == c.lo:
            cost += COSTS.conjunction
        if _split_idiom(toks, c, t, trig):
            cost = min(cost, COSTS.split_idiom)
        if _after_fronted_adjuncts(toks, c, t, trig, breaks[ti], between, ix) \
                or _across_asides(toks, c, t, trig, breaks[ti], between, ix):
            cost = min(cost, COSTS.fronted_adjuncts)
        if t.lo >= c.hi and _new_clause_between(toks, c.hi, t.lo) or _next_conjunct(toks, c, t, trig) \
                or breaks[ti] and t.hi <= c.lo and _clause_after_break(ix, toks, t.hi, c.lo) \
                or opens_clause and t.hi < c.lo - 1:
            cost += COSTS.new_clause
        links.append((Link(trig, cost), ti))
    if c.lo > 0 and has_stem(toks[c.lo - 1], context().toll_to):
        links = [(Link(link.trigger, min(link.cost, COSTS.toll)), ti)
                 if _toll_of(toks, c, t_loc[ti], breaks[ti], ix)
                 and not any(t_loc[tj].lo >= t_loc[ti].hi and t_loc[tj].hi <= c.lo
                             and trigs[tj].type not in ("strikes", link.trigger.type)
                 and not trigs[tj].mixed for tj in breaks)  # "عدد القتلى ضحايا الهجوم إلى 16"
                 else (link, ti) for link, ti in links]  # "عدد القتلى إلى 58 والجرحى إلى 2771"
    fronted = c.lo == 0  # "أكثر من 57 شخصا، معظمهم من الأطفال، قتلوا": the sentence opens with it
    if fronted or has_stem(toks[c.lo - 1], context().complementizers):
        # "أن 5 من عناصر الميليشيا ... قتلوا": the clause's first event verb
        after = [(t.lo, ti) for ti, t in ((ti, t_loc[ti]) for ti in breaks)
                 if t.lo >= c.hi and t.lo - c.hi <= CLAUSE_SUBJECT_MAX_GAP
                 and (trigs[ti].role in ("verb", "phrase", "loss") or trigs[ti].mixed)
                 # (a sentence's opening figure: only a verb agreeing with it, "57 شخصا ...
                 # قتلوا"; not "العشرات يرفضون العودة، الأمر الذي دفع": another subject's)
                 and not (fronted and not linking.plural_or_dual_verb(toks[t.lo]))
                 and not _new_clause_between(toks, c.hi, t.lo)
                 and not _other_figures(toks, ix, c.hi, t.lo)
                 and not (ix.counts_from(c.hi, t.lo)  # a list: the verb is its first event word
                          and any(c.hi <= t_loc[tj].lo < t.lo for tj in breaks))]
        if after:
            ti = min(after)[1]
            if trigs[ti].role == "loss":  # "سقطوا قتلى": the victims noun after it tells
                ti = next((tj for tj in breaks if t_loc[tj].lo == t_loc[ti].hi
                           and trigs[tj].role == "noun"), ti)
            ceiling = COSTS.clause_subject
            links = [(link, i) if i != ti else (Link(link.trigger, min(link.cost, ceiling)), i)
                     for link, i in links]
    whole = _unnumbered_whole(toks, c, ci, ix, [(t_loc[ti], ti) for _, ti in links])
    if whole is not None:
        links = [(link, i) if i != whole
                 else (Link(link.trigger, min(link.cost, COSTS.unnumbered_whole)), i)
                 for link, i in links]
    return links


AGENT_WORDS = 4  # "قتل [أربعة انتحاريين بريطانيين اسلاميين] 52 شخصا": the doers' words


def _agent_of_verb(toks: Sequence[Token], ix: SentenceIndex, ci: int, t: Located,
                   trig: Trigger) -> bool:
    """Whether figure ``ci``, right after an event verb, is its agent: another figure of people
    follows its person nouns and nisba adjectives right away, :data:`AGENT_WORDS` words at most
    ("قتل أربعة انتحاريين بريطانيين 52 شخصا"; not "قتل 16 شخصا وأصيب 38", "أصيب 5 أشخاص 3
    منهم أطفال", "قتل سبعة إيرانيين من بين 14 شخصا", "وإصابة 74 آخرين ثم نينوى ب 101")."""
    c = ix.c_loc[ci]
    if trig.role != "verb" or c.lo != t.hi or ci + 1 >= len(ix.c_loc) or ix.calendar[ci + 1]:
        return False
    o = ix.c_loc[ci + 1]
    lex = persons()
    if not c.hi < o.lo <= c.hi + AGENT_WORDS or has_stem(toks[c.hi], lex.others) \
            or not all(linking.is_person(toks[k]) or toks[k].text.endswith(lex.nisba_oblique_ending)
                       for k in range(c.hi, o.lo)) \
            or starts_with_conjunction(toks[o.lo]) or has_preposition(toks[o.lo]) \
            or bisect.bisect_left(ix.t_lo, c.hi) < bisect.bisect_right(ix.t_lo, o.lo) \
            or after_breakdown(toks, o.lo) \
            or CLAUSE_BREAK.search(ix.norm, toks[c.hi - 1].end, toks[o.lo].start) \
            or o.hi < len(toks) and has_stem(toks[o.hi], lex.of_them):
        return False
    hit = triggers().entries.match_at(toks, o.hi) if o.hi < len(toks) else None
    return linking.counts_people(toks, c) and linking.counts_people(toks, o) \
        and not (hit is not None and hit[1].type == "strikes")  # "4 آخرين بثلاث قذائف"


OWN_FIGURE_REACH = 2  # "فيما بلغ عدد المصابين [2500]": words after an event word to its own figure


def _new_clause_between(toks: Sequence[Token], lo: int, hi: int) -> bool:
    """Whether a conjunction opening a clause of its own ("بينما", "فيما") stands within tokens
    ``[lo, hi)``: a figure and an event word across it belong to two clauses."""
    new_clause = context().new_clause
    return any(has_stem(toks[k], new_clause) for k in range(lo, hi))


def _clause_between(toks: Sequence[Token], lo: int, hi: int) -> bool:
    """Whether a clause of time or contrast opens within tokens ``[lo, hi)`` ("عندما صدمت شاحنة",
    "فيما جرى نقل 30 آخرين"), not "فيما بعد" (later) or "فيما يشتبه" (in what is suspected)."""
    ctx = context()
    return any(has_stem(toks[k], ctx.when_clause)
               and not (k + 1 < len(toks) and has_stem(toks[k + 1], ctx.not_a_clause_after))
               for k in range(lo, hi))


def _after_complementizer(toks: Sequence[Token], c: Located) -> bool:
    """Whether figure ``c`` comes right after "أن/إن", opening a clause: an event word before it
    belongs to the clause before ("إن 19 شخصا غرقوا كما أن ما بين 25 و30 لا يزالون مفقودين";
    the word itself, not its stem: "الآن" is no "أن")."""
    return c.lo > 0 and toks[c.lo - 1].text in context().complementizers


WHOLE_REACH = 16  # "بتشريد [أكثر من نصف السكان داخل البلاد وخارجها] بينهم 5 ملايين": words


def _unnumbered_whole(toks: Sequence[Token], c: Located, ci: int, ix: SentenceIndex,
                      linked: list[tuple[Located, int]]) -> int | None:
    """The event word a breakdown figure belongs to when its whole has no figure ("بتشريد أكثر
    من نصف السكان داخل البلاد وخارجها بينهم أكثر من خمسة ملايين"): the nearest one before the
    breakdown word, within :data:`WHOLE_REACH` words and with no figure between; else None."""
    if not after_breakdown(toks, c.lo):
        return None
    before = [(t.hi, ti) for t, ti in linked if t.hi <= c.lo - 1 and c.lo - t.hi <= WHOLE_REACH]
    if not before:
        return None
    hi, ti = max(before)
    return None if ix.counts_between(ci, hi, c.lo) else ti


FAMILY_TYPES = frozenset({"displaced", "returned"})  # events counted in families too


def _counts_families(toks: Sequence[Token], c: Located) -> bool:
    """Whether figure ``c`` counts families ("عشرات الأسر", "20 من أسر الشهداء"): people of
    a displacement or a return ("نزوح 1800 أسرة", "عودة عشرات الأسر النازحة"), never the dead,
    the wounded or the captured (not "وإصابة 15، وأسر عشرات": a capture joined after it)."""
    k = c.hi + (c.hi + 1 < len(toks) and has_stem(toks[c.hi], persons().partitive))
    return k < len(toks) and has_stem(toks[k], triggers().counted_nouns) \
        and not starts_with_conjunction(toks[k])


TOLL_SUBJECT_REACH = 4  # "[عدد القتلى قد] وصل": words from a toll's head to its verb


def _toll_reaching(toks: Sequence[Token], t: Located) -> bool:
    """Whether a verb of arriving has a toll before it as its subject ("عدد القتلى وصل إلى
    79", "حصيلة القتلى قد وصلت إلى"): the toll reached a figure, no one arrived."""
    heads = context().toll_heads
    return any(has_stem(toks[k], heads) for k in range(max(0, t.lo - TOLL_SUBJECT_REACH), t.lo))


def _others_its_subject(toks: Sequence[Token], t: Located, c: Located) -> bool:
    """Whether an event verb's subject is "آخرون" (others, uncounted) and figure ``c`` after it
    is no breakdown of them ("وأصيب آخرون بينهم 5 أطفال" is)."""
    return t.hi < c.lo and has_stem(toks[t.hi], persons().others) \
        and not after_breakdown(toks, c.lo)


def _part_taken(toks: Sequence[Token], t: Located) -> bool:
    """Whether an event verb takes its people out of a group named before it: a verb that does
    not agree with a plural subject, then "منهم" ("قتل منهم 54", "توفي منهم خمسة"; not "260
    مقاتلا قتلوا -منهم شخصيات": the 260 died)."""
    return t.hi < len(toks) and has_stem(toks[t.hi], persons().of_them) \
        and not toks[t.hi - 1].text.endswith(context().plural_verb_ending)


ADJUNCT_REACH = 12  # words of fronted adjuncts between an event verb and its subject figure


def _after_fronted_adjuncts(toks: Sequence[Token], c: Located, t: Located, trig: Trigger,
                            breaks: int, between: int, ix: SentenceIndex) -> bool:
    """Whether figure ``c`` is the subject of an event verb before it that adjuncts opened by a
    preposition separate from it ("وقتل في محافظة الحديدة منذ بدء الهجوم، 483 شخصا"): people
    counted; no event word, and at most one other figure (a date) and one clause break between."""
    if trig.role != "verb" or t.hi >= c.lo or c.lo - t.hi > ADJUNCT_REACH or between > 1 or breaks > 1 \
            or starts_with_conjunction(toks[c.lo]) or not linking.counts_people(toks, c):
        return False
    first = toks[t.hi]
    if not (has_stem(first, persons().single_gap_prepositions) or has_preposition(first)):
        return False
    return not any(t.hi <= lo < c.lo for lo in ix.t_lo)


def _across_asides(toks: Sequence[Token], c: Located, t: Located, trig: Trigger,
                   breaks: int, between: int, ix: SentenceIndex) -> bool:
    """Whether figure ``c`` is the subject or object of an event verb before it across the
    verb's agent or adjunct and an aside between commas ("اختطف مسلحو الجماعة، منذ أربع سنوات،
    276 فتاة", "وقتل الخميس، وفق المرصد، 8 مدنيين"), or the figure of a toll ("وبلغت حصيلة
    القتلى خلال أسبوع، وفق المرصد، 29 مقاتلا"): people counted right after a comma, and
    between them no event word, no clause opened by "و" after a break, and no "أن"."""
    toll = trig.role == "phrase" and has_stem(toks[t.lo], context().toll_heads)
    if trig.role != "verb" and not toll or t.hi >= c.lo or c.lo - t.hi > ADJUNCT_REACH or between > 1 \
            or not 1 <= breaks <= 2 or starts_with_conjunction(toks[c.lo]) \
            or not CLAUSE_BREAK.search(ix.norm, toks[c.lo - 1].end, toks[c.lo].start) \
            or not linking.counts_people(toks, c):
        return False
    complementizers = context().complementizers
    by = attribution().prepositions
    for k in range(t.hi, c.lo):
        if has_stem(toks[k], complementizers) or k > t.hi and starts_with_conjunction(toks[k]) \
                and CLAUSE_BREAK.search(ix.norm, toks[k - 1].end, toks[k].start) \
                and by.match_at(toks, k) is None:  # ("، وفق المرصد،": no "و" clause)
            return False
    return not any(t.hi <= lo < c.lo for lo in ix.t_lo)


def _other_figures(toks: Sequence[Token], ix: SentenceIndex, lo: int, hi: int) -> bool:
    """Whether a figure starts within tokens ``[lo, hi)`` that is no "و" conjunct of a list
    ("أن 14 من مقاتلي الحركة و59 من عناصر الشرطة قتلوا": both are the verb's) nor a part after
    "بينهم" ("أن 57 مدنيا بينهم 12 طفلا قتلوا"); by bisect over the figures' first tokens
    (sorted), not a scan of them all."""
    first = bisect.bisect_left(ix.c_lo, lo)
    return any(not starts_with_conjunction(toks[k]) and not after_breakdown(toks, k)
               for k in ix.c_lo[first:bisect.bisect_left(ix.c_lo, hi, first)])


TOLL_REACH = 12  # "ارتفعت حصيلة القتلى [منذ بدء الاحتجاجات في 30 آذار/مارس الماضي] إلى 53"
ASIDE_WORDS = 30  # the longest aside a toll reaches across, in words


def _toll_of(toks: Sequence[Token], c: Located, t: Located, breaks: int,
             ix: SentenceIndex) -> bool:
    """Whether a toll ("حصيلة القتلى", "عدد الجرحى") opens the clause whose "إلى N" is the
    figure: the toll reaches its figure across a period or place phrase of any length, and,
    within :data:`ASIDE_WORDS` more words, across its own relative clause
    (:func:`_relative_of_the_toll`) or an aside (:func:`_beside_asides`)."""
    heads = context().toll_heads
    if t.hi > c.lo or not (has_stem(toks[t.lo], heads) or t.lo > 0
                           and has_stem(toks[t.lo - 1], heads)
                           or _total_of_people(toks, t)):  # "عدد أسرى جنود اللواء ... إلى 62"
        return False
    gap = c.lo - t.hi
    if gap > TOLL_REACH + ASIDE_WORDS:
        return False  # (and no pair reads more than a bounded stretch of text)
    if breaks == 0:
        return gap <= TOLL_REACH or _relative_of_the_toll(toks, t, c)
    return _beside_asides(ix, t, c)


RELATIVE_AFTER = 3  # "عدد القتلى [الفلسطينيين] الذين سقطوا ...": words from the toll to its relative


def _relative_of_the_toll(toks: Sequence[Token], t: Located, c: Located) -> bool:
    """Whether the words between a toll and its "إلى N" are the toll's relative clause, of any
    period or place ("يرتفع عدد القتلى الفلسطينيين الذين سقطوا برصاص الجيش منذ بدء الاحتجاجات
    في 30 آذار/مارس الماضي إلى 53")."""
    relatives = context().aside_relatives
    return any(has_stem(toks[k], relatives)
               for k in range(t.hi, min(c.lo, t.hi + RELATIVE_AFTER)))


def _beside_asides(ix: SentenceIndex, t: Located, c: Located) -> bool:
    """Whether a toll and its figure are in one clause within :data:`TOLL_REACH` words once
    its asides are left out: a bracket ("(الحرس الجمهوري سابقا)") or a relative clause between
    commas ("، التي استهدفت منطقة الكسوة في ريف دمشق،")."""
    gap = ix.norm[ix.toks[t.hi - 1].end:ix.toks[c.lo].start]
    rest = context().asides.sub(" ", gap)
    return rest != gap and CLAUSE_BREAK.search(rest) is None \
        and len(rest.split()) <= TOLL_REACH


TOTAL_HEAD_REACH = 3  # "مجموع [المدنيين] الذين قتلوا": words from the head to the relative


def _total_of_people(toks: Sequence[Token], t: Located) -> bool:
    """Whether the event verb at ``t`` closes "total of the people who" ("مجموع المدنيين الذين
    قتلوا"): its toll then reaches the figure after "إلى" as a toll head's does."""
    ctx = context()
    if t.lo < 2 or not has_stem(toks[t.lo - 1], ctx.total_relatives):
        return False
    return any(has_stem(toks[k], ctx.total_heads)
               for k in range(max(0, t.lo - 1 - TOTAL_HEAD_REACH), t.lo - 1))


def _split_idiom(toks: Sequence[Token], c: Located, t: Located, trig: Trigger) -> bool:
    """Whether a killed noun after the figure closes an idiom opened right before it ("لقي 22 من
    رجال الأمن والمدنيين في المدينة مصرعهم")."""
    return (trig.type == "killed" and trig.role == "noun" and t.lo >= c.hi and c.lo > 0
            and has_stem(toks[c.lo - 1], context().split_idiom_heads))


def went_missing(toks: Sequence[Token], c: Located, t: Located, trig: Trigger) -> bool:
    """Whether a loss verb is the passive "went missing": a bare "فقد" with the figure right
    after it and no "their" on the people ("وفقد 15 آخرون", not "ففقد 103 من عناصره" nor "فقد 7
    من أفراد الوحدة حياتهم")."""
    ctx = context()
    if trig.role != "loss" or c.lo != t.hi or not has_stem(toks[t.lo], ctx.missing_when_bare):
        return False
    after = toks[c.hi:c.hi + ctx.lost_lives_reach]
    return not any(has_stem(tok, persons().possessed) for tok in after[:3]) and not any(
        has_stem(tok, ctx.lost_lives) for tok in after)


def pushed_to_flee(toks: Sequence[Token], t: Located, trig: Trigger) -> bool:
    """Whether a verb of sending is violence pushing people away ("ودفع هجوم الجيش عشرات الآلاف
    من الأشخاص نحو الحدود"): its subject right after it is an attack, fighting or shelling, so
    the people fled (displaced), no one was sent."""
    ctx = context()
    return trig.type == "deployed" and trig.role == "verb" and t.hi < len(toks) \
        and has_stem(toks[t.lo], ctx.causatives) and has_stem(toks[t.hi], ctx.violence_subjects)


def evacuated(toks: Sequence[Token], c: Located, trig: Trigger) -> bool:
    """Whether people vehicles carry to a place are evacuees ("ووصلت حافلات تقل مئات المقاتلين
    والمدنيين إلى إدلب"): the figure right after a verb of carrying, with civilians, families or
    the wounded among them; displaced, not deployed."""
    ctx = context()
    return trig.type == "deployed" and c.lo > 0 and has_stem(toks[c.lo - 1], ctx.carrying) \
        and any(has_stem(tok, ctx.evacuees) for tok in toks[c.hi:c.hi + ctx.evacuee_reach])


def driven_from_homes(toks: Sequence[Token], c: Located, trig: Trigger) -> bool:
    """Whether people expelled are driven from their homes ("طُرد مئات الآلاف من منازلهم"):
    displaced, not deported."""
    ctx = context()
    window = toks[c.hi:c.hi + ctx.evacuee_reach]
    return trig.type == "returned" and any(
        has_stem(tok, ctx.homes) and has_stem(before, ctx.homes_from)
        for before, tok in zip(window, window[1:]))


BODY_TYPES = frozenset({"returned", "arrested", "abducted", "released"})  # what bodies are not


def bodies_handed_over(toks: Sequence[Token], c: Located, trig: Trigger) -> bool:
    """Whether people handed over, received or held are bodies ("تسلم جثث 29 طفلا", "إعادة رفات
    55 جنديا", "يحتجز جثث 5 فلسطينيين", "يحتجز جثماني فلسطينيين"): the figure right after a body
    noun, or a dual body noun itself; killed, not returned or arrested."""
    bodies = context().bodies
    return trig.type in BODY_TYPES and (c.lo > 0 and has_stem(toks[c.lo - 1], bodies)
                                        or has_stem(toks[c.lo], bodies))


SURRENDER_REACH = 3  # "سلم 20 [مسلحا] أنفسهم": words from the figure to the reflexive


def surrendered(toks: Sequence[Token], c: Located, trig: Trigger) -> bool:
    """Whether people handed over are handing over themselves ("وسلم 20 مسلحا أنفسهم للقوات"):
    a surrender, which the guideline counts as an arrest."""
    return trig.type == "returned" and any(
        has_stem(tok, context().reflexives) for tok in toks[c.hi:c.hi + SURRENDER_REACH])


HOSTAGE_REACH = 2  # "احتجزوا [كرهائن]", "احتجزتهم الجماعة [رهائن]": words after the arrest word


def held_hostage(toks: Sequence[Token], c: Located, t: Located, trig: Trigger) -> bool:
    """Whether people an arrest word holds are hostages, so taken, not arrested ("احتجاز عدد من
    الرهائن", "احتجزوا 5 رهائن", "نحو 500 شخص احتجزوا كرهائن"): the figure's noun, maybe after
    "من", or the word after it ("احتجز أربعة حراس رهائن") is a hostage noun, or one stands
    right after the arrest word."""
    if trig.type != "arrested":
        return False
    hostages = triggers().hostages
    k = c.hi + 1 if c.hi < len(toks) and has_stem(toks[c.hi], persons().partitive) else c.hi
    return any(has_stem(tok, hostages)
               for tok in (*toks[k:k + HOSTAGE_REACH], *toks[t.hi:t.hi + HOSTAGE_REACH]))


def lost_what(toks: Sequence[Token], c: Located, t: Located, trig: Trigger) -> str | None:
    """What people "lost" when a missing verb after their figure takes an object, or a loss
    noun before it names one after the people: "killed" for their lives ("100 طفل فقدوا
    أرواحهم", "فقدان مئات الأشخاص لحياتهم"), "injured" for their limbs or sight ("فقدوا
    أطرافهم"), "nothing" for their jobs, homes or control
    ("فقدوا وظائفهم": no event); None when there is none ("16 فقدوا في البحر": went missing)."""
    if trig.type != "missing" or trig.role not in ("verb", "masdar"):
        return None
    ctx = context()
    if trig.role == "verb" and t.lo >= c.hi:
        objects = toks[t.hi:t.hi + 1]
    elif trig.role == "masdar" and t.hi <= c.lo:
        objects = toks[c.hi:c.hi + ctx.lost_lives_reach]
    else:
        return None
    if any(has_stem(obj, ctx.lost_lives) for obj in objects):
        return "killed"
    if any(has_stem(obj, ctx.lost_limbs) for obj in objects):
        return "injured"  # "86 ألف شخص فقدوا أطرافهم"
    return "nothing" if any(has_stem(obj, ctx.lost_possessions) for obj in objects) else None


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


CAUSATIVE_REACH = 6     # "دفع [تقدم القوات الموالية لتركيا] أكثر من مئتي ألف": verb to figure
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
    if best.trigger.type not in CASUALTY_TYPES or best.trigger.mixed:
        for link, ti in links:
            if link.trigger.type in CASUALTY_TYPES and t_loc[ti].lo == c.hi and (
                    link.trigger.role == "noun" and not link.trigger.mixed
                    or link.trigger.role == "phrase" and link.trigger.mixed):
                return link, ti  # "وصول 70 جثة", "إجلاء 20 جريحا", "وصول عشرات القتلى والجرحى"
    if best.trigger.role == "noun" and best.trigger.type in STATUS_TYPES and t_loc[bi].lo >= c.hi:
        # a detainee noun reaches a verb two words further ("أفرجت وزارة الداخلية عن عشرات السجناء")
        gap = VERB_BEFORE_MAX_GAP + (DETAINEE_EXTRA_GAP if best.trigger.type == "arrested" else 0)
        opens_clause = _after_complementizer(toks, c)
        for link, ti in links:
            t = t_loc[ti]
            if (link.trigger.role != "noun" and t.hi <= c.lo and c.lo - t.hi <= gap
                    and link.trigger.type != best.trigger.type and breaks[ti] == 0
                    and not (opens_clause and t.hi < c.lo - 1)):  # "غرقوا كما أن 25 ... مفقودين"
                return link, ti
    return best, bi


@dataclass(frozen=True, slots=True)
class Linked:
    """A figure's links to the event words near it: all of them with their clause breaks, and
    the best one (``bi``: its event word's index; None when there is no link)."""

    links: list[tuple[Link, int]]
    breaks: dict[int, int]
    best: Link | None
    bi: int
    caused: bool


def link_figure(sent: Sentence, fig: Figure) -> Linked:
    """Link a figure to the event words near it and choose the best link (a causative verb's
    verbal noun first: :func:`_caused_event`, else :func:`_choose`)."""
    toks, ix, c = sent.toks, sent.ix, fig.c
    toll = c.lo > 0 and has_stem(toks[c.lo - 1], context().toll_to)  # "... إلى 53": a toll's
    # head may stand further back
    back = TOLL_REACH + ASIDE_WORDS if toll else ADJUNCT_REACH  # (_toll_of, fronted adjuncts)
    breaks = {ti: ix.breaks(c, ix.t_loc[ti]) for ti in ix.near(c, back)}
    links = _links(toks, fig.cm, fig.ci, ix, sent.trigs, breaks)
    if not links:
        return Linked(links, breaks, None, -1, False)
    best, bi = _choose(links, c, ix.t_loc, breaks, toks)
    caused = _caused_event(toks, c, links, ix.t_loc)
    if caused is not None:
        best, bi = caused
    return Linked(links, breaks, best, bi, caused is not None)


def coordinated(sent: Sentence, linked: Linked, best: Link) -> list[tuple[Link, int]]:
    """The best link and the verbal nouns coordinated right before its event word ("اعتقال
    وقتل عدد من" -> arrested and killed)."""
    t_loc, bi, trig = sent.ix.t_loc, linked.bi, best.trigger
    chosen = [(best, bi)]
    if not sent.toks[t_loc[bi].lo].text.startswith(tuple(context().coordinating)):
        return chosen  # "للاختناق فتوفي منهم ثمانية": what followed, no second event
    for link, ti in linked.links:
        other = link.trigger
        if (ti != bi and t_loc[ti].hi == t_loc[bi].lo and other.type != trig.type
                and other.role == "masdar" and trig.role in ("masdar", "verb")
                and linked.breaks[ti] == 0
                and not other.mixed and not trig.mixed):
            chosen.append((link, ti))
    return chosen
