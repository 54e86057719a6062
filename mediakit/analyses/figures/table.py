"""``figures``: one row per number an article states about something."""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, NamedTuple

import pandas as pd

from ...parsing.parsed import ParsedCorpus, parse_corpus
from ...vocab import AMOUNT_LABELS, GEO_LABELS, NOT_AMOUNT_LABELS
from ..entities import entities_of
from ..map_articles import article_frame, map_articles, resolve_engine
from ..stories.labels import story_labels
from .counted import rate_after, unit_and_counted
from .frames import statement_frame
from .lexicon import EARLIER, VAGUE
from .notfigures import not_a_figure
from .numbers import NUMBER, parse_fraction, parse_number, parse_range
from .places import place_distance
from .qualifiers import bound_of, qualifier_after, qualifier_before
from .spans import Candidate, candidates
from .when import time_reference

COLUMNS = [
    "doc_id",
    "outlet",
    "story",
    "value",
    "range_end",
    "unit",
    "per",
    "counted",
    "qualifier",
    "bound",
    "claim",
    "when",
    "frame",
    "text",
    "start_char",
    "end_char",
    "sentence",
    "evidence",
    "label",
    "about",
    "places",
]

_FLOATS = ("value", "range_end")
_INTS = ("start_char", "end_char", "sentence")

#: Sentences longer than this (a page with no full stops) are cut around the figure.
MAX_EVIDENCE = 600
# What may follow digits without a space: a unit ("3,200km") or a hyphen compound ("480-foot").
_GLUED_UNIT = re.compile(r"(?:km|kg|mph|ft|lbs?|mm|cm|mi)\b|-[A-Za-z]")
_PLUS_INSIDE = re.compile(r"(?<=\d)\s*-?\s*plus\b(?=\s*(?:%|percent|per cent))", re.IGNORECASE)
_UNIT_AFTER = re.compile(r"\s?(?:%|percent|per cent|dollars|euros|pounds)\b", re.IGNORECASE)
_SCALE_WORD = re.compile(r"(?:hundred|thousand|million|billion|trillion|dozen)\b", re.IGNORECASE)
_BARE_SCALE = re.compile(r"(?:hundred|thousand|million|billion|trillion)", re.IGNORECASE)
_SCALE_AT_END = re.compile(r"(?:hundred|thousand|million|billion|trillion)$", re.IGNORECASE)
_FEW_BEFORE = re.compile(r"\b(?:several|a\s+few|many)\s+$", re.IGNORECASE)


# -- public API ------------------------------------------------------------------------
def figures(
    corpus: Any = None, *, aliases: Any = None, engine: str = "local", **parse_options: Any
) -> pd.DataFrame:
    """One row per numeric claim: the number, normalised, with its unit and what it counts.

    Columns: ``doc_id, outlet, story, value, range_end, unit, per, counted,
    qualifier, bound, claim, when, frame, text, start_char, end_char, sentence,
    evidence, label, about, places``. ``text`` is the figure as written
    (``text[start_char:end_char]`` of the article, qualifier excluded) and
    ``claim`` the figure as a reader meets it ("up to 12,000", "12,000 or
    more", "thousands of"); ``range_end`` the top of a range ("10,000 to
    12,000": value 10,000, range_end 12,000; NaN otherwise); ``per`` the period
    of a rate ("$600 a year": "year"); ``when`` the time the figure is about
    when its clause names one ("2017", "last year"; "earlier" for "up from");
    ``frame`` what the sentence states with it: "" for a fact, "goal" (needed,
    wanted, asked for, a threshold), "forecast" (might, expected to), "part"
    (of a larger amount beside it) or "sample" (a poll's sample size or margin
    of error), see
    :mod:`.frames`; ``story`` the corpus's ``story`` column ("" without one); ``label`` the
    entity label it came from (CARDINAL, MONEY, PERCENT, QUANTITY);
    ``sentence`` indexes :func:`mediakit.sentences` and ``evidence`` is that
    sentence; ``about`` names the places or nationalities inside the counted
    phrase ("North Korean") and ``places`` those elsewhere in the sentence,
    nearest first (both ``"; "``-separated canonical names), which
    :func:`compare_figures` uses to tell North Korean troops from Russian
    ones. See the package notes for how values, qualifiers and units are
    read. Parse options are those of :func:`mediakit.analyze`.

    ``engine="dask"`` parses and reads each article's figures on the active
    ``dask.distributed`` cluster (:func:`mediakit.analyses.map_articles.map_articles`);
    the entities (their first stage also on the cluster, see
    :func:`mediakit.entities`) and stories, which look across articles, are
    decided here first. The table is identical to a local run.

    >>> f = figures(cache_dir=False)
    >>> float(f[f.counted == "North Korean troops"].value.max())
    12000.0
    """
    pc = parse_corpus(corpus, engine=engine, **parse_options)
    return figures_of(pc, aliases=aliases)


def figures_of(
    pc: ParsedCorpus,
    aliases: Any = None,
    mentions: pd.DataFrame | None = None,
    engine: str | None = None,
) -> pd.DataFrame:
    """:func:`figures` for an already parsed corpus (``mentions``: its entity table, if made).

    ``engine`` (``"local"`` or ``"dask"``) defaults to the engine ``pc`` was parsed with.

    >>> from mediakit.parsing.parsed import parse_corpus
    >>> f = figures_of(parse_corpus(cache_dir=False))
    >>> set(f.bound) <= {"approx", "exact", "max", "min", "range", "vague"}
    True
    """
    engine = resolve_engine(engine, pc)
    ents = mentions if mentions is not None else entities_of(pc, aliases=aliases)
    keep = ents["label"].isin((*AMOUNT_LABELS, *NOT_AMOUNT_LABELS, *GEO_LABELS))
    by_doc: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    cols = ("doc_id", "start_char", "end_char", "label", "canonical")
    for d, s, e, lab, can in zip(*(ents.loc[keep, c].tolist() for c in cols), strict=True):
        by_doc[d].append((int(s), int(e), lab, can))
    ids = pc.corpus["doc_id"].astype("str").tolist()
    articles = article_frame(
        pc,
        ("sent_start", "sent_end"),
        story=story_labels(pc, mentions=ents, aliases=aliases).tolist(),
        entities=[sorted(by_doc.pop(d, ())) for d in ids],
    )
    return map_articles(articles, _article_figures, engine=engine)


_ARTICLE_COLUMNS = ("doc_id", "outlet", "story", "text", "sent_start", "sent_end", "entities")


def _article_figures(articles: pd.DataFrame) -> pd.DataFrame:
    """The :func:`figures` rows of some articles (a table made by :func:`figures_of`)."""
    rows = []
    for doc_id, outlet, story, text, ss, se, ents in zip(
        *(articles[c] for c in _ARTICLE_COLUMNS), strict=True
    ):
        if text:
            for claim in doc_figures(text, ents, ss, se):
                rows.append((doc_id, outlet, story, *claim))
    return _typed(pd.DataFrame(rows, columns=COLUMNS))


def _typed(out: pd.DataFrame) -> pd.DataFrame:
    for c in COLUMNS:
        out[c] = out[c].astype("float64" if c in _FLOATS else "int64" if c in _INTS else "str")
    return out


# -- one article ----------------------------------------------------------------------------
class Figure(NamedTuple):
    """One figure of an article: the columns of :func:`figures` from ``value`` on."""

    value: float
    range_end: float
    unit: str
    per: str
    counted: str
    qualifier: str
    bound: str
    claim: str
    when: str
    frame: str
    text: str
    start_char: int
    end_char: int
    sentence: int
    evidence: str
    label: str
    about: str
    places: str


@dataclass(frozen=True)
class _Article:
    """An article's text with what reading a figure needs: sentence and line starts, places, dates."""

    text: str
    sent_starts: list[int]
    sent_ends: list[int]
    line_starts: list[int]
    places: list[tuple[int, int, str]]
    dates: list[tuple[int, int, str]]

    def line_start(self, pos: int) -> int:
        return self.line_starts[bisect_right(self.line_starts, pos) - 1]

    def line_end(self, pos: int) -> int:
        k = bisect_right(self.line_starts, pos)
        return self.line_starts[k] - 1 if k < len(self.line_starts) else len(self.text)


def doc_figures(
    text: str, ents: list[tuple[int, int, str, str]], ss: list[int], se: list[int]
) -> list[Figure]:
    """The figures of one article, in text order (``ents``: its entity spans, sorted)."""
    art = _Article(
        text,
        ss,
        se,
        [0, *(m.end() for m in re.finditer("\n", text))],
        [(s, e, can) for s, e, lab, can in ents if lab in GEO_LABELS],
        [(s, e, text[s:e]) for s, e, lab, _ in ents if lab == "DATE"],
    )
    out = []
    for c in candidates(text, ents, AMOUNT_LABELS):
        row = _read(art, c)
        if row is not None:
            out.append(row)
    return _conversions(text, out)


def _read(art: _Article, c: Candidate) -> Figure | None:
    text = art.text
    line_start = art.line_start(c.start)
    qualifier, s, claim_start = qualifier_before(text, c.start, c.end, line_start, c.kind)
    e = c.end
    while e > s and text[e - 1] in " ,.;:":
        e -= 1
    if not_a_figure(text, s, e, line_start, unit_follows=bool(_UNIT_AFTER.match(text, e))):
        return None
    core = text[s:e]
    few = _FEW_BEFORE.search(text, max(line_start, s - 12), s)
    if few and _BARE_SCALE.fullmatch(core) and not qualifier:
        # "several thousand soldiers", "a few hundred people": a vague amount, not 1,000.
        s = claim_start = few.start()
        return _describe(art, c, s, e, s, (math.nan, math.nan, "", "vague"), "", "", e, "vague")
    plus = _PLUS_INSIDE.search(core)  # "75-plus percent"
    read = _value(_PLUS_INSIDE.sub("", core) + c.suffix, c.kind)
    if read is None:
        return None
    if qualifier.lower().startswith("a couple") and _SCALE_WORD.match(core):
        read = (read[0] * 2, *read[1:])  # "a couple hundred dollars": about 200
    post, post_end = ("plus", e) if plus else qualifier_after(text, e)
    if read[3] == "vague":
        bound = "vague"
    else:
        bound = "range" if c.kind == "range" else bound_of(qualifier, post)
    return _describe(art, c, s, e, claim_start, read, qualifier, post, post_end, bound)


def _value(core: str, kind: str) -> tuple[float, float, str, str] | None:
    """(value, range end, currency, kind) of the number as written; None if it is no number."""
    if kind == "range":
        return parse_range(core)
    share = parse_fraction(core) if kind == "share" else None
    value, cur, scale = share or parse_number(core)
    if scale != "vague" and math.isnan(value):
        return None
    flat = " ".join(core.split())
    num = NUMBER.match(flat)
    glued = flat[num.end() :] if num else ""
    if kind != "share" and glued[:1] not in ("", " ") and not _GLUED_UNIT.match(glued):
        return None  # "9/11", "24/7", "3:30", "400m" (metres): not amounts
    if kind == "share" and scale == "":
        scale = "percent"
    if not cur and scale not in ("percent", "percentage points") and "dollar" in core:
        cur = "USD"  # "a multi-million dollar centre", "a couple hundred dollars" as one span
    return value, math.nan, cur, scale


def _window(art: _Article, s: int, e: int) -> tuple[int, int, int]:
    """(sentence index, start, end) of the figure's sentence, cut around it when very long."""
    ss, se = art.sent_starts, art.sent_ends
    si = max(0, bisect_right(ss, s) - 1)
    lo, hi = (ss[si], se[si]) if ss else (art.line_start(s), art.line_end(e))
    hi = max(hi, e)
    if hi - lo > MAX_EVIDENCE:
        half = MAX_EVIDENCE // 2
        lo, hi = max(lo, s - half), min(hi, e + half)
    return si, lo, hi


def _describe(  # noqa: PLR0913
    art: _Article,
    c: Candidate,
    s: int,
    e: int,
    claim_start: int,
    read: tuple[float, float, str, str],
    qualifier: str,
    post: str,
    post_end: int,
    bound: str,
) -> Figure:
    """The figure at ``text[s:e]``: unit, what it counts, rate, time, places, its sentence."""
    text = art.text
    value, range_end, cur, kind = read
    si, lo, hi = _window(art, s, e)
    flat = " ".join(text[s:e].split())
    num = NUMBER.match(flat)
    rest_in_span = flat[num.end() :].strip() if num and c.kind != "share" else ""  # "190 miles"
    after = max(e, post_end)
    if kind == "vague":
        vague = next((v for v in VAGUE if flat.lower().startswith(v)), flat.lower())
        words = re.match(r"\s*" + r"\s+".join(map(re.escape, vague.split())), text[s:e], re.I)
        if words and re.match(r"\s+of\s", text[s + words.end() : e]):
            e = s + words.end()  # the model's span "thousands of miles": the amount is "thousands"
            flat = " ".join(text[s:e].split())
        of = re.match(r"\s+of\s+", text[e:hi])
        qualifier = f"{vague} of" if of else flat
        after, rest_in_span = (e + of.end() if of else e), ""
        # "billions in aid"; without "of", "in" or "more" a vague amount is the subject
        # ("tens of thousands liked photos" counts no photos), unless it is an
        # adjective ("a multi-million dollar centre").
        in_ = re.match(r"\s+in\s+", text[e:hi])
        if in_:
            after = e + in_.end()
        elif not (of or re.match(r"\s+more\b", text[e:hi]) or cur or _SCALE_AT_END.search(flat)):
            after = hi  # ("several thousand soldiers": the noun follows a singular scale word)
    per, rate_end = rate_after(text, after, hi)
    after = c.tail if c.tail >= 0 else rate_end
    per_noun = c.kind == "share" and bool(re.search(r"\s(?:in|out of)\s|-in-", flat))
    unit, cs, ce = unit_and_counted(
        text, s, e, after, lo, hi, c.label, cur, kind, rest_in_span, per_noun=per_noun
    )
    if not per and ce > cs:
        per = rate_after(text, ce, hi)[0]  # "5,000 people a day"
    about, near = _places(art, cs, ce, claim_start, max(e, ce), lo, hi)
    cut = bool(art.sent_starts) and lo > art.sent_starts[si]
    return Figure(
        value=value,
        range_end=range_end,
        unit=unit,
        per=per,
        counted=" ".join(text[cs:ce].split()),
        qualifier=" ".join(p for p in (qualifier, post) if p),
        bound=bound,
        claim=_claim(qualifier, post, text[s:e], bound),
        when="earlier" if qualifier.lower() in EARLIER else time_reference(art.dates, s, e, lo, hi),
        frame=statement_frame(
            text[lo:hi], min(claim_start, s) - lo, e - lo, max(e, ce) - lo, unit, unit == "people"
        ),
        text=text[s:e],
        start_char=s,
        end_char=e,
        sentence=si,
        evidence=("… " if cut else "") + " ".join(text[lo:hi].split()),
        label=c.label or ("MONEY" if cur else "PERCENT" if kind == "percent" else "CARDINAL"),
        about=about,
        places=near,
    )


def _claim(qualifier: str, post: str, text: str, bound: str) -> str:
    """The figure as a reader meets it: "up to 12,000", "12,000 or more", "thousands of"."""
    flat = " ".join(text.split())
    if bound == "vague":
        return f"{flat} of" if qualifier.endswith(" of") else flat
    return " ".join(p for p in (qualifier, flat, post) if p)


def _places(
    art: _Article, cs: int, ce: int, start: int, end: int, lo: int, hi: int
) -> tuple[str, str]:
    """Places inside the counted phrase, and the others of the sentence, nearest first."""
    starts = [p[0] for p in art.places]
    inside = art.places[bisect_left(starts, lo) : bisect_right(starts, hi)]
    about = [c for a, b, c in inside if a >= cs and b <= ce and ce > cs]
    near = sorted(
        (place_distance(art.text, a, b, start, end), c)
        for a, b, c in inside
        if b <= hi and not (a >= cs and b <= ce)
    )
    return "; ".join(dict.fromkeys(about)), "; ".join(dict.fromkeys(c for _, c in near))


def _conversions(text: str, rows: list[Figure]) -> list[Figure]:
    """ "almost 2,000 miles (3,200km)": a conversion in brackets has the hedge and thing of the first."""
    out = list(rows)
    for k in range(1, len(out)):
        prev, row = out[k - 1], out[k]
        gap = text[prev.end_char : row.start_char]
        if not re.fullmatch(r"\s*\(\s*", gap) or not text[row.end_char :].lstrip().startswith(")"):
            continue
        qualifier, bound = row.qualifier, row.bound
        if bound == "exact" and not qualifier:
            qualifier, bound = prev.qualifier, prev.bound
        out[k] = row._replace(
            counted=row.counted or prev.counted,
            qualifier=qualifier,
            bound=bound,
            claim=_claim(qualifier, "", row.text, bound),
        )
    return out
