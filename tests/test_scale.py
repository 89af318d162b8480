"""The Dask engine: partitions, the same claims as one process, a failing partition recorded."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("distributed")

from distributed import LocalCluster  # noqa: E402

from rasd import scale  # noqa: E402
from rasd.corpus import ingest  # noqa: E402
from rasd.ingest.readers import read_inputs  # noqa: E402
from rasd.jobs import claim_lines  # noqa: E402
from rasd.store import Store  # noqa: E402

SENTENCES = ["قالت الشرطة إن {n} شخصاً قتلوا في الهجوم على حلب أمس.",
             "أصيب {n} شخصاً بجروح في انفجار في دمشق، بحسب المرصد.",
             "اعتقلت قوات الأمن {n} أشخاص في مدينة عدن."]


def _records(n: int, prefix: str = "r") -> list[str]:
    return [json.dumps({"id": f"{prefix}{i}", "published": "2020-10-05", "outlet": "Test",
                        "text": SENTENCES[i % 3].format(n=i + 3)}, ensure_ascii=False)
            for i in range(n)]


def _jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _local_lines(path: Path) -> tuple[list[str], list[str]]:
    """Claim lines and failures of the single-process path."""
    lines, failures = [], []
    for result in map(claim_lines, read_inputs([str(path)], raw=True)):
        if hasattr(result, "lines"):
            lines.append(result.lines)
        else:
            failures.append(str(result))
    return lines, failures


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=logging.CRITICAL) as c:
        yield c.scheduler_address


def test_line_starts_cut_at_line_starts_with_their_numbers(tmp_path):
    path = _jsonl(tmp_path / "a.jsonl", _records(50))
    data = path.read_bytes()
    starts = scale.line_starts(str(path), 7)
    assert starts[0] == (0, 1) and len(starts) == 7
    for offset, line in starts:
        assert offset == 0 or data[offset - 1:offset] == b"\n"
        assert data[:offset].count(b"\n") + 1 == line


def test_plan_covers_each_file_exactly_once(tmp_path):
    a = _jsonl(tmp_path / "a.jsonl", _records(40))
    b = _jsonl(tmp_path / "b.jsonl", _records(10, "b"))
    (tmp_path / "c.txt").write_text(SENTENCES[0].format(n=4), encoding="utf-8")
    parts = scale.plan([str(tmp_path)], 5, workers=2)
    for path in (a, b):
        ranges = [(p.start, p.end) for p in parts if p.path == str(path)]
        assert ranges[0][0] == 0 and ranges[-1][1] == path.stat().st_size
        assert all(x[1] == y[0] for x, y in zip(ranges, ranges[1:]))
    assert [p.inputs for p in parts if p.path is None] == [(str(tmp_path / "c.txt"),)]
    assert [p.index for p in parts] == list(range(len(parts)))


def test_stdin_cannot_be_partitioned():
    with pytest.raises(scale.EngineError, match="standard input"):
        scale.plan(["-"], None, 2)


def test_dask_extract_gives_exactly_the_claims_of_one_process(tmp_path, cluster):
    path = _jsonl(tmp_path / "a.jsonl", _records(30) + ['{"id": "bad", "text": 5}']
                  + _records(9, "s"))
    results = list(scale.extract([str(path)], scheduler=cluster, partitions=6))
    assert [r.index for r in results] == list(range(6))
    lines, failures = _local_lines(path)
    assert [line for r in results for line in r.lines] == lines
    assert [str(f) for r in results for f in r.failures] == failures
    assert failures == [f"{path}:31: record has no 'text' string"]
    assert sum(r.claims for r in results) == sum(x.count("\n") for x in lines) >= 39


def test_dask_extract_writes_parquet_shards(tmp_path, cluster):
    import pyarrow.parquet as pq

    path = _jsonl(tmp_path / "a.jsonl", _records(12))
    results = list(scale.extract([str(path)], scheduler=cluster, partitions=3,
                                 output=str(tmp_path / "out")))
    shards = sorted((tmp_path / "out").glob("part-*.parquet"))
    assert [s.name for s in shards] == [f"part-{i:05d}.parquet" for i in range(3)]
    rows = [r for s in shards for r in pq.read_table(s).to_pylist()]
    lines, _ = _local_lines(path)
    local = [json.loads(x) for chunk in lines for x in chunk.splitlines()]
    assert [(r["doc_id"], r["type"], r["count_value"]) for r in rows] == \
        [(c["doc_id"], c["type"], c["count"]["value"]) for c in local]
    assert all(r.lines == [] for r in results)


def test_a_partition_that_raises_is_recorded_and_the_rest_complete(tmp_path, cluster):
    good = _jsonl(tmp_path / "a.jsonl", _records(10))
    gone = _jsonl(tmp_path / "b.jsonl", _records(10, "b"))
    parts = scale.plan([str(good), str(gone)], 4, workers=2)
    gone.unlink()  # its partitions now raise FileNotFoundError in the worker
    with scale._Cluster(cluster, 2) as client:
        results = list(scale.run_partitions(client, parts, scale.extract_partition))
    failed = [r for r in results if any(f.code == "partition_error" for f in r.failures)]
    assert {r.index for r in failed} == {p.index for p in parts if p.path == str(gone)} != set()
    (failure,) = failed[0].failures
    assert str(gone) in failure.source and "FileNotFoundError" in failure.reason
    assert "after 2 tries" in failure.reason
    lines, _ = _local_lines(good)
    assert [x for r in results for x in r.lines] == lines


def test_dask_ingest_stores_what_one_process_stores_and_records_a_lost_partition(
        tmp_path, cluster, monkeypatch):
    path = _jsonl(tmp_path / "a.jsonl", _records(20) + ['not json'])
    local_db, dask_db = str(tmp_path / "l.db"), str(tmp_path / "d.db")
    local = ingest([str(path)], local_db)
    first = scale.ingest([str(path)], dask_db, scheduler=cluster, partitions=4)
    again = scale.ingest([str(path)], dask_db, scheduler=cluster, partitions=4)
    assert (first.read, first.new, first.claims, len(first.failures)) == \
        (local.read, local.new, local.claims, len(local.failures)) == (21, 20, first.claims, 1)
    assert (again.new, again.already_stored, again.claims) == (0, 20, 0)
    with Store.open(local_db) as a, Store.open(dask_db) as b:
        assert [c.to_json() for c in a.claims()] == [c.to_json() for c in b.claims()]
        assert [f.source for f in b.failures()] == [f"{path}:21"] * 2
    real = scale.plan

    def with_a_lost_file(inputs, partitions, workers):
        parts = real(inputs, partitions, workers)
        return parts + [scale.Partition(len(parts), str(tmp_path / "gone.jsonl"), 0, 10)]

    monkeypatch.setattr(scale, "plan", with_a_lost_file)
    lost = scale.ingest([str(path)], dask_db, scheduler=cluster, partitions=2)
    assert lost.already_stored == 20 and [f.code for f in lost.failures][-1] == "partition_error"
    with Store.open(dask_db) as b:
        assert b.runs()[-1].status == "finished"
        assert "gone.jsonl bytes 0-10" in list(b.failures(b.runs()[-1].id))[-1].source


def test_cli_dask_extract_on_its_own_local_cluster_matches_workers_1(tmp_path):
    path = _jsonl(tmp_path / "a.jsonl", _records(12))
    rasd = [sys.executable, "-m", "rasd.cli"]
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    dask = subprocess.run(rasd + ["extract", str(path), "--engine", "dask", "--workers", "2"],
                          capture_output=True, text=True, env=env, timeout=300)
    local = subprocess.run(rasd + ["extract", str(path)], capture_output=True, text=True,
                           env=env, timeout=300)
    assert dask.returncode == local.returncode == 0, dask.stderr[-500:]
    assert dask.stdout == local.stdout and dask.stdout.count("\n") >= 12


@pytest.mark.parametrize("args, status, message", [
    (["--output", "out"], 2, "bad_usage: --output needs --engine dask"),
    (["--partitions", "3"], 2, "bad_usage: --partitions needs --engine dask"),
    (["--engine", "dask", "-"], 1, "engine_error: standard input cannot be partitioned: give "
                                   "files or URLs with --engine dask"),
])
def test_cli_engine_errors_are_one_line(args, status, message):
    from click.testing import CliRunner

    from rasd.cli import main

    result = CliRunner().invoke(main, ["extract", *args], input="")
    assert result.exit_code == status
    assert result.output.strip().splitlines() == [f"rasd: error: {message}"]
