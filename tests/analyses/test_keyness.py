"""keyness: weighted log-odds with an informative Dirichlet prior (Monroe et al. 2008)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from mediakit.analyses.keyness import COLUMNS, keyness, log_odds_z
from mediakit.charts import keyness_chart
from mediakit.errors import CorpusError

# Two one-article groups. Tokens (lowercased words, punctuation dropped):
#   A: cats like milk | cats sleep   -> 5 unigrams, bigrams: cats like, like milk, cats sleep
#   B: dogs like bones               -> 3 unigrams, bigrams: dogs like, like bones
TINY = pd.DataFrame(
    {
        "doc_id": ["a1", "b1"],
        "outlet": ["A", "B"],
        "text": ["Cats like milk. Cats sleep.", "Dogs like bones."],
    }
)


@pytest.fixture(scope="module")
def tiny():
    # prior = alpha_0 = 8 = unigram tokens in the corpus, so each unigram's
    # prior a_w equals its corpus count: easy arithmetic below.
    return keyness(TINY, prior=8)


@pytest.fixture(scope="module")
def bundled(corpus):
    return keyness(corpus)


def _row(table: pd.DataFrame, group: str, term: str) -> pd.Series:
    hit = table[(table["group"] == group) & (table["term"] == term)]
    assert len(hit) == 1, f"{group}/{term}: {len(hit)} rows"
    return hit.iloc[0]


# -- the formula, checked by hand -------------------------------------------------------
def test_log_odds_by_hand_unigram(tiny):
    # "cats": y_A = 2, y_B = 0, n_A = 5, n_B = 3, alpha_0 = 8, a_w = 8 * 2/8 = 2
    # delta = log((2+2)/(5+8-2-2)) - log((0+2)/(3+8-0-2)) = log(4/9) - log(2/9) = log 2 = 0.6931
    # var   = 1/(2+2) + 1/(0+2) = 0.75;  z = 0.6931 / sqrt(0.75) = 0.8004
    r = _row(tiny, "A", "cats")
    assert r["log_odds"] == pytest.approx(math.log(2), abs=1e-9)
    assert r["z"] == pytest.approx(math.log(2) / math.sqrt(0.75), abs=1e-9)
    assert (r["count_group"], r["count_rest"], r["ngram"]) == (2, 0, 1)
    # rates per 1,000 tokens: 2 of A's 5 tokens, 0 of B's 3
    assert r["rate_group"] == pytest.approx(400.0)
    assert r["rate_rest"] == 0.0


def test_log_odds_by_hand_shared_word(tiny):
    # "like": y_A = 1, y_B = 1, a_w = 8 * 2/8 = 2
    # delta = log(3/(5+8-1-2)) - log(3/(3+8-1-2)) = log(3/10) - log(3/8) = log(0.8) = -0.2231
    # var = 1/3 + 1/3;  z = -0.2231 / 0.8165 = -0.2733
    a = _row(tiny, "A", "like")
    assert a["log_odds"] == pytest.approx(math.log(0.8), abs=1e-9)
    assert a["z"] == pytest.approx(math.log(0.8) / math.sqrt(2 / 3), abs=1e-9)
    # B's side is the mirror image: log(3/8) - log(3/10) = +0.2231
    assert _row(tiny, "B", "like")["log_odds"] == pytest.approx(-math.log(0.8), abs=1e-9)


def test_log_odds_by_hand_bigram(tiny):
    # Bigrams are their own vocabulary: 5 bigram tokens (A: 3, B: 2).
    # "cats like": y_A = 1, y_B = 0, a_w = 8 * 1/5 = 1.6
    # delta = log(2.6/(3+8-1-1.6)) - log(1.6/(2+8-0-1.6)) = log(2.6/8.4) - log(1.6/8.4) = log(1.625)
    # var = 1/2.6 + 1/1.6 = 1.0096;  z = 0.4855 / 1.0048 = 0.4832
    r = _row(tiny, "A", "cats like")
    assert r["ngram"] == 2
    assert r["log_odds"] == pytest.approx(math.log(2.6 / 1.6), abs=1e-9)
    assert r["z"] == pytest.approx(math.log(2.6 / 1.6) / math.sqrt(1 / 2.6 + 1 / 1.6), abs=1e-9)


def test_bigrams_stay_inside_sentences(tiny):
    bigrams = set(tiny.loc[tiny["ngram"] == 2, "term"])
    assert bigrams == {"cats like", "like milk", "cats sleep", "dogs like", "like bones"}
    assert "milk cats" not in bigrams  # "milk. Cats" crosses a sentence end


def test_log_odds_z_function_matches_formula():
    d, z = log_odds_z(
        np.array([3.0]), np.array([1.0]), np.array([10.0]), np.array([10.0]), np.array([2.0]), 10.0
    )
    expected = math.log(5 / 15) - math.log(3 / 17)
    assert d[0] == pytest.approx(expected)
    assert z[0] == pytest.approx(expected / math.sqrt(1 / 5 + 1 / 3))


def test_pair_of_the_only_two_groups_equals_group_vs_rest(tiny):
    pair = keyness(TINY, pair=("A", "B"), prior=8)
    cols = ["group", "term", "count_group", "count_rest", "log_odds", "z"]
    pd.testing.assert_frame_equal(
        pair[cols].sort_values(["group", "term"]).reset_index(drop=True),
        tiny[cols].sort_values(["group", "term"]).reset_index(drop=True),
    )


# -- the table ---------------------------------------------------------------------------
def test_columns_dtypes_and_ranks(bundled):
    assert list(bundled.columns) == COLUMNS
    assert str(bundled["group"].dtype) == "str" and str(bundled["term"].dtype) == "str"
    for c in ("rank", "ngram", "count_group", "count_rest"):
        assert bundled[c].dtype == "int64"
    for _, g in bundled.groupby("group"):
        assert g["rank"].tolist() == list(range(1, len(g) + 1))
        assert g["z"].is_monotonic_decreasing
    assert set(bundled["ngram"]) == {1, 2}
    assert (bundled["count_group"] >= 1).all()


def test_corpus_not_mutated(corpus):
    before = corpus.copy()
    keyness(corpus, stopwords="drop", entities="canonical")
    pd.testing.assert_frame_equal(corpus, before)


# -- sensible results on the bundled corpus ------------------------------------------------------
def test_british_spellings_are_distinctive_for_outlet_d(bundled):
    d = bundled[bundled["group"] == "Outlet D"]
    top = set(d[d["ngram"] == 1].head(15)["term"])
    # 003 writes "amidst" and "defences" twice each; no other article does.
    assert {"amidst", "defences"} <= top
    # "US" (not "U.S.") seven times, no "us" elsewhere: its most distinctive word.
    assert d.iloc[0]["term"] == "us"
    authorised = _row(bundled, "Outlet D", "authorised")
    assert authorised["count_rest"] == 0 and authorised["z"] > 0
    # D never writes "authorized", so it is not listed for D; others use it.
    assert "authorized" not in set(d["term"])
    assert (bundled[(bundled["term"] == "authorized")]["group"] != "Outlet D").all()


def test_every_outlet_gets_terms(bundled, corpus):
    assert set(bundled["group"]) == set(corpus["outlet"])
    assert bundled.groupby("group").size().min() > 100


def test_stopwords_drop(corpus):
    from mediakit.analyses.keyness import STOP_WORDS

    k = keyness(corpus, stopwords="drop")
    words = {w for t in k["term"] for w in t.split(" ")}
    assert not words & STOP_WORDS
    assert {"amidst", "defences"} <= words  # not on spaCy's list: kept
    # A custom list drops only those words.
    k2 = keyness(corpus, stopwords=["the", "of"], ngrams=(1,))
    assert not {"the", "of"} & set(k2["term"]) and "and" in set(k2["term"])


def test_entities_canonical_merges_spellings(corpus):
    k = keyness(corpus, entities="canonical", ngrams=(1,))
    # Outlet E writes "Zelensky" once, 000/002/003 "Zelenskyy" 6 + 1 + 2 times
    # (grep; the keyword line of 000 is cleaned away): one canonical term.
    zel = k[k["term"] == "Volodymyr Zelenskyy"].set_index("group")["count_group"]
    assert zel.to_dict() == {"Newslooks": 6, "Outlet C": 1, "Outlet D": 2, "Outlet E": 1}
    assert not set(k["term"]) & {"zelensky", "zelenskyy"}


def test_entities_drop(corpus):
    k = keyness(corpus, entities="drop", ngrams=(1, 2))
    words = {w for t in k["term"] for w in t.split(" ")}
    assert not words & {"biden", "zelenskyy", "zelensky", "kyiv"}
    assert "missiles" in words


def test_pair_mode(corpus, bundled):
    k = keyness(corpus, pair=("Outlet D", "Newslooks"))
    assert set(k["group"]) == {"Outlet D", "Newslooks"}
    assert k.attrs["pair"] == ("Outlet D", "Newslooks")
    # Counts on each side are the other's counts.
    d = k[k["group"] == "Outlet D"].set_index("term")
    n = k[k["group"] == "Newslooks"].set_index("term")
    both = d.index.intersection(n.index)
    assert len(both) > 100
    assert (d.loc[both, "count_rest"] == n.loc[both, "count_group"]).all()
    assert (np.sign(d.loc[both, "log_odds"]) == -np.sign(n.loc[both, "log_odds"])).all()
    assert "us" in set(d.head(5).index)


def test_top_and_min_count(corpus):
    k = keyness(corpus, top=5, min_count=2)
    assert k.groupby("group").size().max() == 5
    assert (k["count_group"] >= 2).all()


def test_other_grouping_column(corpus):
    c = corpus.assign(side=["x", "x", "y", "y", "y"])
    k = keyness(c, by="side", ngrams=(1,))
    assert set(k["group"]) == {"x", "y"} and k.attrs["by"] == "side"


@pytest.mark.parametrize(
    "kwargs",
    [
        {"by": "nope"},
        {"pair": ("Outlet D", "Outlet Z")},
        {"pair": ("Outlet D", "Outlet D")},
        {"stopwords": "remove"},
        {"entities": "merge"},
        {"ngrams": (3,)},
        {"prior": 0},
    ],
)
def test_errors_say_what_to_do(corpus, kwargs):
    with pytest.raises(CorpusError):
        keyness(corpus, **kwargs)


def test_one_group_is_an_error():
    with pytest.raises(CorpusError, match="only"):
        keyness(TINY.assign(outlet="A"))


# -- chart ---------------------------------------------------------------------------------
def test_keyness_chart_is_small_and_labelled(bundled):
    spec = keyness_chart(bundled, top=8).to_dict()
    assert spec["title"]["text"] == "Words that set each outlet apart"
    rows = [r for d in spec["datasets"].values() for r in d]
    assert 0 < len(rows) <= 5 * 8
    assert {"group", "term", "z", "count_group"} <= set(rows[0])
    assert all(r["z"] > 0 for r in rows)
    enc = spec["spec"]["encoding"]
    assert enc["x"]["title"] == "z-score"
    assert any(t["field"] == "rate_group" for t in enc["tooltip"])


def test_keyness_chart_caps_groups():
    rng = np.random.default_rng(0)
    n = 40 * 30
    big = pd.DataFrame(
        {
            "group": np.repeat([f"O{i:02d}" for i in range(40)], 30),
            "rank": np.tile(np.arange(1, 31), 40),
            "term": [f"t{i}" for i in range(n)],
            "ngram": 1,
            "count_group": rng.integers(1, 50, n),
            "count_rest": rng.integers(0, 50, n),
            "rate_group": 1.0,
            "rate_rest": 1.0,
            "log_odds": 1.0,
            "z": rng.uniform(0.1, 5, n),
        }
    )
    spec = keyness_chart(big, top=10, max_groups=12).to_dict()
    rows = [r for d in spec["datasets"].values() for r in d]
    assert len({r["group"] for r in rows}) == 12 and len(rows) == 120
    assert "Showing 12 of 40" in " ".join(spec["title"]["subtitle"])


# -- articles behind a term, numbers and furniture ----------------------------------------
# Outlet A: six articles. "harbour" is in one long article only (eight times);
# "ferry" is in three. Outlet B: six articles about the same town, no ferries.
_A = [
    "The harbour harbour harbour harbour was busy. The harbour harbour harbour harbour wall fell.",
    "The ferry left late on Monday, the council said.",
    "A new ferry timetable starts in 2019, the council said.",
    "Riders said the ferry was crowded. Sign up for our newsletter.",
    "The council met on Tuesday.",
    "The council met again on Friday.",
]
_B = [
    "The council voted on the budget.",
    "The council said the budget was late in 2019.",
    "Schools will open later, the council said.",
    "The mayor said the budget was fair.",
    "The mayor met the council.",
    "Roads will be repaired, the mayor said.",
]
DOCS = pd.DataFrame(
    {
        "doc_id": [f"a{i}" for i in range(6)] + [f"b{i}" for i in range(6)],
        "outlet": ["A"] * 6 + ["B"] * 6,
        "text": _A + _B,
    }
)


@pytest.fixture(scope="module")
def docs():
    return keyness(DOCS, ngrams=(1,), cache_dir=False)


def test_terms_need_three_articles_of_the_group(docs):
    a = docs[docs["group"] == "A"].set_index("term")
    assert "harbour" not in a.index  # eight uses, but one article
    # "ferry": articles a1, a2, a3 of A, none of B (counted by hand).
    assert (a.loc["ferry", "docs_group"], a.loc["ferry", "docs_rest"]) == (3, 0)
    assert a.loc["ferry", "count_group"] == 3
    # "council": a1, a2, a4, a5 in A; b0, b1, b2, b4 in B.
    assert (a.loc["council", "docs_group"], a.loc["council", "docs_rest"]) == (4, 4)
    assert (docs["docs_group"] >= 3).all()


def test_min_docs_can_be_set(docs):
    k = keyness(DOCS, ngrams=(1,), min_docs=1, cache_dir=False)
    harbour = k[(k["group"] == "A") & (k["term"] == "harbour")].iloc[0]
    assert (harbour["count_group"], harbour["docs_group"]) == (8, 1)
    with pytest.raises(CorpusError, match="min_docs"):
        keyness(DOCS, min_docs=0, cache_dir=False)


def test_pair_mode_docs_rest_is_the_other_groups_articles():
    k = keyness(DOCS, ngrams=(1,), pair=("A", "B"), min_docs=1, cache_dir=False)
    said_a = k[(k["group"] == "A") & (k["term"] == "said")].iloc[0]
    said_b = k[(k["group"] == "B") & (k["term"] == "said")].iloc[0]
    # "said": A a1, a2, a3; B b1, b2, b3, b5.
    assert (said_a["docs_group"], said_a["docs_rest"]) == (3, 4)
    assert (said_b["docs_group"], said_b["docs_rest"]) == (4, 3)


def test_numbers_and_furniture_are_left_out_unless_kept():
    k = keyness(DOCS, min_docs=1, cache_dir=False)
    assert not {"2019", "newsletter", "sign up", "in 2019"} & set(k["term"])
    kept = keyness(DOCS, min_docs=1, numbers="keep", furniture="keep", cache_dir=False)
    assert {"2019", "newsletter", "sign up", "in 2019"} <= set(kept["term"])
    with pytest.raises(CorpusError, match="numbers"):
        keyness(DOCS, numbers="remove", cache_dir=False)


def test_one_article_per_outlet_still_gives_every_outlet_terms(bundled):
    # The bundled corpus has one article per outlet: "auto" asks for one article.
    assert bundled.groupby("group").size().min() > 50
    assert (bundled["docs_group"] == 1).all()
