"""Numeric claims: the figures each outlet reports, normalised, and where outlets disagree.

A figure is a number the article states about something: "approximately
12,000 North Korean troops", "more than $56.2 billion in security
assistance", "at least eight dead". Its spans come from the shared parse
(the model's CARDINAL, MONEY, PERCENT and QUANTITY entities) plus a regular
expression for digits the model missed; dates, times, ordinals and years
used as dates are skipped. Each figure is split into

* ``value``: a float ("$56.2 billion" -> 56.2e9, "12,000" -> 12000, "eight" -> 8);
  NaN for vague amounts ("thousands of troops"), whose ``qualifier`` is then
  the vague phrase ("thousands of") and whose ``bound`` is ``vague``;
* ``qualifier`` as written ("up to", "an estimated", "more than"; "" when
  exact) and ``bound``, its meaning: ``min`` (more than, over, at least),
  ``max`` (up to, as many as), ``approx`` (about, nearly, an estimated),
  ``exact`` or ``vague``, so "more than" and "over" count as the same claim;
* ``unit`` (USD, EUR, percent, miles, troops, people, or the counted noun) and
  ``counted``: the noun phrase the number counts ("North Korean troops"); for
  money the thing paid for ("security assistance", "military aid").

:func:`compare_figures` groups the claims of different outlets about the same
thing and flags where they disagree.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

import pandas as pd

from .errors import CorpusError
from .named_entities import entities_of
from .parsed import ParsedCorpus, parse_corpus

__all__ = ["COLUMNS", "COMPARE_COLUMNS", "compare_figures", "figures", "figures_of"]

COLUMNS = [
    "doc_id",
    "outlet",
    "value",
    "unit",
    "counted",
    "qualifier",
    "bound",
    "text",
    "start_char",
    "end_char",
    "sentence",
    "evidence",
    "label",
    "about",
    "places",
]
COMPARE_COLUMNS = [
    "group_id",
    "group",
    "disagree",
    "doc_id",
    "outlet",
    "claim",
    "value",
    "unit",
    "qualifier",
    "bound",
    "counted",
    "text",
    "start_char",
    "end_char",
    "evidence",
    "outlets",
    "min_value",
    "max_value",
    "values",
]
NUMBER_LABELS = ("CARDINAL", "MONEY", "PERCENT", "QUANTITY")
SKIP_LABELS = ("DATE", "TIME", "ORDINAL")
PLACE_LABELS = ("GPE", "NORP", "LOC")

# -- word lists ------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_BOUNDS = {
    "min": "more than|over|at least|upwards of|in excess of|just over|well over|north of|no fewer than|no less than",
    "max": "up to|as many as|as much as|at most|no more than|fewer than|less than|under|just under|below|a maximum of",
    "approx": "about|approximately|approx\\.|around|roughly|some|nearly|almost|close to|an estimated|estimated|"
    "an approximate|circa|more or less|a reported|reportedly",
}
_QUAL = "|".join(sorted((q for v in _BOUNDS.values() for q in v.split("|")), key=len, reverse=True))
_QUAL_AT_START = re.compile(rf"^(?:(?:{_QUAL})\s+)+", re.IGNORECASE)
_QUAL_BEFORE = re.compile(rf"(?:^|(?<=[\s(]))((?:(?:{_QUAL})\s+)+)$", re.IGNORECASE)
_BOUND_OF = {q.replace("\\", ""): b for b, v in _BOUNDS.items() for q in v.split("|")}

_CURRENCY = {"US$": "USD", "$": "USD", "C$": "CAD", "A$": "AUD", "€": "EUR", "£": "GBP", "¥": "JPY"}
_CURRENCY_WORDS = {
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds": "GBP",
    "rubles": "RUB",
    "roubles": "RUB",
    "yuan": "CNY",
    "yen": "JPY",
    "hryvnias": "UAH",
    "rupees": "INR",
}
_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
_NUMBER = re.compile(
    r"^(?P<cur>US\$|C\$|A\$|[$€£¥])?\s?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn|tn|[mbk])\b)?"
    r"(?:\s?(?P<pct>%|percent\b|per cent\b|percentage points?\b))?",
    re.IGNORECASE,
)
# Digits the model did not tag: not glued to letters, slashes, colons or hyphens
# ("F-16", "G20", "9/11", "3:30" are not figures).
_DIGITS = re.compile(
    r"(?<![\w.,/\-:#$€£¥])(?:US\$|C\$|A\$|[$€£¥])?\s?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
    r"(?:\s?(?:thousand|million|billion|trillion)\b|(?:bn|mn|tn|[mbk])\b)?"
    r"(?:\s?(?:%|percent\b|per cent\b))?(?![\w/:\-]|[.,]\d)"
)
_VAGUE_RE = re.compile(
    r"\b(?:tens of thousands|hundreds of thousands|tens of millions|hundreds of millions|thousands|"
    r"hundreds|dozens|millions|billions)(?= of\b)",
    re.IGNORECASE,
)
_VAGUE = (
    "tens of thousands",
    "hundreds of thousands",
    "tens of millions",
    "hundreds of millions",
    "thousands",
    "hundreds",
    "dozens",
    "millions",
    "billions",
    "scores",
    "several",
    "a few",
)
_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
_WORDS = {w: i for i, w in enumerate(_UNITS.split())}
_WORDS.update({w: 10 * (i + 2) for i, w in enumerate(_TENS.split())})
_MULTIPLIERS = {
    "hundred": 100,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "dozen": 12,
}
_SKIP_BEFORE = re.compile(
    r"(?:No\.|#|\b(?:[Aa]rticle|[Ss]ection|[Cc]hapter|[Pp]age|[Rr]oute|[Hh]ighway|[Ff]light|[Tt]itle|"
    r"[Dd]istrict|[Aa]ged?|[Rr]oom|[Ss]uite|[Ii]nterstate|[Pp]roposition|[Aa]mendment|[Vv]ersion|[Pp]hase)"
    r"|Caption(?:\s+\d+\s+of)?)\s*$"  # photo-gallery furniture: "Hide Caption 18 of 75 Photos"
)
_FRACTION = re.compile(r"\b(?:half|halves|thirds?|quarters?|fifths?|tenths?)\b", re.IGNORECASE)
_TIME_AFTER = re.compile(r"^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|GMT|ET\b|EST\b)", re.IGNORECASE)

_MEASURES = {
    "mile": "miles",
    "miles": "miles",
    "km": "km",
    "kilometer": "km",
    "kilometers": "km",
    "kilometre": "km",
    "kilometres": "km",
    "meter": "meters",
    "meters": "meters",
    "metre": "meters",
    "metres": "meters",
    "foot": "feet",
    "feet": "feet",
    "inch": "inches",
    "inches": "inches",
    "pound": "pounds",
    "pounds": "pounds",
    "lb": "pounds",
    "lbs": "pounds",
    "kilogram": "kg",
    "kilograms": "kg",
    "kg": "kg",
    "ton": "tons",
    "tons": "tons",
    "tonne": "tons",
    "tonnes": "tons",
    "gallon": "gallons",
    "gallons": "gallons",
    "barrel": "barrels",
    "barrels": "barrels",
    "acre": "acres",
    "acres": "acres",
    "hectare": "hectares",
    "hectares": "hectares",
    "degree": "degrees",
    "degrees": "degrees",
    "mph": "mph",
}
_TROOPS = _words(
    "troops troop soldiers soldier forces servicemen servicemembers personnel fighters marines reservists conscripts"
)
_PEOPLE = _words(
    """people persons person civilians civilian residents children adults women men individuals citizens
    migrants refugees voters workers employees dead killed wounded injured casualties victims hostages
    prisoners patients americans ukrainians russians israelis palestinians protesters demonstrators"""
)
_MONEY_NOUNS = _words(
    """aid assistance support funding funds help package loans loan grants budget spending sales deal
    contract investment investments payments revenue cost costs damages fine bailout weapons arms"""
)
#: Heads that name the same kind of thing when outlets compare figures.
_HEAD_CLASS = {
    **{w: "troops" for w in _TROOPS},
    **{w: "people" for w in _PEOPLE},
    **{w: "aid" for w in _words("aid assistance support funding funds help package")},
}
# Words after a number that end the counted phrase.
_NP_STOP = _words(
    """to in into on at for from by with within near since that which who whom whose have has had
    were was are is be been being will would could can may might should and or but as than per across
    over under after before during including while this these those their its his her our
    through toward towards against between among about around of the a an it they we he she
    there here when where if because so not also already just only even still now each"""
)
# "-ing" words that are nouns and may end a counted phrase ("new housing"); other
# "-ing" words start a clause ("9 out of 10 people saying ...").
_ING_NOUNS = _words(
    "building buildings funding housing spending training meeting meetings offering offerings"
)
# Common verbs that end a counted phrase ("500 troops took part", "refugees fled").
_VERB_STOP = _words(
    """took fled left went came made gave got saw fell rose died lost won met held kept ran sent
    brought began remain remained remains say says said stay stayed face faced live"""
)
_LEADING_DETERMINERS = _words("the a an its their his her our these those")
# Adjectives that follow a noun and end its phrase ("three individuals familiar with").
_NP_END = _words(
    "familiar aged involved based located related total each apiece combined alone such like"
)
_POST_MODIFIERS = _words(
    "dead killed wounded injured missing away old ago long high wide deep more"
)
_NP_WORD = re.compile(r"\s*([A-Za-z][\w’'.\-]*)")
_DEMONYMS = {
    "american": "united states",
    "america": "united states",
    "us": "united states",
    "usa": "united states",
    "british": "united kingdom",
    "britain": "united kingdom",
    "uk": "united kingdom",
    "french": "france",
    "german": "germany",
    "dutch": "netherlands",
    "swiss": "switzerland",
    "turkish": "turkey",
    "polish": "poland",
    "spanish": "spain",
    "danish": "denmark",
    "swedish": "sweden",
    "finnish": "finland",
    "greek": "greece",
    "irish": "ireland",
    "filipino": "philippines",
    "kremlin": "russia",
    "moscow": "russia",
    "kyiv": "ukraine",
    "kiev": "ukraine",
    "pyongyang": "north korea",
    "beijing": "china",
    "washington": "united states",
    "tehran": "iran",
}


#: Sentences of two claims about the same thing share at least this many content words.
#: In the bundled corpus the troop, aid, casualty and range claims share 3-6
#: ("north", "korean", "troops", "russia"; "billion", "ukraine", "provided",
#: "february"); unrelated "two states" / "50 states" claims across the
#: AllSides stories mostly share fewer.
MIN_SHARED_WORDS = 3
#: Claims further apart than this factor are not linked as one claim (None: no limit).
#: Outlets that disagree give 10,000 vs 12,000 troops or $56 vs $56.2 billion; 2 vs
#: 435 "members" are different things that happened to share a sentence's words.
MAX_RATIO = 10.0
_MIN_SHARED_SHARE = 0.25
_MAX_POSTING = 300
_CONTEXT_STOP = _words(
    """the and that this with from have has had was were are for not but its their his her they
    will would could can may might said says also than more most into about over after before
    which who what when where while been being there some such only other just like them then
    percent million billion thousand hundred dozen one two three four five six seven eight nine
    ten"""
)


# -- public API ------------------------------------------------------------------------
def figures(corpus: Any = None, *, aliases: Any = None, **parse_options: Any) -> pd.DataFrame:
    """One row per numeric claim: the number, normalised, with its unit and what it counts.

    Columns: ``doc_id, outlet, value, unit, counted, qualifier, bound, text,
    start_char, end_char, sentence, evidence, label, about, places``.
    ``text`` is the figure as written (``text[start_char:end_char]`` of the
    article, qualifier excluded); ``label`` the entity label it came from
    (CARDINAL, MONEY, PERCENT, QUANTITY); ``sentence`` indexes
    :func:`mediakit.sentences` and ``evidence`` is that sentence; ``about``
    names the places or nationalities inside the counted phrase ("North
    Korean") and ``places`` those elsewhere in the sentence, nearest first
    (both ``"; "``-separated canonical names), which :func:`compare_figures`
    uses to tell North Korean troops from Russian ones. See the module notes
    for how values, qualifiers and units are read. Parse options are those of
    :func:`mediakit.analyze`.

    >>> f = figures(cache_dir=False)
    >>> float(f[f.counted == "North Korean troops"].value.max())
    12000.0
    """
    return figures_of(parse_corpus(corpus, **parse_options), aliases=aliases)


def figures_of(pc: ParsedCorpus, aliases: Any = None) -> pd.DataFrame:
    """:func:`figures` for an already parsed corpus.

    >>> from mediakit.parsed import parse_corpus
    >>> f = figures_of(parse_corpus(cache_dir=False))
    >>> sorted(set(f.bound)) <= ["approx", "exact", "max", "min", "vague"]
    True
    """
    sents = pc.columns("sent_start", "sent_end")
    ents = entities_of(pc, aliases=aliases)
    keep = ents["label"].isin((*NUMBER_LABELS, *SKIP_LABELS, *PLACE_LABELS))
    by_doc: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    cols = ("doc_id", "start_char", "end_char", "label", "canonical")
    for d, s, e, lab, can in zip(*(ents.loc[keep, c].tolist() for c in cols), strict=True):
        by_doc[d].append((int(s), int(e), lab, can))
    ids = pc.corpus["doc_id"].astype("str").tolist()
    outlets = pc.corpus["outlet"].astype("str").tolist()
    rows = []
    for i, text in enumerate(pc.texts):
        if not text:
            continue
        ss, se = sents["sent_start"][i].as_py(), sents["sent_end"][i].as_py()
        for claim in _doc_figures(text, sorted(by_doc.get(ids[i], [])), ss, se):
            rows.append((ids[i], outlets[i], *claim))
    out = pd.DataFrame(rows, columns=COLUMNS)
    out["value"] = out["value"].astype("float64")
    for c in ("start_char", "end_char", "sentence"):
        out[c] = out[c].astype("int64")
    for c in COLUMNS:
        if c not in ("value", "start_char", "end_char", "sentence"):
            out[c] = out[c].astype("str")
    return out


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
    m = _NUMBER.match(t)
    if m:
        value = float(m.group("num").replace(",", ""))
        scale = (m.group("scale") or "").lower()
        if scale:
            value *= _SCALES[scale]
        cur = _CURRENCY.get(m.group("cur") or "", "")
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
    for v in _VAGUE:
        if low.startswith(v):
            return math.nan, "", "vague"
    words = re.split(r"[\s\-]+", low.removeprefix("a ").removeprefix("an "))
    return _word_value(words), "", ""


def _word_value(words: list[str]) -> float:
    """Spelled-out numbers: "two hundred thousand", "twenty-five", "a dozen"."""
    total, current, seen = 0.0, 0.0, False
    for w in words:
        if w in _WORDS:
            current += _WORDS[w]
        elif w in ("hundred", "dozen"):
            current = (current or 1) * _MULTIPLIERS[w]
        elif w in _MULTIPLIERS:
            total += (current or 1) * _MULTIPLIERS[w]
            current = 0.0
        elif w == "and" and seen:
            continue
        else:
            break
        seen = True
    return total + current if seen else math.nan


def _np(text: str, pos: int, end: int, max_words: int = 4) -> tuple[int, int]:
    """Offsets of the noun phrase starting at ``pos`` ("North Korean troops"), or (pos, pos)."""
    start = stop = -1
    n = 0
    while n < max_words:
        m = _NP_WORD.match(text, pos, end)
        if not m:
            break
        word = m.group(1)
        if start < 0 and word.lower() in _LEADING_DETERMINERS:
            pos = m.end()  # "40% of the funds": the phrase is "funds"
            continue
        if word.endswith(".") and word.count(".") == 1:
            word = word[:-1]  # "troops." ends a sentence; "U.S." keeps its dots
        low = word.lower()
        if (
            low in _NP_STOP
            or low in _NP_END
            or low in _VERB_STOP
            or (word.islower() and low.endswith("ing") and low not in _ING_NOUNS)
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
        if word.lower() in _POST_MODIFIERS and n > 1:
            break
    return (start, stop) if start >= 0 else (pos, pos)


def _head(phrase: str) -> str:
    words = phrase.lower().split()
    if len(words) > 1 and words[-1] in _POST_MODIFIERS:
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
    if b > a and _head(text[a:b]) in _MONEY_NOUNS:
        return a, b
    before = text[max(lo, s - 80) : s]
    found = list(re.finditer(r"\b(" + "|".join(sorted(_MONEY_NOUNS)) + r")\b", before))
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
            if token.lower() in _NP_STOP or token.endswith(("’s", "'s")) or token[:1].isupper():
                break
            start = max(lo, noun_start - 40) + w.start()
        return start, noun_end
    return e, e


def _unit_of(phrase: str) -> str:
    head = _head(phrase)
    if head in _TROOPS:
        return "troops"
    if head in _PEOPLE:
        return "people"
    return head


def _doc_figures(
    text: str, ents: list[tuple[int, int, str, str]], ss: list[int], se: list[int]
) -> list[tuple]:
    spans = [(s, e) for s, e, _, _ in ents]
    places = [(s, e, can) for s, e, lab, can in ents if lab in PLACE_LABELS]
    cands = [(s, e, lab) for s, e, lab, _ in ents if lab in NUMBER_LABELS]
    # Numbers the model missed: digits, and "thousands of" / "dozens of".
    for rx, label in ((_DIGITS, ""), (_VAGUE_RE, "CARDINAL")):
        for m in rx.finditer(text):
            s, e = m.start(), m.end()
            while s < e and text[s].isspace():
                s += 1
            k = bisect_right(spans, (s, math.inf)) - 1
            if (k >= 0 and spans[k][1] > s) or (k + 1 < len(spans) and spans[k + 1][0] < e):
                continue  # inside or overlapping an entity (a date, a name, a tagged number)
            cands.append((s, e, label))
    out = []
    for s, e, label in sorted(cands):
        claim = _read(text, s, e, label, ss, se, places)
        if claim is not None:
            out.append(claim)
    return out


def _read(
    text: str,
    s: int,
    e: int,
    label: str,
    ss: list[int],
    se: list[int],
    places: list[tuple[int, int, str]],
) -> tuple | None:
    line_start = text.rfind("\n", 0, s) + 1
    line_end = text.find("\n", e)
    line_end = len(text) if line_end < 0 else line_end
    qualifier = ""
    claim_start = s  # where the claim begins, qualifier included
    m = _QUAL_AT_START.match(text[s:e])  # (a pattern's ^ ignores match()'s pos argument)
    if m:
        qualifier, s = " ".join(m.group().split()), s + m.end()
    else:
        m = _QUAL_BEFORE.search(text[max(line_start, s - 40) : s])
        if m:
            qualifier = " ".join(m.group(1).split())
            claim_start = max(line_start, s - 40) + m.start(1)
    while e > s and text[e - 1] in " ,.;:":
        e -= 1
    core = text[s:e]
    if (
        not core
        or core.lower() in ("one", "a", "an")
        or _SKIP_BEFORE.search(text[max(line_start, s - 15) : s])
    ):
        return None
    if _TIME_AFTER.match(text, e) or re.match(r"-\d", text[e : e + 2]):
        return None  # "3 p.m.", a score "5-4"
    if _FRACTION.search(core):
        return None  # "three-quarters", "half": shares, not counts
    value, cur, kind = parse_number(core)
    if kind != "vague" and math.isnan(value):
        return None
    flat = " ".join(core.split())
    num = _NUMBER.match(flat)
    if num and flat[num.end() : num.end() + 1] not in ("", " "):
        return None  # "9/11", "24/7", "3:30": not amounts
    if re.fullmatch(r"\d{4}", core) and 1800 <= value <= 2100:
        return None  # a year
    bound = _bound(qualifier)
    si = max(0, bisect_right(ss, s) - 1)
    lo, hi = (ss[si], se[si]) if ss else (line_start, line_end)
    hi = max(hi, e)
    # Unit and counted phrase.
    rest_in_span = flat[num.end() :].strip() if num else ""  # "miles" in "190 miles"
    after = e
    if kind == "vague":
        vague = next(v for v in _VAGUE if core.lower().startswith(v))
        of = re.match(r"\s+of\s+", text[e:hi])
        qualifier, bound = (f"{vague} of" if of else vague), "vague"
        if of:
            after = e + of.end()
        rest_in_span = ""
    unit, cs, ce = _unit_and_counted(text, s, e, after, lo, hi, label, cur, kind, rest_in_span)
    counted = " ".join(text[cs:ce].split())
    about = [c for a, b, c in places if a >= cs and b <= ce and ce > cs]
    claim_end = max(e, ce)
    near = sorted(
        (_place_distance(text, a, b, claim_start, claim_end), c)
        for a, b, c in places
        if a >= lo and b <= hi and not (a >= cs and b <= ce)
    )
    return (
        value,
        unit,
        counted,
        qualifier,
        bound,
        text[s:e],
        s,
        e,
        si,
        " ".join(text[lo:hi].split()),
        label or ("MONEY" if cur else "PERCENT" if kind == "percent" else "CARDINAL"),
        "; ".join(dict.fromkeys(about)),
        "; ".join(dict.fromkeys(c for _, c in near)),
    )


def _unit_and_counted(
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
    is_money_word = next_word in _CURRENCY_WORDS and (next_word != "pounds" or label == "MONEY")
    if cur or is_money_word:
        unit = cur or _CURRENCY_WORDS[next_word]
        skip = after + (words_after.end() if not cur and not rest and words_after else 0)
        cs, ce = _money_counted(text, s, max(e, skip), lo, hi)
    elif kind == "percent":
        unit = "percent"
        of = re.match(r"\s+of\s+", text[after:hi])
        if of:
            cs, ce = _np(text, after + of.end(), hi)
    elif next_word in _MEASURES:
        unit = _MEASURES[next_word]
        pos = after if rest else after + words_after.end()
        of = re.match(r"\s+of\s+", text[pos:hi])
        if of:
            cs, ce = _np(text, pos + of.end(), hi)
    else:
        hyphen = re.match(r"-([A-Za-z]+)", text[after:hi])  # "nine-story building"
        if hyphen:
            unit = _MEASURES.get(hyphen.group(1).lower(), hyphen.group(1).lower())
            cs, ce = _np(text, after + hyphen.end(), hi)
        else:
            cs, ce = _np(text, after, hi)
            unit = _unit_of(text[cs:ce]) if ce > cs else ""
    return unit, cs, ce


def _place_distance(text: str, a: int, b: int, start: int, end: int) -> int:
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


def _bound(qualifier: str) -> str:
    if not qualifier:
        return "exact"
    # "an estimated", "more than": the last qualifier word decides (the words before it
    # are usually "just", "well", "some").
    q = qualifier.lower()
    for phrase in sorted(_BOUND_OF, key=len, reverse=True):
        if q.endswith(phrase):
            return _BOUND_OF[phrase]
    return "approx"


# -- comparing outlets -------------------------------------------------------------------
def _place_key(name: str) -> str:
    """One key for a country and its people: "North Korean"/"North Korea", "Russian"/"Russia".

    >>> _place_key("North Korean") == _place_key("North Korea"), _place_key("Iranian") == _place_key("Iraq")
    (True, False)
    """
    from .named_entities import form_key

    key = form_key(name)
    key = _DEMONYMS.get(key, key)
    *first, last = key.split() or [""]
    changed = True
    while changed:  # "pakistani" -> "pakistan" -> "pakist"; "korean" -> "kore"
        changed = False
        for suffix in ("ians", "ian", "eans", "ean", "ans", "an", "ese", "ish", "is", "i", "s"):
            if last.endswith(suffix) and len(last) - len(suffix) >= 4:
                last, changed = last[: -len(suffix)], True
                break
    last = last.rstrip("aeiouy") or last
    return " ".join([*first, last])


def _head_class(counted: str, unit: str) -> str:
    """What a figure counts, coarse enough for outlets' wordings to meet."""
    if unit in ("troops", "people") or unit in _MEASURES.values():
        return unit
    head = _head(counted)
    if not head:
        return ""
    head = head.replace("’", "'")
    cls = _HEAD_CLASS.get(head)
    if cls:
        return cls
    return head[:-1] if len(head) > 3 and head.endswith("s") and not head.endswith("ss") else head


def compare_figures(
    figures: pd.DataFrame,
    *,
    min_outlets: int = 2,
    include_vague: bool = False,
    by: str | Sequence[str] | None = None,
    min_shared_words: int = MIN_SHARED_WORDS,
    max_ratio: float | None = MAX_RATIO,
) -> pd.DataFrame:
    """Group the outlets' figures about the same thing and flag where they disagree.

    Claims meet when they have the same unit and count the same kind of thing
    (the head of the counted phrase, with "troops"/"soldiers"/"forces" and
    "aid"/"assistance"/"funding" taken as one), and, when the counted phrase
    names a country or nationality, the same one ("North Korean troops" and
    "Russian troops" stay apart; "elite troops" in a sentence about North
    Korea joins the North Korean group), and their sentences share at least
    ``min_shared_words`` content words (so "two states" in unrelated stories
    stay apart; 0 turns this off), with values within a factor ``max_ratio``
    and, inside one article, only when equal. Blocking by unit and counted
    thing keeps the work linear in the number of claims. The grouping is
    made for articles on one story; for a corpus of many stories, pass
    ``by`` with columns to block on as well (e.g. a story id merged into
    ``figures``). Vague amounts ("thousands of") are left out unless
    ``include_vague``.

    One row per claim in a group reaching ``min_outlets`` outlets:
    ``group_id, group`` (a label such as "North Korean troops (troops)"),
    ``disagree`` (the group's outlets give different values or bounds: "more
    than" vs "up to"), ``doc_id, outlet, claim`` ("up to 12,000"), ``value,
    unit, qualifier, bound, counted, text, start_char, end_char, evidence``,
    ``outlets`` (in the group), ``min_value, max_value`` and ``values``: every
    outlet's claim side by side ("Newslooks: approximately 12,000 | ...").
    Claims that count nothing recognisable (a bare number) are not compared.

    >>> cmp = compare_figures(figures(cache_dir=False))
    >>> bool(cmp[cmp.unit == "troops"].disagree.all())
    True
    """
    need = [
        "doc_id",
        "outlet",
        "value",
        "unit",
        "counted",
        "qualifier",
        "bound",
        "text",
        "about",
        "places",
    ]
    missing = [c for c in need if c not in figures.columns]
    if missing:
        raise CorpusError(
            f"compare_figures needs the table from mediakit.figures(); it lacks {missing}."
        )
    by_cols = [by] if isinstance(by, str) else list(by or [])
    table = figures.reset_index(drop=True)
    if not include_vague:
        table = table[table["value"].notna()].reset_index(drop=True)
    classes = [
        _head_class(c, u)
        for c, u in zip(table["counted"].astype("str"), table["unit"].astype("str"), strict=True)
    ]
    keys: dict[str, str] = {}

    def place(name: str) -> str:
        if name not in keys:
            keys[name] = _place_key(name)
        return keys[name]

    about = [[place(p) for p in a.split("; ") if p] for a in table["about"].astype("str")]
    near = [[place(p) for p in a.split("; ") if p] for a in table["places"].astype("str")]
    blocks: dict[tuple, list[int]] = defaultdict(list)
    extra = (
        table[by_cols].astype("str").itertuples(index=False, name=None)
        if by_cols
        else iter(lambda: (), None)
    )
    for i, (unit, cls, more) in enumerate(
        zip(table["unit"].astype("str"), classes, extra, strict=False)
    ):
        if cls and unit:
            blocks[(unit, cls, *more)].append(i)
    context = (
        [_context_words(t) for t in table["evidence"].astype("str")]
        if "evidence" in table
        else None
    )
    values = table["value"].astype("float64").tolist()
    docs = table["doc_id"].astype("str").tolist()
    group_of: dict[int, tuple] = {}
    for bkey, members in blocks.items():
        subs: dict[str, list[int]] = defaultdict(list)
        for i, sub in _split_block(members, about, near).items():
            subs[sub].append(i)
        for sub, ids in subs.items():
            linked = _link_context(ids, context, min_shared_words, values, docs, max_ratio)
            for i, story in linked.items():
                group_of[i] = (*bkey, sub, story)
    return _comparison(table, group_of, min_outlets)


def _context_words(sentence: str) -> frozenset[str]:
    words = re.findall(r"[a-z][a-z\-]+", sentence.lower().replace("’", "'"))
    return frozenset(w[:6] for w in words if w not in _CONTEXT_STOP and len(w) > 2)


def _link_context(
    ids: list[int],
    context: list[frozenset[str]] | None,
    min_shared: int,
    values: list[float],
    docs: list[str],
    max_ratio: float | None,
) -> dict[int, int]:
    """Split claims into stories: linked when their sentences share ``min_shared`` content words.

    Two more conditions keep chains of chance links from merging stories: the
    values are within ``max_ratio`` of each other (12,000 vs 10,000 troops,
    not 2 vs 435 members), and two claims of one article link only when they
    give the same value (an article's different numbers count different things).
    """
    if context is None or min_shared <= 0 or len(ids) < 2:
        return {i: 0 for i in ids}
    parent = {i: i for i in ids}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    postings: dict[str, list[int]] = defaultdict(list)
    for i in ids:
        for w in context[i]:
            postings[w].append(i)
    shared: Counter = Counter()
    for members in postings.values():
        if len(members) > _MAX_POSTING:
            continue  # a word in hundreds of these sentences says nothing about the story
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                shared[(members[x], members[y])] += 1
    for (a, b), n in shared.items():
        # Enough shared words, and a fair share of the shorter sentence: long
        # sentences share three words by chance.
        if n < min_shared or n < _MIN_SHARED_SHARE * min(len(context[a]), len(context[b])):
            continue
        va, vb = values[a], values[b]
        if docs[a] == docs[b] and not (va == vb or (math.isnan(va) and math.isnan(vb))):
            continue
        if max_ratio and va > 0 and vb > 0 and max(va, vb) > max_ratio * min(va, vb):
            continue
        parent[find(a)] = find(b)
    return {i: find(i) for i in ids}


def _split_block(
    members: list[int], about: list[list[str]], near: list[list[str]]
) -> dict[int, str]:
    """Within one (unit, thing) block: claims about North Korean troops vs Russian troops.

    A claim whose counted phrase names a country or nationality goes with that
    one; a claim without takes the nearest such name in its sentence that
    another claim's phrase has ("North Korea sent 10,000 elite troops"), or
    else stays with the unnamed ones, which their sentences' words sort out.
    """
    named = {about[i][0] for i in members if about[i]}
    out: dict[int, str] = {}
    for i in members:
        if about[i]:
            out[i] = about[i][0]
        else:
            out[i] = next((p for p in near[i] if p in named), "")
    return out


def _claim(qualifier: str, text: str, bound: str) -> str:
    """The figure as a reader meets it: "up to 12,000", "thousands of"."""
    if bound == "vague":
        return f"{text} of" if qualifier.endswith(" of") else text
    return f"{qualifier} {text}".strip()


def _comparison(table: pd.DataFrame, group_of: dict[int, tuple], min_outlets: int) -> pd.DataFrame:
    groups: dict[tuple, list[int]] = defaultdict(list)
    for i in sorted(group_of):
        groups[group_of[i]].append(i)
    outlets = table["outlet"].astype("str").tolist()
    kept = [g for g in groups.values() if len({outlets[i] for i in g}) >= min_outlets]
    rows = []
    summaries = []
    for members in kept:
        sub = table.iloc[members]
        claims = [
            _claim(q, t, b)
            for q, t, b in zip(sub["qualifier"], sub["text"], sub["bound"], strict=True)
        ]
        exact = sub[sub["bound"] != "vague"]
        values = {round(v, 6) for v in exact["value"].tolist() if not math.isnan(v)}
        if len(exact):
            disagree = len(values) > 1 or exact["bound"].nunique() > 1
        else:  # only vague amounts: "thousands of" vs "tens of thousands of"
            disagree = sub["qualifier"].str.lower().nunique() > 1
        counted = Counter(c for c in sub["counted"] if c)
        top = sorted(counted, key=lambda c: (-counted[c], -len(c), c))[:2]
        unit = sub["unit"].iloc[0]
        label = f"{' / '.join(top)} ({unit})" if top else unit
        order = sorted(range(len(members)), key=lambda k: (outlets[members[k]], members[k]))
        side = " | ".join(f"{outlets[members[k]]}: {claims[k]}" for k in order)
        summaries.append(
            (not disagree, -len(set(sub["outlet"])), label, members, claims, disagree, side)
        )
    summaries.sort(key=lambda s: s[:3])
    for gid, (_, _, label, members, claims, disagree, side) in enumerate(summaries):
        sub = table.iloc[members]
        n_out = sub["outlet"].nunique()
        lo, hi = sub["value"].min(), sub["value"].max()
        for k, i in enumerate(members):
            r = table.iloc[i]
            rows.append(
                (
                    gid,
                    label,
                    disagree,
                    r["doc_id"],
                    r["outlet"],
                    claims[k],
                    r["value"],
                    r["unit"],
                    r["qualifier"],
                    r["bound"],
                    r["counted"],
                    r["text"],
                    r.get("start_char", -1),
                    r.get("end_char", -1),
                    r.get("evidence", ""),
                    n_out,
                    lo,
                    hi,
                    side,
                )
            )
    out = pd.DataFrame(rows, columns=COMPARE_COLUMNS)
    out = out.astype(
        {
            "group_id": "int64",
            "disagree": "bool",
            "value": "float64",
            "start_char": "int64",
            "end_char": "int64",
            "outlets": "int64",
            "min_value": "float64",
            "max_value": "float64",
        }
    )
    for c in (
        "group",
        "doc_id",
        "outlet",
        "claim",
        "unit",
        "qualifier",
        "bound",
        "counted",
        "text",
        "evidence",
        "values",
    ):
        out[c] = out[c].astype("str")
    return out.sort_values(["group_id", "outlet", "start_char"], kind="stable").reset_index(
        drop=True
    )
