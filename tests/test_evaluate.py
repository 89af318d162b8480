"""The scorer (shared/eval/GUIDELINES.md, "Scoring") on hand-made gold and predicted claims."""

import json

import pytest

from rasd.errors import EvalError
from rasd.evaluate import (
    OUTLET,
    Report,
    compatible,
    evaluate,
    forms_match,
    match_form,
    read_gold,
    score_article,
    source_matches,
)
from rasd.model import Claim, Count, Location, Mention, Span

TEXT = "x" * 200


def claim(type_="killed", source=("الشرطة", "government"), location=None, mixed=False,
          **count) -> Claim:
    text, kind = source
    return Claim(doc_id="d", type=type_, count=Count(**(count or {"value": 5})),
                 source=Mention(text, Span(0, 0) if kind == "outlet" else Span(0, len(text)), kind),
                 evidence=Span(10, 20), mixed=mixed,
                 location=Location(location, Span(30, 30 + len(location))) if location else None)


def outlet_claim(**kw) -> Claim:
    return claim(source=("Test Outlet", "outlet"), **kw)


def gold(type_="killed", count=None, source=(OUTLET,), location=(), mixed=False) -> dict:
    g = {"type": type_, "count": count or {"value": 5}, "subject": "", "source": list(source),
         "via": [], "location": list(location), "evidence": ""}
    if mixed:
        g["mixed"] = True
    return g


def score(gold_claims, predicted) -> Report:
    report = Report()
    score_article(report, "d", TEXT, gold_claims, predicted)
    return report


# --- compatible(): type and count rules ------------------------------------------------------

def test_type_must_be_equal():
    assert compatible(claim("killed"), gold("killed"))
    assert not compatible(claim("injured"), gold("killed"))
    assert not compatible(claim("arrested"), gold("abducted"))


def test_mixed_gold_matches_killed_or_injured():
    g = gold("injured", mixed=True)
    assert compatible(claim("killed"), g)
    assert compatible(claim("injured"), g)
    assert compatible(claim("injured", mixed=True), g)
    assert not compatible(claim("arrested"), g)
    assert not compatible(claim("strikes"), g)


def test_unmixed_gold_does_not_widen_type():
    assert not compatible(claim("killed"), gold("injured"))


def test_exact_values_equal_qualifier_ignored():
    assert compatible(claim(value=5), gold(count={"value": 5}))
    assert compatible(claim(value=5, qualifier="about"), gold(count={"value": 5}))
    assert compatible(claim(value=5), gold(count={"value": 5, "qualifier": "at_least"}))
    assert compatible(claim(value=5, qualifier="up_to"),
                      gold(count={"value": 5, "qualifier": "at_least"}))
    assert not compatible(claim(value=6), gold(count={"value": 5}))


def test_ranges_need_both_ends():
    g = gold(count={"min": 40, "max": 50})
    assert compatible(claim(min=40, max=50), g)
    assert not compatible(claim(min=40, max=60), g)
    assert not compatible(claim(min=30, max=50), g)
    assert not compatible(claim(value=40), g)
    assert not compatible(claim(value=50), g)
    assert not compatible(claim(min=40, max=50), gold(count={"value": 40}))


def test_vague_matches_same_word_only():
    g = gold(count={"vague": "tens"})
    assert compatible(claim(vague="tens"), g)
    assert not compatible(claim(vague="hundreds"), g)
    assert not compatible(claim(vague="tens_of_thousands"), g)
    assert not compatible(claim(value=20), g)  # a figure inside the range is not the vague word
    assert not compatible(claim(vague="tens"), gold(count={"value": 20}))


# --- source and location forms ---------------------------------------------------------------

def test_outlet_source():
    assert source_matches(outlet_claim(), [OUTLET])
    assert source_matches(outlet_claim(), ["المرصد السوري", OUTLET])
    assert not source_matches(outlet_claim(), ["المرصد السوري"])
    # a named source never matches __outlet__ (nor the literal marker text)
    assert not source_matches(claim(source=("المرصد", "monitor")), [OUTLET])


@pytest.mark.parametrize("predicted, gold_form", [
    ("المرصد السوري", "المرصد السوري"),
    ("المرصدُ السوريُّ", "المرصد السوري"),             # diacritics
    ("وزارة الصحة", "وزاره الصحه"),                     # ta marbuta
    ("الأمم المتحدة", "الامم المتحدة"),                 # alef with hamza
    ("إسرائيل", "اسرائيل"),
    ("مستشفى الشفاء", "مستشفي الشفاء"),                 # alef maqsura / ya
    ("الشرطة", "شرطة"),                                 # leading ال
    ("والشرطة", "الشرطة"),                              # leading و (+ ال)
    ("بحلب", "حلب"),                                    # leading ب
    ("المرصد", "المرصد السوري لحقوق الإنسان"),         # predicted inside gold
    ("المرصد السوري لحقوق الإنسان", "المرصد السوري"),  # gold inside predicted
    ("«المرصد السوري»", "المرصد السوري"),               # punctuation
])
def test_forms_match(predicted, gold_form):
    assert forms_match(predicted, [gold_form])
    assert source_matches(claim(source=(predicted, "monitor")), ["مصدر أمني", gold_form])


@pytest.mark.parametrize("predicted, gold_form", [
    ("الشرطة", "المرصد السوري"),
    ("مصادر طبية", "مصادر محلية"),
    ("حلب", "حمص"),
])
def test_forms_do_not_match(predicted, gold_form):
    assert not forms_match(predicted, [gold_form])


def test_forms_match_ignores_empty_and_tiny_predictions():
    assert not forms_match("", ["المرصد"])
    assert not forms_match("ب", ["بغداد"])
    assert not forms_match("المرصد", [])


def test_match_form():
    assert match_form("المرصدُ السوريُّ") == match_form("مرصد السوري")
    assert match_form("  وزارة   الصحة ") == match_form("وزاره الصحه")


# --- greedy one-to-one matching --------------------------------------------------------------

def test_two_identical_predictions_one_gold():
    report = score([gold()], [outlet_claim(), outlet_claim()])
    assert (report.total.tp, report.total.fp, report.total.fn) == (1, 1, 0)
    assert len(report.false_hits) == 1 and report.misses == []


def test_one_prediction_two_identical_gold():
    report = score([gold(), gold()], [outlet_claim()])
    assert (report.total.tp, report.total.fp, report.total.fn) == (1, 0, 1)
    assert len(report.misses) == 1


def test_matching_prefers_the_prediction_whose_source_agrees():
    preds = [claim(source=("الشرطة", "government")), claim(source=("المرصد", "monitor"))]
    report = score([gold(source=["المرصد السوري"]), gold(source=["الشرطة"])], preds)
    assert report.total.tp == 2 and report.source_hits == 2
    assert report.wrong_source == []


def test_matching_prefers_the_prediction_whose_location_agrees():
    preds = [outlet_claim(location="حمص"), outlet_claim(location="حلب")]
    report = score([gold(location=["حلب"]), gold(location=["حمص"])], preds)
    assert report.location_hits == 2 and report.location_n == 2


def test_mixed_gold_is_counted_under_its_own_type():
    report = score([gold("injured", mixed=True)], [outlet_claim(type_="killed")])
    assert report.total.tp == 1
    assert report.by_type["injured"].tp == 1 and report.by_type["killed"].fp == 0


def test_unmatched_prediction_counted_under_its_type():
    report = score([gold("killed")], [outlet_claim(type_="arrested")])
    assert report.by_type["killed"].fn == 1 and report.by_type["arrested"].fp == 1


# --- source / location / qualifier accuracy --------------------------------------------------

def test_source_accuracy_over_matched_claims():
    preds = [claim(value=1, source=("الشرطة", "government")),
             claim(value=2, source=("مصادر طبية", "anonymous")),
             claim(value=3, source=("x", "outlet")),
             claim(value=9, source=("الشرطة", "government"))]            # unmatched: not counted
    golds = [gold(count={"value": 1}, source=["شرطة"]),
             gold(count={"value": 2}, source=["مصادر محلية"]),
             gold(count={"value": 3}, source=["الشرطة", OUTLET]),
             gold(count={"value": 4}, source=["الشرطة"])]                # missed: not counted
    summary = score(golds, preds).summary()
    assert summary["matched"] == 3
    assert summary["source_accuracy"] == pytest.approx(round(2 / 3, 4))


def test_location_accuracy_only_over_matched_claims_with_gold_location():
    preds = [outlet_claim(value=1, location="حلب"),
             outlet_claim(value=2, location="ريف حلب الغربي"),
             outlet_claim(value=3),                                        # no location
             outlet_claim(value=4, location="دمشق"),                        # gold has none
             outlet_claim(value=9, location="حمص")]                         # unmatched
    golds = [gold(count={"value": 1}, location=["حلب"]),
             gold(count={"value": 2}, location=["حمص"]),
             gold(count={"value": 3}, location=["إدلب"]),
             gold(count={"value": 4}),
             gold(count={"value": 7}, location=["حلب"])]                   # missed
    report = score(golds, preds)
    assert report.location_n == 3 and report.location_hits == 1
    assert report.summary()["location_accuracy"] == pytest.approx(round(1 / 3, 4))
    assert len(report.wrong_location) == 2


def test_location_accuracy_is_zero_when_no_gold_locations():
    assert score([gold()], [outlet_claim(location="حلب")]).summary()["location_accuracy"] == 0.0


def test_qualifier_accuracy_over_matched_claims():
    preds = [outlet_claim(value=1, qualifier="about"),
             outlet_claim(value=2),
             outlet_claim(value=3, qualifier="at_least"),
             outlet_claim(vague="tens"),
             outlet_claim(value=8, qualifier="about")]                      # unmatched
    golds = [gold(count={"value": 1, "qualifier": "about"}),              # hit
             gold(count={"value": 2, "qualifier": "at_least"}),           # miss
             gold(count={"value": 3}),                                     # miss
             gold(count={"vague": "tens"})]                                # hit (both none)
    summary = score(golds, preds).summary()
    assert summary["matched"] == 4
    assert summary["qualifier_accuracy"] == 0.5


# --- P / R / F1 ------------------------------------------------------------------------------

def test_prf_by_hand():
    # 4 gold, 5 predicted, 3 matched -> P = 3/5, R = 3/4, F1 = 2PR/(P+R) = 2/3
    preds = [outlet_claim(value=1), outlet_claim(value=2), outlet_claim(type_="injured", value=3),
             outlet_claim(value=50), outlet_claim(type_="strikes", value=4)]
    golds = [gold(count={"value": 1}), gold(count={"value": 2}),
             gold("injured", count={"value": 3}), gold(count={"value": 10})]
    summary = score(golds, preds).summary()
    assert (summary["gold"], summary["predicted"], summary["matched"]) == (4, 5, 3)
    assert summary["claim_precision"] == 0.6
    assert summary["claim_recall"] == 0.75
    assert summary["claim_f1"] == pytest.approx(round(2 * 0.6 * 0.75 / 1.35, 4))
    assert summary["claim_f1"] == pytest.approx(0.6667)
    killed = summary["by_type"]["killed"]
    assert (killed["gold"], killed["predicted"]) == (3, 3)
    assert killed["precision"] == pytest.approx(round(2 / 3, 4))
    assert killed["recall"] == pytest.approx(round(2 / 3, 4))
    assert summary["by_type"]["injured"]["f1"] == 1.0
    assert summary["by_type"]["strikes"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0,
                                             "gold": 0, "predicted": 1}


def test_prf_over_several_articles():
    report = Report()
    score_article(report, "a", TEXT, [gold()], [outlet_claim()])
    score_article(report, "b", TEXT, [gold(), gold(count={"value": 2})], [])
    score_article(report, "c", TEXT, [], [outlet_claim(value=3)])
    summary = report.summary()
    assert summary["articles"] == 3
    assert (summary["claim_precision"], summary["claim_recall"]) == (0.5, pytest.approx(0.3333))
    assert summary["claim_f1"] == pytest.approx(0.4)


def test_empty_report():
    summary = Report().summary()
    assert summary["claim_f1"] == 0.0 and summary["source_accuracy"] == 0.0


# --- files -----------------------------------------------------------------------------------

def test_read_gold_errors(tmp_path):
    with pytest.raises(EvalError, match="absent"):
        read_gold(tmp_path / "absent.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "claims": []}\n\n{"id": "b"}\n', encoding="utf-8")
    with pytest.raises(EvalError, match=r"bad\.jsonl:3"):
        read_gold(bad)


def test_evaluate_end_to_end(tmp_path):
    article = {"id": "a1", "title": "", "outlet": "Test",
               "text": "قالت الشرطة إن 12 شخصاً قتلوا في حلب."}
    (tmp_path / "articles.jsonl").write_text(json.dumps(article, ensure_ascii=False) + "\n",
                                             encoding="utf-8")
    golds = [{"id": "a1", "claims": [gold(count={"value": 12}, source=["الشرطة"],
                                          location=["حلب"])]},
             {"id": "absent", "claims": [gold()]}]
    (tmp_path / "gold.jsonl").write_text(
        "".join(json.dumps(g, ensure_ascii=False) + "\n" for g in golds), encoding="utf-8")
    report = evaluate(tmp_path / "gold.jsonl", tmp_path / "articles.jsonl")
    summary = report.summary()
    assert report.missing_articles == ["absent"]
    assert (summary["matched"], summary["gold"]) == (1, 2)
    assert summary["source_accuracy"] == 1.0 and summary["location_accuracy"] == 1.0
