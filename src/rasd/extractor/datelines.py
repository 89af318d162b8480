"""Where an article's dateline ends ("دبي، الإمارات العربية المتحدة (CNN)--", "بيروت (رويترز)
-"): the place it was filed from, which place choice (:mod:`rasd.extractor.placing`) lets vote
for the article's country but never takes as where anything happened."""

from __future__ import annotations

import bisect
import re

from rasd.model import Document

__all__ = ["DATELINE_CHARS", "dateline_end"]

_DATELINE_MARK = re.compile("[-:(\u2013\u2014]")  # what ends a dateline ("بيروت (رويترز) -")
DATELINE_CHARS = 80


def dateline_end(doc: Document) -> int:
    """End of the body's dateline ("دبي، الإمارات العربية المتحدة (CNN)--", "بيروت (رويترز) -"):
    where the article was filed, not where anything happened. A dateline is the start of the
    body (or, in a text without a separate title, of its first or second line) up to its first
    dash, colon or bracket, made of place names only; 0 when there is none."""
    first = doc.norm.find("\n") + 1
    for start in ((first,) if doc.title_end else (0, first) if first else (0,)):
        mark = _DATELINE_MARK.search(doc.norm, start, start + DATELINE_CHARS)
        if mark is None or "\n" in doc.norm[start:mark.start()]:
            continue
        places = [p for p in doc.places if start <= p.start < mark.start()]
        k = bisect.bisect_left(doc.tokens, start, key=lambda t: t.start)
        words = []
        while k < len(doc.tokens) and doc.tokens[k].start < mark.start():
            words.append(doc.tokens[k])
            k += 1
        if words and all(any(p.start <= t.start < p.end for p in places) for t in words):
            return mark.start()
    return 0
