"""Loading a chunk of texts at a time gives what loading them all at once gave.

The JSONL reader streams lines (its encoding found by ``narrow_encoding``),
texts are cleaned and stored as Arrow a chunk at a time, and outlet furniture
is found one outlet at a time: each is checked here against the whole-input
functions it replaces.
"""

from __future__ import annotations

import json
import warnings

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediakit.corpus import clean_texts as chunked
from mediakit.corpus import load_corpus
from mediakit.corpus.cleaning import clean_article
from mediakit.corpus.decode import decode_bytes, narrow_encoding
from mediakit.corpus.furniture import remove_furniture
from mediakit.errors import CorpusError

FOOTER = "Filed by the Ledger desk on Elm Street; write to letters at the Ledger."


def _quiet(*args, **kwargs) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(*args, **kwargs)


def _articles(n: int) -> pd.DataFrame:
    """``n`` articles of three outlets; the Ledger's end with its footer."""
    outlets = ["The Ledger", "Wire", "Post"]
    # Line keys ignore digits: a word spelled from i keeps the stories apart.
    words = ["".join("klmnoprstu"[int(d)] for d in f"{i:03d}") for i in range(n)]
    texts = [
        f"Story {i} Headline\nCouncil member {w} spoke on day {i % 7}.\n"
        f"She said “vote {w}” would follow.\n{FOOTER if i % 3 == 0 else ''}"
        for i, w in enumerate(words)
    ]
    return pd.DataFrame(
        {
            "id": [f"a{i:04d}" for i in range(n)],
            "outlet": [outlets[i % 3] for i in range(n)],
            "title": ["" if i % 2 else f"Story {i} Headline" for i in range(n)],
            "text": texts,
        }
    )


def _byte_chunks(data: bytes, cuts: list[int]):
    bounds = sorted({0, len(data), *(c % (len(data) + 1) for c in cuts)})
    return lambda: [data[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=60),
        st.text(max_size=30).map(lambda t: t.encode("utf-8")),
        st.text(max_size=30).map(lambda t: t.encode("cp1252", errors="ignore")),
        st.text(max_size=20).map(lambda t: ("\x00\x01\x02" * 3 + t).encode("utf-8")),
    ),
    st.lists(st.integers(min_value=0, max_value=80), max_size=4),
)
def test_narrow_encoding_agrees_with_decoding_the_whole_file(data, cuts):
    try:
        expected = decode_bytes(data, "f")[1]
    except CorpusError as err:
        expected = err
    try:
        found = narrow_encoding(_byte_chunks(data, cuts), "f")
    except CorpusError as err:
        found = err
    if found is None:  # a byte-order mark or zero bytes: decoded whole, as before
        assert isinstance(expected, CorpusError) or expected not in ("utf-8", "cp1252")
        assert (
            data.count(0) > 0.01 * len(data)
            or data[:2] in (b"\xff\xfe", b"\xfe\xff")
            or (data.startswith(b"\xef\xbb\xbf"))
        )
    elif isinstance(expected, CorpusError):
        assert isinstance(found, CorpusError) and str(found) == str(expected)
    else:
        assert found == expected


@pytest.mark.parametrize(
    ("encoding", "name"),
    [("utf-8", "c.jsonl"), ("cp1252", "c.jsonl"), ("utf-8-sig", "c.jsonl"), ("utf-16", "c.jsonl")],
)
def test_jsonl_in_any_encoding_loads_as_the_same_table_does(tmp_path, encoding, name):
    table = _articles(7)
    table.loc[1, "text"] = "Café “quoted” here.\r\nSecond line."
    lines = [json.dumps(r, ensure_ascii=False) for r in table.to_dict("records")]
    path = tmp_path / name
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    corpus = _quiet(path)
    expected = _quiet(table)
    assert set(corpus["encoding"]) == {encoding}
    assert corpus["source"].tolist() == [f"{path}:{n}" for n in range(1, 8)]
    same = ["doc_id", "outlet", "title", "text", "raw_text", "cleaning", "language"]
    pd.testing.assert_frame_equal(corpus[same], expected[same])


def test_many_chunks_clean_and_cut_furniture_as_the_whole_list_does(monkeypatch):
    monkeypatch.setattr(chunked, "CHUNK", 7)  # 60 articles: nine chunks, one short
    table = _articles(60)
    corpus = _quiet(table)
    cleaned = [clean_article(t) for t in table["text"]]
    expected = remove_furniture([c.text for c in cleaned], table["outlet"].tolist())
    assert corpus["text"].tolist() == [t for t, _ in expected]
    assert corpus["raw_text"].tolist() == table["text"].tolist()
    assert corpus["text"].array._pa_array.num_chunks == 9
    why = 'outlet furniture (in 20 of 20 articles): "Filed by the Ledger desk'
    cut = corpus["cleaning"].str.contains(why, regex=False)
    assert cut.tolist() == (corpus["outlet"] == "The Ledger").tolist()
    assert not corpus["text"].str.contains("Elm Street").any()


def test_jsonl_texts_are_read_a_chunk_at_a_time_with_the_usual_values(tmp_path, monkeypatch):
    from mediakit.corpus import readers

    monkeypatch.setattr(readers, "_TEXT_CHUNK", 4)
    rows = [{"id": f"r{i}", "outlet": "Wire", "body": f"Text number {i}."} for i in range(10)]
    rows[5]["body"], rows[6]["body"] = 7.0, None
    del rows[7]["body"]
    rows[9]["text"] = "A later column named text is the text column."  # decides late
    path = tmp_path / "late.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    corpus = _quiet(path)
    assert corpus["raw_text"].tolist() == [""] * 9 + [rows[9]["text"]]
    body = corpus["body"].tolist()  # not the text column: kept as stored
    assert body[4:7] == ["Text number 4.", 7.0, None] and pd.isna(body[7])
    by_body = _quiet(path, text="body")
    assert by_body["raw_text"].tolist()[4:8] == ["Text number 4.", "7", "", ""]
    assert by_body["text_input"].tolist()[9] == rows[9]["text"]


def test_a_nested_text_value_after_the_first_chunk_names_its_line(tmp_path, monkeypatch):
    from mediakit.corpus import readers

    monkeypatch.setattr(readers, "_TEXT_CHUNK", 3)
    rows = [{"id": f"r{i}", "outlet": "Wire", "text": f"Text {i}."} for i in range(8)]
    rows[6]["text"] = {"body": "nested"}
    path = tmp_path / "nested.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    with pytest.raises(CorpusError, match=rf"{path.name}:7: column 'text' holds a JSON object"):
        _quiet(path)
