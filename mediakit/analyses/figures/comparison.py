"""``compare_figures``: the outlets' figures about the same thing, grouped, and where they disagree."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

import pandas as pd

from ...errors import CorpusError
from ...unionfind import UnionFind
from ..entities import form_key
from .counted import head_word
from .lexicon import CONTEXT_STOP, DEMONYMS, HEAD_CLASS, MEASURES

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


# -- comparing outlets -------------------------------------------------------------------
def _place_key(name: str) -> str:
    """One key for a country and its people: "North Korean"/"North Korea", "Russian"/"Russia".

    >>> _place_key("North Korean") == _place_key("North Korea"), _place_key("Iranian") == _place_key("Iraq")
    (True, False)
    """
    key = form_key(name)
    key = DEMONYMS.get(key, key)
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
    if unit in ("troops", "people") or unit in MEASURES.values():
        return unit
    head = head_word(counted)
    if not head:
        return ""
    head = head.replace("’", "'")
    cls = HEAD_CLASS.get(head)
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

    >>> from mediakit import figures
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
    return frozenset(w[:6] for w in words if w not in CONTEXT_STOP and len(w) > 2)


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
    uf = UnionFind()
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
        uf.union(a, b)
    return {i: uf.find(i) for i in ids}


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
    summaries = [_summary(table, members, outlets) for members in kept]
    summaries.sort(key=lambda s: s[:3])
    rows = []
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
    return _typed(pd.DataFrame(rows, columns=COMPARE_COLUMNS))


def _summary(table: pd.DataFrame, members: list[int], outlets: list[str]) -> tuple:
    """One group: its sort key, label, claims as written, whether it disagrees, values side by side."""
    sub = table.iloc[members]
    claims = [
        _claim(q, t, b) for q, t, b in zip(sub["qualifier"], sub["text"], sub["bound"], strict=True)
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
    return (not disagree, -len(set(sub["outlet"])), label, members, claims, disagree, side)


def _typed(out: pd.DataFrame) -> pd.DataFrame:
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
