"""chart_reader: which marks of which charts open what, and what the reader shows."""

from __future__ import annotations

import altair as alt
import pandas as pd
import pytest

import mediakit
from mediakit.compare import OTHER_OUTLETS
from mediakit.widgets import chart_reader, clickable


@pytest.fixture(scope="module")
def corpus():
    return mediakit.load_corpus()


def _params(chart) -> dict[str, list[str]]:
    return {p["name"]: p["select"]["fields"] for p in chart.to_dict().get("params", [])}


def test_each_kind_of_mark_gets_the_click_that_fits_it():
    art = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "words": [1]})
    bars = alt.Chart(art).mark_bar().encode(y="outlet:N", x="words:Q")
    assert _params(clickable(bars)) == {"outlet": ["outlet"]}
    dots = alt.Chart(art).mark_point().encode(y="outlet:N", x="words:Q", tooltip=["doc_id:N"])
    assert _params(clickable(dots)) == {"article": ["doc_id"]}
    pairs = pd.DataFrame(
        {"doc_id_a": ["a"], "doc_id_b": ["b"], "outlet_a": ["X"], "outlet_b": ["Y"]}
    )
    cell = alt.Chart(pairs).mark_rect().encode(x="doc_id_a:N", y="doc_id_b:N", tooltip=["outlet_a"])
    assert _params(clickable(cell)) == {"pair": ["doc_id_a", "doc_id_b"]}
    outlets = alt.Chart(pairs).mark_rect().encode(x="outlet_a:N", y="outlet_b:N")
    assert _params(clickable(outlets)) == {"outlets": ["outlet_a", "outlet_b"]}
    # A chart of nothing an article or outlet stands behind stays as it is.
    plain = alt.Chart(pd.DataFrame({"z": [0]})).mark_rule().encode(x="z:Q")
    assert clickable(plain) is plain


def test_a_layer_chart_gets_one_click_per_kind_each_on_its_own_layer(corpus):
    metrics = mediakit.analyze(corpus)
    spec = clickable(mediakit.charts.metric_by_outlet(metrics, "words")).to_dict()
    views = {p["name"]: p["views"] for p in spec["params"]}
    assert views == {"article": ["article_marks"], "outlet": ["outlet_marks"]}
    names = [layer.get("name") for layer in spec["layer"]]
    assert names.count("article_marks") == names.count("outlet_marks") == 1


def test_a_heatmap_cell_lists_its_two_articles(corpus):
    ov = mediakit.overlap(corpus)
    ui = chart_reader(mediakit.charts.similarity_heatmap(ov.similarity), corpus)
    assert "pair" in _params(ui.chart)
    a, b = corpus["doc_id"].iloc[0], corpus["doc_id"].iloc[3]
    ui.reader.open_mark("pair", {"doc_id_a": a, "doc_id_b": b})
    assert [v for _, v in ui.reader.listing.options] == [a, b]
    ui.reader.listing.value = b
    assert corpus.loc[corpus["doc_id"] == b, "title"].iloc[0][:30] in ui.reader.value


def test_an_outlet_pair_lists_both_outlets_and_other_outlets_says_what_it_is(corpus):
    ui = chart_reader(mediakit.charts.metric_by_outlet(mediakit.analyze(corpus), "words"), corpus)
    x, y = corpus["outlet"].iloc[0], corpus["outlet"].iloc[2]
    ui.reader.open_mark("outlets", {"outlet_a": x, "outlet_b": y})
    assert len(ui.reader.listing.options) == 2 and f"{x} and {y}" in ui.reader.note.value
    ui.reader.open_mark("outlet", {"outlet": OTHER_OUTLETS})
    assert ui.reader.listing.options == () and "does not name" in ui.reader.note.value
    ui.reader.open_mark("outlet", {"outlet": x})
    # The box's click also empties the dots' selection: that must not wipe the list.
    ui.reader.open_mark("article", None)
    assert len(ui.reader.listing.options) == 1
    ui.reader.open_mark("outlet", None)  # a click on empty space clears the reader
    assert ui.reader.note.value == "" and ui.reader.value == ""


def test_one_click_on_a_dot_over_its_outlets_mark_opens_the_article(corpus):
    ui = chart_reader(mediakit.charts.metric_by_outlet(mediakit.analyze(corpus), "words"), corpus)
    doc, outlet = corpus["doc_id"].iloc[0], corpus["outlet"].iloc[0]
    # Both selections fill, in either order: the article stays.
    ui.reader.open_mark("article", {"doc_id": doc})
    ui.reader.open_mark("outlet", {"outlet": outlet})
    assert doc in ui.reader.value and ui.reader.listing.layout.display == "none"
    ui.reader.clear()
    ui.reader.open_mark("outlet", {"outlet": outlet})
    ui.reader.open_mark("article", {"doc_id": doc})
    assert doc in ui.reader.value


def test_an_article_click_marks_its_passage_and_a_foreign_id_says_so(corpus):
    ui = chart_reader(mediakit.charts.metric_by_outlet(mediakit.analyze(corpus), "words"), corpus)
    doc = corpus["doc_id"].iloc[1]
    ui.reader.open_mark("article", {"doc_id": doc, "start_char": 0})
    assert "<mark" in ui.reader.value and ui.reader.listing.layout.display == "none"
    ui.reader.open_mark("article", {"doc_id": "not-in-this-corpus"})
    assert "b00020" in ui.reader.value  # the error, shown in red where the text would be


def test_chart_reader_refuses_a_table_that_is_not_a_corpus():
    chart = alt.Chart(pd.DataFrame({"outlet": ["X"]})).mark_bar().encode(y="outlet:N")
    with pytest.raises(mediakit.CorpusError, match="load_corpus"):
        chart_reader(chart, pd.DataFrame({"doc_id": ["a"]}))
