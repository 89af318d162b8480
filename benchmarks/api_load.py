"""Bounded load on the REST API over the 3,000-article corpus, loopback only.

Ingests ``../shared/corpus/articles.jsonl`` into a temporary SQLite file (or takes ``--db``),
starts ``uvicorn`` on 127.0.0.1 at a free port in a subprocess, waits until the snapshot is
built, then sends N requests (default 2,000) with C concurrent clients (default 8) to
``/api/groups?limit=50`` and then to group pages ``/api/groups/{id}`` (ids cycled), and prints
p50/p90/p99 latency and throughput for each; the server is stopped at the end.

    .venv/bin/python benchmarks/api_load.py
    .venv/bin/python benchmarks/api_load.py --db /tmp/corpus.db --requests 2000 --concurrency 8
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: str, port: int) -> subprocess.Popen[bytes]:
    code = ("import uvicorn; from rasd.api import create_app; "
            f"uvicorn.run(create_app({db!r}, warm=True), host='127.0.0.1', port={port}, "
            "log_level='warning', access_log=False)")
    return subprocess.Popen([sys.executable, "-c", code])


def wait_ready(base: str, timeout: float = 120.0) -> float:
    """Seconds until the server answers a request that needs the snapshot."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        try:
            if httpx.get(base + "/api/groups?limit=1", timeout=60).status_code == 200:
                return time.perf_counter() - start
        except httpx.TransportError:
            time.sleep(0.1)
    raise SystemExit("server did not come up")


async def load(base: str, paths: list[str], n: int, concurrency: int) -> dict[str, float]:
    latencies: list[float] = []
    errors = 0
    todo = iter(range(n))
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        async def worker() -> None:
            nonlocal errors
            for i in todo:
                t = time.perf_counter()
                r = await client.get(paths[i % len(paths)])
                await r.aread()
                latencies.append(time.perf_counter() - t)
                errors += r.status_code != 200
        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        wall = time.perf_counter() - start
    q = statistics.quantiles(latencies, n=100)
    return {"requests": n, "errors": errors, "p50_ms": q[49] * 1000, "p90_ms": q[89] * 1000,
            "p99_ms": q[98] * 1000, "max_ms": max(latencies) * 1000, "rps": n / wall}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an existing store (default: ingest the corpus first)")
    parser.add_argument("--corpus", default=str(CORPUS))
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--json", action="store_true", help="one JSON line of results")
    args = parser.parse_args()

    tmp = tempfile.TemporaryDirectory(prefix="rasd-api-load-")
    db = args.db
    if not db:
        from rasd.corpus import ingest
        db = os.path.join(tmp.name, "corpus.db")
        t = time.perf_counter()
        s = ingest([args.corpus], db, workers=os.cpu_count() or 1)
        print(f"ingested {s.new} documents, {s.claims} claims in "
              f"{time.perf_counter() - t:.1f} s", file=sys.stderr)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(db, port)
    results: dict[str, object] = {}
    try:
        results["ready_s"] = round(wait_ready(base), 2)
        first = httpx.get(base + "/api/groups", params={"limit": 500, "sort": "-n_sources"}).json()
        results["groups_total"] = first["total"]
        ids = [g["id"] for g in first["items"]]
        results["list"] = asyncio.run(load(base, ["/api/groups?limit=50"], args.requests,
                                           args.concurrency))
        results["detail"] = asyncio.run(load(base, [f"/api/groups/{i}" for i in ids],
                                             args.requests, args.concurrency))
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
        tmp.cleanup()

    if args.json:
        print(json.dumps(results))
        return
    print(f"snapshot ready after {results['ready_s']} s; {results['groups_total']} groups; "
          f"{args.requests} requests x {args.concurrency} concurrent per endpoint")
    for name, label in (("list", "GET /api/groups?limit=50"), ("detail", "GET /api/groups/{id}")):
        r = results[name]
        assert isinstance(r, dict)
        print(f"{label:28} p50 {r['p50_ms']:6.1f} ms  p90 {r['p90_ms']:6.1f} ms  "
              f"p99 {r['p99_ms']:6.1f} ms  max {r['max_ms']:6.1f} ms  "
              f"{r['rps']:7.1f} req/s  errors {r['errors']}")


if __name__ == "__main__":
    main()
