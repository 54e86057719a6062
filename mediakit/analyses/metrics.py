"""``analyze``: one row of length, readability and entity metrics per article."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from ..parsing.parsed import ParsedCorpus, parse_corpus
from ..parsing.records import COUNT_COLUMNS
from .english import english_only
from .entities import entities_of, entity_counts
from .map_articles import article_frame, map_articles, resolve_engine
from .readability import add_formulas

__all__ = ["METRIC_COLUMNS", "analyze", "metrics_of"]


#: The first columns of :func:`analyze`, in order; entity columns follow.
METRIC_COLUMNS = [
    "doc_id",
    "outlet",
    "title",
    "characters",
    "words",
    "sentences",
    "paragraphs",
    "words_per_sentence",
    "syllables_per_word",
    "polysyllable_share",
    "mattr",
    "mtld",
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall",
    "consensus_grade",
]


def analyze(
    corpus: Any = None,
    *,
    n_process: int | None = None,
    batch_size: int = 32,
    cache_dir: str | Path | bool | None = None,
    progress: bool | None = None,
    aliases: Any = None,
    model: str | None = None,
    engine: str = "local",
) -> pd.DataFrame:
    """Measure every article: length, readability, lexical diversity and named entities.

    ``corpus`` is a table from :func:`mediakit.load_corpus` or anything it
    accepts (``None`` is the bundled corpus). Each article is parsed once
    (``nlp.pipe``, ``n_process`` worker processes, ``batch_size`` texts per
    batch; by default one process for small corpora and all cores for large
    ones) and cached on disk under ``cache_dir`` (``False``: no disk cache).
    Sentence and word counts come from the parse, so "U.S." or "3 p.m." do
    not end sentences. Entity counts count canonical mentions (see
    :func:`mediakit.entities`); ``aliases`` overrides names and labels.

    ``engine="dask"`` parses on the active ``dask.distributed`` cluster
    (see :mod:`mediakit.parsing.cluster`) and computes each article's
    readability scores there (:func:`mediakit.analyses.map_articles.map_articles`);
    the canonical entities (stage 1 also on the cluster, see
    :func:`mediakit.entities`) and their counts per article, which look across
    articles, are made here. Results are identical to a local run.

    An empty article is kept: zero counts and NaN scores (the loader warns).

    >>> m = analyze(cache_dir=False)
    >>> len(m), list(m.columns[:4])
    (5, ['doc_id', 'outlet', 'title', 'characters'])
    """
    pc = parse_corpus(
        corpus,
        n_process=n_process,
        batch_size=batch_size,
        cache_dir=cache_dir,
        progress=progress,
        model=model,
        engine=engine,
    )
    return metrics_of(pc, aliases=aliases)


def metrics_of(
    pc: ParsedCorpus,
    aliases: Any = None,
    mentions: pd.DataFrame | None = None,
    engine: str | None = None,
) -> pd.DataFrame:
    """:func:`analyze` for an already parsed corpus (``mentions``: its entity table, if made).

    ``engine`` (``"local"`` or ``"dask"``) defaults to the engine ``pc`` was parsed with.

    >>> from mediakit.parsing.parsed import parse_corpus
    >>> bool(metrics_of(parse_corpus(cache_dir=False))["words"].gt(0).all())
    True
    """
    engine = resolve_engine(engine, pc)
    corpus = pc.corpus
    title = corpus["title"] if "title" in corpus else pd.Series([""] * len(corpus))
    articles = article_frame(
        pc,
        ("n_chars", *COUNT_COLUMNS, "mattr", "mtld"),
        text=False,
        title=title.astype("str").tolist(),
    )
    frame = english_only(map_articles(articles, _article_scores, engine=engine), corpus)
    # Entity counts are a group-by of the corpus-wide mention table, done here.
    ents = mentions if mentions is not None else entities_of(pc, aliases=aliases)
    ent_cols = entity_counts(ents, frame["doc_id"].tolist(), frame["words"].tolist()).drop(
        columns=["doc_id"]
    )
    # Promised columns first, then entity counts, then the raw counts behind
    # the formulas, the date and the text hash.
    counts_behind = [c for c in frame.columns if c not in METRIC_COLUMNS]
    out = pd.concat([frame[METRIC_COLUMNS], ent_cols, frame[counts_behind]], axis=1)
    if "date" in corpus:
        out["date"] = corpus["date"].to_numpy()
    out["text_hash"] = pd.array(pc.keys, dtype="str")
    return out


def _article_scores(articles: pd.DataFrame) -> pd.DataFrame:
    """Counts and readability scores of some articles (a table made by :func:`metrics_of`)."""
    counts = articles.reset_index(drop=True).rename(columns={"n_chars": "characters"})
    counts = counts.astype({c: "int64" for c in counts.columns if counts[c].dtype == "int32"})
    counts.insert(2, "title", counts.pop("title").astype("str"))
    return add_formulas(counts)
