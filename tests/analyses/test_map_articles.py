"""engine="dask" for the analyses: each table built on a LocalCluster equals the local one."""

from __future__ import annotations

import warnings

import dask.distributed as distributed
import pandas as pd
import pytest

import mediakit
from mediakit.analyses.entities import compute_entities
from mediakit.analyses.entities.aliases import read_alias_table
from mediakit.analyses.figures.table import _article_figures
from mediakit.analyses.map_articles import article_frame, map_articles
from mediakit.parsing.parsed import parse_corpus
from tests.shared import ALLSIDES, require_shared

ANALYSES = [mediakit.analyze, mediakit.quotes, mediakit.figures]


# Before the module's cluster starts: with it running there is an active client.
def test_analysis_step_without_a_client_says_what_to_do(corpus):
    mediakit.quotes(corpus)  # parsed: only the per-article step needs the cluster
    with pytest.raises(mediakit.CorpusError, match="Client"):
        mediakit.quotes(corpus, engine="dask")


def test_unknown_engine_is_refused(corpus):
    pc = parse_corpus(corpus)
    with pytest.raises(mediakit.OptionError, match="engine"):
        mediakit.analyses.quotes.quotes_of(pc, engine="spark")


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with cluster, distributed.Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def real_sample():
    # Loaded whole (furniture is found across an outlet's articles), then cut.
    return mediakit.load_corpus(require_shared(ALLSIDES)).head(40)


def _steps_run(stream: list[dict], name: str) -> int:
    return sum(name in str(task["key"]) for task in stream)


@pytest.mark.slow
@pytest.mark.parametrize("analysis", ANALYSES, ids=lambda f: f.__name__)
def test_bundled_corpus_tables_match_a_local_run(client, corpus, analysis):
    local = analysis(corpus)
    with distributed.get_task_stream(client) as stream:
        remote = analysis(corpus, engine="dask")
    pd.testing.assert_frame_equal(local, remote)
    assert _steps_run(stream.data, "_article_") > 0  # the per-article step ran on the workers


@pytest.mark.slow
@pytest.mark.parametrize("analysis", ANALYSES, ids=lambda f: f.__name__)
def test_real_sample_tables_match_a_local_run(client, real_sample, analysis):
    local = analysis(real_sample, n_process=1)
    remote = analysis(real_sample, engine="dask")
    assert len(local) >= 40  # one row per article or more: not two empty tables
    pd.testing.assert_frame_equal(local, remote)


@pytest.mark.slow
@pytest.mark.parametrize("sample", ["corpus", "real_sample"])
def test_entity_tables_match_a_local_run(client, request, sample):
    articles = request.getfixturevalue(sample)
    local = mediakit.entities(articles, n_process=1)
    pc = parse_corpus(articles)
    # Computed afresh: entities(..., engine="dask") would find the memoised table.
    with distributed.get_task_stream(client) as stream:
        remote = compute_entities(pc, read_alias_table(None), engine="dask")
    pd.testing.assert_frame_equal(local, remote)
    assert _steps_run(stream.data, "_found_in_part") > 0


@pytest.mark.slow
def test_one_article_partitions_give_the_same_rows_in_order(client, real_sample):
    pc = parse_corpus(real_sample, n_process=1)
    ents = mediakit.entities(real_sample)
    by_doc = {
        d: sorted(zip(g.start_char, g.end_char, g.label, g.canonical, strict=True))
        for d, g in ents.groupby("doc_id")
    }
    articles = article_frame(
        pc,
        ("sent_start", "sent_end"),
        story=[""] * len(pc.keys),
        entities=[by_doc.get(d, []) for d in pc.corpus["doc_id"]],
    )
    local = map_articles(articles, _article_figures)
    remote = map_articles(articles, _article_figures, engine="dask", partition_size=1)
    pd.testing.assert_frame_equal(local, remote)
    assert local["doc_id"].nunique() > 10


def _lengths(part: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": part["doc_id"].tolist(), "n": [len(t) for t in part["text"]]})


@pytest.mark.slow
def test_articles_go_to_the_workers_outside_the_task_graph(client):
    texts = [f"{i} " + chr(65 + i % 26) * 400_000 for i in range(40)]  # 16 MB in all
    articles = pd.DataFrame({"doc_id": [f"d{i}" for i in range(40)], "text": texts})
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*large graph")
        remote = map_articles(articles, _lengths, engine="dask")
    pd.testing.assert_frame_equal(map_articles(articles, _lengths), remote)
