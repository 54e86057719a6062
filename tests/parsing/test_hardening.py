"""The parse and its cache under bad options, damaged or shared caches, huge texts and Ctrl-C."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
import time
import warnings
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import mediakit
import mediakit.parsing.records as records
from mediakit.errors import CorpusError, OptionError
from mediakit.parsing.pipeline import load_nlp
from mediakit.parsing.schema import SCHEMA
from mediakit.parsing.store import MAX_PARTS, CacheWarning, ParseStore

ROOT = Path(__file__).resolve().parents[2]


def _record(key: str, n_chars: int = 10) -> dict:
    row = {f.name: [] if pa.types.is_list(f.type) else 0 for f in SCHEMA}
    return {**row, "key": key, "n_chars": n_chars, "mattr": 0.5, "mtld": 1.0}


def _batch(keys: list[str]) -> pa.RecordBatch:
    return pa.RecordBatch.from_pylist([_record(k) for k in keys], schema=SCHEMA)


# --- options ---


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"batch_size": 0}, "batch_size must be a whole number of at least 1"),
        ({"batch_size": -5}, "batch_size"),
        ({"batch_size": 2.5}, "batch_size"),
        ({"n_process": 0}, "n_process must be None"),
        ({"engine": "spark"}, "engine must be 'local' or 'dask'"),
    ],
)
def test_bad_parse_options_name_the_option(kwargs, message):
    with pytest.raises(OptionError, match=message):
        mediakit.analyze(cache_dir=False, **kwargs)


def test_cache_dir_that_is_a_file(tmp_path):
    blocker = tmp_path / "cache.txt"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"cache\.txt is a file.*cache_dir=False"):
        mediakit.analyze(cache_dir=blocker)
    assert blocker.read_text(encoding="utf-8") == "not a folder"


# --- the cache ---


def test_a_part_with_a_wrong_column_type_is_set_aside(tmp_path):
    store = ParseStore(tmp_path)
    store.add(_batch(["a", "b"]))
    store.flush()
    (part,) = tmp_path.glob("part-*.parquet")
    table = pq.read_table(part)
    bad = table.set_column(1, "n_chars", pa.array(["10", "10"]))  # n_chars as strings
    pq.write_table(bad, part)
    fresh = ParseStore(tmp_path)
    with pytest.warns(CacheWarning, match="column n_chars is string, not int64"):
        assert fresh.keys() == set()
    assert [p.suffix for p in tmp_path.iterdir() if p.name.startswith("part-")] == [".corrupt"]
    fresh.add(_batch(["a"]))  # and the next run writes and reads again
    fresh.flush()
    assert ParseStore(tmp_path).keys() == {"a"}


def test_quarantine_never_overwrites_an_earlier_one(tmp_path):
    store = ParseStore(tmp_path)
    store.add(_batch(["a"]))
    store.flush()
    (part,) = tmp_path.glob("part-*.parquet")
    earlier = part.with_suffix(".corrupt")
    earlier.write_bytes(b"the first damaged copy")
    part.write_bytes(b"not parquet at all")
    with pytest.warns(CacheWarning):
        ParseStore(tmp_path).keys()
    assert earlier.read_bytes() == b"the first damaged copy"
    assert part.with_name(part.stem + ".1.corrupt").read_bytes() == b"not parquet at all"


def test_a_part_that_vanishes_while_read_is_not_an_error(tmp_path, monkeypatch):
    store = ParseStore(tmp_path)
    for key in ("a", "b"):
        store.add(_batch([key]))
        store.flush()
    real = pq.ParquetFile
    calls = {"n": 0}

    def compacted_meanwhile(path, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:  # another process compacts the folder under the first read
            parts = sorted(tmp_path.glob("part-*.parquet"))
            merged = pa.concat_tables([pq.read_table(p) for p in parts])
            for p in parts:
                p.unlink()
            pq.write_table(merged, tmp_path / "part-merged.parquet")
            raise FileNotFoundError(2, "No such file or directory", str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(pq, "ParquetFile", compacted_meanwhile)
    with warnings.catch_warnings():
        warnings.simplefilter("error", CacheWarning)  # nothing is called damaged
        assert ParseStore(tmp_path).keys() == {"a", "b"}


def _hammer(directory: str, name: str, rounds: int) -> None:
    # One process writing parts past the compaction threshold and reading as it goes.
    store = ParseStore(Path(directory))
    for i in range(rounds):
        store.add(_batch([f"{name}-{i}"]))
        store.flush()
        ParseStore(Path(directory)).read([f"{name}-{i}"], ["n_chars"])


def test_two_processes_writing_and_compacting_one_cache(tmp_path):
    ctx = multiprocessing.get_context("fork")
    rounds = MAX_PARTS // 2 + 8  # together well past the compaction threshold
    procs = [ctx.Process(target=_hammer, args=(str(tmp_path), n, rounds)) for n in ("p", "q")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0, 0]
    with warnings.catch_warnings():
        warnings.simplefilter("error", CacheWarning)
        keys = ParseStore(tmp_path).keys()
    assert keys == {f"{n}-{i}" for n in ("p", "q") for i in range(rounds)}
    assert not list(tmp_path.glob("*.corrupt"))
    assert len(list(tmp_path.glob("part-*.parquet"))) <= MAX_PARTS + 1


# --- texts longer than spaCy's limit ---


def test_an_article_longer_than_the_model_limit_is_parsed_in_pieces(monkeypatch):
    nlp = load_nlp()
    paragraph = "Joe Biden met officials in Kyiv on Monday.\nThe talks went on for hours.\n\n"
    long_text = paragraph * 60  # about 4,400 characters
    whole = records.doc_record(nlp(long_text), "k")
    # A model limit and a piece size far below the text's length: as with a 6 M character
    # article and spaCy's 5 M limit, but small enough to run in a test.
    monkeypatch.setattr(nlp, "max_length", 2_000)
    monkeypatch.setattr(records, "MAX_PIECE", 1_000)
    frame = pd.DataFrame(
        {"id": ["short", "long"], "outlet": ["A", "B"], "text": ["A short one.", long_text]}
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        metrics = mediakit.analyze(frame, cache_dir=False)
    assert metrics["sentences"].tolist() == [1, whole["sentences"]]
    pieced = records.parse_batch([("k", long_text)]).to_pylist()[0]
    assert {k: pieced[k] == whole[k] for k in whole} == {k: True for k in whole}


def test_text_pieces_cut_at_line_breaks_and_keep_every_character():
    text = "alpha beta\n" * 30 + "x" * 50
    pieces = records.text_pieces(text, size=40)
    assert "".join(pieces) == text
    assert all(len(p) <= 40 for p in pieces)
    assert all(p.endswith("\n") for p in pieces[:-2])


# --- tables passed as they are ---


def test_a_raw_table_with_a_missing_outlet_is_analysed_and_reported(tmp_path):
    frame = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "outlet": ["Wire", None, "Daily"],
            "text": ["The council met on Tuesday.", "The mayor spoke.", "A vote followed."],
        }
    )
    before = frame.copy()
    with pytest.warns(UserWarning, match="1 article.*no outlet.*'unknown': b"):
        out = mediakit.report(frame, tmp_path / "r.html", cache_dir=False, analysed_on="2024-01-01")
    assert out.exists()
    pd.testing.assert_frame_equal(frame, before)


def test_a_raw_table_with_a_missing_doc_id_is_an_error():
    frame = pd.DataFrame({"doc_id": ["a", None], "outlet": ["W", "W"], "text": ["One.", "Two."]})
    with pytest.raises(CorpusError, match="no doc_id"):
        mediakit.analyze(frame, cache_dir=False)


# --- corpora without a single word ---


def test_a_corpus_without_words_gives_empty_tables_and_a_report(tmp_path):
    frame = pd.DataFrame(
        {"id": ["a", "b", "c"], "outlet": ["A", "B", "A"], "text": ["... !!!", "—", ""]}
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ov = mediakit.overlap(frame, cache_dir=False, within=None)
        by_story = mediakit.overlap(frame, cache_dir=False)
        page = mediakit.report(
            frame, tmp_path / "r.html", cache_dir=False, analysed_on="2024-01-01"
        )
    assert ov.shared.empty and ov.unique.empty and len(ov.similarity) == 3
    # wordless articles share no story, so within stories no pair is compared at all
    assert by_story.shared.empty and by_story.similarity.empty
    assert page.exists()


# --- Ctrl-C ---

_INTERRUPTED_RUN = textwrap.dedent(
    """
    import sys, warnings
    import pandas as pd
    import mediakit
    from mediakit.cli import main
    text = "The council met on Tuesday and argued about the budget for hours. " * 400
    frame = pd.DataFrame({"id": [f"d{i}" for i in range(400)], "outlet": ["A", "B"] * 200,
                          "text": [f"{text} Article {i}." for i in range(400)]})
    frame.to_csv(sys.argv[1], index=False)
    print("ready", flush=True)
    sys.exit(main(["analyze", sys.argv[1], "--n-process", "2", "--no-cache", "-q"]))
    """
)


def _children(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True)
    return [int(x) for x in out.stdout.split()]


@pytest.mark.slow
def test_ctrl_c_of_a_two_process_parse_stops_the_workers(tmp_path):
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    proc = subprocess.Popen(
        [sys.executable, "-c", _INTERRUPTED_RUN, str(tmp_path / "c.csv")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's Ctrl-C reaches
    )
    deadline = time.monotonic() + 240
    while len(_children(proc.pid)) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
    workers = _children(proc.pid)
    assert len(workers) >= 2, proc.communicate()
    time.sleep(1.0)  # the workers are parsing
    sent = time.monotonic()
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    took = time.monotonic() - sent
    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    # Generous: proves the workers are stopped, not left to finish their batches (the
    # measured figure, about 1-2 s, is printed by benchmarks/bench_interrupt.py).
    assert took < 10, took
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()]
