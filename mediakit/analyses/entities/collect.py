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
from sys import intern

import pandas as pd

from ...parsing.parsed import ParsedCorpus
from ...vocab import NAME_LABELS, NUMERIC_LABELS
from ..map_articles import article_frame, map_articles
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

__all__ = ["ArticleFound", "Collected", "LazyLists", "article_found", "collect_mentions"]


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
    tok_starts: LazyLists | None
    tok_ends: LazyLists | None
    sent_starts: LazyLists
    names: list[Mention] = field(default_factory=list)
    numeric: list[Mention] = field(default_factory=list)
    forms: dict[str, Form] = field(default_factory=lambda: defaultdict(Form))
    lower_counts: Counter = field(default_factory=Counter)
    acronym_pairs: list[tuple[str, str]] = field(default_factory=list)

    def drop_tokens(self) -> None:
        """Let the token offsets go (the stages after recovery do not read them)."""
        self.tok_starts = self.tok_ends = None


@dataclass
class ArticleFound:
    """What stage 1 finds in one article, before the corpus-wide tallies take it in.

    ``names`` pairs each name mention with the tokens of its span (the first
    mention of each form whose span matches whole tokens; None otherwise).
    """

    names: list[tuple[Mention, tuple[str, ...] | None]]
    numeric: list[Mention]
    words: list[str]  # a list: Counter.update counts it in C, a Counter it adds in Python
    acronym_pairs: list[tuple[str, str]]


def collect_mentions(pc: ParsedCorpus, engine: str = "local") -> Collected:
    """Stage 1 over the whole corpus (offsets converted one article at a time).

    Each article is read by :func:`article_found`, here or (``engine="dask"``)
    on the active Dask client; the tallies take the articles in corpus order
    either way, so what is found is the same.
    """
    names = ("sent_start", "ent_start", "ent_end", "ent_label")
    cols = pc.columns(*names)
    # Every token is read here and in stage 4 only: on a large corpus they are
    # let go once stage 4 is done (``Collected.drop_tokens``), not kept all run.
    tokens = pc.columns("tok_start", "tok_end", keep=False)
    # All tokens of a large corpus as Python ints at once would cost gigabytes.
    found = Collected(
        pc.texts,
        LazyLists(tokens["tok_start"]),
        LazyLists(tokens["tok_end"]),
        LazyLists(cols["sent_start"]),
    )
    if engine == "local":
        for i, text in enumerate(found.texts):
            spans = (cols[c][i].as_py() for c in ("ent_start", "ent_end", "ent_label"))
            art = article_found(i, text, found.tok_starts[i], found.tok_ends[i], *spans)
            _take(found, art)
        return found
    articles = article_frame(pc, _RECORD_COLUMNS, row=range(len(found.texts)))
    for art in map_articles(articles, _found_in_part, engine=engine)["found"]:
        _take(found, art)
    return found


_RECORD_COLUMNS = ("tok_start", "tok_end", "ent_start", "ent_end", "ent_label")


def _found_in_part(articles: pd.DataFrame) -> pd.DataFrame:
    found = [
        article_found(*row)
        for row in zip(*(articles[c] for c in ("row", "text", *_RECORD_COLUMNS)), strict=True)
    ]
    return pd.DataFrame({"found": pd.Series(found, dtype=object)})


def _take(found: Collected, art: ArticleFound) -> None:
    """Add one article's findings to the corpus tallies (articles in corpus order)."""
    # Lower-case and capitalised prose words: is "Strikes" a name or a word?
    found.lower_counts.update(art.words)
    # One string object per distinct spelling and label: a large corpus has
    # millions of mentions of far fewer names (the entity step's memory).
    for m in art.numeric:
        m.surface, m.model_label = intern(m.surface), intern(m.model_label)
    found.numeric.extend(art.numeric)
    for m, tokens in art.names:
        m.surface, m.key, m.model_label = intern(m.surface), intern(m.key), intern(m.model_label)
        form = found.forms[m.key]
        form.surfaces[m.surface] += 1
        form.labels[m.model_label] += 1
        if form.tokens is None and tokens is not None:
            form.tokens = tokens
        found.names.append(m)
    found.acronym_pairs.extend(art.acronym_pairs)


def article_found(  # noqa: PLR0913
    i: int,
    text: str,
    starts: list[int],
    ends: list[int],
    ent_start: list[int],
    ent_end: list[int],
    ent_label: list[str],
) -> ArticleFound:
    """Stage 1 for article ``i``: its trimmed name spans, numeric spans, prose words, acronyms.

    >>> art = article_found(0, "Joe Biden spoke.", [0, 4, 10, 15], [3, 9, 15, 16], [0], [9], ["PERSON"])
    >>> [(m.surface, tokens) for m, tokens in art.names]
    [('Joe Biden', ('Joe', 'Biden'))]
    """
    art = ArticleFound([], [], PROSE_WORD.findall(text), [])
    headings = heading_spans(text)
    with_tokens: set[str] = set()
    for s, e, label in zip(ent_start, ent_end, ent_label, strict=True):
        if label in NUMERIC_LABELS:
            art.numeric.append(Mention(i, s, e, text[s:e], "", label, "model"))
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
        tokens = None
        if key not in with_tokens:
            a, b = bisect_left(starts, s2), bisect_left(starts, e2)
            if a < b and starts[a] == s2 and ends[b - 1] == e2:
                tokens = tuple(text[starts[j] : ends[j]].replace("’", "'") for j in range(a, b))
                with_tokens.add(key)
        art.names.append((Mention(i, s2, e2, surface, key, label, "model"), tokens))
    for m in ACRONYM_DEF.finditer(text):
        long, acr = m.group(1), m.group(2)
        long = re.sub(r"^(?:The|the)\s+", "", long)
        if acronym_of(acr.rstrip("s"), long):
            art.acronym_pairs.append((form_key(long), form_key(acr)))
    return art


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
