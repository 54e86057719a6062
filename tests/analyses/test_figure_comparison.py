"""compare_figures and figure_pairs: one quantity per group, within a story, and why claims disagree.

The tables are built by hand, one row per figure as ``mediakit.figures`` would
give it, so each rule is tested on its own; the claims are made up.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

import mediakit
from mediakit.analyses.figures import (
    COLUMNS,
    COMPARE_COLUMNS,
    PAIR_COLUMNS,
    compare_figures,
    figure_pairs,
)
from mediakit.analyses.figures.agreement import Claim, compatible


def fig(doc, outlet, value, counted, *, story="", unit=None, bound="exact", qualifier="", text=None,
        range_end=math.nan, when="", per="", evidence="Officials said the army sent troops to the border."):  # fmt: skip
    written = text or f"{value:,.0f}"
    return {
        "doc_id": doc, "outlet": outlet, "story": story, "value": float(value), "range_end": range_end,
        "unit": unit or counted.split()[-1], "per": per, "counted": counted, "qualifier": qualifier,
        "bound": bound, "claim": f"{qualifier} {written}".strip(), "when": when, "text": written,
        "start_char": 0, "end_char": len(written), "sentence": 0, "evidence": evidence,
        "label": "CARDINAL", "about": "", "places": "", "frame": "",
    }  # fmt: skip


def table(*rows) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=COLUMNS)


def test_figures_table_has_story_after_outlet(corpus):
    f = mediakit.figures(corpus)
    assert COLUMNS[:3] == ["doc_id", "outlet", "story"] and list(f.columns) == COLUMNS
    # The bundled corpus has no story column: mediakit.stories finds one story in it.
    assert set(f.story) == {"s001"}
    with_story = corpus.assign(story=["s1", "s1", "s2", "s2", "s2"])
    g = mediakit.figures(with_story)
    stories = dict(zip(with_story.doc_id, with_story.story, strict=True))
    assert (g.story == g.doc_id.map(stories)).all()


# -- within one story -------------------------------------------------------------------------
def two_stories() -> pd.DataFrame:
    return table(
        fig("a", "A", 500, "troops", story="s1"),
        fig("b", "B", 450, "troops", story="s1"),
        fig("c", "C", 480, "troops", story="s2"),
    )


def test_claims_are_compared_only_within_a_story():
    cmp = compare_figures(two_stories())
    assert cmp.attrs["within"] == "story"  # automatic: the table holds two stories
    assert sorted(cmp.doc_id) == ["a", "b"] and set(cmp.story) == {"s1"}
    assert list(cmp.columns) == COMPARE_COLUMNS
    across = compare_figures(two_stories(), within=None)
    assert across.attrs["within"] is None and sorted(across.doc_id) == ["a", "b", "c"]


def test_by_story_works_and_bad_columns_say_what_to_do():
    assert sorted(compare_figures(two_stories(), within=None, by="story").doc_id) == ["a", "b"]
    with pytest.raises(mediakit.CorpusError, match="merge the column in first"):
        compare_figures(two_stories(), by="event")
    with pytest.raises(mediakit.CorpusError, match="story"):
        compare_figures(two_stories().drop(columns="story"), within="story")
    with pytest.raises(mediakit.CorpusError, match="within"):
        compare_figures(two_stories(), within="outlet")


def test_input_is_not_changed():
    f = two_stories()
    before = f.copy()
    compare_figures(f)
    pd.testing.assert_frame_equal(f, before)


# -- compatible bounds are not disagreements -------------------------------------------------
@pytest.mark.parametrize(
    ("a", "b", "ok", "reason"),
    [
        (
            ("max", "up to", 12000),
            ("exact", "", 10000),
            True,
            "compatible: 10,000 is within up to 12,000",
        ),
        (("max", "up to", 12000), ("min", "over", 10000), True, "can both be true"),
        (("approx", "about", 12000), ("approx", "an estimated", 10000), False, "too far apart"),
        # Two bounds in one direction can both be true (the issue: compatible bounds are no
        # disagreement); the reason still names them.
        (("max", "as many as", 1.5e6), ("max", "up to", 1.6e6), True, "different upper bounds"),
        (("min", "at least", 72), ("min", "more than", 80), True, "different lower bounds"),
        (("min", "more than", 5e9), ("min", "over", 5e9), True, "the same lower bound"),
        (("exact", "", 716e9), ("exact", "", 700e9), False, "the values differ"),
        (("exact", "", 716e9), ("min", "more than", 700e9), True, "compatible"),
        (("approx", "nearly", 230), ("exact", "", 225), True, "compatible"),
        (("min", "more than", 12000), ("max", "up to", 10000), False, "cannot both be true"),
        # Two approximate small counts, each give or take one: "nine or so" and "10 or so".
        (("approx", "or so", 9), ("approx", "or so", 10), True, "can both be true"),
        (("approx", "about", 9), ("approx", "about", 12), False, "too far apart"),
        # Against an exact count, "some 16" is still not 15 (16 bills vs 15 measures).
        (("approx", "some", 16), ("exact", "", 15), False, "cannot both be true"),
    ],
)
def test_compatible(a, b, ok, reason):
    def claim(bound, qualifier, value):
        text = (
            f"{value:,.0f}"
            if value < 1e6
            else f"{value / 1e9:g} billion"
            if value >= 1e9
            else f"{value / 1e6:g} million"
        )
        return Claim(float(value), math.nan, bound, qualifier, text)

    got_ok, got_reason = compatible(claim(*a), claim(*b))
    assert got_ok is ok and reason in got_reason


def test_rounding_by_the_form_of_the_number():
    # "$56 billion" covers 55.5 to 56.5 billion; "12,000" means 12,000.
    assert compatible(
        Claim(56e9, math.nan, "exact", "", "$56 billion"),
        Claim(56.2e9, math.nan, "exact", "", "$56.2 billion"),
    )[0]
    assert not compatible(
        Claim(12000, math.nan, "exact", "", "12,000"), Claim(12400, math.nan, "exact", "", "12,400")
    )[0]


def test_a_range_holds_the_values_inside_it():
    inside = Claim(1.5e6, math.nan, "exact", "", "1.5 million")
    span = Claim(5e5, 1.6e6, "range", "from", "500,000 to 1.6 million")
    assert compatible(span, inside)[0]
    assert not compatible(span, Claim(2.5e6, math.nan, "exact", "", "2.5 million"))[0]


# -- one quantity per group -----------------------------------------------------------------------
def test_one_article_gives_one_value_per_quantity():
    # Each outlet reports both chances; the one-in-three and two-in-three claims never meet.
    f = table(
        fig("a", "A", 100 / 3, "chance", unit="percent", text="one-in-three"),
        fig("a", "A", 200 / 3, "chance", unit="percent", text="two-in-three"),
        fig("b", "B", 100 / 3, "chance", unit="percent", text="1 in 3"),
        fig("b", "B", 200 / 3, "chance", unit="percent", text="2 in 3"),
    )
    cmp = compare_figures(f)
    assert cmp.group_id.nunique() == 2 and not cmp.disagree.any()
    assert (cmp.groupby("group_id").value.nunique() == 1).all()


def test_values_far_apart_are_different_quantities():
    f = table(
        fig("a", "A", 1e12, "cuts", unit="USD", text="$1 trillion"),
        fig("b", "B", 2e12, "cuts", unit="USD", text="$2 trillion"),
    )
    assert compare_figures(f).empty
    assert len(compare_figures(f, max_ratio=None)) == 2


def test_different_times_and_increments_are_different_quantities():
    times = table(
        fig("a", "A", 40000, "cars", when="2010"), fig("b", "B", 41000, "cars", when="2012")
    )
    assert compare_figures(times).empty
    steps = table(fig("a", "A", 2, "debates", qualifier="more"), fig("b", "B", 3, "debates"))
    assert compare_figures(steps).empty


def test_close_synonyms_count_the_same_thing():
    f = table(
        fig(
            "a", "A", 16, "House-passed measures", unit="measures", bound="approx", qualifier="some"
        ),
        fig("b", "B", 15, "bills"),
    )
    cmp = compare_figures(f)
    assert sorted(cmp.doc_id) == ["a", "b"] and cmp.disagree.all()


def test_a_sum_without_a_noun_meets_sums_of_close_value_on_a_name_both_sentences_give():
    # "Obama has cut $716 billion from Medicare" / "He stole $700 billion from Medicare".
    f = table(
        fig("a", "A", 716e9, "", unit="USD", text="$716 billion", story="s1",
            evidence="Obama has cut $716 billion from Medicare."),
        fig("b", "B", 700e9, "", unit="USD", text="$700 billion", story="s1",
            evidence="He stole $700 billion from Medicare to fund it."),
        fig("c", "C", 720e9, "", unit="USD", text="$720 billion", story="s1",
            evidence="Officials said the plan would cost $720 billion."),
    )  # fmt: skip
    cmp = compare_figures(f, within="story")
    assert sorted(cmp.doc_id) == ["a", "b"] and cmp.disagree.all()
    # A sum that says nothing of what it pays for, in sentences that share no name: "$36,000
    # for those in the 26th to 50th percentiles" is not "$29,038 in her account".
    g = table(
        fig("a", "A", 36000, "", unit="USD", text="$36,000", story="s1",
            evidence="The CBO notes that the average family had $36,000."),
        fig("b", "B", 32000, "account", unit="USD", text="$32,000", story="s1",
            evidence="The average child will accrue $32,000 in her account."),
    )  # fmt: skip
    assert compare_figures(g, within="story").empty


# -- why they disagree --------------------------------------------------------------------------
def test_why_and_pairs():
    f = table(
        fig("a", "A", 12000, "troops", bound="approx", qualifier="approximately"),
        fig("b", "B", 10000, "troops", bound="approx", qualifier="an estimated"),
        fig("c", "C", 12000, "troops", bound="max", qualifier="up to"),
    )
    cmp = compare_figures(f, within=None)
    assert cmp.disagree.all()
    assert cmp.why.iloc[0].startswith("A vs B: approximate values too far apart")
    pairs = figure_pairs(cmp)
    assert list(pairs.columns) == PAIR_COLUMNS and len(pairs) == 3
    bad = pairs[~pairs.compatible]
    assert list(zip(bad.outlet_a, bad.outlet_b, strict=True)) == [("A", "B")]
    good = pairs[pairs.compatible]
    assert set(good.reason) == {
        "compatible: approximately 12,000 and up to 12,000 can both be true",
        "compatible: an estimated 10,000 and up to 12,000 can both be true",
    }


def test_agreeing_groups_say_why():
    f = table(
        fig(
            "a",
            "A",
            56.2e9,
            "aid",
            unit="USD",
            bound="min",
            qualifier="more than",
            text="$56.2 billion",
        ),
        fig("b", "B", 56e9, "aid", unit="USD", bound="min", qualifier="over", text="$56 billion"),
    )
    cmp = compare_figures(f)
    assert not cmp.disagree.any()
    assert (
        cmp.why.iloc[0]
        == "the same lower bound, rounded: more than $56.2 billion vs over $56 billion"
    )


def test_figure_pairs_needs_a_comparison():
    with pytest.raises(mediakit.CorpusError, match="compare_figures"):
        figure_pairs(pd.DataFrame({"group_id": [0]}))


# -- which group of people, and what befell them ----------------------------------------------
# Every claim below is compared within one story, where every pair of a block is compared
# (no shared words needed), so each test would group the claims without its rule.
PEOPLE_SENTENCE = "The officials said the storm hit the town on Monday."


def test_counts_of_different_groups_of_people_meet_only_when_equal():
    # "Eight people died" and "seven of the 10 children killed" are two quantities...
    apart = table(
        fig(
            "a",
            "A",
            8,
            "people",
            unit="people",
            story="s1",
            evidence="Eight people died in the storm.",
        ),
        fig(
            "b",
            "B",
            7,
            "children",
            unit="people",
            evidence="Seven children were killed in the storm.",
        ),
    )
    assert compare_figures(apart, within="story").empty
    # ...but "eight dead" and "eight civilians dead" are one, and they agree.
    same = table(
        fig("a", "A", 8, "dead", unit="people", story="s1", evidence="The strike left eight dead."),
        fig(
            "b",
            "B",
            8,
            "civilians",
            unit="people",
            story="s1",
            evidence="It left eight civilians dead.",
        ),
    )
    cmp = compare_figures(same, within="story")
    assert sorted(cmp.doc_id) == ["a", "b"] and not cmp.disagree.any()
    # Polls of different groups are different samples.
    polls = table(
        fig("a", "A", 1009, "adults", unit="people", story="s1", evidence=PEOPLE_SENTENCE),
        fig("b", "B", 1164, "likely voters", unit="people", story="s1", evidence=PEOPLE_SENTENCE),
    )
    assert compare_figures(polls, within="story").empty


def test_the_dead_and_the_injured_are_different_quantities():
    f = table(
        fig(
            "a",
            "A",
            23,
            "people",
            unit="people",
            story="s1",
            evidence="Twenty-three people were injured.",
        ),
        fig(
            "b",
            "B",
            24,
            "people",
            unit="people",
            story="s1",
            evidence="At least 24 people were killed.",
        ),
    )
    assert compare_figures(f, within="story").empty


def test_a_remainder_is_not_compared_with_a_total():
    # "Blagojevich and 10 other persons" are 11 people; "nine other states" are not nine states.
    f = table(
        fig(
            "a",
            "A",
            10,
            "other persons",
            unit="people",
            evidence="He pardoned Blagojevich and 10 other persons.",
        ),
        fig("b", "B", 11, "people", unit="people", story="s1", evidence="He pardoned 11 people."),
        fig("c", "C", 9, "other states", story="s1", evidence="He must sweep nine other states."),
        fig("d", "D", 8, "states", story="s1", evidence="As many as eight states are tied."),
    )
    assert compare_figures(f, within="story").empty


def test_shares_of_different_groups_are_different_quantities():
    f = table(
        fig(
            "a",
            "A",
            40,
            "GOP voters",
            unit="percent",
            story="s1",
            evidence="Only 4 in 10 GOP voters approve.",
        ),
        fig(
            "b",
            "B",
            50,
            "adults",
            unit="percent",
            story="s1",
            evidence="More than half of adults approve.",
        ),
    )
    assert compare_figures(f, within="story").empty
