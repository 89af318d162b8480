"""Reconciliation in bounded memory: one partition at a time, groups yielded as each is done.

Claims of two partitions (event type, and the country of the place they are compared by:
:func:`rasd.reconcile.clusters.partition_of`) never group: every key that grouping compares (a
sweep bucket, a coarse-to-fine index, an undated claim's key) holds both. So a partition is
reconciled as soon as its last record is read, and only the records of partitions not yet
complete, and one partition's items and clusters, are held: with records sorted by partition,
one partition at a time. Three facts reach across partitions; a first, light pass over the
records collects them:

* which figures each article states (a cross-article gap is explained when one article states
  both figures): a hash per (article, type, figure), 8 bytes a claim (:class:`ArticleFigures`);
* which claims are the whole of a part in the same article, and the parts' figures (a figure
  the articles give as a part of a group's claim restates it, never disputes it): a part's and
  a whole's groups are held until the end and linked then (:class:`PartLinks`; parts are few);
* where each partition's last record is.

The memory held is the open partitions' records, one partition's working set, 8 bytes a claim
and the linked groups.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from typing import Any

from rasd.collector import collector_paused
from rasd.model import Claim
from rasd.reconcile.clusters import partition_of
from rasd.reconcile.model import ClaimRecord, Group

#: the records to reconcile, read once per pass (a store query, a generator function)
Source = Callable[[], Iterable[ClaimRecord]]


def group_order(group: Group) -> tuple[str, str, str, str]:
    """The order groups are given in: first day, type, place and id."""
    return (group.date_from or "", group.type, group.place.name or group.place.text or "",
            group.id)


def no_gc() -> AbstractContextManager[None]:
    """Pause the cyclic garbage collector (nothing here forms cycles; on millions of claims its
    repeated full passes cost a quarter of the time), restoring it afterwards."""
    return collector_paused()


class ArticleFigures:
    """Which figures each article states, by event type, not set against another (a figure the
    article contrasts is its own dispute, not an explanation). Held as one 64-bit hash per
    claim, in 256 sorted arrays; a lookup is a bisect. Two different (article, type, figure)
    keys would have to share a 64-bit hash to be confused."""

    BUCKETS = 256

    def __init__(self) -> None:
        self._parts = [array("q") for _ in range(self.BUCKETS)]
        self._frozen = False

    @staticmethod
    def _hash(doc_id: str, claim: Claim) -> int:
        return hash((doc_id, claim.type, claim.count.key()))

    def add(self, claim: Claim) -> None:
        """Record a claim's figure for its article (contrasted figures are left out)."""
        if not claim.contrast:
            h = self._hash(claim.doc_id, claim)
            self._parts[h % self.BUCKETS].append(h)

    def freeze(self) -> None:
        """Sort the arrays for lookups (one array at a time: little memory meanwhile)."""
        for n, part in enumerate(self._parts):
            self._parts[n] = array("q", sorted(part))
        self._frozen = True

    def __call__(self, doc_id: str, claim: Claim) -> bool:
        """Whether the article states the claim's figure for its type, not set against
        another."""
        assert self._frozen, "ArticleFigures.freeze() first"
        h = self._hash(doc_id, claim)
        part = self._parts[h % self.BUCKETS]
        i = bisect_left(part, h)
        return i < len(part) and part[i] == h


class PartLinks:
    """Links between a part's group and its whole's (same article, ``part_of`` index), set
    once every partition is done. Only groups holding a part or a referenced whole wait."""

    def __init__(self) -> None:
        #: (article, index) of every referenced whole -> its parts' figures (count keys)
        self.wanted: dict[tuple[str, int], set[Any]] = {}
        self._wholes: dict[tuple[str, int], Group] = {}
        self._parts: list[tuple[str, int, Group]] = []
        self._waiting: dict[int, Group] = {}

    def want(self, claim: Claim) -> None:
        """Note the whole a claim is a part of, if any, and the part's figure (first pass)."""
        if claim.part_of is not None:
            self.wanted.setdefault((claim.doc_id, claim.part_of), set()).add(claim.count.key())

    def part_figures(self, doc_id: str, seq: int | None) -> set[Any] | None:
        """The figures of the parts of claim ``seq`` of an article (None: it has none)."""
        return None if seq is None else self.wanted.get((doc_id, seq))

    def note(self, rec: ClaimRecord, group: Group) -> bool:
        """Note a member of a finished group; whether the group must wait for its links."""
        c = rec.claim
        waits = False
        if rec.seq is not None and (c.doc_id, rec.seq) in self.wanted:
            self._wholes[(c.doc_id, rec.seq)] = group
            waits = True
        if c.part_of is not None:
            self._parts.append((c.doc_id, c.part_of, group))
            waits = True
        if waits:
            self._waiting[id(group)] = group
        return waits

    def finish(self) -> list[Group]:
        """Link every part's group to its whole's; the groups that waited, in order."""
        for doc_id, whole_seq, part_group in self._parts:
            whole_group = self._wholes.get((doc_id, whole_seq))
            if whole_group is None or whole_group is part_group:
                continue
            if whole_group.id not in part_group.part_of:
                part_group.part_of.append(whole_group.id)
            if part_group.id not in whole_group.parts:
                whole_group.parts.append(part_group.id)
        out = sorted(self._waiting.values(), key=group_order)
        for g in out:
            g.parts.sort()
            g.part_of.sort()
        self._wholes.clear()
        self._parts.clear()
        self._waiting.clear()
        return out


def survey(records: Iterable[ClaimRecord]) -> tuple[ArticleFigures, PartLinks,
                                                    dict[tuple[str, str], int]]:
    """The first pass: every article's figures, every referenced whole, and where each
    partition's last record is (its position in the records)."""
    figures, links = ArticleFigures(), PartLinks()
    last: dict[tuple[str, str], int] = {}
    for k, rec in enumerate(records):
        figures.add(rec.claim)
        links.want(rec.claim)
        last[partition_of(rec)] = k
    figures.freeze()
    return figures, links, last


def partitions(records: Iterable[ClaimRecord],
               last: dict[tuple[str, str], int]) -> Iterator[list[ClaimRecord]]:
    """The records of each partition (in their order), as soon as its last one is read; the
    others are held meanwhile (records sorted by partition: one at a time)."""
    open_: dict[tuple[str, str], list[ClaimRecord]] = {}
    k = -1
    for k, rec in enumerate(records):
        key = partition_of(rec)
        batch = open_.setdefault(key, [])
        batch.append(rec)
        if last.get(key) == k:
            yield open_.pop(key)
    if open_ or k != max(last.values(), default=-1):
        raise ValueError("the records to reconcile changed between the two reads "
                         f"({k + 1} read the second time); run again")
