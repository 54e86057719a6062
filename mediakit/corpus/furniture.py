"""Remove each outlet's page furniture: lines it repeats across its different articles.

A footer ("Copyright © 2019 The Washington Times, LLC. Click here for reprint
permission."), a sign-up box or a standing credit line is in many of one outlet's
articles, on every topic. Prose is not: the same paragraph in many articles is
either a wire story reprinted by several outlets (repetition *across* outlets,
which is never counted here) or the same story filed again (which counts once).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from itertools import combinations

from ..errors import OptionError
from ..unionfind import UnionFind

__all__ = [
    "FURNITURE_MIN_ARTICLES",
    "FURNITURE_SHARE",
    "check_furniture_options",
    "cut_furniture",
    "outlet_furniture",
    "remove_furniture",
]

#: A line is furniture when it is in at least this share of an outlet's articles ...
FURNITURE_SHARE = 0.2
#: ... and in at least this many of its articles about different stories.
FURNITURE_MIN_ARTICLES = 3

# Articles sharing this many lines are one story filed twice (updates, duplicates).
_SAME_STORY_LINES = 4
# A line held by more articles than this is not looked at for same-story pairs
# (it is a footer or a one-word line, and pairing all its holders costs n^2).
_MAX_HOLDERS = 60
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")


def remove_furniture(
    texts: Sequence[str],
    outlets: Sequence[str],
    *,
    stories: Sequence[str] | None = None,
    share: float = FURNITURE_SHARE,
    min_articles: int = FURNITURE_MIN_ARTICLES,
) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    """``(text, removed)`` per article, without lines its outlet repeats across stories.

        A line is furniture when, within one outlet, it is in at least ``share`` of
        that outlet's articles and in at least ``min_articles`` of them. Lines compare
        ignoring case, spacing and digits (so a footer's year does not matter).
        Articles that are one story count once: those with the same ``stories`` value
        (when given), and those that share four or more lines (a story filed twice). A line with no letters is never
        furniture, and an article is never emptied (one that is all repeated lines
    is a duplicate, left for the user to see). ``removed`` holds ``("outlet furniture (in 9 of 10 articles)", line)``
        pairs for the ``cleaning`` column.

        >>> texts = [f"{w} resigned.\\nSign off: Daily Wire Desk" for w in ("Ames", "Bo", "Cy")]
        >>> remove_furniture(texts, ["Wire"] * 3)[0]
        ('Ames resigned.', (('outlet furniture (in 3 of 3 articles)', 'Sign off: Daily Wire Desk'),))
    """
    found = outlet_furniture(
        texts, outlets, stories=stories, share=share, min_articles=min_articles
    )
    results = []
    for text, outlet in zip(texts, outlets, strict=True):
        cut = cut_furniture(text, found[outlet]) if outlet in found else None
        results.append(cut or (text, ()))
    return results


def outlet_furniture(
    texts: Sequence[str],
    outlets: Sequence[str],
    *,
    stories: Sequence[str] | None = None,
    share: float = FURNITURE_SHARE,
    min_articles: int = FURNITURE_MIN_ARTICLES,
) -> dict[str, dict[str, str]]:
    """Each outlet's furniture, as :func:`remove_furniture` finds it: outlet -> line key ->
    why (``"outlet furniture (in 9 of 10 articles)"``); :func:`cut_furniture` removes it.

    One outlet is looked at at a time, so only its articles' lines are held;
    ``texts`` may be any sequence (such as one that makes stored strings into
    ``str`` when indexed).

    >>> texts = [f"{w} resigned.\\nSign off: Daily Wire Desk" for w in ("Ames", "Bo", "Cy")]
    >>> outlet_furniture(texts + ["Other."], ["Wire"] * 3 + ["Post"])
    {'Wire': {'sign off: daily wire desk': 'outlet furniture (in 3 of 3 articles)'}}
    """
    check_furniture_options(share, min_articles)
    if len(texts) != len(outlets) or (stories is not None and len(stories) != len(texts)):
        raise OptionError("remove_furniture needs one outlet (and story) per text.")
    by_outlet: dict[str, list[int]] = defaultdict(list)
    for i, outlet in enumerate(outlets):
        by_outlet[outlet].append(i)
    out = {}
    for outlet, rows in by_outlet.items():
        if len(rows) >= min_articles:
            found = _repeated_lines(rows, texts, stories, share, min_articles)
            if found:
                out[outlet] = found
    return out


def cut_furniture(
    text: str, found: dict[str, str]
) -> tuple[str, tuple[tuple[str, str], ...]] | None:
    """``(text, removed)`` without the lines of ``found`` (one outlet's, from
    :func:`outlet_furniture`), or None when nothing is removed.

    An article of nothing but such lines is a duplicate, left for the user to see.

    >>> cut_furniture("Ames resigned.\\nSign off: Desk 2019", {"sign off: desk 0": "footer"})
    ('Ames resigned.', (('footer', 'Sign off: Desk 2019'),))
    """
    kept, removed = [], []
    for line in text.split("\n"):
        why = found.get(_key(line))
        if why:
            removed.append((why, line.strip()))
        else:
            kept.append(line)
    if not removed or not any(line.strip() for line in kept):
        return None
    return _squeeze("\n".join(kept).strip()), tuple(removed)


def check_furniture_options(share: float, min_articles: int) -> None:
    """Raise :class:`OptionError` unless the thresholds make sense.

    >>> check_furniture_options(0.2, 3)
    """
    if isinstance(share, bool) or not isinstance(share, int | float) or not 0 < share <= 1:
        raise OptionError(
            f"furniture_share={share!r} must be a share of an outlet's articles, above 0 "
            "and at most 1 (default 0.2)."
        )
    if isinstance(min_articles, bool) or not isinstance(min_articles, int) or min_articles < 2:
        raise OptionError(
            f"furniture_min_articles={min_articles!r} must be a whole number of at least 2 "
            "(default 3): a line in a single article is never evidence of furniture."
        )


def _key(line: str) -> str:
    return _SPACES.sub(" ", _DIGITS.sub("0", line.strip().casefold()))


def _repeated_lines(rows, texts, stories, share, min_articles) -> dict[str, str]:
    """One outlet's furniture: line key -> why it is furniture."""
    keys = {
        i: {k for k in map(_key, texts[i].split("\n")) if any(c.isalpha() for c in k)} for i in rows
    }
    unit = _story_units(rows, keys, stories)
    hosts: dict[str, set] = defaultdict(set)
    for i in rows:
        for key in keys[i]:
            hosts[key].add(unit[i])
    total = len(set(unit.values()))
    return {
        key: f"outlet furniture (in {len(h)} of {total} articles)"
        for key, h in hosts.items()
        if len(h) >= min_articles and len(h) >= share * total
    }


def _story_units(rows: list[int], keys: dict[int, set], stories) -> dict[int, object]:
    """Which articles of one outlet are one story: same story id, or many lines in common.

    Two articles that share at least ``_SAME_STORY_LINES`` lines (or half the lines
    of the shorter one, at least two) are versions of one story, so their common
    prose is not counted as furniture twice.
    """
    uf = UnionFind()
    if stories is not None:
        first: dict[str, int] = {}
        for i in rows:
            if stories[i]:
                uf.union(i, first.setdefault(stories[i], i))
    shared: dict[tuple[int, int], int] = defaultdict(int)
    holders: dict[str, list[int]] = defaultdict(list)
    for i in rows:
        for key in keys[i]:
            holders[key].append(i)
    for held in holders.values():
        if 1 < len(held) <= _MAX_HOLDERS:
            for a, b in combinations(held, 2):
                shared[(a, b)] += 1
    for (a, b), n in shared.items():
        smaller = min(len(keys[a]), len(keys[b]))
        if n >= _SAME_STORY_LINES or (n >= 2 and n >= smaller / 2):
            uf.union(a, b)
    return {i: uf.find(i) for i in rows}


def _squeeze(text: str) -> str:
    return re.sub(r"\n\n\n+", "\n\n", text)
