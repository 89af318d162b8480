"""Compiled lexicons: the data files of ``lang/ar/data`` turned into fast lookup structures.

Every entry is normalized once; single words go into sets/dicts keyed by the normalized form,
multi-word phrases into a dict keyed by their first word. Token stems (see
:mod:`rasd.text.tokens`) are looked up against these.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from functools import cached_property, lru_cache
from typing import Any, Generic, TypeVar

from rasd.lang.ar import Section, load_data, normalized, normalized_words, singular_persons
from rasd.model import EVENT_TYPES, QUALIFIERS, Token
from rasd.text.normalize import normalize_string
from rasd.text.number_lexicon import person_duals
from rasd.text.tokens import STEMS_KEPT, stems, with_accusative

Phrase = tuple[str, ...]
V = TypeVar("V")


Opening = tuple[tuple[tuple[Phrase, V], ...], tuple[int, V] | None]
"""What a word opens in a :class:`PhraseSet`: the phrases that start with one of its stems
(stem by stem, longest first) and the single-word entry its first listed stem is, if any."""


class _Openings(dict[str, "Opening[V]"], Generic[V]):
    """word -> what it opens in a phrase set, computed on first sight from its stems, which are
    a function of the word (:func:`rasd.text.tokens.stems`). Only words that open an entry are
    asked, so it holds few."""

    __slots__ = ("entries",)

    def __init__(self, entries: PhraseSet[V]) -> None:
        super().__init__()
        self.entries = entries

    def __missing__(self, word: str) -> Opening[V]:
        if len(self) >= STEMS_KEPT:
            self.clear()
        found = self[word] = self.entries.opening(stems(word))
        return found


@dataclass(frozen=True)
class PhraseSet(Generic[V]):
    """Single words and multi-word phrases with a value of type ``V`` each, matched on token
    stems."""

    words: dict[str, V]
    phrases: dict[str, list[tuple[Phrase, V]]]
    keys: frozenset[str]
    openings: _Openings[V] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "openings", _Openings(self))

    @classmethod
    def build(cls, items: Iterable[tuple[str, V]]) -> PhraseSet[V]:
        words: dict[str, V] = {}
        phrases: dict[str, list[tuple[Phrase, V]]] = {}
        for text, value in items:
            parts = tuple(normalize_string(text).split())
            if not parts:
                continue
            if len(parts) == 1:
                words.setdefault(parts[0], value)
            else:
                phrases.setdefault(parts[0], []).append((parts, value))
        for group in phrases.values():
            group.sort(key=lambda pv: -len(pv[0]))
        return cls(words, phrases, frozenset(words) | frozenset(phrases))

    def opening(self, stems: tuple[str, ...]) -> Opening[V]:
        """What a word with these stems opens."""
        phrases = tuple(pv for stem in stems for pv in self.phrases.get(stem, ()))
        single = next(((1, self.words[s]) for s in stems if s in self.words), None)
        return phrases, single

    def match_at(self, tokens: Sequence[Token], i: int, end: int | None = None
                 ) -> tuple[int, V] | None:
        """Longest entry starting at token ``i`` and ending by ``end`` (default: the last token):
        (number of tokens, value), or None."""
        tok = tokens[i]
        if self.keys.isdisjoint(tok.stems):  # most words: a set lookup per stem, no more
            return None
        phrases, single = self.openings[tok.text]
        if phrases:
            limit = len(tokens) if end is None else end
            for parts, value in phrases:
                n = len(parts)
                if i + n > limit:
                    continue
                for k in range(1, n):
                    if parts[k] not in tokens[i + k].stems:
                        break
                else:
                    return n, value
        return single

    def scan(self, tokens: Sequence[Token]) -> list[tuple[int, int, V]]:
        """Entries found left to right, longest first, none overlapping: (first token, end
        token, value) each. Words that open no entry are passed over without a call."""
        out: list[tuple[int, int, V]] = []
        keys = self.keys
        k, n = 0, len(tokens)
        while k < n:
            if keys.isdisjoint(tokens[k].stems):
                k += 1
                continue
            hit = self.match_at(tokens, k)
            if hit is None:
                k += 1
                continue
            out.append((k, k + hit[0], hit[1]))
            k += hit[0]
        return out

    def found_in(self, tokens: Sequence[Token]) -> bool:
        """Whether any entry stands in ``tokens`` (``bool(self.scan(tokens))``, stopping at the
        first)."""
        keys = self.keys
        for k, tok in enumerate(tokens):
            if not keys.isdisjoint(tok.stems) and self.match_at(tokens, k) is not None:
                return True
        return False

    def contains(self, tok: Token) -> bool:
        """Whether a single token is one of the single-word entries."""
        return not self.words.keys().isdisjoint(tok.stems)


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    """What a trigger word or phrase of ``triggers.yaml`` means: its event ``type`` ("killed"),
    its grammatical ``role`` ("verb", "masdar", "noun", "phrase", "loss", ...) and whether it
    counts the killed and wounded together (``mixed``: "بين قتيل وجريح")."""

    type: str
    role: str
    mixed: bool = False


@dataclass(frozen=True)
class TriggerLexicon:
    """Event triggers: a :class:`TriggerEntry` per word or phrase, plus per-type options."""

    entries: PhraseSet[TriggerEntry]
    needs_person: frozenset[str]
    strike_targets: frozenset[str]
    strike_partitives: frozenset[str]
    strike_parts: frozenset[str]  # "أسقطت 71 منها": part of the munitions counted before
    displaced_conjuncts: frozenset[str]  # "20 ألف قتيل و2.6 مليون نازح": the displaced left
    #: per type, the only words of it that count one person (all of them when the type is absent)
    one_person: dict[str, frozenset[str]]
    #: per type, words of it that never count one person named with them ("إلى المستشفى")
    not_one_person: dict[str, frozenset[str]]
    #: per type, the words after which a word of it names something, not an event
    not_after: dict[str, frozenset[str]]
    past_forms: frozenset[str]  # every derived past-tense verb ("قد نزح" is no modal "may")
    masdars: dict[str, str]  # verbal noun -> type: a definite "القتل" is the masdar, no verb
    rescue: frozenset[str]  # rescue words, released only of the captives they name
    captives: frozenset[str]
    hostages: frozenset[str]  # people an arrest word holds who are taken, not arrested
    counted_nouns: frozenset[str]  # event words that right after a figure are what it counts
    seized_before: frozenset[str]  # munitions after these were found, not fired
    other_when_definite: frozenset[str]  # event words whose definite form is another noun
    people_only: frozenset[str]  # event words that count only a figure of people after them

    def names_no_event(self, toks: Sequence[Token], i: int, etype: str) -> bool:
        """Whether a word of type ``etype`` at token ``i`` names something with the word before
        it rather than an event (``not_after``: "مسيرات العودة", "عمال الإنقاذ")."""
        return i > 0 and has_stem(toks[i - 1], self.not_after.get(etype, frozenset()))


_HAND_ROLES = ("phrase", "verb", "masdar", "noun")  # the roles written in triggers.yaml
_FORM_ROLES = (*_HAND_ROLES, "loss")  # and those derived into trigger_forms.yaml


@lru_cache(maxsize=1)
def triggers() -> TriggerLexicon:
    data = load_data("triggers.yaml")
    items: list[tuple[str, TriggerEntry]] = []
    needs_person: set[str] = set()
    # mixed phrases first so that "مقتل وإصابة" wins over "مقتل"
    mixed = data.section("mixed", {})
    for role in ("phrase", "noun"):
        for word in mixed.strings(role, []):
            items.append((word, TriggerEntry("injured", role, mixed=True)))
    for etype in data.keys_of((*EVENT_TYPES, "mixed")):
        if etype == "mixed":
            continue
        roles = data.section(etype)
        if roles.flag("needs_person", False):
            needs_person.add(etype)
        for role in _HAND_ROLES:
            for word in roles.strings(role, []):
                items.append((word, TriggerEntry(etype, role)))
    # derived forms (scripts/build_trigger_forms.py) after the hand-written ones, which win
    forms = load_data("trigger_forms.yaml")
    for etype in forms.keys_of((*EVENT_TYPES, "spec_sha256", "past")):
        if etype in EVENT_TYPES:
            roles = forms.section(etype)
            for role in roles.keys_of(_FORM_ROLES):
                items.extend((word, TriggerEntry(etype, role)) for word in roles.strings(role))
    strikes = data.section("strikes")
    targets = frozenset(strikes.words("targets", []))
    partitives = frozenset(strikes.words("partitives"))
    one_person, not_after = _per_type(data, "one_person"), _per_type(data, "not_after")
    masdars: dict[str, str] = {}
    for word, entry in items:
        if entry.role == "masdar" and not entry.mixed and " " not in word.strip():
            masdars.setdefault(normalized(word), entry.type)
    released = data.section("released")
    return TriggerLexicon(PhraseSet.build(items), frozenset(needs_person), targets, partitives,
                          frozenset(strikes.words("parts")),
                          frozenset(data.section("displaced").words("conjunct_nouns")),
                          one_person, _per_type(data, "not_one_person"), not_after,
                          frozenset(forms.words("past")), masdars,
                          frozenset(released.words("rescue")),
                          frozenset(released.words("captives")),
                          frozenset(data.section("abducted").words("hostages")),
                          frozenset(data.section("arrested").words("counted_nouns")),
                          frozenset(strikes.words("seized_before")),
                          frozenset().union(*_per_type(data, "other_when_definite").values()),
                          frozenset().union(*_per_type(data, "people_only").values()))


def _per_type(data: Section, key: str) -> dict[str, frozenset[str]]:
    """The word list ``key`` of each event type of triggers.yaml that has one."""
    sections = ((etype, data.section(etype)) for etype in data if etype in EVENT_TYPES)
    return {etype: frozenset(roles.words(key)) for etype, roles in sections if key in roles}


def _word_sets(data: Section, lexicon: type, keys: dict[str, str] | None = None,
               **given: Any) -> dict[str, Any]:
    """The fields of a lexicon dataclass: ``given`` ones as they are, and every other
    ``frozenset[str]`` field read as the word list of the same name in ``data`` (or of the name
    ``keys`` maps it to)."""
    keys = keys or {}
    out = dict(given)
    for f in fields(lexicon):
        if f.name not in out and f.type == "frozenset[str]":
            out[f.name] = frozenset(data.words(keys.get(f.name, f.name)))
    return out


@dataclass(frozen=True)
class PersonLexicon:
    singular: frozenset[str]
    plural: frozenset[str]
    dual: frozenset[str]
    others: frozenset[str]
    partitive: frozenset[str]
    of_them: frozenset[str]
    elliptical_before: frozenset[str]
    elliptical_not_before: frozenset[str]
    elliptical_ones: frozenset[str]
    at_large: frozenset[str]
    list_links: PhraseSet[bool]
    single_gap: frozenset[str]
    single_gap_pronouns: frozenset[str]
    single_gap_prepositions: frozenset[str]
    single_gap_times: frozenset[str]
    instrument_agents: frozenset[str]
    person_and: frozenset[str]
    subject_openers: frozenset[str]
    among: frozenset[str]  # "بين الجرحى أحد المصورين": the one person among the victims
    one_of_victims: frozenset[str]  # "أحد القتلى": one of the victims
    relative_one: frozenset[str]
    pronoun_subjects: frozenset[str]  # "أنه قتل": the one person as a pronoun
    arrest_openers: frozenset[str]  # "ألقت الشرطة القبض عليه": the idiom's verb
    one_pronoun_objects: frozenset[str]  # "عليه": the one person held
    arrest_escapes: frozenset[str]  # "للهروب من إلقاء القبض عليه": no arrest
    oblique_before: frozenset[str]  # "مع المسلحين": a person after these is no object
    one_object_suffixes: tuple[str, ...]  # "تقتله": the object pronoun of one person
    plural_verb_alef: str  # "قتلوا" + ه = "قتلوه"
    plural_verb_ending: str  # "قتلوا": a plural verb; "قتلا" a dual
    nisba_oblique_ending: str  # "فلسطينيين": two or many
    not_object_verbs: frozenset[str]  # "أسرته": his family, no capture
    ramming_verbs: frozenset[str]  # "دهس": a person after it may be its driver
    vehicles: frozenset[str]  # "بسيارته": what he drove
    crowds: frozenset[str]  # "دهس رجل المارة": whom he ran over
    before_after: frozenset[str]  # "قبل أن تقتله": the verb after them is no verbal noun
    pronoun_not_verbs: frozenset[str]  # "لكنها توفيت": a death of any cause, not with a pronoun
    passive_adverbs: frozenset[str]  # "أنه قتل داخل القنصلية": adverbs after a passive verb
    damage: frozenset[str]  # "أصيب بأضرار": a thing damaged, no one wounded
    relative_resumptives: frozenset[str]  # "الهجوم الذي قتل فيه": the relative tells of an event
    relative_people: frozenset[str]  # "مئات الذين يعيشون": a figure of people
    breakdown: PhraseSet[bool]
    objects: frozenset[str]
    possessed: frozenset[str]
    one_other: frozenset[str]
    one_of_them: frozenset[str]
    one_of_two: frozenset[str]  # "مدنيان أحدهما طفل": a part of a dual
    naming_words: frozenset[str]  # "أحدهم يدعى": one of them, named
    plural_referents: frozenset[str]
    kin_possessed: frozenset[str]
    kin: frozenset[str]  # "نجل", "ابن": a one-person subject's name window ends after one
    one_possessed: frozenset[str]  # singular person nouns with a possessive ("زميلتها", "مرافقه")
    two_possessed: frozenset[str]  # dual person nouns with a possessive ("طفلاها": her two children)
    two_kin_possessed: frozenset[str]  # the oblique dual of kin with a possessive ("والديه": his parents)
    after_breakdown_persons: frozenset[str]  # "بينهم أم": a person only after a breakdown word
    running_ordinals: dict[str, int]
    dual_referents: frozenset[str]
    dual_apposition: frozenset[str]
    postposed: frozenset[str]
    eminent: frozenset[str]
    partitive_forces: frozenset[str]
    lone_victims: frozenset[str]
    lone_victim_after: frozenset[str]
    lone_victim_found: frozenset[str]  # "عثر [على] جثة": found, before the preposition
    found_on: frozenset[str]
    agents_before: frozenset[str]
    one_subject_idioms: frozenset[str]
    subject_fillers: frozenset[str]
    one_words: frozenset[str]
    not_one_subjects: frozenset[str]
    animals: frozenset[str]
    partitive_objects: frozenset[str]  # "عشرات الآلاف من الألغام": things, not people


def _possessed(words: Iterable[str], suffixes: Iterable[str],
               endings: dict[str, str]) -> frozenset[str]:
    """Person nouns with a possessive pronoun: "قادة" -> قادتها, "مقاتلين" -> مقاتليه,
    "والدين" -> والديه (``endings``: how a noun's ending is written before the pronoun)."""
    out: set[str] = set()
    suffixes = list(suffixes)
    for w in words:
        base = w
        for end, before in endings.items():
            if w.endswith(end) and len(w) - len(end) >= 2:
                base = w[:-len(end)] + before
                break
        out.update(base + s for s in suffixes)
    return frozenset(out)


@lru_cache(maxsize=1)
def persons() -> PersonLexicon:
    data = load_data("persons.yaml")
    nouns = normalized_words(singular_persons()) + data.words("plural") + data.words("dual")
    endings = data.section("possessive_endings")
    ending_forms = {normalized(k): endings.word(k) for k in endings}
    ordinals = data.section("running_ordinals")
    return PersonLexicon(**_word_sets(
        data, PersonLexicon,
        singular=with_accusative(frozenset(normalized_words(singular_persons()))),
        plural=with_accusative(frozenset(data.words("plural"))),
        dual=frozenset(data.words("dual")) | frozenset(person_duals()),
        list_links=PhraseSet.build((w, True) for w in data.strings("list_links")),
        breakdown=PhraseSet.build((w, True) for w in data.strings("breakdown")),
        possessed=_possessed((w for w in nouns if " " not in w),
                             data.words("possessive_suffixes"),
                             ending_forms),
        running_ordinals={normalized(k): ordinals.integer(k) for k in ordinals},
        one_object_suffixes=tuple(data.words("one_object_suffixes")),
        plural_verb_alef=data.word("plural_verb_alef"),
        plural_verb_ending=data.word("plural_verb_ending"),
        nisba_oblique_ending=data.word("nisba_oblique_ending"),
        kin_possessed=_possessed(data.words("kin"), data.words("possessive_suffixes"),
                                 ending_forms),
        # (not with "ه": "ناشطه" is also how "ناشطة" is written normalized)
        one_possessed=_possessed((w for w in normalized_words(singular_persons())
                                  if " " not in w and w not in data.words("not_possessed")),
                                 [s for s in data.words("possessive_suffixes") if len(s) > 1],
                                 ending_forms),
        # the oblique dual of a kin noun ("والديه", "شقيقيه", "ابنيها"): kin have other plurals
        two_kin_possessed=_possessed((w + data.word("oblique_dual_ending") for w in
                                      set(normalized_words(data.words("kin")))
                                      - set(normalized_words(data.words("five_nouns")))),
                                     data.words("possessive_suffixes"), ending_forms),
        # (of the -ان duals only: "مقاتليها" is its fighters, "طفلاها" her two children)
        two_possessed=_possessed((w for w in set(data.words("dual")) | set(person_duals())
                                  if " " not in w and w.endswith(data.word("dual_ending"))),
                                 [s for s in data.words("possessive_suffixes") if len(s) > 1],
                                 ending_forms),
    ))


@dataclass(frozen=True)
class ContextLexicon:
    negation: frozenset[str]
    hypothetical: frozenset[str]
    unrealized: frozenset[str]
    releases_sought: frozenset[str]  # "مطالبتها بإطلاق سراح": no release
    sought_types: frozenset[str]  # the events releases_sought words make none: releases, ...
    not_sought: frozenset[str]  # "وفي المقابل": no "مقابل" of a bargain
    release_sought_window: int
    negation_in_names: frozenset[str]
    modal: frozenset[str]
    subjunctive: frozenset[str]  # "بأن يتسبب": a causative after it is hypothetical
    present_prefixes: tuple[str, ...]
    verbal_noun_pattern: re.Pattern[str]
    modal_exceptions: frozenset[str]
    modal_past_pattern: re.Pattern[str]
    modal_scope_ends: frozenset[str]
    future_causatives: frozenset[str]  # "سيؤدي": governs as far as "قد يؤدي"
    modal_causatives: frozenset[str]
    complementizers: frozenset[str]
    post_qualifiers: PhraseSet[str]
    prior_state: frozenset[str]
    purpose_lam: frozenset[str]
    new_clause: frozenset[str]
    when_clause: frozenset[str]  # "عندما": a figure after it is not an event word's before it
    not_a_clause_after: frozenset[str]  # "فيما بعد", "فيما يشتبه": no clause of its own
    anaphoric_tolls: frozenset[str]
    still: frozenset[str]
    undone: frozenset[str]
    toll_to: frozenset[str]
    active_endings: frozenset[str]
    object_gap_words: frozenset[str]
    purpose_types: frozenset[str]
    purpose_words: frozenset[str]  # "بهدف الخروج": a verbal noun of what was intended
    undone_closers: frozenset[str]  # "لم يتم بعد": nothing else named as not done
    exceptives: frozenset[str]  # "لم يسقط سوى قتيلين": how few, not none
    violence_subjects: frozenset[str]  # "ودفع هجوم الجيش عشرات الآلاف نحو الحدود": fled
    reflexives: frozenset[str]  # "سلم 20 مسلحا أنفسهم": surrendered
    carrying: frozenset[str]  # "حافلات تقل": vehicles carrying people
    refers_back: frozenset[str]  # "، ويقدر عددهم": a clause naming back the people counted
    refers_back_reach: int
    evacuees: frozenset[str]  # "والمدنيين", "وعائلاتهم": evacuees among those carried
    evacuee_reach: int
    homes: frozenset[str]  # "طُرد ... من منازلهم": driven out, displaced ...
    homes_from: frozenset[str]  # ... "من" before them
    bodies: frozenset[str]  # "تسليم جثث 11 عنصرا": the dead, not people returned
    split_idiom_heads: frozenset[str]
    missing_when_bare: frozenset[str]
    with_families: frozenset[str]
    lost_lives: frozenset[str]
    lost_limbs: frozenset[str]  # "فقدوا أطرافهم": wounded
    lost_lives_reach: int
    lost_possessions: frozenset[str]
    causatives: frozenset[str]
    caused_event_links: frozenset[str]
    toll_heads: frozenset[str]
    total_heads: frozenset[str]
    total_relatives: frozenset[str]
    affairs: frozenset[str]
    figure_affairs: frozenset[str]
    consequences: frozenset[str]
    coordinating: frozenset[str]
    by_agent: frozenset[str]
    by_agent_far: frozenset[str]
    by_agent_reach: int
    charges: frozenset[str]
    accused: frozenset[str]
    conditions: PhraseSet[bool]  # "في حال": a condition after a pledge ("بإعادة ... في حال فوزها")
    whole_markers: PhraseSet[bool]  # "من بين 500": a whole after its part
    whole_clauses: frozenset[str]
    plural_verb_ending: str
    adjective_ending: str  # "جوية": a feminine nisba adjective, as between a noun and "عدة"
    condition_states: frozenset[str]  # "في حال خطرة": a state, no condition
    agent_verbs: frozenset[str]  # "قام مسلحان بقتل رهينة": the figure does the act
    responsible: frozenset[str]  # "أربعة أفراد مسؤولة عن إعدامات": who answers for the act
    aside_relatives: frozenset[str]  # "، التي استهدفت منطقة الكسوة،": an aside in a toll

    @cached_property
    def asides(self) -> re.Pattern[str]:
        """A bracketed aside, or a relative clause between commas (``aside_relatives``)."""
        relatives = "|".join(sorted(map(re.escape, self.aside_relatives), key=len, reverse=True))
        return re.compile(rf"\([^()]{{0,200}}\)"
                          rf"|[\u060c,]\s*(?:{relatives})(?!\w)[^\u060c,.()]{{0,200}}[\u060c,]")

    @cached_property
    def blocking(self) -> frozenset[str]:
        """The words of negation, hypothesis and modality: one set that passes most words by
        (:func:`rasd.extractor.rejections.blocked`)."""
        return self.negation | self.hypothetical | self.modal | self.unrealized | self.subjunctive

    def purposive(self, tok: Token, etype: str) -> bool:
        """Whether an event word of type ``etype`` carries the lam of purpose ("لإجلاء")."""
        return etype in self.purpose_types and self.with_purpose_lam(tok)

    def with_purpose_lam(self, tok: Token) -> bool:
        """Whether a word carries the lam of purpose ("لإجلاء", "كان هناك لقتل")."""
        return any(tok.text.endswith(stem) and tok.text[:len(tok.text) - len(stem)]
                   in self.purpose_lam for stem in tok.stems if stem != tok.text)


@lru_cache(maxsize=1)
def context() -> ContextLexicon:
    data = load_data("context.yaml")
    qualifiers = data.section("post_noun_qualifiers")
    return ContextLexicon(**_word_sets(
        data, ContextLexicon,
        present_prefixes=tuple(data.words("present_prefixes")),
        verbal_noun_pattern=re.compile(data.text("verbal_noun_pattern")),
        modal_past_pattern=re.compile(data.text("modal_past_pattern")),
        post_qualifiers=PhraseSet.build((w, q) for q in qualifiers.keys_of(QUALIFIERS)
                                        for w in qualifiers.strings(q)),
        purpose_types=frozenset(data.choices("purpose_types", EVENT_TYPES)),
        evacuee_reach=data.integer("evacuee_reach"),
        release_sought_window=data.integer("release_sought_window"),
        by_agent_reach=data.integer("by_agent_reach"),
        refers_back_reach=data.integer("refers_back_reach"),
        lost_lives_reach=data.integer("lost_lives_reach"),
        conditions=PhraseSet.build((w, True) for w in data.strings("conditions")),
        whole_markers=PhraseSet.build((w, True) for w in data.strings("whole_markers")),
        plural_verb_ending=data.word("plural_verb_ending"),
        adjective_ending=data.word("adjective_ending"),
    ))


@dataclass(frozen=True)
class AttributionLexicon:
    verbs: frozenset[str]
    stops: frozenset[str]
    prepositions: PhraseSet[bool]
    via: PhraseSet[bool]
    kinds: PhraseSet[str]
    max_words: int
    pronoun_suffixes: tuple[str, ...]
    adverbial_openers: tuple[str, ...]
    owner_prepositions: frozenset[str]
    contrast_openers: frozenset[str]  # "غير" / "إلا" before "أن": "إلا أن المرصد أكد"
    topic_openers: frozenset[str]  # "أما X ... فقالت": X speaks
    topic_resumptive: str  # the "ف" of "فقالت"
    topic_reach: int  # words from "أما" to its verb
    topic_not_speakers: frozenset[str]  # "أما في ...": no speaker's topic
    stress_verbs: frozenset[str]  # "شدد": a report only with its "على" ahead ...
    stress_preposition: frozenset[str]
    stress_reach: int  # ... within this many words
    quoting_verbs: frozenset[str]  # "ودان المفوض ...، قائلا:": a report only with "قائلا" ahead
    quoting_words: frozenset[str]
    after_quote_outlet: frozenset[str]  # a quotation closes, then 'وذلك': the article again
    continuing_participles: frozenset[str]  # ". مؤكدة مقتل 40": the last speaker goes on
    document_verbs: frozenset[str]  # "سجل تقرير": a report only with a document after it
    speech_suffixes: tuple[str, ...]
    not_speech_endings: tuple[str, ...]
    lam: str
    charge: str  # "ب" of the charge after a verb of accusing
    not_a_report: frozenset[str]
    not_speakers: frozenset[str]
    cue_words: frozenset[str]  # first words of every cue: prepositions and reporting verbs
    name_words: frozenset[str]  # name parts spelled like a clitic + stop ("الله")
    # the article's own voice ("يشار إلى أن") -> when it counts: "always", "before_that" (right
    # before "أن") or "opening_before_that" (also opening its sentence or a "و" clause)
    outlet_voice: PhraseSet[str]
    that: frozenset[str]       # "أن" and its forms with a pronoun ("أنه", "بأنها")
    relative: frozenset[str]   # "ما", "كما", "حسبما" before a reporting verb
    object_suffixes: tuple[str, ...]  # "قاله", "أعلنته" after "ما"
    anaphoric: frozenset[str]  # "تلك" in "وفقاً لتلك المصادر"
    anaphoric_after: frozenset[str]  # "ذاته" in "بحسب المصدر ذاته"
    own_information: frozenset[str]  # "بحسب المعلومات الأولية": the speaker's own
    noun_before: frozenset[str]  # "مع نقل السفارة": a reporting verb's form read as its verbal noun
    report_nouns: frozenset[str]  # "إعلان الجيش مقتل": a report's verbal noun, speaker after it
    headline_labels: frozenset[str]  # "شاهد:", "عاجل:": a headline's label, no speaker
    auxiliaries: frozenset[str]  # "وكان X، ...، قد قال": the subject framed by an auxiliary
    object_documents: frozenset[str]  # "كشف الجيش نتائج البيان": the verb's object
    relative_pronouns: frozenset[str]  # "الأنباء التي تحدثت عن": the noun before speaks
    relative_head_words: int
    frame_reach: int
    confirming: frozenset[str]  # "هو" in "وهو ما أكدته مصادر"
    confirming_relatives: frozenset[str]  # "ما" there (not "كما": "وذلك كما أعلن")
    name_openers: frozenset[str]  # "باسم" before a quoted name
    object_particles: frozenset[str]  # "به" in "ما أفادت به الوكالة"
    that_verbs: frozenset[str]  # "بين" (بيّن): a reporting verb only before "أن"
    clause_verbs: frozenset[str]  # "نقل": a reporting verb only opening a clause
    accuse_verbs: frozenset[str]  # "اتهم X Y بـ": the accused Y is no part of the speaker
    speaker_openers: PhraseSet[bool]  # "كل من" before conjoined speakers
    continuation_openers: PhraseSet[bool]  # "ومن بين القتلى": the report before goes on
    time_words: frozenset[str]  # "السبت" between a speaker and "نقلاً عن"
    documents: frozenset[str]  # "بيان", "حصيلة": a document whose owner is the speaker
    document_adjectives: frozenset[str]  # "آخر" in "بحسب آخر حصيلة"
    document_qualifiers: frozenset[str]  # "رسمية" in "بحسب حصيلة رسمية"
    owner_connectors: PhraseSet[bool]  # "صادر عن", "أوردتها" between a document and its owner
    content_verbs: frozenset[str]  # "جاء" in "حسبما جاء في التقرير"
    content_prepositions: frozenset[str]  # "في" in "حسبما جاء في التقرير"
    affiliations: frozenset[str]  # "في" in "مصادر في التحالف": the speaker goes on

    @cached_property
    def cues_or_relatives(self) -> frozenset[str]:
        """``cue_words | relative``: one set test passes by the words that are neither."""
        return self.cue_words | self.relative

    def anonymous_head(self, word: str) -> bool:
        """Whether a (normalized) word alone heads an anonymous source ("مصدر", "مسؤولان")."""
        return self.kinds.words.get(word) == "anonymous"

    def body_head(self, tok: Token) -> bool:
        """Whether a word heads a body people speak for ("التحالف", "وزارة", "الجيش"; not the
        media's heads, which are also common nouns: "موقع الانفجار")."""
        return any(self.kinds.words.get(s) in _BODY_KINDS for s in tok.stems)


_BODY_KINDS = frozenset({"monitor", "military", "armed_group", "government"})


_KIND_KEYS = (
    ("anonymous_heads", "anonymous"), ("media_heads", "media"), ("monitor_heads", "monitor"),
    ("military_heads", "military"), ("armed_group_heads", "armed_group"),
    ("government_heads", "government"),
)


@lru_cache(maxsize=1)
def attribution() -> AttributionLexicon:
    data = load_data("attribution.yaml")
    kinds: list[tuple[str, str]] = []
    for key, kind in _KIND_KEYS:
        kinds.extend((w, kind) for w in data.strings(key))
    verbs = frozenset(data.words("reporting_verbs")) | frozenset(data.words("quoting_verbs"))
    prepositions = PhraseSet.build((w, True) for w in data.strings("prepositions"))
    voice = data.section("outlet_voice")
    outlet_voice = PhraseSet.build([(w, when) for when in ("always", "before_that",
                                                          "opening_before_that")
                                    for w in voice.strings(when)])
    return AttributionLexicon(**_word_sets(
        data, AttributionLexicon,
        keys={"stops": "speaker_stops", "relative": "relative_openers",
              "anaphoric": "anaphoric_openers", "documents": "document_nouns"},
        verbs=verbs,
        prepositions=prepositions,
        via=PhraseSet.build((w, True) for w in data.strings("via_markers")),
        continuation_openers=PhraseSet.build((w, True)
                                             for w in data.strings("continuation_openers")),
        kinds=PhraseSet.build(kinds),
        max_words=data.integer("max_speaker_words"),
        frame_reach=data.integer("frame_reach"),
        relative_head_words=data.integer("relative_head_words"),
        pronoun_suffixes=tuple(data.words("pronoun_suffixes")),
        adverbial_openers=tuple(data.words("adverbial_openers")),
        stress_reach=data.integer("stress_reach"),
        stress_preposition=frozenset(data.words("stress_preposition"))
        | frozenset(data.words("quoting_words")),
        topic_resumptive=data.word("topic_resumptive"),
        topic_reach=data.integer("topic_reach"),
        speech_suffixes=tuple(data.words("speech_suffixes")),
        not_speech_endings=tuple(data.words("not_speech_endings")),
        lam=data.word("lam"),
        charge=data.word("charge"),
        cue_words=prepositions.keys | verbs | outlet_voice.keys
        | frozenset(data.words("that_verbs")) | frozenset(data.words("report_nouns"))
        | frozenset(data.words("content_verbs")) | frozenset(data.words("continuing_participles")),
        outlet_voice=outlet_voice,
        object_suffixes=tuple(data.words("object_suffixes")),
        speaker_openers=PhraseSet.build((w, True) for w in data.strings("speaker_openers")),
        owner_connectors=PhraseSet.build((w, True) for w in data.strings("owner_connectors")),
    ))


def has_stem(tok: Token, words: frozenset[str]) -> bool:
    """Whether any stem of ``tok`` is in ``words``."""
    return not words.isdisjoint(tok.stems)


_ACTOR_HEADS = ("government_heads", "military_heads", "media_heads", "monitor_heads",
                "armed_group_heads")


@lru_cache(maxsize=1)
def state_heads() -> frozenset[str]:
    """Single head words of state bodies and forces ("الشرطة", "السلطات", "الجيش"): who can
    arrest or release, from ``attribution.yaml``."""
    data = load_data("attribution.yaml")
    return frozenset(normalized(w) for key in ("government_heads", "military_heads")
                     for w in data.strings(key) if " " not in w)


@lru_cache(maxsize=1)
def actor_heads() -> frozenset[str]:
    """Single head words of institutions ("الجيش", "الشرطة", "وزير"), from ``attribution.yaml``."""
    data = load_data("attribution.yaml")
    return frozenset(normalized(w) for key in _ACTOR_HEADS for w in data.strings(key)
                     if " " not in w)
