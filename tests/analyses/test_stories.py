"""``stories``: articles grouped into the events they report."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp
from sklearn.metrics import adjusted_rand_score

import mediakit
from mediakit import CorpusError
from mediakit.analyses.stories import (
    COLUMNS,
    SUMMARY_COLUMNS,
    group_by_story,
    stories,
    stories_summary,
    story_labels,
    story_subset,
)
from mediakit.analyses.stories.clusters import cluster_articles
from mediakit.analyses.stories.neighbours import similar_articles
from mediakit.parsing.parsed import parse_corpus
from tests.analyses.story_fixtures import BRIDGE, FIRE, SECOND_FIRE, TRANSIT, corpus_of
from tests.shared import BASIL, require_shared


def _load(raw: pd.DataFrame) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return mediakit.load_corpus(raw.drop(columns=["event"]))


@pytest.fixture(scope="module")
def three_events():
    raw = corpus_of(BRIDGE, TRANSIT, FIRE)
    return _load(raw), raw["event"].to_numpy()


def test_three_events_by_three_outlets_are_three_stories(three_events):
    corpus, truth = three_events
    table = stories(corpus, cache_dir=False)
    assert list(table.columns) == COLUMNS
    assert table["doc_id"].tolist() == corpus["doc_id"].tolist()
    assert adjusted_rand_score(truth, table["story"]) == 1.0
    assert set(table["story_size"]) == {3} and set(table["outlets_in_story"]) == {3}
    assert table["similarity"].between(0.5, 1.0).all()
    assert table.dtypes.astype(str).tolist() == [
        "str", "str", "str", "str", "int64", "int64", "float64",
    ]  # fmt: skip


def test_ids_count_stories_in_date_order_and_titles_come_from_the_most_central_article(
    three_events,
):
    corpus, _ = three_events
    table = stories(corpus, cache_dir=False)
    by_doc = table.set_index("doc_id")
    # The transit vote (1 March) is the first story, the bridge (2 March) the second.
    assert by_doc.loc["e1-0", "story"] == "s001"
    assert by_doc.loc["e0-0", "story"] == "s002"
    assert by_doc.loc["e2-0", "story"] == "s003"
    bridge = table[table["story"] == "s002"]
    central = bridge.loc[bridge["similarity"].idxmax(), "doc_id"]
    assert bridge["story_title"].iloc[0] == corpus.set_index("doc_id").loc[central, "title"]


def test_the_same_corpus_gives_the_same_ids_and_titles_and_is_not_modified(three_events):
    corpus, _ = three_events
    before = corpus.copy(deep=True)
    first = stories(corpus, cache_dir=False)
    mediakit.analyses.stories.table._MEMO.clear()  # computed afresh, not served from memory
    again = stories(corpus.copy(), cache_dir=False)
    pd.testing.assert_frame_equal(first, again)
    pd.testing.assert_frame_equal(corpus, before)


def test_dates_keep_apart_two_events_that_read_alike():
    # Two wildfires at one place, seven weeks apart: the words alone join them.
    raw = corpus_of(FIRE, SECOND_FIRE)
    corpus = _load(raw)
    dated = stories(corpus, cache_dir=False)["story"]
    assert adjusted_rand_score(raw["event"], dated) == 1.0
    content = stories(corpus, cache_dir=False, window_days=None)["story"]
    assert content.nunique() == 1


def test_without_dates_the_content_alone_finds_the_events():
    raw = corpus_of(BRIDGE, TRANSIT, FIRE, dates=False)
    corpus = _load(raw)
    assert corpus["date"].isna().all()
    assert adjusted_rand_score(raw["event"], stories(corpus, cache_dir=False)["story"]) == 1.0


def test_a_story_column_of_the_corpus_is_used_as_given():
    raw = corpus_of(BRIDGE, TRANSIT)
    # Deliberately "wrong" ids: the user's grouping wins over anything computed.
    raw = raw.assign(case=["A-1", "A-1", "B-7", "B-7", "B-7", ""])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = mediakit.load_corpus(raw.drop(columns=["event"]), story="case")
    table = stories(corpus, cache_dir=False)
    assert table["story"].tolist() == ["A-1", "A-1", "B-7", "B-7", "B-7", "none:e1-2"]
    assert corpus["story"].tolist() == ["A-1", "A-1", "B-7", "B-7", "B-7", ""]
    assert story_labels(parse_corpus(corpus, cache_dir=False)).tolist() == table["story"].tolist()


def test_one_article_and_one_outlet_stories_are_marked_not_comparable():
    lone = [
        ("Daily Ledger", "2023-04-20", "Library reopens", "The Orchard Street library reopened.")
    ]
    one_outlet = [
        ("Metro Wire", "2023-06-01", *BRIDGE[0][2:]),
        ("Metro Wire", "2023-06-02", *BRIDGE[1][2:]),
    ]
    corpus = _load(corpus_of(TRANSIT, one_outlet, lone))
    summary = stories_summary(corpus, cache_dir=False)
    assert list(summary.columns) == SUMMARY_COLUMNS
    assert summary["articles"].tolist() == [3, 2, 1]  # most outlets first
    assert summary["comparable"].tolist() == [True, False, False]
    assert summary["note"].tolist()[1:] == [
        "one outlet only: not compared across outlets",
        "one article: nothing to compare it with",
    ]
    first = summary.iloc[0]
    assert first["outlet_names"] == "Daily Ledger, Evening Post, Metro Wire"
    assert "Priya Raman" in first["top_entities"] and "tax" in first["top_terms"]
    assert (first["first_date"], first["span_days"]) == (pd.Timestamp("2023-03-01"), 1.0)


def test_an_empty_article_is_a_story_of_its_own():
    raw = corpus_of(TRANSIT)
    raw.loc[len(raw)] = ["blank", "Evening Post", "2023-03-01", "", "", "event-x"]
    table = stories(_load(raw), cache_dir=False)
    blank = table.set_index("doc_id").loc["blank"]
    assert blank["story_size"] == 1 and np.isnan(blank["similarity"])
    assert table["story"].nunique() == 2


def test_bad_options_say_what_to_pass(three_events):
    corpus, _ = three_events
    with pytest.raises(CorpusError, match="threshold is a mean cosine similarity"):
        stories(corpus, threshold=0, cache_dir=False)
    with pytest.raises(CorpusError, match="window_days"):
        stories(corpus, window_days=-1, cache_dir=False)
    with pytest.raises(CorpusError, match="within must be"):
        group_by_story("outlet", None)


def test_a_story_subset_is_a_parsed_corpus_of_its_articles(three_events):
    corpus, _ = three_events
    pc = parse_corpus(corpus, cache_dir=False)
    labels = story_labels(pc)
    sub = story_subset(pc, labels, "s002")
    assert sub.corpus["doc_id"].tolist() == ["e0-0", "e0-1", "e0-2"]
    assert set(sub.corpus["story"]) == {"s002"}
    assert sub.keys == pc.keys[:3]
    with pytest.raises(CorpusError, match="No story 's02'.*Closest ids: s002"):
        story_subset(pc, labels, "s02")


# -- the stages, on hand-made vectors ------------------------------------------------------
def test_average_link_does_not_chain_two_stories_through_one_bridging_article():
    # Stories {0,1,2} and {4,5,6}; article 3 shares a little with 2 and with 4.
    # Single link at 0.3 would join all seven.
    dims = np.zeros((7, 8))
    dims[[0, 1, 2], 0] = 1.0
    dims[[0, 1, 2], 1] = [0.5, 0.6, 0.4]
    dims[[4, 5, 6], 2] = 1.0
    dims[[4, 5, 6], 3] = [0.5, 0.4, 0.6]
    dims[2, 4] = dims[4, 5] = 0.9
    dims[3, [4, 5]] = 1.0
    m = sp.csr_matrix(dims / np.linalg.norm(dims, axis=1, keepdims=True))
    full = (m @ m.T).toarray()
    a, b = np.triu_indices(7, 1)
    keep = full[a, b] >= 0.3
    edges = (a[keep], b[keep], full[a, b][keep])
    single = sp.csgraph.connected_components(sp.csr_matrix((full >= 0.3).astype(int)))[0]
    assert single == 1
    labels = cluster_articles(m, edges, None, threshold=0.3, window_days=None)
    assert len(set(labels[[0, 1, 2]])) == 1 and len(set(labels[[4, 5, 6]])) == 1
    assert labels[0] != labels[4]


def test_an_oversized_component_is_cut_at_its_weakest_links():
    # A chain 0-1-2-3 with a weak middle link; at most two articles per piece.
    dims = np.array([[1.0, 0.0], [1.0, 0.1], [0.1, 1.0], [0.0, 1.0]])
    m = sp.csr_matrix(dims / np.linalg.norm(dims, axis=1, keepdims=True))
    edges = (np.array([0, 1, 2]), np.array([1, 2, 3]), np.array([0.9, 0.3, 0.9]))
    labels = cluster_articles(m, edges, None, threshold=0.2, window_days=None, max_component=2)
    assert labels[0] == labels[1] and labels[2] == labels[3] and labels[0] != labels[2]


def test_candidates_stay_inside_the_date_window_and_undated_articles_meet_all():
    m = sp.csr_matrix(np.ones((4, 1)))
    days = np.array([0.0, 3.0, 30.0, np.nan])
    a, b, _ = similar_articles(m, np.array([4]), days, threshold=0.5, window_days=7)
    assert sorted(zip(a.tolist(), b.tolist(), strict=True)) == [(0, 1), (0, 3), (1, 3), (2, 3)]
    a, _, _ = similar_articles(m, np.array([4]), days, threshold=0.5, window_days=None)
    assert len(a) == 6


def test_common_terms_do_not_propose_candidates_but_count_in_the_score():
    # Column 0 is in every article (too common to link); column 1 links articles 0 and 1.
    m = sp.csr_matrix(np.array([[0.8, 0.6, 0.0], [0.8, 0.6, 0.0], [0.8, 0.0, 0.6]]))
    a, b, sim = similar_articles(
        m, np.array([3, 2, 1]), None, threshold=0.5, window_days=None, max_df=2
    )
    assert (a.tolist(), b.tolist()) == ([0], [1])
    assert sim.round(6).tolist() == [1.0]  # both columns counted


# -- real articles ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def basil():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = mediakit.load_corpus(require_shared(BASIL))
    truth = corpus["story"].to_numpy()
    return corpus.drop(columns=["story"]), truth


def test_basil_events_are_found_with_and_without_dates(basil):
    # 30 real events x Fox News, New York Times, HuffPost. Measured with
    # benchmarks/eval_stories.py: ARI 1.000 with dates and 1.000 from content alone
    # (the naive single-link TF-IDF baseline: 0.789 at its best threshold in hindsight).
    corpus, truth = basil
    dated = stories(corpus)
    content = stories(corpus, window_days=None)
    assert adjusted_rand_score(truth, dated["story"]) >= 0.97
    assert adjusted_rand_score(truth, content["story"]) >= 0.95
    assert dated["outlets_in_story"].eq(3).mean() >= 0.9
