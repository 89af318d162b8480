"""Stage: what real-world quantity each claim counts.

Reconciliation (:mod:`rasd.reconcile`) may only compare claims that count the same quantity.
This stage reads the claim's clause (its sentence, cut at a new-clause word such as "فيما") and
sets these claim fields from the lexicon ``quantities.yaml``:

- ``period``: an aggregate, ``since`` a start ("منذ بدء الحرب") or over a ``span`` of time
  ("خلال الأيام الخمسة الماضية", "بين عامي"); none for an incident;
- ``signature``: the attack kinds and targets named in the clause ("غارة جوية على سوق");
- ``revision``: the figure is worded as an update ("ارتفعت الحصيلة إلى 30");
- ``context``: the figure is an ``earlier`` stage of a toll ("وكانت حصيلة سابقة قد أشارت إلى"),
  a ``background`` event ("في هجوم مماثل"), or an ``additional`` count after one of the same
  type already given ("وقتل جنديان آخران");
- ``contrast``: the figure is set against another ("في حين", "نفى", "فقط");
- ``segment``: which story of a roundup article the figure belongs to (one more at each
  sentence opening with "وفي هجوم منفصل", "إلى ذلك", "من جهة أخرى" ...);
- ``part_of``: the figure follows a breakdown word ("بينهم", "منهم", "بمن فيهم") after another
  figure of the same sentence and event: the index of that whole claim in the document's claims.
"""

from __future__ import annotations

import bisect
import datetime
from collections.abc import Sequence
from dataclasses import dataclass, replace

from rasd.extractor.lexicon import PhraseSet, context, has_stem
from rasd.extractor.named import claim_names
from rasd.extractor.quantity_lexicon import QuantityLexicon, distinctive, quantity_lexicon
from rasd.model import Claim, Count, Document, OrigOffset, Period, Signature, Token
from rasd.text.published import parse_published
from rasd.text.tokens import starts_with_conjunction, word_starts

__all__ = ["mark_quantities"]

REVISION_REACH = 15  #: words before the figure searched for an update wording
                     #: ("ارتفعت حصيلة التفجير الذي وقع في المدينة أمس إلى 128")
PART_REACH = 3       #: words between a breakdown word and its figure ("بينهم 5 أطفال")


@dataclass(frozen=True)
class _Clause:
    """The tokens of a claim's clause and where its figure is among them."""

    toks: Sequence[Token]
    figure: int       #: index of the figure's first token in ``toks``
    start: int        #: normalized offset of the clause's first token
    lead: Sequence[Token] = ()  #: the two words before the clause ("في" of "في حين")


CLAUSE_REACH = 40  #: words of a clause read on each side of the figure (bounds the work)


@dataclass
class _Index:
    """What every claim of one document looks up: token, sentence and figure starts (sorted,
    for bisect), and per sentence the token positions of its new-clause words (found when a
    claim of that sentence first asks)."""

    doc: Document
    starts: list[int]
    sentence_starts: list[int]
    count_starts: list[int]
    cuts: dict[tuple[int, int], list[int]]

    @classmethod
    def of(cls, doc: Document, starts: list[int]) -> _Index:
        return cls(doc, starts, [s for s, _ in doc.sentences], [c.start for c in doc.counts], {})

    def cuts_in(self, lo: int, hi: int) -> list[int]:
        """Token positions of new-clause words among tokens ``lo``..``hi``."""
        found = self.cuts.get((lo, hi))
        if found is None:
            cut = context().new_clause
            toks = self.doc.tokens
            found = self.cuts[(lo, hi)] = [k for k in range(lo, hi)
                                           if not cut.isdisjoint(toks[k].stems)]
        return found


def _clause(doc: Document, index: _Index, nstart: int) -> _Clause:
    """The clause around normalized offset ``nstart``: its sentence, cut at new-clause words
    and at :data:`CLAUSE_REACH` words from the figure."""
    starts, sents = index.starts, doc.sentences
    si = max(0, bisect.bisect_right(index.sentence_starts, nstart) - 1) if sents else 0
    s, e = sents[si] if sents else (0, len(doc.norm))
    lo, hi = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
    at = min(max(bisect.bisect_right(starts, nstart) - 1, lo), max(lo, hi - 1))
    first, last = max(lo, at - CLAUSE_REACH), min(hi, at + CLAUSE_REACH)
    cuts = index.cuts_in(lo, hi)
    k = bisect.bisect_left(cuts, at) - 1  # the last cut before the figure
    if k >= 0 and cuts[k] > lo:
        first = max(first, cuts[k])
    k = bisect.bisect_right(cuts, at)  # the first cut after it
    if k < len(cuts):
        last = min(last, cuts[k])
    return _Clause(doc.tokens[first:last], at - first, doc.tokens[first].start if first < hi else s,
                   doc.tokens[max(lo, first - 2):first])


def _norm_offset(doc: Document, orig: int) -> int:
    """Normalized offset of an original one (the first normalized character at or after it)."""
    if not doc.n2o:
        return orig
    return min(bisect.bisect_left(doc.n2o, orig), max(0, len(doc.norm) - 1))


def _figure_offset(doc: Document, index: _Index, claim: Claim, nstart: int, nend: int) -> int:
    """Normalized start of the claim's figure inside its evidence (else the evidence start)."""
    key = claim.count.key()
    lo = bisect.bisect_left(index.count_starts, nstart)
    for k in range(lo, len(doc.counts)):  # (a slice would copy the rest of the tuple)
        cm = doc.counts[k]
        if cm.start >= nend:
            break
        if cm.count.key() == key:
            return cm.start
    if claim.subject is not None:
        return _norm_offset(doc, claim.subject.span.start)
    return nstart


def _signature(clause: _Clause, speakers: Sequence[tuple[int, int]] = ()) -> Signature | None:
    """Attack kinds and targets of the clause, outside its speakers' names ("رئيس المستشفى
    الجمهوري" names no attack on a hospital)."""
    lex = quantity_lexicon()
    toks = clause.toks
    for s, e in speakers:  # each speaker's tokens left out in turn
        toks = [t for t in toks if not s <= t.start < e]
    attacks = sorted({str(v) for _, _, v in lex.attacks.scan(toks)})
    targets = sorted(_targets(toks, lex))
    if not attacks and not targets:
        return None
    return Signature(tuple(attacks), tuple(targets))


CARE_REACH = 2  #: words after a hospital where "تسلم", "استقبل" say victims were taken there


def _targets(toks: Sequence[Token], lex: QuantityLexicon) -> set[str]:
    """The targets named in ``toks``, but a hospital victims were taken to."""
    return {str(v) for k, end, v in lex.targets.scan(toks)
            if not (v in lex.care_targets and _cared_in(toks, k, end, lex))}


def _cared_in(toks: Sequence[Token], k: int, end: int, lex: QuantityLexicon) -> bool:
    """Whether a hospital at tokens ``[k, end)`` is where victims were taken, not a target."""
    return (k > 0 and has_stem(toks[k - 1], lex.care_before)) or any(
        has_stem(t, lex.care_after) for t in toks[end:end + CARE_REACH])


LEAD_SENTENCES = 2  #: sentences of a story that state what it is about (title and lead)


def _story_signatures(doc: Document, starts: list[int], segments: list[int]) -> dict[int, Signature]:
    """Per story of the article, the incident its lead names: the distinctive attack kinds and
    targets of its first :data:`LEAD_SENTENCES` sentences (for the first story, the title and
    the lead), so that "ارتفعت الحصيلة إلى 33" in a story about a volcano is the volcano's."""
    lex = quantity_lexicon()
    seen: dict[int, int] = {}
    found: dict[int, tuple[set[str], set[str]]] = {}
    for (s, e), seg in zip(doc.sentences, segments):
        seen[seg] = seen.get(seg, 0) + 1
        if seen[seg] > LEAD_SENTENCES:
            continue
        toks = doc.tokens[bisect.bisect_left(starts, s):bisect.bisect_left(starts, e)]
        attacks, targets = found.setdefault(seg, (set(), set()))
        attacks.update(distinctive([str(v) for _, _, v in lex.attacks.scan(toks)]))
        targets.update(_targets(toks, lex))
    return {seg: Signature(tuple(sorted(a)), tuple(sorted(t)), lead=True)
            for seg, (a, t) in found.items() if a or t}


def _period(doc: Document, index: _Index, clause: _Clause) -> Period | None:
    lex = quantity_lexicon()
    lo = max(0, clause.figure - lex.period_reach)
    toks = clause.toks[lo:clause.figure + lex.period_reach]
    openers = lex.period_openers
    for k, tok in enumerate(toks):
        if openers.isdisjoint(tok.stems):  # opens no period: no call
            continue
        if has_stem(tok, lex.since_openers):
            start = k + 2 if k + 2 < len(toks) \
                and has_stem(toks[k + 1], lex.since_complementizers) else k + 1  # "منذ أن بدأت"
            if start < len(toks) and has_stem(toks[start], lex.since_starts):
                return _period_of(doc, "since", toks[k], toks[start])
        if lo + k < clause.figure:  # "حصيلة مسيرات العودة التي انطلقت في 30 مارس، وصلت إلى 115"
            hit = lex.since_relative.match_at(toks, k)
            if hit is not None:
                return _period_of(doc, "since", toks[k], toks[k + hit[0] - 1])
        hit = lex.span_phrases.match_at(toks, k)
        if hit is not None:
            return _period_of(doc, "span", toks[k], toks[k + hit[0] - 1])
        hit = lex.span_openers.match_at(toks, k)
        if hit is not None and (since := _since_after_span(clause.toks, lo + k + hit[0], lex)) \
                is not None:  # "خلال مظاهرات بدأت في": the phrase may end past the reach
            return _period_of(doc, "since", toks[k], clause.toks[since])
        if hit is not None:
            j = _unit_after(doc, index, toks, k + hit[0], lex)
            if j is not None and not _short_span(doc, index, toks, k + hit[0], j, lex):
                return _period_of(doc, "span", toks[k], toks[j])
    return None


def _since_after_span(toks: Sequence[Token], first: int, lex: QuantityLexicon) -> int | None:
    """The last token of a "that began on" phrase a few words after a span opener ("خلال
    مظاهرات حاشدة بدأت في"), else None."""
    for j in range(first, min(len(toks), first + lex.since_after_span_words + 1)):
        hit = lex.since_after_span.match_at(toks, j)
        if hit is not None:
            return j + hit[0] - 1
    return None


def _short_span(doc: Document, index: _Index, toks: Sequence[Token], first: int, unit: int,
                lex: QuantityLexicon) -> bool:
    """Whether a span is a few days at most ("خلال يومين", "خلال 3 أيام"): one incident's
    count, not an aggregate."""
    if has_stem(toks[unit], lex.short_span_units):
        return True
    if not has_stem(toks[unit], lex.day_units):
        return False
    counts = (_count_at(doc, index, toks[k]) for k in range(first, unit))
    return any(c is not None and c.value is not None and c.value <= lex.short_span_days
               for c in counts)


def _unit_after(doc: Document, index: _Index, toks: Sequence[Token], j: int,
                lex: QuantityLexicon) -> int | None:
    """Index of a time unit opening the phrase at ``j``, after at most a number ("خلال ست
    سنوات", "خلال الـ24 ساعة", "خلال الأيام الخمسة"), or None ("خلال احتفالات رأس السنة")."""
    for k in range(j, min(len(toks), j + lex.span_reach)):
        if has_stem(toks[k], lex.span_units):
            return k
        if _count_at(doc, index, toks[k]) is None:
            return None
    return None


def _count_at(doc: Document, index: _Index, tok: Token) -> Count | None:
    """The figure a token is (part of), as the number stage found it, else None."""
    lo = bisect.bisect_right(index.count_starts, tok.start) - 1
    if lo >= 0 and doc.counts[lo].start <= tok.start < doc.counts[lo].end:
        return doc.counts[lo].count
    return None


def _period_of(doc: Document, kind: str, first: Token, last: Token) -> Period:
    return Period(kind, doc.original(first.start, last.end), doc.span(first.start, last.end))


def _openers(clause: _Clause) -> list[int]:
    """Indices of the clause's words that may open what :func:`_context` and :func:`_revision`
    look for (read once for all their lexicons; most words open none)."""
    keys = quantity_lexicon().context_openers
    return [k for k, tok in enumerate(clause.toks) if not keys.isdisjoint(tok.stems)]


def _found(phrases: PhraseSet[bool], toks: Sequence[Token], openers: list[int], lo: int,
           hi: int) -> bool:
    """``phrases.found_in(toks[lo:hi])``, tried only at ``openers`` (see :func:`_openers`)."""
    lo, hi = max(0, lo), min(hi, len(toks))
    keys = phrases.keys
    return any(lo <= k < hi and not keys.isdisjoint(toks[k].stems)
               and phrases.match_at(toks, k, hi) is not None for k in openers)


def _revision(clause: _Clause, openers: list[int]) -> bool:
    lex = quantity_lexicon()
    return _found(lex.revisions, clause.toks, openers, clause.figure - REVISION_REACH,
                  clause.figure)


def _pluperfect(toks: Sequence[Token], openers: list[int], end: int, lex: QuantityLexicon) -> bool:
    """Whether "كانت الحصيلة ... قد" stands in ``toks[:end]``: an earlier stage of a toll."""
    for k in openers:
        if k >= end:
            break
        if not has_stem(toks[k], lex.pluperfect):
            continue
        span = toks[k + 1:min(end, k + 1 + lex.pluperfect_reach)]
        for j, t in enumerate(span):
            if has_stem(t, lex.pluperfect_particle):
                if any(has_stem(x, lex.toll_nouns) for x in span[:j + 2]):
                    return True
                break
    return False


def _context(clause: _Clause, openers: list[int], additional: bool) -> str | None:
    """``background``, ``earlier``, ``rising`` or ``additional`` (see
    :data:`rasd.model.CONTEXTS`)."""
    lex = quantity_lexicon()
    toks, fig, n = clause.toks, clause.figure, len(clause.toks)
    if _found(lex.background, toks, openers, 0, n):
        return "background"
    if _found(lex.earlier, toks, openers, fig - REVISION_REACH, fig) \
            or _found(lex.earlier, toks, openers, fig + 1, fig + 1 + lex.additional_reach + 2) \
            or _pluperfect(toks, openers, fig, lex):
        return "earlier"
    if _found(lex.rising, toks, openers, 0, n):
        return "rising"
    if additional and _found(lex.additional, toks, openers, fig + 1,
                             fig + 1 + lex.additional_reach):
        return "additional"
    return None


def _contrast(clause: _Clause) -> bool:
    """Whether the figure is set against another: a contrast word opens its clause or stands
    before it ("، في حين قالت الوزارة إن 5 فقط", "نفى ... أن يكون 30")."""
    lex = quantity_lexicon()
    return lex.contrast.found_in(list(clause.lead) + list(clause.toks[:clause.figure + 3]))


def _segments(doc: Document, starts: list[int]) -> list[int]:
    """Per sentence, which story of the article it belongs to: 0, then one more at each
    sentence opening with a roundup marker ("وفي هجوم منفصل", "إلى ذلك"). A marker inside a
    paragraph opens a story for the rest of that paragraph only: a lead that ends "وفي هجوم
    منفصل، قتل 11" goes back to its first story in the next paragraph."""
    lex = quantity_lexicon()
    para_starts = [ps for ps, _ in doc.paragraphs]
    out, n, base, current, para = [], 0, 0, 0, -1
    for s, e in doc.sentences:
        p = bisect.bisect_right(para_starts, s) - 1
        first = p != para
        if first:
            para, current = p, base
        k = bisect.bisect_left(starts, s)
        if k < len(doc.tokens) and doc.tokens[k].start < e \
                and not lex.segment_openers.keys.isdisjoint(doc.tokens[k].stems) \
                and lex.segment_openers.match_at(doc.tokens, k) is not None:
            n += 1
            current = n
            if first:
                base = n
        out.append(current)
    return out


def _after_part_word(clause: _Clause) -> bool:
    lex = quantity_lexicon()
    for k in range(max(0, clause.figure - PART_REACH), clause.figure):
        if lex.parts.keys.isdisjoint(clause.toks[k].stems):  # opens no part word: no call
            continue
        hit = lex.parts.match_at(clause.toks, k)
        if hit is not None and k + hit[0] <= clause.figure:
            return True
    return False


def _part_marker_after(clause: _Clause) -> bool:
    """Whether a share marker follows the figure ("5 بجروح خطيرة", "5 من بين الإصابات")."""
    lex = quantity_lexicon()
    after = clause.toks[clause.figure + 1:clause.figure + 1 + lex.part_marker_reach]
    return lex.part_markers_after.found_in(after)


def _share(clause: _Clause) -> bool:
    """Whether the figure is marked as a share of a larger count, stated or not (lexicon
    ``share_after`` / ``share_before``; asked of stated figures only: "عدد من القتلى" is how a
    vague count names its people, not a share)."""
    lex = quantity_lexicon()
    after = clause.toks[clause.figure + 1:clause.figure + 1 + lex.part_marker_reach]
    before = clause.toks[max(0, clause.figure - lex.share_before_reach):clause.figure]
    return _starts(lex.share_after, after) or lex.share_before.found_in(before) \
        or lex.share_hospital.found_in(after)  # "نقل 35 جريحا إلى مستشفى تديره"


def _share_fronted(clause: _Clause) -> bool:
    """Whether the figure follows a fronted share phrase ("ومن بين القتلى ثمانية أطفال"): a part
    of the toll of its sentence or the two before."""
    lex = quantity_lexicon()
    return lex.share_after.found_in(
        clause.toks[max(0, clause.figure - lex.share_before_reach):clause.figure])


def _starts(phrases: PhraseSet[bool], toks: Sequence[Token]) -> bool:
    """Whether a phrase opens ``toks`` (the words right after a figure)."""
    return bool(toks) and phrases.match_at(toks, 0) is not None


SHARE_REACH = 2  #: sentences back a share ("5 من بين الإصابات") looks for its whole


def _whole(claims: Sequence[Claim], i: int, figures: list[int], clauses: list[_Clause],
           sentence_of: list[int]) -> int | None:
    """The claim a part belongs to: after a breakdown word, the nearest earlier claim of its
    sentence with the same type (or a killed-or-wounded whole) and a figure at least as large;
    before a share marker, the same in its sentence or the two before."""
    part = claims[i]
    reach = 0 if _after_part_word(clauses[i]) else SHARE_REACH if (
        _part_marker_after(clauses[i]) or _share_fronted(clauses[i])) else -1
    if reach < 0:
        return None
    for j in range(i - 1, -1, -1):
        if sentence_of[i] - sentence_of[j] > reach:
            break
        whole = claims[j]
        if figures[j] >= figures[i]:
            continue
        if whole.part_of is None and (whole.type == part.type or whole.mixed) \
                and whole.count.high >= part.count.low and whole.count.key() != part.count.key():
            return j
    return None


SHORT_SINCE_DAYS = 3  #: "منذ أمس", "خلال الـ48 ساعة الماضية": a count that recent is an incident's


def _long_since(claim: Claim, published: datetime.date | None) -> bool:
    """Whether the claim's time is a "since" that makes it an aggregate: its start is unknown
    or more than :data:`SHORT_SINCE_DAYS` before publication."""
    t = claim.time
    if t is None or t.precision != "since" or t.span is None:
        return False
    start = t.day
    return start is None or published is None or (published - start).days > SHORT_SINCE_DAYS


def _speakers(doc: Document, claim: Claim) -> list[tuple[int, int]]:
    """Normalized spans of the claim's source and relays."""
    return [(doc.norm_offset(OrigOffset(m.span.start)), doc.norm_offset(OrigOffset(m.span.end)))
            for m in (claim.source, *claim.via) if m.span.end > m.span.start]


_SignatureKey = tuple[int, int, tuple[tuple[int, int], ...]]  # clause start, length, speakers


def _shared_signature(doc: Document, claim: Claim, clause: _Clause,
                      memo: dict[_SignatureKey, Signature | None]) -> Signature | None:
    """:func:`_signature` of a claim's clause without its speakers, read once per clause and
    speakers (the claims of one clause share it)."""
    speakers = tuple(_speakers(doc, claim))
    key = (clause.start, len(clause.toks), speakers)
    if key not in memo:
        memo[key] = _signature(clause, speakers)
    return memo[key]


def mark_quantities(doc: Document) -> Document:
    """Stage: set ``period``, ``signature``, ``revision``, ``context``, ``contrast``,
    ``segment``, ``part_of`` and the named person (``subject.name``) on every claim."""
    if not doc.claims:
        return doc
    starts = word_starts(doc.tokens, doc.norm)[0]
    if not starts:
        return doc
    index = _Index.of(doc, starts)
    sent_starts = index.sentence_starts
    published = parse_published(doc.published)
    claims = list(doc.claims)
    figures, clauses, sentence_of = [], [], []
    for claim in claims:
        nstart = _norm_offset(doc, claim.evidence.start)
        nend = max(nstart + 1, _norm_offset(doc, claim.evidence.end))
        fig = _figure_offset(doc, index, claim, nstart, nend)
        figures.append(fig)
        clauses.append(_clause(doc, index, fig))
        sentence_of.append(bisect.bisect_right(sent_starts, fig) - 1)
    segments = _segments(doc, starts)
    stories = _story_signatures(doc, starts, segments)
    names = claim_names(doc, starts, claims)
    out: list[Claim] = []
    signatures: dict[_SignatureKey, Signature | None] = {}
    for i, claim in enumerate(claims):
        clause = clauses[i]
        period = _period(doc, index, clause)
        if period is None and claim.time is not None and claim.time.span is not None \
                and _long_since(claim, published):
            period = Period("since", claim.time.text, claim.time.span)
        before = i > 0 and claims[i - 1].type == claim.type and sentence_of[i - 1] == sentence_of[i]
        # a figure of its type earlier in this sentence or the two before: what a contrast opposes
        follows = any(claims[j].type == claim.type and sentence_of[i] - sentence_of[j] <= 2
                      for j in range(max(0, i - 8), i))
        openers = _openers(clause)
        context = _context(clause, openers, before)
        signature = _shared_signature(doc, claim, clause, signatures)
        if signature is None and period is None and context != "background":
            signature = stories.get(segments[sentence_of[i]])
        subject = claim.subject
        if names[i] is not None and subject is not None:
            subject = replace(subject, name=names[i])
        # the whole is read off the earlier claims (marked already) and this one's type and count
        whole = _whole(claims, i, figures, clauses, sentence_of)
        # a figure marked as a share of a count not stated ("بقية المصابين وعددهم 7")
        share = whole is None and context is None and claim.count.vague is None \
            and _share(clause)
        claims[i] = replace(claim, period=period, signature=signature, subject=subject,
                            revision=_revision(clause, openers) and context != "earlier",
                            context="share" if share else context,
                            contrast=follows and _contrast(clause),
                            segment=segments[sentence_of[i]],
                            part_of=claim.part_of if whole is None else whole)
        out.append(claims[i])
    out = _summed_breakdowns(doc, starts, out, sentence_of, figures)
    return doc.with_(claims=tuple(_parts_placed(doc, out, sentence_of)))


def _exact(claim: Claim) -> int | None:
    """A claim's figure when it is one plain number (no hedge, range or vague word)."""
    c = claim.count
    return c.value if c.value is not None and c.qualifier is None and c.vague is None else None


LIST_GAP = 90  #: characters at most between two figures of one listed breakdown
LIST_ITEMS = 12  #: the most items a listed breakdown is tried with (a table row is no list)


def _summed_breakdowns(doc: Document, starts: list[int], claims: list[Claim],
                       sentence_of: list[int], figures: list[int]) -> list[Claim]:
    """Parts told by their sum: two or more exact figures of one type listed close together in
    one sentence that add up to an exact figure of that type given before them in it or the two
    sentences before ("وإصابة ستة" ... "الجرحى هم أربعة من الدرك واثنان من الأمن العام", "13
    قتيلا هم أربعة جنود وخمسة متعاقدين وأربعة إرهابيين") are parts of that figure."""
    out = list(claims)
    i = 0
    while i < len(claims):
        k = i + 1
        while k < len(claims) and claims[k].type == claims[i].type \
                and sentence_of[k] == sentence_of[i] \
                and figures[k] - figures[k - 1] <= LIST_GAP:
            k += 1
        # the longest list ending the run that sums to a whole
        for start in range(max(i, k - LIST_ITEMS), k - 1):
            whole = _summed_whole(doc, starts, claims, sentence_of, start, k)
            if whole is not None:
                for m in range(start, k):
                    out[m] = replace(claims[m], part_of=whole)
                break
        i = k
    return out


def _summed_whole(doc: Document, starts: list[int], claims: list[Claim], sentence_of: list[int],
                  start: int, end: int) -> int | None:
    """The earlier claim whose exact figure is the sum of ``claims[start:end]``, if any; where
    some of them are its parts already ("بينهم 4 جنود و5 متعاقدين"), the others must continue
    that list with "و" ("وأربعة مدنيين"), not open a clause of their own ("مقتل 10 مدنيين")."""
    members = claims[start:end]
    values = [_exact(c) for c in members]
    if any(v is None for v in values):
        return None
    total = sum(v for v in values if v is not None)
    for j in range(start - 1, -1, -1):
        if sentence_of[start] - sentence_of[j] > SHARE_REACH:
            return None
        if claims[j].type != claims[start].type or claims[j].part_of is not None \
                or _exact(claims[j]) != total:
            continue
        if any(c.part_of not in (None, j) for c in members):
            return None
        if any(c.part_of == j for c in members) and not all(
                c.part_of == j or _conjunct(doc, starts, c) for c in members):
            return None
        return j
    return None


def _conjunct(doc: Document, starts: list[int], claim: Claim) -> bool:
    """Whether a claim's words open with "و" and its figure ("وأربعة مدنيين"), not with an
    event word ("ومقتل 10 مدنيين": a clause of its own)."""
    ev, trigger = claim.evidence, claim.trigger
    k = bisect.bisect_right(starts, _norm_offset(doc, ev.start)) - 1
    return k >= 0 and starts_with_conjunction(doc.tokens[k]) and (
        trigger is None or not ev.start <= trigger.span.start <= ev.start + 1)


def _parts_placed(doc: Document, claims: list[Claim], sentence_of: list[int]) -> list[Claim]:
    """A part whose own sentence names no place ("ومن بين القتلى ثمانية أطفال" after the toll)
    happened where its whole did: it takes the whole's place, not one its sentence's neighbours
    name ("... بافتتاح السفارة في القدس")."""
    out = list(claims)
    for i, claim in enumerate(claims):
        w = claim.part_of
        if w is None or not 0 <= w < len(claims) or claims[w].location is None:
            continue
        if not 0 <= sentence_of[i] < len(doc.sentences):
            continue
        own = doc.span(*doc.sentences[sentence_of[i]])
        loc = claim.location
        if loc is None or loc.span is None or not own.start <= loc.span.start < own.end:
            out[i] = replace(claim, location=claims[w].location)
    return out

