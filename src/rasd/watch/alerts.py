"""The alert rules, run after each watch cycle over the documents stored since they last ran.

The stored claims are reconciled twice — without the new documents' claims (*before*) and
with them (*after*, :func:`rasd.reconcile.reconcile`) — and each group *after* that holds a new
claim is compared with the groups *before* that held its other claims:

* ``dispute`` — the group's sources disagree and did not before (cause ``became``; a new group
  that is disputed from the start too), or, already disputed, a new source's figure leaves out
  the group's previous best figure (cause ``source:<source key>``);
* ``toll_jump`` — the best figure rose by at least ``jump_ratio`` (50 %) and ``jump_min``
  (5 people) (cause ``best:<new best>``: a second jump is another alert), unless the same
  change fired a dispute (a disputing source raised it: the dispute alert tells it);
* ``major_incident`` — a group made of new claims only, whose best figure reaches its type's
  threshold (default: 10 killed) (cause ``major``).

An alert is recorded once (:meth:`rasd.store.watch.WatchStore.add_alert`: same kind and cause,
a claim in common, is the same alert), so a group that gains claims and changes id does not
fire again, nor does a restart that looks at the same documents again. Agreeing updates fire
nothing. The documents are marked looked-at only after their alerts are recorded, so a
killed watcher looks at them again (and the repeats are dropped).
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field
from typing import Any

from rasd.corpus import claim_records
from rasd.model import Count
from rasd.reconcile import ClaimRecord, Group, SourceFigure, reconcile
from rasd.store import Store
from rasd.store.watch import WatchStore
from rasd.text.segment import sentences

KINDS = ("dispute", "toll_jump", "major_incident")


@dataclass(frozen=True)
class Thresholds:
    """When a toll jump and a major incident fire (``major``: per event type, the least best
    figure; types not listed never fire)."""

    jump_ratio: float = 0.5
    jump_min: int = 5
    major: dict[str, int] = field(default_factory=lambda: {"killed": 10})


@dataclass
class Candidate:
    """An alert about to be recorded."""

    kind: str
    cause: str
    group: Group
    summary: str
    payload: dict[str, Any]

    @property
    def claim_ids(self) -> list[str]:
        return [r.claim_id for r in self.group.members if r.claim_id]


def check(store: Store, thresholds: Thresholds | None = None) -> list[int]:
    """Run the rules over the documents not looked at yet; the ids of the alerts recorded."""
    thresholds = thresholds or Thresholds()
    state = WatchStore(store)
    pending = state.unchecked()
    if not pending:
        return []
    fresh = set(pending)
    records = list(claim_records(store))
    new_ids = {r.claim_id for r in records if r.claim.doc_id in fresh and r.claim_id}
    fired: list[int] = []
    if new_ids:
        before = reconcile([r for r in records if r.claim_id not in new_ids])
        found = candidates(before, reconcile(records), new_ids, thresholds)
        add_sentences(store, found)
        for c in found:
            alert_id = state.add_alert(c.kind, c.cause, c.group.id, c.group.type, c.summary,
                                       c.payload, c.claim_ids)
            if alert_id is not None:
                fired.append(alert_id)
    state.mark_checked(pending)
    return fired


def candidates(before: list[Group], after: list[Group], new_ids: set[str],
               thresholds: Thresholds) -> list[Candidate]:
    """The alerts the change from ``before`` to ``after`` calls for (``new_ids``: the claims
    added in between)."""
    was = {r.claim_id: g for g in before for r in g.members if r.claim_id}
    out = []
    for g in after:
        ids = [r.claim_id for r in g.members if r.claim_id]
        if not any(i in new_ids for i in ids):
            continue
        prev = list({id(p): p for p in (was[i] for i in ids if i in was)}.values())
        out.extend(_rules(g, prev, new_ids, thresholds))
    return out


def _rules(g: Group, prev: list[Group], new_ids: set[str], t: Thresholds) -> list[Candidate]:
    found = []
    if not prev:
        if g.best >= t.major.get(g.type, math.inf):
            found.append(_candidate("major_incident", "major", g, None, new_ids))
        if g.disagree:
            found.append(_candidate("dispute", "became", g, None, new_ids))
        return found
    prev_best = max(p.best for p in prev)
    if g.disagree and not any(p.disagree for p in prev):
        found.append(_candidate("dispute", "became", g, prev, new_ids))
    elif g.disagree:
        known = {f.key for p in prev for f in p.figures}
        for f in g.figures:
            if f.key not in known and _is_new(f, g, new_ids) \
                    and not f.interval[0] <= prev_best <= f.interval[1]:
                found.append(_candidate("dispute", f"source:{f.key}", g, prev, new_ids))
    if found:  # the rise came with a dispute: that alert tells it (previous best included)
        return found
    if g.best - prev_best >= t.jump_min and g.best >= prev_best * (1 + t.jump_ratio):
        found.append(_candidate("toll_jump", f"best:{g.best}", g, prev, new_ids))
    return found


def sentence_around(text: str, start: int, end: int, limit: int = 600) -> str:
    """The sentence(s) of ``text`` holding ``text[start:end]`` (at most ``limit`` characters
    around it)."""
    spans = sentences(text)
    first = bisect.bisect_right([s for s, _ in spans], start) - 1
    last = bisect.bisect_left([e for _, e in spans], end)
    lo = spans[first][0] if 0 <= first < len(spans) else start
    hi = spans[last][1] if 0 <= last < len(spans) else end
    lo, hi = max(lo, start - limit // 2), min(hi, end + limit // 2)
    return text[lo:hi].strip()


def add_sentences(store: Store, found: list[Candidate]) -> None:
    """Give each figure of the alerts the whole sentence of its evidence (from its article)."""
    texts: dict[str, str | None] = {}
    for c in found:
        for f, out in zip(c.group.figures, c.payload["figures"]):
            if f.doc_id not in texts:
                doc = store.get_document(f.doc_id)
                texts[f.doc_id] = doc.text if doc else None
            text = texts[f.doc_id]
            if text:
                out["sentence"] = sentence_around(text, f.evidence.start, f.evidence.end)


def _record_of(f: SourceFigure, g: Group) -> ClaimRecord | None:
    return next((r for r in g.members if r.claim is f.claim), None)


def _is_new(f: SourceFigure, g: Group, new_ids: set[str]) -> bool:
    rec = _record_of(f, g)
    return rec is not None and rec.claim_id in new_ids


def count_text(c: Count) -> str:
    """A figure as people read it: ``12``, ``10-15``, ``about 40``."""
    if c.value is not None:
        return f"{c.value:,}" + (f" ({c.qualifier})" if c.qualifier else "")
    if c.min is not None and c.max is not None:
        return f"{c.min:,}-{c.max:,}"
    return str(c.vague or f"{c.low:,}-{c.high:,}")


def _where(g: Group) -> str:
    return g.place.text or g.place.name or g.place.country or "?"


def _summary(kind: str, g: Group, prev: list[Group] | None) -> str:
    head = f"{kind.replace('_', ' ')} · {g.type} · {_where(g)} · {g.date_from or 'undated'}"
    figures = ", ".join(f"{f.text or f.key} {count_text(f.count)}" for f in g.figures[:6])
    if kind == "toll_jump" and prev:
        return f"{head}: best {max(p.best for p in prev):,} → {g.best:,} ({figures})"
    if kind == "dispute":
        return f"{head}: {g.reason or 'sources disagree'} ({figures})"
    return f"{head}: best {g.best:,} ({figures})"


def _candidate(kind: str, cause: str, g: Group, prev: list[Group] | None,
               new_ids: set[str]) -> Candidate:
    return Candidate(kind, cause, g, _summary(kind, g, prev), payload(g, prev, new_ids))


def payload(g: Group, prev: list[Group] | None, new_ids: set[str]) -> dict[str, Any]:
    """What an alert carries: the group, its figures side by side with their sources,
    articles and evidence sentences, and what it was before."""
    figures = []
    for f in g.figures:
        rec = _record_of(f, g)
        figures.append({
            "source": f.text, "source_key": f.key, "kind": f.kind, "count": f.count.to_json(),
            "figure": count_text(f.count), "date": f.date, "url": f.url, "doc_id": f.doc_id,
            "outlets": list(f.outlets), "superseded": f.superseded,
            "evidence": rec.evidence_text if rec else None,
            "new": bool(rec and rec.claim_id in new_ids)})
    return {
        "group": {"id": g.id, "type": g.type, "period": g.period, "place": _where(g),
                  "country": g.place.country, "date_from": g.date_from, "date_to": g.date_to,
                  "low": g.low, "best": g.best, "high": g.high, "disagree": g.disagree,
                  "reason": g.reason, "spread": g.spread, "n_claims": g.n_claims,
                  "n_sources": g.n_sources},
        "previous": None if not prev else {"best": max(p.best for p in prev),
                                           "disagree": any(p.disagree for p in prev),
                                           "group_ids": sorted(p.id for p in prev)},
        "figures": figures,
        "new_claims": sorted(r.claim_id for r in g.members if r.claim_id in new_ids),
        "lead_claim": min((r.claim_id for r in g.members if r.claim_id), default=None),
        "link": f"/groups/{g.id}",
    }
