"""``compare_figures``: the outlets' claims about the same quantity, grouped, and where they disagree."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

import pandas as pd

from ...errors import CorpusError
from ...unionfind import UnionFind
from ..entities import form_key
from .counted import head_word
from .lexicon import (
    CONTEXT_STOP,
    DEMONYMS,
    HEAD_CLASS,
    INCREMENT,
    MEASURES,
    MONTHS_DAYS,
    OPPOSED,
    PEOPLE,
    POLL_GROUPS,
    POLL_WORDS,
)
from .pairs import COMPARE_COLUMNS, comparison_table

__all__ = ["COMPARE_COLUMNS", "compare_figures"]

#: Sentences of two claims about the same thing share at least this many content words.
#: In the bundled corpus the troop, aid, casualty and range claims share 3-6
#: ("north", "korean", "troops", "russia"; "billion", "ukraine", "provided",
#: "february"); unrelated "two states" / "50 states" claims across the
#: AllSides stories mostly share fewer.
MIN_SHARED_WORDS = 3


#: Claims further apart than this factor are not linked as one quantity (None: no limit).
#: Outlets that report one quantity differently mostly stay within a quarter of each
#: other: 10,000 vs 12,000 troops, $700 vs $716 billion, 1.5 vs 1.6 million women,
#: $400,000 vs $500,000 of airtime (all on real articles). Figures further apart that
#: share a noun inside one story were mostly different quantities there: 3,400 stores
#: the plaintiffs worked in vs "more than 4,300" stores in all, $1 trillion of cuts in
#: law vs $2 trillion demanded, a "one-in-three" vs a "two-in-three" chance. Wider gaps
#: can be real (a crowd of 10,000 by the police, 50,000 by the organisers): pass a
#: larger ``max_ratio`` to see them, and read the sentences.
MAX_RATIO = 1.25


#: Inside one story, blocks up to this size compare every pair of claims; larger ones,
#: and corpora without stories, only claims whose sentences share words.
MAX_ALL_PAIRS = 400


_MIN_SHARED_SHARE = 0.25


_MAX_POSTING = 300


_MONEY_UNITS = frozenset(
    ("USD", "EUR", "GBP", "JPY", "CAD", "AUD", "CHF", "CNY", "INR", "RUB", "UAH", "NZD", "HKD")
)
_NAMED_UNITS = frozenset(("percent", "percentage points", *MEASURES.values()))
_NEED = [
    "doc_id",
    "outlet",
    "value",
    "unit",
    "counted",
    "qualifier",
    "bound",
    "text",
    "about",
    "places",
]
_OPTIONAL = {"story": "", "range_end": math.nan, "per": "", "when": "", "claim": "", "evidence": "",
             "start_char": -1, "end_char": -1, "frame": ""}  # fmt: skip


def compare_figures(
    figures: pd.DataFrame,
    *,
    within: str | None = "auto",
    min_outlets: int = 2,
    include_vague: bool = False,
    by: str | Sequence[str] | None = None,
    min_shared_words: int = MIN_SHARED_WORDS,
    max_ratio: float | None = MAX_RATIO,
) -> pd.DataFrame:
    """Group the outlets' figures about the same quantity and say where they disagree, and why.

    Claims are compared only with claims about the same quantity: the same
    unit and currency, the same rate ("a year"), the same kind of thing
    counted (the head of the counted phrase, with close synonyms taken as one:
    "troops"/"soldiers"/"forces", "aid"/"assistance"/"funding",
    "bills"/"measures"), the same country or nationality when the counted
    phrase names one ("North Korean troops" and "Russian troops" stay apart),
    the same ``frame`` (a fact is compared with facts, not with a goal, a
    forecast, a part, a change or a poll's method: see :mod:`.frames`), for two
    poll shares of one group the same question (their sentences share three
    words besides the group), no opposite groups ("conservative" and "liberal
    justices"), for a figure whose owner the sentence leaves unnamed ("the
    state's seven districts") a place both sentences name, for a measure the
    same thing measured ("1,954 miles of border" is no "journey of 2,000 miles"), for a sum that
    names nothing it pays for a name both sentences give, no different time
    ("in 2017" vs "in 2009"), sentences that share at least
    ``min_shared_words`` content words (0 turns this off) and values within a
    factor ``max_ratio``; inside one article, only equal values. Blocking keeps
    the work linear in the number of claims. Vague amounts ("thousands of")
    are left out unless ``include_vague``; claims that count nothing
    recognisable (a bare number) are not compared.

    ``within="story"`` compares claims only inside one story (the ``story``
    column of :func:`figures`); the default ``"auto"`` does so whenever the
    table holds more than one story, ``None`` never. ``by`` adds columns to
    block on. ``attrs["within"]`` says which was used.

    One row per claim in a group reaching ``min_outlets`` outlets:
    ``group_id, story, group`` (a label such as "North Korean troops
    (troops)"), ``disagree`` (two outlets' claims cannot both be true: "about
    12,000" vs "about 10,000", "as many as 1.5 million" vs "up to 1.6 million";
    "up to 12,000" and "over 10,000" can), ``doc_id, outlet, claim, value,
    range_end, unit, per, qualifier, bound, counted, when, text, start_char,
    end_char, evidence``, ``outlets`` (in the group), ``min_value, max_value``,
    ``values`` (every outlet's claim side by side) and ``why`` (what makes
    the group disagree, or agree). :func:`figure_pairs` lists every pair.

    >>> from mediakit import figures
    >>> cmp = compare_figures(figures(cache_dir=False))
    >>> bool(cmp[cmp.unit == "troops"].disagree.all())
    True
    """
    table, block_cols, used = _prepared(figures, within, by, include_vague)
    classes = [_head_class(c, u) for c, u in zip(table["counted"], table["unit"], strict=True)]
    about, near = _place_lists(table)
    blocks: dict[tuple, list[int]] = defaultdict(list)
    qualifiers = table["qualifier"].tolist()
    extra = table[block_cols].astype("str").itertuples(index=False, name=None)
    counted = table["counted"].tolist()
    evidence = table["evidence"].astype("str").tolist()
    frames = table["frame"].tolist()
    for i, (unit, per, cls, more) in enumerate(
        zip(table["unit"], table["per"], classes, extra, strict=True)
    ):
        if _OTHER.match(counted[i]):
            continue  # "nine other states": the others of a group the sentence names
        if unit == "people":
            cls = f"{cls} {_fate(evidence[i])}".strip()
        if unit and (cls or unit in _MONEY_UNITS):  # a sum needs no noun; a bare count does
            kind = (
                unit if unit in _MONEY_UNITS or unit in _NAMED_UNITS else "count"
            )  # "bills" = "measures"
            # An increment ("another 350 miles", "two more debates") is another quantity than a total.
            step = _increment(qualifiers[i])
            # A goal, a forecast, a part or a poll's sample is another quantity than a fact.
            key = (kind, per, cls if unit not in _MONEY_UNITS else "", step, frames[i], *more)
            blocks[key].append(i)
    whose = [_whose(c, u) for c, u in zip(table["counted"], table["unit"], strict=True)]
    context = [_context_words(t) for t in evidence]
    asked = [
        _asked(ctx, c, u) if _poll_share(c, u, t) else None
        for ctx, c, u, t in zip(context, counted, table["unit"], evidence, strict=True)
    ]
    unnamed = [
        _unnamed_owner(ev, t) for ev, t in zip(evidence, table["text"].astype("str"), strict=True)
    ]
    places = [frozenset(a) | frozenset(n) for a, n in zip(about, near, strict=True)]
    units = table["unit"].tolist()
    pollsters = [
        _names(ev) if fr == "sample" else None for ev, fr in zip(evidence, frames, strict=True)
    ]
    # A sum that names nothing it pays for meets another only on a name both sentences give
    # ("cut $716 billion from Medicare" / "stole $700 billion from Medicare").
    payees = [
        _names(ev) if u in _MONEY_UNITS and not c else None
        for ev, u, c in zip(evidence, units, counted, strict=True)
    ]
    links = _Links(table, classes, context, whose, asked, (unnamed, places), pollsters, payees)
    group_of: dict[int, tuple] = {}
    for bkey, members in blocks.items():
        subs: dict[str, list[int]] = defaultdict(list)
        for i, sub in _split_block(members, about, near).items():
            subs[sub].append(i)
        # A goal or forecast is someone's, for something: only sentences that share words meet.
        fact = bkey[4] in ("", "part")
        every_pair = used == "story" and len(members) <= MAX_ALL_PAIRS and fact
        for sub, ids in subs.items():
            for i, root in links.split(ids, min_shared_words, max_ratio, every_pair).items():
                group_of[i] = (*bkey, sub, root)
    out = comparison_table(table, group_of, min_outlets, _label)
    out.attrs["within"] = used
    return out


def _prepared(
    figures: pd.DataFrame, within: str | None, by: str | Sequence[str] | None, include_vague: bool
) -> tuple[pd.DataFrame, list[str], str | None]:
    """The figures to compare (input unchanged), the columns to block on, and whether by story."""
    missing = [c for c in _NEED if c not in figures.columns]
    if missing:
        raise CorpusError(
            f"compare_figures needs the table from mediakit.figures(); it lacks {missing}."
        )
    by_cols = [by] if isinstance(by, str) else list(by or [])
    absent = [c for c in by_cols if c not in figures.columns]
    if absent:
        raise CorpusError(
            f"compare_figures(by=...) names columns the figures table does not have: {absent}. "
            f"Its columns are {list(figures.columns)}; merge the column in first "
            "(e.g. figures.merge(corpus[['doc_id', 'story']], on='doc_id'))."
        )
    if within not in ("auto", "story", None):
        raise CorpusError(
            f'compare_figures(within=...) takes "story", "auto" or None, not {within!r}.'
        )
    if within == "story" and "story" not in figures.columns:
        raise CorpusError(
            'compare_figures(within="story") needs a "story" column; mediakit.figures() adds the '
            "corpus's own story column. Load the corpus with load_corpus(..., story=...) or pass within=None."
        )
    table = figures.reset_index(drop=True)
    for col, default in _OPTIONAL.items():
        if col not in table.columns:
            table[col] = default
    table["story"] = table["story"].fillna("").astype("str")
    if not include_vague:
        table = table[table["value"].notna()].reset_index(drop=True)
    for col in ("unit", "per", "counted", "when", "doc_id", "outlet", "claim", "qualifier"):
        table[col] = table[col].fillna("").astype("str")
    table["frame"] = table["frame"].astype("object").where(table["frame"].notna(), "").astype("str")
    written = (table["qualifier"] + " " + table["text"].astype("str")).str.strip()
    table["claim"] = table["claim"].where(table["claim"] != "", written)
    many = table["story"].nunique() > 1
    used = "story" if within == "story" or (within == "auto" and many) else None
    block_cols = ["story"] * (used == "story" and "story" not in by_cols) + by_cols
    return table, block_cols, used


# -- what is counted, and whose -----------------------------------------------------------
def _place_key(name: str) -> str:
    """One key for a country and its people: "North Korean"/"North Korea", "Russian"/"Russia".

    >>> _place_key("North Korean") == _place_key("North Korea"), _place_key("Iranian") == _place_key("Iraq")
    (True, False)
    """
    key = form_key(name)
    key = DEMONYMS.get(key, key)
    *first, last = key.split() or [""]
    changed = True
    while changed:  # "pakistani" -> "pakistan" -> "pakist"; "korean" -> "kore"
        changed = False
        for suffix in ("ians", "ian", "eans", "ean", "ans", "an", "ese", "ish", "is", "i", "s"):
            if last.endswith(suffix) and len(last) - len(suffix) >= 4:
                last, changed = last[: -len(suffix)], True
                break
    last = last.rstrip("aeiouy") or last
    return " ".join([*first, last])


def _head_class(counted: str, unit: str) -> str:
    """What a figure counts, coarse enough for outlets' wordings to meet.

    Troops are troops and people are people whatever the word (which group of
    people, :func:`_whose` tells); a share of voters is not one of adults.

    >>> _head_class("soldiers", "troops"), _head_class("children", "people"), _head_class("GOP voters", "percent")
    ('troops', 'people', 'voter')
    """
    if unit in ("troops", "people") or unit in MEASURES.values():
        return unit
    head = head_word(counted)
    if not head:
        return ""
    head = head.replace("’", "'")
    cls = HEAD_CLASS.get(head)
    if cls and cls != "people":
        return cls
    if head in _ANYONE:
        return "people"
    return _singular(head)


def _singular(head: str) -> str:
    """A plural head as its singular, so "states" and "state" meet ("bus" and "press" stay).

    >>> _singular("voters"), _singular("press"), _singular("bus")
    ('voter', 'press', 'bus')
    """
    return head[:-1] if len(head) > 3 and head.endswith("s") and not head.endswith("ss") else head


#: The words for people that name no group (or only what befell them): one quantity.
_ANYONE = frozenset(
    ("people", "persons", "person", "individuals", "dead", "killed", "wounded", "injured")
    + ("casualties", "victims", "fatalities")
)


def _whose(counted: str, unit: str) -> str:
    """Which group of people a count of people is about: "" for anyone, else its noun.

    Counts of different groups ("eight people died", "seven of the 10 children
    killed"; a poll of 1,009 adults and one of 1,164 likely voters) are one
    quantity only when they agree: a count of civilians may be part of one of people.

    >>> _whose("people", "people"), _whose("dead", "people"), _whose("likely voters", "people")
    ('', '', 'voter')
    """
    if unit != "people":
        return ""
    head = head_word(counted).replace("’", "'")
    if not head or head in _ANYONE:
        return ""
    return _singular(head)


#: What happened to the people a figure counts, read from its sentence: a count of the
#: dead and one of the injured in one story are different quantities.
_FATES = {
    "killed": r"\b(?:kill(?:ed|ing|s)?|dead|died|dies|deaths?|death toll|lives|fatalit\w+|slain)\b",
    "injured": r"\b(?:injur\w*|wounded|hurt|hospitali[sz]ed)\b",
    "missing": r"\b(?:missing|unaccounted|located|rescued|found alive)\b",
    "arrested": r"\b(?:arrest\w*|detained|charged|convicted|jailed)\b",
}
_FATE_RES = {fate: re.compile(pattern, re.I) for fate, pattern in _FATES.items()}


def _fate(sentence: str) -> str:
    """What the sentence says happened to the people counted, when it says one thing only.

    >>> _fate("Eight people died when a tornado touched down."), _fate("23 were injured and 2 killed.")
    ('killed', '')
    """
    found = [fate for fate, rx in _FATE_RES.items() if rx.search(sentence)]
    return found[0] if len(found) == 1 else ""


#: "Blagojevich and 10 other persons": a remainder, whose total the number does not give.
_OTHER = re.compile(r"^(?:other|others)\b", re.I)


def _place_lists(table: pd.DataFrame) -> tuple[list[list[str]], list[list[str]]]:
    keys: dict[str, str] = {}

    def place(name: str) -> str:
        if name not in keys:
            keys[name] = _place_key(name)
        return keys[name]

    about = [[place(p) for p in a.split("; ") if p] for a in table["about"].astype("str")]
    near = [[place(p) for p in a.split("; ") if p] for a in table["places"].astype("str")]
    return about, near


def _split_block(
    members: list[int], about: list[list[str]], near: list[list[str]]
) -> dict[int, str]:
    """Within one (unit, thing) block: claims about North Korean troops vs Russian troops.

    A claim whose counted phrase names a country or nationality goes with that
    one; a claim without takes the nearest such name in its sentence that
    another claim's phrase has ("North Korea sent 10,000 elite troops"), or
    else stays with the unnamed ones, which their sentences' words sort out.
    """
    named = {about[i][0] for i in members if about[i]}
    return {
        i: about[i][0] if about[i] else next((p for p in near[i] if p in named), "")
        for i in members
    }


# -- which claims are about the same matter ---------------------------------------------------
def _context_words(sentence: str) -> frozenset[str]:
    words = re.findall(r"[a-z][a-z\-]+", sentence.lower().replace("’", "'"))
    return frozenset(w[:6] for w in words if w not in CONTEXT_STOP and len(w) > 2)


class _Links:
    """Which claims of one block are about the same quantity.

    Links are made closest values first, and refused when the group they would
    make holds two different values from one article (an article's different
    numbers count different things: a "one-in-three" and a "two-in-three"
    chance), two different times ("in 2017", "in 2009") or, for sums, two
    different things paid for ("tax cuts" vs "aid"; a sum with no noun joins either).
    """

    def __init__(
        self,
        table: pd.DataFrame,
        classes: list[str],
        context: list[frozenset[str]],
        whose: list[str],
        asked: list[frozenset[str] | None] | None = None,
        owners: tuple[list[bool], list[frozenset[str]]] | None = None,
        pollsters: list[frozenset[str] | None] | None = None,
        payees: list[frozenset[str] | None] | None = None,
    ):
        self.pollsters = pollsters or [None] * len(whose)
        self.payees = payees or [None] * len(whose)
        self.whose = whose
        self.unnamed, self.places = owners or ([False] * len(whose), [frozenset()] * len(whose))
        self.asked = asked or [None] * len(whose)
        self.sides = [_sides(c) for c in table["counted"].astype("str")]
        self.measured = [
            _measured(c, u, ev, t)
            for c, u, ev, t in zip(
                table["counted"].astype("str"),
                table["unit"].astype("str"),
                table["evidence"].astype("str"),
                table["text"].astype("str"),
                strict=True,
            )
        ]
        self._evidence = table["evidence"].astype("str").tolist()
        self.values = table["value"].astype("float64").tolist()
        self.docs = table["doc_id"].tolist()
        self.when = table["when"].tolist()
        self.classes = classes
        self.context = context

    def split(
        self, ids: list[int], min_shared: int, max_ratio: float | None, every_pair: bool
    ) -> dict[int, int]:
        """Each claim's group (a representative claim) among ``ids``.

        Candidates are every pair (``every_pair``, inside one story) or pairs
        whose sentences share ``min_shared`` content words (0: any).
        """
        uf = UnionFind()
        keep: dict[int, tuple[dict[str, float], set[str], set[str], set[str], set]] = {}
        for i in ids:
            uf.find(i)
            keep[i] = (
                {self.docs[i]: self.values[i]},
                {self.when[i]} - {""},
                {self.classes[i]} - {""},
                {self.whose[i]},
                set(self.sides[i]),
                {self.measured[i]} - {""},
            )
        pairs = self._every_pair(ids) if every_pair else self._sharing(ids, min_shared)
        # Claims of the same time first, closest values first; a claim that names no time
        # joins one that does only after ("since February 2022" / "since the invasion").
        # A sum that names neither what it pays for nor a time has only its value to go
        # on: it meets only claims of the same time ("$800 billion" is not the
        # "roughly $700 billion from 2013 to 2022").
        order = sorted((self.when[a] != self.when[b], gap, a, b) for gap, a, b in pairs)
        for bridge, _, a, b in (p for p in order if self._close(p[2], p[3], max_ratio)):
            if bridge and not (self.classes[a] and self.classes[b]):
                continue
            if not (self._same_question(a, b) and self._same_owner(a, b) and self._same_poll(a, b)):
                continue
            ra, rb = uf.find(a), uf.find(b)
            if ra == rb or not _joinable(keep[ra], keep[rb]):
                continue
            uf.union(ra, rb)
            root = uf.find(ra)
            docs = {**keep[ra][0], **keep[rb][0]}
            keep[root] = (docs, *(keep[ra][k] | keep[rb][k] for k in (1, 2, 3, 4, 5)))
        return {i: uf.find(i) for i in ids}

    def _same_poll(self, a: int, b: int) -> bool:
        """Two polls' sample sizes are one quantity only if the sentences name the same poll;
        a sum that says nothing of what it pays for, only with a claim that shares a name."""
        pa, pb = self.pollsters[a], self.pollsters[b]
        if not (pa is None or pb is None or pa & pb):
            return False
        if self.payees[a] is None and self.payees[b] is None:
            return True
        return bool(self._names(a) & self._names(b))

    def _names(self, i: int) -> frozenset[str]:
        got = self.payees[i]
        return got if got is not None else _names(self._evidence[i])

    def _same_owner(self, a: int, b: int) -> bool:
        """ "the state's seven districts" is some state's: one quantity only if both name the same place."""
        if not (self.unnamed[a] or self.unnamed[b]):
            return True
        return bool(self.places[a] & self.places[b])

    def _same_question(self, a: int, b: int) -> bool:
        """Two poll shares of one group are one quantity only if their sentences ask the same."""
        qa, qb = self.asked[a], self.asked[b]
        if qa is None or qb is None:
            return qa is None and qb is None
        return len(qa & qb) >= _MIN_SHARED_QUESTION

    def _gap(self, a: int, b: int) -> float:
        va, vb = self.values[a], self.values[b]
        if math.isnan(va) or math.isnan(vb):
            return 0.0 if math.isnan(va) and math.isnan(vb) else 1.0
        top = max(abs(va), abs(vb))
        return abs(va - vb) / top if top else 0.0

    def _close(self, a: int, b: int, max_ratio: float | None) -> bool:
        va, vb = self.values[a], self.values[b]
        return not (max_ratio and va > 0 and vb > 0 and max(va, vb) > max_ratio * min(va, vb))

    def _every_pair(self, ids: list[int]) -> list[tuple[float, int, int]]:
        return [(self._gap(a, b), a, b) for x, a in enumerate(ids) for b in ids[x + 1 :]]

    def _sharing(self, ids: list[int], min_shared: int) -> list[tuple[float, int, int]]:
        if min_shared <= 0:  # no context needed: neighbours by value, so the work stays linear
            order = sorted(ids, key=lambda i: (math.isnan(self.values[i]), self.values[i]))
            return [(self._gap(a, b), a, b) for a, b in zip(order, order[1:], strict=False)]
        postings: dict[str, list[int]] = defaultdict(list)
        for i in ids:
            for w in self.context[i]:
                postings[w].append(i)
        shared: Counter = Counter()
        for members in postings.values():
            if len(members) > _MAX_POSTING:
                continue  # a word in hundreds of these sentences says nothing about the matter
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    shared[(members[x], members[y])] += 1
        out = []
        for (a, b), n in shared.items():
            # Enough shared words, and a fair share of the shorter sentence: long
            # sentences share three words by chance.
            small = min(len(self.context[a]), len(self.context[b]))
            if n >= min_shared and n >= _MIN_SHARED_SHARE * small:
                out.append((self._gap(a, b), a, b))
        return out


#: Poll shares of one group must share this many words of what was asked.
_MIN_SHARED_QUESTION = 3
_POLL_SENTENCE = re.compile(r"\b(?:polls?|polled|survey(?:ed|s)?)\b", re.I)
_POINTS = frozenset(("point", "points", "percentage points"))


def _poll_share(counted: str, unit: str, sentence: str) -> bool:
    """A share of a group of people, or a poll's margin: the answer to one question of a poll.

    >>> _poll_share("Americans", "percent", "56 percent of Americans think so.")
    True
    >>> _poll_share("the vote", "percent", "He won 60 percent of the vote.")
    False
    """
    if unit.lower() in _POINTS:
        return True
    if unit != "percent":
        return False
    head = head_word(counted).lower().replace("’", "'")
    return head in PEOPLE or head in POLL_GROUPS or bool(_POLL_SENTENCE.search(sentence))


def _asked(context: frozenset[str], counted: str, unit: str) -> frozenset[str]:
    """What a poll share's sentence is about, beyond the group, the unit and poll words."""
    own = _context_words(f"{counted} {unit}")
    return frozenset(w for w in context - own if w not in _POLL_STEMS)


_POLL_STEMS = frozenset(w[:6] for w in POLL_WORDS)


_UNNAMED_OWNER = (
    r"\b(?:the\s+(?:state|country|nation|city|county|province|region|district|company|firm"
    r"|party|team|club|group|agency|department|school|university|network)['’]s|its|their)\s+"
)


def _unnamed_owner(sentence: str, text: str) -> bool:
    """Whether the figure belongs to someone the sentence does not name ("the state's eight districts").

    >>> _unnamed_owner("It won all three spots in the state's seven districts.", "seven")
    True
    >>> _unnamed_owner("Wisconsin has eight districts.", "eight")
    False
    """
    if not text:
        return False
    return re.search(_UNNAMED_OWNER + re.escape(text) + r"\b", sentence, re.I) is not None


def _names(sentence: str) -> frozenset[str]:
    """The capitalised words of a sentence past its first word (a pollster's name), months left out.

    >>> sorted(_names("The ABC News/Washington Post poll was conducted in May."))
    ['abc', 'news', 'post', 'washington']
    """
    words = re.findall(r"[A-Za-z][\w’'-]*", sentence)[1:]
    return frozenset(w.lower() for w in words if w[0].isupper() and w.lower() not in MONTHS_DAYS)


_MEASURE_UNITS = frozenset(MEASURES.values())
_AWAY = r"\s+(?:\w+\s+)?(?:from|away|off|short\s+of|north|south|east|west)\b"
_NOUN_OF = r"\b(?:a|an|the|its|their)\s+([a-z]+)\s+of\s+(?:[a-z]+\s+){0,2}"


def _measured(counted: str, unit: str, sentence: str, text: str) -> str:
    """What a measure measures: its counted noun, or the noun before "of" ("a journey of 2,000 miles").

    >>> _measured("", "miles", "It was a journey of more than 2,000 miles.", "2,000 miles")
    'journey'
    >>> _measured("border", "miles", "The 1,954 miles of border.", "1,954 miles"), _measured("", "USD", "", "")
    ('border', '')
    >>> _measured("border", "miles", "It was 1,750 miles from the border.", "1,750 miles")
    'distance'
    """
    if unit not in _MEASURE_UNITS:
        return ""
    if text and re.search(re.escape(text) + _AWAY, sentence, re.I):
        return "distance"  # "1,750 miles from the border" is no length of the border
    if counted:
        return _singular(head_word(counted).lower())
    m = re.search(_NOUN_OF + re.escape(text), sentence, re.I) if text else None
    return _singular(m.group(1).lower()) if m else ""


def _sides(counted: str) -> frozenset[tuple[int, int]]:
    """Which side of each opposition the counted phrase names: (opposition, side) pairs.

    >>> _sides("conservative justices") == _sides("liberal justices")
    False
    >>> _sides("Republican senators") == _sides("GOP senators"), _sides("senators")
    (True, frozenset())
    """
    words = set(re.findall(r"[a-z][a-z\-]*", counted.lower()))
    named = [
        (g, [k for k, side in enumerate(sides) if words & side]) for g, sides in enumerate(OPPOSED)
    ]
    # "Democratic and Republican senators" names both sides: it opposes neither.
    return frozenset((g, ks[0]) for g, ks in named if len(ks) == 1)


def _increment(qualifier: str) -> bool:
    """ "another", "a further", "two more": an increment ("more than", "or more" are bounds)."""
    q = qualifier.lower()
    if q.endswith(("or more", "or fewer")):
        return False
    return any(q == w or q.endswith(" " + w) for w in INCREMENT)


def _joinable(a: tuple, b: tuple) -> bool:
    """Whether two groups can merge: one value per article, one time, one kind of thing paid for.

    A claim whose sentence names no time may join one that names one; counts of
    different groups of people (children, people) join only when all are equal.
    """
    docs_a, docs_b = a[0], b[0]
    for doc in docs_a.keys() & docs_b.keys():
        va, vb = docs_a[doc], docs_b[doc]
        if va != vb and not (math.isnan(va) and math.isnan(vb)):
            return False
    if len(a[3] | b[3]) > 1 and len({*docs_a.values(), *docs_b.values()}) > 1:
        return False  # counts of different groups of people meet only when equal
    if len({g for g, _ in a[4] | b[4]}) < len(a[4] | b[4]):
        return False  # "conservative justices" and "liberal justices"
    if len(a[5] | b[5]) > 1:
        return False  # "1,954 miles of border" and "a journey of 2,000 miles"
    return len(a[1] | b[1]) <= 1 and len(a[2] | b[2]) <= 1


def _label(sub: pd.DataFrame) -> str:
    """A group's label: its commonest counted phrases and unit, "North Korean troops (troops)"."""
    counted = Counter(c for c in sub["counted"] if c)
    top = sorted(counted, key=lambda c: (-counted[c], -len(c), c))[:2]
    unit = sub["unit"].iloc[0]
    per = sub["per"].iloc[0]
    unit = f"{unit} a {per}" if per else unit
    return f"{' / '.join(top)} ({unit})" if top else unit
