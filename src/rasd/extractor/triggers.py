"""Event triggers: words and phrases that name a killing, wounding, arrest, strike, ..."""

from __future__ import annotations

from collections.abc import Set

from rasd.extractor.lexicon import has_stem, persons
from rasd.extractor.lexicon import triggers as trigger_lexicon
from rasd.model import Document, Trigger
from rasd.text.tokens import has_article, starts_with_conjunction

SUBJECT_REACH = 4  # words back from the verbs to their one-person subject


def _after_one_person(doc: Document, i: int, figure_ends: Set[int]) -> bool:
    """Whether one person is the subject right before token ``i``, across fillers only ("إن
    رجلا واحدا على الأقل قتل وأصيب 6"): the killed-or-wounded verb pair is then two verbs. A
    singular noun counted by a figure ("11 امرأة") is no one person."""
    lex, toks, norm = persons(), doc.tokens, doc.norm
    for k in range(i - 1, max(-1, i - 1 - SUBJECT_REACH), -1):
        if any(not ch.isspace() for ch in norm[toks[k].end:toks[k + 1].start]):
            return False  # punctuation between
        if has_stem(toks[k], lex.singular):
            return k == 0 or toks[k - 1].end not in figure_ends
        if not has_stem(toks[k], lex.subject_fillers):
            return False
    return False


def find_triggers(doc: Document) -> Document:
    """Stage: every trigger in the document, left to right, longest phrase first."""
    lexicon = trigger_lexicon()
    entries, masdars = lexicon.entries, lexicon.masdars
    keys, match_at = entries.keys, entries.match_at
    toks = doc.tokens
    found: list[Trigger] = []
    after = 0  # tokens before this index belong to the last trigger found
    figure_ends = {c.end for c in doc.counts}  # a handful per document
    for i, tok in enumerate(toks):
        if i < after or keys.isdisjoint(tok.stems):  # most words: no trigger starts here
            continue
        hit = match_at(toks, i)
        if hit is None:
            continue
        n, entry = hit
        if entry.mixed and n > 1 and starts_with_conjunction(toks[i + 1]) \
                and _after_one_person(doc, i, figure_ends):
            hit = match_at(toks, i, i + 1)  # "رجلا قتل وأصيب 6": its own verb, then the next
            if hit is None:
                continue
            n, entry = hit
        etype, role = entry.type, entry.role
        if n == 1 and has_article(tok) and not lexicon.other_when_definite.isdisjoint(tok.stems):
            continue  # "مع الأسر ومحامين": the families
        if lexicon.names_no_event(toks, i, etype):
            continue  # "مسيرات العودة": a name, no return
        if role == "verb" and n == 1 and has_article(tok):  # a definite word is no verb:
            masdar = next((masdars[s] for s in tok.stems if s in masdars), None)
            if masdar is None or masdar == "deployed":
                continue  # "صيدلية السجن"; "الحشد" is a crowd, "النشر" publishing
            etype, role = masdar, "masdar"  # "القتل الصادم للعشرات"
        found.append(Trigger(tok.start, toks[i + n - 1].end, etype, role,
                             " ".join(t.text for t in toks[i:i + n]), entry.mixed))
        after = i + n
    return doc.with_(triggers=tuple(found))
