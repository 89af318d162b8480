"""Linking a figure to its event trigger and to the noun it counts, within a sentence.

Costs are in tokens: the gap between figure and trigger, plus penalties for the less usual
order for the trigger's role, for clause separators and for other figures in between. A figure
is a claim when its cheapest trigger costs at most ``COSTS.max_cost``; every cost is in
:class:`LinkCosts`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set
from dataclasses import dataclass
from functools import lru_cache

from rasd.extractor.lexicon import actor_heads, attribution, context, has_stem, persons, triggers
from rasd.model import Token, Trigger
from rasd.text.tokens import has_article, has_preposition, starts_with_conjunction

STRIKE_MAX_GAP = 1           # "ثلاث غارات جوية", "9 منها صواريخ": a partitive at most between
STRIKE_TARGET_MAX_GAP = 3
SUBJECT_MAX_WORDS = 6
LOSS_NOUN_REACH = 4          # "سقوط 14 مسلحاً حوثياً بين قتيل وجريح" (farther: the next clause)
# a release frees people held: "تحرير 59 رهينة" is a release, not the hostages' abduction
ENDS_HOLDING = frozenset({"released"})
HELD_TYPES = frozenset({"abducted", "arrested"})
LOSS_AGENT_WORDS = 3         # "فقدت [قوات النظام] 40 عنصراً": the loser between verb and figure
VERB_BEFORE_MAX_GAP = 2      # "حرر الجيش 178 رهينة": an event verb just before beats a noun after
CLAUSE_SUBJECT_MAX_GAP = 12  # "أن 5 من عناصر الميليشيا ... قتلوا": the clause's first verb
_PUNCT = re.compile(r"[^\w\s]")    # "غارات على 9 أهداف", "قصف 60 وكراً"


@dataclass(frozen=True, slots=True)
class LinkCosts:
    """Every cost of linking a figure to an event word, in one table (read by this module and
    by :mod:`rasd.extractor.figure_links`).

    A link costs the gap in tokens between figure and event word plus the penalties below; a
    figure is a claim when its cheapest link costs at most ``max_cost``. Some rules lower a
    link's cost to a ceiling; claims made by a rule rather than a link have a fixed cost. A
    claim's confidence is ``0.95 - 0.1 * cost`` (at least 0.1)."""

    max_cost: float = 7.0
    # penalties added to the gap (linking.link_cost)
    noun_before: float = 1.5     # "القتلى ... 40": a victims noun usually follows its figure
    after: float = 0.5           # "11 شخصاً قتلوا": a verb after the figure is less usual
    masdar_after: float = 2.0    # a verbal noun almost always precedes its figure
    clause: float = 2.0          # per clause break between figure and event word
    count_between: float = 1.5   # per other figure between them
    # penalties added by the sentence (figure_links._links)
    new_clause: float = 3.0      # "إلى 158، بينما بلغت الإصابات": the next clause has its own figure
    conjunction: float = 2.0     # "قتلوا و32 أصيبوا": a trigger right before "وN" ends the conjunct
    # ceilings a rule lowers a link's cost to
    split_idiom: float = 0.5     # "لقي 22 من رجال الأمن ... مصرعهم"
    toll: float = 2.0            # "عدد القتلى إلى 58": a figure's own noun after it still wins
    clause_subject: float = 1.0  # "أن 5 من عناصر الميليشيا ... قتلوا": the clause's first verb
    caused_event: float = 1.0    # "دفعت المعارك 320 ألف مدني إلى النزوح"
    fronted_adjuncts: float = 4.0  # "وقتل في الحديدة منذ بدء الهجوم، 483 شخصا": the verb's subject
    unnumbered_whole: float = 3.0  # "بتشريد نصف السكان داخل البلاد وخارجها بينهم 5 ملايين"
    # claims that take the event of the claim before them, without a link of their own
    breakdown: float = 1.0       # "لقي 26 مدنيا، بينهم 11 طفلا"
    list: float = 1.0            # "مقتل 20 شخصاً ... و8 أطفال"; a link above it yields to the list
    follow_single: float = 1.5   # "مقتل 10 مدنيين وجندي", "بينهم امرأة"
    # count-of-one claims: one person next to an event word
    single: float = 2.0          # "قُتل شاب", "سقط قتيل", "لقي جندي مصرعه", "خامس شخص"
    single_before: float = 2.5   # "وكان شرطي أردني قتل": the person before the verb


COSTS = LinkCosts()
"""The link costs in use."""


@dataclass(frozen=True, slots=True)
class Located:
    """An annotation with its token range ``[lo, hi)`` in the sentence."""

    lo: int
    hi: int


@dataclass(frozen=True, slots=True)
class Link:
    trigger: Trigger
    cost: float


def token_range(toks: Sequence[Token], start: int, end: int) -> Located:
    """Token indices covering the normalized range ``[start, end)`` (tokens may straddle it)."""
    lo = 0
    while lo < len(toks) and toks[lo].end <= start:
        lo += 1
    hi = lo
    while hi < len(toks) and toks[hi].start < end:
        hi += 1
    return Located(lo, max(hi, lo + 1))


def link_cost(c: Located, t: Located, trig: Trigger, breaks_between: int,
              counts_between: int) -> float:
    """Cost of reading figure ``c`` as the count of trigger ``t``."""
    if t.lo < c.hi and c.lo < t.hi:
        return 0.0
    if t.hi <= c.lo:
        cost = float(c.lo - t.hi)
        if trig.role == "noun" and not trig.mixed:
            cost += COSTS.noun_before
    else:
        cost = float(t.lo - c.hi) + COSTS.after
        if trig.role == "masdar":
            cost += COSTS.masdar_after
    return cost + COSTS.clause * breaks_between + COSTS.count_between * counts_between


def is_person(tok: Token) -> bool:
    """Whether a token names people (a person noun, "آخرون", or a victims noun)."""
    lex = persons()
    return (has_stem(tok, lex.plural) or has_stem(tok, lex.singular) or has_stem(tok, lex.others)
            or has_stem(tok, lex.dual) or is_victim_noun(tok) or has_stem(tok, lex.possessed))


def plural_or_dual_verb(tok: Token) -> bool:
    """Whether a verb is in the plural or dual (``context.yaml`` active_endings: "قتلوا",
    "أصيبا"): it agrees with a subject of many ("57 شخصا ... قتلوا"; not "دفع")."""
    return any(tok.text.endswith(e) for e in context().active_endings)


def is_victim_noun(tok: Token) -> bool:
    """Whether a token is an event noun naming the people affected ("قتيلاً", "معتقلين")."""
    hit = triggers().entries.match_at((tok,), 0)
    return hit is not None and hit[1].role == "noun" and not has_stem(tok, persons().objects)


def counts_people(toks: Sequence[Token], c: Located) -> bool:
    """Whether the figure is followed by a person noun, a relative pronoun of people ("مئات
    الذين"), a partitive "من ..." (also "من أبرز قادتها") or "آخرون"."""
    if c.hi >= len(toks):
        return False
    nxt = toks[c.hi]
    lex = persons()
    if is_person(nxt) or has_stem(nxt, lex.relative_people) and not has_article(toks[c.lo]):
        return True  # "مئات الذين يعيشون" (not "الأشخاص العشرة الذين": the noun is before)
    if not has_stem(nxt, lex.partitive) or c.hi + 1 >= len(toks):
        return False
    k = c.hi + 2 if has_stem(toks[c.hi + 1], lex.eminent) else c.hi + 1  # "من أبرز قادتها"
    return k < len(toks) and (is_person(toks[k]) or has_stem(toks[k], lex.partitive_forces))


def counts_objects(toks: Sequence[Token], c: Located) -> bool:
    """Whether the figure counts things that are not people ("5 سيارات"; a count word after its
    noun counts that noun: "مناطق عدة")."""
    lex = persons()
    if c.hi < len(toks) and has_stem(toks[c.hi], lex.objects) \
            and (toks[c.hi].text in lex.objects or not has_preposition(toks[c.hi])
                 or c.hi + 1 < len(toks) and has_stem(toks[c.hi + 1], lex.at_large)):
        return True  # (not "ألف بحالات اختناق": a phrase of its own; but "بنادق", "بحالة سراح")
    if c.hi + 1 < len(toks) and has_stem(toks[c.hi], lex.partitive) \
            and (has_stem(toks[c.hi + 1], lex.animals)
                 or has_stem(toks[c.hi + 1], lex.partitive_objects)):
        return True  # "1.6 مليون من الطيور", "عشرات الآلاف من الألغام"
    if c.hi + 2 < len(toks) and has_stem(toks[c.hi], lex.single_gap_prepositions) \
            and has_stem(toks[c.hi + 1], lex.objects) and has_stem(toks[c.hi + 2], lex.at_large):
        return True  # "و23 في حالة فرار": at large
    return postposed_object(toks, c)


def postposed_object(toks: Sequence[Token], c: Located) -> bool:
    """Whether the figure is a count word after the thing it counts, maybe with an adjective
    between ("مناطق عدة", "قوافل عدة", "عمليات عسكرية عدة")."""
    lex = persons()
    return c.hi - c.lo == 1 and c.lo > 0 and has_stem(toks[c.lo], lex.postposed) \
        and (has_stem(toks[c.lo - 1], lex.objects)
             or c.lo > 1 and has_stem(toks[c.lo - 2], lex.objects)
             and not (has_stem(toks[c.lo - 1], lex.plural) or has_stem(toks[c.lo - 1], lex.singular)))


@lru_cache(maxsize=1)
def _subject_stops() -> frozenset[str]:
    """Words that end a counted noun phrase: a speaker phrase's stops (but "من") and negation
    ("قتل 28 شخصا [لم يتم التعرف على هوياتهم]")."""
    return (attribution().stops - persons().partitive) | context().negation


def subject_range(toks: Sequence[Token], c: Located, stop_at: set[int],
                  norm: str = "", count_starts: Set[int] = frozenset()) -> Located | None:
    """Token range of the counted noun phrase right after the figure, if it names people; it
    ends before an event word, a preposition or time word ("في", "خلال", "أمس"), another figure
    ("7 من رجال الشرطة [وأربعة من العمال]"), a breakdown into figures ("30 شخصا [بينهم خمسة
    انتحاريين]"), or after :data:`SUBJECT_MAX_WORDS` words."""
    if c.hi >= len(toks):
        return None
    lex = persons()
    k = c.hi
    if has_stem(toks[k], lex.partitive):
        k += 1
    if k >= len(toks) or not is_person(toks[k]):
        return None
    if k == c.hi and c.hi - c.lo == 1 and is_person(toks[c.lo]) \
            and starts_with_conjunction(toks[k]):
        return Located(c.lo, c.hi)  # "طفلان وامرأة": a dual is its own noun, the next one's own
    stops = _subject_stops()
    end = k + 1
    while (end < len(toks) and end - c.hi < SUBJECT_MAX_WORDS and end not in stop_at
           and end not in count_starts  # "7 من رجال الشرطة [وأربعة من العمال]"
           and not has_stem(toks[end], stops)
           and not (starts_with_conjunction(toks[end]) and is_person(toks[end]))  # "ومسعف"
           and not _breakdown_figure_at(toks, end, count_starts)
           and not (norm and _PUNCT.search(norm, toks[end - 1].end, toks[end].start))):
        end += 1
    return Located(c.hi, end)


def _breakdown_figure_at(toks: Sequence[Token], k: int, count_starts: Set[int]) -> bool:
    """Whether a breakdown word at token ``k`` opens a figure ("بينهم خمسة"), not a mere
    identification ("اثنين من القتلى هم من عناصر الشرطة")."""
    hit = persons().breakdown.match_at(toks, k)
    return hit is not None and k + hit[0] in count_starts


POSTPOSED_ADJECTIVES = 2  # "غارات [جوية إسرائيلية] عدة": adjectives between a noun and its count


def is_strike_link(toks: Sequence[Token], c: Located, t: Located, trig: Trigger) -> bool:
    """Strike figures: a figure right before (or being) its strike word ("ثلاث غارات"), a count
    word right after it ("غارات عدة"), or a figure of targets after a strike verb or noun ("قصف
    60 وكراً", "غارات على 9 أهداف")."""
    if trig.type != "strikes":
        return True
    if t.lo < c.hi and c.lo < t.hi:
        return True
    postposed = c.hi - c.lo == 1 and has_stem(toks[c.lo], persons().postposed)
    if trig.role == "noun" and postposed and t.hi <= c.lo <= t.hi + POSTPOSED_ADJECTIVES \
            and all(toks[k].text.endswith(context().adjective_ending) for k in range(t.hi, c.lo)):
        return True  # "غارات عدة", "غارات جوية عدة": a count word after its strike noun
    if trig.role == "noun" and t.lo >= c.hi:
        return t.lo - c.hi <= STRIKE_MAX_GAP and all(
            has_stem(toks[k], triggers().strike_partitives) for k in range(c.hi, t.lo))
    if trig.role == "noun" and t.lo > 0 and has_stem(toks[t.lo - 1], context().toll_heads) \
            and c.lo > 0 and has_stem(toks[c.lo - 1], context().toll_to):
        return True  # "ارتفع عدد الغارات على الغوطة إلى 190": a total of strikes
    targets = triggers().strike_targets
    if postposed and trig.role == "verb" and c.lo > 0 and has_stem(toks[c.lo - 1], targets):
        c = Located(c.lo - 1, c.lo)  # "قصف الطيران مواقع عدة": the targets counted before it
        # (not a strike noun's "غارات على أهداف عدة": the dev gold reads it as the strikes
        # already counted)
    dual = c.hi - c.lo == 1 and has_stem(toks[c.lo], targets)  # "ضربت موقعين": the noun is the figure
    k = c.hi + (c.hi + 1 < len(toks) and has_stem(toks[c.hi], persons().partitive))
    return (t.hi <= c.lo and c.lo - t.hi <= STRIKE_TARGET_MAX_GAP
            and (dual or (k < len(toks) and has_stem(toks[k], targets))))  # "عشرات من الأهداف"


def is_loss_link(toks: Sequence[Token], c: Located, t: Located, trig: Trigger) -> bool:
    """A verb of losing counts only its direct object, a figure of people right after it or
    after the one who lost ("فقدت الجماعة ثلاثة من قادتها", "خسر الجيش 12 جندياً"); "فقد"
    before a verb is the particle ("فقد نزح 30 ألفاً")."""
    if trig.role != "loss":
        return True
    if c.lo < t.hi or c.lo - t.hi > LOSS_AGENT_WORDS or not counts_people(toks, c):
        return False
    entries = triggers().entries
    for k in range(c.lo, min(len(toks), c.hi + LOSS_NOUN_REACH)):  # a dual is its own noun
        hit = entries.match_at(toks, k)
        if hit is not None and (hit[1].role == "noun" or hit[1].mixed) \
                and not (trig.type in ENDS_HOLDING and hit[1].type in HELD_TYPES):
            return False  # "سقط 5 جرحى", "سقوط 14 مسلحاً بين قتيل وجريح": that noun decides
    between = toks[t.hi:c.lo]
    return not between or _adjunct(between) or (has_stem(between[0], actor_heads())
                                                and not has_stem(between[0], triggers().past_forms))


def _adjunct(between: Sequence[Token]) -> bool:
    """Whether the words between a verb of losing and its figure say only when or where ("سقط
    خلاله نحو 170", "وسقط في الهجوم 12 جنديا"): a pronoun after a preposition, or a
    preposition and one definite word that names no people."""
    lex = persons()
    if len(between) == 1:
        return has_stem(between[0], lex.single_gap_pronouns)
    return len(between) == 2 and has_stem(between[0], lex.single_gap_prepositions) \
        and has_article(between[1]) and not is_person(between[1])
