"""How a figure is hedged: the qualifier as written ("up to", "just", "or more") and its bound."""

from __future__ import annotations

import re

from .lexicon import AFTER_BOUND, BOUND_OF, QUAL_AFTER, QUAL_AT_START, QUAL_BEFORE

__all__ = ["bound_of", "qualifier_after", "qualifier_before"]

_RANGE_INTRO = re.compile(r"\b(between|from)\s+$", re.IGNORECASE)


def qualifier_before(
    text: str, s: int, e: int, line_start: int, kind: str = ""
) -> tuple[str, int, int]:
    """``(qualifier, number start, claim start)`` of the figure at ``text[s:e]``.

    The qualifier may be inside the model's span ("just 5 percent") or before
    it ("over 10,000"); a range keeps "between" or "from".

    >>> t = "They sent just over 5,000 troops."
    >>> qualifier_before(t, t.index("5,000"), t.index(" troops"), 0)
    ('just over', 20, 10)
    """
    m = QUAL_AT_START.match(text[s:e])  # (a pattern's ^ ignores match()'s pos argument)
    if m:
        return " ".join(m.group().split()), s + m.end(), s
    lo = max(line_start, s - 40)
    if kind == "range":
        m = _RANGE_INTRO.search(text, lo, s)
        if m:
            return m.group(1), s, m.start(1)
    m = QUAL_BEFORE.search(text[lo:s])
    if m:
        return " ".join(m.group(1).split()), s, lo + m.start(1)
    return "", s, s


def qualifier_after(text: str, e: int) -> tuple[str, int]:
    """A hedge written after the number ("or more", "-plus", "or so") and where it ends.

    >>> qualifier_after("12,000 or more troops", 6)
    ('or more', 14)
    """
    m = QUAL_AFTER.match(text, e)
    if not m:
        return "", e
    return " ".join(m.group().replace("-", " ").split()), m.end()


def bound_of(qualifier: str, after: str = "") -> str:
    """What a qualifier means: ``min``, ``max``, ``approx`` or ``exact``.

    The last phrase decides ("just over" is ``min``, "only about" ``approx``);
    a hedge after the number wins over one before it.

    >>> bound_of("more than"), bound_of("just"), bound_of("an estimated"), bound_of("", "or more")
    ('min', 'exact', 'approx', 'min')
    """
    if after and (
        after.lower().startswith("or ") or after.split()[-1].lower() in ("plus", "+", "odd")
    ):
        return AFTER_BOUND.get(after.split()[-1].lower(), "approx")
    if after:  # "two more": an increment, not a hedge
        return bound_of(qualifier)
    if not qualifier:
        return "exact"
    q = qualifier.lower()
    for phrase in sorted(BOUND_OF, key=len, reverse=True):
        if q.endswith(phrase):
            return BOUND_OF[phrase]
    return "approx"
