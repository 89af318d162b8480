"""End-to-end reconciliation through rasd.reconcile.reconcile: the groups' fields and dates,
determinism, and scale."""

from __future__ import annotations

import json
import random
import time

from reconcile_kit import ALEPPO, ALEPPO_GOV, IDLIB, one, rec

from rasd.reconcile import reconcile


def test_three_outlets_disagree():
    g = one(reconcile([rec(10, outlet="عنب"), rec(15, outlet="الجزيرة"),
                       rec(12, outlet="العربية")]))
    assert g.n_sources == 3 and g.n_claims == 3 and len(g.figures) == 3
    assert (g.low, g.best, g.high) == (10, 12, 15)
    assert g.disagree and g.reason.endswith("1.2x")  # the narrowest of the same-time gaps
    assert g.type == "killed" and g.place.name == "Aleppo" and g.period == "event"
    assert g.date_from == g.date_to == "2023-03-05"


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


def test_scale_smoke(bench):
    records = list(bench.synthetic(20_000))
    t0 = time.process_time()  # CPU time: the machine may be shared
    groups = reconcile(records)
    elapsed = time.process_time() - t0
    assert elapsed < 5, elapsed
    assert sum(g.n_claims for g in groups) == 20_000
    assert len(groups) < 10_000 and any(g.n_sources > 2 for g in groups)
    assert all(g.low <= g.best <= g.high for g in groups)

