"""``quotes``: one row per quotation, from the shared parse and the canonical entities."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pandas as pd

from ...parsing.parsed import ParsedCorpus, parse_corpus
from ...vocab import NUMERIC_LABELS
from ..entities import entities_of
from ..map_articles import article_frame, map_articles, resolve_engine
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
def quotes(
    corpus: Any = None, *, aliases: Any = None, engine: str = "local", **parse_options: Any
) -> pd.DataFrame:
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

    ``engine="dask"`` parses and finds each article's quotes on the active
    ``dask.distributed`` cluster (:func:`mediakit.analyses.map_articles.map_articles`);
    the entities (their first stage also on the cluster, see
    :func:`mediakit.entities`) and stories, which look across articles, are
    decided here first. The table is identical to a local run.

    >>> q = quotes(cache_dir=False)
    >>> sorted(q[q.quote.str.startswith("We want peace")].speaker.unique())
    ['António Guterres']
    """
    pc = parse_corpus(corpus, engine=engine, **parse_options)
    return quotes_of(pc, aliases=aliases)


def quotes_of(
    pc: ParsedCorpus,
    aliases: Any = None,
    mentions: pd.DataFrame | None = None,
    engine: str | None = None,
) -> pd.DataFrame:
    """:func:`quotes` for an already parsed corpus (``mentions``: its entity table, if made).

    ``engine`` (``"local"`` or ``"dask"``) defaults to the engine ``pc`` was parsed with.

    >>> from mediakit.parsing.parsed import parse_corpus
    >>> q = quotes_of(parse_corpus(cache_dir=False))
    >>> set(q.kind) <= {"direct", "partial", "indirect"}
    True
    """
    engine = resolve_engine(engine, pc)
    all_ents = mentions if mentions is not None else entities_of(pc, aliases=aliases)
    ents = all_ents[~all_ents["label"].isin(NUMERIC_LABELS)]
    by_doc: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    for d, s, e, c, lab in zip(
        *(ents[k].tolist() for k in ("doc_id", "start_char", "end_char", "canonical", "label")),
        strict=True,
    ):
        by_doc[d].append((int(s), int(e), c, lab))
    ids = pc.corpus["doc_id"].astype("str").tolist()
    articles = article_frame(
        pc,
        _RECORD_COLUMNS,
        story=story_labels(pc, mentions=all_ents, aliases=aliases).tolist(),
        entities=[sorted(by_doc.pop(d, ())) for d in ids],
    )
    return map_articles(articles, _article_quotes, engine=engine)


_RECORD_COLUMNS = ("tok_start", "tok_end", "sent_start", "sent_end")
_ARTICLE_COLUMNS = ("doc_id", "outlet", "story", "text", *_RECORD_COLUMNS, "entities")


def _article_quotes(articles: pd.DataFrame) -> pd.DataFrame:
    """The :func:`quotes` rows of some articles (a table made by :func:`quotes_of`)."""
    rows: list[tuple] = []
    for doc_id, outlet, story, text, ts, te, ss, se, ents in zip(
        *(articles[c] for c in _ARTICLE_COLUMNS), strict=True
    ):
        if not text or not len(ss):
            continue  # no words, no quotes
        doc = Doc(text, (ts, te), (ss, se), ents)
        for q in doc_quotes(doc):
            rows.append((doc_id, outlet, story, *_row(doc, q)))
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
