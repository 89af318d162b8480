"""Count-of-one claims: one person next to an event word ("قُتل شاب", "لقي جندي مصرعه"), the
running totals of ordinals ("خامس شخص"), and one person following a claim ("بينهم امرأة")."""

from __future__ import annotations

import bisect
from collections.abc import Sequence, Set
from dataclasses import replace
from functools import lru_cache

from rasd.extractor import linking
from rasd.extractor.drafts import Cover, Draft, new_draft
from rasd.extractor.lexicon import (
    actor_heads,
    attribution,
    context,
    has_stem,
    persons,
    state_heads,
    triggers,
)
from rasd.extractor.linking import COSTS, Located
from rasd.extractor.named import (
    aged_name,
    bare_name,
    bare_name_masdar,
    bare_name_verb,
    is_name_word,
    lone_name,
    not_before_names,
    opens_name,
)
from rasd.extractor.nationality import NISBA, country_of, ethnicity_of
from rasd.extractor.not_claims import death_sentence, infection, term_or_suspension
from rasd.extractor.rejections import (
    affair_before,
    blocked,
    charged,
    present_verb,
    rescue_of_no_captives,
    sought_release,
)
from rasd.extractor.sentence import CLAUSE_BREAK, TOKEN_START, Sentence, after_breakdown
from rasd.model import Count, CountMention, Token, Trigger
from rasd.text.tokens import (
    accusative_suffix,
    has_article,
    has_preposition,
    is_definite,
    starts_with_conjunction,
    stems,
    without_article,
)

ONE_TYPES = frozenset({"killed", "injured", "arrested", "abducted", "missing", "released", "returned"})
SUBJECT_BEFORE_MAX_GAP = 3  # "وكان شرطي أردني قتل": one person up to 3 words before its verb
NOT_ONE_REACH = 7           # "عددا كبيرا من عناصر الميليشيات لقي مصرعه": words before a lone idiom
FILLERS_MAX = 3             # ... besides fillers ("رجلا واحدا على الأقل قتل")
SPLIT_IDIOM_WORDS = 7       # "لقي [القيادي الحوثي أبو علي الكحلاني] مصرعه": a person and a name


def sentence_singles(sent: Sentence, counts: list[CountMention]) -> list[Draft]:
    """The sentence's count-of-one claims: an event word with one person next to it (the
    figures "أحد/إحدى" + noun among them) and the running totals of ordinals ("خامس شخص")."""
    toks, ix = sent.toks, sent.ix
    one_of = {c.lo for cm, c in zip(counts, ix.c_loc) if cm.kind == "count"
              and cm.count.value == 1 and cm.noun is None and c.hi == c.lo + 1
              and not linking.counts_objects(toks, c) and not _strike_word_at(toks, c.hi)}
    ages = {c.lo for cm, c in zip(counts, ix.c_loc) if cm.kind == "age"}
    singles = _verb_singles(sent.norm, toks, sent.trigs, ix.t_loc, ix.c_loc, sent.si, one_of, ages)
    running = _running_totals(sent.norm, toks, sent.trigs, ix.t_loc, sent.si)
    if running:  # the Nth person is no count of one
        singles = [d for d in singles
                   if not any(r.start <= d.anchor < r.end for r in running)] + running
    return singles


class SinglesBefore:
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


def with_singles(sent: Sentence, out: list[Draft], singles: list[Draft]) -> list[Draft]:
    """The figures' claims and then each count-of-one claim whose person no claim covers yet
    (or that is the first conjunct of a figure: "مقتل ضابط و3 جنود")."""
    if singles:
        cover = Cover((o.start, o.end) for o in out)
        for d in singles:
            if d.anchor not in cover or _first_conjunct(sent.norm, sent.toks, d, out):
                out.append(d)
                cover.add(d.start, d.end)
    return out


def _one_person(tok: Token) -> bool:
    """A singular person noun, not an accusative form that counts after a figure ("20 شخصا");
    "امرأة" and "طفلة", also counted nouns ("15 امرأة"), are one person alone ("بينهم امرأة")."""
    lex = persons()
    return (has_stem(tok, lex.singular)
            and not (has_stem(tok, lex.plural) and tok.text.endswith(accusative_suffix()))) \
        or has_stem(tok, lex.kin_possessed) or has_stem(tok, lex.one_possessed) \
        or has_stem(tok, lex.two_possessed) or has_stem(tok, lex.two_kin_possessed)
    # ("ابنها", "نجله", "وطفلتها"; two: "وطفلاها", "والديه")


@lru_cache(maxsize=1)
def _one_person_words() -> frozenset[str]:
    """Every word :func:`_one_person` or :func:`_one_part` can hold true for: a token with none
    of them is passed over without the calls."""
    lex = persons()
    return lex.singular | lex.kin_possessed | lex.one_possessed | lex.two_possessed \
        | lex.two_kin_possessed | lex.after_breakdown_persons | lex.one_of_them | lex.one_of_victims


def _opens_clause(norm: str, toks: Sequence[Token], k: int) -> bool:
    """Whether token ``k`` can start a clause: first of its sentence, after punctuation, or
    after a complementizer or clause opener ("أن", "وكان", "فيما")."""
    if k == 0 or CLAUSE_BREAK.search(norm, toks[k - 1].end, toks[k].start):
        return True
    prev = toks[k - 1]
    return has_stem(prev, context().complementizers) or has_stem(prev, persons().subject_openers)


AGENT_WORDS = 3  # "اعتقلت [السلطات الفرنسية] اللص": an institution and its adjectives


INSTRUMENT_ADJECTIVES = 2  # "قتلت سيارة [مفخخة أخرى] ضابط الاستخبارات"


def _after_instrument(norm: str, toks: Sequence[Token], k: int, counted: Set[int]) -> int:
    """Index of one person after a thing that killed or wounded named as the subject right
    after a verb, with at most two adjectives ("قتلت سيارة مفخخة أخرى ضابط الاستخبارات"), or
    ``k`` when there is none or no singular person follows it."""
    lex = persons()
    if k >= len(toks) or has_article(toks[k]) or not has_stem(toks[k], lex.instrument_agents):
        return k
    for j in range(k + 1, min(len(toks), k + 2 + INSTRUMENT_ADJECTIVES)):
        tok = toks[j]
        if j in counted or CLAUSE_BREAK.search(norm, toks[j - 1].end, tok.start):
            return k
        if has_stem(tok, lex.singular) and not has_stem(tok, lex.objects):
            return j  # ("طفلا" is also the noun of figures: "30 طفلا")
        if has_article(tok) or has_preposition(tok) or starts_with_conjunction(tok) \
                or has_stem(tok, lex.objects) or has_stem(tok, lex.plural):
            return k
    return k


def _after_agent(norm: str, toks: Sequence[Token], k: int, gap_words: frozenset[str]) -> int:
    """Index after an institution named as the subject right after a verb (verb-subject-object:
    "اعتقلت الشرطة المشتبه"), and after the verb's preposition that may follow it
    (``gap_words``: "أفرجت السلطات الإسرائيلية عن الجندي"), or ``k`` when there is none."""
    if k >= len(toks) or not has_stem(toks[k], actor_heads()) \
            or has_stem(toks[k], persons().singular):  # "أصيب قائد الرتل": the one person
        return k
    j = k + 1
    while j < min(len(toks), k + AGENT_WORDS) and has_article(toks[j]) \
            and not has_stem(toks[j], persons().singular) and not CLAUSE_BREAK.search(
                norm, toks[j - 1].end, toks[j].start):
        j += 1
    return j + 1 if j < len(toks) and toks[j].text in gap_words else j


def _is_one(toks: Sequence[Token], k: int, one_of: Set[int], counted_all: Set[int],
            names: bool = False) -> bool:
    """Whether token ``k`` names one person: a figure "أحد/إحدى" (``one_of``), a singular person
    noun ("شاب", "ابنها", "أحدهم", "شخصا آخر"), or a singular that also follows figures ("11
    امرأة", "20 مسلحا") and follows none here (``counted_all``: tokens of every figure):
    "قتلت امرأة", "قتلت القوات مسلحا"."""
    lex = persons()
    return k in one_of or _one_person(toks[k]) or has_stem(toks[k], lex.one_of_them) \
        or (names and k - 1 not in counted_all and (opens_name(toks, k) or _national(toks, k))) or (
        has_stem(toks[k], lex.singular) and k + 1 < len(toks)
        and has_stem(toks[k + 1], lex.one_other)) or (
        has_stem(toks[k], lex.singular) and k - 1 not in counted_all)


def _national(toks: Sequence[Token], k: int) -> bool:
    """Whether token ``k`` is a nationality or ethnic adjective standing for one person
    ("اعتقال البريطاني", "مقتل الكردي", "وفاة تونسي"): masculine singular (the nisba ending),
    or feminine and definite before a name ("اعتقال الروسية ماريا"; alone it may be the
    country, "السعودية")."""
    tok = toks[k]
    if country_of(tok.text) is None and ethnicity_of(tok.text) is None:
        return False
    return tok.stems[-1].endswith(NISBA) or has_article(tok) and opens_name(toks, k + 1)


def _referents(toks: Sequence[Token], k: int, one_of: Set[int]) -> Count:
    """How many the person noun at token ``k`` names by the referent after it: "المشتبه بهما" =
    2; "المشتبه بهم": no count (value 0); else 1."""
    nxt = toks[k + 1] if k + 1 < len(toks) and k not in one_of else None
    lex = persons()
    if k not in one_of and has_stem(toks[k], lex.two_kin_possessed):
        return Count(value=2)  # "احتجاز والديه": his parents
    return Count(value=0 if nxt is not None and has_stem(nxt, lex.plural_referents) else
                 2 if nxt is not None and has_stem(nxt, lex.dual_referents) else 1)


def _single_before(norm: str, toks: Sequence[Token], trig: Trigger, t: Located, si: int,
                   one_of: Set[int], counted: Set[int], counted_all: Set[int]) -> Draft | None:
    """One person up to :data:`SUBJECT_BEFORE_MAX_GAP` words before an event verb that opens a
    clause or is tied to the verb by a relative ("وكان شرطي أردني قتل", "أحد جنودها قتل"); None
    when a figure or a clause break comes first, the referent counts none, or a person follows
    the relative's verb (its victim). Fillers ("رجلا واحدا على الأقل قتل") do not count towards
    the gap."""
    fillers = persons().subject_fillers
    if _relative_before(toks, t) and _object_follows(toks, t.hi, counted_all):
        return None  # "الجندي الذي قتل الشاب": the one before is the killer
    gap = 0
    for k in range(t.lo - 1, max(-1, t.lo - 1 - SUBJECT_BEFORE_MAX_GAP - FILLERS_MAX), -1):
        if gap == SUBJECT_BEFORE_MAX_GAP:
            return None
        if k in counted or CLAUSE_BREAK.search(norm, toks[k].end, toks[k + 1].start):
            return None
        gap += not has_stem(toks[k], fillers)
        if _is_one(toks, k, one_of, counted_all) and (_opens_clause(norm, toks, k) or any(
                has_stem(toks[j], persons().relative_one) for j in range(k + 1, t.lo))):
            return _single_draft(norm, toks, trig, t, si, k, one_of, counted_all)
    return None


def _relative_before(toks: Sequence[Token], t: Located) -> bool:
    """Whether "الذي/التي" stands right before event word ``t``."""
    return t.lo > 0 and has_stem(toks[t.lo - 1], persons().relative_one)


RELATIVE_HEAD_WORDS = 8  # "رئيس [المجلس السياسي الحوثي صالح علي الصماد]، الذي قتل"


def _named_relative_single(norm: str, toks: Sequence[Token], trig: Trigger, t: Located, si: int,
                           one_of: Set[int], counted_all: Set[int]) -> Draft | None:
    """The one person a relative clause of an event tells of, named before "الذي/التي" and
    maybe set off by commas ("للصحفي ياسر مرتجى الذي قتل", "العميد محسن الغريبي، الذي قتل",
    "الصحفي التركي الألماني، دونيز يوسيل، الذي اعتقل"): a person noun or nationality up to
    :data:`RELATIVE_HEAD_WORDS` words before, then only words of a name or title and
    nationalities, at least one of the former. None for a present-tense verb ("النظام الذي
    يقتل": what it does), when a figure or person follows the verb (the one before did it) or a
    pronoun of place (the relative tells of an event: "الهجوم الذي قتل فيه"), or when a
    sentence break, a figure or another word comes first."""
    lex = persons()
    if trig.type == "missing" or not _relative_before(toks, t) or present_verb(toks[t.lo]) \
            or _object_follows(toks, t.hi, counted_all) \
            or t.hi < len(toks) and has_stem(toks[t.hi], lex.relative_resumptives):
        return None  # ("الصحفي جمال خاشقجي، الذي اختفى": who he is, told again and again)
    named = False  # whether a word of a name or title stands between the person and "الذي"
    for k in range(t.lo - 2, max(-1, t.lo - 2 - RELATIVE_HEAD_WORDS), -1):
        gap = norm[toks[k].end:toks[k + 1].start].strip(QUOTES)
        if k in counted_all or gap and gap not in COMMAS:
            return None
        if named and (_is_one(toks, k, one_of, counted_all) or _national(toks, k)):
            return _single_draft(norm, toks, trig, t, si, k, one_of, counted_all)
        national = _national(toks, k)
        if not (national or is_name_word(toks[k])):
            return None
        named = named or not national
    return None


def _single_draft(norm: str, toks: Sequence[Token], trig: Trigger, t: Located, si: int, k: int,
                  one_of: Set[int], counted_all: Set[int]) -> Draft | None:
    """The claim of the one person at token ``k`` before event word ``t`` and those joined to
    it ("إن جنديا ومدنيا قتلا": two); None when its referent counts none ("المشتبه بهم")."""
    count = _referents(toks, k, one_of)
    if not count.value:
        return None
    if count.value == 1 and k not in one_of:
        more, _ = _conjoined_ones(norm, toks, k, counted_all, one_of)
        count = Count(value=1 + more)
    return new_draft(toks, si, k, t.hi, trig.type, count, trig.mixed, COSTS.single_before,
                     Located(k, k + 1), toks[k].start, (trig.start, trig.end))


DESCRIBED_WORDS = 3  # "المسؤول [الداعشي] الذي اعتقل": a definite person and its adjectives


def _described_back(norm: str, toks: Sequence[Token], t: Located, one_of: Set[int]) -> bool:
    """Whether an event verb right after "الذي/التي" only describes a definite person the
    article spoke of before ("وأضاف أن الرجل الذي قتل كان في القرية", "والد الطفل الذي قضى"):
    the one already counted, named back."""
    if t.lo < 2 or not has_stem(toks[t.lo - 1], persons().relative_one):
        return False
    for k in range(t.lo - 2, max(-1, t.lo - 2 - DESCRIBED_WORDS), -1):
        if not is_definite(toks[k]) or k in one_of:
            return False
        if linking.is_person(toks[k]):
            return _spoken_of_before(norm, toks, k)
    return False


SPOKEN_OF_REACH = 3_000  #: characters before a sentence searched for a person named back


def _spoken_of_before(norm: str, toks: Sequence[Token], k: int) -> bool:
    """Whether the noun of the definite person at token ``k`` stands, in any form ("رجلا",
    "الرجل"), in the :data:`SPOKEN_OF_REACH` characters before its sentence (``toks``: the
    sentence's tokens)."""
    noun = without_article(toks[k].stems[-1])
    forms = {noun, noun + accusative_suffix()}
    start = toks[0].start
    return any(not forms.isdisjoint(stems(word))
               for word in norm[max(0, start - SPOKEN_OF_REACH):start].split())


def _counts_one(trig: Trigger, tok: Token) -> bool:
    """Whether an event word (its first token ``tok``) may count one person named with it: a
    type of :data:`ONE_TYPES`, and for a type that lists them (``one_person`` in triggers.yaml),
    one of its words ("ترحيل", not "عودة"), and none of its ``not_one_person`` ("إلى المستشفى
    العسكري": the hospital's adjective)."""
    lex = triggers()
    limits = lex.one_person.get(trig.type)
    return trig.type in ONE_TYPES and (limits is None or has_stem(tok, limits)) \
        and not has_stem(tok, lex.not_one_person.get(trig.type, frozenset()))


def _one_death_idiom(toks: Sequence[Token], t: Located) -> bool:
    """Whether the event words ``t`` are an idiom of one death (persons.yaml
    one_subject_idioms), maybe after a conjunction ("ولقي مصرعه")."""
    rest = [tok.text for tok in toks[t.lo + 1:t.hi]]
    idioms = persons().one_subject_idioms
    return any(" ".join([stem, *rest]) in idioms for stem in toks[t.lo].stems)


def _lost_a_possession(toks: Sequence[Token], k: int, trig: Trigger) -> bool:
    """Whether the person after a missing word lost a possession right after ("فقدان السائق
    السيطرة", "فقد الرجل وظيفته"): the loss is no disappearance."""
    return trig.type == "missing" and k + 1 < len(toks) \
        and has_stem(toks[k + 1], context().lost_possessions)


def _verb_singles(norm: str, toks: Sequence[Token], trigs: list[Trigger], t_loc: list[Located],
                  c_loc: list[Located], si: int, one_of: Set[int] = frozenset(),
                  ages: Set[int] = frozenset()) -> list[Draft]:
    """Count-of-one claims: an event verb or noun with one person after it ("قُتل شاب", "إلقاء
    القبض على رجل", "اعتقلت أحد المشاركين", "اعتقل يوسيل (44 عاما)") or before it ("وكان شرطي
    أردني قتل", "أحد جنودها قتل"); ``one_of``: the tokens of the figures "أحد/إحدى" + noun;
    ``ages``: the tokens of ages."""
    out: list[Draft] = []
    gap_words = persons().single_gap
    counted_all = {k for c in c_loc for k in range(c.lo, c.hi)}
    counted = counted_all - one_of
    for trig, t in zip(trigs, t_loc):
        idiom = _split_idiom_one(toks, t, trig, counted)
        if idiom is not None:  # "لقي قائد التنظيم مقتله"
            out.append(new_draft(toks, si, idiom - 1, t.hi, trig.type, Count(value=1), trig.mixed,
                                 COSTS.single, Located(idiom, idiom + 1), toks[idiom].start,
                                 (trig.start, trig.end)))
            continue
        one = _one_among_victims(toks, t, trig, one_of, counted_all)
        if one is not None:  # "بين الجرحى أحد المصورين", "أحد القتلى"
            out.append(new_draft(toks, si, min(one, t.lo), max(one + 1, t.hi), trig.type,
                                 Count(value=1), trig.mixed, COSTS.single, Located(one, one + 1),
                                 toks[one].start, (trig.start, trig.end)))
            continue
        if _lone_victim(toks, t, trig, counted_all):  # "وسقط قتيل من المقاومة"
            out.append(new_draft(toks, si, t.lo, t.hi, trig.type, Count(value=1), trig.mixed,
                                 COSTS.single, Located(t.lo, t.hi), toks[t.lo].start, (trig.start, trig.end)))
            continue
        if _held_by_pronoun(toks, t, trig) and not blocked(toks, t.lo):
            out.append(new_draft(toks, si, t.lo, t.hi + 1, trig.type, Count(value=1), trig.mixed,
                                 COSTS.single, None, toks[t.lo].start, (trig.start, trig.end)))
            continue  # "ألقت الشرطة القبض عليه"
        if not _counts_one(trig, toks[t.lo]) or trig.role not in ("verb", "masdar", "phrase") \
                or blocked(toks, t.lo) or _names_an_affair(toks, t.lo) or charged(toks, t.lo) \
                or term_or_suspension(toks, t, trig) or death_sentence(toks, t, trig) \
                or infection(toks, t, trig) or sought_release(toks, t, trig):
            continue
        k = t.hi + 1 if t.hi < len(toks) and has_stem(toks[t.hi], gap_words) else t.hi
        if trig.role == "verb":
            k = _after_adjunct(norm, toks, _after_instrument(
                norm, toks, _after_agent(norm, toks, k, gap_words), counted_all), counted_all)
            if k == t.hi:  # "كما قتلت في 25 من الشهر الجاري، الناشطة سعاد العلي"
                k = _after_comma_adjunct(norm, toks, k, trigs, t_loc)
        if _lost_a_possession(toks, k, trig):
            continue  # "فقدان السائق السيطرة": the driver lost control, no one went missing
        if rescue_of_no_captives(toks, t.lo, trig, toks[k:k + 1]):
            continue  # "أنقذت امرأة": saved from the rubble or the sea, freed from no one
        if _driver_after(norm, toks, t, k, counted_all):
            continue  # "ودهس أحد المتظاهرين بسيارته حشدا": who drove, not who was run over
        if k < len(toks) and k not in counted and not (k in one_of and CLAUSE_BREAK.search(
                norm, toks[t.hi - 1].end, toks[k].start)) and (
                _is_one(toks, k, one_of, counted_all, _names_follow(toks[t.lo], trig)) or (
                trig.role in ("verb", "masdar") and k == t.hi and has_stem(toks[k], persons().one_other))
                or _bare_name_after(norm, toks, trig, t, k)
                or _aged_name_after(toks, trig, t, k, norm, ages)):
            if (count := _referents(toks, k, one_of)).value:
                more, end = _conjoined_ones(norm, toks, k, counted_all, one_of) \
                    if count.value == 1 and k not in one_of else (0, k + 1)
                died = count.value + more == 1 and _wounded_died(norm, toks, trig, Located(k, k + 1))
                out.append(new_draft(toks, si, t.lo, end, "killed" if died else trig.type,
                                     Count(value=count.value + more), trig.mixed, COSTS.single,
                                     Located(k, k + 1), toks[k].start, (trig.start, trig.end)))
            continue
        if k + 1 < len(toks) and k not in counted and linking.is_person(toks[k]) \
                and has_stem(toks[k + 1], persons().dual_apposition):  # "المهاجمين وهما"
            out.append(new_draft(toks, si, t.lo, k + 1, trig.type, Count(value=2), trig.mixed,
                                 COSTS.single, Located(k, k + 1), toks[k].start, (trig.start, trig.end)))
            continue
        if trig.role == "verb" and _one_object_pronoun(toks[t.lo]) and _done_by_force_or_before(toks, t):
            # "قبل أن تقتله الشرطة", "واعتقلته الشرطة", "بعد أن اعتقلوه"
            out.append(new_draft(toks, si, t.lo, t.hi, trig.type, Count(value=1), trig.mixed,
                                 COSTS.single, None, toks[t.lo].start, (trig.start, trig.end)))
            continue
        before = _subject_single(norm, toks, trig, t, c_loc, si, one_of, counted_all)
        if before is not None and not _told_of_the_one_before(toks, t, before, out):
            out.append(before)
    return out


def _done_by_force_or_before(toks: Sequence[Token], t: Located) -> bool:
    """Whether a verb with an object pronoun reads as a verb, not as a verbal noun with a
    possessive ("إصابته" = his wound, "قتله" = his killing): a state force follows it as its
    subject ("اعتقلته الشرطة"), or it follows "قبل أن/بعد أن" ("قبل أن تقتله الشرطة", "بعد
    أن اعتقلوه"); not after "أي/كل" + a person ("أي شخص قتلته القوات")."""
    if any(has_stem(toks[j], persons().not_one_subjects) for j in range(max(0, t.lo - 2), t.lo)):
        return False  # "لأسرة أي شخص قتلته القوات": anyone, no one told of
    if t.hi < len(toks) and has_stem(toks[t.hi], state_heads()):
        return True
    return t.lo > 1 and toks[t.lo - 1].text in context().complementizers \
        and has_stem(toks[t.lo - 2], persons().before_after)


ESCAPE_WORDS = 2  # "للهروب [من] إلقاء القبض عليه": words before the idiom read for an escape


def _held_by_pronoun(toks: Sequence[Token], t: Located, trig: Trigger) -> bool:
    """Whether the arrest idiom holds one person told by a pronoun ("ألقت الشرطة القبض عليه",
    "ألقي القبض عليها", "تم القبض عليه"): its verb right before "القبض" or before the state
    force there, and "عليه/عليها" right after it; not an arrest escaped ("للهروب من إلقاء
    السلطات القبض عليه")."""
    lex = persons()
    if trig.type != "arrested" or t.hi - t.lo > 2 or t.hi >= len(toks) \
            or not has_stem(toks[t.hi], lex.one_pronoun_objects):
        return False
    if t.hi - t.lo == 2:  # the idiom's two words: "ألقي القبض", "إلقاء القبض"
        k = t.lo
    else:
        k = t.lo - 1
        if k > 0 and has_stem(toks[k], state_heads()):
            k -= 1  # "ألقت [الشرطة] القبض عليه"
    return k >= 0 and has_stem(toks[k], lex.arrest_openers) and not any(
        has_stem(toks[j], lex.arrest_escapes) for j in range(max(0, k - ESCAPE_WORDS), k))


def _one_object_pronoun(tok: Token) -> bool:
    """Whether an event verb carries the object pronoun of one person ("تقتله", "اعتقلتها",
    "فقتلوه"): the word less the pronoun (and with the alef "وا" drops before it) is a form of
    the verb too; not a word read as a noun with a possessive ("أسرته": his family)."""
    lex = persons()
    word = tok.stems[-1]
    if has_stem(tok, lex.not_object_verbs):
        return False
    words = triggers().entries.words
    for suffix in lex.one_object_suffixes:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            bare = word[:-len(suffix)]
            if bare in words or bare + lex.plural_verb_alef in words:
                return True
    return False


def _told_of_the_one_before(toks: Sequence[Token], t: Located, draft: Draft,
                            found: list[Draft]) -> bool:
    """Whether a lone idiom of one death after "الذي/التي" tells again of the one person a claim
    of the sentence has just counted ("مقتل الشرطي عبدالله السبيعي، الذي فارق الحياة")."""
    return draft.subject is None and t.lo > 0 \
        and has_stem(toks[t.lo - 1], persons().relative_one) \
        and any(d.type == draft.type and d.count.value == 1 for d in found)


DIED_REACH = 8  # "رجلا كان قد أصيب [الأسبوع الماضي] توفي متأثرا بجراحه": words to the death


def _died_after(norm: str, toks: Sequence[Token], t: Located) -> bool:
    """Whether a death verb or idiom follows wound word ``t`` in its clause, within
    :data:`DIED_REACH` words ("إن رجلا كان قد أصيب الأسبوع الماضي توفي متأثرا بجراحه"): the
    wounded one died."""
    entries = triggers().entries
    for k in range(t.hi, min(len(toks), t.hi + DIED_REACH)):
        if CLAUSE_BREAK.search(norm, toks[k - 1].end, toks[k].start):
            return False
        hit = entries.match_at(toks, k)
        if hit is not None and hit[1].type == "killed" and hit[1].role in ("verb", "phrase") \
                and not starts_with_conjunction(toks[k]) \
                and not _object_follows(toks, k + hit[0], set()):
            return True  # (not "أصيب في الانفجار وقتل ابنه": another victim)
    return False


def _subject_single(norm: str, toks: Sequence[Token], trig: Trigger, t: Located,
                    c_loc: list[Located], si: int, one_of: Set[int], counted_all: Set[int]
                    ) -> Draft | None:
    """:func:`_one_subject_single`, a wounded person who died after ("كان قد أصيب ... توفي
    متأثرا بجراحه") counted as killed."""
    draft = _one_subject_single(norm, toks, trig, t, c_loc, si, one_of, counted_all)
    if draft is not None and _wounded_died(norm, toks, trig, t):
        return replace(draft, type="killed")
    return draft


def _wounded_died(norm: str, toks: Sequence[Token], trig: Trigger, after: Located) -> bool:
    """Whether wound word ``trig`` (not killed-or-wounded) tells of one who died of it: a death
    follows ``after`` in its clause (:func:`_died_after`: "أصيب الشاب ... مما أدى إلى مقتله")."""
    return trig.type == "injured" and not trig.mixed and _died_after(norm, toks, after)


def _one_subject_single(norm: str, toks: Sequence[Token], trig: Trigger, t: Located,
                        c_loc: list[Located], si: int, one_of: Set[int], counted_all: Set[int]
                        ) -> Draft | None:
    """The count-of-one claim of a verb or idiom whose one person comes before it ("وكان شرطي
    أردني قتل", "أن الصماد، رئيس المجلس السياسي، قتل"), or of a lone idiom of one death ("ثم
    أطلق النار على نفسه ولقي مصرعه"); None when there is none."""
    if _described_back(norm, toks, t, one_of):
        return None  # "... إن رجلا قتل. وأضاف أن الرجل الذي قتل كان": no news
    counted = counted_all - one_of
    idiom = trig.role == "phrase" and _one_death_idiom(toks, t)
    # "انتحاري يقتل 25": a figure right after the verb is its object, the one before its agent
    agent = trig.role == "verb" and t.hi in counted_all and not starts_with_conjunction(toks[t.hi])
    before = _single_before(norm, toks, trig, t, si, one_of, counted, counted_all) \
        if (trig.role == "verb" or idiom) and not agent else None
    if before is None and (trig.role == "verb" or idiom) and not agent:
        before = _named_relative_single(norm, toks, trig, t, si, one_of, counted_all)
    if before is None and trig.role == "verb" and not context().with_purpose_lam(toks[t.lo]):
        k = _subject_after_complementizer(norm, toks, t, one_of, counted_all)
        if k is None:
            k = _subject_of_previous_clause(norm, toks, t, one_of, counted_all)
        if k is not None:  # "إن جنديا ومدنيا قتلا": one more joined to it
            more, _ = _conjoined_ones(norm, toks, k, counted_all, one_of)
            return new_draft(toks, si, k, t.hi, trig.type, Count(value=1 + more), trig.mixed,
                             COSTS.single_before, Located(k, k + 1), toks[k].start,
                             (trig.start, trig.end))
    if before is None and trig.role == "verb" and _nisba_pair_before(toks, t, counted_all):
        return new_draft(toks, si, t.lo - 1, t.hi, trig.type, Count(value=2), trig.mixed,
                         COSTS.single_before, Located(t.lo - 1, t.lo), toks[t.lo - 1].start,
                         (trig.start, trig.end))  # "جثماني فلسطينيين قتلا"
    if before is None and trig.role in ("verb", "phrase") \
            and _pronoun_subject(norm, toks, t, counted_all):  # "لكنه اعتقل في وقت لاحق"
        return new_draft(toks, si, t.lo, t.hi, trig.type, Count(value=1), trig.mixed,
                         COSTS.single_before, None, toks[t.lo].start, (trig.start, trig.end))
    if before is None and idiom and not any(c.hi == t.lo or c.lo == t.hi for c in c_loc) \
            and not any(has_stem(toks[j], persons().not_one_subjects)
                        for j in range(max(0, t.lo - NOT_ONE_REACH), t.lo)):
        # "ثم أطلق النار على نفسه ولقي مصرعه": its pronoun is the one person
        before = new_draft(toks, si, t.lo, t.hi, trig.type, Count(value=1), trig.mixed,
                           COSTS.single, None, toks[t.lo].start, (trig.start, trig.end))
    return before


APPOSITION_WORDS = 7  # "إن [الصحفي السعودي المختفي منذ 6 أيام]، جمال خاشقجي، قتل": words of a part
QUOTES = "\"'\u201c\u201d\u00ab\u00bb "  # quotes inside a subject ("رئيس \"المجلس السياسي\"") break nothing
COMMAS = frozenset({"\u060c", ","})


PREVIOUS_CLAUSE_WORDS = 8  # "وكان [سائق الشاحنة من أصل تونسي]، وقد قتل": its words


def _subject_of_previous_clause(norm: str, toks: Sequence[Token], t: Located,
                                one_of: Set[int], counted: Set[int]) -> int | None:
    """The one person that opens the clause before "وقد" + an event verb, maybe after "كان"
    ("سائق الشاحنة من أصل تونسي، وقد قتل بنيران الشرطة", "وكان الجندي في دورية، وقد أصيب"):
    its token index, or None. Only a comma may stand before "وقد"; no figure or person may
    follow the verb."""
    q = t.lo - 1
    if q < 1 or not (starts_with_conjunction(toks[q]) and has_stem(toks[q], context().modal)) \
            or norm[toks[q - 1].end:toks[q].start].strip() not in COMMAS \
            or _object_follows(toks, t.hi, counted):
        return None
    k = q - 1
    while k > 0 and k - 1 not in counted and not CLAUSE_BREAK.search(
            norm, toks[k - 1].end, toks[k].start):
        k -= 1
    if q - k > PREVIOUS_CLAUSE_WORDS or k - 1 in counted:
        return None
    if has_stem(toks[k], persons().subject_openers):
        k += 1
    return k if k < q and _is_one(toks, k, one_of, counted, names=True) else None


PRONOUN_OBJECT_REACH = 6  # "أنه قتل [بعد ذلك] رجلا آخر": words after the verb searched for its object


def _pronoun_subject(norm: str, toks: Sequence[Token], t: Located, counted: Set[int]) -> bool:
    """Whether the one person of a past event verb is a pronoun on the complementizer right
    before it, maybe with "قد" between ("مؤكدا أنه قتل في مواجهة", "لكنه اعتقل في وقت لاحق",
    "وانه نقل الى المستشفى"): read passive, so no figure or person may follow the verb in its
    clause within :data:`PRONOUN_OBJECT_REACH` words ("أنه قتل بعد ذلك رجلا آخر", "إنها قتلت 40
    جنديا": the pronoun is the agent)."""
    lex = persons()
    j = t.lo - 1
    if j > 0 and has_stem(toks[j], context().modal):
        j -= 1
    if j < 0 or not has_stem(toks[j], lex.pronoun_subjects) or present_verb(toks[t.lo]) \
            or has_stem(toks[t.lo], lex.pronoun_not_verbs) \
            or CLAUSE_BREAK.search(norm, toks[j].end, toks[t.lo].start) \
            or not _passive_follows(norm, toks, t.hi):
        return False
    oblique = lex.oblique_before
    after_oblique = False  # (not "في اشتباك مع المسلحين", "على يد مجموعة من 15 سعوديا")
    for k in range(t.hi, min(len(toks), t.hi + PRONOUN_OBJECT_REACH)):
        if CLAUSE_BREAK.search(norm, toks[k - 1].end, toks[k].start):
            break
        after_oblique = has_stem(toks[k - 1], oblique) or has_preposition(toks[k]) \
            or after_oblique and k - 1 in counted  # (the figure's words and its noun)
        if not after_oblique and not has_stem(toks[k], oblique) \
                and _object_follows(toks, k, counted):  # (not "على", read as the name "علي")
            return False
    return True


DRIVER_REACH = 7  # "دهس [أحد المتظاهرين المؤيدين للنازيين الجدد يومها] بسيارته": words after him


def _driver_after(norm: str, toks: Sequence[Token], t: Located, k: int, counted: Set[int]) -> bool:
    """Whether the person at token ``k`` after a verb of running over is its driver: the verb
    carries its victim as a pronoun ("دهسه سائق"), or, the person not in the accusative ("دهس
    شرطيا بسيارته": the victim), a vehicle, a figure or a crowd follows it within
    :data:`DRIVER_REACH` words of its clause ("دهس رجل المارة", "دهس أحد المتظاهرين بسيارته
    حشدا")."""
    lex = persons()
    if k >= len(toks) or not has_stem(toks[t.lo], lex.ramming_verbs):
        return False
    if _one_object_pronoun(toks[t.lo]):
        return True
    if toks[k].text.endswith(accusative_suffix()):
        return False
    for j in range(k + 1, min(len(toks), k + 1 + DRIVER_REACH)):
        if CLAUSE_BREAK.search(norm, toks[j - 1].end, toks[j].start):
            return False
        if j in counted or has_stem(toks[j], lex.vehicles) or has_stem(toks[j], lex.crowds):
            return True
    return False


def _nisba_pair_before(toks: Sequence[Token], t: Located, counted: Set[int]) -> bool:
    """Whether a dual past verb ("قتلا", not "قتلوا", nor "وقتلها" with its object) has right
    before it a person noun whose oblique ending reads as a dual as well as a plural
    ("فلسطينيين", "مدنيين"): two people; indefinite ("إن الفلسطينيين أصيبا" names back two
    counted before)."""
    lex = persons()
    k = t.lo - 1
    verb = toks[t.lo].text
    return k >= 0 and k not in counted and linking.is_person(toks[k]) and not is_definite(toks[k]) \
        and toks[k].text.endswith(lex.nisba_oblique_ending) \
        and not starts_with_conjunction(toks[t.lo]) and not _one_object_pronoun(toks[t.lo]) \
        and linking.plural_or_dual_verb(toks[t.lo]) and not verb.endswith(lex.plural_verb_ending)


def _passive_follows(norm: str, toks: Sequence[Token], k: int) -> bool:
    """Whether token ``k`` (right after a verb) can follow it in the passive: the clause ends,
    or a preposition, an adverb or a day comes ("قتل في", "قتل داخل", "اعتقل بصحبة"); not a
    noun ("قضى حياته", "أصابت قرى") nor damage ("أصيب بأضرار")."""
    if k >= len(toks) or CLAUSE_BREAK.search(norm, toks[k - 1].end, toks[k].start):
        return True
    lex = persons()
    return not has_stem(toks[k], lex.damage) and (
        has_preposition(toks[k]) or has_stem(toks[k], lex.oblique_before)
        or has_stem(toks[k], lex.passive_adverbs) or has_stem(toks[k], lex.single_gap_times))


def _object_follows(toks: Sequence[Token], k: int, counted: Set[int]) -> bool:
    """Whether token ``k`` (right after a verb) is a figure or a person: the verb's object, so
    that the subject before it is the agent ("أن الجندي قتل مدنيا")."""
    return k < len(toks) and (k in counted or linking.is_person(toks[k]) or opens_name(toks, k)
                              or _national(toks, k))


def _subject_after_complementizer(norm: str, toks: Sequence[Token], t: Located,
                                  one_of: Set[int], counted: Set[int]) -> int | None:
    """The one person between a complementizer and an event verb, in one part of at most
    :data:`SUBJECT_BEFORE_MAX_GAP` words ("أن البلجيكي صفيان مكوح قتل") or with an apposition
    between commas right before the verb ("أن الصماد، رئيس المجلس السياسي، قتل", "إن الصحفي
    ...، جمال خاشقجي، قتل"): the subject's first token, or None. A part must open with one person
    (a person noun, a nationality, a given name) and join no other ("امرأة وطفلتها"); no figure
    or person may follow the verb."""
    if _object_follows(toks, t.hi, counted):
        return None
    starts: list[int] = []  # the first token of each part, the last part first
    auxiliary = False  # "وكان وارمبير اعتقل": after "كان" only a lone name is taken
    for k in range(t.lo - 1, max(-1, t.lo - 1 - 2 * APPOSITION_WORDS), -1):
        gap = norm[toks[k].end:toks[k + 1].start].strip(QUOTES)
        if gap in COMMAS:
            starts.append(k + 1)
        elif gap:
            return None
        if toks[k].text in context().complementizers:  # (not "كان", whose stem is "ان")
            starts.append(k + 1)
            break
        if has_stem(toks[k], attribution().auxiliaries) and not starts:
            auxiliary = True
            starts.append(k + 1)
            break
    else:
        return None
    if auxiliary:
        parts = [(starts[0], t.lo)]
        return starts[0] if _lone_name_subject(norm, toks, parts, t) else None
    if len(starts) == 3 and starts[0] == t.lo:  # a head and its apposition, a comma each
        parts = list(zip(starts[1:], starts[:2]))
    elif len(starts) == 1 and t.lo - starts[0] <= SUBJECT_BEFORE_MAX_GAP:
        parts = [(starts[0], t.lo)]
    else:
        return None
    if all(s < e <= s + APPOSITION_WORDS and s not in counted for s, e in parts) \
            and not any(starts_with_conjunction(toks[j]) and linking.is_person(toks[j])
                        for s, e in parts for j in range(s + 1, e)) \
            and (any(_is_one(toks, s, one_of, counted, names=True) for s, _ in parts)
                 or _lone_name_subject(norm, toks, parts, t)):
        return starts[-1]
    return None


def _lone_name_subject(norm: str, toks: Sequence[Token], parts: list[tuple[int, int]],
                       t: Located) -> bool:
    """Whether the one part before a passive event verb is a lone family name, maybe with "قد"
    ("أن خاشقجي قتل في القنصلية", "بأن خاشقجي قد قتل"; :func:`named.lone_name`): no person,
    group, event, thing or animal word ("أن طائرة خطفت", "أن حصانه أصيب")."""
    if len(parts) != 1:
        return False
    s, e = parts[0]
    if e - s == 2 and has_stem(toks[s + 1], context().modal):
        e -= 1
    lex = persons()
    return e - s == 1 and not linking.is_person(toks[s]) and not has_stem(toks[s], actor_heads()) \
        and not has_stem(toks[s], lex.objects) and not has_stem(toks[s], lex.animals) \
        and not triggers().entries.contains(toks[s]) and lone_name(norm, toks, s, t.lo)


def _bare_name_after(norm: str, toks: Sequence[Token], trig: Trigger, t: Located, k: int
                     ) -> bool:
    """Whether a bare two-word name right after an event verb that opens a clause is its one
    person ("فيما قتل شريف الرجب في 26 يونيو", "وقتل منور المطيري."; :func:`named.bare_name`),
    after a past verb of :func:`named.bare_name_verb`; no person, thing, event, day or
    institution word."""
    # "مقتل أنيس العامري": after a verbal noun, only a name opening with a given name
    masdar = trig.role == "masdar" and bare_name_masdar(toks[t.lo]) and opens_name(toks, k)
    if not masdar and (trig.role != "verb" or not bare_name_verb(toks[t.lo]) or not (
            _opens_clause(norm, toks, t.lo) or starts_with_conjunction(toks[t.lo]))) \
            or k != t.hi or k + 1 >= len(toks):
        return False
    lex = persons()
    return not any(linking.is_person(tok) or has_stem(tok, lex.objects)
                   or has_stem(tok, lex.single_gap_times) or has_stem(tok, actor_heads())
                   or triggers().entries.contains(tok) for tok in toks[k:k + 2]) \
        and bare_name(norm, toks, k)


def _aged_name_after(toks: Sequence[Token], trig: Trigger, t: Located, k: int, norm: str,
                     ages: Set[int]) -> bool:
    """Whether a name told with its age follows an event verb as its one person ("وكان قد قتل
    وليام شوماخر البالغ من العمر 52 عاما"; :func:`named.aged_name`), after a past verb of
    :func:`named.bare_name_verb`."""
    return bool(ages) and trig.role == "verb" and k == t.hi and bare_name_verb(toks[t.lo]) \
        and not (linking.is_person(toks[k]) or triggers().entries.contains(toks[k])) \
        and aged_name(norm, toks, k, ages)


def _names_an_affair(toks: Sequence[Token], lo: int) -> bool:
    """Whether the event word at token ``lo`` names an affair told as background ("بقضية
    اختفاء الصحفي", "منذ مقتل فلان"; ``context.yaml`` affairs): no new claim."""
    return affair_before(toks, lo, context().affairs)


def _names_follow(tok: Token, trig: Trigger) -> bool:
    """Whether a person's bare name after this event word is its one person: not after a word
    that is also a common noun or verb there ("سجن أبو سليم" the prison, "قضى محمد شهرا" spent,
    "توقف" stopped; ``names.yaml`` not_before_names), nor after one of purpose ("لإطلاق سراح")."""
    return not has_stem(tok, not_before_names()) and not context().purposive(tok, trig.type)


ADJUNCT_WORDS = 2  # "قتل [في الهجوم] جندي": words of a fronted adjunct before the one person
TIME_GAP_WORDS = 3  # "استشهد [صباح اليوم (السبت)] الطفل": words of a time before the one person
MODIFIER_WORDS = 2  # "أصيب ضابط [صف] وجندي": words between one person and the next conjunct


def _after_adjunct(norm: str, toks: Sequence[Token], k: int, counted: Set[int]) -> int:
    """Index of one indefinite person after a fronted adjunct of the verb ("قتل فيه ضابط صف",
    "قتل في الهجوم جندي": a pronoun after a preposition, or a preposition and a definite noun),
    or ``k`` when there is none or no such person follows it."""
    lex = persons()
    if k >= len(toks) or k in counted:
        return k
    if has_stem(toks[k], lex.single_gap_times):  # "قتلت الميليشيات الخميس، زعيما قبليا"
        j = k + 1
        while j < min(len(toks), k + TIME_GAP_WORDS) and has_stem(toks[j], lex.single_gap_times):
            j += 1  # "استشهد صباح اليوم (السبت) الطفل"
        if j < len(toks) and j not in counted and has_stem(toks[j], lex.singular):
            return j
        return k
    if has_stem(toks[k], lex.single_gap_pronouns):
        j = k + 1
    elif has_stem(toks[k], lex.single_gap_prepositions) and k + 1 < len(toks) \
            and has_article(toks[k + 1]) and not linking.is_person(toks[k + 1]):
        j = k + ADJUNCT_WORDS
    else:
        return k
    if j < len(toks) and j not in counted and has_stem(toks[j], lex.singular) \
            and not has_article(toks[j]) \
            and not CLAUSE_BREAK.search(norm, toks[k].start, toks[j].start):
        return j  # (a definite word there is an adjective: "جراء العمل الإرهابي")
    return k


COMMA_ADJUNCT_WORDS = 8  # "قتلت [في 25 من الشهر الجاري]، الناشطة": words of the adjunct


def _after_comma_adjunct(norm: str, toks: Sequence[Token], k: int, trigs: list[Trigger],
                         t_loc: list[Located]) -> int:
    """Index of the word after an adjunct that opens with a preposition right after the verb
    and ends with a comma ("قتلت في 25 من الشهر الجاري، الناشطة سعاد العلي"), or ``k``: no event
    word, person or clause opened by "و" inside it."""
    if k >= len(toks) or not (has_preposition(toks[k])
                              or has_stem(toks[k], persons().single_gap_prepositions)):
        return k
    for j in range(k + 1, min(len(toks), k + COMMA_ADJUNCT_WORDS + 1)):
        if linking.is_person(toks[j - 1]) or any(t.lo == j - 1 for t in t_loc):
            return k
        gap = norm[toks[j - 1].end:toks[j].start]
        if CLAUSE_BREAK.search(gap):
            return j if gap.strip() in COMMAS and not starts_with_conjunction(toks[j]) else k
    return k


def _conjoined_ones(norm: str, toks: Sequence[Token], k: int, counted: Set[int],
                    one_of: Set[int] = frozenset()) -> tuple[int, int]:
    """How many more single persons are joined by "و" to the one person at token ``k``
    ("أصيب ضابط وضابط صف", "قتل جندي وآخر", "قتل قائد عسكري وأحد العناصر", "باستشهاد حسام
    الصوفي ومحمد الأقرع": one claim of two),
    and the token index after the last: a figure ("ضابط و3 جنود"), a clause break or another
    word ends the list (``one_of``: the tokens of the figures "أحد/إحدى" + noun); an aside in
    brackets is passed over ("ضابط وضابط صف (رتبة أقل من ضابط) وجندي": three)."""
    more, end, j, aside = 0, k + 1, k + 1, 0
    while j < len(toks) and j - end - aside <= MODIFIER_WORDS:
        if CLAUSE_BREAK.search(norm, toks[j - 1].end, toks[j].start):
            after = _after_aside(norm, toks, j) if not aside else None  # one aside per list
            if after is None:
                break
            aside, j = aside + after - j, after  # the break before ``after`` closes the aside
        tok = toks[j]
        if _one_of_them(toks, j, one_of):
            more, end = more + 1, j + 2
            j += 2
            continue
        if j in counted:
            break
        if _joined_by_and(tok):
            if not (_another_one(tok, definite=has_article(toks[k])) or opens_name(toks, j)):
                break  # "وأصيب" is no person; "ومحمد الأقرع" is one more
            more = more + 2 if has_stem(tok, persons().two_possessed) else more + 1  # "وطفلاهما"
            end = j + 1
        elif triggers().entries.contains(tok):
            break
        j += 1
    return more, end


ASIDE_WORDS = 6  # "(رتبة أقل من ضابط)": words of a bracketed aside inside a list of persons


def _after_aside(norm: str, toks: Sequence[Token], j: int) -> int | None:
    """The token after a bracketed aside that opens before token ``j`` (at most
    :data:`ASIDE_WORDS` words, no other break inside), or None when the break is no such
    aside."""
    if "(" not in norm[toks[j - 1].end:toks[j].start]:
        return None
    for k in range(j + 1, min(len(toks), j + ASIDE_WORDS + 1)):
        gap = norm[toks[k - 1].end:toks[k].start]
        if ")" in gap:
            return k if not CLAUSE_BREAK.search(gap.replace(")", "", 1)) else None
        if CLAUSE_BREAK.search(gap):
            return None
    return None


def _one_of_them(toks: Sequence[Token], j: int, one_of: Set[int]) -> bool:
    """Whether token ``j`` is "وأحد/وإحدى" before the people it is one of ("وأحد العناصر"; not
    the "واحد" after a noun: "مقتل شخص واحد الأسبوع الماضي")."""
    return j in one_of and j + 1 < len(toks) and starts_with_conjunction(toks[j]) \
        and is_definite(toks[j + 1]) and linking.is_person(toks[j + 1])


def _joined_by_and(tok: Token) -> bool:
    """Whether a word opens with the conjunction "و" (not "ف", not a root letter: "نائب وزير
    الحرب" is "و" + "زير" to no one)."""
    lex = persons()
    return tok.text[:1] in lex.person_and and starts_with_conjunction(tok) \
        and tok.text not in lex.singular


def _another_one(tok: Token, definite: bool) -> bool:
    """Whether a word after "و" names one more person: after an indefinite one, an indefinite
    singular ("ضابط وضابط صف", "جندي وآخر"); after either, one person of the first's
    ("رجلا وزوجته", "الطفل ووالده", "الناشطة سمر بدوي وزميلتها"; not "ومرافقيه", several).
    "الصحفي والكاتب جمال خاشقجي" is one person with two titles."""
    lex = persons()
    if not has_article(tok) and (has_stem(tok, lex.kin_possessed)
                                 or has_stem(tok, lex.one_possessed)
                                 or has_stem(tok, lex.two_possessed)):
        return True
    return not definite and not has_article(tok) and (
        has_stem(tok, lex.singular) or has_stem(tok, lex.one_other))


def _one_among_victims(toks: Sequence[Token], t: Located, trig: Trigger, one_of: Set[int],
                       counted_all: Set[int]) -> int | None:
    """The token of one person after "بين" and a victims noun ("وكان بين الجرحى أحد مصوري
    التلفزيون", "بين القتلى صحفي"), or of "أحد" right before it ("أحد القتلى شقيق للنائب"): one
    of the victims, counted on its own; None when there is none."""
    k = t.hi
    if trig.role != "noun" or trig.type not in ONE_TYPES or t.lo == 0 or not has_article(toks[t.lo]):
        return None  # (not "بين قتيل وأسير": killed or captured)
    lex = persons()
    if has_stem(toks[t.lo - 1], lex.one_of_victims):
        opens = t.lo > 1 and has_stem(toks[t.lo - 2], context().complementizers)
        return t.lo - 1 if opens else None
    if k < len(toks) and has_stem(toks[t.lo - 1], lex.among) and k not in counted_all - one_of \
            and (k in one_of or has_stem(toks[k], lex.singular) or _national(toks, k)):
        return k  # (also "ومن بين القتلى إيرلندي": one of a nationality)
    if has_stem(toks[t.lo - 1], lex.among) and t.lo > 1 and has_stem(toks[t.lo - 2], lex.partitive):
        return _clause_subject_among(toks, t.lo - 2, one_of, counted_all)
    return None


AMONG_SUBJECT_WORDS = 8  # "أن [طالبة باكستانية تدعى سبيكة شيخ، 18 عاما] من بين القتلى"


def _clause_subject_among(toks: Sequence[Token], hi: int, one_of: Set[int],
                          counted_all: Set[int]) -> int | None:
    """The one person opening the clause that ends at "من بين القتلى" (token ``hi``): right
    after "أن/إن", a singular person noun ("أن مصورها شاه ماراي من بين القتلى", "إن امرأة
    وطفلا من بين القتلى"), with no figure between; else None."""
    complementizers = context().complementizers
    for k in range(hi - 1, max(0, hi - AMONG_SUBJECT_WORDS) - 1, -1):
        if k in counted_all - one_of:
            return None
        if k > 0 and toks[k - 1].text in complementizers:
            return k if _is_one(toks, k, one_of, counted_all) else None
    return None


def _lone_victim(toks: Sequence[Token], t: Located, trig: Trigger, counted: set[int]) -> bool:
    """Whether a victims noun stands alone for one person right after a verb of falling or
    causing ("سقط قتيل", "أسفر عن جريح", "أوقع قتيلا و3 جرحى"), or a body recovered or found
    ("انتشال جثة", "عثر على جثة"): a singular indefinite one, not negated ("لم يسقط أي قتيل"
    has "أي" before it)."""
    lex = persons()
    return (trig.role == "noun" and t.hi - t.lo == 1 and t.lo > 0
            and has_stem(toks[t.lo], lex.lone_victims) and not is_definite(toks[t.lo])
            and t.lo - 1 not in counted and (
                has_stem(toks[t.lo - 1], lex.lone_victim_after)
                or t.lo > 1 and has_stem(toks[t.lo - 1], lex.found_on)
                and has_stem(toks[t.lo - 2], lex.lone_victim_found))
            and not blocked(toks, t.lo))


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
        k = bisect.bisect_right(toks, o.anchor, key=TOKEN_START) - 1
        j = bisect.bisect_right(toks, d.subject[0], key=TOKEN_START) - 1
        # "و3 جنود", or a numeral after its conjoined noun: "امرأة وأطفالها الثلاثة"
        conj = starts_with_conjunction(toks[k]) or (
            k - 1 > j and starts_with_conjunction(toks[k - 1]) and has_article(toks[k]))
        if 0 < k - j <= CONJUNCT_GAP and conj \
                and not CLAUSE_BREAK.search(norm, d.subject[0], toks[k].start) \
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
        if not _counts_one(trig, toks[t.lo]) or trig.role == "noun" or blocked(toks, t.lo):
            continue
        ks = [t.hi] if t.hi < len(toks) else []
        if trig.role in ("verb", "phrase"):
            for k in range(t.lo - 1, max(-1, t.lo - 1 - RUNNING_REACH), -1):
                if CLAUSE_BREAK.search(norm, toks[k].end, toks[k + 1].start):
                    break
                ks.append(k)
        for k in ks:
            value = _ordinal(toks, k)
            if value:
                lo, hi = min(k, t.lo), max(k + 2, t.hi)
                out.append(new_draft(toks, si, lo, hi, trig.type, Count(value=value), trig.mixed,
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
    "لقي جندي مصرعه", "لقي القيادي الحوثي أبو علي الكحلاني مصرعه"): the person's token index,
    or None."""
    if trig.type != "killed" or trig.role not in ("noun", "masdar"):
        return None
    for k in range(t.lo - 1, max(0, t.lo - 1 - SPLIT_IDIOM_WORDS), -1):
        if k in counted:
            return None
        if _one_person(toks[k]) and has_stem(toks[k - 1], context().split_idiom_heads):
            return k
    return None


def _and_one_of(toks: Sequence[Token], k: int) -> bool:
    """Whether token ``k`` is "وأحد/وإحدى" + a person noun: one person joined to what comes
    before ("مقتل خمسة جنود وأحد السجناء")."""
    return k + 1 < len(toks) and starts_with_conjunction(toks[k]) \
        and has_stem(toks[k], persons().one_of_victims) and linking.is_person(toks[k + 1])


def _one_more(toks: Sequence[Token], k: int) -> bool:
    """Whether token ``k`` is a conjoined person followed by "one" ("ومدنيا واحدا"): one more
    person, even after a singular counted noun ("22 جنديا ومدنيا واحدا")."""
    return starts_with_conjunction(toks[k]) and k + 1 < len(toks) \
        and has_stem(toks[k + 1], persons().one_words)


def _singular_counted(toks: Sequence[Token], k: int, prev: Draft) -> bool:
    """Whether the claim ``prev`` just before token ``k`` counts a singular noun, which a
    conjoined noun only extends ("11 ألف مدني ومقاتل", "نحو 30 رجل دين ومفكر وناشط"); an
    indefinite accusative is an object of its own ("قتلا 21 سائحا أجنبيا وشرطيا")."""
    singular = persons().singular
    if k and not is_definite(toks[k]) and toks[k].text.endswith(accusative_suffix()):
        return has_stem(toks[k - 1], singular)
    return any(has_stem(toks[i], singular) for i in range(k - 1, -1, -1)
               if toks[i].start >= prev.start) if k else False


def _with_age(toks: Sequence[Token], k: int, aged: Set[int]) -> Located:
    """The person at token ``k`` with the age told right after it ("ورجل عمره 33 عاما": the
    age tells two men of a list apart); ``aged``: the tokens of ages."""
    hi = k + 1
    if hi + 1 < len(toks) and (hi in aged or hi + 1 in aged):
        hi += 1
        while hi in aged:
            hi += 1
    return Located(k, hi)


LIST_GAP = 2  # "بينهم امرأة [واحدة] وشاب": words between two listed persons


def _next_in_list(norm: str, toks: Sequence[Token], k: int, listed: Set[int],
                  counted: Set[int], aged: Set[int]) -> bool:
    """Whether token ``k`` names one more person of a list: "و" + an indefinite singular or a
    kin word at most ``LIST_GAP`` words (besides "one" and an age: ``aged``, the tokens of ages)
    after an indefinite person counted as one (``listed``: the offsets of persons counted as
    one), no clause break between ("بينهم امرأة وطفل", "وامرأة واحدة وشاب في مقتبل العمر",
    "فتاة عمرها 10 أعوام ورجل عمره 25 عاما": one claim each)."""
    if not listed or not _joined_by_and(toks[k]) or not _another_one(toks[k], definite=False):
        return False
    one_words = persons().one_words
    gap = 0
    for j in range(k - 1, -1, -1):
        if toks[j].start in listed:  # (an indefinite one: "حيث قتل الشاب وشخص في ...")
            return not has_article(toks[j]) and not CLAUSE_BREAK.search(
                norm, toks[j].end, toks[k].start)
        if j in aged or has_stem(toks[j], one_words):
            continue  # "امرأة واحدة" ("واحدة" is no "و"), "عمرها 10 أعوام"
        gap += 1
        if gap > LIST_GAP or j in counted or _one_person(toks[j]) \
                or starts_with_conjunction(toks[j]):
            return False
    return False


PART_GAP_WORDS = 3  # "5 [من قوات النظام] أحدهم ضابط": words from the claim to its part


def _uncounted_group_event(toks: Sequence[Token], prev: Draft, k: int,
                           events: Sequence[tuple[Trigger, Located]], counted: Set[int]) -> str | None:
    """The type of an event verb between the claim ``prev`` and the breakdown before token ``k``
    whose people have no figure ("قتل مدني وأصيب آخرون، من بينهم امرأة": the woman is one of
    the wounded), when it is another event than the claim's; else None."""
    for trig, t in reversed(events):
        if trig.role == "verb" and trig.type in ONE_TYPES and prev.end <= toks[t.lo].start and t.hi < k \
                and not any(j in counted for j in range(t.hi, k)):
            return trig.type if trig.type != prev.type else None
    return None


def _one_part(toks: Sequence[Token], k: int, broken: bool) -> bool:
    """Whether token ``k`` is one person of a group just counted: "أحد" + a plural after a
    breakdown (``broken``: token ``k`` follows one; "بينهم أحد رجال الشرطة"), or
    "أحدهم/إحداهما" + a singular person noun or a word of naming, no breakdown ("5 من قوات
    النظام أحدهم ضابط", "بينهم قيادات أحدهم يدعى أبو علي")."""
    lex = persons()
    if k + 1 >= len(toks):
        return False
    if has_stem(toks[k], lex.one_of_them):  # ("أحدهم يدعى أبو علي": one of them, named)
        return (has_stem(toks[k + 1], lex.singular) or has_stem(toks[k + 1], lex.naming_words)) \
            and not broken
    return broken and has_stem(toks[k], lex.one_of_victims) and linking.is_person(toks[k + 1])


def _part_of_claim(norm: str, tok: Token, prev: Draft, si: int) -> bool:
    """Whether one person of a group ("أحدهم ضابط") is a part of the claim ``prev`` just before
    it: in sentence ``si`` too, with no clause break but a comma right before it ("مقتل شخصين
    على الأقل، أحدهما فتاة") and at most :data:`PART_GAP_WORDS` words between, and "أحدهما"
    (one of two) only of a dual."""
    gap = norm[prev.end:tok.start]
    breaks, last = CLAUSE_BREAK.findall(gap), gap.rstrip()[-1:]
    return prev.sentence == si and (not breaks or breaks == [last] and last in COMMAS) \
        and len(gap.split()) <= PART_GAP_WORDS \
        and (prev.count.value == 2) == has_stem(tok, persons().one_of_two)


def follow_singles(norm: str, toks: Sequence[Token], c_loc: list[Located], si: int,
                   drafts: list[Draft], aged: Set[int] = frozenset(),
                   events: Sequence[tuple[Trigger, Located]] = ()) -> list[Draft]:
    """One person after a breakdown ("بينهم امرأة"), listed after one ("بينهم امرأة وطفل") or
    conjoined to a claim ("مقتل 10 مدنيين وجندي"): a count-of-one claim of the same event
    (``aged``: the tokens of ages), or after a breakdown of an uncounted group told after that
    claim, of that group's event (``events``: the sentence's event words and their tokens)."""
    out: list[Draft] = []
    if not drafts:
        return out
    # the offsets of the persons counted as one, where a list of one more each may go on
    listed = {d.subject[0] for d in drafts
              if d.sentence == si and d.count.value == 1 and d.subject is not None}
    counted = {k for c in c_loc for k in range(c.lo, c.hi)}
    cover: Cover | None = None  # built at the first person word
    by_start: list[int] = []
    seen = 0
    # the draft (of drafts + out) before the token with the greatest (sentence, start), the
    # first one in list order on a tie
    best: tuple[int, int, int] | None = None
    prev: Draft | None = None
    may_be_one = _one_person_words()
    noun_of_part = -1  # the person noun of "أحدهما فتاة" just counted: no one more
    for k, tok in enumerate(toks):
        if may_be_one.isdisjoint(tok.stems) or k == noun_of_part:
            continue
        broken = after_breakdown(toks, k)
        part = _one_part(toks, k, broken)  # "بينهم أحد رجال الشرطة", "5 من قوات النظام أحدهم ضابط"
        one_of_these = _and_one_of(toks, k)  # "مقتل خمسة جنود وأحد السجناء"
        if k in counted and not part and not one_of_these:
            continue
        one_more = _one_more(toks, k)  # "22 جنديا ومدنيا واحدا"
        if not (part or _one_person(tok) or one_more or one_of_these
                or broken and tok.text in persons().after_breakdown_persons):  # (not "باب")
            continue
        if cover is None:
            cover = Cover((d.start, d.end) for d in drafts)
            by_start = sorted(range(len(drafts)), key=lambda i: drafts[i].start)
        if tok.start in cover and not broken and not one_more and not part:
            continue  # "4 بينهم طفل قتلوا"
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
                            and not _singular_counted(toks, k, prev))
        if part and _part_of_claim(norm, tok, prev, si) \
                or broken or conj_after_claim or one_more and prev.sentence == si \
                or _next_in_list(norm, toks, k, listed, counted, aged):
            listed.add(tok.start)
            if part:
                noun_of_part = k + 1
            two = has_stem(tok, persons().two_possessed)  # "وطفلاها": her two children
            etype = _uncounted_group_event(toks, prev, k, events, counted) if broken else None
            out.append(new_draft(toks, si, k, k + 1, etype or prev.type,
                                 Count(value=2 if two else 1),
                                 prev.mixed, COSTS.follow_single,
                                 _with_age(toks, k + one_of_these, aged), tok.start, prev.trigger))
            key = (si, out[-1].start, -len(drafts) - len(out))  # before every later token
            if key > best:  # type: ignore[operator]  # best is set wherever prev is
                best, prev = key, out[-1]
    return out
