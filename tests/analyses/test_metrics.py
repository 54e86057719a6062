"""`mediakit.analyze`: one row per article, the promised columns, numbers that add up."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import mediakit
from mediakit.analyses.metrics import METRIC_COLUMNS

ENTITY_TYPES = ["person", "org", "gpe", "norp", "loc", "date", "money", "cardinal", "percent"]


def test_five_rows_with_the_promised_columns(metrics):
    assert len(metrics) == 5
    assert list(metrics.columns[: len(METRIC_COLUMNS)]) == METRIC_COLUMNS
    for t in ENTITY_TYPES:
        assert f"{t}_mentions" in metrics.columns
        assert f"{t}_mentions_per_1k_words" in metrics.columns
    for c in ("distinct_people", "distinct_organisations", "distinct_places"):
        assert c in metrics.columns
    assert metrics["doc_id"].is_unique


def test_ratios_follow_from_counts(metrics):
    np.testing.assert_allclose(metrics.words_per_sentence, metrics.words / metrics.sentences)
    np.testing.assert_allclose(
        metrics.person_mentions_per_1k_words, metrics.person_mentions / metrics.words * 1000
    )
    assert ((metrics.mattr > 0) & (metrics.mattr <= 1)).all()
    # Newslooks (000) is the longest article (860 words by wc).
    assert metrics.loc[metrics.words.idxmax(), "outlet"] == "Newslooks"


def test_characters_and_words_match_the_text(corpus, metrics):
    assert metrics.characters.tolist() == corpus.text.str.len().tolist()
    # Whitespace-split chunks with a letter or digit are the words; the parse
    # additionally splits at dashes, so it can only find as many or more.
    simple = corpus.text.map(lambda t: sum(any(ch.isalnum() for ch in w) for w in t.split()))
    assert ((metrics.words - simple).abs() <= 3).all()


def test_entity_counts_come_from_the_entities_table(metrics, mentions):
    by = mentions.groupby(["doc_id", "label"]).size().unstack(fill_value=0)
    m = metrics.set_index("doc_id")
    assert (m.loc[by.index, "person_mentions"] == by["PERSON"]).all()
    assert (m.loc[by.index, "gpe_mentions"] == by["GPE"]).all()
    people = mentions[mentions.label == "PERSON"].groupby("doc_id")["canonical"].nunique()
    assert (m.loc[people.index, "distinct_people"] == people).all()


def test_input_dataframe_is_not_modified(corpus):
    before = corpus.copy(deep=True)
    mediakit.analyze(corpus)
    mediakit.entities(corpus)
    pd.testing.assert_frame_equal(corpus, before)


def test_empty_article_gets_zero_counts_and_nan_scores():
    df = pd.DataFrame(
        {
            "doc_id": ["a", "b"],
            "outlet": ["X", "Y"],
            "text": ["Joe Biden spoke in Kyiv. He left.", "   "],
        }
    )
    with pytest.warns(UserWarning, match="b"):
        corpus = mediakit.load_corpus(df)
    m = mediakit.analyze(corpus, cache_dir=False).set_index("doc_id")
    assert (
        m.loc["b", "words"] == 0
        and m.loc["b", "sentences"] == 0
        and m.loc["b", "person_mentions"] == 0
    )
    assert np.isnan(m.loc["b", "flesch_reading_ease"]) and np.isnan(
        m.loc["b", "person_mentions_per_1k_words"]
    )
    assert m.loc["a", "words"] == 7 and m.loc["a", "sentences"] == 2


def test_analyze_accepts_a_path_like_load_corpus(tmp_path):
    src = tmp_path / "c.jsonl"
    pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "text": ["One sentence here."]}).to_json(
        src, orient="records", lines=True
    )
    m = mediakit.analyze(str(src), cache_dir=False)
    assert m.loc[0, "words"] == 3 and m.loc[0, "sentences"] == 1


def test_parallel_parse_gives_the_same_table(corpus, tmp_path):
    # n_process=2 takes the worker-pool path even for five articles.
    one = mediakit.analyze(corpus, cache_dir=tmp_path / "one", n_process=1)
    two = mediakit.analyze(corpus, cache_dir=tmp_path / "two", n_process=2, batch_size=2)
    pd.testing.assert_frame_equal(one, two)


def test_recycled_workers_give_the_same_table(corpus, tmp_path, monkeypatch):
    from mediakit.parsing import engine

    # New workers after every four articles (two per worker).
    monkeypatch.setattr(engine, "WORKER_ARTICLES", 2)
    one = mediakit.analyze(corpus, cache_dir=tmp_path / "one", n_process=1)
    two = mediakit.analyze(corpus, cache_dir=tmp_path / "two", n_process=2, batch_size=1)
    pd.testing.assert_frame_equal(one, two)
