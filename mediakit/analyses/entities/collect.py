"""Stage 1: the model's name spans, trimmed, and the surface forms they are spelled in.

One pass over the articles collects every name mention (spans trimmed, those
inside headline-style lines set aside), the numeric spans as they are, how
often each word is written in lower case (is "Strikes" a name or a word?)
and acronyms defined in the text ("Army Tactical Missile Systems (ATACMS)").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ...parsing.parsed import ParsedCorpus
from ...vocab import NAME_LABELS, NUMERIC_LABELS
from .forms import (
    ACRONYM_DEF,
    OFFICE_OF,
    PROSE_WORD,
    SHORT_TITLES,
    Form,
    Mention,
    clean_span,
    credit_span,
    form_key,
    heading_spans,
    in_spans,
)

__all__ = ["Collected", "LazyLists", "collect_mentions"]


class LazyLists:
    """``column[i]`` as a Python list, converting (and keeping) one row at a time."""

    def __init__(self, column) -> None:
        self.column = column
        self._last: tuple[int, list[int]] = (-1, [])

    def __getitem__(self, i: int) -> list[int]:
        if self._last[0] != i:
            self._last = (i, self.column[i].as_py())
        return self._last[1]


@dataclass
class Collected:
    """What stage 1 found: mentions, surface forms and the corpus evidence around them."""

    texts: list[str]
    tok_starts: LazyLists
    tok_ends: LazyLists
    sent_starts: LazyLists
    names: list[Mention] = field(default_factory=list)
    numeric: list[Mention] = field(default_factory=list)
    forms: dict[str, Form] = field(default_factory=lambda: defaultdict(Form))
    lower_counts: Counter = field(default_factory=Counter)
    acronym_pairs: list[tuple[str, str]] = field(default_factory=list)


def collect_mentions(pc: ParsedCorpus) -> Collected:
    """Stage 1 over the whole corpus (offsets converted one article at a time)."""
    cols = pc.columns("tok_start", "tok_end", "sent_start", "ent_start", "ent_end", "ent_label")
    # All tokens of a large corpus as Python ints at once would cost gigabytes.
    found = Collected(
        pc.texts,
        LazyLists(cols["tok_start"]),
        LazyLists(cols["tok_end"]),
        LazyLists(cols["sent_start"]),
    )
    for i, text in enumerate(found.texts):
        # Lower-case and capitalised prose words: is "Strikes" a name or a word?
        found.lower_counts.update(PROSE_WORD.findall(text))
        spans = zip(
            *(cols[c][i].as_py() for c in ("ent_start", "ent_end", "ent_label")), strict=True
        )
        _article_mentions(found, i, text, spans)
        for m in ACRONYM_DEF.finditer(text):
            long, acr = m.group(1), m.group(2)
            long = re.sub(r"^(?:The|the)\s+", "", long)
            if acronym_of(acr.rstrip("s"), long):
                found.acronym_pairs.append((form_key(long), form_key(acr)))
    return found


def _article_mentions(found: Collected, i: int, text: str, spans) -> None:
    headings = heading_spans(text)
    starts = found.tok_starts[i]
    for s, e, label in spans:
        if label in NUMERIC_LABELS:
            found.numeric.append(Mention(i, s, e, text[s:e], "", label, "model"))
            continue
        if label not in NAME_LABELS or in_spans(headings, s):
            continue
        cleaned = clean_span(text, s, e, label)
        if cleaned is None or OFFICE_OF.search(text, max(0, s - 30), s):
            continue
        s2, e2 = cleaned
        if credit_span(text, s2, e2):
            continue  # "(Evan Vucci/AP)" credits a photo, it does not mention AP
        surface = text[s2:e2]
        if form_key(surface).rstrip(".") in SHORT_TITLES:
            continue  # "Ms." alone is a title the model cut from its name
        key = form_key(surface)
        form = found.forms[key]
        form.surfaces[surface] += 1
        form.labels[label] += 1
        if form.tokens is None:
            a, b = bisect_left(starts, s2), bisect_left(starts, e2)
            if a < b and starts[a] == s2 and found.tok_ends[i][b - 1] == e2:
                form.tokens = tuple(
                    text[starts[j] : found.tok_ends[i][j]].replace("’", "'") for j in range(a, b)
                )
        found.names.append(Mention(i, s2, e2, surface, key, label, "model"))


def acronym_of(acronym: str, expansion: str) -> bool:
    """Do the letters of ``acronym`` start ``expansion`` and appear in it in order?

    >>> acronym_of("ATACMS", "Army Tactical Missile Systems"), acronym_of("NATO", "United Nations")
    (True, False)
    """
    letters = "".join(ch for ch in expansion.lower() if ch.isalpha())
    acr = acronym.lower()
    if not letters or acr[0] != letters[0]:
        return False
    it = iter(letters)
    return all(ch in it for ch in acr)
