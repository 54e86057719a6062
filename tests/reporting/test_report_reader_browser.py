"""The report's contents, article reader and downloads in a real browser, with the network cut.

Every request that is not the file itself is aborted and recorded; each test
fails if one happened.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from mediakit.reporting import report
from tests.browser import artifact, chromium
from tests.reporting.test_report import DAY
from tests.reporting.test_report_browser import Visit, _open, _wait_for_charts

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def built(tmp_path_factory, corpus):
    root = tmp_path_factory.mktemp("report-reader")
    return report(corpus, root / "report.html", analysed_on=DAY, tables_dir=root / "tables")


def _embedded_articles(page) -> dict:
    return json.loads(page.locator("#mediakit-articles").text_content())


def test_contents_stay_on_screen_and_the_article_table_comes_last(built):
    visit = Visit()
    with chromium() as browser:
        page = _open(browser, built, visit)
        _wait_for_charts(page)
        toc = page.locator("nav.toc")
        page.mouse.wheel(0, 6_000)
        page.wait_for_timeout(300)
        box = toc.bounding_box()
        assert box is not None and abs(box["y"]) < 2, box  # stuck to the top while scrolled
        page.locator("nav.toc a[href='#figures-disagree']").click()
        heading = page.locator("#figures-disagree h2").bounding_box()
        assert heading is not None and 0 <= heading["y"] < 200
        # After every chart, and folded until opened.
        ids = page.locator("main > section").evaluate_all("els => els.map(e => e.id)")
        assert ids[-1] == "articles"
        table = page.locator("#table-articles")
        assert not table.is_visible()
        page.locator("#articles details > summary").click()
        assert table.is_visible()
        page.screenshot(path=str(artifact("report-toc-scrolled.png")))
    assert visit.requests == [] and visit.errors == []


def test_a_table_row_opens_its_article_with_the_sentence_highlighted(built, corpus):
    visit = Visit()
    with chromium() as browser:
        page = _open(browser, built, visit)
        _wait_for_charts(page)
        row = page.locator("#table-figures-compared tr.readable").first
        doc, start, end = (row.get_attribute(a) for a in ("data-doc", "data-start", "data-end"))
        text = corpus.set_index("doc_id").loc[doc, "text"]
        row.click()
        reader = page.locator("dialog#reader")
        assert reader.is_visible()
        assert page.locator("dialog#reader mark").inner_text() == text[int(start) : int(end)]
        assert (
            corpus.set_index("doc_id").loc[doc, "outlet"]
            in reader.locator(".reader-meta").inner_text()
        )
        page.screenshot(path=str(artifact("report-reader.png")))
        reader.locator(".reader-close").click()
        assert not reader.is_visible()
        # Every article the tables cite is embedded, as text (never as markup).
        assert set(_embedded_articles(page)) == set(corpus["doc_id"])
        assert (
            page.locator("dialog#reader *").count()
            == page.locator(
                "dialog#reader h2, dialog#reader button, dialog#reader p, dialog#reader div, "
                "dialog#reader ul, dialog#reader li, "
                "dialog#reader mark"
            ).count()
        )
    assert visit.requests == [] and visit.errors == [] and visit.dialogs == []


def _click_mark(page, selector: str):
    """Click the first mark matching ``selector``; the reader, once open."""
    mark = page.locator(selector).first
    mark.scroll_into_view_if_needed()
    mark.click(force=True)
    reader = page.locator("dialog#reader")
    reader.wait_for(state="visible", timeout=5_000)
    return reader


def test_a_dot_in_a_chart_opens_its_article(built, corpus):
    visit = Visit()
    with chromium() as browser:
        page = _open(browser, built, visit)
        _wait_for_charts(page)
        _click_mark(page, "#chart-metric-words .mark-symbol path")
        titles = set(corpus["title"])
        assert page.locator("#reader-title").inner_text() in titles
        assert len(page.locator(".reader-text").inner_text()) > 500
    assert visit.requests == [] and visit.errors == []


def test_every_table_and_chart_downloads_offline(built):
    visit = Visit()
    tables = Path(built).parent / "tables"
    with chromium() as browser:
        page = _open(browser, built, visit)
        _wait_for_charts(page)
        charts = page.locator(".vega-chart").count()
        assert page.locator("button.download-image[data-format='png']").count() == charts
        # CSV: the same as the export, every row (the page shows 25).
        button = page.locator("#fig-unique-sentences button.download").first
        with page.expect_download() as info:
            button.click()
        got = Path(info.value.path()).read_text(encoding="utf-8-sig")
        assert info.value.suggested_filename == "unique-sentences.csv"
        assert got == (tables / "unique-sentences.csv").read_text(encoding="utf-8")
        assert len(pd.read_csv(tables / "unique-sentences.csv")) > 25
        assert page.locator("#table-unique-sentences tbody tr").count() == 25
        # The article table, folded, downloads in full too.
        page.locator("#articles details > summary").click()
        with page.expect_download() as info:
            page.locator("#articles button.download").click()
        assert len(pd.read_csv(info.value.path())) == 5
        # PNG and SVG of a chart, drawn in the page.
        with page.expect_download() as info:
            page.locator(
                "button.download-image[data-chart='chart-profile'][data-format='png']"
            ).click()
        assert info.value.suggested_filename == "profile.png"
        assert Path(info.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        with page.expect_download() as info:
            page.locator(
                "button.download-image[data-chart='chart-profile'][data-format='svg']"
            ).click()
        assert Path(info.value.path()).read_text(encoding="utf-8").lstrip().startswith("<svg")
        # Every table has its CSV in the page (a small corpus fits the budget).
        assert page.locator("table.sortable").count() == page.locator("script[id^='csv-']").count()
    assert visit.requests == [] and visit.errors == []


def test_a_request_leaving_the_machine_is_caught(built, tmp_path):
    # The guard itself: a page that asks for a remote image is recorded and blocked.
    page_file = tmp_path / "leak.html"
    page_file.write_text('<img src="https://example.org/x.png">', encoding="utf-8")
    visit = Visit()
    with chromium() as browser:
        page = _open(browser, page_file, visit)
        page.wait_for_timeout(300)
    assert visit.requests and visit.requests[0].startswith("https://example.org/")


def test_a_bar_or_an_outlet_row_lists_that_outlets_articles(built, corpus):
    visit = Visit()
    with chromium() as browser:
        page = _open(browser, built, visit)
        _wait_for_charts(page)
        # A bar stands for one outlet: it lists the outlet's articles, which open in turn.
        reader = _click_mark(page, "#chart-unique-share .mark-rect path")
        title = page.locator("#reader-title").inner_text()
        assert title.startswith("Articles of "), title
        outlet = title.removeprefix("Articles of ")
        picks = page.locator("dialog#reader button.reader-pick")
        mine = corpus[corpus["outlet"] == outlet]
        assert picks.count() == len(mine) > 0
        page.screenshot(path=str(artifact("report-outlet-list.png")))
        picks.first.click()
        assert page.locator("#reader-title").inner_text() in set(mine["title"])
        page.locator("dialog#reader .reader-back").click()
        assert page.locator("#reader-title").inner_text() == title
        reader.locator(".reader-close").click()
        assert not reader.is_visible()
        # By keyboard: a row of the outlets table, focused, Enter.
        page.locator("#corpus details, #fig-outlets details").evaluate_all(
            "els => els.forEach(e => e.open = true)"
        )
        row = page.locator("#table-outlets tr.by-outlet").nth(1)
        other = row.get_attribute("data-outlet")
        row.focus()
        page.keyboard.press("Enter")
        reader.wait_for(state="visible", timeout=5_000)
        assert page.locator("#reader-title").inner_text() == f"Articles of {other}"
        # Focus moved into the list: Enter opens the first article.
        page.keyboard.press("Enter")
        assert page.locator("#reader-title").inner_text() in set(
            corpus.loc[corpus["outlet"] == other, "title"]
        )
        page.keyboard.press("Escape")
        assert not reader.is_visible()
    assert visit.requests == [] and visit.errors == [] and visit.dialogs == []


def test_a_heatmap_cell_lists_its_two_articles_to_read_in_turn(built, corpus):
    visit = Visit()
    with chromium() as browser:
        page = _open(browser, built, visit)
        _wait_for_charts(page)
        reader = _click_mark(page, "#chart-similarity-heatmap .mark-rect path")
        assert page.locator("#reader-title").inner_text() == "Two articles that share sentences"
        assert " share " in page.locator(".reader-meta").inner_text()
        picks = page.locator("dialog#reader button.reader-pick")
        assert picks.count() == 2
        first = picks.first.get_attribute("data-doc")
        picks.first.click()
        title = corpus.loc[corpus["doc_id"] == first, "title"].iloc[0]
        assert page.locator("#reader-title").inner_text() == title
        page.locator("dialog#reader .reader-back").click()
        assert page.locator("dialog#reader button.reader-pick").count() == 2
        reader.locator(".reader-close").click()
        assert not reader.is_visible()
    assert visit.requests == [] and visit.errors == []


def test_the_click_a_row_hint_shows_only_where_a_row_opens_something(built, tmp_path):
    def hints(path: Path) -> tuple[int, int]:
        visit = Visit()
        with chromium() as browser:
            page = _open(browser, path, visit)
            _wait_for_charts(page)
            shown = page.locator(".read-hint:not([hidden])")
            # Every hint shown stands above a table with a row that opens.
            for i in range(shown.count()):
                wrap = shown.nth(i).locator("xpath=../following-sibling::div[1]")
                assert wrap.locator("tr.readable").count() > 0
            article_hints = page.locator(".read-hint:not([hidden])", has_text="its article")
            counts = shown.count(), article_hints.count()
        assert visit.requests == [] and visit.errors == []
        return counts

    shown, about_articles = hints(built)
    assert about_articles > 0 and shown > about_articles
    # The same page without the texts: rows of articles open nothing, so no hint says they do.
    html = built.read_text(encoding="utf-8")
    start = html.index('<script type="application/json" id="mediakit-articles">')
    end = html.index("</script>", start)
    bare = tmp_path / "no-texts.html"
    bare.write_text(html[:start] + html[start:end].split(">", 1)[0] + ">{}" + html[end:], "utf-8")
    shown_bare, about_articles_bare = hints(bare)
    assert about_articles_bare == 0 and shown_bare == shown - about_articles
