"""Numeric claims: normalisation, units, counted phrases, offsets and disagreements across outlets.

Golden values for the bundled corpus were read off data/corpus/*.txt by hand
(grep for digits, "thousands", "eight").
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

import mediakit
from mediakit import charts as charts_claims
from mediakit.analyses.figures import (
    COLUMNS,
    COMPARE_COLUMNS,
    compare_figures,
    figures,
    parse_number,
)

IDS = [
    "000_27355086a02f5fbc",
    "001_f7ae5d49ca0ce747",
    "002_5a37fde2b4bfc4b9",
    "003_d4822408353cd1c9",
    "004_36ebadd4edbdb3b2",
]


@pytest.fixture(scope="module")
def bundled(corpus):
    return figures(corpus)


@pytest.fixture(scope="module")
def comparison(bundled):
    return compare_figures(bundled)


# -- normalising a number ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "value", "currency", "kind"),
    [
        ("$56.2 billion", 56.2e9, "USD", "billion"),
        ("$56 billion", 56e9, "USD", "billion"),
        ("12,000", 12000.0, "", ""),
        ("1.5 million", 1.5e6, "", "million"),
        ("€3bn", 3e9, "EUR", "billion"),
        ("£250,000", 250000.0, "GBP", ""),
        ("40%", 40.0, "", "percent"),
        ("45 percent", 45.0, "", "percent"),
        ("eight", 8.0, "", ""),
        ("Seventeen", 17.0, "", ""),
        ("twenty-five", 25.0, "", ""),
        ("two dozen", 24.0, "", ""),
        ("a dozen", 12.0, "", ""),
        ("three hundred", 300.0, "", ""),
        ("two hundred thousand", 200000.0, "", "thousand"),
    ],
)
def test_parse_number(text, value, currency, kind):
    got = parse_number(text)
    assert got[0] == pytest.approx(value)
    assert got[1:] == (currency, kind)


@pytest.mark.parametrize("text", ["thousands", "tens of thousands", "dozens", "Hundreds"])
def test_vague_amounts_have_no_value(text):
    value, _, kind = parse_number(text)
    assert math.isnan(value) and kind == "vague"


# -- the bundled corpus ------------------------------------------------------------------------
def test_columns_and_offsets(corpus, bundled):
    assert list(bundled.columns) == COLUMNS
    assert bundled.value.dtype == "float64"
    texts = dict(zip(corpus.doc_id, corpus.text, strict=True))
    for r in bundled.itertuples():
        assert texts[r.doc_id][r.start_char : r.end_char] == r.text
        assert " ".join(r.text.split()) in r.evidence


@pytest.mark.parametrize(
    ("doc", "value", "qualifier", "bound", "counted"),
    [
        (IDS[0], 12000.0, "approximately", "approx", "North Korean troops"),
        (IDS[1], 10000.0, "an estimated", "approx", "elite troops"),
        (IDS[2], 12000.0, "up to", "max", "North Korean troops"),
        (IDS[3], 12000.0, "as many as", "max", "North Korean troops"),
        (
            IDS[4],
            10000.0,
            "over",
            "min",
            "North Korean troops",
        ),  # the qualifier is outside the entity span
    ],
)
def test_troop_numbers(bundled, doc, value, qualifier, bound, counted):
    sel = bundled[(bundled.doc_id == doc) & (bundled.unit == "troops") & bundled.value.notna()]
    assert len(sel) == 1
    r = sel.iloc[0]
    assert (r.value, r.qualifier, r.bound, r.counted, r.label) == (
        value,
        qualifier,
        bound,
        counted,
        "CARDINAL",
    )


@pytest.mark.parametrize(
    ("doc", "value", "qualifier", "text", "counted"),
    [
        (
            IDS[0],
            56.2e9,
            "more than",
            "$56.2 billion",
            "continued aid",
        ),  # the aid named before the sum
        (IDS[2], 56.2e9, "more than", "$56.2 billion", "security assistance"),
        (IDS[3], 56e9, "over", "$56 billion", "military aid"),
    ],
)
def test_aid_sums(bundled, doc, value, qualifier, text, counted):
    r = bundled[(bundled.doc_id == doc) & (bundled.unit == "USD")].iloc[0]
    assert (r.value, r.qualifier, r.bound, r.text, r.counted) == (
        value,
        qualifier,
        "min",
        text,
        counted,
    )


def test_vague_and_other_figures(bundled):
    vague = bundled[bundled.bound == "vague"]
    assert vague.value.isna().all()
    assert (vague[vague.text == "thousands"].qualifier == "thousands of").all()
    # Every article mentions "thousands of (North Korean) troops".
    assert set(vague[vague.unit == "troops"].doc_id) == set(IDS)
    dead = bundled[(bundled.unit == "people") & (bundled.value == 8)]
    assert sorted(dead.doc_id) == [IDS[0], IDS[3]] and set(dead.qualifier) == {"at least"}
    miles = bundled[bundled.unit == "miles"]
    assert sorted(miles.doc_id) == [IDS[0], IDS[1]] and set(miles.value) == {190.0}
    # Dates and times are not figures: "February 2022", "January 20", "two months".
    assert not bundled.text.str.contains("2022|January|months").any()


def test_about_names_the_nationality(bundled):
    r = bundled[(bundled.doc_id == IDS[2]) & (bundled.value == 12000)].iloc[0]
    assert r.about == "North Korean"
    elite = bundled[(bundled.doc_id == IDS[1]) & (bundled.value == 10000)].iloc[0]
    assert elite.about == "" and elite.places.split("; ")[0] == "North Korea"  # nearest first


# -- disagreements --------------------------------------------------------------------------------
def group(comparison: pd.DataFrame, doc: str, value: float) -> pd.DataFrame:
    hit = comparison[(comparison.doc_id == doc) & (comparison.value == value)]
    assert hit.group_id.nunique() == 1
    return comparison[comparison.group_id == hit.group_id.iloc[0]]


def test_compare_columns(comparison):
    assert list(comparison.columns) == COMPARE_COLUMNS
    assert comparison.disagree.dtype == bool


def test_outlets_disagree_on_troops(comparison):
    g = group(comparison, IDS[0], 12000.0)
    assert sorted(g.doc_id) == IDS
    assert g.disagree.all() and (g.outlets == 5).all()
    assert (g.min_value == 10000.0).all() and (g.max_value == 12000.0).all()
    side = g["values"].iloc[0]
    for claim in (
        "approximately 12,000",
        "an estimated 10,000",
        "up to 12,000",
        "as many as 12,000",
        "over 10,000",
    ):
        assert claim in side
    assert "troops" in g.group.iloc[0]


def test_aid_sums_are_grouped_and_compatible(comparison):
    # "more than $56.2 billion" and "over $56 billion" state the same lower bound, rounded:
    # both can be true, so the group does not disagree (and says why).
    g = group(comparison, IDS[3], 56e9)
    assert sorted(g.outlet) == ["Newslooks", "Outlet C", "Outlet D"]
    assert not g.disagree.any()
    assert sorted(g.claim) == [
        "more than $56.2 billion",
        "more than $56.2 billion",
        "over $56 billion",
    ]
    assert g.why.iloc[0].startswith("the same lower bound, rounded")


def test_agreeing_outlets_are_not_flagged(comparison):
    dead = group(comparison, IDS[3], 8.0)
    assert sorted(dead.doc_id) == [IDS[0], IDS[3]] and not dead.disagree.any()
    # Disagreeing groups come first.
    assert comparison.groupby("group_id").disagree.first().is_monotonic_decreasing


def test_vague_amounts_only_on_request(bundled, comparison):
    assert (comparison.bound != "vague").all()
    with_vague = compare_figures(bundled, include_vague=True)
    assert (with_vague.bound == "vague").any()


# -- hand-made articles -------------------------------------------------------------------------
HAND = {
    "a": (
        "In 2022, the 3rd brigade crossed the river on March 5 at 3 p.m. with F-16 cover. "
        "About 1,200 Russian troops and more than 500 North Korean troops took part in a 9/11-style raid."
    ),
    "b": "Officials said some 1,500 Russian troops and over 500 North Korean troops crossed the river.",
    "c": "The government has sent €3bn in humanitarian aid since 2023 and said 40% of the funds had been spent.",
    "d": "The European Union sent 3 billion euros in humanitarian aid, and 45 percent of the funds were spent.",
}


@pytest.fixture(scope="module")
def hand():
    df = pd.DataFrame(
        {"doc_id": list(HAND), "outlet": ["A", "B", "C", "D"], "text": list(HAND.values())}
    )
    c = mediakit.load_corpus(df)
    return c, figures(c, cache_dir=False)


def test_hand_figures(hand):
    corpus, f = hand
    texts = dict(zip(corpus.doc_id, corpus.text, strict=True))
    for r in f.itertuples():
        assert texts[r.doc_id][r.start_char : r.end_char] == r.text
    a = f[f.doc_id == "a"]
    # Not figures: the year, the ordinal, the date, the time, "F-16", "9/11".
    assert sorted(a.text) == ["1,200", "500"]
    assert a.set_index("text").loc["1,200", ["qualifier", "bound", "counted"]].tolist() == [
        "About",
        "approx",
        "Russian troops",
    ]
    euros = f[(f.doc_id == "d") & (f.unit == "EUR")].iloc[0]
    assert (euros.value, euros.counted) == (3e9, "humanitarian aid")
    pct = f[(f.doc_id == "c") & (f.unit == "percent")].iloc[0]
    assert (pct.value, pct.counted) == (40.0, "funds")


def test_hand_comparison_keeps_nationalities_apart(hand):
    _, f = hand
    cmp = compare_figures(f)
    by_group = cmp.groupby("group").agg(
        disagree=("disagree", "first"), docs=("doc_id", lambda d: sorted(d))
    )
    russian = by_group.loc[by_group.index.str.startswith("Russian troops")].iloc[0]
    korean = by_group.loc[by_group.index.str.startswith("North Korean troops")].iloc[0]
    assert russian.docs == ["a", "b"] and bool(russian.disagree)  # about 1,200 vs some 1,500
    assert korean.docs == ["a", "b"] and not bool(korean.disagree)  # "more than" = "over"
    eur = cmp[cmp.unit == "EUR"]
    assert sorted(eur.doc_id) == ["c", "d"] and not eur.disagree.any()  # €3bn = 3 billion euros
    pct = cmp[cmp.unit == "percent"]
    assert sorted(pct.value) == [40.0, 45.0] and pct.disagree.all()


def test_stories_and_ratio_split_groups():
    # Same unit and noun, unrelated sentences: not one claim.
    df = pd.DataFrame(
        {
            "doc_id": ["x", "y"],
            "outlet": ["X", "Y"],
            "text": [
                "The senator said two states had changed their voting rules before the primary.",
                "Fifty states sent delegates to the national spelling bee in Washington this spring.",
            ],
        }
    )
    f = figures(mediakit.load_corpus(df), cache_dir=False)
    assert len(f[f.unit == "states"]) == 2
    assert compare_figures(f).empty
    # mediakit.stories puts the two unrelated articles in two stories: never compared by default.
    assert set(f.story) == {"s001", "s002"}
    assert compare_figures(f, min_shared_words=0, max_ratio=None).empty
    assert len(compare_figures(f, min_shared_words=0, max_ratio=None, within=None)) == 2


def test_compare_requires_figures_table():
    with pytest.raises(mediakit.CorpusError, match="mediakit.figures"):
        compare_figures(pd.DataFrame({"doc_id": ["a"]}))


# -- charts -----------------------------------------------------------------------------------
def test_disagreement_chart(corpus, comparison):
    from mediakit.charts import outlet_palette

    spec = charts_claims.figure_disagreements(comparison, outlets=corpus.outlet).to_dict()
    assert spec["title"]["text"] == "Where outlets disagree on the numbers"
    layer = spec["spec"]["layer"][0]
    scale = layer["encoding"]["color"]["scale"]
    palette = outlet_palette(corpus.outlet)
    assert scale["range"] == [palette[o] for o in scale["domain"]]
    assert layer["encoding"]["tooltip"]
    panels = {row["panel"] for row in spec["datasets"][spec["data"]["name"]]}
    # Only disagreeing groups by default: "more than $56.2 billion" and "over $56 billion"
    # of aid can both be true, so the sums are drawn only on request, in billions.
    assert any(p.startswith("North Korean troops") for p in panels)
    assert not any("USD" in p or "dead" in p for p in panels)
    every = charts_claims.figure_disagreements(comparison, only_disagreements=False).to_dict()
    every_panels = {row["panel"] for row in every["datasets"][every["data"]["name"]]}
    assert any("USD" in p and "in billions" in p for p in every_panels)
