"""Cross-article reconciliation: group claims that report the same real-world quantity.

:func:`reconcile` turns :class:`ClaimRecord` s (a claim plus its article's outlet, date and URL)
into :class:`Group` s, one per quantity: same event type and ``mixed`` flag, same period (an
incident, or one aggregate), overlapping time windows, compatible incident signature, compatible
place (same, or one containing the other) and compatible scope; a part ("بينهم 12 طفلا") is its
own group linked to its whole. Each group reports every canonical source's latest figure, update
chain and relays, the low / best / high and whether the sources disagree. The rules are stated
in ``docs/reconcile.md``; modules: :mod:`.keys` (what is compared), :mod:`.clusters` (grouping),
:mod:`.figures` (what a group says).
"""

from __future__ import annotations

import gc
import hashlib
from typing import Any, Iterable

from rasd.model import Claim

from rasd.reconcile.clusters import Cluster, Item, attach, attach_undated, items_of, sweep
from rasd.reconcile.figures import TIERS, figures_of, verdict
from rasd.reconcile.keys import LEVELS, MINUTES_A_DAY, hedged, iso, source_key, stamp
from rasd.reconcile.model import ClaimRecord, Group, Place, SourceFigure, Step, records_of

__all__ = ["ClaimRecord", "Group", "Place", "SourceFigure", "Step", "TIERS", "hedged",
           "reconcile", "records_of", "source_key"]


def reconcile(records: Iterable[ClaimRecord], *, window_days: int = 3) -> list[Group]:
    """Group claims that report the same quantity; one :class:`Group` per quantity, ordered by
    first day, type, place and id (deterministic for a given set of records).

    The cyclic garbage collector is paused meanwhile (nothing here forms cycles; on millions of
    claims its repeated full passes cost a quarter of the time) and restored afterwards.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        return _reconcile(list(records), window_days)
    finally:
        if paused:
            gc.enable()


def _reconcile(records: list[ClaimRecord], window: int) -> list[Group]:
    items = items_of(records)
    clusters, of = sweep(items, window)
    root = attach_undated(clusters, attach(clusters, window))
    members: dict[int, list[int]] = {}
    for i, cid in enumerate(of):
        members.setdefault(root[cid], []).append(i)
    roots = {r: clusters[r] for r in members}
    del clusters  # only the groups' own clusters are needed from here on
    states = _ArticleFigures(items)
    parts = _part_figures(items, of, root)
    groups: dict[int, Group] = {}
    for r in sorted(members):
        groups[r] = _group(roots.pop(r), members.pop(r), items, states, parts.get(r, frozenset()))
    _link_parts(items, of, root, groups)
    out = list(groups.values())
    for g in out:
        g.parts.sort()
        g.part_of.sort()
    out.sort(key=lambda g: (g.date_from or "", g.type, g.place.name or g.place.text or "", g.id))
    return out


def _lead(cluster: Cluster, items: list[Item]) -> Item:
    """The claim that stands for a group: the first one of its finest cluster."""
    return min((items[i] for i in cluster.members),
               key=lambda it: (it.when.start, it.when.end, it.claim.doc_id,
                               it.claim.evidence.start, it.claim.evidence.end))


class _ArticleFigures:
    """Which figures each article states, by event type (to read a cross-article pair: when
    one article states both figures, that article shows how they relate)."""

    def __init__(self, items: list[Item]) -> None:
        self.items = items
        self.by_doc: dict[str, list[int]] = {}
        for i, it in enumerate(items):
            self.by_doc.setdefault(it.claim.doc_id, []).append(i)

    def __call__(self, doc_id: str, claim: Claim) -> bool:
        """Whether the article states the claim's figure for its type, not set against another
        (a figure the article contrasts is its own dispute, not an explanation)."""
        key = claim.count.key()
        return any(c.type == claim.type and c.count.key() == key and not c.contrast
                   for c in (self.items[i].claim for i in self.by_doc.get(doc_id, ())))


def _group(cluster: Cluster, idxs: list[int], items: list[Item],
           states: "_ArticleFigures | None" = None,
           parts: frozenset[Any] = frozenset()) -> Group:
    lead = _lead(cluster, items)
    recs = [items[i].rec for i in idxs]
    report = [items[i].report for i in idxs]
    stamps = [_stamp(items[i]) for i in idxs]
    figures = figures_of(recs, report, stamps)
    v = verdict(figures, states, parts)
    loc = lead.claim.location
    if loc is None or cluster.place.key.startswith("doc:"):
        place = Place("unknown")
    else:
        place = Place(LEVELS[cluster.place.level], loc.text, loc.name, loc.country, loc.admin1,
                      loc.lat, loc.lon, loc.precision)
    period_key = cluster.block[2]
    period = period_key if isinstance(period_key, str) else period_key[0]
    subject = cluster.category or _common_subject(recs)
    if period == "since":
        d_from = period_key[1] if period_key[1] >= 0 else None
        d_to: int | None = max(report)
    elif period == "undated":
        d_from = d_to = None
    else:
        d_from = min(items[i].when.start for i in idxs)
        d_to = max(items[i].when.end for i in idxs)
    key = (cluster.block, cluster.place.level, cluster.place.key, cluster.category,
           lead.when.start, _signature_key(cluster), lead.claim.doc_id,
           lead.claim.evidence.start)
    digest = hashlib.blake2b(repr(key).encode("utf-8"), digest_size=8).hexdigest()
    return Group(digest, cluster.block[0], cluster.block[1], period, place, iso(d_from),
                 iso(d_to), subject, figures, v.low, v.best, v.high, v.disagree, v.reason,
                 len(idxs), v.spread, recs)


def _stamp(item: Item) -> float:
    """Publication time of a claim's article (its report day at noon when unknown)."""
    found = stamp(item.rec.published)
    return found if found is not None else item.report * MINUTES_A_DAY + MINUTES_A_DAY / 2


def _signature_key(cluster: Cluster) -> tuple[str, ...]:
    """The lead's incident signature for the id: two incidents of one day and place differ."""
    return tuple(sorted(cluster.attacks)) + tuple(sorted(cluster.targets))


def _common_subject(recs: list[ClaimRecord]) -> str | None:
    seen: dict[str, int] = {}
    for rec in recs:
        subj = rec.claim.subject
        if subj is not None:
            seen[subj.text] = seen.get(subj.text, 0) + 1
    return min(seen, key=lambda t: (-seen[t], t)) if seen else None


def _wholes(items: list[Item]) -> list[tuple[int, int]]:
    """(part, whole) item pairs: a claim with ``part_of`` and the claim of its article it
    points to."""
    by_seq = {(it.claim.doc_id, it.rec.seq): i for i, it in enumerate(items)
              if it.rec.seq is not None}
    out = []
    for i, it in enumerate(items):
        if it.claim.part_of is not None:
            w = by_seq.get((it.claim.doc_id, it.claim.part_of))
            if w is not None:
                out.append((i, w))
    return out


def _part_figures(items: list[Item], of: list[int], root: list[int]) -> dict[int, frozenset[Any]]:
    """Per group root, the figures its articles give as parts of its claims ("25 killed,
    among them 9 journalists": 9), which another source's 9 restates rather than disputes."""
    found: dict[int, set[Any]] = {}
    for part, whole in _wholes(items):
        found.setdefault(root[of[whole]], set()).add(items[part].claim.count.key())
    return {r: frozenset(keys) for r, keys in found.items()}


def _link_parts(items: list[Item], of: list[int], root: list[int],
                groups: dict[int, Group]) -> None:
    """Link each part's group to its whole's group (same article, ``part_of`` index)."""
    for i, w in _wholes(items):
        part_group, whole_group = groups[root[of[i]]], groups[root[of[w]]]
        if part_group is whole_group:
            continue
        if whole_group.id not in part_group.part_of:
            part_group.part_of.append(whole_group.id)
        if part_group.id not in whole_group.parts:
            whole_group.parts.append(part_group.id)
