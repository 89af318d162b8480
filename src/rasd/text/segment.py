"""Sentence and paragraph splitting of normalized text (offsets into that text).

A sentence ends at . ! ? ؟ … or a line break; a full stop between digits ("1.200") or inside an
abbreviation-like run does not end one, and commas never do.
"""

from __future__ import annotations

import re

_STOP = r"[.!?\u061f\u2026]"
# Sentence ends: a run of stops (after a digit only when no digit follows: "1.200" goes on), then
# closing quotes/brackets and a space or the end; or a run of line breaks. The pattern opens with
# a plain character class so that ``re`` skips ahead to candidate characters instead of trying
# every position; the digit test is a look-behind over the consumed first stop.
_SENT_END = re.compile(rf"[.!?\u061f\u2026\n](?:(?<=\n)\n*|(?<!\n)(?:(?<!\d{_STOP}){_STOP}*"
                       rf"|(?<=\d{_STOP}){_STOP}*(?!\d))[\"')\]]*(?=\s|$))")
_PARA_END = re.compile(r"\n\n*")  # \n+ spelled so: re skips ahead fast to an opening literal


def _spans(norm: str, pattern: re.Pattern[str]) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    start = 0
    for m in pattern.finditer(norm):
        end = m.end() if m.group().strip() else m.start()
        _add(norm, start, end, out)
        start = m.end()
    _add(norm, start, len(norm), out)
    return tuple(out)


def _add(norm: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    piece = norm[start:end]
    stripped = piece.strip()
    if stripped:
        start += len(piece) - len(piece.lstrip())
        out.append((start, start + len(stripped)))


def ends_a_sentence(text: str) -> bool:
    """Whether a sentence ends inside ``text`` (by the rule of :func:`sentences`)."""
    return _SENT_END.search(text) is not None


def sentences(norm: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans, in order."""
    return _spans(norm, _SENT_END)


def paragraphs(norm: str) -> tuple[tuple[int, int], ...]:
    """Paragraph (line) spans, in order."""
    return _spans(norm, _PARA_END)

