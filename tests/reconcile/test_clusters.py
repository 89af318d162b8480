"""Grouping (rasd.reconcile.clusters): the sweep by exact key and window, signatures, scope,
coarse-to-fine attachment, twins, undated and running-total attachment."""

from __future__ import annotations

from reconcile_kit import ALEPPO, ALEPPO_GOV, IDLIB, MANBIJ, SEA, SYRIA, named, one, q, rec

from rasd.model import Count
from rasd.reconcile import reconcile


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

