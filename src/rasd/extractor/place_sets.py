"""Sets of a document's place mentions as place choice (:mod:`rasd.extractor.placing`) reads
them: the finest of them (a country or province drops out when a finer place of it is named:
:func:`finest_places`, :class:`FinestSoFar` for a growing list), the nearest to an offset
(:func:`nearest`) and membership of offsets in spans (:class:`Spans`), each by bisect or in
one pass rather than by pairs."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence, Set

from rasd.model import PlaceMention

#: the kind of a region of the country spoken of ("شرق البلاد"): it holds a finer place of
#: that country as the country does
COUNTRY_REGION = "country_region"
_HOLDERS = ("country", COUNTRY_REGION, "admin1")
_COUNTRIES = ("country", COUNTRY_REGION)

__all__ = ["COUNTRY_REGION", "FinestSoFar", "Spans", "finest_places", "holds_finer_place",
           "in_order", "nearest"]


def holds_finer_place(p: PlaceMention, others: list[PlaceMention], by_kind: bool = False) -> bool:
    """Whether a country or province ``p`` holds a finer place of ``others`` (``by_kind``: see
    :func:`finest_places`)."""
    if not p.country or p.kind not in _HOLDERS:
        return False
    rank = _rank if by_kind else _precision
    return any(o is not p and o.country == p.country and rank(o) < rank(p)
               and (p.kind != "admin1" or (o.admin1 is not None and o.admin1 == p.admin1))
               for o in others)


def _rank(p: PlaceMention) -> int:
    """How coarse a place is: its precision, and at one precision a country (or a region of
    one) is coarser than a province ("في اليمن ... بمحافظة صعدة": Saada)."""
    return 2 * p.precision + (p.kind in _COUNTRIES)


def _precision(p: PlaceMention) -> int:
    return p.precision


class Spans:
    """Membership of offsets in a set of ``[start, end)`` spans (sorted starts, running max of
    ends: one bisect per lookup)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.reach: list[int] = []
        for _, b in ordered:
            self.reach.append(max(b, self.reach[-1]) if self.reach else b)

    def __contains__(self, pos: int) -> bool:
        k = bisect.bisect_right(self.starts, pos)
        return k > 0 and pos < self.reach[k - 1]


def finest_places(places: list[PlaceMention], by_kind: bool = False) -> list[PlaceMention]:
    """``places`` without the countries and provinces that hold a finer one of them
    (:func:`holds_finer_place` of each, from the finest precision of each country and province);
    ``by_kind``: at one precision a country also holds its province (one sentence's places:
    "أعلن التحالف لدعم الشرعية في اليمن مقتل 41 ... بمحافظة صعدة"; not the context carried
    from sentence to sentence, where a country named after a province moves the text on)."""
    rank = _rank if by_kind else _precision
    finest: dict[tuple[str, ...], int] = {}
    for o in places:
        for key in _keys(o):
            finest[key] = min(finest.get(key, rank(o)), rank(o))

    def holds_finer(p: PlaceMention) -> bool:
        group = _group(p)
        return group is not None and finest.get(group, rank(p)) < rank(p)

    return [p for p in places if not holds_finer(p)]


def _keys(o: PlaceMention) -> tuple[tuple[str, ...], ...]:
    """The groups (see :func:`_group`) in which ``o`` can be the finer place."""
    if not o.country:
        return ()
    return ((o.country,), (o.country, o.admin1)) if o.admin1 is not None else ((o.country,),)


def _group(p: PlaceMention) -> tuple[str, ...] | None:
    """What a country (or a region of one) or province must share with a finer place that it holds (see
    :func:`holds_finer_place`), or None for the places that hold none."""
    if not p.country or p.kind not in _HOLDERS:
        return None
    if p.kind != "admin1":
        return (p.country,)
    return (p.country, p.admin1) if p.admin1 is not None else None


class FinestSoFar:
    """``finest_places(places)`` of a growing list of places, each place looked at once: a country or
    province leaves it for good once a finer place of it comes."""

    def __init__(self) -> None:
        self.kept: list[PlaceMention] = []   # in order; held ones dropped from the end lazily
        self.held: set[int] = set()          # ids of held places
        self.finest: dict[tuple[str, ...], int] = {}
        self.waiting: dict[tuple[str, ...], dict[int, list[PlaceMention]]] = {}

    def add(self, p: PlaceMention) -> None:
        for key in _keys(p):
            self.finest[key] = min(self.finest.get(key, p.precision), p.precision)
            buckets = self.waiting.get(key, {})
            for precision in [v for v in buckets if v > p.precision]:
                self.held.update(id(o) for o in buckets.pop(precision))
        group = _group(p)
        if group is not None:
            if self.finest.get(group, p.precision) < p.precision:
                self.held.add(id(p))
            else:
                self.waiting.setdefault(group, {}).setdefault(p.precision, []).append(p)
        self.kept.append(p)

    def last(self, skip: Set[int] = frozenset()) -> PlaceMention | None:
        """The last place kept, but for those whose start is in ``skip`` (for good)."""
        while self.kept and (id(self.kept[-1]) in self.held or self.kept[-1].start in skip):
            self.kept.pop()
        return self.kept[-1] if self.kept else None


def nearest(places: list[PlaceMention], starts: list[int], anchor: int) -> PlaceMention:
    """``min(places, key=lambda p: (abs(p.start - anchor), p.start))`` of places in text order
    (``starts``: theirs), by bisect."""
    k = bisect.bisect_right(starts, anchor)
    before = starts[k - 1] if k > 0 else None
    after = starts[k] if k < len(starts) else None
    if after is None or (before is not None and anchor - before <= after - anchor):
        assert before is not None  # starts is never empty, so one of before and after is set
        return places[bisect.bisect_left(starts, before)]
    return places[k]


def in_order(starts: Sequence[int]) -> bool:
    return all(a <= b for a, b in zip(starts, starts[1:]))
