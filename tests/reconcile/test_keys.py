"""Comparable keys of a claim (rasd.reconcile.keys): hedges, source identity, places, periods,
strike units, name keys, and the data files they read."""

from __future__ import annotations

import dataclasses

import pytest
from reconcile_kit import SYRIA, one, q, rec

from rasd.model import Count, Location, Mention, Span
from rasd.reconcile import ClaimRecord, hedged, reconcile, source_key
from rasd.reconcile.keys import refers_back


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

