"""mediakit.widgets: controls redraw the charts, search and reader, picker, downloads, all offline."""

from __future__ import annotations

import base64
import html
import importlib
import io
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import altair as alt
import pandas as pd
import pytest

import mediakit
from mediakit import charts, widgets
from mediakit.errors import CorpusError


@pytest.fixture(scope="module")
def sentences(corpus):
    return mediakit.sentences(corpus)


@pytest.fixture()
def ui(corpus, metrics, mentions, sentences):
    return widgets.compare(metrics, mentions, sentences, corpus)


def chart_outlets(chart: alt.TopLevelMixin) -> set[str]:
    spec = chart.to_dict()
    return {
        row["outlet"]
        for rows in spec.get("datasets", {}).values()
        for row in rows
        if "outlet" in row
    }


def dots_field(chart: alt.TopLevelMixin) -> str:
    # The dots are drawn over the mean tick (the last layer), so a click reaches the article.
    return chart.to_dict()["layer"][-1]["encoding"]["x"]["field"]


def test_controls_and_charts_are_exposed(ui, metrics):
    assert sorted(ui.current_charts) == [
        "entities",
        "formulas",
        "metric",
        "profile",
        "sentences",
        "top_entities",
    ]
    assert set(ui.views) == set(ui.current_charts)
    assert ui.metric.value == "flesch_reading_ease"
    assert ("Flesch reading ease", "flesch_reading_ease") in ui.metric.options  # human titles shown
    assert set(ui.outlets.value) == set(metrics["outlet"])  # five outlets: all preselected
    assert ui.label.value == "PERSON" and ui.per_1k.value is False and ui.message == ""


def test_metric_change_redraws_the_metric_chart(ui):
    before = ui.current_charts["metric"]
    profile = ui.current_charts["profile"]
    assert dots_field(before) == "flesch_reading_ease"
    ui.metric.value = "words_per_sentence"
    after = ui.current_charts["metric"]
    assert dots_field(after) == "words_per_sentence"
    assert after.to_dict()["title"]["text"] == "Words per sentence by outlet"
    assert ui.current_charts["profile"] is profile  # only the chart that changed is rebuilt
    view = ui.views["metric"]
    shown = (
        view.spec if hasattr(view, "spec") else view.chart.to_dict()
    )  # what the browser receives
    assert shown["title"]["text"] == "Words per sentence by outlet"


def test_name_panels_fill_their_grid(ui):
    # Five outlets in rows of three left an empty cell with an axis under nothing.
    assert ui.current_charts["top_entities"].to_dict()["columns"] == 5
    ui.outlets.value = ("Outlet B", "Outlet C", "Outlet D", "Outlet E")
    assert ui.current_charts["top_entities"].to_dict()["columns"] == 4


def test_an_entity_type_nobody_names_is_explained_next_to_the_control(ui):
    ui.label.value = "EVENT"  # no event is named in the five articles
    assert "name no" in ui.entity_status.value
    ui.label.value = "PERSON"
    assert ui.entity_status.value == ""


def test_entity_controls_redraw_entity_charts(ui):
    ui.label.value = "GPE"
    spec = ui.current_charts["entities"].to_dict()
    assert "countries" in spec["title"]["text"]
    assert {r["label"] for rows in spec["datasets"].values() for r in rows} == {"GPE"}
    ui.per_1k.value = True
    heat = ui.current_charts["entities"].to_dict()
    assert heat["layer"][0]["encoding"]["color"]["title"] == "Mentions per 1,000 words"
    bars = ui.current_charts["top_entities"].to_dict()
    assert bars["spec"]["encoding"]["x"]["title"] == "Mentions per 1,000 words"


def test_search_lists_the_outlets_that_use_the_phrase(ui, corpus):
    ui.search.value = "long-range missiles"
    expected = {
        o
        for o, t in zip(corpus.outlet, corpus.text, strict=True)
        if "long-range missiles" in t.lower()
    }
    assert set(ui.kwic_table["outlet"]) == expected and 0 < len(expected) < len(corpus)
    # The count sits right under the search box, then one line per hit.
    n, docs = len(ui.kwic_table), ui.kwic_table["doc_id"].nunique()
    assert (
        f"{n} line{'s' if n > 1 else ''} for &quot;long-range missiles&quot; in {docs} article"
        in (ui.kwic_view.value)
    )
    panel = ui.search_panel.children
    assert panel.index(ui.search) < panel.index(ui.kwic_view) < panel.index(ui.hits)
    labels = [label for label, _ in ui.hits.options]
    assert len(labels) == n and all("[long-range missiles]" in lab.lower() for lab in labels)
    assert {lab.split(": …")[0] for lab in labels} == expected
    assert "download='search.csv'" in ui.kwic_download.value
    ui.search.value = "zzzz-not-there"
    assert ui.kwic_table.empty and "No line has" in ui.kwic_view.value
    assert ui.hits.options == () and ui.reader.value == ""


def test_a_search_hit_opens_its_article_with_the_sentence_marked(ui, corpus, sentences):
    ui.search.value = "Guterres"
    first = ui.kwic_table.iloc[0]
    assert ui.hits.value == 0  # the first hit is shown at once
    page = ui.reader.value
    text = corpus.set_index("doc_id").loc[first["doc_id"], "text"]
    start = int(first["start_char"])
    assert f">{text[start : start + len('Guterres')]}</mark>" in page
    row = sentences[(sentences.doc_id == first["doc_id"]) & (sentences.start_char <= start)].iloc[
        -1
    ]
    assert "<blockquote" in page and first["outlet"] in page
    assert len(row["text"]) > len("Guterres")
    ui.hits.value = len(ui.hits.options) - 1  # another line: another article or place
    last = ui.kwic_table.iloc[-1]
    assert last["outlet"] in ui.reader.value


def test_search_follows_the_outlet_selection(ui):
    ui.search.value = "Biden"
    assert ui.kwic_table["outlet"].nunique() == 5
    ui.outlets.value = ("Outlet B",)
    assert set(ui.kwic_table["outlet"]) == {"Outlet B"}


def test_outlet_subset_keeps_colours(ui, metrics):
    palette = charts.outlet_palette(metrics["outlet"])
    keep = ("Outlet B", "Outlet D")
    ui.outlets.value = keep
    for name, chart in ui.current_charts.items():
        assert chart_outlets(chart) == set(keep), name
        for unit in _units(chart.to_dict()):
            colour = unit.get("encoding", {}).get("color", {})
            if colour.get("field") == "outlet":
                assert dict(
                    zip(colour["scale"]["domain"], colour["scale"]["range"], strict=True)
                ) == {o: palette[o] for o in keep}, name


def _units(spec: dict) -> list[dict]:
    out = [spec] if "mark" in spec else []
    for sub in spec.get("layer", []):
        out.extend(_units(sub))
    if "spec" in spec:
        out.extend(_units(spec["spec"]))
    return out


def test_empty_selection_says_so_and_keeps_charts(ui):
    before = dict(ui.current_charts)
    ui.outlets.value = ()
    assert "Pick at least one outlet" in ui.message and "Pick" in ui.status.value
    assert ui.current_charts == before
    ui.outlets.value = ("Newslooks",)
    assert ui.message == "" and chart_outlets(ui.current_charts["metric"]) == {"Newslooks"}


def test_without_optional_tables(metrics):
    ui = widgets.compare(metrics)
    assert sorted(ui.current_charts) == ["formulas", "metric", "profile"]
    assert ui.label.disabled and ui.per_1k.disabled and ui.search.disabled
    # Controls that would do nothing are not shown at all (greyed out, they puzzle students).
    assert ui.label.layout.display == ui.per_1k.layout.display == "none"
    assert ui.search_panel.layout.display == "none"
    with pytest.raises(CorpusError):
        widgets.compare(pd.DataFrame({"x": [1]}))


def test_charts_load_vega_offline(ui):
    pytest.importorskip("anywidget")
    view = ui.views["metric"]
    assert isinstance(view, alt.JupyterChart)
    assert (
        "esm.sh" not in view._esm and "cdn.jsdelivr" not in view._esm
    )  # vega comes from vl-convert
    assert "esm.sh" in alt.JupyterChart._esm  # altair's own class is left as it was
    assert view.embed_options["actions"]["editor"] is False  # no link to the online editor


def test_svg_fallback_without_anywidget(monkeypatch, metrics):
    views = importlib.import_module("mediakit.widgets.chart_view")  # the module, not the function
    monkeypatch.setattr(views, "offline_chart_class", lambda: None)
    ui = widgets.compare(metrics)
    view = ui.views["metric"]
    assert isinstance(view, widgets.SvgChart) and view.value.lstrip().startswith("<svg")
    ui.metric.value = "words"
    assert "Words by outlet" in view.value


def test_dashboard_parses_once_and_lays_out_everything(corpus):
    ui = widgets.dashboard(corpus)
    assert sorted(ui.current_charts) == [
        "entities",
        "formulas",
        "metric",
        "profile",
        "sentences",
        "top_entities",
    ]
    ui.search.value = "Zelenskyy"
    assert not ui.kwic_table.empty


def test_picker_filters_and_chooses_all_none_and_top_n():
    counts = {"Daily Planet": 9, "Daily Bugle": 4, "Gotham Gazette": 6, "Metro": 1}
    picker = widgets.OutletPicker(counts, ["Metro"])
    seen = []
    picker.observe(lambda ch: seen.append(ch["new"]), "value")
    shown = [b.description for b in picker.list.children]
    assert shown == ["Daily Planet (9)", "Gotham Gazette (6)", "Daily Bugle (4)", "Metro (1)"]
    picker.filter.value = "daily"
    assert [b.description for b in picker.list.children] == ["Daily Planet (9)", "Daily Bugle (4)"]
    assert "2 match the filter" in picker.summary.value
    picker.all_button.click()
    assert picker.value == ("Daily Planet", "Daily Bugle", "Metro")
    assert len(seen) == 1  # one change, so the charts redraw once, not once per outlet
    picker.none_button.click()
    assert picker.value == () and not any(b.value for b in picker.boxes.values())
    picker.top_n.value = 2
    picker.top_button.click()
    assert picker.value == ("Daily Planet", "Gotham Gazette")
    assert picker.boxes["Daily Planet"].style.background  # chosen rows are highlighted
    assert not picker.boxes["Metro"].style.background
    picker.boxes["Metro"].value = True  # ticking one box adds it
    assert picker.value == ("Daily Planet", "Gotham Gazette", "Metro")


def test_picker_shows_a_bounded_list_for_many_outlets():
    counts = {f"Outlet {i:03d}": 1000 - i for i in range(150)}
    picker = widgets.OutletPicker(counts, [])
    boxes = [c for c in picker.list.children if hasattr(c, "indent")]
    assert len(boxes) == 60 and "90 more" in picker.list.children[-1].value
    picker.filter.value = "149"
    assert [b.description for b in picker.list.children] == ["Outlet 149 (851)"]


def test_profile_axis_says_when_it_is_relative_to_the_selection(ui):
    def axis() -> str:
        return ui.current_charts["profile"].to_dict()["layer"][1]["encoding"]["x"]["title"]

    assert "corpus average" in axis()  # all outlets: the corpus is the selection
    ui.outlets.value = ("Outlet B", "Outlet D")
    assert "selected outlets" in axis() and "corpus average" not in axis()
    caption = " ".join(ui.current_charts["profile"].to_dict()["title"]["subtitle"])
    assert "selected outlets' articles" in caption and "all articles" not in caption
    assert "corpus average" not in caption


def test_every_chart_has_a_csv_and_a_png_download(ui):
    for name in ui.current_charts:
        links = ui.downloads[name]
        assert f"download='{name}.csv'" in links.csv.value, name
        payload = links.csv.value.split("base64,")[1].split("'")[0]
        table = pd.read_csv(io.BytesIO(base64.b64decode(payload)))
        assert len(table) > 0 and "outlet" in "".join(table.columns), name
    links = ui.downloads["metric"]
    assert links.png.value == ""  # made on demand: a PNG takes about a second
    links.png_button.click()
    png = base64.b64decode(links.png.value.split("base64,")[1].split("'")[0])
    assert png.startswith(b"\x89PNG")
    ui.metric.value = "words"
    assert links.png.value == ""  # the old picture is not offered for the new chart


def test_clicking_an_article_dot_opens_it_under_the_chart(ui, corpus):
    pytest.importorskip("anywidget")
    view, reader = ui.views["metric"], ui.chart_readers["metric"]
    assert "article" in view.selections.trait_names()
    doc = corpus["doc_id"].iloc[2]
    # What vega-embed sends when a dot is clicked.
    view._vl_selections = {
        "article": {"value": {"vlPoint": {"or": [{"doc_id": doc}]}}, "store": []}
    }
    assert corpus["title"].iloc[2][:30] in reader.value and doc in reader.value
    ui.metric.value = "words"  # a new chart: the old click no longer applies
    assert reader.value == "" and "article" in ui.views["metric"].selections.trait_names()
    view = ui.views["metric"]
    view._vl_selections = {
        "article": {"value": {"vlPoint": {"or": [{"doc_id": doc}]}}, "store": []}
    }
    assert doc in reader.value
    spec = ui.current_charts["metric"].to_dict()
    views = {p["name"]: p["views"] for p in spec["params"]}
    # The dots open an article; the outlet's box lists its articles.
    assert views == {"article": ["article_marks"], "outlet": ["outlet_marks"]}


def test_clicking_an_outlet_mark_lists_its_articles_and_a_pick_opens_one(ui, corpus):
    pytest.importorskip("anywidget")
    view, reader = ui.views["metric"], ui.chart_readers["metric"]
    outlet = str(corpus["outlet"].iloc[1])
    view._vl_selections = {
        "outlet": {"value": {"vlPoint": {"or": [{"outlet": outlet}]}}, "store": []}
    }
    docs = corpus.loc[corpus["outlet"] == outlet, "doc_id"].astype(str).tolist()
    assert [v for _, v in reader.listing.options] == docs
    assert outlet in reader.note.value and reader.value == ""
    reader.listing.value = docs[0]  # what a pick in the list does
    assert docs[0] in reader.value and "<mark" not in reader.value


def test_article_html_escapes_and_marks_the_passage():
    corpus = pd.DataFrame({
        "doc_id": ["w1"], "outlet": ["Wire"], "title": [""], "date": ["2024-11-18"],
        "text": ["Talks resumed on Monday. The <b>mayor</b> said 40 people left. Rain fell."],
    })  # fmt: skip
    sents = pd.DataFrame({"doc_id": ["w1", "w1", "w1"], "start_char": [0, 25, 63],
                          "end_char": [24, 62, 73]})  # fmt: skip
    start = corpus.text[0].index("40")
    page = widgets.article_html(corpus, "w1", start, start + 2, sents)
    assert "<mark style='background:#ffd54f'>40</mark>" in page
    assert "&lt;b&gt;mayor&lt;/b&gt;" in page and "<b>mayor" not in page
    assert "<blockquote style='margin:6px 0'>The &lt;b&gt;mayor" in page
    assert "untitled article (Wire)" in page and "2024-11-18" in page
    with pytest.raises(CorpusError, match="No article"):
        widgets.article_html(corpus, "nope")


def test_a_quote_figure_or_search_row_opens_its_article_marked(corpus, sentences):
    # What a click on a line does: the row's passage is marked in its own article.
    texts = corpus.set_index("doc_id")["text"]
    quotes = mediakit.quotes(corpus)
    figures = mediakit.figures(corpus)
    lines = mediakit.compare.kwic(corpus, "Ukraine")
    for table, end in ((quotes, "end_char"), (figures, "end_char"), (lines, None)):
        assert len(table) > 2
        ui = widgets.row_reader(table, corpus, sentences)
        assert ui.reader.value == "" and len(ui.rows.options) == len(table)
        ui.rows.value = 2
        row = table.iloc[2]
        stop = row[end] if end else row["start_char"] + len(row["match"])
        passage = texts[row["doc_id"]][row["start_char"] : stop]
        assert f"<mark style='background:#ffd54f'>{html.escape(passage)}</mark>" in ui.reader.value
        assert row["outlet"] in ui.rows.options[2][0]
        ui.rows.value = None
        assert ui.reader.value == ""
    # A long table is cut, and the note says how to narrow it.
    cut = widgets.row_reader(lines, corpus, limit=2)
    assert len(cut.rows.options) == 2 and f"of {len(lines):,} rows" in cut.note.value
    with pytest.raises(CorpusError, match="doc_id"):
        widgets.row_reader(corpus[["outlet"]], corpus)


def test_download_link_refuses_what_it_cannot_save():
    with pytest.raises(mediakit.OptionError, match="DataFrame or an altair chart"):
        widgets.download_link([1, 2], "x")


# -- in a real browser, with every request to the internet blocked ------------------------------------------
NOTEBOOK = """{"cells": [{"cell_type": "code", "execution_count": null, "id": "a1", "metadata": {}, "outputs": [],
 "source": ["import mediakit.widgets as mw\\n", "ui = mw.dashboard()\\n", "ui"]}],
 "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
 "nbformat": 4, "nbformat_minor": 5}"""
LOCAL = ("http://127.0.0.1", "http://localhost", "ws://127.0.0.1", "data:", "blob:")
ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _check_search_picker_and_download(page) -> None:
    """Search results under the box, the reader, the outlet picker and a CSV download."""
    search = page.locator(".widget-text", has=page.locator("label", has_text="Search")).locator(
        "input"
    )
    search.fill("Zelenskyy")
    search.press("Enter")
    count = page.get_by_text('lines for "Zelenskyy" in')
    count.wait_for(timeout=20_000)
    box, found = search.bounding_box(), count.bounding_box()
    # Right under the box (the old dashboard put the lines 2,000-3,400 px down, under the charts).
    assert 0 <= found["y"] - (box["y"] + box["height"]) < 120, (box, found)
    page.locator("mark").first.wait_for(timeout=20_000)  # the first hit opened in the reader
    assert "Zelenskyy" in page.locator("mark").last.text_content()
    # Picker: None empties the selection (the dashboard says so), Top N brings outlets back.
    page.get_by_role("button", name="None").click()
    page.get_by_text("Pick at least one outlet").wait_for(timeout=20_000)
    page.get_by_role("button", name="Top N by articles").click()
    page.get_by_text("Pick at least one outlet").wait_for(state="detached", timeout=20_000)
    page.locator("input[placeholder='filter outlets by name']").fill("outlet c")
    page.get_by_text("1 match the filter").wait_for(timeout=20_000)
    with page.expect_download(timeout=20_000) as info:
        page.locator("a[download='search.csv']").click()
    csv = Path(info.value.path()).read_text(encoding="utf-8")
    assert csv.splitlines()[0].startswith("doc_id,outlet") and "Zelenskyy" in csv


@pytest.mark.browser
@pytest.mark.slow
def test_voila_renders_the_dashboard_offline(tmp_path: Path):
    from tests.browser import artifact, chromium

    pytest.importorskip("voila")
    pytest.importorskip("anywidget")
    nb = tmp_path / "dashboard.ipynb"
    nb.write_text(NOTEBOOK)
    port = _free_port()
    log = tmp_path / "voila.log"
    # Run as `make dashboard` does: voila.json from the project folder, its page template on the path.
    env = {**os.environ, "JUPYTER_PATH": str(ROOT / "share" / "jupyter")}
    cmd = [sys.executable, "-m", "voila", "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1",
           "--template=mediakit"]  # fmt: skip
    with log.open("wb") as out:
        server = subprocess.Popen([*cmd, str(nb)], stdout=out, stderr=subprocess.STDOUT, env=env,
                                  cwd=ROOT)  # fmt: skip
    try:
        blocked: list[str] = []

        def route(r):
            if r.request.url.startswith(LOCAL):
                return r.continue_()
            blocked.append(r.request.url)
            return r.abort()

        with chromium() as browser:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.route("**/*", route)
            page.on(
                "websocket", lambda ws: None if ws.url.startswith(LOCAL) else blocked.append(ws.url)
            )
            for _ in range(60):  # the server needs a moment
                try:
                    page.goto(f"http://127.0.0.1:{port}/", timeout=120_000)
                    break
                except Exception:
                    time.sleep(0.5)
            page.wait_for_function(
                "document.querySelectorAll('.vega-embed svg.marks, .vega-embed canvas').length >= 6",
                timeout=180_000,
            )
            title = "() => document.querySelector('.vega-embed .role-title-text')?.textContent"
            assert page.evaluate(title) == "Flesch reading ease by outlet"
            metric = page.locator(".widget-dropdown", has=page.locator("label", has_text="Metric"))
            metric.locator("select").select_option(label="Words per sentence")
            page.wait_for_function(
                "() => (document.querySelector('.vega-embed .role-title-text')?.textContent || '')"
                ".startsWith('Words per sentence')",
                timeout=20_000,
            )
            # A click on an article's dot opens the article under the chart. (With one article per
            # outlet the mean's tick covers the dot's middle: click its left edge, as a person would.)
            dot = page.locator(".vega-embed").first.locator(".mark-symbol path").first
            height = dot.bounding_box()["height"]
            dot.click(position={"x": 1.5, "y": height / 2}, force=True)
            page.locator("h4", has_text="Biden").first.wait_for(timeout=20_000)
            try:
                _check_search_picker_and_download(page)
            finally:
                page.screenshot(path=str(artifact("voila-dashboard.png")), full_page=True)
        assert blocked == [], f"requests to the internet: {blocked}"
        assert "Culling kernels with idle durations > 600 seconds" in log.read_text(), (
            "voila.json was not read"
        )
    finally:
        server.terminate()
        server.wait(timeout=20)
