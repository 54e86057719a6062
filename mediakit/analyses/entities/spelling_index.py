"""Words spelled within a few letters of a word, found without comparing all pairs.

Person names are merged when their surnames are close ("Zelensky" /
"Zelenskyy": ``fuzz.ratio`` >= 88). Comparing every surname with every other
grows with the square of the corpus's distinct names; this index finds the
same pairs, and only those, at a cost that grows with the number of words.

How (a deletion neighbourhood, as in SymSpell): ``fuzz.ratio`` is
``100 * (1 - d / (len(a) + len(b)))`` with ``d`` the insert/delete distance,
so two words at ratio >= r share a common subsequence reached by deleting at
most ``K(len) = 2c * len / (1 + c)`` letters from each (``c = 1 - r/100``).
Every word is filed under each string it becomes with up to ``K`` deletions;
a query looks up its own such strings and checks the few candidates exactly.
Words longer than :data:`LONG` (rare in names, costly in deletions) are
compared directly with the words of a compatible length instead.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz, process

__all__ = ["LONG", "SpellingIndex"]

#: Words longer than this are compared directly, not through deletions
#: (at ratio 88, K is 2 up to 13 letters: at most 92 strings per word).
LONG = 13


class SpellingIndex:
    """The indexed words with the same first letter and ``fuzz.ratio`` >= ``min_ratio`` to a query.

    >>> index = SpellingIndex(["zelensky", "zelenskyy", "biden", "zelenska"])
    >>> index.matches("zelenskyy")
    ['zelensky', 'zelenskyy']
    """

    def __init__(self, words: Iterable[str], min_ratio: float = 88) -> None:
        self.min_ratio = min_ratio
        self._c = 1 - min_ratio / 100
        self._postings: dict[str, list[str]] = defaultdict(list)
        self._by_length: dict[tuple[str, int], list[str]] = defaultdict(list)
        for word in dict.fromkeys(words):
            if not word:
                continue
            self._by_length[(word[0], len(word))].append(word)
            if len(word) <= LONG:
                for variant in self._deletions(word):
                    self._postings[variant].append(word)

    def _max_deletions(self, n: int) -> int:
        # A hair generous (1e-9) so float rounding never loses a pair; the
        # exact check comes after.
        return math.floor(2 * self._c * n / (1 + self._c) + 1e-9)

    def _deletions(self, word: str) -> set[str]:
        out = {word}
        frontier = {word}
        for _ in range(self._max_deletions(len(word))):
            frontier = {v[:i] + v[i + 1 :] for v in frontier for i in range(len(v))}
            out |= frontier
        return out

    def _partner_lengths(self, n: int) -> range:
        # |len(a) - len(b)| <= d <= c * (len(a) + len(b)) bounds the partner's length.
        lo = math.floor(n * (1 - self._c) / (1 + self._c) - 1e-9)
        hi = math.ceil(n * (1 + self._c) / (1 - self._c) + 1e-9)
        return range(max(1, lo), hi + 1)

    def matches(self, query: str) -> list[str]:
        """Sorted indexed words that start like ``query`` and reach ``min_ratio`` with it."""
        if not query:
            return []
        short = len(query) <= LONG
        cands: set[str] = set()
        if short:
            for variant in self._deletions(query):
                cands.update(self._postings.get(variant, ()))
        out = {w for w in cands if w[0] == query[0] and fuzz.ratio(w, query) >= self.min_ratio}
        # Pairs with a long word are not in the postings: compare directly.
        pool = [
            w
            for n in self._partner_lengths(len(query))
            if n > LONG or not short
            for w in self._by_length.get((query[0], n), ())
        ]
        if pool:
            hits = process.extract(
                query, pool, scorer=fuzz.ratio, score_cutoff=self.min_ratio, limit=None
            )
            out.update(h[0] for h in hits)
        return sorted(out)
