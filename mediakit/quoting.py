"""Quotations: who is quoted saying what, and how each outlet renders the same statement.

Everything comes from the shared parse (token, sentence and entity offsets)
and the canonical entity table; no second NLP pass, no dependency parser.

* **direct**: text between quotation marks (curly, straight, guillemets) with
  an attribution next to it: ``“…,” X said``, ``“…,” said X``, ``X said: “…”``,
  ``…, saying, “…”``, ``according to X``. The second half of a quote split
  around its attribution, and later quotes in the same paragraph without an
  attribution of their own, belong to the paragraph's speaker (news
  convention), as does a quote continued in the next paragraph.
* **partial**: a quoted fragment woven into the writer's own sentence
  (``warning that it could “change the nature of the conflict”``, scare
  quotes); the speaker is the sentence's speaker when there is one.
* **indirect**: reported speech without quotation marks (``X said that …``,
  ``…, officials said.``, ``according to X, …``); ``quote`` is the reported clause.

Speakers: a named entity inside the speaker phrase gives its canonical name
(titles such as "U.N. Secretary-General" come off with it); "he"/"she" is
resolved to the nearest preceding person when only one person is named in
the nearest sentence that names any; otherwise the phrase as written
("a senior U.S. official") is kept. ``note`` says when something was guessed
or repaired (an unclosed quotation mark, an ambiguous pronoun).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

import pandas as pd
from rapidfuzz import fuzz

from .errors import CorpusError
from .named_entities import entities_of
from .parsed import ParsedCorpus, parse_corpus

__all__ = ["ALIGN_COLUMNS", "COLUMNS", "align_quotes", "quotes", "quotes_of"]

COLUMNS = [
    "doc_id",
    "outlet",
    "quote",
    "speaker",
    "speaker_label",
    "cue",
    "kind",
    "start_char",
    "end_char",
    "sentence",
    "evidence",
    "speaker_text",
    "note",
]
ALIGN_COLUMNS = [
    "group_id",
    "speaker",
    "doc_id",
    "outlet",
    "quote",
    "similarity",
    "kind",
    "cue",
    "start_char",
    "end_char",
]

# -- word lists ---------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_FINITE = _words(
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
) | _words(  # plural subjects ("Critics warn that ..."); base forms that are
    # mostly nouns ("state", "note", "claim", "post") are left out.
    """tell add warn write remark argue insist explain reply respond declare announce confirm
    acknowledge admit emphasize emphasise urge caution predict vow promise conclude concede
    contend testify maintain allege reiterate complain assert"""
)
_PARTICIPLES = _words(
    """saying stating adding warning noting telling writing arguing insisting declaring
    explaining asking remarking emphasizing emphasising stressing urging claiming vowing
    promising acknowledging announcing tweeting posting observing cautioning predicting
    recalling replying responding continuing concluding conceding contending reiterating"""
)
# Verbs that put words in quotes into the subject's mouth without reporting a
# statement ("Trump called it a “witch hunt”"): cues for partial quotes only.
_NAMING = _words(
    """called calls calling described describes describing dubbed dubs labeled labelled labels
    termed terms branded brands"""
)
# Verbs whose object may come before "that" ("told reporters that").
_OBJECT_CUES = _words("told tells tell warned warns warn reminded assured informed urged")
# Adjuncts allowed between a cue and "that" ("said on Monday that").
_THAT_ADJUNCT = _words(
    """on in at during last this late early earlier yesterday today tonight repeatedly publicly
    previously again recently later also monday tuesday wednesday thursday friday saturday
    sunday"""
)
# Verbs that introduce reported speech without "that" ("Biden said the decision ...").
_BARE_REPORT = frozenset({"said", "says"})
_PERSONAL = frozenset({"he", "she"})
_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it", "you"})
# A cue right after one of these is an adjective or noun ("his stated aim", "the said").
_NOT_CUE_AFTER = _words("his her their its our my your the a an this that")
# Words allowed between a speaker and the cue ("Putin has previously warned").
_AUX = _words(
    """has have had also previously later then once again repeatedly publicly recently
    already earlier reportedly"""
)
_NEGATION = frozenset({"not", "n't", "never"})
_DETERMINERS = _words("the a an some many most several other others all both")
_VERBISH = _words(
    "is are was were be been has have had will would could can did does do may might should"
)
_PASSIVE = _words("is are was were be been being")  # "is said to be"
# Where a speaker phrase cannot continue backwards.
_BOUNDARY = _words(
    """, ; : ( ) — – " “ ” while as because since although though when after before if whereas
    so but and that which who"""
)
# Where a speaker phrase after an inverted cue ("said X") stops.
_AFTER_STOP = _words(
    """in on at during after before when while to from about as ahead adding referring citing
    according who which that told speaking last this late early"""
)
_MAX_SPEAKER_TOKENS = 9
# "according to a U.S. official and three individuals familiar with the matter"
_MAX_SOURCE_TOKENS = 16
# Tokens that may sit inside a speaker phrase although they are not words.
_PHRASE_PUNCT = frozenset({"-", "’s", "'s", "&"})

_MARKS = re.compile(r"[“”„«»\"]")
_SINGLE_MARKS = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–]))‘(?=[^\s\d])|(?<=\S)’(?=[\s.,;:!?)\]—–]|$)")
_OPENERS = frozenset("“„«‘")
_CLOSERS = frozenset("”»’")
_END_PUNCT = frozenset(".!?")
_WORD = re.compile(r"[^\W\d_][\w’'\-]*")


def _alternation(words: frozenset[str]) -> str:
    # Grouped by first letter: a flat alternation of 200 words makes re try
    # every word at every position (6 s on 2,000 articles instead of 0.5 s).
    groups: dict[str, list[str]] = defaultdict(list)
    for w in sorted(words, key=lambda w: (-len(w), w)):
        groups[w[0]].append(re.escape(w[1:]))
    return "|".join(f"{k}(?:{'|'.join(v)})" for k, v in sorted(groups.items()))


# Cue verbs are written in lower case; "According" may open a sentence.
_CUE_RE = re.compile(r"\b(?:[Aa]ccording to|" + _alternation(_FINITE) + r")\b")


@dataclass
class _Quote:
    para: int
    open: int  # offset of the opening mark
    close: int  # offset of the closing mark (paragraph end when unclosed)
    start: int  # content offsets
    end: int
    closed: bool
    note: str = ""
    kind: str = ""
    cue: str = ""
    speaker: str = ""
    label: str = ""
    speaker_text: str = ""
    attr: tuple[int, int] | None = None  # offsets of the attribution phrase
    chain: int = -1  # multi-paragraph quote: index of its first part


class _Doc:
    """One article's text with its token, sentence and entity offsets."""

    def __init__(
        self,
        text: str,
        toks: tuple[list[int], list[int]],
        sents: tuple[list[int], list[int]],
        ents: list[tuple[int, int, str, str]],
    ):
        self.text = text
        self.ts, self.te = toks
        self.ss, self.se = sents
        self.ents = ents  # (start, end, canonical, label), sorted
        self.ent_starts = [e[0] for e in ents]
        self.quoted: list[tuple[int, int]] = []  # quote content spans, sorted

    def tok(self, j: int) -> str:
        return self.text[self.ts[j] : self.te[j]]

    def low(self, j: int) -> str:
        return self.tok(j).lower().replace("’", "'")

    def first_tok_at(self, pos: int) -> int:
        return bisect_left(self.ts, pos)

    def sent_of(self, pos: int) -> int:
        return max(0, bisect_right(self.ss, pos) - 1)

    def ents_in(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        a = bisect_left(self.ent_starts, start)
        out = []
        for e in self.ents[a:]:
            if e[0] >= end:
                break
            if e[1] <= end:
                out.append(e)
        return out

    def in_quote(self, pos: int) -> bool:
        i = bisect_right(self.quoted, (pos, float("inf"))) - 1
        return i >= 0 and self.quoted[i][0] <= pos < self.quoted[i][1]


# -- public API -----------------------------------------------------------------------
def quotes(corpus: Any = None, *, aliases: Any = None, **parse_options: Any) -> pd.DataFrame:
    """One row per quotation: who said what, with the cue verb and the evidence sentence.

    Columns: ``doc_id, outlet, quote, speaker, speaker_label, cue, kind,
    start_char, end_char, sentence, evidence, speaker_text, note``. ``quote``
    is ``text[start_char:end_char]`` (without the quotation marks and a
    trailing comma); ``speaker`` is a canonical entity name (see
    :func:`mediakit.entities`) or the phrase as written, "" when unknown;
    ``speaker_label`` is the entity label ("" for a plain phrase);
    ``speaker_text`` is the speaker as written ("he", "U.N. Secretary-General
    Antonio Guterres"); ``kind`` is ``direct``, ``partial`` or ``indirect``;
    ``sentence`` indexes :func:`mediakit.sentences`; ``evidence`` is the
    sentence(s) holding the quote and its attribution; ``note`` says what
    was guessed or repaired. Parse options are those of :func:`mediakit.analyze`.

    >>> q = quotes(cache_dir=False)
    >>> sorted(q[q.quote.str.startswith("We want peace")].speaker.unique())
    ['António Guterres']
    """
    return quotes_of(parse_corpus(corpus, **parse_options), aliases=aliases)


def quotes_of(pc: ParsedCorpus, aliases: Any = None) -> pd.DataFrame:
    """:func:`quotes` for an already parsed corpus.

    >>> from mediakit.parsed import parse_corpus
    >>> q = quotes_of(parse_corpus(cache_dir=False))
    >>> set(q.kind) <= {"direct", "partial", "indirect"}
    True
    """
    cols = pc.columns("tok_start", "tok_end", "sent_start", "sent_end")
    ents = entities_of(pc, aliases=aliases)
    ents = ents[
        ~ents["label"].isin(("DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"))
    ]
    by_doc: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    for d, s, e, c, lab in zip(
        *(ents[k].tolist() for k in ("doc_id", "start_char", "end_char", "canonical", "label")),
        strict=True,
    ):
        by_doc[d].append((int(s), int(e), c, lab))
    rows: list[tuple] = []
    ids = pc.corpus["doc_id"].astype("str").tolist()
    outlets = pc.corpus["outlet"].astype("str").tolist()
    for i, text in enumerate(pc.texts):
        if not text or not len(cols["sent_start"][i]):
            continue  # no words, no quotes
        doc = _Doc(
            text,
            (cols["tok_start"][i].as_py(), cols["tok_end"][i].as_py()),
            (cols["sent_start"][i].as_py(), cols["sent_end"][i].as_py()),
            sorted(by_doc.get(ids[i], [])),
        )
        for q in _doc_quotes(doc):
            rows.append((ids[i], outlets[i], *_row(doc, q)))
    out = pd.DataFrame(rows, columns=COLUMNS)
    for c in COLUMNS:
        if c in ("start_char", "end_char", "sentence"):
            out[c] = out[c].astype("int64")
        else:
            out[c] = out[c].astype("str")
    return out


# -- finding quotation marks ------------------------------------------------------------
def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _straight_role(text: str, pos: int) -> tuple[bool, bool]:
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    opens = (before.isspace() or before in "([{—–-/“‘") and not after.isspace()
    closes = not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-”’")
    return opens, closes


def _mark_spans(
    text: str, a: int, b: int, marks: re.Pattern
) -> tuple[list[tuple[int, int, bool, str]], bool]:
    """Pair the quotation marks of one paragraph: (open, close, closed, note); and
    whether the paragraph ends inside a quote."""
    spans: list[tuple[int, int, bool, str]] = []
    open_at = -1
    for m in marks.finditer(text, a, b):
        pos, ch = m.start(), m.group()
        if ch in _OPENERS:
            if open_at >= 0:
                spans.append(
                    (
                        open_at,
                        pos,
                        False,
                        "unclosed quotation mark: quote ended at the next opening mark",
                    )
                )
            open_at = pos
        elif ch in _CLOSERS:
            if open_at >= 0:
                spans.append((open_at, pos, True, ""))
                open_at = -1
            # a closing mark with no opener (or an apostrophe) is skipped
        else:  # straight quote: direction from its neighbours
            opens, closes = _straight_role(text, pos)
            if open_at < 0:
                if (closes and not opens) or (pos > 0 and text[pos - 1].isdigit()):
                    continue  # stray mark or inches (12")
                open_at = pos
            elif opens and not closes:
                spans.append(
                    (
                        open_at,
                        pos,
                        False,
                        "unclosed quotation mark: quote ended at the next opening mark",
                    )
                )
                open_at = pos
            else:
                spans.append((open_at, pos, True, ""))
                open_at = -1
    runs_on = open_at >= 0
    if runs_on:
        spans.append(
            (
                open_at,
                b,
                False,
                "no closing quotation mark: quote closed at the end of the paragraph",
            )
        )
    return spans, runs_on


def _content(text: str, open_at: int, close_at: int) -> tuple[int, int] | None:
    s, e = open_at + 1, close_at
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
        e -= 1
    if e <= s or not any(ch.isalnum() for ch in text[s:e]):
        return None
    return s, e


def _find_quotes(doc: _Doc) -> list[_Quote]:
    text = doc.text
    found: list[_Quote] = []
    prev_runs_on = -1  # index of the last part of a quote that ran past its paragraph
    for p, (a, b) in enumerate(_paragraphs(text)):
        marks = _MARKS
        if not _MARKS.search(text, a, b) and "‘" in text[a:b]:
            marks = _SINGLE_MARKS  # British style: ‘…’ when a paragraph has no double marks
        spans, runs_on = _mark_spans(text, a, b, marks)
        first_in_para = len(found)
        for open_at, close_at, closed, note in spans:
            content = _content(text, open_at, close_at)
            if content is None:
                continue
            found.append(_Quote(p, open_at, close_at, content[0], content[1], closed, note))
        # A quote that runs on and a next paragraph that opens with a quotation
        # mark: the usual way to quote several paragraphs; not an error.
        if prev_runs_on >= 0 and len(found) > first_in_para:
            q = found[first_in_para]
            if text[a : q.open].strip() == "":
                prev = found[prev_runs_on]
                prev.note = "quote continues in the next paragraph"
                q.chain = prev.chain if prev.chain >= 0 else prev_runs_on
        prev_runs_on = len(found) - 1 if runs_on and len(found) > first_in_para else -1
    doc.quoted = sorted((q.start, q.end) for q in found)
    return found


# -- speakers ---------------------------------------------------------------------------
def _is_punct(tok: str) -> bool:
    return not any(ch.isalnum() for ch in tok)


def _speaker(doc: _Doc, start: int, end: int) -> tuple[str, str, str]:
    """(speaker, label, note) for the speaker phrase text[start:end]."""
    phrase = doc.text[start:end].strip()
    low = phrase.lower()
    if low in _PERSONAL:
        return _resolve_pronoun(doc, start, phrase)
    if low in _PRONOUNS:
        return "", "", f"pronoun '{phrase}' not resolved"
    ents = [e for e in doc.ents_in(start, end) if not doc.in_quote(e[0])]
    # A person followed by "’s" owns the speaker ("Zelenskyy’s office"), is not it.
    people = [e for e in ents if e[3] == "PERSON" and not doc.text.startswith(("’s", "'s"), e[1])]
    if people:
        return people[-1][2], "PERSON", ""
    words = [w for w in _WORD.findall(phrase) if w.lower() not in ("the", "a", "an")]
    for e in ents:
        # "the Kremlin" is the Kremlin; "a Kremlin spokesman" stays a phrase.
        if len(_WORD.findall(doc.text[e[0] : e[1]])) >= len(words):
            return e[2], e[3], ""
    if words and words[-1][:1].isupper():
        # The model missed a surname ("Ms Cooper said"): the one person named
        # earlier in the article with that surname.
        last = words[-1].casefold()
        named = {
            e[2]
            for e in doc.ents_in(0, start)
            if e[3] == "PERSON" and e[2].split()[-1].casefold() == last
        }
        if len(named) == 1:
            return named.pop(), "PERSON", "surname matched to a person named earlier"
    return phrase, "", ""


def _resolve_pronoun(doc: _Doc, pos: int, pron: str) -> tuple[str, str, str]:
    # Nearest sentence (this one first, up to the pronoun) naming anyone outside
    # quotes; only a single named person there counts as unambiguous.
    si = doc.sent_of(pos)
    for s in range(si, max(-1, si - 4), -1):
        lo, hi = doc.ss[s], (pos if s == si else doc.se[s])
        names = [e[2] for e in doc.ents_in(lo, hi) if e[3] == "PERSON" and not doc.in_quote(e[0])]
        if names:
            distinct = list(dict.fromkeys(names))
            if len(distinct) == 1:
                return (
                    distinct[0],
                    "PERSON",
                    f"pronoun '{pron}' resolved to the nearest named person",
                )
            return "", "", f"pronoun '{pron}' ambiguous: {', '.join(distinct[:3])}"
    return "", "", f"pronoun '{pron}' not resolved: no person named nearby"


def _phrase_punct(tok: str) -> bool:
    return _is_punct(tok) and tok not in _PHRASE_PUNCT


def _phrase_before(doc: _Doc, j: int, lo: int) -> tuple[int, int] | None:
    """Token range (a, b) of the speaker phrase ending just before token j (the cue).

    The phrase runs back to a clause boundary (sentence start, comma, "and",
    "that", ...) at most :data:`_MAX_SPEAKER_TOKENS` tokens away; auxiliaries and
    adverbs next to the cue ("has previously") are not part of it.
    """
    b = j
    while b > 0 and doc.ts[b - 1] >= lo and doc.low(b - 1) in _AUX:
        b -= 1
    if b > 0 and doc.low(b - 1) in _NEGATION:
        return None  # "X did not say that ..." reports no speech
    a = b
    while a > 0 and doc.ts[a - 1] >= lo and b - a < _MAX_SPEAKER_TOKENS:
        t = doc.low(a - 1)
        if t in _BOUNDARY or _phrase_punct(t):
            break
        a -= 1
    if a == b:
        return None
    reached_boundary = (
        a == 0 or doc.ts[a - 1] < lo or doc.low(a - 1) in _BOUNDARY or _phrase_punct(doc.low(a - 1))
    )
    if not reached_boundary:
        return None  # no clause boundary within reach: not a speaker phrase
    if any(doc.low(k) in _VERBISH for k in range(a, b)):
        return None  # "The U.S. has provided aid and officials" is a clause, not a speaker
    return a, b


def _phrase_after(
    doc: _Doc, j: int, hi: int, limit: int = _MAX_SPEAKER_TOKENS
) -> tuple[int, int] | None:
    """Token range of the speaker phrase starting at token j ("said <a senior official>")."""
    if j < len(doc.ts) and doc.low(j) in _AFTER_STOP | {"of"}:
        return None  # "said of the decision": no speaker here
    b = j
    while b < len(doc.ts) and doc.te[b] <= hi and b - j < limit:
        t = doc.low(b)
        if t in _AFTER_STOP or _phrase_punct(t):
            break
        b += 1
    while b > j and doc.low(b - 1) == "of":
        b -= 1
    return (j, b) if b > j else None


def _subject(doc: _Doc, lo: int, hi: int) -> tuple[str, str, str, tuple[int, int] | None]:
    """The speaker of "<subject> ..., saying, “…”": first person named in text[lo:hi]."""
    ents = [e for e in doc.ents_in(lo, hi) if not doc.in_quote(e[0])]
    people = [e for e in ents if e[3] == "PERSON"]
    # Prefer a person who is not a possessor ("Zelenskyy’s Response: ... Zelenskyy").
    plain = [e for e in people if not doc.text.startswith(("’s", "'s"), e[1])]
    for e in (plain or people)[:1]:
        return e[2], "PERSON", "", (e[0], e[1])
    j = doc.first_tok_at(lo)
    while j < len(doc.ts) and doc.ts[j] < hi and _is_punct(doc.tok(j)):
        j += 1  # a list bullet
    if j < len(doc.ts) and doc.ts[j] < hi and doc.low(j) in _PRONOUNS:
        sp, lab, note = _speaker(doc, doc.ts[j], doc.te[j])
        return sp, lab, note, (doc.ts[j], doc.te[j])
    span = _leading_phrase(doc, j, hi)
    if span:
        sp, lab, note = _speaker(doc, *span)
        return sp, lab, note, span
    return "", "", "speaker not identified", None


def _leading_phrase(doc: _Doc, j: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase opening a clause, without a parser: determiners and capitalised
    words ("German Chancellor Olaf Scholz", "The Kremlin"), or one lower-case noun
    after determiners only ("the officials", "Critics")."""
    k, named = j, False
    while k < len(doc.ts) and doc.ts[k] < hi and k - j < _MAX_SPEAKER_TOKENS:
        tok, low = doc.tok(k), doc.low(k)
        if low in _DETERMINERS or (named and low in ("of", "-", "'s")):
            k += 1
        elif tok[:1].isupper():
            named, k = True, k + 1
        elif not named and tok.isalpha():
            k += 1  # the head noun of "the officials"
            break
        else:
            break
    while k > j and doc.low(k - 1) in _DETERMINERS | {"of", "-", "'s"}:
        k -= 1
    return (doc.ts[j], doc.te[k - 1]) if k > j else None


def _is_cue(doc: _Doc, j: int, verbs: frozenset[str]) -> bool:
    """Token j is a cue verb: written in lower case ("States" in "United States" is
    not) and not used as an adjective ("his stated aim")."""
    if j >= len(doc.ts):
        return False
    tok = doc.tok(j)
    if tok not in verbs:  # cue verbs are lower case, so no need to fold case first
        return False
    return j == 0 or doc.low(j - 1) not in _NOT_CUE_AFTER


def _set(q: _Quote, doc: _Doc, kind: str, cue: str, a: int, b: int) -> None:
    q.kind, q.cue = kind, cue
    q.speaker, q.label, note = _speaker(doc, a, b)
    q.speaker_text = doc.text[a:b]
    q.attr = (a, b)
    q.note = "; ".join(x for x in (q.note, note) if x)


def _according_to(doc: _Doc, j: int, hi: int) -> tuple[int, int] | None:
    if j + 1 < len(doc.ts) and doc.low(j) == "according" and doc.low(j + 1) == "to":
        return _phrase_after(doc, j + 2, hi, _MAX_SOURCE_TOKENS)
    return None


def _attribute_after(doc: _Doc, q: _Quote, hi: int) -> bool:
    """“…,” X said / “…,” said X / “…,” according to X."""
    if not q.closed:
        return False
    j = doc.first_tok_at(q.close + 1)
    if j < len(doc.ts) and doc.ts[j] < hi and doc.tok(j) == ",":
        j += 1
    if j >= len(doc.ts) or doc.ts[j] >= hi:
        return False
    if doc.text[q.end - 1] == "." and doc.tok(j)[:1].isupper():
        return False  # “… themselves.” A new sentence follows, not an attribution
    acc = _according_to(doc, j, hi)
    if acc:
        _set(q, doc, "direct", "according to", doc.ts[acc[0]], doc.te[acc[1] - 1])
        return True
    if _is_cue(doc, j, _FINITE):  # inverted: “…,” said X
        rng = _phrase_after(doc, j + 1, hi)
        if rng:
            _set(q, doc, "direct", doc.low(j), doc.ts[rng[0]], doc.te[rng[1] - 1])
        return rng is not None
    for k in range(j + 1, min(j + _MAX_SPEAKER_TOKENS + 2, len(doc.ts))):
        if doc.ts[k] >= hi or _phrase_punct(doc.low(k)):
            return False
        if _is_cue(doc, k, _FINITE):
            b = k
            while b > j and doc.low(b - 1) in _AUX:
                b -= 1
            if b == j or any(doc.low(x) in _VERBISH for x in range(j, b)):
                return False
            _set(q, doc, "direct", doc.low(k), doc.ts[j], doc.te[b - 1])
            return True
    return False


def _set_subject(q: _Quote, doc: _Doc, kind: str, j: int, lo: int) -> None:
    """Speaker of "<subject> …, saying, “…”": the subject of the clause before cue token j."""
    speaker, label, note, span = _subject(doc, lo, doc.ts[j])
    q.kind, q.cue, q.speaker, q.label = kind, doc.low(j), speaker, label
    q.speaker_text = doc.text[span[0] : span[1]] if span else ""
    q.attr = span or (doc.ts[j], doc.te[j])
    q.note = "; ".join(x for x in (q.note, note) if x)


def _attribute_before(doc: _Doc, q: _Quote, lo: int) -> bool:
    """X said: “…” / …, saying, “…” / X told reporters, “…”."""
    j = doc.first_tok_at(q.open) - 1
    if j < 0 or doc.ts[j] < lo or doc.tok(j) not in (",", ":"):
        return False
    sent_lo = max(lo, doc.ss[doc.sent_of(doc.ts[j])])
    for k in range(j - 1, max(-1, j - 6), -1):
        if doc.ts[k] < sent_lo or _phrase_punct(doc.low(k)):
            break
        if _is_cue(doc, k, _FINITE):
            rng = _phrase_before(doc, k, sent_lo)
            if rng:
                _set(q, doc, "direct", doc.low(k), doc.ts[rng[0]], doc.te[rng[1] - 1])
            else:
                _set_subject(q, doc, "direct", k, sent_lo)
            return True
        if _is_cue(doc, k, _PARTICIPLES):
            _set_subject(q, doc, "direct", k, sent_lo)
            return True
    if doc.tok(j) == ":":  # "Zelenskyy on Telegram: “…”": a person named before the colon
        people = [
            e
            for e in doc.ents_in(sent_lo, doc.ts[j])
            if e[3] == "PERSON" and not doc.in_quote(e[0])
        ]
        if people:
            e = people[-1]
            q.kind, q.speaker, q.label = "direct", e[2], "PERSON"
            q.speaker_text, q.attr = doc.text[e[0] : e[1]], (e[0], e[1])
            return True
    return False


def _attribute_according(doc: _Doc, q: _Quote, lo: int, hi: int) -> bool:
    """“…” with "according to X" elsewhere in the same sentence."""
    s_lo = max(lo, doc.ss[doc.sent_of(q.start)])
    s_hi = min(hi, doc.se[doc.sent_of(max(q.start, q.end - 1))] + 1)
    for m in re.finditer(r"\b[Aa]ccording to\b", doc.text[s_lo:s_hi]):
        pos = s_lo + m.start()
        if doc.in_quote(pos):
            continue
        rng = _according_to(doc, doc.first_tok_at(pos), s_hi)
        if rng:
            _set(q, doc, "direct", "according to", doc.ts[rng[0]], doc.te[rng[1] - 1])
            return True
    return False


def _embedded(doc: _Doc, q: _Quote, lo: int) -> bool:
    """Is the quote woven into a sentence ("warning that it could “…”")?"""
    before = doc.text[lo : q.open].rstrip()
    if not before or before[-1] in '.!?:;”"’)':
        return False
    return before[-1] != ","


def _attribute_partial(doc: _Doc, q: _Quote, lo: int) -> None:
    """A fragment woven into a sentence: the sentence's speaker, when a cue names one.

    A person merely named in the sentence is not taken as the speaker: in
    "known as the “junk bond king”" or "Flynn’s request, called “wildly
    preliminary”" the person is the topic, not the source.
    """
    q.kind = "partial"
    s_lo = max(lo, doc.ss[doc.sent_of(q.start)])
    for j in range(doc.first_tok_at(q.open) - 1, -1, -1):
        if doc.ts[j] < s_lo:
            break
        if doc.in_quote(doc.ts[j]):
            continue
        if _is_cue(doc, j, _FINITE):
            rng = _phrase_before(doc, j, s_lo)
            if rng:
                _set(q, doc, "partial", doc.low(j), doc.ts[rng[0]], doc.te[rng[1] - 1])
            else:
                _set_subject(q, doc, "partial", j, s_lo)
            return
        if _is_cue(doc, j, _PARTICIPLES | _NAMING):
            _set_subject(q, doc, "partial", j, s_lo)
            return


def _doc_quotes(doc: _Doc) -> list[_Quote]:
    found = _find_quotes(doc)
    paras = _paragraphs(doc.text)
    by_para: dict[int, list[int]] = defaultdict(list)
    for n, q in enumerate(found):
        by_para[q.para].append(n)
    for p, members in by_para.items():
        pa, pb = paras[p]
        for k, n in enumerate(members):
            q = found[n]
            lo = found[members[k - 1]].close + 1 if k > 0 else pa
            hi = found[members[k + 1]].open if k + 1 < len(members) else pb
            if _embedded(doc, q, lo):
                _attribute_partial(doc, q, lo)
                continue
            if (
                _attribute_after(doc, q, hi)
                or _attribute_before(doc, q, lo)
                or _attribute_according(doc, q, lo, hi)
            ):
                continue
            words = len(_WORD.findall(doc.text[q.start : q.end]))
            if words <= 3 and doc.text[q.end - 1] not in _END_PUNCT:
                _attribute_partial(doc, q, lo)  # a short label in quotes, not an utterance
        # One speaker per paragraph: a quote without its own attribution (the
        # second half of a split quote) takes the nearest attributed one's.
        standalone = [n for n in members if found[n].kind != "partial"]
        for idx, n in enumerate(standalone):
            q = found[n]
            if q.kind:
                continue
            donors = [found[m] for m in standalone[idx - 1 :: -1]] if idx > 0 else []
            donors += [found[m] for m in standalone[idx + 1 :]]
            donor = next((d for d in donors if d.kind == "direct" and d.speaker_text), None)
            if donor is not None:
                _inherit(q, donor, "speaker from the same paragraph")
    chains: dict[int, list[_Quote]] = defaultdict(list)
    for q in found:  # multi-paragraph quotes share one speaker
        if q.chain >= 0:
            if not chains[q.chain]:
                chains[q.chain].append(found[q.chain])
            chains[q.chain].append(q)
    for parts in chains.values():
        donor = next((d for d in parts if d.kind == "direct" and d.speaker_text), None)
        for q in parts:
            if donor is not None and not q.kind:
                _inherit(q, donor, "speaker from another paragraph of the same quote")
    for q in found:
        if not q.kind:
            q.kind = "direct"
            q.note = "; ".join(x for x in (q.note, "no attribution found") if x)
    return found + _indirect(doc, found)


def _inherit(q: _Quote, donor: _Quote, why: str) -> None:
    q.kind, q.cue, q.speaker, q.label = "direct", donor.cue, donor.speaker, donor.label
    q.speaker_text, q.attr = donor.speaker_text, donor.attr
    q.note = "; ".join(x for x in (q.note, why) if x)


# -- reported speech ------------------------------------------------------------------
def _indirect(doc: _Doc, found: list[_Quote]) -> list[_Quote]:
    """ "X said that …", "…, officials said.", "according to X, …" in sentences without quotes."""
    spans = sorted((q.open, max(q.close, q.end)) for q in found)
    cues = [m.start() for m in _CUE_RE.finditer(doc.text)]
    out: list[_Quote] = []
    for s, (lo, hi) in enumerate(zip(doc.ss, doc.se, strict=True)):
        # The sentencizer often hangs the next quote's opening mark on the
        # sentence before it; that mark is not part of this sentence.
        while hi > lo and (doc.text[hi - 1] in _OPENERS or doc.text[hi - 1] in ' "'):
            hi -= 1
        k = bisect_left(spans, (hi, -1))
        if k > 0 and spans[k - 1][1] >= lo:
            continue  # the sentence holds (part of) a quotation
        c = bisect_left(cues, lo)
        if c == len(cues) or cues[c] >= hi:
            continue  # most sentences have no cue word
        q = _report(doc, s, lo, hi)
        if q is not None:
            out.append(q)
    return out


def _clause(doc: _Doc, a: int, b: int) -> tuple[int, int] | None:
    text = doc.text
    while a < b and (text[a].isspace() or text[a] in ",:;—–"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ".,;:—–"):
        b -= 1
    return (a, b) if len(_WORD.findall(text[a:b])) >= 3 else None


def _report(doc: _Doc, s: int, lo: int, hi: int) -> _Quote | None:
    j0, j1 = doc.first_tok_at(lo), doc.first_tok_at(hi)
    toks = [doc.low(j) for j in range(j0, j1)]
    # according to X, CLAUSE  /  CLAUSE, according to X.
    for k in range(len(toks) - 1):
        if toks[k] == "according" and toks[k + 1] == "to":
            rng = _phrase_after(doc, j0 + k + 2, hi, _MAX_SOURCE_TOKENS)
            if not rng:
                return None
            a, b = doc.ts[rng[0]], doc.te[rng[1] - 1]
            after = _clause(doc, b, hi)
            before = _clause(doc, lo, doc.ts[j0 + k])
            longer_after = after and before and after[1] - after[0] > before[1] - before[0]
            content = after if k == 0 or longer_after or not before else before
            return _reported(doc, s, content, "according to", a, b)
    # X said (that) CLAUSE
    for k, t in enumerate(toks):
        j = j0 + k
        if t not in _FINITE or not _is_cue(doc, j, _FINITE) or (k > 0 and toks[k - 1] in _PASSIVE):
            continue  # "is said to"
        nxt = toks[k + 1 : k + 8]
        that = _that_at(t, nxt)
        if that < 0 and not (
            t in _BARE_REPORT and nxt and not _is_punct(nxt[0]) and nxt[0] != "to"
        ):
            continue
        rng = _phrase_before(doc, j, lo)
        if not rng:
            continue
        start = doc.te[j + that + 1] if that >= 0 else doc.te[j]
        return _reported(doc, s, _clause(doc, start, hi), t, doc.ts[rng[0]], doc.te[rng[1] - 1])
    # CLAUSE, X said [adjunct].  /  CLAUSE, said X [adjunct].
    commas = [k for k, t in enumerate(toks) if t == ","]
    if not commas:
        return None
    c = commas[-1]
    tail = toks[c + 1 :]
    content = _clause(doc, lo, doc.ts[j0 + c])
    if tail and _is_cue(doc, j0 + c + 1, _FINITE):
        rng = _phrase_after(doc, j0 + c + 2, hi)
        if rng and j1 - rng[1] <= 6:
            return _reported(doc, s, content, tail[0], doc.ts[rng[0]], doc.te[rng[1] - 1])
        return None
    for n in range(1, min(len(tail), _MAX_SPEAKER_TOKENS + 1)):
        if _is_cue(doc, j0 + c + 1 + n, _FINITE):
            if any(_is_punct(w) for w in tail[n + 1 : -1]) or len(tail) - n > 9:
                return None
            rng = _phrase_before(doc, j0 + c + 1 + n, doc.ts[j0 + c] + 1)
            if rng and rng[0] == j0 + c + 1:
                return _reported(doc, s, content, tail[n], doc.ts[rng[0]], doc.te[rng[1] - 1])
            return None
    return None


def _that_at(cue: str, nxt: list[str]) -> int:
    """Position of the "that" opening the reported clause in the tokens after the cue, or -1."""
    for n, w in enumerate(nxt[:6]):
        if w == "that":
            between = nxt[:n]
            if all(x in _THAT_ADJUNCT or x[:1].isdigit() for x in between):
                return n  # "said (on Monday) that"
            if cue in _OBJECT_CUES and not any(_is_punct(x) for x in between):
                return n  # "told reporters that"
            return -1
        if _is_punct(w):
            return -1
    return -1


def _reported(
    doc: _Doc, s: int, content: tuple[int, int] | None, cue: str, a: int, b: int
) -> _Quote | None:
    if content is None:
        return None
    q = _Quote(-1, content[0], content[1], content[0], content[1], True, kind="indirect")
    _set(q, doc, "indirect", cue, a, b)
    return q


def _row(doc: _Doc, q: _Quote) -> tuple:
    text = doc.text
    si = doc.sent_of(q.start)
    lo = min(doc.ss[si], q.open, q.attr[0] if q.attr else q.open)
    hi = max(doc.se[doc.sent_of(max(q.start, q.end - 1))], q.close + 1 if q.closed else q.end)
    if q.attr and q.attr[1] > hi:
        hi = doc.se[doc.sent_of(q.attr[1] - 1)]
    if q.attr and q.attr[0] < lo:
        lo = doc.ss[doc.sent_of(q.attr[0])]
    evidence = " ".join(text[lo:hi].split())
    return (
        text[q.start : q.end],
        q.speaker,
        q.label,
        q.cue,
        q.kind,
        q.start,
        q.end,
        si,
        evidence,
        q.speaker_text,
        q.note,
    )


# -- alignment across outlets ------------------------------------------------------------
_STOP = _words(
    """a an the and or but if then so as of to in on at by for with from into over under about
    this that these those it its it's is are was were be been being am do does did have has had
    will would can could should may might must shall not no nor n't don't doesn't didn't won't
    can't isn't aren't i me my we us our you your he him his she her they them their there here
    what which who whom whose when where why how all any some such than too very just also
    only own same other more most much many one up out s t ll re ve d"""
)
_TOKEN = re.compile(r"[a-z0-9][a-z0-9']*")

#: Two renderings of one statement in other words: rapidfuzz token_set_ratio at least this,
ALIGN_THRESHOLD = 75
#: at least this many shared content words (not stop words),
MIN_SHARED_WORDS = 2
#: and those shared words at least this share of the longer quote's content words.
MIN_SHARED_SHARE = 0.4
# Measured on the bundled corpus (tests/test_quotes.py): the same statement in
# other words scores 84-100 ("The missiles will speak for themselves." vs
# "Missiles don't need announcements. They'll speak for themselves" 87, 3 of 6
# content words shared; "We want peace, but a just peace" vs "We want peace, we
# want fair peace" 84, 2 of 3), while different statements of one speaker score
# 30-60. token_set_ratio alone reaches 100 whenever one quote's words are a
# subset of the other's, so on 2,000 AllSides articles a two-word scare quote
# ("witch hunt") chained dozens of unrelated Trump quotes into one group; the
# shared-word share stops that. An excerpt of a longer quote ("… a witch hunt
# that’s been going on for a long time" inside the full sentence) joins through
# partial_ratio instead: at least _EXCERPT_WORDS content words, nearly all shared.
_EXCERPT_WORDS = 4
_EXCERPT_RATIO = 90
# Words in more than this many of one speaker's quotes are too common to
# propose candidate pairs (they still count once a pair is scored).
_MAX_POSTING = 400


def _content_words(quote: str) -> set[str]:
    words = _TOKEN.findall(quote.lower().replace("’", "'"))
    out = set()
    for w in words:
        w = w.removesuffix("'s")
        if w in _STOP or len(w) < 3:
            continue
        out.add(w[:-1] if len(w) > 4 and w.endswith("s") else w)
    return out


def align_quotes(
    quotes: pd.DataFrame,
    *,
    threshold: float = ALIGN_THRESHOLD,
    min_shared_words: int = MIN_SHARED_WORDS,
    min_outlets: int = 2,
    kinds: tuple[str, ...] = ("direct", "partial", "indirect"),
) -> pd.DataFrame:
    """Group the quotes in which one speaker says the same thing, in any outlet's words.

    Quotes are compared only within a speaker (so the work grows with the
    number of quotes per speaker, not all pairs), through candidate pairs
    that share content words; a pair joins when rapidfuzz's
    ``token_set_ratio`` reaches ``threshold`` and it shares
    ``min_shared_words`` content words. Groups reaching ``min_outlets``
    outlets are returned, one row per quote: ``group_id, speaker, doc_id,
    outlet, quote, similarity, kind, cue, start_char, end_char``;
    ``similarity`` (0-100) compares the quote with the group's most central
    rendering. Quotes without a known speaker are left out.

    >>> aligned = align_quotes(quotes(cache_dir=False))
    >>> "Volodymyr Zelenskyy" in set(aligned.speaker)
    True
    """
    missing = [
        c for c in ("doc_id", "outlet", "quote", "speaker", "kind") if c not in quotes.columns
    ]
    if missing:
        raise CorpusError(
            f"align_quotes needs the table from mediakit.quotes(); it lacks {missing}."
        )
    table = quotes[
        quotes["kind"].isin(kinds) & (quotes["speaker"].astype("str") != "")
    ].reset_index(drop=True)
    texts = table["quote"].astype("str").tolist()
    words = [_content_words(t) for t in texts]
    parent = list(range(len(table)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for _, idx in table.groupby("speaker", sort=False).indices.items():
        postings: dict[str, list[int]] = defaultdict(list)
        for i in idx:
            for w in words[i]:
                postings[w].append(i)
        shared: Counter = Counter()
        for ids in postings.values():
            if len(ids) > _MAX_POSTING:
                continue
            for x in range(len(ids)):
                for y in range(x + 1, len(ids)):
                    shared[(ids[x], ids[y])] += 1
        for (a, b), n in shared.items():
            if n < min_shared_words or find(a) == find(b):
                continue
            if _same_statement(texts[a], texts[b], len(words[a]), len(words[b]), n, threshold):
                parent[find(a)] = find(b)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(table)):
        groups[find(i)].append(i)
    outlets = table["outlet"].astype("str").tolist()
    keep = [
        g for g in groups.values() if len(g) > 1 and len({outlets[i] for i in g}) >= min_outlets
    ]
    keep.sort(key=lambda g: (-len({outlets[i] for i in g}), str(table.at[g[0], "speaker"]), g[0]))
    rows = []
    for gid, members in enumerate(keep):
        sims = _centred_similarity([texts[i] for i in members])
        for i, sim in zip(members, sims, strict=True):
            r = table.iloc[i]
            rows.append(
                (
                    gid,
                    r["speaker"],
                    r["doc_id"],
                    r["outlet"],
                    r["quote"],
                    sim,
                    r["kind"],
                    r.get("cue", ""),
                    int(r.get("start_char", -1)),
                    int(r.get("end_char", -1)),
                )
            )
    out = pd.DataFrame(rows, columns=ALIGN_COLUMNS)
    out = out.astype(
        {"group_id": "int64", "similarity": "float64", "start_char": "int64", "end_char": "int64"}
    )
    for c in ("speaker", "doc_id", "outlet", "quote", "kind", "cue"):
        out[c] = out[c].astype("str")
    return out.sort_values(
        ["group_id", "outlet", "doc_id", "start_char"], kind="stable"
    ).reset_index(drop=True)


def _same_statement(a: str, b: str, na: int, nb: int, shared: int, threshold: float) -> bool:
    """Do two quotes of one speaker render the same statement? (``na``, ``nb``: content words.)"""
    short = min(na, nb)
    if (
        shared >= MIN_SHARED_SHARE * max(na, nb)
        and fuzz.token_set_ratio(a, b, processor=_norm) >= threshold
    ):
        return True
    return (
        short >= _EXCERPT_WORDS
        and shared >= 0.8 * short
        and fuzz.partial_ratio(_norm(a), _norm(b)) >= _EXCERPT_RATIO
    )


def _norm(s: str) -> str:
    return " ".join(_TOKEN.findall(s.lower().replace("’", "'")))


def _centred_similarity(texts: list[str]) -> list[float]:
    # Similarity to the medoid (the rendering closest to all others); big groups use the first.
    if len(texts) > 200:
        ref = texts[0]
    else:
        totals = [sum(fuzz.token_set_ratio(a, b, processor=_norm) for b in texts) for a in texts]
        ref = texts[max(range(len(texts)), key=lambda i: (totals[i], -i))]
    return [round(float(fuzz.token_set_ratio(t, ref, processor=_norm)), 1) for t in texts]
