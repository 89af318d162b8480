"""What a group says: each canonical source's figure and update chain, low / best / high, and
whether the sources truly disagree (incompatible figures that no later revision explains)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from rasd.model import Claim
from rasd.reconcile.keys import (
    INF,
    MINUTES_A_DAY,
    fmt,
    hedged,
    iso,
    name_key,
    names_incident,
    ordinal,
    point,
    refers_back,
    shares_signature,
    source_key,
)
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


def figures_of(members: list[ClaimRecord], report: list[int],
               stamps: list[float]) -> list[SourceFigure]:
    """One :class:`SourceFigure` per canonical source of a group (``report``: each member's
    publication day; ``stamps``: its publication time in minutes), ordered by tier and key."""
    figures = _figures(_by_source(members, range(len(members))), members, report, stamps)
    figures.sort(key=lambda f: (f.tier, f.key))
    return figures


def article_figures(members: list[ClaimRecord], report: list[int],
                    stamps: list[float]) -> list[list[SourceFigure]]:
    """Per article of a group that gives figures of two or more sources, each source's figure as
    that article states it: "نقلت الوكالة عن مصدر أن 93 قتلوا، فيما قال المرصد إن 72" is a
    dispute of that day even when one of the two sources gives a later figure elsewhere."""
    by_doc: dict[str, list[int]] = {}
    for i, rec in enumerate(members):
        by_doc.setdefault(rec.claim.doc_id, []).append(i)
    out = []
    for idxs in by_doc.values():
        by_source = _by_source(members, idxs)
        if len(by_source) > 1:
            out.append(_figures(by_source, members, report, stamps))
    return out


def _by_source(members: list[ClaimRecord], idxs: Iterable[int]) -> dict[str, list[int]]:
    """The members ``idxs`` by canonical source, short names and names pointing back folded."""
    by_source: dict[str, list[int]] = {}
    for i in idxs:
        rec = members[i]
        by_source.setdefault(source_key(rec.claim, rec.outlet), []).append(i)
    if len(by_source) > 1:
        _merge_short_names(by_source, members)
    if len(by_source) > 1:
        _merge_named_back(by_source, members)
    return by_source


def _figures(by_source: dict[str, list[int]], members: list[ClaimRecord], report: list[int],
             stamps: list[float]) -> list[SourceFigure]:
    """One figure per source of ``by_source``, its claims in reporting order."""
    return [_figure(k, sorted(ix, key=lambda i: _claim_order(members[i], stamps[i])),
                    members, report, stamps) for k, ix in by_source.items()]


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


def _merge_named_back(by_source: dict[str, list[int]], members: list[ClaimRecord]) -> None:
    """Fold a source named back by its head word(s) into the one source of the same article
    whose name it begins ("بحسب الجيش" after "قال الجيش الإسرائيلي"): one party restating,
    whatever id the bare word was given alone (a bare "الجيش" is guessed by the place's country)."""
    texts: dict[str, dict[str, str]] = {}  # article -> canonical source text -> key
    for key, ix in by_source.items():
        for i in ix:
            c = members[i].claim
            texts.setdefault(c.doc_id, {})[name_key(c.source.text)] = key
    for key in [k for k in by_source if "@" not in k]:
        targets: set[str] = set()
        for i in by_source[key]:
            c = members[i].claim
            short = name_key(c.source.text) if c.source.kind != "outlet" else ""
            if short:
                targets.update(k for t, k in texts.get(c.doc_id, {}).items()
                               if k != key and t.startswith(short + " "))
        if len(targets) == 1:
            top = targets.pop()
            if top in by_source:
                by_source[top].extend(by_source.pop(key))


def _claim_order(rec: ClaimRecord, stamp: float) -> tuple[Any, ...]:
    """Reporting order: publication time, a revision after a first report, the larger figure,
    then stable tie-breakers."""
    c = rec.claim
    return (stamp, c.revision, c.count.high, c.count.low, c.doc_id, c.evidence.start,
            c.evidence.end, rec.outlet or "")


def _figure(key: str, ix: list[int], members: list[ClaimRecord], report: list[int],
            stamps: list[float]) -> SourceFigure:
    chain: list[Step] = []
    outlets: dict[str, None] = {}
    via: dict[str, None] = {}
    last = None
    streak: list[int] = []  # the members giving the latest figure, in reporting order
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
            last, streak = ck, []
        streak.append(i)
    latest = members[ix[-1]]
    c = latest.claim
    told = _best_told([members[i].claim for i in streak])
    return SourceFigure(key, c.source.text, c.source.kind, TIERS.get(c.source.kind or "", 1),
                        c.count, c, iso(report[ix[-1]]), latest.url, hedged(c.count),
                        tuple(chain), tuple(outlets), tuple(via), len(ix),
                        stamp=stamps[ix[-1]], first_stamp=stamps[streak[0]], told=told)


PAIR_CANDIDATES = 16  #: figures tried at each end when looking for a dispute
STALE_MINUTES = 24 * 60  #: a lower figure published this much later is stale, not a contest
COPY_SLACK = 0.01  #: exact figures of 100 or more within 1 % are one bulletin copied


def _best_told(claims: list[Claim]) -> Claim:
    """The claim that stands for a source's latest figure: its latest statement that ties it
    most to its incident (a date of its own, a target or a distinctive attack kind); a reprint
    told in passing ("وأصيب أكثر من 1000 آخرين") does not hide how the figure was first given."""
    return max(reversed(claims), key=lambda c: (not _dated_by_article(c)) + names_incident(c))


def _supersede(figures: list[SourceFigure]) -> None:
    """Mark figures that a later, higher figure of another source revises upwards (one
    published later, or worded as a revision at the same time), and figures worded as an
    earlier stage of the toll ("وكانت حصيلة سابقة قد أشارت إلى") when other figures exist."""
    by_time = sorted(figures, key=lambda f: f.first_stamp)
    later_low: dict[float, float] = {}  # time -> max lower bound of figures first given after it
    best = -1.0
    for f in reversed(by_time):
        later_low.setdefault(f.first_stamp, best)
        best = max(best, f.interval[0])
    revised = sorted(((f.interval[0], n) for n, f in enumerate(figures) if f.claim.revision),
                     reverse=True)[:2]
    for n, f in enumerate(figures):
        revision = next((low for low, m in revised if m != n), -1.0)
        f.superseded = max(later_low[f.first_stamp], revision) > f.interval[1] or (
            f.claim.context == "earlier" and len(figures) > 1)


def _range(f: SourceFigure, other: SourceFigure) -> tuple[float, float]:
    """A figure's range for the dispute test: its hedged interval; a vague word ("عشرات")
    from another article, or a toll said to be rising ("مرشحة للارتفاع"), is only a lower
    bound (a vague word is rhetoric, not a counter-count, unless set side by side with a
    number); an exact figure of 100 or more allows a 1 % copy slip."""
    low, high = f.interval
    c = f.count
    if c.vague is not None and f.doc_id != other.doc_id or f.claim.context == "rising":
        return low, INF  # ... and a toll its own words call not final is a floor
    if c.value is not None and c.qualifier is None and c.value >= 100:
        return c.value * (1 - COPY_SLACK), c.value * (1 + COPY_SLACK)
    return low, high


def _explained(high: SourceFigure, low: SourceFigure, states: States | None = None) -> bool:
    """Whether the gap between a higher and a lower figure is no dispute: the higher one is a later or
    revised toll; the lower one is an earlier stage, a share of a larger count, or was published
    more than a day later (a stale reprint or a quiet official revision); or one article states
    both as one statement (the same source span, or a source that only points back: "المصدر
    ذاته"), as its own summary of a source it quotes, or as two figures it does not set against
    each other (one article's dispute is written as one: "في حين", "نفى", "فقط"); or, across
    articles, nothing ties the two reports to one incident (a town, a target, a distinctive
    attack), or one article states both figures without setting them against each other."""
    settled = _settled(high) and _settled(low)  # both told long after: no news cycle left
    if high.first_stamp > low.first_stamp and not settled or _revises(high, low) or "earlier" in (
            high.claim.context, low.claim.context) or low.claim.context == "share":
        return True
    if low.first_stamp - high.first_stamp > STALE_MINUTES and not settled:
        return True  # a stale reprint, or a quiet official revision
    if high.doc_id == low.doc_id:
        return ("outlet" in (high.kind, low.kind) or high.claim.source.span == low.claim.source.span
                or refers_back(high.text) or refers_back(low.text)
                or not (high.claim.contrast or low.claim.contrast or _documenter_vs_party(high, low)))
    a, b = high.told or high.claim, low.told or low.claim
    if not _anchored(a, b) or _days_differ(a, b) or _undated(a) or _undated(b):
        return True  # nothing ties the two reports to one incident, or two stated days
    if (_dated_by_article(a) or _dated_by_article(b)) and not _names_one_incident(a, b):
        return True  # an article's date and a town alone: a daily front report, another day
    return states is not None and (states(high.doc_id, low.claim) or states(low.doc_id, high.claim))


SETTLED_DAYS = 30  #: a figure told this long after its incident's stated day is its settled toll


def _settled(f: SourceFigure) -> bool:
    """Whether a figure was first published :data:`SETTLED_DAYS` or more after the day its claim
    states for its incident (the Berlin market attack's 48 or 46 wounded, told as background a
    year on): its toll no longer changes, so a later or earlier report updates nothing."""
    t = f.claim.time
    day = ordinal(t.date) if t is not None and t.precision == "day" else None
    return day is not None and f.first_stamp / MINUTES_A_DAY - day >= SETTLED_DAYS


def _revises(high: SourceFigure, low: SourceFigure) -> bool:
    """Whether the higher figure is worded as a revision of the lower one: in another article,
    or after it in the same one ("آخر حصيلة للمرصد 252" then "وتحدثت سانا عن عشرات" revises
    nothing: two parties side by side)."""
    return high.claim.revision and (high.doc_id != low.doc_id
                                    or high.claim.evidence.start > low.claim.evidence.start)


def _dated_by_article(claim: Claim) -> bool:
    """Whether a claim's only date is its article's publication date."""
    return claim.time is None or claim.time.precision == "publication"


def _names_one_incident(a: Claim, b: Claim) -> bool:
    """Whether two claims share a target or a distinctive attack kind."""
    sa, sb = a.signature, b.signature
    return sa is not None and sb is not None and shares_signature(
        sa.attack, sa.target, frozenset(sb.attack), frozenset(sb.target))


def _undated(claim: Claim) -> bool:
    """Whether a claim has no date at all (neither its own nor its article's)."""
    return claim.time is None or claim.time.date is None and claim.time.precision != "since"


def _days_differ(a: Claim, b: Claim) -> bool:
    """Whether both claims state their event's day, and the days differ (two days' tolls)."""
    ta, tb = a.time, b.time
    return ta is not None and tb is not None and ta.precision == tb.precision == "day" \
        and ta.date != tb.date


def _anchored(a: Claim, b: Claim) -> bool:
    """Whether two claims of two articles are tied to one incident: the same town (or area
    of a town), the same province on the same stated day, or a shared target or distinctive
    attack kind ("the wedding", "the car bomb")."""
    la, lb = a.location, b.location
    if la is not None and lb is not None:
        if (la.precision or 3) <= 2 and (lb.precision or 3) <= 2 \
                and (la.name or la.text).casefold() == (lb.name or lb.text).casefold():
            return True
        ta, tb = a.time, b.time
        if la.admin1 and la.admin1 == lb.admin1 and ta is not None and tb is not None \
                and ta.precision == tb.precision == "day" and ta.date == tb.date:
            return True
    return _names_one_incident(a, b)


def _documenter_vs_party(a: SourceFigure, b: SourceFigure) -> bool:
    """Whether one known independent documenter (a monitor or an international body, tier 0)
    and one known other body (a government, an army, a state agency) give the two figures:
    an article reporting both side by side reports their dispute."""
    if not (a.claim.source.id and b.claim.source.id) or a.claim.source.id == b.claim.source.id:
        return False
    return min(a.tier, b.tier) == 0 < max(a.tier, b.tier)


#: whether an article states a claim's figure for the claim's event type
States = Callable[[str, Claim], bool]


def _dispute(figures: list[SourceFigure], states: States | None,
             parts: frozenset[Any] = frozenset()) -> tuple[float, str, float] | None:
    """The dispute to report: among incompatible pairs that nothing explains, the two figures
    published closest in time, then the narrowest gap (a wide one is more often a part
    against its whole) (spread, reason, time gap)."""
    highs = sorted(figures, key=lambda f: (-f.interval[0], f.key))[:PAIR_CANDIDATES]
    lows = sorted(figures, key=lambda f: (f.interval[1], f.key))[:PAIR_CANDIDATES]
    found: tuple[float, float, str] | None = None
    for a in highs:
        for b in lows:
            if a is b or b.count.key() in parts:
                continue  # a figure the articles give as a part of the whole restates it
            (alo, _), (_, bhi) = _range(a, b), _range(b, a)
            if alo <= bhi or _explained(a, b, states):
                continue
            spread = alo / max(1, bhi)  # the gap, hedges read
            reason = f"{a.text} ({fmt(a.count)}) vs {b.text} ({fmt(b.count)})"
            key = (abs(a.stamp - b.stamp), spread, reason)
            if found is None or key < found:
                found = key
    return None if found is None else (found[1], found[2], found[0])


def verdict(figures: list[SourceFigure], states: States | None = None,
            parts: frozenset[Any] = frozenset(),
            articles: Callable[[], Iterable[list[SourceFigure]]] | None = None) -> Verdict:
    """Low / best / high of the current (not superseded) figures and the dispute to report
    (``states``: whether an article states a figure, to read cross-article pairs; ``parts``:
    the figures the group's articles give as parts of its claims; ``articles``: the sources'
    figures as each article states them, :func:`article_figures`, asked for only when the
    latest figures of two or more sources show no dispute)."""
    _supersede(figures)
    current = [f for f in figures if not f.superseded] or figures
    low = min(f.count.low for f in current)
    high = max(f.count.high for f in current)
    top = min((f.tier for f in current if f.count.vague is None), default=None)
    chosen = sorted(point(f.count) for f in current
                    if (f.tier == top and f.count.vague is None)
                    or (top is None and f.tier == current[0].tier))
    best = min(max(chosen[(len(chosen) - 1) // 2], low), high)
    dispute = _dispute(figures, states, parts)
    if dispute is None and articles is not None and len(figures) > 1:
        found = [d for d in (_dispute(fs, states, parts) for fs in articles()) if d is not None]
        dispute = min(found, key=lambda d: (d[2], d[0], d[1])) if found else None
    if dispute is None:
        return Verdict(low, best, high, False, None, None)
    spread = round(dispute[0], 2)
    return Verdict(low, best, high, True, f"{dispute[1]}: {spread:g}x", spread)
