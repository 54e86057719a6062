"""Readability counts, formulas, MATTR and MTLD."""

from __future__ import annotations

import doctest
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mediakit.parsing.counts as rd_mod
from mediakit.analyses.readability import FORMULA_COLUMNS, FORMULAS, add_formulas
from mediakit.parsing.counts import COUNT_COLUMNS, count_article, mattr, mtld
from mediakit.parsing.syllables import offline_textstat

HAND_TEXT = (
    "The missile strike hit the power station near the city. "
    "Officials said the attack caused a serious escalation of the conflict. "
    "Families waited for news in the cold."
)

# Plain text for the textstat cross-check: no abbreviations, hyphens, numbers or
# possessives; every sentence has more than two words (textstat drops shorter
# ones) and ends with '.', so that splitting on '. ' and on spaces segments
# exactly as textstat's regular expressions do.
PLAIN_TEXTS = [
    "The government announced new rules for the electricity market on Monday. "
    "Officials said the changes would lower prices for families across the country. "
    "Critics warned that the plan could reduce investment in renewable energy. "
    "Several companies have already delayed projects while they study the details. "
    "The minister promised to publish a full report before the end of the year.",
    "Rescue teams worked through the night to reach villages cut off by the flood. "
    "Heavy rain continued to fall across the northern region, and more storms are "
    "expected this week. Hundreds of people spent the night in schools and churches "
    "that were turned into shelters. Local leaders asked for more boats, blankets and "
    "clean water. The national weather service said the river would not return to "
    "normal levels for several days.",
    "President Zelenskyy told lawmakers that his country would not accept a ceasefire "
    "imposed from outside. He thanked allies for their support but said that weapons "
    "were still arriving too slowly. Analysts believe the coming winter will test "
    "the resolve of both armies. Diplomats from several European capitals are "
    "expected to meet again next month to discuss sanctions and reconstruction.",
]


def _sentences(text: str) -> list[list[str]]:
    return [s.split() for s in text.split(". ")]


def test_doctest_examples_run() -> None:
    result = doctest.testmod(rd_mod)
    assert result.attempted > 0 and result.failed == 0


def test_counts_by_hand() -> None:
    # Syllables from CMUdict's first pronunciation, counted by hand (* = not on
    # the Dale-Chall easy list; letters in brackets):
    # S1 (10 words): The 1 [3], missile* 2 [7], strike* 1 [6], hit 1 [3], the 1 [3],
    #   power 2 [5], station 2 [7], near 1 [4], the 1 [3], city 2 [4] -> 14 syll, 45 letters
    # S2 (11 words): Officials* 3 [9], said 1 [4], the 1 [3], attack 2 [6], caused* 1 [6],
    #   a 1 [1], serious* 3 [7], escalation* 4 [10], of 1 [2], the 1 [3], conflict* 2 [8]
    #   -> 20 syll, 59 letters
    # S3 (7 words): Families* 3 [8], waited* 2 [6], for 1 [3], news 1 [4], in 1 [2],
    #   the 1 [3], cold 1 [4] -> 10 syll, 30 letters
    # 3+ syllables: officials, serious, escalation, families (all not easy -> complex too)
    # 28 tokens, "the" 6 times -> 23 types; under 50 tokens MATTR is the plain TTR.
    c = count_article(_sentences(HAND_TEXT))
    assert {k: c[k] for k in COUNT_COLUMNS} == {
        "words": 28,
        "sentences": 3,
        "syllables": 44,
        "polysyllables": 4,
        "complex_words": 4,
        "difficult_words": 9,
        "letters": 134,
    }
    assert c["sentence_words"] == [10, 11, 7]
    assert c["mattr"] == pytest.approx(23 / 28)
    forms = [w.strip(".").lower() for w in HAND_TEXT.split()]
    assert c["mtld"] == pytest.approx(mtld(forms))


def test_formulas_by_hand() -> None:
    # W=28, S=3, Sy=44, poly=4, complex=4, difficult=9, letters=134 (see test above)
    # W/S = 9.333333, Sy/W = 1.571429
    # FRE  = 206.835 - 1.015*9.333333 - 84.6*1.571429 = 206.835 - 9.473333 - 132.942857 = 64.4188
    # FKGL = 0.39*9.333333 + 11.8*1.571429 - 15.59 = 3.64 + 18.542857 - 15.59 = 6.5929
    # Fog  = 0.4*(9.333333 + 100*4/28) = 0.4*23.619048 = 9.4476
    # SMOG = 1.043*sqrt(4*30/3) + 3.1291 = 1.043*6.324555 + 3.1291 = 9.7256
    # CLI  = 0.0588*(100*134/28) - 0.296*(100*3/28) - 15.8 = 28.14 - 3.171429 - 15.8 = 9.1686
    # ARI  = 4.71*134/28 + 0.5*9.333333 - 21.43 = 22.540714 + 4.666667 - 21.43 = 5.7774
    # Dale = 0.1579*(100*9/28) + 0.0496*9.333333 + 3.6365 (32.14% > 5%)
    #      = 5.075357 + 0.462933 + 3.6365 = 9.1748
    # consensus = median(6.5929, 9.4476, 9.7256, 9.1686, 5.7774) = 9.1686
    out = add_formulas(pd.DataFrame([count_article(_sentences(HAND_TEXT))])).iloc[0]
    expected = {
        "words_per_sentence": 9.3333,
        "syllables_per_word": 1.5714,
        "polysyllable_share": 4 / 28,
        "flesch_reading_ease": 64.4188,
        "flesch_kincaid_grade": 6.5929,
        "gunning_fog": 9.4476,
        "smog_index": 9.7256,
        "coleman_liau_index": 9.1686,
        "automated_readability_index": 5.7774,
        "dale_chall": 9.1748,
        "consensus_grade": 9.1686,
    }
    for column, value in expected.items():
        assert out[column] == pytest.approx(value, abs=0.01), column


def test_dale_chall_without_the_difficult_word_bonus() -> None:
    # 4 words, all on the easy list, 1 sentence: 0.1579*0 + 0.0496*4 = 0.1984 (no +3.6365)
    out = add_formulas(pd.DataFrame([count_article([["The", "cat", "sat", "down."]])]))
    assert out.loc[0, "difficult_words"] == 0
    assert out.loc[0, "dale_chall"] == pytest.approx(0.1984, abs=0.01)


@pytest.mark.parametrize("text", PLAIN_TEXTS)
def test_agrees_with_textstat_on_plain_text(text: str) -> None:
    ts = offline_textstat()
    counts = count_article(_sentences(text))
    # Same segmentation and syllables on both sides first, so a formula gap is a formula gap.
    assert counts["words"] == ts.lexicon_count(text)
    assert counts["sentences"] == ts.sentence_count(text)
    assert counts["syllables"] == ts.syllable_count(text)
    assert counts["letters"] == ts.letter_count(text)
    out = add_formulas(pd.DataFrame([counts])).iloc[0]
    assert out["flesch_reading_ease"] == pytest.approx(ts.flesch_reading_ease(text), abs=0.1)
    assert out["flesch_kincaid_grade"] == pytest.approx(ts.flesch_kincaid_grade(text), abs=0.1)
    assert out["smog_index"] == pytest.approx(ts.smog_index(text), abs=0.1)
    assert out["gunning_fog"] == pytest.approx(ts.gunning_fog(text), abs=0.1)
    assert out["dale_chall"] == pytest.approx(ts.dale_chall_readability_score(text), abs=0.1)

    words = counts["words"]
    letters_per_100 = 100 * counts["letters"] / words
    # Coleman & Liau (1975) publish 0.0588 per letter per 100 words; textstat uses 0.058.
    # Everything else is the same, so the gap is exactly 0.0008 * letters per 100 words.
    assert out["coleman_liau_index"] == pytest.approx(
        ts.coleman_liau_index(text) + 0.0008 * letters_per_100, abs=0.01
    )
    # ARI: textstat counts every non-space character (commas, full stops) per word;
    # we count letters and digits only, so textstat is higher by 4.71 * punctuation/word.
    punctuation = sum(not ch.isalnum() and not ch.isspace() for ch in text)
    assert punctuation > 0
    assert out["automated_readability_index"] == pytest.approx(
        ts.automated_readability_index(text) - 4.71 * punctuation / words, abs=0.01
    )


def test_news_word_strings() -> None:
    sentence = ["U.S.-supplied", "(ATACMS)", "missiles", "cost", "$56.2", "million,", "Biden’s"]
    c = count_article([sentence])
    assert c["words"] == 7 and c["sentences"] == 1
    # letters and digits only: USsupplied 10, ATACMS 6, missiles 8, cost 4, 562 3,
    # million 7, Bidens 6
    assert c["letters"] == 44
    # "$56.2" is a number: familiar and left out of the vocabulary measures.
    assert c["mattr"] == 1.0
    assert c["difficult_words"] == 4  # u-s-supplied, atacms, missiles, biden's


def test_familiar_compounds_and_possessives() -> None:
    # "far-off" is on the list; "house-boat": both parts are; "mother's": possessive of "mother".
    c = count_article([["far-off", "house-boat", "Mother’s", "escalation-prone"]])
    assert c["difficult_words"] == 1


def test_empty_article() -> None:
    for sentences in ([], [[]], [[], []]):
        c = count_article(sentences)
        assert c["words"] == 0 and c["sentences"] == 0 and c["syllables"] == 0
        assert math.isnan(c["mattr"]) and math.isnan(c["mtld"])
        assert c["sentence_words"] == []


def test_empty_sentences_are_not_counted() -> None:
    c = count_article([["One", "two."], [], ["Three."]])
    assert c["sentences"] == 2 and c["sentence_words"] == [2, 1]


# --- MATTR and MTLD ---------------------------------------------------------


def test_mattr_by_hand() -> None:
    # window 3 over a b a c: windows "a b a" 2/3 and "b a c" 3/3 -> 5/6
    assert mattr(list("abac"), window=3) == pytest.approx(5 / 6)
    # window 2 over a a b b: 1/2, 2/2, 1/2 -> 2/3
    assert mattr(list("aabb"), window=2) == pytest.approx(2 / 3)
    # default window 50: 50 distinct then w1 again: windows 50/50 and 49/50 -> 0.99
    tokens = [f"w{i}" for i in range(50)] + ["w1"]
    assert mattr(tokens) == pytest.approx(0.99)
    # fewer tokens than the window: plain TTR, 2 types / 3 tokens
    assert mattr(["a", "b", "a"]) == pytest.approx(2 / 3)
    assert math.isnan(mattr([]))


def test_mtld_by_hand() -> None:
    # a b a b forwards: TTR 1, 1, 2/3 <= 0.72 -> factor 1, then "b" alone (TTR 1, partial 0)
    # -> 4/1 = 4; backwards the same -> 4.
    assert mtld(list("abab")) == pytest.approx(4.0)
    # a b c a d: TTR 1, 1, 1, 0.75, 0.8, no full factor; partial (1-0.8)/(1-0.72) = 0.714286
    # -> 5/0.714286 = 7.0; backwards d a c b a also ends at 4/5 -> 7.0.
    assert mtld(list("abcad")) == pytest.approx(7.0)
    # a a b c forwards: 1, 1/2 -> factor; b c TTR 1 -> 4/1 = 4.
    # backwards c b a a: 1, 1, 1, 3/4 -> partial 0.25/0.28 = 0.892857 -> 4.48. Mean 4.24.
    assert mtld(list("aabc")) == pytest.approx(4.24)
    # no repetition: one factor by convention -> number of tokens
    assert mtld(list("abc")) == 3.0
    assert math.isnan(mtld([]))


def _naive_mattr(tokens: list[str], window: int) -> float:
    if len(tokens) < window:
        return len(set(tokens)) / len(tokens)
    ratios = [len(set(tokens[i : i + window])) / window for i in range(len(tokens) - window + 1)]
    return sum(ratios) / len(ratios)


tokens_strategy = st.lists(st.sampled_from(list("abcdefghij")), min_size=1, max_size=300)


@given(tokens_strategy, st.integers(min_value=1, max_value=60))
def test_mattr_matches_definition(tokens: list[str], window: int) -> None:
    value = mattr(tokens, window=window)
    assert 0 < value <= 1
    assert value == pytest.approx(_naive_mattr(tokens, window))


@given(tokens_strategy)
def test_mtld_positive(tokens: list[str]) -> None:
    value = mtld(tokens)
    assert value > 0 and math.isfinite(value)


@given(st.sets(st.text(min_size=1, max_size=8), min_size=1, max_size=120))
def test_all_distinct_tokens(distinct: set[str]) -> None:
    tokens = sorted(distinct)
    assert mattr(tokens) == 1.0
    assert mtld(tokens) == len(tokens)


@settings(deadline=None)  # the first example may load CMUdict
@given(
    st.lists(
        st.lists(st.sampled_from(["The", "escalation", "12,000", "U.S.-supplied", "cat."])),
        max_size=6,
    )
)
def test_count_article_invariants(sentences: list[list[str]]) -> None:
    c = count_article(sentences)
    assert c["words"] == sum(c["sentence_words"]) == sum(len(s) for s in sentences)
    assert c["sentences"] == sum(1 for s in sentences if s)
    assert c["syllables"] >= c["words"]  # every word has at least one syllable
    assert c["complex_words"] <= min(c["polysyllables"], c["difficult_words"])


# --- add_formulas -----------------------------------------------------------


def _counts_table() -> pd.DataFrame:
    rows = [count_article(_sentences(t)) for t in [HAND_TEXT, *PLAIN_TEXTS]]
    rows.append(count_article([]))
    table = pd.DataFrame(rows, index=["hand", "a", "b", "c", "empty"])
    table.insert(0, "outlet", ["x", "y", "y", "z", "z"])
    return table


def test_add_formulas_columns_and_input_untouched() -> None:
    counts = _counts_table()
    before = counts.copy(deep=True)
    out = add_formulas(counts)
    pd.testing.assert_frame_equal(counts, before)
    assert out is not counts
    assert list(out.columns) == [*counts.columns, *FORMULA_COLUMNS]
    assert list(out.index) == list(counts.index)
    assert all(out[c].dtype == np.float64 for c in FORMULA_COLUMNS)
    # Running it again replaces the scores instead of duplicating them.
    again = add_formulas(out)
    assert list(again.columns) == list(out.columns)
    pd.testing.assert_frame_equal(again, out)


def test_add_formulas_nan_when_no_words_or_sentences() -> None:
    counts = pd.DataFrame(
        {
            "words": [0, 5, 0],
            "sentences": [0, 0, 1],
            "syllables": [0, 7, 0],
            "polysyllables": [0, 1, 0],
            "complex_words": [0, 1, 0],
            "difficult_words": [0, 2, 0],
            "letters": [0, 20, 0],
        }
    )
    out = add_formulas(counts)
    assert out[list(FORMULA_COLUMNS)].isna().all().all()


def test_add_formulas_empty_table_and_missing_columns() -> None:
    empty = _counts_table().iloc[:0]
    assert list(add_formulas(empty).columns) == [*empty.columns, *FORMULA_COLUMNS]
    with pytest.raises(ValueError, match="letters"):
        add_formulas(_counts_table().drop(columns=["letters"]))


def test_formula_descriptions_cover_every_score() -> None:
    assert set(FORMULA_COLUMNS) | {"mattr", "mtld"} == set(FORMULAS)
    assert "30 sentences" in FORMULAS["smog_index"]
    assert all(len(text) > 40 for text in FORMULAS.values())
