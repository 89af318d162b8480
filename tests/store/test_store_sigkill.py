"""Kill a saving process with SIGKILL midway, run it again: nothing lost, nothing doubled."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from store_factories import numbered_claims, numbered_document

from rasd.store import Store, claim_ids

CHILD = Path(__file__).with_name("store_sigkill_child.py")
N = 300

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")


def _child(db: str, kill_on: str | None = None, *options: str) -> tuple[int, list[str]]:
    """Run the child to the end, or SIGKILL it as soon as it prints the line ``kill_on``."""
    proc = subprocess.Popen([sys.executable, str(CHILD), db, str(N), *options],
                            stdout=subprocess.PIPE, text=True)
    lines: list[str] = []
    assert proc.stdout is not None
    for line in proc.stdout:
        lines.append(line.strip())
        if lines[-1] == kill_on:
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.stdout.close()
    return proc.wait(timeout=120), lines


def _check_consistent(db: str) -> set[int]:
    """Every stored document is there once with exactly its claims; their numbers."""
    with Store.open(db) as store:
        stored = [d.id for d in store.documents()]
        assert len(stored) == len(set(stored))
        numbers = {int(doc_id.removeprefix("doc-")) for doc_id in stored}
        expected = 0
        for i in numbers:
            claims = numbered_claims(numbered_document(i), i)
            assert store.claim_ids(f"doc-{i:04d}") == claim_ids(claims), f"doc {i}"
            expected += len(claims)
        counts = store.counts()
        assert (counts["documents"], counts["claims"]) == (len(numbers), expected)
    return numbers


def test_sigkill_midway_then_rerun(db_url):
    # killed inside a save's transaction (document row written, claims not): that document
    # is not there, every earlier one is, with all its claims
    for pause in (60, 150):
        code, lines = _child(db_url, f"inside {pause}", "--pause", str(pause))
        assert code == -signal.SIGKILL, lines[-3:]
        assert _check_consistent(db_url) == set(range(pause))
    # killed wherever it happens to be (no pause)
    code, lines = _child(db_url, "begin 220")
    assert code == -signal.SIGKILL, lines[-3:]
    before = _check_consistent(db_url)
    assert set(range(220)) <= before and before == set(range(len(before)))
    # run again to the end: only what was missing is added, everything is there once
    code, lines = _child(db_url)
    assert code == 0, lines[-3:]
    assert lines[-1] == f"done {N - len(before)}"
    assert _check_consistent(db_url) == set(range(N))
    with Store.open(db_url) as store:
        # each run started after a killed one marked it interrupted
        assert [r.status for r in store.runs()] == ["interrupted"] * 3 + ["finished"]
    code, lines = _child(db_url)  # and once more: a no-op
    assert code == 0 and lines[-1] == "done 0"
    assert _check_consistent(db_url) == set(range(N))


def test_two_processes_saving_the_same_documents_at_once(db_url, tmp_path):
    go = tmp_path / "go"
    procs = [subprocess.Popen([sys.executable, str(CHILD), db_url, str(N), "--wait", str(go),
                               *extra], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True)  # a child's error shows in the failed assertion
             for extra in ([], ["--reverse"])]  # they meet in the middle
    try:
        for p in procs:  # both have the store open (and migrated) before either saves
            first = p.stdout.readline() if p.stdout is not None else ""
            assert first.strip() == "ready", first + (p.stdout.read() if p.stdout else "")
        go.touch()
        outs = [p.communicate(timeout=120)[0].splitlines() for p in procs]
    finally:  # never leave a child waiting for "go" behind a failed assertion
        go.touch()
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
    assert [p.returncode for p in procs] == [0, 0], [o[-3:] for o in outs]
    news = [int(o[-1].removeprefix("done ")) for o in outs]
    assert sum(news) == N  # each document added once, by one of them
    assert _check_consistent(db_url) == set(range(N))
