"""Reconciliation: grouping, per-source figures, best / disagreement rules, scale."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import random
import time
from pathlib import Path

import pytest

from rasd.model import Claim, Count, Location, Mention, Period, Signature, Span, TimeRef
from rasd.reconcile import (
    ClaimRecord,
    Group,
    _reconcile,
    group_order,
    hedged,
    partition_of,
    reconcile,
    reconcile_stream,
    source_key,
)
from rasd.reconcile.keys import refers_back
from rasd.reconcile.stream import survey

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
    assert g.disagree and g.reason.endswith("1.2x")  # the narrowest of the same-time gaps
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
    early = rec(5, prec="publication", pub="2023-03-05")  # dated by its article only
    late = rec(8, day="2023-03-08", pub="2023-03-08")
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
    records = list(bench.synthetic(20_000))
    t0 = time.process_time()  # CPU time: the machine may be shared
    groups = reconcile(records)
    elapsed = time.process_time() - t0
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


def test_a_country_toll_of_a_month_holds_its_provinces_toll():
    # a monthly national toll and a province's share of it are two quantities ...
    month = {"prec": "month", "day": "2023-03-01"}
    groups = reconcile([rec(844, place=SYRIA, outlet="أ", **month),
                        rec(174, place=ALEPPO_GOV, outlet="ب", **month)])
    assert len(groups) == 2 and not any(g.disagree for g in groups)
    # ... unless the figures agree: the same toll placed loosely
    g = one(reconcile([rec(174, place=SYRIA, outlet="أ", **month),
                       rec(Count(value=170, qualifier="about"), place=ALEPPO_GOV, outlet="ب",
                           **month)]))
    assert g.place.level == "admin1"


def test_provinces_without_admin1_stay_apart():
    idlib_gov = Location("محافظة إدلب", Span(30, 41), "Idlib Governorate", "SY", 35.8, 36.6, 3)
    aleppo_gov = Location("محافظة حلب", Span(30, 40), "Aleppo Governorate", "SY", 36.2, 37.6, 3)
    groups = reconcile([rec(5, place=idlib_gov, outlet="أ"), rec(9, place=aleppo_gov, outlet="ب"),
                        rec(30, place=SYRIA, outlet="ج")])
    assert len(groups) == 3 and {g.place.level for g in groups} == {"country"}


# --- one group = one quantity, a flag = a dispute -------------------------------------------

def q(count, source="", kind="outlet", **kw):
    """``rec`` with quantity fields: signature=(attacks, targets), period, part_of, revision."""
    sig = kw.pop("sig", None)
    extra = {"signature": Signature(*sig) if sig else None,
             "period": Period(kw.pop("period"), "منذ", Span(0, 3)) if "period" in kw else None,
             "part_of": kw.pop("part_of", None), "revision": kw.pop("revision", False),
             "contrast": kw.pop("contrast", False), "context": kw.pop("context", None),
             "segment": kw.pop("segment", 0)}
    seq = kw.pop("seq", None)
    r = rec(count, source, kind, **kw)
    return ClaimRecord(dataclasses.replace(r.claim, **extra), r.outlet, r.published, r.url,
                       seq=seq)


def test_aggregates_never_group_with_incidents():
    groups = reconcile([q(12, outlet="أ"), q(3000, outlet="ب", period="since", day=None),
                        q(50, outlet="ج", period="span"),
                        q(62, outlet="د", prec="week", day="2023-03-01")])
    assert sorted(g.period for g in groups) == ["event", "since", "span", "week"]


def test_conflicting_signatures_are_two_incidents():
    groups = reconcile([q(7, outlet="أ", sig=(("car_bomb",), ("market",))),
                        q(3, outlet="ب", sig=(("stabbing",), ())),
                        q(9, outlet="ج", sig=(("bombing",), ()))])  # a car bomb is a bombing
    assert sorted(g.n_claims for g in groups) == [1, 2]
    assert not any(g.disagree for g in groups if g.n_claims == 1)


def test_a_claim_dated_by_its_article_alone_joins_on_the_same_figure_or_signature():
    dated = q(20, outlet="أ", place=ALEPPO_GOV, sig=(("clashes",), ()))
    same_figure = q(20, outlet="ب", place=ALEPPO_GOV, day=None)
    routine = q(35, outlet="ج", place=ALEPPO_GOV, day=None, sig=(("clashes",), ()))
    groups = reconcile([dated, same_figure, routine])
    assert sorted(g.n_claims for g in groups) == [1, 2]  # "clashes" alone ties nothing
    target = q(35, outlet="د", place=ALEPPO_GOV, day=None, sig=(("car_bomb",), ("school",)))
    school = q(40, outlet="ه", place=ALEPPO_GOV, sig=((), ("school",)))
    assert len(reconcile([target, school])) == 1


def test_figures_far_apart_are_different_quantities():
    groups = reconcile([q(8, outlet="أ"), q(1600, outlet="ب"), q(9, outlet="ج")])
    assert sorted(g.n_claims for g in groups) == [1, 2]


def test_one_person_is_not_the_toll():
    groups = reconcile([q(1, outlet="أ"), q(12, outlet="ب")])
    assert len(groups) == 2 and not any(g.disagree for g in groups)


def test_part_is_linked_to_its_whole_and_never_disputes_it():
    whole = q(39, "الدفاع المدني", "organization", doc="art", seq=0)
    part = q(12, "الدفاع المدني", "organization", doc="art", seq=1, cat="children", part_of=0)
    other = q(39, "المرصد", "monitor", outlet="ب")
    groups = reconcile([whole, part, other])
    assert sorted(g.best for g in groups) == [12, 39]
    whole_g = next(g for g in groups if g.n_claims == 2)
    part_g = next(g for g in groups if g.n_claims == 1)
    assert part_g.part_of == [whole_g.id] and whole_g.parts == [part_g.id]
    assert not whole_g.disagree and (whole_g.low, whole_g.high) == (39, 39)
    assert part_g.subject == "children" and not part_g.disagree


def test_a_later_higher_figure_is_an_update_not_a_dispute():
    g = one(reconcile([q(11, "وزارة الصحة", "government", pub="2023-03-05"),
                       q(30, "المرصد", "monitor", outlet="ب", pub="2023-03-06")]))
    assert not g.disagree
    old = next(f for f in g.figures if f.count.value == 11)
    assert old.superseded and (g.low, g.best, g.high) == (30, 30, 30)
    # the same day, a figure worded as a revision ("ارتفعت الحصيلة إلى") updates too
    g = one(reconcile([q(11, "وزارة الصحة", "government"),
                       q(30, "المرصد", "monitor", outlet="ب", revision=True)]))
    assert not g.disagree
    # a lower figure later, or two figures the same day, are a dispute with its spread
    g = one(reconcile([q(93, "مصدر", "anonymous", pub="2023-03-05"),
                       q(72, "المرصد", "monitor", outlet="ب", pub="2023-03-06")]))
    assert g.disagree and g.spread == round(93 / 72, 2) and "93" in g.reason
    assert "72" in g.reason


def test_one_article_can_hold_a_dispute_but_not_its_own_summary():
    # "نقلت سبوتنيك عن مصدر أن 93 قتلوا، فيما قال المرصد إن 72 قتلوا"
    two_parties = [q(93, "مصدر", "anonymous", doc="x", via=("سبوتنيك",)),
                   q(72, "المرصد", "monitor", doc="x", contrast=True)]
    assert one(reconcile(two_parties)).disagree
    bodies = [q(252, "الوزارة", "government", doc="k", sid="sy-moh"),
              q(100, "سانا", "media", doc="k", sid="sana")]  # side by side, not set against
    assert not one(reconcile(bodies)).disagree
    documenter = [q(252, "المرصد", "monitor", doc="m", sid="sohr"),
                  q(100, "سانا", "media", doc="m", sid="sana")]  # a monitor against a party
    assert one(reconcile(documenter)).disagree
    unset = [q(93, "مصدر", "anonymous", doc="w"), q(72, "ضابط", "person", doc="w")]
    assert not one(reconcile(unset)).disagree  # two figures the article does not contrast
    summary = [q(30, doc="y"), q(35, "المرصد", "monitor", doc="y", contrast=True)]
    assert not one(reconcile(summary)).disagree  # the outlet's headline


def test_a_party_named_back_by_its_head_word_is_the_same_party():
    # "قال الجيش الإسرائيلي إن 20 صاروخا أطلقت ... بينما سقط 16 صاروخا، بحسب الجيش": the bare
    # "الجيش" got another army's id from the place's country; it is the army named before
    named_back = [q(20, "الجيش الإسرائيلي", "military", doc="x", sid="idf"),
                  q(16, "الجيش", "military", doc="x", sid="sy-army", contrast=True)]
    g = one(reconcile(named_back))
    assert g.n_sources == 1 and not g.disagree
    # in another article the bare word stays its own source
    other = [q(20, "الجيش الإسرائيلي", "military", doc="x", sid="idf"),
             q(16, "الجيش", "military", doc="y", sid="sy-army", outlet="ب")]
    assert one(reconcile(other)).n_sources == 2


def test_a_revision_revises_only_what_came_before_it_in_its_article():
    # "وأعلن أمين لاحقا مقتل 10 ... لكن قائد الجيش تحدث عن مقتل ثمانية فقط": the revision
    # comes first, the army's lower figure is set against it: a dispute
    def at(r, start):
        return ClaimRecord(dataclasses.replace(r.claim, evidence=Span(start, start + 40)),
                           r.outlet, r.published, r.url)
    first = [at(q(10, "محمد أمين", "person", doc="x", revision=True), 100),
             at(q(8, "قائد الجيش", "military", doc="x", contrast=True), 300)]
    assert one(reconcile(first)).disagree
    # the same revision after the other figure updates it
    after = [at(q(10, "محمد أمين", "person", doc="x", revision=True), 300),
             at(q(8, "قائد الجيش", "military", doc="x", contrast=True), 100)]
    assert not one(reconcile(after)).disagree


def test_a_total_since_a_lasting_incident_is_that_incidents_toll():
    # "ارتفعت حصيلة ضحايا ثوران البركان منذ 3 حزيران إلى 110" is the eruption's toll
    since = {"prec": "since", "day": "2023-03-05", "pub": "2023-03-20"}
    volcano = (("volcano",), ())
    g = one(reconcile([q(33, outlet="أ", sig=volcano, day="2023-03-06", pub="2023-03-06"),
                       q(110, outlet="ب", sig=volcano, **since)]))
    assert g.period == "event" and not g.disagree and g.best == 110
    # a campaign's total since its start stays apart from one day's toll
    protest = (("protest",), ())
    assert len(reconcile([q(16, outlet="أ", sig=protest, day="2023-03-05"),
                          q(125, outlet="ب", sig=protest, **since)])) == 2
    # ... and so does a lasting incident's total when two incident groups could own it
    crash = (("crash",), ("train",))
    assert len(reconcile([q(24, outlet="أ", sig=crash, day="2023-03-06"),
                          q(9, outlet="ج", sig=(("crash",), ("bus",)), day="2023-03-06"),
                          q(30, outlet="ب", sig=(("crash",), ()), **since)])) == 3


def test_a_group_naming_one_incident_takes_no_report_of_another():
    # a town's suicide attack; province reports of it name the camp ("base"), one of them
    # both the camp and the police academy ("الهجومين على الأكاديمية والمعسكر"); the
    # academy's own toll is another incident of that day, though it shares "suicide"
    suicide = ("suicide",)
    records = [q(8, outlet="أ", sig=(suicide, ())),
               q(8, outlet="ب", place=ALEPPO_GOV, sig=(suicide, ("academy", "base"))),
               q(8, outlet="د", place=ALEPPO_GOV, sig=((), ("base",))),
               q(20, outlet="ج", place=ALEPPO_GOV, sig=(suicide, ("academy",)))]
    groups = reconcile(records)
    assert sorted(g.n_claims for g in groups) == [1, 3] and not any(g.disagree for g in groups)


def test_one_incident_placed_at_two_places_takes_its_country_report():
    # "24 killed in the train crash" placed in Manbij by one report and in Aleppo by another;
    # a country-level first count of 10 on the same train: one quantity, an update
    train = ((), ("train",))
    records = [q(24, outlet="أ", sig=train, pub="2023-03-06"),
               q(24, outlet="ب", place=MANBIJ, sig=(("crash",), ("train",)), pub="2023-03-06"),
               q(10, outlet="ج", place=SYRIA, sig=(("crash",), ("train",)))]
    g = one(reconcile(records))
    assert g.n_claims == 3 and not g.disagree
    # without the same figures the two places stay two groups and the country report apart
    records[1] = q(18, outlet="ب", place=MANBIJ, sig=(("crash",), ("train",)), pub="2023-03-06")
    assert len(reconcile(records)) == 3


def test_a_toll_said_to_be_rising_is_a_floor():
    # "قتل 25 ... مما يرجح ارتفاع عدد الشهداء" against the monitor's "31 at least" the same
    # day: no dispute; without the words, the same figures are one
    both = [q(Count(value=31, qualifier="at_least"), "المرصد", "monitor", outlet="أ"),
            q(25, "مصدر عسكري", "military", outlet="ب", context="rising")]
    assert not one(reconcile(both)).disagree
    both[1] = q(25, "مصدر عسكري", "military", outlet="ب")
    assert one(reconcile(both)).disagree


def test_an_articles_side_by_side_dispute_stands_after_a_later_figure():
    # one article: the monitor's 252 and the state agency's "tens" side by side; a day later
    # the monitor says 250 elsewhere: its latest figure agrees with nothing to dispute, but
    # the article's own pair is still a dispute of that day
    x = dict(doc="x", pub="2023-03-05")
    records = [q(252, "المرصد", "monitor", sid="sohr", **x),
               q(Count(vague="tens"), "سانا", "media", sid="sana", contrast=True, **x),
               q(250, "المرصد", "monitor", sid="sohr", doc="y", outlet="ب", pub="2023-03-06")]
    g = one(reconcile(records))
    assert g.disagree and "252" in g.reason
    # an article stating two unnamed figures without setting them against each other: none
    records[1] = q(Count(vague="tens"), "مسؤولون", "anonymous", **x)
    assert not one(reconcile(records)).disagree


def test_strikes_of_two_units_are_two_quantities():
    def strike(n, word, outlet):
        r = q(n, outlet=outlet, type="strikes")
        trigger = Mention(word, Span(0, len(word)), "trigger")
        return ClaimRecord(dataclasses.replace(r.claim, trigger=trigger), r.outlet, r.published,
                           r.url)
    # "أكثر من 600 ضربة جوية" and "470 برميلا متفجرا" on one town: raids and barrel bombs
    groups = reconcile([strike(600, "ضربة", "أ"), strike(470, "برميلا", "ب")])
    assert len(groups) == 2 and not any(g.disagree for g in groups)
    # rockets and shells of one salvo are one unit
    assert one(reconcile([strike(20, "صاروخا", "أ"), strike(20, "قذيفة", "ب")])).n_sources == 2


def test_two_stories_of_a_roundup_article_are_two_quantities():
    roundup = [q(7, doc="r", segment=0), q(7, doc="r", segment=1)]
    assert len(reconcile(roundup)) == 2


def test_an_undated_article_joins_the_dated_incident_it_names():
    dated = q(14, outlet="أ", sig=(("car_bomb",), ("market",)))
    same_figure = q(14, outlet="ب", day=None, pub=None, doc="u1")
    same_blast = q(20, outlet="ج", day=None, pub=None, doc="u2", sig=(("car_bomb",), ()))
    other = q(3, outlet="د", day=None, pub=None, doc="u3")
    groups = reconcile([dated, same_figure, same_blast, other])
    assert sorted(g.n_claims for g in groups) == [1, 3]
    assert next(g for g in groups if g.n_claims == 3).period == "event"


def test_a_source_pointing_back_is_no_second_party():
    statement = [q(1358, "البيان", "unknown", doc="u", day="2023-03-01", prec="month"),
                 q(807, "المصدر ذاته", "unknown", doc="u", day="2023-03-01", prec="month")]
    assert not any(g.disagree for g in reconcile(statement))
    assert refers_back("المصدر ذاته") and refers_back("للمصدر") and not refers_back("مصدر طبي")


def test_vague_words_across_articles_are_no_counter_count():
    g = one(reconcile([q(Count(vague="tens"), "وكالة سانا", "media", outlet="أ"),
                       q(Count(value=150, qualifier="at_least"), "الدفاع المدني",
                         "organization", outlet="ب")]))
    assert not g.disagree
    side_by_side = [q(Count(vague="tens"), "وكالة سانا", "media", doc="z", sid="sana"),
                    q(252, "المرصد", "monitor", doc="z", sid="sohr", contrast=True)]
    assert one(reconcile(side_by_side)).disagree


def test_an_earlier_stage_and_a_stale_reprint_are_updates():
    earlier = q(35, "الوكالة الفرنسية", "media", outlet="أ", context="earlier")
    g = one(reconcile([earlier, q(42, "وسائل الإعلام اليابانية", "media", outlet="ب")]))
    assert not g.disagree and (g.low, g.high) == (42, 42)
    stale = [q(128, "مسؤول", "official", pub="2023-03-05T08:00:00+00:00"),
             q(85, "outlet", "outlet", outlet="ج", pub="2023-03-06T10:00:00+00:00")]
    assert not one(reconcile(stale)).disagree
    hours = [q(128, "مسؤول", "official", pub="2023-03-05T08:00:00+00:00"),
             q(85, "outlet", "outlet", outlet="ج", pub="2023-03-05T14:00:00+00:00")]
    assert one(reconcile(hours)).disagree  # a lower figure hours later contests it


def test_an_article_stating_both_figures_tells_how_they_relate():
    # article "a" gives 7 missiles fired and 3 towards Riyadh; article "b" only the 3
    fired = q(7, "التحالف", "military", doc="a", type="strikes")
    share = q(3, "التحالف", "military", doc="a", type="strikes", sig=((), ("airport",)))
    alone = q(3, "المالكي", "military", doc="b", type="strikes", outlet="ب")
    groups = reconcile([fired, share, alone])
    assert not any(g.disagree for g in groups)
    # without the article that states both, 7 and 3 from two parties the same hour disagree
    assert one(reconcile([fired, alone])).disagree


def test_reports_of_a_province_day_dispute_only_when_tied_to_one_incident():
    front = [q(15, "مصادر في المقاومة", "anonymous", place=ALEPPO_GOV, outlet="أ"),
             q(11, "الجيش", "military", place=ALEPPO_GOV, outlet="ب")]
    assert not any(g.disagree for g in reconcile(front))  # no town, no target: roundup tolls
    wedding = [q(65, "أطباء بلا حدود", "organization", place=ALEPPO_GOV, outlet="أ",
                 sig=(("airstrike",), ("wedding",))),
               q(40, "قناة المسيرة", "media", place=ALEPPO_GOV, outlet="ب",
                 sig=((), ("wedding",)))]
    assert one(reconcile(wedding)).disagree


def test_two_stated_days_apart_are_two_incidents():
    assert len(reconcile([rec(5, day="2023-03-05"), rec(8, day="2023-03-08", pub="2023-03-08")])) == 2
    assert len(reconcile([rec(5, day="2023-03-05"), rec(6, day="2023-03-06", pub="2023-03-06")])) == 1


def test_a_running_total_grows_report_by_report():
    tolls = [(31, "2023-04-09"), (45, "2023-04-28"), (90, "2023-05-20"), (168, "2023-07-14")]
    records = [q(v, outlet=o, period="since", day=None, pub=p)
               for (v, p), o in zip(reversed(tolls), "أبجد")]
    g = one(reconcile(records))
    assert not g.disagree and g.best == 168
    assert len(reconcile([q(31, period="since", day=None, pub="2023-04-09"),
                          q(900, outlet="ب", period="since", day=None, pub="2023-04-10")])) == 2


def named(name: str | None, **kw) -> ClaimRecord:
    """A count of one whose subject names its person."""
    r = rec(1, **kw)
    subject = Mention("الصحفي", Span(10, 16), name=name, category="civilians")
    return ClaimRecord(dataclasses.replace(r.claim, subject=subject, type="missing"),
                       r.outlet, r.published, r.url)


def test_one_named_person_is_one_quantity_wherever_and_whenever_reported():
    a = named("جمال خاشقجي", place=ALEPPO, day="2023-03-05", outlet="أ")
    b = named("جمال  خاشقجي", place=IDLIB, day="2023-03-19", pub="2023-03-19", outlet="ب")
    c = named("علاء عبد الفتاح", place=ALEPPO, day="2023-03-05", outlet="ج")
    late = named("جمال خاشقجي", day="2023-06-30", pub="2023-06-30", outlet="د")
    groups = reconcile([a, b, c, late])
    assert sorted(g.n_claims for g in groups) == [1, 1, 2]
    assert not any(g.disagree for g in groups)


def test_a_lead_signature_ties_reports_but_never_sets_them_apart():
    weak = dict(prec="publication", place=SYRIA)
    tied = reconcile([q(30, outlet="أ", sig=(("volcano",), (), True), **weak),
                      q(46, outlet="ب", sig=(("volcano",), (), True), **weak)])
    assert len(tied) == 1
    own = reconcile([q(7, outlet="أ", sig=(("chemical",), (), True)),
                     q(9, outlet="ب", sig=(("airstrike",), ()))])
    assert len(own) == 1  # the lead's kind does not conflict with the clause's
    apart = reconcile([q(7, outlet="أ", sig=(("chemical",), ())),
                       q(9, outlet="ب", sig=(("airstrike",), ()))])
    assert len(apart) == 2


def test_another_source_restating_a_part_is_no_dispute():
    whole = q(25, "السلطات", "government", doc="art", seq=0)
    part = q(9, "السلطات", "government", doc="art", seq=1, cat="journalists", part_of=0)
    restated = q(9, "لجنة حماية الصحفيين", "monitor", outlet="ب")  # "9 journalists were killed"
    groups = reconcile([whole, part, restated])
    assert not any(g.disagree for g in groups)
    # without the breakdown, 25 and 9 of one town and day are a dispute
    assert one(reconcile([q(25, "السلطات", "government"),
                          q(9, "لجنة حماية الصحفيين", "monitor", outlet="ب")])).disagree


def test_a_report_dated_by_its_article_disputes_only_one_named_incident():
    daily = [q(30, "مصادر طبية", "anonymous", prec="publication", outlet="أ"),
             q(21, "مصادر بالمقاومة", "anonymous", outlet="ب", pub="2023-03-05")]
    assert not any(g.disagree for g in reconcile(daily))  # a town's front, any day's toll
    market = [q(30, "مصادر طبية", "anonymous", prec="publication", outlet="أ",
                sig=(("car_bomb",), ("market",))),
              q(21, "الشرطة", "government", outlet="ب", sig=(("car_bomb",), ()))]
    assert one(reconcile(market)).disagree


def test_a_report_naming_two_attacks_does_not_bridge_them():
    camp = q(8, "الناتو", "military", outlet="أ", sig=((), ("base",)))
    both = q(25, "طالبان", "armed_group", outlet="ب", sig=(("suicide",), ("academy", "base")))
    academy = q(20, "الشرطة", "government", outlet="ج", sig=(("suicide",), ("academy",)))
    groups = reconcile([camp, both, academy])
    assert not any({8, 20} <= {m.claim.count.value for m in g.members} for g in groups)


def test_a_share_never_disputes_the_toll():
    toll = q(11, "وزارة الصحة", "government", type="injured")
    share = q(7, "مدير المستشفى", "organization", outlet="ب", type="injured", context="share")
    groups = reconcile([toll, share])
    assert not any(g.disagree for g in groups)


def _linked_records() -> list[ClaimRecord]:
    """Wholes and parts of one article, the part in another partition than its whole (no
    place, another type) or in the same one, among other articles' claims."""
    out = []
    for i in range(40):
        whole = rec(30 + i, doc=f"w{i:02d}", cat=None, place=(ALEPPO, IDLIB, None)[i % 3])
        part = rec(5 + i % 7, doc=f"w{i:02d}", cat="children",
                   place=(ALEPPO, None, IDLIB, SYRIA)[i % 4],
                   type=("killed", "injured")[i % 5 == 0])
        part = dataclasses.replace(part, claim=dataclasses.replace(part.claim, part_of=0),
                                   seq=1)
        out += [dataclasses.replace(whole, seq=0), part]
        out.append(rec(29 + i, doc=f"x{i:02d}", outlet="ب", place=(ALEPPO, IDLIB, None)[i % 3]))
        # one named person reported from several countries' places (compared by who, not where)
        out.append(named(("سمير", "هدى")[i % 2], place=(ALEPPO, SEA, None, SYRIA)[i % 4],
                         outlet=f"o{i % 5}"))
    return out


def test_stream_gives_the_groups_of_reconcile(bench):
    records = list(bench.synthetic(3_000)) + _linked_records()
    held = [g.to_json() for g in reconcile(records)]
    assert any(g["part_of"] for g in held) and any(g["parts"] for g in held)
    ordered = sorted(records, key=partition_of)
    streamed = sorted(reconcile_stream(lambda: ordered), key=group_order)
    assert [g.to_json() for g in streamed] == held


def test_partitions_never_group_together(bench):
    """Partition by partition is the whole at once: no rule joins two types or countries."""
    records = list(bench.synthetic(3_000)) + _linked_records()
    states, links, _ = survey(records)
    whole = [g.to_json() for g in _reconcile(records, 3, states, links)]
    parts: dict[tuple[str, str], list[ClaimRecord]] = {}
    for r in records:
        parts.setdefault(partition_of(r), []).append(r)
    by_part = [g.to_json() for batch in parts.values()
               for g in _reconcile(batch, 3, states, links)]
    assert sorted(by_part, key=lambda g: g["id"]) == sorted(whole, key=lambda g: g["id"])


def test_stream_takes_records_in_any_order_and_refuses_a_changed_source(bench):
    records = list(bench.synthetic(2_000)) + _linked_records()
    held = [g.to_json() for g in reconcile(sorted(records, key=partition_of))]
    random.Random(4).shuffle(records)
    assert [g.to_json() for g in reconcile(records)] == held
    reads = iter([records, records[:-1]])
    with pytest.raises(ValueError, match="changed between the two reads"):
        list(reconcile_stream(lambda: next(reads)))


@pytest.mark.parametrize(("name", "edit", "message", "loader"), [
    ("reconcile.yaml", lambda d: d.update({"same_markers": "ذاته"}),
     r"reconcile\.yaml: same_markers: a list of strings expected", "_back_references"),
    ("reconcile.yaml", lambda d: d["strike_units"].update({"raids": 3}),
     r"reconcile\.yaml: strike_units\.raids: a list of strings expected", "_strike_units"),
    ("clitics.yaml", lambda d: d.pop("article"), r"clitics\.yaml: article: missing", "_article"),
    ("place_descriptors.yaml", lambda d: d["descriptors"]["town"].pop("words"),
     r"place_descriptors\.yaml: descriptors\.town\.words: missing", "_place_nouns"),
])
def test_a_malformed_reconciliation_data_file_names_the_file_and_the_entry(
        broken_data, name, edit, message, loader) -> None:
    from rasd.errors import DataError
    from rasd.reconcile import keys

    broken_data(keys, name, edit, getattr(keys, loader))
    with pytest.raises(DataError, match="^" + message):
        getattr(keys, loader)()
