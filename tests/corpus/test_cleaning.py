"""Tests for mediakit.cleaning: what is removed, what never is, and idempotence."""

from __future__ import annotations

import csv

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediakit.corpus.cleaning import CleanedArticle, clean_article, describe_cleaning
from mediakit.paths import data_dir

CORPUS = data_dir() / "corpus"


def _bundled(prefix: str) -> str:
    (path,) = CORPUS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def _metadata_title(prefix: str) -> str:
    with open(data_dir() / "metadata.csv", encoding="utf-8", newline="") as f:
        rows = {row["doc_id"][:3]: row for row in csv.DictReader(f)}
    return rows[prefix]["title"]


# --- the five bundled articles (removals checked by reading each file by hand) ---


def test_article_000_keyword_prefix_removed_sentence_kept():
    raw = _bundled("000")
    cleaned = clean_article(raw)
    ((kind, removed),) = cleaned.removed
    assert kind == "keyword prefix"
    assert removed.startswith("Biden/ ATACMS/ Ukraine missiles/")
    assert removed.endswith("Morning Edition/")
    assert raw.startswith(removed + " ")
    assert cleaned.text.startswith("President Joe Biden has authorized Ukraine")
    assert cleaned.headline == ""
    # The rest of the article is untouched.
    assert cleaned.text == raw[len(removed) + 1 :].strip()
    assert describe_cleaning(cleaned.removed) == (
        'keyword prefix: "Biden/ ATACMS/ …/ Morning Edition/"'
    )


def test_article_001_headline_removed_and_equals_metadata_title():
    raw = _bundled("001")
    cleaned = clean_article(raw)
    first_line, _, rest = raw.partition("\n")
    assert cleaned.removed == (("headline", first_line),)
    assert cleaned.headline == first_line == _metadata_title("001")
    assert cleaned.text == rest.strip()
    assert cleaned.text.startswith(
        "President Joe Biden has authorized Ukraine to use the U.S.-made"
    )


def test_article_002_category_line_and_headline_removed():
    raw = _bundled("002")
    cleaned = clean_article(raw)
    assert cleaned.removed == (
        ("category line", "FEATUREDGeneralLatestNews"),
        ("headline", _metadata_title("002")),
    )
    assert cleaned.headline == _metadata_title("002")
    assert cleaned.text.startswith("President Joe Biden has authorized Ukraine")
    assert "FEATUREDGeneralLatestNews" not in cleaned.text
    assert cleaned.text == raw.split("\n\n", 2)[2].strip()
    assert describe_cleaning(cleaned.removed) == (
        'category line: "FEATUREDGeneralLatestNews" | headline: "Biden Approves Ukraine’s '
        'Use of Long-Range Missiles for Strikes in Russia"'
    )


@pytest.mark.parametrize("prefix", ["003", "004"])
def test_articles_003_004_nothing_removed(prefix):
    raw = _bundled(prefix)
    cleaned = clean_article(raw)
    assert cleaned == CleanedArticle(text=raw.strip(), headline="", removed=())
    assert describe_cleaning(cleaned.removed) == ""


# --- rule 1: keyword prefix ---


def test_keyword_prefix_needs_three_segments():
    assert clean_article("World/ Wire/ Leaders met.").removed == ()
    cleaned = clean_article("World/ Wire/ Paris/ Leaders met.")
    assert cleaned.text == "Leaders met."
    assert cleaned.removed == (("keyword prefix", "World/ Wire/ Paris/"),)


@pytest.mark.parametrize(
    "text",
    [
        "Voters and/or donors/ staff/ aides/ met on Monday.",
        "Open 24/7/ 365/ days/ a year, the shop never closed.",
        "See https://example.com/ news/ today/ for more.",
        "The car drove at 90 km/h on the road/ highway/ street/ all day.",
        "and/or/ either/ neither/ was said.",
        "A very long segment that is far more than forty characters/ B/ C/ D.",
        "One two three four five six/ B/ C/ D.",
    ],
)
def test_keyword_prefix_does_not_fire_on_prose_with_slashes(text):
    assert clean_article(text).text == text


def test_keyword_prefix_only_at_start_of_text():
    text = "Leaders met.\nBiden/ ATACMS/ Russia/ more text."
    assert clean_article(text).text == text


# --- rule 2: category run-ons and boilerplate lines ---


def test_glued_category_line_removed_anywhere():
    text = "First paragraph.\nNewsPoliticsWorld\nSecond paragraph."
    cleaned = clean_article(text)
    assert cleaned.text == "First paragraph.\nSecond paragraph."
    assert cleaned.removed == (("category line", "NewsPoliticsWorld"),)


@pytest.mark.parametrize("line", ["McDonald", "NASA", "iPhone", "Biden", "USA TODAY"])
def test_short_single_words_are_not_category_lines(line):
    text = f"Body one.\n{line}\nBody two."
    assert clean_article(text).text == text


@pytest.mark.parametrize(
    "line", ["Advertisement", "ADVERTISEMENT", "Story continues below advertisement"]
)
def test_standalone_boilerplate_lines_removed(line):
    cleaned = clean_article(f"Para one.\n\n{line}\n\nPara two.")
    assert cleaned.text == "Para one.\n\nPara two."
    assert cleaned.removed == (("boilerplate line", line),)


def test_boilerplate_words_inside_prose_are_kept():
    text = "The Advertisement was pulled.\nAdvertisement revenue fell."
    assert clean_article(text).text == text


def test_repeated_boilerplate_is_counted_in_summary():
    cleaned = clean_article("A one.\nAdvertisement\nB two.\nAdvertisement\nC three.")
    assert describe_cleaning(cleaned.removed) == 'boilerplate line: "Advertisement" (×2)'


# --- rule 3: headline ---


def test_headline_detected_before_body():
    cleaned = clean_article("Leaders Meet in Paris\nLeaders met on Monday.\nThey agreed.")
    assert cleaned.headline == "Leaders Meet in Paris"
    assert cleaned.text == "Leaders met on Monday.\nThey agreed."


@pytest.mark.parametrize(
    "text",
    [
        "Leaders met in Paris.\nThey agreed.",  # ends like a sentence
        "Did leaders meet?\nThey did.",
        "He said “no.”\nThey left.",  # closing quote after the full stop
        "Only one line without punctuation",
        "Leaders Meet in Paris",
        " ".join(["Word"] * 26) + "\nBody text here.",  # too long for a headline
        "one\ntwo\nthree.",  # lowercase start: a fragment, not a headline
        "Leaders Meet\nSecond Short Line\nBody text.",  # next line is not body
        "Sen. Smith speaks in 2017. Zach Gibson/AFP\nBody text here.",  # photo caption
        "(Reuters photo: Jane Doe)\nBody text here.",
        "Here are the facts:\nBody text here.",
    ],
)
def test_not_a_headline(text):
    cleaned = clean_article(text)
    assert cleaned.headline == ""
    # A photo credit at a caption's end is page furniture (cut since the furniture
    # rules); the caption line itself is not taken for a headline.
    assert cleaned.text == text.strip().replace(" Zach Gibson/AFP", "")


def test_headline_after_category_line_with_blank_lines():
    cleaned = clean_article("\n\nNewsWorldLatest\n\nBig Talks Open\n\nLeaders met.\n")
    assert cleaned.text == "Leaders met."
    assert cleaned.headline == "Big Talks Open"


# --- normalisation ---


def test_normalise_whitespace_keeps_paragraphs_and_characters():
    raw = "  First “quoted” line — dash.   \r\nSecond line.\t\r\n\r\n\r\n\r\nThird – para.  \n"
    cleaned = clean_article(raw)
    assert cleaned.text == "First “quoted” line — dash.\nSecond line.\n\nThird – para."
    assert cleaned.removed == ()


def test_empty_and_whitespace_only():
    assert clean_article("") == CleanedArticle("", "", ())
    assert clean_article(" \n\t\n ") == CleanedArticle("", "", ())


def test_rejects_non_string():
    with pytest.raises(TypeError, match="expects a str"):
        clean_article(None)  # type: ignore[arg-type]


def test_describe_cleaning_shortens_long_text():
    headline = "Word " * 30
    summary = describe_cleaning([("headline", headline.strip())])
    assert summary.startswith('headline: "Word Word')
    assert summary.endswith(' …"')
    assert len(summary) < 100


# --- properties ---

# Lines built from pieces that trigger every rule, so the rules interact.
_PIECES = st.sampled_from(
    [
        "Biden/ ",
        "ATACMS/ ",
        "J. Mansour/",
        "and/or ",
        "24/7",
        "FEATUREDGeneralLatestNews",
        "Advertisement",
        "Big Talks Open",
        "Leaders met.",
        "“Quoted.”",
        "Why now?",
        "word ",
        "Sen. Smith",
        "2017. Zach",
        "  ",
        "\t",
        "\r",
        "",
    ]
)
_LINES = st.lists(_PIECES, max_size=6).map("".join)
_ARTICLES = st.one_of(
    st.lists(_LINES, max_size=8).map("\n".join),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=200),
)


@settings(max_examples=400, deadline=None)
@given(_ARTICLES)
def test_cleaning_is_idempotent_and_never_lengthens(raw):
    once = clean_article(raw)
    assert len(once.text) <= len(raw)
    assert clean_article(once.text).text == once.text
    assert clean_article(once.text).removed == ()
    # Every kept line is the author's own characters (a slice of the input).
    normalised = raw.replace("\r\n", "\n").replace("\r", "\n")
    for line in once.text.split("\n"):
        assert line in normalised
