"""One article's text with its token, sentence and entity offsets, and the quotes found in it."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Who:
    """Who a speaker phrase names, how that was found, and how sure that is."""

    speaker: str = ""
    label: str = ""
    note: str = ""
    method: str = "none"
    confidence: float = 0.0


@dataclass
class Quote:
    para: int
    open: int  # offset of the opening mark
    close: int  # offset of the closing mark (paragraph end when unclosed)
    start: int  # content offsets
    end: int
    closed: bool
    note: str = ""
    kind: str = ""
    cue: str = ""
    speaker: str = ""
    label: str = ""
    speaker_text: str = ""
    attr: tuple[int, int] | None = None  # offsets of the attribution phrase
    chain: int = -1  # multi-paragraph quote: index of its first part
    method: str = "none"  # how the speaker was found: named, pronoun, title, inherited, ...
    confidence: float = 0.0


class Doc:
    """One article's text with its token, sentence and entity offsets."""

    def __init__(
        self,
        text: str,
        toks: tuple[list[int], list[int]],
        sents: tuple[list[int], list[int]],
        ents: list[tuple[int, int, str, str]],
    ):
        self.text = text
        self.ts, self.te = toks
        self.ss, self.se = sents
        self.ents = ents  # (start, end, canonical, label), sorted
        self.ent_starts = [e[0] for e in ents]
        self.quoted: list[tuple[int, int]] = []  # quote content spans, sorted
        self.said: list[tuple[int, str]] = []  # (offset, person) of each attributed quote so far
        self.people: Any = None  # the article's people (see .people), built when first asked
        self.paras = paragraph_spans(text)
        self.para_starts = [a for a, _ in self.paras]

    def tok(self, j: int) -> str:
        return self.text[self.ts[j] : self.te[j]]

    def low(self, j: int) -> str:
        return self.tok(j).lower().replace("’", "'")

    def first_tok_at(self, pos: int) -> int:
        return bisect_left(self.ts, pos)

    def sent_of(self, pos: int) -> int:
        return max(0, bisect_right(self.ss, pos) - 1)

    def ents_in(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        a = bisect_left(self.ent_starts, start)
        out = []
        for e in self.ents[a:]:
            if e[0] >= end:
                break
            if e[1] <= end:
                out.append(e)
        return out

    def para_of(self, pos: int) -> int:
        return max(0, bisect_right(self.para_starts, pos) - 1)

    def in_quote(self, pos: int) -> bool:
        i = bisect_right(self.quoted, (pos, float("inf"))) - 1
        return i >= 0 and self.quoted[i][0] <= pos < self.quoted[i][1]


# -- finding quotation marks ------------------------------------------------------------
def paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans
