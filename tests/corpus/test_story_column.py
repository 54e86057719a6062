"""``load_corpus(..., story=...)``: the user's own event ids, mapped like the other columns."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from mediakit import CorpusError, load_corpus
from mediakit.corpus import CORPUS_COLUMNS


def _table(**extra) -> pd.DataFrame:
    return pd.DataFrame(
        {"id": ["a", "b", "c"], "body": ["One.", "Two.", "Three."], "publisher": list("XYZ")}
        | extra
    )


def test_a_mapped_story_column_follows_the_standard_columns_as_strings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        corpus = load_corpus(
            _table(event_id=[12, 12, 40], url=["u1", "u2", "u3"]), story="event_id"
        )
    assert list(corpus.columns) == [*CORPUS_COLUMNS, "story", "url"]
    assert corpus["story"].tolist() == ["12", "12", "40"]
    assert str(corpus["story"].dtype) == "str"


def test_a_column_named_story_is_taken_without_a_mapping_but_generic_names_are_not():
    assert load_corpus(_table(Story=["e1", "e1", "e2"]))["story"].tolist() == ["e1", "e1", "e2"]
    for name in ("topic", "event", "category", "event_id"):
        corpus = load_corpus(_table(**{name: ["p", "q", "r"]}))
        assert "story" not in corpus.columns, name
        assert name in corpus.columns


def test_no_story_column_is_created_when_the_input_has_none():
    assert "story" not in load_corpus(_table()).columns
    assert "story" not in load_corpus().columns


def test_an_input_column_named_story_is_kept_aside_when_another_is_mapped():
    with pytest.warns(UserWarning, match="'story' -> 'story_input'"):
        corpus = load_corpus(_table(event_id=[1, 2, 2], story=["x", "y", "z"]), story="event_id")
    assert corpus["story"].tolist() == ["1", "2", "2"]
    assert corpus["story_input"].tolist() == ["x", "y", "z"]


def test_missing_ids_stay_empty_and_integer_ids_keep_their_digits(tmp_path):
    # Integer ids with a gap are floats to pandas (7.0); the story is still 7.
    corpus = load_corpus(_table(event_id=[7, None, 8]), story="event_id")
    assert corpus["story"].tolist() == ["7", "", "8"]
    csv = tmp_path / "export.csv"
    csv.write_text("id,body,event\na,One.,007\nb,Two.,007\n", encoding="utf-8")
    assert load_corpus(csv, story="event")["story"].tolist() == ["007", "007"]


def test_a_story_column_in_folder_metadata_is_mapped(tmp_path):
    (tmp_path / "a.txt").write_text("One article.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Another article.", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(
        "doc_id,outlet,case\na,X,c-1\nb,Y,c-1\n", encoding="utf-8"
    )
    assert load_corpus(tmp_path, story="case")["story"].tolist() == ["c-1", "c-1"]


def test_mapping_a_missing_story_column_says_what_exists():
    with pytest.raises(CorpusError, match=r"story='event'.*Did you mean story='events'"):
        load_corpus(_table(events=[1, 2, 3]), story="event")
