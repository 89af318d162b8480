"""Grouping: which claims count one real-world quantity.

Claims are bucketed by an exact key (type, mixed flag, period, country, scope, place level and
key, subject category; the scope sets apart a part with no category of its own, "منهم 3", and
a single person, who is a part of any toll of the day) and swept in time order into clusters: a
claim joins an open cluster of its bucket that started at most ``window`` days before it and whose
incident it can be (compatible signature and scope; a claim dated only by its article joins only on the same
figure, the same signature or the same article). Coarser clusters (province, country, no
category) then join the *one* compatible finer group when exactly one exists. Every step is a
sort, a bounded sweep or a bisect: O(n log n).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rasd.extractor.quantity_lexicon import compatible_attacks, distinctive, echoing, lasting
from rasd.model import Claim, Count, Location
from rasd.reconcile.keys import (
    ADMIN1,
    COUNTRY,
    INF,
    PERSON,
    POINT,
    PlaceKey,
    When,
    category,
    hedged,
    ordinal,
    person_key,
    place_key,
    scope_conflict,
    shares_signature,
    strike_unit,
    when,
)
from rasd.reconcile.model import ClaimRecord

#: days over which reports of one named person's fate are one quantity ("اختفاء خاشقجي")
PERSON_WINDOW = 30
MAX_OPEN = 64
#: compatible finer groups a coarser cluster looks at before it gives up choosing (bounds work)
MAX_CANDIDATES = 8  #: open clusters kept per bucket while sweeping (older ones close)
MAX_KEPT = 16  #: figures and articles a cluster keeps to compare newcomers with
#: figures further apart than this factor (hedges read) count different quantities: an
#: incident and a campaign's toll, not two readings of one toll
MAX_RATIO = 5.0
#: a claim dated only by its article joins a town's incident of those days when its figure is
#: within this factor of the incident's (a first count and its revision, or two parties')
CLOSE_RATIO = 3.0
#: ... and a claim of the same article when within this factor ("1200" and "more than 1202")
SAME_ARTICLE_RATIO = 1.25


@dataclass(slots=True)
class Item:
    """One claim as grouping sees it."""

    rec: ClaimRecord
    when: When
    place: PlaceKey
    category: str | None
    scope: int           #: 1: a part without a category of its own or an additional count,
                         #: 2: one person
    report: int          #: publication day (else the claim's last day)

    @property
    def claim(self) -> Claim:
        return self.rec.claim


def items_of(records: Sequence[ClaimRecord]) -> list[Item]:
    """The :class:`Item` of every record."""
    out = []
    for rec in records:
        c = rec.claim
        pub = ordinal(rec.published)
        w = when(c, pub)
        cat = category(c) or strike_unit(c)
        scope = ((c.part_of is not None or c.context == "share") and cat is None
                 or c.context == "additional") + 2 * c.count.one
        place = compared_place(c)
        if place.key.startswith(PERSON):  # one named person: who, not where, ties the reports
            cat = None
        out.append(Item(rec, w, place, cat, scope, pub if pub is not None else w.end))
    return out


def compared_place(claim: Claim) -> PlaceKey:
    """The key a claim's place is compared by: its named person, else its place."""
    person = person_key(claim)
    if person is not None:
        return person
    loc = claim.location
    return place_key(loc, claim.doc_id) if loc is None else _place_of(loc)


def partition_of(rec: ClaimRecord) -> tuple[str, str]:
    """A record's partition: its event type and the country of its compared place. Claims of
    two partitions never group: every key grouping compares (a sweep bucket, an attachment
    index, an undated claim's key) holds both (see :mod:`rasd.reconcile.stream`)."""
    return rec.claim.type, compared_place(rec.claim).country


@lru_cache(maxsize=1 << 16)
def _place_of(loc: Location) -> PlaceKey:
    return place_key(loc, "")


@dataclass(slots=True)
class Cluster:
    """Claims of one exact key that count one quantity, and what they say about it."""

    block: tuple[Any, ...]      #: type, mixed, period, country, scope
    place: PlaceKey
    category: str | None
    start: int
    end: int
    limit: int                  #: last day a claim may start on to join
    weak: bool = True           #: every member is dated by its article only
    members: list[int] = field(default_factory=list)
    attacks: frozenset[str] = frozenset()   #: attack kinds and targets the members name,
    targets: frozenset[str] = frozenset()   #: in their clauses or their stories' leads
    own_attacks: frozenset[str] = frozenset()  #: ... in their own clauses only (these alone
    own_targets: frozenset[str] = frozenset()  #: can set a newcomer apart)
    #: the distinct signatures members name in their own clauses (the first MAX_KEPT): a
    #: newcomer must fit each, so one report naming two attacks does not bridge them
    own_signatures: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()
    figures: tuple[Any, ...] = ()   #: the members' count keys (the first MAX_KEPT)
    stated: tuple[tuple[float, float], ...] = ()  #: hedged stated numbers (the first MAX_KEPT)
    stories: tuple[tuple[str, int], ...] = ()  #: (article, segment) of members (first MAX_KEPT)
    days: tuple[int, ...] = ()  #: the single days members state (the first MAX_KEPT)
    low: float = INF            #: envelope of the members' hedged figures
    high: float = -INF
    max_low: float = -INF       #: the largest lower bound among the members
    min_top: float = INF        #: the smallest upper bound ("at least v" counts as 2v)
    last: tuple[float, float] = (-INF, INF)  #: the latest member's hedged figure
    admin1: str | None = None

    @property
    def rank(self) -> int:
        """0: a point with a category (most specific) ... 5: a country without category."""
        return self.place.level * 2 + (self.category is None)

    def add(self, i: int, item: Item) -> None:
        c = item.claim
        self.members.append(i)
        self.end = max(self.end, item.when.end)
        self.weak = self.weak and item.when.weak
        sig = c.signature
        if sig is not None:
            if not self.attacks.issuperset(sig.attack):
                self.attacks = self.attacks.union(sig.attack)
            if not self.targets.issuperset(sig.target):
                self.targets = self.targets.union(sig.target)
            if not sig.lead:
                self.own_attacks = self.own_attacks.union(sig.attack)
                self.own_targets = self.own_targets.union(sig.target)
                own = (sig.attack, sig.target)
                if own not in self.own_signatures and len(self.own_signatures) < MAX_KEPT:
                    self.own_signatures += (own,)
        key = c.count.key()
        if key not in self.figures and len(self.figures) < MAX_KEPT:
            self.figures += (key,)
        day = stated_day(item)
        if day is not None and day not in self.days and len(self.days) < MAX_KEPT:
            self.days += (day,)
        story = (c.doc_id, c.segment)
        if story not in self.stories and len(self.stories) < MAX_KEPT:
            self.stories += (story,)
        lo, hi = hedged(c.count)
        if _stated(c.count, hi) and len(self.stated) < MAX_KEPT:
            self.stated += ((lo, hi),)
        self.low, self.high = min(self.low, lo), max(self.high, hi)
        self.max_low, self.min_top = max(self.max_low, lo), min(self.min_top, _top(lo, hi))
        self.last = (lo, _top(lo, hi))
        admin1 = item.place.admin1
        if admin1 is not None and (self.admin1 is None or admin1 < self.admin1):
            self.admin1 = admin1

    @property
    def docs(self) -> set[str]:
        """The members' articles (of the first MAX_KEPT stories)."""
        return {d for d, _ in self.stories}

    def other_story(self, doc_id: str, segment: int) -> bool:
        """Whether a member comes from another story of the same roundup article."""
        return any(d == doc_id and s != segment for d, s in self.stories)


def stated_day(item: Item) -> int | None:
    """The one day a claim's own words give for its incident (not its article's date)."""
    w = item.when
    return w.start if w.period == "event" and not w.weak and w.start == w.end else None


def _other_day(day: int | None, days: Iterable[int]) -> bool:
    """Whether a stated day is two or more days from every day a cluster states: "on 22
    March" and "on 25 March" in one town are two incidents, not one."""
    days = tuple(days)
    return day is not None and bool(days) and all(abs(day - d) > 1 for d in days)


def _signature_fits(attacks: Iterable[str], targets: Iterable[str],
                    other_attacks: frozenset[str], other_targets: frozenset[str]) -> bool:
    """Whether two signatures can name one incident: no two different targets, and compatible
    attack kinds; with a shared target, a routine kind on one side ("تبادل لإطلاق النار" with
    the attacker of a market ramming) does not set it apart, only two distinctive kinds do."""
    targets, attacks = tuple(targets), tuple(attacks)
    if targets and other_targets:
        if other_targets.isdisjoint(targets):
            return False
        return compatible_attacks(tuple(distinctive(attacks)), tuple(distinctive(other_attacks)))
    return compatible_attacks(attacks, tuple(other_attacks))



def _stated(count: Count, high: float) -> bool:
    """A figure that can tie two reports together: a stated number (or range, "بين 40 و50")
    of two or more with a bounded hedge (a single person, "tens" or "at least 20" are too
    common)."""
    value = count.value if count.value is not None else count.min
    return value is not None and value >= 2 and high != INF


SPECIFIC_FLOOR = 100  #: "أكثر من 4350": a floor this high is as specific as a stated number
FLOOR_REACH = 1.5  #: ... and it agrees with stated numbers up to this many times it


def _specific(count: Count, high: float) -> bool:
    """A newcomer's figure that can tie its report to a cluster's stated numbers: a stated one
    (:func:`_stated`), or a floor of :data:`SPECIFIC_FLOOR` or more, read as reaching
    :data:`FLOOR_REACH` times itself ("أكثر من 4350" against MSF's "حوالي 4800" wounded in Eastern
    Ghouta three days before; not "أكثر من ألف" hunger strikers against 6,500 prisoners)."""
    value = count.value if count.value is not None else count.min
    return _stated(count, high) or value is not None and value >= SPECIFIC_FLOOR


def _same_figure(figures: Iterable[Any], other: Iterable[Any]) -> bool:
    """Whether two lists of count keys share an exact figure of two or more."""
    return any(k[0] == "value" and k[1] >= 2 for k in set(figures).intersection(other))


def _agrees(stated: Iterable[tuple[float, float]],
            other: Iterable[tuple[float, float]]) -> bool:
    """Whether two reports give agreeing stated figures ("نحو 30" and 28, or 39 and 39)."""
    return any(max(lo, olo) <= min(hi, ohi) for lo, hi in stated for olo, ohi in other)


def _top(low: float, high: float) -> float:
    """An upper bound to compare magnitudes with: "at least v" is taken as at most 2v."""
    return high if high != INF else 2 * max(low, 1)


def _far(low: float, high: float, max_low: float, min_top: float,
         ratio: float = MAX_RATIO) -> bool:
    """Whether a hedged figure is more than ``ratio`` away from any member of a cluster
    (``max_low`` / ``min_top``: the members' largest lower and smallest upper bound)."""
    return low > ratio * max(min_top, 1) or max_low > ratio * max(_top(low, high), 1)


def running(period: Any) -> bool:
    """Whether a period is a running total ("منذ بدء الحرب"), which grows report by report."""
    return isinstance(period, tuple) and period[0] == "since"


def _reach(cluster: Cluster) -> tuple[float, float]:
    """The bounds a newcomer's figure is compared with: every member's, or for a running
    total the latest report's (31 killed in April and 168 in July are one growing toll)."""
    return cluster.last if running(cluster.block[2]) else (cluster.max_low, cluster.min_top)


def _joins(cluster: Cluster, item: Item, items: list[Item]) -> bool:
    """Whether a claim can be the cluster's quantity (time is checked by the caller)."""
    c = item.claim
    sig = c.signature
    attacks, targets = (sig.attack, sig.target) if sig else ((), ())
    own = sig is not None and not sig.lead
    if own and not all(_signature_fits(attacks, targets, frozenset(a), frozenset(t))
                       for a, t in cluster.own_signatures):
        return False
    if _far(*hedged(c.count), *_reach(cluster)):
        return False
    if cluster.other_story(c.doc_id, c.segment):
        return False  # "وفي هجوم منفصل": another story of the same article
    if cluster.place.key.startswith(PERSON):
        return True  # one named person's arrest or death, however each report dates it
    if _other_day(stated_day(item), cluster.days):
        return False
    if any(scope_conflict(c, items[j].claim) for j in cluster.members[:8]):
        return False
    event = cluster.block[2] == "event"
    if item.when.weak or cluster.weak or event and item.place.level > POINT:
        # an article date, a province or a country alone never links two reports
        low, high = hedged(c.count)
        return (c.doc_id in cluster.docs
                and (not _far(low, high, cluster.max_low, cluster.min_top, SAME_ARTICLE_RATIO)
                     or _loose_summary(c, cluster, items))
                or _same_figure((c.count.key(),), cluster.figures)
                or _specific(c.count, high)
                and _agrees([(low, high if high != INF else FLOOR_REACH * low)], cluster.stated)
                or shares_signature(attacks, targets, cluster.attacks, cluster.targets)
                or item.place.level == POINT and not (item.when.weak and cluster.weak)
                and not _far(low, high, cluster.max_low, cluster.min_top, CLOSE_RATIO))
    return True


SUMMARY_REACH = (40, 1000)  #: characters between a vague summary and its figure: a list, too far


def _loose_summary(claim: Claim, cluster: Cluster, items: list[Item]) -> bool:
    """Whether, within one article, "عدد من" (a number of) and one stated figure are one count:
    the lede's "قتل عدد من عناصر الميليشيا" sums up the body's 18. One side gives only the
    vague word "several", the other one bounded figure that is no part of a toll, neither
    listed beside it ("20 هدفا وعددا من المقار") nor paragraphs away."""
    count = claim.count
    if count.vague == "several":
        ok = len(cluster.stated) == 1 and len(cluster.figures) == 1
    else:
        ok = cluster.figures == (("vague", "several"),) and _stated(count, hedged(count)[1])
    if not ok:
        return False
    near, far = SUMMARY_REACH
    for j in cluster.members[:MAX_KEPT]:
        other = items[j].claim
        if other.doc_id != claim.doc_id:
            continue
        if claim.part_of is not None or other.part_of is not None \
                or not near < abs(other.evidence.start - claim.evidence.start) <= far:
            return False
    return True


def sweep(items: list[Item], window: int) -> tuple[list[Cluster], list[int]]:
    """Clusters of each exact key, and each item's cluster."""
    buckets: dict[tuple[Any, ...], list[int]] = {}
    for i, it in enumerate(items):
        c = it.claim
        key = (c.type, c.mixed, it.when.period, it.place.country, it.scope, it.place.level,
               it.place.key, it.category)
        buckets.setdefault(key, []).append(i)
    clusters: list[Cluster] = []
    of = [0] * len(items)
    for key in sorted(buckets, key=repr):
        members = buckets[key]
        order = _by_report if running(key[2]) else _by_time
        members.sort(key=lambda i: order(items[i]))
        open_: list[int] = []
        event = key[2] == "event" or (isinstance(key[2], tuple) and key[2][0] == "span")
        for i in members:
            it = items[i]
            open_ = [k for k in open_ if clusters[k].limit >= it.when.start][-MAX_OPEN:]
            fits = [k for k in open_ if _joins(clusters[k], it, items)]
            if fits:
                k = _pick(fits, clusters, it)
            else:
                k = len(clusters)
                reach = PERSON_WINDOW if it.place.key.startswith(PERSON) else window
                limit = it.when.end + reach if event else INF
                clusters.append(Cluster(key[:5], it.place, it.category, it.when.start,
                                        it.when.end, int(limit) if limit != INF else 1 << 40))
                open_.append(k)
            clusters[k].add(i, it)
            of[i] = k
    return clusters, of


def _by_time(item: Item) -> tuple[Any, ...]:
    return item.when.start, item.when.end, item.claim.doc_id, item.claim.evidence.start


def _by_report(item: Item) -> tuple[Any, ...]:
    """A running total's reports in publication order."""
    return item.report, item.claim.doc_id, item.claim.evidence.start


def _pick(fits: list[int], clusters: list[Cluster], item: Item) -> int:
    """The cluster a claim joins among several: one sharing its signature, then its figure,
    then the earliest."""
    c = item.claim
    sig = c.signature
    attacks, targets = (sig.attack, sig.target) if sig else ((), ())

    def score(k: int) -> tuple[int, int, int]:
        cl = clusters[k]
        return (-shares_signature(attacks, targets, cl.attacks, cl.targets),
                -(c.count.key() in cl.figures), k)
    return min(fits, key=score)


def _coarse_fits(coarse: Cluster, fine: Cluster) -> bool:
    """Whether a coarser cluster can be the same quantity as a finer one."""
    if not _signature_fits(coarse.own_attacks, coarse.own_targets, fine.own_attacks,
                           fine.own_targets):
        return False
    if coarse.category != fine.category and max(coarse.low, fine.low) > min(coarse.high,
                                                                            fine.high):
        return False  # "39 killed" is no "12 children": a wider scope joins only if it agrees
    if coarse.block[2] != "event" and coarse.place.level > fine.place.level \
            and max(coarse.low, fine.low) > min(coarse.high, fine.high):
        return False  # a country's toll of a month holds its provinces' (844 in Iraq, 174 in Anbar)
    if _far(coarse.max_low, coarse.min_top, fine.max_low, fine.min_top) \
            or _far(fine.max_low, fine.min_top, coarse.max_low, coarse.min_top):
        return False
    if any(fine.other_story(d, seg) for d, seg in coarse.stories):
        return False
    if coarse.weak or fine.weak or coarse.block[2] == "event" and coarse.place.level > POINT:
        return bool(_same_figure(coarse.figures, fine.figures)
                    or _agrees(coarse.stated, fine.stated)
                    or not coarse.docs.isdisjoint(fine.docs)
                    and (not set(coarse.figures).isdisjoint(fine.figures)
                         or _vague_summary(coarse, fine))
                    or shares_signature(coarse.attacks, coarse.targets, fine.attacks,
                                         fine.targets))
    return True


def _vague_summary(a: Cluster, b: Cluster) -> bool:
    """Whether one of two clusters of one article gives only a vague word whose range holds
    the one figure of the other: the headline's "عشرات الإيرانيين" and the body's 57 of one
    blast (a vague word next to several figures may sum them: it joins none)."""
    for vague, exact in ((a, b), (b, a)):
        if all(k[0] == "vague" for k in vague.figures) and len(exact.figures) == 1 \
                and exact.figures[0][0] != "vague":
            return vague.low <= exact.low and exact.high <= vague.high
    return False


@dataclass(slots=True)
class _FinerIndex:
    """Per index key a coarser cluster queries, the finer clusters under it by start day
    (``entries``, ``starts``) and their longest span (to bound the bisect)."""

    entries: dict[tuple[Any, ...], list[tuple[int, int]]]
    starts: dict[tuple[Any, ...], list[int]]
    spans: dict[tuple[Any, ...], int]

    @classmethod
    def of(cls, clusters: list[Cluster], wanted: set[tuple[Any, ...]]) -> _FinerIndex:
        entries: dict[tuple[Any, ...], list[tuple[int, int]]] = {}
        for cid, cl in enumerate(clusters):
            for ikey in _index_keys(cl):
                if ikey in wanted:
                    entries.setdefault(ikey, []).append((cl.start, cid))
        starts, spans = {}, {}
        for ikey, found in entries.items():
            found.sort()
            starts[ikey] = [s for s, _ in found]
            spans[ikey] = max(clusters[c].end - clusters[c].start for _, c in found)
        return cls(entries, starts, spans)

    def around(self, ikey: tuple[Any, ...], start: int, end: int, window: int) -> list[int]:
        """Clusters of ``ikey`` that may overlap ``[start - window, end + window]``."""
        starts = self.starts[ikey]
        lo = bisect_left(starts, start - window - self.spans[ikey])
        hi = bisect_right(starts, end + window)
        return [cid for _, cid in self.entries[ikey][lo:hi]]


def _find(parent: list[int], x: int) -> int:
    """The root of ``x`` in a union-find parent list, compressing the path to it."""
    root = x
    while parent[root] != root:
        root = parent[root]
    while parent[x] != root:
        parent[x], x = root, parent[x]
    return root


class _Groups:
    """Union-find over clusters, with the signatures each group's clusters name in their own
    clauses (the first MAX_KEPT): a coarser cluster joins only when each of its own fits
    each of them."""

    def __init__(self, clusters: list[Cluster]) -> None:
        self.parent = list(range(len(clusters)))
        self.signatures = [cl.own_signatures for cl in clusters]

    def find(self, x: int) -> int:
        return _find(self.parent, x)

    def join(self, cid: int, root: int, cl: Cluster) -> None:
        self.parent[cid] = root
        kept = self.signatures[root]
        self.signatures[root] = kept + tuple(sig for sig in cl.own_signatures
                                             if sig not in kept)[:MAX_KEPT - len(kept)]


def attach(clusters: list[Cluster], window: int) -> list[int]:
    """Union-find parents after attaching every coarser cluster to its unique compatible finer
    group (a province figure next to two town incidents may be their sum: it stays apart)."""
    queries = {cid: _index_keys(cl)[-1] for cid, cl in enumerate(clusters) if cl.rank}
    groups = _Groups(clusters)
    if not queries:
        return groups.parent
    index = _FinerIndex.of(clusters, set(queries.values()))
    for cid in sorted(queries, key=lambda c: (clusters[c].rank, c)):
        cl = clusters[cid]
        w = window if cl.block[2] == "event" else 0
        root = _finer_group(cl, index.around(queries[cid], cl.start, cl.end, w), clusters,
                            groups, w)
        if root is not None:
            groups.join(cid, root, cl)
    return [groups.find(c) for c in range(len(clusters))]


def _finer_group(cl: Cluster, around: list[int], clusters: list[Cluster], groups: _Groups,
                 window: int) -> int | None:
    """The one finer group a coarser cluster can join: the only compatible one, else the only
    one naming the same incident (a target, a distinctive attack kind); None otherwise."""
    fitting: set[int] = set()
    naming: dict[int, Cluster] = {}  # root -> a cluster of it naming the same incident
    for did in around:
        other = clusters[did]
        if other.rank >= cl.rank or other.end < cl.start - window:
            continue
        if cl.category is not None and other.category is not None \
                and other.category != cl.category:
            continue
        if not _coarse_fits(cl, other):
            continue
        root = groups.find(did)
        if not _signatures_fit(cl.own_signatures, groups.signatures[root]):
            continue  # the group it would join already names another incident
        fitting.add(root)
        if shares_signature(cl.attacks, cl.targets, other.attacks, other.targets):
            naming.setdefault(root, other)
        if len(fitting) > MAX_CANDIDATES:
            break
    if len(fitting) == 1:
        return fitting.pop()
    if len(naming) > 1 and _twins(list(naming.values())):
        roots = sorted(naming)
        for root in roots[1:]:
            groups.join(root, roots[0], clusters[root])
        return roots[0]
    return next(iter(naming)) if len(naming) == 1 else None


def _twins(candidates: list[Cluster]) -> bool:
    """Whether finer groups are one incident placed at two places: each pair gives the same
    exact figures (and one of two or more), names the same target and overlaps in time ("24
    killed" in the train crash, in Istanbul in one report and in Tekirdag in another)."""
    return all(set(a.figures) == set(b.figures) and _same_figure(a.figures, b.figures)
               and not a.targets.isdisjoint(b.targets) and a.start <= b.end and b.start <= a.end
               for k, a in enumerate(candidates) for b in candidates[k + 1:])


def _signatures_fit(own: Iterable[tuple[tuple[str, ...], tuple[str, ...]]],
                    other: Iterable[tuple[tuple[str, ...], tuple[str, ...]]]) -> bool:
    """Whether every signature of one list fits every signature of the other: a report
    naming two attacks ("الهجومين على أكاديمية الشرطة ومعسكر انتجريتي") does not make a
    group both incidents."""
    other = tuple(other)
    return all(_signature_fits(a, t, frozenset(oa), frozenset(ot))
               for a, t in own for oa, ot in other)


def _index_keys(cl: Cluster) -> list[tuple[Any, ...]]:
    """Indexes a cluster belongs to (point, province, country), the one it queries last."""
    block, level, pkey = cl.block, cl.place.level, cl.place.key
    out: list[tuple[Any, ...]] = []
    if level == POINT:
        out.append(("P", block, pkey))
    if cl.admin1 and level <= ADMIN1:
        out.append(("A", block, cl.admin1))
    if block[3]:
        out.append(("C", block))
    if not cl.rank:
        return out
    query = (("P", block, pkey), ("A", block, cl.admin1), ("C", block))[level]
    return [k for k in out if k != query] + [query]


def _incident_key(cl: Cluster) -> tuple[Any, ...]:
    """What an incident group and a report it may take share: type, scope, place, category."""
    return (cl.block[:2], cl.block[3:], cl.place.level, cl.place.key, cl.category)


def _incidents_and(clusters: list[Cluster], root: list[int], periods: tuple[str, ...],
                   roots_only: bool) -> tuple[dict[tuple[Any, ...], list[int]], list[int]]:
    """The incident groups' roots by :func:`_incident_key`, and the clusters of the aggregate
    ``periods`` (only groups' roots when ``roots_only``)."""
    index: dict[tuple[Any, ...], list[int]] = {}
    others: list[int] = []
    for cid, cl in enumerate(clusters):
        period = cl.block[2]
        if isinstance(period, tuple) and period[0] in periods:
            if root[cid] == cid or not roots_only:
                others.append(cid)
        elif period == "event" and root[cid] == cid:
            index.setdefault(_incident_key(cl), []).append(cid)
    for found in index.values():
        found.sort(key=lambda c: (clusters[c].start, c))
    return index, others


INDEX_SCAN = 256  #: incident groups read for one report at most (more: it stays apart)


def attach_undated(clusters: list[Cluster], root: list[int]) -> list[int]:
    """Join each cluster of an article with no date at all to the one dated incident group of
    the same type, scope, place and category that gives the same figure or names the same
    incident (a target, a distinctive attack kind); it stays apart when none or several do."""
    index, undated = _incidents_and(clusters, root, ("undated",), roots_only=False)
    parent = list(root)
    for cid in undated:
        cl = clusters[cid]
        entries = index.get(_incident_key(cl), [])
        if len(entries) > INDEX_SCAN:
            continue  # no one group to tell among so many (and no quadratic scan)
        found = {r for r in entries if _names_same(cl, clusters[r])}
        if len(found) == 1:
            parent[root[cid]] = found.pop()  # roots of dated groups are never undated ones
    return [parent[r] for r in root]


def attach_calendar(clusters: list[Cluster], root: list[int]) -> list[int]:
    """Join each cluster dated only by a month or a year ("في 2016 قتل 12 شخصا في هجوم الدهس
    على سوق الميلاد في برلين") to the one incident group of the same type, scope, place and
    category, within that month or year, that gives the same exact figure (two or more) and
    names the same incident (a target, a distinctive attack kind); it stays apart otherwise (a
    month's or a year's total is no incident)."""
    index, calendar = _incidents_and(clusters, root, ("month", "year"), roots_only=True)
    parent = list(root)
    for cid in calendar:
        cl = clusters[cid]
        entries = index.get(_incident_key(cl), [])  # sorted by start
        lo = bisect_left(entries, cl.start, key=lambda c: clusters[c].start)
        hi = bisect_right(entries, cl.end, key=lambda c: clusters[c].start)
        if hi - lo > INDEX_SCAN:
            continue
        found = {r for r in entries[lo:hi]
                 if _same_figure(cl.figures, clusters[r].figures)
                 and shares_signature(cl.attacks, cl.targets, clusters[r].attacks,
                                      clusters[r].targets)}
        if len(found) > 1 and cl.place.level == POINT and _twins_apart(
                [clusters[r] for r in sorted(found)]):
            first, *rest = sorted(found)  # one incident's reports dated days apart
            for r in rest:
                parent[r] = first
            found = {first}
        if len(found) == 1:
            parent[cid] = found.pop()
    return [_find(parent, r) for r in root]


def _twins_apart(candidates: list[Cluster]) -> bool:
    """Whether incident groups of one town, each naming the incident a month's or a year's
    report names, are that one incident dated apart by its reports: each gives exactly the same
    figures, and they start within :data:`ECHO_DAYS` ("12 killed" in the Berlin market ramming,
    dated by four articles to four days of two weeks)."""
    first = candidates[0]
    starts = [c.start for c in candidates]
    return max(starts) - min(starts) <= ECHO_DAYS \
        and all(set(c.figures) == set(first.figures) for c in candidates)


def _names_same(cl: Cluster, other: Cluster) -> bool:
    """The same exact figure (two or more) or the same incident signature, with figures
    within :data:`MAX_RATIO` of each other."""
    if _far(cl.max_low, cl.min_top, other.max_low, other.min_top) \
            or _far(other.max_low, other.min_top, cl.max_low, cl.min_top):
        return False
    return _same_figure(cl.figures, other.figures) or shares_signature(
        cl.attacks, cl.targets, other.attacks, other.targets)


def attach_since(clusters: list[Cluster], root: list[int], window: int) -> list[int]:
    """Join each running total counted since one incident that lasts ("منذ ثوران البركان في 3
    حزيران": a volcano, an earthquake, a chemical attack, a crash) to the one incident group of
    the same type and scope that started within ``window`` days of that start, at the same or a
    nested place, naming the same lasting kind, with figures within :data:`MAX_RATIO`; it stays
    apart when none or several do. A campaign's total ("منذ بدء المسيرات") never joins."""
    index: dict[tuple[Any, ...], list[tuple[int, int]]] = {}
    for cid, cl in enumerate(clusters):
        if cl.block[2] == "event" and root[cid] == cid and lasting(cl.attacks):
            index.setdefault(cl.block[:2] + cl.block[3:], []).append((cl.start, cid))
    if not index:
        return root
    for entries in index.values():
        entries.sort()
    parent = list(root)
    for cid, cl in enumerate(clusters):
        period = cl.block[2]
        if not (running(period) and period[1] >= 0 and root[cid] == cid):
            continue
        kinds = lasting(cl.attacks)
        entries = index.get(cl.block[:2] + cl.block[3:], [])
        if not kinds or not entries:
            continue
        lo = bisect_left(entries, (period[1] - 1, -1))
        hi = bisect_right(entries, (period[1] + window, 1 << 62))
        found = {eid for _, eid in entries[lo:hi] if _incident_of(cl, clusters[eid], kinds)}
        if len(found) == 1:
            parent[cid] = found.pop()
    return parent


ECHO_DAYS = 14  #: a lasting incident's later reports come within this many days of it


def attach_echoes(clusters: list[Cluster], root: list[int]) -> list[int]:
    """Join each incident group that names a lasting kind (a chemical attack, a crash, a fire:
    ``lasting_incidents``, not ``recurring_incidents``) to the one earlier group of the same
    type, scope, place and category naming the same kind that ended at most
    :data:`ECHO_DAYS` before it started, with figure ranges within :data:`MAX_RATIO` (a
    group's envelope: its members differ): Douma's chemical attack told again a week on, dated
    by a later statement, is the same incident. It stays apart when none or several fit."""
    index: dict[tuple[Any, ...], list[int]] = {}
    for cid, cl in enumerate(clusters):
        if cl.block[2] == "event" and echoing(cl.own_attacks):
            index.setdefault((cl.block, cl.place.key, cl.category), []).append(cid)
    parent = list(root)
    for found in index.values():
        found.sort(key=lambda c: (clusters[c].start, c))
        starts = [clusters[c].start for c in found]
        span = max(clusters[c].end - clusters[c].start for c in found)
        for k, cid in enumerate(found):
            if root[cid] != cid:
                continue  # already part of a group: its root speaks for it
            cl = clusters[cid]
            kinds = echoing(cl.own_attacks)
            lo = bisect_left(starts, cl.start - ECHO_DAYS - span, 0, k)  # none ends later
            lo = max(lo, k - INDEX_SCAN)  # (bounded, whatever one long cluster's span)
            earlier = [e for e in found[lo:k] if _echo_of(cl, clusters[e], kinds)]
            fits = {_find(parent, e) for e in earlier if root[e] == e} or {
                _find(parent, e) for e in earlier  # a group placed there, of another category
                if clusters[root[e]].place.key == clusters[e].place.key}
            fits.discard(_find(parent, cid))
            if len(fits) == 1:
                parent[_find(parent, cid)] = fits.pop()
    return [_find(parent, r) for r in root]


def _echo_of(later: Cluster, earlier: Cluster, kinds: set[str]) -> bool:
    """Whether a later group can be later reporting of an earlier one (see :func:`attach_echoes`)."""
    return (earlier.start < later.start <= earlier.end + ECHO_DAYS
            and bool(kinds & earlier.own_attacks)
            and compatible_attacks(tuple(distinctive(later.own_attacks)),
                                   tuple(distinctive(earlier.own_attacks)))
            and not (later.own_targets and earlier.own_targets
                     and later.own_targets.isdisjoint(earlier.own_targets))
            and not (later.low > MAX_RATIO * _reach_top(earlier)
                     or earlier.low > MAX_RATIO * _reach_top(later)))


def _reach_top(cluster: Cluster) -> float:
    """The largest figure a cluster's members give (a lower bound for "at least" ones)."""
    return max(cluster.max_low, cluster.high if cluster.high != INF else 0, 1)


def _incident_of(total: Cluster, incident: Cluster, kinds: set[str]) -> bool:
    """Whether a running total can be the toll of an incident group (see :func:`attach_since`)."""
    if not kinds & incident.attacks or not _nested(total.place, incident.place):
        return False
    if total.category is not None and incident.category is not None \
            and total.category != incident.category:
        return False
    return not (_far(total.max_low, total.min_top, incident.max_low, incident.min_top)
                or _far(incident.max_low, incident.min_top, total.max_low, total.min_top))


def _nested(a: PlaceKey, b: PlaceKey) -> bool:
    """The same place, or one containing the other (a country holds its provinces and towns,
    a province its towns)."""
    if a.country != b.country:
        return False
    if a.level == b.level:
        return a.key == b.key
    outer, inner = (a, b) if a.level > b.level else (b, a)
    return outer.level == COUNTRY or (outer.admin1 is not None and outer.admin1 == inner.admin1)
