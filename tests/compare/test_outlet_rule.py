"""One rule for the outlets a chart names, and readable article names."""

from __future__ import annotations

import pandas as pd
import pytest

from mediakit import compare
from mediakit.errors import OptionError


def _articles(counts: dict[str, int]) -> pd.DataFrame:
    rows = [(f"{o}-{i}", o) for o, n in counts.items() for i in range(n)]
    return pd.DataFrame(rows, columns=["doc_id", "outlet"])


def test_the_largest_outlets_by_articles_keep_their_names():
    # Ranked by articles (distinct doc_id), not rows: B has more rows, A more articles.
    t = pd.concat([_articles({"A": 3, "B": 1, "C": 1}), _articles({"B": 1}).assign(doc_id="B-0")])
    assert compare.outlets_by_articles(t) == ["A", "B", "C"]
    folded, note = compare.keep_largest_outlets(t, 1, "rows")
    assert folded["outlet"].value_counts().to_dict() == {"A": 3, "other outlets": 3}
    assert (
        note == 'The 1 outlet with most articles of 3; the other 2 are summed as "other outlets".'
    )
    assert len(t) == len(folded) and t["outlet"].tolist().count("B") == 2  # input untouched


def test_named_outlets_are_kept_whatever_their_size():
    t = _articles({"A": 3, "B": 2, "C": 1})
    folded, _ = compare.keep_largest_outlets(t, ["C"], "articles")
    assert set(folded["outlet"]) == {"C", "other outlets"}
    assert compare.keep_largest_outlets(t, 5, "articles") == (t, "")
    dropped, note = compare.keep_largest_outlets(t, 2, "articles", fold=False)
    assert set(dropped["outlet"]) == {"A", "B"} and "summed" not in note


def test_max_outlets_of_the_wrong_kind_is_an_option_error():
    with pytest.raises(OptionError, match="max_outlets"):
        compare.keep_largest_outlets(_articles({"A": 1}), "ten", "articles")


def test_unique_share_and_outlet_similarity_sum_the_other_outlets():
    u = _articles({"A": 3, "B": 2, "C": 1}).assign(sentences=10, unique_sentences=5)
    data = compare.unique_share_by_outlet(u, 1)
    assert data.set_index("outlet")["sentences"].to_dict() == {"A": 30, "other outlets": 30}
    sim = pd.DataFrame(
        {
            "doc_id_a": ["a", "a", "b"],
            "doc_id_b": ["b", "c", "c"],
            "outlet_a": ["A", "A", "B"],
            "outlet_b": ["B", "C", "C"],
            "similarity": [0.5, 0.2, 0.1],
            "shared_sentences": [5, 2, 1],
        }
    )
    out = compare.outlet_similarity(sim, ["A"])
    assert set(out["outlet_a"]) == {"A", "other outlets"}
    assert out["shared_sentences"].sum() == 2 * 8  # every pair kept, both directions
    assert 'summed as "other outlets"' in out.attrs["note"]


def test_untitled_articles_are_named_by_date_and_first_words():
    corpus = pd.DataFrame(
        {
            "doc_id": ["9f2c", "77ab", "31de", "0a0a"],
            "outlet": ["Daily", "Daily", "Wire", "Wire"],
            "title": ["Talks resume", "", None, "Talks resume"],
            "date": pd.to_datetime(["2024-11-18", "2024-11-19", None, None]),
            "text": ["…", "Officials said on Tuesday the vote was delayed again.", "", "x"],
        }
    )
    labels = compare.article_labels(corpus)
    assert labels.to_dict() == {
        "9f2c": "Daily · Talks resume",
        "77ab": "Daily · 2024-11-19 · “Officials said on Tuesday the vote…”",
        "31de": "Wire · 31de",  # nothing else to go by
        "0a0a": "Wire · Talks resume",
    }
    twice = compare.article_labels(pd.concat([corpus.iloc[:1], corpus.iloc[:1].assign(doc_id="x")]))
    assert twice.tolist() == ["Daily · Talks resume", "Daily · Talks resume (2)"]
