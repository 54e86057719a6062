"""Parse records: one spaCy ``Doc`` turned into compact offsets and counts.

A parse record is everything later analyses need from the model, as offsets
into the article text: tokens, sentences, entity spans, plus the readability
counts computed while the ``Doc`` is still in memory (:mod:`.counts`).
Records go to the :class:`~mediakit.parsing.store.ParseStore`; ``Doc``
objects are never kept, so memory stays flat however large the corpus.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import pyarrow as pa
from spacy.tokens import Doc

from .counts import count_article
from .pipeline import load_nlp
from .schema import COUNT_COLUMNS, SCHEMA

__all__ = ["COUNT_COLUMNS", "MAX_PIECE", "SCHEMA", "doc_record", "parse_batch", "text_pieces"]


_DASHES = frozenset({"—", "–", "―"})

#: Texts longer than this (in characters) are parsed in pieces cut at line
#: breaks and joined into one ``Doc``: spaCy refuses longer texts (E088), and
#: one piece this long already takes about a gigabyte while it is parsed.
MAX_PIECE = 1_000_000


def doc_record(doc: Doc, key: str) -> dict:
    """Turn one parsed ``Doc`` into a parse record (a dict matching :data:`SCHEMA`).

    Words are whitespace-delimited chunks with a letter or digit ("U.S.-supplied",
    "Biden’s", "$56.2" are one word each, as readability formulas expect);
    dashes also separate words. Sentences without a word are dropped.

    >>> from mediakit.parsing.pipeline import load_nlp
    >>> rec = doc_record(load_nlp()("Sen. Warren spoke at 3 p.m. on Jan. 5. She left."), "k")
    >>> rec["sentences"], rec["words"]
    (2, 11)
    """
    text = doc.text
    tok_start: list[int] = []
    tok_end: list[int] = []
    sent_start: list[int] = []
    sent_end: list[int] = []
    sentences: list[list[str]] = []
    for sent in doc.sents:
        words: list[str] = []
        group_start = -1
        group_end = -1
        first = last = -1
        for tok in sent:
            if tok.is_space:
                continue
            s = tok.idx
            e = s + len(tok.text)
            tok_start.append(s)
            tok_end.append(e)
            if first < 0:
                first = s
            last = e
            if tok.text in _DASHES:
                if group_start >= 0:
                    words.append(text[group_start:group_end])
                group_start = -1
                continue
            if group_start < 0:
                group_start = s
            group_end = e
            if tok.whitespace_ or tok.i + 1 >= len(doc) or doc[tok.i + 1].is_space:
                words.append(text[group_start:group_end])
                group_start = -1
        if group_start >= 0:
            words.append(text[group_start:group_end])
        words = [w for w in words if any(ch.isalnum() for ch in w)]
        if words:
            sentences.append(words)
            sent_start.append(first)
            sent_end.append(last)
    counts = count_article(sentences)
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    record = {
        "key": key,
        "n_chars": len(text),
        **{c: int(counts[c]) for c in COUNT_COLUMNS if c != "paragraphs"},
        "paragraphs": sum(1 for line in text.split("\n") if line.strip()),
        "mattr": float(counts["mattr"]),
        "mtld": float(counts["mtld"]),
        "sentence_words": list(counts["sentence_words"]),
        "tok_start": tok_start,
        "tok_end": tok_end,
        "sent_start": sent_start,
        "sent_end": sent_end,
        "ent_start": [s for s, _, _ in ents],
        "ent_end": [_rstrip_end(text, s, e) for s, e, _ in ents],
        "ent_label": [lab for _, _, lab in ents],
    }
    return record


def _rstrip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def parse_batch(
    items: Sequence[tuple[str, str]], model: str | None = None, batch_size: int = 64
) -> pa.RecordBatch:
    """Parse ``(key, text)`` pairs with one ``nlp.pipe`` call; return their records.

    >>> parse_batch([("k1", "Joe Biden spoke.")]).num_rows
    1
    """
    nlp = load_nlp(model)
    short = [(key, t) for key, t in items if len(t) <= MAX_PIECE]
    docs = nlp.pipe([t for _, t in short], batch_size=batch_size)
    records = {key: doc_record(doc, key) for (key, _), doc in zip(short, docs, strict=True)}
    for key, text in items:
        if key not in records:
            records[key] = doc_record(_parse_in_pieces(nlp, text), key)
    rows = [records[key] for key, _ in items]
    batch = pa.RecordBatch.from_pylist(rows, schema=SCHEMA)
    _release_memory()
    return batch


def text_pieces(text: str, size: int | None = None) -> list[str]:
    r"""``text`` cut into pieces of at most ``size`` characters, at line breaks where possible.

    >>> text_pieces("one\ntwo\nthree", size=6)
    ['one\n', 'two\n', 'three']
    """
    size = size or MAX_PIECE
    pieces, start = [], 0
    while len(text) - start > size:
        window = (start + size // 2, start + size)
        cut = text.rfind("\n", *window)
        if cut < 0:
            cut = text.rfind(" ", *window)
        end = start + size if cut < 0 else cut + 1
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def _parse_in_pieces(nlp, text: str) -> Doc:
    # Every line break starts a sentence anyway, so cutting there changes no sentence.
    return Doc.from_docs(list(nlp.pipe(text_pieces(text), batch_size=1)), ensure_whitespace=False)


def _release_memory() -> None:
    # A batch of long articles makes the NER allocate large temporary arrays;
    # glibc keeps the freed pages, so a worker's RSS would only ever grow.
    # malloc_trim hands them back (a no-op where glibc is absent).
    if _LIBC is not None:
        _LIBC.malloc_trim(0)


def _load_libc():
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        libc.malloc_trim.argtypes = [ctypes.c_size_t]
        return libc
    except (OSError, AttributeError):
        return None


_LIBC = _load_libc()
