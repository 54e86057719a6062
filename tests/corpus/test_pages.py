"""Tests for saved web pages: extraction (mediakit.corpus.pages), the outlet, the
encoding, the checks on what came out, and load_corpus on .html files.

The pages are built by tests.corpus.html_pages in the layouts news sites use.
"""

from __future__ import annotations

import subprocess
import sys
import warnings

import pandas as pd
import pytest

from mediakit.corpus import load_corpus
from mediakit.corpus.article_check import check_article
from mediakit.corpus.charset import decode_html
from mediakit.corpus.english import looks_english
from mediakit.corpus.outlets import outlet_name, site_domain
from mediakit.corpus.pages import drop_repeated_lines, read_page
from tests.corpus import html_pages as hp
from tests.localweb import no_internet
from tests.shared import ALLSIDES, BASIL, require_shared


@pytest.fixture(autouse=True)
def internet_attempts(monkeypatch):
    return no_internet(monkeypatch)


# --- the article, without the page around it ---


@pytest.mark.parametrize(
    ("layout", "title"),
    [
        (hp.article_with_furniture, "Floods cut off east Alderford"),
        (hp.gallery_article, "In pictures: Alderford under water"),
        (hp.plain_article, "Flood warning stays in place"),
        (hp.busy_article, "Why the Alderford flood wall failed"),
    ],
)
def test_the_article_comes_out_and_the_furniture_stays_behind(layout, title):
    page = read_page(layout())
    assert page.title == title
    for paragraph in hp.PARAGRAPHS:
        assert page.text.count(paragraph) == 1, paragraph
    assert [f for f in hp.FURNITURE if f in page.text] == []
    # Nav, cookie banner, comments, gallery captions, related links: none of their words.
    for phrase in ("Manage settings", "riverwatcher", "Credit: Staff photographer",
                   "Council approves new cycle lanes", "Previous Next", "About us"):  # fmt: skip
        assert phrase not in page.text
    assert check_article(page) is None


def test_links_and_pull_quotes_inside_the_article_are_not_prose():
    text = read_page(hp.busy_article()).text
    assert "Read more" not in text
    # The pull quote repeats a sentence of the article: it is kept once, in its sentence.
    assert text.count("We have never seen the water rise this fast") == 1


def test_repeated_lines_keep_their_first_full_occurrence():
    text = "A caption shown twice here\nBody text.\nA caption shown twice here\nShort\nShort"
    assert drop_repeated_lines(text) == "A caption shown twice here\nBody text.\nShort\nShort"


def test_metadata_from_meta_tags_and_json_ld():
    page = read_page(hp.article_with_furniture())
    assert (page.authors, page.date, page.language) == ("Jane Roe", "2024-03-05", "en-GB")
    assert page.url == "https://www.valleygazette.co.uk/news/floods-alderford"  # canonical link
    ld = read_page(hp.gallery_article())
    assert (ld.outlet, ld.authors, ld.date) == ("Northern Daily", "Sam Okafor", "2024-03-06")


def test_a_date_comes_from_what_the_page_states_not_from_dates_in_the_text():
    mentions = [*hp.PARAGRAPHS, "The last flood, on 14 February 2021, was smaller."]
    assert read_page(hp.plain_article(paragraphs=mentions)).date == ""
    in_url = read_page(hp.plain_article(), url="https://news.example/2024/03/07/flood-warning")
    assert in_url.date == "2024-03-07"


# --- the outlet ---


def test_the_outlet_is_the_name_the_site_gives_itself():
    page = read_page(hp.article_with_furniture(), url="https://www.valleygazette.co.uk/news/1")
    assert page.outlet == "Valley Gazette"


def test_without_a_site_name_the_outlet_is_the_domain_not_the_facebook_page():
    # article:publisher holds the site's Facebook page; trafilatura takes it for the name.
    page = read_page(hp.article_with_furniture(site=None), url="https://www.valleygazette.co.uk/a")
    assert page.outlet == "valleygazette.co.uk"
    assert read_page(hp.plain_article(), url="https://m.example.com/news/1").outlet == "example.com"


@pytest.mark.parametrize(
    ("site_name", "url", "outlet"),
    [
        ("BBC News", "https://www.bbc.co.uk/news/uk-1", "BBC News"),
        (None, "https://www.bbc.co.uk/news/uk-1", "bbc.co.uk"),
        ("", "https://amp.theguardian.com/world/1", "theguardian.com"),
        ("  The   Valley Times ", None, "The Valley Times"),
        ("https://www.facebook.com/bbcnews", "https://www.bbc.co.uk/news/1", "bbc.co.uk"),
        ("www.Example.co.uk", "https://other.example/1", "example.co.uk"),
        ("nytimes.com", None, "nytimes.com"),
        (None, None, ""),
    ],
)
def test_outlet_name(site_name, url, outlet):
    assert outlet_name(site_name, url) == outlet


def test_site_domain_keeps_real_subdomains():
    assert site_domain("https://news.sky.com/story/1") == "news.sky.com"
    assert site_domain("https://www2.example.org:8080/a") == "example.org"
    assert site_domain("https://m.co/a") == "m.co"  # a domain, not a mobile prefix


# --- bytes, charsets, saved pages ---


def test_charsets_as_browsers_choose_them():
    text = "<p>\u201cOk\u201d \u00a32m</p>"
    assert decode_html(text.encode("cp1252"), "windows-1252") == (text, "cp1252")
    assert decode_html(text.encode("cp1252"), "ISO-8859-1") == (text, "cp1252")
    assert decode_html(b"\xef\xbb\xbf" + text.encode())[1] == "utf-8-sig"
    # A wrong declaration does not garble a UTF-8 page.
    assert decode_html(text.encode(), "shift_jis_bogus") == (text, "utf-8")
    assert decode_html(text.encode("cp1252")) == (text, "cp1252")
    broken = decode_html(b"<p>\x81\xff</p>")
    assert broken[1] == "utf-8 (replaced)" and "\ufffd" in broken[0]
    page = read_page(hp.cp1252_article())
    assert page.encoding == "cp1252" and "\u201cIt will take months,\u201d" in page.text


def test_a_page_saved_from_a_browser_remembers_its_address():
    html = "<!-- saved from url=(0044)https://www.valleygazette.co.uk/news/2 -->\n" + (
        hp.plain_article()
    )
    page = read_page(html)
    assert page.url == "https://www.valleygazette.co.uk/news/2"
    assert page.outlet == "valleygazette.co.uk"


# --- what is not an article ---


def test_checks_name_what_is_wrong():
    assert check_article(read_page(hp.section_front()))[0] == "not_article"
    assert check_article(read_page(hp.paywall_stub()))[0] == "paywall"
    assert check_article(read_page(hp.spanish_article()))[0] == "not_english"
    assert check_article(read_page("")) is not None


def test_a_full_article_marked_not_free_is_an_article():
    # Subscribers (and some sites' readers) get the whole text despite the mark.
    marked = hp.plain_article(
        extra_head='<script type="application/ld+json">{"isAccessibleForFree": false}</script>'
    )
    page = read_page(marked)
    assert not page.free
    assert check_article(page) is None


def test_the_not_free_mark_in_microdata():
    mark = '<meta itemprop="isAccessibleForFree" content="False">'
    assert not read_page(hp.plain_article(extra_head=mark)).free
    assert read_page(hp.plain_article(extra_head=mark.replace("False", "True"))).free


def test_a_subscribe_prompt_without_the_mark_is_a_paywall_stub():
    html = hp.paywall_stub().replace('"isAccessibleForFree": "False"', '"wordCount": 900')
    assert "isAccessibleForFree" not in html
    page = read_page(html)
    assert page.free and page.subscribe_prompt
    assert check_article(page)[0] == "paywall"


SAMPLES = {
    "es": "El río se desbordó el martes por la mañana y el ayuntamiento abrió el gimnasio de "
    "la escuela como refugio para las familias que tuvieron que dejar sus casas.",
    "fr": "Le fleuve est sorti de son lit mardi matin et la mairie a ouvert le gymnase de "
    "l'école pour accueillir les familles qui ont dû quitter leur maison.",
    "de": "Der Fluss ist am Dienstagmorgen über die Ufer getreten, und die Gemeinde hat die "
    "Turnhalle der Schule für Familien geöffnet, die ihre Häuser verlassen mussten.",
    "nl": "De rivier trad dinsdagochtend buiten haar oevers en de gemeente opende de "
    "sporthal van de school voor gezinnen die hun huizen moesten verlaten.",
}


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_other_languages_do_not_look_english(lang):
    assert not looks_english(SAMPLES[lang] * 2)


def test_real_english_articles_look_english():
    texts = []
    for path in (ALLSIDES, BASIL):
        texts += pd.read_json(require_shared(path), lines=True)["text"].tolist()
    assert len(texts) == 2090
    assert sum(not looks_english(t) for t in texts) == 0
    assert looks_english(" ".join(hp.PARAGRAPHS))


# --- load_corpus on saved pages ---


def _write_pages(folder):
    folder.mkdir()
    (folder / "floods.html").write_text(hp.article_with_furniture(), encoding="utf-8")
    (folder / "pictures.htm").write_text(hp.gallery_article(), encoding="utf-8")
    (folder / "legacy.html").write_bytes(hp.cp1252_article())
    (folder / "note.txt").write_text("Water levels fell overnight.\nMore rain is due.")
    return folder


def _load(*args, **kwargs):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = load_corpus(*args, **kwargs)
    return corpus, [str(w.message) for w in caught]


def test_load_corpus_reads_saved_pages_mixed_with_text_files(tmp_path, internet_attempts):
    corpus, notes = _load(_write_pages(tmp_path / "saved"))
    assert corpus["doc_id"].tolist() == ["floods", "legacy", "note", "pictures"]
    assert corpus["outlet"].tolist() == ["Valley Gazette", "unknown", "unknown", "Northern Daily"]
    assert corpus["title"].tolist() == [
        "Floods cut off east Alderford",
        "Flood repairs to cost \u00a32m",
        "",
        "In pictures: Alderford under water",
    ]
    assert corpus["date"].dt.strftime("%Y-%m-%d").fillna("").tolist() == [
        "2024-03-05", "", "", "2024-03-06",
    ]  # fmt: skip
    assert corpus["authors"].tolist() == ["Jane Roe", "", "", "Sam Okafor"]
    assert corpus["url"][0] == "https://www.valleygazette.co.uk/news/floods-alderford"
    assert corpus["encoding"].tolist() == ["utf-8", "cp1252", "utf-8", "utf-8"]
    assert corpus["text"][0].startswith(hp.PARAGRAPHS[0])  # the headline went to title
    assert "headline" in corpus["cleaning"][0]
    assert corpus["text"][2] == "Water levels fell overnight.\nMore rain is due."
    assert any("2 of 4 article(s) have no outlet" in n for n in notes)
    assert internet_attempts == []  # loading never touches the network


def test_a_text_only_folder_is_unchanged(tmp_path):
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "a.txt").write_text("One line.")
    corpus, _ = _load(folder)
    assert "url" not in corpus.columns and "authors" not in corpus.columns


def test_load_corpus_reads_one_saved_page(tmp_path):
    path = _write_pages(tmp_path / "saved") / "floods.html"
    corpus, notes = _load(path)
    assert corpus[["doc_id", "outlet", "authors"]].values.tolist() == [
        ["floods", "Valley Gazette", "Jane Roe"]
    ]
    assert notes == []


def test_metadata_wins_over_the_page_and_fills_what_it_lacks(tmp_path):
    folder = _write_pages(tmp_path / "saved")
    pd.DataFrame(
        {
            "doc_id": ["floods", "legacy"],
            "publisher": ["Gazette (print edition)", ""],
            "title": ["", "Repairs will cost two million"],
            "url": ["", "https://valley.example/legacy"],
        }
    ).to_csv(folder / "metadata.csv", index=False)
    corpus, _ = _load(folder, outlet="publisher")
    rows = corpus.set_index("doc_id")
    assert rows.loc["floods", "outlet"] == "Gazette (print edition)"
    assert rows.loc["floods", "title"] == "Floods cut off east Alderford"  # from the page
    assert rows.loc["legacy", "title"] == "Repairs will cost two million"
    assert rows.loc["legacy", "url"] == "https://valley.example/legacy"
    assert rows.loc["pictures", "outlet"] == "Northern Daily"
    assert rows.loc["floods", "date"] == pd.Timestamp("2024-03-05")


def test_saved_pages_that_are_not_articles_are_kept_with_a_warning(tmp_path):
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "front.html").write_text(hp.section_front())
    (folder / "stub.html").write_text(hp.paywall_stub())
    (folder / "story.html").write_text(hp.plain_article())
    corpus, notes = _load(folder)
    assert len(corpus) == 3
    assert any("hold no article" in n and "front.html" in n for n in notes)
    assert any("paywall stub" in n and "stub.html" in n for n in notes)


def test_the_input_folder_is_not_changed(tmp_path):
    folder = _write_pages(tmp_path / "saved")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    _load(folder)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_loading_pages_never_loads_mediakits_http_client(tmp_path):
    # (trafilatura imports urllib3 for a downloader of its own, which mediakit never calls.)
    folder = _write_pages(tmp_path / "saved")
    code = (
        "import sys, warnings; warnings.simplefilter('ignore'); import mediakit; "
        f"c = mediakit.load_corpus({str(folder)!r}); "
        "print(len(c), 'requests' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.split("\n")[0] == "4 False"
