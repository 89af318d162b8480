"""The name of the one person a claim counts ("اختفاء الصحفي السعودي جمال خاشقجي" -> جمال
خاشقجي), read after the claim's subject noun, so that reports of one named person's arrest,
disappearance or death can be grouped across articles however each places or dates it.

No Arabic name recognizer installs offline: a name is the run of words after the subject noun
(and at most a couple of adjectives with the article) that are not function words, event words
or figures (lexicon ``names.yaml``), cut at punctuation. It is set only on counts of one with a
subject, and only when at least two such words follow.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence, Set
from dataclasses import dataclass
from functools import lru_cache

from rasd.extractor.nationality import country_of, names_a_country
from rasd.lang.ar import load_data
from rasd.model import Claim, Document, NormOffset, OrigOffset, Token
from rasd.text.tokens import has_article, has_preposition, is_definite, starts_with_conjunction

__all__ = ["aged_name", "bare_name", "bare_name_masdar", "bare_name_verb", "claim_names", "is_name_word",
           "lone_name", "not_before_names", "opens_name", "person_name", "shared_names"]


@dataclass(frozen=True)
class _Lexicon:
    bare_name_verbs: frozenset[str]
    bare_name_masdars: frozenset[str]
    not_bare_names: frozenset[str]
    not_names: frozenset[str]
    max_adjectives: int
    min_words: int
    max_words: int
    given_names: frozenset[str]
    not_before_names: frozenset[str]
    age_openers: frozenset[str]
    age_reach: int


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = load_data("names.yaml")
    return _Lexicon(frozenset(data.words("bare_name_verbs")),
                    frozenset(data.words("bare_name_masdars")),
                    frozenset(data.words("not_bare_names")), frozenset(data.words("not_names")),
                    data.integer("max_adjectives"),
                    data.integer("min_words"), data.integer("max_words"),
                    frozenset(data.words("given_names")),
                    frozenset(data.words("not_before_names")),
                    frozenset(data.words("age_openers")), data.integer("age_reach"))


def not_before_names() -> frozenset[str]:
    """Event words after which a bare name is not the event's person (``names.yaml``)."""
    return _lexicon().not_before_names


def opens_name(toks: Sequence[Token], k: int) -> bool:
    """Whether token ``k`` opens a person's name: a given name ("طه", "سمر"; ``names.yaml``
    given_names) with no article, followed by one more name word in the same clause ("طه
    الشهاري", "سمر بدوي")."""
    lex = _lexicon()
    if k + 1 >= len(toks) or has_article(toks[k]) or lex.given_names.isdisjoint(toks[k].stems):
        return False
    nxt = toks[k + 1]
    return nxt.start - toks[k].end <= 1 and _adjective(nxt, lex) and not starts_with_conjunction(nxt)


_AGE_GAP = " \u060c,("  #: what may stand between a name and its age: "يوسيل (44 عاما)"


def aged_name(norm: str, toks: Sequence[Token], k: int, ages: Set[int]) -> bool:
    """Whether tokens from ``k`` are a name (one to ``max_words`` plain words) told with its
    age (``ages``: token indices of ages): right after it in brackets or commas ("يوسيل (44
    عاما)"), or after an age opener ("وليام شوماخر البالغ من العمر 52 عاما")."""
    lex = _lexicon()
    for m in range(k, min(len(toks), k + lex.max_words + 1)):
        if m > k and (m in ages and not norm[toks[m - 1].end:toks[m].start].strip(_AGE_GAP)
                      or not lex.age_openers.isdisjoint(toks[m].stems)
                      and any(a in ages for a in range(m + 1, m + 1 + lex.age_reach))):
            return True
        if not _adjective(toks[m], lex) or has_article(toks[m]) and m == k \
                or m > k and norm[toks[m - 1].end:toks[m].start].strip():
            return False
    return False


def bare_name_verb(tok: Token) -> bool:
    """Whether a bare name may follow this event verb as its one person (``names.yaml``
    bare_name_verbs: past verbs, "قتل", "اعتقلت")."""
    return not _lexicon().bare_name_verbs.isdisjoint(tok.stems)


def lone_name(norm: str, toks: Sequence[Token], k: int, verb: int) -> bool:
    """Whether token ``k`` alone is a person's (family) name, the subject of the passive event
    verb at ``verb`` ("أن خاشقجي قتل في القنصلية", "إن لحود قتل بعدة طلقات", maybe with "قد"
    between): a plain word with no article, no nationality or country, no function, group or
    event word; the verb a past one of ``bare_name_verbs`` that takes no object: the sentence or
    clause ends after it, or a function word or a word with a joined preposition follows. Right
    after "أن" or "كان" a first "و" is the name's own ("وكان وارمبير اعتقل"): no conjunction
    stands there."""
    lex = _lexicon()
    tok = toks[k]
    if has_article(tok) or not _adjective(tok, lex) or country_of(tok.text) is not None \
            or len(tok.text) < 3 \
            or not lex.not_bare_names.isdisjoint(tok.stems) or names_a_country(tok.text) \
            or not bare_name_verb(toks[verb]):
        return False
    if verb + 1 == len(toks) or norm[toks[verb].end:toks[verb + 1].start].strip():
        return True
    after = toks[verb + 1]
    return has_preposition(after) or not lex.not_names.isdisjoint(after.stems)


def bare_name_masdar(tok: Token) -> bool:
    """Whether a bare name may follow this verbal noun as its one person (``names.yaml``
    bare_name_masdars: "مقتل", "اعتقال")."""
    return not _lexicon().bare_name_masdars.isdisjoint(tok.stems)


def bare_name(norm: str, toks: Sequence[Token], k: int) -> bool:
    """Whether tokens ``k`` and ``k + 1`` are a bare two-word name: a word with no article and a
    family name with it ("شريف الرجب", "منور المطيري"), neither a function, event, group or
    nationality word (``names.yaml`` not_names, not_bare_names), closed by a clause break, the
    sentence's end, a function word or a word with a joined preposition ("برصاص")."""
    lex = _lexicon()
    if k + 1 >= len(toks):
        return False
    first, family = toks[k], toks[k + 1]
    if has_article(first) or not has_article(family) or not lex.not_bare_names.isdisjoint(first.stems) \
            or not (_name_word(first, lex) and _name_word(family, lex)) \
            or norm[first.end:family.start].strip():
        return False
    if k + 2 == len(toks) or norm[family.end:toks[k + 2].start].strip():
        return True
    after = toks[k + 2]
    return has_preposition(after) or not lex.not_names.isdisjoint(after.stems)


_COMMA = " \u060c,"  #: an apposition's comma may stand before a name ("الصحفي، جمال")


def _joined(doc: Document, left: Token, right: Token) -> bool:
    """Whether two neighbouring words are separated by spaces only (no punctuation)."""
    return not doc.norm[left.end:right.start].strip()


def _adjective(tok: Token, lex: _Lexicon) -> bool:
    """Letters only, not a function or event word: a word between the noun and the name
    ("السعودي", "والإعلامي")."""
    return tok.text.isalpha() and tok.text not in lex.not_names \
        and lex.not_names.isdisjoint(tok.stems)


def _plain_word(tok: Token, lex: _Lexicon) -> bool:
    """An :func:`_adjective` word with no joined "و" or preposition ("وضابط", "برتبة")."""
    return _adjective(tok, lex) and not starts_with_conjunction(tok) and not has_preposition(tok)


def _name_word(tok: Token, lex: _Lexicon) -> bool:
    """A word that can be part of a name: a plain word that is no nationality ("فلسطيني")."""
    return _plain_word(tok, lex) and country_of(tok.text) is None


def is_name_word(tok: Token) -> bool:
    """Whether a word can stand in a person's name or its title: an :func:`_adjective` word
    with no joined "و" (a name may start like a preposition: "كولفن", "بلترام"), no
    nationality."""
    return _adjective(tok, _lexicon()) and not starts_with_conjunction(tok) \
        and country_of(tok.text) is None


def person_name(doc: Document, starts: Sequence[int], subject_end: int) -> str | None:
    """The name (original spelling) written right after a definite subject noun ("الصحفي")
    ending at normalized offset ``subject_end``, or None when none is."""
    lex = _lexicon()
    toks = doc.tokens
    k = bisect.bisect_left(starts, subject_end)
    prev: Token | None = toks[k - 1] if 0 < k <= len(toks) else None
    if prev is None or not is_definite(prev):
        return None  # "ضابط وضابط صف", "رجل يبلغ": an indefinite noun is not followed by a name
    skipped = 0
    while k < len(toks) and skipped < lex.max_adjectives and is_definite(toks[k]) \
            and _adjective(toks[k], lex) and _joined(doc, prev, toks[k]):
        prev, k, skipped = toks[k], k + 1, skipped + 1
    if k >= len(toks) or has_article(toks[k]) or doc.norm[prev.end:toks[k].start].strip(_COMMA):
        return None
    words = [toks[k]]
    while len(words) < lex.max_words and k + len(words) < len(toks):
        nxt = toks[k + len(words)]
        if not (_joined(doc, words[-1], nxt) and _name_word(nxt, lex)):
            break
        words.append(nxt)
    if len(words) < lex.min_words or not _name_word(words[0], lex):
        return None
    return doc.original(NormOffset(words[0].start), NormOffset(words[-1].end))


def shared_names(types: Sequence[str], names: Sequence[str | None],
                 definite: Sequence[bool]) -> list[str | None]:
    """Names carried over inside one article: a count of one with a definite subject and no
    name of its own ("اختفاء الصحفي") takes the name the article's other claims of its type
    give, when they all give one and the same name."""
    by_type: dict[str, set[str]] = {}
    for t, name in zip(types, names):
        if name:
            by_type.setdefault(t, set()).add(name)
    out = list(names)
    for i, (t, name) in enumerate(zip(types, names)):
        found = by_type.get(t, set())
        if name is None and definite[i] and len(found) == 1:
            out[i] = next(iter(found))
    return out


def claim_names(doc: Document, starts: list[int], claims: Sequence[Claim]) -> list[str | None]:
    """Per claim, the name of the one person it counts (``starts``: the token starts), or None;
    a definite noun named elsewhere in the article takes that name."""
    names: list[str | None] = []
    definite: list[bool] = []
    for claim in claims:
        subject = claim.subject
        if subject is None or not claim.count.one:
            names.append(None)
            definite.append(False)
            continue
        end = doc.norm_offset(OrigOffset(subject.span.end))
        k = bisect.bisect_left(starts, end) - 1
        definite.append(k >= 0 and is_definite(doc.tokens[k]))
        name = person_name(doc, starts, end)
        if name is None and definite[-1]:
            name = _named_elsewhere(doc, starts, doc.tokens[k].text)
        names.append(name)
    return shared_names([c.type for c in claims], names, definite)


NAME_LOOKUPS = 50  #: occurrences of a subject noun read for the name it is given elsewhere


def _named_elsewhere(doc: Document, starts: list[int], noun: str) -> str | None:
    """The one name the article gives the same definite noun elsewhere ("اختفاء الصحفي" and,
    earlier or later, "الصحفي السعودي جمال خاشقجي"); None when it gives none or several."""
    found: set[str] = set()
    pos = doc.norm.find(noun)
    for _ in range(NAME_LOOKUPS):
        if pos < 0:
            break
        name = person_name(doc, starts, pos + len(noun))
        if name is not None:
            found.add(name)
        pos = doc.norm.find(noun, pos + len(noun))
    return found.pop() if len(found) == 1 else None
