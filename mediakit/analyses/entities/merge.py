"""Stage 2: surface forms grouped into entities.

Forms meet under :func:`~.forms.form_key` (accents, dots in initials and
case do not matter). On top of that: the alias table joins what it names;
full person names that differ by a letter ("Zelensky" / "Zelenskyy") are
one person; an acronym defined in the text joins its expansion; a plural
multi-word name joins its singular ("Patriot missile systems").
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from ...unionfind import UnionFind
from .collect import Collected
from .forms import PARTICLES, Form, form_key
from .spelling_index import SpellingIndex

__all__ = ["SURNAME_RATIO", "Grouping", "group_forms", "person_like", "same_person"]

#: Surnames this close (``fuzz.ratio``) may name one person ("Zelensky" / "Zelenskyy").
SURNAME_RATIO = 88
#: First names this close agree ("Volodymyr" / "Wolodymyr"); an initial agrees with its letter.
FIRST_NAME_RATIO = 85


@dataclass
class Grouping:
    """Stage 2's result: ``uf.find(key)`` is the entity of a form key."""

    uf: UnionFind
    alias_canonical: dict[
        str, tuple[str, str]
    ]  # form key -> (canonical, label) from the alias table
    people: list[str]  # keys of full person names


def group_forms(found: Collected, alias_map: dict[str, tuple[str, str]]) -> Grouping:
    """Group the forms stage 1 collected (see the module notes for the rules)."""
    forms = found.forms
    uf = UnionFind()
    for key in forms:
        uf.find(key)
    alias_canonical = _join_aliases(forms, alias_map, uf)
    people = [
        k for k in forms if k not in alias_map and person_like(k, forms[k], found.lower_counts)
    ]
    _join_people(people, uf)
    for long, acr in found.acronym_pairs:
        if long in forms and acr in forms and long not in alias_map and acr not in alias_map:
            uf.union(long, acr)
    singular: dict[str, str] = {}
    is_person = set(people)  # a set: a list lookup per form was quadratic
    for key in forms:
        if " " in key and key not in alias_map and key not in is_person:
            base = key[:-1] if key.endswith("s") else key
            if base in singular:
                uf.union(singular[base], key)
            else:
                singular[base] = key
    return Grouping(uf, alias_canonical, people)


def _join_people(people: list[str], uf: UnionFind) -> None:
    # same_person looks only at the first word (dots stripped) and the
    # surname: names that agree on both are one person, and only surnames the
    # spelling index finds close are compared, so the cost grows with the
    # number of names, not its square.
    by_surname: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for k in people:
        words = k.split()
        by_surname[words[-1]].setdefault(words[0].rstrip("."), []).append(k)
    for firsts in by_surname.values():
        for keys in firsts.values():
            for k in keys[1:]:
                uf.union(keys[0], k)
    index = SpellingIndex(by_surname, min_ratio=SURNAME_RATIO)
    for s, firsts in by_surname.items():
        for t in index.matches(s):
            if t < s:
                continue
            for fa, fb in _first_name_candidates(list(firsts), list(by_surname[t])):
                ka, kb = firsts[fa][0], by_surname[t][fb][0]
                if (s, fa) < (t, fb) and same_person(ka, kb):
                    uf.union(ka, kb)


def _first_name_candidates(a: list[str], b: list[str]) -> list[tuple[str, str]]:
    # Every pair of first names may agree while the lists are short; a
    # common surname ("Smith") with hundreds of first names is scored in one
    # vectorised call instead of pair by pair.
    if len(a) * len(b) <= 400:
        return [(x, y) for x in a for y in b]
    out = [(x, y) for x in a for y in b if (len(x) == 1 or len(y) == 1) and x[:1] == y[:1]]
    full_a = [x for x in a if len(x) != 1]
    full_b = [y for y in b if len(y) != 1]
    if full_a and full_b:
        scores = process.cdist(full_a, full_b, scorer=fuzz.ratio, score_cutoff=FIRST_NAME_RATIO)
        rows, cols = np.nonzero(scores)
        out += [(full_a[i], full_b[j]) for i, j in zip(rows.tolist(), cols.tolist(), strict=True)]
    return out


def _join_aliases(
    forms: dict[str, Form], alias_map: dict[str, tuple[str, str]], uf: UnionFind
) -> dict[str, tuple[str, str]]:
    alias_canonical: dict[str, tuple[str, str]] = {}
    by_canonical: dict[str, str] = {}
    for key in forms:
        if key in alias_map:
            canonical, label = alias_map[key]
            alias_canonical[key] = (canonical, label)
            ck = form_key(canonical) if canonical else f"\x00ignore:{key}"
            if ck in by_canonical:
                uf.union(by_canonical[ck], key)
            else:
                by_canonical[ck] = key
    return alias_canonical


def person_like(key: str, form: Form, lower_counts: Counter) -> bool:
    """A full person name: voted PERSON, at least two capitalised words, not everyday words.

    ("Email Sign" from "Email Sign up" is not a person.)
    """
    if not form.labels or form.labels["PERSON"] * 2 < sum(form.labels.values()):
        return False
    surface = form.surfaces.most_common(1)[0][0]
    words = [w for w in surface.split() if w.lower() not in PARTICLES]
    if all(lower_counts[w.lower()] > max(1, lower_counts[w]) for w in words):
        return False
    return len(words) >= 2 and all(w[:1].isupper() for w in words)


def same_person(a: str, b: str) -> bool:
    """Two full-name keys that name one person: close surnames, and first names or initials agree.

    >>> same_person("volodymyr zelensky", "volodymyr zelenskyy"), same_person("joe biden", "hunter biden")
    (True, False)
    """
    wa, wb = a.split(), b.split()
    if fuzz.ratio(wa[-1], wb[-1]) < SURNAME_RATIO:
        return False
    fa, fb = wa[0].rstrip("."), wb[0].rstrip(".")
    if len(fa) == 1 or len(fb) == 1:
        return fa[0] == fb[0]
    return fuzz.ratio(fa, fb) >= FIRST_NAME_RATIO
