"""``figures``: one row per number an article states about something."""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import defaultdict
from typing import Any

import pandas as pd

from ...parsing.parsed import ParsedCorpus, parse_corpus
from ...vocab import AMOUNT_LABELS, GEO_LABELS, NOT_AMOUNT_LABELS
from ..entities import entities_of
from .counted import place_distance, unit_and_counted
from .lexicon import QUAL_AT_START, QUAL_BEFORE, VAGUE
from .numbers import (
    DIGITS,
    FRACTION,
    NUMBER,
    SKIP_BEFORE,
    TIME_AFTER,
    VAGUE_RE,
    bound_of,
    parse_number,
)

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


def figures_of(
    pc: ParsedCorpus, aliases: Any = None, mentions: pd.DataFrame | None = None
) -> pd.DataFrame:
    """:func:`figures` for an already parsed corpus (``mentions``: its entity table, if made).

    >>> from mediakit.parsing.parsed import parse_corpus
    >>> f = figures_of(parse_corpus(cache_dir=False))
    >>> sorted(set(f.bound)) <= ["approx", "exact", "max", "min", "vague"]
    True
    """
    sents = pc.columns("sent_start", "sent_end")
    ents = mentions if mentions is not None else entities_of(pc, aliases=aliases)
    keep = ents["label"].isin((*AMOUNT_LABELS, *NOT_AMOUNT_LABELS, *GEO_LABELS))
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


def _doc_figures(
    text: str, ents: list[tuple[int, int, str, str]], ss: list[int], se: list[int]
) -> list[tuple]:
    spans = [(s, e) for s, e, _, _ in ents]
    places = [(s, e, can) for s, e, lab, can in ents if lab in GEO_LABELS]
    cands = [(s, e, lab) for s, e, lab, _ in ents if lab in AMOUNT_LABELS]
    # Numbers the model missed: digits, and "thousands of" / "dozens of".
    for rx, label in ((DIGITS, ""), (VAGUE_RE, "CARDINAL")):
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
    qualifier, s, claim_start = _qualifier(text, s, e, line_start)
    while e > s and text[e - 1] in " ,.;:":
        e -= 1
    core = text[s:e]
    if _not_an_amount(text, s, e, line_start):
        return None
    value, cur, kind = parse_number(core)
    if kind != "vague" and math.isnan(value):
        return None
    flat = " ".join(core.split())
    num = NUMBER.match(flat)
    if num and flat[num.end() : num.end() + 1] not in ("", " "):
        return None  # "9/11", "24/7", "3:30": not amounts
    if re.fullmatch(r"\d{4}", core) and 1800 <= value <= 2100:
        return None  # a year
    bound = bound_of(qualifier)
    si = max(0, bisect_right(ss, s) - 1)
    lo, hi = (ss[si], se[si]) if ss else (line_start, line_end)
    hi = max(hi, e)
    # Unit and counted phrase.
    rest_in_span = flat[num.end() :].strip() if num else ""  # "miles" in "190 miles"
    after = e
    if kind == "vague":
        vague = next(v for v in VAGUE if core.lower().startswith(v))
        of = re.match(r"\s+of\s+", text[e:hi])
        qualifier, bound = (f"{vague} of" if of else vague), "vague"
        if of:
            after = e + of.end()
        rest_in_span = ""
    unit, cs, ce = unit_and_counted(text, s, e, after, lo, hi, label, cur, kind, rest_in_span)
    counted = " ".join(text[cs:ce].split())
    about = [c for a, b, c in places if a >= cs and b <= ce and ce > cs]
    claim_end = max(e, ce)
    near = sorted(
        (place_distance(text, a, b, claim_start, claim_end), c)
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


def _qualifier(text: str, s: int, e: int, line_start: int) -> tuple[str, int, int]:
    """The hedge of the figure at text[s:e] ("up to"), where the number starts, where the claim starts."""
    claim_start = s
    m = QUAL_AT_START.match(text[s:e])  # (a pattern's ^ ignores match()'s pos argument)
    if m:
        return " ".join(m.group().split()), s + m.end(), claim_start
    m = QUAL_BEFORE.search(text[max(line_start, s - 40) : s])
    if m:
        return " ".join(m.group(1).split()), s, max(line_start, s - 40) + m.start(1)
    return "", s, claim_start


def _not_an_amount(text: str, s: int, e: int, line_start: int) -> bool:
    """Numbers that count nothing: "one", route and page numbers, times, scores, fractions."""
    core = text[s:e]
    if (
        not core
        or core.lower() in ("one", "a", "an")
        or SKIP_BEFORE.search(text[max(line_start, s - 15) : s])
    ):
        return True
    if TIME_AFTER.match(text, e) or re.match(r"-\d", text[e : e + 2]):
        return True  # "3 p.m.", a score "5-4"
    return bool(FRACTION.search(core))  # "three-quarters", "half": shares, not counts
