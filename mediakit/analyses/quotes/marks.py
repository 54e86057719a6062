"""Quotation marks paired into quotes, paragraph by paragraph.

Curly, straight and guillemet marks; British single marks when a paragraph
has no double ones; a straight mark's direction from its neighbours; an
unclosed quote ends at the next opening mark or the paragraph's end (with a
note), and a quote that runs on into a paragraph opening with a mark is one
multi-paragraph quote.
"""

from __future__ import annotations

import re

from .document import Doc, Quote, paragraph_spans

_MARKS = re.compile(r"[“”„«»\"]")


_SINGLE_MARKS = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–]))‘(?=[^\s\d])|(?<=\S)’(?=[\s.,;:!?)\]—–]|$)")


OPENERS = frozenset("“„«‘")


_CLOSERS = frozenset("”»’")


END_PUNCT = frozenset(".!?")


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
        if ch in OPENERS:
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


def find_quotes(doc: Doc) -> list[Quote]:
    text = doc.text
    found: list[Quote] = []
    prev_runs_on = -1  # index of the last part of a quote that ran past its paragraph
    for p, (a, b) in enumerate(paragraph_spans(text)):
        marks = _MARKS
        if not _MARKS.search(text, a, b) and "‘" in text[a:b]:
            marks = _SINGLE_MARKS  # British style: ‘…’ when a paragraph has no double marks
        spans, runs_on = _mark_spans(text, a, b, marks)
        first_in_para = len(found)
        for open_at, close_at, closed, note in spans:
            content = _content(text, open_at, close_at)
            if content is None:
                continue
            found.append(Quote(p, open_at, close_at, content[0], content[1], closed, note))
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
