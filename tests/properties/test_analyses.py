"""Property tests of every analysis on odd texts: no crash, tidy output, offsets inside the text.

Each property loads a few adversarial articles (see :mod:`.strategies`) and
runs one analysis with the cache in memory. Examples are few and small so
the whole file stays within about half a minute.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings

import mediakit
from mediakit.errors import CorpusError

from .strategies import corpora

SOME = settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _corpus(columns) -> pd.DataFrame | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return mediakit.load_corpus(pd.DataFrame(columns))
        except CorpusError:
            return None


def _quiet(fn, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn(*args, cache_dir=False, **kwargs)


def _inside(table: pd.DataFrame, corpus: pd.DataFrame) -> None:
    lengths = corpus.set_index("doc_id")["text"].str.len()
    if table.empty:
        return
    ends = lengths.loc[table["doc_id"]].to_numpy()
    assert (table["start_char"].to_numpy() >= 0).all()
    assert (table["start_char"].to_numpy() <= table["end_char"].to_numpy()).all()
    assert (table["end_char"].to_numpy() <= ends).all()


@SOME
@given(corpora())
def test_metrics_one_row_per_article(columns):
    corpus = _corpus(columns)
    if corpus is None:
        return
    metrics = _quiet(mediakit.analyze, corpus)
    assert metrics["doc_id"].tolist() == corpus["doc_id"].tolist()
    assert (metrics["words"] >= 0).all() and (metrics["sentences"] <= metrics["words"]).all()
    assert (metrics["characters"] == corpus["text"].str.len()).all()


@SOME
@given(corpora())
def test_entities_point_into_the_text(columns):
    corpus = _corpus(columns)
    if corpus is None:
        return
    mentions = _quiet(mediakit.entities, corpus)
    _inside(mentions, corpus)


@SOME
@given(corpora())
def test_quotes_point_into_the_text(columns):
    corpus = _corpus(columns)
    if corpus is None:
        return
    _inside(_quiet(mediakit.quotes, corpus), corpus)


@SOME
@given(corpora())
def test_figures_point_into_the_text(columns):
    corpus = _corpus(columns)
    if corpus is None:
        return
    found = _quiet(mediakit.figures, corpus)
    _inside(found, corpus)
    mediakit.compare_figures(found)


@SOME
@given(corpora(min_size=2))
def test_keyness_groups_are_outlets(columns):
    corpus = _corpus(columns)
    if corpus is None:
        return
    try:
        table = _quiet(mediakit.keyness, corpus)
    except CorpusError as err:  # one outlet only: nothing to compare, and it says so
        assert corpus["outlet"].nunique() < 2, err
        return
    assert set(table["group"]) <= set(corpus["outlet"])


@SOME
@given(corpora(min_size=2))
def test_overlap_tables_are_consistent(columns):
    corpus = _corpus(columns)
    if corpus is None:
        return
    ov = _quiet(mediakit.overlap, corpus)
    assert set(ov.unique_share["doc_id"]) == set(corpus["doc_id"])
    for table in (ov.unique,):
        _inside(table, corpus)


@settings(
    max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(corpora(min_size=2, max_size=3))
def test_report_is_written(tmp_path_factory, columns):
    corpus = _corpus(columns)
    if corpus is None:
        return
    path = tmp_path_factory.mktemp("report") / "r.html"
    out = _quiet(mediakit.report, corpus, path, analysed_on="2024-11-18")
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") or page.lstrip().lower().startswith("<!doctype html>")
    assert "<script>alert" not in page


pytestmark = pytest.mark.filterwarnings("ignore")
