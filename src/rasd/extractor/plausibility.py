"""Figures implausible for their event and for the people they count
(``lang/ar/data/plausibility.yaml``): "مقتل 3 ملايين لاجئ" read from a population, "1500 قائد",
migrants "deployed"."""

from __future__ import annotations

from functools import lru_cache

from rasd.extractor.subjects import CATEGORIES
from rasd.lang.ar import load_data
from rasd.model import EVENT_TYPES, Claim
from rasd.text.normalize import normalize_string
from rasd.text.tokens import stems

_UNKNOWN_KIND = "people of no known kind"  # the subject category "unknown", in a reason


@lru_cache(maxsize=1)
def _not_for() -> dict[str, frozenset[str]]:
    data = load_data("plausibility.yaml").section("not_for_subjects")
    return {t: frozenset(data.choices(t, CATEGORIES)) for t in data.keys_of(EVENT_TYPES)}


@lru_cache(maxsize=1)
def _not_for_heads() -> dict[str, frozenset[str]]:
    data = load_data("plausibility.yaml").section("not_for_heads")
    return {t: frozenset(data.words(t)) for t in data.keys_of(EVENT_TYPES)}


@lru_cache(maxsize=1)
def _limits() -> tuple[dict[str, int], dict[str, int]]:
    data = load_data("plausibility.yaml")
    limits = data.section("max_by_type")
    by_type = {t: limits.integer(t) for t in limits.keys_of(EVENT_TYPES)}
    by_head: dict[str, int] = {}
    for group in data.sections("max_by_subject"):
        for head in group.words("heads"):
            by_head[head] = group.integer("max")
    return by_type, by_head


def implausible(claim: Claim) -> str | None:
    """Why ``claim``'s figure cannot be a count of its event and subject, or None."""
    category = claim.subject.category if claim.subject else None
    if category in _not_for().get(claim.type, ()):
        return f"{claim.type} is no event of {_UNKNOWN_KIND if category == 'unknown' else category}"
    low = claim.count.low
    by_type, by_head = _limits()
    limit = by_type.get(claim.type)
    if limit is not None and low > limit:
        return f"{low:,} is above the largest plausible {claim.type} figure ({limit:,})"
    words = normalize_string(claim.subject.text).split()[:2] if claim.subject else []
    heads = _not_for_heads().get(claim.type, frozenset())
    for word in words:
        if not heads.isdisjoint(stems(word)):
            return f"{claim.type} is no event of '{word}'"
    for word in words:  # the head, or the head after a partitive ("من قادة")
        caps = [by_head[s] for s in stems(word) if s in by_head]
        if caps and low > min(caps):
            return f"{low:,} is above the largest plausible count of '{word}' ({min(caps):,})"
    return None
