""" "he"/"she" in an attribution: the most recent compatible person named before it.

Sentences are searched back from the pronoun (its own sentence first, up to
the pronoun), at most :data:`MAX_PARAGRAPHS_BACK` paragraphs; text inside
quotation marks is skipped, so a long quote does not hide its speaker. In
each sentence the first possible subject wins (news sentences put the actor
first): a person named there, or an earlier "he"/"she", which is resolved in
turn (a chain of pronouns leads back to one name). A person after a
preposition ("Of Obama, he said"), as a possessor ("Obama's plan") or naming
a group ("the Obama administration") is taken only when no subject is found;
a person whose gender, known from the article, differs from the pronoun's is
skipped. When a sentence names several possible subjects, the one who spoke
last before the pronoun is preferred.
"""

from __future__ import annotations

from .cues import BACK_PRONOUNS, PERSONAL
from .document import Doc, Who
from .people import Mention, People, people_of

#: How far back a pronoun may refer, in paragraphs.
MAX_PARAGRAPHS_BACK = 3

#: How many pronouns a chain may pass through.
MAX_CHAIN = 6


def _last_speaker(doc: Doc, pos: int, para: int) -> str:
    before = [(at, name) for at, name in doc.said if at < pos]
    if not before:
        return ""
    at, name = max(before)
    return name if doc.para_of(at) >= para - MAX_PARAGRAPHS_BACK else ""


def _pick(subjects: list[Mention], last: str, known: dict[str, str]) -> tuple[str, float, str]:
    names = list(dict.fromkeys(m.name for m in subjects))
    sure = [n for n in names if n in known]  # gender known to match, not just not known
    if len(sure) == 1 and len(names) > 1:
        return sure[0], 0.75, f"the one of {len(names)} people named whose gender matches"
    if len(names) == 1:
        return names[0], 0.8, "the nearest named person"
    if last in names:
        return last, 0.7, f"the last speaker, of {len(names)} people named"
    return names[0], 0.6, f"the first of {len(names)} people named ({', '.join(names[1:3])})"


def _earlier_pronoun(doc: Doc, s: int, hi: int, pron: str, first_person: int) -> int:
    """Offset of the first same pronoun of sentence s (before hi and before any subject), or -1."""
    for k in range(doc.first_tok_at(doc.ss[s]), doc.first_tok_at(hi)):
        if doc.ts[k] >= first_person:
            break
        if doc.low(k) == pron and not doc.in_quote(doc.ts[k]):
            return doc.ts[k]
    return -1


def _in_sentence(
    doc: Doc, people: People, s: int, hi: int, pron: str, gender: str, depth: int
) -> Who | Mention | None:
    """The referent sentence s offers: a Who (a subject found), a Mention (a fallback), None."""
    mentions = [
        m
        for m in people.by_sent.get(s, [])
        if m.start < hi and people.gender.get(m.name, gender) == gender
    ]
    subjects = [m for m in mentions if m.subject]
    first = subjects[0].start if subjects else hi
    at = _earlier_pronoun(doc, s, hi, pron, first) if depth < MAX_CHAIN else -1
    if at >= 0:
        who = resolve_pronoun(doc, at, pron, depth + 1)
        if who.speaker:
            why = f"pronoun '{pron}' resolved through an earlier '{pron}' to {who.speaker}"
            return Who(who.speaker, "PERSON", why, "pronoun", round(who.confidence * 0.95, 2))
    if subjects:
        last = _last_speaker(doc, hi, doc.para_of(hi))
        name, conf, why = _pick(subjects, last, people.titled)
        return Who(name, "PERSON", f"pronoun '{pron}' resolved to {why}", "pronoun", conf)
    return mentions[-1] if mentions else None


def resolve_pronoun(doc: Doc, pos: int, pron: str, depth: int = 0) -> Who:
    """Who "he"/"she" at offset ``pos`` refers to (see the module doc).

    >>> from mediakit.analyses.quotes.document import Doc
    >>> text = "Of Ann Lee, Tom Park spoke. He left."
    >>> toks = [(m.start(), m.end()) for m in __import__("re").finditer(r"\\w+|\\S", text)]
    >>> ents = [(3, 10, "Ann Lee", "PERSON"), (12, 20, "Tom Park", "PERSON")]
    >>> doc = Doc(text, ([a for a, _ in toks], [b for _, b in toks]), ([0, 28], [27, 36]), ents)
    >>> resolve_pronoun(doc, 28, "He").speaker
    'Tom Park'
    """
    pron = pron.lower()
    people = people_of(doc)
    if pos in people.resolved:
        return people.resolved[pos]
    gender = BACK_PRONOUNS[pron] if pron in PERSONAL else ""
    para = doc.para_of(pos)
    fallback: Mention | None = None
    who = Who(note=f"pronoun '{pron}' not resolved: no person named nearby")
    for s in range(doc.sent_of(pos), -1, -1):
        if doc.para_of(doc.ss[s]) < para - MAX_PARAGRAPHS_BACK:
            break
        found = _in_sentence(doc, people, s, min(pos, doc.se[s]), pron, gender, depth)
        if isinstance(found, Who):
            who = found
            break
        fallback = fallback or found
    else:
        found = None
    if not who.speaker and fallback is not None:
        why = f"pronoun '{pron}' resolved to a person named only as an object or possessor"
        who = Who(fallback.name, "PERSON", why, "pronoun", 0.4)
    people.resolved[pos] = who
    return who
