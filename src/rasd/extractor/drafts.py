"""Drafts: figure-event pairs of a sentence before source, place and de-duplication are
settled, and the offsets a set of them covers."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rasd.extractor.linking import Located
from rasd.model import Count, NormOffset, Token


@dataclass(frozen=True, slots=True)
class Draft:
    """A claim before source, place and de-duplication are settled."""

    sentence: int
    start: NormOffset
    end: NormOffset
    type: str
    count: Count
    mixed: bool
    cost: float
    subject: tuple[NormOffset, NormOffset] | None
    anchor: int
    trigger: tuple[NormOffset, NormOffset] | None = None
    back: bool = False  # "الفلسطينيين الأربعة": people already counted, named back


def new_draft(toks: Sequence[Token], si: int, lo: int, hi: int, etype: str, count: Count,
              mixed: bool, cost: float, subj: Located | None, anchor: int,
              trigger: tuple[NormOffset, NormOffset] | None = None) -> Draft:
    """The draft of tokens ``[lo, hi)`` of sentence ``si`` (``subj``: the counted noun's tokens)."""
    return Draft(si, toks[lo].start, toks[hi - 1].end, etype, count, mixed, cost,
                 (toks[subj.lo].start, toks[subj.hi - 1].end) if subj else None, anchor, trigger)


class Cover:
    """Offsets covered by a growing set of ``[start, end)`` spans (kept merged: one bisect per
    lookup)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for a, b in sorted(spans):
            self.add(a, b)

    def add(self, start: int, end: int) -> None:
        if start >= end:
            return
        i = bisect.bisect_left(self.ends, start)  # the first span that ends at or after start
        j = bisect.bisect_right(self.starts, end)  # past the last span that starts by end
        if i < j:
            start, end = min(start, self.starts[i]), max(end, self.ends[j - 1])
        self.starts[i:j] = [start]
        self.ends[i:j] = [end]

    def __contains__(self, pos: int) -> bool:
        k = bisect.bisect_right(self.starts, pos)
        return k > 0 and pos < self.ends[k - 1]
