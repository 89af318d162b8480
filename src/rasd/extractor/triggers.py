"""Event triggers: words and phrases that name a killing, wounding, arrest, strike, ..."""

from __future__ import annotations

from rasd.extractor.lexicon import triggers as trigger_lexicon
from rasd.model import Document, Trigger


def find_triggers(doc: Document) -> Document:
    """Stage: every trigger in the document, left to right, longest phrase first."""
    lex = trigger_lexicon()
    toks = doc.tokens
    found: list[Trigger] = []
    keys = lex.entries.keys
    i = 0
    while i < len(toks):
        if keys.isdisjoint(toks[i].stems):  # most words: no trigger starts here
            i += 1
            continue
        hit = lex.entries.match_at(toks, i)
        if hit is None:
            i += 1
            continue
        n, value = hit
        etype, role, mixed = value  # type: ignore[misc]
        found.append(Trigger(toks[i].start, toks[i + n - 1].end, etype, role,
                             " ".join(t.text for t in toks[i:i + n]), mixed))
        i += n
    return doc.with_(triggers=tuple(found))
