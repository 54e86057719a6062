"""``align_quotes``: one statement of one speaker, in each outlet's words."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import pandas as pd
from rapidfuzz import fuzz

from ...errors import CorpusError
from ...unionfind import UnionFind
from ..stories.labels import group_by_story
from .cues import word_set

ALIGN_COLUMNS = [
    "group_id",
    "story",
    "speaker",
    "doc_id",
    "outlet",
    "quote",
    "similarity",
    "kind",
    "cue",
    "start_char",
    "end_char",
]


# -- alignment across outlets ------------------------------------------------------------
_STOP = word_set(
    """a an the and or but if then so as of to in on at by for with from into over under about
    this that these those it its it's is are was were be been being am do does did have has had
    will would can could should may might must shall not no nor n't don't doesn't didn't won't
    can't isn't aren't i me my we us our you your he him his she her they them their there here
    what which who whom whose when where why how all any some such than too very just also
    only own same other more most much many one up out s t ll re ve d"""
)


_TOKEN = re.compile(r"[a-z0-9][a-z0-9']*")


#: Two renderings of one statement in other words: rapidfuzz token_set_ratio at least this,
ALIGN_THRESHOLD = 75


#: at least this many shared content words (not stop words),
MIN_SHARED_WORDS = 2


#: and those shared words at least this share of the longer quote's content words.
MIN_SHARED_SHARE = 0.4


# Measured on the bundled corpus (tests/test_quotes.py): the same statement in
# other words scores 84-100 ("The missiles will speak for themselves." vs
# "Missiles don't need announcements. They'll speak for themselves" 87, 3 of 6
# content words shared; "We want peace, but a just peace" vs "We want peace, we
# want fair peace" 84, 2 of 3), while different statements of one speaker score
# 30-60. token_set_ratio alone reaches 100 whenever one quote's words are a
# subset of the other's, so on 2,000 AllSides articles a two-word scare quote
# ("witch hunt") chained dozens of unrelated Trump quotes into one group; the
# shared-word share stops that. An excerpt of a longer quote ("… a witch hunt
# that’s been going on for a long time" inside the full sentence) joins through
# partial_ratio instead: at least _EXCERPT_WORDS content words, nearly all shared.
_EXCERPT_WORDS = 4


_EXCERPT_RATIO = 90


# Words in more than this many of one speaker's quotes are too common to
# propose candidate pairs (they still count once a pair is scored).
_MAX_POSTING = 400


def _content_words(quote: str) -> set[str]:
    words = _TOKEN.findall(quote.lower().replace("’", "'"))
    out = set()
    for w in words:
        w = w.removesuffix("'s")
        if w in _STOP or len(w) < 3:
            continue
        out.add(w[:-1] if len(w) > 4 and w.endswith("s") else w)
    return out


def align_quotes(
    quotes: pd.DataFrame,
    *,
    threshold: float = ALIGN_THRESHOLD,
    min_shared_words: int = MIN_SHARED_WORDS,
    min_outlets: int = 2,
    kinds: tuple[str, ...] = ("direct", "partial", "indirect"),
    within: str | None = "auto",
) -> pd.DataFrame:
    """Group the quotes in which one speaker says the same thing, in any outlet's words.

    Quotes are compared only within a speaker (so the work grows with the
    number of quotes per speaker, not all pairs), through candidate pairs
    that share content words; a pair joins when rapidfuzz's
    ``token_set_ratio`` reaches ``threshold`` and it shares
    ``min_shared_words`` content words. Groups reaching ``min_outlets``
    outlets are returned, one row per quote: ``group_id, story, speaker,
    doc_id, outlet, quote, similarity, kind, cue, start_char, end_char``;
    ``similarity`` (0-100) compares the quote with the group's most central
    rendering. Quotes without a known speaker are left out.

    ``within="story"`` aligns quotes only inside one story (the quotes
    table's ``story`` column), so a speaker's words about one event are never
    matched with their words about another; ``"auto"`` (the default) does so
    when the quotes span several stories, ``None`` aligns across the whole
    table. ``story`` in the result is the group's story ("" when not grouped
    by story across several). A story with one outlet has nothing to align.

    >>> from mediakit import quotes
    >>> aligned = align_quotes(quotes(cache_dir=False))
    >>> "Volodymyr Zelenskyy" in set(aligned.speaker)
    True
    """
    missing = [
        c for c in ("doc_id", "outlet", "quote", "speaker", "kind") if c not in quotes.columns
    ]
    if missing:
        raise CorpusError(
            f"align_quotes needs the table from mediakit.quotes(); it lacks {missing}."
        )
    has_story = "story" in quotes.columns
    by_story = group_by_story(within, quotes["story"].astype("str") if has_story else None)
    table = quotes[
        quotes["kind"].isin(kinds) & (quotes["speaker"].astype("str") != "")
    ].reset_index(drop=True)
    # One story throughout: grouping by it changes nothing, but the result can say which.
    one_story = has_story and quotes["story"].nunique() == 1
    keep_story = by_story or one_story
    story = table["story"].astype("str") if keep_story else pd.Series("", index=table.index)
    table = table.assign(story=story)
    texts = table["quote"].astype("str").tolist()
    words = [_content_words(t) for t in texts]
    uf = UnionFind()
    for _, idx in table.groupby(["story", "speaker"], sort=False).indices.items():
        _join_statements(idx, texts, words, uf, threshold, min_shared_words)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(table)):
        groups[uf.find(i)].append(i)
    outlets = table["outlet"].astype("str").tolist()
    keep = [
        g for g in groups.values() if len(g) > 1 and len({outlets[i] for i in g}) >= min_outlets
    ]
    keep.sort(key=lambda g: (-len({outlets[i] for i in g}), str(table.at[g[0], "speaker"]), g[0]))
    rows = []
    for gid, members in enumerate(keep):
        sims = _centred_similarity([texts[i] for i in members])
        for i, sim in zip(members, sims, strict=True):
            r = table.iloc[i]
            rows.append(
                (
                    gid,
                    r["story"],
                    r["speaker"],
                    r["doc_id"],
                    r["outlet"],
                    r["quote"],
                    sim,
                    r["kind"],
                    r.get("cue", ""),
                    int(r.get("start_char", -1)),
                    int(r.get("end_char", -1)),
                )
            )
    out = pd.DataFrame(rows, columns=ALIGN_COLUMNS)
    out = out.astype(
        {"group_id": "int64", "similarity": "float64", "start_char": "int64", "end_char": "int64"}
    )
    for c in ("story", "speaker", "doc_id", "outlet", "quote", "kind", "cue"):
        out[c] = out[c].astype("str")
    return out.sort_values(
        ["group_id", "outlet", "doc_id", "start_char"], kind="stable"
    ).reset_index(drop=True)


def _join_statements(
    idx, texts: list[str], words: list[set[str]], uf: UnionFind, threshold, min_shared
) -> None:
    """Join one speaker's quotes that render one statement (candidates share content words)."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i in idx:
        for w in words[i]:
            postings[w].append(i)
    shared: Counter = Counter()
    for ids in postings.values():
        if len(ids) > _MAX_POSTING:
            continue
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                shared[(ids[x], ids[y])] += 1
    for (a, b), n in shared.items():
        if n < min_shared or uf.find(a) == uf.find(b):
            continue
        if _same_statement(texts[a], texts[b], len(words[a]), len(words[b]), n, threshold):
            uf.union(a, b)


def _same_statement(a: str, b: str, na: int, nb: int, shared: int, threshold: float) -> bool:
    """Do two quotes of one speaker render the same statement? (``na``, ``nb``: content words.)"""
    short = min(na, nb)
    if (
        shared >= MIN_SHARED_SHARE * max(na, nb)
        and fuzz.token_set_ratio(a, b, processor=_norm) >= threshold
    ):
        return True
    return (
        short >= _EXCERPT_WORDS
        and shared >= 0.8 * short
        and fuzz.partial_ratio(_norm(a), _norm(b)) >= _EXCERPT_RATIO
    )


def _norm(s: str) -> str:
    return " ".join(_TOKEN.findall(s.lower().replace("’", "'")))


def _centred_similarity(texts: list[str]) -> list[float]:
    # Similarity to the medoid (the rendering closest to all others); big groups use the first.
    if len(texts) > 200:
        ref = texts[0]
    else:
        totals = [sum(fuzz.token_set_ratio(a, b, processor=_norm) for b in texts) for a in texts]
        ref = texts[max(range(len(texts)), key=lambda i: (totals[i], -i))]
    return [round(float(fuzz.token_set_ratio(t, ref, processor=_norm)), 1) for t in texts]
