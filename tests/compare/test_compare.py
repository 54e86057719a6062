"""compare.py: the tables behind the charts, checked on the bundled corpus and by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import mediakit
from mediakit import compare
from mediakit.analyses.metric_info import GRADE_FORMULAS, PROFILE_COLUMNS
from mediakit.errors import CorpusError


@pytest.fixture(scope="module")
def sentences(corpus):
    return mediakit.sentences(corpus)


def big_metrics(
    metrics: pd.DataFrame, n: int = 50_000, outlets: int = 400, seed: int = 1
) -> pd.DataFrame:
    """Real metric rows resampled to ``n`` articles spread over ``outlets`` outlets."""
    rng = np.random.default_rng(seed)
    big = metrics.iloc[rng.integers(0, len(metrics), n)].reset_index(drop=True)
    big["doc_id"] = [f"d{i:06d}" for i in range(n)]
    big["outlet"] = pd.array(
        [f"Outlet {i:03d}" for i in rng.integers(0, outlets, n)], dtype="string"
    )
    return big


def two_outlets(metrics: pd.DataFrame) -> pd.DataFrame:
    """The bundled articles relabelled: the first two as outlet A, the other three as B."""
    m = metrics.copy()
    m["outlet"] = pd.array(["A", "A", "B", "B", "B"], dtype="string")
    return m


# -- metric columns and errors ----------------------------------------------------------
def test_metric_columns_are_the_numeric_ones(metrics):
    cols = compare.metric_columns(metrics)
    assert cols[:3] == ["characters", "words", "sentences"]
    assert {"doc_id", "outlet", "title", "date", "text_hash"}.isdisjoint(cols)
    assert "person_mentions_per_1k_words" in cols


def test_unknown_metric_names_the_valid_ones(metrics):
    with pytest.raises(CorpusError) as err:
        compare.outlet_summary(metrics, ["flesch_reading_eas"])
    msg = str(err.value)
    assert "Did you mean 'flesch_reading_ease'" in msg
    assert "words_per_sentence" in msg and "consensus_grade" in msg
    with pytest.raises(CorpusError, match="Valid metrics"):
        compare.metric_by_outlet(metrics, "title")  # a text column is no metric
    with pytest.raises(CorpusError, match="mediakit.analyze"):
        compare.outlet_summary(metrics.drop(columns=["outlet"]))


# -- outlet_summary ---------------------------------------------------------------------------
def test_outlet_summary_one_article_per_outlet_is_the_article(metrics):
    out = compare.outlet_summary(metrics, ["words", "flesch_reading_ease"])
    assert list(out.columns) == ["outlet", "metric", "articles", "mean", "median", "min", "max"]
    assert out["outlet"].tolist() == sorted(out["outlet"].tolist())
    assert len(out) == 2 * metrics["outlet"].nunique()
    for row in out.itertuples():
        value = metrics.loc[metrics.outlet == row.outlet, row.metric].item()
        assert row.articles == 1
        assert row.mean == row.median == row.min == row.max == pytest.approx(value)


def test_outlet_summary_two_articles_by_hand(metrics):
    m = two_outlets(metrics)
    out = compare.outlet_summary(m, ["words"]).set_index("outlet")
    a = metrics["words"].iloc[:2].astype(float).tolist()  # 836 and 672 words when checked by hand
    assert out.loc["A", "articles"] == 2
    assert out.loc["A", "mean"] == pytest.approx(sum(a) / 2)
    assert out.loc["A", "min"] == min(a) and out.loc["A", "max"] == max(a)
    b = sorted(metrics["words"].iloc[2:].astype(float))
    assert out.loc["B", "median"] == b[1]


def test_outlet_summary_dtypes_and_defaults(metrics):
    out = compare.outlet_summary(metrics)
    assert out.dtypes.astype(str).to_dict() == {
        "outlet": "string",
        "metric": "string",
        "articles": "int64",
        "mean": "float64",
        "median": "float64",
        "min": "float64",
        "max": "float64",
    }
    first = out[out.outlet == out.outlet.iloc[0]]["metric"].tolist()
    assert first == compare.metric_columns(metrics)


def test_articles_counts_only_values(metrics):
    m = two_outlets(metrics)
    m.loc[0, "flesch_reading_ease"] = np.nan  # an empty article has no score
    out = compare.outlet_summary(m, ["flesch_reading_ease"]).set_index("outlet")
    assert out.loc["A", "articles"] == 1
    assert out.loc["A", "mean"] == pytest.approx(metrics["flesch_reading_ease"].iloc[1])


# -- metric_by_outlet ----------------------------------------------------------------------------
def test_metric_by_outlet_points_and_means(metrics):
    r = compare.metric_by_outlet(metrics, "words_per_sentence")
    assert not r.aggregated and r.metric == "words_per_sentence"
    assert list(r.points.columns) == ["doc_id", "outlet", "title", "value"]
    assert r.points["value"].tolist() == pytest.approx(metrics["words_per_sentence"].tolist())
    assert "text" not in r.points.columns
    s = r.summary.set_index("outlet")
    for row in metrics.itertuples():
        assert s.loc[row.outlet, "mean"] == pytest.approx(row.words_per_sentence)
    assert r.summary["mean"].is_monotonic_decreasing  # ordered for the chart


def test_metric_by_outlet_box_stats_by_hand(metrics):
    m = two_outlets(metrics)
    s = compare.metric_by_outlet(m, "words").summary.set_index("outlet")
    b = sorted(
        metrics["words"].iloc[2:].astype(float)
    )  # three values: quartiles by linear interpolation
    assert s.loc["B", "median"] == b[1]
    assert s.loc["B", "q1"] == pytest.approx((b[0] + b[1]) / 2)
    assert s.loc["B", "q3"] == pytest.approx((b[1] + b[2]) / 2)
    assert s.loc["B", "lower"] >= s.loc["B", "min"] and s.loc["B", "upper"] <= s.loc["B", "max"]


def test_metric_by_outlet_aggregates_big_tables(metrics):
    big = big_metrics(metrics)
    r = compare.metric_by_outlet(big, "flesch_reading_ease")
    assert r.aggregated and r.points.empty
    assert len(r.summary) == big["outlet"].nunique() <= 400
    assert int(r.summary["articles"].sum()) == len(big)
    s = r.summary
    assert (
        (s["min"] <= s["q1"])
        & (s["q1"] <= s["median"])
        & (s["median"] <= s["q3"])
        & (s["q3"] <= s["max"])
    ).all()
    assert compare.metric_by_outlet(big.head(compare.MAX_POINTS), "words").aggregated is False


# -- standardized ----------------------------------------------------------------------------------
def test_standardized_by_hand(metrics):
    z = compare.standardized(metrics, ["words"]).set_index("outlet")
    # words: 836, 672, 387, 670, 468 -> mean 606.6, sample sd 179.13; Newslooks (836 - 606.6) / 179.13 = 1.2806
    w = metrics["words"].astype(float)
    assert z["corpus_mean"].iloc[0] == pytest.approx(w.mean())
    assert z["corpus_sd"].iloc[0] == pytest.approx(w.std(ddof=1))
    newslooks = metrics.loc[metrics.words.idxmax(), "outlet"]
    assert z.loc[newslooks, "z"] == pytest.approx((w.max() - w.mean()) / w.std(ddof=1))


def test_standardized_z_average_to_zero_over_articles(metrics):
    for table in (metrics, two_outlets(metrics), big_metrics(metrics, n=3000, outlets=40)):
        z = compare.standardized(table)
        assert z["metric"].unique().tolist() == [c for c in PROFILE_COLUMNS if c in table.columns]
        for _, part in z.groupby("metric"):
            weighted = (part["z"] * part["articles"]).sum() / part["articles"].sum()
            assert weighted == pytest.approx(0.0, abs=1e-9)


def test_standardized_constant_column_is_nan_not_inf(metrics):
    m = metrics.assign(paragraphs=3)
    z = compare.standardized(m, ["paragraphs", "words"])
    assert z.loc[z.metric == "paragraphs", "z"].isna().all()
    assert z.loc[z.metric == "words", "z"].notna().all()
    assert list(z.columns) == [
        "outlet",
        "metric",
        "articles",
        "z",
        "mean",
        "corpus_mean",
        "corpus_sd",
    ]


# -- formulas ------------------------------------------------------------------------------------------
def test_formula_grades_long_and_spread(metrics):
    g = compare.formula_grades(metrics)
    assert list(g.columns) == [
        "doc_id",
        "outlet",
        "title",
        "formula",
        "grade",
        "consensus_grade",
        "spread",
    ]
    assert len(g) == 5 * len(metrics)
    assert g["formula"].iloc[:5].tolist() == list(GRADE_FORMULAS)
    for doc_id, part in g.groupby("doc_id"):
        row = metrics.set_index("doc_id").loc[doc_id]
        grades = [row[f] for f in GRADE_FORMULAS]
        assert part["grade"].tolist() == pytest.approx(grades)
        assert part["spread"].iloc[0] == pytest.approx(max(grades) - min(grades))
        assert part["consensus_grade"].iloc[0] == pytest.approx(
            row["consensus_grade"]
        )  # median of the five


def test_formula_grades_by_outlet_means(metrics):
    m = two_outlets(metrics)
    g = compare.formula_grades_by_outlet(m).set_index(["outlet", "formula"])
    fog = metrics["gunning_fog"].iloc[:2].mean()
    assert g.loc[("A", "gunning_fog"), "grade"] == pytest.approx(fog)
    assert g.loc[("A", "gunning_fog"), "articles"] == 2
    a = g.loc["A", "grade"]
    assert g.loc[("A", "smog_index"), "spread"] == pytest.approx(a.max() - a.min())


# -- entities --------------------------------------------------------------------------------------------
def test_entity_matrix_grid_counts_and_rank(mentions, metrics):
    mat = compare.entity_matrix(mentions, metrics, label="PERSON", top=5)
    assert list(mat.columns) == [
        "outlet",
        "canonical",
        "label",
        "mentions",
        "articles",
        "mentions_per_1k_words",
        "value",
    ]
    names = list(dict.fromkeys(mat["canonical"]))
    assert len(names) == 5 and len(mat) == 5 * metrics["outlet"].nunique()  # zeros included
    people = mentions[mentions.label == "PERSON"]
    totals = people["canonical"].value_counts()
    assert names[0] == "Joe Biden" == totals.index[0]  # the story is about Biden's decision
    assert [int(mat.loc[mat.canonical == n, "mentions"].sum()) for n in names] == [
        int(totals[n]) for n in names
    ]
    assert (mat["value"] == mat["mentions"]).all()


def test_entity_matrix_per_1k_by_hand(mentions, metrics):
    mat = compare.entity_matrix(mentions, metrics, label="person", per_1k=True, top=3)
    row = mat[(mat.canonical == "Joe Biden")].iloc[0]
    words = metrics.loc[metrics.outlet == row.outlet, "words"].sum()
    assert row["mentions_per_1k_words"] == pytest.approx(row["mentions"] / words * 1000)
    assert row["value"] == row["mentions_per_1k_words"]
    with pytest.raises(CorpusError, match="needs the metrics"):
        compare.entity_matrix(mentions, None, per_1k=True)
    with pytest.raises(CorpusError, match="Unknown entity label"):
        compare.entity_matrix(mentions, metrics, label="PEOPLE")


def test_entity_matrix_outlets_without_mentions_get_zeros(mentions, metrics):
    only_two = mentions[mentions.outlet.isin(metrics.outlet.iloc[:2])]
    mat = compare.entity_matrix(only_two, metrics, label="PERSON", top=2)
    assert set(mat["outlet"]) == set(metrics["outlet"])
    assert mat.loc[~mat.outlet.isin(metrics.outlet.iloc[:2]), "mentions"].eq(0).all()


def test_top_entities_per_outlet(mentions, metrics):
    top = compare.top_entities(mentions, metrics, label="GPE", top=3)
    assert list(top.columns) == [
        "outlet",
        "rank",
        "canonical",
        "label",
        "mentions",
        "articles",
        "mentions_per_1k_words",
        "value",
    ]
    gpe = mentions[mentions.label == "GPE"]
    for outlet, part in top.groupby("outlet"):
        assert part["rank"].tolist() == list(range(1, len(part) + 1)) and len(part) <= 3
        assert part["mentions"].is_monotonic_decreasing
        assert (
            part["mentions"].iloc[0] == gpe[gpe.outlet == outlet]["canonical"].value_counts().max()
        )
    assert set(top["label"]) == {"GPE"}


def test_exclusive_entities_named_by_one_outlet_only(mentions):
    ex = compare.exclusive_entities(mentions)
    assert list(ex.columns) == ["canonical", "label", "outlet", "mentions", "articles"]
    names = mentions[
        ~mentions.label.isin(
            ["DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"]
        )
    ]
    per = names.groupby(["canonical", "label"])["outlet"].nunique()
    expected = {key for key, n in per.items() if n == 1}
    assert set(zip(ex["canonical"], ex["label"], strict=True)) == expected
    assert ex["mentions"].is_monotonic_decreasing
    assert "Joe Biden" not in set(ex["canonical"])  # every outlet names him


# -- sentences -------------------------------------------------------------------------------------------------
def test_sentence_length_distribution_counts(sentences):
    d = compare.sentence_length_distribution(sentences)
    assert list(d.columns) == ["outlet", "bin", "bin_start", "bin_end", "sentences", "share"]
    n_bins = len(compare.SENTENCE_BINS)
    assert (
        len(d) == sentences["outlet"].nunique() * n_bins
    )  # aggregated, never one row per sentence
    per_outlet = d.groupby("outlet")["sentences"].sum()
    assert per_outlet.to_dict() == sentences.groupby("outlet").size().to_dict()
    assert d.groupby("outlet")["share"].sum().tolist() == pytest.approx([1.0] * len(per_outlet))
    assert (
        d["bin"].iloc[:3].tolist() == ["0-4", "5-9", "10-14"] and d["bin"].iloc[n_bins - 1] == "60+"
    )
    longest = sentences["words"].max()
    row = d[(d.bin_start <= longest) & (longest < d.bin_end) & (d.sentences > 0)]
    assert len(row) >= 1


def test_sentence_length_width_bins(sentences):
    d = compare.sentence_length_distribution(sentences, bins=10)
    assert d["bin_start"].iloc[1] - d["bin_start"].iloc[0] == 10
    assert d["sentences"].sum() == len(sentences)
    with pytest.raises(CorpusError):
        compare.sentence_length_distribution(sentences, bins=0)


# -- kwic -------------------------------------------------------------------------------------------------------
def test_kwic_on_the_bundled_corpus(corpus):
    k = compare.kwic(corpus, "Biden", window=5)
    assert list(k.columns) == ["doc_id", "outlet", "title", "left", "match", "right", "start_char"]
    assert set(k["outlet"]) == set(corpus["outlet"])  # every article names him
    text = corpus.set_index("doc_id")["text"]
    for row in k.itertuples():
        assert text[row.doc_id][row.start_char : row.start_char + 5] == "Biden"
        assert len(row.left.split()) <= 5 and len(row.right.split()) <= 5
    assert k.dtypes.astype(str).tolist() == ["string"] * 6 + ["int64"]


def test_kwic_phrase_lists_the_outlets_that_use_it(corpus):
    k = compare.kwic(corpus, "long-range missiles")
    expected = {
        o
        for o, t in zip(corpus.outlet, corpus.text, strict=True)
        if "long-range missiles" in t.lower()
    }
    assert set(k["outlet"]) == expected and 0 < len(expected) < len(corpus)


def test_kwic_literal_word_boundaries_and_case():
    corpus = pd.DataFrame(
        {
            "doc_id": ["a", "b"],
            "outlet": ["X", "Y"],
            "title": ["T1", "T2"],
            "text": [
                "UxSx said no. The U.S. and Kyivan troops. Kyiv\nregion too.",
                "kyiv (Kyiv) U.S.-made",
            ],
        }
    )
    assert compare.kwic(corpus, "U.S.")["outlet"].tolist() == [
        "X",
        "Y",
    ]  # "." is literal: UxSx is no match
    k = compare.kwic(corpus, "kyiv region")  # multi-word, across a line break
    assert k["match"].tolist() == ["Kyiv region"] and k["right"].iloc[0] == "too."
    assert len(compare.kwic(corpus, "Kyiv")) == 3  # not "Kyivan"
    assert compare.kwic(corpus, "Kyiv", case=True)["doc_id"].tolist() == ["a", "b"]
    assert len(compare.kwic(corpus, "Kyiv", limit=1)) == 1
    assert len(compare.kwic(corpus, "(Kyiv)")) == 1  # regex characters are literal
    assert compare.kwic(corpus, "nothing here").empty


@pytest.mark.parametrize("query", ["", "   ", None])
def test_kwic_bad_query(corpus, query):
    with pytest.raises(CorpusError, match="word or phrase"):
        compare.kwic(corpus, query)


# -- never modify inputs ------------------------------------------------------------------------------------
def test_inputs_are_not_modified(corpus, metrics, mentions, sentences):
    copies = {
        n: t.copy(deep=True)
        for n, t in {
            "corpus": corpus,
            "metrics": metrics,
            "mentions": mentions,
            "sentences": sentences,
        }.items()
    }
    compare.outlet_summary(metrics)
    compare.metric_by_outlet(metrics, "words")
    compare.standardized(metrics)
    compare.formula_grades(metrics)
    compare.formula_grades_by_outlet(metrics)
    compare.entity_matrix(mentions, metrics, per_1k=True)
    compare.top_entities(mentions, metrics)
    compare.exclusive_entities(mentions)
    compare.sentence_length_distribution(sentences)
    compare.kwic(corpus, "Ukraine")
    for name, table in {
        "corpus": corpus,
        "metrics": metrics,
        "mentions": mentions,
        "sentences": sentences,
    }.items():
        pd.testing.assert_frame_equal(table, copies[name], obj=name)
