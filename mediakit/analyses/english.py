"""Readability scores only for English articles.

The formulas, syllable counts and word lists are English; a German or
Russian article would get a confident and meaningless grade. Articles whose
corpus ``language`` (see :func:`mediakit.load_corpus`) names another language
keep their counts, but their scores are NaN, with a warning naming them.
"""

from __future__ import annotations

import warnings

import pandas as pd

from ..corpus.language import ENGLISH, UNDETERMINED
from .readability import FORMULA_COLUMNS

__all__ = ["english_only"]

#: Scores that assume English (syllables, word lists); words per sentence does not.
ENGLISH_COLUMNS = tuple(c for c in FORMULA_COLUMNS if c != "words_per_sentence")


def english_only(frame: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """``frame`` (one row per corpus row) with English-only scores NaN for other languages.

    >>> frame = pd.DataFrame({"doc_id": ["a", "b"], "gunning_fog": [9.0, 12.0]})
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "language": ["en", "de"]})
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     english_only(frame, corpus)["gunning_fog"].tolist()
    [9.0, nan]
    """
    if "language" not in corpus.columns:
        return frame
    language = corpus["language"].astype(str).to_numpy()
    other = ~pd.Series(language).isin([ENGLISH, UNDETERMINED, "", "nan", "None"]).to_numpy()
    if not other.any():
        return frame
    out = frame.copy()
    columns = [c for c in ENGLISH_COLUMNS if c in out.columns]
    out.loc[other, columns] = float("nan")
    ids = out.loc[other, "doc_id"].astype(str).tolist()
    shown = ", ".join(ids[:5]) + (f", … ({len(ids)} in all)" if len(ids) > 5 else "")
    warnings.warn(
        f"{len(ids)} article(s) are not in English and get no readability scores (the "
        f"formulas are for English): {shown}. Their word and sentence counts are kept.",
        UserWarning,
        stacklevel=3,
    )
    return out
