"""What reconciliation takes in (:class:`ClaimRecord`) and gives out (:class:`Group`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rasd.model import Claim, Count, Span

if TYPE_CHECKING:
    from rasd.model import Document


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    """One claim with the article facts reconciliation needs."""

    claim: Claim
    outlet: str | None = None
    published: str | None = None  #: ISO date (or datetime) of the article
    url: str | None = None
    claim_id: str | None = None    #: the store's id of the claim
    seq: int | None = None         #: the claim's index among its document's claims
    evidence_text: str | None = None


def records_of(docs: Iterable[Document]) -> Iterable[ClaimRecord]:
    """The :class:`ClaimRecord` s of annotated documents (streamed)."""
    for doc in docs:
        for seq, claim in enumerate(doc.claims):
            ev = claim.evidence
            yield ClaimRecord(claim, doc.outlet, doc.published, doc.url, claim.digest(), seq,
                              doc.text[ev.start:ev.end])


@dataclass(slots=True)
class Place:
    """Where a group's quantity was counted (its most specific member place)."""

    level: str  #: point | admin1 | country | unknown
    text: str | None = None
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: int | None = None


@dataclass(slots=True)
class Step:
    """One step of a source's update chain: the figure it gave in an article of that date."""

    date: str | None
    count: Count
    doc_id: str
    outlet: str | None


@dataclass(slots=True)
class SourceFigure:
    """A canonical source's say in a group: latest figure, how it got there, who relayed it."""

    key: str                        #: canonical source identity
    text: str                       #: the source as written (latest claim)
    kind: str | None
    tier: int                       #: credibility tier (see :data:`TIERS`)
    count: Count                    #: latest figure
    claim: Claim                    #: the claim that gave it
    date: str | None                #: publication date of that claim's article
    url: str | None
    interval: tuple[float, float]   #: the latest figure widened by its hedge
    chain: tuple[Step, ...]         #: figures over time, oldest first, repeats collapsed
    outlets: tuple[str, ...]        #: outlets that carried this source's figures
    via: tuple[str, ...]            #: intermediaries named in the claims ("according to X")
    n_claims: int
    superseded: bool = False        #: a later, higher figure of another source updates it
    stamp: float = 0.0              #: publication time (minutes) of the latest claim
    #: publication time of the first claim giving the latest figure (its reprints come later)
    first_stamp: float = 0.0
    #: the statement of the latest figure that ties it most to its incident (default: claim)
    told: Claim | None = None

    @property
    def doc_id(self) -> str:
        return self.claim.doc_id

    @property
    def evidence(self) -> Span:
        return self.claim.evidence


@dataclass(slots=True)
class Group:
    """One real-world quantity and what every source says about it."""

    id: str
    type: str
    mixed: bool
    period: str                     #: event | month | year | since | span | undated
    place: Place
    date_from: str | None
    date_to: str | None
    subject: str | None             #: category, else the most frequent subject text
    figures: list[SourceFigure]
    low: int
    best: int
    high: int
    disagree: bool
    reason: str | None
    n_claims: int
    spread: float | None = None     #: the disputed figures' ratio, hedges read (None: no dispute)
    members: list[ClaimRecord] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)    #: ids of groups counting a part of this
    part_of: list[str] = field(default_factory=list)  #: ids of groups this counts a part of

    @property
    def n_sources(self) -> int:
        return len(self.figures)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "type": self.type, "mixed": self.mixed, "period": self.period,
            "place": {k: getattr(self.place, k) for k in Place.__slots__},
            "date_from": self.date_from, "date_to": self.date_to, "subject": self.subject,
            "low": self.low, "best": self.best, "high": self.high,
            "disagree": self.disagree, "reason": self.reason, "spread": self.spread,
            "n_claims": self.n_claims, "n_sources": self.n_sources,
            "parts": list(self.parts), "part_of": list(self.part_of),
            "figures": [{
                "source": {"key": f.key, "text": f.text, "kind": f.kind, "tier": f.tier},
                "count": f.count.to_json(), "doc_id": f.doc_id, "date": f.date, "url": f.url,
                "evidence": f.evidence.to_json(), "superseded": f.superseded,
                "chain": [{"date": s.date, "count": s.count.to_json(), "doc_id": s.doc_id,
                           "outlet": s.outlet} for s in f.chain],
                "outlets": list(f.outlets), "via": list(f.via), "n_claims": f.n_claims,
            } for f in self.figures],
        }
