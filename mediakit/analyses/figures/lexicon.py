"""The words figures are read with: hedges, currencies, scales, units and what is counted."""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_BOUNDS = {
    "min": "more than|over|at least|upwards of|in excess of|just over|well over|north of|no fewer than|no less than",
    "max": "up to|as many as|as much as|at most|no more than|fewer than|less than|under|just under|below|a maximum of",
    "approx": "about|approximately|approx\\.|around|roughly|some|nearly|almost|close to|an estimated|estimated|"
    "an approximate|circa|more or less|a reported|reportedly",
}


_QUAL = "|".join(sorted((q for v in _BOUNDS.values() for q in v.split("|")), key=len, reverse=True))


QUAL_AT_START = re.compile(rf"^(?:(?:{_QUAL})\s+)+", re.IGNORECASE)


QUAL_BEFORE = re.compile(rf"(?:^|(?<=[\s(]))((?:(?:{_QUAL})\s+)+)$", re.IGNORECASE)


BOUND_OF = {q.replace("\\", ""): b for b, v in _BOUNDS.items() for q in v.split("|")}


CURRENCY = {"US$": "USD", "$": "USD", "C$": "CAD", "A$": "AUD", "€": "EUR", "£": "GBP", "¥": "JPY"}


CURRENCY_WORDS = {
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds": "GBP",
    "rubles": "RUB",
    "roubles": "RUB",
    "yuan": "CNY",
    "yen": "JPY",
    "hryvnias": "UAH",
    "rupees": "INR",
}


SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}


VAGUE = (
    "tens of thousands",
    "hundreds of thousands",
    "tens of millions",
    "hundreds of millions",
    "thousands",
    "hundreds",
    "dozens",
    "millions",
    "billions",
    "scores",
    "several",
    "a few",
)


_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)


_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"


WORDS = {w: i for i, w in enumerate(_UNITS.split())}
WORDS.update({w: 10 * (i + 2) for i, w in enumerate(_TENS.split())})


MULTIPLIERS = {
    "hundred": 100,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "dozen": 12,
}


MEASURES = {
    "mile": "miles",
    "miles": "miles",
    "km": "km",
    "kilometer": "km",
    "kilometers": "km",
    "kilometre": "km",
    "kilometres": "km",
    "meter": "meters",
    "meters": "meters",
    "metre": "meters",
    "metres": "meters",
    "foot": "feet",
    "feet": "feet",
    "inch": "inches",
    "inches": "inches",
    "pound": "pounds",
    "pounds": "pounds",
    "lb": "pounds",
    "lbs": "pounds",
    "kilogram": "kg",
    "kilograms": "kg",
    "kg": "kg",
    "ton": "tons",
    "tons": "tons",
    "tonne": "tons",
    "tonnes": "tons",
    "gallon": "gallons",
    "gallons": "gallons",
    "barrel": "barrels",
    "barrels": "barrels",
    "acre": "acres",
    "acres": "acres",
    "hectare": "hectares",
    "hectares": "hectares",
    "degree": "degrees",
    "degrees": "degrees",
    "mph": "mph",
}


TROOPS = _words(
    "troops troop soldiers soldier forces servicemen servicemembers personnel fighters marines reservists conscripts"
)


PEOPLE = _words(
    """people persons person civilians civilian residents children adults women men individuals citizens
    migrants refugees voters workers employees dead killed wounded injured casualties victims hostages
    prisoners patients americans ukrainians russians israelis palestinians protesters demonstrators"""
)


MONEY_NOUNS = _words(
    """aid assistance support funding funds help package loans loan grants budget spending sales deal
    contract investment investments payments revenue cost costs damages fine bailout weapons arms"""
)


#: Heads that name the same kind of thing when outlets compare figures.
HEAD_CLASS = {
    **{w: "troops" for w in TROOPS},
    **{w: "people" for w in PEOPLE},
    **{w: "aid" for w in _words("aid assistance support funding funds help package")},
}


# Words after a number that end the counted phrase.
NP_STOP = _words(
    """to in into on at for from by with within near since that which who whom whose have has had
    were was are is be been being will would could can may might should and or but as than per across
    over under after before during including while this these those their its his her our
    through toward towards against between among about around of the a an it they we he she
    there here when where if because so not also already just only even still now each"""
)


# "-ing" words that are nouns and may end a counted phrase ("new housing"); other
# "-ing" words start a clause ("9 out of 10 people saying ...").
ING_NOUNS = _words(
    "building buildings funding housing spending training meeting meetings offering offerings"
)


# Common verbs that end a counted phrase ("500 troops took part", "refugees fled").
VERB_STOP = _words(
    """took fled left went came made gave got saw fell rose died lost won met held kept ran sent
    brought began remain remained remains say says said stay stayed face faced live"""
)


LEADING_DETERMINERS = _words("the a an its their his her our these those")


# Adjectives that follow a noun and end its phrase ("three individuals familiar with").
NP_END = _words(
    "familiar aged involved based located related total each apiece combined alone such like"
)


POST_MODIFIERS = _words("dead killed wounded injured missing away old ago long high wide deep more")


DEMONYMS = {
    "american": "united states",
    "america": "united states",
    "us": "united states",
    "usa": "united states",
    "british": "united kingdom",
    "britain": "united kingdom",
    "uk": "united kingdom",
    "french": "france",
    "german": "germany",
    "dutch": "netherlands",
    "swiss": "switzerland",
    "turkish": "turkey",
    "polish": "poland",
    "spanish": "spain",
    "danish": "denmark",
    "swedish": "sweden",
    "finnish": "finland",
    "greek": "greece",
    "irish": "ireland",
    "filipino": "philippines",
    "kremlin": "russia",
    "moscow": "russia",
    "kyiv": "ukraine",
    "kiev": "ukraine",
    "pyongyang": "north korea",
    "beijing": "china",
    "washington": "united states",
    "tehran": "iran",
}


CONTEXT_STOP = _words(
    """the and that this with from have has had was were are for not but its their his her they
    will would could can may might said says also than more most into about over after before
    which who what when where while been being there some such only other just like them then
    percent million billion thousand hundred dozen one two three four five six seven eight nine
    ten"""
)
