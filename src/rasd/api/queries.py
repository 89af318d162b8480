"""Filters, sort orders and pagination of the list endpoints, over a :class:`Snapshot`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from rasd.api.snapshot import ClaimItem, DocInfo, Snapshot
from rasd.filters import Filters, group_passes, place_matches
from rasd.reconcile import Group

T = TypeVar("T")
LAST = "\uffff"  # sorts after every ISO date: items without one come last either way


@dataclass(frozen=True)
class Window:
    """Pagination."""

    limit: int
    offset: int


def page(items: list[T], window: Window, render: Callable[[T], dict[str, Any]]
         ) -> dict[str, Any]:
    """The paginated answer: ``{"items", "total", "limit", "offset"}``."""
    chosen = items[window.offset:window.offset + window.limit]
    return {"items": [render(x) for x in chosen], "total": len(items), "limit": window.limit,
            "offset": window.offset}


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _ordered(snap: Snapshot, kind: str, sort: str | None, items: list[T],
             key: Callable[[T], Any], filtered: bool) -> list[T]:
    """``items`` in the ``sort`` order (``-`` prefix: descending; None: natural order), with
    items lacking the key last; whole lists are sorted once per snapshot."""
    if not sort:
        return items
    desc = sort.startswith("-")

    def full(x: T) -> Any:
        k = key(x)
        missing = k is None
        return (missing != desc, k if not missing else 0)  # missing last in both directions

    if not filtered:
        return snap.sorted(kind, sort, items, full)
    return sorted(items, key=full, reverse=desc)


# --- documents -------------------------------------------------------------------------------

DOC_SORTS = {"published": lambda d: d.published, "id": lambda d: d.id}


def documents(snap: Snapshot, *, outlet: str | None, since: dt.date | None,
              until: dt.date | None, language: str | None, sort: str | None) -> list[DocInfo]:
    """Documents filtered and sorted."""
    lo, hi = _iso(since), _iso(until)
    filtered = bool(outlet or lo or hi or language)
    items = snap.documents
    if filtered:
        items = [d for d in items
                 if (not outlet or d.outlet == outlet)
                 and (not language or d.language == language)
                 and (not lo or (d.published is not None and d.published[:10] >= lo))
                 and (not hi or (d.published is not None and d.published[:10] <= hi))]
    if sort in ("id", None):
        return items  # stored order is id order
    return _ordered(snap, "documents", sort, items, DOC_SORTS[sort.lstrip("-")], filtered)


# --- claims ----------------------------------------------------------------------------------

def _count_key(item: ClaimItem) -> float:
    c = item.claim.count
    return c.value if c.value is not None else (c.low + c.high) / 2


CLAIM_SORTS: dict[str, Callable[[ClaimItem], Any]] = {
    "date": lambda i: i.claim.time.date if i.claim.time and i.claim.time.date else None,
    "confidence": lambda i: i.claim.confidence,
    "count": _count_key,
}


def _source_matches(item: ClaimItem, source: str) -> bool:
    s = item.claim.source
    return source in s.text or source == s.id or (s.name is not None and source in s.name)


def _place_matches_claim(item: ClaimItem, place: str) -> bool:
    loc = item.claim.location
    return loc is not None and place_matches(place, (loc.text, loc.name, loc.admin1),
                                             loc.country)


def claims(snap: Snapshot, f: Filters, *, doc_id: str | None = None,
           sort: str | None = None) -> list[ClaimItem]:
    """Claims filtered (``since``/``until`` on the claim's event date: undated claims are left
    out, as in the store) and sorted; the group filters of ``f`` (disagree, min_sources,
    period) do not apply."""
    type, country, source, outlet, place = f.type, f.country, f.source, f.outlet, f.place
    lo, hi = _iso(f.since), _iso(f.until)
    tests: list[Callable[[ClaimItem], bool]] = []
    if type:
        tests.append(lambda i: i.claim.type == type)
    if country:
        tests.append(lambda i: i.claim.location is not None
                     and i.claim.location.country == country)
    if lo or hi:
        def dated(i: ClaimItem) -> bool:
            d = i.claim.time.date if i.claim.time else None
            return d is not None and (not lo or d >= lo) and (not hi or d <= hi)
        tests.append(dated)
    if source:
        tests.append(lambda i: _source_matches(i, source))
    if outlet:
        tests.append(lambda i: i.record.outlet == outlet)
    if place:
        tests.append(lambda i: _place_matches_claim(i, place))
    if doc_id:
        tests.append(lambda i: i.claim.doc_id == doc_id)
    items = _keep(snap.claims, tests)
    key = CLAIM_SORTS[sort.lstrip("-")] if sort else (lambda i: None)
    return _ordered(snap, "claims", sort, items, key, bool(tests))


def _keep(items: list[T], tests: list[Callable[[T], bool]]) -> list[T]:
    if not tests:
        return items
    return [x for x in items if all(t(x) for t in tests)]


# --- groups ----------------------------------------------------------------------------------

GROUP_SORTS: dict[str, Callable[[Group], Any]] = {
    # "-disputes": disputes first, then by number of sources, then the most recent
    "disputes": lambda g: (g.disagree, g.n_sources, g.date_to or g.date_from or ""),
    "n_sources": lambda g: (g.n_sources, g.n_claims),
    "date": lambda g: g.date_from,
    "best": lambda g: g.best,
    "n_claims": lambda g: g.n_claims,
    "spread": lambda g: g.spread,  # max/min of the disputed figures; None when no dispute
}


def _group_source(g: Group, source: str) -> bool:
    for f in g.figures:
        s = f.claim.source
        if source == f.key or source in f.text or source == s.id or source in (s.name or ""):
            return True
    return False


def groups(snap: Snapshot, f: Filters, *, sort: str | None = None) -> list[Group]:
    """Reconciled groups filtered (``since``/``until``: the group's period overlaps them;
    undated groups are left out) and sorted.

    The groups are those of the whole store, filtered afterwards: a group's figures are not
    narrowed to the matching sources (``rasd report``, which reconciles only the matching
    claims, may differ for ``source``)."""
    type, country, source, outlet = f.type, f.country, f.source, f.outlet
    lo, hi = _iso(f.since), _iso(f.until)
    tests: list[Callable[[Group], bool]] = []
    if type:
        tests.append(lambda g: g.type == type)
    if country:
        tests.append(lambda g: g.place.country == country)
    if lo:
        tests.append(lambda g: g.date_to is not None and g.date_to >= lo)
    if hi:
        tests.append(lambda g: g.date_from is not None and g.date_from <= hi)
    if source:
        tests.append(lambda g: _group_source(g, source))
    if outlet:
        tests.append(lambda g: any(outlet in fig.outlets for fig in g.figures))
    if f.about_groups:
        tests.append(lambda g: group_passes(g, f))
    items = _keep(snap.groups, tests)
    key = GROUP_SORTS[sort.lstrip("-")] if sort else (lambda g: None)
    return _ordered(snap, "groups", sort, items, key, bool(tests))


# --- sources ---------------------------------------------------------------------------------

def sources(snap: Snapshot, *, kind: str | None, country: str | None, q: str | None
            ) -> list[dict[str, Any]]:
    """Canonical sources (most claims first), filtered."""
    country = country.upper() if country else None

    def ok(s: dict[str, Any]) -> bool:
        return ((not kind or s["kind"] == kind) and (not country or s["country"] == country)
                and (not q or q in s["id"] or q in (s["name"] or "")))
    return [s for s in snap.sources if ok(s)] if (kind or country or q) else snap.sources
