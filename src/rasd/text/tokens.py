"""Tokens of normalized text with clitic-aware stems ("والقتلى" -> القتلى, قتلى)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, repeat
from operator import itemgetter

from rasd.lang.ar import load_data
from rasd.model import Token

_WORD_SPLIT = re.compile(r"(\d\d*|[^\W\d][^\W\d]*)")  # a run of digits or of letters
_NON_WORD = re.compile(r"\W")


def leading_word(text: str) -> str:
    """The word characters ``text`` opens with ("" when it opens with none)."""
    return _NON_WORD.split(text, maxsplit=1)[0]


@dataclass(frozen=True, slots=True)
class Clitics:
    """The proclitics of ``clitics.yaml`` that stems are made without."""

    conjunctions: frozenset[str]   # و ف
    prepositions: frozenset[str]   # ب ل ك
    article: str                   # ال
    lam_article: str               # لل (ل + ال)
    min_stem: int                  # fewest letters a stem keeps

    @property
    def openers(self) -> frozenset[str]:
        """The letters a word with a proclitic opens with (a word opening with none is its own
        only stem)."""
        return self.conjunctions | self.prepositions | {self.article[:1], self.lam_article[:1]}


@lru_cache(maxsize=1)
def _clitics() -> Clitics:
    data = load_data("clitics.yaml")
    return Clitics(frozenset(data.words("conjunctions")), frozenset(data.words("prepositions")),
                   data.word("article"), data.word("lam_article"), data.integer("min_stem"))


@lru_cache(maxsize=1)
def _openers() -> frozenset[str]:
    return _clitics().openers


@lru_cache(maxsize=1)
def accusative_suffix() -> str:
    """The accusative ending of indefinite nouns ("شخصا"), normalized."""
    return load_data("clitics.yaml").word("accusative_suffix")


def with_accusative(words: frozenset[str]) -> frozenset[str]:
    """Nouns plus their accusative forms ("قائد" -> قائدا), for lexicons of nouns."""
    acc = accusative_suffix()
    return words | frozenset(w + acc for w in words if not w.endswith(acc))


def _stems_of(word: str) -> tuple[str, ...]:
    """The word and its forms without proclitics (و ف, then ب ل ك, then ال), longest first."""
    if word[:1] not in _openers():
        return (word,)  # most words
    c = _clitics()
    conj, prep, art, lam_art, min_len = (c.conjunctions, c.prepositions, c.article,
                                         c.lam_article, c.min_stem)
    bases = [word]
    if word[:1] in conj and len(word) - 1 >= min_len:
        bases.append(word[1:])
    for base in list(bases):
        if base.startswith(lam_art) and len(base) - len(lam_art) >= min_len:
            bases.append(art + base[len(lam_art):])
            bases.append(base[len(lam_art):])
        elif base[:1] in prep and len(base) - 1 >= min_len:
            bases.append(base[1:])
    for base in list(bases):
        if base.startswith(art) and len(base) - len(art) >= min_len:
            bases.append(base[len(art):])
    seen: dict[str, None] = {}
    for base in bases:
        seen.setdefault(base, None)
    return tuple(seen)


STEMS_KEPT = 131_072
"""Most words whose stems are remembered (the 3,000 corpus articles hold about 63,000
distinct words); past it the memory starts afresh, so it stays bounded on endless input."""


class _StemsOf(dict[str, tuple[str, ...]]):
    """word -> its stems, computed on first sight: a plain dict lookup (in C, from ``map``)
    for every word seen before."""

    def __missing__(self, word: str) -> tuple[str, ...]:
        if len(self) >= STEMS_KEPT:
            self.clear()
        found = self[word] = _stems_of(word)
        return found


_STEMS = _StemsOf()


def stems(word: str) -> tuple[str, ...]:
    """The word and its forms without proclitics (و ف, then ب ل ك, then ال), longest first."""
    return _STEMS[word]


_CONJUNCTION, _PREPOSITION, _ARTICLE, _DEFINITE = 1, 2, 4, 8  # bits of a word's clitic flags


def _clitic_flags(word: str) -> int:
    """What proclitics a word carries, as bits (see the four questions below): a function of the
    word and its stems, worked out once per word."""
    c = _clitics()
    conj, prep, art = c.conjunctions, c.prepositions, c.article
    stems_ = stems(word)
    flags = 0
    if word[:1] in conj and (len(word) == 1 or word[1:] in stems_):
        flags |= _CONJUNCTION
    bare = word[1:] if word[:1] in conj and word[1:] in stems_ else word
    if bare[:1] in prep and bare[1:] in stems_:
        flags |= _PREPOSITION
    if any(s.startswith((art, c.lam_article)) for s in stems_[:3]):
        flags |= _ARTICLE
    if any(s.startswith(art) and s[len(art):] in stems_ for s in stems_):
        flags |= _DEFINITE
    return flags


class _FlagsOf(dict[str, int]):
    """word -> its clitic flags, computed on first sight (cleared with the stems, so bounded)."""

    def __missing__(self, word: str) -> int:
        if len(self) >= STEMS_KEPT:
            self.clear()
        found = self[word] = _clitic_flags(word)
        return found


_FLAGS = _FlagsOf()


def starts_with_conjunction(tok: Token) -> bool:
    """Whether a token is, or opens with, the conjunction و/ف ("و32", "و 32")."""
    return _FLAGS[tok.text] & _CONJUNCTION != 0


def has_preposition(tok: Token) -> bool:
    """Whether a token opens with a preposition clitic (ب ل ك, after an optional و/ف)."""
    return _FLAGS[tok.text] & _PREPOSITION != 0


def has_article(tok: Token) -> bool:
    """Whether a token carries the definite article ("الثلاثة", "وال27", "للمرصد")."""
    return _FLAGS[tok.text] & _ARTICLE != 0


def is_definite(tok: Token) -> bool:
    """Whether a token carries the definite article as a clitic ("الوكالة", "وللمرصد"), unlike
    :func:`has_article`, which also takes a stem that merely starts with its letters ("وكالة"
    -> "الة")."""
    return _FLAGS[tok.text] & _DEFINITE != 0


def without_article(word: str) -> str:
    """A normalized word without its definite article ("المصادر" -> مصادر), else as it is."""
    c = _clitics()
    art, min_len = c.article, c.min_stem
    return word[len(art):] if word.startswith(art) and len(word) - len(art) >= min_len else word


def lam_article_as_article(word: str) -> str:
    """A normalized word opening with ل + the article, read with the article alone ("للجيش" ->
    الجيش), else as it is."""
    c = _clitics()
    lam_art = c.lam_article
    if word.startswith(lam_art) and len(word) - len(lam_art) >= c.min_stem:
        return c.article + word[len(lam_art):]
    return word


def tokenize(norm: str) -> tuple[Token, ...]:
    """Word tokens of a normalized string with their stems."""
    # split() alternates gaps and words, so the running sums of the piece lengths are the word
    # offsets; every step runs in C (no per-word Python code), the NamedTuple built with its
    # own constructor, ``tuple.__new__``.
    pieces = _WORD_SPLIT.split(norm)
    bounds = list(accumulate(map(len, pieces), initial=0))
    words = pieces[1::2]
    return tuple(map(tuple.__new__, repeat(Token),
                     zip(bounds[1::2], bounds[2::2], words, map(_STEMS.__getitem__, words))))


_last: tuple[Sequence[Token], str, list[int], list[int]] | None = None


def word_starts(tokens: Sequence[Token], norm: str) -> tuple[list[int], list[int]]:
    """Start offsets of the ``tokens`` of normalized text ``norm``, and of those holding a digit.
    Several stages ask for the same document's: the answer for the last one is kept (the lists
    are shared, do not modify them)."""
    global _last
    if _last is not None and _last[0] is tokens and _last[1] is norm:
        return _last[2], _last[3]
    starts = list(map(_START, tokens))
    # a token is a run of digits or of letters (_WORD_SPLIT): it holds a digit when it is one
    digits = list(compress(starts, map(str.isdecimal, map(_TEXT, tokens))))
    _last = (tokens, norm, starts, digits)
    return starts, digits


_START, _TEXT = itemgetter(0), itemgetter(2)  # Token.start, Token.text
