"""overlap: near-duplicate sentences across outlets, article similarity, unique sentences."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import mediakit
from mediakit.analyses.overlap import (
    SHARED_COLUMNS,
    SIMILARITY_COLUMNS,
    UNIQUE_COLUMNS,
    UNIQUE_SHARE_COLUMNS,
    Overlap,
    overlap,
    sentence_features,
    similar_pairs,
)
from mediakit.charts import similarity_heatmap, unique_share_chart
from mediakit.errors import CorpusError
from mediakit.parsing.parsed import parse_corpus
from mediakit.parsing.sentences import sentences_of

PLANTED = "The mayor said construction of three new library branches will begin next spring."
HANDMADE = pd.DataFrame(
    {
        "doc_id": ["x", "y", "z", "w"],
        "outlet": ["Alpha", "Beta", "Gamma", "Alpha"],
        "text": [
            "The city council approved a new budget for public libraries on Tuesday. "
            "Residents praised the decision at a crowded meeting. " + PLANTED + " "
            "Officials expect the project to cost about four million dollars.",
            "A rare comet will pass close to Earth next month, astronomers said. "
            "It should be visible without a telescope shortly after sunset. " + PLANTED + " "
            "Observers in the southern hemisphere will have the best view.",
            "The football club signed a young striker from Portugal for a record fee. "
            "Fans gathered outside the stadium to welcome him. "
            "The coach believes the team can win the league this season. "
            "Tickets for the opening match sold out within hours.",
            "Local bakers are competing in the annual bread festival this weekend. "
            "Judges will taste more than two hundred loaves from across the region. " + PLANTED,
        ],
    }
)


@pytest.fixture(scope="module")
def bundled(corpus) -> Overlap:
    return overlap(corpus)


@pytest.fixture(scope="module")
def handmade() -> Overlap:
    # Unrelated topics sharing one planted sentence, compared across the whole corpus:
    # these tests check the sentence alignment (grouping by story: test_within_story.py).
    return overlap(HANDMADE, within=None)


def _pairs(shared: pd.DataFrame) -> set[tuple[str, str]]:
    return set(zip(shared["doc_id_a"], shared["doc_id_b"], strict=True))


# -- the known shared passages of the bundled corpus -------------------------------------------
def test_finds_the_zelenskyy_quote(bundled):
    s = bundled.shared
    hit = s[
        s["text_a"].str.contains("Strikes are not made with words")
        & s["text_b"].str.contains("Strikes are not made")
    ]
    assert len(hit) == 1
    r = hit.iloc[0]
    assert (r["outlet_a"], r["outlet_b"]) == ("Newslooks", "Outlet D")
    assert "nightly address" in r["text_a"] and "nightly address" in r["text_b"]


def test_finds_the_intelligence_estimate(bundled):
    s = bundled.shared
    hit = s[
        s["text_a"].str.contains("12,000 North Korean troops")
        & s["text_b"].str.contains("12,000 North Korean troops")
    ]
    pairs = set(zip(hit["outlet_a"], hit["outlet_b"], strict=True))
    # Outlet C: "U.S., South Korean, and Ukrainian intelligence estimate that up to 12,000 ..."
    # Outlet D: "Intelligence assessments from the US, South Korea, and Ukraine suggest ... 12,000 ..."
    assert ("Outlet C", "Outlet D") in pairs
    # and Newslooks' "U.S., South Korean, and Ukrainian officials estimate that North Korea has sent ..."
    nl = s[(s["outlet_a"] == "Newslooks") & s["text_a"].str.contains("officials estimate")]
    assert "Outlet C" in set(nl["outlet_b"])


def test_finds_the_copied_heading_and_lead(bundled):
    s = bundled.shared
    heading = s[
        (s["text_a"] == "North Korea’s Growing Role")
        & (s["text_b"] == "North Korea’s Growing Role")
    ]
    assert len(heading) == 1 and heading.iloc[0]["similarity"] == pytest.approx(1.0)
    leads = s[(s["sentence_a"] == 0) & (s["sentence_b"] == 0)]
    assert (
        len(leads) >= 4
    )  # "President Joe Biden has authorized Ukraine to use ..." in most articles


def test_shared_pairs_are_similar_enough_and_cross_outlet(bundled):
    s = bundled.shared
    assert list(s.columns) == SHARED_COLUMNS
    assert (s["similarity"] >= bundled.threshold - 1e-9).all() and (s["similarity"] <= 1).all()
    assert (s["outlet_a"] != s["outlet_b"]).all()
    assert (s["doc_id_a"] < s["doc_id_b"]).all()  # corpus order, ids sort the same here
    sents = sentences_of(parse_corpus())
    text = dict(
        zip(zip(sents["doc_id"], sents["sentence"], strict=True), sents["text"], strict=True)
    )
    assert all(
        text[(d, i)] == t
        for d, i, t in zip(s["doc_id_a"], s["sentence_a"], s["text_a"], strict=True)
    )


# -- hand-made texts: the planted sentence and nothing else -----------------------------------
def test_handmade_finds_only_the_planted_sentence(handmade):
    s = handmade.shared
    assert _pairs(s) == {("x", "y"), ("y", "w")}
    assert (s["text_a"] == PLANTED).all() and (s["text_b"] == PLANTED).all()
    assert s["similarity"].tolist() == pytest.approx([1.0, 1.0])


def test_handmade_same_outlet_pairs_only_on_request(handmade):
    both = overlap(HANDMADE, within=None, same_outlet=True)
    assert _pairs(both.shared) == {("x", "y"), ("x", "w"), ("y", "w")}
    # Uniqueness never counts the outlet's own articles: same answer either way.
    pd.testing.assert_frame_equal(both.unique, handmade.unique)


def test_handmade_unique_sentences(handmade):
    u = handmade.unique
    assert list(u.columns) == UNIQUE_COLUMNS
    assert PLANTED not in set(u["text"])
    assert set(u.loc[u["doc_id"] == "z", "sentence"]) == {0, 1, 2, 3}
    share = handmade.unique_share.set_index("doc_id")
    assert list(handmade.unique_share.columns) == UNIQUE_SHARE_COLUMNS
    assert share.loc["z", "unique_share"] == 1.0
    assert share.loc["x", "unique_sentences"] == 3 and share.loc["x", "sentences"] == 4
    assert share.loc["w", "unique_share"] == pytest.approx(2 / 3)


def test_handmade_similarity_by_hand(handmade):
    sim = handmade.similarity
    assert list(sim.columns) == SIMILARITY_COLUMNS
    assert len(sim) == 6  # every pair of 4 articles (small corpus)
    row = sim.set_index(["doc_id_a", "doc_id_b"])
    # x and y: 4 sentences each, one on each side has a twin: (1 + 1) / (4 + 4)
    assert row.loc[("x", "y"), "similarity"] == pytest.approx(0.25)
    assert row.loc[("x", "y"), "shared_sentences"] == 1
    # y (4 sentences) and w (3): (1 + 1) / 7
    assert row.loc[("y", "w"), "similarity"] == pytest.approx(2 / 7)
    assert row.loc[("x", "z"), "similarity"] == 0.0
    # x and w share the sentence too, but they are one outlet: not counted by default.
    assert row.loc[("x", "w"), "shared_sentences"] == 0
    assert len(overlap(HANDMADE, within=None, all_pairs=False).similarity) == 2


def test_unrelated_texts_share_nothing():
    texts = HANDMADE.assign(text=HANDMADE["text"].str.replace(PLANTED, "", regex=False))
    ov = overlap(texts, within=None)
    assert ov.shared.empty
    assert (ov.unique_share["unique_share"] == 1.0).all()
    assert (ov.similarity["similarity"] == 0).all()


def test_reworded_copy_found_only_with_words_not_shingles():
    reworded = HANDMADE.copy()
    reworded.loc[1, "text"] = reworded.loc[1, "text"].replace(
        PLANTED,
        "Next spring, work will start on three new branches of the library, the mayor said.",
    )
    assert _pairs(overlap(reworded, within=None).shared) == {("x", "y"), ("y", "w")}
    # Three-word shingles need the same wording in the same order.
    assert overlap(reworded, within=None, shingle=3, threshold=0.3).shared.empty
    assert _pairs(overlap(HANDMADE, within=None, shingle=3, threshold=0.3).shared) == {
        ("x", "y"),
        ("y", "w"),
    }


def test_short_sentences_are_left_out():
    short = HANDMADE.assign(text=HANDMADE["text"] + " Why now?")
    ov = overlap(short, within=None)
    assert "Why now?" not in set(ov.unique["text"])
    assert (
        ov.unique_share["sentences"] == overlap(HANDMADE, within=None).unique_share["sentences"]
    ).all()


# -- uniqueness is real: brute force over all pairs ---------------------------------------------
def test_unique_sentences_have_no_twin_anywhere(bundled, corpus):
    pc = parse_corpus(corpus)
    sents = sentences_of(pc)
    long_enough = sents["words"].to_numpy() >= 4
    s, f = sentence_features(pc, 1, long_enough)
    n = len(sents)
    counts = np.bincount(s, minlength=n)
    keep = counts[s] >= 3
    s, f = s[keep], f[keep]
    # Dense TF-IDF matrix, every pair: the exhaustive answer the index must match.
    m = np.zeros((n, f.max() + 1))
    m[s, f] = 1.0
    present = m.sum(axis=1) > 0
    df = m[present].sum(axis=0)
    idf = np.log((1 + present.sum()) / (1 + df)) + 1
    x = m * idf
    norms = np.linalg.norm(x, axis=1)
    x[present] /= norms[present, None]
    cos = x @ x.T
    shared_words = m @ m.T
    outlets = sents["outlet"].to_numpy()
    other = outlets[:, None] != outlets[None, :]
    twin = ((cos >= bundled.threshold - 1e-9) & (shared_words >= 3) & other).any(axis=1)
    expected = set(np.flatnonzero(present & ~twin))
    key = {
        (d, i): k for k, (d, i) in enumerate(zip(sents["doc_id"], sents["sentence"], strict=True))
    }
    got = {
        key[(d, i)]
        for d, i in zip(bundled.unique["doc_id"], bundled.unique["sentence"], strict=True)
    }
    assert got == expected
    # And no unique sentence appears verbatim in another outlet's text.
    texts = dict(zip(corpus["outlet"], corpus["text"], strict=True))
    for o, t in zip(bundled.unique["outlet"], bundled.unique["text"], strict=True):
        assert not any(t in other_text for other, other_text in texts.items() if other != o)


def test_unique_share_counts_match_unique_rows(bundled):
    per_doc = bundled.unique.groupby("doc_id").size()
    u = bundled.unique_share.set_index("doc_id")
    assert (u["unique_sentences"] == per_doc.reindex(u.index, fill_value=0)).all()
    assert ((u["unique_share"] > 0.5) & (u["unique_share"] < 1)).all()


# -- the index is exact --------------------------------------------------------------------------
def _brute(sent, feat, group, n, threshold, min_shared):
    m = np.zeros((n, feat.max() + 1))
    m[sent, feat] = 1
    present = m.sum(axis=1) > 0
    idf = np.log((1 + present.sum()) / (1 + m.sum(axis=0))) + 1
    x = m * idf
    x[present] /= np.linalg.norm(x[present], axis=1)[:, None]
    cos = x @ x.T
    ok = (cos >= threshold - 1e-9) & (m @ m.T >= min_shared) & (group[:, None] != group[None, :])
    a, b = np.nonzero(np.triu(ok, k=1))
    return set(zip(a.tolist(), b.tolist(), strict=True))


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("threshold,min_shared", [(0.3, 1), (0.5, 2), (0.8, 3)])
def test_prefix_filter_finds_every_pair(seed, threshold, min_shared):
    rng = np.random.default_rng(seed)
    n, vocab = 120, 40
    rows = []
    for i in range(n):
        k = rng.integers(1, 9)
        # Zipf-like: a few common features, many rare ones.
        rows += [(i, f) for f in sorted(set(rng.zipf(1.4, k) % vocab))]
    sent, feat = (np.array(c, dtype=np.int64) for c in zip(*rows, strict=True))
    group = rng.integers(0, 30, n)
    a, b, sim = similar_pairs(sent, feat, group, n, threshold, min_shared)
    assert set(zip(a.tolist(), b.tolist(), strict=True)) == _brute(
        sent, feat, group, n, threshold, min_shared
    )
    assert (sim >= threshold - 1e-9).all()


def test_identical_sentences_found_even_with_every_word_too_common():
    sent = np.array([0, 0, 1, 1, 2, 2, 3])
    feat = np.array([0, 1, 0, 1, 0, 1, 2])
    a, b, _ = similar_pairs(sent, feat, np.array([0, 1, 2, 3]), 4, 0.9, max_df=1)
    assert set(zip(a.tolist(), b.tolist(), strict=True)) == {(0, 1), (0, 2), (1, 2)}


def test_bundled_result_does_not_depend_on_the_cap(corpus, bundled):
    exact = overlap(corpus, max_df=None)
    pd.testing.assert_frame_equal(exact.shared, bundled.shared)


@pytest.mark.parametrize(
    "kwargs", [{"threshold": 0}, {"threshold": 1.5}, {"shingle": 0}, {"min_shared": 0}]
)
def test_errors(kwargs):
    with pytest.raises(CorpusError):
        overlap(HANDMADE, **kwargs)


def test_repr_and_input_not_mutated(corpus):
    before = corpus.copy()
    ov = overlap(corpus)
    pd.testing.assert_frame_equal(corpus, before)
    assert "shared sentence pairs" in repr(ov)


# -- charts ---------------------------------------------------------------------------------------
def _rows(spec: dict) -> list[dict]:
    return [r for d in spec.get("datasets", {}).values() for r in d]


def test_similarity_heatmap_articles(bundled):
    spec = similarity_heatmap(bundled.similarity).to_dict()
    assert spec["title"]["text"] == "Which articles share sentences?"
    rows = _rows(spec)
    assert len(rows) == 20  # 10 pairs, both ways
    assert not any("text" in k for r in rows for k in r)
    assert spec["encoding"]["x"]["title"] and spec["encoding"]["tooltip"]


def test_similarity_heatmap_outlets_for_big_tables():
    rng = np.random.default_rng(1)
    n = 3000
    a = rng.integers(0, 500, n)
    b = a + rng.integers(1, 100, n)
    sim = pd.DataFrame(
        {
            "doc_id_a": [f"d{i}" for i in a],
            "doc_id_b": [f"d{i}" for i in b],
            "outlet_a": [f"O{i % 60}" for i in a],
            "outlet_b": [f"O{i % 60}" for i in b],
            "similarity": rng.uniform(0, 1, n),
            "shared_sentences": rng.integers(1, 5, n),
        }
    )
    spec = similarity_heatmap(sim, max_outlets=20).to_dict()
    assert spec["title"]["text"] == "Which outlets share sentences?"
    rows = _rows(spec)
    assert len(rows) <= 21 * 21  # 20 outlets and "other outlets"
    assert {r["outlet_a"] for r in rows} <= {f"O{i}" for i in range(60)} | {"other outlets"}
    assert len({r["outlet_a"] for r in rows} - {"other outlets"}) == 20


def test_unique_share_chart(bundled):
    spec = unique_share_chart(bundled.unique_share).to_dict()
    assert spec["title"]["text"] == "What only this outlet reports"
    rows = _rows(spec)
    assert len(rows) == 5 and {"outlet", "unique_share", "sentences"} <= set(rows[0])
    assert spec["encoding"]["x"]["axis"]["format"] == "%"
    from mediakit.charts import outlet_palette

    scale = spec["encoding"]["color"]["scale"]
    assert dict(zip(scale["domain"], scale["range"], strict=True)) == outlet_palette(
        bundled.unique_share["outlet"]
    )


def test_shared_pairs_point_at_their_sentences(corpus):
    ov = mediakit.overlap(corpus)
    texts = dict(zip(corpus["doc_id"], corpus["text"], strict=True))
    assert len(ov.shared) > 0
    for row in ov.shared.itertuples():
        assert texts[row.doc_id_a][row.start_char_a : row.end_char_a] == row.text_a
        assert texts[row.doc_id_b][row.start_char_b : row.end_char_b] == row.text_b
