"""Word and sentence counts of one article, made while its parse is in memory.

``count_article`` turns an article's sentences (lists of word strings from
the spaCy parse) into the counts readability formulas need (syllables from
:mod:`mediakit.parsing.syllables`, familiar words from the Dale-Chall list)
plus two measures of vocabulary diversity. The counts go into the parse
record, so formulas are later computed from them without reading the text
again (:func:`mediakit.analyses.readability.add_formulas`).

Differences from textstat, on purpose: a hyphenated word is familiar
(Dale-Chall) when the whole form or every part is on the easy-word list, and
a possessive of a familiar word is familiar; textstat glues "well-known" into
"wellknown" and calls it difficult.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .syllables import easy_words, word_pieces, word_syllables

__all__ = ["COUNT_COLUMNS", "count_article", "mattr", "mtld"]

#: The counts :func:`count_article` returns (besides the diversity measures).
COUNT_COLUMNS = (
    "words",
    "sentences",
    "syllables",
    "polysyllables",
    "complex_words",
    "difficult_words",
    "letters",
)


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
