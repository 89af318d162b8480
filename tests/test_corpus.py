"""The corpus workflow end to end on a temporary SQLite store: ingest, re-extract, report,
export — with articles written for these tests."""

import json

import pytest
from click.testing import CliRunner

from rasd.cli import main
from rasd.corpus import export, groups, ingest, reextract
from rasd.store import Store, StoreError

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


# --- a batch that cannot die, counts from what the store inserted, run statuses ---------------

def _jsonl(path, records, raw_lines=()):
    lines = [json.dumps(r, ensure_ascii=False) for r in records] + list(raw_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_hostile_lines_are_failures_and_the_rest_is_stored(tmp_path):
    hostile = ['{"id": "deep", "text": "x", "x": ' + "[" * 50_000 + "]" * 50_000 + "}",
               json.dumps({**ARTICLES[0], "id": "list", "outlet": ["a"]}),
               '{"id": "sur", "outlet": "\\ud800", "text": "' + ARTICLES[1]["text"] + '\\udfff"}']
    path = _jsonl(tmp_path / "h.jsonl", [ARTICLES[0]], hostile)
    db = str(tmp_path / "t.db")
    summary = ingest([str(path)], db)
    assert (summary.read, summary.new, len(summary.failures)) == (4, 2, 2)
    reasons = sorted(f.reason for f in summary.failures)
    assert reasons[0].startswith("JSON nested deeper than") and "'outlet'" in reasons[1]
    with Store.open(db) as store:
        assert {d.id for d in store.documents()} == {"a1", "sur"}
        assert store.get_document("sur").outlet == "\ufffd"
        assert store.counts()["claims"] == summary.claims
        assert [r.status for r in store.runs()] == ["finished"]


def test_an_extraction_error_is_that_document_s_failure(tmp_path, monkeypatch):
    import rasd.jobs

    real = rasd.jobs.run

    def flaky(doc):
        if doc.id == "a2":
            raise IndexError("string index out of range")
        return real(doc)

    monkeypatch.setattr(rasd.jobs, "run", flaky)
    db = str(tmp_path / "t.db")
    summary = ingest([str(_jsonl(tmp_path / "a.jsonl", ARTICLES))], db)
    (failure,) = summary.failures
    assert failure.source.endswith("a.jsonl:2") and failure.code == "extract_error"
    assert failure.reason == "extraction failed (IndexError: string index out of range)"
    assert summary.new == 2  # a1 and the English a3
    with Store.open(db) as store:
        assert store.counts()["documents"] == 2 and not store.has_document("a2")
        assert [f.source for f in store.failures()] == [failure.source]


def test_a_document_the_store_refuses_does_not_sink_its_batch(tmp_path, monkeypatch):
    from rasd.store import rows

    claim_row = rows.claim_row

    def too_big(claim, **kw):  # what SQLite says of a count over 2**63 - 1
        if claim.doc_id == "a2":
            raise OverflowError("Python int too large to convert to SQLite INTEGER")
        return claim_row(claim, **kw)

    monkeypatch.setattr(rows, "claim_row", too_big)
    db = str(tmp_path / "t.db")
    summary = ingest([str(_jsonl(tmp_path / "a.jsonl", ARTICLES))], db)
    (failure,) = summary.failures
    assert failure.code == "store_error" and failure.source.endswith("a.jsonl:2")
    assert "OverflowError: Python int too large" in failure.reason
    with Store.open(db) as store:
        assert {d.id for d in store.documents()} == {"a1", "a3"}
        assert store.counts()["claims"] == summary.claims > 0


def test_counts_come_from_what_the_store_inserted(tmp_path, monkeypatch):
    """The second ingest sees the documents as new (as a concurrent one would: the check
    raced) but the store inserts nothing: it reports nothing new."""
    db = str(tmp_path / "t.db")
    path = _jsonl(tmp_path / "a.jsonl", ARTICLES)
    first = ingest([str(path)], db)
    monkeypatch.setattr(Store, "stored", lambda self, docs: [False] * len(docs))
    second = ingest([str(path)], db)
    assert (second.new, second.claims, second.already_stored) == (0, 0, 3)
    with Store.open(db) as store:
        counts = store.counts()
    assert (counts["documents"], counts["claims"]) == (first.new, first.claims)


def test_two_concurrent_ingests_report_what_is_stored(tmp_path, monkeypatch):
    """Both extract the whole file before either saves (a barrier at the first save), then
    race to insert: their reports add up to what the store holds."""
    import threading

    records = [{**a, "id": f"{a['id']}-{n}"} | {"text": a["text"] + f" ({n})"}
               for n in range(6) for a in ARTICLES[:2]]
    path = _jsonl(tmp_path / "many.jsonl", records)
    db = str(tmp_path / "t.db")
    Store.open(db).close()
    barrier = threading.Barrier(2, timeout=60)
    save_batch = Store.save_batch

    def meet_then_save(self, pairs, run_id=None, **kw):
        if not getattr(self, "_met", False):
            self._met = True
            barrier.wait()
        return save_batch(self, pairs, run_id, **kw)

    monkeypatch.setattr(Store, "save_batch", meet_then_save)
    summaries = [None, None]

    def run(i):
        summaries[i] = ingest([str(path)], db)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    a, b = summaries
    with Store.open(db) as store:
        counts = store.counts()
    assert a.new + b.new == counts["documents"] == len(records)
    assert a.claims + b.claims == counts["claims"] > 0
    assert a.already_stored + b.already_stored == len(records)


def test_a_run_stopped_by_an_error_is_marked_failed(tmp_path, monkeypatch):
    import rasd.corpus

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(rasd.corpus, "read_inputs", broken)
    db = str(tmp_path / "t.db")
    with pytest.raises(RuntimeError):
        ingest(["x"], db)
    with Store.open(db) as store:
        assert [r.status for r in store.runs()] == ["failed"]


def test_a_killed_ingest_is_marked_interrupted_by_the_next(tmp_path):
    """``rasd ingest`` killed with SIGKILL in the middle: its run stays "running" until the
    next run starts, which marks it "interrupted" and stores the rest."""
    import os
    import signal
    import subprocess
    import sys
    import time

    if not hasattr(signal, "SIGKILL"):
        pytest.skip("needs SIGKILL (POSIX)")
    records = [{**ARTICLES[n % 2], "id": f"k{n}", "text": ARTICLES[n % 2]["text"] + f" ({n})"}
               for n in range(400)]
    path = _jsonl(tmp_path / "many.jsonl", records)
    db = str(tmp_path / "t.db")
    child = subprocess.Popen([sys.executable, "-c", "from rasd.cli import main; main()",
                              "ingest", str(path), "--db", db],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:  # until its first batch is stored
            try:
                with Store.open(db, readonly=True) as store:
                    if store.counts()["documents"] >= 100:
                        break
            except StoreError:  # not created yet
                pass
            time.sleep(0.05)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(30)
    assert child.returncode == -signal.SIGKILL
    with Store.open(db, readonly=True) as store:
        stored = store.counts()["documents"]
        assert [r.status for r in store.runs()] == ["running"]
    assert 100 <= stored < 400
    summary = ingest([str(path)], db)
    assert (summary.new, summary.already_stored) == (400 - stored, stored)
    with Store.open(db) as store:
        runs = store.runs()
        assert [r.status for r in runs] == ["interrupted", "finished"]
        assert runs[0].finished_at is not None
        assert store.counts()["documents"] == 400


def test_reextract_records_a_failing_document_and_goes_on(corpus, tmp_path, monkeypatch):
    import rasd.corpus

    db = str(tmp_path / "t.db")
    first = ingest([str(corpus)], db)
    real = rasd.jobs.run

    def flaky(doc):
        if doc.id == "a1":
            raise ValueError("could not convert string to float")
        return real(doc)

    monkeypatch.setattr(rasd.jobs, "run", flaky)
    assert reextract(db, everything=True) == 1
    with Store.open(db) as store:
        runs = store.runs()
        assert (runs[-1].status, runs[-1].failures) == ("finished", 1)
        (failure,) = store.failures(runs[-1].id)
        assert failure.source == "a1" and "could not convert" in failure.reason
        assert store.counts()["claims"] == first.claims  # a1 kept its claims


# --- a strict CLI: filters checked as the API checks them ------------------------------------

@pytest.fixture()
def ingested(corpus, tmp_path):
    db = str(tmp_path / "t.db")
    halabja = {"id": "h1", "outlet": "Outlet D", "published": "2020-10-06",
               "text": "قالت الشرطة إن 3 أشخاص قتلوا أمس في انفجار في مدينة حلبجة."}
    more = _jsonl(tmp_path / "more.jsonl", [halabja])
    assert ingest([str(corpus), str(more)], db).new == 4
    return db


@pytest.mark.parametrize("command", ["report", "export"])
@pytest.mark.parametrize("option, value, reason", [
    ("--type", "kiled", "unknown event type 'kiled' (did you mean 'killed'?)"),
    ("--country", "Syra", "unknown country 'Syra' (did you mean Syria, SY?)"),
    ("--since", "2018-13-45", "since '2018-13-45' is not a real date"),
    ("--until", "0", "until '0' is not a real date"),
    ("--period", "weak", "unknown period 'weak' (did you mean 'week'?)"),
    ("--min-sources", "0", "min_sources 0 is less than 1"),
])
def test_a_bad_filter_is_a_one_line_error_and_exit_2(ingested, tmp_path, command, option,
                                                     value, reason):
    args = [command, "--db", ingested, option, value]
    if command == "export":
        args += ["--format", "csv", "--output", str(tmp_path / "x.csv")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.output
    code = "invalid_filter" if option == "--country" else "invalid_request"
    assert result.stderr.startswith(f"rasd: error: {code}: {reason}")
    assert not (tmp_path / "x.csv").exists()


def test_since_after_until_is_refused(ingested):
    result = CliRunner().invoke(main, ["report", "--db", ingested, "--since", "2020-10-06",
                                       "--until", "2020-10-01"])
    assert result.exit_code == 2 and "since 2020-10-06 is after until 2020-10-01" in result.stderr


@pytest.mark.parametrize("country", ["sy", "SY", "Syria", "سوريا"])
def test_a_country_by_code_any_case_or_name_finds_the_same_groups(ingested, country):
    result = CliRunner().invoke(main, ["report", "--db", ingested, "--country", country,
                                       "--format", "json"])
    assert result.exit_code == 0, result.output
    found = [json.loads(line) for line in result.stdout.splitlines()]
    assert found and {g["place"]["country"] for g in found} == {"SY"}


@pytest.mark.parametrize("command", [["report"], ["export", "--format", "jsonl", "--output", "-"]])
def test_a_missing_database_is_an_error_not_an_empty_one(tmp_path, command):
    db = tmp_path / "nope.db"
    result = CliRunner().invoke(main, [*command, "--db", str(db)])
    assert result.exit_code == 1 and "no database here" in result.stderr
    assert not db.exists()


def test_places_match_whole_names(ingested):
    def places(place):
        result = CliRunner().invoke(main, ["report", "--db", ingested, "--place", place,
                                           "--format", "json"])
        assert result.exit_code == 0, result.output
        return {json.loads(line)["place"]["name"] for line in result.stdout.splitlines()}

    assert places("حلب") == places("Aleppo") == {"Aleppo"}  # not Halabja
    assert places("حلبجة") == {"Halabja"}


def test_report_formats(ingested):
    table = CliRunner().invoke(main, ["report", "--db", ingested])
    assert "None" not in table.stdout and "groups;" in table.stdout
    csv_out = CliRunner().invoke(main, ["report", "--db", ingested, "--format", "csv"])
    lines = csv_out.stdout.lstrip("\ufeff").splitlines()
    assert lines[0].startswith("group_id,type") and len(lines) >= 3
    json_out = CliRunner().invoke(main, ["report", "--db", ingested, "--format", "json"])
    groups_ = [json.loads(line) for line in json_out.stdout.splitlines()]
    assert len(groups_) == len(lines) - 1 and groups_[0]["disagree"]  # disputes first


def test_export_to_standard_output_and_with_group_filters(ingested, tmp_path):
    result = CliRunner().invoke(main, ["export", "--db", ingested, "--format", "jsonl",
                                       "--output", "-"])
    assert result.exit_code == 0 and not (tmp_path / "-").exists()
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) >= 4 and "rows written to standard output" in result.stderr
    result = CliRunner().invoke(main, ["export", "--db", ingested, "--format", "jsonl",
                                       "--output", "-", "--disagree", "--place", "حلب"])
    kept = [json.loads(line) for line in result.stdout.splitlines()]
    assert kept and len(kept) < len(rows)
    assert {r["location"]["name"] for r in kept} == {"Aleppo"}
    result = CliRunner().invoke(main, ["export", "--db", ingested, "--format", "csv",
                                       "--output", "-", "--min-sources", "9"])
    assert result.stdout.lstrip("\ufeff").splitlines()[1:] == []
