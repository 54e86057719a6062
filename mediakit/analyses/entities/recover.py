"""Stage 4: every other occurrence of a known name, also where the model missed it.

A form's tokens ("Volodymyr", "Zelenskyy") become a pattern; each article's
tokens are scanned once, longest pattern first, and a match that overlaps
no model mention is added with ``source="recovered"``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from sys import intern

from .collect import Collected
from .forms import Mention, credit_span

__all__ = ["recover_mentions"]


def recover_mentions(found: Collected) -> list[Mention]:
    """The recovered mentions, article by article (``found`` is not changed)."""
    # First token -> [(length, {tokens: key})], longest first; of two forms with the
    # same tokens the first keeps them, as a scan of the forms in order would find.
    by_length: dict[str, dict[int, dict[tuple[str, ...], str]]] = defaultdict(dict)
    for key, form in found.forms.items():
        if form.tokens:
            by_length[form.tokens[0]].setdefault(len(form.tokens), {}).setdefault(form.tokens, key)
    patterns = {
        first: sorted(lengths.items(), key=lambda c: -c[0]) for first, lengths in by_length.items()
    }
    covered: list[list[tuple[int, int]]] = [[] for _ in range(len(found.texts))]
    for m in found.names:
        covered[m.doc].append((m.start, m.end))
    out: list[Mention] = []
    for i, text in enumerate(found.texts):
        starts, ends = found.tok_starts[i], found.tok_ends[i]
        toks = [text[a:b].replace("’", "'") for a, b in zip(starts, ends, strict=True)]
        spans = sorted(covered[i])
        j = 0
        while j < len(toks):
            cands = patterns.get(toks[j])
            if cands is None:  # most tokens start no known name: skip the call
                j += 1
                continue
            hit = _match(toks, j, cands, starts, ends, spans)
            if hit:
                n, s, e, key = hit
                if not credit_span(text, s, e):
                    out.append(Mention(i, s, e, intern(text[s:e]), key, "", "recovered"))
                j += n
            else:
                j += 1
    return out


def _match(toks, j, cands, starts, ends, spans) -> tuple[int, int, int, str] | None:
    # The longest pattern that matches at token j decides; it counts only if
    # it overlaps no mention the model found.
    for n, seqs in cands or ():
        key = seqs.get(tuple(toks[j : j + n]))
        if key is not None:
            s, e = starts[j], ends[j + n - 1]
            k = bisect_left(spans, (s, -1))
            overlaps = (k < len(spans) and spans[k][0] < e) or (k > 0 and spans[k - 1][1] > s)
            return None if overlaps else (n, s, e, key)
    return None
