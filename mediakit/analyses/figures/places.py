"""Whose figure it is: how closely a place in the sentence belongs to the claim."""

from __future__ import annotations

import re

__all__ = ["place_distance"]

_WHERE = re.compile(
    r"\b(?:to|into|in|inside|near|at|toward|towards|across|on|against)\s+(?:the\s+)?$"
)


def place_distance(text: str, a: int, b: int, start: int, end: int) -> int:
    """How closely the place at text[a:b] belongs to the claim text[start:end].

    Before the claim, plain distance ("North Korea sent 10,000 troops"); after
    it, a destination or location ("... troops to Russia’s Kursk region", "in
    Sumy") says where, not whose, so it ranks after every other place.

    >>> t = "North Korea sent 10,000 troops to Russia."
    >>> place_distance(t, 0, 11, 17, 30) < place_distance(t, 34, 40, 17, 30)
    True
    """
    if b <= start:
        return start - b
    if _WHERE.search(text, end, a) if a - end < 200 else False:
        return 10_000 + a - end
    return a - end
