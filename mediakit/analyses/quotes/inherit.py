"""Quotes that take their speaker from another quote, as news writing does.

* the second half of a quote split around its attribution, and later quotes
  of a paragraph without an attribution of their own: the paragraph's speaker;
* the later parts of a quote that runs over several paragraphs;
* a second or third fragment in one sentence ("calling it “unfair” and
  “cynical”"): the speaker of the sentence's other fragment;
* a paragraph that is only a quote, right after a paragraph whose quote has a
  named speaker: that speaker (the quote goes on);
* "the statement continued", "the letter added", and a title that names no
  one in the article ("the Texas governor said" where he is only "Rick
  Perry"; not "the spokesman"): the person quoted last, at most two
  paragraphs before.
"""

from __future__ import annotations

from collections import defaultdict

from .cues import CONTINUE_CUES, SOURCE_NOUNS
from .document import Doc, Quote

#: Confidence kept from the donor quote, by how the speaker was carried over.
CARRY = {"paragraph": 0.95, "chain": 0.95, "sentence": 0.9, "next": 0.8, "continued": 0.8}


def _inherit(q: Quote, donor: Quote, why: str, how: str) -> None:
    q.kind = q.kind or "direct"
    q.cue = q.cue or donor.cue
    q.speaker, q.label = donor.speaker, donor.label
    if not q.speaker_text:  # a phrase of its own ("the statement") stays as written
        q.speaker_text, q.attr = donor.speaker_text, donor.attr
    q.method = "inherited" if donor.speaker else donor.method
    q.confidence = round(donor.confidence * CARRY[how], 2)
    q.note = "; ".join(x for x in (q.note, why) if x)


def within_paragraph(found: list[Quote], members: list[int]) -> None:
    """Quotes of one paragraph without an attribution take the nearest attributed one's speaker."""
    standalone = [n for n in members if found[n].kind != "partial"]
    for idx, n in enumerate(standalone):
        q = found[n]
        if q.kind:
            continue
        donors = [found[m] for m in standalone[idx - 1 :: -1]] if idx > 0 else []
        donors += [found[m] for m in standalone[idx + 1 :]]
        donor = next((d for d in donors if d.kind == "direct" and d.speaker_text), None)
        if donor is not None:
            _inherit(q, donor, "speaker from the same paragraph", "paragraph")


def across_chains(found: list[Quote]) -> None:
    """The parts of a multi-paragraph quote share one speaker."""
    chains: dict[int, list[Quote]] = defaultdict(list)
    for q in found:
        if q.chain >= 0:
            if not chains[q.chain]:
                chains[q.chain].append(found[q.chain])
            chains[q.chain].append(q)
    for parts in chains.values():
        donor = next((d for d in parts if d.kind == "direct" and d.speaker_text), None)
        for q in parts:
            if donor is not None and not q.kind:
                _inherit(q, donor, "speaker from another paragraph of the same quote", "chain")


def within_sentence(doc: Doc, found: list[Quote]) -> None:
    """A fragment without a speaker takes the speaker of another quote in its sentence."""
    by_sent: dict[int, list[Quote]] = defaultdict(list)
    for q in found:
        by_sent[doc.sent_of(q.start)].append(q)
    for qs in by_sent.values():
        for i, q in enumerate(qs):
            if q.kind != "partial" or q.speaker:
                continue
            donors = qs[i - 1 :: -1] if i > 0 else []
            donor = next((d for d in donors + qs[i + 1 :] if d.speaker), None)
            if donor is not None:
                _inherit(q, donor, "speaker of another quote in the same sentence", "sentence")


def _quote_only(doc: Doc, q: Quote, found: list[Quote]) -> bool:
    """Is q's paragraph nothing but quotations (no words of the writer's own)?"""
    a, b = doc.paras[q.para]
    rest = doc.text[a:b]
    for other in sorted((x for x in found if x.para == q.para), key=lambda x: -x.open):
        lo, hi = other.open - a, (other.close + 1 if other.closed else other.end) - a
        rest = rest[:lo] + rest[hi:]
    return not any(ch.isalpha() for ch in rest)


def from_previous(doc: Doc, found: list[Quote]) -> None:
    """Quote-only paragraphs and "the statement continued" take the speaker quoted just before."""
    last: Quote | None = None
    for q in found:
        # "the statement continued"; "the Texas governor said" with no governor named
        goes_on = (q.method == "document" and q.cue in CONTINUE_CUES) or (
            q.method == "role" and (q.speaker_text.split() or [""])[-1].lower() not in SOURCE_NOUNS
        )  # "the spokesman said" is someone else's spokesman, not the last speaker
        if last is not None and not q.speaker and (goes_on or not q.kind):
            near = q.para - last.para <= (1 if not q.kind else 2)
            if near and (goes_on or _quote_only(doc, q, found)):
                why = "speaker quoted just before (" + (
                    "the text goes on)" if goes_on else "a paragraph that is only a quote)"
                )
                _inherit(q, last, why, "continued" if goes_on else "next")
        if q.label == "PERSON" and q.kind != "partial":
            last = q
