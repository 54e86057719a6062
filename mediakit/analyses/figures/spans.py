"""Where an article's figures are: the model's amount spans, digits it missed, shares, ranges, tallies.

spaCy's spans are a start: a MONEY span often leaves the currency sign outside
("$" + "370,412"), a CARDINAL span the scale suffix ("600" + "m"), and "one-in-three"
comes as two CARDINALs. Each span is widened to the whole number as written,
shares replace the numbers inside them, and two numbers joined by "to", "-" or
"between ... and" become one range (ascending: "10,000 to 12,000") or stay two
figures of a tally (descending: "a 242-190 seat advantage", "46 percent to 41 percent").
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from .lexicon import FRACTION_WORDS, MONTHS, QUAL_BEFORE, VAGUE, WORDS
from .numbers import DIGITS, FRACTION, HYPHEN_RANGE, NUMBER, VAGUE_RE, parse_range, split_pair

__all__ = ["Candidate", "candidates"]


@dataclass(frozen=True)
class Candidate:
    """A span that may be a figure: ``text[start:end]``, the model's label ("" if missed), its kind.

    ``kind`` is "range", "share" or ""; ``tail`` is where the counted phrase may
    start when it follows more than this number (the second number of a tally);
    ``suffix`` the scale or percent it shares with the next number ("35 and 40
    percent" makes 35 a percentage).
    """

    start: int
    end: int
    label: str
    kind: str = ""
    tail: int = -1
    suffix: str = ""  # the unit it shares with the number after it: "35 and 40 percent"


_CURRENCY_BEFORE = re.compile(
    r"(?:(?:US|C|AU?|NZ|HK)?\$|[€£¥₹]|\b(?:USD|EUR|GBP|JPY|CAD|AUD|CHF)\s?)$"
)
_SUFFIX_AFTER = re.compile(
    r"(?:bn|mn|tn|[mbk]|km|kg|mph)\b(?!\s+(?:tall|high|long|deep|wide|race|hurdles|freestyle|relay))",
    re.IGNORECASE,
)
_SCALE_AFTER = re.compile(r"\s(?:thousand|million|billion|trillion)\b", re.IGNORECASE)
_PERCENT_AFTER = re.compile(
    r"\s?(?:%|percent\b|per cent\b|percentage points?\b|cents? on the dollar\b)", re.IGNORECASE
)
_ON_THE_DOLLAR = re.compile(r"\s+on the dollar\b", re.IGNORECASE)
_GAP = re.compile(r"^\s*(?:to|-|–|and|or)\s*$", re.IGNORECASE)
_BETWEEN = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
_BETWEEN_AT = re.compile(r"(?:between|from)\s+", re.IGNORECASE)
_TALLY_BEFORE = re.compile(
    r"\b(?:vot(?:e|ed|es|ing)|margin|tally|split|count|pass(?:ed|es|ing)?|approv(?:e|ed|es|ing)|"
    r"reject(?:ed|s|ing)?|confirm(?:ed|s|ing)?|defeat(?:ed|s|ing)?)\b[^.;\n]{0,20}$",
    re.IGNORECASE,
)
_TALLY_AFTER = re.compile(
    r"\s*(?:\w+\s+)?(?:seats?|votes?|majority|advantage|margin|edge|lead|split|decision|ruling|"
    r"verdict|tally|vote)\b",
    re.IGNORECASE,
)
_NUMBER_WORDS = "|".join(
    sorted(
        {
            *WORDS,
            "hundred",
            "thousand",
            "million",
            "billion",
            "dozen",
            "half",
            *(v.split()[0] for v in VAGUE),
            "multi",
        },
        key=len,
        reverse=True,
    )
)
# Where the number itself starts inside a span ("the estimated $23bn", "up losing $3,000").
_NUMBER_START = re.compile(
    rf"(?:US|C|AU?|NZ|HK)?\$|[€£¥₹]|\b(?:USD|EUR|GBP|JPY)\b|(?<![\w.,])\.?\d|\bmulti-?(?=million|billion)"
    rf"|\b(?:an?\s+(?:dozen|hundred|thousand|million|billion|third|quarter|fifth|tenth|half)\b|(?:{_NUMBER_WORDS})\b)(?!\s+\d)",
    re.IGNORECASE,
)
_HYPHEN_NUMBER = re.compile(r"[-–]\d[\d,]*(?:\.\d+)?(?:bn|mn|tn|[mbk])?\b(?![-/])")
# "rose by 324,718 to 505,137", "revised down 2,000 to 5.5m", "up from 40% to 42%": a change, then a level.
_CHANGE_BEFORE = re.compile(
    r"\b(?:by|rose|risen|rising|fell|fallen|falling|grew|grown|increased|decreased|dropped|climbed|"
    r"jumped|declined|plunged|soared|surged|slipped|revised|raised|lowered|cut|went|up|down)\s+(?:from\s+)?$",
    re.IGNORECASE,
)
# A share of a unit: "half a million", "one-half of one percentage point".
_SHARE_OF = re.compile(
    r"\s+(?:of\s+)?(?:a|an|one)\s+(?:thousand|million|billion|trillion|dozen|percentage point|percent)\b",
    re.IGNORECASE,
)
_PHONE = re.compile(
    r"(?<![\d,.])(?:\+?1[\s.-])?(?:\(\d{3}\)\s?|\d{3}[\s.-])?\d{3}[.-]\d{4}(?![\d,])"
    r"|\b1-8\d\d-\w{3}-\w{4}\b"
)

# What every match of ``_PHONE`` contains; a quick test before the full pattern.
_PHONE_CORE = re.compile(r"\d{3}[.-]\d{4}|1-8\d\d-")


def candidates(
    text: str, ents: list[tuple[int, int, str, str]], amount_labels: tuple
) -> list[Candidate]:
    """Every span of ``text`` that may be a figure, widened, merged and in text order.

    ``ents`` are the article's entity spans ``(start, end, label, canonical)``,
    sorted; those with ``amount_labels`` are the model's numbers, the others
    (dates, names) keep the regular expressions from reading inside them.

    >>> text = "They spent $600m on about 10-12k doses, a one-in-three chance."
    >>> [text[c.start:c.end] for c in candidates(text, [], ())]
    ['$600m', '10-12k', 'one-in-three']
    """
    ents = [(s, e, "CARDINAL" if _bare_date(text, s, e, lab) else lab, c) for s, e, lab, c in ents]
    spans = [(s, e) for s, e, _, _ in ents]
    others = [(s, e) for s, e, lab, _ in ents if lab not in amount_labels]
    found = [Candidate(s, e, lab) for s, e, lab, _ in ents if lab in amount_labels]
    for rx, label in ((DIGITS, ""), (HYPHEN_RANGE, ""), (VAGUE_RE, "CARDINAL")):
        for m in rx.finditer(text):
            s, e = m.start(), m.end()
            while s < e and text[s].isspace():
                s += 1
            if not _overlaps(spans, s, e):
                found.append(Candidate(s, e, label))
    found = [t for t in (_trim(text, c) for c in found) if t is not None]
    found = _with_shares(text, found, others)
    found = [_widen(text, c) for c in found]
    found = _without_phones(text, found)
    return _pairs(text, _dedupe(found))


def _bare_date(text: str, s: int, e: int, label: str) -> bool:
    """A date span that is a bare number with no date around it ("Bush got 35 and 40 percent")."""
    if label != "DATE" or not re.fullmatch(r"\d{1,3}", text[s:e]):
        return False
    before, after = text[max(0, s - 12) : s].lower(), text[e : e + 12].lower()
    month = any(before.rstrip().endswith(m) for m in MONTHS)
    return not (
        month
        or re.search(r"\b(?:the|on|of)\s+$", before)
        or re.match(r"(?:st|nd|rd|th)\b|[,\s]+\d{4}", after)
    )


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    k = bisect_right(spans, (s, math.inf)) - 1
    return (k >= 0 and spans[k][1] > s) or (k + 1 < len(spans) and spans[k + 1][0] < e)


def _with_shares(
    text: str, found: list[Candidate], others: list[tuple[int, int]]
) -> list[Candidate]:
    """Shares ("one in five", "two-thirds", "a third of") replace the numbers inside them.

    A share inside a date or a name ("a quarter past ten") is none.
    """
    shares = []
    for m in FRACTION.finditer(text):
        if _is_share(text, m) and not _overlaps(others, m.start(), m.end()):
            of = _SHARE_OF.match(text, m.end())
            shares.append(Candidate(m.start(), of.end() if of else m.end(), "CARDINAL", "share"))
    if not shares:
        return found
    taken = sorted((c.start, c.end) for c in shares)
    return [c for c in found if not _overlaps(taken, c.start, c.end)] + shares


def _is_share(text: str, m: re.Match) -> bool:
    """A fraction word is a share when it shares something out: "a third of", "two-thirds", "1 in 3"."""
    after = text[m.end() : m.end() + 12].lower()
    if m.group("d"):  # "N in M": a larger M, and not a year ("one in 2012")
        d = m.group("d").lower().removeprefix("a ")
        return not (d.isdigit() and (len(d) == 4 or int(d) > 1000))
    if m.group("fd"):
        n, word = m.group("fn").lower(), m.group("fd").lower()
        plural = FRACTION_WORDS[word] > 2 and word.endswith("s") or word == "halves"
        if n in ("a", "an"):
            return bool(re.match(r"\s+of\b", after))  # "a third of", not "a third term"
        return plural or "-" in m.group() or n == "one"
    return True  # "half" before "of", "the", "a": "half of voters", "half a million"


def _trim(text: str, c: Candidate) -> Candidate | None:
    """The model's span without words before the number, a qualifier kept ("the estimated $23bn")."""
    m = _NUMBER_START.search(text, c.start, c.end)
    if m is None:
        return None
    p = m.start()
    if p == c.start:
        return c
    q = QUAL_BEFORE.search(text[c.start : p])
    return replace(c, start=c.start + q.start(1) if q else p)


def _widen(text: str, c: Candidate) -> Candidate:
    """The currency sign before, the scale or unit glued after ("$" + "6" + "m")."""
    s, e = c.start, c.end
    before = _CURRENCY_BEFORE.search(text, max(0, s - 5), s)
    if before and not _CURRENCY_BEFORE.search(text[s:e][:1]):
        s = before.start()
    core = text[s:e]
    if not re.search(r"(?:bn|mn|tn|[mbk]|km|kg|mph)$", core, re.IGNORECASE) and core[-1:].isdigit():
        m = _SUFFIX_AFTER.match(text, e)
        if m:
            e = m.end()
    if not re.search(r"(?:thousand|million|billion|trillion)$", text[s:e], re.IGNORECASE):
        m = _SCALE_AFTER.match(text, e)
        if m and text[s:e][-1:].isdigit():
            e = m.end()
    m = _PERCENT_AFTER.match(text, e)
    if m and text[s:e][-1:].isdigit():
        e = m.end()
    m = _ON_THE_DOLLAR.match(text, e)  # "77 cents" + " on the dollar": a share
    if m and re.search(r"cents?$", text[s:e]):
        e = m.end()
    m = _HYPHEN_NUMBER.match(text, e)  # "242-190": the tally's second number, which no span holds
    if m and text[s:e][-1:].isdigit():
        e = m.end()
    return replace(c, start=s, end=e) if (s, e) != (c.start, c.end) else c


def _without_phones(text: str, found: list[Candidate]) -> list[Candidate]:
    """Phone numbers ("546-6421", "(202) 555-0143", "1-800-FLOWERS") are not figures."""
    if not _PHONE_CORE.search(text):
        return found  # every phone number holds one of these: skip the slow scan
    phones = sorted((m.start(), m.end()) for m in _PHONE.finditer(text))
    if not phones:
        return found
    return [c for c in found if not _overlaps(phones, c.start, c.end)]


def _dedupe(found: list[Candidate]) -> list[Candidate]:
    """In text order; of two overlapping spans the longer stays."""
    out: list[Candidate] = []
    for c in sorted(found, key=lambda c: (c.start, -c.end)):
        if out and c.start < out[-1].end:
            if c.end - c.start > out[-1].end - out[-1].start:
                out[-1] = c
            continue
        out.append(c)
    return out


def _pairs(text: str, found: list[Candidate]) -> list[Candidate]:
    """Two numbers joined by "to", "-" or "between ... and": one range, two tally figures, or none.

    Joined by "and" or "or" without "between" they are two figures sharing a unit:
    "35 and 40 percent of the vote", "$5 or $6 billion".
    """
    out: list[Candidate] = []
    parts = [p for c in found for p in _split(text, c)]
    i = 0
    while i < len(parts):
        c, nxt = parts[i], parts[i + 1] if i + 1 < len(parts) else None
        gap = text[c.end : nxt.start] if nxt else ""
        if nxt and c.kind == nxt.kind == "" and _GAP.match(gap):
            between = bool(_BETWEEN.search(text, max(0, c.start - 10), c.start))
            if (
                between
                or not re.search(r"\b(?:and|or)\b", gap, re.IGNORECASE)
                or _one_or_the_next(text[c.start : c.end], text[nxt.start : nxt.end], gap)
            ):
                out += _pair(text, c, nxt)
            else:
                out += [replace(c, tail=nxt.end, suffix=_unit_of(text[nxt.start : nxt.end])), nxt]
            i += 2
            continue
        out.append(c)
        i += 1
    return out


def _one_or_the_next(a: str, b: str, gap: str) -> bool:
    """ "four or five plans", "two or three times": neighbouring small numbers spelled out, a rough range."""
    a, b = a.lower(), b.lower()
    return gap.strip().lower() == "or" and a in WORDS and b in WORDS and WORDS[b] == WORDS[a] + 1


def _unit_of(number: str) -> str:
    """The scale and percent sign of a number as written: " percent" of "40 percent"."""
    m = NUMBER.match(" ".join(number.split()))
    if not m:
        return ""
    return (m.group("scale") or "") + ((" " + m.group("pct")) if m.group("pct") else "")


def _split(text: str, c: Candidate) -> list[Candidate]:
    """A span the model made of a whole pair ("between five and 12", "500,000 to 1.6 million")."""
    m = _BETWEEN_AT.match(text, c.start, c.end)
    if m:  # the word "between" is the range's qualifier, not its number
        c = replace(c, start=m.end())
    if c.kind == "share":
        return [c]
    between = bool(_BETWEEN.search(text, max(0, c.start - 10), c.start))
    core = text[c.start : c.end]
    # "and" joins two numbers after "between", or two written in digits ("30 and 25 percent");
    # "one hundred and five" is one number.
    digits = bool(re.fullmatch(r"[$€£¥]?\d[\d,.]*\s+(?:and|or)\s+[$€£¥]?\d.*", core))
    parts = split_pair(core, allow_and=between or digits)
    if not parts or not re.search(
        r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b", parts[0]
    ):
        return [c]
    return [replace(c, end=c.start + len(parts[0])), replace(c, start=c.end - len(parts[1]))]


def _pair(text: str, a: Candidate, b: Candidate) -> list[Candidate]:
    whole = text[a.start : b.end]
    read = parse_range(whole)
    if read is None:
        return [a, b]
    low, high, cur, kind = read
    if all(re.fullmatch(r"\d{4}", text[c.start : c.end]) for c in (a, b)):
        return []  # "from 2013 to 2022": years
    label = b.label or a.label
    if _CHANGE_BEFORE.search(text, max(0, a.start - 20), a.start):
        return [a, b]
    if low < high or _BETWEEN.search(text, max(0, a.start - 10), a.start):
        return [Candidate(a.start, b.end, label, "range")]
    # Descending: a tally of votes or seats, a poll's two shares; else a score ("5-4").
    if cur or kind in ("percent", "percentage points"):
        return [replace(a, tail=b.end), b]
    if _TALLY_BEFORE.search(text, max(0, a.start - 30), a.start) or _TALLY_AFTER.match(text, b.end):
        return [replace(a, tail=b.end), b]
    return []
