"""Scoring reconciliation on gold claim pairs (shared/eval/RECONCILE.md)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from rasd.cli import main
from rasd.evaluate_pairs import is_pair, match_claim, predicted_by_doc, score_pairs

TEXTS = {"d1": "قتل 39 شخصا بينهم 12 طفلا في سرمدا.", "d2": "قتل 40 شخصا في سرمدا.",
         "d3": "قتل 7 أشخاص في حلب."}


def claim(doc, value, start, end, type="killed"):
    return {"claim_id": f"{doc}-{value}", "doc_id": doc, "type": type,
            "count": {"value": value, "qualifier": None}, "evidence": {"span": [start, end]}}


GROUPS = [
    {"id": "g1", "disagree": True, "claims": [claim("d1", 39, 0, 12), claim("d2", 40, 0, 12)]},
    {"id": "g2", "disagree": False, "claims": [claim("d1", 12, 13, 24)]},
    {"id": "g3", "disagree": False, "claims": [claim("d3", 7, 0, 12)]},
]


def pair(a, b, relation, figures=None):
    return {"id": f"p-{a[0]}-{b[0]}", "relation": relation, "figures": figures,
            "a": {"doc_id": a[0], "type": "killed", "count": {"value": a[1]}, "evidence": a[2]},
            "b": {"doc_id": b[0], "type": "killed", "count": {"value": b[1]}, "evidence": b[2]}}


def test_scores_grouping_disputes_and_subsets():
    pairs = [
        pair(("d1", 39, "قتل 39 شخصا"), ("d2", 40, "قتل 40 شخصا"), "same", "dispute"),
        pair(("d1", 39, "قتل 39 شخصا"), ("d1", 12, "بينهم 12 طفلا"), "subset"),
        pair(("d1", 39, "قتل 39 شخصا"), ("d3", 7, "قتل 7 أشخاص"), "different"),
        pair(("d2", 40, "قتل 40 شخصا"), ("d3", 9, "قتل 9"), "same", "agree"),  # 9 not extracted
        pair(("d2", 40, "x"), ("d3", 7, "y"), "invalid"),
    ]
    r = score_pairs(pairs, GROUPS, TEXTS)
    s = r.summary()
    assert (s["pairs"], s["invalid"], s["unresolved"], s["resolved"]) == (5, 1, 1, 3)
    assert r.unresolved[0]["missing"] == ["b"]
    assert r.unresolved[0]["why"] == {"b": 'other counts extracted: {"value": 7, "qualifier": null}'}
    assert (s["grouped"], s["grouping_precision"], s["grouping_recall"]) == (1, 1.0, 1.0)
    assert (s["contradicted"], s["dispute_precision"], s["dispute_recall"]) == (1, 1.0, 1.0)
    assert (s["subsets_grouped"], s["subsets_contradicted"]) == (0, 0)
    assert r.wrong == []


def test_wrong_pairs_carry_both_sentences():
    merged = [{"id": "g", "disagree": True,
               "claims": [claim("d1", 39, 0, 12), claim("d3", 7, 0, 12)]}]
    r = score_pairs([pair(("d1", 39, "قتل 39 شخصا"), ("d3", 7, "قتل 7 أشخاص"), "different")],
                    merged, TEXTS)
    assert r.summary()["grouping_precision"] == 0.0
    wrong = r.wrong[0]
    assert wrong["error"] == "false dispute (different)"
    assert wrong["a"]["sentence"] == TEXTS["d1"] and wrong["b"]["sentence"] == TEXTS["d3"]


def test_match_prefers_the_claim_whose_evidence_overlaps_the_gold():
    text = "قتل 5 أشخاص في حلب. وقتل 5 أشخاص في إدلب."
    preds = predicted_by_doc([{"id": "a", "disagree": False, "claims": [claim("d", 5, 0, 11)]},
                              {"id": "b", "disagree": False, "claims": [claim("d", 5, 20, 32)]}])
    gold = {"doc_id": "d", "type": "killed", "count": {"value": 5}, "evidence": "وقتل 5 أشخاص"}
    assert match_claim(gold, text, preds["d"]).group == "b"
    assert match_claim({**gold, "count": {"value": 6}}, text, preds["d"]) is None


def test_pair_files_are_told_from_claim_files():
    assert is_pair({"a": {}, "b": {}, "relation": "same"})
    assert not is_pair({"id": "x", "claims": []}) and not is_pair(None)


def test_cli_ingests_the_articles_and_scores_the_pairs(tmp_path):
    articles = tmp_path / "articles.jsonl"
    rows = [{"id": "n1", "published": "2023-03-05", "outlet": "A",
             "text": "قال المرصد السوري إن 20 شخصا قتلوا أمس في قصف على سوق في حلب."},
            {"id": "n2", "published": "2023-03-05", "outlet": "B",
             "text": "أفادت مصادر طبية بمقتل 35 شخصا أمس في قصف على سوق في مدينة حلب."}]
    articles.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                        encoding="utf-8")
    pairs = tmp_path / "pairs.jsonl"
    gold = pair(("n1", 20, "20 شخصا قتلوا"), ("n2", 35, "بمقتل 35 شخصا"), "same", "dispute")
    pairs.write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(pairs), "--articles", str(articles)])
    assert result.exit_code == 0, result.output
    assert "1 pairs, 0 invalid, 0 unresolved" in result.output
    assert "grouping_recall      1.0000" in result.output
    assert "dispute_recall       1.0000" in result.output
    out = CliRunner().invoke(main, ["eval", str(pairs), "--articles", str(articles), "--json"])
    assert json.loads(out.output)["dispute_precision"] == 1.0
    missing = CliRunner().invoke(main, ["eval", str(pairs)])
    assert missing.exit_code != 0 and "--articles" in missing.output


def test_cli_names_a_missing_gold_file(tmp_path):
    result = CliRunner().invoke(main, ["eval", str(tmp_path / "nope.jsonl")])
    assert result.exit_code != 0 and "nope.jsonl: no such file" in result.output
