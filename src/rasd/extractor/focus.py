"""The place an article is about, for claims whose sentence and paragraph name none.

An article's focus is found in two steps, as a reader would:

* **Country.** Every place mention votes for its country: 1, plus 1 when it is introduced as
  where something happened ("في X", "بX"), plus 2 in the title; a country or capital name that
  is not locative counts only ``W_ACTOR`` (they are often actors: "قالت إسرائيل", "ردت موسكو").
  Each nationality adjective adds ``W_ADJECTIVE`` to its country ("معتقل يمني", "مدينة دوما
  السورية"), or only ``W_ACTOR`` after the head word of an institution, which names an actor
  ("الجيش الإسرائيلي", "وزير الخارجية الروسي"; head words from ``attribution.yaml``).
* **Place.** Within that country, the non-country place with the most votes (each name once,
  earliest mention first on ties) among those the title or the lead (the body's first
  ``LEAD_BODY_SENTENCES`` sentences, however many sentences the title is cut into) names is
  the focus place: news says where in its first lines. When there is none,
  the article is about the country as a whole and the country's first mention is the focus
  (its first nationality adjective, read as the country, when the article never names it).

A cumulative toll ("منذ بدء الحرب") whose sentence names no place is located at the focus country:
such a figure covers the war, not a town.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass

from rasd.extractor.lexicon import actor_heads, has_stem
from rasd.geo.capitals import is_capital
from rasd.geo.gazetteer import Gazetteer
from rasd.geo.resolve import adjectives_in
from rasd.model import Document, NormOffset, PlaceMention
from rasd.text.tokens import word_starts

W_ACTOR = 0.5
W_ADJECTIVE = 1.0
W_LOCATIVE = 1.0
W_TITLE = 2.0
LEAD_BODY_SENTENCES = 1  # the lead: the title and the body's first sentence


@dataclass(frozen=True)
class Focus:
    """Where an article is: its main country's first mention and its main place in that country."""

    country: PlaceMention | None
    place: PlaceMention | None


def as_country(doc: Document, span: tuple[int, int], iso: str) -> PlaceMention | None:
    """A nationality adjective read as a mention of its country."""
    e = Gazetteer.default().country(iso)
    if e is None:
        return None
    start, end = NormOffset(span[0]), NormOffset(span[1])  # offsets into doc.norm
    return PlaceMention(start, end, doc.norm[start:end], e.name_en, iso, e.lat, e.lon, 3, "country")


def after_actor_head(doc: Document, starts: list[int], start: int,
                     heads: frozenset[str] | None = None) -> bool:
    """Whether the word at ``start`` follows an institution's head word (of ``heads``, default
    every actor's) by at most two words ("الجيش الإسرائيلي", "وزير الخارجية الروسي")."""
    k = bisect.bisect_left(starts, start)
    words = actor_heads() if heads is None else heads
    return any(has_stem(doc.tokens[j], words) for j in range(max(0, k - 2), k))


def _adjective_weight(doc: Document, starts: list[int], start: int) -> float:
    """Weight of a nationality adjective: low after an institution's head word."""
    return W_ACTOR if after_actor_head(doc, starts, start) else W_ADJECTIVE


def names_actor(p: PlaceMention) -> bool:
    """Whether a place name, when not introduced as where something happened, more likely names
    a state acting than a place: a country or a national capital."""
    return p.kind == "country" or is_capital(p)


def _weight(p: PlaceMention, locative: bool, title_end: int) -> float:
    base = W_ACTOR if not locative and names_actor(p) else 1.0
    return base + (W_LOCATIVE if locative else 0.0) + (W_TITLE if p.start < title_end else 0.0)


def article_focus(doc: Document, locative: dict[int, bool],
                  places: list[PlaceMention], dateline_end: int = 0) -> Focus:
    """The focus of ``doc`` among ``places`` (its event places, in text order); the places
    before ``dateline_end`` (where the article was filed: "كولومبو، سريلانكا (CNN) --") vote for
    their country but are not the focus place."""
    votes: dict[str, float] = defaultdict(float)
    first_seen: dict[str, int] = {}
    title_end = doc.norm_title_end
    for p in places:
        if p.country:
            votes[p.country] += _weight(p, locative[p.start], title_end)
            first_seen.setdefault(p.country, p.start)
    named = bool(votes)
    starts = word_starts(doc.tokens, doc.norm)[0]
    adjectives: dict[str, tuple[int, int]] = {}
    for start, end, iso in adjectives_in(doc.norm):
        votes[iso] += _adjective_weight(doc, starts, start)
        first_seen.setdefault(iso, start)
        adjectives.setdefault(iso, (start, end))
    if not named and places:  # only unknown places: the first one
        return Focus(None, places[0])
    if not votes:
        return Focus(None, None)
    country = max(votes, key=lambda c: (votes[c], -first_seen[c]))
    mention = next((p for p in places if p.country == country and p.kind == "country"), None)
    fallback = mention
    if fallback is None and country in adjectives:
        fallback = as_country(doc, adjectives[country], country)
    scores: dict[str, float] = defaultdict(float)
    first: dict[str, PlaceMention] = {}
    for p in places:
        if p.country == country and p.kind != "country" \
                and not title_end <= p.start < dateline_end:
            key = p.name or p.text
            scores[key] += _weight(p, locative[p.start], title_end)
            first.setdefault(key, p)
    lead_end = _lead_end(doc)
    lead = {k for k, p in first.items() if p.start < lead_end}
    if not lead:
        return Focus(mention, fallback or (first[max(scores, key=scores.__getitem__)] if scores else None))
    best = max(lead, key=lambda k: (scores[k], -first[k].start))
    return Focus(mention, first[best])


def _lead_end(doc: Document) -> int:
    """Where the lead ends: after the title and the body's first :data:`LEAD_BODY_SENTENCES`
    sentences (a title "اليمن.. انتزاع ميناء" is two sentences, and no lead)."""
    if not doc.sentences:
        return 0
    starts = [s for s, _ in doc.sentences]
    k = bisect.bisect_left(starts, doc.norm_title_end) + LEAD_BODY_SENTENCES - 1
    if not doc.norm_title_end:
        k += 1  # no title: the first sentence stands for it
    return doc.sentences[min(k, len(doc.sentences) - 1)][1]
