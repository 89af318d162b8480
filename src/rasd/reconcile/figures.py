"""What a group says: each canonical source's figure and update chain, low / best / high, and
whether the sources truly disagree (incompatible figures that no later revision explains)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rasd.reconcile.keys import fmt, hedged, iso, point, source_key
from rasd.reconcile.model import ClaimRecord, SourceFigure, Step

#: credibility tier of a source kind for the best estimate (lower first; unlisted kinds: 1)
TIERS: dict[str, int] = {"monitor": 0, "international": 0, "organization": 0,
                         "military": 2, "armed_group": 2, "anonymous": 2}
_KIND_FAMILY = {"outlet": "media", "unknown": None}


@dataclass(frozen=True, slots=True)
class Verdict:
    """The group's summary numbers and its dispute, if any."""

    low: int
    best: int
    high: int
    disagree: bool
    reason: str | None
    spread: float | None


def figures_of(members: list[ClaimRecord], report: list[int]) -> list[SourceFigure]:
    """One :class:`SourceFigure` per canonical source of a group (``report``: each member's
    publication day), ordered by tier and key."""
    by_source: dict[str, list[int]] = {}
    for i, rec in enumerate(members):
        by_source.setdefault(source_key(rec.claim, rec.outlet), []).append(i)
    if len(by_source) > 1:
        _merge_short_names(by_source, members)
    figures = [_figure(k, sorted(ix, key=lambda i: _claim_order(members[i], report[i])),
                       members, report) for k, ix in by_source.items()]
    figures.sort(key=lambda f: (f.tier, f.key))
    return figures


def _merge_short_names(by_source: dict[str, list[int]], members: list[ClaimRecord]) -> None:
    """Fold a source into the one longer source of the group whose name extends it word by word
    ("the observatory" into "the Syrian observatory for human rights"), when unambiguous and of
    a compatible kind. Resolved ids and anonymous sources are left alone."""
    extensions: dict[str, list[str]] = {}
    for k in by_source:
        if ":" in k or "@" in k:
            continue
        pos = k.find(" ")
        while pos > 0:
            extensions.setdefault(k[:pos], []).append(k)
            pos = k.find(" ", pos + 1)
    short = [k for k in extensions if k in by_source]
    for k in sorted(short, key=lambda k: (len(k), k)):
        longer = extensions[k]
        top = max(longer, key=lambda o: (len(o), o))
        if any(o != top and not top.startswith(o + " ") for o in longer):
            continue  # two different longer names: ambiguous
        a = members[by_source[k][0]].claim.source.kind
        b = members[by_source[top][0]].claim.source.kind
        fa, fb = _KIND_FAMILY.get(a or "unknown", a), _KIND_FAMILY.get(b or "unknown", b)
        if fa is None or fb is None or fa == fb:
            by_source[top].extend(by_source.pop(k))


def _claim_order(rec: ClaimRecord, report: int) -> tuple[Any, ...]:
    """Reporting order: publication day, a revision after a first report, the larger figure,
    then stable tie-breakers."""
    c = rec.claim
    return (report, c.revision, c.count.high, c.count.low, c.doc_id, c.evidence.start,
            c.evidence.end, rec.outlet or "")


def _figure(key: str, ix: list[int], members: list[ClaimRecord],
            report: list[int]) -> SourceFigure:
    chain: list[Step] = []
    outlets: dict[str, None] = {}
    via: dict[str, None] = {}
    last = None
    for i in ix:
        rec = members[i]
        c = rec.claim
        if rec.outlet:
            outlets[rec.outlet] = None
        for v in c.via:
            via[v.name or v.text] = None
        ck = c.count.key()
        if ck != last:
            chain.append(Step(iso(report[i]), c.count, c.doc_id, rec.outlet))
            last = ck
    latest = members[ix[-1]]
    c = latest.claim
    return SourceFigure(key, c.source.text, c.source.kind, TIERS.get(c.source.kind or "", 1),
                        c.count, c, iso(report[ix[-1]]), latest.url, hedged(c.count),
                        tuple(chain), tuple(outlets), tuple(via), len(ix))


PAIR_CANDIDATES = 16  #: figures tried at each end when looking for the widest dispute


def _supersede(figures: list[SourceFigure]) -> None:
    """Mark figures that a later, higher figure of another source revises upwards: one
    published on a later day, or worded as a revision ("ارتفعت الحصيلة إلى") the same day."""
    by_date = sorted(figures, key=lambda f: f.date or "")
    later_low: dict[str, float] = {}  # date -> max lower bound of figures published after it
    best = -1.0
    for f in reversed(by_date):
        later_low.setdefault(f.date or "", best)
        best = max(best, f.interval[0])
    revised = sorted(((f.interval[0], n) for n, f in enumerate(figures) if f.claim.revision),
                     reverse=True)[:2]
    for n, f in enumerate(figures):
        revision = next((low for low, m in revised if m != n), -1.0)
        f.superseded = max(later_low[f.date or ""], revision) > f.interval[1]


def _same_article_summary(a: SourceFigure, b: SourceFigure) -> bool:
    """An article's own voice next to a source it quotes: the outlet summarising, not a party."""
    return a.doc_id == b.doc_id and "outlet" in (a.kind, b.kind)


def _revises(later: SourceFigure, earlier: SourceFigure) -> bool:
    """Whether ``later`` is a higher figure published on a later day, or the same day worded as
    a revision: an update of ``earlier``, not a dispute with it."""
    if later.interval[0] <= earlier.interval[1]:
        return False
    return (later.date or "") > (earlier.date or "") or later.claim.revision


def _dispute(figures: list[SourceFigure]) -> tuple[float, str] | None:
    """The widest pair of incompatible figures that no revision explains (spread, reason)."""
    highs = sorted(figures, key=lambda f: (-f.interval[0], f.key))[:PAIR_CANDIDATES]
    lows = sorted(figures, key=lambda f: (f.interval[1], f.key))[:PAIR_CANDIDATES]
    worst: tuple[float, str] | None = None
    for a in highs:
        for b in lows:
            if a is b or a.interval[0] <= b.interval[1] or _same_article_summary(a, b) \
                    or _revises(a, b):
                continue
            spread = point(a.count) / max(1, point(b.count))
            reason = f"{a.text} ({fmt(a.count)}) vs {b.text} ({fmt(b.count)})"
            if worst is None or (spread, reason) > worst:
                worst = (spread, reason)
    return worst


def verdict(figures: list[SourceFigure]) -> Verdict:
    """Low / best / high of the current (not superseded) figures and the widest dispute."""
    _supersede(figures)
    current = [f for f in figures if not f.superseded] or figures
    low = min(f.count.low for f in current)
    high = max(f.count.high for f in current)
    top = min((f.tier for f in current if f.count.vague is None), default=None)
    chosen = sorted(point(f.count) for f in current
                    if (f.tier == top and f.count.vague is None)
                    or (top is None and f.tier == current[0].tier))
    best = min(max(chosen[(len(chosen) - 1) // 2], low), high)
    worst = _dispute(figures)
    if worst is None:
        return Verdict(low, best, high, False, None, None)
    spread = round(worst[0], 2)
    return Verdict(low, best, high, True, f"{worst[1]}: {spread:g}x", spread)
