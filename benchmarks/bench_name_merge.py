"""Speed of the corpus-wide name merging on synthetic person names.

Run by hand (not a test):  python benchmarks/bench_name_merge.py [--sizes 1000 10000 100000]

Makes N distinct full person names (first names and surnames built from
syllables, with power-law surname frequencies and one-letter misspellings,
as in news text), plus one one-word form per surname, and times stage 2
(``group_forms``: people merged by close surname) and stage 3
(``find_surnames``: what a one-word form may be the surname of). Prints
seconds per size, the growth exponent between sizes (1 = linear, 2 =
quadratic) and, up to ``--naive-max`` names, the all-pairs method it replaces
on the same names, with a check that both group identically.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from collections import Counter, defaultdict
from itertools import accumulate
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mediakit.analyses.entities.forms import Form, form_key  # noqa: E402
from mediakit.analyses.entities.merge import group_forms, same_person  # noqa: E402
from mediakit.analyses.entities.surnames import find_surnames  # noqa: E402
from mediakit.unionfind import UnionFind  # noqa: E402

SYLLABLES = [
    "ba",
    "be",
    "bi",
    "bo",
    "ka",
    "ke",
    "ki",
    "ko",
    "la",
    "le",
    "li",
    "lo",
    "ma",
    "me",
    "mi",
    "mo",
    "na",
    "ne",
    "ni",
    "no",
    "ra",
    "re",
    "ri",
    "ro",
    "sa",
    "se",
    "si",
    "so",
    "ta",
    "te",
    "ti",
    "to",
    "va",
    "ve",
    "vi",
    "wo",
    "ya",
    "yu",
    "za",
    "zo",
    "ch",
    "sh",
    "st",
    "tr",
]  # noqa: E501


def _word(rng: random.Random, lo: int, hi: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(lo, hi))).capitalize()


def _typo(rng: random.Random, word: str) -> str:
    i = rng.randrange(1, len(word))
    return word[:i] + rng.choice("aeiouy") + word[i:]


def synthetic_names(n: int, seed: int = 0) -> list[str]:
    """N distinct full names, a few in several spellings of one surname."""
    rng = random.Random(seed)
    firsts = [_word(rng, 1, 3) for _ in range(max(50, n // 20))]
    surnames = [_word(rng, 2, 4) for _ in range(max(100, n // 3))]
    # Surname frequencies fall off as a power (the commonest about 1% of names).
    cum = list(accumulate(1 / (i + 1) ** 0.7 for i in range(len(surnames))))
    names: set[str] = set()
    while len(names) < n:
        (sur,) = rng.choices(surnames, cum_weights=cum)
        if rng.random() < 0.05:
            sur = _typo(rng, sur)
        first = rng.choice(firsts)
        if rng.random() < 0.1:
            first = first[0] + "."
        names.add(f"{first} {sur}")
    return sorted(names)


class Found:
    """Just what stages 2 and 3 read from stage 1."""

    def __init__(self, names: list[str]) -> None:
        self.forms: dict[str, Form] = {}
        for name in names + sorted({n.split()[-1] for n in names}):
            form = Form()
            form.surfaces[name] += 2
            form.labels["PERSON"] += 2
            self.forms[form_key(name)] = form
        self.lower_counts: Counter = Counter()
        self.acronym_pairs: list = []


def naive_groups(people: list[str]) -> UnionFind:
    """The method replaced: all pairs within blocks keyed by the surname's first letter."""
    uf = UnionFind()
    blocks: dict[str, list[str]] = defaultdict(list)
    for k in people:
        uf.find(k)
        blocks[k.split()[-1][:1]].append(k)
    for block in blocks.values():
        for x in range(len(block)):
            for y in range(x + 1, len(block)):
                if same_person(block[x], block[y]):
                    uf.union(block[x], block[y])
    return uf


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--naive-max", type=int, default=10000)
    args = ap.parse_args()
    print(f"{'names':>8} {'merge_s':>8} {'surnames_s':>10} {'exponent':>8} {'all_pairs_s':>11}")
    prev = None
    for n in args.sizes:
        found = Found(synthetic_names(n))
        t0 = time.perf_counter()
        grouping = group_forms(found, {})
        t1 = time.perf_counter()
        find_surnames(found, grouping, {}, frozenset())
        t2 = time.perf_counter()
        total = t2 - t0
        exp = f"{math.log(total / prev[1]) / math.log(n / prev[0]):.2f}" if prev else "-"
        naive = "-"
        if n <= args.naive_max:
            t3 = time.perf_counter()
            uf = naive_groups(grouping.people)
            naive = f"{time.perf_counter() - t3:.2f}"
            same = all(uf.find(k) == grouping.uf.find(k) for k in grouping.people)
            naive += "" if same else " DIFFERENT"
        print(f"{n:>8} {t1 - t0:>8.2f} {t2 - t1:>10.2f} {exp:>8} {naive:>11}")
        prev = (n, total)


if __name__ == "__main__":
    main()
