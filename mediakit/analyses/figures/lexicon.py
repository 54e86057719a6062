"""The words figures are read with: hedges, currencies, scales, units and what is counted."""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_BOUNDS = {
    "min": "more than|over|at least|upwards of|upward of|in excess of|just over|well over|north of|"
    "no fewer than|no less than|a minimum of|better than|as few as|as little as",
    "max": "up to|as many as|as much as|as high as|at most|no more than|not more than|fewer than|"
    "less than|under|just under|below|a maximum of|south of",
    "approx": "about|approximately|approx\\.|around|roughly|some|nearly|almost|close to|an estimated|"
    "estimated at|estimated|an approximate|circa|more or less|a reported|reportedly|perhaps|possibly|maybe|"
    "an expected|a projected|a couple of|a couple",
    # Words that stress or place a figure without hedging it ("just 5 percent",
    # "another 350 miles", "up from 40%"): the figure is kept, its bound is exact.
    "exact": "just|only|a mere|merely|exactly|precisely|fully|another|a further|an additional|"
    "an extra|a total of|a record|all but|up from|down from|a full",
}


_QUAL = "|".join(sorted((q for v in _BOUNDS.values() for q in v.split("|")), key=len, reverse=True))


QUAL_AT_START = re.compile(rf"^(?:(?:{_QUAL})\s+)+", re.IGNORECASE)


QUAL_BEFORE = re.compile(rf"(?:^|(?<=[\s(\"“]))((?:(?:{_QUAL})\s+)+)$", re.IGNORECASE)


BOUND_OF = {q.replace("\\", ""): b for b, v in _BOUNDS.items() for q in v.split("|")}


#: Hedges written after the number ("12,000 or more", "500-plus", "10,000 or so"), and the
#: words of an increment ("two more debates", "eight more victims"), which hedge nothing.
QUAL_AFTER = re.compile(
    r"(?:\s+or\s+(?:more|higher|above|greater|so|thereabouts|less|fewer|lower|below)\b|"
    r"\s*-?\s*plus\b|\+|-odd\b|\s+(?:more|additional|extra|fewer)\b(?!\s+(?:than|or)\b))",
    re.IGNORECASE,
)
AFTER_BOUND = {"more": "min", "higher": "min", "above": "min", "greater": "min", "plus": "min",
               "+": "min", "so": "approx", "thereabouts": "approx", "odd": "approx", "less": "max",
               "fewer": "max", "lower": "max", "below": "max"}  # fmt: skip


#: Qualifiers of an increment: "another 350 miles" is not the whole distance.
INCREMENT = frozenset(
    ("another", "a further", "an additional", "an extra", "more", "additional", "extra", "fewer")
)


#: Qualifiers that give an earlier value ("up from 40%"): another time than the figure's sentence.
EARLIER = ("up from", "down from")


CURRENCY_CODES = ("USD", "EUR", "GBP", "JPY", "CAD", "AUD", "CHF", "CNY", "INR", "RUB", "UAH")


CURRENCY = {
    "US$": "USD",
    "$": "USD",
    "C$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "NZ$": "NZD",
    "HK$": "HKD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    **{code: code for code in CURRENCY_CODES},
}


CURRENCY_WORDS = {
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds": "GBP",
    "sterling": "GBP",
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


#: The scale word a suffix stands for.
SCALE_NAMES = {"k": "thousand", "m": "million", "mn": "million", "b": "billion", "bn": "billion",
               "tn": "trillion"}  # fmt: skip


VAGUE = (
    "tens of thousands",
    "hundreds of thousands",
    "tens of millions",
    "hundreds of millions",
    "tens of billions",
    "hundreds of billions",
    "tens of trillions",
    "thousands",
    "hundreds",
    "dozens",
    "millions",
    "billions",
    "trillions",
    "scores",
)


#: The smallest and largest value a vague amount stands for ("thousands": 1,000 to 100,000).
VAGUE_RANGE = {
    "scores": (20.0, 200.0),
    "dozens": (13.0, 200.0),
    "hundreds": (100.0, 2e3),
    "thousands": (1e3, 1e5),
    "tens of thousands": (1e4, 2e5),
    "hundreds of thousands": (1e5, 2e6),
    "millions": (1e6, 1e8),
    "tens of millions": (1e7, 2e8),
    "hundreds of millions": (1e8, 2e9),
    "billions": (1e9, 1e11),
    "tens of billions": (1e10, 2e11),
    "hundreds of billions": (1e11, 2e12),
    "trillions": (1e12, 1e14),
    "tens of trillions": (1e13, 2e14),
}


#: Denominators of fractions written as words ("two-thirds", "a quarter", "one-tenth").
FRACTION_WORDS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
    "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8,
    "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10, "hundredth": 100, "hundredths": 100,
}  # fmt: skip


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
    contract investment investments payments revenue revenues cost costs damages fine fines bailout
    weapons arms savings income salary pay wages price fee fees deficit debt profit profits loss losses
    tax taxes settlement fund bill award incomes salaries prices deficits debts"""
)


#: Nouns a percentage or a sum is "of" ("a rate of 5%", "income of $370,412").
AMOUNT_NOUNS = _words(
    """rate rating share turnout margin unemployment inflation growth support approval increase
    decrease rise drop fall cut gain jump decline income cost budget salary price deficit debt
    revenue profit loss fine value total sum bill"""
)


#: Heads that name the same kind of thing when outlets compare figures.
HEAD_CLASS = {
    **{w: "troops" for w in TROOPS},
    **{w: "people" for w in PEOPLE},
    **{w: "aid" for w in _words("aid assistance support funding funds help package")},
    **{w: "bills" for w in _words("bill bills measure measures legislation proposal proposals")},
    **{w: "cuts" for w in _words("cut cuts reduction reductions savings")},
}


# Words after a number that end the counted phrase.
NP_STOP = _words(
    """to in into on at for from by with within near since that which who whom whose have has had
    were was are is be been being will would could can may might should and or but as than per across
    over under after before during including while this these those their its his her our
    through toward towards against between among about around of the a an it they we he she
    there here when where if because so not also already just only even still now each out off
    up down back apart ahead behind later earlier north south east west tall high wide deep long old
    ago away more less yesterday today tonight overnight"""
)


#: Plural nouns that are often followed by the noun they modify ("jobs package").
AFTER_PLURAL = _words(
    """package deal tax bill program programme account conference department market plan fund
    crisis report season shortfall figure rate sector industry policy"""
)


IRREGULAR_PLURALS = _words("people men women children freshmen police personnel staff")


#: Nouns that end in "-ly" (other "-ly" words are adverbs or adjectives, no heads).
NOUN_LY = _words("family supply assembly rally ally anomaly monopoly reply belly")


#: Verbs that take a sum as object: "the Saudis spent $27m" is no "$27m thing".
MONEY_VERBS = _words(
    """spent spend spends paid pay pays earned earn earns raised raise cut cuts lost gave give sent
    pledged donated owed owe borrowed saved save cost costs costing charged collected received
    made make took take sold sell bought buy invested allocated approved requested sought offered
    reported totalled totaled reached hit topped exceeded"""
)


MONTHS = _words(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec"""
)


WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")


#: Pronouns: "18 of them" counts something named elsewhere.
PRONOUNS = _words("them us you those these it which whom")


# "-ing" words that are nouns and may end a counted phrase ("new housing"); other
# "-ing" words start a clause ("9 out of 10 people saying ...").
ING_NOUNS = _words(
    """building buildings funding housing spending training meeting meetings offering offerings
    rating ratings ceiling ceilings ranking rankings earnings hearings shootings bombings
    killings rulings filings listings holdings findings proceedings warnings"""
)


# Common verbs that end a counted phrase ("500 troops took part", "two remedies require").
VERB_STOP = _words(
    """took fled left went came made gave got saw fell rose died lost won met held kept ran sent
    brought began remain remained remains say says said stay stayed face faced live lived need needs
    require requires want wants think thinks believe believes negotiate negotiated work worked do
    did does get gets go goes come comes make makes take takes see sees know knows include includes
    become became seem seems appear appears agree agreed voted signed sign joined join lives
    shows holds keeps runs means pays looks feels stands sits set identify identifies"""
)


LEADING_DETERMINERS = _words("the a an its their his her our your my these those all")


#: Words before a sum or share that make it a modifier of the noun after it ("a $5m deal").
DETERMINERS = _words(
    "a an the its their his her our your my this that these those each every another"
)


# Adjectives that follow a noun and end its phrase ("three individuals familiar with").
NP_END = _words(
    """familiar aged involved based located related total each apiece combined alone such like
    available eligible possible responsible remaining left needed required"""
)


#: Words after the counted noun that belong to the claim ("eight dead", "three wounded").
POST_MODIFIERS = _words("dead killed wounded injured missing")


#: Nouns of time: "a year" after a sum is a rate; "a year or two" is a span of time.
TIME_NOUNS = _words("year month week day hour minute second decade quarter")
RATE_WORDS = {"annually": "year", "yearly": "year", "monthly": "month", "weekly": "week",
              "daily": "day", "hourly": "hour"}  # fmt: skip


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


#: Modifiers of a counted noun that name opposite groups, side by side: "five conservative
#: justices" and "four liberal justices" count different people, so never one quantity.
OPPOSED = tuple(
    tuple(_words(side) for side in sides.split("|"))
    for sides in (
        "conservative conservatives|liberal liberals progressive progressives|moderate moderates",
        "democratic democrat democrats|republican republicans gop|independent independents",
        "male men|female women",
        "black blacks|white whites|hispanic hispanics latino latinos latina|asian asians",
        "public|private",
        "domestic|foreign international",
        "urban|rural|suburban",
        "civilian civilians|military",
        "full-time|part-time",
        "senior|junior",
        "northern|southern|eastern|western",
    )
)


#: Groups whose share a poll reports ("56 percent of Americans think ..."), besides PEOPLE.
POLL_GROUPS = _words(
    """respondents americans voters adults democrats republicans independents parents teens
    students teachers members supporters conservatives liberals moderates evangelicals
    catholics britons brits canadians latinos hispanics whites blacks households families
    owners users viewers readers participants likely registered"""
)


#: Words of any poll sentence: two shares of one group match on what was asked, not on these.
POLL_WORDS = _words(
    """poll polls polled survey surveyed percent percentage point points margin lead leads
    advantage edge say said says think thinks believe believes respond responded found finds
    show shows showed according latest new national nationwide compared"""
)


#: Capitalised words that name no one: months and days (a poll's dates are not its name).
MONTHS_DAYS = _words(
    """jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june
    july august september october november december monday tuesday wednesday thursday friday
    saturday sunday"""
)
