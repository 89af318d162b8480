"""Claim assembly: figures + triggers + sources + places of a document become Claims."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Sequence

from rasd.extract import linking
from rasd.extract.lexicon import context, has_stem, persons
from rasd.extract.linking import Link, Located
from rasd.model import (Claim, Count, CountMention, Document, Location, Mention, PlaceMention,
                        SourceMention, Span, Token, Trigger)

_BREAK = re.compile(r"[\u060c\u061b,;:!?\u061f\"()\[\]\n]|\.(?!\d)")
NEGATION_WINDOW = 3
HYPOTHETICAL_WINDOW = 4
ONE_TYPES = frozenset({"killed", "injured", "arrested", "abducted", "missing"})
OUTLET = "__outlet__"


@dataclass(frozen=True, slots=True)
class Draft:
    """A claim before source, place and de-duplication are settled."""

    sentence: int
    start: int
    end: int
    type: str
    count: Count
    mixed: bool
    cost: float
    subject: tuple[int, int] | None
    anchor: int


def _breaks_between(norm: str, a: Token, b: Token) -> int:
    return len(_BREAK.findall(norm, a.end, b.start))


def _breaks(norm: str, toks: Sequence[Token], x: Located, y: Located) -> int:
    left, right = (x, y) if x.hi <= y.lo else (y, x)
    if right.lo <= left.hi - 1 or right.lo >= len(toks):
        return 0
    return len(_BREAK.findall(norm, toks[left.hi - 1].end, toks[right.lo].start))


def _blocked(toks: Sequence[Token], lo: int) -> bool:
    """Negated or hypothetical context before token ``lo`` ("لم تسجل", "يعتزم إرسال", "قد يقتل")."""
    ctx = context()
    for k in range(max(0, lo - NEGATION_WINDOW), lo):
        if has_stem(toks[k], ctx.negation):
            return True
    for k in range(max(0, lo - HYPOTHETICAL_WINDOW), lo):
        tok = toks[k]
        if has_stem(tok, ctx.hypothetical):
            return True
        if has_stem(tok, ctx.modal) and k + 1 < len(toks) and toks[k + 1].text.startswith(
                ctx.present_prefixes):
            return True
    return False


def _sentence_drafts(doc: Document, si: int, toks: Sequence[Token], counts: list[CountMention],
                     trigs: list[Trigger]) -> list[Draft]:
    norm = doc.norm
    c_loc = [linking.token_range(toks, c.start, c.end) for c in counts]
    t_loc = [linking.token_range(toks, t.start, t.end) for t in trigs]
    trigger_tokens = {k for t in t_loc for k in range(t.lo, t.hi)}
    out: list[Draft] = []
    linked_triggers: set[int] = set()
    for ci, (cm, c) in enumerate(zip(counts, c_loc)):
        if cm.kind != "count":
            continue
        links: list[tuple[Link, int]] = []
        for ti, (trig, t) in enumerate(zip(trigs, t_loc)):
            if not linking.is_strike_link(cm, c, t, trig):
                continue
            lo, hi = (t.hi, c.lo) if t.hi <= c.lo else (c.hi, t.lo)
            between = sum(1 for o in c_loc if o is not c and lo <= o.lo and o.hi <= hi)
            cost = linking.link_cost(c, t, trig, _breaks(norm, toks, c, t), between)
            links.append((Link(trig, cost), ti))
        if not links:
            continue
        best, bi = min(links, key=lambda lt: lt[0].cost)
        if best.cost > linking.MAX_COST:
            continue
        trig = best.trigger
        adjacent = t_loc[bi].lo == c.hi
        if linking.counts_objects(toks, c) and not adjacent and trig.type != "strikes":
            continue
        if trig.type in _needs_person() and not linking.counts_people(toks, c):
            continue
        if _blocked(toks, min(c.lo, t_loc[bi].lo)):
            continue
        chosen = [(best, bi)]
        # coordinated triggers: "اعتقال وقتل عدد من" -> arrested and killed
        for link, ti in links:
            if ti != bi and t_loc[ti].hi == t_loc[bi].lo and link.trigger.type != trig.type \
                    and not link.trigger.mixed and not trig.mixed:
                chosen.append((link, ti))
        subj = linking.subject_range(toks, c, trigger_tokens)
        for link, ti in chosen:
            linked_triggers.add(ti)
            t = t_loc[ti]
            lo, hi = min(c.lo, t.lo), max(c.hi, t.hi, subj.hi if subj else 0)
            out.append(Draft(si, toks[lo].start, toks[hi - 1].end, link.trigger.type, cm.count,
                             link.trigger.mixed, link.cost,
                             (toks[subj.lo].start, toks[subj.hi - 1].end) if subj else None,
                             cm.start))
    out.extend(_singles(toks, trigs, t_loc, linked_triggers, si))
    return out


def _singles(toks: Sequence[Token], trigs: list[Trigger], t_loc: list[Located],
             linked: set[int], si: int) -> list[Draft]:
    """Count-of-one claims: an event verb or noun followed by one person ("قُتل شاب")."""
    lex = persons()
    out: list[Draft] = []
    for ti, (trig, t) in enumerate(zip(trigs, t_loc)):
        if ti in linked or trig.type not in ONE_TYPES or trig.role not in ("verb", "masdar"):
            continue
        if t.hi >= len(toks) or _blocked(toks, t.lo):
            continue
        nxt = toks[t.hi]
        if has_stem(nxt, lex.singular) and not has_stem(nxt, lex.plural):
            out.append(Draft(si, toks[t.lo].start, nxt.end, trig.type, Count(value=1),
                             trig.mixed, 2.0, (nxt.start, nxt.end), nxt.start))
    return out


def _needs_person() -> frozenset[str]:
    from rasd.extract.lexicon import triggers
    return triggers().needs_person


def _sentence_of(doc: Document, pos: int) -> int:
    starts = [s for s, _ in doc.sentences]
    return max(0, bisect.bisect_right(starts, pos) - 1)


class _SourceResolver:
    """Picks the source of a figure: its sentence's attribution, else the carried speaker."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.by_sentence: dict[int, list[SourceMention]] = {}
        for sm in doc.sources:
            self.by_sentence.setdefault(_sentence_of(doc, sm.cue_start), []).append(sm)
        self.paragraph_of = self._paragraphs()

    def _paragraphs(self) -> list[int]:
        pstarts = [s for s, _ in self.doc.paragraphs]
        return [max(0, bisect.bisect_right(pstarts, s) - 1) for s, _ in self.doc.sentences]

    def _last_named(self, si: int) -> SourceMention | None:
        for sj in range(si - 1, -1, -1):
            for sm in reversed(self.by_sentence.get(sj, [])):
                if sm.kind != "carry":
                    return sm
        return None

    def resolve(self, si: int, pos: int) -> SourceMention | None:
        mentions = self.by_sentence.get(si, [])
        before = [sm for sm in mentions if sm.cue_start <= pos]
        after = [sm for sm in mentions if sm.cue_start > pos]
        chosen = before[-1] if before else (after[0] if after else None)
        if chosen is not None and chosen.kind == "carry":
            earlier = [sm for sm in before[:-1] if sm.kind != "carry"]
            return earlier[-1] if earlier else self._last_named(si)
        return chosen


def _place_for(doc: Document, draft: Draft, fallback: PlaceMention | None) -> PlaceMention | None:
    s, e = doc.sentences[draft.sentence]
    inside = [p for p in doc.places if s <= p.start < e]
    after = [p for p in inside if p.start >= draft.anchor]
    if after:
        return after[0]
    if inside:
        return inside[-1]
    for sj in range(draft.sentence - 1, -1, -1):
        ps, pe = doc.sentences[sj]
        prev = [p for p in doc.places if ps <= p.start < pe]
        if prev:
            return prev[-1]
    return fallback


def _article_place(doc: Document) -> PlaceMention | None:
    title = [p for p in doc.places if p.start < doc.title_end]
    if title:
        return title[0]
    return doc.places[0] if doc.places else None


def _source_mention(doc: Document, sm: SourceMention | None) -> tuple[Mention, tuple[Mention, ...]]:
    if sm is None:
        return Mention(doc.outlet or OUTLET, Span(0, 0), "outlet"), ()
    via = tuple(Mention(doc.original(v.start, v.end), doc.span(v.start, v.end), v.kind)
                for v in sm.via)
    return Mention(doc.original(sm.start, sm.end), doc.span(sm.start, sm.end), sm.kind), via


def _dedupe(claims: list[Claim]) -> list[Claim]:
    """One claim per figure and source; a headline's unattributed figure yields to the body's."""
    groups: dict[tuple[object, ...], list[Claim]] = {}
    for cl in claims:
        groups.setdefault((cl.type, cl.count.key(), cl.mixed), []).append(cl)
    keep: list[Claim] = []
    for group in groups.values():
        named = [cl for cl in group if cl.source.kind != "outlet"]
        pool = named or group[:1]
        seen: list[str] = []
        for cl in pool:
            key = cl.source.text
            if any(key in s or s in key for s in seen):
                continue
            seen.append(key)
            keep.append(cl)
    keep.sort(key=lambda cl: cl.evidence.start)
    return keep


def assemble_claims(doc: Document) -> Document:
    """Stage: turn the annotations of a document into claims."""
    starts = [t.start for t in doc.tokens]
    drafts: list[Draft] = []
    for si, (s, e) in enumerate(doc.sentences):
        lo, hi = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
        toks = doc.tokens[lo:hi]
        counts = [c for c in doc.counts if s <= c.start < e]
        trigs = [t for t in doc.triggers if s <= t.start < e]
        if trigs:
            drafts.extend(_sentence_drafts(doc, si, toks, counts, trigs))
    resolver = _SourceResolver(doc)
    fallback = _article_place(doc)
    claims: list[Claim] = []
    for d in drafts:
        source, via = _source_mention(doc, resolver.resolve(d.sentence, d.anchor))
        place = _place_for(doc, d, fallback)
        location = None
        if place is not None:
            location = Location(doc.original(place.start, place.end), doc.span(place.start, place.end),
                                place.name, place.country, place.lat, place.lon, place.precision)
        subject = None
        if d.subject:
            subject = Mention(doc.original(*d.subject), doc.span(*d.subject))
        claims.append(Claim(doc_id=doc.id, type=d.type, count=d.count, source=source,
                            evidence=doc.span(d.start, d.end), subject=subject, via=via,
                            location=location, confidence=max(0.1, 0.95 - 0.1 * d.cost),
                            mixed=d.mixed))
    return doc.with_(claims=tuple(_dedupe(claims)))
