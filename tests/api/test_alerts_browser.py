"""The alerts page in a real browser (Debian's Chromium through Playwright, as
``test_browser.py``): newest first, each alert's link leads to its group. The screenshot goes to
``$RASD_ARTIFACTS`` (default ``build/screenshots``)."""

import pytest
from alerts_data import store_with_alerts
from browser_kit import CHROMIUM, browser_page, served, shot

pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed "
                                "(apt-get install chromium)")


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    with served(store_with_alerts(tmp_path_factory.mktemp("alerts-browser"))) as url:
        yield url


def test_alerts_page_newest_first_linking_to_groups(base_url):
    with browser_page() as (page, errors):
        page.goto(base_url + "/alerts", wait_until="load")
        rows = page.locator("table.alerts tbody tr")
        assert rows.count() == 3
        assert rows.first.get_attribute("class") == "toll_jump"  # the newest
        assert page.locator("table.alerts q").count() >= 3  # evidence sentences
        shot(page, "alerts")
        page.locator("a[href$='/group']").first.click()
        page.wait_for_load_state("load")
        assert "/groups/" in page.url and page.locator("svg circle").count() >= 1
    assert not errors, errors
