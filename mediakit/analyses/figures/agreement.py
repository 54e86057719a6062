"""Whether two claims about one quantity can both be true, and why (not).

Each claim is read as the values it allows:

* ``exact``: its value, give or take half a unit of the last digit written when
  the number is rounded by its form ("$56 billion" covers 55.5 to 56.5
  billion, "9%" 8.5 to 9.5%; a plain count such as "12,000" is exact);
* ``approx``: 5% either side ("about 12,000"); "nearly" and "almost" up to 10% below;
  two approximate small whole counts agree when at most two apart ("nine or so"
  and "10 or so": each means give or take one);
* ``min`` ("more than 10,000") and ``max`` ("up to 12,000"): everything above or below;
* ``range``: from its first to its last number; ``vague``: the span its words
  name ("thousands": 1,000 to 100,000).

Two claims are compatible when those sets overlap. Two bounds in the same
direction always do: "at least 72" and "more than 80" dead can both be true (a
toll that rose between two reports), and so can "as many as 1.5 million" and
"up to 1.6 million"; the reason names the difference so a reader can judge it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .lexicon import VAGUE_RANGE
from .numbers import NUMBER

__all__ = ["Claim", "compatible"]

#: How far an approximate figure reaches either side of its value.
APPROX = 0.05
#: How far below its value "nearly" and "almost" reach.
BELOW = 0.10
_BELOW_WORDS = ("nearly", "almost", "close to", "just under")


@dataclass(frozen=True)
class Claim:
    """One outlet's figure, as compared: value, range end, bound, qualifier, the number as written.

    ``claim`` is the figure as a reader meets it ("12,000 or more"); by default
    the qualifier and the number.
    """

    value: float
    range_end: float
    bound: str
    qualifier: str
    text: str
    claim: str = ""

    @property
    def rounding(self) -> float:
        """Half a unit of the last digit, for numbers rounded by their form ("$56 billion", "9%")."""
        m = NUMBER.match(" ".join(self.text.split()))
        if not m or math.isnan(self.value):
            return 0.0
        if not (m.group("scale") or m.group("pct") or "." in m.group("num")):
            return 0.0  # a plain count: "12,000" means 12,000
        decimals = len(m.group("num").split(".")[1]) if "." in m.group("num") else 0
        mantissa = float(m.group("num").replace(",", ""))
        return 0.5 * 10.0**-decimals * (self.value / mantissa if mantissa else 1.0)

    def allowed(self) -> tuple[float, float]:
        """The lowest and highest value the claim allows."""
        v, h = self.value, self.rounding
        if self.bound == "vague":
            return VAGUE_RANGE.get(_vague_words(self.qualifier or self.text), (0.0, math.inf))
        if self.bound == "range":
            return v - h, self.range_end + h
        if self.bound == "min":
            return v - h, math.inf
        if self.bound == "max":
            return -math.inf if v < 0 else 0.0, v + h
        if self.bound == "approx":
            if self.qualifier.lower().startswith(_BELOW_WORDS):
                return v * (1 - BELOW) - h, v + h
            return v * (1 - APPROX) - h, v * (1 + APPROX) + h
        return v - h, v + h


def _vague_words(text: str) -> str:
    return re.sub(r"\s+of$", "", " ".join(text.lower().split()))


def _written(c: Claim) -> str:
    """The claim as the outlet wrote it: "up to 12,000", "thousands"."""
    if c.bound == "vague":
        return _vague_words(c.qualifier or c.text)
    return c.claim or " ".join(p for p in (c.qualifier, " ".join(c.text.split())) if p)


def compatible(a: Claim, b: Claim) -> tuple[bool, str]:
    """Whether claims ``a`` and ``b`` can both be true, and a short reason a reader can check.

    >>> up_to = Claim(12000.0, math.nan, "max", "up to", "12,000")
    >>> compatible(up_to, Claim(10000.0, math.nan, "exact", "", "10,000"))
    (True, 'compatible: 10,000 is within up to 12,000')
    >>> compatible(Claim(716e9, math.nan, "exact", "", "$716 billion"),
    ...            Claim(700e9, math.nan, "exact", "", "$700 billion"))
    (False, 'the values differ: $716 billion vs $700 billion (2% apart)')
    >>> compatible(Claim(1.5e6, math.nan, "max", "as many as", "1.5 million"),
    ...            Claim(1.6e6, math.nan, "max", "up to", "1.6 million"))
    (True, 'compatible: different upper bounds can both be true: as many as 1.5 million vs up to 1.6 million')
    """
    pair = f"{_written(a)} vs {_written(b)}"
    if a.bound == b.bound and a.bound in ("min", "max"):
        word = "lower" if a.bound == "min" else "upper"
        if abs(a.value - b.value) <= max(a.rounding, b.rounding):
            return True, f"the same {word} bound" + (
                "" if a.value == b.value else f", rounded: {pair}"
            )
        return True, f"compatible: different {word} bounds can both be true: {pair}"
    (alo, ahi), (blo, bhi) = a.allowed(), b.allowed()
    ok = alo <= bhi and blo <= ahi
    if a.bound == b.bound and a.bound in ("exact", "approx") and a.value == b.value:
        return True, "the same value"
    if a.bound == b.bound == "exact":
        if ok:
            return True, f"the same value, rounded: {pair}"
        return False, f"the values differ: {pair}{_apart(a, b)}"
    if ok:
        exact = [c for c in (a, b) if c.bound == "exact"]
        if len(exact) == 1:
            other = b if exact[0] is a else a
            return True, f"compatible: {_written(exact[0])} is within {_written(other)}"
        return True, f"compatible: {_written(a)} and {_written(b)} can both be true"
    if a.bound == b.bound == "approx":
        if _small_counts(a, b) and abs(a.value - b.value) <= 2:
            return True, f"compatible: {_written(a)} and {_written(b)} can both be true"
        return False, f"approximate values too far apart: {pair}{_apart(a, b)}"
    return False, f"cannot both be true: {pair}"


def _small_counts(a: Claim, b: Claim) -> bool:
    """Both plain whole counts under 100: 5% of them is less than one."""
    return all(c.rounding == 0 and 1 <= c.value < 100 and c.value == int(c.value) for c in (a, b))


def _apart(a: Claim, b: Claim) -> str:
    top = max(abs(a.value), abs(b.value))
    if not top or math.isnan(top):
        return ""
    return f" ({abs(a.value - b.value) / top:.0%} apart)"
