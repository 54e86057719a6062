"""Who a speaker phrase names: a canonical entity, a resolved pronoun or title, or no one.

The speaker is always a canonical name from the entity table (a person, or an
organisation named in full: "the Kremlin") or empty; a description of an
unnamed source ("senior U.S. officials") or a text ("the statement") leaves
it empty, with the phrase kept in ``speaker_text`` and a ``note``.
"""

from __future__ import annotations

from .cues import (
    AFTER_STOP,
    AUX,
    BOUNDARY,
    DETERMINERS,
    DOCUMENT_NOUNS,
    GROUP_HEADS,
    MAX_SPEAKER_TOKENS,
    NEGATION,
    NOT_CUE_AFTER,
    OBJECT_PREPS,
    PERSONAL,
    PHRASE_PUNCT,
    PRONOUNS,
    SOURCE_NOUNS,
    SUBORDINATORS,
    VERBISH,
    WORD,
)
from .document import Doc, Quote, Who
from .pronouns import resolve_pronoun
from .roles import resolve_title


# -- speakers ---------------------------------------------------------------------------
def is_punct(tok: str) -> bool:
    return not any(ch.isalnum() for ch in tok)


def speaker_of_phrase(doc: Doc, start: int, end: int) -> Who:
    """Who the speaker phrase text[start:end] names (see :class:`Who`)."""
    phrase = doc.text[start:end].strip()
    low = phrase.lower()
    if low in PERSONAL:
        return resolve_pronoun(doc, start, phrase)
    if low in PRONOUNS:
        return Who(note=f"pronoun '{phrase}' not resolved")
    ents = [e for e in doc.ents_in(start, end) if not doc.in_quote(e[0])]
    # A person followed by "’s" owns the speaker ("Zelenskyy’s office"), is not it.
    people = [e for e in ents if e[3] == "PERSON" and not doc.text.startswith(("’s", "'s"), e[1])]
    words = [w for w in WORD.findall(phrase) if w.lower() not in ("the", "a", "an")]
    head = words[-1].lower() if words else ""
    if people and head in GROUP_HEADS and doc.text[people[-1][1] : end].strip().lower() == head:
        # "the Obama campaign": a group named after a person, named as such
        e = people[-1]
        return Who(f"{e[2]} {head}", "ORG", f"a group named after {e[2]}", "named", 0.85)
    if people and not (head in SOURCE_NOUNS and doc.text[people[-1][1] : end].strip()):
        # (not "the Obama campaign spokesman": a description of someone unnamed)
        return Who(people[-1][2], "PERSON", "", "named", 0.95)
    for e in ents:
        # "the Kremlin" is the Kremlin; "a Kremlin spokesman" stays a phrase.
        if len(WORD.findall(doc.text[e[0] : e[1]])) >= len(words):
            return Who(e[2], e[3], "", "named", 0.9)
    title = resolve_title(doc, start, phrase)
    if title is not None:
        return title
    if head in DOCUMENT_NOUNS:
        return Who(note=f"the source is a text ('{phrase}'), not a person", method="document")
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
            return Who(
                named.pop(), "PERSON", "surname matched to a person named earlier", "named", 0.8
            )
    if any(w.lower() in SOURCE_NOUNS for w in words):  # "Critics within NATO"
        return Who(note=f"unnamed source: '{phrase}'", method="description")
    return Who(note=f"speaker phrase names no one: '{phrase}'")


def phrase_punct(tok: str) -> bool:
    return is_punct(tok) and tok not in PHRASE_PUNCT


def phrase_before(doc: Doc, j: int, lo: int) -> tuple[int, int] | None:
    """Token range (a, b) of the speaker phrase ending just before token j (the cue).

    The phrase runs back to a clause boundary (sentence start, comma, "and",
    "that", ...) at most :data:`MAX_SPEAKER_TOKENS` tokens away; auxiliaries and
    adverbs next to the cue ("has previously") are not part of it.
    """
    b = j
    while b > 0 and doc.ts[b - 1] >= lo and doc.low(b - 1) in AUX:
        b -= 1
    if b > 0 and doc.low(b - 1) in NEGATION:
        return None  # "X did not say that ..." reports no speech
    a = b
    while a > 0 and doc.ts[a - 1] >= lo and b - a < MAX_SPEAKER_TOKENS:
        t = doc.low(a - 1)
        if t in BOUNDARY or phrase_punct(t):
            break
        a -= 1
    if a == b:
        return None
    reached_boundary = (
        a == 0 or doc.ts[a - 1] < lo or doc.low(a - 1) in BOUNDARY or phrase_punct(doc.low(a - 1))
    )
    if not reached_boundary:
        return None  # no clause boundary within reach: not a speaker phrase
    if any(doc.low(k) in VERBISH for k in range(a, b)):
        return None  # "The U.S. has provided aid and officials" is a clause, not a speaker
    return a, b


def phrase_after(
    doc: Doc, j: int, hi: int, limit: int = MAX_SPEAKER_TOKENS
) -> tuple[int, int] | None:
    """Token range of the speaker phrase starting at token j ("said <a senior official>")."""
    if j < len(doc.ts) and doc.low(j) in AFTER_STOP | {"of"}:
        return None  # "said of the decision": no speaker here
    b = j
    while b < len(doc.ts) and doc.te[b] <= hi and b - j < limit:
        t = doc.low(b)
        if t in AFTER_STOP or phrase_punct(t):
            break
        b += 1
    while b > j and doc.low(b - 1) == "of":
        b -= 1
    return (j, b) if b > j else None


def _in_subclause(doc: Doc, e: tuple[int, int, str, str], lo: int) -> bool:
    """Is the name e inside a subordinate clause or after a preposition ("Asked whether
    Obama ..., Santorum said"; "his comment that Obama ...", "of Obama")?"""
    j = doc.first_tok_at(e[0])
    for k in range(j - 1, doc.first_tok_at(lo) - 1, -1):
        t = doc.low(k)
        if t in (",", ";", ":", "—", "–"):
            return False
        if t in SUBORDINATORS or (k == j - 1 and t in OBJECT_PREPS):
            return True
    return False


def subject_of(doc: Doc, lo: int, hi: int) -> tuple[Who, tuple[int, int] | None]:
    """The speaker of "<subject> ..., saying, “…”": the first person named in text[lo:hi]
    as a possible subject (not in a subordinate clause, not a possessor)."""
    ents = [e for e in doc.ents_in(lo, hi) if not doc.in_quote(e[0])]
    people = [e for e in ents if e[3] == "PERSON"]
    plain = [e for e in people if not doc.text.startswith(("’s", "'s"), e[1])]
    main = [e for e in plain if not _in_subclause(doc, e, lo)]
    for e in (main or plain or people)[:1]:
        return Who(e[2], "PERSON", "", "named", 0.85), (e[0], e[1])
    j = doc.first_tok_at(lo)
    while j < len(doc.ts) and doc.ts[j] < hi and is_punct(doc.tok(j)):
        j += 1  # a list bullet
    if j < len(doc.ts) and doc.ts[j] < hi and doc.low(j) in PRONOUNS:
        return speaker_of_phrase(doc, doc.ts[j], doc.te[j]), (doc.ts[j], doc.te[j])
    span = _leading_phrase(doc, j, hi)
    if span:
        return speaker_of_phrase(doc, *span), span
    return Who(note="speaker not identified"), None


def _leading_phrase(doc: Doc, j: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase opening a clause, without a parser: determiners and capitalised
    words ("German Chancellor Olaf Scholz", "The Kremlin"), or one lower-case noun
    after determiners only ("the officials", "Critics")."""
    k, named = j, False
    while k < len(doc.ts) and doc.ts[k] < hi and k - j < MAX_SPEAKER_TOKENS:
        tok, low = doc.tok(k), doc.low(k)
        if low in DETERMINERS or (named and low in ("of", "-", "'s")):
            k += 1
        elif tok[:1].isupper():
            named, k = True, k + 1
        elif not named and tok.isalpha():
            k += 1  # the head noun of "the officials"
            break
        else:
            break
    while k > j and doc.low(k - 1) in DETERMINERS | {"of", "-", "'s"}:
        k -= 1
    return (doc.ts[j], doc.te[k - 1]) if k > j else None


def is_cue(doc: Doc, j: int, verbs: frozenset[str]) -> bool:
    """Token j is a cue verb: written in lower case ("States" in "United States" is
    not) and not used as an adjective ("his stated aim")."""
    if j >= len(doc.ts):
        return False
    tok = doc.tok(j)
    if tok not in verbs:  # cue verbs are lower case, so no need to fold case first
        return False
    return j == 0 or doc.low(j - 1) not in NOT_CUE_AFTER


def set_attribution(q: Quote, doc: Doc, kind: str, cue: str, a: int, b: int) -> None:
    q.kind, q.cue = kind, cue
    set_speaker(q, doc, speaker_of_phrase(doc, a, b), (a, b))


def set_speaker(q: Quote, doc: Doc, who: Who, span: tuple[int, int] | None) -> None:
    """Give ``q`` the speaker ``who``, found in the phrase at ``span``."""
    q.speaker, q.label, q.method, q.confidence = who.speaker, who.label, who.method, who.confidence
    q.speaker_text = doc.text[span[0] : span[1]] if span else ""
    q.attr = span
    q.note = "; ".join(x for x in (q.note, who.note) if x)
    if who.label == "PERSON":
        doc.said.append((q.start, who.speaker))
