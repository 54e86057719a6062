"""Each article's story, for the comparisons that must stay inside one story.

``story_labels`` is what every comparison calls: the corpus's own ``story``
column when it has one (used as given, never computed over), else the
stories of :func:`mediakit.stories` (memoised per corpus, like entities).
``group_by_story`` turns a ``within=`` argument into a yes or no, and
``story_subset`` gives one story's articles as a parsed corpus of their own.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ...errors import CorpusError, OptionError
from ...parsing.parsed import ParsedCorpus
from .table import given_stories, story_result

__all__ = ["WITHIN", "group_by_story", "story_labels", "story_subset"]

#: The values ``within=`` takes: "auto" groups by story when there are several.
WITHIN = ("auto", "story", None)


def story_labels(
    pc: ParsedCorpus, *, mentions: pd.DataFrame | None = None, aliases: Any = None
) -> pd.Series:
    """The story id of every article (a ``str`` Series named ``story``, aligned with the corpus).

    >>> from mediakit.parsing.parsed import parse_corpus
    >>> story_labels(parse_corpus(cache_dir=False)).unique().tolist()
    ['s001']
    """
    given = given_stories(pc.corpus)
    if given is not None:
        return given
    table = story_result(pc, aliases=aliases, mentions=mentions).articles
    return pd.Series(table["story"].to_numpy(), index=pc.corpus.index, dtype="str", name="story")


def group_by_story(within: str | None, labels: pd.Series | None) -> bool:
    """Should a comparison stay inside stories? ``within``: "auto", "story" or None.

    "auto" says yes when the articles span more than one story.

    >>> group_by_story("auto", pd.Series(["s1", "s1"])), group_by_story("auto", pd.Series(["s1", "s2"]))
    (False, True)
    >>> group_by_story(None, pd.Series(["s1", "s2"]))
    False
    """
    if within not in WITHIN:
        raise CorpusError(
            f"within must be 'auto' (group by story when the corpus spans several), 'story' "
            f"or None (compare across the whole corpus); got {within!r}."
        )
    if within is None:
        return False
    if labels is None:
        if within == "story":
            raise CorpusError(
                "within='story' needs each row's story: pass the table made from a corpus "
                "(it has a 'story' column), or add one, e.g. from mediakit.stories(corpus)."
            )
        return False
    return within == "story" or labels.nunique() > 1


def story_subset(pc: ParsedCorpus, labels: pd.Series, story: str) -> ParsedCorpus:
    """The articles of one story as a parsed corpus (its ``story`` column set to ``story``).

    The parse is shared, nothing is parsed again. An unknown id raises an
    :class:`OptionError` (a :class:`CorpusError`) that lists the closest ids.

    >>> from mediakit.parsing.parsed import parse_corpus
    >>> pc = parse_corpus(cache_dir=False)
    >>> len(story_subset(pc, story_labels(pc), "s001").corpus)
    5
    """
    values = labels.astype(str).to_numpy()
    rows = np.flatnonzero(values == str(story))
    if not len(rows):
        raise OptionError(unknown_story_message(str(story), values))
    corpus = pc.corpus.iloc[rows].reset_index(drop=True).assign(story=str(story))
    return ParsedCorpus(
        corpus=corpus,
        keys=[pc.keys[i] for i in rows],
        store=pc.store,
        model_id=pc.model_id,
        model=pc.model,
        parse_options=dict(pc.parse_options),
    )


def unknown_story_message(story: str, known) -> str:
    """What to say about a story id that is not in the corpus: the closest ids, and where to look.

    >>> unknown_story_message("s01", ["s001", "s002", "s010"])[:40]
    "No story 's01' in this corpus. Closest i"
    """
    import difflib

    ids = list(dict.fromkeys(str(k) for k in known))
    close = difflib.get_close_matches(story, ids, n=5, cutoff=0.5)
    hint = (
        f"Closest ids: {', '.join(close)}." if close else f"Ids run from {min(ids)} to {max(ids)}."
    )
    return (
        f"No story {story!r} in this corpus. {hint} List them with mediakit.stories_summary(corpus) "
        "or `mediakit stories SOURCE`."
    )
