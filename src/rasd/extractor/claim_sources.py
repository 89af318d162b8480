"""The source of each claim: its sentence's attribution, a trailing one, a continuation verb's
or an open quotation's speaker, resolved to a Mention with kind, id and role."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from rasd.extractor.lexicon import attribution
from rasd.extractor.sources import resolve_source
from rasd.model import Document, Mention, NormOffset, SourceMention, Span
from rasd.text.tokens import starts_with_conjunction, stems

QUOTE_MAX_SENTENCES = 3
_QUOTE = re.compile('"')
_QUOTE_THEN_OUTLET = re.compile('"[\\s\u060c,]*')  # a quote mark and the comma after it


def _sentence_of(starts: Sequence[int], pos: int) -> int:
    """Index of the sentence (by its start offsets) that holds ``pos``."""
    return max(0, bisect.bisect_right(starts, pos) - 1)


UNNAMED = frozenset({"carry", "outlet"})  # attribution cues that name no speaker
POSTSCRIPT_WORDS = 14  # "بحسب المتحدث باسم القوات المسلحة الإيرانية، العميد أبو الفضل شكارجي."
POSTSCRIPT_AFTER_WORDS = 5  # "، العميد أبو الفضل شكارجي": words after the source, no clause of its own


class SourceResolver:
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
        self.quoted_from = self._open_quotes()
        # the offsets of the quotation marks: a mention's count of marks before it by bisect
        self.quote_marks = [m.start() for m in _QUOTE.finditer(doc.norm)] if doc.sources else []
        for si, mentions in sorted(self.by_sentence.items()):
            cues = [sm.cue_start for sm in mentions]
            self.cues[si] = cues if cues == sorted(cues) else None
            upto: list[SourceMention | None] = [None]
            for sm in mentions:  # (a speaker quoted by another is not the one carried on)
                named = sm.kind not in UNNAMED and not self._quoted(si, sm.cue_start)
                upto.append(sm if named else upto[-1])
            self.named_upto[si] = upto
            if upto[-1] is not None:
                self.named_sentences.append(si)
        self.count_starts = sorted(c.start for c in doc.counts if c.kind == "count")
        token_starts = [t.start for t in doc.tokens] if self.named_sentences else []
        self.continuing = _continuing_sentences(doc, token_starts) if token_starts else frozenset()
        self.postscripts = self._postscripts(token_starts) if token_starts else {}

    def _postscripts(self, token_starts: Sequence[int]) -> dict[int, SourceMention]:
        """Sentence -> the attribution the sentence after it consists of ("... حيث توفي هناك.
        بحسب المتحدث باسم القوات المسلحة."): a sentence of a few words that a prepositional cue
        opens ("بحسب", "وفقا لـ"), naming a source, with no figure."""
        out: dict[int, SourceMention] = {}
        doc = self.doc
        prepositions = attribution().prepositions
        for si in self.named_sentences:
            s, e = doc.sentences[si]
            first = self.by_sentence[si][0]
            k = _opening_token(doc, token_starts, si)
            if si > 0 and first.kind not in UNNAMED and k is not None \
                    and first.cue_start == token_starts[k] \
                    and prepositions.match_at(doc.tokens, k) is not None \
                    and len(doc.norm[s:e].split()) <= POSTSCRIPT_WORDS \
                    and len(doc.norm[first.end:e].split()) <= POSTSCRIPT_AFTER_WORDS \
                    and bisect.bisect_left(self.count_starts, s) \
                    == bisect.bisect_left(self.count_starts, e):
                out[si - 1] = first
        return out

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

    def _quoted(self, si: int, pos: int) -> bool:
        """Whether ``pos`` of sentence ``si`` is inside a quotation: after an odd number of
        quotation marks of its sentence, or before the first mark of a sentence that continues
        an open quotation (counted per sentence: an unpaired mark elsewhere does not shift it)."""
        start = self.doc.sentences[si][0]
        marks = bisect.bisect_left(self.quote_marks, pos) - bisect.bisect_left(self.quote_marks, start)
        return marks % 2 == 1 or (marks == 0 and si in self.quoted_from)

    def _outlet_after_quote(self, sm: SourceMention, si: int, pos: int) -> bool:
        """Whether the article takes the word back between a speaker's cue in sentence ``si``
        and a figure at ``pos``: a quotation closes (an even count of marks from the sentence's
        start) and the article goes on ("وذلك") before the figure."""
        if not self.quote_marks:
            return False
        norm, words = self.doc.norm, attribution().after_quote_outlet
        start = self.doc.sentences[si][0]
        for m in _QUOTE_THEN_OUTLET.finditer(norm, sm.end, pos):
            closes = (bisect.bisect_right(self.quote_marks, m.start())
                      - bisect.bisect_left(self.quote_marks, start)) % 2 == 0
            nxt = norm[m.end():pos].split(maxsplit=1)
            if closes and nxt and not words.isdisjoint(stems(nxt[0])):
                return True
        return False

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
        chosen = before_last if before_last is not None else (
            after[0] if after and after[0].after else None)
        trailing = self._trailing(pos, after, before_last)
        if trailing is not None and trailing.kind == "carry":  # "..., بحسب المصدر ذاته"
            last_named = before_last if before_last is not None and before_last.kind not in UNNAMED \
                else earlier
            return last_named or self._last_named(si)
        if trailing is not None:
            return trailing
        if chosen is not None and chosen.kind == "outlet":  # "يذكر أن": the article's voice
            return None
        if chosen is not None and self._outlet_after_quote(chosen, si, pos):
            return None  # 'أن "الهجوم كان مروعا"، وذلك بعد أسبوع على اعتداء أوقع قتيلا'
        if chosen is not None and chosen.kind == "carry":
            return earlier or self._last_named(si)
        if chosen is None and si in self.quoted_from:
            return self._named_in(self.quoted_from[si])
        if chosen is None and si in self.continuing:  # "ومن بين القتلى 27 طفلا"
            upto = self.named_upto.get(si - 1)
            return upto[-1] if upto else None
        if chosen is None and si in self.postscripts:  # "... توفي هناك. بحسب المتحدث ..."
            return self.postscripts[si]
        return chosen


def _continuing_sentences(doc: Document, token_starts: Sequence[int]) -> frozenset[int]:
    """The sentences that open with "و" + a continuation opener ("ومن بين القتلى", "ومنهم"):
    they detail the figures of the sentence before (``token_starts``: of every token)."""
    openers = attribution().continuation_openers
    out = set()
    for si in range(len(doc.sentences)):
        k = _opening_token(doc, token_starts, si)
        if k is not None and starts_with_conjunction(doc.tokens[k]) \
                and openers.match_at(doc.tokens, k) is not None:
            out.add(si)
    return frozenset(out)


def _opening_token(doc: Document, token_starts: Sequence[int], si: int) -> int | None:
    """Index of the first token of sentence ``si`` (``token_starts``: of every token), or None
    when the sentence holds none."""
    s, e = doc.sentences[si]
    k = bisect.bisect_left(token_starts, s)
    return k if k < len(token_starts) and token_starts[k] < e else None


def _resolved(doc: Document, start: NormOffset, end: NormOffset, kind: str, country: str | None) -> Mention:
    """A speaker phrase as a Mention with its kind, canonical id, role and affiliation."""
    text = doc.original(start, end)
    info = resolve_source(text, country=country)
    return Mention(text, doc.span(start, end), info.kind or kind, id=info.id, name=info.name,
                   role=info.role, affiliation=info.affiliation, country=info.country)


def source_mention(doc: Document, sm: SourceMention | None,
                   country: str | None) -> tuple[Mention, tuple[Mention, ...]]:
    if sm is None:  # the article's own voice: its outlet's name, or empty when none is given
        return Mention(doc.outlet or "", Span(0, 0), "outlet"), ()
    via = tuple(_resolved(doc, v.start, v.end, v.kind, country) for v in sm.via)
    return _resolved(doc, sm.start, sm.end, sm.kind, country), via
