"""Which date patterns to try at a word (:class:`Dispatch`), and whether a position lies in
given spans (:func:`inside`): the search side of :mod:`rasd.text.dates`."""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import Any

from rasd.text.tokens import leading_word

__all__ = ["Dispatch", "Pattern", "inside"]

#: a date pattern: its order in the grammar, the compiled expression, its resolver
Pattern = tuple[int, "re.Pattern[str]", Callable[..., Any]]


class Dispatch(dict[str, tuple[Pattern, ...]]):
    """Word (clitics included) -> the patterns that can open with it: those with a first word
    (or its form after lam: l-yawm in ll-yawm) that the word is, after one of ``clitics``;
    :meth:`digit`: those that can open with a digit. Found when first asked, so start-up
    builds nothing; the words asked are the locator's openers, so the table stays bounded."""

    def __init__(self, patterns: Sequence[Pattern],
                 openers: Callable[[], list[tuple[list[str], bool]]], clitics: list[str],
                 article: str) -> None:
        super().__init__()
        self.patterns, self.openers, self.clitics, self.article = (patterns, openers, clitics,
                                                                   article)
        self.leads: list[frozenset[str]] = []
        self.digits: tuple[Pattern, ...] = ()

    def _read(self) -> None:
        """The first words of each pattern (the word characters they open with) and the
        patterns that open with a digit (the grammar's openers of each pattern)."""
        openers, art = self.openers(), self.article
        assert len(openers) == len(self.patterns)
        for words, _ in openers:
            lam = [w[1:] for w in words if w.startswith(art) and len(w) > len(art)]
            self.leads.append(frozenset(map(leading_word, words + lam)))
        self.digits = tuple(p for p, (_, digit) in zip(self.patterns, openers) if digit)

    def digit(self) -> tuple[Pattern, ...]:
        if not self.leads:
            self._read()
        return self.digits

    def __missing__(self, word: str) -> tuple[Pattern, ...]:
        if not self.leads:
            self._read()
        bases = [word[len(c):] for c in self.clitics if word.startswith(c)]
        found = self[word] = tuple(p for p, leads in zip(self.patterns, self.leads)
                                   if "" in leads or not leads.isdisjoint(bases))
        return found


def inside(spans: Sequence[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` lies in one of the sorted, non-overlapping ``spans``."""
    k = bisect_right(spans, (pos, math.inf)) - 1
    return k >= 0 and pos < spans[k][1]
