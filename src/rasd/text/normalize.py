"""Arabic normalization for matching, keeping an exact offset map back to the original text.

``normalize(text)`` returns ``(norm, n2o)`` where ``n2o[i]`` is the index in ``text`` of the
character that produced ``norm[i]`` and ``n2o[len(norm)] == len(text)``. Characters are folded
one-to-one (alef/hamza forms, alef maqsura, ta marbuta, digits in every script, Arabic
separators) or dropped (diacritics, tatweel, zero-width and bidi controls); presentation forms
may expand to several characters, all mapped to their source.

The result is exact for every string: it is the concatenation of the normalized characters, each
mapped to its own offset (lower-casing is per character: İ and Σ, the two characters whose
``str.lower()`` depends on more than themselves, are folded first). :func:`_normalize_slow`
spells that out character by character; the fast path gives the same result.
"""

from __future__ import annotations

import re
import unicodedata

_DROP = set(
    [chr(c) for c in range(0x064B, 0x0660)]      # harakat, shadda, sukun, maddah/hamza marks
    + [chr(0x0670)]                              # superscript alef
    + [chr(c) for c in range(0x06D6, 0x06EE)]    # Quranic annotation marks
    + [chr(c) for c in range(0x0610, 0x061B)]    # honorific signs
    + ["\u0640"]                                 # tatweel
    + ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff", "\u00ad"]
    + [chr(c) for c in range(0x202A, 0x202F)]    # bidi embeddings / overrides
    + [chr(c) for c in range(0x2066, 0x206A)]    # bidi isolates
)

_FOLD: dict[str, str] = {
    "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",  # أ إ آ ٱ -> ا
    "\u0672": "\u0627", "\u0673": "\u0627",
    "\u0649": "\u064a",  # ى -> ي
    "\u06cc": "\u064a", "\u06d2": "\u064a",  # Persian/Urdu ya -> ي
    "\u0629": "\u0647",  # ة -> ه
    "\u0624": "\u0648",  # ؤ -> و
    "\u0626": "\u064a",  # ئ -> ي
    "\u06a9": "\u0643",  # ک -> ك
    "\u066c": ",",       # ٬ thousands separator
    "\u066b": ".",       # ٫ decimal separator
    "\u066a": "%",       # ٪
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ",
    "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"', "\u201e": '"',
    "\u2018": "'", "\u2019": "'",
    "_": " ",            # hashtags: "#الرابطة_الدولية_للسلام" reads as words
    "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u0130": "i",       # İ (İdlib): lower() would add a combining dot after the i
    "\u03a3": "\u03c3",  # Σ: lower() would write ς at a word's end, a fold of its neighbours
}
for _i in range(10):
    _FOLD[chr(0x0660 + _i)] = str(_i)  # Eastern Arabic digits
    _FOLD[chr(0x06F0 + _i)] = str(_i)  # Persian digits

_DROP_CLASS = "[" + "".join(re.escape(c) for c in sorted(_DROP)) + "]"
_DROP_RE = re.compile(_DROP_CLASS + _DROP_CLASS + "*")  # [..]+ spelled so: re skips ahead fast
_TABLE: dict[int, str | None] = {ord(c): None for c in _DROP}
_TABLE.update({ord(k): v for k, v in _FOLD.items()})
TRANSLATE_TABLE = _TABLE
"""The one-character folds and drops as a ``str.translate`` table (what
``benchmarks/throughput.py`` times as the least any pass over the text costs)."""
_CHANGED = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_TABLE)) + "]")
# _fold replaces one character at a time: that equals translate as no fold yields a folded character
assert not {v for v in _TABLE.values() if v} & {chr(c) for c in _TABLE}


_PRESENTATION = re.compile("[\uFB50-\uFDFF\uFE70-\uFEFF]")


def _needs_expansion(ch: str) -> bool:
    """Presentation forms (ligatures like ﻻ) that NFKC expands."""
    return _PRESENTATION.match(ch) is not None


def normalize_string(text: str) -> str:
    """Normalized form of ``text`` without offsets (for lexicon entries and queries)."""
    return normalize(text)[0]


_PUNCTUATION = re.compile(r"[^\w\s]")


def canon(text: str, *, punctuation: bool = True) -> str:
    """Comparable form of a phrase (a speaker, a place, a name): :func:`normalize_string`,
    single-spaced; with ``punctuation=False`` every mark is a space, so the words are the runs of
    word characters. rasd's one canonicalizer: de-duplication compares claims' sources by it;
    reconciliation (:func:`rasd.reconcile.keys.name_key`) and the evaluation
    (:func:`rasd.evaluate.match_form`) each add one documented step to it."""
    norm = normalize_string(text)
    if not punctuation:
        norm = _PUNCTUATION.sub(" ", norm)
    return " ".join(norm.split())


def normalize(text: str) -> tuple[str, tuple[int, ...]]:
    """Fold ``text`` for matching; return the folded string and its offset map."""
    if _PRESENTATION.search(text):
        return _normalize_slow(text)
    kept = _fold(text)
    folded = kept.lower()
    if len(folded) != len(kept):  # a lower-casing into several characters: the exact path
        return _normalize_slow(text)
    identity = _identity(len(text) + 1)
    if len(kept) == len(text):  # nothing dropped: only one-to-one folds happened
        return folded, identity
    keep: list[int] = []
    prev = 0
    for m in _DROP_RE.finditer(text):
        keep.extend(identity[prev:m.start()])
        prev = m.end()
    keep.extend(identity[prev:len(text)])
    keep.append(len(text))
    return folded, tuple(keep)


def _fold(text: str) -> str:
    """``text.translate(_TABLE)``, faster: a text holds few distinct characters to fold or drop
    (about 8 in an article), and replacing just those beats translate's lookup of every one."""
    pos = 0
    while (m := _CHANGED.search(text, pos)) is not None:  # the first character left to change
        ch, pos = m.group(), m.start()
        text = text.replace(ch, _TABLE[ord(ch)] or "")  # none before pos; none made anew
    return text


_IDENTITY_CACHE = 1 << 16  # longest offset map built by slicing a kept tuple
_identity_ints: tuple[int, ...] = ()


def _identity(n: int) -> tuple[int, ...]:
    """``tuple(range(n))``, sliced from a kept tuple (its ints are shared, not created anew)."""
    global _identity_ints
    if n > _IDENTITY_CACHE:
        return tuple(range(n))
    if n > len(_identity_ints):
        _identity_ints = tuple(range(min(_IDENTITY_CACHE, max(n, 2 * len(_identity_ints)))))
    return _identity_ints[:n]


def _normalize_slow(text: str) -> tuple[str, tuple[int, ...]]:
    out: list[str] = []
    n2o: list[int] = []
    for i, ch in enumerate(text):
        if ch in _DROP:
            continue
        if _needs_expansion(ch):
            piece = unicodedata.normalize("NFKC", ch)
            piece = "".join(c for c in piece if c not in _DROP).translate(_TABLE)
        else:
            piece = ch.translate(_TABLE).lower()
        for c in piece:
            out.append(c)
            n2o.append(i)
    n2o.append(len(text))
    return "".join(out), tuple(n2o)
