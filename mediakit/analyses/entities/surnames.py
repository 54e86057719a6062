"""Stages 3 and 5: a surname alone ("Biden") linked to the full name it stands for.

Stage 3 finds, for every one-word form, the people whose surname it may be
(close spelling; not a place, title, plural family name or word the model
mostly labels otherwise). Stage 5 (:mod:`.resolve`) links each mention:
the full name used in the same article, else the name that dominates the
corpus (see :func:`resolve_surname`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from .collect import Collected
from .forms import TITLES
from .merge import SURNAME_RATIO, Grouping
from .spelling_index import SpellingIndex

__all__ = ["Surnames", "find_surnames", "resolve_surname"]


@dataclass
class Surnames:
    """Who is a person, how often each is named in full, and what each one-word form may mean."""

    person_roots: set[str]
    full_mentions: Counter  # entity -> mentions of its full names
    surname_of: dict[str, set[str]]  # one-word form key -> entities it may be the surname of
    families: set[str]  # keys of plural family names ("clintons")


def _mostly_person(form, labels=("PERSON",)) -> bool:
    return form is not None and sum(form.labels[x] for x in labels) * 2 > sum(form.labels.values())


def find_surnames(
    found: Collected, grouping: Grouping, alias_map: dict, places: frozenset[str]
) -> Surnames:
    """Stage 3: candidate people for every one-word form."""
    uf, forms = grouping.uf, found.forms
    person_roots = {uf.find(k) for k in grouping.people}
    full_mentions: Counter = Counter()
    for k in grouping.people:
        full_mentions[uf.find(k)] += sum(forms[k].surfaces.values())
    surname_roots: dict[str, set[str]] = defaultdict(set)
    for k in grouping.people:
        surname_roots[k.split()[-1]].add(uf.find(k))
    index = SpellingIndex(surname_roots, min_ratio=SURNAME_RATIO)
    surname_of: dict[str, set[str]] = {}
    # "the Clintons" are a family, their own entity, not Hillary Clinton.
    # Only when the singular is itself mostly a person's name: "Democrats" is not the
    # family of a stray "Joe Democrat".
    families = {
        k
        for k in forms
        if " " not in k
        and k.endswith("s")
        and k[:-1] in surname_roots
        and _mostly_person(forms.get(k[:-1]))
        and not _mostly_person(forms[k], ("NORP",))
    }
    for key, form in forms.items():
        if key in families:
            continue
        if (
            " " in key
            or key in alias_map
            or uf.find(key) in person_roots
            or key in places
            or key in TITLES
        ):
            continue
        place_votes = sum(form.labels[lab] for lab in ("GPE", "LOC", "NORP"))
        if place_votes * 2 > sum(form.labels.values()):
            continue  # "Ukraine" is not the surname of a "Trump Ukraine"
        hits = index.matches(key)
        if not hits:
            continue
        roots = set().union(*(surname_roots[s] for s in hits))
        # "Senate" is not the surname of a one-off "Julia Haslanger Senate": a
        # word the model mostly labels otherwise, far more often than the full
        # names it would join, stays what it is.
        other = sum(form.labels.values()) - form.labels["PERSON"]
        full = sum(full_mentions[r] for r in roots)
        if other > 4 * form.labels["PERSON"] and other > 5 * full:
            continue
        surname_of[key] = roots
    return Surnames(person_roots, full_mentions, surname_of, families)


def resolve_surname(local: set[str], corpus: set[str], full_mentions: Counter) -> str | None:
    """The person a bare surname means, or None when it is ambiguous.

    The full name used in the same article wins, unless a namesake elsewhere
    is ten times as prominent ("Trump" next to "Never Trump"). Across the
    corpus, one full name must dominate ("Trump" -> Donald Trump, not Ivanka
    Trump); a real tie ("Clinton") stays unresolved, and a name seen only
    once ("Trump Twitter") is no evidence.

    >>> resolve_surname(set(), {"donald trump", "ivanka trump"}, Counter({"donald trump": 30, "ivanka trump": 2}))
    'donald trump'
    """

    def dominant(pool: set[str]) -> str | None:
        best = max(pool, key=lambda r: (full_mentions[r], r))
        rest = sum(full_mentions[r] for r in pool) - full_mentions[best]
        return best if len(pool) == 1 or full_mentions[best] >= 3 * rest else None

    overall = dominant(corpus)
    if local:
        here = dominant(local)
        if here is not None and (
            overall is None or overall in local or full_mentions[overall] < 10 * full_mentions[here]
        ):
            return here
    if overall is not None and full_mentions[overall] >= 2:
        return overall
    return None
