"""What a figure counts and in which unit: the noun phrase after it, or what a sum pays for.

The parse has no part-of-speech tags (only entities and sentences), so the
phrase is read with word lists and the shape of words: it ends at a stop word,
a verb, a number, an "-ing" or "-ed" word that starts a clause, or after a
plural noun followed by a word that cannot continue it ("two remedies require").
"""

from __future__ import annotations

import re

from .lexicon import (
    AFTER_PLURAL,
    AMOUNT_NOUNS,
    CURRENCY_WORDS,
    DETERMINERS,
    ING_NOUNS,
    IRREGULAR_PLURALS,
    LEADING_DETERMINERS,
    MEASURES,
    MONEY_NOUNS,
    MONEY_VERBS,
    MONTHS,
    NOUN_LY,
    NP_END,
    NP_STOP,
    PEOPLE,
    POST_MODIFIERS,
    PRONOUNS,
    RATE_WORDS,
    SCALES,
    TIME_NOUNS,
    TROOPS,
    VERB_STOP,
    WEEKDAYS,
    WORDS,
)

__all__ = ["head_word", "rate_after", "unit_and_counted"]

_NP_WORD = re.compile(r"[\s\"“”‘]*#?([A-Za-z][\w’'.\-]*)")
_PARENTHESIS = re.compile(r"\s*\([^()\n]{1,40}\)")
_MONEY_NOUN = re.compile(r"\b(" + "|".join(sorted(MONEY_NOUNS, key=len, reverse=True)) + r")\b")
_APPOSITIVE = re.compile(
    r"\s*(?:which\s+)?(?:totall?ing|totall?ed|totals|worth|amounting\s+to|valued\s+at|estimated\s+at|"
    r"costing|at)\s+(?:[a-z]+\s+){0,3}",
    re.IGNORECASE,
)
_DETERMINER_AFTER = re.compile(
    r"\s+(?:the|a|an|one|his|her|its|their|our|my|your|them|us|him|me)\b|\s+\w+[’']s\b"
)
_DESCRIBING = {"old", "long", "high", "deep", "wide", "tall"}
_TIME_MODIFIERS = {"the", "a", "first", "second", "third", "last", "next", "this", "that", "same"}
_NAME_NUMBER = re.compile(r"\s+(\d{1,4})(?=\s+[a-z])")
_ACRONYM = re.compile(r"\s*\([A-Z][A-Za-z&.]{1,7}\)(?=\s+[a-z])")
# "a request for another $6.7 billion": the sum is what a noun is for, not what it pays for.
_FOR_BEFORE = re.compile(
    r"\b(?:a|an|the)\s+[a-z]+\s+for\s+(?:(?:another|an additional|about|nearly|more than|over|"
    r"up to|at least)\s+)?$"
)
_PRONOUN_BEFORE = re.compile(r"\b(?:you|we|us|they|them)\s+$", re.IGNORECASE)
# Only a hedge between a word and the sum after it: "spending nearly $5m", "spending $5m".
_QUALIFIERS_ONLY = re.compile(
    r"\s*(?:(?:about|nearly|almost|around|roughly|some|more than|over|up to|at least|another|"
    r"an additional|just|only|less than|close to)\s+)*"
)
_NUMBER_WORD = re.compile(r"\d|(?:{})$".format("|".join(WORDS)), re.IGNORECASE)


def _plural(word: str) -> bool:
    low = word.lower()
    if low.endswith(("’s", "'s", "us", "is", "ss")):
        return False  # a possessive, "virus", "crisis", "class": no plurals
    return low in IRREGULAR_PLURALS or (
        low.endswith("s") and not low.endswith("ss") and len(low) > 3
    )


def _stops(word: str, low: str, n: int, nxt: str, prev: str = "") -> bool:
    """Whether ``word`` (the ``n``-th of the phrase, ``nxt`` after it, ``prev`` before) ends the phrase."""
    prev_plural = prev.islower() and _plural(prev)
    stop = word.islower() and (low in NP_STOP or low in NP_END or low in VERB_STOP)
    if stop or _NUMBER_WORD.match(low):  # a capitalised "North" or "Out" belongs to a name
        if n == 0 and low in _DESCRIBING and nxt.islower() and nxt not in NP_STOP:
            return False  # "four old white guys", "five long years": it describes the noun
        return not (
            n == 0 and low in ("more", "fewer", "additional", "such") and nxt.lower() != "than"
        )
    if word.islower() and low.endswith("ing") and low not in ING_NOUNS:
        # "competing wings", "TV advertising blitz": first, or after an acronym, and before a
        # noun, an "-ing" word describes it; after a noun ("piece providing") it starts a clause.
        describes = n == 0 or (prev.isupper() and len(prev) <= 4) or prev.endswith(("’s", "'s"))
        return not (describes and nxt.islower() and nxt.lower() not in NP_STOP)
    # "troops deployed": after a plural or before no noun, an "-ed" word starts a clause;
    # "Latino registered voters": before a noun it describes it.
    if word.islower() and low.endswith("ed") and n > 0:
        return prev_plural or not (nxt.islower() and nxt.lower() not in NP_STOP | VERB_STOP)
    # "$5 million earmarked for": a participle with its preposition, no noun.
    return word.islower() and low.endswith("ed") and nxt.lower() in NP_STOP


def _np(text: str, pos: int, end: int, max_words: int = 5) -> tuple[int, int]:
    """Offsets of the noun phrase starting at ``pos`` ("North Korean troops"), or (pos, pos)."""
    words: list[tuple[int, int, str]] = []
    while sum(not _in_name(words, k) for k in range(len(words))) < max_words:
        m = _NP_WORD.match(text, pos, end)
        named = _NAME_NUMBER.match(text, pos, end) if words and words[-1][2][:1].isupper() else None
        if not m and named:  # "40% of Fortune 500 companies": the number belongs to the name
            words.append((named.start(1), named.end(1), named.group(1)))
            pos = named.end()
            continue
        if not m:
            break
        word = m.group(1).rstrip(".") if m.group(1).count(".") == 1 else m.group(1)
        if word.endswith("’") and "‘" in text[pos : m.start(1)]:
            word = word[:-1]  # "3 ‘UFO’ videos": the closing quote mark is not part of the word
        low = word.lower()
        if not words and low in LEADING_DETERMINERS:
            pos = m.end()  # "40% of the funds": the phrase is "funds"
            continue
        nxt = _NP_WORD.match(text, m.end(), end)
        if not words and _adverb_before_participle(word, nxt.group(1) if nxt else ""):
            pos = m.end()  # "three previously leaked videos", "two critically wounded": an adverb
            continue
        prev = words[-1][2] if words else ""
        if prev.islower() and word[:1].isupper() and not _modified_name(text, m.start(1), end):
            break  # "three term Texas Governor Rick Perry": a name after the noun starts anew
        if _stops(word, low, len(words), nxt.group(1) if nxt else "", prev):
            break
        if words and _ends_after_plural(words[-1][2], word):
            break
        if low in ("more", "fewer", "additional", "such") and not words:
            pos = m.end()  # "eight more victims", "a dozen such trailers": the phrase is the noun
            continue
        words.append((m.start(1), m.start(1) + len(word), word))
        pos = m.end()
        acronym = _ACRONYM.match(text, pos, end) if word[:1].isupper() else None
        if acronym:
            pos = acronym.end()  # "a Small Business Administration (SBA) program": the noun follows
        if low in POST_MODIFIERS and not (
            nxt and (nxt.group(1)[:1].isupper() or _plural(nxt.group(1)))
        ):
            break  # "eight dead", "70,000 dead year-in and year-out"; but "dead Americans"
        coordinated = _coordinated(text, pos, end, words)
        if coordinated:
            words.append(coordinated)
            break
    if words and words[-1][2].endswith(("’s", "'s", "s’", "s'")):
        return (pos, pos)  # "one-tenth of the Empire State's": the thing counted is left out
    while words and _weak_head(words[-1][2]):
        words.pop()
    return (words[0][0], words[-1][1]) if words else (pos, pos)


def _adverb_before_participle(word: str, nxt: str) -> bool:
    """ "previously leaked", "newly elected": an "-ly" adverb; "elderly Americans" is no adverb."""
    return word.islower() and word.endswith("ly") and bool(re.fullmatch(r"[a-z]+(?:ed|en)", nxt))


def _modified_name(text: str, pos: int, end: int) -> bool:
    """Whether the capitalised words at ``pos`` are a counted noun after an adjective.

    "elderly Americans", "longtime Republican strategists": the run of capitals
    ends in a plural or is followed by a lower-case noun; "three term Texas
    Governor Rick Perry": it is a name of its own.
    """
    m = re.match(r"((?:[A-Z][\w’'.\-]*\s*)+)(?:([a-z][\w\-]*))?", text[pos:end])
    if not m:
        return False
    last = m.group(1).split()[-1]
    follower = m.group(2) or ""
    noun = follower and not follower.endswith(("ed", "ing")) and follower not in NP_STOP | VERB_STOP
    return _plural(last) or bool(noun)  # "the amount Congress ended up": a clause


def _in_name(words: list[tuple[int, int, str]], k: int) -> bool:
    """Whether word ``k`` continues a run of capitalised words: a name counts as one word."""
    return k > 0 and words[k][2][:1].isupper() and words[k - 1][2][:1].isupper()


def _ends_after_plural(prev: str, word: str) -> bool:
    """ "two remedies require": a plural noun, then a lower-case word that cannot continue it."""
    plural = _plural(prev) and not (prev[:1].isupper() and not prev.endswith("s"))
    # "agents focus on": "focus", "status", "crisis" end in "s" and are no plurals
    return plural and word.islower() and not _plural(word) and word not in AFTER_PLURAL


def _coordinated(text: str, pos: int, end: int, words: list) -> tuple[int, int, str] | None:
    """ "4,300 Wal-Mart and Sam's Club stores", "five past and present senators": modifiers
    joined by "and" before the counted noun (not nouns: "homes and other buildings")."""
    if any(_plural(w) for _, _, w in words):
        return None
    m = re.match(r"\s+(?:and|or)\s+(?:[\w’'.\-]+\s+){1,3}?([a-z]+s)\b", text[pos:end])
    if not m or any(w.lower() in NP_STOP | VERB_STOP for w in m.group().split()[1:-1]):
        return None
    return (pos + m.start(1), pos + m.end(1), m.group(1))


def _weak_head(word: str) -> bool:
    """Words that cannot end a counted phrase: an adverb, a clause's "-ing", a bare possessive."""
    low = word.lower()
    if word.islower() and low.endswith("ly") and low not in NOUN_LY:
        return True
    return word.islower() and low.endswith("ing") and low not in ING_NOUNS


def head_word(phrase: str) -> str:
    """The noun a counted phrase is about: "North Korean troops" -> "troops", "people killed" -> "people"."""
    words = phrase.lower().split()
    if len(words) > 1 and words[-1] in POST_MODIFIERS:
        return words[-2]
    return words[-1] if words else ""


def rate_after(text: str, pos: int, hi: int) -> tuple[str, int]:
    """ "a year", "per month", "annually" after a figure: the rate's period and where it ends.

    >>> rate_after("$600 a year on drugs", 4, 20)
    ('year', 11)
    """
    m = re.match(
        r"\s*(?:a|an|per|each|every)\s+(year|month|week|day|hour|capita|person|head)\b"
        r"|\s*(annually|yearly|monthly|weekly|daily|hourly)\b",
        text[pos:hi],
    )
    if not m:
        return "", pos
    per = m.group(1) or RATE_WORDS[m.group(2)]
    return ("person" if per in ("capita", "head") else per), pos + m.end()


def _time_phrase(phrase: str) -> bool:
    """ "July", "the first time", "recent weeks": a time, not a thing a sum pays for."""
    head = head_word(phrase).lower()
    words = phrase.lower().split()
    if head in ("time", "times") and any(w not in _TIME_MODIFIERS for w in words[:-1]):
        return False  # "broadcast television time": air time, bought like any other thing
    return (
        head in MONTHS
        or head in WEEKDAYS
        or head.rstrip("s") in TIME_NOUNS
        or head in ("time", "times", "period")
    )


def _compound(text: str, start: int, lo: int) -> bool:
    """Whether the figure at ``start`` modifies the noun after it: "a $5m deal", "Obama's $716bn raid"."""
    words = re.findall(r"[\w’'.\-]+|[^\w\s\"“”]", text[max(lo, start - 60) : start])
    for w in reversed(words[-4:]):
        low = w.lower()
        if low in DETERMINERS or w.endswith(("’s", "'s")):
            return True
        if (
            not re.fullmatch(r"[a-z][a-z\-]+|[A-Z][\w.\-]*", w)
            or low in NP_STOP
            or low in VERB_STOP
        ):
            return False
        if low in MONEY_VERBS:
            return False
    return False


def _noun_of_before(text: str, start: int, lo: int) -> tuple[int, int] | None:
    """ "income of $370,412", "an approval rating of 45%": the noun the amount is of."""
    m = re.search(r"\b((?:[a-z\-]+\s+)?([a-z]+))\s+of\s+$", text[max(lo, start - 40) : start])
    if not m or m.group(2) not in AMOUNT_NOUNS:
        return None
    base = max(lo, start - 40)
    first = m.group(1).split()[0]
    a = base + (m.start(1) if first not in NP_STOP and first not in DETERMINERS else m.start(2))
    return a, base + m.end(2)


def _after_parenthesis(text: str, pos: int, hi: int) -> int:
    m = _PARENTHESIS.match(text, pos, hi)  # "$110bn (£83bn) in weapons": skip the conversion
    return m.end() if m else pos


def _money_counted(text: str, s: int, e: int, lo: int, hi: int) -> tuple[int, int]:
    """What a sum pays for: "in security assistance" after it, a "$5m deal", "continued aid" before it."""
    e = _after_parenthesis(text, e, hi)
    m = re.match(r"\s+(?:in|of|for|worth of)(?:\s+(?:new|additional|further))?\s+", text[e:hi])
    if m:
        a, b = _np(text, e + m.end(), hi)
        if b > a and not _time_phrase(text[a:b]):  # "$75 million in July", "for the first time"
            return a, b
    a, b = _np(text, e, hi)
    if b > a and (_compound(text, s, lo) or head_word(text[a:b]) in MONEY_NOUNS):
        return a, b
    noun = _noun_of_before(text, s, lo)
    if noun:
        return noun
    if _FOR_BEFORE.search(text, max(lo, s - 40), s):
        return e, e
    return _money_noun_before(text, s, lo, e)


def _money_noun_before(text: str, s: int, lo: int, e: int) -> tuple[int, int]:
    """The nearest money noun before the sum in its clause ("continued aid of more than $56.2 billion").

    A noun followed by a determiner is a verb ("could cost the retailer billions");
    one followed by another noun takes it ("the debt limit by $2 trillion").
    """
    start = clause = max(lo, s - 80)
    for m in re.finditer(
        r"[,;:()]|--|—|\s–\s|\b(?:that|which|who|will|would|could|can|may|might|must)\b",
        text[start:s],
    ):
        # "continued aid, totaling more than $56.2 billion": an appositive keeps its noun.
        # "the bill that will add another $310 billion": a relative clause starts anew.
        if not (m.group() == "," and _APPOSITIVE.fullmatch(text, start + m.end(), s)):
            clause = start + m.end()
    before = text[clause:s]
    found = [
        m for m in _MONEY_NOUN.finditer(before) if not _DETERMINER_AFTER.match(before, m.end())
    ]
    if not found:
        return e, e
    m = found[-1]
    verb = m.group().endswith("ing") or m.group() in MONEY_VERBS
    if verb and _QUALIFIERS_ONLY.fullmatch(before, m.end()):
        return e, e  # "committed to spending $50 million", "it cost $5": a verb and its object
    noun_start, noun_end = clause + m.start(), clause + m.end()
    nxt = re.match(r"\s+([a-z]+)\b", text[noun_end:s])
    if (
        nxt
        and not {nxt.group(1)} & (NP_STOP | VERB_STOP | MONEY_VERBS)
        and not nxt.group(1).endswith(("ing", "ed"))
    ):
        noun_end += nxt.end()
    # Take up to two modifiers before the noun, stopping at a possessive, stop word or number.
    words = list(
        re.finditer(r"[A-Za-z][\w\-]*(?:[’']s)?", text[max(clause, noun_start - 40) : noun_start])
    )
    start = noun_start
    for w in reversed(words[-2:]):
        token = w.group()
        low = token.lower()
        if (
            low in NP_STOP
            or token.endswith(("’s", "'s"))
            or token[:1].isupper()
            or _NUMBER_WORD.match(low)
            or low in SCALES
        ):
            break
        start = max(clause, noun_start - 40) + w.start()
    return start, noun_end


def _share_counted(
    text: str, s: int, after: int, lo: int, hi: int, direct: bool
) -> tuple[int, int]:
    """What a percentage is a share of: "of the funds", "a 22 percent cut", "a rating of 45%".

    ``direct``: a share written "one in five" counts the noun right after it ("voters").
    """
    pos = _after_parenthesis(text, after, hi)
    of = re.match(r"\s+of\s+", text[pos:hi])
    if of:
        a, b = _np(text, pos + of.end(), hi)
        return (a, b) if text[a:b].lower() not in PRONOUNS else (pos, pos)
    if direct or _compound(text, s, lo):
        a, b = _np(text, pos, hi)
        if b > a:
            return a, b
    return _noun_of_before(text, s, lo) or (pos, pos)


def _count_counted(text: str, after: int, hi: int) -> tuple[int, int]:
    """What a count counts: the phrase after it, or after "of" ("50 of our members")."""
    of = re.match(
        r"\s+of\s+(?:(?:the|our|their|these|those|its|his|her|your|my|all)\s+)?(?:[\d,]+\s+)?",
        text[after:hi],
    )
    pos = after + of.end() if of else after
    a, b = _np(text, pos, hi)
    if text[a:b].lower() in PRONOUNS:
        return pos, pos
    return a, b


def _unit_of(phrase: str) -> str:
    head = head_word(phrase)
    if head in TROOPS:
        return "troops"
    if head in PEOPLE:
        return "people"
    return head


def unit_and_counted(
    text: str,
    s: int,
    e: int,
    after: int,
    lo: int,
    hi: int,
    label: str,
    cur: str,
    kind: str,
    rest: str,
    *,
    per_noun: bool = False,
) -> tuple[str, int, int]:
    """The unit of the figure text[s:e] and the offsets of what it counts.

    ``after`` is where the counted phrase may start (past "of" in "thousands
    of", past a tally's second number), ``rest`` the words after the number
    inside the entity span ("miles"); ``per_noun``: a share written "one in
    five", which counts the noun after it.
    """
    # (``after`` may sit right at the next word: past "of" in "thousands of dollars")
    words_after = re.match(r"[\s-]*([A-Za-z]+)", rest) or re.match(
        r"\s*([A-Za-z]+)\b", text[after:hi]
    )
    next_word = words_after.group(1).lower() if words_after else ""
    # "pounds" after a bare number is a weight unless the model said MONEY.
    is_money_word = next_word in CURRENCY_WORDS and (next_word != "pounds" or label == "MONEY")
    if cur or is_money_word:
        skip = after + (words_after.end() if not cur and not rest and words_after else 0)
        cs, ce = _money_counted(text, s, max(e, skip), lo, hi)
        return cur or CURRENCY_WORDS[next_word], cs, ce
    if kind in ("percent", "percentage points"):
        return kind, *_share_counted(text, s, after, lo, hi, per_noun)
    if next_word in MEASURES:
        pos = after if rest else after + words_after.end()
        if rest.startswith("-"):  # "a 480-foot tent": the measure describes the noun after it
            return MEASURES[next_word], *_np(text, pos, hi)
        pos = _after_parenthesis(text, pos, hi)
        of = re.match(r"\s+of\s+", text[pos:hi])
        cs, ce = _np(text, pos + of.end(), hi) if of else (pos, pos)
        return MEASURES[next_word], cs, ce
    hyphen = re.match(
        r"-([A-Za-z]+)", text[after:hi]
    )  # "a 300-member coalition", "a 30-mile stretch"
    if hyphen:
        word = hyphen.group(1).lower()
        if word in MEASURES:
            cs, ce = _np(text, after + hyphen.end(), hi)
            return MEASURES[word], cs, ce
        return _unit_of(word), after + 1, after + 1 + len(word)
    if _PRONOUN_BEFORE.search(text, max(lo, s - 8), s):
        return "", after, after  # "you three let me down": the three are the pronoun's people
    cs, ce = _count_counted(text, after, hi)
    return (_unit_of(text[cs:ce]) if ce > cs else ""), cs, ce
