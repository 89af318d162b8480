"""What a group says (rasd.reconcile.figures): per-source figures and chains, source folding,
supersession, the dispute test and the verdict (low / best / high)."""

from __future__ import annotations

import dataclasses

import pytest
from reconcile_kit import ALEPPO_GOV, IDLIB, one, q, rec

from rasd.model import Count, Span
from rasd.reconcile import ClaimRecord, SourceFigure, reconcile
from rasd.reconcile.figures import STALE_MINUTES, _explained, _range, figures_of, verdict
from rasd.reconcile.keys import INF, ordinal


def test_hedged_figures_do_not_disagree():
    g = one(reconcile([rec(Count(value=30, qualifier="about"), "المرصد", "monitor"),
                       rec(28, "وزارة الصحة", "government", outlet="سانا")]))
    assert not g.disagree and g.reason is None
    assert (g.low, g.high) == (28, 30)
    assert g.best == 30  # a monitor outranks a party's ministry


def test_hedged_intervals_that_meet_do_not_disagree():
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
        rec(20, "المرصد السوري", "monitor", outlet="الجزيرة", doc="a"),
        rec(20, "والمرصد السوري", "monitor", outlet="العربية", via=("وكالة الأناضول",), doc="b"),
        rec(22, "وزارة الصحة", "government", outlet="سانا"),
    ]))
    assert g.n_sources == 2 and g.n_claims == 3
    monitor = next(f for f in g.figures if f.kind == "monitor")
    assert monitor.outlets == ("الجزيرة", "العربية") and monitor.via == ("وكالة الأناضول",)
    assert len(monitor.chain) == 1


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
    # (sources of other lengths: the builders give a source the span (0, len), and one span
    # is one statement, explained on its own)
    unset = [q(93, "مصدر", "anonymous", doc="w"), q(72, "ضابط كبير", "person", doc="w")]
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


def test_a_source_pointing_back_is_no_second_party():
    statement = [q(1358, "البيان", "unknown", doc="u", day="2023-03-01", prec="month"),
                 q(807, "المصدر ذاته", "unknown", doc="u", day="2023-03-01", prec="month")]
    assert not any(g.disagree for g in reconcile(statement))


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


def test_reports_of_a_province_day_dispute_only_when_tied_to_one_incident():
    front = [q(15, "مصادر في المقاومة", "anonymous", place=ALEPPO_GOV, outlet="أ"),
             q(11, "الجيش", "military", place=ALEPPO_GOV, outlet="ب")]
    assert not any(g.disagree for g in reconcile(front))  # no town, no target: roundup tolls
    wedding = [q(65, "أطباء بلا حدود", "organization", place=ALEPPO_GOV, outlet="أ",
                 sig=(("airstrike",), ("wedding",))),
               q(40, "قناة المسيرة", "media", place=ALEPPO_GOV, outlet="ب",
                 sig=((), ("wedding",)))]
    assert one(reconcile(wedding)).disagree


def test_a_report_dated_by_its_article_disputes_only_one_named_incident():
    daily = [q(30, "مصادر طبية", "anonymous", prec="publication", outlet="أ"),
             q(21, "مصادر بالمقاومة", "anonymous", outlet="ب", pub="2023-03-05")]
    assert not any(g.disagree for g in reconcile(daily))  # a town's front, any day's toll
    market = [q(30, "مصادر طبية", "anonymous", prec="publication", outlet="أ",
                sig=(("car_bomb",), ("market",))),
              q(21, "الشرطة", "government", outlet="ب", sig=(("car_bomb",), ()))]
    assert one(reconcile(market)).disagree


def test_a_passing_reprint_does_not_hide_how_a_figure_was_first_tied_to_its_incident():
    # a medical union's "more than 1000 wounded" in the chemical attack on the 5th, told
    # again a day on in passing (no date or attack of its own): still set against an outlet's
    # 500 wounded in that attack
    chemical = (("chemical",), ())
    union = dict(source="اتحاد المنظمات الطبية", kind="ngo", type="injured")
    at_least = Count(value=1000, qualifier="at_least")
    records = [q(at_least, **union, sig=chemical, pub="2023-03-07"),
               q(500, outlet="ب", type="injured", sig=chemical, prec="publication",
                 day="2023-03-07", pub="2023-03-07"),
               q(at_least, **union, prec="publication", day="2023-03-08", pub="2023-03-08")]
    assert one(reconcile(records)).disagree


def test_a_share_never_disputes_the_toll():
    toll = q(11, "وزارة الصحة", "government", type="injured")
    share = q(7, "مدير المستشفى", "organization", outlet="ب", type="injured", context="share")
    groups = reconcile([toll, share])
    assert not any(g.disagree for g in groups)



# --- unit tests of the dispute test and the verdict ------------------------------------------

def figs(*records: ClaimRecord, stamps: tuple[float, ...] = ()) -> list[SourceFigure]:
    """The :class:`SourceFigure` s of ``records`` as one group (publication times ``stamps``,
    minutes; all 0 when not given)."""
    return figures_of(list(records), [ordinal(r.published) or 0 for r in records],
                      list(stamps) or [0.0] * len(records))


def fig(record: ClaimRecord, stamp: float = 0.0) -> SourceFigure:
    return figs(record, stamps=(stamp,))[0]


def test_range_is_the_hedged_interval_with_floors_and_copy_slack():
    here, there = fig(q(5, doc="a")), fig(q(5, doc="b"))
    tens = fig(q(Count(vague="tens"), doc="a"))
    assert _range(tens, there) == (10, INF)  # a vague word from another article: a floor
    assert _range(tens, here) == (10, 99)  # ... set side by side with a number: its range
    assert _range(fig(q(25, doc="a", context="rising")), there) == (25, INF)
    assert _range(fig(q(252, doc="a")), there) == pytest.approx((249.48, 254.52))  # 1 % slip
    assert _range(fig(q(99, doc="a")), there) == (99, 99)
    assert _range(fig(q(Count(value=300, qualifier="about"), doc="a")), there) == (270, 330)


def _pair(high: dict, low: dict, stamps: tuple[float, float] = (0.0, 0.0)):
    """A higher (30) and a lower (20) figure of two sources, by default two articles' reports
    of one town's day: a dispute nothing explains."""
    hi = q(high.pop("count", 30), high.pop("source", "المرصد"), high.pop("kind", "monitor"),
           **{"outlet": "أ", "doc": "a", **high})
    lo = q(low.pop("count", 20), low.pop("source", "قيادة الجيش"), low.pop("kind", "military"),
           **{"outlet": "ب", "doc": "b", **low})
    return fig(hi, stamps[0]), fig(lo, stamps[1])


def test_explained_not_across_articles_on_one_towns_day():
    assert not _explained(*_pair({}, {}))
    assert not _explained(*_pair({}, {}), lambda doc, claim: False)


def test_explained_by_a_later_revised_or_earlier_figure():
    assert _explained(*_pair({}, {}, stamps=(60.0, 0.0)))  # the higher one is later
    assert _explained(*_pair({"revision": True}, {}))  # worded as a revision, another article
    assert _explained(*_pair({}, {"context": "earlier"}))
    assert _explained(*_pair({"context": "earlier"}, {}))
    assert _explained(*_pair({}, {"context": "share"}))
    assert not _explained(*_pair({"context": "share"}, {}))  # only the lower one is a share


def test_explained_by_a_stale_reprint():
    assert _explained(*_pair({}, {}, stamps=(0.0, STALE_MINUTES + 1)))
    assert not _explained(*_pair({}, {}, stamps=(0.0, STALE_MINUTES)))  # hours later: contests


def test_later_means_when_a_figure_first_appeared_not_its_last_reprint():
    # the ministry's 6 at 09:00, the authorities' 4 at 13:00, the ministry's 6 reprinted at
    # 18:00: the 6 came first, so it updates nothing; the 4 hours later contests it
    six = q(6, "وزارة الداخلية", "government", outlet="أ", doc="a")
    reprint = q(6, "وزارة الداخلية", "government", outlet="ج", doc="c")
    four = q(4, "السلطات", "government", outlet="ب", doc="b")
    found = figs(six, reprint, four, stamps=(540.0, 1080.0, 780.0))
    high = next(f for f in found if f.count.value == 6)
    low = next(f for f in found if f.count.value == 4)
    assert (high.stamp, high.first_stamp) == (1080.0, 540.0)
    assert not _explained(high, low)
    low, high = sorted(figs(six, four, stamps=(900.0, 780.0)), key=lambda f: f.count.low)
    assert _explained(high, low)  # the 6 after the 4: an update


def test_settled_figures_told_long_after_are_no_update():
    # the 2016 market attack's wounded, told as background a year and two years on: 48 and 46
    old = {"day": "2016-12-19"}
    g = one(reconcile([q(48, "السلطات", "government", outlet="أ", pub="2017-02-14", **old),
                       q(46, outlet="ب", pub="2018-07-05", **old)]))
    assert g.disagree  # in the news cycle the later lower figure would be a stale reprint
    g = one(reconcile([q(48, "السلطات", "government", outlet="أ", pub="2016-12-20", **old),
                       q(46, outlet="ب", pub="2016-12-23", **old)]))
    assert not g.disagree


def test_explained_within_one_article_unless_set_against_each_other():
    same = {"doc": "x"}
    assert _explained(*_pair(same, dict(same)))  # side by side, not contrasted
    assert not _explained(*_pair(same, {"contrast": True, **same}))
    assert _explained(*_pair({"kind": "outlet", **same}, {"contrast": True, **same}))
    assert _explained(*_pair({"source": "المصدر ذاته", **same}, {"contrast": True, **same}))
    # the same source span: one statement
    assert _explained(*_pair({"source": "مصدر أول", **same},
                             {"source": "مصدر ثان", "contrast": True, **same}))
    # a known documenter against a known party is a dispute even side by side
    assert not _explained(*_pair({"sid": "sohr", **same}, {"sid": "sy-army", **same}))
    assert _explained(*_pair({"sid": "sohr", **same}, {"sid": "sohr", **same}))


def test_revision_within_an_article_revises_only_what_came_before():
    def at(r: ClaimRecord, start: int) -> SourceFigure:
        return fig(dataclasses.replace(r, claim=dataclasses.replace(
            r.claim, evidence=Span(start, start + 40))))
    first = at(q(30, "المرصد", "monitor", doc="x", revision=True), 100)
    later = at(q(30, "المرصد", "monitor", doc="x", revision=True), 300)
    low = at(q(20, "قيادة الجيش", "military", doc="x", contrast=True), 200)
    assert not _explained(first, low) and _explained(later, low)


def test_explained_across_articles_when_nothing_ties_the_reports():
    assert _explained(*_pair({}, {"place": IDLIB}))  # two towns, no shared target
    assert not _explained(*_pair({"sig": ((), ("school",))},
                                 {"place": IDLIB, "sig": ((), ("school",))}))
    assert _explained(*_pair({}, {"day": "2023-03-06", "pub": "2023-03-05"}))  # two stated days
    assert _explained(*_pair({}, {"day": None}))  # no date at all
    # a province on one stated day is one incident; dated by the article alone, it is not
    assert not _explained(*_pair({"place": ALEPPO_GOV}, {"place": ALEPPO_GOV}))
    assert _explained(*_pair({"place": ALEPPO_GOV}, {"place": ALEPPO_GOV, "prec": "publication"}))


def test_explained_for_an_article_date_only_when_no_incident_is_named():
    assert _explained(*_pair({"prec": "publication"}, {}))  # a daily front report
    market = (("car_bomb",), ("market",))
    assert not _explained(*_pair({"prec": "publication", "sig": market}, {"sig": market}))


def test_explained_when_an_article_states_both_figures():
    high, low = _pair({}, {})
    both = {("a", 20)}
    assert _explained(high, low, lambda doc, claim: (doc, claim.count.value) in both)
    assert not _explained(high, low, lambda doc, claim: (doc, claim.count.value) == ("c", 20))


def test_verdict_low_best_high_from_the_top_tier():
    v = verdict(figs(q(100, "الجيش", "military"), q(20, "المرصد", "monitor", outlet="ب"),
                     q(24, "الأمم المتحدة", "international", outlet="ج")))
    assert (v.low, v.best, v.high) == (20, 20, 100)  # the lower median of 20 and 24
    v = verdict(figs(q(10, outlet="أ"), q(15, outlet="ب"), q(12, outlet="ج")))
    assert (v.low, v.best, v.high) == (10, 12, 15)
    v = verdict(figs(q(Count(vague="tens"), "المرصد", "monitor"), q(33, "الجيش", "military")))
    assert (v.low, v.best, v.high) == (10, 33, 99)  # a stated number beats a vague word
    v = verdict(figs(q(Count(vague="tens"), "المرصد", "monitor"),
                     q(Count(vague="hundreds"), "الجيش", "military")))
    assert v.best == 10  # only vague words: the first tier's floor
    v = verdict(figs(q(Count(min=10, max=20), "المرصد", "monitor")))
    assert (v.low, v.best, v.high) == (10, 15, 20) and not v.disagree


def test_verdict_counts_only_current_figures_and_states_the_dispute():
    old, new = figs(q(11, "وزارة الصحة", "government"), q(30, "المرصد", "monitor", outlet="ب"),
                    stamps=(0.0, 60.0))[::-1]  # ordered by tier: the monitor first
    v = verdict([new, old])
    assert old.superseded and not new.superseded
    assert (v.low, v.best, v.high, v.disagree) == (30, 30, 30, False)
    v = verdict(figs(q(93, "مصدر", "anonymous"), q(72, "المرصد", "monitor", outlet="ب")))
    assert v.disagree and v.spread == round(93 / 72, 2)
    assert v.reason == "مصدر (93) vs المرصد (72): 1.29x"
    assert not verdict(figs(q(93, "مصدر", "anonymous"), q(72, "المرصد", "monitor",
                                                           outlet="ب")),
                       parts=frozenset({("value", 72)})).disagree  # 72 is a part of the toll


def test_verdict_asks_for_each_articles_figures_only_without_a_dispute():
    asked: list[int] = []

    def articles() -> list[list[SourceFigure]]:
        asked.append(1)
        return [figs(q(30, "المرصد", "monitor", doc="z", sid="sohr"),
                     q(10, "سانا", "media", doc="z", sid="sana"))]
    agree = figs(q(30, "المرصد", "monitor"), q(30, "سانا", "media", outlet="ب"))
    v = verdict(agree, articles=articles)
    assert asked == [1] and v.disagree and "30" in (v.reason or "")
    verdict(figs(q(93, outlet="أ"), q(72, "المرصد", "monitor", outlet="ب")), articles=articles)
    assert asked == [1]  # a dispute already: not asked
    verdict(figs(q(30, "المرصد", "monitor")), articles=articles)
    assert asked == [1]  # one source: not asked


def test_an_earlier_stage_is_superseded_only_beside_other_figures():
    alone = figs(q(35, "الوكالة", "media", context="earlier"))
    verdict(alone)
    assert not alone[0].superseded
    both = figs(q(35, "الوكالة", "media", context="earlier"), q(30, "الشرطة", "government"))
    verdict(both)
    assert [f.superseded for f in both if f.count.value == 35] == [True]
