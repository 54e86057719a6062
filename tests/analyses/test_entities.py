"""Entity mentions: canonical names, recovered mentions and corrected labels on the bundled corpus."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mediakit
from mediakit.analyses.entities import COLUMNS, form_key
from mediakit.analyses.entities.forms import prev_word

IDS = [
    "000_27355086a02f5fbc",
    "001_f7ae5d49ca0ce747",
    "002_5a37fde2b4bfc4b9",
    "003_d4822408353cd1c9",
    "004_36ebadd4edbdb3b2",
]


def person_counts(mentions: pd.DataFrame, name: str) -> list[int]:
    sel = mentions[(mentions.canonical == name) & (mentions.label == "PERSON")]
    return sel.groupby("doc_id").size().reindex(IDS, fill_value=0).tolist()


def test_columns_and_offsets(corpus, mentions):
    assert list(mentions.columns) == COLUMNS
    texts = dict(zip(corpus.doc_id, corpus.text, strict=True))
    for row in mentions.itertuples():
        assert texts[row.doc_id][row.start_char : row.end_char] == row.text


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # Hand count: every "Biden" / "Trump" / "Zelensk" in each cleaned text
        # (grep -o on data/corpus, minus the keyword line of 000 and the headline
        # lines of 001 and 002, which cleaning moves out of the text).
        ("Joe Biden", [13, 7, 3, 6, 6]),
        ("Donald Trump", [11, 2, 2, 3, 0]),
        ("Volodymyr Zelenskyy", [6, 0, 1, 2, 1]),
    ],
)
def test_person_mentions_per_article(mentions, name, expected):
    assert person_counts(mentions, name) == expected


def test_aliases_merge(mentions):
    canon = {text: set(group) for text, group in mentions.groupby("text")["canonical"]}
    assert canon["Volodymyr Zelensky"] == {"Volodymyr Zelenskyy"}  # spelling variant (article 004)
    assert canon["Antonio Guterres"] == canon["António Guterres"] == {"António Guterres"}
    assert canon["Biden"] == {"Joe Biden"}  # surname linked to the full name
    assert canon["U.S."] == canon["US"] == {"United States"}
    assert canon["U.N."] == canon["UN"] == {"United Nations"}
    # Possessives and titles are trimmed from the mention.
    assert not mentions.text.str.endswith(("’s", "'s")).any()
    assert not mentions[mentions.label == "PERSON"].text.str.startswith("President ").any()


def test_missed_mentions_are_recovered(corpus, mentions):
    rec = mentions[mentions.source == "recovered"]
    assert len(rec) > 0
    # The subheading "Why Biden Approved ATACMS for Ukraine" (000): the model
    # reads the Title Case line as one name; recovery finds Biden in it.
    text = corpus.set_index("doc_id").loc[IDS[0], "text"]
    start = text.index("Why Biden Approved")
    hit = mentions[(mentions.doc_id == IDS[0]) & (mentions.start_char == start + 4)]
    assert hit.canonical.tolist() == ["Joe Biden"] and hit.source.tolist() == ["recovered"]


def test_small_model_label_errors_are_corrected(mentions):
    labels = {name: set(group) for name, group in mentions.groupby("canonical")["label"]}
    # The model calls these persons; corpus evidence says otherwise.
    assert labels["Kyiv"] == {"GPE"}
    assert "PERSON" not in labels["ATACMS"]
    assert "PERSON" not in labels["Patriot"]
    assert "Strikes" not in labels  # a common word written with a capital
    raw_person = mentions[
        (mentions.model_label == "PERSON")
        & (mentions.canonical.isin(["Kyiv", "ATACMS", "Patriot"]))
    ]
    assert len(raw_person) > 0  # ...and the model really did call them persons


def test_one_label_per_canonical_name(mentions):
    names = mentions[
        ~mentions.label.isin(
            ["DATE", "CARDINAL", "MONEY", "PERCENT", "ORDINAL", "TIME", "QUANTITY"]
        )
    ]
    assert (names.groupby("canonical")["label"].nunique() == 1).all()


def test_alias_table_overrides(corpus):
    table = pd.DataFrame(
        {
            "alias": ["Patriot", "Kremlin", "Zelenskyy"],
            "canonical": ["Patriot air defence", "", "President Zelenskyy"],
            "label": ["PRODUCT", "IGNORE", "PERSON"],
        }
    )
    ents = mediakit.entities(corpus, aliases=table)
    assert set(ents[ents.text == "Patriot"].canonical) == {"Patriot air defence"}
    assert "Kremlin" not in set(ents.canonical)
    assert "President Zelenskyy" in set(ents.canonical)


def test_alias_table_errors(corpus, tmp_path):
    with pytest.raises(mediakit.CorpusError, match="alias,canonical"):
        mediakit.entities(corpus, aliases=pd.DataFrame({"name": ["x"]}))
    with pytest.raises(mediakit.CorpusError, match="does not exist"):
        mediakit.entities(corpus, aliases=tmp_path / "missing.csv")


def test_form_key():
    assert form_key("U.S.") == form_key("US") == "us"
    assert form_key("Zelenskyy’s") != form_key("Zelenskyy")
    assert form_key("António") == "antonio"


# -- prev_word: read from the end of the window, the same as the regular expression ------------


def _prev_word_by_regex(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z][\w.\-]*)\W*$", text[max(0, start - 40) : start])
    return m.group(1).rstrip(".").lower() if m else ""


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from("aZé_9.-’' ,(\n\u0301ǅ"), max_size=60), st.data())
def test_prev_word_matches_the_regular_expression(text, data):
    start = data.draw(st.integers(0, len(text)))
    assert prev_word(text, start) == _prev_word_by_regex(text, start)
