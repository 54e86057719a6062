"""The spelling index finds exactly the close pairs a comparison of all pairs finds."""

from __future__ import annotations

import random

from rapidfuzz import fuzz

from mediakit.analyses.entities.merge import group_forms, same_person
from mediakit.analyses.entities.spelling_index import LONG, SpellingIndex


def _brute(words: list[str], query: str, ratio: float = 88) -> list[str]:
    return sorted(w for w in words if w[:1] == query[:1] and fuzz.ratio(w, query) >= ratio)


def _typos(rng: random.Random, word: str, alphabet: str) -> str:
    chars = list(word)
    for _ in range(rng.randint(0, 3)):
        i = rng.randrange(len(chars) + 1)
        op = rng.random()
        if op < 0.4 and chars:
            chars.pop(min(i, len(chars) - 1))
        elif op < 0.8:
            chars.insert(i, rng.choice(alphabet))
        elif chars:
            chars[min(i, len(chars) - 1)] = rng.choice(alphabet)
    return "".join(chars)


def test_index_agrees_with_all_pairs_on_misspelt_words():
    # A four-letter alphabet makes near spellings (the hard cases) common;
    # lengths 1-22 cross the LONG boundary both ways.
    rng = random.Random(7)
    alphabet = "abcd"
    base = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 22))) for _ in range(250)]
    words = sorted({t for w in base for t in (w, _typos(rng, w, alphabet)) if t})
    assert any(len(w) > LONG for w in words) and any(len(w) <= LONG for w in words)
    index = SpellingIndex(words)
    found = 0
    for q in words:
        got = index.matches(q)
        assert got == _brute(words, q), q
        found += len(got) > 1
    assert found > 50  # the test really exercises close pairs


def test_index_on_real_looking_surnames_and_other_thresholds():
    words = ["zelensky", "zelenskyy", "zelenskiy", "zelenska", "biden", "bidenn", "ocasio cortez"]
    words += ["alexandria-ocasio-cortezz", "alexandria-ocasio-cortez", "a", "ab"]
    for ratio in (80, 88, 95):
        index = SpellingIndex(words, min_ratio=ratio)
        for q in words + ["zelenskyyy", "xelensky", ""]:
            assert index.matches(q) == (_brute(words, q, ratio) if q else [])
    assert SpellingIndex(words).matches("zelenskyy") == ["zelenskiy", "zelensky", "zelenskyy"]


class _Found:
    """Just what group_forms reads from stage 1."""

    def __init__(self, names: list[str]) -> None:
        from collections import Counter

        from mediakit.analyses.entities.forms import Form, form_key

        self.forms = {}
        for name in names:
            form = Form()
            form.surfaces[name] += 3
            form.labels["PERSON"] += 3
            self.forms[form_key(name)] = form
        self.lower_counts = Counter()
        self.acronym_pairs = []


def test_people_merge_by_close_surname_and_agreeing_first_name():
    found = _Found(
        [
            "Volodymyr Zelensky", "Volodymyr Zelenskyy", "V. Zelenskiy", "Olena Zelenska",
            "Joe Biden", "Hunter Biden", "J. Biden", "Joseph Biden",
        ]
    )  # fmt: skip
    uf = group_forms(found, {}).uf
    assert uf.find("volodymyr zelenskyy") == uf.find("v. zelenskiy") == "v. zelenskiy"
    assert uf.find("olena zelenska") == "olena zelenska"
    # "J." agrees with both "Joe" and "Joseph", so they meet through it.
    assert uf.find("joe biden") == uf.find("joseph biden") == uf.find("j. biden")
    assert uf.find("hunter biden") == "hunter biden"


def test_common_surname_with_many_first_names_groups_as_all_pairs_would():
    # Enough first names under one surname to take the vectorised path.
    rng = random.Random(3)
    firsts = sorted(
        {"".join(rng.choice("aeklmnorst") for _ in range(rng.randint(3, 7))) for _ in range(60)}
    )
    names = [f"{f.capitalize()} Smith" for f in firsts] + ["K. Smith", "M. Smyth", "Anna Smithe"]
    found = _Found(names)
    grouping = group_forms(found, {})
    people = grouping.people
    for a in people:
        for b in people:
            if same_person(a, b):
                assert grouping.uf.find(a) == grouping.uf.find(b), (a, b)
    assert len({grouping.uf.find(k) for k in people}) < len(people)
