"""Comparable keys of a claim (rasd.reconcile.keys): hedges, source identity, places, periods,
strike units, name keys, and the data files they read."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from reconcile_kit import ALEPPO, ALEPPO_GOV, SYRIA, one, q, rec

from rasd.model import Claim, Count, Location, Mention, Span
from rasd.reconcile import ClaimRecord, hedged, reconcile, source_key
from rasd.reconcile.keys import (
    ADMIN1,
    COUNTRY,
    MINUTES_A_DAY,
    POINT,
    PlaceKey,
    When,
    category,
    fmt,
    iso,
    name_key,
    ordinal,
    period_end,
    place_key,
    point,
    refers_back,
    scope_conflict,
    stamp,
    strike_unit,
    when,
)


def test_hedge_intervals():
    assert hedged(Count(value=30, qualifier="about")) == (27, 33)
    assert hedged(Count(value=30, qualifier="at_least"))[1] == float("inf")
    assert hedged(Count(value=30, qualifier="up_to")) == (0, 30)
    assert hedged(Count(min=5, max=9)) == (5, 9)
    assert hedged(Count(vague="tens")) == (10, 99)


def test_source_key_folds_clitics_and_prefers_the_resolved_id():
    assert source_key(rec(1, "للمرصد السوري", "monitor").claim) == \
        source_key(rec(2, "المرصد السوري", "monitor").claim)
    assert source_key(rec(1, "x", "monitor", sid="SOHR").claim) == "id:sohr"


def test_refers_back():
    assert refers_back("المصدر ذاته") and refers_back("للمصدر") and not refers_back("مصدر طبي")


def test_anonymous_sources_are_per_carrier():
    g = one(reconcile([rec(10, "مصدر طبي", "anonymous", outlet="أ"),
                       rec(15, "مصدر طبي", "anonymous", outlet="ب"),
                       rec(15, "مصدر طبي", "anonymous", outlet="ج", via=("رويترز",)),
                       rec(15, "مصدر طبي", "anonymous", outlet="د", via=("رويترز",))]))
    assert g.n_sources == 3 and g.disagree
    wire = next(f for f in g.figures if f.via)
    assert wire.outlets == ("ج", "د") and wire.n_claims == 2


def test_provinces_without_admin1_stay_apart():
    idlib_gov = Location("محافظة إدلب", Span(30, 41), "Idlib Governorate", "SY", 35.8, 36.6, 3)
    aleppo_gov = Location("محافظة حلب", Span(30, 40), "Aleppo Governorate", "SY", 36.2, 37.6, 3)
    groups = reconcile([rec(5, place=idlib_gov, outlet="أ"), rec(9, place=aleppo_gov, outlet="ب"),
                        rec(30, place=SYRIA, outlet="ج")])
    assert len(groups) == 3 and {g.place.level for g in groups} == {"country"}


def test_aggregates_never_group_with_incidents():
    groups = reconcile([q(12, outlet="أ"), q(3000, outlet="ب", period="since", day=None),
                        q(50, outlet="ج", period="span"),
                        q(62, outlet="د", prec="week", day="2023-03-01")])
    assert sorted(g.period for g in groups) == ["event", "since", "span", "week"]


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



# --- unit tests of the keys ------------------------------------------------------------------

D = dt.date(2023, 3, 5).toordinal()  # the builders' default day


def _when(count: int = 5, pub: int | None = D, **kw) -> When:
    r = q(count, **kw)
    return when(r.claim, pub)


@pytest.mark.parametrize(("prec", "start", "end", "weak"), [
    ("day", D, D, False),
    ("publication", D - 1, D, True),  # the article's date: the day before it too
])
def test_when_of_an_incident_by_precision(prec, start, end, weak):
    assert _when(prec=prec) == When("event", start, end, weak)


def test_when_of_a_week_is_its_total_unless_it_names_an_incident():
    assert _when(prec="week") == When(("week", D), D, D + 6, False)
    assert _when(prec="week", sig=(("car_bomb",), ())) == When("event", D, D + 6, False)
    assert _when(prec="week", sig=((), ("market",))).period == "event"
    assert _when(prec="week", sig=(("airstrike",), ())).period == ("week", D)  # routine


def test_when_of_a_month_or_a_year_runs_to_its_last_day():
    march = dt.date(2023, 3, 1).toordinal()
    assert _when(prec="month", day="2023-03-01") == \
        When(("month", march), march, dt.date(2023, 3, 31).toordinal(), False)
    feb = dt.date(2024, 2, 1).toordinal()
    assert _when(prec="month", day="2024-02-01").end == dt.date(2024, 2, 29).toordinal()
    assert _when(prec="year", day="2023-03-01").end == dt.date(2023, 12, 31).toordinal()
    assert period_end(feb, "year") == dt.date(2024, 12, 31).toordinal()


def test_when_of_a_since():
    start = dt.date(2011, 3, 15).toordinal()
    assert _when(prec="since", day="2011-03-15") == When(("since", start), 0, 0, False)
    # "منذ أمس": a start at most SHORT_SINCE_DAYS before the report is a recent incident's count
    assert _when(prec="since", day="2023-03-03", pub=D) == When("event", D - 2, D, False)
    assert _when(prec="since", day="2023-03-01", pub=D).period == ("since", D - 4)
    # a "since" period of unknown start
    assert _when(period="since", day=None) == When(("since", -1), 0, 0, False)


def test_when_of_a_span_is_keyed_by_its_words_and_dated_by_its_report():
    key = ("span", name_key("منذ"))
    assert _when(period="span") == When(key, D, D, False)
    assert _when(period="span", day=None, pub=D + 2) == When(key, D + 2, D + 2, True)


def test_when_of_background_or_undated_claims():
    assert _when(context="background", prec="publication", doc="b") == \
        When(("undated", "b"), 0, 0, True)  # an older event, date unknown
    assert _when(context="background").period == "event"  # a stated day still dates it
    assert _when(day=None, pub=D) == When("event", D - 1, D, True)
    assert _when(day=None, pub=None, doc="u") == When(("undated", "u"), 0, 0, True)


def test_place_key_levels():
    assert place_key(None, "d1") == PlaceKey("", POINT, "doc:d1", None)
    assert place_key(ALEPPO, "d1") == PlaceKey("SY", POINT, "aleppo", "Aleppo")
    assert place_key(ALEPPO_GOV, "d1") == PlaceKey("SY", ADMIN1, "Aleppo", "Aleppo")
    countryside = Location("ريف حلب", Span(0, 7), "Aleppo", "SY", 36.2, 37.1, 2, "Aleppo")
    assert place_key(countryside, "d1") == PlaceKey("SY", ADMIN1, "Aleppo", "Aleppo")
    # a province lacking its admin1 is keyed by its name, at country level: it stays itself
    idlib_gov = Location("محافظة إدلب", Span(0, 11), "Idlib Governorate", "SY", None, None, 3)
    assert place_key(idlib_gov, "d1") == PlaceKey("SY", COUNTRY, "idlib governorate", None)
    assert place_key(SYRIA, "d1") == PlaceKey("SY", COUNTRY, "syria", None)


def test_place_key_of_an_unresolved_place():
    at = Location("موقع", Span(0, 4), None, "SY", 36.2, 37.16, 1)
    assert place_key(at, "d1").key == "36.20,37.16"
    town = Location("بلدة الكرامة", Span(0, 12), None, "SY")
    assert place_key(town, "d1") == place_key(Location("الكرامة", Span(0, 7), None, "SY"), "d2")
    assert place_key(town, "d1").key.startswith("text:")
    assert place_key(Location("", Span(0, 0), None, "SY"), "d1") == \
        PlaceKey("SY", COUNTRY, "sy", None)
    assert place_key(Location("", Span(0, 0)), "d1").key == "doc:d1"


def test_name_key_drops_clitics_hiding_the_article():
    assert name_key("والمرصد") == name_key("للمرصد") == name_key("المرصد")
    assert name_key("المرصد السوري") == name_key("والمرصد  السوري.")
    assert name_key("المرصد") != name_key("المرصد السوري")


def test_refers_back_on_markers_and_definite_words_only():
    assert refers_back("نفس المسؤول") and refers_back("البيان")
    assert not refers_back("بيان") and not refers_back("مصدر")  # indefinite: a new speaker


def test_source_key_of_the_outlet_voice_and_of_anonymous_sources():
    voice = rec(5, outlet="الجزيرة").claim
    assert source_key(voice, "الجزيرة") == name_key("الجزيرة")
    assert source_key(voice) == "doc:" + voice.doc_id  # outlet unknown: the article
    anon = rec(5, "مصدر طبي", "anonymous", via=("رويترز",)).claim
    assert source_key(anon, "أ") == source_key(anon, "ب")  # carried by its first via
    alone = rec(5, "مصدر طبي", "anonymous").claim
    assert source_key(alone, "أ") != source_key(alone, "ب")


@pytest.mark.parametrize(("value", "interval"), [(100, (90, 110)), (200, (180, 220)),
                                                 (50, (45, 55)), (7, (6, 8))])
def test_hedged_about_is_ten_percent_either_way(value, interval):
    assert hedged(Count(value=value, qualifier="about")) == interval


def test_hedged_at_most_and_point_and_fmt():
    assert hedged(Count(value=30, qualifier="at_most")) == (0, 30)
    assert hedged(Count(value=7, qualifier="about")) == (6, 8)  # floor and ceiling
    assert point(Count(min=10, max=15)) == 12 and point(Count(vague="tens")) == 10
    assert fmt(Count(value=30, qualifier="at_least")) == "at least 30"
    assert fmt(Count(min=10, max=15)) == "10-15" and fmt(Count(vague="tens")) == "tens"


def test_stamp_orders_reports_within_a_day():
    noon = D * MINUTES_A_DAY + MINUTES_A_DAY / 2
    assert stamp("2023-03-05") == noon
    assert stamp("2023-03-05T08:30:00+02:00") == D * MINUTES_A_DAY + 6 * 60 + 30  # in UTC
    assert stamp("2023-03-05T06:30:00") == stamp("2023-03-05T08:30:00+02:00")
    assert stamp("bad") is None and stamp(None) is None and ordinal("2023-13-01") is None
    assert iso(D) == "2023-03-05" and iso(None) is None and iso(0) is None


def _strike(word: str | None, type: str = "strikes") -> Claim:
    claim = rec(3, type=type).claim
    trigger = Mention(word, Span(0, len(word)), "trigger") if word else None
    return dataclasses.replace(claim, trigger=trigger)


def test_strike_unit_by_trigger_word():
    assert strike_unit(_strike("غارات")) == "raids"
    assert strike_unit(_strike("والبراميل")) == "barrels"
    assert strike_unit(_strike("صواريخ")) == strike_unit(_strike("قذيفة")) == "projectiles"
    assert strike_unit(_strike("هجمات")) is None
    assert strike_unit(_strike(None)) is None and strike_unit(_strike("غارات", "killed")) is None


def test_category_and_scope_conflict():
    assert category(rec(3, cat="children").claim) == "children"
    assert category(rec(3, cat="unknown").claim) is None and category(rec(3).claim) is None

    def of(**subject) -> Claim:
        return dataclasses.replace(rec(3).claim, subject=Mention("جنود", Span(0, 4), **subject))
    assert scope_conflict(of(country="SY"), of(country="TR"))
    assert scope_conflict(of(affiliation="army"), of(affiliation="sdf"))
    assert not scope_conflict(of(country="SY"), of(country="SY"))
    assert not scope_conflict(of(country="SY"), of()) and not scope_conflict(of(), rec(3).claim)


def test_a_district_of_a_big_city_is_keyed_by_the_city():
    sadr = Location("مدينة الصدر", Span(0, 11), "Sadr City", "IQ", 33.3889, 44.4583, 1, "Baghdad")
    baghdad = Location("بغداد", Span(0, 5), "Baghdad", "IQ", 33.3406, 44.4009, 1, "Baghdad")
    douma = Location("دوما", Span(0, 4), "Dūmā", "SY", 33.5711, 36.4025, 1, "Rif Dimashq")
    assert place_key(sadr, "a").key == place_key(baghdad, "b").key == "baghdad"
    assert place_key(douma, "c").key == "dūmā"  # another region than Damascus: itself
