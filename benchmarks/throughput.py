"""Throughput and memory of the full pipeline on one core.

Streams a corpus-format JSONL file through ``rasd.pipeline.run_many`` (workers=1), reading it
with ``rasd.ingest.records.read_jsonl`` so the file is never held in memory, and prints:
articles, claims, wall seconds, articles/s, MB/s of input text, peak RSS, and the one-time
start-up cost (imports + first article, which loads the lexicons and the gazetteer) apart from
the steady-state rate over the remaining articles. CPU seconds (``time.process_time``) are
printed beside wall seconds: on a shared machine they are the steadier figure.

The **limit pass** runs in the same process over the same articles (read the same way): one
``str.translate`` with the normalizer's table and one Aho-Corasick pass of the gazetteer's
automaton over each text: about the least any extractor that reads every word must spend. The
ratio extraction / limit pass (in CPU and in wall time) is printed with it.

``--repeat N`` replays the file N times (re-opened, streamed) and runs the 1x and the Nx
measurement in two fresh subprocesses of this script, so each peak RSS is clean: a flat peak
means memory does not grow with the number of articles.

    taskset -c 0 .venv/bin/python benchmarks/throughput.py
    taskset -c 0 .venv/bin/python benchmarks/throughput.py --repeat 3 --json
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = REPO.parent / "shared" / "corpus" / "articles.jsonl"
MIB = 1024 * 1024


def peak_rss_mib() -> float:
    """Peak resident set size of this process so far (ru_maxrss: KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / MIB if sys.platform == "darwin" else peak / 1024, 1)


def measure(path: Path, passes: int) -> dict[str, Any]:
    """Run the pipeline over ``path`` ``passes`` times in this process and return the figures."""
    t_start = time.perf_counter()
    from rasd.ingest.records import Failure, read_jsonl
    from rasd.model import Document
    from rasd.pipeline import run_many
    import_s = time.perf_counter() - t_start

    stats = {"skipped": 0, "text_bytes": 0}
    rss_by_pass: list[float] = []

    def documents() -> Iterator[Document]:
        for _ in range(passes):
            with path.open("rb") as fh:
                for item in read_jsonl(fh, str(path)):
                    if isinstance(item, Failure):
                        stats["skipped"] += 1
                        continue
                    stats["text_bytes"] += len(item.text.encode("utf-8"))
                    yield item
            rss_by_pass.append(peak_rss_mib())

    articles = claims = 0
    first_s = first_cpu = 0.0
    first_bytes = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for doc in run_many(documents(), workers=1):
        articles += 1
        claims += len(doc.claims)
        if articles == 1:
            first_s, first_cpu = time.perf_counter() - t0, time.process_time() - c0
            first_bytes = stats["text_bytes"]
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    limit = limit_pass(path, passes)
    steady_s = wall - first_s
    steady_cpu = cpu - first_cpu
    steady_n = articles - 1
    steady_mb = (stats["text_bytes"] - first_bytes) / 1e6
    return {
        "input": str(path),
        "passes": passes,
        "articles": articles,
        "skipped": stats["skipped"],
        "claims": claims,
        "input_text_mb": round(stats["text_bytes"] / 1e6, 2),
        "wall_s": round(wall, 3),
        "articles_per_s": round(articles / wall, 1) if wall else 0.0,
        "mb_per_s": round(stats["text_bytes"] / 1e6 / wall, 3) if wall else 0.0,
        "startup": {
            "import_s": round(import_s, 3),
            "first_article_s": round(first_s, 3),
            "total_s": round(import_s + first_s, 3),
        },
        "steady": {
            "articles_per_s": round(steady_n / steady_s, 1) if steady_s > 0 else 0.0,
            "mb_per_s": round(steady_mb / steady_s, 3) if steady_s > 0 else 0.0,
            "ms_per_article": round(1000 * steady_s / steady_n, 2) if steady_n else 0.0,
            "cpu_s": round(steady_cpu, 3),
            "cpu_articles_per_s": round(steady_n / steady_cpu, 1) if steady_cpu > 0 else 0.0,
        },
        "cpu_s": round(cpu, 3),
        "limit": limit,
        "vs_limit": {
            "cpu": round(steady_cpu / limit["cpu_s"], 2) if limit["cpu_s"] > 0 else 0.0,
            "wall": round(steady_s / limit["wall_s"], 2) if limit["wall_s"] > 0 else 0.0,
        },
        "peak_rss_mib": peak_rss_mib(),
        "peak_rss_by_pass_mib": rss_by_pass,
    }


def limit_pass(path: Path, passes: int) -> dict[str, Any]:
    """One ``str.translate`` (the normalizer's table) and one Aho-Corasick pass (the gazetteer's
    automaton, every hit taken) over each article of ``path``. The clock runs around those two
    steps only (reading the JSONL is timed apart: ``read_cpu_s``); the automaton is built
    before."""
    from rasd.geo.gazetteer import Gazetteer
    from rasd.ingest.records import Failure, read_jsonl
    from rasd.text.normalize import TRANSLATE_TABLE

    automaton = Gazetteer.default().automaton
    articles = hits = 0
    wall = cpu = 0.0
    clock, cpu_clock = time.perf_counter, time.process_time
    r0 = cpu_clock()
    for _ in range(passes):
        with path.open("rb") as fh:
            for item in read_jsonl(fh, str(path)):
                if isinstance(item, Failure):
                    continue
                t0, c0 = clock(), cpu_clock()
                hits += sum(1 for _ in automaton.iter(item.text.translate(TRANSLATE_TABLE)))
                wall += clock() - t0
                cpu += cpu_clock() - c0
                articles += 1
    read_cpu = cpu_clock() - r0 - cpu
    return {"articles": articles, "hits": hits, "wall_s": round(wall, 3), "cpu_s": round(cpu, 3),
            "read_cpu_s": round(read_cpu, 3),
            "articles_per_s": round(articles / wall, 1) if wall else 0.0,
            "cpu_articles_per_s": round(articles / cpu, 1) if cpu else 0.0}


def child(path: Path, passes: int) -> dict[str, Any]:
    """``measure`` in a fresh interpreter (same pinning, clean peak RSS)."""
    out = subprocess.run([sys.executable, __file__, str(path), "--passes", str(passes), "--json"],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def show(r: dict[str, Any]) -> None:
    s, st = r["startup"], r["steady"]
    print(f"input            {r['input']} (x{r['passes']})")
    print(f"articles         {r['articles']:,} ({r['skipped']} skipped)")
    print(f"claims           {r['claims']:,}")
    print(f"input text       {r['input_text_mb']:.2f} MB (UTF-8)")
    print(f"wall             {r['wall_s']:.2f} s, CPU {r['cpu_s']:.2f} s "
          "(pipeline, first article included, imports not)")
    print(f"throughput       {r['articles_per_s']:.1f} articles/s, {r['mb_per_s']:.3f} MB/s")
    print(f"start-up         {s['total_s']:.3f} s (imports {s['import_s']:.3f} s + first article "
          f"{s['first_article_s']:.3f} s, incl. lexicon/gazetteer loading)")
    print(f"steady state     {st['articles_per_s']:.1f} articles/s, {st['mb_per_s']:.3f} MB/s, "
          f"{st['ms_per_article']:.2f} ms/article; CPU {st['cpu_s']:.2f} s, "
          f"{st['cpu_articles_per_s']:.1f} articles/s")
    lim, vs = r["limit"], r["vs_limit"]
    print(f"limit pass       {lim['articles_per_s']:.1f} articles/s, CPU {lim['cpu_s']:.2f} s "
          f"({lim['cpu_articles_per_s']:.1f} articles/s; translate + Aho-Corasick, "
          f"{lim['hits']:,} hits; reading the JSONL apart: CPU {lim['read_cpu_s']:.2f} s)")
    print(f"extraction/limit {vs['cpu']:.2f}x in CPU (steady state vs limit pass), "
          f"{vs['wall']:.2f}x in wall time")
    print(f"peak RSS         {r['peak_rss_mib']:.1f} MiB"
          + (f" (after each pass: {r['peak_rss_by_pass_mib']})" if r["passes"] > 1 else ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", nargs="?", type=Path, default=DEFAULT_INPUT,
                    help=f"corpus-format JSONL (default: {DEFAULT_INPUT})")
    ap.add_argument("--repeat", type=int, default=1, metavar="N",
                    help="also replay the file N times and compare peak RSS of 1x and Nx runs")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    ap.add_argument("--passes", type=int, default=None, help=argparse.SUPPRESS)  # child mode
    args = ap.parse_args()
    if not args.input.is_file():
        ap.error(f"no such file: {args.input}")

    if args.passes is not None or args.repeat <= 1:
        result = measure(args.input, args.passes or 1)
        print(json.dumps(result)) if args.json else show(result)
        return

    once, many = child(args.input, 1), child(args.input, args.repeat)
    growth = round(many["peak_rss_mib"] - once["peak_rss_mib"], 1)
    if args.json:
        print(json.dumps({"x1": once, f"x{args.repeat}": many, "rss_growth_mib": growth}))
        return
    show(once)
    print()
    show(many)
    print(f"\npeak RSS 1x {once['peak_rss_mib']:.1f} MiB ({once['articles']:,} articles) vs "
          f"{args.repeat}x {many['peak_rss_mib']:.1f} MiB ({many['articles']:,} articles): "
          f"{growth:+.1f} MiB")


if __name__ == "__main__":
    main()
