"""Comparisons stay inside one story: overlap and quote alignment with ``within=``."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

import mediakit
from mediakit import CorpusError
from mediakit.analyses.overlap import SIMILARITY_COLUMNS, UNIQUE_COLUMNS, overlap
from mediakit.analyses.quotes import ALIGN_COLUMNS, align_quotes, quotes
from tests.analyses.story_fixtures import BRIDGE, TRANSIT, corpus_of

# One sentence of wire copy that both events' articles carry (a boilerplate-like line
# about the agency), so that, across the whole corpus, articles of different stories
# "share" a sentence.
WIRE = "The Regional News Agency contributed reporting from the state capital today."


def _corpus(**columns) -> pd.DataFrame:
    raw = corpus_of(BRIDGE, TRANSIT)
    raw["text"] = raw["text"] + " " + WIRE
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return mediakit.load_corpus(raw.drop(columns=["event"]).assign(**columns))


@pytest.fixture(scope="module")
def two_stories() -> pd.DataFrame:
    return _corpus()


def test_overlap_compares_only_articles_of_one_story(two_stories):
    across = overlap(two_stories, within=None, cache_dir=False)
    grouped = overlap(two_stories, cache_dir=False)  # auto: two stories -> grouped
    table = mediakit.stories(two_stories, cache_dir=False)
    story = dict(zip(table["doc_id"], table["story"], strict=True))
    cross = across.shared[
        across.shared["doc_id_a"].map(story) != across.shared["doc_id_b"].map(story)
    ]
    assert len(cross) > 0  # the wire line links the two stories when not grouped
    g = grouped.shared
    assert (g["doc_id_a"].map(story) == g["doc_id_b"].map(story)).all()
    assert (g["story"] == g["doc_id_a"].map(story)).all()
    assert list(grouped.similarity.columns) == SIMILARITY_COLUMNS
    assert len(grouped.similarity) == 6  # 3 + 3 pairs inside the two stories, not 15
    assert set(across.shared["story"]) <= {"", *story.values()}


def test_a_sentence_is_unique_when_no_other_outlet_of_its_story_has_it(two_stories):
    grouped = overlap(two_stories, cache_dir=False)
    across = overlap(two_stories, within=None, cache_dir=False)
    assert list(grouped.unique.columns) == UNIQUE_COLUMNS
    # Grouped, fewer twins exist, so at least as many sentences are unique.
    assert len(grouped.unique) >= len(across.unique)
    assert set(grouped.unique_share["story"]) == {"s001", "s002"}


def test_a_story_of_one_outlet_is_left_out_of_uniqueness_not_an_error():
    # The user's own story ids: the bridge articles of Daily Ledger are a story of their own.
    corpus = _corpus(story=["b-1", "b-2", "b-2", "t", "t", "t"])
    ov = overlap(corpus, cache_dir=False)
    share = ov.unique_share.set_index("doc_id")
    assert np.isnan(share.loc["e0-0", "unique_share"])
    assert share.loc[["e1-0", "e1-1", "e1-2"], "unique_share"].notna().all()
    assert "e0-0" not in set(ov.unique["doc_id"])


def test_one_story_is_compared_as_one_corpus_and_says_which():
    corpus = _corpus(story=["all"] * 6)
    grouped = overlap(corpus, cache_dir=False)
    across = overlap(corpus, within=None, cache_dir=False)
    cols = [c for c in across.shared.columns if c != "story"]
    pd.testing.assert_frame_equal(grouped.shared[cols], across.shared[cols])
    assert set(grouped.shared["story"]) == {"all"} and set(across.shared["story"]) == {""}


def test_within_takes_auto_story_or_none(two_stories):
    with pytest.raises(CorpusError, match="within must be"):
        overlap(two_stories, within="outlet", cache_dir=False)


def _quote_table() -> pd.DataFrame:
    # One speaker says the same words about two different events.
    said = "We will rebuild it better than before"
    return pd.DataFrame(
        {
            "doc_id": ["a", "b", "c", "d"],
            "outlet": ["X", "Y", "X", "Y"],
            "story": ["s1", "s1", "s2", "s2"],
            "quote": [said, said + " and faster", said, said],
            "speaker": ["Luis Ferreira"] * 4,
            "kind": ["direct"] * 4,
            "cue": ["said"] * 4,
            "start_char": [0, 0, 0, 0],
            "end_char": [10, 10, 10, 10],
        }
    )


def test_align_quotes_keeps_each_story_apart():
    q = _quote_table()
    grouped = align_quotes(q)
    assert list(grouped.columns) == ALIGN_COLUMNS
    assert grouped.groupby("group_id")["story"].nunique().eq(1).all()
    assert sorted(grouped.groupby("group_id")["doc_id"].apply(tuple)) == [("a", "b"), ("c", "d")]
    across = align_quotes(q, within=None)
    assert across["group_id"].nunique() == 1 and set(across["story"]) == {""}
    with pytest.raises(CorpusError, match="within='story' needs"):
        align_quotes(q.drop(columns=["story"]), within="story")
    assert set(align_quotes(q.drop(columns=["story"]))["story"]) == {""}


def test_the_quotes_table_carries_each_article_story(two_stories):
    q = quotes(two_stories, cache_dir=False)
    assert list(q.columns)[:3] == ["doc_id", "outlet", "story"]
    story = mediakit.stories(two_stories, cache_dir=False).set_index("doc_id")["story"]
    assert (q["story"] == q["doc_id"].map(story)).all()
