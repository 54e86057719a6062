"""Page furniture: generic widgets and prompts, and lines one outlet repeats across stories."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from mediakit import load_corpus
from mediakit.corpus.cleaning import clean_article
from mediakit.corpus.furniture import remove_furniture
from mediakit.corpus.page_furniture import remove_page_furniture
from mediakit.errors import OptionError

from ..shared import ALLSIDES, require_shared

FOOTER = "Copyright © 2021 The Daily Ledger, LLC. Click here for reprint permission."
STORIES = [
    "The city council approved the new budget on Tuesday after a long debate.",
    "Firefighters contained a brush fire near the highway late on Sunday.",
    "The school board voted to delay the start of classes by a week.",
    "A new bridge over the river opened to traffic after two years of work.",
    "The mayor named a new police chief, a veteran of the department.",
]


# --- generic page furniture, one rule each ---


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Sign up for Daily Newsletters Manage Newsletters", "sign-up or share prompt"),
        ("Get the Ledger's top stories delivered to your inbox", "sign-up or share prompt"),
        ("Read or Share this story: https://ledger.example/2x9", "sign-up or share prompt"),
        ("CLICK HERE TO GET THE LEDGER APP", "sign-up or share prompt"),
        ("Can't see the video? Click here.", "sign-up or share prompt"),
        (FOOTER, "copyright or reprint notice"),
        ("© 2020 Ledger Media Group", "copyright or reprint notice"),
        ("24 of 55", "photo gallery"),
        ("Photos: The storm, hour by hour", "photo gallery"),
        ("Enlarge this image toggle caption Jane Roe/Getty Images", "image caption line"),
        ("Image copyright Getty Images Image caption Crowds gathered early", "image caption line"),
        # Lines the fast pre-check must still let through to their pattern:
        ("Slide 3 of 8", "photo gallery"),
        ("Media playback is unsupported on your device", "image caption line"),
        ("Email address Privacy Policy Terms of Service reCAPTCHA", "sign-up or share prompt"),
        ("(c) 2019 Ledger Media Group", "copyright or reprint notice"),
    ],
)
def test_whole_furniture_lines_are_removed(line, kind):
    text, removed = remove_page_furniture(f"{STORIES[0]}\n{line}\n{STORIES[1]}")
    assert text == f"{STORIES[0]}\n{STORIES[1]}"
    assert removed == ((kind, line),)


def test_video_widget_is_cut_and_following_prose_kept():
    widget = "JUST WATCHED Storm hits the coast Replay More Videos ... MUST WATCH Storm hits the coast 02:14"
    text, removed = remove_page_furniture(f"{widget}\n{STORIES[0]}")
    assert text.strip() == STORIES[0]
    assert removed == (("video widget", widget),)


def test_gallery_slides_are_cut_with_their_counters():
    gallery = (
        "Photos: Photos: Storm week Storm week – Waves break over the sea wall. Hide Caption 1 of 2 "
        "Photos: Photos: Storm week Storm week – A man clears a drain. Hide Caption 2 of 2"
    )
    text, removed = remove_page_furniture(f"{STORIES[0]}\n{gallery}")
    assert text.strip() == STORIES[0]
    assert [kind for kind, _ in removed] == ["photo gallery", "photo gallery"]
    assert "Storm week" not in text and "Hide Caption" not in text


def test_photo_credit_is_cut_inside_a_caption_line():
    line = "The governor speaks in Albany on Monday. (AP Photo/Hans Pennink, File)"
    text, removed = remove_page_furniture(line)
    assert text == "The governor speaks in Albany on Monday."
    assert removed == (("photo credit", "(AP Photo/Hans Pennink, File)"),)


@pytest.mark.parametrize(
    "prose",
    [
        "More than 2,000 readers signed up for the newsletter, the editor said.",
        "He said he would subscribe to any plan that cut taxes.",
        "Photos of the meeting, which were shared online, show the two men shaking hands.",
        "The copyright dispute over the song lasted four years.",
        "Click here, she said, was the most common phrase in the old training manual.",
        "The vote was 24 of 55 in favour, short of the majority needed.",
        "Advertisement revenue fell by a third last year.",
    ],
)
def test_prose_that_mentions_furniture_words_is_kept(prose):
    assert remove_page_furniture(prose) == (prose, ())


def test_advertisement_and_story_continued_lines_are_boilerplate():
    cleaned = clean_article(f"{STORIES[0]}\nAdvertisement:\n{STORIES[1]}\nStory Continued Below")
    assert cleaned.text == f"{STORIES[0]}\n{STORIES[1]}"


# --- an outlet's repeated lines ---


def test_line_repeated_across_one_outlets_stories_is_removed():
    texts = [f"{story}\n{FOOTER.replace('©', 'by')}" for story in STORIES]
    found = remove_furniture(texts, ["Ledger"] * 5)
    assert [text for text, _ in found] == STORIES
    assert found[0][1] == (("outlet furniture (in 5 of 5 articles)", FOOTER.replace("©", "by")),)


def test_footer_years_and_case_do_not_matter():
    lines = ["The Ledger staff, 2019", "THE LEDGER STAFF, 2020", "The Ledger staff, 2021"]
    texts = [f"{s}\n{line}" for s, line in zip(STORIES, lines, strict=False)]
    assert all(removed for _, removed in remove_furniture(texts, ["Ledger"] * 3))


def test_an_article_is_never_emptied():
    # One-line articles that differ only in a number are duplicates, not furniture:
    # removing the line would leave nothing to analyse.
    texts = [f"The council argued about the budget for {n} hours." for n in range(6)]
    assert remove_furniture(texts, ["Ledger"] * 6) == [(t, ()) for t in texts]


def test_repetition_across_outlets_is_not_evidence():
    # A wire paragraph in five outlets' articles is prose reprinted, not furniture.
    wire = "The storm is expected to reach the coast by Thursday, forecasters said."
    texts = [f"{story}\n{wire}" for story in STORIES]
    outlets = ["Ledger", "Courier", "Herald", "Gazette", "Post"]
    assert all(removed == () for _, removed in remove_furniture(texts, outlets))


def test_one_story_filed_several_times_counts_once():
    # Three updates of one story share their paragraphs: not furniture.
    body = [
        "Firefighters contained a brush fire near the highway late on Sunday.",
        "No homes were damaged, the fire chief said.",
        "The cause of the fire is under investigation.",
        "Residents were allowed back by midnight.",
    ]
    texts = ["\n".join(body + [f"Update {n}: crews remain on site."]) for n in ("one", "two", "3")]
    assert all(removed == () for _, removed in remove_furniture(texts, ["Ledger"] * 3))


def test_same_story_id_counts_once():
    line = "Residents were allowed back by midnight."
    texts = [f"{story}\n{line}" for story in STORIES[:3]]
    found = remove_furniture(texts, ["Ledger"] * 3, stories=["fire", "fire", "fire"])
    assert all(removed == () for _, removed in found)


def test_thresholds_are_settable_and_checked():
    texts = [f"{s}\nFrom the Ledger desk" for s in STORIES[:2]] + STORIES[2:]
    assert not any(r for _, r in remove_furniture(texts, ["Ledger"] * 5))
    assert any(r for _, r in remove_furniture(texts, ["Ledger"] * 5, min_articles=2))
    texts = [f"{s}\nFrom the Ledger desk" for s in STORIES[:3]] + STORIES[2:] * 4
    assert not any(r for _, r in remove_furniture(texts, ["Ledger"] * len(texts), share=0.5))
    with pytest.raises(OptionError, match="furniture_share"):
        remove_furniture(texts, ["Ledger"] * len(texts), share=0)
    with pytest.raises(OptionError, match="furniture_min_articles"):
        load_corpus(pd.DataFrame({"text": STORIES}), furniture_min_articles=1)


def test_load_corpus_records_furniture_and_keeps_raw_text():
    table = pd.DataFrame(
        {"text": [f"{s}\nFrom the Ledger desk" for s in STORIES], "outlet": ["Ledger"] * 5}
    )
    corpus = load_corpus(table)
    assert corpus["text"].tolist() == STORIES
    assert corpus["raw_text"].tolist() == table["text"].tolist()
    assert corpus["cleaning"][0] == 'outlet furniture (in 5 of 5 articles): "From the Ledger desk"'


def test_articles_without_an_outlet_are_left_alone():
    table = pd.DataFrame({"text": [f"{s}\nFrom the Ledger desk" for s in STORIES]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(table)
    assert corpus["text"].tolist() == table["text"].tolist()


def test_bundled_corpus_has_no_furniture():
    corpus = load_corpus()
    assert not corpus["cleaning"].str.contains("furniture|widget|gallery|prompt|credit").any()


def test_allsides_furniture_removed_and_wire_stories_kept():
    corpus = load_corpus(require_shared(ALLSIDES))
    wt = corpus[corpus["outlet"] == "Washington Times"]
    assert not wt["text"].str.contains("reprint permission|Manage Newsletters").any()
    cnn = corpus[corpus["outlet"] == "CNN (Web News)"]
    assert not cnn["text"].str.contains("Replay More Videos|Hide Caption").any()
    # Measured: 13 long articles lose over half their characters: 12 CNN pages whose
    # photo galleries and video widgets are longer than the story, and one The Hill
    # page full of related-links pop-ups (read by hand).
    kept = corpus["text"].str.len() / corpus["raw_text"].str.len().clip(lower=1)
    heavy = corpus[(kept < 0.5) & (corpus["raw_text"].str.len() > 2000)]
    assert len(heavy) <= 15
    for note in heavy["cleaning"]:
        kinds = {part.split(":")[0] for part in note.split(" | ")}
        assert kinds <= {
            "photo gallery",
            "video widget",
            "photo credit",
            "headline",
            "first line (not prose)",
            "sign-up or share prompt",
            "related-links widget",
            "boilerplate line",
        }


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        (
            "The senators met in Washington. (Chip Somodevilla/Getty Images)",
            "The senators met in Washington.",
        ),
        ("Migrants wait at the border Drew Angerer/Getty Images", "Migrants wait at the border"),
        (
            "Officials sign the bill on April 24, 2020. REUTERS/Jane Roe/File Photo",
            "Officials sign the bill on April 24, 2020.",
        ),
        ("Rod Rosenstein speaks. Photo: Jane Roe/Getty Images", "Rod Rosenstein speaks."),
        (
            "The cliff looms. ( PHOTOS: The key players) Talks resume.",
            "The cliff looms. Talks resume.",
        ),
        ("FILE - In this April 5, 2019 file photo, the president speaks.", ""),
        ("Media playback is unsupported on your device Media caption The mayor speaks", ""),
        ("Hide caption A girl signs a poster after the march.", ""),
        ("Advertisement Continue reading the main story", ""),
    ],
)
def test_credits_and_caption_lines_of_agencies(line, kept):
    assert clean_article(f"{STORIES[0]}\n{line}").text == f"{STORIES[0]}\n{kept}".strip()


def test_prose_with_a_slash_is_kept():
    prose = "He said the rule was good and/or bad for AP reporters and Reuters editors."
    assert remove_page_furniture(prose) == (prose, ())


def test_related_links_pop_up_is_cut_and_the_name_kept():
    line = (
        "Senate leader Jane Q. Roe Jane Quinn RoeSenate passes farm bill Roe signs order MORE "
        "said on Monday that the vote would wait."
    )
    text, removed = remove_page_furniture(line)
    assert text == "Senate leader Jane Q. Roe said on Monday that the vote would wait."
    assert removed == (
        ("related-links widget", "Jane Quinn RoeSenate passes farm bill Roe signs order MORE"),
    )


def test_sign_up_form_flattened_into_a_line_is_a_prompt():
    form = "Sign Up Now You may unsubscribe at any time. See our Privacy Policy for details."
    assert remove_page_furniture(f"{STORIES[0]}\n{form}") == (
        STORIES[0],
        (("sign-up or share prompt", form),),
    )
