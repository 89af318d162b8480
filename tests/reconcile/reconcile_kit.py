"""Builders of the reconciliation tests: places, hand-built :class:`ClaimRecord` s (``rec``,
``q`` with quantity fields, ``named`` for one named person) and ``one`` (the single group)."""

from __future__ import annotations

import dataclasses

from rasd.model import Claim, Count, Location, Mention, Period, Signature, Span, TimeRef
from rasd.reconcile import ClaimRecord, Group

# admin1 as rasd.geo.resolve sets it: the English name of the first-level region (a province is
# its own region, a country has none)
ALEPPO = Location("حلب", Span(30, 33), "Aleppo", "SY", 36.2, 37.16, 1, "Aleppo")
MANBIJ = Location("منبج", Span(30, 34), "Manbij", "SY", 36.53, 37.95, 1, "Aleppo")
ALEPPO_GOV = Location("محافظة حلب", Span(30, 40), "Aleppo Governorate", "SY", 36.2, 37.6, 3,
                      "Aleppo")
IDLIB = Location("إدلب", Span(30, 34), "Idlib", "SY", 35.93, 36.63, 1, "Idlib")
SYRIA = Location("سوريا", Span(30, 35), "Syria", "SY", 34.8, 38.99, 3)
SEA = Location("البحر المتوسط", Span(30, 43), "Mediterranean Sea", None, 35.0, 18.0, 3)

_seq = iter(range(1, 10_000))


def rec(count: Count | int, source: str = "", kind: str = "outlet", *, outlet: str = "عنب",
        place: Location | None = ALEPPO, day: str | None = "2023-03-05", prec: str = "day",
        pub: str | None = "2023-03-05", cat: str | None = None, via: tuple[str, ...] = (),
        sid: str | None = None, type: str = "killed", doc: str | None = None) -> ClaimRecord:
    """A hand-built record; an outlet-voice claim (the default) speaks for ``outlet``."""
    n = next(_seq)
    if isinstance(count, int):
        count = Count(value=count)
    subject = Mention("مدنيين", Span(10, 16), category=cat) if cat else None
    claim = Claim(
        doc_id=doc or f"d{n}", type=type, count=count,
        source=Mention(source or outlet, Span(0, len(source)), kind, id=sid),
        evidence=Span(n, n + 40), subject=subject,
        via=tuple(Mention(v, Span(0, len(v)), "media") for v in via),
        location=place,
        time=TimeRef("أمس", Span(20, 23), day, prec) if day else None)
    return ClaimRecord(claim, outlet, pub, f"https://example.org/{n}")


def one(groups: list[Group]) -> Group:
    assert len(groups) == 1, [(g.place.name, g.date_from, g.n_claims) for g in groups]
    return groups[0]


def q(count, source="", kind="outlet", **kw):
    """``rec`` with quantity fields: signature=(attacks, targets), period, part_of, revision."""
    sig = kw.pop("sig", None)
    extra = {"signature": Signature(*sig) if sig else None,
             "period": Period(kw.pop("period"), "منذ", Span(0, 3)) if "period" in kw else None,
             "part_of": kw.pop("part_of", None), "revision": kw.pop("revision", False),
             "contrast": kw.pop("contrast", False), "context": kw.pop("context", None),
             "segment": kw.pop("segment", 0)}
    seq = kw.pop("seq", None)
    r = rec(count, source, kind, **kw)
    return ClaimRecord(dataclasses.replace(r.claim, **extra), r.outlet, r.published, r.url,
                       seq=seq)


def named(name: str | None, **kw) -> ClaimRecord:
    """A count of one whose subject names its person."""
    r = rec(1, **kw)
    subject = Mention("الصحفي", Span(10, 16), name=name, category="civilians")
    return ClaimRecord(dataclasses.replace(r.claim, subject=subject, type="missing"),
                       r.outlet, r.published, r.url)

