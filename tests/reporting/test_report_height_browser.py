"""The page height of a 300-article report of real articles, in headless Chromium.

Measured with the README's figures (report section): 24,446 px at 1200 x 900
(about 27 screens), from 111,807 px before long tables and lists showed a
preview, and 40,278 px before each story's charts and tables folded under
its intro. The bound is a little above the
measurement, so that a section that grows without a fold fails here.
Needs ../shared; parses into the default cache (or ``MEDIAKIT_REPORT_CACHE``).
"""

from __future__ import annotations

import os

import pytest

from tests.browser import chromium
from tests.reporting.test_report_browser import Visit, _open, _wait_for_charts
from tests.shared import ALLSIDES, require_shared

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARTICLES = 300
MAX_HEIGHT = 27_000  # px; 24,446 measured


@pytest.fixture(scope="module")
def page_300(tmp_path_factory):
    import mediakit

    corpus = mediakit.load_corpus(require_shared(ALLSIDES)).head(ARTICLES)
    out = tmp_path_factory.mktemp("report-300") / "report.html"
    cache = os.environ.get("MEDIAKIT_REPORT_CACHE")  # None: the default cache
    return mediakit.report(corpus, out, analysed_on="2024-11-18", cache_dir=cache)


def test_the_300_article_report_stays_a_page_one_can_scroll(page_300):
    visit = Visit()
    with chromium() as browser:
        page = _open(browser, page_300, visit)
        _wait_for_charts(page)
        height = page.locator("body").evaluate("b => b.scrollHeight")
        assert height <= MAX_HEIGHT, f"{height:,} px ({height / 900:.1f} screens of 900 px)"
        # The rest of a long table is one button away, and comes back folded.
        wrap = page.locator("div.table-wrap:has(table[data-preview])").first
        rows = wrap.locator("tbody tr")
        shown = "rs => rs.filter(r => r.offsetParent !== null).length"
        assert rows.evaluate_all(shown) == 4 < rows.count()
        button = wrap.locator("xpath=following-sibling::button[1]")
        assert button.get_attribute("class") == "show-more"
        button.click()
        assert rows.evaluate_all(shown) == rows.count()
        assert button.get_attribute("aria-expanded") == "true"
        button.click()
        assert rows.evaluate_all(shown) == 4
        # A story's charts wait under its intro, one click away, and are drawn when it opens.
        story = page.locator("section[id^='story-'] details.story-body").first
        assert story.get_attribute("open") is None
        charts = story.locator(".vega-chart")
        assert charts.count() > 0
        assert charts.evaluate_all("cs => cs.every(c => c.dataset.waiting === 'true')")
        story.locator(":scope > summary").click()
        for i in range(charts.count()):
            charts.nth(i).locator("svg.marks").wait_for(timeout=10_000)
        assert charts.first.evaluate("e => e.getBoundingClientRect().height") > 100
        waiting = page.locator(".vega-chart[data-waiting]").count()
        assert waiting == page.locator("details.story-body:not([open]) .vega-chart").count()
    assert visit.requests == [] and visit.errors == []
