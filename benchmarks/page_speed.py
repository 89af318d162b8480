"""Page weight and time to interactive of the dashboard's pages, in headless Chromium.

Serves a store with ``rasd serve`` on a free local port, loads each page ``--runs`` times in a
fresh browser context (no cache) and prints, per page, the bytes transferred (compressed, as
the browser received them), the HTML size, and the median and worst time from navigation to
interactive: the table's first row for ``/``, the country borders (> 100 paths) and the
groups layer for ``/map``.

    .venv/bin/rasd ingest ../shared/corpus/articles.jsonl --db corpus.db
    .venv/bin/python benchmarks/page_speed.py --db corpus.db --runs 5
"""

from __future__ import annotations

import argparse
import shutil
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_up(url: str, seconds: float = 30) -> None:
    import httpx
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    sys.exit(f"page_speed: {url} did not answer within {seconds:g} s")


def _poll(check: Callable[[], bool], seconds: float = 15) -> None:
    """Poll ``check`` (the pages' CSP refuses Playwright's eval'd wait predicates)."""
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            raise TimeoutError("page not interactive in time")
        time.sleep(0.01)


def _table_ready(page: Any) -> bool:
    return page.locator("table tbody tr").count() > 0


def _map_ready(page: Any) -> bool:
    if page.locator(".leaflet-borders-pane path").count() <= 100:
        return False
    return bool(page.evaluate("""() => { const box = document.getElementById('leaflet-map');
        let n = 0; if (box && box.rasdMap) box.rasdMap.eachLayer(l => { if (l.groupId) n++; });
        return n > 0; }"""))


PAGES: dict[str, Callable[[Any], bool]] = {"/": _table_ready, "/map": _map_ready}


def measure(browser: Any, url: str, ready: Callable[[Any], bool]) -> tuple[float, int, int]:
    """(seconds to interactive, bytes transferred, HTML bytes) of one cold load."""
    context = browser.new_context()
    page = context.new_page()
    sizes: list[int] = []
    page.on("requestfinished", lambda req: sizes.append(req.sizes()["responseBodySize"]
                                                        + req.sizes()["responseHeadersSize"]))
    started = time.perf_counter()
    response = page.goto(url, wait_until="commit")
    _poll(lambda: ready(page))
    seconds = time.perf_counter() - started
    html = len(response.body()) if response is not None else 0
    page.wait_for_load_state("load")
    context.close()
    return seconds, sum(sizes), html


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", required=True, help="store to serve (read-only)")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("page_speed: no chromium on PATH (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    port = free_port()
    rasd = str(Path(sys.executable).with_name("rasd"))  # the console script beside this Python
    server = subprocess.Popen([rasd, "serve", "--db", args.db,
                               "--port", str(port)], cwd=REPO, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_up(base + "/api/health")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium)
            for path, ready in PAGES.items():
                measure(browser, base + path, ready)  # warm the server's caches
                runs = [measure(browser, base + path, ready) for _ in range(args.runs)]
                times = sorted(r[0] for r in runs)
                print(f"{path:6s} transferred {runs[-1][1] / 1024:7.0f} KB   HTML "
                      f"{runs[-1][2] / 1024:7.0f} KB   interactive median "
                      f"{statistics.median(times):.2f} s, worst {times[-1]:.2f} s "
                      f"({args.runs} cold loads)")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
