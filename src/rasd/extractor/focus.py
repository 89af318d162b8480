"""The place an article is about, for claims whose sentence and paragraph name none.

An article's focus is found in two steps, as a reader would:

* **Country.** Every place mention votes for its country: 1, plus 1 when it is introduced as
  where something happened ("في X", "بX"), plus 2 in the title; a country name that is not
  locative counts only ``W_ACTOR`` (countries are often actors: "قالت إسرائيل", "اتهمت سوريا").
  Each nationality adjective adds ``W_ADJECTIVE`` to its country ("الجيش النيجيري" in an article
  that also names Cameroon and Chad).
* **Place.** Within that country, the non-country place with the most votes (each name once,
  earliest mention first on ties) among those the title or the lead (``LEAD_SENTENCES`` first
  sentences) names is the focus place: news says where in its first lines. When there is none,
  the article is about the country as a whole and the country's first mention is the focus.

A cumulative toll ("منذ بدء الحرب") whose sentence names no place is located at the focus country:
such a figure covers the war, not a town.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rasd.geo.resolve import nationalities
from rasd.model import Document, PlaceMention

W_ACTOR = 0.5
W_ADJECTIVE = 0.5
W_LOCATIVE = 1.0
W_TITLE = 2.0
LEAD_SENTENCES = 2  # title line included


@dataclass(frozen=True)
class Focus:
    """Where an article is: its main country's first mention and its main place in that country."""

    country: PlaceMention | None
    place: PlaceMention | None


def _weight(p: PlaceMention, locative: bool, title_end: int) -> float:
    base = W_ACTOR if p.kind == "country" and not locative else 1.0
    return base + (W_LOCATIVE if locative else 0.0) + (W_TITLE if p.start < title_end else 0.0)


def article_focus(doc: Document, locative: dict[int, bool],
                  places: list[PlaceMention]) -> Focus:
    """The focus of ``doc`` among ``places`` (its event places, in text order)."""
    votes: dict[str, float] = defaultdict(float)
    first_seen: dict[str, int] = {}
    for p in places:
        if p.country:
            votes[p.country] += _weight(p, locative[p.start], doc.title_end)
            first_seen.setdefault(p.country, p.start)
    if not votes:
        return Focus(None, places[0] if places else None)
    for start, _end, iso in nationalities().find(doc.norm):
        votes[iso] += W_ADJECTIVE
        first_seen.setdefault(iso, start)
    country = max(votes, key=lambda c: (votes[c], -first_seen[c]))
    mention = next((p for p in places if p.country == country and p.kind == "country"), None)
    scores: dict[str, float] = defaultdict(float)
    first: dict[str, PlaceMention] = {}
    for p in places:
        if p.country == country and p.kind != "country":
            key = p.name or p.text
            scores[key] += _weight(p, locative[p.start], doc.title_end)
            first.setdefault(key, p)
    lead_end = doc.sentences[min(LEAD_SENTENCES, len(doc.sentences)) - 1][1] if doc.sentences else 0
    lead = {k for k, p in first.items() if p.start < lead_end}
    if not lead:
        return Focus(mention, mention or (first[max(scores, key=scores.get)] if scores else None))
    best = max(lead, key=lambda k: (scores[k], -first[k].start))
    return Focus(mention, first[best])
