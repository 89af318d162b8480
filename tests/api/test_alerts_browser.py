"""The alerts page in a real browser (Debian's Chromium through Playwright, as
``test_browser.py``): newest first, each alert's link leads to its group. The screenshot goes to
``$RASD_ARTIFACTS`` (default ``build/screenshots``)."""

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import httpx
import pytest
from alerts_data import store_with_alerts

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
playwright = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed "
                                "(apt-get install chromium)")
ARTIFACTS = Path(os.environ.get("RASD_ARTIFACTS", Path(__file__).parents[2] / "build" / "screenshots"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    import uvicorn

    from rasd.api import create_app

    db = store_with_alerts(tmp_path_factory.mktemp("alerts-browser"))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            if httpx.get(url + "/api/health", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.1)
    yield url
    server.should_exit = True
    thread.join(timeout=10)


def test_alerts_page_newest_first_linking_to_groups(base_url):
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(base_url + "/alerts", wait_until="load")
        rows = page.locator("table.alerts tbody tr")
        assert rows.count() == 3
        assert rows.first.get_attribute("class") == "toll_jump"  # the newest
        assert page.locator("table.alerts q").count() >= 3  # evidence sentences
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / "alerts.png"
        page.screenshot(path=str(path), full_page=True)
        print(f"screenshot: {path}")
        page.locator("a[href$='/group']").first.click()
        page.wait_for_load_state("load")
        assert "/groups/" in page.url and page.locator("svg circle").count() >= 1
        browser.close()
    assert not errors, errors
