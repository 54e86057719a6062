"""The people an article names: where, with which title or role, and whether as a subject.

Built once per article from the entity mentions (never from a second parse):
for each person mention outside quotation marks, the title words written
before the name ("Texas Gov.", "White House press secretary"), the appositive
after it (", the governor of Texas,", "(R-Minn.)"), whether it follows a
preposition ("of Obama": an object, not a subject) or owns something
("Obama's plan"). A person's gender comes from the article only: a title
("Mr.", "Ms."), a gendered role noun beside the name ("spokeswoman") and the
pronouns that refer back to the name when no other person stands between.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

from .cues import (
    BACK_PRONOUNS,
    GENDER_NOUNS,
    GENDER_TITLES,
    GROUP_HEADS,
    OBJECT_PREPS,
    ROLE_TITLES,
    WORD,
)
from .document import Doc

# Lower-case words that belong to a title written before a name.
_TITLE_WORDS = frozenset(ROLE_TITLES) | frozenset(
    [
        "former",
        "then",
        "press",
        "vice",
        "deputy",
        "chief",
        "state",
        "senior",
        "acting",
        "assistant",
        "executive",
        "general",
        "national",
        "presidential",
        "republican",
        "democratic",
        "minority",
        "majority",
        "lt.",
        "lt",
    ]
)
_MAX_TITLE_TOKENS = 7
_MAX_APPOSITIVE_TOKENS = 14


@dataclass(frozen=True)
class Mention:
    """One person mention outside quotation marks."""

    start: int
    end: int
    name: str  # canonical
    sent: int
    para: int
    role: frozenset[str]  # lower-case words of the title before and the appositive after
    object: bool  # after a preposition: "of Obama", "about Romney"
    possessive: bool  # "Obama's", or naming a group: "the Obama administration"

    @property
    def subject(self) -> bool:
        """Could this mention be the subject of its clause?"""
        return not (self.object or self.possessive)


@dataclass
class People:
    mentions: list[Mention]
    gender: dict[str, str] = field(default_factory=dict)  # canonical -> "m" | "f"
    titled: dict[str, str] = field(default_factory=dict)  # the same, from titles and nouns only

    def __post_init__(self) -> None:
        self.starts = [m.start for m in self.mentions]
        self.by_sent: dict[int, list[Mention]] = {}
        for m in self.mentions:
            self.by_sent.setdefault(m.sent, []).append(m)
        self.resolved: dict[int, object] = {}  # pronoun offset -> Who (see .pronouns)

    def before(self, pos: int) -> list[Mention]:
        """Mentions that start before ``pos``, nearest first."""
        return self.mentions[: bisect_left(self.starts, pos)][::-1]


def _title_start(doc: Doc, j: int, lo: int) -> int:
    """First token of the title written before the name at token j ("Texas Gov. Rick Perry")."""
    k = j
    while k > 0 and j - k < _MAX_TITLE_TOKENS and doc.ts[k - 1] >= lo:
        tok = doc.tok(k - 1)
        inner_of = tok == "of" and k > 1 and doc.tok(k - 2)[:1].isupper()  # Secretary of State
        if not (tok[:1].isupper() or tok.lower() in _TITLE_WORDS or tok in ("-", ".") or inner_of):
            break
        k -= 1
    return k


def _appositive(doc: Doc, j: int, hi: int) -> list[str]:
    """Words of ", the governor of Texas," or "(R-Minn.)" right after the name ending before token j."""
    if j >= len(doc.ts) or doc.tok(j) not in (",", "("):
        return []
    words = []
    for k in range(j + 1, min(j + 1 + _MAX_APPOSITIVE_TOKENS, len(doc.ts))):
        tok = doc.tok(k)
        if doc.ts[k] >= hi or tok in (",", ")", ";", ":", "—", "–") or doc.in_quote(doc.ts[k]):
            break
        words.extend(w.lower() for w in WORD.findall(tok.replace("-", " ")) if w)
    return words


def _mention(doc: Doc, e: tuple[int, int, str, str]) -> Mention:
    s = doc.sent_of(e[0])
    lo, hi = doc.ss[s], doc.se[s]
    j = doc.first_tok_at(e[0])
    t = _title_start(doc, j, lo)
    title = [doc.low(k) for k in range(t, j)]
    after = doc.first_tok_at(e[1])
    role = frozenset(title + [w.rstrip(".") for w in title] + _appositive(doc, after, hi))
    return Mention(
        start=e[0],
        end=e[1],
        name=e[2],
        sent=s,
        para=doc.para_of(e[0]),
        role=role,
        # "about Romney", or "Of Obama, ..." opening the sentence
        object=doc.low(t) in OBJECT_PREPS
        or (t > 0 and doc.ts[t - 1] >= lo and doc.low(t - 1) in OBJECT_PREPS),
        possessive=doc.text.startswith(("’s", "'s"), e[1]) or _names_group(doc, after),
    )


def _names_group(doc: Doc, j: int) -> bool:
    """Is the name before token j part of a group's name ("the Obama campaign said")?"""
    return j < len(doc.ts) and doc.low(j) in GROUP_HEADS


def _decided(votes: dict[str, Counter]) -> dict[str, str]:
    return {name: c.most_common(1)[0][0] for name, c in votes.items() if c and c["m"] != c["f"]}


def _gender_votes(doc: Doc, mentions: list[Mention]) -> tuple[dict[str, str], dict[str, str]]:
    """Gender per person: from all evidence, and from titles and role nouns only."""
    votes: dict[str, Counter] = {}
    for m in mentions:
        c = votes.setdefault(m.name, Counter())
        for w in m.role:
            if w in GENDER_TITLES:
                c[GENDER_TITLES[w]] += 3
            elif w in GENDER_NOUNS:
                c[GENDER_NOUNS[w]] += 2
    titled = _decided(votes)
    for n, m in enumerate(mentions):
        c = votes[m.name]
        if not m.subject:
            continue
        # The first pronoun after the name, before the next person and within the next sentence.
        stop = mentions[n + 1].start if n + 1 < len(mentions) else len(doc.text)
        stop = min(stop, doc.se[min(m.sent + 1, len(doc.se) - 1)])
        for k in range(doc.first_tok_at(m.end), len(doc.ts)):
            if doc.ts[k] >= stop:
                break
            if doc.low(k) in BACK_PRONOUNS and not doc.in_quote(doc.ts[k]):
                c[BACK_PRONOUNS[doc.low(k)]] += 1
                break
    return _decided(votes), titled


def people_of(doc: Doc) -> People:
    """The article's person mentions outside quotes, with roles and genders (built once per Doc).

    >>> from mediakit.analyses.quotes.document import Doc
    >>> text = "Ms. Lee met Gov. Tom Park of Ohio. He spoke first."
    >>> toks = [(m.start(), m.end()) for m in __import__("re").finditer(r"\\w+\\.?|\\S", text)]
    >>> ents = [(4, 7, "Ann Lee", "PERSON"), (17, 25, "Tom Park", "PERSON")]
    >>> doc = Doc(text, ([a for a, _ in toks], [b for _, b in toks]), ([0, 35], [34, 50]), ents)
    >>> p = people_of(doc)
    >>> p.gender, "gov." in p.mentions[1].role
    ({'Ann Lee': 'f', 'Tom Park': 'm'}, True)
    """
    if doc.people is None:
        mentions = [
            _mention(doc, e) for e in doc.ents if e[3] == "PERSON" and not doc.in_quote(e[0])
        ]
        doc.people = People(mentions, *_gender_votes(doc, mentions))
    return doc.people
