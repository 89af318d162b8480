"""Scaling figures of the CLI, each a ratio measured within one run of this script.

* ``pool``: ``rasd extract --workers 2`` vs ``--workers 1`` (wall time and CPU time);
* ``store``: ``rasd ingest`` (a fresh SQLite file, or ``--pg URL``) vs ``rasd extract``;
* ``dask``: ``rasd extract --engine dask`` on a LocalCluster of 2 workers vs 1;
* ``memory``: peak RSS of ``extract``, ``ingest`` and the Dask driver on the corpus 1x vs 3x.

The corpus is repeated to ``--articles`` records (each copy with its own id and a text that
differs by a suffix, so that ingest stores every one), written to a temporary file. Each
command runs in a subprocess measured with ``wait4`` (wall, CPU of it and its workers, peak
RSS); runs alternate (a b a b ...) and the best of ``--rounds`` is kept, since the machine may
be shared: the load average before and after is printed with the figures.

    .venv/bin/python benchmarks/scale.py pool store dask memory
    .venv/bin/python benchmarks/scale.py store --pg postgresql://rasd:rasd@localhost/rasd_test
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "articles.jsonl"
RASD = str(Path(sys.executable).with_name("rasd"))


def repeated(corpus: Path, articles: int, folder: Path) -> Path:
    """The corpus repeated to ``articles`` records, copy ``n`` with ids and texts of its own."""
    lines = corpus.read_bytes().splitlines()
    path = folder / f"corpus-{articles}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i in range(articles):
            record = json.loads(lines[i % len(lines)])
            copy = i // len(lines)
            if copy:
                record["id"] = f"{record.get('id')}~{copy}"
                record["text"] = f"{record['text']}\n({copy})"
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def measured(args: list[str]) -> dict[str, float]:
    """Run a command (stdout discarded); its wall and CPU seconds (with its waited-for
    children: pool workers) and peak RSS (MiB, the largest of it and those children)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if status != 0:
        raise SystemExit(f"failed ({status}): {' '.join(args)}\n{err[-2000:]}")
    return {"wall_s": round(wall, 2), "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
            "peak_rss_mib": round(usage.ru_maxrss / 1024, 1)}


def best_of(rounds: int, commands: dict[str, list[str] | Any]) -> dict[str, dict[str, float]]:
    """Each command (a list, or a function giving a fresh list) run ``rounds`` times,
    alternating; the fastest run of each."""
    best: dict[str, dict[str, float]] = {}
    for _ in range(rounds):
        for name, command in commands.items():
            r = measured(command() if callable(command) else command)
            if name not in best or r["wall_s"] < best[name]["wall_s"]:
                best[name] = r
    return best


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def pool(path: Path, n: int, rounds: int, tmp: Path, pg: str | None) -> dict[str, Any]:
    r = best_of(rounds, {f"workers={w}": [RASD, "extract", str(path), "--workers", str(w)]
                         for w in (1, 2)})
    return {**r, "articles": n, **_ratios(r["workers=1"], r["workers=2"])}


def _ratios(one: dict[str, float], two: dict[str, float]) -> dict[str, float]:
    """The wall-time ratio of 2 workers to 1, the CPU the second run spent per the first's,
    and the ratio that CPU allows on 2 free cores (2 / overhead: an upper bound, not a
    measurement, for a machine too loaded to show it)."""
    overhead = two["cpu_s"] / one["cpu_s"]
    return {"ratio_wall": round(one["wall_s"] / two["wall_s"], 2),
            "cpu_overhead": round(overhead, 2), "bound_on_2_free_cores": round(2 / overhead, 2)}


def store(path: Path, n: int, rounds: int, tmp: Path, pg: str | None) -> dict[str, Any]:
    counter = iter(range(1_000_000))

    def ingest() -> list[str]:
        if pg:
            reset_postgres(pg)
            db = pg
        else:
            db = str(tmp / f"bench-{next(counter)}.db")
        return [RASD, "ingest", str(path), "--db", db]

    r = best_of(rounds, {"extract": [RASD, "extract", str(path)], "ingest": ingest})
    out: dict[str, Any] = {**r, "articles": n, "db": "postgresql" if pg else "sqlite"}
    out["ingest_vs_extract"] = round(r["extract"]["wall_s"] / r["ingest"]["wall_s"], 2)
    return out


def reset_postgres(url: str) -> None:
    """Empty the benchmark's PostgreSQL database (every rasd table dropped)."""
    code = ("import sqlalchemy as sa, sys\n"
            "e = sa.create_engine(sys.argv[1].replace('postgresql://', 'postgresql+psycopg://', 1))\n"
            "with e.begin() as c:\n"
            "    for t in ('claims', 'failures', 'documents', 'sources', 'runs', 'schema_migrations'):\n"
            "        c.exec_driver_sql(f'DROP TABLE IF EXISTS {t} CASCADE')\n")
    subprocess.run([sys.executable, "-c", code, url], check=True)


def dask(path: Path, n: int, rounds: int, tmp: Path, pg: str | None) -> dict[str, Any]:
    r = best_of(rounds, {f"dask workers={w}": [RASD, "extract", str(path), "--engine", "dask",
                                                "--workers", str(w), "--partitions", "8"]
                         for w in (1, 2)})
    return {**r, "articles": n, **_ratios(r["dask workers=1"], r["dask workers=2"])}


def memory(path: Path, n: int, rounds: int, tmp: Path, pg: str | None) -> dict[str, Any]:
    """Peak RSS on the corpus 1x and 3x (workers=1: the process alone; Dask: the driver's
    own peak is measured inside it, as its workers are separate processes)."""
    big = repeated(CORPUS, 3 * sum(1 for _ in CORPUS.open("rb")), tmp)
    out: dict[str, Any] = {}
    for label, p in (("1x", CORPUS), ("3x", big)):
        out[f"extract {label}"] = measured([RASD, "extract", str(p)])["peak_rss_mib"]
        db = tmp / f"mem-{label}.db"
        out[f"ingest {label}"] = measured([RASD, "ingest", str(p), "--db", str(db)])["peak_rss_mib"]
        out[f"dask driver {label}"] = dask_driver_peak(p)
    return out


def dask_driver_peak(path: Path) -> float:
    """Peak RSS (MiB) of the process that runs ``rasd extract --engine dask`` (its workers
    excluded), read from its own getrusage at exit; one partition per 750 articles, so that
    partitions keep their size as the corpus grows (as the default 64 MB ones do)."""
    parts = max(1, sum(1 for _ in path.open("rb")) // 750)
    code = ("import resource, sys\n"
            "from rasd.cli import main\n"
            "try:\n"
            "    main(['extract', sys.argv[1], '--engine', 'dask', '--workers', '2',"
            f" '--partitions', '{parts}'])\n"
            "except SystemExit:\n"
            "    pass\n"
            "sys.stderr.write('PEAK %d\\n' % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n")
    done = subprocess.run([sys.executable, "-c", code, str(path)], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, check=True)
    peak = [line for line in done.stderr.splitlines() if line.startswith("PEAK ")][-1]
    return round(int(peak.split()[1]) / 1024, 1)


SECTIONS = {"pool": pool, "store": store, "dask": dask, "memory": memory}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sections", nargs="*", choices=sorted(SECTIONS), default=["pool", "store"])
    ap.add_argument("--articles", type=int, default=9000,
                    help="records for pool and dask (the corpus repeated); default 9000")
    ap.add_argument("--store-articles", type=int, default=3000,
                    help="records for the store comparison; default 3000")
    ap.add_argument("--rounds", type=int, default=2, help="alternating rounds; best kept")
    ap.add_argument("--pg", default=None, help="PostgreSQL URL for the store comparison "
                    "(its rasd tables are dropped first)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="rasd-scale-") as folder:
        tmp = Path(folder)
        for section in args.sections:
            n = args.store_articles if section == "store" else args.articles
            path = repeated(CORPUS, n, tmp)
            before = load()
            result = SECTIONS[section](path, n, args.rounds, tmp, args.pg)
            print(json.dumps({"section": section, "load_before": before, "load_after": load(),
                              "cpus": os.cpu_count(), **result}), flush=True)


if __name__ == "__main__":
    main()
