"""``rasd watch`` at scale, against local feeds: one full cycle, then idle cycles.

A child process serves F feeds of I items each on 127.0.0.1 (each page a short Arabic report
of a death toll in one of a few towns on one of 365 days; feeds carry a fixed ETag, so an idle
poll is a 304). The watcher (this process) runs one cycle that stores every page and runs the
alert rules (alerts to a JSONL file), then N idle cycles (clock moved on by the interval each
time, so every feed is due). Printed: the first cycle's wall and CPU time, documents, alerts,
peak RSS; the idle cycles' mean wall time and the RSS after the first, the middle and the last
idle cycle (flat = no leak).

    .venv/bin/python benchmarks/watch_bench.py                       # 200 feeds x 50 items, 100 idle
    .venv/bin/python benchmarks/watch_bench.py --feeds 20 --items 50 --idle 20 --json
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.server
import json
import multiprocessing
import random
import resource
import socket
import tempfile
import time
from pathlib import Path
from typing import Any

from rasd.ingest.fetch import FetchOptions
from rasd.store import Store
from rasd.watch import alerts
from rasd.watch.channels import JsonlLog, deliver
from rasd.watch.cycle import Watcher, WatchOptions

MIB = 1024 * 1024
TOWNS = ["حلب", "حمص", "الموصل", "عدن", "تعز", "درعا", "إدلب", "البصرة", "غزة", "بنغازي"]
SOURCES = ["قالت الشرطة", "قال الدفاع المدني", "قالت وزارة الصحة", "قال مصدر طبي"]
PAGE = ('<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"><title>خبر {i}-{j}</title>'
        '<meta property="article:published_time" content="{day}T08:00:00+00:00"></head><body>'
        "<article><h1>خبر {i}-{j}</h1><p>{source} إن {n} أشخاص قتلوا أمس في انفجار في مدينة "
        "{town}. وأضافت أن {m} آخرين أصيبوا بجروح.</p></article></body></html>")


def _page(i: int, j: int) -> bytes:
    rnd = random.Random(i * 1000 + j)
    day = dt.date(2025, 1, 1) + dt.timedelta(days=rnd.randrange(365))
    return PAGE.format(i=i, j=j, day=day.isoformat(), source=rnd.choice(SOURCES),
                       n=rnd.randint(1, 40), m=rnd.randint(1, 60),
                       town=rnd.choice(TOWNS)).encode("utf-8")


def _feed(base: str, i: int, items: int) -> bytes:
    entries = "".join(f"<item><title>{j}</title><guid>f{i}-{j}</guid>"
                      f"<link>{base}/p/{i}/{j}</link></item>" for j in range(items))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Outlet {i}</title>{entries}</channel></rss>").encode()


def serve(port: int, items: int) -> None:
    """The feed server (run in a child process)."""
    base = f"http://127.0.0.1:{port}"

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802
            parts = self.path.strip("/").split("/")
            headers = {}
            if parts[0] == "f":
                if self.headers.get("If-None-Match") == f'"f{parts[1]}"':
                    self.send_response(304)
                    self.send_header("ETag", f'"f{parts[1]}"')
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                body, ctype = _feed(base, int(parts[1]), items), "application/rss+xml"
                headers["ETag"] = f'"f{parts[1]}"'
            else:
                body, ctype = _page(int(parts[1]), int(parts[2])), "text/html; charset=utf-8"
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in headers.items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
    httpd.daemon_threads = True
    httpd.serve_forever()


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def run(feeds: int, items: int, idle: int) -> dict[str, Any]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = multiprocessing.get_context("fork").Process(target=serve, args=(port, items),
                                                         daemon=True)
    server.start()
    time.sleep(0.5)
    clock = [dt.datetime(2026, 1, 1, tzinfo=dt.UTC)]
    every = dt.timedelta(minutes=10)
    options = WatchOptions(every=every, fetch=FetchOptions(allow_private=True))
    out: dict[str, Any] = {"feeds": feeds, "items": items, "idle_cycles": idle}
    try:
        with tempfile.TemporaryDirectory() as tmp, Store.open(f"{tmp}/w.db") as store:
            channels = [JsonlLog(Path(tmp) / "alerts.jsonl")]
            watcher = Watcher(store, [f"http://127.0.0.1:{port}/f/{i}" for i in range(feeds)],
                              options, clock=lambda: clock[0], alerts=alerts.check,
                              deliver=lambda s: deliver(s, channels))
            wall, cpu = time.perf_counter(), time.process_time()
            first = watcher.cycle()
            out["first_cycle_wall_s"] = round(time.perf_counter() - wall, 1)
            out["first_cycle_cpu_s"] = round(time.process_time() - cpu, 1)
            out["documents"] = first.summary.new
            out["claims"] = first.summary.claims
            out["alerts"] = len(first.alerts)
            out["peak_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
                                        / 1024, 1)
            rss, walls = [], []
            for n in range(idle):
                clock[0] += every
                t = time.perf_counter()
                report = watcher.cycle()
                walls.append(time.perf_counter() - t)
                assert report.unchanged == feeds and report.items == 0, report.line()
                if n in (0, idle // 2, idle - 1):
                    rss.append(round(rss_mib(), 1))
            out["idle_cycle_mean_wall_s"] = round(sum(walls) / max(1, len(walls)), 3)
            out["idle_rss_mib_first_mid_last"] = rss
    finally:
        server.terminate()
        server.join(timeout=5)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--idle", type=int, default=100)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.feeds, args.items, args.idle)
    if args.json:
        print(json.dumps(result))
        return
    for key, value in result.items():
        print(f"{key:30s} {value}")


if __name__ == "__main__":
    main()
