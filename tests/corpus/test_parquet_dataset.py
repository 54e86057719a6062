"""load_corpus of a partitioned Parquet dataset: a folder of parts, as Dask writes it."""

from __future__ import annotations

import dask.dataframe as dd
import pandas as pd
import pytest

from mediakit import CorpusError, OptionError, load_corpus


@pytest.fixture
def articles(corpus) -> pd.DataFrame:
    return corpus[["doc_id", "outlet", "title", "date", "raw_text"]].rename(
        columns={"raw_text": "text"}
    )


def test_dask_parts_load_like_the_same_table(articles, tmp_path):
    dd.from_pandas(articles, npartitions=3).to_parquet(tmp_path / "parts")
    parts = sorted(p.name for p in (tmp_path / "parts").glob("*.parquet"))
    assert parts == ["part.0.parquet", "part.1.parquet", "part.2.parquet"]
    got = load_corpus(tmp_path / "parts")
    expected = load_corpus(articles)
    # Dask's stored row index is no column of the corpus; only where rows came from differs.
    where = ["source", "encoding"]
    pd.testing.assert_frame_equal(got.drop(columns=where), expected.drop(columns=where))
    assert got["source"].iloc[-1] == f"{tmp_path / 'parts' / 'part.2.parquet'}:1"


def test_parts_are_read_in_natural_order(tmp_path):
    texts = pd.DataFrame(
        {
            "doc_id": [f"a{i}" for i in range(12)],
            "outlet": ["X", "Y"] * 6,
            "text": [f"Story {i} is told here. It is short." for i in range(12)],
        }
    )
    dd.from_pandas(texts, npartitions=12).to_parquet(tmp_path / "parts")
    got = load_corpus(tmp_path / "parts")
    assert got["doc_id"].tolist() == texts["doc_id"].tolist()  # part.10 after part.9
    assert got["source"].iloc[10].endswith("part.10.parquet:1")


def test_key_value_folders_become_columns(articles, tmp_path):
    dd.from_pandas(articles, npartitions=2).to_parquet(tmp_path / "parts", partition_on=["outlet"])
    got = load_corpus(tmp_path / "parts")
    assert sorted(got["doc_id"]) == sorted(articles["doc_id"])
    by_id = got.set_index("doc_id")["outlet"]
    assert by_id.to_dict() == articles.set_index("doc_id")["outlet"].astype(str).to_dict()


def test_a_damaged_part_is_named(articles, tmp_path):
    dd.from_pandas(articles, npartitions=2).to_parquet(tmp_path / "parts")
    (tmp_path / "parts" / "part.1.parquet").write_bytes(b"not parquet")
    with pytest.raises(CorpusError, match="Parquet dataset"):
        load_corpus(tmp_path / "parts")


def test_metadata_is_refused_for_a_dataset(articles, tmp_path):
    dd.from_pandas(articles, npartitions=2).to_parquet(tmp_path / "parts")
    with pytest.raises(OptionError, match="metadata"):
        load_corpus(tmp_path / "parts", metadata=articles)


def test_a_folder_of_text_files_is_not_a_dataset(tmp_path):
    (tmp_path / "a.txt").write_text("One short article. It has two sentences.")
    (tmp_path / "stray.parquet").write_bytes(b"")
    got = load_corpus(tmp_path)
    assert got["doc_id"].tolist() == ["a"]
