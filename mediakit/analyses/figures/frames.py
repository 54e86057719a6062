"""``statement_frame``: whether a figure states a fact, or a goal, a forecast, a part or a poll's sample.

Two outlets' figures contradict each other only when both state what is. A
figure of what someone needs, wants or asks for ("the 1,237 delegates needed",
"a request for $5.7 billion", "a 60-vote bar"), of what might be ("a
best-case scenario might give them 52 seats", "expected to reach 20 inches"),
a part of a larger amount ("eight of the most competitive states", "Of the
$500 billion ..., $454 billion", "the remaining 13 delegates", "including 10
civilians") or a poll's method ("a sample of 1,002 adults", "a margin of error
of 3 points", which differ from poll to poll) is another quantity than the fact it sits beside.
"""

from __future__ import annotations

import re

__all__ = ["FRAMES", "statement_frame"]

#: The frames, and what each means in a table a reader sees.
FRAMES = {
    "": "a fact stated",
    "goal": "what is needed, wanted, asked for, or a threshold",
    "forecast": "what might, could or is expected to be",
    "part": "a part of a larger amount named beside it",
    "change": "a change or a gap between two amounts (up, down, ahead by, short of)",
    "sample": "a poll's method: its sample size or margin of error",
}

_GOAL_BEFORE = re.compile(
    r"\b(?:needs?|needed|needing|hop(?:e|es|ed|ing)(?:\s+for)?|wants?|wanted|seek(?:s|ing)?|sought"
    r"|requests?|requested|request(?:ing)?\s+for|demand(?:s|ed|ing)?|requir(?:e|es|ed|ing)"
    r"|aim(?:s|ed|ing)?|goal|must|it\s+takes|would\s+take|asked\s+for"
    r"|ask(?:s|ing)?\s+for|propos(?:e|es|ed|ing|al)|cap(?:s|ped)?(?:\s+\w+){0,5}\s+at"
    r"|limit(?:s|ed)?\s+to)\b[^.;:!?]*$",
    re.I,
)
#: Modal words frame the figure only close before it; a forecast's nouns anywhere in its clause.
_FORECAST_NEAR = re.compile(r"\b(?:might|could|if|unless)\b[^.;:!?]*$", re.I)
_FORECAST_CLAUSE = re.compile(
    r"\b(?:scenario|expect(?:s|ed)?\s+to|projected|forecasts?|forecasted|predict(?:s|ed)?)\b"
    r"[^.;:!?]*$",
    re.I,
)
_CHANGE_BEFORE = re.compile(
    r"(?:(?:^|[,;(]\s*|\b(?:is|are|was|were|been|be|now|still)\s+)(?:up|down)"
    r"|\b(?:ahead|behind|trail(?:s|ed|ing)?)(?:\s+by)?"
    r"|\b(?:rose|fell|grew|dropped|climbed|declined|increased|decreased|jumped|shrank|cut|gained"
    r"|lost|widened|narrowed|rise|fall|growth|drop|increase|decrease|gain|loss|lead|leads|led"
    r"|won|wins|beat|beats|off)\s+(?:of\s+)?by|\bmargin\s+of)\s*$",
    re.I,
)
_CHANGE_AFTER = re.compile(r"^(?:\s+[\w-]+){0,2}?\s+(?:short|shy)\s+of\b", re.I)
_GOAL_AFTER = re.compile(
    r"^[\s\w'’-]{0,25}?(?<!\bto\s)\b(?:needed|required|needs|need|bar|threshold|target|goal"
    r"|cap|limit|benchmark|proposal|request|offer|bid|hopes?|hoped|wants?|wanted|seeks?|sought"
    r"|at\s+stake|up\s+for\s+grabs|on\s+the\s+line)\b",
    re.I,
)
#: "eight of the most competitive states": a part (shares, "42% of all deaths", are not).
_PARTITIVE_AFTER = re.compile(r"^\s+of\s+(?:the|those|these|its|their|his|her|our|all)\b", re.I)
_PART_BEFORE = re.compile(
    r"(?:\b(?:including|includes|included|among\s+them|among\s+whom|of\s+whom|of\s+which"
    r"|of\s+them|remaining|rest\s+of\s+the)\s*)$",
    re.I,
)
#: "Of the $500 billion in spending ..., $454 billion is meant for": a part of the first sum.
_OF_THE_WHOLE = re.compile(r"^\W*Of\s+(?:the|those|these|that|its|their)\b[^,]*\d[^,]*,", re.I)
_POLL = re.compile(r"\b(?:poll|polls|polled|survey|surveyed)\b", re.I)
_SAMPLE = re.compile(
    r"\b(?:sample|samples|interviewed|surveyed|polled|conducted|respondents|margin\s+of\s+(?:sampling\s+)?error)\b",
    re.I,
)
_SHARE_UNITS = ("percent", "percentage points")
_DEFINITE = re.compile(r"\b(?:the|these|those|all|its|their|his|her|our|your)\s+$", re.I)
_ERROR_MARGIN = re.compile(r"\bmargin\s+of\s+(?:sampling\s+)?error\b|\berror\s+margin\b", re.I)


#: A clause ends at a comma, dash or bracket, unless a participle carries it on (", giving them").
_CLAUSE_BREAK = re.compile(
    r"(?:[,;:(\u2014\u2013]|\s-\s)(?!\s*\w+ing\b)\s*"
    r"|\b(?:which|who|whom|where|while|but|because|although)\s+",
    re.I,
)


def _clause(before: str) -> str:
    """The end of ``before`` that is in the figure's own clause.

    >>> _clause("Now when you need it, Obama has cut ")
    'Obama has cut '
    >>> _clause("might be a gain, giving them ")
    'might be a gain, giving them '
    >>> _clause("They do not expect to contain the blaze - which has razed ")
    'has razed '
    """
    breaks = list(_CLAUSE_BREAK.finditer(before))
    return before[breaks[-1].end() :] if breaks else before


def _sample_sentence(sentence: str) -> bool:
    """A sentence on how a poll was made: a poll word and, elsewhere, a word of method."""
    polls = {m.start() for m in _POLL.finditer(sentence)}
    return bool(polls) and any(m.start() not in polls for m in _SAMPLE.finditer(sentence))


#: How many words before a figure can hold the verb that frames it.
_WORDS_BEFORE = 8


def statement_frame(  # noqa: PLR0913
    sentence: str,
    start: int,
    end: int,
    counted_end: int | None = None,
    unit: str = "",
    people: bool = False,
) -> str:
    """What the figure at ``sentence[start:end]`` states: one of :data:`FRAMES`.

    ``start`` is where the claim begins (its qualifier included), ``end``
    where the number ends and ``counted_end`` where its counted phrase ends
    (default ``end``); ``people`` says the figure counts people (a poll's
    sample is a count of people).

    >>> s = "He still needs 500 delegates, and won 13 of the 20 districts."
    >>> statement_frame(s, 15, 18, 28), statement_frame(s, 38, 40, 60)
    ('goal', 'part')
    >>> statement_frame("The fire has razed 145,000 acres.", 19, 26, 32)
    ''
    """
    before = sentence[:start]
    words = list(re.finditer(r"\S+", before))
    near = before[words[-_WORDS_BEFORE].start() :] if len(words) >= _WORDS_BEFORE else before
    near = _clause(near)
    after = sentence[max(end, counted_end or end) :]
    if unit not in _SHARE_UNITS:
        if _PART_BEFORE.search(before) or _PARTITIVE_AFTER.match(sentence[end:]):
            return "part"
        whole = _OF_THE_WHOLE.match(sentence)
        if whole and whole.end() <= start:
            return "part"
    if _CHANGE_BEFORE.search(before) or _CHANGE_AFTER.match(after):
        return "change"
    # "the two working teams", "these two races": things that exist, whatever is hoped of them.
    named = _DEFINITE.search(before) is not None
    if (_GOAL_BEFORE.search(near) and not named) or _GOAL_AFTER.match(after):
        return "goal"
    # The whole clause: "a best-case scenario might be ..., giving them 52".
    forecast = _FORECAST_NEAR.search(near) or _FORECAST_CLAUSE.search(_clause(before))
    if forecast and not named:
        return "forecast"
    if people and unit not in _SHARE_UNITS and _sample_sentence(sentence):
        return "sample"
    if _ERROR_MARGIN.search(sentence[max(0, start - 45) : end + 25]):
        return "sample"  # "a margin of error of plus or minus 3 points", "a 3.5-point error margin"
    return ""
