"""A number as written ("$56.2 billion", "12,000", "two dozen") -> its value, currency and bound."""

from __future__ import annotations

import math
import re

from .lexicon import BOUND_OF, CURRENCY, MULTIPLIERS, SCALES, VAGUE, WORDS

NUMBER = re.compile(
    r"^(?P<cur>US\$|C\$|A\$|[$€£¥])?\s?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn|tn|[mbk])\b)?"
    r"(?:\s?(?P<pct>%|percent\b|per cent\b|percentage points?\b))?",
    re.IGNORECASE,
)


# Digits the model did not tag: not glued to letters, slashes, colons or hyphens
# ("F-16", "G20", "9/11", "3:30" are not figures).
DIGITS = re.compile(
    r"(?<![\w.,/\-:#$€£¥])(?:US\$|C\$|A\$|[$€£¥])?\s?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
    r"(?:\s?(?:thousand|million|billion|trillion)\b|(?:bn|mn|tn|[mbk])\b)?"
    r"(?:\s?(?:%|percent\b|per cent\b))?(?![\w/:\-]|[.,]\d)"
)


VAGUE_RE = re.compile(
    r"\b(?:tens of thousands|hundreds of thousands|tens of millions|hundreds of millions|thousands|"
    r"hundreds|dozens|millions|billions)(?= of\b)",
    re.IGNORECASE,
)


SKIP_BEFORE = re.compile(
    r"(?:No\.|#|\b(?:[Aa]rticle|[Ss]ection|[Cc]hapter|[Pp]age|[Rr]oute|[Hh]ighway|[Ff]light|[Tt]itle|"
    r"[Dd]istrict|[Aa]ged?|[Rr]oom|[Ss]uite|[Ii]nterstate|[Pp]roposition|[Aa]mendment|[Vv]ersion|[Pp]hase)"
    r"|Caption(?:\s+\d+\s+of)?)\s*$"  # photo-gallery furniture: "Hide Caption 18 of 75 Photos"
)


FRACTION = re.compile(r"\b(?:half|halves|thirds?|quarters?|fifths?|tenths?)\b", re.IGNORECASE)


TIME_AFTER = re.compile(r"^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|GMT|ET\b|EST\b)", re.IGNORECASE)


# -- reading one figure -------------------------------------------------------------------
def parse_number(text: str) -> tuple[float, str, str]:
    """``(value, currency, scale_or_percent)`` of a number as written; value NaN if vague.

    >>> parse_number("$56.2 billion")
    (56200000000.0, 'USD', 'billion')
    >>> parse_number("12,000")[0], parse_number("eight")[0], parse_number("two dozen")[0]
    (12000.0, 8.0, 24.0)
    >>> math.isnan(parse_number("thousands")[0])
    True
    """
    t = " ".join(text.split())
    m = NUMBER.match(t)
    if m:
        value = float(m.group("num").replace(",", ""))
        scale = (m.group("scale") or "").lower()
        if scale:
            value *= SCALES[scale]
        cur = CURRENCY.get(m.group("cur") or "", "")
        pct = "percent" if m.group("pct") else ""
        return (
            value,
            cur,
            pct
            or {
                "k": "thousand",
                "m": "million",
                "mn": "million",
                "b": "billion",
                "bn": "billion",
                "tn": "trillion",
            }.get(scale, scale),
        )
    low = t.lower()
    for v in VAGUE:
        if low.startswith(v):
            return math.nan, "", "vague"
    words = re.split(r"[\s\-]+", low.removeprefix("a ").removeprefix("an "))
    return _word_value(words), "", ""


def _word_value(words: list[str]) -> float:
    """Spelled-out numbers: "two hundred thousand", "twenty-five", "a dozen"."""
    total, current, seen = 0.0, 0.0, False
    for w in words:
        if w in WORDS:
            current += WORDS[w]
        elif w in ("hundred", "dozen"):
            current = (current or 1) * MULTIPLIERS[w]
        elif w in MULTIPLIERS:
            total += (current or 1) * MULTIPLIERS[w]
            current = 0.0
        elif w == "and" and seen:
            continue
        else:
            break
        seen = True
    return total + current if seen else math.nan


def bound_of(qualifier: str) -> str:
    if not qualifier:
        return "exact"
    # "an estimated", "more than": the last qualifier word decides (the words before it
    # are usually "just", "well", "some").
    q = qualifier.lower()
    for phrase in sorted(BOUND_OF, key=len, reverse=True):
        if q.endswith(phrase):
            return BOUND_OF[phrase]
    return "approx"
