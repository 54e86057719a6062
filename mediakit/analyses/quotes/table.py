"""``quotes``: one row per quotation, from the shared parse and the canonical entities."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pandas as pd

from ...parsing.parsed import ParsedCorpus, parse_corpus
from ...vocab import NUMERIC_LABELS
from ..entities import entities_of
from ..stories.labels import story_labels
from .attribution import doc_quotes
from .document import Doc, Quote

COLUMNS = [
    "doc_id",
    "outlet",
    "story",
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
    "method",
    "confidence",
]


# -- public API -----------------------------------------------------------------------
def quotes(corpus: Any = None, *, aliases: Any = None, **parse_options: Any) -> pd.DataFrame:
    """One row per quotation: who said what, with the cue verb and the evidence sentence.

    Columns: ``doc_id, outlet, story, quote, speaker, speaker_label, cue, kind,
    start_char, end_char, sentence, evidence, speaker_text, note, method,
    confidence``. ``story`` is the article's story (see :func:`mediakit.stories`). ``quote``
    is ``text[start_char:end_char]`` (without the quotation marks and a
    trailing comma); ``speaker`` is a canonical entity name (see
    :func:`mediakit.entities`) or the phrase as written, "" when unknown;
    ``speaker_label`` is the entity label ("" for a plain phrase);
    ``speaker_text`` is the speaker as written ("he", "U.N. Secretary-General
    Antonio Guterres"); ``kind`` is ``direct``, ``partial`` or ``indirect``;
    ``sentence`` indexes :func:`mediakit.sentences`; ``evidence`` is the
    sentence(s) holding the quote and its attribution; ``note`` says what
    was guessed or repaired; ``method`` says how the speaker was found
    (``named``: in the attribution; ``pronoun``: "he"/"she" resolved;
    ``title``: "the governor" resolved to the person named with that role;
    ``inherited``: from another quote of the paragraph, sentence or a quote
    that goes on; ``after``: named after a fragment; ``description``: an
    unnamed source such as "officials", or a title no one in the article
    holds; ``document``: a text such as "the
    letter"; ``none``) and ``confidence`` (0-1) how sure that is: a value per
    method and case, set near the share of right speakers measured for it on
    news with hand-checked speakers (``benchmarks/eval_quotes.py``); 0 without
    a speaker. Parse options are those of :func:`mediakit.analyze`.

    >>> q = quotes(cache_dir=False)
    >>> sorted(q[q.quote.str.startswith("We want peace")].speaker.unique())
    ['António Guterres']
    """
    return quotes_of(parse_corpus(corpus, **parse_options), aliases=aliases)


def quotes_of(
    pc: ParsedCorpus, aliases: Any = None, mentions: pd.DataFrame | None = None
) -> pd.DataFrame:
    """:func:`quotes` for an already parsed corpus (``mentions``: its entity table, if made).

    >>> from mediakit.parsing.parsed import parse_corpus
    >>> q = quotes_of(parse_corpus(cache_dir=False))
    >>> set(q.kind) <= {"direct", "partial", "indirect"}
    True
    """
    cols = pc.columns("tok_start", "tok_end", "sent_start", "sent_end")
    all_ents = mentions if mentions is not None else entities_of(pc, aliases=aliases)
    ents = all_ents[~all_ents["label"].isin(NUMERIC_LABELS)]
    by_doc: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    for d, s, e, c, lab in zip(
        *(ents[k].tolist() for k in ("doc_id", "start_char", "end_char", "canonical", "label")),
        strict=True,
    ):
        by_doc[d].append((int(s), int(e), c, lab))
    rows: list[tuple] = []
    ids = pc.corpus["doc_id"].astype("str").tolist()
    outlets = pc.corpus["outlet"].astype("str").tolist()
    story = story_labels(pc, mentions=all_ents, aliases=aliases).tolist()
    for i, text in enumerate(pc.texts):
        if not text or not len(cols["sent_start"][i]):
            continue  # no words, no quotes
        doc = Doc(
            text,
            (cols["tok_start"][i].as_py(), cols["tok_end"][i].as_py()),
            (cols["sent_start"][i].as_py(), cols["sent_end"][i].as_py()),
            sorted(by_doc.get(ids[i], [])),
        )
        for q in doc_quotes(doc):
            rows.append((ids[i], outlets[i], story[i], *_row(doc, q)))
    out = pd.DataFrame(rows, columns=COLUMNS)
    for c in COLUMNS:
        if c in ("start_char", "end_char", "sentence"):
            out[c] = out[c].astype("int64")
        elif c == "confidence":
            out[c] = out[c].astype("float64")
        else:
            out[c] = out[c].astype("str")
    return out


def _method(q: Quote) -> str:
    if q.speaker or q.method in ("description", "document"):
        return q.method
    return "description" if q.method == "role" else "none"  # a title no one holds here


def _row(doc: Doc, q: Quote) -> tuple:
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
        _method(q),
        q.confidence if q.speaker else 0.0,
    )
