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


def test_compaction_keeps_each_key_once_and_reads_one_part_at_a_time(corpus, tmp_path, monkeypatch):
    from mediakit.parsing import store as store_mod
    from mediakit.parsing.parsed import parse_corpus

    pc = parse_corpus(corpus, cache_dir=tmp_path)
    records = pc.store.read(pc.keys, list(store_mod.SCHEMA.names))
    store = pc.store
    for i in (0, 1, 1, 2):  # one more part per record, key 1 twice
        store.add(records.slice(i, 1).to_batches()[0])
        store.flush()
    before = pc.columns("tok_start", "n_chars")
    full_reads = []
    real = store._read_part

    def tracked(part, columns):
        table = real(part, columns)
        if columns != ["key"]:
            full_reads.append(part.name)
        return table

    monkeypatch.setattr(store, "_read_part", tracked)
    store.compact()
    (part,) = store._parts()
    keys = pq.read_table(part, columns=["key"])["key"].to_pylist()
    assert sorted(keys) == sorted(set(pc.keys)) and len(keys) == len(set(keys))
    # Parts whose keys all came earlier are not read in full at all.
    assert len(full_reads) == len(set(full_reads)) < 5
    fresh = store_mod.ParseStore(store.directory).read(pc.keys, ["tok_start", "n_chars"])
    assert fresh.select(["key", "tok_start", "n_chars"]).equals(
        before.select(["key", "tok_start", "n_chars"])
    )


def test_the_parse_reads_each_text_when_its_batch_comes(corpus, tmp_path, monkeypatch):
    from mediakit.parsing import parsed as parsed_mod

    handed = {}

    def spy(store, todo, **kwargs):
        handed["type"] = type(todo).__name__
        handed["keys"] = list(todo)
        return real(store, todo, **kwargs)

    real = parsed_mod.parse_into
    monkeypatch.setattr(parsed_mod, "parse_into", spy)
    pc = parsed_mod.parse_corpus(corpus, cache_dir=tmp_path)
    assert handed["type"] != "dict"  # no dict of every text built before the parse
    assert handed["keys"] == list(dict.fromkeys(pc.keys))
    assert pc.store.missing_keys(pc.keys, pc.texts.lengths()) == []


def test_a_shared_cache_is_read_one_part_at_a_time_keeping_only_wanted_records(
    corpus, tmp_path, monkeypatch
):
    from mediakit.parsing import store as store_mod
    from mediakit.parsing.parsed import parse_corpus

    pc = parse_corpus(corpus, cache_dir=tmp_path)
    store = store_mod.ParseStore(pc.store.directory)
    kept_rows = []
    real = store_mod._only
    monkeypatch.setattr(
        store_mod, "_only", lambda t, w: kept_rows.append(real(t, w).num_rows) or real(t, w)
    )
    wanted = [pc.keys[3], pc.keys[0]]
    table = store.read(wanted, ["n_chars"])
    assert table["key"].to_pylist() == wanted
    assert sum(kept_rows) == 2  # each part filtered as it was read, nothing else kept
