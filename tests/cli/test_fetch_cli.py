"""``mediakit fetch``, run in-process (so that tests.localweb.no_internet guards it)
against a web site on 127.0.0.1, and the README's two-line recipe."""

from __future__ import annotations

import warnings

import pytest

from mediakit.cli import main
from mediakit.cli.fetch import pages_dir_for
from mediakit.corpus import load_corpus
from tests.corpus import html_pages as hp
from tests.localweb import Site, no_internet, page


@pytest.fixture(autouse=True)
def internet_attempts(monkeypatch):
    return no_internet(monkeypatch)


@pytest.fixture
def site():
    site = Site()
    site.routes.update(
        {
            "/news/floods": page(hp.article_with_furniture()),
            "/pictures": page(hp.gallery_article()),
            "/long-read": page(hp.busy_article()),
        }
    )
    yield site
    site.close()


FAST = ["--delay", "0", "--retries", "0", "--timeout", "5"]


def test_fetch_writes_a_corpus_and_lists_the_failures(site, tmp_path, capsys):
    links = tmp_path / "links.txt"
    links.write_text(f"{site.url('/pictures')}\n{site.url('/gone')}\n")
    out = tmp_path / "out" / "corpus.jsonl"
    code = main(["fetch", site.url("/news/floods"), str(links), "-o", str(out), *FAST])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert f"{site.url('/gone')}\n    http_error: the server answered 404" in captured.err
    assert "fetching" in captured.err  # the progress bar
    assert "2 article(s) from 2 outlet(s)" in captured.out
    assert f"mediakit report {out} -o report.html" in captured.out
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a clean file: nothing for load_corpus to warn about
        corpus = load_corpus(out)
    assert corpus["outlet"].tolist() == ["Valley Gazette", "Northern Daily"]
    assert corpus["url"].tolist() == [site.url("/news/floods"), site.url("/pictures")]
    assert corpus["authors"].tolist() == ["Jane Roe", "Sam Okafor"]
    assert corpus["date"].notna().all()
    assert sorted(p.suffix for p in pages_dir_for(out).iterdir()) == [
        ".html",
        ".html",
        ".json",
        ".json",
    ]


def test_an_existing_corpus_is_never_replaced_unasked(site, tmp_path, capsys):
    out = tmp_path / "corpus.jsonl"
    out.write_text("my own notes\n")
    code = main(["fetch", site.url("/news/floods"), "-o", str(out), "-q", *FAST])
    assert code == 2
    assert "already exists" in capsys.readouterr().err
    assert out.read_text() == "my own notes\n"
    assert site.hits == []  # refused before downloading anything
    assert (
        main(["fetch", site.url("/news/floods"), "-o", str(out), "-q", "--overwrite", *FAST]) == 0
    )
    assert len(load_corpus(out)) == 1


def test_rerunning_reads_the_saved_pages(site, tmp_path):
    out = tmp_path / "corpus.jsonl.gz"
    args = ["fetch", site.url("/news/floods"), site.url("/long-read"), "-o", str(out), "-q", *FAST]
    assert main(args) == 0
    first = out.read_bytes()
    assert main([*args, "--overwrite"]) == 0
    assert len(site.hits) == 2  # the second run downloaded nothing
    assert out.read_bytes() == first  # and wrote the same file


def test_nothing_fetched_writes_nothing(site, tmp_path, capsys):
    out = tmp_path / "corpus.jsonl"
    assert main(["fetch", site.url("/gone"), "-o", str(out), "-q", *FAST]) == 1
    assert "nothing" not in capsys.readouterr().out
    assert not out.exists()


def test_offline_each_link_gets_one_line(tmp_path, capsys, internet_attempts):
    out = tmp_path / "corpus.jsonl"
    links = ["https://www.example.com/a", "https://www.example.org/b"]
    assert main(["fetch", *links, "-o", str(out), "-q", *FAST]) == 1
    err = capsys.readouterr().err
    assert err.count("no_connection: the site's name could not be looked up") == 2
    assert len(internet_attempts) >= 2 and not out.exists()


def test_bad_output_name(tmp_path, capsys):
    assert main(["fetch", "https://www.example.com/a", "-o", str(tmp_path / "c.csv")]) == 2
    assert ".jsonl" in capsys.readouterr().err


@pytest.mark.slow
def test_the_two_line_recipe_links_to_report(site, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    links = [site.url(p) for p in ("/news/floods", "/pictures", "/long-read")]
    assert main(["fetch", *links, "-o", str(corpus), "-q", *FAST]) == 0
    report = tmp_path / "report.html"
    assert main(["report", str(corpus), "-o", str(report), "--cache-dir", str(tmp_path / "c")]) == 0
    html = report.read_text()
    assert "Valley Gazette" in html and "Northern Daily" in html and "The Valley Times" in html
