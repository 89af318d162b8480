"""The time of each claim: a time expression of its sentence, else of the paragraph before or
the lead, else the publication date."""

from __future__ import annotations

import bisect
import datetime
from collections.abc import Callable, Sequence
from functools import lru_cache

from rasd.extractor.drafts import Draft
from rasd.extractor.lexicon import PhraseSet
from rasd.lang.ar import load_data
from rasd.model import Document, NormOffset, TimeRef, Token
from rasd.text.dates import TimeMention
from rasd.text.published import parse_published

CONTEXT_SENTENCES = 3  # how far back in the paragraph a claim may take its time from
EVENT_PRECISIONS = frozenset({"day", "week", "month"})


def _past(t: TimeMention, published: datetime.date | None) -> bool:
    """A dated expression that is not after publication (so not a future "المقبل")."""
    return t.date is not None and (published is None or t.date <= published.isoformat())


def _may_date_event(t: TimeMention, said: TimeMention) -> bool:
    """Whether a time of a sentence whose statement is dated (``said``) may date its event:
    not a year ("أعنف هجوم منذ نحو عام" compares) and not after the statement."""
    return t.precision != "year" and (t.date is None or said.date is None or t.date <= said.date)


_BETWEEN_SPEAKER_AND_DAY = frozenset(" \t\n\u060c,")  # "أعلنت الوزارة، السبت، أن"
STATEMENT_DAY_GAP = 4  #: characters at most between the speaker and its day


def statement_days(doc: Document) -> frozenset[NormOffset]:
    """Start offsets of the day expressions that date a statement, not its event: a day right
    after a speaker that opens its sentence's report ("أعلنت وزارة الداخلية، السبت، أن ...",
    "وقال مسؤولون صباح الجمعة إن ..."). The event was on that day or before it."""
    norm = doc.norm
    ends = {int(sm.end) for sm in doc.sources if not sm.after}
    found = []
    for t in doc.times:
        if t.precision != "day":
            continue
        k = int(t.start)
        while k > 0 and t.start - k < STATEMENT_DAY_GAP and norm[k - 1] in _BETWEEN_SPEAKER_AND_DAY:
            k -= 1
        if any(e in ends for e in range(k, t.start + 1)):
            found.append(t.start)
    return frozenset(found)


@lru_cache(maxsize=1)
def _campaign_phrases() -> PhraseSet[bool]:
    return PhraseSet.build((w, True) for w in load_data("quantities.yaml").strings("since_relative"))


CAMPAIGN_PHRASE_WORDS = 3  #: the longest "that began on" phrase, in words


def _days_right_after(doc: Document, follows: Callable[[Sequence[Token], int], bool]
                      ) -> frozenset[int]:
    """Start offsets of the time expressions whose words before satisfy ``follows`` (given the
    document's tokens and the index of the expression's first token)."""
    if not doc.times:
        return frozenset()
    starts = [tok.start for tok in doc.tokens]
    return frozenset(t.start for t in doc.times
                     if follows(doc.tokens, bisect.bisect_left(starts, t.start)))


def _campaign_starts(doc: Document) -> frozenset[int]:
    """Start offsets of the days right after "that began on" ("مسيرة العودة التي انطلقت في 30
    مارس"): when a campaign began, which dates no incident of the sentence (a running total
    from it takes it as its period's start)."""
    phrases = _campaign_phrases()

    def after_phrase(toks: Sequence[Token], k: int) -> bool:
        return any((hit := phrases.match_at(toks, j, k)) is not None and j + hit[0] == k
                   for j in range(max(0, k - CAMPAIGN_PHRASE_WORDS), k))
    return _days_right_after(doc, after_phrase)


@lru_cache(maxsize=1)
def _schedule_verbs() -> frozenset[str]:
    return frozenset(load_data("dates.yaml").words("scheduled_before"))


def _scheduled_days(doc: Document) -> frozenset[int]:
    """Start offsets of the days right after a schedule verb ("الهدنة التي تنتهي الأحد"): the
    day something is due, not when an event happened (``dates.yaml`` scheduled_before)."""
    verbs = _schedule_verbs()
    return _days_right_after(doc, lambda toks, k: k > 0 and not verbs.isdisjoint(toks[k - 1].stems))


@lru_cache(maxsize=1)
def _response_words() -> tuple[PhraseSet[bool], frozenset[str]]:
    data = load_data("dates.yaml")
    return (PhraseSet.build((w, True) for w in data.strings("response_openers")),
            frozenset(data.words("response_not_before")))


def _response_starts(doc: Document) -> list[int]:
    """Sorted start offsets of the phrases that open a response's cause ("ردا على هجوم",
    "انتقاما لمقتل"), not those answering a question ("ردا على سؤال"): a figure after one
    belongs to the earlier event (``dates.yaml`` response_openers)."""
    openers, speech = _response_words()
    toks = doc.tokens
    return [toks[i].start for i, end, _ in openers.scan(toks)
            if end >= len(toks) or speech.isdisjoint(toks[end].stems)]


LEAD_SENTENCES = 2  # the headline and the lead: where a claim may take its time from, last


def dated_spans(doc: Document) -> list[tuple[NormOffset, NormOffset]]:
    """The stretches of text whose time expressions :class:`TimeChooser` may read, as sorted
    spans of whole sentences: the headline and lead, and each draft's sentence with the
    ``CONTEXT_SENTENCES`` before it; each with the sentence before it too, so that an
    expression that opens before a sentence's start and runs into it is found as well."""
    wanted = set(range(LEAD_SENTENCES))
    for d in doc.drafts or ():
        wanted.update(range(d.sentence - CONTEXT_SENTENCES - 1, d.sentence + 1))
    spans: list[tuple[NormOffset, NormOffset]] = []
    for k in sorted(k for k in wanted if 0 <= k < len(doc.sentences)):
        start, end = doc.sentences[k]
        if spans and k - 1 in wanted:  # the sentence right before: one span
            start = spans.pop()[0]
        spans.append((start, end))
    return spans


def _time_ref(doc: Document, t: TimeMention) -> TimeRef:
    return TimeRef(doc.original(t.start, t.end), doc.span(t.start, t.end), t.date, t.precision)


class TimeChooser:
    """When: a time expression of the claim's sentence (the nearest to the figure; a cumulative
    "منذ بدء الحرب" gives precision "since" and its start when known), a day that dates the
    sentence's statement ("أعلنت الوزارة، السبت، أن") only when no other; for a figure after a
    response phrase ("ضربات السبت ردا على هجوم قتل 40") only a time after that phrase, else the
    publication date; else the nearest event
    date (a day, week or month, not after publication) of the previous sentences of the
    paragraph, then of the headline and lead; else the publication date ("publication")."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.published = published = parse_published(doc.published)
        times = sorted(doc.times, key=lambda t: t.start)  # as found: in text order already
        said = statement_days(doc)
        skipped = _scheduled_days(doc) | _campaign_starts(doc)
        times = [t for t in times if t.start not in skipped]
        own = [t for t in times if _past(t, published) or t.precision == "since"]
        self.own = [t for t in own if t.start not in said]
        self.own_starts = [t.start for t in self.own]
        self.said = [t for t in own if t.start in said]
        self.said_starts = [t.start for t in self.said]
        self.events = [t for t in times if t.precision in EVENT_PRECISIONS and _past(t, published)]
        self.event_starts = [t.start for t in self.events]
        self.paragraph_starts = [ps for ps, _ in doc.paragraphs]
        self.responses = _response_starts(doc)

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

    def _response_before(self, s: int, anchor: int) -> int | None:
        """The last response phrase of ``[s, anchor)`` ("ردا على هجوم"), when a time of the
        sentence stands before it (the response's: "شنت ... السبت ضربات ردا على")."""
        k = bisect.bisect_left(self.responses, anchor) - 1
        if k < 0 or self.responses[k] < s:
            return None
        r = self.responses[k]
        timed = any(bisect.bisect_left(starts, s) < bisect.bisect_left(starts, r)
                    for starts in (self.own_starts, self.said_starts))
        return r if timed else None

    def for_(self, draft: Draft) -> TimeRef | None:
        doc = self.doc
        s, e = doc.sentences[draft.sentence]
        response = self._response_before(s, draft.anchor)
        # a response's cause: the sentence's times before the phrase date the response
        lo = s if response is None else response
        inside = self._nearest_inside(lo, e, draft.anchor)
        said = self._nearest_inside(lo, e, draft.anchor, said=True)
        if inside is not None and (said is None or _may_date_event(inside, said)):
            return _time_ref(doc, inside)
        if said is not None:  # "أعلنت الوزارة، السبت، أن": most often the event's day too
            return _time_ref(doc, said)
        if response is not None:
            return self._publication()
        k = bisect.bisect_right(self.paragraph_starts, s) - 1
        para = self.paragraph_starts[k] if k >= 0 and s < doc.paragraphs[k][1] else s
        back = doc.sentences[max(0, draft.sentence - CONTEXT_SENTENCES)][0]
        lead_end = doc.sentences[min(LEAD_SENTENCES, len(doc.sentences)) - 1][1]
        for lo, hi in ((max(para, back), s), (0, lead_end)):
            j = bisect.bisect_left(self.event_starts, hi) - 1
            if j >= 0 and self.event_starts[j] >= lo:
                return _time_ref(doc, self.events[j])
        return self._publication()

    def _publication(self) -> TimeRef | None:
        published = self.published
        return TimeRef("", None, published.isoformat(), "publication") if published else None
