"""A quoted fragment whose attribution follows it in the sentence.

``Calling the plan a “gift to Moscow,” Smith said …`` or ``The deal is “dead
on arrival,” analysts said.``: the cue (and the speaker) come after the
quotation marks, up to the end of the sentence. A participle opening the
sentence ("Calling …", "Accusing …") takes the first person named after the
fragment as its subject when no cue follows.
"""

from __future__ import annotations

from .cues import FINITE, PARTICIPLES
from .document import Doc, Quote, Who
from .people import people_of
from .speakers import (
    is_cue,
    phrase_after,
    phrase_before,
    set_speaker,
    speaker_of_phrase,
    subject_of,
)


def _with_method(who: Who) -> Who:
    if who.method != "named":
        return who
    return Who(who.speaker, who.label, who.note, "after", round(who.confidence - 0.1, 2))


def attribute_after_fragment(doc: Doc, q: Quote, hi: int, opener: str) -> bool:
    """Attribute partial quote ``q`` to the speaker named after it in its sentence.

    ``opener`` is the participle that opens the sentence ("calling"), or "".
    """
    s = doc.sent_of(max(q.start, q.end - 1))
    end = min(hi, doc.se[s])
    j0 = doc.first_tok_at(q.close + 1)
    for k in range(j0, len(doc.ts)):
        if doc.ts[k] >= end:
            break
        first = j0 + 1 if doc.tok(j0) == "," else j0  # the comma may sit inside the marks
        if (
            k == first
            and (first > j0 or "," in doc.text[q.end : q.close])
            and is_cue(doc, k, PARTICIPLES)
        ):
            # "X tried to clarify his “phony theology” remark, saying …": the sentence's subject
            who, span = subject_of(doc, doc.ss[s], q.open)
            q.cue = doc.low(k)
            set_speaker(q, doc, _with_method(who), span)
            return bool(who.speaker)
        if doc.in_quote(doc.ts[k]) or not is_cue(doc, k, FINITE):
            continue
        if doc.tok(k - 1) == ",":  # “…,” said X
            rng = phrase_after(doc, k + 1, end)
        else:
            rng = phrase_before(doc, k, doc.te[j0 - 1] if j0 else 0)
        if rng:
            a, b = doc.ts[rng[0]], doc.te[rng[1] - 1]
            q.cue = doc.low(k)
            set_speaker(q, doc, _with_method(speaker_of_phrase(doc, a, b)), (a, b))
            return True
        return False
    if opener:
        subjects = {m.start for m in people_of(doc).mentions if m.subject}
        people = [e for e in doc.ents_in(q.close + 1, end) if e[0] in subjects]
        if people:
            e = people[0]
            q.cue = opener
            set_speaker(q, doc, Who(e[2], "PERSON", "", "after", 0.75), (e[0], e[1]))
            return True
    return False
