"""Grouping (rasd.reconcile.clusters): the sweep by exact key and window, signatures, scope,
coarse-to-fine attachment, twins, undated and running-total attachment."""

from __future__ import annotations

import dataclasses
import datetime as dt

from reconcile_kit import ALEPPO, ALEPPO_GOV, IDLIB, MANBIJ, SEA, SYRIA, named, one, q, rec

from rasd.model import Count, Location, Mention, Span
from rasd.reconcile import ClaimRecord, reconcile
from rasd.reconcile.clusters import (
    Cluster,
    _agrees,
    _coarse_fits,
    _far,
    _nested,
    _other_day,
    _same_figure,
    _signature_fits,
    _signatures_fit,
    _stated,
    _top,
    _twins,
    compared_place,
    items_of,
    running,
    stated_day,
    sweep,
)
from rasd.reconcile.keys import INF, PERSON, person_key, place_key

D = dt.date(2023, 3, 5).toordinal()  # the builders' default day


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


def test_later_reports_of_a_lasting_incident_join_it_days_on():
    # Douma's chemical attack on the 5th, told again on the 12th and 16th dated by later
    # statements: one incident; a chemical attack a month on, or far other figures, is not
    chemical = (("chemical",), ())
    groups = reconcile([q(40, outlet="أ", sig=chemical, day="2023-03-05"),
                        q(60, outlet="ب", sig=chemical, day="2023-03-12", pub="2023-03-12"),
                        q(70, outlet="ج", sig=chemical, day="2023-03-16", pub="2023-03-16"),
                        q(9, outlet="د", sig=chemical, day="2023-04-20", pub="2023-04-20"),
                        q(900, outlet="هـ", sig=chemical, day="2023-03-09", pub="2023-03-09")])
    assert sorted(g.n_claims for g in groups) == [1, 1, 3]
    # a routine kind or an earthquake (aftershocks, a second quake) is no echo
    for kind in ("airstrike", "earthquake"):
        sig = ((kind,), ())
        assert len(reconcile([q(40, outlet="أ", sig=sig, day="2023-03-05"),
                              q(60, outlet="ب", sig=sig, day="2023-03-12",
                                pub="2023-03-12")])) == 2


def test_a_later_report_finds_the_lasting_incident_under_a_root_of_another_category():
    # the civilians' toll of a chemical attack and a report without category of the same
    # day are one group (its root: the civilians); a report without category a week on
    # is a later report of that group, though no group of its category starts there
    chemical = (("chemical",), ())
    groups = reconcile([q(40, outlet="أ", sig=chemical, cat="civilians"),
                        q(40, outlet="ب", sig=chemical),
                        q(60, outlet="ج", sig=chemical, day="2023-03-12", pub="2023-03-12")])
    assert one(groups).n_claims == 3


def test_a_report_dated_by_its_year_joins_the_one_incident_it_names():
    # "في 2023 قتل 12 شخصا في هجوم دهس على سوق" told a year on: the ramming of 5 March
    ramming = (("ramming",), ("market",))
    year = dict(day="2023-01-01", prec="year", pub="2024-02-01")
    assert one(reconcile([q(12, outlet="أ", sig=ramming),
                          q(12, outlet="ب", sig=ramming, **year)])).n_claims == 2
    # ... not a year's total that names no incident, nor another figure
    assert len(reconcile([q(12, outlet="أ", sig=ramming), q(12, outlet="ب", **year)])) == 2
    assert len(reconcile([q(12, outlet="أ", sig=ramming),
                          q(40, outlet="ب", sig=ramming, **year)])) == 2
    # one incident's reports dated to days a week apart are joined with it; two weeks and more
    # apart they stay two incidents and the year's report joins neither
    week = [q(12, outlet="أ", sig=ramming), q(12, outlet="ج", sig=ramming, day="2023-03-12",
                                               pub="2023-03-12")]
    assert one(reconcile([*week, q(12, outlet="ب", sig=ramming, **year)])).n_claims == 3
    apart = [q(12, outlet="أ", sig=ramming), q(12, outlet="ج", sig=ramming, day="2023-05-12",
                                                pub="2023-05-12")]
    assert len(reconcile([*apart, q(12, outlet="ب", sig=ramming, **year)])) == 3


def test_a_report_among_too_many_incident_groups_stays_apart():
    # a town with more incident groups of one kind in a year than a report is compared with
    # (INDEX_SCAN): the year's report joins none, not even the one group giving its figure, and
    # the scan stays bounded
    from rasd.reconcile.clusters import INDEX_SCAN
    ramming = (("ramming",), ("market",))
    days = [dt.date(2023, 1, 1) + dt.timedelta(days=k) for k in range(INDEX_SCAN + 10)]
    figures = [250000] + [(3, 40, 600, 9000)[k % 4] for k in range(1, len(days))]  # none join
    incidents = [q(n, outlet="أ", sig=ramming, day=d.isoformat(), pub=d.isoformat())
                 for n, d in zip(figures, days)]
    year = q(250000, outlet="ب", sig=ramming, day="2023-01-01", prec="year", pub="2024-02-01")
    assert len(reconcile(incidents[:INDEX_SCAN] + [year])) == INDEX_SCAN  # it joins its figure
    assert len(reconcile(incidents + [year])) == len(days) + 1


def test_a_high_floor_ties_province_reports_dated_by_their_articles():
    # MSF's "حوالي 4800" wounded in a province, "أكثر من 4350" two days later: one toll
    weak = dict(place=ALEPPO_GOV, prec="publication", type="injured")
    assert one(reconcile([q(Count(value=4800, qualifier="about"), outlet="أ", **weak),
                          q(Count(value=4350, qualifier="at_least"), outlet="ب", day="2023-03-07",
                            pub="2023-03-07", **weak)])).n_claims == 2
    # ... not "أكثر من 1000" against 6,500 (it reaches 1.5 times itself), nor "أكثر من 20"
    for floor, other in ((1000, 6500), (20, 25)):
        assert len(reconcile([q(other, outlet="أ", **weak),
                              q(Count(value=floor, qualifier="at_least"), outlet="ب",
                                day="2023-03-07", pub="2023-03-07", **weak)])) == 2


def _at(r: ClaimRecord, start: int) -> ClaimRecord:
    """``r`` with its evidence moved to ``start``."""
    claim = dataclasses.replace(r.claim, evidence=Span(start, start + 20))
    return ClaimRecord(claim, r.outlet, r.published, r.url)


def test_a_number_of_in_the_lede_sums_up_the_figure_of_the_body():
    # "قتل عدد من عناصر الميليشيا" in the lede, "بمقتل 18 مسلحا" below: one article, one
    # province, dated by the article only
    weak = dict(doc="d-lede", prec="publication", place=ALEPPO_GOV, cat="fighters")
    lede, body = q(Count(vague="several"), **weak), q(18, **weak)
    assert len(reconcile([_at(lede, 50), _at(body, 300)])) == 1
    # ... but not a figure listed beside it ("20 هدفا وعددا من المقار"), nor one pages away
    assert len(reconcile([_at(lede, 50), _at(body, 70)])) == 2
    assert len(reconcile([_at(lede, 50), _at(body, 3000)])) == 2


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


def test_a_report_naming_two_attacks_does_not_bridge_them():
    camp = q(8, "الناتو", "military", outlet="أ", sig=((), ("base",)))
    both = q(25, "طالبان", "armed_group", outlet="ب", sig=(("suicide",), ("academy", "base")))
    academy = q(20, "الشرطة", "government", outlet="ج", sig=(("suicide",), ("academy",)))
    groups = reconcile([camp, both, academy])
    assert not any({8, 20} <= {m.claim.count.value for m in g.members} for g in groups)



# --- unit tests of the grouping pieces -------------------------------------------------------

def cluster(*records: ClaimRecord) -> Cluster:
    """A cluster holding ``records`` (keyed by the first one), as the sweep builds it."""
    items = items_of(list(records))
    it = items[0]
    cl = Cluster((it.claim.type, it.claim.mixed, it.when.period, it.place.country, it.scope),
                 it.place, it.category, it.when.start, it.when.end, 1 << 40)
    for i, item in enumerate(items):
        cl.add(i, item)
    return cl


def test_far_is_more_than_the_ratio_from_every_member():
    assert _far(30, 30, 5, 5) and _far(1, 1, 8, 8)  # either side more than 5x the other
    assert not _far(20, 20, 5, 5) and not _far(5, 5, 20, 20)
    # "at least 3" is taken as at most 6: 31 is more than 5x that
    assert _far(3, INF, 31, 31) and not _far(3, INF, 29, 29)
    assert _far(13, 13, 10, 10, ratio=1.25) and not _far(12, 12, 10, 10, ratio=1.25)
    assert not _far(4, 4, 0, 0)  # bounds below one count as one
    assert _top(3, INF) == 6 and _top(3, 9) == 9 and _top(0, INF) == 2


def test_stated_figures_and_agreement():
    assert _stated(Count(value=12), 12) and _stated(Count(min=40, max=50), 50)
    assert not _stated(Count(value=1), 1)  # a single person ties nothing
    assert not _stated(Count(value=20, qualifier="at_least"), INF)
    assert not _stated(Count(vague="tens"), 99)
    assert _same_figure([("value", 12)], [("value", 12), ("value", 3)])
    assert not _same_figure([("value", 1)], [("value", 1)])
    assert not _same_figure([("vague", "tens")], [("vague", "tens")])
    assert _agrees([(27, 33)], [(28, 28)]) and not _agrees([(27, 33)], [(39, 39)])


def test_stated_day_and_other_day():
    day, pub_only = items_of([rec(5), rec(5, prec="publication")])
    assert stated_day(day) == D and stated_day(pub_only) is None
    assert _other_day(D, (D + 2,)) and not _other_day(D, (D + 1,))
    assert not _other_day(D, (D + 3, D - 1))  # one stated day close enough
    assert not _other_day(None, (D + 5,)) and not _other_day(D, ())


def test_signatures_fit_each_against_each():
    assert _signature_fits(("car_bomb",), (), frozenset({"bombing"}), frozenset())  # broader
    assert not _signature_fits(("car_bomb",), (), frozenset({"stabbing"}), frozenset())
    assert not _signature_fits((), ("market",), frozenset(), frozenset({"school"}))
    assert _signature_fits((), (), frozenset({"stabbing"}), frozenset({"school"}))
    # a shared target: a routine kind on one side (the attacker's shootout) sets nothing apart,
    # two distinctive kinds still do
    assert _signature_fits(("shooting",), ("market",), frozenset({"ramming"}),
                           frozenset({"market"}))
    assert not _signature_fits(("stabbing",), ("market",), frozenset({"ramming"}),
                               frozenset({"market"}))
    assert not _signature_fits(("shooting",), (), frozenset({"ramming"}), frozenset())
    both = ((("suicide",), ("academy", "base")),)
    assert _signatures_fit(both, [(("suicide",), ("academy",))])
    two = (((), ("academy",)), ((), ("base",)))  # a report naming two attacks
    assert not _signatures_fit(two, [((), ("academy",))])
    assert _signatures_fit((), [((), ("academy",))])


def test_items_scope_and_category():
    def scope_of(r: ClaimRecord) -> tuple[int, str | None]:
        item = items_of([r])[0]
        return item.scope, item.category
    assert scope_of(rec(5)) == (0, None)
    assert scope_of(rec(5, cat="children")) == (0, "children")
    assert scope_of(q(5, part_of=0)) == (1, None)  # "منهم 3": a part without a category
    assert scope_of(q(5, part_of=0, cat="children")) == (0, "children")
    assert scope_of(q(5, context="share")) == (1, None)
    assert scope_of(q(5, context="additional", cat="children")) == (1, "children")
    assert scope_of(rec(1)) == (2, None)  # one person
    assert scope_of(named("سمير", cat=None)) == (2, None)  # keyed by the person: no category
    strikes = q(3, type="strikes")
    trigger = Mention("غارات", Span(0, 5), "trigger")
    strikes = dataclasses.replace(strikes, claim=dataclasses.replace(strikes.claim,
                                                                      trigger=trigger))
    assert scope_of(strikes) == (0, "raids")
    assert items_of([rec(5, pub=None)])[0].report == D  # no publication: its last day


def test_sweep_buckets_by_key_and_window():
    clusters, of = sweep(items_of([rec(5), rec(7), rec(5, place=IDLIB)]), 3)
    assert len(clusters) == 2 and of == [0, 0, 1]
    assert clusters[0].members == [0, 1] and clusters[0].place.key == "aleppo"
    weak = [rec(9, prec="publication"),
            rec(9, prec="publication", day="2023-03-08", pub="2023-03-08")]
    assert len(sweep(items_of(weak), 3)[0]) == 1
    assert len(sweep(items_of(weak), 1)[0]) == 2  # closed before the second one starts
    assert sweep([], 3) == ([], [])


def test_coarse_fits_on_an_agreeing_figure_or_signature():
    town = cluster(q(12, outlet="أ"))
    assert _coarse_fits(cluster(q(12, place=ALEPPO_GOV, outlet="ب")), town)
    assert not _coarse_fits(cluster(q(14, place=ALEPPO_GOV, outlet="ب")), town)
    school = cluster(q(12, outlet="أ", sig=((), ("school",))))
    assert _coarse_fits(cluster(q(14, place=ALEPPO_GOV, outlet="ب", sig=((), ("school",)))),
                        school)
    # ... but not far from its figure, nor of another incident
    assert not _coarse_fits(cluster(q(100, place=ALEPPO_GOV, sig=((), ("school",)))), school)
    assert not _coarse_fits(cluster(q(12, place=ALEPPO_GOV, sig=((), ("market",)))), school)


def test_coarse_fits_an_articles_vague_headline_to_its_one_figure():
    body = cluster(q(57, outlet="أ", doc="h"))
    tens = q(Count(vague="tens"), outlet="أ", doc="h", place=ALEPPO_GOV)
    assert _coarse_fits(cluster(tens), body)  # "مقتل عشرات" above "مقتل 57" of one blast
    other = q(Count(vague="tens"), outlet="ب", doc="k", place=ALEPPO_GOV)
    assert not _coarse_fits(cluster(other), body)  # another article's "tens": no tie
    assert not _coarse_fits(cluster(q(Count(vague="hundreds"), outlet="أ", doc="h",
                                      place=ALEPPO_GOV)), body)  # 57 is not hundreds


def test_coarse_fits_not_a_wider_scope_or_another_story():
    children = cluster(q(12, cat="children", outlet="أ"))
    assert not _coarse_fits(cluster(q(39, outlet="ب")), children)  # 39 killed, 12 children
    assert _coarse_fits(cluster(q(12, outlet="ب")), children)
    story = cluster(q(12, doc="r", segment=0))
    assert not _coarse_fits(cluster(q(12, doc="r", segment=1, place=ALEPPO_GOV)), story)
    assert _coarse_fits(cluster(q(12, doc="s", place=ALEPPO_GOV)), story)


def test_coarse_fits_a_countrys_month_only_on_agreeing_figures():
    month = {"prec": "month", "day": "2023-03-01"}
    province = cluster(q(174, place=ALEPPO_GOV, **month))
    assert not _coarse_fits(cluster(q(844, place=SYRIA, **month)), province)
    assert _coarse_fits(cluster(q(Count(value=170, qualifier="about"), place=SYRIA, **month)),
                        province)


def _train(count: int, place=ALEPPO, day: str = "2023-03-05", target: str = "train") -> Cluster:
    return cluster(q(count, place=place, day=day, pub=day, sig=(("crash",), (target,))))


def test_twins_give_the_same_figures_and_target_at_overlapping_times():
    assert _twins([_train(24), _train(24, MANBIJ)])
    assert _twins([_train(24), _train(24, MANBIJ), _train(24, IDLIB)])
    assert not _twins([_train(24), _train(18, MANBIJ)])
    assert not _twins([_train(24), _train(24, MANBIJ, target="bus")])
    assert not _twins([_train(24), _train(24, MANBIJ, day="2023-03-15")])
    assert not _twins([cluster(q(24)), cluster(q(24, place=MANBIJ))])  # no target named
    assert not _twins([cluster(named("سمير")), cluster(named("سمير", place=MANBIJ))])  # one


def test_nested_places():
    town, other, province, country = (place_key(loc, "") for loc in
                                      (ALEPPO, MANBIJ, ALEPPO_GOV, SYRIA))
    assert _nested(town, town) and not _nested(town, other)
    assert _nested(province, other) and _nested(other, province)
    assert _nested(country, town) and _nested(province, country)
    assert not _nested(place_key(IDLIB, ""), province)
    turkey = Location("إسطنبول", Span(0, 7), "Istanbul", "TR", 41.0, 28.9, 1, "Istanbul")
    assert not _nested(place_key(turkey, ""), country)


def test_running_totals():
    assert running(("since", 5)) and running(("since", -1))
    assert not running("event") and not running(("month", 5))


def test_compared_place_is_the_named_person_of_a_count_of_one():
    a = named("جمال  خاشقجي", place=ALEPPO).claim
    b = named("جمال خاشقجي", place=IDLIB).claim
    assert compared_place(a) == compared_place(b) == person_key(a)
    assert compared_place(a).key.startswith(PERSON)
    assert person_key(rec(1).claim) is None  # no name
    assert compared_place(rec(3).claim) == place_key(ALEPPO, "")
    assert compared_place(rec(3, place=None, doc="n").claim).key == "doc:n"
