"""Reported speech without quotation marks: "X said that …", "…, officials said.", "according to X, …"."""

from __future__ import annotations

from bisect import bisect_left

from .cues import (
    BARE_REPORT,
    CUE_RE,
    FINITE,
    MAX_SOURCE_TOKENS,
    MAX_SPEAKER_TOKENS,
    OBJECT_CUES,
    PASSIVE,
    THAT_ADJUNCT,
    WORD,
)
from .document import Doc, Quote
from .marks import OPENERS
from .speakers import is_cue, is_punct, phrase_after, phrase_before, set_attribution


# -- reported speech ------------------------------------------------------------------
def reported_speech(doc: Doc, found: list[Quote]) -> list[Quote]:
    """ "X said that …", "…, officials said.", "according to X, …" in sentences without quotes."""
    spans = sorted((q.open, max(q.close, q.end)) for q in found)
    cues = [m.start() for m in CUE_RE.finditer(doc.text)]
    out: list[Quote] = []
    for s, (lo, hi) in enumerate(zip(doc.ss, doc.se, strict=True)):
        # The sentencizer often hangs the next quote's opening mark on the
        # sentence before it; that mark is not part of this sentence.
        while hi > lo and (doc.text[hi - 1] in OPENERS or doc.text[hi - 1] in ' "'):
            hi -= 1
        k = bisect_left(spans, (hi, -1))
        if k > 0 and spans[k - 1][1] >= lo:
            continue  # the sentence holds (part of) a quotation
        c = bisect_left(cues, lo)
        if c == len(cues) or cues[c] >= hi:
            continue  # most sentences have no cue word
        q = _report(doc, s, lo, hi)
        if q is not None:
            out.append(q)
    return out


def _clause(doc: Doc, a: int, b: int) -> tuple[int, int] | None:
    text = doc.text
    while a < b and (text[a].isspace() or text[a] in ",:;—–"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ".,;:—–"):
        b -= 1
    return (a, b) if len(WORD.findall(text[a:b])) >= 3 else None


def _report(doc: Doc, s: int, lo: int, hi: int) -> Quote | None:
    j0, j1 = doc.first_tok_at(lo), doc.first_tok_at(hi)
    toks = [doc.low(j) for j in range(j0, j1)]
    # according to X, CLAUSE  /  CLAUSE, according to X.
    for k in range(len(toks) - 1):
        if toks[k] == "according" and toks[k + 1] == "to":
            rng = phrase_after(doc, j0 + k + 2, hi, MAX_SOURCE_TOKENS)
            if not rng:
                return None
            a, b = doc.ts[rng[0]], doc.te[rng[1] - 1]
            after = _clause(doc, b, hi)
            before = _clause(doc, lo, doc.ts[j0 + k])
            longer_after = after and before and after[1] - after[0] > before[1] - before[0]
            content = after if k == 0 or longer_after or not before else before
            return _reported(doc, s, content, "according to", a, b)
    # X said (that) CLAUSE
    for k, t in enumerate(toks):
        j = j0 + k
        if t not in FINITE or not is_cue(doc, j, FINITE) or (k > 0 and toks[k - 1] in PASSIVE):
            continue  # "is said to"
        nxt = toks[k + 1 : k + 8]
        that = _that_at(t, nxt)
        if that < 0 and not (t in BARE_REPORT and nxt and not is_punct(nxt[0]) and nxt[0] != "to"):
            continue
        rng = phrase_before(doc, j, lo)
        if not rng:
            continue
        start = doc.te[j + that + 1] if that >= 0 else doc.te[j]
        return _reported(doc, s, _clause(doc, start, hi), t, doc.ts[rng[0]], doc.te[rng[1] - 1])
    # CLAUSE, X said [adjunct].  /  CLAUSE, said X [adjunct].
    commas = [k for k, t in enumerate(toks) if t == ","]
    if not commas:
        return None
    c = commas[-1]
    tail = toks[c + 1 :]
    content = _clause(doc, lo, doc.ts[j0 + c])
    if tail and is_cue(doc, j0 + c + 1, FINITE):
        rng = phrase_after(doc, j0 + c + 2, hi)
        if rng and j1 - rng[1] <= 6:
            return _reported(doc, s, content, tail[0], doc.ts[rng[0]], doc.te[rng[1] - 1])
        return None
    for n in range(1, min(len(tail), MAX_SPEAKER_TOKENS + 1)):
        if is_cue(doc, j0 + c + 1 + n, FINITE):
            if any(is_punct(w) for w in tail[n + 1 : -1]) or len(tail) - n > 9:
                return None
            rng = phrase_before(doc, j0 + c + 1 + n, doc.ts[j0 + c] + 1)
            if rng and rng[0] == j0 + c + 1:
                return _reported(doc, s, content, tail[n], doc.ts[rng[0]], doc.te[rng[1] - 1])
            return None
    return None


def _that_at(cue: str, nxt: list[str]) -> int:
    """Position of the "that" opening the reported clause in the tokens after the cue, or -1."""
    for n, w in enumerate(nxt[:6]):
        if w == "that":
            between = nxt[:n]
            if all(x in THAT_ADJUNCT or x[:1].isdigit() for x in between):
                return n  # "said (on Monday) that"
            if cue in OBJECT_CUES and not any(is_punct(x) for x in between):
                return n  # "told reporters that"
            return -1
        if is_punct(w):
            return -1
    return -1


def _reported(
    doc: Doc, s: int, content: tuple[int, int] | None, cue: str, a: int, b: int
) -> Quote | None:
    if content is None:
        return None
    q = Quote(-1, content[0], content[1], content[0], content[1], True, kind="indirect")
    set_attribution(q, doc, "indirect", cue, a, b)
    return q
