"""Numbers that count nothing: years, phone and emergency numbers, names, ages, idioms, page furniture.

:func:`not_a_figure` says why the number at ``text[s:e]`` is not a figure, or
"" when it is one. Every rule is a pattern of news writing, not a list of
articles: "ground zero" and "an 800-pound gorilla" are idioms, "Park 51" and
"Apollo 11" names, "call 911" the emergency number, "Gordon Dise, 66," an age,
"three times what they spent" a ratio, "Slideshow (7 Images)" a gallery.
"""

from __future__ import annotations

import re

from .lexicon import BOUND_OF, LEADING_DETERMINERS, MONTHS, NP_STOP, TIME_NOUNS

__all__ = ["not_a_figure"]

SKIP_BEFORE = re.compile(
    r"(?:No\.|#|\b(?:[Aa]rticle|[Ss]ection|[Cc]hapter|[Pp]age|[Rr]oute|[Hh]ighway|[Ff]light|[Tt]itle|"
    r"[Dd]istrict|[Rr]oom|[Ss]uite|[Ii]nterstate|[Pp]roposition|[Aa]mendment|[Vv]ersion|[Pp]hase|"
    r"[Pp]oll|[Ww]ard|[Pp]recinct|[Gg]ate|[Pp]latform|[Ss]eason|[Ee]pisode|[Nn]umber)"
    r"|Caption(?:\s+\d+\s+of)?|\b(?:Photo|Image|Slide)\s+\d+\s+of)\s*$"  # "Hide Caption 18 of 75"
)

TIME_AFTER = re.compile(
    r"^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|GMT|BST|ET\b|EST\b|EDT\b|PT\b|PST\b|CET\b)",
    re.IGNORECASE,
)

_AGE_BEFORE = re.compile(
    r"\b(?:ages?|aged)\s+(?:of\s+|to\s+|at\s+)?(?:about\s+|around\s+)?$", re.IGNORECASE
)
_AGE_AFTER = re.compile(
    r"^(?:\s*|-)(?:years?|yrs?)(?:\s+|-)old\b|^-year-old|^\s*and\s+(?:older|over|up)\b"
)
# "those over 55", "people under 18": an age, with no noun after the number.
_AGE_GROUP = re.compile(
    r"\b(?:those|people|anyone|adults|children|kids|voters|americans|men|women|residents|workers|"
    r"seniors|patients)\s+(?:over|under|above|below|aged)\s+$",
    re.IGNORECASE,
)
# "on 9-11", "since 9/11": a date written with a hyphen.
# "At 42, Ryan is the first ...": an age opening a sentence.
_AT_AGE = re.compile(r"(?:^|[.!?\"“]\s+|\n\s*)At\s+$")
# "the top 10 unpopular list", "a top-five finish": the size of a ranking's name, no count.
_RANKING_AFTER = re.compile(
    r"^(?:\s+[\w-]+)?\s+(?:list|lists|ranking|rankings|finish|finishes|spot|spots|seed|seeds)\b",
    re.IGNORECASE,
)
# "the lower half of the ticket", "the second half": a position, no share of anything counted.
_POSITION_HALF = re.compile(
    r"\b(?:lower|upper|top|bottom|first|second|back|front|other|better|latter)\s+$", re.IGNORECASE
)
_DATE_BEFORE = re.compile(r"\b(?:on|since|after|before|until|of)\s+$", re.IGNORECASE)
_APPOSITION = re.compile(r"\b[A-Z][a-z’']+,\s$")  # "Gordon Dise, 66, died"
_GALLERY = re.compile(r"^\s*(?:Images?|Photos?|Pictures?|Slides?|Videos?)\)", re.IGNORECASE)
_RATIO_AFTER = re.compile(
    r"^\s*(?:times\s+(?:as|more|less|fewer|what|the|that|than|higher|lower|larger|bigger|greater|"
    r"faster|slower|over|likelier|likely|worse|better)\b|-?fold\b|as\s+(?:much|many|large|big|likely)\b)",
    re.IGNORECASE,
)
_SPAN_OF_TIME = re.compile(
    r"\b(?:" + "|".join(TIME_NOUNS) + r")s?\s+or\s+$"
)  # "the coming year or two"
_HYPHEN_TIME = re.compile(
    r"(?:-and-a-half[-\s]|\s+and\s+a\s+half\s+|-)(?:" + "|".join(TIME_NOUNS) + r")s?\b"
)  # "a 90-minute debate", "two-and-a-half months ago"
_FRACTION_WORD = re.compile(r"\b(?:half|halves|thirds?|quarters?|fifths?|tenths?)$", re.IGNORECASE)
_SHARE_OF_TIME = re.compile(
    r"^\s+(?:of\s+)?(?:a|an)\s+(?:century|decade|year|month|week|day|hour|minute|mile\s+away)\b",
    re.IGNORECASE,
)

#: Figures of speech that contain a number (matched around the number, lower case).
IDIOMS = re.compile(
    r"\bground zero\b|\bzero[- ](?:sum|tolerance|hour)\b|\bone in a (?:million|billion|thousand)\b|"
    r"\ba (?:million|thousand|hundred) (?:miles|times|years|ways|things|reasons|words)\b|"
    r"\b800[- ]pound gorilla\b|\b(?:two|2) cents(?:'|’)? worth\b|\bmy (?:two|2) cents\b|\bred cent\b|"
    r"\bcatch[- ]22\b|\bcloud nine\b|\bsixes and sevens\b|\bsix feet under\b|\bnine lives\b|"
    r"\bdime a dozen\b|\bforty winks\b|\bfifty[- ]fifty\b|\bhigh[- ]five\b|\bone[- ]on[- ]one\b|"
    r"\btwenty[- ]four[- ]seven\b|\b24/7\b|\bin two minds\b|\bnumber one\b|\bsecond to none\b|"
    r"\bput two and two together\b|\bten to one\b|\b100 ?(?:%|percent|per cent) (?:sure|certain|"
    r"behind|committed|confident|right|wrong|correct|satisfied|happy|convinced|clear|honest|true|"
    r"accurate|safe|effective|responsible|positive|focused|serious|supportive|on board)\b|\ba hundred (?:percent|per cent)\b|"
    r"\bat one (?:point|time)\b|\bone (?:another|day|way or another)\b"
)

_EMERGENCY = re.compile(
    r"\b(?:call(?:ed|ing|s)?|dial(?:l?ed|l?ing|s)?|ring|phoned?)\s+(?:the\s+)?$", re.IGNORECASE
)
_EMERGENCY_AFTER = re.compile(
    r"^\s*(?:call|calls|caller|callers|dispatcher|dispatchers|operator|operators|system|center|centre|"
    r"line|emergency|recording|recordings|tape|tapes)\b",
    re.IGNORECASE,
)
_CAPITALISED_BEFORE = re.compile(r"(?<![.!?:;\"“(]\s)(?<!^)\b([A-Z][A-Za-z]+)\s$")
_MONTH_BEFORE = re.compile(r"\b(?:" + "|".join(m.capitalize() for m in MONTHS) + r")\.?\s$")
_NAME_AFTER_DETERMINER = re.compile(r"\b(?:of|the|a|an|its|their|his|her|our)\s+[A-Z][A-Za-z]+\s$")
_QUALIFIER_WORDS = {w for q in BOUND_OF for w in q.lower().split()}


def not_a_figure(text: str, s: int, e: int, line_start: int, *, unit_follows: bool = False) -> str:
    """Why ``text[s:e]`` counts nothing ("year", "age", "idiom", ...), or "" if it is a figure.

    ``unit_follows`` says a currency, percent or measure goes with the number
    (a bare "zero" is emphasis, "zero percent" a figure).

    >>> t = "He said 911 and Park 51 are an 800-pound gorilla; Ann Lee, 66, paid three times what he did."
    >>> [not_a_figure(t, m.start(), m.end(), 0) for m in re.finditer(r"911|51|800|66|three", t)]
    ['emergency number', 'name', 'idiom', 'age', 'ratio']
    >>> t = "At 42, he tops the top 10 list of the lower half of the ticket."
    >>> [not_a_figure(t, m.start(), m.end(), 0) for m in re.finditer(r"42|10|half", t)]
    ['age', 'name', 'position']
    """
    core = text[s:e]
    low = core.lower()
    before = text[max(line_start, s - 40) : s]
    after = text[e : e + 40]
    if not core or low in ("one", "a", "an") or (low == "zero" and not unit_follows):
        return "not a count"
    if re.fullmatch(r"\d{4}", core) and 1800 <= int(core) <= 2100:
        return "year"
    if re.fullmatch(r"\d\d", core) and re.search(r"(?<![\w’'])[’']$", before):
        return "year"  # "in ’16", "the class of '08"
    if SKIP_BEFORE.search(before[-25:]) or re.search(r"[A-Za-z]-$", before):
        return "identifier"  # "Hide Caption 18 of 75", "phase-four", "COVID-19"
    if re.match(r"[A-Za-z]", after) and core[-1:].isdigit():
        return "identifier"  # "5G networks", "4K": a letter glued on (scales were read before)
    if re.fullmatch(r"\d{1,2}", core) and int(core) <= 31 and _MONTH_BEFORE.search(before):
        return "date"  # "after the September 11 attacks"
    if TIME_AFTER.match(after) or re.match(r"[:.]\d\d\b(?!\.\d)", after):
        return "time"
    if re.fullmatch(r"\d{1,2}", core) and after.startswith(")") and "(" not in before[-3:]:
        return "list marker"  # "an email 1) claiming ... 2) claiming"
    return _not_a_figure_context(text, s, e, core, before, after)


def _not_a_figure_context(text: str, s: int, e: int, core: str, before: str, after: str) -> str:
    """The rules that read the words around the number."""
    if _AGE_BEFORE.search(before) or _AGE_AFTER.match(after):
        return "age"
    if _APPOSITION.search(before) and after.startswith(",") and re.fullmatch(r"\d{1,3}", core):
        return "age"
    if _AGE_GROUP.search(before) and not re.match(r"\s+[a-z]", after):
        return "age"
    if _AT_AGE.search(before) and re.fullmatch(r"\d{1,3}", core) and after.startswith(","):
        return "age"
    if re.search(r"\btop[\s-]$", before, re.IGNORECASE) and _RANKING_AFTER.match(after):
        return "name"  # a ranking's name: "the top 10 unpopular list"
    if core.lower() in ("half", "halves") and _POSITION_HALF.search(before):
        return "position"
    noun_after = re.match(r"\s+([a-z]+)", after)
    no_noun = not noun_after or noun_after.group(1) in (
        "and",
        "or",
        "but",
        "when",
        "as",
        "in",
        "to",
    )
    if re.fullmatch(r"\d{1,2}-\d{1,2}", core) and _DATE_BEFORE.search(before) and no_noun:
        return "date"  # "killed on 9-11 and ..."
    window = text[max(0, s - 30) : e + 30].lower()
    if any(m.start() <= s - max(0, s - 30) < m.end() for m in IDIOMS.finditer(window)):
        return "idiom"
    if before.endswith("(") and _GALLERY.match(after):
        return "gallery counter"
    if _RATIO_AFTER.match(after):
        return "ratio"
    if _SPAN_OF_TIME.search(before) or _HYPHEN_TIME.match(after):
        return "span of time"
    if _FRACTION_WORD.search(core) and _SHARE_OF_TIME.match(after):
        return "span of time"  # "a quarter of a century", "half an hour"
    if _is_emergency_number(core, before, after):
        return "emergency number"
    if _is_name(core, before, after):
        return "name"
    return ""


def _is_emergency_number(core: str, before: str, after: str) -> bool:
    """ "Call 911", "911 calls", "dialled 999"; "911 people" is a count."""
    called = bool(_EMERGENCY.search(before) or _EMERGENCY_AFTER.match(after))
    if core != "911" and not (core in ("999", "112") and called):
        return False
    noun = re.match(r"\s+([a-z]+)\b", after)
    return called or not (noun and noun.group(1) not in NP_STOP)  # "911 people" counts people


def _is_name(core: str, before: str, after: str) -> bool:
    """A bare number right after a capitalised word inside a sentence: "Park 51", "Apollo 11"."""
    if not re.fullmatch(r"\d{1,4}", core):
        return False
    m = _CAPITALISED_BEFORE.search(before)
    if not m:
        return False
    word = m.group(1).lower()
    if word in _QUALIFIER_WORDS or word in LEADING_DETERMINERS or word in MONTHS:
        return False
    if _NAME_AFTER_DETERMINER.search(before):
        return True  # "40% of Fortune 500 companies", "the Boeing 737 jets": part of a name
    # "Republicans 52 seats": a plural noun after says the number counts something after all.
    return not re.match(r"\s+[a-z]+s\b", after)
