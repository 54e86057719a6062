"""Readability formulas are for English: other languages keep their counts, not their scores."""

from __future__ import annotations

import pandas as pd
import pytest

import mediakit
from mediakit.analyses.english import ENGLISH_COLUMNS
from tests.corpus.test_bad_input import CHINESE, ENGLISH, GERMAN, RUSSIAN


def test_non_english_articles_get_no_readability_scores():
    frame = pd.DataFrame(
        {
            "id": ["en", "de", "ru", "zh"],
            "outlet": ["A", "B", "A", "B"],
            "text": [ENGLISH, GERMAN, RUSSIAN, CHINESE],
        }  # fmt: skip
    )
    with pytest.warns(UserWarning, match="not in English"):
        corpus = mediakit.load_corpus(frame)
    with pytest.warns(
        UserWarning,
        match=r"3 article\(s\) are not in English and get no readability scores.*de, ru, zh",
    ):
        metrics = mediakit.analyze(corpus, cache_dir=False)
    scores = metrics.set_index("doc_id")[list(ENGLISH_COLUMNS)]
    assert scores.loc["en"].notna().all()
    assert scores.loc[["de", "ru", "zh"]].isna().all().all()
    assert (metrics["words"] > 0).all() and "words_per_sentence" not in ENGLISH_COLUMNS
    assert corpus["language"].tolist() == ["en", "de", "ru", "zh"]  # the corpus is unchanged
