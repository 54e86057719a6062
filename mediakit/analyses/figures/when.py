"""The time a figure is about, when its clause names one: "in 2017", "last year", "over the next decade"."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

__all__ = ["time_reference"]

#: How far from the figure a date still belongs to it (characters, within its sentence).
REACH = 60

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# A named period: "last year", "this month", "the next decade", "over 10 years"; not "for years".
_PERIOD = re.compile(
    r"\b(?:last|this|next|past|coming|previous|current|fiscal|first|second|third|fourth|\d+|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|a)\s+(?:years?|months?|weeks?|decades?|quarters?|century)\b",
    re.IGNORECASE,
)


def time_reference(dates: list[tuple[int, int, str]], s: int, e: int, lo: int, hi: int) -> str:
    """The nearest date phrase around the figure at ``s:e`` that names a year or a period, normalised.

    ``dates`` are the article's DATE spans ``(start, end, text)``, sorted;
    weekdays and "today" say when something was reported, not what the
    figure is about, and are left out. Years come out as "2017" or
    "2013-2022", other phrases in lower case ("last year").

    >>> time_reference([(0, 7, "In 2009"), (30, 45, "from 2013 to 2022")], 20, 28, 0, 60)
    '2013-2022'
    >>> time_reference([(40, 48, "Tuesday")], 10, 20, 0, 60)
    ''
    """
    starts = [d[0] for d in dates]
    reach = dates[
        bisect_left(starts, max(lo, s - REACH)) : bisect_right(starts, min(hi, e + REACH))
    ]
    best = None
    for a, b, phrase in reach:
        if b > hi or a < lo or not (_YEAR.search(phrase) or _PERIOD.search(phrase)):
            continue
        distance = s - b if b <= s else a - e
        if distance < 0 or distance > REACH:
            continue
        if best is None or distance < best[0]:
            best = (distance, phrase)
    if best is None:
        return ""
    years = _YEAR.findall(best[1])
    return "-".join(dict.fromkeys(years)) if years else " ".join(best[1].lower().split())
