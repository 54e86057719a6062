"""The parse cache: hits, misses after an edit, damaged files, interrupted runs."""

from __future__ import annotations

import warnings

import pandas as pd
import pyarrow.parquet as pq
import pytest

import mediakit
import mediakit.parsing.engine as parse_mod
from mediakit.parsing.store import CacheWarning


@pytest.fixture
def parsed_texts(monkeypatch):
    """Record every text handed to the model (instrumentation around the real parse)."""
    seen: list[str] = []
    real = parse_mod.parse_batch

    def spy(items, model=None, batch_size=64):
        seen.extend(t for _, t in items)
        return real(items, model, batch_size)

    monkeypatch.setattr(parse_mod, "parse_batch", spy)
    return seen


def test_second_run_parses_nothing(corpus, tmp_path, parsed_texts):
    first = mediakit.analyze(corpus, cache_dir=tmp_path)
    assert len(parsed_texts) == 5
    parts = sorted(tmp_path.rglob("part-*.parquet"))
    assert parts
    second = mediakit.analyze(corpus, cache_dir=tmp_path)
    assert len(parsed_texts) == 5  # nothing parsed again
    assert sorted(tmp_path.rglob("part-*.parquet")) == parts
    pd.testing.assert_frame_equal(first, second)


def test_an_edited_article_reparses_only_itself(corpus, tmp_path, parsed_texts):
    mediakit.analyze(corpus, cache_dir=tmp_path)
    edited = corpus.copy()
    edited.loc[2, "text"] = edited.loc[2, "text"] + "\nA new closing sentence was added."
    before = len(parsed_texts)
    result = mediakit.analyze(edited, cache_dir=tmp_path)
    assert parsed_texts[before:] == [edited.loc[2, "text"]]
    assert (
        result.loc[2, "sentences"]
        == mediakit.analyze(corpus, cache_dir=tmp_path).loc[2, "sentences"] + 1
    )


def test_cache_key_includes_model_and_version(corpus, tmp_path):
    mediakit.analyze(corpus, cache_dir=tmp_path)
    (folder,) = {p.parent for p in tmp_path.rglob("part-*.parquet")}
    assert folder.name == "parse"
    assert folder.parent.name == f"mediakit-{mediakit.__version__}"
    assert "core_web_sm" in folder.parent.parent.name and "3.8.0" in folder.parent.parent.name


@pytest.mark.parametrize("damage", ["flip", "truncate"])
def test_a_damaged_cache_file_is_reported_and_rebuilt(corpus, tmp_path, damage, parsed_texts):
    good = mediakit.analyze(corpus, cache_dir=tmp_path)
    (part,) = tmp_path.rglob("part-*.parquet")
    data = bytearray(part.read_bytes())
    if damage == "flip":
        # Flip bytes inside the "words" column chunk, which analyze always reads.
        meta = pq.ParquetFile(part).metadata.row_group(0)
        col = next(
            meta.column(i)
            for i in range(meta.num_columns)
            if meta.column(i).path_in_schema == "words"
        )
        start = col.data_page_offset + col.total_compressed_size // 2
        data[start : start + 8] = bytes(b ^ 0xFF for b in data[start : start + 8])
    else:
        data = data[: len(data) // 3]
    part.write_bytes(bytes(data))
    before = len(parsed_texts)
    with pytest.warns(CacheWarning, match="damaged"):
        again = mediakit.analyze(corpus, cache_dir=tmp_path)
    assert len(parsed_texts) - before == 5  # every article in the damaged file parsed again
    assert list(tmp_path.rglob("*.corrupt"))
    pd.testing.assert_frame_equal(good, again)
    with warnings.catch_warnings():
        warnings.simplefilter("error", CacheWarning)
        mediakit.analyze(corpus, cache_dir=tmp_path)  # rebuilt: no warning the third time


def test_interrupted_run_keeps_finished_articles(corpus, tmp_path, monkeypatch, parsed_texts):
    real = parse_mod.parse_batch
    calls = {"n": 0}

    def interrupt_second_batch(items, model=None, batch_size=64):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        return real(items, model, batch_size)

    monkeypatch.setattr(parse_mod, "parse_batch", interrupt_second_batch)
    with pytest.raises(KeyboardInterrupt):
        mediakit.analyze(corpus, cache_dir=tmp_path, batch_size=2, n_process=1)
    monkeypatch.setattr(parse_mod, "parse_batch", real)
    from mediakit.parsing.pipeline import model_id
    from mediakit.parsing.store import ParseStore, keys_for

    store = ParseStore.for_model(model_id(), tmp_path)
    cached = store.keys() & set(keys_for(corpus["text"]))
    assert len(cached) == 2  # the first batch of two survived the interrupt
    seen = []

    def spy(items, model=None, batch_size=64):
        seen.extend(k for k, _ in items)
        return real(items, model, batch_size)

    monkeypatch.setattr(parse_mod, "parse_batch", spy)
    result = mediakit.analyze(corpus, cache_dir=tmp_path)
    assert len(seen) == 3 and not (set(seen) & cached)  # resumed: only the rest
    assert len(result) == 5


def test_no_disk_cache_writes_nothing(corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("MEDIAKIT_CACHE_DIR", str(tmp_path))
    mediakit.analyze(corpus, cache_dir=False)
    assert not list(tmp_path.rglob("*.parquet"))
