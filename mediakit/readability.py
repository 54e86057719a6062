"""Readability and vocabulary-diversity counts per article, and the formulas.

``count_article`` turns one article's sentences (lists of word strings from
the spaCy parse) into counts; ``add_formulas`` turns a table of counts into
the standard readability scores, vectorised. Sentences and words come from
the parse, not from textstat's regular expressions, which miscount news text
("U.S.", "$1.2 billion"). ``FORMULAS`` explains each score for students.

Differences from textstat, on purpose:

- Coleman-Liau uses the published constant 0.0588 (textstat: 0.058).
- ARI counts letters and digits as characters (textstat also counts punctuation).
- A hyphenated word is familiar (Dale-Chall) when the whole form or every
  part is on the easy-word list, and a possessive of a familiar word is
  familiar; textstat glues "well-known" into "wellknown" and calls it difficult.
- ``consensus_grade`` is the median of five grade-level formulas (FKGL, Fog,
  SMOG, Coleman-Liau, ARI); textstat's ``text_standard`` is a different vote.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

from mediakit.syllables import easy_words, word_pieces, word_syllables

__all__ = [
    "COUNT_COLUMNS",
    "FORMULAS",
    "FORMULA_COLUMNS",
    "add_formulas",
    "count_article",
    "mattr",
    "mtld",
]

COUNT_COLUMNS = (
    "words",
    "sentences",
    "syllables",
    "polysyllables",
    "complex_words",
    "difficult_words",
    "letters",
)
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

# raw word -> (syllables, letters+digits, lowercase form or None, difficult, complex)
_Record = tuple[int, int, str | None, bool, bool]
_records: dict[str, _Record] = {}


def _familiar(form: str, pieces: tuple[str, ...], easy: frozenset[str]) -> bool:
    if form in easy or (form.endswith("'s") and form[:-2] in easy):
        return True
    # "far-off" is on the list; other compounds are familiar if every part is.
    return len(pieces) > 1 and all(_familiar(p, (p,), easy) for p in pieces)


def _record(word: str) -> _Record:
    pieces = word_pieces(word)
    syl = word_syllables(word)
    letters = sum(ch.isalnum() for ch in word)
    if not pieces:  # a number: familiar, no vocabulary type
        rec: _Record = (syl, letters, None, False, False)
    else:
        form = "-".join(pieces)
        difficult = not _familiar(form, pieces, easy_words())
        rec = (syl, letters, form, difficult, difficult and syl >= 3)
    _records[word] = rec
    return rec


def mattr(tokens: Sequence[str], window: int = 50) -> float:
    """Moving-average type-token ratio (Covington & McFall 2010).

    The mean type-token ratio of every run of ``window`` consecutive tokens;
    the plain type-token ratio when there are fewer tokens; NaN when none.

    >>> mattr(["a", "b", "a", "c"], window=3)  # windows aba, bac: (2/3 + 3/3) / 2
    0.8333333333333334
    """
    n = len(tokens)
    if n == 0:
        return math.nan
    if n < window:
        return len(set(tokens)) / n
    counts: dict[str, int] = {}
    for t in tokens[:window]:
        counts[t] = counts.get(t, 0) + 1
    distinct = len(counts)
    total = distinct
    for i in range(window, n):
        new, old = tokens[i], tokens[i - window]
        if new != old:  # slide: one token in, one out
            c = counts.get(new, 0)
            counts[new] = c + 1
            if c == 0:
                distinct += 1
            c = counts[old] - 1
            counts[old] = c
            if c == 0:
                distinct -= 1
        total += distinct
    return total / ((n - window + 1) * window)


def _mtld_factors(tokens: Sequence[str], threshold: float) -> float:
    factors = 0.0
    types: set[str] = set()
    count = 0
    ttr = 1.0
    for t in tokens:
        count += 1
        types.add(t)
        ttr = len(types) / count
        if ttr <= threshold:  # a full factor: start a new run
            factors += 1.0
            types = set()
            count = 0
            ttr = 1.0
    if count:  # partial factor: how far the last run got towards the threshold
        factors += (1.0 - ttr) / (1.0 - threshold)
    return factors


def mtld(tokens: Sequence[str], threshold: float = 0.72) -> float:
    """Measure of textual lexical diversity (McCarthy & Jarvis 2010).

    Mean of a forward and a backward pass; each pass divides the number of
    tokens by the number of factors (runs whose type-token ratio fell to
    ``threshold``), plus the partial factor of the last run. When no token
    repeats there is no factor at all; like the ``lexicalrichness`` package
    we then count the whole text as one factor (MTLD = number of tokens).
    NaN when there are no tokens.

    >>> mtld(["a", "b", "a", "b"])  # each pass: TTR 1, 1, 2/3 -> one factor + 1 token left
    4.0
    """
    n = len(tokens)
    if n == 0:
        return math.nan
    forward = _mtld_factors(tokens, threshold)
    backward = _mtld_factors(tokens[::-1], threshold)
    if forward == 0.0 or backward == 0.0:  # all tokens distinct
        return float(n)
    return (n / forward + n / backward) / 2.0


def count_article(sentences: Sequence[Sequence[str]]) -> dict[str, float | list[int]]:
    """Counts for one article from its sentences of raw word strings.

    Returns ``words``, ``sentences`` (those with at least one word),
    ``syllables``, ``polysyllables`` (3+ syllables), ``complex_words``
    (3+ syllables and not on the easy-word list, for Gunning fog),
    ``difficult_words`` (not on the easy-word list, for Dale-Chall; numbers
    are familiar), ``letters`` (letters and digits), ``mattr``, ``mtld``
    (over lowercase alphabetic forms; numbers left out) and
    ``sentence_words`` (words per sentence). Counts are ints.

    >>> c = count_article([["The", "missile", "hit."], ["Officials", "said", "12,000", "fled."]])
    >>> c["words"], c["sentences"], c["syllables"], c["difficult_words"], c["sentence_words"]
    (7, 2, 10, 3, [3, 4])
    """
    records = _records
    sentence_words = [len(s) for s in sentences if len(s)]
    n_syl = n_poly = n_complex = n_difficult = n_letters = 0
    forms: list[str] = []
    for sentence in sentences:
        for word in sentence:
            rec = records.get(word) or _record(word)
            syl = rec[0]
            n_syl += syl
            n_letters += rec[1]
            if syl >= 3:
                n_poly += 1
            if rec[2] is not None:
                forms.append(rec[2])
                if rec[3]:
                    n_difficult += 1
                    if rec[4]:
                        n_complex += 1
    return {
        "words": sum(sentence_words),
        "sentences": len(sentence_words),
        "syllables": n_syl,
        "polysyllables": n_poly,
        "complex_words": n_complex,
        "difficult_words": n_difficult,
        "letters": n_letters,
        "mattr": mattr(forms),
        "mtld": mtld(forms),
        "sentence_words": sentence_words,
    }


def _column(counts: pd.DataFrame, name: str) -> np.ndarray:
    return pd.to_numeric(counts[name]).to_numpy(dtype="float64", na_value=np.nan)


def add_formulas(counts: pd.DataFrame) -> pd.DataFrame:
    """A new table: ``counts`` plus the readability scores in ``FORMULA_COLUMNS``.

    Needs the ``COUNT_COLUMNS`` made by ``count_article``; every other column
    is kept as is. Scores are NaN for rows with no words or no sentences.
    The input is never modified.

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
