"""Cross-article reconciliation: group claims that report the same real-world quantity.

:func:`reconcile` turns :class:`ClaimRecord` s (a claim plus its article's outlet, date and URL)
into :class:`Group` s: same event type and ``mixed`` flag, same kind of period, overlapping time
windows, compatible place (same, or one containing the other) and compatible subject category.
Claims of one exact key are swept in time order into clusters; coarser clusters (province,
country, no category) then join the unique compatible finer group found through bisect-searched
indexes. No pair of claims is ever compared outside that: O(n log n). Each group reports every
canonical source's latest figure, update chain and relays, the low / best / high and whether the
sources disagree. The rules are stated in ``docs/reconcile.md``.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterable

from rasd.lang.ar import load_yaml
from rasd.model import VAGUE_WORDS, Claim, Count, Location, Span
from rasd.text.normalize import normalize_string
from rasd.text.tokens import stems

if TYPE_CHECKING:
    from rasd.model import Document

__all__ = ["ClaimRecord", "Group", "Place", "SourceFigure", "Step", "TIERS", "hedged",
           "reconcile", "records_of", "source_key"]

POINT, ADMIN1, COUNTRY = 0, 1, 2
LEVELS = ("point", "admin1", "country")
ABOUT = 0.10  #: relative slack of an "about" figure
INF = math.inf
#: credibility tier of a source kind for the best estimate (lower first; unlisted kinds: 1)
TIERS: dict[str, int] = {"monitor": 0, "international": 0, "organization": 0,
                         "military": 2, "armed_group": 2, "anonymous": 2}
EVENT_PRECISIONS = {"day": (0, 0), "publication": (-1, 0), "week": (0, 6)}
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    """One claim with the article facts reconciliation needs."""

    claim: Claim
    outlet: str | None = None
    published: str | None = None  #: ISO date (or datetime) of the article
    url: str | None = None


def records_of(docs: Iterable["Document"]) -> Iterable[ClaimRecord]:
    """The :class:`ClaimRecord` s of annotated documents (streamed)."""
    for doc in docs:
        for claim in doc.claims:
            yield ClaimRecord(claim, doc.outlet, doc.published, doc.url)


@dataclass(slots=True)
class Place:
    """Where a group's quantity was counted (its most specific member place)."""

    level: str  #: point | admin1 | country | unknown
    text: str | None = None
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: int | None = None


@dataclass(slots=True)
class Step:
    """One step of a source's update chain: the figure it gave in an article of that date."""

    date: str | None
    count: Count
    doc_id: str
    outlet: str | None


@dataclass(slots=True)
class SourceFigure:
    """A canonical source's say in a group: latest figure, how it got there, who relayed it."""

    key: str                        #: canonical source identity
    text: str                       #: the source as written (latest claim)
    kind: str | None
    tier: int                       #: credibility tier (see :data:`TIERS`)
    count: Count                    #: latest figure
    claim: Claim                    #: the claim that gave it
    date: str | None                #: publication date of that claim's article
    url: str | None
    interval: tuple[float, float]   #: the latest figure widened by its hedge
    chain: tuple[Step, ...]         #: figures over time, oldest first, repeats collapsed
    outlets: tuple[str, ...]        #: outlets that carried this source's figures
    via: tuple[str, ...]            #: intermediaries named in the claims ("according to X")
    n_claims: int

    @property
    def doc_id(self) -> str:
        return self.claim.doc_id

    @property
    def evidence(self) -> Span:
        return self.claim.evidence


@dataclass(slots=True)
class Group:
    """One real-world quantity and what every source says about it."""

    id: str
    type: str
    mixed: bool
    period: str                     #: event | month | year | since | undated
    place: Place
    date_from: str | None
    date_to: str | None
    subject: str | None             #: category, else the most frequent subject text
    figures: list[SourceFigure]
    low: int
    best: int
    high: int
    disagree: bool
    reason: str | None
    n_claims: int

    @property
    def n_sources(self) -> int:
        return len(self.figures)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "type": self.type, "mixed": self.mixed, "period": self.period,
            "place": {k: getattr(self.place, k) for k in Place.__slots__},
            "date_from": self.date_from, "date_to": self.date_to, "subject": self.subject,
            "low": self.low, "best": self.best, "high": self.high,
            "disagree": self.disagree, "reason": self.reason,
            "n_claims": self.n_claims, "n_sources": self.n_sources,
            "figures": [{
                "source": {"key": f.key, "text": f.text, "kind": f.kind, "tier": f.tier},
                "count": f.count.to_json(), "doc_id": f.doc_id, "date": f.date, "url": f.url,
                "evidence": f.evidence.to_json(),
                "chain": [{"date": s.date, "count": s.count.to_json(), "doc_id": s.doc_id,
                           "outlet": s.outlet} for s in f.chain],
                "outlets": list(f.outlets), "via": list(f.via), "n_claims": f.n_claims,
            } for f in self.figures],
        }


# --- canonical forms -------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _article() -> str:
    return normalize_string(load_yaml("clitics.yaml")["article"])


@lru_cache(maxsize=1 << 16)
def _canon(text: str) -> str:
    """Normalized words without clitics and article, so that variants of a name compare equal."""
    art = _article()
    out = []
    for word in _WORD.findall(normalize_string(text)):
        forms = stems(word)
        pick = word
        for form in forms:
            if art + form in forms:
                pick = form
        out.append(pick)
    return " ".join(out)


def source_key(claim: Claim, outlet: str | None = None) -> str:
    """Identity of a claim's source: its resolved id, else its canonical name or text. An
    article's own voice (``kind == "outlet"``) is keyed by the outlet (by the article when the
    outlet is unknown); an anonymous source by its text plus who carried it (the first via, else
    the outlet), since unnamed sources of different outlets are not known to be one."""
    source = claim.source
    if source.id:
        return "id:" + source.id.casefold()
    if source.kind == "outlet":
        return _canon(outlet) or outlet.casefold() if outlet else "doc:" + claim.doc_id
    text = source.name or source.text
    key = _canon(text) or text.casefold()
    if source.kind == "anonymous":
        carrier = claim.via[0].name or claim.via[0].text if claim.via else outlet
        key += "@" + (_canon(carrier) or carrier.casefold() if carrier else "doc:" + claim.doc_id)
    return key


def hedged(count: Count) -> tuple[float, float]:
    """The range a figure allows once its hedge is taken at its word: about v is v +- 10%, at
    least v is [v, inf), at most / up to v is [0, v], a range or vague word is its range."""
    if count.value is not None:
        v, q = count.value, count.qualifier
        if q is None:
            return v, v
        if q == "about":
            return math.floor(v * (1 - ABOUT)), math.ceil(v * (1 + ABOUT))
        if q == "at_least":
            return v, INF
        return 0, v
    if count.min is not None and count.max is not None:
        return count.min, count.max
    return VAGUE_WORDS[count.vague or "several"]


def _point(count: Count) -> int:
    """A single number for a figure: the stated value, a range's midpoint, a vague word's floor."""
    if count.value is not None:
        return count.value
    if count.min is not None and count.max is not None:
        return (count.min + count.max) // 2
    return count.low


def _fmt(count: Count) -> str:
    if count.value is not None:
        return f"{count.qualifier.replace('_', ' ')} {count.value}" if count.qualifier \
            else str(count.value)
    if count.min is not None:
        return f"{count.min}-{count.max}"
    return str(count.vague)


@lru_cache(maxsize=1 << 14)
def _day(day: str) -> int | None:
    try:
        return dt.date.fromisoformat(day).toordinal()
    except ValueError:
        return None


def _ord(date: str | None) -> int | None:
    """Day number of an ISO date or datetime (None when missing or unreadable)."""
    return None if date is None else _day(date[:10])


@lru_cache(maxsize=1 << 14)
def _iso_day(ordinal: int) -> str:
    return dt.date.fromordinal(ordinal).isoformat()


def _iso(ordinal: int | None) -> str | None:
    return None if ordinal is None or ordinal < 1 else _iso_day(ordinal)


def _place_key(loc: Location | None, doc_id: str) -> tuple[str, int, str, str | None]:
    """(country, level, key, admin1) of a location. Unknown places only match in their article."""
    if loc is None:
        return "", POINT, "doc:" + doc_id, None
    country = loc.country or ""
    if loc.precision == 2 and loc.admin1:  # an area around a town ("ريف إدلب الشرقي"): its province
        return country, ADMIN1, loc.admin1, loc.admin1
    if loc.precision is not None and loc.precision >= 3:  # a province (its own admin1) or more
        if loc.admin1:
            return country, ADMIN1, loc.admin1, loc.admin1
        if country:  # keyed by name: a province that lacks its admin1 stays itself
            return country, COUNTRY, (loc.name or country).casefold(), None
    if loc.name:
        return country, POINT, loc.name.casefold(), loc.admin1
    if loc.lat is not None and loc.lon is not None:
        return country, POINT, f"{loc.lat:.2f},{loc.lon:.2f}", loc.admin1
    if loc.text:
        return country, POINT, "text:" + _canon(loc.text), loc.admin1
    if country:
        return country, COUNTRY, country.casefold(), None
    return "", POINT, "doc:" + doc_id, None


def _time(claim: Claim, pub: int | None) -> tuple[Any, int, int]:
    """(period key, first day, last day) of a claim; see docs/reconcile.md."""
    t = claim.time
    if t is not None:
        d = _ord(t.date)
        if t.precision == "since":
            return ("since", d if d is not None else -1), 0, 0
        if d is not None:
            if t.precision in ("month", "year"):
                return (t.precision, d), d, _period_end(d, t.precision)
            lo, hi = EVENT_PRECISIONS.get(t.precision, (0, 0))
            return "event", d + lo, d + hi
    if pub is not None:
        return "event", pub - 1, pub
    return ("undated", claim.doc_id), 0, 0


def _period_end(first: int, precision: str) -> int:
    day = dt.date.fromordinal(first)
    if precision == "year":
        return dt.date(day.year, 12, 31).toordinal()
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1).toordinal() - 1


# --- grouping --------------------------------------------------------------------------------

def reconcile(records: Iterable[ClaimRecord], *, window_days: int = 3) -> list[Group]:
    """Group claims that report the same quantity; one :class:`Group` per quantity, ordered by
    first day, type, place and id (deterministic for a given set of records).

    The cyclic garbage collector is paused meanwhile (nothing here forms cycles; on millions of
    claims its repeated full passes cost a quarter of the time) and restored afterwards.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        return _reconcile(records, window_days)
    finally:
        if paused:
            gc.enable()


def _reconcile(records: Iterable[ClaimRecord], window_days: int) -> list[Group]:
    recs: list[ClaimRecord] = []
    start: list[int] = []
    end: list[int] = []
    report: list[int] = []
    admin: list[str | None] = []
    buckets: dict[tuple[Any, ...], list[int]] = {}
    for i, rec in enumerate(records):
        c = rec.claim
        pub = _ord(rec.published)
        period, s, e = _time(c, pub)
        country, level, pkey, admin1 = _place_key(c.location, c.doc_id)
        cat = c.subject.category if c.subject is not None else None
        recs.append(rec)
        start.append(s)
        end.append(e)
        report.append(pub if pub is not None else e)
        key = (c.type, c.mixed, period, country, level, pkey, cat)
        admin.append(admin1)
        try:
            buckets[key].append(i)
        except KeyError:
            buckets[key] = [i]

    # 1. exact-key clusters, swept in time order
    cluster = [0] * len(recs)
    c_key: list[tuple[Any, ...]] = []
    c_start: list[int] = []
    c_end: list[int] = []
    c_admin: list[str | None] = []
    for key in sorted(buckets, key=repr):
        items = buckets[key]  # periods other than "event" share one interval per key
        if len(items) > 1:
            items.sort(key=lambda i: (start[i], end[i]))
        limit = -INF
        for i in items:
            if start[i] > limit:
                c_key.append(key)
                c_start.append(start[i])
                c_end.append(end[i])
                c_admin.append(None)
                limit = end[i] + window_days
            elif end[i] > c_end[-1]:
                c_end[-1] = end[i]
            cluster[i] = len(c_key) - 1
            if admin[i] is not None and (c_admin[-1] is None or admin[i] < c_admin[-1]):
                c_admin[-1] = admin[i]
    del buckets

    # 2. attach coarse clusters to a unique compatible finer group
    parent = _attach(c_key, c_admin, c_start, c_end, window_days)

    # 3. summarize
    members: dict[int, list[int]] = {}
    for i, cid in enumerate(cluster):
        root = cid
        while parent[root] != root:
            root = parent[root]
        try:
            members[root].append(i)
        except KeyError:
            members[root] = [i]
    groups = [_group(c_key[root], _lead(idxs, root, cluster, recs, start, end), idxs, recs,
                     start, end, report)
              for root, idxs in members.items()]
    groups.sort(key=lambda g: (g.date_from or "", g.type, g.place.name or g.place.text or "",
                               g.id))
    return groups


def _lead(idxs: list[int], root: int, cluster: list[int], recs: list[ClaimRecord],
          start: list[int], end: list[int]) -> int:
    """The claim that stands for a group: the first one of its finest cluster."""
    own = [i for i in idxs if cluster[i] == root]
    if len(own) == 1:
        return own[0]
    return min(own, key=lambda i: (start[i], end[i], recs[i].claim.doc_id,
                                   recs[i].claim.evidence.start, recs[i].claim.evidence.end))


def _attach(c_key: list[tuple[Any, ...]], c_admin: list[str | None], c_start: list[int],
            c_end: list[int], window: int) -> list[int]:
    """Union-find parents after attaching every coarser cluster to its unique finer group."""
    n = len(c_key)
    parent = list(range(n))
    # 0: a point with a category (most specific) ... 5: a country without category
    ranks = [k[4] * 2 + (k[6] is None) for k in c_key]
    queries: dict[int, tuple[Any, ...]] = {}
    for cid, key in enumerate(c_key):
        r = ranks[cid]
        if r:
            queries[cid] = _index_keys(key, c_admin[cid], r)[-1]
    if not queries:
        return parent
    wanted = set(queries.values())
    index: dict[tuple[Any, ...], list[tuple[int, int, int, Any, int]]] = {}
    for cid, key in enumerate(c_key):
        for ikey in _index_keys(key, c_admin[cid], ranks[cid]):
            if ikey in wanted:
                index.setdefault(ikey, []).append(
                    (c_start[cid], c_end[cid], ranks[cid], key[6], cid))
    starts: dict[tuple[Any, ...], list[int]] = {}
    spans: dict[tuple[Any, ...], int] = {}
    for ikey, entries in index.items():
        entries.sort(key=lambda e: (e[0], e[4]))
        starts[ikey] = [e[0] for e in entries]
        spans[ikey] = max(e[1] - e[0] for e in entries)

    def find(x: int) -> int:
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    for cid in sorted(queries, key=lambda c: (ranks[c], c)):
        ikey = queries[cid]
        entries, r, cat = index[ikey], ranks[cid], c_key[cid][6]
        w = window if c_key[cid][2] == "event" else 0
        s, e = c_start[cid], c_end[cid]
        lo = bisect_left(starts[ikey], s - w - spans[ikey])
        hi = bisect_right(starts[ikey], e + w)
        found = -1
        for j in range(lo, hi):
            ds, de, dr, dcat, did = entries[j]
            if dr >= r or de < s - w or (cat is not None and dcat is not None and dcat != cat):
                continue
            root = find(did)
            if found == -1:
                found = root
            elif root != found:
                found = -2
                break
        if found >= 0:
            parent[cid] = found
    return parent


def _index_keys(key: tuple[Any, ...], admin1: str | None, rank: int) -> list[tuple[Any, ...]]:
    """Indexes a cluster belongs to (point, province, country), the one it queries last."""
    block = key[:4]
    level, pkey = key[4], key[5]
    out: list[tuple[Any, ...]] = []
    if level == POINT:
        out.append(("P", block, pkey))
    if admin1 and level <= ADMIN1:
        out.append(("A", block, admin1))
    if key[3]:
        out.append(("C", block))
    if not rank:
        return out
    query = (("P", block, pkey), ("A", block, admin1), ("C", block))[level]
    return [k for k in out if k != query] + [query]


def _group(key: tuple[Any, ...], lead: int, idxs: list[int], recs: list[ClaimRecord],
           start: list[int], end: list[int], report: list[int]) -> Group:
    by_source: dict[str, list[int]] = {}
    for i in idxs:
        rec = recs[i]
        k = source_key(rec.claim, rec.outlet)
        try:
            by_source[k].append(i)
        except KeyError:
            by_source[k] = [i]
    if len(by_source) > 1:
        _merge_short_names(by_source, recs)
    figures = [_figure(k, ix if len(ix) == 1 else
                       sorted(ix, key=lambda i: _claim_order(i, recs, report)), recs, report)
               for k, ix in by_source.items()]
    figures.sort(key=lambda f: (f.tier, f.key))
    low = min(f.count.low for f in figures)
    high = max(f.count.high for f in figures)
    top = min((f.tier for f in figures if f.count.vague is None), default=None)
    chosen = sorted(_point(f.count) for f in figures
                    if (f.tier == top and f.count.vague is None)
                    or (top is None and f.tier == figures[0].tier))
    best = min(max(chosen[(len(chosen) - 1) // 2], low), high)
    disagree, reason = False, None
    if len(figures) > 1:
        a = max(figures, key=lambda f: (f.interval[0], f.key))
        b = min(figures, key=lambda f: (f.interval[1], f.key))
        if a.interval[0] > b.interval[1]:
            disagree = True
            reason = f"{a.text} ({_fmt(a.count)}) vs {b.text} ({_fmt(b.count)})"
    lrec = recs[lead]
    loc = lrec.claim.location
    level = key[4]
    if loc is None or key[5].startswith("doc:"):
        place = Place("unknown")
    else:
        place = Place(LEVELS[level], loc.text, loc.name, loc.country, loc.admin1, loc.lat,
                      loc.lon, loc.precision)
    period = key[2] if isinstance(key[2], str) else key[2][0]
    subject = key[6]
    if subject is None:
        seen: dict[str, int] = {}
        for i in idxs:
            subj = recs[i].claim.subject
            if subj is not None:
                seen[subj.text] = seen.get(subj.text, 0) + 1
        subject = min(seen, key=lambda t: (-seen[t], t)) if seen else None
    if period == "since":
        d_from = key[2][1] if key[2][1] >= 0 else None
        d_to = max(report[i] for i in idxs)
    elif period == "undated":
        d_from = d_to = None
    else:
        d_from, d_to = min(start[i] for i in idxs), max(end[i] for i in idxs)
    digest = hashlib.blake2b(repr(key + (start[lead],)).encode("utf-8"), digest_size=8)
    return Group(digest.hexdigest(), key[0], key[1], period, place, _iso(d_from), _iso(d_to),
                 subject, figures, low, best, high, disagree, reason, len(idxs))


_KIND_FAMILY = {"outlet": "media", "unknown": None}


def _merge_short_names(by_source: dict[str, list[int]], recs: list[ClaimRecord]) -> None:
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
        a = recs[by_source[k][0]].claim.source.kind
        b = recs[by_source[top][0]].claim.source.kind
        fa, fb = _KIND_FAMILY.get(a or "unknown", a), _KIND_FAMILY.get(b or "unknown", b)
        if fa is None or fb is None or fa == fb:
            by_source[top].extend(by_source.pop(k))


def _claim_order(i: int, recs: list[ClaimRecord], report: list[int]) -> tuple[Any, ...]:
    """Reporting order: publication day, then the larger figure, then stable tie-breakers."""
    rec = recs[i]
    c = rec.claim
    return (report[i], c.count.high, c.count.low, c.doc_id, c.evidence.start, c.evidence.end,
            rec.outlet or "")


def _figure(key: str, ix: list[int], recs: list[ClaimRecord], report: list[int]) -> SourceFigure:
    chain: list[Step] = []
    outlets: dict[str, None] = {}
    via: dict[str, None] = {}
    last = None
    for i in ix:
        rec = recs[i]
        c = rec.claim
        if rec.outlet:
            outlets[rec.outlet] = None
        for v in c.via:
            via[v.name or v.text] = None
        ck = c.count.key()
        if ck != last:
            chain.append(Step(_iso(report[i]), c.count, c.doc_id, rec.outlet))
            last = ck
    latest = recs[ix[-1]]
    c = latest.claim
    return SourceFigure(key, c.source.text, c.source.kind, TIERS.get(c.source.kind or "", 1),
                        c.count, c, _iso(report[ix[-1]]), latest.url, hedged(c.count),
                        tuple(chain), tuple(outlets), tuple(via), len(ix))
