"""Stage 6: each entity's canonical name and label, from votes and evidence.

Model labels vote; the words around each mention add evidence ("in Sumy",
"Kursk region" -> place; "ATACMS missiles" -> product; a title or "X said"
-> person). A name is a person only with person evidence (a full name, a
title, "X said"); a one-word name used mostly in lower case ("Strikes") is
dropped; ``places.txt`` names places that are never persons; the alias table
decides whatever it names.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .forms import (
    PLACE_AFTER,
    PLACE_BEFORE,
    PRODUCT_AFTER,
    SAID,
    TITLES,
    Mention,
    form_key,
    next_words,
    prev_word,
)
from .merge import Grouping
from .surnames import Surnames

__all__ = ["Evidence", "decide_labels", "gather_evidence"]


@dataclass
class Evidence:
    """Per entity: model label votes, context evidence, mentions and surfaces."""

    votes: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    context: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    occurrences: Counter = field(default_factory=Counter)
    members: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))


def gather_evidence(names: list[Mention], entity_of: list[str], texts: list[str]) -> Evidence:
    """Votes and context evidence of every mention, summed per entity."""
    ev = Evidence()
    for m, root in zip(names, entity_of, strict=True):
        ev.occurrences[root] += 1
        ev.members[root][m.surface] += 1
        if m.model_label:
            ev.votes[root][m.model_label] += 1
        text = texts[m.doc]
        prev = prev_word(text, m.start)
        nxt = next_words(text, m.end)
        if prev in TITLES or (nxt and nxt[0] in SAID):
            ev.context[root]["PERSON"] += 1
        if prev in PLACE_BEFORE or (nxt and nxt[0] in PLACE_AFTER):
            ev.context[root]["GPE"] += 1
        if any(w in PRODUCT_AFTER for w in nxt):
            ev.context[root]["PRODUCT"] += 1
    return ev


def decide_labels(
    ev: Evidence,
    grouping: Grouping,
    surnames: Surnames,
    lower_counts: Counter,
    places: frozenset[str],
) -> dict[str, tuple[str, str] | None]:
    """Entity -> (canonical name, label), or None for a name that is dropped."""
    decided: dict[str, tuple[str, str] | None] = {}
    for root in ev.occurrences:
        keys_in = {form_key(s) for s in ev.members[root]}
        aliased = [grouping.alias_canonical[k] for k in keys_in if k in grouping.alias_canonical]
        if aliased:
            decided[root] = _from_alias(aliased[0], ev.votes[root])
        elif root in surnames.person_roots or root in surnames.families:
            full = Counter({s: c for s, c in ev.members[root].items() if " " in s.strip()})
            pool = full or ev.members[root]
            canonical = max(pool, key=lambda s: (pool[s], len(s.encode()), s))
            decided[root] = (canonical, "PERSON")
        else:
            decided[root] = _voted(root, ev, lower_counts, places)
    return decided


def _from_alias(alias: tuple[str, str], votes: Counter) -> tuple[str, str] | None:
    canonical, label = alias
    if label == "IGNORE" or not canonical:
        return None
    if not label:
        label = (votes or Counter({"ORG": 1})).most_common(1)[0][0]
    return canonical, label


def _voted(
    root: str, ev: Evidence, lower_counts: Counter, places: frozenset[str]
) -> tuple[str, str] | None:
    members = ev.members[root]
    canonical = max(members, key=lambda s: (members[s], len(s), s))
    single = " " not in canonical.strip()
    if single and lower_counts[canonical.lower()] >= max(2, ev.occurrences[root]):
        return None  # a common word written with a capital ("Strikes")
    score = Counter(ev.votes[root])
    person_evidence = ev.context[root]["PERSON"] > 0
    if not person_evidence:
        score.pop("PERSON", None)
    # Context evidence corrects the labels the model confuses (person,
    # organisation, product...), not nationalities or places it got right.
    if not score or score.most_common(1)[0][0] not in ("NORP", "GPE", "LOC"):
        for lab, n in ev.context[root].items():
            if lab != "PERSON":
                score[lab] += 2 * n
    key = form_key(canonical)
    if key in places and not person_evidence:
        label = "GPE"
    elif score:
        label = max(score, key=lambda lab: (score[lab], lab))
    else:
        label = ev.votes[root].most_common(1)[0][0] if ev.votes[root] else "ORG"
    return canonical, label
