"""Finding figures (counts) in normalized Arabic text.

:func:`find_counts` returns every figure of a normalized string (see :mod:`rasd.text.normalize`),
left to right and non-overlapping, as :class:`~rasd.model.CountMention`: digits, number words up
to billions (compounds, teens, hundreds, multipliers, halves), dual nouns (a figure of 2), vague
count words, hedged figures (with a qualifier before or after) and ranges. Figures that are not
head counts (years, dates, ages, money, ...) are returned too, with ``kind`` naming why, so the
caller can drop them. A figure above :data:`MAX_COUNT` is kind ``"out_of_range"``; a digit
string longer than :data:`MAX_DIGITS` is not read as a number at all.

All words come from ``lang/ar/data/numbers.yaml``, compiled once, on first use, into the tables
and patterns of :mod:`rasd.text.number_lexicon`; this module holds the grammar.
"""
# Examples (normalized before matching): "93", "1,200", "1.5 مليون", "الـ27", "و8", "بـ 4921",
# "ثلاثة وعشرون", "عشرة آلاف", "مليون ونصف", "قتيلين" (2), "عشرات الآلاف", "عدد من",
# "أكثر من 50", "50 على الأقل", "بين 40 و50", "من 40 إلى 50"; non-counts: "عام 2018",
# "27 يناير", "الساعة 5", "(22 عاماً)", "مليون دولار", "20 في المئة", "المادة 5".

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import compress
from operator import attrgetter
from typing import Any

from rasd.model import Count, CountMention, NormOffset, Token
from rasd.text.number_lexicon import NumberLexicon, NumberWord, lexicon
from rasd.text.tokens import word_starts

__all__ = ["find_counts"]

MAX_COUNT = 10**10
"""Largest head count: ten billion is more than all the people alive, so a larger figure is not a
count of people or strikes (a code, a sum or noise); it also keeps every count inside a 64-bit
integer column."""
MAX_DIGITS = 18
"""Longest digit string (separators included) read as a number: its value stays below 2**63,
and a longer one (an id, a card number, noise) is far above :data:`MAX_COUNT` anyway."""
_INF = 10**15
_MULTS = ("mult1", "mult2", "multn")
_THOUSANDS = re.compile(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*")
_NONDIGIT = re.compile(r"\D")
_PLUS = re.compile(r"\+")


@dataclass(slots=True)
class _Core:
    """A figure being assembled: span (normalized offsets) plus what it stands for."""

    start: int
    end: int
    num: int                     # start of the figure itself, clitics included, qualifier not
    form: str                    # digit | word | dual | several | special
    value: int | None = None
    vague: str | None = None
    lo: int | None = None
    hi: int | None = None
    qualifier: str | None = None
    kind: str = "count"
    noun: str | None = None
    conj: bool = False           # opened by the conjunction "and"
    mult: int = 0                # multiplier word closing the figure ("50 ألفا")
    base: float = 0              # the figure before that multiplier
    ndigits: int = 0             # length of a plain digit integer (years have 3-4)

    def mention(self) -> CountMention:
        if self.kind == "count" and max(self.value or 0, self.hi or 0) > MAX_COUNT:
            self.kind = "out_of_range"
        if self.vague is not None:
            count = Count(vague=self.vague)
        elif self.lo is not None:
            count = Count(min=self.lo, max=self.hi)
        else:
            count = Count(value=self.value, qualifier=self.qualifier)
        return CountMention(NormOffset(self.start), NormOffset(self.end), count, self.kind,
                            self.noun)


# --- scanning -------------------------------------------------------------------------------

def _figure_starts(norm: str, tokens: Sequence[Token], lx: NumberLexicon) -> Iterator[re.Match[str]]:
    """What ``lx.master.finditer(norm)`` yields, trying the pattern only where a figure can start
    (``tokens`` are those of ``norm``): at the words holding a digit or among ``lx.openers``, and
    at "+". Every alternative of the pattern opens a word (or a phone number's "+"), so no match
    is missed, and tried left to right past the last match, they are the same matches."""
    starts, with_digits = word_starts(tokens, norm)
    assert lx.openers is not None  # _cores scans the whole text when any word may open a figure
    opens = lx.openers.__contains__
    found = set(compress(starts, map(opens, map(_TEXT, tokens))))
    found.update(with_digits)
    found.update(m.start() for m in _PLUS.finditer(norm))
    match, end = lx.master.match, 0
    for pos in sorted(found):
        if pos >= end and (m := match(norm, pos)) is not None:
            end = m.end()
            yield m


_TEXT = attrgetter("text")


def _cores(norm: str, lx: NumberLexicon, tokens: Sequence[Token] | None = None) -> Iterator[_Core]:
    """Raw figures in text order, before qualifiers, ranges and kinds are worked out."""
    scan = (lx.master.finditer(norm) if tokens is None or lx.openers is None
            else _figure_starts(norm, tokens, lx))
    for m in scan:
        group = m.lastgroup
        s, e = m.span()
        if group == "digit":
            if (core := _digit_core(m, lx)) is not None:
                yield core
        elif group == "words":
            yield from _word_cores(norm, m, lx)
        elif group == "dash":
            a, b = int(m.group("da")), int(m.group("db"))
            if a < b:
                yield _Core(s, e, s, "digit", lo=a, hi=b, ndigits=len(m.group("da")),
                            conj=norm[s] in lx.conj)
            else:
                yield _Core(s, e, s, "special", value=a, kind="score")
        elif group == "several" and (_words_of(m.group()).endswith(lx.unspecified)
                                     or _relative(m, norm, lx)):
            yield _Core(s, e, s, "special", value=0, kind="unspecified")  # "عدد كبير من"
        elif group == "several":
            yield _Core(s, e, s, "several", vague="several", conj=m.group()[:1] in lx.conj)
        else:                                  # date | time | phone: value = first number
            text = m.group().lstrip("+")
            digits = _NONDIGIT.sub("", text) if group == "phone" else _NONDIGIT.split(text)[0]
            if len(digits) <= MAX_DIGITS:
                yield _Core(s, e, s, "special", value=int(digits), kind=group or "count")


def _words_of(phrase: str) -> str:
    """A matched phrase's words, one space apart, without the quote marks it may hold (a
    quoted "a large number" before its "of")."""
    return " ".join(phrase.replace('"', " ").split())


def _relative(m: re.Match[str], norm: str, lx: NumberLexicon) -> bool:
    """Whether a "several" word ending in the relative pronoun opens a relative clause (the
    number *of those who* were killed: ``numbers.yaml`` relative_after_several)."""
    return m.group().endswith(" " + lx.relative_pronoun) and lx.relative_verb.match(norm, m.end()) is not None


def _digit_core(m: re.Match[str], lx: NumberLexicon) -> _Core | None:
    """The figure of a digit match, or None for a digit string longer than MAX_DIGITS."""
    s, e = m.span()
    raw = m.group("dnum")
    if len(raw) > MAX_DIGITS:
        return None
    mult = lx.mult_of.get(m.group("dmult") or "", 0)
    kind = "count"
    base: float
    if lx.rmark in raw:
        frac, whole = raw.split(lx.rmark)
        raw = f"{whole}.{frac}"                # "5ر1" = 1.5
    if _THOUSANDS.fullmatch(raw) and not (mult and raw.count(".") == 1):
        base = int(_NONDIGIT.sub("", raw))     # "1,200", "1.200", "1.234.567 مليون"
    elif "." in raw or "," in raw:
        base = float(raw.replace(",", "."))    # "1.5 مليون", "5,6 مليون"
        kind = "count" if mult else "decimal"
    else:
        base = int(raw)
    value = int(round(base * mult)) if mult else int(base)
    return _Core(s, e, s, "digit", value=value, kind=kind,
                 conj=m.string[s] in lx.conj, mult=mult, base=base,
                 ndigits=len(raw) if raw.isdigit() else 0)


def _word_cores(norm: str, m: re.Match[str], lx: NumberLexicon) -> Iterator[_Core]:
    """Split a run of number words (and a leading dual noun) into figures."""
    # "خمسة وثلاثة" is two figures, "ثلاثة وعشرون" one
    toks: list[NumberWord] = []
    for tm in lx.run_tok.finditer(norm, m.start(), m.end()):
        if not toks and (dual := lx.resolve(tm.group("w"), lx.dual_forms, tm.start(), tm.end())):
            if dual.stem in lx.adjective_duals and _after_dual(norm, tm.start(), lx):
                continue  # "زورقان آخران": the noun before is the figure, or no people
            yield _Core(dual.start, dual.end, dual.start, "dual", value=2, noun=dual.stem,
                        conj=dual.conj)
            continue
        tok = lx.resolve(tm.group("w"), lx.word_forms, tm.start(), tm.end(), tm.group("c") is not None)
        if tok is None:
            break
        toks.append(tok)
    i = 0
    while i < len(toks):
        i, core = _parse_words(norm, toks, i, lx)
        if core is not None:
            yield core


def _after_dual(norm: str, start: int, lx: NumberLexicon) -> bool:
    """Whether the word right before ``start`` ends in a dual ending."""
    before = norm[max(0, start - 30):start].split()
    return bool(before) and lx.clean(before[-1]).endswith(lx.dual_endings)


_HUNDREDS, _TENS, _UNITS, _TEEN = "hundreds", "tens", "units", "teen"  # places of a part


@dataclass(slots=True)
class _WordSum:
    """The running value of a figure written in words: ``total``, the parts already closed by
    a multiplier (three thousand); ``cur``, the part being read (and five hundred);
    ``last_mult``, the last multiplier (each must be smaller than the one before); ``places``,
    which of hundreds, tens, units and teen the current part holds (each is said once)."""

    cur: int
    total: int
    last_mult: int
    places: set[str]

    @classmethod
    def opening(cls, first: NumberWord) -> _WordSum:
        """The sum after the figure's first word."""
        cat, value = first.cat, first.value
        if cat in _MULTS:
            return cls(0, value * (2 if cat == "mult2" else 1), value, set())
        place = _HUNDREDS if cat in ("hword", "hund") else _TENS if cat == "tens" else _UNITS
        return cls(100 if cat == "hword" else value, 0, _INF, {place})

    def take(self, t: NumberWord, prev: NumberWord) -> bool:
        """Add word ``t`` (after ``prev``) to the figure; False when it cannot continue it."""
        cat, value, places = t.cat, t.value, self.places
        if cat == "ten" and not t.conj and prev.cat in ("unit", "one") \
                and not places & {_TENS, _TEEN}:
            self.cur += 10                          # "ثلاثة عشر", "أحد عشر"
            places.add(_TEEN)
        elif cat in ("unit", "ten") and t.conj and not places & {_UNITS, _TENS, _TEEN} \
                and (self.cur or self.total):
            self.cur += value                       # "مئة وخمسة", "ألف وعشرة"
            places.add(_UNITS)
        elif (cat == "tens" and t.conj and not places & {_TENS, _TEEN} and (self.cur or self.total)
              and (_UNITS not in places or prev.cat == "unit")):
            self.cur += value                       # "ثلاثة وعشرون"
            places.add(_TENS)
        elif cat == "hword" and not t.conj and prev.cat == "unit" and places == {_UNITS} \
                and 3 <= self.cur <= 9:
            self.cur *= 100                         # "ثلاث مئة"
            self.places = {_HUNDREDS}
        elif cat in ("hword", "hund") and t.conj and self.cur == 0 and self.total:
            self.cur = 100 if cat == "hword" else value  # "ألف ومئتان"
            self.places = {_HUNDREDS}
        elif cat in ("mult1", "multn") and not t.conj and self.cur and value < self.last_mult:
            self.total += self.cur * value          # "ثلاثة آلاف"
            self.cur, self.places, self.last_mult = 0, set(), value
        elif cat in ("mult1", "mult2") and t.conj and self.cur == 0 and self.total \
                and value < self.last_mult:
            self.total += 2 * value if cat == "mult2" else value
            self.last_mult = value
        elif cat == "half" and t.conj and self.cur == 0 and self.total and prev.cat in _MULTS:
            self.total += self.last_mult // 2       # "مليون ونصف"
        else:
            return False
        return True


def _parse_words(norm: str, toks: list[NumberWord], i: int, lx: NumberLexicon) -> tuple[int, _Core | None]:
    """The figure starting at ``toks[i]``: (index after it, core or None)."""
    first = toks[i]
    nxt = toks[i + 1] if i + 1 < len(toks) else None

    def core(last: NumberWord, **kw: Any) -> _Core:
        return _Core(first.start, last.end, first.start, "word", conj=first.conj, **kw)

    special = _special_first_word(first, nxt, i, core, lx)
    if special is not None:
        return special
    total = _WordSum.opening(first)
    prev, k = first, i + 1
    while k < len(toks):
        t = toks[k]
        if t.al and not first.al:
            break                              # "الاربع والعشرين" but not "ثلاثة العشرين"
        if t.conj and t.cat != "half" and k + 1 < len(toks) \
                and toks[k + 1].cat in ("mult1", "multn") and toks[k + 1].value >= total.last_mult:
            break                              # "ألفين وثلاثة آلاف": two figures, 2000 and 3000
        if not total.take(t, prev):
            break
        prev = t
        k += 1
    out = core(prev, value=total.total + total.cur)
    if prev.cat in _MULTS and total.cur == 0:
        out.mult = total.last_mult
        out.base = (out.value or 0) / total.last_mult
    else:
        out.base = out.value or 0
    if k == i + 1 and not _single_word_figure(norm, first, out, lx):
        return k, None
    return k, out


def _special_first_word(first: NumberWord, nxt: NumberWord | None, i: int, core: Callable[..., _Core],
                        lx: NumberLexicon) -> tuple[int, _Core | None] | None:
    """A figure decided by its first word (and the next): no number (a weekday spelled like
    one), a vague count (tens, tens of thousands, thousands) or a half (half a million); None
    for a figure whose words add up (:class:`_WordSum`)."""
    if first.al and first.stem in lx.article_blocked:
        return i + 1, None                     # "الاثنين" (Monday), "الأحد (عشرة)" (Sunday)
    if first.cat == "vague":                   # عشرات / مئات (+ الآلاف)
        if nxt is not None and not nxt.conj and nxt.cat == "multn":
            if nxt.value != 1000:
                return i + 2, None             # "مئات الملايين": no such vague word
            return i + 2, core(nxt, vague=lx.vague_of_thousands[first.value])
        return i + 1, core(first, vague=lx.vague_names[first.value])
    if first.cat == "multn":                   # "آلاف" alone
        return i + 1, (core(first, vague="thousands") if first.value == 1000 else None)
    if first.cat == "half":
        if nxt is not None and not nxt.conj and nxt.cat == "mult1":
            half = core(nxt, value=nxt.value // 2)  # "نصف مليون" = 500,000
            half.mult, half.base = nxt.value, 0.5
            return i + 2, half
        return i + 1, None
    return None


def _single_word_figure(norm: str, first: NumberWord, out: _Core, lx: NumberLexicon) -> bool:
    """Whether a figure of one word is one: "one (of)" needs a construct noun after it, "ten"
    after an ordinal is part of it (eleventh); a definite tens word is an ordinal (the
    twentieth century: ``out.kind`` set so)."""
    if first.cat == "one" and not _one_of_ok(norm, first.end, lx):
        return False
    if first.cat == "ten" and lx.strip_article((lx.words_before(norm, first.start, 1) or [""])[0]) \
            in lx.ordinals:
        return False                           # "الحادي عشر"
    if first.al and first.cat == "tens":
        out.kind = "ordinal"                   # "القرن العشرين", "الذكرى الخمسين"
    return True


def _one_of_ok(norm: str, end: int, lx: NumberLexicon) -> bool:
    """Whether a bare "one (of)" word is followed by a construct noun."""
    # "أحد جنودها" = 1, but not "لم يصب أحد بأذى"
    words = [lx.clean(w) for w in norm[end:end + 40].split()[:2]]
    if not words or not words[0].isalpha() or words[0] in lx.one_of_stop:
        return False
    if words[0].startswith(lx.article) or words[0].endswith(lx.pronoun_suffixes) \
            or words[0] in lx.one_of_people:
        return True
    return len(words) > 1 and words[1].startswith(lx.article)


# --- context: qualifiers, ranges, kinds -----------------------------------------------------

def _attach_qualifier(norm: str, c: _Core, floor: int, lx: NumberLexicon) -> None:
    """A hedge before the figure or after it; a conjoined figure takes none from before it
    ("at least" between two figures joined by "and" is the first figure's)."""
    conjoined = norm.startswith(lx.and_, c.start)
    m = None if conjoined else lx.qual_before.search(norm, max(floor, c.start - 40), c.start)
    if m is not None:
        c.qualifier = lx.qualifier_of[" ".join(m.group("q").split())]
        c.start = m.start()
        return
    m = lx.qual_after.match(norm, c.end)
    if m is not None:
        c.qualifier = lx.qualifier_of[" ".join(m.group("q").split())]
        c.end = m.end()
    elif lx.exceeding_toll.search(norm, max(floor, c.start - 40), c.start) is not None:
        c.qualifier = "at_least"  # "وتخطت حصيلة القتلى 220 قتيلا"


def _try_range(norm: str, a: _Core, b: _Core, lx: NumberLexicon) -> _Core | None:
    """``a`` and ``b`` as one range, or None."""
    # "بين 40 و50", "ما بين 40 و50", "من 40 إلى 50", "40 إلى 50", "ثلاثة أو أربعة"
    if a.value is None or b.value is None or a.qualifier or a.kind not in ("count", "year"):
        return None
    if a.form not in ("digit", "word") or b.form not in ("digit", "word") or b.kind != "count":
        return None
    lo, hi = a.value, b.value
    if b.mult and not a.mult:
        if lo >= b.base:
            return None                        # "2015 إلى 4 مليارات"
        lo = int(round(lo * b.mult))           # "بين 40 و50 ألفا"
    if lo >= hi:
        return None
    start = a.start
    gap = norm[a.end:b.start].strip()
    hedge = lx.qual_before.search(gap)  # "من 42 إلى أكثر من 60": the range's upper end hedged
    if hedge is not None and gap[:hedge.start()].strip() in lx.range_to:
        gap = gap[:hedge.start()].strip()
    if b.conj and (not gap or lx.stem_ok(gap, norm, b.end)):
        m = lx.range_between.search(norm, max(0, a.start - 20), a.start)
        if m is None:
            return None
        start = m.start()
    elif gap in lx.range_to and not b.conj:
        m = lx.range_from.search(norm, max(0, a.start - 10), a.start)
        if m is not None:
            if lx.blocked(norm[max(0, m.start() - 60):m.start()]):
                return None                    # "ارتفعت الحصيلة من 20 إلى 40"
            start = m.start()
    elif not (gap in lx.range_or and not b.conj):
        return None
    return _Core(start, b.end, a.num, a.form, lo=lo, hi=hi, ndigits=max(a.ndigits, b.ndigits))


def _classify(norm: str, c: _Core, prev: _Core | None, lx: NumberLexicon) -> int:
    """Set ``c.kind`` from the words around it; return where the text it consumed ends."""
    end = c.end
    value = c.value if c.value is not None else c.hi
    m = lx.after_kind.match(norm, end)
    if m is not None:
        kind = m.lastgroup or ""
        small = c.vague is None and value is not None and value > 0
        ok = {"year": c.ndigits in (3, 4), "date": small and value is not None and value <= 31,
              "time": small and value is not None and value <= 24}.get(kind, True)
        if kind == "duration" and c.vague is None and lx.age_unit.match(norm, end) \
                and _is_age(norm, c.num, lx):
            kind = "age"
        if ok:
            c.kind = kind
            return m.end() if kind == "percent" else end
    if c.vague is not None or c.kind != "count":
        return end
    if lx.age_after.match(norm, end):  # "رجل في 66 من العمر"
        c.kind = "age"
        return end
    before = lx.words_before(norm, c.num)
    w1 = before[-1] if before else ""
    tail = norm[max(0, c.num - 3):c.num].rstrip()
    if tail and tail[-1] in lx.money_signs:
        c.kind = "money"
    elif w1 in lx.time_before:
        c.kind = "time"
    elif (w1 in lx.reference_before and " ".join(before[-2:]) not in lx.total_before
          and norm[c.num:c.num + 1] not in lx.conj  # (not "قائد الكتيبة و5 من مرافقيه")
          or lx.model_before.search(norm, max(0, c.num - 8), c.num)
          or _bracketed_reference(norm, c, lx)):
        c.kind = "reference"  # (not "ما مجموعه 49": a total)
    elif w1 in lx.score_before:
        c.kind = "score"
    elif c.ndigits in (3, 4) and _is_year(value or 0, before, prev, norm, c, lx):
        c.kind = "year"
    elif _inside_a_code(norm, c):
        c.kind = "reference"  # "H7N9" in Arabic letters: a strain's name, not a count
    return end


def _bracketed_reference(norm: str, c: _Core, lx: NumberLexicon) -> bool:
    """Whether a figure alone in brackets follows a reference word: a mortar's calibre (120), a
    case number (17), but not a case's (17 people)."""
    if norm[c.num - 1:c.num] != "(" or norm[c.end:c.end + 1] != ")":
        return False
    before = lx.words_before(norm, c.num - 1)
    return bool(before) and before[-1] in lx.reference_before


CODE_REACH = 8  # characters back to the start of a word that mixes letters and digits


def _inside_a_code(norm: str, c: _Core) -> bool:
    """Whether a digit figure is part of a code of letters and digits (the flu strain H7N9 spelled
    in Arabic letters): two letters glued before it, and letters glued after it or other digits
    earlier in the same word."""
    if c.form != "digit" or c.num < 2 or not (norm[c.num - 1].isalpha()
                                              and norm[c.num - 2].isalpha()):
        return False  # one glued letter is a clitic ("و55", "ب3"), no code
    if c.end < len(norm) and norm[c.end].isalpha():
        return True
    word = norm[max(0, c.num - CODE_REACH):c.num].split()
    return bool(word) and any(ch.isdigit() for ch in word[-1])


def _is_age(norm: str, num: int, lx: NumberLexicon) -> bool:
    if any(w in lx.age_before for w in lx.words_before(norm, num)):
        return True
    tail = norm[max(0, num - 3):num].rstrip()
    return bool(tail) and tail[-1] in lx.age_open


def _is_year(value: int, before: list[str], prev: _Core | None, norm: str, c: _Core,
             lx: NumberLexicon) -> bool:
    w1 = before[-1] if before else ""
    w2 = before[-2] if len(before) > 1 else ""
    if w1 in lx.year_strong and 600 <= value <= 2100:
        return True
    if not 1900 <= value <= 2100:
        return False
    if (w1 in lx.year_weak or w1 in lx.month_words or w2 in lx.month_words
            or w1 in lx.range_from_words and w2 in lx.year_weak):
        return True
    if c.lo is not None and c.lo >= 1950 and c.ndigits == 4:
        return True                            # "2011-2014", "بين 2011 و2014"
    if prev is not None and prev.kind == "year" and not norm[prev.end:c.start].strip(" -" + lx.and_):
        return True                            # "عامي 2014 و2015"
    return c.qualifier is None and 1990 <= value <= 2030 and lx.bare_year_ok(norm, c.end)


# --- driver ---------------------------------------------------------------------------------

def _adds_to_scale(norm: str, prev: _Core, c: _Core) -> bool:
    """Whether digits joined by "wa" (and) right after a figure ending in a scale word complete
    it ("alf wa-500" = 1,500, "3 alaf wa-200" = 3,200, "milyunayn wa-300 alf" = 2,300,000)."""
    return (prev.kind == "count" and prev.lo is None and prev.vague is None and prev.mult > 0
            and prev.value is not None and c.form == "digit" and c.conj and c.lo is None
            and c.value is not None and 0 < c.value < prev.mult
            and not norm[prev.end:c.start].strip())


def find_counts(norm: str, tokens: Sequence[Token] | None = None) -> list[CountMention]:
    """Every figure in normalized text ``norm``, left to right, non-overlapping; ``tokens`` (those
    of ``norm``, from :func:`rasd.text.tokens.tokenize`) only make the search faster."""
    lx = lexicon()
    out: list[_Core] = []
    skip = 0
    for c in _cores(norm, lx, tokens):
        if c.start < skip:
            continue
        prev = out[-1] if out else None
        if c.form == "dual":
            m = lx.dual_two.match(norm, c.end)
            if m is not None:
                c.end = m.end()                # "فلسطينيان اثنان"
        elif c.vague is not None:
            if (prev is not None and prev.form == "several" and c.form == "word"
                    and not norm[prev.end:c.start].strip()):
                c.start = c.num = prev.start   # "بضعة آلاف" = thousands
                out.pop()
                prev = out[-1] if out else None
            _classify(norm, c, prev, lx)
        elif c.form in ("digit", "word"):
            if prev is not None and _adds_to_scale(norm, prev, c):
                prev.value = (prev.value or 0) + (c.value or 0)   # "alf wa-500" = 1,500
                prev.end, prev.mult, prev.base = c.end, 0, prev.value
                skip = max(skip, c.end)
                continue
            merged = _try_range(norm, prev, c, lx) if prev is not None else None
            if merged is not None:
                out.pop()
                c, prev = merged, (out[-1] if out else None)
            elif c.lo is None:
                _attach_qualifier(norm, c, prev.end if prev else 0, lx)
            if c.kind in ("count", "decimal"):
                skip = max(skip, _classify(norm, c, prev, lx))
            if (c.kind == "date" and c.conj and prev is not None and prev.kind == "count"
                    and prev.value is not None and prev.value <= 31
                    and not norm[prev.end:c.start].strip()):
                prev.kind = "date"             # "في 10 و11 مايو"
        skip = max(skip, c.end)
        out.append(c)
    return [c.mention() for c in out]
