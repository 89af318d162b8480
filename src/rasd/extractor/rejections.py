"""The rules that reject a figure's best link (a figure of things, of no people, of an event
that did not happen, ...), and the negated, hypothetical or undone context they share with the
count-of-one claims."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rasd.extractor import linking
from rasd.extractor.lexicon import context, has_stem, triggers
from rasd.extractor.linking import Located
from rasd.extractor.not_claims import reports_no_event
from rasd.extractor.sentence import CLAUSE_BREAK, Figure
from rasd.model import Token, Trigger
from rasd.text.tokens import has_preposition, starts_with_conjunction

NEGATION_WINDOW = 3      # words before an event that may negate it ("لم تسجل")
HYPOTHETICAL_WINDOW = 4  # words before an event that may make it hypothetical ("يعتزم إرسال")
MODAL_WINDOW = 8  # words before an event a modal causative may govern ("قد يؤدي القتال ... إلى مقتل")
STATUS_TYPES = frozenset({"arrested", "abducted", "missing", "displaced"})  # nouns of a state
#: events a dual of people counts on its own ("أفرج عن شخصين"; not "وعاد وزيران", a visit)
DUAL_TYPES = frozenset({"killed", "injured", "arrested", "abducted", "missing", "released"})


def attempted(toks: Sequence[Token], lo: int) -> bool:
    """Whether an attempt comes right before token ``lo`` ("محاولة اغتيال")."""
    return lo > 0 and has_stem(toks[lo - 1], context().unrealized)


def affair_before(toks: Sequence[Token], lo: int, words: frozenset[str], reach: int = 1) -> bool:
    """Whether one of ``words`` (an affair, an anniversary: ``context.yaml`` affairs,
    figure_affairs) stands up to ``reach`` words before the event word at token ``lo``."""
    return any(has_stem(toks[k], words) for k in range(max(0, lo - reach), lo))


def charged(toks: Sequence[Token], lo: int) -> bool:
    """Whether the event word at token ``lo`` is a charge ("بتهمة قتل 3 أشخاص", "متهما بقتل
    الجندي"; ``context.yaml`` charges, accused): no new claim."""
    ctx = context()
    return affair_before(toks, lo, ctx.charges, AFFAIR_REACH) \
        or lo > 0 and has_preposition(toks[lo]) and has_stem(toks[lo - 1], ctx.accused)


def _joined_clause_start(toks: Sequence[Token], first: int, lo: int) -> int:
    """The first token of the last clause joined by a comma and "و" in ``(first, lo]`` ("في
    حرب ليست من صنعهم، وعشرات الآلاف أصيبوا": a negation before it does not reach past it),
    else ``first``."""
    for j in range(lo, first, -1):
        if j < len(toks) and toks[j - 1].end + 1 < toks[j].start and starts_with_conjunction(toks[j]):
            return j
    return first


def blocked(toks: Sequence[Token], lo: int) -> bool:
    """Negated or hypothetical context before token ``lo`` ("لم تسجل", "يعتزم إرسال", "قد يقتل")."""
    ctx = context()
    first = max(0, lo - max(NEGATION_WINDOW, HYPOTHETICAL_WINDOW, MODAL_WINDOW))
    clause = _joined_clause_start(toks, first, lo)
    for k in range(first, lo):
        tok = toks[k]
        if ctx.blocking.isdisjoint(tok.stems):  # most words: no negation, hypothesis or modal
            continue
        if clause <= k >= lo - NEGATION_WINDOW and has_stem(tok, ctx.negation) and not (
                k + 1 < len(toks) and (has_stem(toks[k + 1], ctx.still)
                                       or has_stem(toks[k + 1], ctx.negation_in_names))) \
                and not any(has_stem(t, ctx.exceptives) for t in toks[k + 1:lo + 2]):
            return True  # (but "لا يزال", "أطباء بلا حدود" is a name, and "لم يسقط سوى
            # قتيلين", "لم يقتل إلا جنديان" say how few)
        if k >= lo - HYPOTHETICAL_WINDOW and (
                has_stem(tok, ctx.hypothetical) or k == lo - 1 and has_stem(tok, ctx.unrealized)):
            return True  # "يعتزم إرسال", "محاولة اغتيال"
        if _modal_present(toks, k) and _in_modal_scope(toks, k + 2, lo) and (
                k >= lo - HYPOTHETICAL_WINDOW or has_stem(toks[k + 1], ctx.modal_causatives)):
            return True  # (not "قد نزح": has fled; not "قد يرتفع نظرا لإصابة": a cause)
        if has_stem(tok, ctx.future_causatives) and _in_modal_scope(toks, k + 1, lo):
            return True  # "وسيؤدي انهياره إذا حدث إلى غرق مدن وتشريد أكثر من مليون"
        if tok.text in ctx.subjunctive and k + 1 < lo and has_stem(toks[k + 1], ctx.modal_causatives) \
                and _in_modal_scope(toks, k + 2, lo):
            return True  # "مخاوف بأن يتسبب هجوم في نزوح مئات الآلاف"
    return False


def _modal_present(toks: Sequence[Token], k: int) -> bool:
    """Whether token ``k`` is the modal "قد" before a present-tense verb ("قد يقتل"; not "قد قتلوا",
    "قد تم", "قد تحدثت", "فقد تنظيم", "قد تفجير")."""
    return has_stem(toks[k], context().modal) and k + 1 < len(toks) and present_verb(toks[k + 1])


def present_verb(tok: Token) -> bool:
    """Whether a word reads as a present-tense verb ("يقتل", "تحتجز"; not the past "تم",
    "تحدثت", "توفي", nor a verbal noun "تفجير")."""
    ctx = context()
    return tok.text.startswith(ctx.present_prefixes) and not has_stem(tok, ctx.modal_exceptions) \
        and not ctx.verbal_noun_pattern.match(tok.text) \
        and not ctx.modal_past_pattern.match(tok.text) \
        and not has_stem(tok, triggers().past_forms)


def blocked_between(toks: Sequence[Token], hi: int, lo: int) -> bool:
    """A figure ending at token ``hi`` told before its event word at ``lo`` as refused, intended
    or feared ("أربعة آلاف يرفضون الخروج", "2500 ممن قد يتعرضون للاعتقال"), or negated right
    before it ("العديد من الصحفيين لا يقتلون"; not "3 لم يعرف مكان مقتلهم": another verb's)."""
    ctx = context()
    last = lo - 1
    if last >= hi and has_stem(toks[last], ctx.negation):
        return True
    return any(has_stem(toks[k], ctx.hypothetical) or _modal_present(toks, k)
               for k in range(max(hi, lo - HYPOTHETICAL_WINDOW), lo))


def _in_modal_scope(toks: Sequence[Token], lo: int, hi: int) -> bool:
    """Whether the words between a modal's verb and an event keep the event in its scope: near
    it, with no cause or earlier event ("نظرا لـ", "بعد") and no new conjunct ("و...") between."""
    ctx = context()
    between = toks[lo:hi]
    if len(between) >= HYPOTHETICAL_WINDOW:
        return not any(starts_with_conjunction(t) or has_stem(t, ctx.modal_scope_ends)
                       for t in between)
    return not any(has_stem(t, ctx.modal_scope_ends) for t in between)


UNDONE_WINDOW = 4  # "الإفراج عن 1500 سجين لم يتم": words after the claim


def _undone(toks: Sequence[Token], hi: int, norm: str) -> bool:
    """Whether "لم يتم" / "لم ينفذ" follows an event right after token ``hi`` (it did not
    happen), with nothing done named after it ("الإفراج عن 1500 سجين لم يتم بعد"; not "قتل 28
    شخصا لم يتم التعرف على هوياتهم", where the identifying was not done)."""
    ctx = context()
    for k in range(hi, min(hi + UNDONE_WINDOW, len(toks) - 1)):
        if has_stem(toks[k], ctx.negation) and has_stem(toks[k + 1], ctx.undone):
            j = k + 2
            return j >= len(toks) or has_stem(toks[j], ctx.undone_closers) \
                or CLAUSE_BREAK.search(norm, toks[j - 1].end, toks[j].start) is not None
    return False


@dataclass(frozen=True, slots=True)
class Candidate:
    """A figure and the event word it links to best, for the rules that reject the pair."""

    toks: Sequence[Token]
    fig: Figure
    t: Located
    trig: Trigger
    caused: bool  # the event is a causative verb's verbal noun ("دفعت ... إلى النزوح")
    figure_starts: frozenset[int] = frozenset()  # the first tokens of the sentence's figures
    figure_ends: frozenset[int] = frozenset()  # the last tokens of the sentence's figures
    norm: str = ""  # the document's normalized text


def _counts_things(k: Candidate) -> bool:
    """The figure counts things ("5 سيارات") and its event word is not right after it (unless
    the things come first: "قوافل عدة خرجت" is the convoys' leaving); only strikes count things."""
    c = k.fig.c
    return linking.counts_objects(k.toks, c) and k.trig.type != "strikes" \
        and (k.t.lo != c.hi or linking.postposed_object(k.toks, c))


def _no_people(k: Candidate) -> bool:
    """The event needs people (killed, injured, ...) and the figure counts none (a dual of
    people, "شخصين", is its own noun)."""
    c = k.fig.c
    lex = triggers()
    return (k.trig.type in lex.needs_person or has_stem(k.toks[k.t.lo], lex.people_only)) \
        and not linking.counts_people(k.toks, c) \
        and not (k.trig.type in DUAL_TYPES and k.fig.cm.noun is not None
                 and linking.is_person(k.toks[c.lo]))


def _dual_of_targets(k: Candidate) -> bool:
    """A dual that names no people ("مستودعين ... وقتل") counts strikes only, unless it opens
    its own event phrase ("حالتي وفاة": two deaths)."""
    c = k.fig.c
    return (k.fig.cm.noun is not None and k.trig.type != "strikes"
            and not linking.is_person(k.toks[c.lo]) and k.t.lo != c.lo)


def _reports_no_event(k: Candidate) -> bool:
    """A figure of a verdict, a population, a rate, a family, ... (:mod:`not_claims`)."""
    return reports_no_event(k.toks, k.fig.c, k.t, k.trig)


def sought_release(toks: Sequence[Token], t: Located, trig: Trigger) -> bool:
    """Whether release, evacuation or return word ``t`` (``context.yaml`` sought_types) is only
    demanded, negotiated, bargained for or agreed as a term ("مطالبتها بإطلاق سراح 12", "تتفاوض
    لإطلاق سراح 25", "مقابل الإفراج عن", "يتضمن الاتفاق تأمين إجلاء"; releases_sought within
    release_sought_window words before it)."""
    ctx = context()
    return trig.type in ctx.sought_types and any(
        has_stem(tok, ctx.releases_sought)
        and (trig.type == "released" or tok.text not in ctx.not_sought)
        for tok in toks[max(0, t.lo - ctx.release_sought_window):t.lo])


def _did_not_happen(k: Candidate) -> bool:
    """The event is negated, hypothetical or attempted ("لم تسجل", "قد يقتل", "محاولة اغتيال";
    also between a figure and its later event word: "أربعة آلاف يرفضون الخروج"; the figure
    itself after its event word: "عدد القتلى ليس 200"),
    undone after ("لم يتم"), an affair or anniversary named ("قضية اختفاء 43"), a release
    sought ("مطالبتها بإطلاق سراح 12"), or a purpose
    ("لإجلاء", "خطة لطرد"): a verbal noun or verb with the lam of purpose before the figure that
    no causative introduces, or a verbal noun after a word of purpose ("بهدف الخروج")."""
    toks, c, t, trig = k.toks, k.fig.c, k.t, k.trig
    return blocked(toks, min(c.lo, t.lo)) or c.hi <= t.lo and blocked_between(toks, c.hi, t.lo) \
        or t.hi <= c.lo and c.lo > 0 and has_stem(toks[c.lo - 1], context().negation) \
        or attempted(toks, t.lo) \
        or _undone(toks, max(c.hi, t.hi), k.norm) \
        or affair_before(toks, t.lo, context().figure_affairs, AFFAIR_REACH) \
        or charged(toks, t.lo) or sought_release(toks, t, trig) or (
        trig.role in ("masdar", "verb") and not k.caused and t.lo < c.lo
        and context().purposive(toks[t.lo], trig.type)) or _intended(toks, t, trig)


def _intended(toks: Sequence[Token], t: Located, trig: Trigger) -> bool:
    """Whether a verbal noun follows a word of purpose ("بهدف الخروج", "بغية إجلاء")."""
    ctx = context()
    return trig.role == "masdar" and t.lo > 0 and trig.type in ctx.purpose_types \
        and has_stem(toks[t.lo - 1], ctx.purpose_words)


AFFAIR_REACH = 2  # "الذكرى [الأولى] لمقتل 50", "قضية اختفاء 43": the affair's head to the event


def _past_state(k: Candidate) -> bool:
    """A state noun after the figure told as past ("كانوا محتجزين")."""
    toks, c, t, trig = k.toks, k.fig.c, k.t, k.trig
    return (trig.role == "noun" and trig.type in STATUS_TYPES and t.lo > c.hi
            and has_stem(toks[t.lo - 1], context().prior_state))


CAPTIVES_AFTER = 4  #: words after a rescued figure that may name them captives


def rescue_of_no_captives(toks: Sequence[Token], t_lo: int, trig: Trigger,
                          people: Sequence[Token]) -> bool:
    """Whether a release word at token ``t_lo`` is a rescue from the sea, rubble or a fire whose
    ``people`` name no captives ("إنقاذ 67 مهاجرا", "أنقذت امرأة"; not "إنقاذ 20 رهينة", "إنقاذ
    178 شخصا كانوا محتجزين"): it frees no one."""
    lex = triggers()
    return trig.type == "released" and has_stem(toks[t_lo], lex.rescue) \
        and not any(has_stem(tok, lex.captives) for tok in people)


def _rescue_of_no_captives(k: Candidate) -> bool:
    """A rescued figure names no captives: no release (:func:`rescue_of_no_captives`)."""
    c = k.fig.c
    return rescue_of_no_captives(k.toks, k.t.lo, k.trig, k.toks[c.lo:c.hi + CAPTIVES_AFTER])


SEIZED_WORDS = 4  # "عثر بداخله على 34 صاروخ": words between a finding verb and the figure


def _seized_munitions(k: Candidate) -> bool:
    """Munitions found or seized, not fired ("عثر بداخله على 34 صاروخ", "ضبط 20 قذيفة")."""
    if k.trig.type != "strikes" or k.trig.role != "noun":
        return False
    lo = k.fig.c.lo
    return any(has_stem(t, triggers().seized_before) for t in k.toks[max(0, lo - SEIZED_WORDS):lo])


CONDITION_REACH = 6  # "بإعادة 200 ألف لاجئ إلى بلادهم في حال فوزها": words after the figure


def _on_condition(k: Candidate) -> bool:
    """A pledge or threat on a condition that follows it within :data:`CONDITION_REACH` words
    ("بإعادة 200 ألف لاجئ ... في حال فوزها": ``context.yaml`` conditions)."""
    toks, c, ctx = k.toks, k.fig.c, context()
    start = max(c.hi, k.t.hi)
    window = toks[start:min(len(toks), start + CONDITION_REACH)]
    for _, end, _ in ctx.conditions.scan(window):
        if end >= len(window) or not has_stem(window[end], ctx.condition_states):
            return True  # (not "في حال خطرة": in a critical state)
    return False


AGENT_REACH = 3  #: words between a verb of doing and the figure it has as subject ("قامت قوة من 20")


def _doer_of_the_act(k: Candidate) -> bool:
    """The figure is the subject of a verb of doing whose act, the event word, follows it
    with a preposition ("قام مسلحان بقتل رهينة", "أقدم 3 مسلحين على خطف طفل"): it counts who
    did it, not the people it befell."""
    toks, c, t = k.toks, k.fig.c, k.t
    if k.trig.role not in ("masdar", "phrase", "verb") or t.lo < c.hi:
        return False
    before = toks[t.lo - 1] if t.lo > c.hi else None  # "على" before the act, or its clitic
    if not (has_preposition(toks[t.lo]) or before is not None
            and has_stem(before, context().caused_event_links)):
        return False
    return any(has_stem(toks[j], context().agent_verbs) for j in range(max(0, c.lo - AGENT_REACH), c.lo))


def _subject_of_a_verb_with_its_object(k: Candidate) -> bool:
    """The figure comes before an event verb in the plural or dual that has a figure of its own
    right after it, maybe past a pronoun adverb ("3 مسلحين اقتحموا المقر وقتلوا 11 شخصا", "وقتلا
    خلاله 21 سائحا"): the verb is active and the figure
    counts its doers; the victims are the figure after, which counts people ("غادروا عددا من
    المناطق" counts places)."""
    toks, c, t = k.toks, k.fig.c, k.t
    if k.trig.role != "verb" or t.lo < c.hi:
        return False
    o = t.hi + 1 if t.hi < len(toks) and has_stem(toks[t.hi], context().object_gap_words) else t.hi
    if o not in k.figure_starts or starts_with_conjunction(toks[o]) \
            or k.norm[toks[o - 1].end:toks[o].start].strip():
        return False  # "5 جنود قتلوا و11 أصيبوا", "17 شخصا قتلوا، 12 جنديا"
    return linking.plural_or_dual_verb(toks[t.lo]) \
        and any(linking.is_person(tok) for tok in toks[o + 1:o + 1 + OBJECT_NOUN_REACH])


OBJECT_NOUN_REACH = 3  # "وقتلوا 11 [ألف] شخصا": words from the object's figure to its people


PART_REACH = 6  # words from a part's figure to the "من بين" of its whole
WHOLE_CLAUSE_REACH = 3  # words from the whole's figure to the clause that tells it


def _whole_of_a_part(k: Candidate) -> bool:
    """The figure is the whole after a part ("مقتل قرابة 100 شخص من بين 500 عنصر كانوا قد
    اجتازوا النهر"), told by a clause of its own, and its event word comes before it: the part
    is the event's people, not the whole (strikes aside: "اعتراض 71 صاروخا من أصل 103")."""
    toks, c, t, ctx = k.toks, k.fig.c, k.t, context()
    if k.trig.type == "strikes" or t.hi > c.lo:
        return False
    marker = next((c.lo - w for w in (2, 3) if c.lo - w >= 0
                   and (hit := ctx.whole_markers.match_at(toks, c.lo - w)) is not None
                   and hit[0] == w), None)
    if marker is None or not any(j in k.figure_starts for j in range(marker - PART_REACH, marker)):
        return False
    return any(has_stem(tok, ctx.whole_clauses) or tok.text.endswith(ctx.plural_verb_ending)
               for tok in toks[c.hi:c.hi + WHOLE_CLAUSE_REACH])


def _by_the_doers(k: Candidate) -> bool:
    """The figure follows "من قبل / على يد / بأيدي" ("تعرضها للاعتداء من قبل 10 فتيات"), or
    "يد/أيدي" a few words before it with no clause break, event word or "إلى" of a toll between
    ("قتل على يد مجموعة من 15 سعوديا"; not "على أيدي القوات وجرح الآلاف"): it counts who did
    it, not the people it befell."""
    c, ctx, toks = k.fig.c, context(), k.toks
    if c.lo > 0 and has_stem(toks[c.lo - 1], ctx.by_agent):
        return True
    far = next((j for j in range(c.lo - 2, max(-1, c.lo - 1 - ctx.by_agent_reach), -1)
                if has_stem(toks[j], ctx.by_agent_far)), None)
    return far is not None and not far < k.t.lo < c.lo \
        and CLAUSE_BREAK.search(k.norm, toks[far].end, toks[c.lo].start) is None \
        and not any(has_stem(tok, ctx.toll_to) for tok in toks[far + 1:c.lo])


def _answers_for_the_act(k: Candidate) -> bool:
    """A word of responsibility stands between the figure and its event word after it ("أربعة
    أفراد كانت مسؤولة عن إعدامات"): it counts who answers for the act."""
    ctx = context()
    return k.t.lo > k.fig.c.hi and any(has_stem(tok, ctx.responsible)
                                        for tok in k.toks[k.fig.c.hi:k.t.lo])


def _another_figures_noun(k: Candidate) -> bool:
    """The event word is the victims noun of the figure before, and this figure is the subject
    of a present verb of its own ("131 قتيلا وعشرات الآلاف يعيشون في العراء")."""
    toks, c, t = k.toks, k.fig.c, k.t
    return k.trig.role == "noun" and t.hi <= c.lo and t.lo - 1 in k.figure_ends \
        and c.hi < len(toks) and present_verb(toks[c.hi]) \
        and not triggers().entries.contains(toks[c.hi])


REJECTIONS: tuple[Callable[[Candidate], bool], ...] = (
    _counts_things, _no_people, _dual_of_targets, _reports_no_event, _did_not_happen,
    _past_state, _rescue_of_no_captives, _seized_munitions, _on_condition, _doer_of_the_act,
    _answers_for_the_act, _subject_of_a_verb_with_its_object, _whole_of_a_part, _by_the_doers,
    _another_figures_noun)
"""The rules that reject a figure's best link, tried in this order: one that holds drops the
figure."""
