"""Reconciliation: grouping, per-source figures, best / disagreement rules, scale."""

from __future__ import annotations

import importlib.util
import json
import random
import time
from pathlib import Path

import pytest

from rasd.model import Claim, Count, Location, Mention, Span, TimeRef
from rasd.reconcile import ClaimRecord, Group, hedged, reconcile, source_key

# admin1 as rasd.geo.resolve sets it: the English name of the first-level region (a province is
# its own region, a country has none)
ALEPPO = Location("حلب", Span(30, 33), "Aleppo", "SY", 36.2, 37.16, 1, "Aleppo")
MANBIJ = Location("منبج", Span(30, 34), "Manbij", "SY", 36.53, 37.95, 1, "Aleppo")
ALEPPO_GOV = Location("محافظة حلب", Span(30, 40), "Aleppo Governorate", "SY", 36.2, 37.6, 3,
                      "Aleppo")
IDLIB = Location("إدلب", Span(30, 34), "Idlib", "SY", 35.93, 36.63, 1, "Idlib")
SYRIA = Location("سوريا", Span(30, 35), "Syria", "SY", 34.8, 38.99, 3)
SEA = Location("البحر المتوسط", Span(30, 43), "Mediterranean Sea", None, 35.0, 18.0, 3)

_seq = iter(range(1, 10_000))


def rec(count: Count | int, source: str = "", kind: str = "outlet", *, outlet: str = "عنب",
        place: Location | None = ALEPPO, day: str | None = "2023-03-05", prec: str = "day",
        pub: str | None = "2023-03-05", cat: str | None = None, via: tuple[str, ...] = (),
        sid: str | None = None, type: str = "killed", doc: str | None = None) -> ClaimRecord:
    """A hand-built record; an outlet-voice claim (the default) speaks for ``outlet``."""
    n = next(_seq)
    if isinstance(count, int):
        count = Count(value=count)
    subject = Mention("مدنيين", Span(10, 16), category=cat) if cat else None
    claim = Claim(
        doc_id=doc or f"d{n}", type=type, count=count,
        source=Mention(source or outlet, Span(0, len(source)), kind, id=sid),
        evidence=Span(n, n + 40), subject=subject,
        via=tuple(Mention(v, Span(0, len(v)), "media") for v in via),
        location=place,
        time=TimeRef("أمس", Span(20, 23), day, prec) if day else None)
    return ClaimRecord(claim, outlet, pub, f"https://example.org/{n}")


def one(groups: list[Group]) -> Group:
    assert len(groups) == 1, [(g.place.name, g.date_from, g.n_claims) for g in groups]
    return groups[0]


def test_three_outlets_disagree():
    g = one(reconcile([rec(10, outlet="عنب"), rec(15, outlet="الجزيرة"),
                       rec(12, outlet="العربية")]))
    assert g.n_sources == 3 and g.n_claims == 3 and len(g.figures) == 3
    assert (g.low, g.best, g.high) == (10, 12, 15)
    assert g.disagree and "15" in g.reason and "10" in g.reason
    assert g.type == "killed" and g.place.name == "Aleppo" and g.period == "event"
    assert g.date_from == g.date_to == "2023-03-05"


def test_hedged_figures_do_not_disagree():
    g = one(reconcile([rec(Count(value=30, qualifier="about"), "المرصد", "monitor"),
                       rec(28, "وزارة الصحة", "government", outlet="سانا")]))
    assert not g.disagree and g.reason is None
    assert (g.low, g.high) == (28, 30)
    assert g.best == 30  # a monitor outranks a party's ministry


def test_hedge_intervals():
    assert hedged(Count(value=30, qualifier="about")) == (27, 33)
    assert hedged(Count(value=30, qualifier="at_least"))[1] == float("inf")
    assert hedged(Count(value=30, qualifier="up_to")) == (0, 30)
    assert hedged(Count(min=5, max=9)) == (5, 9)
    assert hedged(Count(vague="tens")) == (10, 99)
    g = one(reconcile([rec(Count(value=40, qualifier="at_least"), outlet="أ"),
                       rec(55, outlet="ب"), rec(Count(vague="tens"), outlet="ج")]))
    assert not g.disagree  # [40, inf) , 55 and 10-99 all meet at 55


def test_best_prefers_independent_monitors():
    g = one(reconcile([rec(100, "الجيش", "military"), rec(20, "المرصد", "monitor"),
                       rec(24, "الأمم المتحدة", "international", outlet="ب"),
                       rec(30, "مصدر", "anonymous", outlet="ج")]))
    assert (g.low, g.best, g.high) == (20, 20, 100)  # lower median of the tier-0 figures
    assert g.figures[0].tier == 0 and g.figures[-1].tier == 2
    g = one(reconcile([rec(Count(vague="tens"), "المرصد", "monitor"),
                       rec(33, "الجيش", "military")]))
    assert g.best == 33  # a stated number beats a vague word


def test_different_places_days_types_and_categories_split():
    groups = reconcile([rec(5), rec(7, place=IDLIB), rec(9, day="2023-03-20", pub="2023-03-20"),
                        rec(4, type="injured"), rec(3, cat="civilians"), rec(8, cat="fighters")])
    assert len(groups) == 6  # the uncategorized Aleppo figure has two categorized candidates
    assert len({g.id for g in groups}) == 6


def test_window_days():
    early, late = rec(5, pub="2023-03-05"), rec(8, day="2023-03-08", pub="2023-03-08")
    assert len(reconcile([early, late])) == 1
    assert len(reconcile([early, late], window_days=1)) == 2
    far = rec(8, day="2023-03-09", pub="2023-03-09")
    assert len(reconcile([early, far])) == 2


def test_town_and_its_governorate_group_together():
    g = one(reconcile([rec(12, outlet="أ"), rec(Count(value=12, qualifier="about"),
                                                 place=ALEPPO_GOV, outlet="ب")]))
    assert g.place.level == "point" and g.place.name == "Aleppo" and g.n_sources == 2
    # a province's figure joins a town's incident only on an agreeing figure or signature:
    # a province has many incidents a day
    assert len(reconcile([rec(12, outlet="أ"), rec(14, place=ALEPPO_GOV, outlet="ب")])) == 2
    # a province figure beside two town groups may be their sum: it stays apart
    groups = reconcile([rec(12, outlet="أ"), rec(12, place=MANBIJ, outlet="ب"),
                        rec(12, place=ALEPPO_GOV, outlet="ج")])
    assert sorted(g.place.level for g in groups) == ["admin1", "point", "point"]
    # a country-only figure joins the one incident of that day in the country
    g = one(reconcile([rec(12, place=IDLIB, outlet="أ"), rec(12, place=SYRIA, outlet="ب")]))
    assert g.place.name == "Idlib"
    groups = reconcile([rec(12, place=IDLIB, outlet="أ"), rec(12, outlet="ج"),
                        rec(12, place=SYRIA, outlet="ب")])
    assert sorted(g.place.level for g in groups) == ["country", "point", "point"]
    # a place with no country contains nothing
    assert len(reconcile([rec(12, outlet="أ"), rec(13, place=SEA, outlet="ب")])) == 2


def test_update_chain_keeps_latest():
    sohr = dict(source="المرصد السوري", kind="monitor", sid="sohr")
    g = one(reconcile([
        rec(14, **sohr, pub="2023-03-07", outlet="ب"),
        rec(5, **sohr, pub="2023-03-05"),
        rec(9, **sohr, pub="2023-03-06"),
        rec(9, **sohr, pub="2023-03-06", outlet="ج"),
    ]))
    f = g.figures[0]
    assert g.n_sources == 1 and g.n_claims == 4 and not g.disagree
    assert f.count.value == 14 and f.date == "2023-03-07" and f.n_claims == 4
    assert [(s.date, s.count.value) for s in f.chain] == \
        [("2023-03-05", 5), ("2023-03-06", 9), ("2023-03-07", 14)]
    assert f.doc_id == f.claim.doc_id and f.evidence == f.claim.evidence
    assert (g.low, g.best, g.high) == (14, 14, 14)  # only latest figures count


def test_same_day_tie_takes_larger():
    g = one(reconcile([rec(11, "الدفاع المدني", "organization", outlet="أ"),
                       rec(13, "الدفاع المدني", "organization", outlet="ب")]))
    assert g.figures[0].count.value == 13


def test_relayed_source_counts_once():
    g = one(reconcile([
        rec(20, "المرصد السوري", "monitor", outlet="الجزيرة"),
        rec(20, "والمرصد السوري", "monitor", outlet="العربية", via=("وكالة الأناضول",)),
        rec(22, "وزارة الصحة", "government", outlet="سانا"),
    ]))
    assert g.n_sources == 2 and g.n_claims == 3
    monitor = next(f for f in g.figures if f.kind == "monitor")
    assert monitor.outlets == ("الجزيرة", "العربية") and monitor.via == ("وكالة الأناضول",)
    assert len(monitor.chain) == 1
    assert source_key(rec(1, "للمرصد السوري", "monitor").claim) == \
        source_key(rec(2, "المرصد السوري", "monitor").claim)
    assert source_key(rec(1, "x", "monitor", sid="SOHR").claim) == "id:sohr"


def test_missing_location_and_time():
    undated = [rec(3, day=None, pub=None, doc="u1"), rec(4, day=None, pub=None, doc="u2")]
    unlocated = [rec(6, place=None, doc="n1"), rec(7, place=None, doc="n1", outlet="ب"),
                 rec(8, place=None, doc="n2")]
    pub_only = [rec(9, day=None, pub="2023-03-05", outlet="ج"),
                rec(12, day=None, pub="2023-03-05", outlet="د")]
    groups = reconcile(undated + unlocated + pub_only + [rec(9)])
    by = {(g.place.level, g.period, g.n_claims) for g in groups}
    assert len(groups) == 6
    assert ("point", "undated", 1) in by and ("unknown", "event", 2) in by
    assert ("unknown", "event", 1) in by  # unlocated figures only meet within their article
    # a claim dated by its article alone joins the incident on the same figure only
    assert ("point", "event", 2) in by and ("point", "event", 1) in by
    assert all(g.date_from is None for g in groups if g.period == "undated")
    assert reconcile([]) == []


def test_periods_do_not_mix():
    groups = reconcile([rec(5), rec(300, day="2023-03-01", prec="month"),
                        rec(310, day="2023-03-01", prec="month", outlet="ب"),
                        rec(5000, day="2011-03-15", prec="since", pub="2023-03-01"),
                        rec(5200, day="2011-03-15", prec="since", pub="2023-03-04", outlet="ب")])
    periods = {g.period: g for g in groups}
    assert set(periods) == {"event", "month", "since"} and len(groups) == 3
    assert (periods["month"].date_from, periods["month"].date_to) == ("2023-03-01", "2023-03-31")
    assert periods["since"].date_from == "2011-03-15" and periods["since"].date_to == "2023-03-04"


def test_deterministic_ids_and_order():
    records = [rec(10 + i % 5, outlet=f"o{i % 4}", place=(ALEPPO, IDLIB, ALEPPO_GOV, None)[i % 4],
                   day=f"2023-03-{1 + i % 20:02d}", pub=f"2023-03-{1 + i % 20:02d}",
                   cat=(None, "civilians")[i % 2]) for i in range(200)]
    first = [(g.id, g.n_claims, [f.key for f in g.figures]) for g in reconcile(records)]
    shuffled = records[:]
    random.Random(3).shuffle(shuffled)
    assert [(g.id, g.n_claims, [f.key for f in g.figures]) for g in reconcile(shuffled)] == first
    json.dumps([g.to_json() for g in reconcile(records)], ensure_ascii=False)


@pytest.fixture(scope="module")
def bench():
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "reconcile_bench.py"
    spec = importlib.util.spec_from_file_location("reconcile_bench", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_scale_smoke(bench):
    records = bench.synthetic(20_000)
    t0 = time.perf_counter()
    groups = reconcile(records)
    elapsed = time.perf_counter() - t0
    assert elapsed < 5, elapsed
    assert sum(g.n_claims for g in groups) == 20_000
    assert len(groups) < 10_000 and any(g.n_sources > 2 for g in groups)
    assert all(g.low <= g.best <= g.high for g in groups)


def test_anonymous_sources_are_per_carrier():
    g = one(reconcile([rec(10, "مصدر طبي", "anonymous", outlet="أ"),
                       rec(15, "مصدر طبي", "anonymous", outlet="ب"),
                       rec(15, "مصدر طبي", "anonymous", outlet="ج", via=("رويترز",)),
                       rec(15, "مصدر طبي", "anonymous", outlet="د", via=("رويترز",))]))
    assert g.n_sources == 3 and g.disagree
    wire = next(f for f in g.figures if f.via)
    assert wire.outlets == ("ج", "د") and wire.n_claims == 2


def test_short_source_names_fold_into_the_full_one():
    g = one(reconcile([rec(20, "المرصد السوري لحقوق الإنسان", "monitor", outlet="أ"),
                       rec(21, "المرصد", "monitor", outlet="ب"),
                       rec(22, "المرصد السوري", "monitor", outlet="ج"),
                       rec(25, "وزارة الصحة", "government", outlet="د")]))
    assert g.n_sources == 2
    monitor = next(f for f in g.figures if f.kind == "monitor")
    assert monitor.n_claims == 3 and monitor.outlets == ("أ", "ب", "ج")
    # "the ministry" next to two different ministries stays on its own
    g = one(reconcile([rec(20, "وزارة", "government", outlet="أ"),
                       rec(21, "وزارة الصحة", "government", outlet="ب"),
                       rec(22, "وزارة الداخلية", "government", outlet="ج")]))
    assert g.n_sources == 3


def test_provinces_without_admin1_stay_apart():
    idlib_gov = Location("محافظة إدلب", Span(30, 41), "Idlib Governorate", "SY", 35.8, 36.6, 3)
    aleppo_gov = Location("محافظة حلب", Span(30, 40), "Aleppo Governorate", "SY", 36.2, 37.6, 3)
    groups = reconcile([rec(5, place=idlib_gov, outlet="أ"), rec(9, place=aleppo_gov, outlet="ب"),
                        rec(30, place=SYRIA, outlet="ج")])
    assert len(groups) == 3 and {g.place.level for g in groups} == {"country"}
