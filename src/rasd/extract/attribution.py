"""Attribution: who asserts the figures of a sentence.

Finds reporting verbs ("قالت الشرطة إن"), prepositional attribution ("بحسب المرصد", "وفقاً لمصادر
طبية"), via chains ("نقلت وكالة رويترز عن مصادر طبية" -> source مصادر طبية via وكالة رويترز) and
subject-less continuation verbs ("وأضاف أن"), which carry the previous speaker (kind ``carry``).
"""

from __future__ import annotations

import bisect
import re
from typing import Sequence

from rasd.extract.lexicon import AttributionLexicon, attribution, has_stem
from rasd.model import Document, SourceMention, Token

_BREAK = re.compile(r"[\u060c\u061b,.:;!?\u061f\"()\[\]«»\n]")
_DIGIT = re.compile(r"\d")


def _broken(norm: str, a: Token, b: Token) -> bool:
    """Whether punctuation separates two consecutive tokens."""
    return bool(_BREAK.search(norm, a.end, b.start))


def _speaker(norm: str, toks: Sequence[Token], j: int, lex: AttributionLexicon) -> int:
    """End (exclusive token index) of the speaker phrase starting at token ``j``."""
    k = j
    while k < len(toks) and k - j < lex.max_words:
        tok = toks[k]
        if k > j and _broken(norm, toks[k - 1], tok):
            break
        if has_stem(tok, lex.stops) or has_stem(tok, lex.verbs) or _DIGIT.search(tok.text):
            break
        k += 1
    return k


def _kind(toks: Sequence[Token], a: int, b: int, lex: AttributionLexicon) -> str:
    for i in range(a, b):
        hit = lex.kinds.match_at(toks[:b], i)
        if hit is not None:
            return str(hit[1])
    return "person" if b - a >= 2 else "organization"


def _mention(norm: str, toks: Sequence[Token], a: int, b: int, cue: tuple[int, int],
             lex: AttributionLexicon, via: tuple[SourceMention, ...] = ()) -> SourceMention:
    start, end = toks[a].start, toks[b - 1].end
    return SourceMention(start, end, norm[start:end], _kind(toks, a, b, lex), cue[0], cue[1], via)


def _preceding_subject(norm: str, toks: Sequence[Token], i: int, lex: AttributionLexicon) -> int:
    """Start of a subject written before its reporting verb ("الجيش قال"), or ``i`` if none."""
    a = i
    while a > 0 and i - a < lex.max_words:
        prev = toks[a - 1]
        if _broken(norm, prev, toks[a]) or _DIGIT.search(prev.text) or has_stem(prev, lex.stops):
            break
        a -= 1
    # a subject that starts the clause; otherwise the words belong to something else
    if a < i and (a == 0 or _broken(norm, toks[a - 1], toks[a])):
        return a
    return i


def _sentence_sources(norm: str, toks: Sequence[Token], lex: AttributionLexicon) -> list[SourceMention]:
    out: list[SourceMention] = []
    i = 0
    while i < len(toks):
        hit = lex.prepositions.match_at(toks, i)
        if hit is not None:
            n = hit[0]
            b = _speaker(norm, toks, i + n, lex)
            if b > i + n:
                out.append(_mention(norm, toks, i + n, b, (toks[i].start, toks[i + n - 1].end), lex))
                i = b
                continue
        tok = toks[i]
        if has_stem(tok, lex.verbs):
            cue = (tok.start, tok.end)
            b = _speaker(norm, toks, i + 1, lex)
            if b > i + 1:
                first = _mention(norm, toks, i + 1, b, cue, lex)
                via_hit = lex.via.match_at(toks, b) if b < len(toks) else None
                if via_hit is not None:
                    c = _speaker(norm, toks, b + via_hit[0], lex)
                    if c > b + via_hit[0]:
                        out.append(_mention(norm, toks, b + via_hit[0], c, cue, lex, (first,)))
                        i = c
                        continue
                out.append(first)
                i = b
                continue
            a = _preceding_subject(norm, toks, i, lex)
            if a < i:
                out.append(_mention(norm, toks, a, i, cue, lex))
            else:
                out.append(SourceMention(tok.end, tok.end, "", "carry", cue[0], cue[1]))
        i += 1
    return out


def find_sources(doc: Document) -> Document:
    """Stage: attributions of every sentence (normalized offsets)."""
    lex = attribution()
    starts = [t.start for t in doc.tokens]
    found: list[SourceMention] = []
    for s, e in doc.sentences:
        lo, hi = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
        found.extend(_sentence_sources(doc.norm, doc.tokens[lo:hi], lex))
    return doc.with_(sources=tuple(found))
