"""An in-memory snapshot of the store for the read endpoints, and its cache.

Reconciling every stored claim takes about 0.6 s per 10,000 claims, far too slow for one
request, so the app keeps one :class:`Snapshot`: every claim with its article's outlet, date and
URL, the reconciled groups (by id), the canonical sources with their claim counts and the
documents' metadata (not their text). Rules, kept simple on purpose:

* it is built on the first request that needs it (or at start-up with ``warm``);
* an ingest through the API drops it, so the next request rebuilds it;
* changes made behind the API's back (``rasd ingest`` / ``reextract`` on the same database) are
  noticed by the store's row counts, checked at most once every ``check_every`` seconds;
* once built, it is moved out of the cyclic garbage collector's reach (``gc.freeze``), so
  that collections do not walk its millions of objects during requests;
* one rebuild at a time (a lock); requests meanwhile keep answering from the old snapshot when
  there is one, else wait for the new one.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rasd.corpus import claim_records
from rasd.model import Claim
from rasd.reconcile import ClaimRecord, Group, reconcile
from rasd.store import Store, claim_ids


@dataclass(slots=True)
class DocInfo:
    """A stored document's metadata (the list view; the text is read on demand)."""

    id: str
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None
    language: str
    n_claims: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "published": self.published,
                "outlet": self.outlet, "url": self.url, "language": self.language,
                "n_claims": self.n_claims}


@dataclass(slots=True)
class ClaimItem:
    """A stored claim with its id and its article's metadata."""

    id: str
    record: ClaimRecord

    @property
    def claim(self) -> Claim:
        return self.record.claim

    def to_json(self) -> dict[str, Any]:
        r = self.record
        return {"id": self.id, **r.claim.to_json(),
                "document": {"outlet": r.outlet, "published": r.published, "url": r.url}}


@dataclass
class Snapshot:
    """Everything the read endpoints answer from, as of one moment of the store."""

    fingerprint: tuple[int, ...]
    documents: list[DocInfo]
    claims: list[ClaimItem]
    groups: list[Group]
    sources: list[dict[str, Any]]
    built_at: float = field(default_factory=time.time)
    build_seconds: float = 0.0
    group_index: dict[str, Group] = field(default_factory=dict)
    group_of_claim: dict[str, str] = field(default_factory=dict)  #: claim id -> group id
    _orders: dict[tuple[str, str], list[Any]] = field(default_factory=dict)
    _json: dict[str, dict[str, Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for g in self.groups:
            self.group_index.setdefault(g.id, g)
            for rec in g.members:
                if rec.claim_id:
                    self.group_of_claim.setdefault(rec.claim_id, g.id)

    def sorted(self, kind: str, sort: str, items: list[Any],
               key: Callable[[Any], Any]) -> list[Any]:
        """``items`` (the whole ``kind`` list) sorted by ``sort``, computed once per snapshot."""
        cache_key = (kind, sort)
        found = self._orders.get(cache_key)
        if found is None:
            found = sorted(items, key=key, reverse=sort.startswith("-"))
            self._orders[cache_key] = found
        return found

    def group_json(self, group: Group) -> dict[str, Any]:
        """``group.to_json()``, memoized."""
        out = self._json.get(group.id)
        if out is None:
            out = self._json[group.id] = group.to_json()
        return out


def fingerprint(store: Store) -> tuple[int, ...]:
    """What changes when documents or claims are added or re-extracted."""
    c = store.counts()
    return c["documents"], c["claims"], c["runs"]


def build(store: Store) -> Snapshot:
    """Read the whole store and reconcile it."""
    start = time.perf_counter()
    fp = fingerprint(store)
    docs: list[DocInfo] = []
    for d in store.documents():
        docs.append(DocInfo(d.id, d.text[:d.title_end] if d.title_end else None, d.published,
                            d.outlet, d.url, str(d.meta.get("language") or "ar")))
    records = list(claim_records(store))
    items = _with_ids(records)
    per_doc: dict[str, int] = {}
    for r in records:
        per_doc[r.claim.doc_id] = per_doc.get(r.claim.doc_id, 0) + 1
    for info in docs:
        info.n_claims = per_doc.get(info.id, 0)
    snap = Snapshot(fp, docs, items, reconcile(records), _sources(records))
    snap.build_seconds = time.perf_counter() - start
    return snap


def _with_ids(records: list[ClaimRecord]) -> list[ClaimItem]:
    """Claim ids as the store computes them (per document, in extraction order)."""
    out: list[ClaimItem] = []
    i = 0
    while i < len(records):
        j = i
        doc_id = records[i].claim.doc_id
        while j < len(records) and records[j].claim.doc_id == doc_id:
            j += 1
        chunk = records[i:j]
        out.extend(ClaimItem(cid, r) for cid, r in zip(claim_ids([r.claim for r in chunk]),
                                                       chunk))
        i = j
    return out


def _sources(records: list[ClaimRecord]) -> list[dict[str, Any]]:
    """Canonical sources (claims with a resolved source id) with their counts."""
    found: dict[str, dict[str, Any]] = {}
    docs: dict[str, set[str]] = {}
    for r in records:
        s = r.claim.source
        if not s.id:
            continue
        entry = found.get(s.id)
        if entry is None:
            entry = found[s.id] = {"id": s.id, "name": s.name, "kind": s.kind,
                                   "country": s.country, "n_claims": 0, "n_documents": 0,
                                   "types": {}, "outlets": {}}
            docs[s.id] = set()
        entry["n_claims"] += 1
        docs[s.id].add(r.claim.doc_id)
        entry["types"][r.claim.type] = entry["types"].get(r.claim.type, 0) + 1
        if r.outlet:
            entry["outlets"][r.outlet] = entry["outlets"].get(r.outlet, 0) + 1
    for sid, entry in found.items():
        entry["n_documents"] = len(docs[sid])
    return sorted(found.values(), key=lambda e: (-e["n_claims"], e["id"]))


class SnapshotCache:
    """The app's one snapshot (see the module docstring for the rules)."""

    def __init__(self, store: Store, *, check_every: float = 1.0) -> None:
        self.store = store
        self.check_every = check_every
        self._snap: Snapshot | None = None
        self._checked = 0.0
        self._lock = threading.Lock()

    def invalidate(self) -> None:
        """Drop the snapshot: the next request rebuilds it."""
        self._snap = None

    def get(self) -> Snapshot:
        """The current snapshot, rebuilt when missing or stale."""
        snap = self._snap
        if snap is not None and time.monotonic() - self._checked < self.check_every:
            return snap
        if snap is not None and not self._lock.acquire(blocking=False):
            return snap  # someone is checking or rebuilding: answer from the old one
        if snap is None:
            self._lock.acquire()
        try:
            snap = self._snap
            now = time.monotonic()
            if snap is not None and now - self._checked < self.check_every:
                return snap
            if snap is None or fingerprint(self.store) != snap.fingerprint:
                snap = self._snap = build(self.store)
                gc.freeze()  # the snapshot is long-lived: keep it out of the cyclic GC's passes
            self._checked = time.monotonic()
            return snap
        finally:
            self._lock.release()
