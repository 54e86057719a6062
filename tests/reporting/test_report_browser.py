"""The report in a real browser: opened from file:// with the network cut, every chart drawn, nothing run.

Screenshots go to ``test-artifacts/`` (``MEDIAKIT_ARTIFACTS``) for people to look at.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from mediakit.reporting import report
from tests.browser import artifact, chromium
from tests.reporting.test_report import DAY, IMG, OUTLET, SCRIPT, hostile_corpus

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@dataclass
class Visit:
    """What happened while a page was open."""

    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def _open(browser, path: Path, visit: Visit, width: int = 1200):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.on(
        "console",
        lambda m: (
            visit.errors.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None
        ),
    )
    page.on("pageerror", lambda e: visit.errors.append(f"pageerror: {e}"))
    page.on("dialog", lambda d: (visit.dialogs.append(d.message), d.dismiss()))

    # Anything but the file itself is cut off and recorded (data:/blob: are not requests).
    def route(r):
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            visit.requests.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on(
        "request",
        lambda r: (
            None
            if r.url.startswith(("file://", "data:", "blob:"))
            else visit.requests.append(r.url)
        ),
    )
    page.goto(path.resolve().as_uri())
    return page


def _wait_for_charts(page) -> int:
    from playwright.sync_api import expect

    # Charts in a closed fold (a story's section) wait until it opens: not counted here.
    charts = page.locator(".vega-chart:not([data-waiting])")
    # Locators, not wait_for_function: the page's CSP forbids the eval that would need.
    expect(
        page.locator(".vega-chart:not([data-rendered]):not(.failed):not([data-waiting])")
    ).to_have_count(0, timeout=30_000)
    expect(page.locator(".vega-chart.failed")).to_have_count(0)
    n = charts.count()
    drawn = page.locator(
        ".vega-chart[data-rendered] svg.marks, .vega-chart[data-rendered] canvas.marks"
    ).count()
    assert drawn == n, f"{drawn} of {n} charts drew an SVG or canvas"
    return n


@pytest.fixture(scope="module")
def pages(tmp_path_factory, corpus):
    root = tmp_path_factory.mktemp("report-browser")
    return {
        "bundled": report(corpus, root / "report.html", analysed_on=DAY),
        "hostile": report(hostile_corpus(), root / "hostile.html", analysed_on=DAY),
    }


def test_bundled_report_renders_offline_without_errors(pages):
    visit = Visit()
    with chromium() as browser:
        page = _open(browser, pages["bundled"], visit)
        n = _wait_for_charts(page)
        assert n >= 8
        assert page.title() == "How the outlets compare"
        page.screenshot(path=str(artifact("report-bundled.png")), full_page=True)
        page.screenshot(path=str(artifact("report-bundled-top.png")))
        # Sortable tables: clicking "Words" sorts the articles by length, twice reverses
        # (the article table is folded at the end of the report: open it first).
        page.locator("#articles details > summary").click()
        header = page.locator("#table-articles th", has_text="Words").locator("button")
        header.click()
        words = [
            int(w.replace(",", ""))
            for w in page.locator("#table-articles tbody td:nth-child(4)").all_inner_texts()
        ]
        assert words == sorted(words)
        header.click()
        words = [
            int(w.replace(",", ""))
            for w in page.locator("#table-articles tbody td:nth-child(4)").all_inner_texts()
        ]
        assert words == sorted(words, reverse=True)
        # Print layout: charts stay, navigation and data tables fold away.
        page.emulate_media(media="print")
        assert not page.locator("nav").is_visible()
        assert page.locator(".vega-chart svg").first.is_visible()
    assert visit.errors == [] and visit.requests == [] and visit.dialogs == []


def test_hostile_report_runs_nothing_and_shows_everything_as_text(pages):
    visit = Visit()
    with chromium() as browser:
        page = _open(browser, pages["hostile"], visit)
        _wait_for_charts(page)
        body = page.locator("main").inner_text()
        for raw in (SCRIPT, IMG, OUTLET):
            assert raw in body  # shown, as text
        # No element came out of the data: every svg is vega's (chart, menu icon), no img anywhere.
        assert page.locator("main img").count() == 0
        assert page.locator("main svg:not(.vega-embed svg)").count() == 0
        # Tooltips render data as text too: hover an article's dot.
        dot = page.locator("#chart-metric-words .mark-symbol path").first
        dot.hover(force=True)
        tip = page.locator("#vg-tooltip-element")
        tip.wait_for(state="visible", timeout=5_000)
        assert "alert(1)" in tip.inner_text()
        assert tip.locator("script, img, svg").count() == 0
        page.screenshot(path=str(artifact("report-hostile.png")), full_page=True)
    assert visit.dialogs == [], "a dialog opened: data ran as code"
    assert visit.errors == [] and visit.requests == []
