"""Property tests of the loaders: odd texts are loaded faithfully or refused clearly.

Also a fuzz of the file readers: small files written here, then damaged
(bytes flipped, inserted, deleted, cut short); loading one either works or
raises CorpusError, never anything else.
"""

from __future__ import annotations

import gzip
import io
import json
import warnings

import pandas as pd
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from mediakit.corpus import load_corpus
from mediakit.errors import CorpusError

from .strategies import corpora

FAST = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _load(source, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return load_corpus(source, **kwargs)
        except CorpusError as err:
            assert str(err).strip(), "a CorpusError must say what to do"
            return None


@FAST
@given(corpora())
def test_dataframes_load_one_row_per_article_and_stay_unchanged(columns):
    frame = pd.DataFrame(columns)
    before = frame.copy()
    corpus = _load(frame)
    pd.testing.assert_frame_equal(frame, before)
    if corpus is None:
        return
    assert corpus["doc_id"].tolist() == columns["id"]
    assert corpus["raw_text"].tolist() == columns["text"]
    assert corpus["outlet"].map(lambda o: o == o.strip() and o != "").all()
    assert corpus["language"].map(lambda x: isinstance(x, str) and 2 <= len(x) <= 3).all()
    for text in corpus["text"]:
        assert "\x00" not in text and "\uffff" not in text


@FAST
@given(corpora())
def test_jsonl_round_trip(tmp_path_factory, columns):
    path = tmp_path_factory.mktemp("jsonl") / "c.jsonl"
    rows = pd.DataFrame(columns).to_dict("records")
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    corpus = _load(path)
    if corpus is not None:
        assert corpus["raw_text"].tolist() == columns["text"]
        assert corpus["doc_id"].tolist() == columns["id"]


@FAST
@given(corpora())
def test_csv_round_trip_or_a_clear_error(tmp_path_factory, columns):
    # pandas writes a text ending in CR unquoted: "a,x\r\n" is then a CRLF line ending in
    # the file itself, which the loader rightly reads as "x".
    assume(not any(str(t).endswith("\r") for t in columns["text"]))
    path = tmp_path_factory.mktemp("csv") / "c.csv"
    pd.DataFrame(columns).to_csv(path, index=False)
    corpus = _load(path)
    if corpus is not None:
        # Never a row lost or merged: every article is there, with its own text.
        assert corpus["doc_id"].tolist() == columns["id"]
        assert corpus["raw_text"].tolist() == columns["text"]


# --- a fuzz of the file readers ---

_SAMPLE = pd.DataFrame(
    {
        "id": ["a1", "b2", "c3"],
        "outlet": ["Wire", "Daily", "Wire"],
        "title": ["Talks resume", "", 'Vote, then "recount"'],
        "text": [
            "Talks resumed on Monday.\n\nThey ended.",
            "The council voted 5–4.",
            "Café, 3 p.m.",
        ],
    }
)


def _files() -> dict[str, bytes]:
    csv_text = _SAMPLE.to_csv(index=False)
    jsonl = "\n".join(json.dumps(r, ensure_ascii=False) for r in _SAMPLE.to_dict("records"))
    parquet = io.BytesIO()
    _SAMPLE.to_parquet(parquet, index=False)
    return {
        "c.csv": csv_text.encode("utf-8"),
        "c.csv.gz": gzip.compress(csv_text.encode("utf-8")),
        "c.jsonl": jsonl.encode("utf-8"),
        "c.jsonl.gz": gzip.compress(jsonl.encode("utf-8")),
        "c.parquet": parquet.getvalue(),
        "folder/a1.txt": _SAMPLE["text"][0].encode("utf-8"),
    }


FILES = _files()

mutation = st.tuples(
    st.sampled_from(["flip", "insert", "delete", "truncate"]),
    st.floats(0, 1),
    st.binary(min_size=1, max_size=8),
)


def _mutate(data: bytes, mutations) -> bytes:
    out = bytearray(data)
    for kind, where, junk in mutations:
        i = min(int(where * len(out)), max(len(out) - 1, 0))
        if kind == "flip" and out:
            out[i] ^= junk[0] or 0xFF
        elif kind == "insert":
            out[i:i] = junk
        elif kind == "delete":
            del out[i : i + len(junk)]
        else:
            del out[i:]
    return bytes(out)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.sampled_from(sorted(FILES)), st.lists(mutation, min_size=1, max_size=4))
def test_damaged_files_load_or_raise_a_corpus_error(tmp_path_factory, name, mutations):
    root = tmp_path_factory.mktemp("fuzz")
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_mutate(FILES[name], mutations))
    corpus = _load(path.parent if name.startswith("folder/") else path)
    if corpus is not None:
        assert len(corpus) >= 1 and corpus["doc_id"].is_unique
