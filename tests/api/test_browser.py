"""End to end in a real browser: Debian's Chromium (driven by Playwright, no browser download)
against the app served by uvicorn on a free local port, over a small ingested store.

Screenshots go to ``$RASD_ARTIFACTS`` (default ``build/screenshots`` in the repo) and their paths
are printed. Skipped, with the reason, when Chromium or Playwright is not installed (`.ci/run`
installs both).
"""

import time

import pytest
from api_data import ARTICLES, write_corpus
from browser_kit import CHROMIUM, browser_page, served, shot

pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed "
                                "(apt-get install chromium)")


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    from rasd.corpus import ingest

    tmp = tmp_path_factory.mktemp("browser")
    db = str(tmp / "b.db")
    ingest([str(write_corpus(tmp / "articles.jsonl", ARTICLES))], db)
    with served(db) as url:
        yield url


@pytest.fixture(scope="module")
def page(base_url):
    with browser_page() as (pg, errors):
        pg.console_errors = errors  # type: ignore[attr-defined]
        yield pg


def test_click_through_table_group_article_and_map(page, base_url):
    page.goto(base_url + "/", wait_until="load")
    timing = page.evaluate("() => { const t = performance.getEntriesByType('navigation')[0];"
                           " return [t.responseEnd, t.domContentLoadedEventEnd, t.transferSize]; }")
    print(f"first load: response {timing[0]:.0f} ms, DOM ready {timing[1]:.0f} ms")
    assert page.get_attribute("html", "dir") == "rtl"
    rows = page.locator("table.groups tbody tr")
    assert rows.count() >= 2
    first = rows.first  # disagreements first: a dispute with 2+ sources
    assert "disagree" in (first.get_attribute("class") or "")
    assert int(first.locator("td").nth(7).inner_text()) >= 2
    date = first.locator("bdi.date").first  # an ISO date reads left to right in Arabic
    assert date.evaluate("e => getComputedStyle(e).direction") == "ltr"
    box = date.bounding_box()
    year = date.evaluate("e => { const r = document.createRange(); r.setStart(e.firstChild, 0);"
                         " r.setEnd(e.firstChild, 4); const b = r.getBoundingClientRect();"
                         " return [b.x, b.width]; }")
    assert abs(year[0] - box["x"]) < 1  # the year is at the left end of the date
    assert page.locator("table.groups svg.dots circle").count() >= 3  # one dot per source figure
    shot(page, "groups")

    page.locator("table.groups tbody tr a").first.click()
    page.wait_for_load_state("load")
    assert "/groups/" in page.url
    assert page.locator("svg circle").count() >= 1
    shot(page, "group")

    page.locator("a[href^='/documents/']").first.click()
    page.wait_for_load_state("load")
    assert "/documents/" in page.url
    marks = page.locator("mark")
    assert marks.count() >= 2
    assert page.locator("script").count() == 0  # the article's "<script>" stays text
    shot(page, "article")

    page.goto(base_url + "/map", wait_until="load")
    borders = page.locator(".leaflet-borders-pane path")
    for _ in range(100):  # polled here: the page's CSP refuses Playwright's eval'd predicates
        if borders.count() > 100:
            break
        time.sleep(0.1)
    assert borders.count() > 100  # country borders drawn
    assert page.locator(".map-legend").count() == 1
    drawn = page.evaluate("""() => { const box = document.getElementById('leaflet-map');
        const out = []; box.rasdMap.eachLayer(l => { if (l.groupId) {
            const p = box.rasdMap.latLngToContainerPoint(l.getLatLng());
            out.push([l.groupId, p.x, p.y]); } }); return out; }""")
    assert len(drawn) >= 1  # the groups, on the canvas
    shot(page, "map")
    assert not page.console_errors, page.console_errors  # no CSP violations or script errors
    gid, x, y = drawn[-1]  # the last drawn is on top: a click there opens its group
    box = page.locator("#leaflet-map").bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)
    page.wait_for_url(f"**/groups/{gid}")
    assert page.locator("svg#timeline").count() == 1


def test_try_page_highlights_a_pasted_article(page, base_url):
    page.goto(base_url + "/try", wait_until="load")
    page.fill("textarea", "قالت الشرطة إن 12 شخصاً قتلوا في هجوم على سوق في حلب أمس.")
    page.locator("form button, form input[type=submit]").first.click()
    page.wait_for_load_state("load")
    assert page.locator("mark").count() >= 2
    shot(page, "try")


def test_api_docs_load_with_no_request_leaving_the_server(page, base_url):
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(base_url + "/docs", wait_until="load")
    page.wait_for_selector(".opblock-summary-path")
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/groups" in " ".join(paths)
    assert requested and all(u.startswith(base_url) or u.startswith("data:") for u in requested), \
        [u for u in requested if not u.startswith(base_url)]
    shot(page, "docs")
    assert not page.console_errors, page.console_errors
