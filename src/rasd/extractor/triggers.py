"""Event triggers: words and phrases that name a killing, wounding, arrest, strike, ..."""

from __future__ import annotations

from rasd.extractor.lexicon import triggers as trigger_lexicon
from rasd.model import Document, Trigger
from rasd.text.tokens import has_article


def find_triggers(doc: Document) -> Document:
    """Stage: every trigger in the document, left to right, longest phrase first."""
    entries = trigger_lexicon().entries
    masdars = trigger_lexicon().masdars
    keys, match_at = entries.keys, entries.match_at
    toks = doc.tokens
    found: list[Trigger] = []
    after = 0  # tokens before this index belong to the last trigger found
    for i, tok in enumerate(toks):
        if i < after or keys.isdisjoint(tok.stems):  # most words: no trigger starts here
            continue
        hit = match_at(toks, i)
        if hit is None:
            continue
        n, entry = hit
        etype, role = entry.type, entry.role
        if role == "verb" and n == 1 and has_article(tok):  # a definite word is no verb:
            masdar = next((masdars[s] for s in tok.stems if s in masdars), None)
            if masdar is None or masdar == "deployed":
                continue  # "صيدلية السجن"; "الحشد" is a crowd, "النشر" publishing
            etype, role = masdar, "masdar"  # "القتل الصادم للعشرات"
        found.append(Trigger(tok.start, toks[i + n - 1].end, etype, role,
                             " ".join(t.text for t in toks[i:i + n]), entry.mixed))
        after = i + n
    return doc.with_(triggers=tuple(found))
