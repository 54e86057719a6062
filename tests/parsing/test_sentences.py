"""Sentence and word counts come from the spaCy parse, not textstat's regular expression."""

from __future__ import annotations

import pandas as pd
import pytest

import mediakit
from mediakit.parsing.pipeline import load_nlp
from mediakit.parsing.records import doc_record
from mediakit.parsing.syllables import offline_textstat


def counts(text: str) -> tuple[int, int]:
    rec = doc_record(load_nlp()(text), "k")
    return rec["sentences"], rec["words"]


@pytest.mark.parametrize(
    ("text", "sentences", "words"),
    [
        # Abbreviations inside sentences never end them.
        (
            "Sen. Elizabeth Warren, D-Mass., said the U.S. will spend $1.2 billion by 3 p.m. on Jan. 5. She left.",
            2,
            19,
        ),
        (
            "Gov. Gavin Newsom met Dr. Ana Ruiz at 10 a.m. Friday in Washington, D.C., officials said.",
            1,
            16,
        ),
        ("The U.S. Army said it had 12,000 troops. Officials in Kyiv disagreed.", 2, 12),
        # ...but "U.S." or "p.m." at the end of a sentence does end it when a new one starts.
        ("The talks ended at 3 p.m. The senator left for the U.S. She returned.", 3, 14),
        # A headline line without a full stop is a sentence of its own.
        ("Why Biden Approved ATACMS\nFor nearly two years, Biden resisted calls.", 2, 11),
        # Quotes close their sentence; curly quotes stay with their words.
        (
            "“Strikes are not made with words,” Zelenskyy said. “The missiles will speak for themselves.”",
            2,
            14,
        ),
        # Hyphenated and possessive words are one word; dashes separate words.
        ("Biden’s U.S.-supplied long-range missiles don't fly—yet.", 1, 7),
    ],
)
def test_sentence_and_word_counts(text, sentences, words):
    # Expected counts were made by reading each sentence aloud and counting by hand.
    assert counts(text) == (sentences, words)


def test_textstat_miscounts_news_abbreviations():
    # Why mediakit does not use textstat's sentence count: its regular
    # expression splits at every full stop ("Sen.", "D-Mass.", "$1.2", "p.m.", "Jan.").
    ts = offline_textstat()
    text = "Sen. Elizabeth Warren, D-Mass., said the U.S. will spend $1.2 billion by 3 p.m. on Jan. 5. She left."
    assert ts.sentence_count(text) != 2
    assert counts(text)[0] == 2


def test_sentences_table_offsets_point_at_the_text(corpus):
    table = mediakit.sentences(corpus)
    texts = dict(zip(corpus["doc_id"], corpus["text"], strict=True))
    for row in table.sample(40, random_state=1).itertuples():
        assert texts[row.doc_id][row.start_char : row.end_char] == row.text
        assert row.words > 0
    per_doc = table.groupby("doc_id").size()
    metrics = mediakit.analyze(corpus).set_index("doc_id")
    assert (per_doc == metrics.loc[per_doc.index, "sentences"]).all()
    assert list(table.columns) == [
        "doc_id",
        "outlet",
        "sentence",
        "start_char",
        "end_char",
        "words",
        "text",
    ]


def test_headline_lines_are_their_own_sentences(corpus):
    table = mediakit.sentences(corpus)
    first = table[table.doc_id == "000_27355086a02f5fbc"]
    assert "Deep Look" in set(first.text)
    assert "North Korea’s Growing Role" in set(first.text)


def test_sentence_words_sum_to_words(corpus, metrics):
    table = mediakit.sentences(corpus)
    totals = table.groupby("doc_id")["words"].sum()
    m = metrics.set_index("doc_id")
    pd.testing.assert_series_equal(
        totals, m.loc[totals.index, "words"].astype("int64"), check_names=False, check_dtype=False
    )
