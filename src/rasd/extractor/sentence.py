"""One sentence as linking reads it: its figures and event words located among its tokens,
its clause breaks, and the phrases right before a token, answered by bisect."""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter

from rasd.extractor.lexicon import PhraseSet, persons
from rasd.extractor.linking import CLAUSE_SUBJECT_MAX_GAP, COSTS, VERB_BEFORE_MAX_GAP, Located
from rasd.model import CountMention, Token, Trigger

CLAUSE_BREAK = re.compile(r"[\u060c\u061b,;:!?\u061f\"()\[\]\n]|\.(?!\d)")
"""A clause break: a comma, semicolon, colon, mark, quote, bracket or newline, or a period that
is no decimal point."""

#: a short aside in brackets with no figure (a former name, a gloss): its marks break no clause
BRACKET_ASIDE = re.compile(r"\([^()\n.\d]{1,80}\)")

TOKEN_START, TOKEN_END = itemgetter(0), itemgetter(1)  # Token.start, Token.end


CALENDAR_KINDS = frozenset({"date", "time", "year"})


class SentenceIndex:
    """A sentence's figures and event words located among its tokens, and what linking asks of
    them (figures between two tokens, clause breaks between, event words near a figure) answered
    by bisect, so that linking a sentence costs n log n, not n**2 or n**3."""

    def __init__(self, norm: str, toks: Sequence[Token], counts: list[CountMention],
                 trigs: list[Trigger]) -> None:
        self.norm, self.toks = norm, toks
        self.starts = list(map(TOKEN_START, toks))
        self.ends = list(map(TOKEN_END, toks))
        self.c_loc = [self.locate(c.start, c.end) for c in counts]
        self.c_lo = [c.lo for c in self.c_loc]
        self.c_first = frozenset(self.c_lo)  # the figures' first tokens, and their last
        self.c_last = frozenset(c.hi - 1 for c in self.c_loc)
        # figures of the calendar ("فجر 10 مايو"): no figure a link passes over
        self.calendar = [c.kind in CALENDAR_KINDS for c in counts]
        self.t_loc = [self.locate(t.start, t.end) for t in trigs]
        self.t_lo = [t.lo for t in self.t_loc]
        self.t_span = max((t.hi - t.lo for t in self.t_loc), default=0)
        self._break_at: list[int] | None = None  # found when first asked
        self._asides: list[tuple[int, int]] | None = None

    @property
    def break_at(self) -> list[int]:
        """Offsets of the clause breaks between the sentence's first and last token."""
        if self._break_at is None:
            s, e = self._extent()
            found = [m.start() for m in CLAUSE_BREAK.finditer(self.norm, s, e)]
            if asides := self.asides:  # "خطف جبهة النصرة (ذراع تنظيم القاعدة) عددا منهم": no break
                found = [k for k in found if not any(a <= k < b for a, b in asides)]
            self._break_at = found
        return self._break_at

    @property
    def asides(self) -> list[tuple[int, int]]:
        """Offsets of the sentence's short bracketed asides (:data:`BRACKET_ASIDE`)."""
        if self._asides is None:
            self._asides = [m.span() for m in BRACKET_ASIDE.finditer(self.norm, *self._extent())]
        return self._asides

    def _extent(self) -> tuple[int, int]:
        return (self.toks[0].start, self.toks[-1].end) if self.toks else (0, 0)

    def bracketed(self, lo: int, hi: int) -> int:
        """Tokens within ``[lo, hi)`` inside a bracketed aside: a gloss adds no distance to a
        link ("خمسة من أعضاء جناحها المسلح (كتائب القسام) من بين القتلى")."""
        if not self.asides or hi <= lo:
            return 0
        return sum(1 for k in range(lo, hi) for a, b in self.asides
                   if a <= self.starts[k] and self.ends[k] <= b)

    def locate(self, start: int, end: int) -> Located:
        """``linking.token_range`` by bisect."""
        lo = bisect.bisect_right(self.ends, start)
        hi = max(lo, bisect.bisect_left(self.starts, end))
        return Located(lo, max(hi, lo + 1))

    def breaks(self, x: Located, y: Located) -> int:
        """Clause breaks (:data:`CLAUSE_BREAK`) between the tokens of ``x`` and ``y``."""
        left, right = (x, y) if x.hi <= y.lo else (y, x)
        if right.lo <= left.hi - 1 or right.lo >= len(self.toks):
            return 0
        a, b = self.toks[left.hi - 1].end, self.toks[right.lo].start
        if b <= a:
            return 0
        # marks before b - 1 see their next character; the last one, the end of the range
        # ("\.(?!\d)" before a digit counts there, as in findall(norm, a, b))
        inner = bisect.bisect_left(self.break_at, b - 1) - bisect.bisect_left(self.break_at, a)
        return inner + (CLAUSE_BREAK.match(self.norm, b - 1, b) is not None)

    def counts_between(self, ci: int, lo: int, hi: int) -> int:
        """Figures other than figure ``ci`` within tokens ``[lo, hi)``, but those of the
        calendar."""
        n = 0
        for j in range(bisect.bisect_left(self.c_lo, lo), len(self.c_lo)):
            o = self.c_loc[j]
            if o.lo >= hi:
                break
            n += j != ci and o.hi <= hi and not self.calendar[j]
        return n

    def counts_from(self, lo: int, hi: int) -> bool:
        """Whether a figure starts within tokens ``[lo, hi)``."""
        return bisect.bisect_left(self.c_lo, lo) < bisect.bisect_left(self.c_lo, hi)

    def near(self, c: Located, back: int = 0) -> range:
        """Indices of the event words that can link to figure ``c``. A link costs at least its
        gap in tokens (penalties only add), so one within ``COSTS.max_cost`` is at most
        that many tokens away; a clause's first verb is at most
        :data:`linking.CLAUSE_SUBJECT_MAX_GAP` after it, a verb that beats a noun
        :data:`linking.VERB_BEFORE_MAX_GAP` before it, a coordinated verbal noun one event word
        further; ``back``: at least that many tokens before it."""
        reach = max(math.ceil(COSTS.max_cost), CLAUSE_SUBJECT_MAX_GAP, VERB_BEFORE_MAX_GAP)
        lo = bisect.bisect_left(self.t_lo, c.lo - max(reach, back) - 2 * self.t_span)
        return range(lo, bisect.bisect_right(self.t_lo, c.hi + reach))


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence as linking reads it: its index, tokens, event words and the bisect index of
    its figures and event words."""

    norm: str
    si: int
    toks: Sequence[Token]
    trigs: list[Trigger]
    ix: SentenceIndex


@dataclass(frozen=True, slots=True)
class Figure:
    """A head count of the sentence: its index among the sentence's figures, the mention (its
    count hedged by a qualifier after its noun), its token range and the people it counts."""

    ci: int
    cm: CountMention
    c: Located
    subj: Located | None


def after_phrase(toks: Sequence[Token], lo: int, phrases: PhraseSet[bool]) -> bool:
    """Whether token ``lo`` comes right after one of ``phrases`` (of up to three words)."""
    for k in (lo - 1, lo - 2, lo - 3):
        if k >= 0:
            hit = phrases.match_at(toks, k)
            if hit is not None and k + hit[0] == lo:
                return True
    return False


def after_breakdown(toks: Sequence[Token], lo: int) -> bool:
    """Whether token ``lo`` follows "بينهم" / "من بينهم" / "منهم"."""
    return after_phrase(toks, lo, persons().breakdown)
