"""Readability formulas: counts from the parse in, the standard scores out.

``add_formulas`` turns a table of counts (made by
:func:`mediakit.parsing.counts.count_article` when each article was parsed)
into the standard readability scores, vectorised. Sentences and words come
from the parse, not from textstat's regular expressions, which miscount news
text ("U.S.", "$1.2 billion"). ``FORMULAS`` explains each score for students.

Differences from textstat, on purpose:

- Coleman-Liau uses the published constant 0.0588 (textstat: 0.058).
- ARI counts letters and digits as characters (textstat also counts punctuation).
- ``consensus_grade`` is the median of five grade-level formulas (FKGL, Fog,
  SMOG, Coleman-Liau, ARI); textstat's ``text_standard`` is a different vote.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..parsing.counts import COUNT_COLUMNS

__all__ = ["COUNT_COLUMNS", "FORMULAS", "FORMULA_COLUMNS", "add_formulas"]


FORMULA_COLUMNS = (
    "words_per_sentence",
    "syllables_per_word",
    "polysyllable_share",
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall",
    "consensus_grade",
)


_TRUST = "Unreliable on short texts (under ~100 words or a handful of sentences)."


FORMULAS: dict[str, str] = {
    "words_per_sentence": (
        "Average sentence length in words. Longer sentences are harder to follow. "
        "Depends on how sentences were split: headlines and lists count as short sentences."
    ),
    "syllables_per_word": (
        "Average word length in syllables (CMUdict, else a hyphenation guess). "
        "Higher means longer, usually rarer words. Numbers count as one syllable."
    ),
    "polysyllable_share": (
        "Share of words with three or more syllables (0 to 1). "
        "Higher means more long words; names of people and places count too."
    ),
    "flesch_reading_ease": (
        "Flesch Reading Ease: 206.835 - 1.015 x words/sentence - 84.6 x syllables/word. "
        "Higher is easier: 60-70 plain English, below 30 very hard (academic). "
        "Can go below 0 or above 100. " + _TRUST
    ),
    "flesch_kincaid_grade": (
        "Flesch-Kincaid grade: 0.39 x words/sentence + 11.8 x syllables/word - 15.59. "
        "A US school grade: 8 means an eighth-grader can follow it. " + _TRUST
    ),
    "gunning_fog": (
        "Gunning fog: 0.4 x (words/sentence + 100 x share of complex words), where complex "
        "means 3+ syllables and not on the Dale-Chall easy list. Years of schooling needed; "
        "12 is a high-school senior. Names and technical terms push it up. " + _TRUST
    ),
    "smog_index": (
        "SMOG: 1.043 x sqrt(30 x polysyllables/sentence) + 3.1291. A grade level from "
        "long words only. Designed for samples of 30 sentences: do not trust it for "
        "articles with fewer than 30 sentences."
    ),
    "coleman_liau_index": (
        "Coleman-Liau: 0.0588 x letters per 100 words - 0.296 x sentences per 100 words "
        "- 15.8. A grade level from word length in letters, not syllables, so it does not "
        "depend on a pronouncing dictionary. " + _TRUST
    ),
    "automated_readability_index": (
        "Automated Readability Index: 4.71 x characters/word + 0.5 x words/sentence - 21.43, "
        "characters being letters and digits. A grade level. " + _TRUST
    ),
    "dale_chall": (
        "New Dale-Chall: 0.1579 x % of words not on a list of ~3,000 familiar words "
        "+ 0.0496 x words/sentence, + 3.6365 when over 5% are unfamiliar. About 4.9 or "
        "less: easy for a 4th-grader; 9-9.9: college level. Inflected forms ('attacked') "
        "and names count as unfamiliar, so news text scores high. " + _TRUST
    ),
    "consensus_grade": (
        "Median of the five grade-level scores (Flesch-Kincaid, Gunning fog, SMOG, "
        "Coleman-Liau, ARI): one number that no single formula's quirk can move much. "
        "Still a rough guide, not a measurement of the reader."
    ),
    "mattr": (
        "Moving-average type-token ratio: share of different words in every window of "
        "50 words, averaged (0 to 1). Higher means more varied vocabulary. Unlike the "
        "plain type-token ratio it does not fall just because the article is longer. "
        "Under 50 words it is the plain ratio and not comparable."
    ),
    "mtld": (
        "MTLD (McCarthy & Jarvis 2010): average run of words before the type-token ratio "
        "falls to 0.72, read forwards and backwards. Higher means more varied vocabulary "
        "(news text: roughly 70-120). Needs at least ~100 words; a text in which no word "
        "repeats gets its own length."
    ),
}


def _column(counts: pd.DataFrame, name: str) -> np.ndarray:
    return pd.to_numeric(counts[name]).to_numpy(dtype="float64", na_value=np.nan)


def add_formulas(counts: pd.DataFrame) -> pd.DataFrame:
    """A new table: ``counts`` plus the readability scores in ``FORMULA_COLUMNS``.

    Needs the ``COUNT_COLUMNS`` made by ``count_article``; every other column
    is kept as is. Scores are NaN for rows with no words or no sentences.
    The input is never modified.

    >>> from mediakit.parsing.counts import count_article
    >>> counts = pd.DataFrame([count_article([["The", "missile", "hit."]]), count_article([])])
    >>> out = add_formulas(counts)
    >>> round(float(out.loc[0, "flesch_reading_ease"]), 2), bool(pd.isna(out.loc[1, "gunning_fog"]))
    (90.99, True)
    """
    missing = [c for c in COUNT_COLUMNS if c not in counts.columns]
    if missing:
        raise ValueError(
            f"add_formulas needs the count columns {missing}; build the table from "
            "count_article(...) results, one row per article"
        )
    w = _column(counts, "words")
    s = _column(counts, "sentences")
    ok = (w > 0) & (s > 0)
    w = np.where(ok, w, np.nan)  # NaN, not 0: a score of an empty text is undefined
    s = np.where(ok, s, np.nan)
    syl = _column(counts, "syllables")
    poly = _column(counts, "polysyllables")
    letters = _column(counts, "letters")

    wps = w / s
    spw = syl / w
    pct_complex = 100.0 * _column(counts, "complex_words") / w
    pct_difficult = 100.0 * _column(counts, "difficult_words") / w
    fkgl = 0.39 * wps + 11.8 * spw - 15.59
    fog = 0.4 * (wps + pct_complex)
    smog = 1.043 * np.sqrt(poly * 30.0 / s) + 3.1291
    cli = 0.0588 * (100.0 * letters / w) - 0.296 * (100.0 * s / w) - 15.8
    ari = 4.71 * letters / w + 0.5 * wps - 21.43
    dale = 0.1579 * pct_difficult + 0.0496 * wps + np.where(pct_difficult > 5.0, 3.6365, 0.0)
    grades = np.column_stack([fkgl, fog, smog, cli, ari])
    consensus = np.median(grades, axis=1) if len(grades) else np.empty(0)

    scores = pd.DataFrame(
        {
            "words_per_sentence": wps,
            "syllables_per_word": spw,
            "polysyllable_share": poly / w,
            "flesch_reading_ease": 206.835 - 1.015 * wps - 84.6 * spw,
            "flesch_kincaid_grade": fkgl,
            "gunning_fog": fog,
            "smog_index": smog,
            "coleman_liau_index": cli,
            "automated_readability_index": ari,
            "dale_chall": dale,
            "consensus_grade": consensus,
        },
        index=counts.index,
    )
    # Recomputing replaces old scores instead of duplicating columns.
    kept = counts.drop(columns=[c for c in FORMULA_COLUMNS if c in counts.columns])
    return pd.concat([kept, scores], axis=1)
