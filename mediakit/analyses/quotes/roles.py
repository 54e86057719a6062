"""A title or role as the speaker ("the governor", "the House speaker"): the person named with it.

News names a person once with a title ("Texas Gov. Rick Perry", "John
Boehner, the House speaker,") and then refers back to the role alone. A role
phrase is resolved to the person the article names with that role: the
words before the role noun ("Texas", "House") must agree where the article
gives them (the person whose context gives most of them wins); then a person
with the role who was quoted before ("the president" is the president who
has been speaking, not a foreign president mentioned since); then the one
named most recently before the quote, else the first named after it.
"""

from __future__ import annotations

from .cues import DETERMINERS, ROLE_TITLES, WORD
from .document import Doc, Who
from .people import Mention, people_of

# Words before a role noun that say nothing about which person holds it.
_VAGUE = frozenset(["former", "then", "new", "current", "outgoing", "incoming", "embattled"])


def role_of(phrase: str) -> tuple[str, list[str]] | None:
    """(role noun, the words before it) when ``phrase`` is a role, else None.

    >>> role_of("the Texas governor"), role_of("a Kremlin spokesman")
    (('governor', ['texas']), None)
    """
    words = [w.lower() for w in WORD.findall(phrase)]
    if words and words[0] in ("a", "an", "another", "one"):
        return None  # "a Kremlin spokesman" is someone not named before
    words = [w for w in words if w not in DETERMINERS and w not in ("'s", "’s")]
    if not words or words[-1] not in ROLE_TITLES or phrase.split()[-1][:1].isupper():
        return None  # "Governor" capitalised is part of a name the model missed
    return words[-1], [w for w in words[:-1] if w not in _VAGUE]


def _holds(m: Mention, role: str, mods: list[str]) -> int:
    """-1 when ``m`` is not named with the role, else how many of ``mods`` its context gives."""
    titles = ROLE_TITLES[role] + (role,)
    if not any(t in m.role for t in titles):
        return -1
    return sum(w in m.role for w in mods)


def resolve_title(doc: Doc, pos: int, phrase: str) -> Who | None:
    """The person named with the role in ``phrase`` (at offset ``pos``); None if not a role.

    >>> from mediakit.analyses.quotes.document import Doc
    >>> text = "Gov. Tom Park spoke. The governor left."
    >>> toks = [(m.start(), m.end()) for m in __import__("re").finditer(r"\\w+\\.?|\\S", text)]
    >>> doc = Doc(text, ([a for a, _ in toks], [b for _, b in toks]), ([0, 21], [20, 39]),
    ...           [(5, 13, "Tom Park", "PERSON")])
    >>> resolve_title(doc, 21, "The governor").speaker
    'Tom Park'
    """
    found = role_of(phrase)
    if found is None:
        return None
    role, mods = found
    best: tuple[int, int, int, int] | None = None
    name = ""
    quoted = {who for at, who in doc.said if at < pos}
    for m in people_of(doc).mentions:
        score = _holds(m, role, mods)
        if score < 0:
            continue
        before = m.start < pos
        key = (score, int(m.name in quoted), int(before), m.start if before else -m.start)
        if best is None or key > best:
            best, name = key, m.name
    if best is None:
        why = f"title '{phrase}' not matched to a person named with it in the article"
        return Who(note=why, method="role")
    conf = 0.8 if best[2] and best[0] == len(mods) else 0.6
    return Who(
        name, "PERSON", f"title '{phrase}' resolved to the person named with it", "title", conf
    )
