"""Attribution: who asserts the figures of a sentence.

Finds reporting verbs ("قالت الشرطة إن"), prepositional attribution ("بحسب المرصد", "وفقاً لمصادر
طبية"), via chains ("نقلت وكالة رويترز عن مصادر طبية" -> source مصادر طبية via وكالة رويترز) and
subject-less continuation verbs ("وأضاف أن"), which carry the previous speaker (kind ``carry``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rasd.extractor.lexicon import (
    AttributionLexicon,
    attribution,
    context,
    has_stem,
    persons,
    triggers,
)
from rasd.extractor.nationality import names_a_country, tables
from rasd.extractor.sources import HEAD_KINDS, ORG_KINDS, resolve_source
from rasd.model import Document, NormOffset, SourceMention, Token
from rasd.text.tokens import (
    has_article,
    has_preposition,
    is_definite,
    starts_with_conjunction,
    word_starts,
)

_BREAK = re.compile(r"[\u060c\u061b,.:;!?\u061f\"()\[\]«»\n]")
_DIGIT = re.compile(r"\d")


def _broken(norm: str, a: Token, b: Token) -> bool:
    """Whether punctuation separates two consecutive tokens."""
    return bool(_BREAK.search(norm, a.end, b.start))


_BREAK_NOT_QUOTE = re.compile(r"[\u060c\u061b,.:;!?\u061f()\[\]\n]")


def _broken_but_quoted(norm: str, a: Token, b: Token) -> bool:
    """Whether punctuation other than a quote mark separates two consecutive tokens (a quoted
    name ends right before "أن": 'وكتبت منظمة "أطباء بلا حدود" أن')."""
    return bool(_BREAK_NOT_QUOTE.search(norm, a.end, b.start))


def _speaker(norm: str, toks: Sequence[Token], j: int, lex: AttributionLexicon,
             figures: frozenset[int], lam_first: bool = False) -> int:
    """End (exclusive token index) of the speaker phrase starting at token ``j``; a speaker
    never runs into a figure or an event word ("نقل عشرات المصابين" names no speaker)."""
    events = triggers().entries
    k = j
    while k < len(toks) and k - j < lex.max_words:
        tok = toks[k]
        if k > 0 and _broken(norm, toks[k - 1], tok) \
                and not _quoted_name(norm, toks, k, lex, first=k == j and (
                    lam_first or has_stem(toks[k - 1], lex.verbs))):
            break
        glued = lam_first and k == j and tok.text.startswith(lex.lam) and has_preposition(tok)
        stop = has_stem(tok, lex.stops) and tok.text not in lex.name_words \
            and not _affiliation(norm, toks, j, k, lex)
        if (stop and not glued) or _DIGIT.search(tok.text) \
                or events.contains(tok) and not _named_by(toks, k) or tok.start in figures:
            break
        if has_stem(tok, lex.verbs) and not has_article(tok):  # "وزير النقل" is no verb
            break
        if k == j + 1 and names_a_country(toks[j].text) and not names_a_country(tok.text) \
                and not starts_with_conjunction(tok):
            break  # "أعلنت كوبا الحداد": a state, then its verb's object
        if _relative_verb(toks, k, lex):  # "بحسب ما قاله": the verb is no part of the speaker
            break
        k += 1
    return k


def _affiliation(norm: str, toks: Sequence[Token], j: int, k: int, lex: AttributionLexicon
                 ) -> bool:
    """Whether the word at ``k`` (in a speaker from ``j``) ties an anonymous head to the body it
    belongs to ("مصادر في التحالف", "مسؤول في وزارة الصحة", "مصدر من الجيش")."""
    return j < k < len(toks) - 1 and toks[k].text in lex.affiliations \
        and lex.anonymous_head(toks[k - 1].stems[-1]) and lex.body_head(toks[k + 1]) \
        and not _broken(norm, toks[k], toks[k + 1])


def _named_by(toks: Sequence[Token], k: int) -> bool:
    """Whether the event word at ``k`` only names the people before it ("عمال الإنقاذ",
    "فرق الإنقاذ": the rescuers; ``not_after`` in ``triggers.yaml``)."""
    lex = triggers()
    hit = lex.entries.match_at(toks, k)
    return hit is not None and lex.names_no_event(toks, k, hit[1].type)


def _relative_verb(toks: Sequence[Token], i: int, lex: AttributionLexicon) -> bool:
    """Whether token ``i`` is a reporting verb with an object pronoun after a relative "ما"
    ("بحسب ما قاله", "وفق ما أعلنته", "وهذا ما أكده")."""
    if i == 0 or not has_stem(toks[i - 1], lex.relative):
        return False
    text = toks[i].text
    return any(text.endswith(suffix) and text[:-len(suffix)] in lex.verbs
               for suffix in lex.object_suffixes)


def _aside(toks: Sequence[Token], i: int, a: int, b: int, lex: AttributionLexicon) -> bool:
    """Whether the reporting verb at token ``i`` (speaker ``a`` to ``b``) is an aside that may follow
    its figure ("كما قال المرصد", "على ما أعلنت الوزارة"), not a verb opening its own "أن" clause,
    and does not point back to a speaker already named ("وفقاً لتلك المصادر")."""
    if i == 0 or not has_stem(toks[i - 1], lex.relative):
        return False
    if i > 1 and has_stem(toks[i - 2], lex.confirming) \
            and toks[i - 1].text in lex.confirming_relatives:  # "وهو ما أكدته": a second party
        return False
    return not (b < len(toks) and has_stem(toks[b], lex.that)) and _names_anew(toks, a, lex)


def _opens_clause(norm: str, toks: Sequence[Token], i: int, lex: AttributionLexicon) -> bool:
    """Whether token ``i`` opens a clause, as a verb does ("وبيّن", "، بيّن", "كما بيّن"), unlike
    the preposition it may be spelled like ("كان بين لاجئين", "يبحثون بين الأنقاض")."""
    return i == 0 or starts_with_conjunction(toks[i]) or _broken(norm, toks[i - 1], toks[i]) \
        or has_stem(toks[i - 1], lex.relative)


def _speaker_start(toks: Sequence[Token], j: int, lex: AttributionLexicon) -> int:
    """Where the speaker after a reporting verb starts: past "به" ("وفق ما أفادت به الوكالة")
    and "كل من" ("أكد كل من الجيش والشرطة")."""
    if j < len(toks) and has_stem(toks[j], lex.object_particles):
        return j + 1
    hit = lex.speaker_openers.match_at(toks, j) if j < len(toks) else None
    return j + hit[0] if hit is not None else j


NOT_A_REPORT_REACH = 3  # "وأعلن التنظيم، الأحد، مسؤوليته": words between the speaker and it


def _claims_responsibility(toks: Sequence[Token], b: int, lex: AttributionLexicon) -> bool:
    """Whether "مسؤوليته" follows the speaker ending before token ``b``, maybe after a time word
    ("أعلن التنظيم، الأحد، مسؤوليته عن الهجوم"): a claim of responsibility, not a report."""
    return any(has_stem(toks[k], lex.not_a_report)
               for k in range(b, min(b + NOT_A_REPORT_REACH, len(toks))))


TIME_WORDS_REACH = 2


def _past_time_words(toks: Sequence[Token], b: int, lex: AttributionLexicon) -> int:
    """Token index past up to two time words ("أوردت وسائل إعلام السبت نقلاً عن الشرطة")."""
    j = b
    while j < len(toks) and j - b < TIME_WORDS_REACH and has_stem(toks[j], lex.time_words):
        j += 1
    return j


OWNER_REACH = 3  # words between a document and the connector to its owner ("بيان مشترك صادر عن")


def _owner_start(toks: Sequence[Token], j: int, lex: AttributionLexicon) -> int:
    """Where the speaker starts after a prepositional cue ending before token ``j``: past "جاء
    في" ("حسبما جاء في التقرير") and, after a document, past the connector to its owner ("وفقاً
    لبيان صادر عن الحزب", "بحسب حصيلة نهائية أوردتها اللجنة")."""
    if j + 1 < len(toks) and has_stem(toks[j], lex.content_verbs) \
            and has_stem(toks[j + 1], lex.content_prepositions):
        j += 2
    if _latest_document(toks, j, lex):
        j += 1  # "بحسب آخر حصيلة أدلى بها المتحدث": the latest toll
    if not any(has_stem(toks[k], lex.documents) for k in range(max(0, j - 1), min(j + 1, len(toks)))):
        return j
    for k in range(j, min(j + OWNER_REACH, len(toks))):
        hit = lex.owner_connectors.match_at(toks, k)
        if hit is not None:
            return k + hit[0]
        if k > j and toks[k].text.startswith(lex.lam) and has_article(toks[k]):
            return k  # "بحسب تقرير جديد للأمم المتحدة": its owner after the lam
    if j > 0 and has_stem(toks[j - 1], lex.documents) and has_article(toks[j - 1]):
        return j - 1  # "بحسب التقرير السنوي": the document itself, no owner named
    if j + 1 < len(toks) and has_stem(toks[j], lex.documents) and not has_article(toks[j]) \
            and (has_article(toks[j + 1]) or _known_kind(toks, j + 1, j + 2, lex)):
        return j + 1  # "بحسب إحصائية الأمم المتحدة": the United Nations
    return j


def _latest_document(toks: Sequence[Token], j: int, lex: AttributionLexicon) -> bool:
    """Whether a latest document opens at token ``j`` ("آخر حصيلة", "أحدث إحصائية")."""
    return j + 1 < len(toks) and has_stem(toks[j], lex.document_adjectives) \
        and has_stem(toks[j + 1], lex.documents)


def _latest_document_owner(norm: str, toks: Sequence[Token], j: int, lex: AttributionLexicon
                           ) -> int:
    """Where the speaker starts after a reporting verb whose subject is a latest document
    ("أفادت آخر حصيلة للمرصد", "أظهرت أحدث إحصائية للأمم المتحدة") or a document with its
    owner ("وقال بيان من الشرطة", "وذكر بيان صادر عن الوزارة", "وأفاد تقرير المنظمة"): at its
    owner, not at the document ("وقال بيان للجيش": at "للجيش", keyed as "الجيش"); else ``j``."""
    if _latest_document(toks, j, lex):
        return _owner_start(toks, j, lex)
    if j + 2 < len(toks) and has_stem(toks[j], lex.documents) and not has_article(toks[j]):
        if _quoted_name(norm, toks, j + 1, lex, first=True):
            return j + 1  # "وسجل تقرير "ائتلاف الإغاثة الإنسانية في تعز""
        if toks[j + 1].text in lex.owner_prepositions and (
                is_definite(toks[j + 2]) or _known_kind(toks, j + 2, j + 3, lex)):
            return j + 2
        for k in range(j + 1, min(j + OWNER_REACH, len(toks))):
            hit = lex.owner_connectors.match_at(toks, k)
            if hit is not None:
                return k + hit[0]  # "وقالت إحصائية، نشرها الموقع الرسمي للجيش"
        if is_definite(toks[j + 1]) and _known_kind(toks, j + 1, j + 2, lex):
            return j + 1  # "وأفاد تقرير المنظمة" (not "حصيلة الهجوم": no speaker's head)
    return j


def _names_anew(toks: Sequence[Token], a: int, lex: AttributionLexicon) -> bool:
    """Whether a speaker phrase at token ``a`` names someone rather than pointing back ("تلك
    المصادر", "تقريرها")."""
    first = toks[a] if a < len(toks) else None
    return first is not None and not has_stem(first, lex.anaphoric) and not (
        first.text.endswith(lex.pronoun_suffixes) and len(first.text) > 3
        and _known_kind(toks, a, a + 1, lex) is None)


QUOTED_NAME_WORDS = 5  # a quoted name closes within this many words


def _quoted_name(norm: str, toks: Sequence[Token], k: int, lex: AttributionLexicon,
                 first: bool = False) -> bool:
    """Whether token ``k`` opens a short quoted name: after an indefinite head word or "باسم"
    ("وكالة "الأناضول"", "المتحدث باسم "قوات سوريا الديمقراطية""), or opening the speaker
    right after a reporting verb or preposition (``first``: "ويقول "المرصد" إن", "بحسب
    تقديرات "الشبكة العربية""); the quote closes within a few words."""
    if norm[toks[k - 1].end:toks[k].start].strip() != '"':
        return False
    prev = toks[k - 1]
    if not first and not has_stem(prev, lex.name_openers) and (
            is_definite(prev) or lex.kinds.match_at(toks, k - 1, k) is None):
        return False
    last = toks[min(k + QUOTED_NAME_WORDS, len(toks)) - 1]
    return norm.find('"', toks[k].start, last.end + 1) != -1


REPORTED_EVENT_SPEAKER_WORDS = 2  # "أعلن [الإنتربول السعودي] القبض": a short definite speaker


def _plausible(norm: str, toks: Sequence[Token], a: int, b: int, lex: AttributionLexicon,
               figures: frozenset[int]) -> bool:
    """Whether an unknown-kind phrase after a reporting verb reads as a speaker: it does not open
    with a pronoun-suffixed noun ("أعلن ولاءها"), nor hold a word of "our" or "your" ("وأضاف نكرر
    شكرنا"), and ends where a speaker ends (a complementizer, punctuation, a time or place word),
    not by running into figures, events or the word limit (but a short definite phrase right
    before the reported event's verbal noun is one: "وأوضح التقرير اعتقال 476"; not "أبلغ عن
    حالة وفاة", "أكد رسميا مقتل", "يوثق التقرير جريمة قتل"); a country's name alone is one."""
    if toks[a].text.endswith(lex.pronoun_suffixes) and len(toks[a].text) > 3 \
            and not _known_kind(toks, a, a + 1, lex):  # "وأفادت سانا": a name ending like "ـنا"
        return False  # "أعلنت ولاءها لتنظيم": an object, not a speaker
    known = _known_kind(toks, a, b, lex)
    if not known and toks[a].text.startswith(lex.adverbial_openers) and is_definite(toks[a]):
        return False  # "وذكر بالمناسبة ببعض تفاصيل العملية": an adverbial, not a speaker
    if known or b - a == 1 and (names_a_country(toks[a].text)
                                or is_definite(toks[a]) and has_stem(toks[a], lex.documents)):
        return True  # (a country as the speaker: "وأكدت إيران مقتل 5"; "كما رصد التقرير 197")
    if any(tok.text.endswith(lex.speech_suffixes) and not tok.text.endswith(lex.not_speech_endings)
           and len(tok.text) > 3 for tok in toks[a + 1:b]):
        return False  # "وأضاف نكرر شكرنا وتقديرنا": the words said, not who said them
    if b >= len(toks) or _broken(norm, toks[b - 1], toks[b]):
        return True
    nxt = toks[b]
    if b - a >= lex.max_words or _DIGIT.search(nxt.text) or nxt.start in figures:
        return False
    if b - a <= REPORTED_EVENT_SPEAKER_WORDS and all(is_definite(tok) for tok in toks[a:b]) \
            and any(stem in triggers().masdars for stem in nxt.stems) \
            and not has_stem(nxt, triggers().past_forms):  # ("إعلان الهدنة قتل 5": a verb)
        return True  # "وأوضح التقرير اعتقال 476 شخصا", "أعلن الإنتربول السعودي القبض على"
    return has_stem(nxt, lex.stops) and not triggers().entries.contains(nxt)


def _known_kind(toks: Sequence[Token], a: int, b: int, lex: AttributionLexicon) -> str | None:
    """Kind of a speaker phrase from its head words, or None when no head word is known."""
    kinds = lex.kinds
    for i in range(a, b):
        if kinds.keys.isdisjoint(toks[i].stems):  # opens no head: no call
            continue
        hit = kinds.match_at(toks, i, b)
        if hit is not None:
            return str(hit[1])
    return None


def _kind(toks: Sequence[Token], a: int, b: int, lex: AttributionLexicon) -> str:
    return _known_kind(toks, a, b, lex) or ("person" if b - a >= 2 else "organization")


def _mention(norm: str, toks: Sequence[Token], a: int, b: int, cue: tuple[NormOffset, NormOffset],
             lex: AttributionLexicon, via: tuple[SourceMention, ...] = (),
             lam: str = "", after: bool = False) -> SourceMention:
    """A speaker phrase; after a prepositional cue its glued lam is left out ("وفقاً لمصادر")."""
    start, end = toks[a].start, toks[b - 1].end
    if lam and toks[a].text.startswith(lam) and has_preposition(toks[a]):
        start = NormOffset(start + len(lam))
    return SourceMention(start, end, norm[start:end], _kind(toks, a, b, lex), cue[0], cue[1], via,
                         after)


def _following(m: SourceMention, after: bool) -> SourceMention:
    """``dataclasses.replace(m, after=after)`` at a fraction of its cost."""
    return SourceMention(m.start, m.end, m.text, m.kind, m.cue_start, m.cue_end, m.via, after)


def _preceding_subject(norm: str, toks: Sequence[Token], i: int, lex: AttributionLexicon) -> int:
    """Start of a subject written before its reporting verb ("الجيش قال"), or ``i`` if none."""
    a = i
    while a > 0 and i - a < lex.max_words:
        prev = toks[a - 1]
        if _broken(norm, prev, toks[a]) or _DIGIT.search(prev.text) or has_stem(prev, lex.stops) \
                or has_stem(prev, persons().subject_openers):
            break
        a -= 1
    # a subject that starts the clause, maybe after an auxiliary ("وكانت الوزارة أعلنت"), and
    # has a known head ("الجيش الإسرائيلي قال")
    opens = a == 0 or _broken(norm, toks[a - 1], toks[a]) \
        or has_stem(toks[a - 1], persons().subject_openers) \
        or a > 1 and toks[a - 1].text in lex.that and toks[a - 2].text in lex.contrast_openers
    if a < i and opens and (_known_kind(toks, a, i, lex) or _names_a_state(toks, a, i)):
        return a
    return i


def _topic_subject(norm: str, toks: Sequence[Token], i: int, lex: AttributionLexicon
                   ) -> tuple[int, int] | None:
    """The speaker of a reporting verb at token ``i`` that "ف" resumes a topic with ("أما
    وكالة سبأ للأنباء التي يسيطر عليها المتمردون، فقالت"): the known speaker phrase right after
    "أما", up to its relative pronoun or comma; None when the verb resumes none."""
    if not toks[i].text.startswith(lex.topic_resumptive) \
            or toks[i].text[len(lex.topic_resumptive):] not in toks[i].stems \
            or i + 1 < len(toks) and _known_kind(toks, i + 1, i + 2, lex) is not None:
        return None  # (not "أما في الزبداني، فذكر تقرير لناشطين": the verb's own subject follows)
    for a in range(i - 1, max(-1, i - 1 - lex.topic_reach), -1):
        if has_stem(toks[a], lex.topic_openers):
            s = a + 1
            if s < i and (toks[s].text in lex.topic_not_speakers or has_stem(toks[s], lex.stops)):
                return None  # "أما في البعد العسكري": a topic of no speaker
            e = next((k for k in range(s + 1, i) if has_stem(toks[k], lex.relative_pronouns)
                      or _broken(norm, toks[k - 1], toks[k])), i)
            return (s, e) if s < e and _known_kind(toks, s, e, lex) is not None else None
        if _DIGIT.search(toks[a].text) or a < i - 1 and has_stem(toks[a], lex.verbs):
            return None
    return None


_COMMA = re.compile(r"[,\u060c]")  # an apposition's comma (quotes, unlike it, may stand in a name)


def _relative_head(norm: str, toks: Sequence[Token], i: int, lex: AttributionLexicon
                   ) -> tuple[int, int] | None:
    """The noun a relative pronoun right before reporting verb ``i`` refers back to, when it
    is a speaker of a known kind ("الأنباء التي تحدثت", "مصادر طبية التي أفادت", "الوزارة، التي
    أعلنت"): from the nearest known head within ``relative_head_words`` words to the pronoun;
    None otherwise."""
    if i < 2 or not has_stem(toks[i - 1], lex.relative_pronouns) \
            or _broken(norm, toks[i - 2], toks[i - 1]) \
            and not _COMMA.fullmatch(norm[toks[i - 2].end:toks[i - 1].start].strip()) \
            or i + 1 < len(toks) and _known_kind(toks, i + 1, i + 2, lex) is not None:
        return None  # (not "الموقع الذي تقول وكالات الإغاثة": the verb's own subject follows)
    head = None
    for a in range(i - 2, max(-1, i - 2 - lex.relative_head_words), -1):
        if a < i - 2 and _broken(norm, toks[a], toks[a + 1]) \
                or has_stem(toks[a], lex.anaphoric_after):  # "المصدر نفسه الذي": named back
            break
        known = _known_kind(toks, a, a + 1, lex) is not None
        if head is not None and (is_definite(toks[a]) or not known):
            break  # (not "نفى الجيش التقارير التي": two phrases)
        if known:
            head = a  # and the construct's head before it ("وزارة الداخلية البحرينية، التي")
    return (head, i - 1) if head is not None else None


def _event_verb_at(toks: Sequence[Token], k: int) -> bool:
    """Whether an event verb opens at token ``k`` ("أعدمت"; not a verbal noun, "الإنقاذ")."""
    hit = triggers().entries.match_at(toks, k)
    return hit is not None and hit[1].role == "verb"


def _framed_subject(norm: str, toks: Sequence[Token], i: int, lex: AttributionLexicon
                    ) -> tuple[int, int] | None:
    """The subject an auxiliary opens before reporting verb ``i`` when appositions set off by
    commas stand between ("وكان الكاردينال ليوبولدو برينيس، رئيس مجلس الأساقفة، قد قال"): from
    after the auxiliary to its first comma (or to a quoted name's closing quote right before the
    verb), a known kind of speaker or a definite phrase of two words or more; with no comma,
    :func:`_plain_framed`. None when no auxiliary opens the clause within ``frame_reach`` words,
    or a figure, another cue or an event verb stands between ("المكونة من" is no cue)."""
    j = i - 1 if i > 0 and has_stem(toks[i - 1], context().modal) else i
    for p in range(j - 1, max(-1, j - 1 - lex.frame_reach), -1):
        tok = toks[p]
        if _DIGIT.search(tok.text) or has_stem(tok, lex.verbs) and not is_definite(tok) \
                or lex.prepositions.match_at(toks, p) is not None or _event_verb_at(toks, p):
            return None  # (not "شركة النقل": a noun; "المكونة من": no cue)
        if has_stem(tok, lex.auxiliaries) and (p == 0 or _broken(norm, toks[p - 1], tok)
                                               or starts_with_conjunction(tok)):
            b = next((k for k in range(p + 2, j + 1)
                      if _COMMA.search(norm, toks[k - 1].end, toks[k].start)), None)
            if b is None and j > p + 1 and _broken(norm, toks[j - 1], toks[j]):
                b = j  # "وكانت "رويترز" قالت": a quoted name right before the verb
            if b is None:
                return _plain_framed(norm, toks, p + 1, j, lex)
            if not p + 1 < b <= p + 1 + lex.max_words:
                return None
            kind = _known_kind(toks, p + 1, b, lex)  # (not "كان وقتا خطيرا": a predicate)
            return (p + 1, b) if kind is not None or b - p - 1 >= 2 and is_definite(toks[p + 1]) \
                else None
    return None


def _plain_framed(norm: str, toks: Sequence[Token], a: int, b: int, lex: AttributionLexicon
                  ) -> tuple[int, int] | None:
    """The subject ``[a, b)`` between an auxiliary and its reporting verb with no comma between,
    when the plain order (:func:`_preceding_subject`) found no head it knows ("وكان مدير الصحة
    في عدن فلان أعلن", "وكان تقرير حقوقي كشف", "وكانت منظمة "نافذة على الحرية" أعلنت"): a
    phrase of at most ``max_words`` words that opens with no stop word ("وكانت حصيلة سابقة
    أفادت": the toll's owner is the speaker before) and holds no verb, event word, relative
    pronoun or complementizer, and no punctuation but quote marks; None otherwise."""
    if not 0 < b - a <= lex.max_words or has_stem(toks[a], lex.stops) \
            or toks[a].text.endswith(lex.pronoun_suffixes) and len(toks[a].text) > 3 \
            and not _known_kind(toks, a, a + 1, lex):  # "وكانت وزارته قالت": named before
        return None
    events = triggers().entries
    for k in range(a, b):
        tok = toks[k]
        if k > a and norm[toks[k - 1].end:tok.start].strip() not in ("", '"') \
                or has_stem(tok, lex.verbs) and not is_definite(tok) \
                or events.contains(tok) and not _named_by(toks, k) \
                or has_stem(tok, lex.relative_pronouns) or tok.text in lex.that:
            return None
    return a, b


def _names_a_state(toks: Sequence[Token], a: int, b: int) -> bool:
    """Whether tokens ``[a, b)`` (an auxiliary "قد" aside) are one country or capital name
    speaking for its state ("وكانت طهران أعلنت", "وكانت روسيا قد أعلنت")."""
    if b - a == 2 and has_stem(toks[b - 1], context().modal):
        b -= 1
    return b - a == 1 and any(stem in tables().names for stem in toks[a].stems)


def _quoted_after(norm: str, toks: Sequence[Token], j: int, lex: AttributionLexicon,
                  figures: frozenset[int]) -> tuple[int, int] | None:
    """Token range of the speaker after a via marker ("عن", "نقلا عن") at token ``j``, if any."""
    hit = lex.via.match_at(toks, j) if j < len(toks) else None
    if hit is None:
        return None
    a = j + hit[0]
    c = _speaker(norm, toks, a, lex, figures)
    return (a, c) if c > a else None


def _outlet_voice(toks: Sequence[Token], i: int, lex: AttributionLexicon) -> int:
    """Tokens of an own-voice phrase of the outlet at token ``i`` ("يشار إلى", "يذكر أن", "ويعتقد
    أن" opening its clause, not "طائرة، يعتقد أنها روسية،"), or 0."""
    hit = lex.outlet_voice.match_at(toks, i)
    if hit is None:
        return 0
    n, when = hit
    if when != "always" and not (i + n < len(toks) and has_stem(toks[i + n], lex.that)):
        return 0
    if when == "opening_before_that" and not (i == 0 or starts_with_conjunction(toks[i])):
        return 0
    return n


@dataclass(frozen=True, slots=True)
class _Found:
    """A source mention and the index of the token after it: the tokens before that index
    belong to it, the search goes on from there."""

    mention: SourceMention
    after: int


def _by_preposition(norm: str, toks: Sequence[Token], i: int, lex: AttributionLexicon,
                    figures: frozenset[int]) -> _Found | None:
    """The speaker of a prepositional cue at token ``i`` ("بحسب المرصد", "وفقاً لمصادر
    طبية"), its glued lam left out."""
    hit = lex.prepositions.match_at(toks, i)
    if hit is None:
        return None
    n = hit[0]
    a = _owner_start(toks, i + n, lex)
    b = _speaker(norm, toks, a, lex, figures, lam_first=True)
    if b <= a or has_stem(toks[a], lex.not_speakers):  # "وفق الخطط المعدة": how, not who
        return None
    if has_stem(toks[a - 1], lex.documents) \
            and all(has_stem(toks[k], lex.document_qualifiers) for k in range(a, b)):
        a -= 1  # "بحسب حصيلة رسمية": the toll speaks, not its adjective
    if b - a <= 2 and a + 1 < len(toks) and has_stem(toks[a + 1], lex.anaphoric_after) \
            or _own_information(toks, a, b, lex):
        # "بحسب المصدر ذاته", "بحسب المعلومات الأولية": the speaker named before, before or
        # after the figure
        cue = (toks[i].start, toks[i + n - 1].end)
        return _Found(SourceMention(toks[a + 1].end, toks[a + 1].end, "", "carry", *cue, (), True),
                      a + 2)
    return _Found(_mention(norm, toks, a, b, (toks[i].start, toks[i + n - 1].end), lex,
                           lam=lex.lam, after=_names_anew(toks, a, lex)), b)


def _in_a_document(norm: str, toks: Sequence[Token], i: int, lex: AttributionLexicon,
                   figures: frozenset[int]) -> _Found | None:
    """The owner of the document a content verb at token ``i`` quotes ("وجاء في بيان للجيش أن",
    "وجاء في بيان منسوب للجماعة أن", "ورد في تقرير الأمم المتحدة"), or the document when it names
    none ("وجاء في البيان"); None when no document follows "جاء في"."""
    if not (i + 2 < len(toks) and has_stem(toks[i + 1], lex.content_prepositions)
            and (has_stem(toks[i + 2], lex.documents) or _latest_document(toks, i + 2, lex))):
        return None
    a = _owner_start(toks, i, lex)
    b = _speaker(norm, toks, a, lex, figures, lam_first=True)
    if b <= a:
        return None
    cue = (toks[i].start, toks[i + 1].end)
    return _Found(_mention(norm, toks, a, b, cue, lex, lam=lex.lam), b)


def _own_information(toks: Sequence[Token], a: int, b: int, lex: AttributionLexicon) -> bool:
    """Whether the speaker phrase ``[a, b)`` is the speaker's own information ("المعلومات
    الأولية"): a definite word of ``own_information`` and no owner with lam after it."""
    return toks[a].text in lex.own_information and not any(
        toks[j].text.startswith(lex.lam) for j in range(a + 1, b))


def _subject_of_verb(norm: str, toks: Sequence[Token], i: int, a: int, lex: AttributionLexicon,
                     figures: frozenset[int]) -> _Found:
    """Subject-verb order (the subject at tokens ``[a, i)``): what follows the verb is its
    object ("الإعلام الرسمي اتهم التحالف"), unless it quotes a source ("وكانت الوكالة نقلت عن
    مصدر عسكري": the source is the one quoted, via the subject)."""
    tok = toks[i]
    cue = (tok.start, tok.end)
    # "وكانت الوزارة قد أعلنت": the auxiliary "قد" is no part of the subject
    end = i - 1 if i - 1 > a and has_stem(toks[i - 1], context().modal) else i
    subject = _mention(norm, toks, a, end, cue, lex)
    quoted = _quoted_after(norm, toks, i + 1, lex, figures)
    if quoted and _plausible(norm, toks, *quoted, lex, figures):
        return _Found(_mention(norm, toks, *quoted, cue, lex, (subject,)), quoted[1])
    return _Found(subject, i + 1)


ACCUSER_KINDS = frozenset((*ORG_KINDS, "anonymous"))  # a speaker phrase's kinds that name a body
ACCUSED_HEADS = frozenset((*HEAD_KINDS, "anonymous"))  # ... or a word that may open the accused
ACCUSED_WORDS = 4  # "أنقرة | حزب العمال الكردستاني بتنفيذه": the accused's words at most


def _accuser_end(toks: Sequence[Token], a: int, b: int) -> int:
    """Where the accuser after a verb of accusing ends in ``[a, b)`` ("اتهم X Y بـ ..."): before
    the accused Y, the last known body ("حزب الله | إسرائيل", "إسرائيل | حركة حماس") or people
    ("الجيش | المسلحين") of at most :data:`ACCUSED_WORDS` words right before the "ب" of the
    charge; else before the charge ("النظام | بتنفيذه"); ``b`` when no charge follows."""
    lex = attribution()
    c = next((k for k in range(a + 1, min(b + 1, len(toks)))
              if has_preposition(toks[k]) and toks[k].text.startswith(lex.charge)
              and not has_stem(toks[k], lex.name_openers)), None)
    if c is None:
        return b
    for j in range(c - 1, max(a, c - 1 - ACCUSED_WORDS), -1):
        if _opens_accused(toks, j) and resolve_source(_words_of(toks, a, j)).kind in ACCUSER_KINDS:
            return j
    return c


def _opens_accused(toks: Sequence[Token], j: int) -> bool:
    """Whether token ``j`` may open the accused: a known body or people on its own, with no
    conjunction or preposition glued to it, not the name after a bare head ("حركة | حماس" is one
    body)."""
    tok = toks[j]
    if starts_with_conjunction(tok) or has_preposition(tok):
        return False  # "دمشق وموسكو": a second accuser; "للرئيس": no object
    head = resolve_source(tok.text).kind in ACCUSED_HEADS or has_stem(tok, persons().plural)
    before = resolve_source(toks[j - 1].text)
    after_bare_head = not has_article(toks[j - 1]) and before.id is None \
        and before.kind in ACCUSED_HEADS
    return head and not after_bare_head


def _words_of(toks: Sequence[Token], a: int, b: int) -> str:
    return " ".join(t.text for t in toks[a:b])


def _before_object(toks: Sequence[Token], a: int, b: int, lex: AttributionLexicon) -> int:
    """Where a speaker of a known kind ends before the verb's object document ("كشف الجيش
    المصري | نتائج البيان"; ``attribution.yaml`` object_documents): ``b`` when none."""
    for j in range(a + 1, b):
        if has_stem(toks[j], lex.object_documents) and _known_kind(toks, a, j, lex) is not None:
            return j
    return b


def _speaker_after_verb(norm: str, toks: Sequence[Token], i: int, that_verb: bool,
                        lex: AttributionLexicon, figures: frozenset[int]) -> _Found | None:
    """Verb-subject order: the speaker after the verb at token ``i`` (and the source it quotes,
    if of a known kind); with no speaker there, the source the verb quotes ("ونقل عن مصدر
    عسكري") or a continuation verb's ``carry`` ("وأضاف أن"). None when the words after the verb
    read as no speaker."""
    tok = toks[i]
    cue = (tok.start, tok.end)
    start = _speaker_start(toks, i + 1, lex)
    s0 = _latest_document_owner(norm, toks, start, lex)
    lam = lex.lam if s0 != start else ""  # "آخر حصيلة للمرصد": the owner's lam left out
    b = _before_object(toks, s0, _speaker(norm, toks, s0, lex, figures), lex)
    # "اتهم X Y بـ", "ندد X بأعمال العنف": the accused, or what is condemned, bounds the speaker
    accuser = (has_stem(tok, lex.accuse_verbs) or has_stem(tok, lex.quoting_verbs)) \
        and (end := _accuser_end(toks, s0, b)) < b
    if accuser:
        b = end  # the accused after it bounds the speaker, as a stop word would
    if that_verb and not (b < len(toks) and toks[b].text in lex.that
                          and not _broken_but_quoted(norm, toks[b - 1], toks[b])):
        return None  # "بين الطرفين، وأن": the preposition "between"
    if b > s0 and (not (accuser or _plausible(norm, toks, s0, b, lex, figures))
                   or _claims_responsibility(toks, b, lex)):
        return None
    if b > s0:
        first = _mention(norm, toks, s0, b, cue, lex, lam=lam)
        aside = _aside(toks, i, s0, b, lex)
        quoted = _quoted_after(norm, toks, _past_time_words(toks, b, lex), lex, figures)
        if quoted and _known_kind(toks, *quoted, lex):  # "على ما أورد مراسلنا نقلا عن الوزارة"
            return _Found(_mention(norm, toks, *quoted, cue, lex, (first,), after=aside), quoted[1])
        return _Found(_following(first, aside), b)
    # "ونقل عن مصدر عسكري": the verb's own subject is unsaid
    quoted = _quoted_after(norm, toks, s0, lex, figures)
    if quoted and _plausible(norm, toks, *quoted, lex, figures):
        return _Found(_mention(norm, toks, *quoted, cue, lex), quoted[1])
    return _Found(SourceMention(tok.end, tok.end, "", "carry", cue[0], cue[1]), i + 1)


def _report_noun(norm: str, toks: Sequence[Token], i: int, lex: AttributionLexicon,
                 figures: frozenset[int]) -> _Found | None:
    """The speaker after a report's verbal noun at token ``i``, when the reported event or
    "أن" follows it ("بعد إعلان الجيش مقتل 71 مسلحا"; not "إعلان الهدنة", "الإعلان عن", nor
    "السباقة لإعلان قيام ...", whose speaker is before it)."""
    if is_definite(toks[i]) or has_preposition(toks[i]):
        return None
    found = _speaker_after_verb(norm, toks, i, False, lex, figures)
    if found is None or found.mention.kind == "carry" or found.after >= len(toks):
        return None
    nxt = toks[found.after]
    return found if nxt.text in lex.that or triggers().entries.contains(nxt) else None


def _says_nothing_here(norm: str, toks: Sequence[Token], i: int, lex: AttributionLexicon) -> bool:
    """Whether a verb that speaks only in some settings does not here: "سجل" without a document
    after it at the head of its clause ("سجلت المدينة 5 إصابات"; but "وسجل تقرير"), "شدد"
    without its "على" near ("شددت السلطات التدابير": tightened), "دان" or "شرح" without
    "قائلا" near ("ودان المجلس الهجوم")."""
    tok = toks[i]
    if has_stem(tok, lex.document_verbs):  # (also "سجل المرصد": a body that keeps records)
        return not (i + 1 < len(toks) and (has_stem(toks[i + 1], lex.documents)
                                           or _known_kind(toks, i + 1, i + 2, lex) in ORG_KINDS)
                    and _opens_clause(norm, toks, i, lex))
    ahead = range(i + 1, min(i + 1 + lex.stress_reach, len(toks)))
    if has_stem(tok, lex.quoting_verbs):  # "ودان المفوض مقتل الصحفية، قائلا: ..."
        return not any(has_stem(toks[k], lex.quoting_words) for k in ahead)
    return has_stem(tok, lex.stress_verbs) and not any(
        has_stem(toks[k], lex.stress_preposition) for k in ahead)


def _source_at(norm: str, toks: Sequence[Token], i: int, lex: AttributionLexicon,
               figures: frozenset[int]) -> _Found | None:
    """The attribution a cue at token ``i`` opens, tried in this order: the article's own voice
    ("يذكر أن"), a preposition ("بحسب"), a reporting verb (or "ما قاله") with its subject
    before it or its speaker after it. None when the token opens none."""
    tok = toks[i]
    relative = _relative_verb(toks, i, lex)  # "ما قاله": a reporting verb with its object
    if lex.cue_words.isdisjoint(tok.stems) and not relative:
        return None
    if has_stem(tok, lex.continuing_participles):  # ". مؤكدة مقتل 40 مسلحا": the speaker goes on
        return _Found(SourceMention(tok.end, tok.end, "", "carry", tok.start, tok.end), i + 1) \
            if i == 0 else None
    if _says_nothing_here(norm, toks, i, lex):
        return None
    voice = _outlet_voice(toks, i, lex)
    if voice:  # "يذكر أن": the article's own voice, no speaker carried over
        end = toks[i + voice - 1].end
        return _Found(SourceMention(end, end, "", "outlet", tok.start, end), i + voice)
    found = _by_preposition(norm, toks, i, lex, figures)
    if found is not None:
        return found
    if has_stem(tok, lex.content_verbs):
        return _in_a_document(norm, toks, i, lex, figures)
    if has_stem(tok, lex.report_nouns):
        return _report_noun(norm, toks, i, lex, figures)
    if tok.text in lex.clause_verbs and not _opens_clause(norm, toks, i, lex):
        return None  # "مراسم نقل السفارة": a verbal noun, no relaying
    that_verb = has_stem(tok, lex.that_verbs) and _opens_clause(norm, toks, i, lex)
    if not (relative or that_verb or (has_stem(tok, lex.verbs) and not is_definite(tok))) or (
            i > 0 and (has_stem(toks[i - 1], context().negation)
                       or has_stem(toks[i - 1], lex.noun_before))):
        return None  # "رفضت الكشف عن", "مع نقل السفارة": a verbal noun
    head = None if that_verb else _relative_head(norm, toks, i, lex)
    if head is not None:  # "الأنباء التي تحدثت عن مقتل 33": the reports speak
        return _Found(_mention(norm, toks, *head, (tok.start, tok.end), lex), i + 1)
    topic = None if that_verb else _topic_subject(norm, toks, i, lex)
    if topic is not None:  # "أما وكالة سبأ التي يسيطر عليها المتمردون، فقالت"
        return _Found(_mention(norm, toks, *topic, (tok.start, tok.end), lex), i + 1)
    a = i if that_verb else _preceding_subject(norm, toks, i, lex)
    if a < i:
        return _subject_of_verb(norm, toks, i, a, lex, figures)
    framed = None if that_verb else _framed_subject(norm, toks, i, lex)
    if framed is not None:  # "وكان الكاردينال فلان، رئيس المجلس، قد قال"
        return _Found(_mention(norm, toks, *framed, (tok.start, tok.end), lex), i + 1)
    return _speaker_after_verb(norm, toks, i, that_verb, lex, figures)


def _sentence_sources(norm: str, toks: Sequence[Token], lex: AttributionLexicon,
                      figures: frozenset[int]) -> list[SourceMention]:
    """The attributions of one sentence, left to right (:func:`_source_at` at each possible
    cue); the words of a source found are not read again as cues."""
    out: list[SourceMention] = []
    after = 0  # tokens before this index belong to the last source found
    not_cue, not_relative = lex.cue_words.isdisjoint, lex.relative.isdisjoint
    neither = lex.cues_or_relatives.isdisjoint
    after_relative = False  # whether the previous word is "ما" ("ما قاله")
    for i, tok in enumerate(toks):
        # a cue word, or a word after "ما", may open an attribution; most words are neither
        stems = tok.stems
        if neither(stems):
            may_cue, after_relative = after_relative, False
        else:
            may_cue = after_relative or not not_cue(stems)
            after_relative = not not_relative(stems)
        if not may_cue or i < after:
            continue
        found = _source_at(norm, toks, i, lex, figures)
        if found is not None:
            out.append(found.mention)
            after = found.after
    return out


def _token_starts_of_counts(doc: Document, starts: list[int]) -> frozenset[int]:
    """Start offsets of the tokens in which a figure begins (``starts``: of every token), but
    for a figure of speakers: a dual of a speaker's noun ("مصدران عسكريان", "مسؤولان"), or a
    figure whose noun, maybe after "من", is one ("وقال عدد من الشهود إن")."""
    out = set()
    lex = attribution()
    toks = doc.tokens
    partitive = persons().partitive
    for c in doc.counts:
        if c.noun is not None and lex.anonymous_head(c.noun):
            continue
        k = bisect.bisect_right(starts, c.start) - 1
        if k < 0:
            continue
        j = bisect.bisect_left(starts, c.end)  # the word after the figure
        if j < len(toks) and has_stem(toks[j], partitive):
            j += 1
        if j < len(toks) and lex.anonymous_head(toks[j].stems[-1]):
            continue
        out.add(starts[k])
    return frozenset(out)


def find_sources(doc: Document) -> Document:
    """Stage: attributions of every sentence (normalized offsets; none sought in a document
    that can hold no claim, :attr:`Document.claimless`)."""
    if doc.claimless:
        return doc
    lex = attribution()
    starts, _ = word_starts(doc.tokens, doc.norm)
    figures = _token_starts_of_counts(doc, starts)
    found: list[SourceMention] = []
    title_end = doc.norm_title_end
    for s, e in doc.sentences:
        lo, hi = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
        toks = doc.tokens[lo:hi]
        if s < title_end:
            found.extend(_title_speaker(doc.norm, toks, min(e, title_end), lex))
        found.extend(_sentence_sources(doc.norm, toks, lex, figures))
    return doc.with_(sources=tuple(found))


def _title_speaker(norm: str, toks: Sequence[Token], end: int, lex: AttributionLexicon
                   ) -> list[SourceMention]:
    """The speaker a headline opens with before a colon ("مراسلون بلا حدود: 65 صحفيا قتلوا",
    "الأمم المتحدة: نزوح 50 ألف شخص"): a phrase of a known kind, not a state alone ("سوريا:"
    names the topic) nor a label ("شاهد:", "عاجل:")."""
    colon = norm.find(":", toks[0].start if toks else 0, end)
    if colon < 0:
        return []
    b = bisect.bisect_right([t.end for t in toks], colon)
    if not 0 < b <= lex.max_words or _known_kind(toks, 0, b, lex) is None \
            or _names_a_state(toks, 0, b) or has_stem(toks[0], lex.headline_labels):
        return []
    return [_mention(norm, toks, 0, b, (NormOffset(colon), NormOffset(colon + 1)), lex)]

