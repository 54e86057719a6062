"""What a figure's sentence states with it (``frame``), and the comparison rules that use it.

Each rule is a pattern of news writing: a figure of what is needed or might be,
a part of a larger amount, a change, a poll's method, a poll share's question,
opposite groups, an owner the sentence does not name. The sentences are made up.
"""

from __future__ import annotations

import pandas as pd
import pytest

import mediakit
from mediakit.analyses.figures import COLUMNS, compare_figures, figure_pairs
from mediakit.analyses.figures.frames import FRAMES, statement_frame
from tests.analyses.test_figure_comparison import fig, table


def frame(sentence: str, number: str, counted: str = "", **kw) -> str:
    start = sentence.index(number)
    end = start + len(number)
    counted_end = sentence.index(counted, end) + len(counted) if counted else end
    if "percent" in number or "%" in number:
        kw.setdefault("unit", "percent")
    return statement_frame(sentence, start, end, counted_end, **kw)


@pytest.mark.parametrize(
    ("sentence", "number", "counted", "expected"),
    [
        # facts
        ("The fire has razed 145,000 acres.", "145,000", "acres", ""),
        ("The U.S. military has conducted 138 airstrikes in Iraq.", "138", "airstrikes", ""),
        # a goal word in another clause does not frame the figure
        ("Now when you need it, Obama has cut $716 billion from Medicare.", "$716 billion", "", ""),
        (
            "Officials do not expect to contain the blaze - which has razed 145,000 acres.",
            "145,000",
            "acres",
            "",
        ),
        # goals: needed, wanted, asked for, a threshold, what is at stake
        (
            "He will need to win the nearly 500 delegates he still needs.",
            "500",
            "delegates",
            "goal",
        ),
        ("Kasich is hoping for 500 delegates or more.", "500", "delegates", "goal"),
        ("The White House formalized its request for $5.7 billion.", "$5.7 billion", "", "goal"),
        ("It takes 60 votes to overcome each objection.", "60", "votes", "goal"),
        ("Reid wanted the amendments to clear a 60-vote bar.", "60", "", "goal"),
        ("Trump must take 50 percent of the vote in every district.", "50 percent", "", "goal"),
        ("It was the primary in which 99 delegates are at stake.", "99", "delegates", "goal"),
        (
            "Regulators agreed to cap costs that customers would cover at $2.88 billion.",
            "$2.88 billion",
            "",
            "goal",
        ),
        # "to target", "to limit": a verb of purpose after the figure, not a goal's noun
        ("The group spent nearly $700,000 to target Sanders with ads.", "$700,000", "", ""),
        ("Trump signed a $105 billion-plus plan to limit the damage.", "$105 billion", "", ""),
        # a definite figure names things that exist, whatever is hoped of them
        ("We hope the two working teams can agree.", "two", "working teams", ""),
        ("The GOP is expected to invest in these two open-seat races.", "two", "races", ""),
        # forecasts: might, could, if, expected to, and a participle carrying the clause on
        ("Inland areas could see 2 feet of snow.", "2", "feet", "forecast"),
        ("If Republicans take a net six seats they flip the chamber.", "six", "seats", "forecast"),
        ("Democrats are expected to have 235 seats in the new House.", "235", "seats", "forecast"),
        (
            "A best-case scenario might be a gain of three seats, giving them a 52-48 majority.",
            "52",
            "",
            "forecast",
        ),
        # a modal far back in the clause does not frame the figure; a forecast's noun does
        (
            "Senators could argue for weeks over the details of the bill that funds 300 schools.",
            "300",
            "schools",
            "",
        ),
        (
            "The state projected that by the end of next year the fund would hold $4 billion.",
            "$4 billion",
            "",
            "forecast",
        ),
        # parts of a larger amount
        (
            "The candidates are chasing each other through eight of the most competitive states.",
            "eight",
            "states",
            "part",
        ),
        ("Pakistan's caseload is 5,988, including 107 deaths.", "107", "deaths", "part"),
        ("The state GOP then selected the remaining 13 delegates.", "13", "delegates", "part"),
        (
            "Of the $500 billion in spending in the report, $454 billion is meant for lending.",
            "$454 billion",
            "",
            "part",
        ),
        # a share is a part by its nature: "42% of all deaths" is a share, not a part
        ("Nursing homes account for 42 percent of all deaths.", "42 percent", "", ""),
        # changes and gaps
        ("Sanders was down 92 delegates going into June.", "92", "delegates", "change"),
        ("Sales rose by 5 percent last year.", "5 percent", "", "change"),
        ("His forecast was off by 4.6 percent in his second year.", "4.6 percent", "", "change"),
        ("He is still 100 delegates short of the magic number.", "100", "delegates", "change"),
        ("The yes side won by a margin of 69.4% to 30.6%.", "69.4%", "", "change"),
        # "take up", "pick up": not a change
        ("The Senate should take up some 16 House-passed measures.", "16", "measures", ""),
        ("He will try to pick up 42 more in Wisconsin.", "42", "", ""),
    ],
)
def test_statement_frame(sentence, number, counted, expected):
    assert frame(sentence, number, counted) == expected


def test_a_poll_method_is_its_own_frame():
    sample = "The telephone survey of 1,165 likely voters was conducted Nov. 1-2."
    assert frame(sample, "1,165", "likely voters", people=True) == "sample"
    # The poll's findings are facts, and so is a count of people outside any poll.
    finding = "The survey found 1,165 people had moved."
    assert frame(finding, "1,165", "people", people=True) == ""
    error = "The margin of sampling error is plus or minus 3 percentage points."
    assert frame(error, "3", "") == "sample"
    result = "The poll found 52 percent support, with a margin of error of 3 points."
    assert frame(result, "52 percent", "") == ""


def test_the_figures_table_names_each_frame(corpus):
    f = mediakit.figures(corpus)
    assert "frame" in COLUMNS and set(f["frame"]) <= set(FRAMES)
    # The bundled articles' troop and aid figures are facts.
    assert (f.loc[f.counted == "North Korean troops", "frame"] == "").all()


# -- the comparison ----------------------------------------------------------------------------
def _framed(row: dict, name: str) -> dict:
    return {**row, "frame": name}


def test_a_goal_is_not_compared_with_a_fact():
    f = table(
        _framed(fig("a", "A", 500, "delegates", story="s1",
                    evidence="He still needs 500 delegates."), "goal"),
        fig("b", "B", 450, "delegates", story="s1", evidence="He has won 450 delegates."),
    )  # fmt: skip
    assert compare_figures(f, within="story").empty
    # Two outlets' figures of one goal still meet, when their sentences share words.
    g = table(
        _framed(fig("a", "A", 1237, "delegates", story="s1",
                    evidence="Trump needs 1,237 delegates to clinch the Republican nomination."),
                "goal"),
        _framed(fig("b", "B", 1200, "delegates", story="s1",
                    evidence="Trump needs 1,200 delegates to clinch the Republican nomination."),
                "goal"),
        _framed(fig("c", "C", 1100, "delegates", story="s1",
                    evidence="Rivals hope for 1,100 delegates at a contested convention."), "goal"),
    )  # fmt: skip
    cmp = compare_figures(g, within="story")
    assert sorted(cmp.doc_id) == ["a", "b"]


def test_poll_shares_of_one_group_meet_only_on_the_same_question():
    f = table(
        fig("a", "A", 56, "Americans", unit="percent", story="s1",
            evidence="56 percent of Americans think the country is going in the wrong direction."),
        fig("b", "B", 51, "Americans", unit="percent", story="s1",
            evidence="51% of Americans disapproved of his overall job performance."),
    )  # fmt: skip
    assert compare_figures(f, within="story").empty
    g = table(
        fig("a", "A", 56, "Americans", unit="percent", story="s1",
            evidence="56 percent of Americans approve of Trump's handling of the economy."),
        fig("b", "B", 51, "Americans", unit="percent", story="s1",
            evidence="A poll says 51% of Americans approve of Trump's economy handling."),
    )  # fmt: skip
    cmp = compare_figures(g, within="story")
    assert sorted(cmp.doc_id) == ["a", "b"] and cmp.disagree.all()


def test_opposite_groups_are_different_quantities():
    f = table(
        fig("a", "A", 5, "conservative justices", story="s1",
            evidence="All eyes will be on the court's five conservative justices."),
        fig("b", "B", 4, "liberal justices", story="s1",
            evidence="The court's four liberal justices read the claims broadly."),
        fig("c", "C", 5, "Republican and Democratic justices", story="s1",
            evidence="The court's five Republican and Democratic justices met."),
    )  # fmt: skip
    cmp = compare_figures(f, within="story")
    # The claim naming both sides of one opposition opposes neither.
    assert "a" in set(cmp.doc_id) and "c" in set(cmp.doc_id) and "b" not in set(cmp.doc_id)


def test_an_owner_the_sentence_does_not_name_needs_a_shared_place():
    f = table(
        fig("a", "A", 8, "congressional districts", story="s1", text="eight",
            evidence="Delegates are chosen by the state's eight congressional districts."),
        fig("b", "B", 7, "congressional districts", story="s1", text="seven",
            evidence="Cruz won all three spots in each of the state's seven congressional districts."),
    )  # fmt: skip
    assert compare_figures(f, within="story").empty
    g = f.assign(places=["Wisconsin", "Wisconsin"])
    cmp = compare_figures(g, within="story")
    assert sorted(cmp.doc_id) == ["a", "b"] and cmp.disagree.all()


def test_two_polls_samples_meet_only_when_they_name_the_same_poll():
    rows = [
        _framed(fig("a", "A", 1002, "adults", unit="people", story="s1",
                    evidence="This ABC News poll was conducted among a sample of 1,002 adults."),
                "sample"),
        _framed(fig("b", "B", 1009, "adults", unit="people", story="s1",
                    evidence="The nationwide poll was conducted in September with 1,009 adults."),
                "sample"),
    ]  # fmt: skip
    assert compare_figures(table(*rows), within="story").empty
    rows[1]["evidence"] = "The ABC News poll was conducted with 1,009 adults."
    cmp = compare_figures(table(*rows), within="story")
    assert sorted(cmp.doc_id) == ["a", "b"]


def test_two_bounds_in_one_direction_are_no_disagreement():
    f = table(
        fig("a", "A", 72, "people", unit="people", story="s1", bound="min", qualifier="at least",
            evidence="The attack has killed at least 72 people."),
        fig("b", "B", 80, "people", unit="people", story="s1", bound="min", qualifier="more than",
            evidence="The attack killed more than 80 people."),
    )  # fmt: skip
    cmp = compare_figures(f, within="story")
    assert sorted(cmp.doc_id) == ["a", "b"] and not cmp.disagree.any()
    pairs = figure_pairs(cmp)
    assert pairs["compatible"].all() and "different lower bounds" in pairs["reason"].iloc[0]


def test_a_table_without_frames_is_read_as_facts():
    # A figures table from an older release, or made by hand, has no frame column.
    f = table(
        fig("a", "A", 500, "troops", story="s1"), fig("b", "B", 450, "troops", story="s1")
    ).drop(columns=["frame"])
    before = f.copy()
    cmp = compare_figures(f, within="story")
    assert sorted(cmp.doc_id) == ["a", "b"]
    pd.testing.assert_frame_equal(f, before)


def test_measures_of_different_things_are_different_quantities():
    f = table(
        fig("a", "A", 1954, "border", unit="miles", story="s1", text="1,954 miles",
            evidence="The barrier runs along the 1,954 miles of border with Mexico."),
        fig("b", "B", 2000, "", unit="miles", story="s1", text="2,000 miles",
            bound="min", qualifier="more than",
            evidence="The caravan set off on a journey of more than 2,000 miles to the border."),
        fig("c", "C", 1750, "border", unit="miles", story="s1", text="1,750 miles",
            evidence="The caravan was still 1,750 miles from the border."),
    )  # fmt: skip
    assert compare_figures(f, within="story").empty
    # A measure that names nothing meets one that does: "razed 145,000 acres" / "135,000 acres".
    g = table(
        fig("a", "A", 145000, "", unit="acres", story="s1", text="145,000 acres",
            evidence="The blaze has razed 145,000 acres."),
        fig("b", "B", 135000, "fire", unit="acres", story="s1", text="135,000 acres",
            evidence="The fire grew to 135,000 acres."),
    )  # fmt: skip
    cmp = compare_figures(g, within="story")
    assert sorted(cmp.doc_id) == ["a", "b"] and cmp.disagree.all()
