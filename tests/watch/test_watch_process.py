"""``rasd watch`` as a process: SIGTERM stops it between two items, kill -9 loses nothing and
duplicates no alert after a restart, ``--once`` runs one cycle; ``rasd alerts`` lists them."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

from rasd.store import Store
from rasd.store.watch import WatchStore

TEXT = "قالت الشرطة إن {n} شخصا قتلوا أمس في انفجار سيارة مفخخة في مدينة {city}."
CITIES = ["حلب", "حمص", "الموصل", "عدن", "تعز", "درعا", "إدلب", "البصرة"]


def _feed(server, n: int = 12) -> str:
    for i, city in enumerate(CITIES):
        server.add_page(f"p{i}", TEXT.format(n=n, city=city), date="2025-10-06", title="خبر")
        server.add_item("one", f"p{i}")
    return server.url("/feeds/one")


def _watch(*args: str) -> subprocess.Popen:
    env = {**os.environ, "RASD_ALLOW_PRIVATE": "1"}
    return subprocess.Popen([sys.executable, "-m", "rasd.cli", "watch", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def _documents(db: str) -> int:
    try:
        with Store.open(db, readonly=True) as store:
            return store.counts()["documents"]
    except Exception:  # noqa: BLE001 - not created yet
        return 0


def _wait_for_documents(db: str, n: int, proc: subprocess.Popen, limit: float = 60) -> None:
    end = time.monotonic() + limit
    while _documents(db) < n:
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < end, "no documents stored in time"
        time.sleep(0.05)


def test_sigterm_stops_between_items_and_a_restart_finishes(server, tmp_path):
    server.page_delay = 0.3
    feed, db = _feed(server, n=3), str(tmp_path / "w.db")
    proc = _watch(feed, "--db", db, "--every", "1h", "--quiet", "--page-workers", "1")
    _wait_for_documents(db, 2, proc)
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "SIGTERM: stopping after the current item" in err and "(stopped)" in err
    with Store.open(db, readonly=True) as store:
        stored = store.counts()["documents"]
        marked = WatchStore(store).item_counts()
        assert [r.status for r in store.runs()] == ["interrupted"]
    assert 2 <= stored < len(CITIES) and marked == {"stored": stored}  # each stored item marked
    again = _watch(feed, "--db", db, "--once", "--quiet")
    assert again.wait(timeout=120) == 0, again.communicate()
    with Store.open(db, readonly=True) as store:
        assert store.counts()["documents"] == len(CITIES)
        assert WatchStore(store).item_counts() == {"stored": len(CITIES)}


def test_kill_9_mid_cycle_loses_nothing_and_duplicates_no_alert(server, tmp_path):
    server.page_delay = 0.3
    feed, db, log = _feed(server), str(tmp_path / "w.db"), tmp_path / "alerts.jsonl"
    proc = _watch(feed, "--db", db, "--every", "1h", "--quiet", "--alert-log", str(log),
                  "--page-workers", "1")
    _wait_for_documents(db, 2, proc)
    proc.kill()
    proc.wait(timeout=30)
    assert _documents(db) < len(CITIES)
    for _ in range(2):  # a restart finishes the cycle; another one finds nothing new
        again = _watch(feed, "--db", db, "--once", "--quiet", "--alert-log", str(log))
        out, err = again.communicate(timeout=120)
        assert again.returncode == 0, err
    with Store.open(db, readonly=True) as store:
        assert store.counts()["documents"] == len(CITIES)
        found, total = WatchStore(store).alerts()
    assert total == len(CITIES) and {a.kind for a in found} == {"major_incident"}
    lines = [json.loads(x) for x in log.read_text(encoding="utf-8").splitlines()]
    assert sorted(x["id"] for x in lines) == sorted(a.id for a in found)  # each once


def test_once_then_rasd_alerts_lists_them(server, tmp_path):
    feed, db = _feed(server), str(tmp_path / "w.db")
    listing = tmp_path / "feeds.txt"
    listing.write_text(f"# test feeds\n{feed}\n{server.url('/error')}\n", encoding="utf-8")
    proc = _watch(str(listing), "--db", db, "--once")
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert out.count("major_incident") == len(CITIES)  # one console line per alert
    assert "/error: HTTP 500 (1 failure(s) in a row" in err
    cli = [sys.executable, "-m", "rasd.cli", "alerts", "--db", db]
    shown = subprocess.run(cli + ["--limit", "3"], capture_output=True, text=True, timeout=60)
    assert shown.returncode == 0 and len(shown.stdout.splitlines()) == 3
    assert f"{len(CITIES)} alert(s) (showing 3)" in shown.stderr
    as_json = subprocess.run(cli + ["--json", "--kind", "major_incident"], capture_output=True,
                             text=True, timeout=60)
    records = [json.loads(x) for x in as_json.stdout.splitlines()]
    assert len(records) == len(CITIES) and records[0]["id"] > records[-1]["id"]  # newest first
    feeds = subprocess.run(cli + ["--feeds"], capture_output=True, text=True, timeout=60)
    assert "1 failure(s): HTTP 500" in feeds.stdout
