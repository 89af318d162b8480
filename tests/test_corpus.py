"""The corpus workflow end to end on a temporary SQLite store: ingest, re-extract, report,
export — with articles written for these tests."""

import json

import pytest
from click.testing import CliRunner

from rasd.cli import main
from rasd.corpus import export, groups, ingest, reextract
from rasd.store import Store

ARTICLES = [
    {"id": "a1", "outlet": "Outlet A", "published": "2020-10-05",
     "title": "مقتل 20 شخصاً في قصف على سوق في حلب",
     "text": "قال المرصد السوري لحقوق الإنسان إن 20 شخصاً قتلوا أمس الأحد في قصف على سوق في حلب. واعتقلت قوات الأمن 5 أشخاص في المدينة."},
    {"id": "a2", "outlet": "Outlet B", "published": "2020-10-05",
     "title": "مصادر طبية: 35 قتيلاً في حلب",
     "text": "أفادت مصادر طبية بمقتل نحو 35 شخصاً أمس الأحد في قصف استهدف سوقاً في مدينة حلب."},
    {"id": "a3", "outlet": "Outlet C", "published": "2020-10-05",
     "text": "The market in Aleppo was shelled yesterday; at least twenty people died."},
]


@pytest.fixture()
def corpus(tmp_path):
    path = tmp_path / "articles.jsonl"
    lines = [json.dumps(a, ensure_ascii=False) for a in ARTICLES] + ["{not json"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_ingest_is_idempotent_and_marks_other_languages(corpus, tmp_path):
    db = str(tmp_path / "t.db")
    first = ingest([str(corpus)], db)
    assert (first.new, first.not_arabic, len(first.failures)) == (3, 1, 1)
    assert first.claims >= 2
    second = ingest([str(corpus)], db)
    assert (second.new, second.already_stored, second.claims) == (0, 3, 0)
    with Store.open(db) as store:
        counts = store.counts()
        english = store.get_document("a3")
        assert english is not None and english.meta["language"] == "en"
        assert not store.claim_ids("a3")
        assert len(list(store.failures())) == 2  # the bad line, once per run
    assert counts["documents"] == 3 and counts["claims"] == first.claims


def test_reextract_replaces_claims_without_duplicates(corpus, tmp_path):
    db = str(tmp_path / "t.db")
    first = ingest([str(corpus)], db)
    assert reextract(db, everything=True) == 2
    with Store.open(db) as store:
        assert store.counts()["claims"] == first.claims


def test_groups_put_disagreeing_sources_side_by_side(corpus, tmp_path):
    db = str(tmp_path / "t.db")
    ingest([str(corpus)], db)
    found = groups(db, type="killed")
    best = max(found, key=lambda g: len(g.figures))
    assert len(best.figures) == 2 and best.disagree
    assert (best.low, best.high) == (20, 35)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "geojson", "acled", "ucdp"])
def test_export_every_format(corpus, tmp_path, fmt):
    db = str(tmp_path / "t.db")
    ingest([str(corpus)], db)
    out = tmp_path / f"out.{fmt}"
    n = export(db, fmt, out)
    assert out.exists() and n >= 1


def test_cli_ingest_report_export(corpus, tmp_path):
    db = str(tmp_path / "t.db")
    runner = CliRunner()
    result = runner.invoke(main, ["ingest", str(corpus), "--db", db])
    assert result.exit_code == 0, result.output
    assert "3 new documents" in result.output and "1 failures" in result.output
    result = runner.invoke(main, ["report", "--db", db, "--disagree"])
    assert result.exit_code == 0 and "sources disagree" in result.output
    result = runner.invoke(main, ["export", "--db", db, "--format", "csv",
                                  "--output", str(tmp_path / "c.csv")])
    assert result.exit_code == 0 and "rows written" in result.output
    assert "Traceback" not in result.output
