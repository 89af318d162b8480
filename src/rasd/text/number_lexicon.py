"""The compiled lexicon of ``lang/ar/data/numbers.yaml``: the word tables and patterns
:func:`rasd.text.numbers.find_counts` reads figures with.

:class:`NumberLexicon` (built once, :func:`lexicon`) holds number words by category and value
(units, tens, hundreds, multipliers, halves, vague words), every clitic form of them and of the
dual nouns (:func:`person_duals` derives those of person nouns), the master pattern finding
every figure and the words read around a figure (qualifiers, ranges, what makes it no head
count: a percent, money, a year, an age ...).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rasd.lang.ar import Section, load_data, normalized, normalized_words, singular_persons
from rasd.model import QUALIFIERS
from rasd.text.tokens import leading_word
from rasd.text.trie import trie_pattern

__all__ = ["NumberLexicon", "NumberWord", "lexicon", "person_duals"]

_STRIP = "()[]{}\"'.,:;!?-_/*#…"


@dataclass(slots=True)
class NumberWord:
    """A resolved number word: offsets, clitic-free stem, category, value and clitic flags."""

    start: int
    end: int
    stem: str
    cat: str
    value: int
    conj: bool
    al: bool


def _cls(chars: Iterable[str]) -> str:
    return "[" + "".join(re.escape(c) for c in chars) + "]"


_WORD_ONLY = re.compile(r"\w+")


class NumberLexicon:
    """Word tables and compiled patterns built from ``numbers.yaml``."""

    def __init__(self, data: Section) -> None:
        self._read_clitics(data.section("clitics"), data.text("punctuation"))
        words = self._read_number_words(data)
        self._compile_figures(data, words)
        self._compile_qualifiers(data.section("qualifiers"))
        self._compile_ranges(data.section("ranges"))
        self._compile_kinds(data.section("kinds"), data.section("ranges"))

    def _read_clitics(self, clitics: Section, punctuation: str) -> None:
        """The clitics a figure's first word may carry, and every (prefix, has "and", has the
        article) combination of them, fewest letters first."""
        self.conj = set(clitics.words("conjunctions"))
        self.preps = set(clitics.words("prepositions"))
        self.article = clitics.word("article")
        self.lam_article, self.and_ = clitics.word("lam_article"), clitics.word("and")
        self.punct = _STRIP + punctuation
        self.prefixes = sorted(
            {(c + p + a, bool(c), bool(a) or p == self.lam_article)
             for c in ("", *self.conj) for p in ("", *self.preps, self.lam_article)
             for a in (("",) if p == self.lam_article else ("", self.article))},
            key=lambda x: len(x[0]))

    def _read_number_words(self, data: Section) -> dict[str, tuple[str, int]]:
        """Number words -> (category, value): units, tens, hundreds (one word or two),
        multipliers (thousand: one, two, many), vague words (tens of, hundreds of); and the
        duals, the word lists read around a figure and the clitic forms of every number word."""
        words: dict[str, tuple[str, int]] = {}
        for cat, key in (("unit", "units"), ("tens", "tens"), ("hund", "hundreds")):
            section = data.section(key)
            words.update((f, (cat, v)) for v in section.integer_keys() for f in section.words(v))
        hwords = data.words("hundred_words")
        words.update((f, (cat, v)) for cat, v, key in (
            ("ten", 10, "ten_words"), ("one", 1, "one_of"), ("hword", 100, "hundred_words"),
            ("half", 0, "half")) for f in data.words(key))
        prefixes = data.section("hundred_prefixes")
        words.update((p + h, ("hund", v * 100)) for v in prefixes.integer_keys()
                     for p in prefixes.words(v) for h in hwords)
        self.mult_of: dict[str, int] = {}
        multipliers = data.section("multipliers")
        for value in multipliers.integer_keys():
            groups = multipliers.section(value)
            for cat, key in (("mult1", "one"), ("mult2", "two"), ("multn", "many")):
                for f in groups.words(key):
                    words[f] = (cat, value)
                    if cat != "mult2":
                        self.mult_of[f] = value
        self.vague_names = {10: "tens", 100: "hundreds"}
        self.vague_of_thousands = {10: "tens_of_thousands", 100: "hundreds_of_thousands"}
        vague = data.section("vague")
        words.update((f, ("vague", 10 if name == "tens" else 100))
                     for name in vague.keys_of(("tens", "hundreds")) for f in vague.words(name))
        self.duals = {f: ("dual", 2) for f in (*data.words("duals"),
                                               *_person_duals(data.section("person_duals")))}
        self.not_numbers = set(data.words("not_numbers"))
        self.word_forms = self._clitic_forms(words)
        self.dual_forms = self._clitic_forms(self.duals)
        self.article_blocked = set(data.words("article_blocked"))
        self.ordinals = set(data.words("ordinals"))
        self.adjective_duals = set(data.words("adjective_duals"))
        self.dual_endings = tuple(data.words("dual_endings"))
        self.one_of_stop = set(data.words("one_of_stop"))
        self.one_of_people = set(data.words("one_of_people"))
        self.pronoun_suffixes = tuple(data.words("pronoun_suffixes"))
        self.year_next = set(data.words("year_next"))
        return words

    def _compile_figures(self, data: Section, words: dict[str, tuple[str, int]]) -> None:
        """``master``, the one pattern finding every figure: a date, time or phone number, a
        digit figure (with a clitic, thousands separators, a multiplier word), a run of number
        words, or a "several" word; and ``openers``, the words it can open with (see
        :func:`_figure_starts`)."""
        art = re.escape(self.article)
        stems = trie_pattern(words)
        qpre = [c + q for c in ("", *self.conj) for q in ("", *self.preps)]
        self.unspecified = tuple(data.words("unspecified"))
        self.relative_pronoun = data.word("relative_pronoun")
        self.relative_verb = re.compile(
            rf"\s+\w+{trie_pattern(data.words('relative_after_several'))}(?!\w)")
        several_words = [p + w for p in qpre for w in (*data.words("several"), *self.unspecified)]
        several = trie_pattern(several_words, r'[\s"]+')
        # the words a figure can open with, but for those holding a digit (see _figure_starts):
        # a clitic before "N" or " N", a number word or dual, a "several" word (first words)
        openers = [p for p, _, _ in self.prefixes if p]
        openers += [*self.word_forms, *self.dual_forms, *several_words]
        leading = {leading_word(w) for w in openers}
        self.openers: frozenset[str] | None = None if "" in leading else frozenset(leading)
        dpre = trie_pattern({p + sp for p, _, _ in self.prefixes if p for sp in ("", " ")}, " ")
        mults = trie_pattern(self.mult_of)
        self.rmark = data.word("reversed_decimal_mark")
        rmark = re.escape(self.rmark)
        self.heads = heads = self._heads({**words, **self.duals})
        # a figure opens a word, or its digits follow letters glued to them ("مقتل25")
        self.master = re.compile("(?:(?<!\\w)|(?<=[^\\W\\d_])(?=\\d))(?:" + "|".join([
            r"(?=[\d+])(?:(?P<date>(?<![/.-])(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}"
            r"|\d{4}[/.-]\d{1,2}[/.-]\d{1,2}|\d{1,2}/\d{1,2})(?![\d/]))"
            r"|(?P<time>(?<!:)\d{1,2}:\d{2}(?::\d{2})?(?![\d:]))"
            r"|(?P<phone>\+\d[\d -]{6,}\d|\d{7,}(?!\d)))",
            rf"{dpre}?(?=\d)(?:(?P<dash>(?P<da>\d{{1,6}}) ?- ?(?P<db>\d{{1,6}})(?!\d|[/.,-]\d))"
            rf"|(?P<digit>(?P<dnum>\d{{1,3}}(?:,\d{{3}})+(?!\d|,\d)|\d{{1,3}}(?:\.\d{{3}})+(?!\d|\.\d)"
            rf"|\d+{rmark}\d+|\d+(?:[.,]\d+)?)(?:\s?(?P<dmult>{mults})(?!\w))?))",
            rf"(?P<words>{heads}(?!\w)(?:\s+(?:{re.escape(self.and_)}\s?)?(?:{art})?{stems}(?!\w))*)",
            rf"(?P<several>{several}(?!\w))",
        ]) + ")")
        self.run_tok = re.compile(rf"(?:(?P<c>{re.escape(self.and_)})\s+)?(?P<w>\S+)")
        self.dual_two = re.compile(rf"\s+{trie_pattern(data.words('dual_twos'))}(?!\w)")

    def _compile_qualifiers(self, qualifiers: Section) -> None:
        """Hedges before a figure (about, more than) and after it (at least), by qualifier."""
        sides = {side: qualifiers.section(side) for side in ("before", "after")}
        self.qualifier_of = {p: k for side in sides for k in sides[side].keys_of(QUALIFIERS)
                             for p in sides[side].words(k)}
        clitics = trie_pattern(qualifiers.words("clitics"))
        before = trie_pattern(p for k in sides["before"] for p in sides["before"].words(k))
        self.qual_before = re.compile(rf"(?<!\w){clitics}?(?P<q>{before})\s*$")
        after = trie_pattern(p for k in sides["after"] for p in sides["after"].words(k))
        self.qual_after = re.compile(rf"\s*(?P<q>{after})(?!\w)")
        exceeding, heads = (trie_pattern(qualifiers.words(k)) for k in ("exceeding", "toll_heads"))
        self.exceeding_toll = re.compile(
            rf"(?<!\w){clitics}?(?:{exceeding})\s+(?:{heads})\s+\S+\s*$")

    def _compile_ranges(self, ranges: Section) -> None:
        """Ranges: between N and M, from N to M, N or M, and the words that block them."""
        conj = _cls(self.conj)
        self.range_between = re.compile(
            rf"(?<!\w){conj}?{trie_pattern(ranges.words('between'))}\s+$")
        self.range_from = re.compile(rf"(?<!\w){conj}?{trie_pattern(ranges.words('from'))}\s+$")
        self.range_from_words = set(ranges.words("from"))
        self.range_to = set(ranges.words("to"))
        self.range_or = set(ranges.words("or"))
        self.blockers = self.expand(ranges.words("blockers"))

    def _compile_kinds(self, kinds: Section, ranges: Section) -> None:
        """What tells a figure is no head count: the words after it (a percent, money, a year,
        a date, a time, a distance, a measure, a duration, an age) and before it (an age, a
        time, a reference number, a score, a year, a weapon model: F-16)."""
        art = re.escape(self.article)
        months = kinds.words("months")
        self.month_words = self.expand(m.split()[0] for m in months)
        frm = trie_pattern(ranges.words("from"))

        def after_words(key: str, article: bool = False) -> str:
            return (f"(?:{art})?" if article else "") + trie_pattern(kinds.words(key))

        date = rf"(?:{frm}\s+)?{trie_pattern(months + kinds.words('date_after_words'))}"
        self.after_kind = re.compile(
            r"\s*(?:[\"(]\s*)?(?:" + "|".join(f"(?P<{name}>{rx})" for name, rx in [
                ("percent", after_words("percent_after")),
                ("money", after_words("money_after", True)),
                ("year", after_words("year_after")),
                ("date", date),
                ("time", after_words("time_after")),
                ("distance", after_words("distance_after", True)),
                ("measure", after_words("measure_after", True)),
                ("duration", after_words("duration_after", True)),
            ]) + r")(?![^\W\d_])")  # a word may end there or run into digits: "أكتوبر2016"
        self.age_unit = re.compile(r"\s*(?:[\"(]\s*)?" + after_words("age_units")
                                   + r"(?!\w)")
        self.age_after = re.compile(r"\s*" + after_words("age_after") + r"(?!\w)")
        self.money_signs = set(kinds.strings("money_before"))
        self.age_before = self.expand(kinds.words("age_before"))
        self.age_open = set(kinds.strings("age_open"))
        self.time_before = self.expand(kinds.words("time_before"))
        self.reference_before = self.expand(kinds.words("reference_before"))
        self.total_before = frozenset(self.clean(w) for w in kinds.strings("total_before"))
        self.score_before = self.expand(kinds.words("score_before"))
        self.year_strong = self.expand(kinds.words("year_strong_before"))
        self.year_weak = self.expand(kinds.words("year_weak_before"))
        models = trie_pattern(kinds.words("model_prefixes"))
        # "إف-16", and two letter names spaced out ("إم أتش 17", the flight MH17)
        self.model_before = re.compile(rf"(?:(?<![a-z])[a-z]{{1,5}}\s?-?\s?|(?<!\w){models}\s?-\s?"
                                       rf"|(?<!\w){models}\s{models}\s?-?\s?)$")

    def _heads(self, table: dict[str, Any]) -> str:
        """A pattern matching a whole word of :attr:`word_forms` or :attr:`dual_forms`: a clitic
        prefix and an entry of ``table``, but not a form of ``not_numbers``. The same words as
        one trie of every form (9,000 of them), a tenth of its size, so the master pattern
        compiles about four times faster; every form is word characters only, so a match of
        either pattern (followed by ``(?!\\w)``) is the whole word."""
        forms = (*self.word_forms, *self.dual_forms)
        if not all(_WORD_ONLY.fullmatch(f) for f in forms):  # a form with a space: every form
            return trie_pattern(forms)
        removed = {c + w for w in self.not_numbers for c in ("", *self.conj)}
        blocked = rf"(?!{trie_pattern(removed)}(?!\w))" if removed else ""
        prefixes = trie_pattern(p for p, _, _ in self.prefixes if p)
        return rf"{blocked}{prefixes}?{trie_pattern(table)}"

    # -- word helpers --

    def resolve(self, word: str, forms: dict[str, tuple[str, str, int, bool, bool]],
                start: int = 0, end: int = 0, conj: bool = False) -> NumberWord | None:
        """``word`` (clitics included) looked up in ``forms`` (see :meth:`_clitic_forms`)."""
        hit = forms.get(word)
        if hit is None:
            return None
        return NumberWord(start, end, hit[0], hit[1], hit[2], conj or hit[3], hit[4])

    def _clitic_forms(self, table: dict[str, tuple[str, int]]
                      ) -> dict[str, tuple[str, str, int, bool, bool]]:
        """Every clitic form of every entry: form -> (stem, category, value, conj, article)."""
        forms = {}
        for pre, has_conj, has_al in reversed(self.prefixes):    # fewest clitics win
            for stem, (cat, value) in table.items():
                forms[pre + stem] = (stem, cat, value, has_conj, has_al)
        for w in self.not_numbers:
            for c in ("", *self.conj):
                forms.pop(c + w, None)
        return forms

    def clean(self, word: str) -> str:
        return word.strip(self.punct)

    def expand(self, words: Iterable[str]) -> set[str]:
        """``words`` with every clitic form a preceding-context word can take."""
        # "في" -> "وفي", "العام" -> "للعام"
        out: set[str] = set()
        for w in words:
            forms = [w]
            if w.startswith(self.article):
                forms.append(self.lam_article + w[len(self.article):])
            for f in list(forms):
                forms += [p + f for p in self.preps]
            out.update(c + f for c in ("", *self.conj) for f in forms)
        return out

    def strip_article(self, word: str) -> str:
        return word[len(self.article):] if word.startswith(self.article) else word

    def words_before(self, norm: str, pos: int, n: int = 3) -> list[str]:
        chunk = norm[max(0, pos - 45):pos].replace("/", " ").split()
        return [self.clean(w) for w in chunk[-n:]]

    def blocked(self, text: str) -> bool:
        return any(self.clean(w) in self.blockers for w in text.split()[-3:])

    def stem_ok(self, gap: str, norm: str, end: int) -> bool:
        """One noun between two figures of a range, repeated after the second figure."""
        # "ما بين 110 مدنيين و150 مدنيا"
        if " " in gap or any(ch.isdigit() for ch in gap):
            return False
        nxt = norm[end:end + 30].split()
        if not nxt:
            return False
        a, b = self.strip_article(gap), self.strip_article(self.clean(nxt[0]))
        return len(a) >= 3 and a[:3] == b[:3]

    def bare_year_ok(self, norm: str, end: int) -> bool:
        rest = norm[end:end + 30].split()
        if not rest:
            return True
        w = rest[0]
        if not w[0].isalpha():
            return True
        w = self.clean(w)
        return w.startswith(self.article) or w in self.year_next or not w


@lru_cache(maxsize=1)
def lexicon() -> NumberLexicon:
    return NumberLexicon(load_data("numbers.yaml"))


def person_duals() -> list[str]:
    """The derived duals of person nouns (``numbers.yaml`` person_duals), normalized."""
    return _person_duals(load_data("numbers.yaml").section("person_duals"))


def _person_duals(spec: Section) -> list[str]:
    """Nominative duals of the singular person nouns of ``persons.yaml`` (the ``endings`` rule of
    numbers.yaml), but for the ``not_duals`` that name something else, and the possessed forms of
    kin and ``possessed_nouns`` ("شقيقاه": a ``possessed`` pronoun after the dual without its ن)."""
    ending_rule = spec.section("endings")
    endings = {normalized(k): normalized(ending_rule.text(k)) for k in ending_rule}
    fem = [k for k in endings if k]
    acc = load_data("clitics.yaml").word("accusative_suffix")
    out, singular = [], []
    for w in normalized_words(singular_persons()):
        if " " in w or w.endswith(acc):
            continue
        singular.append(w)
        end = next((k for k in fem if w.endswith(k)), "")
        out.append(w[:len(w) - len(end)] + endings[end])
    blocked = set(spec.words("not_duals"))
    duals = [d for d in out if d not in blocked]
    owned = set(normalized_words(load_data("persons.yaml").strings("kin")))
    owned.update(spec.words("possessed_nouns"))
    possessed = [dual[:-1] + suffix for w, dual in zip(singular, out)
                 if w in owned and dual not in blocked for suffix in spec.words("possessed")]
    return duals + possessed + _nationality_duals(spec.words("nationality_endings"), blocked)


def _nationality_duals(endings: list[str], blocked: set[str]) -> list[str]:
    """Nominative duals of the nationality adjectives of ``nationalities.yaml`` ("تونسيان",
    "مصريتان": two Tunisians, two Egyptian women), but for countries whose forms are listed
    (ambiguous words) and compound adjectives."""
    out: list[str] = []
    for entry in load_data("nationalities.yaml").sections("countries"):
        if "forms" in entry:
            continue
        for adj in entry.words("adjectives", []):
            if " " not in adj:
                out.extend(adj + end for end in endings if adj + end not in blocked)
    return out
