"""Figures implausible for their event and for the people they count
(``lang/ar/data/plausibility.yaml``): "مقتل 3 ملايين لاجئ" read from a population, "1500 قائد",
migrants "deployed"."""

from __future__ import annotations

from functools import lru_cache

from rasd.lang.ar import load_yaml
from rasd.model import Claim
from rasd.text.normalize import normalize_string
from rasd.text.tokens import stems


@lru_cache(maxsize=1)
def _not_for() -> dict[str, frozenset[str]]:
    data = load_yaml("plausibility.yaml")["not_for_subjects"]
    return {str(t): frozenset(cats) for t, cats in data.items()}


@lru_cache(maxsize=1)
def _limits() -> tuple[dict[str, int], dict[str, int]]:
    data = load_yaml("plausibility.yaml")
    by_type = {str(t): int(n) for t, n in data["max_by_type"].items()}
    by_head: dict[str, int] = {}
    for group in data["max_by_subject"]:
        for head in group["heads"]:
            by_head[normalize_string(head)] = int(group["max"])
    return by_type, by_head


def implausible(claim: Claim) -> str | None:
    """Why ``claim``'s figure cannot be a count of its event and subject, or None."""
    category = claim.subject.category if claim.subject else None
    if category in _not_for().get(claim.type, ()):
        return f"{claim.type} is no event of {category}"
    low = claim.count.low
    by_type, by_head = _limits()
    limit = by_type.get(claim.type)
    if limit is not None and low > limit:
        return f"{low:,} is above the largest plausible {claim.type} figure ({limit:,})"
    words = normalize_string(claim.subject.text).split()[:2] if claim.subject else []
    for word in words:  # the head, or the head after a partitive ("من قادة")
        caps = [by_head[s] for s in stems(word) if s in by_head]
        if caps and low > min(caps):
            return f"{low:,} is above the largest plausible count of '{word}' ({min(caps):,})"
    return None
