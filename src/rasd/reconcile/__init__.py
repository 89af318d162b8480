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

import hashlib
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from rasd.reconcile.clusters import (
    Cluster,
    Item,
    attach,
    attach_calendar,
    attach_echoes,
    attach_since,
    attach_undated,
    items_of,
    partition_of,
    sweep,
)
from rasd.reconcile.figures import TIERS, article_figures, figures_of, verdict
from rasd.reconcile.keys import LEVELS, MINUTES_A_DAY, hedged, iso, source_key, stamp
from rasd.reconcile.model import ClaimRecord, Group, Place, SourceFigure, Step, records_of
from rasd.reconcile.stream import (
    ArticleFigures,
    PartLinks,
    Source,
    group_order,
    no_gc,
    partitions,
    survey,
)

__all__ = ["ClaimRecord", "Group", "Place", "SourceFigure", "Step", "TIERS", "group_order",
           "hedged", "partition_of", "reconcile", "reconcile_stream", "records_of", "source_key"]


def reconcile(records: Iterable[ClaimRecord], *, window_days: int = 3) -> list[Group]:
    """Group claims that report the same quantity; one :class:`Group` per quantity, ordered by
    first day, type, place and id (deterministic for a given set of records). Every record and
    group is held; :func:`reconcile_stream` holds one partition at a time."""
    held = list(records)
    with no_gc():
        return sorted(reconcile_stream(lambda: held, window_days=window_days), key=group_order)


def reconcile_stream(source: Source, *, window_days: int = 3,
                     order: Callable[[ClaimRecord], Any] | None = None) -> Iterator[Group]:
    """The groups of :func:`reconcile`, partition by partition (each partition's groups in
    :func:`group_order`; sort, or merge the runs, for the global order). ``source()`` gives
    the records, best sorted by :func:`partition_of` (then one partition is held at a time),
    and is read twice: a light first pass for what reaches across partitions (:mod:`.stream`),
    then partition by partition. ``order`` restores the records' own order within a partition
    when the source's order is not it. Groups linked to a part or a whole come last, once
    every link is known. The cyclic garbage collector is paused while this reads and works
    (not while the caller holds a group): see :func:`no_gc`."""
    with no_gc():
        states, links, last = survey(source())
    batches = partitions(source(), last)
    while True:
        with no_gc():
            batch = next(batches, None)
            if batch is None:
                break
            if order is not None:
                batch.sort(key=order)
            done = _reconcile(batch, window_days, states, links)
            del batch
            ready = [g for g in done if not any([links.note(rec, g) for rec in g.members])]
        yield from ready
    with no_gc():
        waited = links.finish()
    yield from waited


def _reconcile(records: list[ClaimRecord], window: int, states: ArticleFigures,
               wholes: PartLinks) -> list[Group]:
    """The groups of one partition, in :func:`group_order` (part links are set by the caller)."""
    items = items_of(records)
    clusters, of = sweep(items, window)
    root = attach_since(clusters, attach(clusters, window), window)
    root = attach_calendar(clusters, attach_undated(clusters, attach_echoes(clusters, root)))
    members: dict[int, list[int]] = {}
    for i, cid in enumerate(of):
        members.setdefault(root[cid], []).append(i)
    roots = {r: clusters[r] for r in members}
    del clusters  # only the groups' own clusters are needed from here on
    parts = _part_figures(items, of, root, wholes)
    out = [_group(roots.pop(r), members.pop(r), items, states, parts.get(r, frozenset()))
           for r in sorted(members)]
    out.sort(key=group_order)
    return out


def _lead(cluster: Cluster, items: list[Item]) -> Item:
    """The claim that stands for a group: the first one of its finest cluster."""
    return min((items[i] for i in cluster.members),
               key=lambda it: (it.when.start, it.when.end, it.claim.doc_id,
                               it.claim.evidence.start, it.claim.evidence.end))


def _group(cluster: Cluster, idxs: list[int], items: list[Item],
           states: ArticleFigures | None = None,
           parts: frozenset[Any] = frozenset()) -> Group:
    lead = _lead(cluster, items)
    recs = [items[i].rec for i in idxs]
    report = [items[i].report for i in idxs]
    stamps = [_stamp(items[i]) for i in idxs]
    figures = figures_of(recs, report, stamps)
    v = verdict(figures, states, parts, lambda: article_figures(recs, report, stamps))
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


def _part_figures(items: list[Item], of: list[int], root: list[int],
                  wholes: PartLinks) -> dict[int, frozenset[Any]]:
    """Per group root, the figures its articles give as parts of its claims ("25 killed,
    among them 9 journalists": 9), which another source's 9 restates rather than disputes
    (``wholes``: the parts' figures of every referenced whole, from every partition)."""
    found: dict[int, set[Any]] = {}
    for whole, it in enumerate(items):
        keys = wholes.part_figures(it.claim.doc_id, it.rec.seq)
        if keys:
            found.setdefault(root[of[whole]], set()).update(keys)
    return {r: frozenset(keys) for r, keys in found.items()}
