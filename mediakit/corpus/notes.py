"""The warnings ``load_corpus`` gives about the texts: markup removed, other languages."""

from __future__ import annotations

import pandas as pd

from .columns import listing
from .html_text import MIN_TAGS, markup_tags
from .language import ENGLISH, UNDETERMINED

__all__ = ["text_notes"]


def text_notes(corpus: pd.DataFrame, clean: bool) -> list[str]:
    """Notes on HTML markup and non-English articles in a loaded corpus.

    >>> corpus = pd.DataFrame({"doc_id": ["a"], "raw_text": ["<p>Hi</p><p>there</p>"],
    ...                        "language": ["en"]})
    >>> text_notes(corpus, clean=True)[0].startswith("1 article(s) held HTML markup")
    True
    """
    notes = []
    html = corpus.loc[[markup_tags(t) >= MIN_TAGS for t in corpus["raw_text"]], "doc_id"]
    if len(html) and clean:
        notes.append(
            f"{len(html)} article(s) held HTML markup, which was removed from text (raw_text "
            f"keeps it; tags became paragraph breaks): {listing(html)}."
        )
    elif len(html):
        notes.append(
            f"{len(html)} article(s) hold HTML markup, kept because clean=False: "
            f"{listing(html)}. Load with clean=True to keep only their text."
        )
    # Two columns first: a row filter on the whole corpus would copy every text.
    languages = corpus[["doc_id", "language"]]
    other = languages[~languages["language"].isin([ENGLISH, UNDETERMINED])]
    if len(other):
        by_language = "; ".join(
            f"{lang}: {listing(ids)}" for lang, ids in other.groupby("language")["doc_id"]
        )
        notes.append(
            f"{len(other)} article(s) are not in English ({by_language}). They are kept, but "
            "mediakit's parse and readability formulas are made for English: analyze() gives "
            "them no readability scores. Keep only English ones with "
            "corpus[corpus.language == 'en']."
        )
    return notes
