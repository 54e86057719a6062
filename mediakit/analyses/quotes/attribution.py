"""Direct and partial quotes: the attribution next to the quotation marks.

``“…,” X said``, ``“…,” said X``, ``X said: “…”``, ``…, saying, “…”``,
``according to X``. The second half of a quote split around its
attribution, and later quotes in the same paragraph without an attribution
of their own, belong to the paragraph's speaker (news convention), as does a
quote continued in the next paragraph.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .cues import (
    AUX,
    FINITE,
    MAX_APPOSITIVE_TOKENS,
    MAX_SOURCE_TOKENS,
    MAX_SPEAKER_TOKENS,
    NAMING,
    PARTICIPLES,
    VERBISH,
    WORD,
)
from .document import Doc, Quote, Who, paragraph_spans
from .fragments import attribute_after_fragment
from .inherit import across_chains, from_previous, within_paragraph, within_sentence
from .marks import END_PUNCT, find_quotes
from .reported import reported_speech
from .speakers import (
    is_cue,
    is_punct,
    phrase_after,
    phrase_before,
    phrase_punct,
    set_attribution,
    set_speaker,
    subject_of,
)


def _according_to(doc: Doc, j: int, hi: int) -> tuple[int, int] | None:
    if j + 1 < len(doc.ts) and doc.low(j) == "according" and doc.low(j + 1) == "to":
        return phrase_after(doc, j + 2, hi, MAX_SOURCE_TOKENS)
    return None


def _attribute_after(doc: Doc, q: Quote, hi: int) -> bool:
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
        set_attribution(q, doc, "direct", "according to", doc.ts[acc[0]], doc.te[acc[1] - 1])
        return True
    if is_cue(doc, j, FINITE):  # inverted: “…,” said X
        rng = phrase_after(doc, j + 1, hi)
        if rng:
            set_attribution(q, doc, "direct", doc.low(j), doc.ts[rng[0]], doc.te[rng[1] - 1])
        return rng is not None
    for k in range(j + 1, min(j + MAX_SPEAKER_TOKENS + 2, len(doc.ts))):
        if doc.ts[k] >= hi or phrase_punct(doc.low(k)):
            return doc.tok(k) == "," and _after_appositive(doc, q, j, k, hi)
        if is_cue(doc, k, FINITE):
            b = k
            while b > j and doc.low(b - 1) in AUX:
                b -= 1
            if b == j or any(doc.low(x) in VERBISH for x in range(j, b)):
                return False
            set_attribution(q, doc, "direct", doc.low(k), doc.ts[j], doc.te[b - 1])
            return True
    return False


def _after_appositive(doc: Doc, q: Quote, j: int, comma: int, hi: int) -> bool:
    """“…,” Rep. Ann Lee, D-N.Y., the former chair of …, told reporters: a name, an
    appositive between commas, then the cue."""
    name = [e for e in doc.ents_in(doc.ts[j], doc.ts[comma]) if e[3] == "PERSON"]
    if not name or name[-1][1] != doc.ts[comma]:
        return False
    for k in range(comma + 1, min(comma + MAX_APPOSITIVE_TOKENS, len(doc.ts) - 1)):
        if doc.ts[k] >= hi or doc.tok(k) in (".", ";", ":", "“", '"'):
            return False
        c = k + 1
        while c < len(doc.ts) and doc.low(c) in AUX:
            c += 1
        if doc.tok(k) == "," and is_cue(doc, c, FINITE):
            set_attribution(q, doc, "direct", doc.low(c), doc.ts[j], doc.ts[comma])
            return True
    return False


def _set_subject(q: Quote, doc: Doc, kind: str, j: int, lo: int) -> None:
    """Speaker of "<subject> …, saying, “…”": the subject of the clause before cue token j."""
    who, span = subject_of(doc, lo, doc.ts[j])
    q.kind, q.cue = kind, doc.low(j)
    set_speaker(q, doc, who, span)
    q.attr = span or (doc.ts[j], doc.te[j])


def _attribute_before(doc: Doc, q: Quote, lo: int) -> bool:
    """X said: “…” / …, saying, “…” / X told reporters, “…”."""
    j = doc.first_tok_at(q.open) - 1
    if j < 0 or doc.ts[j] < lo or doc.tok(j) not in (",", ":"):
        return False
    sent_lo = max(lo, doc.ss[doc.sent_of(doc.ts[j])])
    for k in range(j - 1, max(-1, j - 6), -1):
        if doc.ts[k] < sent_lo or phrase_punct(doc.low(k)):
            break
        if is_cue(doc, k, FINITE):
            rng = phrase_before(doc, k, sent_lo)
            if rng:
                set_attribution(q, doc, "direct", doc.low(k), doc.ts[rng[0]], doc.te[rng[1] - 1])
            else:
                _set_subject(q, doc, "direct", k, sent_lo)
            return True
        if is_cue(doc, k, PARTICIPLES):
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
            q.kind = "direct"
            set_speaker(q, doc, Who(e[2], "PERSON", "", "named", 0.85), (e[0], e[1]))
            return True
    return False


def _attribute_according(doc: Doc, q: Quote, lo: int, hi: int) -> bool:
    """“…” with "according to X" elsewhere in the same sentence."""
    s_lo = max(lo, doc.ss[doc.sent_of(q.start)])
    s_hi = min(hi, doc.se[doc.sent_of(max(q.start, q.end - 1))] + 1)
    for m in re.finditer(r"\b[Aa]ccording to\b", doc.text[s_lo:s_hi]):
        pos = s_lo + m.start()
        if doc.in_quote(pos):
            continue
        rng = _according_to(doc, doc.first_tok_at(pos), s_hi)
        if rng:
            set_attribution(q, doc, "direct", "according to", doc.ts[rng[0]], doc.te[rng[1] - 1])
            return True
    return False


def _embedded(doc: Doc, q: Quote, lo: int) -> bool:
    """Is the quote woven into a sentence ("warning that it could “…”")?"""
    before = doc.text[lo : q.open].rstrip()
    if not before or before[-1] in '.!?:;”"’)':
        return False
    return before[-1] != ","


def _attribute_partial(doc: Doc, q: Quote, lo: int, hi: int) -> None:
    """A fragment woven into a sentence: the sentence's speaker, when a cue names one.

    A person merely named in the sentence is not taken as the speaker: in
    "known as the “junk bond king”" or "Flynn’s request, called “wildly
    preliminary”" the person is the topic, not the source. A cue opening the
    sentence ("Calling the plan “a gift,” Smith said") or none before the
    fragment: the attribution after it.
    """
    q.kind = "partial"
    s_lo = max(lo, doc.ss[doc.sent_of(q.start)])
    for j in range(doc.first_tok_at(q.open) - 1, -1, -1):
        if doc.ts[j] < s_lo:
            break
        if doc.in_quote(doc.ts[j]):
            continue
        if is_cue(doc, j, FINITE):
            rng = phrase_before(doc, j, s_lo)
            if rng:
                set_attribution(q, doc, "partial", doc.low(j), doc.ts[rng[0]], doc.te[rng[1] - 1])
            else:
                _set_subject(q, doc, "partial", j, s_lo)
            return
        if is_cue(doc, j, PARTICIPLES | NAMING):
            opens = doc.ts[j] == s_lo or (is_punct(doc.tok(j - 1)) and doc.tok(j - 1) != ",")
            if opens and doc.low(j).endswith("ing"):
                attribute_after_fragment(doc, q, hi, doc.low(j))  # "Calling it “…,” X said"
            else:
                _set_subject(q, doc, "partial", j, s_lo)
            return
    attribute_after_fragment(doc, q, hi, "")


def doc_quotes(doc: Doc) -> list[Quote]:
    found = find_quotes(doc)
    paras = paragraph_spans(doc.text)
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
                _attribute_partial(doc, q, lo, hi)
                continue
            if (
                _attribute_after(doc, q, hi)
                or _attribute_before(doc, q, lo)
                or _attribute_according(doc, q, lo, hi)
            ):
                continue
            words = len(WORD.findall(doc.text[q.start : q.end]))
            if words <= 3 and doc.text[q.end - 1] not in END_PUNCT:
                _attribute_partial(doc, q, lo, hi)  # a short label in quotes, not an utterance
        within_paragraph(found, members)
    across_chains(found)
    within_sentence(doc, found)
    from_previous(doc, found)
    for q in found:
        if not q.kind:
            q.kind = "direct"
            q.note = "; ".join(x for x in (q.note, "no attribution found") if x)
    return found + reported_speech(doc, found)
