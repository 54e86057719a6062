"""``stories_summary``: one row per story, to choose the story to compare outlets on."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ...parsing.parsed import ParsedCorpus, parse_corpus
from .describe import SUMMARY_COLUMNS
from .table import DEFAULT_THRESHOLD, DEFAULT_WINDOW_DAYS, story_result

__all__ = ["SUMMARY_COLUMNS", "stories_summary", "stories_summary_of"]


def stories_summary(
    corpus: Any = None,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    window_days: float | None = DEFAULT_WINDOW_DAYS,
    aliases: Any = None,
    **parse_options: Any,
) -> pd.DataFrame:
    """One row per story of :func:`mediakit.stories`, most outlets first.

    Columns: ``story, story_title, articles, outlets, first_date,
    last_date, span_days, outlet_names, top_terms, top_entities,
    comparable, note``. ``outlet_names`` lists the outlets, most articles
    first; ``top_terms`` and ``top_entities`` are the words and canonical
    names with the most TF-IDF weight in the story's articles;
    ``comparable`` is False for a story with one article or one outlet,
    which comparisons between outlets leave out (``note`` says why). Options
    are those of :func:`mediakit.stories`.

    >>> summary = stories_summary(cache_dir=False)
    >>> summary[["story", "articles", "outlets", "comparable"]]
      story  articles  outlets  comparable
    0  s001         5        5        True
    """
    return stories_summary_of(
        parse_corpus(corpus, **parse_options),
        threshold=threshold,
        window_days=window_days,
        aliases=aliases,
    )


def stories_summary_of(
    pc: ParsedCorpus,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    window_days: float | None = DEFAULT_WINDOW_DAYS,
    aliases: Any = None,
    mentions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """:func:`stories_summary` for an already parsed corpus.

    >>> from mediakit.parsing.parsed import parse_corpus
    >>> list(stories_summary_of(parse_corpus(cache_dir=False)).columns) == SUMMARY_COLUMNS
    True
    """
    return story_result(
        pc, threshold=threshold, window_days=window_days, aliases=aliases, mentions=mentions
    ).summary.copy()
