"""The command line: `rasd extract`, `rasd eval`, `rasd demo` (through click's CliRunner, plus a
few real subprocesses for what CliRunner cannot show: a real stdin pipe and the entry point)."""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from rasd.cli import main

ARTICLE = "قالت الشرطة إن 12 شخصاً قتلوا في الهجوم."
CLAIM_FIELDS = {"doc_id", "type", "count", "subject", "source", "via", "location", "time",
                "evidence", "confidence"}
RECORDS = [
    {"id": "art-1", "title": "مقتل 5 مدنيين في حلب",
     "text": "قال المرصد السوري إن 5 مدنيين قتلوا في حلب أمس.",
     "published": "2020-10-05", "outlet": "Test Outlet"},
    {"id": "art-2", "title": "", "text": "أعلنت وزارة الصحة إصابة 30 شخصا في غزة.",
     "published": "2020-10-05", "outlet": "Test Outlet"},
]


def _jsonl(records) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def _invoke(args, **kwargs):
    result = CliRunner().invoke(main, args, **kwargs)
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout, result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def _claims(stdout: str) -> list[dict]:
    claims = [json.loads(line) for line in stdout.splitlines() if line.strip()]
    for claim in claims:
        assert set(claim) >= CLAIM_FIELDS, set(claim)
        assert claim["source"]["kind"] and isinstance(claim["evidence"]["span"], list)
        assert len(claim["count"].keys() & {"value", "min", "vague"}) == 1
    return claims


def _skipped(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("rasd: skipped ")]


# --- extract ---------------------------------------------------------------------------------

def test_extract_text_file(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = _invoke(["extract", str(path)])
    assert result.exit_code == 0
    claims = _claims(result.stdout)
    assert len(claims) == 1
    claim = claims[0]
    assert claim["type"] == "killed" and claim["count"]["value"] == 12
    assert claim["source"]["text"] == "الشرطة"
    start, end = claim["source"]["span"]
    assert ARTICLE[start:end] == "الشرطة"
    assert len(claim["doc_id"]) == 16  # content hash when the input has no id
    assert result.stderr == ""


def test_extract_jsonl_doc_ids(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text(_jsonl(RECORDS), encoding="utf-8")
    result = _invoke(["extract", str(path)])
    assert result.exit_code == 0
    claims = _claims(result.stdout)
    by_doc = {c["doc_id"] for c in claims}
    assert by_doc == {"art-1", "art-2"}
    killed = next(c for c in claims if c["doc_id"] == "art-1" and c["type"] == "killed")
    assert killed["count"]["value"] == 5
    # spans index the title + "\n" + body text
    text = RECORDS[0]["title"] + "\n" + RECORDS[0]["text"]
    start, end = killed["source"]["span"]
    assert text[start:end] == killed["source"]["text"]


def test_extract_stdin_text():
    result = _invoke(["extract"], input=ARTICLE.encode("utf-8"))
    assert result.exit_code == 0
    assert [c["count"]["value"] for c in _claims(result.stdout)] == [12]
    dash = _invoke(["extract", "-"], input=ARTICLE.encode("utf-8"))
    assert dash.stdout == result.stdout


def test_extract_stdin_jsonl_without_peek():
    result = _invoke(["extract"], input=_jsonl(RECORDS).encode("utf-8"))
    assert {c["doc_id"] for c in _claims(result.stdout)} == {"art-1", "art-2"}


def test_extract_stdin_jsonl_real_pipe():
    proc = subprocess.run([sys.executable, "-m", "rasd.cli", "extract"],
                          input=_jsonl(RECORDS).encode("utf-8"), capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    assert b"Traceback" not in proc.stderr
    claims = _claims(proc.stdout.decode("utf-8"))
    assert {c["doc_id"] for c in claims} == {"art-1", "art-2"}


def test_extract_of_a_jsonl_file_imports_no_store_fetcher_warc_or_drawing_library(tmp_path):
    """Start-up: ``rasd extract`` over a JSONL file runs without SQLAlchemy, httpx, warcio,
    charset_normalizer or rich (each imported where its command or input needs it)."""
    path = tmp_path / "one.jsonl"
    path.write_text(_jsonl(RECORDS[:1]), encoding="utf-8")
    heavy = ("sqlalchemy", "httpx", "warcio", "charset_normalizer", "rich")
    script = ("import sys; from rasd.cli import main\n"
              "try:\n    main(['extract', sys.argv[1]])\nexcept SystemExit:\n    pass\n"
              f"print(sorted(m for m in {heavy!r} if m in sys.modules), file=sys.stderr)")
    proc = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True,
                          timeout=120)
    assert _claims(proc.stdout.decode("utf-8"))
    assert proc.stderr.decode().strip().splitlines()[-1] == "[]"


def test_extract_bad_records_are_reported_and_skipped(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps(RECORDS[0], ensure_ascii=False).encode(),                   # 1 good
        b'{"id": "broken", "text": ',                                          # 2 invalid JSON
        json.dumps({"id": "no-text", "title": "عنوان"}).encode(),              # 3 no text
        json.dumps({"id": "empty", "text": ""}).encode(),                      # 4 empty text
        json.dumps({"id": "en", "text": "Police said 12 people were killed."}).encode(),  # 5
        b"\x89PNG\r\x00\x00\x00\rIHDR\x00\xff\xfe\x01\x02",                    # 6 binary garbage
        json.dumps(RECORDS[1], ensure_ascii=False).encode(),                   # 7 good
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    result = _invoke(["extract", str(path)])
    assert result.exit_code == 0
    assert {c["doc_id"] for c in _claims(result.stdout)} == {"art-1", "art-2"}
    skipped = [line.removeprefix("rasd: skipped ").split(": ", 1)
               for line in _skipped(result.stderr)]
    assert [where for where, _ in skipped] == [f"{path}:{n}" for n in (2, 3, 4, 5, 6)]
    reasons = [reason for _, reason in skipped]
    assert "invalid JSON" in reasons[0]
    assert "text" in reasons[1]
    assert "empty" in reasons[2]
    assert "Arabic" in reasons[3]
    assert "binary" in reasons[4]
    assert "2 document(s) processed, 5 skipped" in result.stderr


def test_extract_all_bad_exits_1(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"oops\n{"id": 1}\n', encoding="utf-8")
    result = _invoke(["extract", str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert len(_skipped(result.stderr)) == 2


def test_extract_cp1256_file(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes(ARTICLE.encode("cp1256"))
    result = _invoke(["extract", str(path)])
    assert result.exit_code == 0
    claims = _claims(result.stdout)
    assert [c["count"]["value"] for c in claims] == [12]
    assert claims[0]["source"]["text"] == "الشرطة"


def test_extract_binary_file(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = _invoke(["extract", str(path)])
    assert result.exit_code == 1
    assert _skipped(result.stderr) == [f"rasd: skipped {path}: binary data, not text"]


def test_extract_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = _invoke(["extract", str(path)])
    assert result.exit_code == 1
    assert _skipped(result.stderr) == [f"rasd: skipped {path}: empty text"]


def test_extract_missing_path(tmp_path):
    path = tmp_path / "nope.txt"
    result = _invoke(["extract", str(path)])
    assert result.exit_code == 1
    skipped = _skipped(result.stderr)
    assert len(skipped) == 1 and str(path) in skipped[0]


def test_extract_missing_path_among_good_ones(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    result = _invoke(["extract", str(tmp_path / "nope.txt"), str(good)])
    assert result.exit_code == 0
    assert len(_claims(result.stdout)) == 1
    assert len(_skipped(result.stderr)) == 1


def test_extract_folder(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_text("أعلنت وزارة الصحة إصابة 30 شخصا في غزة.",
                                            encoding="utf-8")
    (tmp_path / "sub" / "c.jsonl").write_text(_jsonl(RECORDS[:1]), encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an input", encoding="utf-8")
    result = _invoke(["extract", str(tmp_path)])
    assert result.exit_code == 0
    claims = _claims(result.stdout)
    assert {(c["type"], c["count"]["value"]) for c in claims} >= {
        ("killed", 12), ("injured", 30), ("killed", 5)}
    assert "art-1" in {c["doc_id"] for c in claims}
    assert result.stderr == ""


def test_entry_point_subprocess(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "rasd.cli", "extract", str(path)],
                          capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stderr == b""
    assert [c["count"]["value"] for c in _claims(proc.stdout.decode("utf-8"))] == [12]


# --- demo ------------------------------------------------------------------------------------

def test_demo(tmp_path):
    db = str(tmp_path / "demo.db")
    result = _invoke(["demo", "--db", db])
    assert result.exit_code == 0
    assert "9 new sample articles stored" in result.stdout
    assert "sources disagree" in result.stdout and "groups;" in result.stdout
    assert any(t in result.stdout for t in ("killed", "injured", "deployed"))
    again = _invoke(["demo", "--db", db])
    assert again.exit_code == 0 and "0 new sample articles stored" in again.stdout


# --- eval ------------------------------------------------------------------------------------

GOLD = [
    {"id": "art-1", "published": "2020-10-05", "claims": [
        {"type": "killed", "count": {"value": 5}, "subject": "مدنيين",
         "source": ["المرصد السوري", "__outlet__"], "via": [], "location": ["حلب"],
         "evidence": "5 مدنيين قتلوا"}]},
    {"id": "art-2", "published": "2020-10-05", "claims": [
        {"type": "injured", "count": {"value": 30}, "subject": "شخصا", "source": ["وزارة الصحة"],
         "via": [], "location": ["غزة"], "evidence": "إصابة 30 شخصا"},
        {"type": "killed", "count": {"value": 7}, "subject": "أشخاص", "source": ["__outlet__"],
         "via": [], "location": [], "evidence": "7 أشخاص"}]},
]
SUMMARY_KEYS = {"claim_precision", "claim_recall", "claim_f1", "source_accuracy",
                "location_accuracy", "qualifier_accuracy", "by_type"}


@pytest.fixture
def eval_files(tmp_path):
    gold, articles = tmp_path / "gold.jsonl", tmp_path / "articles.jsonl"
    gold.write_text(_jsonl(GOLD), encoding="utf-8")
    articles.write_text(_jsonl(RECORDS + [{"id": "other", "text": "نص لا يخص التقييم."}]),
                        encoding="utf-8")
    return gold, articles


def test_eval_table(eval_files):
    gold, articles = eval_files
    result = _invoke(["eval", str(gold), "--articles", str(articles)])
    assert result.exit_code == 0
    for key in ("claim_precision", "claim_recall", "claim_f1", "source_accuracy",
                "location_accuracy", "qualifier_accuracy"):
        assert key in result.stdout
    assert "misses" in result.stdout  # the unfindable "7 killed" gold claim


def test_eval_json(eval_files):
    gold, articles = eval_files
    result = _invoke(["eval", str(gold), "--articles", str(articles), "--json"])
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert set(report) >= SUMMARY_KEYS
    assert report["articles"] == 2 and report["gold"] == 3
    assert report["missing_articles"] == []
    assert report["claim_recall"] == pytest.approx(2 / 3, abs=1e-4)  # 7 killed is not in the text
    assert report["source_accuracy"] == 1.0
    assert set(report["by_type"]) >= {"killed", "injured"}
    assert report["by_type"]["killed"]["gold"] == 2
    assert [m["count"] for m in report["misses"]] == [{"value": 7}]


def test_eval_several_gold_files(tmp_path, eval_files):
    gold, articles = eval_files
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text(_jsonl(GOLD[:1]), encoding="utf-8")
    second.write_text(_jsonl(GOLD[1:]), encoding="utf-8")
    result = _invoke(["eval", str(first), str(second), "--articles", str(articles)])
    assert result.exit_code == 0
    assert "first.jsonl: 1 articles, 1 gold claims" in result.stdout
    assert "second.jsonl: 1 articles, 2 gold claims" in result.stdout
    assert "total: 2 articles, 3 gold claims" in result.stdout
    report = json.loads(_invoke(["eval", str(first), str(second), "--articles", str(articles),
                                 "--json"]).stdout)
    alone = json.loads(_invoke(["eval", str(gold), "--articles", str(articles), "--json"]).stdout)
    assert {k: report[k] for k in SUMMARY_KEYS} == {k: alone[k] for k in SUMMARY_KEYS}
    assert [f["gold"] for f in report["files"].values()] == [1, 2]
    assert "files" not in alone


def test_eval_missing_gold(tmp_path, eval_files):
    _, articles = eval_files
    result = _invoke(["eval", str(tmp_path / "absent.jsonl"), "--articles", str(articles)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("rasd: error: ") and "absent.jsonl" in lines[0]


def test_eval_missing_articles(tmp_path, eval_files):
    gold, _ = eval_files
    result = _invoke(["eval", str(gold), "--articles", str(tmp_path / "absent.jsonl")])
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1


def test_eval_malformed_gold(tmp_path, eval_files):
    _, articles = eval_files
    gold = tmp_path / "bad_gold.jsonl"
    gold.write_text('{"id": "art-1"}\n', encoding="utf-8")
    result = _invoke(["eval", str(gold), "--articles", str(articles)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and f"{gold}:1" in lines[0]


def test_eval_malformed_articles_file(tmp_path, eval_files):
    gold, _ = eval_files
    articles = tmp_path / "bad_articles.jsonl"
    articles.write_text('{"id": "art-1", "text": \n', encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(gold), "--articles", str(articles)])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("claim", [
    {"type": "killed", "count": {}, "source": [], "location": []},
    {"type": "killed", "count": {"value": 5}},
])
def test_eval_malformed_gold_claim(tmp_path, eval_files, claim):
    _, articles = eval_files
    gold = tmp_path / "bad_claim.jsonl"
    gold.write_text(json.dumps({"id": "art-1", "claims": [claim]}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(gold), "--articles", str(articles)])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)


# --- help ------------------------------------------------------------------------------------

@pytest.mark.parametrize("args", [["--help"], ["extract", "--help"], ["eval", "--help"],
                                  ["demo", "--help"], ["-h"]])
def test_help(args):
    result = _invoke(args)
    assert result.exit_code == 0
    assert "Usage:" in result.stdout


def test_eval_repeated_gold_id_is_an_error(tmp_path):
    gold = tmp_path / "gold.jsonl"
    rec = '{"id": "a1", "published": null, "claims": []}\n'
    gold.write_text(rec + rec, encoding="utf-8")
    articles = tmp_path / "articles.jsonl"
    articles.write_text('{"id": "a1", "text": "قتل 5 أشخاص."}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(gold), "--articles", str(articles)])
    assert result.exit_code == 1
    assert "repeated" in result.output and "Traceback" not in result.output


def test_extract_reports_a_skipped_sentence_on_stderr(monkeypatch):
    from rasd.extractor import drafting

    monkeypatch.setattr(drafting, "MAX_SENTENCE_FIGURES", 3)
    text = "قتل 5 أشخاص في حلب. وقتل 1 و2 و3 و4 أشخاص. أصيب 9 أشخاص."
    result = _invoke(["extract", "-"], input=_jsonl([{"id": "big", "text": text}]))
    assert result.exit_code == 0
    assert sorted(c["count"]["value"] for c in _claims(result.stdout)) == [5, 9]
    assert "rasd: warning: big: sentence 2 " in result.stderr
    assert "4 figures (limit 3)" in result.stderr


def test_eval_lists_rejected_figures(tmp_path):
    articles = tmp_path / "articles.jsonl"
    gold = tmp_path / "gold.jsonl"
    articles.write_text(_jsonl([{"id": "r1", "text": "قال التقرير إن حوالي 12 مليون سوري فقدوا."}]),
                        encoding="utf-8")
    gold.write_text(_jsonl([{"id": "r1", "claims": []}]), encoding="utf-8")
    report = json.loads(_invoke(["eval", str(gold), "--articles", str(articles), "--json"]).stdout)
    assert [r["count"] for r in report["rejected"]] == [{"value": 12000000, "qualifier": "about"}]
    assert "why" in report["rejected"][0]
    table = _invoke(["eval", str(gold), "--articles", str(articles)]).stdout
    assert "rejected as implausible" in table


# --- the article's own voice without an outlet -----------------------------------------------

OWN_VOICE = "قتل 7 أشخاص في قصف على مدينة حلب أمس."


def _own_voice(claims: list[dict]) -> dict:
    own = [c for c in claims if c["source"]["kind"] == "outlet"]
    assert own, claims
    return own[0]


def test_own_voice_without_outlet_has_empty_source_text(tmp_path):
    """No placeholder reaches the output: plain text, stdin and JSONL without an outlet."""
    path = tmp_path / "article.txt"
    path.write_text(OWN_VOICE, encoding="utf-8")
    record = {"id": "x", "text": OWN_VOICE, "published": "2020-10-05"}
    for result in (_invoke(["extract", str(path)]),
                   _invoke(["extract"], input=OWN_VOICE.encode("utf-8")),
                   _invoke(["extract"], input=_jsonl([record]).encode("utf-8"))):
        assert "__" not in result.stdout
        assert _own_voice(_claims(result.stdout))["source"]["text"] == ""


def test_own_voice_with_outlet_is_the_outlet_name():
    record = {"id": "x", "text": OWN_VOICE, "published": "2020-10-05", "outlet": "Test Outlet"}
    result = _invoke(["extract"], input=_jsonl([record]).encode("utf-8"))
    assert _own_voice(_claims(result.stdout))["source"]["text"] == "Test Outlet"


def test_report_names_an_unnamed_outlet_in_words(tmp_path):
    db = str(tmp_path / "r.db")
    path = tmp_path / "article.txt"
    path.write_text(OWN_VOICE, encoding="utf-8")
    assert _invoke(["ingest", str(path), "--db", db]).exit_code == 0
    result = _invoke(["report", "--db", db])
    assert "__" not in result.stdout and "the article itself" in result.stdout
