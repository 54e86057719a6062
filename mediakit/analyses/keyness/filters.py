"""Which terms keyness lists: article cut-off per group, numbers and page furniture.

A term is listed for a group only when enough of the group's articles use it
(:func:`min_docs_per_group`), so one long article cannot make a word "typical"
of an outlet; numbers and the words of page furniture (:data:`FURNITURE_TERMS`)
are left out by default (:func:`excluded_terms`).
"""

from __future__ import annotations

import re

import numpy as np

from ...errors import CorpusError

__all__ = ["FURNITURE_TERMS", "MIN_DOCS", "excluded_terms", "min_docs_per_group"]

#: Default least number of a group's articles a term must be in.
MIN_DOCS = 3

#: Words and phrases of page furniture (widgets, galleries, prompts, footers). A
#: two-word term is left out when it is one of these or holds one of the words.
FURNITURE_TERMS = frozenset(
    {
        "advertisement", "newsletter", "newsletters", "subscribe", "subscribing", "reprint",
        "replay", "caption", "captions", "toggle", "slideshow", "getty", "copyright",
        "click here", "sign up", "hide caption", "more videos", "just watched", "must watch",
        "reprint permission", "manage newsletters", "share this", "read or", "ap photo",
        "getty images", "enlarge this", "this image", "privacy policy", "your inbox",
    }
)  # fmt: skip

# A number: digits with separators, an optional sign or unit ("$5", "2.5bn", "6m",
# "02:33", "1990s", "45th" and "%" are numbers too).
_NUMBER = re.compile(r"[$£€#+-]?\d[\d.,:/%-]*(?:[a-z]{1,2}|s|th|st|nd|rd)?%?")


def min_docs_per_group(min_docs: int | str, group_sizes: np.ndarray) -> np.ndarray:
    """Each group's least number of articles a term must be in.

    ``"auto"`` (the default of :func:`mediakit.keyness`) is 3 articles, or half
    the group's articles (at least 1) for groups of fewer than 6, so a corpus
    with one article per outlet still gives every outlet its terms.

    >>> min_docs_per_group("auto", np.array([1, 2, 4, 5, 6, 154])).tolist()
    [1, 1, 2, 2, 3, 3]
    >>> min_docs_per_group(2, np.array([1, 10])).tolist()
    [2, 2]
    """
    sizes = np.asarray(group_sizes, dtype=np.int64)
    if isinstance(min_docs, str) and min_docs == "auto":
        return np.minimum(MIN_DOCS, np.maximum(1, sizes // 2))
    if isinstance(min_docs, bool) or not isinstance(min_docs, int | np.integer) or min_docs < 1:
        raise CorpusError(
            f'min_docs must be "auto" or a whole number of at least 1; got {min_docs!r}.'
        )
    return np.full(len(sizes), int(min_docs), dtype=np.int64)


def excluded_terms(
    words: np.ndarray, vocab: np.ndarray, *, numbers: str, furniture: str
) -> np.ndarray:
    """A mask over terms (rows of ``words``, word ids into ``vocab``): left out or not.

    >>> vocab = np.array(["the", "2019", "click", "here", "vote"], dtype=object)
    >>> words = np.array([[0, 4], [1, 4], [2, 3], [0, 0]])
    >>> excluded_terms(words, vocab, numbers="drop", furniture="drop").tolist()
    [False, True, True, False]
    """
    for name, value in (("numbers", numbers), ("furniture", furniture)):
        if value not in ("drop", "keep"):
            raise CorpusError(f"{name} must be 'drop' or 'keep'; got {value!r}.")
    strings = [str(v) for v in vocab]
    bad = np.zeros(len(strings), dtype=bool)
    if numbers == "drop":
        bad |= np.fromiter((_NUMBER.fullmatch(s) is not None for s in strings), bool, len(strings))
    if furniture == "drop":
        bad |= np.fromiter((s in FURNITURE_TERMS for s in strings), bool, len(strings))
    out = bad[words].any(axis=1) if len(words) else np.zeros(0, dtype=bool)
    if furniture == "drop" and words.shape[1] == 2 and len(words):
        ids = {s: i for i, s in enumerate(strings)}
        phrases = [p.split() for p in FURNITURE_TERMS if " " in p]
        pairs = {(ids[a], ids[b]) for a, b in phrases if a in ids and b in ids}
        if pairs:
            key = words[:, 0] * np.int64(len(strings)) + words[:, 1]
            out |= np.isin(key, [a * len(strings) + b for a, b in pairs])
    return out
