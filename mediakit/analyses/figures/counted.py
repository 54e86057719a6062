"""What a figure counts and in which unit: the noun phrase after it, or what a sum pays for."""

from __future__ import annotations

import re

from .lexicon import (
    CURRENCY_WORDS,
    ING_NOUNS,
    LEADING_DETERMINERS,
    MEASURES,
    MONEY_NOUNS,
    NP_END,
    NP_STOP,
    PEOPLE,
    POST_MODIFIERS,
    TROOPS,
    VERB_STOP,
)

_NP_WORD = re.compile(r"\s*([A-Za-z][\w’'.\-]*)")


def _np(text: str, pos: int, end: int, max_words: int = 4) -> tuple[int, int]:
    """Offsets of the noun phrase starting at ``pos`` ("North Korean troops"), or (pos, pos)."""
    start = stop = -1
    n = 0
    while n < max_words:
        m = _NP_WORD.match(text, pos, end)
        if not m:
            break
        word = m.group(1)
        if start < 0 and word.lower() in LEADING_DETERMINERS:
            pos = m.end()  # "40% of the funds": the phrase is "funds"
            continue
        if word.endswith(".") and word.count(".") == 1:
            word = word[:-1]  # "troops." ends a sentence; "U.S." keeps its dots
        low = word.lower()
        if (
            low in NP_STOP
            or low in NP_END
            or low in VERB_STOP
            or (word.islower() and low.endswith("ing") and low not in ING_NOUNS)
            or (word.islower() and low.endswith("ed") and n > 0)  # "troops deployed"
        ):
            break
        if word.endswith(("’s", "'s")):
            break  # "Russia’s forces": the phrase after a possessive is a new one
        if start < 0:
            start = m.start(1)
        stop = m.start(1) + len(word)
        pos = m.end()
        n += 1
        if word.lower() in POST_MODIFIERS and n > 1:
            break
    return (start, stop) if start >= 0 else (pos, pos)


def head_word(phrase: str) -> str:
    words = phrase.lower().split()
    if len(words) > 1 and words[-1] in POST_MODIFIERS:
        return words[-2]
    return words[-1] if words else ""


def _money_counted(text: str, s: int, e: int, lo: int, hi: int) -> tuple[int, int]:
    """What a sum pays for: "in security assistance" after it, or "continued aid" before it."""
    m = re.match(r"\s+(?:in|of|for|worth of)(?:\s+(?:new|additional|further))?\s+", text[e:hi])
    if m:
        a, b = _np(text, e + m.end(), hi)
        if b > a:
            return a, b
    a, b = _np(text, e, hi)
    if b > a and head_word(text[a:b]) in MONEY_NOUNS:
        return a, b
    before = text[max(lo, s - 80) : s]
    found = list(re.finditer(r"\b(" + "|".join(sorted(MONEY_NOUNS)) + r")\b", before))
    if found:
        m = found[-1]
        noun_end = s - len(before) + m.end()
        noun_start = s - len(before) + m.start()
        # Take up to two modifiers before the noun, stopping at a possessive or stop word.
        words = list(
            re.finditer(r"[A-Za-z][\w\-]*(?:[’']s)?", text[max(lo, noun_start - 40) : noun_start])
        )
        start = noun_start
        for w in reversed(words[-2:]):
            token = w.group()
            if token.lower() in NP_STOP or token.endswith(("’s", "'s")) or token[:1].isupper():
                break
            start = max(lo, noun_start - 40) + w.start()
        return start, noun_end
    return e, e


def _unit_of(phrase: str) -> str:
    head = head_word(phrase)
    if head in TROOPS:
        return "troops"
    if head in PEOPLE:
        return "people"
    return head


def unit_and_counted(
    text: str,
    s: int,
    e: int,
    after: int,
    lo: int,
    hi: int,
    label: str,
    cur: str,
    kind: str,
    rest: str,
) -> tuple[str, int, int]:
    """The unit of the figure text[s:e] and the offsets of what it counts.

    ``after`` is where the counted phrase may start (past "of" in "thousands
    of"), ``rest`` the words after the number inside the entity span ("miles").
    """
    unit, cs, ce = "", after, after
    words_after = re.match(r"\s*([A-Za-z]+)", rest) or re.match(r"\s+([A-Za-z]+)\b", text[after:hi])
    next_word = words_after.group(1).lower() if words_after else ""
    # "pounds" after a bare number is a weight unless the model said MONEY.
    is_money_word = next_word in CURRENCY_WORDS and (next_word != "pounds" or label == "MONEY")
    if cur or is_money_word:
        unit = cur or CURRENCY_WORDS[next_word]
        skip = after + (words_after.end() if not cur and not rest and words_after else 0)
        cs, ce = _money_counted(text, s, max(e, skip), lo, hi)
    elif kind == "percent":
        unit = "percent"
        of = re.match(r"\s+of\s+", text[after:hi])
        if of:
            cs, ce = _np(text, after + of.end(), hi)
    elif next_word in MEASURES:
        unit = MEASURES[next_word]
        pos = after if rest else after + words_after.end()
        of = re.match(r"\s+of\s+", text[pos:hi])
        if of:
            cs, ce = _np(text, pos + of.end(), hi)
    else:
        hyphen = re.match(r"-([A-Za-z]+)", text[after:hi])  # "nine-story building"
        if hyphen:
            unit = MEASURES.get(hyphen.group(1).lower(), hyphen.group(1).lower())
            cs, ce = _np(text, after + hyphen.end(), hi)
        else:
            cs, ce = _np(text, after, hi)
            unit = _unit_of(text[cs:ce]) if ce > cs else ""
    return unit, cs, ce


def place_distance(text: str, a: int, b: int, start: int, end: int) -> int:
    """How closely the place at text[a:b] belongs to the claim text[start:end].

    Before the claim, plain distance ("North Korea sent 10,000 troops"); after
    it, a destination or location ("... troops to Russia’s Kursk region", "in
    Sumy") says where, not whose, so it ranks after every other place.
    """
    if b <= start:
        return start - b
    if re.search(
        r"\b(?:to|into|in|inside|near|at|toward|towards|across|on|against)\s+(?:the\s+)?$",
        text[end:a],
    ):
        return 10_000 + a - end
    return a - end
