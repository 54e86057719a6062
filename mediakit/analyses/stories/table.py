"""``stories``: which articles report the same event, one row per article.

A story is a group of articles about one event. A ``story`` column in the
corpus (an event id from the user's own data, see ``load_corpus(...,
story="event_id")``) is used as given. Otherwise stories are found from the
articles themselves:

1. every article becomes a TF-IDF vector over its content words and
   canonical names (:mod:`.vectors`);
2. candidate pairs come from each article's nearest articles by rare terms,
   within a date window when the corpus has dates (:mod:`.neighbours`);
3. average-link clustering groups them (:mod:`.clusters`).

Story ids (``s001``, ``s002``, ...) number the stories in order of their
first article (by date, then corpus order), so the same corpus gives the
same ids and titles. The title is that of the article nearest the story's
centre. The result is memoised per corpus and options, and kept beside the
parse cache.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..._version import __version__
from ...errors import CorpusError
from ...parsing.parsed import ParsedCorpus, parse_corpus
from ..entities import entities_of
from .clusters import cluster_articles
from .describe import centre_similarity, group_weights, story_titles, summarise
from .neighbours import similar_articles
from .vectors import ArticleVectors, article_vectors

__all__ = [
    "COLUMNS",
    "DEFAULT_THRESHOLD",
    "DEFAULT_WINDOW_DAYS",
    "StoryResult",
    "given_stories",
    "stories",
    "stories_of",
    "story_result",
]

#: Columns of :func:`stories`, in order.
COLUMNS = [
    "doc_id",
    "outlet",
    "story",
    "story_title",
    "story_size",
    "outlets_in_story",
    "similarity",
]

#: Mean cosine similarity at which two groups of articles become one story.
DEFAULT_THRESHOLD = 0.15

#: With dates: articles further apart than this count as unrelated pairs.
DEFAULT_WINDOW_DAYS = 7.0


def stories(
    corpus: Any = None,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    window_days: float | None = DEFAULT_WINDOW_DAYS,
    aliases: Any = None,
    **parse_options: Any,
) -> pd.DataFrame:
    """Group the articles into stories: one row per article, in corpus order.

    Columns: ``doc_id, outlet, story, story_title, story_size,
    outlets_in_story, similarity``. ``story`` is the story id (the corpus's
    own ``story`` column when it has one, else ``s001``, ``s002``, ... in
    order of each story's first article), ``story_title`` the title of the
    article nearest the story's centre, ``story_size`` its number of
    articles, ``outlets_in_story`` its number of outlets and ``similarity``
    the article's cosine similarity (0-1) to the story's centre: low values
    are the loosest members.

    Stories are found from the words and canonical names the articles
    share (see :mod:`mediakit.analyses.stories`): two groups of articles
    join when the mean similarity of their pairs reaches ``threshold``.
    With dates, articles more than ``window_days`` apart count as unrelated
    (``window_days=None``: content alone). Parse options are those of
    :func:`mediakit.analyze`.

    >>> table = stories(cache_dir=False)
    >>> table["story"].unique().tolist(), int(table["story_size"].iloc[0])
    (['s001'], 5)
    """
    return stories_of(
        parse_corpus(corpus, **parse_options),
        threshold=threshold,
        window_days=window_days,
        aliases=aliases,
    )


def stories_of(
    pc: ParsedCorpus,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    window_days: float | None = DEFAULT_WINDOW_DAYS,
    aliases: Any = None,
    mentions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """:func:`stories` for an already parsed corpus (``mentions``: its entity table, if made).

    >>> from mediakit.parsing.parsed import parse_corpus
    >>> pc = parse_corpus(cache_dir=False)
    >>> stories_of(pc).equals(stories_of(pc))
    True
    """
    return story_result(
        pc, threshold=threshold, window_days=window_days, aliases=aliases, mentions=mentions
    ).articles.copy()


@dataclass(frozen=True)
class StoryResult:
    """Both story tables of one corpus: per article and per story."""

    articles: pd.DataFrame
    summary: pd.DataFrame


_MEMO: dict[str, StoryResult] = {}


def story_result(
    pc: ParsedCorpus,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    window_days: float | None = DEFAULT_WINDOW_DAYS,
    aliases: Any = None,
    mentions: pd.DataFrame | None = None,
) -> StoryResult:
    """The per-article and per-story tables, memoised per corpus and options."""
    _check_options(threshold, window_days)
    key = _memo_key(pc, threshold, window_days, aliases)
    if key in _MEMO:
        return _MEMO[key]
    articles = pc.store.read_derived("stories", key)
    summary = pc.store.read_derived("stories-summary", key)
    if articles is None or summary is None:
        ents = mentions if mentions is not None else entities_of(pc, aliases=aliases)
        vec = article_vectors(pc, ents)
        labels = _labels(pc, vec, threshold, window_days)
        articles = _article_table(pc, vec, labels)
        summary = summarise(pc, vec, articles)
        pc.store.write_derived("stories", key, articles)
        pc.store.write_derived("stories-summary", key, summary)
    if len(_MEMO) > 8:
        _MEMO.clear()
    _MEMO[key] = StoryResult(articles, summary)
    return _MEMO[key]


def _check_options(threshold: float, window_days: float | None) -> None:
    if not 0 < float(threshold) <= 1:
        raise CorpusError(
            f"threshold is a mean cosine similarity in (0, 1]; got {threshold!r}. "
            f"The default is {DEFAULT_THRESHOLD}; higher values make smaller stories."
        )
    if window_days is not None and not float(window_days) >= 0:
        raise CorpusError(
            f"window_days is a number of days (0 or more), or None to ignore dates; got {window_days!r}."
        )


@lru_cache(maxsize=1)
def _rules_digest() -> bytes:
    # Every file of this package: a changed rule is a new key.
    h = hashlib.blake2b(digest_size=16)
    for path in sorted(Path(__file__).resolve().parent.glob("*.py")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.digest()


def _memo_key(pc: ParsedCorpus, threshold: float, window_days: float | None, aliases) -> str:
    from ..entities.aliases import read_alias_table

    h = hashlib.blake2b(_rules_digest(), digest_size=16)
    options = (__version__, pc.model_id, float(threshold), window_days)
    h.update(repr((options, sorted(read_alias_table(aliases).items()))).encode())
    corpus = pc.corpus
    columns = [corpus["doc_id"], corpus["outlet"], pd.Series(pc.keys, index=corpus.index)]
    for name in ("title", "date", "story"):
        if name in corpus.columns:
            columns.append(corpus[name])
    for row in zip(*([str(v) for v in c.tolist()] for c in columns), strict=True):
        h.update(("\x00" + "\x01".join(row)).encode())
    return h.hexdigest()


def given_stories(corpus: pd.DataFrame) -> pd.Series | None:
    """The corpus's own ``story`` column as strings, or None when it has none.

    An article without a value is a story of its own, ``none:<doc_id>``.

    >>> given_stories(pd.DataFrame({"doc_id": ["a", "b"], "story": ["e1", None]})).tolist()
    ['e1', 'none:b']
    """
    if "story" not in corpus.columns:
        return None
    values = corpus["story"]
    text = [
        "" if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v).strip()
        for v in values.tolist()
    ]
    ids = corpus["doc_id"].astype(str).tolist()
    return pd.Series(
        [t or f"none:{d}" for t, d in zip(text, ids, strict=True)],
        index=corpus.index,
        dtype="str",
        name="story",
    )


def _days(pc: ParsedCorpus, window_days: float | None) -> np.ndarray | None:
    if window_days is None or "date" not in pc.corpus.columns:
        return None
    dates = pd.to_datetime(pc.corpus["date"], errors="coerce")
    if dates.isna().all():
        return None
    return ((dates - pd.Timestamp("1970-01-01")) / pd.Timedelta(days=1)).to_numpy(
        dtype=np.float64, na_value=np.nan
    )


def _labels(
    pc: ParsedCorpus, vec: ArticleVectors, threshold: float, window_days: float | None
) -> pd.Series:
    """The given stories, else computed ones numbered s001, s002, ... by first article."""
    given = given_stories(pc.corpus)
    if given is not None:
        return given
    days = _days(pc, window_days)
    edges = similar_articles(vec.matrix, vec.df, days, threshold=threshold, window_days=window_days)
    raw = cluster_articles(vec.matrix, edges, days, threshold=threshold, window_days=window_days)
    n = len(raw)
    first_day = pd.Series(days if days is not None else np.zeros(n)).groupby(raw).min()
    first_row = pd.Series(np.arange(n)).groupby(raw).min()
    order = (
        pd.DataFrame({"day": first_day, "row": first_row})
        .sort_values(["day", "row"], na_position="last", kind="stable")
        .index
    )
    width = max(3, len(str(len(order))))
    name = {c: f"s{i + 1:0{width}d}" for i, c in enumerate(order)}
    return pd.Series([name[c] for c in raw], index=pc.corpus.index, dtype="str", name="story")


def _article_table(pc: ParsedCorpus, vec: ArticleVectors, labels: pd.Series) -> pd.DataFrame:
    corpus = pc.corpus
    codes, uniques = pd.factorize(labels.to_numpy(), sort=False)
    weights = group_weights(vec.matrix, codes, len(uniques))
    sim = centre_similarity(vec.matrix, codes, weights)
    outlets = corpus["outlet"].astype(str).to_numpy()
    size = np.bincount(codes, minlength=len(uniques))
    n_outlets = pd.Series(outlets).groupby(codes).nunique().reindex(range(len(uniques))).to_numpy()
    titles = corpus["title"].astype(str).to_numpy() if "title" in corpus.columns else None
    story_title = story_titles(codes, sim, titles, vec, weights, pc.texts)
    out = pd.DataFrame(
        {
            "doc_id": corpus["doc_id"].astype(str).to_numpy(),
            "outlet": outlets,
            "story": labels.to_numpy(),
            "story_title": story_title[codes],
            "story_size": size[codes].astype(np.int64),
            "outlets_in_story": n_outlets[codes].astype(np.int64),
            "similarity": sim.astype(np.float64),
        },
        columns=COLUMNS,
    )
    for c in ("doc_id", "outlet", "story", "story_title"):
        out[c] = out[c].astype("str")
    return out
