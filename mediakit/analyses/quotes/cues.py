"""The words of attribution: cue verbs, pronouns and the words a speaker phrase stops at."""

from __future__ import annotations

import re
from collections import defaultdict


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


FINITE = word_set(
    """said says say told tells added adds stated states warned warns wrote writes remarked
    remarks argued argues insisted insists explained explains noted notes asked asks replied
    replies responded responds declared declares announced announces claimed claims confirmed
    confirms acknowledged acknowledges admitted admits emphasized emphasizes emphasised
    emphasises stressed stresses urged urges tweeted tweets posted posts recalled recalls
    observed observes cautioned cautions predicted predicts vowed vows promised promises
    continued concluded concludes conceded concedes countered counters contended contends
    testified testifies joked jokes quipped quips pleaded pleads reiterated reiterates
    maintained maintains alleged alleges complained complains asserted asserts boasted boasts
    lamented laments charged demanded retorted answered agreed agrees objected protested fumed
    shouted yelled whispered mused wondered reported"""
) | word_set(  # plural subjects ("Critics warn that ..."); base forms that are
    # mostly nouns ("state", "note", "claim", "post") are left out.
    """tell add warn write remark argue insist explain reply respond declare announce confirm
    acknowledge admit emphasize emphasise urge caution predict vow promise conclude concede
    contend testify maintain allege reiterate complain assert"""
)


PARTICIPLES = word_set(
    """saying stating adding warning noting telling writing arguing insisting declaring
    explaining asking remarking emphasizing emphasising stressing urging claiming vowing
    promising acknowledging announcing tweeting posting observing cautioning predicting
    recalling replying responding continuing concluding conceding contending reiterating"""
)


# Verbs that put words in quotes into the subject's mouth without reporting a
# statement ("Trump called it a “witch hunt”"): cues for partial quotes only.
NAMING = word_set(
    """called calls calling described describes describing dubbed dubs labeled labelled labels
    termed terms branded brands"""
)


# Verbs whose object may come before "that" ("told reporters that").
OBJECT_CUES = word_set("told tells tell warned warns warn reminded assured informed urged")


# Adjuncts allowed between a cue and "that" ("said on Monday that").
THAT_ADJUNCT = word_set(
    """on in at during last this late early earlier yesterday today tonight repeatedly publicly
    previously again recently later also monday tuesday wednesday thursday friday saturday
    sunday"""
)


# Verbs that introduce reported speech without "that" ("Biden said the decision ...").
BARE_REPORT = frozenset({"said", "says"})


PERSONAL = frozenset({"he", "she"})


PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it", "you"})


# A cue right after one of these is an adjective or noun ("his stated aim", "the said").
NOT_CUE_AFTER = word_set("his her their its our my your the a an this that")


# Words allowed between a speaker and the cue ("Putin has previously warned").
AUX = word_set(
    """has have had also previously later then once again repeatedly publicly recently
    already earlier reportedly"""
)


NEGATION = frozenset({"not", "n't", "never"})


DETERMINERS = word_set("the a an some many most several other others all both")


VERBISH = word_set(
    "is are was were be been has have had will would could can did does do may might should"
)


PASSIVE = word_set("is are was were be been being")  # "is said to be"


# Where a speaker phrase cannot continue backwards.
BOUNDARY = word_set(
    """, ; : ( ) — – " “ ” while as because since although though when after before if whereas
    so but and that which who"""
)


# Where a speaker phrase after an inverted cue ("said X") stops.
AFTER_STOP = word_set(
    """in on at during after before when while to from about as ahead adding referring citing
    according who which that told speaking last this late early"""
)


MAX_SPEAKER_TOKENS = 9


# "according to a U.S. official and three individuals familiar with the matter"
MAX_SOURCE_TOKENS = 16


# Tokens that may sit inside a speaker phrase although they are not words.
PHRASE_PUNCT = frozenset({"-", "’s", "'s", "&"})


WORD = re.compile(r"[^\W\d_][\w’'\-]*")


def _alternation(words: frozenset[str]) -> str:
    # Grouped by first letter: a flat alternation of 200 words makes re try
    # every word at every position (6 s on 2,000 articles instead of 0.5 s).
    groups: dict[str, list[str]] = defaultdict(list)
    for w in sorted(words, key=lambda w: (-len(w), w)):
        groups[w[0]].append(re.escape(w[1:]))
    return "|".join(f"{k}(?:{'|'.join(v)})" for k, v in sorted(groups.items()))


# Cue verbs are written in lower case; "According" may open a sentence.
CUE_RE = re.compile(r"\b(?:[Aa]ccording to|" + _alternation(FINITE) + r")\b")
