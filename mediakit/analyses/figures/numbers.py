"""A number as written ("$56.2 billion", "£2.5bn", "two-thirds", "10-12k") -> its value, currency and kind."""

from __future__ import annotations

import math
import re

from .lexicon import (
    CURRENCY,
    CURRENCY_CODES,
    FRACTION_WORDS,
    MULTIPLIERS,
    SCALE_NAMES,
    SCALES,
    VAGUE,
    WORDS,
)

_CUR = r"(?:US\$|C\$|A\$|AU\$|NZ\$|HK\$|[$€£¥₹]|(?:" + "|".join(CURRENCY_CODES) + r")\s?)"
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
# Scale words may follow a space; the short suffixes are glued ("$6m", "£2.5bn"): "400 m" is metres.
_SCALE = r"\s?(?:thousand|million|billion|trillion)\b|(?:bn|mn|tn|[mbk])\b"
# "77 cents on the dollar" is a share: 77 percent.
_PCT = r"%|percent\b|per cent\b|percentage points?\b|cents? on the dollar\b"

NUMBER = re.compile(
    rf"^(?P<cur>{_CUR})?\s?(?P<num>{_NUM})(?P<scale>{_SCALE})?(?:\s?(?P<pct>{_PCT}))?",
    re.IGNORECASE,
)

# Digits the model did not tag: not glued to letters, slashes, colons or hyphens
# ("F-16", "G20", "9/11", "3:30" are not figures). A scale or unit glued to the
# digits ("$6m", "3.4k", "3,200km") belongs to the number.
DIGITS = re.compile(
    rf"(?<![\w.,/\-:#$€£¥₹]){_CUR}?\s?(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?"
    r"(?:\s?(?:thousand|million|billion|trillion)\b|(?:bn|mn|tn|[mbk]|km|kg|mph)\b)?"
    r"(?:\s?(?:%|percent\b|per cent\b))?(?![\w/:\-]|[.,]\d)"
)

_VAGUE_HEAD = r"(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions|trillions)"
# "10-12k", "$5-6bn": ranges written with a hyphen, which ``DIGITS`` leaves out.
HYPHEN_RANGE = re.compile(
    rf"(?<![\w.,/\-:#]){_CUR}?\d[\d,]*(?:\.\d+)?\s?[-–]\s?{_CUR}?\d[\d,]*(?:\.\d+)?"
    r"(?:\s?(?:thousand|million|billion|trillion)\b|(?:bn|mn|tn|[mbk])\b)?(?:\s?(?:%|percent\b))?(?![\w/\-]|[.,]\d)"
)

VAGUE_RE = re.compile(
    rf"\b(?:{_VAGUE_HEAD}|thousands|hundreds|dozens|millions|billions|trillions)"
    r"(?=\s+(?:of|more)\b)|\bmulti-?(?:million|billion)(?:[- ]dollar|[- ]pound|[- ]euro)\b",
    re.IGNORECASE,
)

_SMALL = "|".join(sorted(WORDS, key=len, reverse=True))
_NUMERATOR = rf"(?:\d+|{_SMALL}|an?)"
# "one in five", "1-in-3", "9 out of 10"; "two-thirds", "a third", "three fifths", "one-half".
FRACTION = re.compile(
    rf"\b(?P<n>{_NUMERATOR})[\s-]+(?:in|out[\s-]+of)[\s-]+(?P<d>\d+|{_SMALL}|a hundred|a thousand)\b"
    rf"|\b(?P<fn>{_NUMERATOR})[\s-]+(?P<fd>{'|'.join(sorted(FRACTION_WORDS, key=len, reverse=True))})\b"
    r"|\bhalf(?=\s+(?:of|the|a|an)\b)",
    re.IGNORECASE,
)


def number_value(num: str, scale: str = "") -> float:
    """ "12,000" -> 12000.0; with a scale word or suffix ("bn", "k") multiplied out."""
    value = float(num.replace(",", ""))
    return value * SCALES[scale.lower()] if scale else value


# -- reading one figure -------------------------------------------------------------------
def parse_number(text: str) -> tuple[float, str, str]:
    """``(value, currency, kind)`` of a number as written; value NaN if vague.

    ``kind`` is the scale word ("billion"), "percent", "percentage points",
    "vague" or "". Fractions read as percentages.

    >>> parse_number("$56.2 billion")
    (56200000000.0, 'USD', 'billion')
    >>> parse_number("£2.5bn"), parse_number("3.4k")
    ((2500000000.0, 'GBP', 'billion'), (3400.0, '', 'thousand'))
    >>> parse_number("12,000")[0], parse_number("eight")[0], parse_number("two dozen")[0]
    (12000.0, 8.0, 24.0)
    >>> round(parse_number("one-in-three")[0], 2), parse_number("a quarter")
    (33.33, (25.0, '', 'percent'))
    >>> parse_number("half a million")
    (500000.0, '', 'million')
    >>> math.isnan(parse_number("thousands")[0])
    True
    """
    t = " ".join(text.split())
    m = NUMBER.match(t)
    if m:
        scale = (m.group("scale") or "").strip().lower()
        cur = CURRENCY.get((m.group("cur") or "").strip().upper(), "")
        pct = (m.group("pct") or "").lower()
        kind = "percentage points" if pct.startswith("percentage") else "percent" if pct else ""
        return number_value(m.group("num"), scale), cur, kind or SCALE_NAMES.get(scale, scale)
    low = t.lower()
    for v in VAGUE:
        if (
            low.startswith(v)
            or low.startswith(f"multi-{v[:-1]}")
            or low.startswith(f"multi{v[:-1]}")
        ):
            return math.nan, "", "vague"
    share = parse_fraction(low)
    if share is not None:
        return share
    pct = re.search(r"\s+(?:percent|per cent|percentage points?)$", low)
    if pct:  # "six percent", "two percentage points"
        kind = "percentage points" if "point" in pct.group() else "percent"
        return _word_value(re.split(r"[\s\-]+", low[: pct.start()])), "", kind
    words = re.split(r"[\s\-]+", low.removeprefix("a ").removeprefix("an "))
    return _word_value(words), "", _word_scale(words)


def parse_fraction(text: str) -> tuple[float, str, str] | None:
    """A share as written ("two-thirds", "1 in 3", "half a million") -> (value, "", kind), or None.

    >>> parse_fraction("9 out of 10")
    (90.0, '', 'percent')
    >>> parse_fraction("one-half of one percentage point")
    (0.5, '', 'percentage points')
    """
    t = " ".join(text.lower().split())
    if t in ("half", "one half", "one-half", "a half"):
        return 50.0, "", "percent"
    m = FRACTION.match(t)
    if not m or t[m.end() : m.end() + 1] == "-":
        return None  # "a half-dozen" is six
    if m.group("d"):
        n, d = _small(m.group("n")), _small(m.group("d").removeprefix("a "))
    elif m.group("fd"):
        n, d = _small(m.group("fn")), FRACTION_WORDS[m.group("fd")]
    else:
        n, d = 1.0, 2.0
    if not (n and d) or n >= d:
        return None
    share = n / d
    # "half a million", "a quarter of a billion", "one-half of one percentage point".
    rest = re.match(
        r"\s*(?:of\s+)?(?:a|an|one)\s+(?P<unit>thousand|million|billion|trillion|dozen|"
        r"percentage point|percent)\b",
        t[m.end() :],
    )
    if rest:
        unit = rest.group("unit")
        if unit in MULTIPLIERS:
            return share * MULTIPLIERS[unit], "", unit if unit != "dozen" else ""
        return share, "", "percentage points" if unit.startswith("percentage") else "percent"
    return 100.0 * share, "", "percent"


def parse_range(text: str) -> tuple[float, float, str, str] | None:
    """``(low, high, currency, kind)`` of a range as written ("10-12k", "500,000 to 1.6 million").

    The first number takes the scale, currency and percent sign of the second
    when it has none and is the smaller mantissa ("1.5 to 2 million"), so
    "500,000 to 1.6 million" keeps its 500,000.

    >>> parse_range("10-12k"), parse_range("five and 12")
    ((10000.0, 12000.0, '', 'thousand'), (5.0, 12.0, '', ''))
    >>> parse_range("$1.5 to $2 billion")[:2], parse_range("2 percent to 3 percent")
    ((1500000000.0, 2000000000.0), (2.0, 3.0, '', 'percent'))
    """
    parts = split_pair(text)
    if parts is None:
        return None
    a, b = parts
    va, ca, ka = parse_number(a)
    vb, cb, kb = parse_number(b)
    if math.isnan(va) or math.isnan(vb):
        return None
    ma, mb = NUMBER.match(" ".join(a.split())), NUMBER.match(" ".join(b.split()))
    if ma and mb and not (ma.group("scale") or ma.group("pct")):
        mantissa_b = float(mb.group("num").replace(",", ""))
        if kb and kb not in ("percent", "percentage points") and va < mantissa_b:
            va = va * SCALES[kb]  # "1.5 to 2 million", "10-12k"
        ka = ka or (kb if kb in ("percent", "percentage points") else "")
    return va, vb, ca or cb, kb or ka


_PAIR = re.compile(r"(?<=\d)\s*[-–]\s*(?=[\d$€£¥])|\s+(?:to|-|–)\s+", re.IGNORECASE)
_PAIR_AND = re.compile(r"(?<=\d)\s*[-–]\s*(?=[\d$€£¥])|\s+(?:to|and|or|-|–)\s+", re.IGNORECASE)


def split_pair(text: str, *, allow_and: bool = True) -> tuple[str, str] | None:
    """The two numbers of "10 to 12", "242-190", "five and 12"; None if it is not two numbers.

    ``allow_and=False`` keeps "one hundred and five" whole (only "between" pairs with "and").
    """
    pieces = (_PAIR_AND if allow_and else _PAIR).split(text.strip(), maxsplit=1)
    if len(pieces) != 2 or not all(pieces):
        return None
    return pieces[0], pieces[1]


def _small(word: str) -> float:
    if word in ("a", "an"):
        return 1.0
    if word.isdigit():
        return float(word)
    return float(WORDS.get(word, MULTIPLIERS.get(word, 0)))


def _word_value(words: list[str]) -> float:
    """Spelled-out numbers: "two hundred thousand", "twenty-five", "a dozen", "half a million"."""
    if words[:2] == ["half", "a"] and len(words) > 2 and words[2] in MULTIPLIERS:
        return 0.5 * MULTIPLIERS[words[2]]
    if words[:2] == ["half", "dozen"]:
        return 6.0  # "a half-dozen advisers"
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


def _word_scale(words: list[str]) -> str:
    return next((w for w in reversed(words) if w in SCALES and len(w) > 2), "")
