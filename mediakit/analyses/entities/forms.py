"""Surface forms of names: the key spellings meet under, span trimming, context words.

Shared by every stage of :mod:`mediakit.analyses.entities`.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

__all__ = [
    "CALENDAR",
    "SHORT_TITLES",
    "TITLES",
    "Form",
    "Mention",
    "clean_span",
    "credit_span",
    "date_word",
    "form_key",
    "heading_spans",
    "in_spans",
]


TITLES = frozenset(
    [
        "president",
        "president-elect",
        "vice",
        "secretary",
        "secretary-general",
        "general",
        "gen",
        "sen",
        "senator",
        "rep",
        "representative",
        "gov",
        "governor",
        "mayor",
        "dr",
        "mr",
        "mrs",
        "ms",
        "miss",
        "prime",
        "minister",
        "chancellor",
        "pope",
        "king",
        "queen",
        "prince",
        "princess",
        "judge",
        "justice",
        "chief",
        "lt",
        "col",
        "adm",
        "sgt",
        "capt",
        "ambassador",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "former",
        "sheikh",
        "sir",
        "lord",
        "lady",
        "dame",
        "premier",
        "commissioner",
        "envoy",
        "leader",
        "speaker",
    ]
)


#: Abbreviated titles: never a name on their own.
SHORT_TITLES = frozenset(
    ["mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "adm", "sgt", "capt"]
)


SAID = frozenset(
    ["said", "says", "told", "added", "stated", "warned", "wrote", "remarked", "argued", "insisted"]
)


PLACE_BEFORE = frozenset(["in", "near", "across", "outside", "inside", "around"])


PLACE_AFTER = frozenset(
    ["region", "border", "oblast", "province", "city", "capital", "district", "area"]
)


PRODUCT_AFTER = frozenset(
    [
        "missile",
        "missiles",
        "system",
        "systems",
        "jet",
        "jets",
        "tank",
        "tanks",
        "rocket",
        "rockets",
        "drone",
        "drones",
        "launcher",
        "launchers",
        "aircraft",
        "fighter",
        "fighters",
        "helicopter",
        "helicopters",
        "munitions",
        "warhead",
        "warheads",
        "vehicle",
        "vehicles",
    ]
)


# "Donetsk People’s Republic" keeps its possessive; "Kyiv’s Western" does not.
POSSESSIVE_NAMES = frozenset(
    [
        "Republic",
        "Party",
        "Army",
        "Front",
        "Liberation",
        "Court",
        "Council",
        "Day",
        "Daily",
        "Assembly",
        "Congress",
        "Committee",
        "Movement",
        "Union",
        "League",
        "Guard",
    ]
)


# "State" in "Secretary of State" is part of a title, not an organisation.
OFFICE_OF = re.compile(r"\b(?:Secretary|Minister|Department|Ministry|Chief|Head|Office)\s+of\s+$")


PARTICLES = frozenset(["de", "da", "del", "der", "van", "von", "bin", "al", "la", "le", "du", "di"])


INNER_POSSESSIVE = re.compile(r"[’']s\b")


DOTTED = re.compile(r"(?:[A-Za-z]\.){2,}")


WORD = re.compile(r"[A-Za-z][A-Za-z’'\-]*")


# A prose word: whitespace (or quotes/brackets) on both sides, so URL slugs
# and handles ("donald-trump", "@barackobama") do not count.
PROSE_WORD = re.compile(r"(?:^|(?<=\s))[\"'“‘(\[]*([A-Za-z][a-z]+)[,.;:!?\"'”’)\]]*(?=\s|$)", re.M)


ACRONYM_DEF = re.compile(
    r"((?:[A-Z][\w’'\-]*\s+(?:(?:of|the|and|for)\s+)?){1,7}[A-Z][\w’'\-]*)\s*\(([A-Z][A-Za-z]{1,9})\)"
)


LINE_END_PROSE = tuple(".!?:;…\"”’')")


#: Months and weekdays: "end of May", "since June", "May 5" are dates, not people.
CALENDAR = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
DATE_BEFORE = frozenset(
    [
        "of",
        "in",
        "since",
        "by",
        "until",
        "till",
        "through",
        "from",
        "on",
        "before",
        "after",
        "during",
        "early",
        "late",
        "mid",
        "last",
        "next",
        "this",
        "each",
        "every",
        "between",
        "and",
        "or",
        "to",
    ]
)


# A photo credit: "Evan Vucci/AP", "AP Photo", "Photo: Jane Roe, Reuters", "Photograph by ...".
CREDIT_BEFORE = re.compile(
    r"(?:\b(?:photos?|photograph|image|picture|credit)s?\s*(?:by\b|:)[^.\n]{0,60}|/\s*)$",
    re.IGNORECASE,
)
CREDIT_AFTER = re.compile(r"\s*/|\s+(?:Photos?|Images)\b")
# Words of a credit or caption inside a span: "AP Photo", "Getty Obama", "AP AP Enlarge".
CREDIT_WORDS = re.compile(r"\b(?:Photos?|Getty|Enlarge|Caption|Images|Replay)\b|\bphotos?$")


# -- small text helpers -------------------------------------------------------------
@lru_cache(maxsize=1 << 17)  # a name recurs across articles: computed once per spelling
def form_key(surface: str) -> str:
    """The key under which spellings of one name meet: no accents, no case, no dots in initials.

    >>> form_key("U.S."), form_key("António Guterres"), form_key("Long-Range")
    ('us', 'antonio guterres', 'long range')
    """
    s = surface.replace("’", "'")
    s = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
    if DOTTED.fullmatch(s):
        s = s.replace(".", "")
    return re.sub(r"[\s\-]+", " ", s).strip().casefold()


def heading_spans(text: str) -> list[tuple[int, int]]:
    # Title-case lines without closing punctuation (subheadings) fool the
    # model into seeing names; their mentions come back through recovery.
    spans = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        words = stripped.split()
        if stripped and not stripped.endswith(LINE_END_PROSE) and len(words) <= 14:
            long_words = [w for w in words if len(w) > 3]
            caps = sum(1 for w in long_words if w[:1].isupper())
            if long_words and caps / len(long_words) >= 0.5:
                spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def in_spans(spans: list[tuple[int, int]], start: int) -> bool:
    i = bisect_right(spans, (start, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= start < spans[i][1]


def clean_span(text: str, start: int, end: int, label: str) -> tuple[int, int] | None:
    span = text[start:end]
    if "/" in span or "@" in span:
        return None  # photo credits ("Alex Brandon/ AP") and handles are not names
    m = INNER_POSSESSIVE.search(span)
    if m and span[m.end() :].split()[:1] not in ([w] for w in POSSESSIVE_NAMES):
        end = start + m.start()
    while end > start and text[end - 1] in " ,;:-–—\"“”’'()[]":
        end -= 1
    if end > start and text[end - 1] == "." and not DOTTED.fullmatch(text[start:end]):
        last = text[start:end].split()[-1]
        if len(last) > 3:
            end -= 1
    while start < end and text[start] in " \"“”‘’'-–—([":
        start += 1
    if text[start:end].lower().startswith("the "):
        start += 4
    if label == "PERSON":
        while True:
            words = text[start:end].split(" ")
            if len(words) > 1 and words[0].rstrip(".").lower() in TITLES and words[1][:1].isupper():
                start += len(words[0]) + 1
            else:
                break
    if end <= start or not any(ch.isupper() for ch in text[start:end]):
        return None
    return start, end


def date_word(text: str, start: int, end: int) -> bool:
    """A month or weekday used as a date ("end of May", "May 5", "5 May", "on Friday").

    >>> t = "By the end of May, Theresa May had resigned."
    >>> date_word(t, 14, 17), date_word(t, 26, 29)
    (True, False)
    """
    word = text[start:end].lower()
    if word not in CALENDAR:
        return False
    if word in WEEKDAYS:
        return True
    prev = prev_word(text, start)
    if prev in DATE_BEFORE or re.search(
        r"\b\d{1,2}(?:st|nd|rd|th)?[ \t]+$", text[max(0, start - 8) : start]
    ):
        return True
    return re.match(r"[ \t]*(?:\d|,[ \t]*\d{4})", text[end : end + 8]) is not None


def credit_span(text: str, start: int, end: int) -> bool:
    """Is the name at ``start:end`` part of a photo credit ("Evan Vucci/AP", "AP Photo")?

    >>> t = "Crowds gather. (Evan Vucci/AP) The AP reported it."
    >>> credit_span(t, 27, 29), credit_span(t, 35, 37)
    (True, False)
    """
    if CREDIT_WORDS.search(text, start, end):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    if CREDIT_BEFORE.search(text[max(line_start, start - 80) : start]):
        return True
    return CREDIT_AFTER.match(text, end) is not None


def prev_word(text: str, start: int) -> str:
    r"""The word before ``start`` (lower case, without a final full stop), or "".

    What ``re.search(r"([A-Za-z][\w.\-]*)\W*$", window)`` finds, read from the end of
    the window instead of tried at every position (it runs once per name mention).

    >>> prev_word("said Sen. Warren", 10), prev_word("U.S.-led talks", 9), prev_word("(3)", 2)
    ('sen', 'u.s.-led', '')
    """
    w = text[max(0, start - 40) : start]
    last = len(w) - 1
    while last >= 0 and not _word_char(w[last]):
        last -= 1  # the non-word characters at the end (\W*)
    if last < 0:
        return ""
    first = last
    while first > 0 and _run_char(w[first - 1]):
        first -= 1
    end = last + 1
    while end < len(w) and _run_char(w[end]):
        end += 1
    for p in range(first, last + 1):
        if "a" <= w[p] <= "z" or "A" <= w[p] <= "Z":
            return w[p:end].rstrip(".").lower()
    return ""


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _run_char(c: str) -> bool:
    return c.isalnum() or c in "_.-"


def next_words(text: str, end: int, n: int = 3) -> list[str]:
    after = text[end : end + 60].split("\n", 1)[0]
    return [w.lower() for w in WORD.findall(after)[:n]]


@dataclass(slots=True)
class Mention:
    doc: int
    start: int
    end: int
    surface: str
    key: str
    model_label: str
    source: str  # "model" or "recovered"


@dataclass
class Form:
    surfaces: Counter = field(default_factory=Counter)
    labels: Counter = field(default_factory=Counter)
    tokens: tuple[str, ...] | None = None
