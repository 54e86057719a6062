"""Stage 5: the entity of every mention, a one-word name linked to the person it names.

A one-word name ("Fairfax", "Hillary", "May") is linked, in this order:

1. never, when it is a month or weekday used as a date ("end of May", "May 5");
2. to the one person named in full in the same article whose surname or first
   name it is, whatever label the model gave it ("Mr. Fairfax" tagged as a
   place), unless the words around it make it a place ("in Fairfax",
   "Fairfax County") or it is a known place without a person cue;
3. else to a person named in full in the same story (when the corpus has
   stories), else to the person whose full name dominates the corpus: a
   surname several people share needs one of them to be named in full three
   times as often as all the others ("Obama": Barack, not Michelle); a title
   that is also a surname ("King": Martin Luther King, Peter King) is linked
   only inside its article or story.

A capitalised word also used as a common word ("Will", "Bill", "May") is
linked only with a person cue next to it (a title before, "said" after), and
never across articles. Plural family names ("the Clintons") stay their own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .collect import Collected
from .forms import (
    PLACE_AFTER,
    PLACE_BEFORE,
    SAID,
    TITLES,
    Mention,
    date_word,
    next_words,
    prev_word,
)
from .merge import Grouping
from .surnames import Surnames, resolve_surname

__all__ = ["resolve_mentions"]

# Across articles, a shared surname goes to one person only when that person is
# named in full this many times as often as all the others together (as before
# articles and stories were looked at: it keeps "Trump" and "Obama" whole).
_ELSEWHERE_DOMINANCE = 3


@dataclass
class _People:
    """Full person names per article (and story), by their surname and first name."""

    by_doc: dict[int, dict[str, set[str]]]
    by_story: dict[str, dict[str, set[str]]]


def _people(names: list[Mention], grouping: Grouping, surnames: Surnames, stories) -> _People:
    by_doc: dict[int, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    by_story: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for m in names:
        root = grouping.uf.find(m.key)
        if root in surnames.person_roots and " " in m.key:
            words = m.key.split()
            by_doc[m.doc][words[-1]].add(root)
            by_doc[m.doc][words[0]].add(root)
            if stories is not None and stories[m.doc]:
                by_story[stories[m.doc]][words[-1]].add(root)
    return _People(by_doc, by_story)


def resolve_mentions(
    names: list[Mention],
    grouping: Grouping,
    surnames: Surnames,
    found: Collected,
    places: frozenset[str],
    stories: Sequence[str] | None = None,
) -> list[str | None]:
    """The entity of every mention (``None``: not a name, e.g. "May" in "end of May")."""
    people = _people(names, grouping, surnames, stories)
    elsewhere: dict[str, str | None] = {}  # a surname's corpus-wide person, worked out once
    out: list[str | None] = []
    for m in names:
        root = grouping.uf.find(m.key)
        if " " in m.key or root in surnames.person_roots or m.key in surnames.families:
            out.append(root)
            continue
        text = found.texts[m.doc]
        if date_word(text, m.start, m.end):
            out.append(None)
            continue
        linked = _link(m, text, found, surnames, people, places, stories, elsewhere)
        out.append(linked or root)
    return out


def _link(m, text, found, surnames, people, places, stories, elsewhere) -> str | None:
    """The person a one-word name stands for, or None (see the module notes)."""
    prev, nxt = prev_word(text, m.start), next_words(text, m.end, 1)
    person_cue = prev in TITLES or (nxt and nxt[0] in SAID)
    place_cue = prev in PLACE_BEFORE or (nxt and nxt[0] in (*PLACE_AFTER, "county"))
    common = found.lower_counts[m.key] > found.lower_counts[m.surface]
    if (common and not person_cue) or (place_cue and not person_cue):
        return None
    local = people.by_doc.get(m.doc, {}).get(m.key, set())
    if local and (m.key not in places or person_cue):
        return resolve_surname(local, local, surnames.full_mentions)
    if common:
        return None
    if stories is not None and stories[m.doc]:
        in_story = people.by_story.get(stories[m.doc], {}).get(m.key)
        if in_story:
            return resolve_surname(in_story, in_story, surnames.full_mentions)
    if m.key not in elsewhere:
        cands = surnames.surname_of.get(m.key)
        elsewhere[m.key] = _elsewhere(cands, surnames) if cands else None
    return elsewhere[m.key]


def _elsewhere(cands: set[str], surnames: Surnames) -> str | None:
    full = surnames.full_mentions
    best = max(cands, key=lambda r: (full[r], r))
    rest = sum(full[r] for r in cands) - full[best]
    if full[best] >= 2 and full[best] >= _ELSEWHERE_DOMINANCE * rest:
        return best
    return None
