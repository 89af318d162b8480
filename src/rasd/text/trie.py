"""One regex builder for word lists: the words as a character trie.

A list of words written as ``a|b|c`` makes the regex engine try every word at every position; a
trie shares the words' prefixes, so most positions fail at their first character. The number
and date grammars (:mod:`rasd.text.numbers`, :mod:`rasd.text.dates`) build their word
alternations with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

__all__ = ["trie_pattern"]


def trie_pattern(words: Iterable[str], space: str = r"\s+") -> str:
    """A non-capturing regex matching any of ``words``, the longest where one is a prefix of
    another ("ثلاث" and "ثلاثة": "ثلاثة"). A space inside a word matches ``space`` (any run of
    whitespace unless told otherwise); the last letters that end words at one point are one
    character class."""
    root: dict[str, Any] = {}
    for w in set(words):
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        subs = [(ch, emit(sub)) for ch, sub in sorted(node.items()) if ch]
        if not subs:
            return ""
        if all(not rest and ch != " " for ch, rest in subs) and len(subs) > 1:
            body = "[" + "".join(re.escape(ch) for ch, _ in subs) + "]"
        else:
            alts = [(space if ch == " " else re.escape(ch)) + rest for ch, rest in subs]
            body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + emit(root) + ")"
