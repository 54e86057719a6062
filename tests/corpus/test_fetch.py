"""Tests for mediakit.fetch_articles against a web site served on 127.0.0.1 by the test.

Every test runs without internet (tests.localweb.no_internet): a lookup or
connection beyond this machine fails as it does offline and is recorded, and
the offline test asserts that the attempts were made and refused.
"""

from __future__ import annotations

import gzip
import json
import threading
import time
import warnings

import pandas as pd
import pytest

from mediakit import __version__
from mediakit.corpus import load_corpus
from mediakit.corpus.fetch import ARTICLE_COLUMNS, FAILURE_COLUMNS, fetch_articles
from mediakit.errors import CorpusError
from tests.corpus import html_pages as hp
from tests.localweb import Site, page, redirect

FETCH = {"timeout": 5.0, "retries": 0, "delay": 0.0, "progress": False}


@pytest.fixture(autouse=True)
def internet_attempts(monkeypatch):
    from tests.localweb import no_internet

    return no_internet(monkeypatch)


@pytest.fixture
def site():
    site = Site()
    site.routes.update(
        {
            "/news/floods": page(hp.article_with_furniture()),
            "/amp/news/floods": page(hp.article_with_furniture()),
            "/pictures": page(hp.gallery_article()),
            "/long-read": page(hp.busy_article()),
            "/old-link": redirect("/news/floods"),
            "/loop": redirect("/loop", status=302),
            "/front": page(hp.section_front()),
            "/paywalled": page(hp.paywall_stub()),
            "/es/inundaciones": page(hp.spanish_article()),
            "/report.pdf": page(b"%PDF-1.7 ...", content_type="application/pdf"),
            "/forbidden": page("<html><body>Access denied</body></html>", status=403),
            "/no-type": page(hp.plain_article(), content_type=None),
            "/legacy": page(hp.cp1252_article(), content_type="text/html; charset=windows-1252"),
        }
    )
    yield site
    site.close()


def _fetch(links, tmp_path, **options):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return fetch_articles(links, pages_dir=tmp_path / "pages", **{**FETCH, **options})


def _reasons(fetched) -> dict[str, str]:
    return dict(zip(fetched.failures["url"], fetched.failures["reason"], strict=True))


# --- articles and what comes with them ---


def test_articles_come_with_outlet_title_date_authors_and_url(site, tmp_path):
    links = [site.url("/news/floods"), site.url("/pictures")]
    fetched = _fetch(links, tmp_path)
    corpus = fetched.corpus
    assert fetched.failures.empty
    assert corpus["outlet"].tolist() == ["Valley Gazette", "Northern Daily"]
    assert corpus["title"].tolist() == [
        "Floods cut off east Alderford",
        "In pictures: Alderford under water",
    ]
    assert corpus["date"].dt.strftime("%Y-%m-%d").tolist() == ["2024-03-05", "2024-03-06"]
    assert corpus["authors"].tolist() == ["Jane Roe", "Sam Okafor"]
    assert corpus["url"].tolist() == links
    for text in corpus["text"]:
        assert all(p in text for p in hp.PARAGRAPHS)
        assert not [f for f in hp.FURNITURE if f in text]
    # The corpus is a regular one: the same columns and dtypes as load_corpus gives.
    assert list(corpus.columns[:9]) == list(load_corpus(fetched.articles).columns[:9])
    assert corpus["date"].dtype == "datetime64[us]"
    assert list(fetched.articles.columns) == list(ARTICLE_COLUMNS)
    assert list(fetched.failures.columns) == list(FAILURE_COLUMNS)


def test_requests_name_mediakit_and_its_version(site, tmp_path):
    _fetch([site.url("/news/floods")], tmp_path)
    (hit,) = site.hits
    assert hit.headers["User-Agent"].startswith(f"mediakit/{__version__} ")


def test_a_redirect_gives_the_final_address(site, tmp_path):
    fetched = _fetch([site.url("/old-link")], tmp_path)
    assert fetched.failures.empty
    assert fetched.corpus["url"].tolist() == [site.url("/news/floods")]
    assert site.paths() == ["/old-link", "/news/floods"]


def test_charset_from_the_http_header_and_pages_without_a_content_type(site, tmp_path):
    fetched = _fetch([site.url("/legacy"), site.url("/no-type")], tmp_path)
    assert fetched.failures.empty
    legacy = fetched.corpus.iloc[0]
    assert legacy["encoding"] == "cp1252"
    assert "\u201cIt will take months,\u201d" in legacy["text"]
    assert legacy["title"] == "Flood repairs to cost \u00a32m"


# --- saved pages: a second run downloads nothing ---


def test_a_second_run_extracts_from_saved_pages_without_downloading(site, tmp_path):
    links = [site.url("/news/floods"), site.url("/long-read")]
    first = _fetch(links, tmp_path)
    downloads = len(site.hits)
    second = _fetch(links, tmp_path)
    assert len(site.hits) == downloads == 2
    pd.testing.assert_frame_equal(first.corpus, second.corpus)
    pages = sorted(p.name for p in (tmp_path / "pages").iterdir())
    assert pages == sorted(f"{k}.{ext}" for k in first.corpus["doc_id"] for ext in ("html", "json"))
    # The pages are stored as sent, with what the download said beside them.
    key = first.corpus["doc_id"][0]
    assert (tmp_path / "pages" / f"{key}.html").read_text() == hp.article_with_furniture()
    info = json.loads((tmp_path / "pages" / f"{key}.json").read_text())
    assert info["url"] == links[0] and info["status"] == 200
    # The folder of pages is itself a corpus load_corpus reads, with the same articles.
    again = load_corpus(tmp_path / "pages")
    assert set(again["doc_id"]) == set(first.corpus["doc_id"])
    assert set(again["url"]) == set(links)
    assert set(again["text"]) == set(first.corpus["text"])


def test_refresh_downloads_again(site, tmp_path):
    _fetch([site.url("/news/floods")], tmp_path)
    _fetch([site.url("/news/floods")], tmp_path, refresh=True)
    assert site.paths() == ["/news/floods", "/news/floods"]


# --- failures: a table, never a crash ---


def test_http_errors_are_rows_with_their_status(site, tmp_path):
    fetched = _fetch([site.url("/nowhere"), site.url("/forbidden")], tmp_path)
    assert fetched.corpus.empty
    failures = fetched.failures.set_index("url")
    assert failures.loc[site.url("/nowhere"), "http_status"] == 404
    assert "does not exist" in failures.loc[site.url("/nowhere"), "detail"]
    assert failures.loc[site.url("/forbidden"), "http_status"] == 403
    assert "Save the page from a browser" in failures.loc[site.url("/forbidden"), "detail"]
    assert set(failures["reason"]) == {"http_error"}
    assert failures["http_status"].dtype == "Int64"


def test_a_redirect_loop_is_a_failure(site, tmp_path):
    fetched = _fetch([site.url("/loop")], tmp_path)
    assert _reasons(fetched) == {site.url("/loop"): "too_many_redirects"}


def test_content_that_is_not_a_web_page(site, tmp_path):
    fetched = _fetch([site.url("/report.pdf")], tmp_path)
    assert _reasons(fetched) == {site.url("/report.pdf"): "not_html"}
    assert "application/pdf" in fetched.failures["detail"][0]


def test_pages_without_a_usable_article(site, tmp_path):
    links = [site.url(p) for p in ("/front", "/paywalled", "/es/inundaciones", "/news/floods")]
    fetched = _fetch(links, tmp_path)
    assert _reasons(fetched) == {
        links[0]: "not_article",
        links[1]: "paywall",
        links[2]: "not_english",
    }
    assert fetched.corpus["url"].tolist() == [links[3]]
    assert "lang='es'" in fetched.failures["detail"][2]


def test_a_page_slower_than_the_timeout_fails_without_hanging(site, tmp_path):
    def stalls(h):  # never answers (until the test ends)
        site.release.wait(60)

    def drips(h):  # answers, then sends a byte every 50 ms: no read ever times out
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", "100000")
        h.end_headers()
        while not site.release.wait(0.05):
            h.wfile.write(b" ")
            h.wfile.flush()

    site.routes.update({"/stalls": stalls, "/drips": drips})
    start = time.monotonic()
    fetched = _fetch([site.url("/stalls"), site.url("/drips")], tmp_path, timeout=1.0)
    assert time.monotonic() - start < 20  # generous: proves it does not hang
    assert _reasons(fetched) == {site.url("/stalls"): "timeout", site.url("/drips"): "timeout"}
    assert "still arriving" in fetched.failures["detail"][1]


def test_huge_pages(site, tmp_path):
    comment = (
        '<div class="comment"><span class="comment-author">reader{i}</span><p>The water '
        "reached our street {i} times this winter, which worries everyone here.</p></div>\n"
    )
    comments = "".join(comment.format(i=i) for i in range(5000))
    huge = hp.article_with_furniture().replace("</main>", f"<section>{comments}</section></main>")
    assert len(huge) > 800_000

    def streamed(h):  # no Content-Length: the size is known only while reading
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Connection", "close")
        h.end_headers()
        h.wfile.write(huge.encode())
        h.close_connection = True

    site.routes.update({"/huge": page(huge), "/huge-streamed": streamed})
    links = [site.url("/huge"), site.url("/huge-streamed")]
    refused = _fetch(links, tmp_path, max_bytes=500_000)
    assert _reasons(refused) == dict.fromkeys(links, "too_large")
    assert not (tmp_path / "pages").exists() or not list((tmp_path / "pages").iterdir())
    start = time.monotonic()
    taken = _fetch(links[:1], tmp_path, max_bytes=2_000_000)
    assert time.monotonic() - start < 60  # generous: proves it does not hang
    (text,) = taken.corpus["text"]
    assert all(p in text for p in hp.PARAGRAPHS)
    assert "reader1" not in text and "worries everyone" not in text


def test_compressed_pages_are_unpacked_and_measured_unpacked(site, tmp_path):
    packed = gzip.compress(hp.article_with_furniture().encode())
    bomb = gzip.compress(b"<html><body>" + b"<p>" * 3_000_000 + b"</body></html>")
    assert len(bomb) < 50_000
    gz = {"Content-Encoding": "gzip"}
    site.routes.update({"/packed": page(packed, headers=gz), "/bomb": page(bomb, headers=gz)})
    fetched = _fetch([site.url("/packed"), site.url("/bomb")], tmp_path, max_bytes=1_000_000)
    assert _reasons(fetched) == {site.url("/bomb"): "too_large"}
    assert all(p in fetched.corpus["text"][0] for p in hp.PARAGRAPHS)


def test_retries_with_backoff_and_retry_after(site, tmp_path):
    answers = iter([503, 429, 200])

    def busy(h):
        status = next(answers)
        if status == 200:
            h.send_page(hp.article_with_furniture())
        else:
            h.send_page("busy", status=status, headers={"Retry-After": "1"})

    site.routes.update({"/busy": busy, "/down": page("down", status=503)})
    fetched = _fetch([site.url("/busy")], tmp_path, retries=2)
    assert fetched.failures.empty and len(fetched.corpus) == 1
    starts = [hit.started for hit in site.hits]
    assert len(starts) == 3
    assert min(b - a for a, b in zip(starts, starts[1:], strict=False)) >= 0.9  # Retry-After: 1
    failed = _fetch([site.url("/down")], tmp_path, retries=2)
    assert site.paths().count("/down") == 3
    assert failed.failures["http_status"].tolist() == [503]


# --- duplicates and links ---


def test_duplicates_are_fetched_and_reported_once(site, tmp_path):
    floods = site.url("/news/floods")
    links = [
        floods,
        floods + "?utm_source=newsletter",  # the same page with a tracking parameter
        floods + "#comments",
        floods,
        site.url("/amp/news/floods"),  # another address, the same text on the same site
        site.url("/pictures"),
    ]
    fetched = _fetch(links, tmp_path)
    assert fetched.corpus["url"].tolist() == [floods, site.url("/pictures")]
    assert fetched.failures[["url", "reason"]].values.tolist() == [
        [links[1], "duplicate_url"],
        [links[4], "duplicate_text"],
    ]
    # Pages are fetched concurrently, so the server sees them in any order.
    assert sorted(site.paths()) == ["/amp/news/floods", "/news/floods", "/pictures"]


def test_links_come_as_text_files_or_lists(site, tmp_path):
    listing = tmp_path / "links.txt"
    listing.write_text(
        f"# coverage of the flood\n{site.url('/news/floods')}\n\n{site.url('/pictures')}\n"
    )
    pasted = f"Two stories: {site.url('/news/floods')}, and {site.url('/pictures')}."
    for links in (listing, str(listing), pasted, [str(listing)]):
        fetched = _fetch(links, tmp_path)
        assert fetched.corpus["url"].tolist() == [site.url("/news/floods"), site.url("/pictures")]


def test_invalid_links(tmp_path):
    fetched = _fetch(["ftp://example.com/a", "htps://example.com/b"], tmp_path)
    assert fetched.failures["reason"].tolist() == ["invalid_url", "invalid_url"]
    with pytest.raises(CorpusError, match="neither a link"):
        _fetch(["no-such-file.txt"], tmp_path)
    with pytest.raises(CorpusError, match="No links found"):
        _fetch("nothing to see here", tmp_path)
    with pytest.raises(CorpusError, match="concurrency=0"):
        _fetch(["https://example.com/a"], tmp_path, concurrency=0)


# --- offline, politeness ---


def test_offline_every_link_gets_one_clear_failure(tmp_path, internet_attempts):
    links = ["https://www.example.com/news/a", "https://news.example.org/b"]
    with pytest.warns(UserWarning, match="connected to the internet"):
        fetched = fetch_articles(links, pages_dir=tmp_path / "pages", **FETCH)
    assert fetched.corpus.empty
    assert fetched.failures["reason"].tolist() == ["no_connection", "no_connection"]
    assert all("offline" in d for d in fetched.failures["detail"])
    assert {host for _, host in internet_attempts} == {"www.example.com", "news.example.org"}


def test_one_request_at_a_time_per_site_and_a_limit_overall(tmp_path):
    lock, active, peak = threading.Lock(), [0], [0]

    def slow(body):
        def route(h):
            with lock:
                active[0] += 1
                peak[0] = max(peak[0], active[0])
            time.sleep(0.2)
            with lock:
                active[0] -= 1
            h.send_page(body)

        return route

    # Four sites: 127.0.0.2-5 are this machine too, under other addresses.
    sites = [Site(f"127.0.0.{n}") for n in (2, 3, 4, 5)]
    try:
        for s in sites:
            s.routes.update({"/a": slow(hp.busy_article()), "/b": slow(hp.gallery_article())})
        links = [s.url(p) for s in sites for p in ("/a", "/b")]
        fetched = _fetch(links, tmp_path, concurrency=2, delay=0.3)
        assert fetched.failures.empty and len(fetched.corpus) == 8
        assert peak[0] == 2  # the limit, and it was reached
        assert all(s.max_active == 1 for s in sites)
        # A site's next request waits for the answer (0.2 s) and then the delay.
        gaps = [s.hits[1].started - s.hits[0].started for s in sites]
        assert min(gaps) >= 0.5 - 0.01
    finally:
        for s in sites:
            s.close()
