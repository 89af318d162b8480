"""The lexicon of :mod:`rasd.extractor.quantities` (``quantities.yaml``: attack kinds and
targets, period, context, revision and part wordings) and the queries on attack kinds that
reconciliation shares: which kinds can name one incident, which tell incidents apart, whose toll
runs on "since" it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from rasd.extractor.lexicon import PhraseSet
from rasd.lang.ar import load_data

__all__ = ["compatible_attacks", "distinctive", "echoing", "lasting", "quantity_lexicon"]

_DATA = "quantities.yaml"


@dataclass(frozen=True)
class QuantityLexicon:
    attacks: PhraseSet[str]          #: phrase -> attack kind
    parents: dict[str, str]     #: attack kind -> broader kind
    routine: frozenset[str]     #: attack kinds too common to tell incidents apart
    lasting: frozenset[str]     #: kinds of one incident whose toll runs on "since" it
    recurring: frozenset[str]   #: lasting kinds that recur within days at one place
    care_targets: frozenset[str]
    care_before: frozenset[str]
    care_after: frozenset[str]
    targets: PhraseSet[str]     #: phrase -> target
    since_openers: frozenset[str]
    since_starts: frozenset[str]
    since_relative: PhraseSet[bool]
    since_after_span: PhraseSet[bool]
    since_after_span_words: int
    since_complementizers: frozenset[str]
    span_openers: PhraseSet[bool]
    span_units: frozenset[str]
    short_span_units: frozenset[str]
    day_units: frozenset[str]
    short_span_days: int
    span_phrases: PhraseSet[bool]
    span_reach: int
    period_reach: int
    revisions: PhraseSet[bool]
    parts: PhraseSet[bool]
    earlier: PhraseSet[bool]
    pluperfect: frozenset[str]
    pluperfect_particle: frozenset[str]
    pluperfect_reach: int
    toll_nouns: frozenset[str]
    background: PhraseSet[bool]
    rising: PhraseSet[bool]
    additional: PhraseSet[bool]
    additional_reach: int
    contrast: PhraseSet[bool]
    segment_openers: PhraseSet[bool]
    part_markers_after: PhraseSet[bool]
    part_marker_reach: int
    share_after: PhraseSet[bool]
    share_before: PhraseSet[bool]
    share_before_reach: int
    share_hospital: PhraseSet[bool]

    @cached_property
    def context_openers(self) -> frozenset[str]:
        """Every word that can open what :func:`_context` and :func:`_revision` look for."""
        return (self.background.keys | self.earlier.keys | self.rising.keys
                | self.additional.keys | self.revisions.keys | self.pluperfect)

    @cached_property
    def period_openers(self) -> frozenset[str]:
        """Every word that can open a period ("منذ", "خلال", a span phrase's first word)."""
        return self.since_openers | self.span_phrases.keys | self.span_openers.keys \
            | self.since_relative.keys


@lru_cache(maxsize=1)
def quantity_lexicon() -> QuantityLexicon:
    data = load_data(_DATA)
    kinds = data.section("attacks")
    known = frozenset(kinds.keys())
    attacks = [(w, kind) for kind in kinds for w in kinds.section(kind).strings("words")]
    parents = {kind: kinds.section(kind).choice("parent", known) for kind in kinds
               if kinds.section(kind).raw("parent", None)}
    target_kinds = data.section("targets")
    targets = [(w, kind) for kind in target_kinds for w in target_kinds.strings(kind)]
    flag = PhraseSet.build
    return QuantityLexicon(
        attacks=flag(attacks), parents=parents, targets=flag(targets),
        routine=frozenset(data.choices("routine_attacks", known)),
        lasting=frozenset(data.choices("lasting_incidents", known)),
        recurring=frozenset(data.choices("recurring_incidents", known)),
        care_targets=frozenset(data.choices("care_targets", target_kinds.keys())),
        care_before=frozenset(data.words("care_before")),
        care_after=frozenset(data.words("care_after")),
        since_openers=frozenset(data.words("since_openers")),
        since_starts=frozenset(data.words("since_starts")),
        since_relative=flag((w, True) for w in data.strings("since_relative")),
        since_after_span=flag((w, True) for w in data.strings("since_after_span")),
        since_after_span_words=data.integer("since_after_span_words"),
        since_complementizers=frozenset(data.words("since_complementizers")),
        span_openers=flag((w, True) for w in data.strings("span_openers")),
        span_units=frozenset(data.words("span_units")),
        short_span_units=frozenset(data.words("short_span_units")),
        day_units=frozenset(data.words("day_units")),
        short_span_days=data.integer("short_span_days"),
        span_phrases=flag((w, True) for w in data.strings("span_phrases")),
        span_reach=data.integer("span_reach"),
        period_reach=data.integer("period_reach"),
        revisions=flag((w, True) for w in data.strings("revisions")),
        parts=flag((w, True) for w in data.strings("parts")),
        earlier=flag((w, True) for w in data.strings("earlier")),
        pluperfect=frozenset(data.words("pluperfect")),
        pluperfect_particle=frozenset(data.words("pluperfect_particle")),
        pluperfect_reach=data.integer("pluperfect_reach"),
        toll_nouns=frozenset(data.words("toll_nouns")),
        background=flag((w, True) for w in data.strings("background")),
        rising=flag((w, True) for w in data.strings("rising")),
        additional=flag((w, True) for w in data.strings("additional")),
        additional_reach=data.integer("additional_reach"),
        contrast=flag((w, True) for w in data.strings("contrast")),
        segment_openers=flag((w, True) for w in data.strings("segment_openers")),
        part_markers_after=flag((w, True) for w in data.strings("part_markers_after")),
        part_marker_reach=data.integer("part_marker_reach"),
        share_after=flag((w, True) for w in data.strings("share_after")),
        share_before=flag((w, True) for w in data.strings("share_before")),
        share_before_reach=data.integer("share_before_reach"),
        share_hospital=flag((w, True) for w in data.strings("share_hospital")),
    )


def _ancestors(kind: str, parents: dict[str, str]) -> set[str]:
    out = {kind}
    while kind in parents and parents[kind] not in out:
        kind = parents[kind]
        out.add(kind)
    return out


def compatible_attacks(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two attack-kind lists can name one incident: either is empty, both are only
    routine kinds, or some kind of one equals, or is a broader kind of, some kind of the
    other."""
    if not a or not b:
        return True
    if not distinctive(a) and not distinctive(b):
        return True  # routine kinds of one battle day ("اشتباكات", "إطلاق نار", "قصف") mix
    parents = quantity_lexicon().parents
    for x in a:
        up_x = _ancestors(x, parents)
        for y in b:
            if y in up_x or x in _ancestors(y, parents):
                return True
    return False


def lasting(attacks: Iterable[str]) -> set[str]:
    """The attack kinds of one incident whose toll runs on "since" it (an earthquake, a
    chemical attack, a crash), as opposed to a campaign's."""
    return set(attacks) & quantity_lexicon().lasting


def echoing(attacks: Iterable[str]) -> set[str]:
    """The lasting kinds whose later reports, days on, are still of the same incident (a
    chemical attack, a flood; not an earthquake, whose aftershocks are new incidents)."""
    lex = quantity_lexicon()
    return set(attacks) & (lex.lasting - lex.recurring)


def distinctive(attacks: Iterable[str]) -> set[str]:
    """The attack kinds that can tell an incident apart (not routine in a war: a car bomb, a
    stampede, a chemical attack, but not an air strike or clashes)."""
    return set(attacks) - quantity_lexicon().routine
