"""Outlet names that differ only in case or spacing are one outlet.

"Wire", "wire " and " WIRE" in one corpus are one outlet typed three ways;
left apart they would be compared with each other. Each group takes its most
common spelling (the first seen on a tie), and a note lists every merge.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

__all__ = ["merge_outlet_spellings", "outlet_key", "tidy_outlet"]

_SPACE = re.compile(r"\s+")
_CONTROL = re.compile("[\x00-\x1f\x7f]")


def tidy_outlet(name: str) -> str:
    """Spaces collapsed and trimmed, control characters removed.

    >>> tidy_outlet("  New\\u00a0 York\\tTimes\\x00 ")
    'New York Times'
    """
    return _SPACE.sub(" ", _CONTROL.sub(" ", name)).strip()


def outlet_key(name: str) -> str:
    """What two spellings of one outlet share: NFKC form, spacing and case ignored.

    >>> outlet_key(" WIRE ") == outlet_key("Wire") == outlet_key("wire")
    True
    """
    return unicodedata.normalize("NFKC", tidy_outlet(name)).casefold()


def merge_outlet_spellings(outlets: Sequence[str], notes: list[str]) -> list[str]:
    """``outlets`` with one spelling per outlet; a note in ``notes`` lists the merges.

    >>> notes = []
    >>> merge_outlet_spellings(["Wire", "wire ", " WIRE", "Wire", "Daily"], notes)
    ['Wire', 'Wire', 'Wire', 'Wire', 'Daily']
    >>> print(notes[0])
    Outlet names that differ only in case or spacing were merged: 'wire', 'WIRE' -> 'Wire'. If some are different outlets, give them names that differ in more than case or spacing.
    """
    tidy = [tidy_outlet(o) for o in outlets]
    spellings: dict[str, Counter] = {}
    for name in tidy:
        spellings.setdefault(outlet_key(name), Counter())[name] += 1
    # most_common keeps first-seen order among equal counts.
    chosen = {key: counts.most_common(1)[0][0] for key, counts in spellings.items()}
    merges = [
        f"{', '.join(repr(s) for s in counts if s != chosen[key])} -> {chosen[key]!r}"
        for key, counts in spellings.items()
        if len(counts) > 1
    ]
    if merges:
        notes.append(
            "Outlet names that differ only in case or spacing were merged: "
            f"{'; '.join(merges)}. If some are different outlets, give them names that "
            "differ in more than case or spacing."
        )
    return [chosen[outlet_key(name)] for name in tidy]
